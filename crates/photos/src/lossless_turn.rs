//! Turning a JPEG upright by rearranging its DCT blocks with libjpeg-turbo's transform: no
//! decoding, no quality lost, the seller's upload stays the photo their phone took.

use turbojpeg::{Transform, Transformer};

use crate::strip::strip_jpeg;

/// The JPEG turned upright for `orientation` (2 to 8), metadata-free, or `None` when a
/// lossless turn is not possible (the image is not whole MCUs along the edges the turn moves).
pub(crate) fn lossless_turn(jpeg: &[u8], orientation: u8) -> Option<Vec<u8>> {
    let op = crate::orientation::jpeg_transform(orientation)?;
    let mut transform = Transform::op(op);
    // Refuse rather than drop the partial blocks at the edge: a cropped photo is not the photo.
    transform.perfect = true;
    transform.copy_none = true;
    let turned = Transformer::new()
        .and_then(|mut transformer| transformer.transform_to_vec(&transform, jpeg))
        .ok()?;
    // libjpeg writes a fresh header; strip again so nothing but image data can be in it.
    strip_jpeg(&turned).ok().map(|stripped| stripped.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pictures::noisy;
    use image::RgbImage;
    use turbojpeg::{Compressor, Image, PixelFormat, Subsamp};

    fn jpeg(width: usize, height: usize, subsamp: Subsamp) -> Vec<u8> {
        let pixels = noisy(width as u32, height as u32).into_raw();
        let mut compressor = Compressor::new().unwrap();
        compressor.set_quality(90).unwrap();
        compressor.set_subsamp(subsamp).unwrap();
        compressor
            .compress_to_vec(Image {
                pixels: pixels.as_slice(),
                width,
                pitch: width * 3,
                height,
                format: PixelFormat::RGB,
            })
            .unwrap()
    }

    fn decode(jpeg: &[u8]) -> RgbImage {
        let image = turbojpeg::decompress(jpeg, PixelFormat::RGB).unwrap();
        RgbImage::from_raw(image.width as u32, image.height as u32, image.pixels).unwrap()
    }

    /// The turned JPEG shows what turning the decoded pixels shows, within the rounding of
    /// decoding blocks the other way round.
    #[test]
    fn every_turn_matches_turning_the_pixels() {
        for subsamp in [Subsamp::Sub2x2, Subsamp::None, Subsamp::Gray] {
            let source = jpeg(256, 192, subsamp);
            let decoded = decode(&source);
            for orientation in 2..=8u8 {
                let turned = decode(&lossless_turn(&source, orientation).unwrap());
                let expected = crate::orientation::apply(decoded.clone(), orientation).unwrap();
                assert_eq!(turned.dimensions(), expected.dimensions());
                let total: u64 = turned
                    .as_raw()
                    .iter()
                    .zip(expected.as_raw())
                    .map(|(a, b)| u64::from(a.abs_diff(*b)))
                    .sum();
                let mean = total as f64 / turned.as_raw().len() as f64;
                assert!(mean < 1.0, "{subsamp:?} orientation {orientation}: {mean}");
            }
        }
    }

    #[test]
    fn a_turn_that_would_move_partial_blocks_is_refused() {
        // 4:2:0 needs whole 16-pixel MCUs; 250 is not a multiple of 16.
        let odd = jpeg(250, 200, Subsamp::Sub2x2);
        for orientation in [3, 6, 8] {
            assert_eq!(
                lossless_turn(&odd, orientation),
                None,
                "orientation {orientation}"
            );
        }
    }
}
