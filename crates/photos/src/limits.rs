//! Limits checked against what a file claims before any pixel is decoded, so that a 100 KB PNG
//! claiming 100000 x 100000 pixels (a decompression bomb) is refused instead of allocating 30 GB.

use crate::error::PhotoError;
use crate::sniff::SourceFormat;

/// JPEG cannot describe more than this per side, and no phone comes close; a larger claim in a
/// PNG or WebP header is a bomb.
const MAX_SIDE: u32 = 65_535;

#[derive(Debug, Clone, Copy)]
pub(crate) struct DecodeLimits {
    pub max_pixels: u64,
    pub max_decode_bytes: u64,
}

impl DecodeLimits {
    pub(crate) fn check_dimensions(
        &self,
        format: SourceFormat,
        width: u64,
        height: u64,
    ) -> Result<(), PhotoError> {
        let too_many = || PhotoError::TooManyPixels {
            format,
            width,
            height,
            max_megapixels: self.max_pixels / 1_000_000,
        };
        if width == 0 || height == 0 {
            return Err(PhotoError::Corrupt {
                format,
                detail: format!("it says it is {width} x {height} pixels"),
            });
        }
        if width > u64::from(MAX_SIDE) || height > u64::from(MAX_SIDE) {
            return Err(too_many());
        }
        if width.saturating_mul(height) > self.max_pixels {
            return Err(too_many());
        }
        Ok(())
    }

    /// The same limits for the `image` crate's decoders, which check them on the header too and
    /// also count their own working memory.
    pub(crate) fn for_image_crate(&self) -> image::Limits {
        let mut limits = image::Limits::default();
        limits.max_image_width = Some(MAX_SIDE);
        limits.max_image_height = Some(MAX_SIDE);
        limits.max_alloc = Some(self.max_decode_bytes);
        limits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: DecodeLimits = DecodeLimits {
        max_pixels: 120_000_000,
        max_decode_bytes: 1 << 30,
    };

    #[test]
    fn phone_sizes_pass() {
        assert!(LIMITS
            .check_dimensions(SourceFormat::Jpeg, 8064, 6048)
            .is_ok());
        assert!(LIMITS
            .check_dimensions(SourceFormat::Jpeg, 12000, 9000)
            .is_ok());
    }

    #[test]
    fn bombs_and_zero_sizes_are_refused() {
        let bomb = LIMITS.check_dimensions(SourceFormat::Png, 100_000, 100_000);
        assert_eq!(bomb.map_err(|e| e.code()), Err("photo.too_many_pixels"));
        let long = LIMITS.check_dimensions(SourceFormat::Png, 70_000, 10);
        assert_eq!(long.map_err(|e| e.code()), Err("photo.too_many_pixels"));
        let zero = LIMITS.check_dimensions(SourceFormat::Png, 0, 10);
        assert_eq!(zero.map_err(|e| e.code()), Err("photo.corrupt"));
    }
}
