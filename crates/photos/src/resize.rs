//! Downscaling with fast_image_resize (SIMD convolution). Never upscales: a photo smaller than
//! the target keeps its size.

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{GrayImage, RgbImage};

use crate::error::PhotoError;
use crate::orientation::{self, Region};

/// Output rows per band in `shrink_and_turn`: the per-band buffers stay around a megabyte.
const BAND_ROWS: usize = 128;

/// Width and height scaled so the long side is `long_side`, keeping the aspect ratio, at least
/// one pixel each. Unchanged when the image is already that small.
pub(crate) fn fit_long_side(width: u32, height: u32, long_side: u32) -> (u32, u32) {
    let current = width.max(height);
    if current <= long_side || current == 0 {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(long_side) + u64::from(current) / 2) / u64::from(current);
        scaled.clamp(1, u64::from(long_side)) as u32
    };
    (scale(width), scale(height))
}

fn resize_error(error: impl std::fmt::Display) -> PhotoError {
    PhotoError::Internal(format!("resizing failed: {error}"))
}

fn options() -> ResizeOptions {
    // Lanczos3 keeps the small print on a card crisp where bilinear would soften it.
    ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
}

/// The image with its long side at most `long_side`, turned upright, in one pass: the output
/// is made in bands of rows, each resized from the part of the source it shows and turned
/// straight into place. Against resizing the whole image and then turning it, this never
/// holds a second full-size copy nor the resizer's full-size intermediate buffer, and the
/// bands are shared between two threads.
pub(crate) fn shrink_and_turn(
    source: RgbImage,
    long_side: u32,
    orientation: u8,
) -> Result<RgbImage, PhotoError> {
    let (source_width, source_height) = source.dimensions();
    if fit_long_side(source_width, source_height, long_side) == (source_width, source_height) {
        return orientation::apply(source, orientation);
    }
    banded_shrink_and_turn(&source, long_side, orientation)
}

/// A copy with its long side at most `long_side`, made band by band (see `shrink_and_turn`).
pub(crate) fn shrunk_copy_rgb(image: &RgbImage, long_side: u32) -> Result<RgbImage, PhotoError> {
    let (width, height) = image.dimensions();
    if fit_long_side(width, height, long_side) == (width, height) {
        return Ok(image.clone());
    }
    banded_shrink_and_turn(image, long_side, 1)
}

fn banded_shrink_and_turn(
    source: &RgbImage,
    long_side: u32,
    orientation: u8,
) -> Result<RgbImage, PhotoError> {
    let (source_width, source_height) = source.dimensions();
    let (width, height) = fit_long_side(source_width, source_height, long_side);
    let (width, height) = (width as usize, height as usize);
    let (out_width, out_height) = if orientation::swaps_sides(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let scale_x = f64::from(source_width) / width as f64;
    let scale_y = f64::from(source_height) / height as f64;
    let source_view = ImageRef::new(
        source_width,
        source_height,
        source.as_raw(),
        PixelType::U8x3,
    )
    .map_err(resize_error)?;
    let mut out = vec![0u8; out_width * out_height * 3];

    let mut shares: [Vec<(usize, &mut [u8])>; 2] = [Vec::new(), Vec::new()];
    for (band, rows) in out.chunks_mut(BAND_ROWS * out_width * 3).enumerate() {
        shares[band % 2].push((band * BAND_ROWS, rows));
    }
    let resize_band =
        |resizer: &mut Resizer, temp: &mut Vec<u8>, first_row: usize, rows: &mut [u8]| {
            let end_row = first_row + rows.len() / (out_width * 3);
            let (x, y, w, h) =
                orientation::source_rect_for_rows(orientation, (width, height), first_row, end_row);
            let left = x as f64 * scale_x;
            let top = y as f64 * scale_y;
            let right = ((x + w) as f64 * scale_x).min(f64::from(source_width));
            let bottom = ((y + h) as f64 * scale_y).min(f64::from(source_height));
            let options = options().crop(left, top, right - left, bottom - top);
            if orientation == 1 {
                let mut target = Image::from_slice_u8(w as u32, h as u32, rows, PixelType::U8x3)
                    .map_err(resize_error)?;
                resizer
                    .resize(&source_view, &mut target, &options)
                    .map_err(resize_error)
            } else {
                temp.resize(w * h * 3, 0);
                let mut target = Image::from_slice_u8(w as u32, h as u32, temp, PixelType::U8x3)
                    .map_err(resize_error)?;
                resizer
                    .resize(&source_view, &mut target, &options)
                    .map_err(resize_error)?;
                let region = Region {
                    pixels: temp,
                    x,
                    y,
                    width: w,
                };
                orientation::turn_into(
                    orientation,
                    region,
                    (width, height),
                    rows,
                    out_width,
                    first_row,
                );
                Ok(())
            }
        };
    let results: Vec<Result<(), PhotoError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = shares
            .into_iter()
            .map(|share| {
                scope.spawn(move || {
                    let (mut resizer, mut temp) = (Resizer::new(), Vec::new());
                    share.into_iter().try_for_each(|(first_row, rows)| {
                        resize_band(&mut resizer, &mut temp, first_row, rows)
                    })
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| Err(resize_error("a resizing thread panicked")))
            })
            .collect()
    });
    results.into_iter().collect::<Result<(), _>>()?;
    RgbImage::from_raw(out_width as u32, out_height as u32, out)
        .ok_or_else(|| resize_error("output buffer has the wrong size"))
}

/// Luma (BT.601 weights, as JPEG uses) of an RGB image.
pub(crate) fn luma(image: &RgbImage) -> GrayImage {
    let (width, height) = image.dimensions();
    let mut gray = GrayImage::new(width, height);
    for (out, p) in gray.iter_mut().zip(image.as_raw().chunks_exact(3)) {
        let weighted = 299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]);
        *out = ((weighted + 500) / 1000) as u8;
    }
    gray
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_long_side_keeping_aspect() {
        assert_eq!(fit_long_side(8000, 6000, 4000), (4000, 3000));
        assert_eq!(fit_long_side(3000, 4000, 2000), (1500, 2000));
        assert_eq!(fit_long_side(4032, 3024, 4096), (4032, 3024));
        assert_eq!(fit_long_side(60000, 1, 512), (512, 1));
    }

    #[test]
    fn shrinks_pixels() {
        let image = RgbImage::from_fn(400, 300, |x, _| image::Rgb([(x % 256) as u8, 10, 20]));
        let small = shrunk_copy_rgb(&image, 100).unwrap();
        assert_eq!(small.dimensions(), (100, 75));
        assert_eq!(small.get_pixel(50, 40)[1], 10);
    }

    #[test]
    fn banded_shrink_and_turn_matches_shrink_then_turn() {
        let source = RgbImage::from_fn(1003, 611, |x, y| {
            image::Rgb([
                (x * 7 % 251) as u8,
                (y * 13 % 241) as u8,
                ((x ^ y) % 256) as u8,
            ])
        });
        for orientation in 1..=8u8 {
            let whole =
                orientation::apply(shrunk_copy_rgb(&source, 700).unwrap(), orientation).unwrap();
            let banded = shrink_and_turn(source.clone(), 700, orientation).unwrap();
            assert_eq!(
                banded.dimensions(),
                whole.dimensions(),
                "orientation {orientation}"
            );
            let worst = banded
                .as_raw()
                .iter()
                .zip(whole.as_raw())
                .map(|(a, b)| a.abs_diff(*b))
                .max()
                .unwrap();
            assert!(worst <= 1, "orientation {orientation}: off by {worst}");
        }
    }
}
