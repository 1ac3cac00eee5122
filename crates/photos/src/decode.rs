//! Bytes to RGB pixels, within the limits. JPEG goes through libjpeg-turbo, which can decode
//! straight to 1/8 ... 8/8 of the full size in the DCT domain: a 48 MP photo bound for a
//! 4000-pixel upload is decoded at half size, four times fewer pixels, never at full size.
//! PNG and WebP (and the rare JPEG libjpeg-turbo will not turn into RGB, such as CMYK) go
//! through the `image` crate; HEIC goes through libheif (`heic`).

use std::io::{BufRead, Cursor, Seek};

use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, RgbImage};
use turbojpeg::{Colorspace, Decompressor, PixelFormat, ScalingFactor};

use crate::error::PhotoError;
use crate::limits::DecodeLimits;
use crate::sniff::SourceFormat;

/// A progressive JPEG may hold any number of scans; real ones have about ten. Thousands of tiny
/// scans make decoding crawl, a known way to stall decoders.
const MAX_JPEG_SCANS: u32 = 500;

/// What a JPEG's header says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JpegHeader {
    pub width: u32,
    pub height: u32,
    /// libjpeg-turbo decodes it to RGB and can scale it while decoding. False for CMYK and
    /// lossless JPEGs, which take the slower general path.
    pub turbo_rgb: bool,
    /// Fit to upload as it is: a colour or grey photo every viewer shows. Arithmetic-coded and
    /// lossless JPEGs are valid but most browsers cannot show them.
    pub keepable: bool,
}

impl JpegHeader {
    pub(crate) fn long_side(&self) -> u32 {
        self.width.max(self.height)
    }
}

pub(crate) fn turbo_error(format: SourceFormat, error: turbojpeg::Error) -> PhotoError {
    match error {
        turbojpeg::Error::TurboJpegError(message) => {
            // libjpeg's wordings for data that ends before the image does: "Premature end of
            // JPEG file", and "premature end of data segment" when an end marker comes early.
            if message.to_ascii_lowercase().contains("premature end") {
                PhotoError::Truncated { format }
            } else {
                PhotoError::Corrupt {
                    format,
                    detail: message,
                }
            }
        }
        // Sizes libjpeg reports that do not fit an int: header nonsense.
        turbojpeg::Error::IntegerOverflow(what) => PhotoError::Corrupt {
            format,
            detail: format!("its header gives an impossible {what}"),
        },
        other => PhotoError::Internal(other.to_string()),
    }
}

fn jpeg_error(error: turbojpeg::Error) -> PhotoError {
    turbo_error(SourceFormat::Jpeg, error)
}

/// Reads and checks a JPEG's header; nothing is decoded yet.
pub(crate) fn jpeg_header(bytes: &[u8], limits: &DecodeLimits) -> Result<JpegHeader, PhotoError> {
    let mut decompressor = Decompressor::new().map_err(jpeg_error)?;
    let header = decompressor.read_header(bytes).map_err(jpeg_error)?;
    let (width, height) = (header.width as u64, header.height as u64);
    limits.check_dimensions(SourceFormat::Jpeg, width, height)?;
    let turbo_rgb = matches!(
        header.colorspace,
        Colorspace::YCbCr | Colorspace::Gray | Colorspace::RGB
    ) && !header.is_lossless;
    Ok(JpegHeader {
        // check_dimensions bounds both sides far below u32::MAX
        width: width as u32,
        height: height as u32,
        turbo_rgb,
        keepable: turbo_rgb && !header.is_arithmetic,
    })
}

/// The smallest DCT scaling (n/8) whose long side is at least `wanted`, or full size.
fn scaling_for(header: &JpegHeader, wanted: u32) -> ScalingFactor {
    (1..8)
        .map(|eighths| ScalingFactor::new(eighths, 8))
        .find(|factor| factor.scale(header.long_side() as usize) >= wanted as usize)
        .unwrap_or(ScalingFactor::ONE)
}

/// How the half-resolution colour of a typical JPEG is brought up to full resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Upsampling {
    /// Interpolated: for pixels that will be uploaded.
    Smooth,
    /// Repeated: faster, for the checks and the preview.
    Fast,
}

/// Decodes a JPEG to RGB, scaled down in the DCT domain as far as possible while keeping the
/// long side at least `wanted` pixels (never scaled up).
pub(crate) fn decode_jpeg(
    bytes: &[u8],
    header: &JpegHeader,
    wanted: u32,
    upsampling: Upsampling,
    limits: &DecodeLimits,
) -> Result<RgbImage, PhotoError> {
    if !header.turbo_rgb {
        return decode_with_image_crate(Cursor::new(bytes), SourceFormat::Jpeg, limits)
            .map(|decoded| decoded.rgb);
    }
    let mut decompressor = Decompressor::new().map_err(jpeg_error)?;
    decompressor
        .set_scan_limit(MAX_JPEG_SCANS)
        .map_err(jpeg_error)?;
    let factor = scaling_for(header, wanted);
    decompressor
        .set_scaling_factor(factor)
        .map_err(jpeg_error)?;
    decompressor
        .set_fast_upsample(upsampling == Upsampling::Fast)
        .map_err(jpeg_error)?;
    let width = factor.scale(header.width as usize);
    let height = factor.scale(header.height as usize);
    let mut pixels = vec![0u8; width * height * 3];
    let target = turbojpeg::Image {
        pixels: pixels.as_mut_slice(),
        width,
        pitch: width * 3,
        height,
        format: PixelFormat::RGB,
    };
    decompressor.decompress(bytes, target).map_err(jpeg_error)?;
    RgbImage::from_raw(width as u32, height as u32, pixels)
        .ok_or_else(|| PhotoError::Internal("decoded JPEG buffer has the wrong size".to_string()))
}

/// Pixels from the `image` crate, flattened to RGB, with the orientation the file asks for.
pub(crate) struct DecodedImage {
    pub rgb: RgbImage,
    pub orientation: u8,
}

/// Decodes PNG, WebP or an unusual JPEG with the `image` crate, under the limits.
pub(crate) fn decode_with_image_crate(
    mut reader: impl BufRead + Seek,
    format: SourceFormat,
    limits: &DecodeLimits,
) -> Result<DecodedImage, PhotoError> {
    let image_format = match format {
        SourceFormat::Jpeg => ImageFormat::Jpeg,
        SourceFormat::Png => ImageFormat::Png,
        SourceFormat::WebP => ImageFormat::WebP,
        SourceFormat::Heic => {
            return Err(PhotoError::Internal(
                "HEIC is decoded by libheif, not the image crate".to_string(),
            ))
        }
    };
    let to_error = |error| image_error(format, error);
    if format == SourceFormat::Png {
        // Checked from IHDR first, so a bomb is named with the size it claims.
        let head = reader
            .fill_buf()
            .map_err(|e| to_error(ImageError::IoError(e)))?;
        if let Some((width, height)) = png_dimensions(head) {
            limits.check_dimensions(format, width, height)?;
        }
    }
    let mut reader = image::ImageReader::with_format(reader, image_format);
    reader.limits(limits.for_image_crate());
    let mut decoder = reader.into_decoder().map_err(to_error)?;
    let (width, height) = decoder.dimensions();
    limits.check_dimensions(format, u64::from(width), u64::from(height))?;
    let orientation = decoder.orientation().map_or(1, |o| o.to_exif());
    let image = DynamicImage::from_decoder(decoder).map_err(to_error)?;
    Ok(DecodedImage {
        rgb: flatten_to_rgb(image)?,
        orientation,
    })
}

fn png_dimensions(bytes: &[u8]) -> Option<(u64, u64)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(bytes.get(16..20)?.try_into().ok()?);
    let height = u32::from_be_bytes(bytes.get(20..24)?.try_into().ok()?);
    Some((u64::from(width), u64::from(height)))
}

fn image_error(format: SourceFormat, error: ImageError) -> PhotoError {
    match error {
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PhotoError::Truncated { format }
        }
        ImageError::Decoding(decoding) => {
            let detail = decoding.to_string();
            let lower = detail.to_ascii_lowercase();
            if lower.contains("eof") || lower.contains("end of file") || lower.contains("truncated")
            {
                PhotoError::Truncated { format }
            } else {
                PhotoError::Corrupt { format, detail }
            }
        }
        ImageError::Limits(limit) => PhotoError::Corrupt {
            format,
            detail: format!("decoding it would need too much memory: {limit}"),
        },
        ImageError::Unsupported(unsupported) => PhotoError::Corrupt {
            format,
            detail: format!("it uses a feature we cannot read: {unsupported}"),
        },
        other => PhotoError::Corrupt {
            format,
            detail: other.to_string(),
        },
    }
}

/// RGB for JPEG encoding and analysis; transparent areas become white, as a viewer on a white
/// page would show them.
pub(crate) fn flatten_to_rgb(image: DynamicImage) -> Result<RgbImage, PhotoError> {
    if !image.color().has_alpha() {
        return Ok(image.into_rgb8());
    }
    let rgba = image.into_rgba8();
    let (width, height) = rgba.dimensions();
    let mut rgb = Vec::with_capacity(width as usize * height as usize * 3);
    for pixel in rgba.as_raw().chunks_exact(4) {
        let alpha = u32::from(pixel[3]);
        for &channel in &pixel[..3] {
            let over_white = (u32::from(channel) * alpha + 255 * (255 - alpha) + 127) / 255;
            rgb.push(over_white as u8);
        }
    }
    RgbImage::from_raw(width, height, rgb)
        .ok_or_else(|| PhotoError::Internal("flattened image has the wrong size".to_string()))
}
