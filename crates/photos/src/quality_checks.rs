//! Warnings about what gets photos rejected by the reviewer. They never block the upload: a
//! dark photo of a card can still be readable, and the seller decides.
//!
//! The checks run on the luma of the upright image scaled to about 1000 pixels on its long
//! side, so the thresholds mean the same for a 2 MP and a 48 MP photo, and they cost a few
//! milliseconds.

use image::GrayImage;

/// Long side of the image the checks look at.
pub(crate) const ANALYSIS_LONG_SIDE: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoWarning {
    /// The source's long side is under the recommended size.
    TooSmall { long_side: u32, recommended: u32 },
    /// The variance of the Laplacian (edge contrast) is under the threshold.
    Blurry { sharpness: u32, threshold: u32 },
    /// Mean brightness (luma, 0 to 255) is under the threshold.
    TooDark { brightness: u8, threshold: u8 },
    /// This share of the pixels is clipped to (near) white.
    BlownOut { clipped_percent: u8, threshold: u8 },
}

impl PhotoWarning {
    /// A stable identifier for this kind of warning.
    pub fn code(&self) -> &'static str {
        match self {
            PhotoWarning::TooSmall { .. } => "photo.warning.too_small",
            PhotoWarning::Blurry { .. } => "photo.warning.blurry",
            PhotoWarning::TooDark { .. } => "photo.warning.too_dark",
            PhotoWarning::BlownOut { .. } => "photo.warning.blown_out",
        }
    }

    /// The numbers the warning's words take, by name (`long_side`, `recommended`,
    /// `clipped_percent`, ...), for a UI that words it in the seller's language.
    pub fn values(&self) -> Vec<(&'static str, u32)> {
        match self {
            PhotoWarning::TooSmall {
                long_side,
                recommended,
            } => vec![("long_side", *long_side), ("recommended", *recommended)],
            PhotoWarning::Blurry {
                sharpness,
                threshold,
            } => vec![("sharpness", *sharpness), ("threshold", *threshold)],
            PhotoWarning::TooDark {
                brightness,
                threshold,
            } => vec![
                ("brightness", u32::from(*brightness)),
                ("threshold", u32::from(*threshold)),
            ],
            PhotoWarning::BlownOut {
                clipped_percent,
                threshold,
            } => vec![
                ("clipped_percent", u32::from(*clipped_percent)),
                ("threshold", u32::from(*threshold)),
            ],
        }
    }

    /// What is wrong and what to do, for the seller.
    pub fn message(&self) -> String {
        match self {
            PhotoWarning::TooSmall { long_side, recommended } => format!(
                "The photo is small ({long_side} pixels on its long side; {recommended} or more is \
                 better), so the reviewer may not be able to read the card. Take the photo with \
                 the phone's camera at full size, close enough that the card fills the frame."
            ),
            PhotoWarning::Blurry { .. } => "The photo looks blurry, and a reviewer who cannot read the \
                 card will reject it. Hold the phone steady, tap the card on the screen to focus, \
                 and take it again."
                .to_string(),
            PhotoWarning::TooDark { .. } => "The photo is dark, and the card may be hard to read. Take \
                 it again in better light."
                .to_string(),
            PhotoWarning::BlownOut { clipped_percent, .. } => format!(
                "{clipped_percent}% of the photo is washed out to white by light or glare, which can \
                 hide the card's numbers. Turn off the flash, avoid direct light on the card, and \
                 take it again."
            ),
        }
    }

    /// A few words, for a one-line summary.
    pub fn short(&self) -> String {
        match self {
            PhotoWarning::TooSmall { long_side, .. } => format!("small ({long_side} px long side)"),
            PhotoWarning::Blurry { sharpness, .. } => format!("blurry (sharpness {sharpness})"),
            PhotoWarning::TooDark { brightness, .. } => {
                format!("dark (brightness {brightness}/255)")
            }
            PhotoWarning::BlownOut {
                clipped_percent, ..
            } => {
                format!("washed out ({clipped_percent}% white)")
            }
        }
    }
}

/// Where each warning starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Thresholds {
    pub small_long_side: u32,
    pub blur_sharpness: u32,
    pub dark_brightness: u8,
    pub blown_out_percent: u8,
}

/// Luma at or above this counts as clipped white.
const CLIPPED_LUMA: u8 = 250;
/// Below this size edges say too little about focus.
const MIN_SIDE_FOR_BLUR_CHECK: u32 = 64;

pub(crate) fn check(
    analysis: &GrayImage,
    source_long_side: u32,
    thresholds: &Thresholds,
) -> Vec<PhotoWarning> {
    let mut warnings = Vec::new();
    if source_long_side < thresholds.small_long_side {
        warnings.push(PhotoWarning::TooSmall {
            long_side: source_long_side,
            recommended: thresholds.small_long_side,
        });
    }
    let (width, height) = analysis.dimensions();
    if width.min(height) >= MIN_SIDE_FOR_BLUR_CHECK {
        let sharpness = laplacian_variance(analysis)
            .round()
            .min(f64::from(u32::MAX)) as u32;
        if sharpness < thresholds.blur_sharpness {
            warnings.push(PhotoWarning::Blurry {
                sharpness,
                threshold: thresholds.blur_sharpness,
            });
        }
    }
    let pixels = analysis.as_raw();
    if !pixels.is_empty() {
        let count = pixels.len() as u64;
        let sum: u64 = pixels.iter().map(|&p| u64::from(p)).sum();
        let brightness = (sum / count) as u8;
        if brightness < thresholds.dark_brightness {
            warnings.push(PhotoWarning::TooDark {
                brightness,
                threshold: thresholds.dark_brightness,
            });
        }
        let clipped = pixels.iter().filter(|&&p| p >= CLIPPED_LUMA).count() as u64;
        let clipped_percent = (clipped * 100 / count) as u8;
        if clipped_percent >= thresholds.blown_out_percent {
            warnings.push(PhotoWarning::BlownOut {
                clipped_percent,
                threshold: thresholds.blown_out_percent,
            });
        }
    }
    warnings
}

/// Variance of the 4-neighbour Laplacian over the interior pixels: sharp edges give large
/// second derivatives, blur flattens them.
pub fn laplacian_variance(gray: &GrayImage) -> f64 {
    let (width, height) = (gray.width() as usize, gray.height() as usize);
    if width < 3 || height < 3 {
        return 0.0;
    }
    let pixels = gray.as_raw();
    let (mut sum, mut sum_squares, mut count) = (0i64, 0i64, 0i64);
    for y in 1..height - 1 {
        let above = &pixels[(y - 1) * width..y * width];
        let row = &pixels[y * width..(y + 1) * width];
        let below = &pixels[(y + 1) * width..(y + 2) * width];
        for x in 1..width - 1 {
            let value = i64::from(above[x])
                + i64::from(below[x])
                + i64::from(row[x - 1])
                + i64::from(row[x + 1])
                - 4 * i64::from(row[x]);
            sum += value;
            sum_squares += value * value;
            count += 1;
        }
    }
    let mean = sum as f64 / count as f64;
    sum_squares as f64 / count as f64 - mean * mean
}
