//! Files a person might pick by mistake: not an image at all, or a huge PNG.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use rand::RngCore;

use crate::HarnessError;

/// A text file named like a photo: only its first bytes tell what it is.
pub fn text_named_jpg(dir: &Path, name: &str) -> Result<PathBuf, HarnessError> {
    let path = dir.join(name);
    std::fs::write(&path, "Card number 4111 1111 1111 1111, balance $55.00\n")?;
    Ok(path)
}

/// A real PNG of `width` x `height` noisy RGB pixels: noise does not compress, so the file is
/// about 3 bytes a pixel (5000 x 4200 makes about 63 MB).
pub fn noisy_png(dir: &Path, name: &str, width: u32, height: u32) -> Result<PathBuf, HarnessError> {
    let path = dir.join(name);
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    rand::rng().fill_bytes(&mut pixels);
    let writer = BufWriter::new(File::create(&path)?);
    PngEncoder::new_with_quality(writer, CompressionType::Fast, FilterType::NoFilter)
        .write_image(&pixels, width, height, ExtendedColorType::Rgb8)
        .map_err(|error| HarnessError::Fixture {
            what: "a large PNG",
            detail: error.to_string(),
        })?;
    Ok(path)
}
