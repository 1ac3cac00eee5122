//! Encoding, and the search for the highest JPEG quality that fits the byte budget.
//!
//! A plain binary search would encode the whole photo five or six times. Instead the search runs
//! on a sample of the photo (evenly spaced bands of rows, about a twelfth of it), whose size
//! scaled up predicts the full size within a few percent. The full photo is then encoded at the
//! predicted quality; its real size corrects the prediction, and in the rare case it missed, one
//! or two more full encodes settle it. Typically: six cheap sample encodes and one or two full
//! ones.

use std::collections::HashMap;

use image::RgbImage;
use turbojpeg::{Compressor, PixelFormat, Subsamp};

use crate::decode::turbo_error;
use crate::error::PhotoError;
use crate::sniff::SourceFormat;

/// JPEG MCU height with 4:2:0 chroma subsampling: bands of this height encode the same way in
/// the sample as in the whole photo.
const BAND_ROWS: u32 = 16;
/// Photos smaller than this are searched with full encodes, which are cheap at that size.
const MIN_PIXELS_FOR_SAMPLING: u64 = 2_000_000;
/// About one row band in this many goes into the sample.
const SAMPLE_EVERY: u32 = 12;
/// The prediction aims this far under the budget so that its small error rarely overshoots.
const PREDICTION_HEADROOM: f64 = 0.98;
/// Beyond this many full encodes the search settles for the best fit found.
const MAX_FULL_ENCODES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QualityRange {
    pub min: u8,
    pub max: u8,
}

#[derive(Debug)]
pub(crate) struct EncodedJpeg {
    pub bytes: Vec<u8>,
    pub quality: u8,
}

fn encode_error(error: turbojpeg::Error) -> PhotoError {
    match turbo_error(SourceFormat::Jpeg, error) {
        PhotoError::Corrupt { detail, .. } => {
            PhotoError::Internal(format!("JPEG encoding failed: {detail}"))
        }
        other => other,
    }
}

/// Encodes RGB pixels as a baseline JPEG with 4:2:0 chroma, the layout every viewer reads and
/// the usual one for photos.
pub(crate) fn encode_jpeg(image: &RgbImage, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let mut compressor = Compressor::new().map_err(encode_error)?;
    compressor
        .set_quality(i32::from(quality.clamp(1, 100)))
        .map_err(encode_error)?;
    compressor
        .set_subsamp(Subsamp::Sub2x2)
        .map_err(encode_error)?;
    let (width, height) = image.dimensions();
    let source = turbojpeg::Image {
        pixels: image.as_raw().as_slice(),
        width: width as usize,
        pitch: width as usize * 3,
        height: height as usize,
        format: PixelFormat::RGB,
    };
    compressor.compress_to_vec(source).map_err(encode_error)
}

/// Encodes as PNG (only for PNG sources that are kept as PNG but had to be turned upright).
pub(crate) fn encode_png(image: &RgbImage) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image.clone())
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| PhotoError::Internal(format!("PNG encoding failed: {e}")))?;
    Ok(out)
}

/// Every `every`-th band of `band_rows` rows of `image`, as one picture, and how many times
/// taller the whole is.
fn bands(image: &RgbImage, every: u32, band_rows: u32) -> Option<(RgbImage, f64)> {
    let (width, height) = image.dimensions();
    let bands = height / band_rows;
    let row_bytes = width as usize * 3;
    let band_bytes = row_bytes * band_rows as usize;
    let mut pixels = Vec::with_capacity(band_bytes * (bands / every.max(1) + 1) as usize);
    // Start half a step in, so the sample is centred rather than hugging the top edge.
    for band in (every / 2..bands).step_by(every.max(1) as usize) {
        let start = band as usize * band_bytes;
        pixels.extend_from_slice(image.as_raw().get(start..start + band_bytes)?);
    }
    let sample_rows = (pixels.len() / row_bytes) as u32;
    if sample_rows == 0 {
        return None;
    }
    Some((
        RgbImage::from_raw(width, sample_rows, pixels)?,
        f64::from(height) / f64::from(sample_rows),
    ))
}

/// Evenly spaced bands of rows, and how many times larger the whole image is.
struct Sample {
    image: RgbImage,
    scale: f64,
}

impl Sample {
    fn of(image: &RgbImage) -> Option<Sample> {
        if u64::from(image.width()) * u64::from(image.height()) < MIN_PIXELS_FOR_SAMPLING {
            return None;
        }
        let (image, scale) = bands(image, SAMPLE_EVERY, BAND_ROWS)?;
        Some(Sample { image, scale })
    }
}

/// Predicted full sizes per quality, from sample encodes, corrected by what full encodes showed.
struct Predictor<'a> {
    sample: &'a Sample,
    sizes: HashMap<u8, f64>,
    correction: f64,
}

impl Predictor<'_> {
    fn uncorrected(&mut self, quality: u8) -> Result<f64, PhotoError> {
        if let Some(size) = self.sizes.get(&quality) {
            return Ok(*size);
        }
        let size = encode_jpeg(&self.sample.image, quality)?.len() as f64 * self.sample.scale;
        self.sizes.insert(quality, size);
        Ok(size)
    }

    fn predict(&mut self, quality: u8) -> Result<f64, PhotoError> {
        Ok(self.uncorrected(quality)? * self.correction)
    }

    /// The highest quality in `min..=max` predicted to fit, if any.
    fn highest_fitting(&mut self, min: u8, max: u8, budget: f64) -> Result<Option<u8>, PhotoError> {
        let (mut lo, mut hi) = (min, max);
        let mut found = None;
        while lo <= hi {
            let mid = lo + (hi - lo) / 2;
            if self.predict(mid)? <= budget {
                found = Some(mid);
                lo = mid + 1;
            } else if mid == 0 {
                break;
            } else {
                hi = mid - 1;
            }
        }
        Ok(found)
    }
}

/// The highest-quality JPEG of `image` within `range` that is at most `budget` bytes, or `None`
/// when even the lowest quality of the range is too big.
pub(crate) fn best_jpeg_within(
    image: &RgbImage,
    budget: u64,
    range: QualityRange,
) -> Result<Option<EncodedJpeg>, PhotoError> {
    match Sample::of(image) {
        None => exact_search(image, budget, range),
        Some(sample) => predicted_search(image, &sample, budget, range),
    }
}

/// Binary search with full encodes, for small images.
fn exact_search(
    image: &RgbImage,
    budget: u64,
    range: QualityRange,
) -> Result<Option<EncodedJpeg>, PhotoError> {
    let (mut lo, mut hi) = (range.min, range.max);
    let mut best = None;
    while lo <= hi {
        let quality = lo + (hi - lo) / 2;
        let bytes = encode_jpeg(image, quality)?;
        if bytes.len() as u64 <= budget {
            best = Some(EncodedJpeg { bytes, quality });
            lo = quality + 1;
        } else if quality == 0 {
            break;
        } else {
            hi = quality - 1;
        }
    }
    Ok(best)
}

fn predicted_search(
    image: &RgbImage,
    sample: &Sample,
    budget: u64,
    range: QualityRange,
) -> Result<Option<EncodedJpeg>, PhotoError> {
    let mut predictor = Predictor {
        sample,
        sizes: HashMap::new(),
        correction: 1.0,
    };
    let target = budget as f64 * PREDICTION_HEADROOM;
    // Qualities below `lo` are known to fit (or are out of range); above `hi`, known not to.
    let (mut lo, mut hi) = (range.min, range.max);
    let mut best: Option<EncodedJpeg> = None;
    for _ in 0..MAX_FULL_ENCODES {
        if lo > hi {
            break;
        }
        let quality = match predictor.highest_fitting(lo, hi, target)? {
            Some(quality) => quality,
            // Nothing untried is predicted to fit. Worth one real try at the bottom of the
            // range only when the prediction misses narrowly and nothing fits yet.
            None if best.is_none() && predictor.predict(lo)? <= budget as f64 * 1.1 => lo,
            None => break,
        };
        let bytes = encode_jpeg(image, quality)?;
        let actual = bytes.len() as f64;
        predictor.correction = actual / predictor.uncorrected(quality)?;
        if bytes.len() as u64 <= budget {
            best = Some(EncodedJpeg { bytes, quality });
            if quality == u8::MAX {
                break;
            }
            lo = quality + 1;
        } else {
            if quality == 0 {
                break;
            }
            hi = quality - 1;
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pictures::noisy;

    #[test]
    fn small_images_get_the_best_quality_that_fits() {
        let image = noisy(600, 400);
        let at_80 = encode_jpeg(&image, 80).unwrap().len() as u64;
        let found = best_jpeg_within(&image, at_80, QualityRange { min: 40, max: 95 })
            .unwrap()
            .unwrap();
        assert!(found.bytes.len() as u64 <= at_80);
        assert!(found.quality >= 80, "quality {}", found.quality);
        let over = encode_jpeg(&image, found.quality + 1).unwrap().len() as u64;
        assert!(over > at_80);
    }

    #[test]
    fn large_images_fit_by_prediction() {
        let image = noisy(2000, 1600);
        let at_70 = encode_jpeg(&image, 70).unwrap().len() as u64;
        let found = best_jpeg_within(&image, at_70, QualityRange { min: 40, max: 95 })
            .unwrap()
            .unwrap();
        assert!(found.bytes.len() as u64 <= at_70);
        assert!(found.quality >= 68, "quality {}", found.quality);
    }

    #[test]
    fn hopeless_budget_gives_none() {
        let image = noisy(2000, 1600);
        let found = best_jpeg_within(&image, 10_000, QualityRange { min: 70, max: 92 }).unwrap();
        assert!(found.is_none());
    }
}
