//! A picture held the way a JPEG stores it: full-resolution luma and quarter-resolution
//! chroma (YCbCr 4:2:0), half the memory of RGB. A large PNG bound to become a JPEG is
//! converted row pair by row pair as it is decoded, so the whole picture is never in memory as
//! RGB, and libjpeg-turbo encodes the planes as they are.
//!
//! The arithmetic is libjpeg's (JFIF full-range BT.601, 16-bit fixed point, the 2x2 average
//! with its alternating rounding bias), so the planes are what libjpeg-turbo would have made
//! from the RGB itself.

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;
use turbojpeg::{Compressor, Subsamp, YuvImage};

use crate::encode::encode_error;
use crate::error::PhotoError;

const SCALE_BITS: u32 = 16;
const ONE_HALF: i32 = 1 << (SCALE_BITS - 1);
const CBCR_OFFSET: i32 = 128 << SCALE_BITS;

const fn fix(x: f64) -> i32 {
    (x * (1u32 << SCALE_BITS) as f64 + 0.5) as i32
}

/// Even width and height: every chroma sample covers exactly four pixels, and the planes have
/// the layout libjpeg-turbo expects with no padding.
#[derive(Debug, Clone)]
pub(crate) struct Ycc420 {
    width: u32,
    height: u32,
    /// Y plane, then Cb, then Cr.
    planes: Vec<u8>,
}

impl Ycc420 {
    /// An empty picture to fill with `set_row_pair`, or `None` for odd sizes.
    pub(crate) fn new(width: u32, height: u32) -> Option<Ycc420> {
        if width == 0 || height == 0 || !width.is_multiple_of(2) || !height.is_multiple_of(2) {
            return None;
        }
        let luma = width as usize * height as usize;
        Some(Ycc420 {
            width,
            height,
            planes: vec![0; luma + luma / 2],
        })
    }

    /// A picture from its three planes, one after the other; `None` for odd sizes or a
    /// buffer of the wrong length.
    pub(crate) fn from_planes(width: u32, height: u32, planes: Vec<u8>) -> Option<Ycc420> {
        let even = width.is_multiple_of(2) && height.is_multiple_of(2);
        let luma = width as usize * height as usize;
        (even && luma > 0 && planes.len() == luma + luma / 2).then_some(Ycc420 {
            width,
            height,
            planes,
        })
    }

    pub(crate) fn dimensions(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn split(&self) -> (&[u8], &[u8], &[u8]) {
        let luma = self.width as usize * self.height as usize;
        let (y, chroma) = self.planes.split_at(luma);
        let (cb, cr) = chroma.split_at(luma / 4);
        (y, cb, cr)
    }

    /// Converts rows `2 * pair` and `2 * pair + 1`, given as RGB, into the planes.
    pub(crate) fn set_row_pair(&mut self, pair: u32, top: &[u8], bottom: &[u8]) {
        let width = self.width as usize;
        let luma = width * self.height as usize;
        let (y_plane, chroma) = self.planes.split_at_mut(luma);
        let (cb_plane, cr_plane) = chroma.split_at_mut(luma / 4);
        let row = 2 * pair as usize;
        let (y_top, y_bottom) = y_plane[row * width..(row + 2) * width].split_at_mut(width);
        let half = width / 2;
        let cb_row = &mut cb_plane[pair as usize * half..(pair as usize + 1) * half];
        let cr_row = &mut cr_plane[pair as usize * half..(pair as usize + 1) * half];
        let pixels = top.chunks_exact(6).zip(bottom.chunks_exact(6));
        for (x, (t, b)) in pixels.enumerate().take(half) {
            let quad = [&t[0..3], &t[3..6], &b[0..3], &b[3..6]];
            let (mut cb_sum, mut cr_sum) = (0i32, 0i32);
            for (i, p) in quad.iter().enumerate() {
                let (r, g, b) = (i32::from(p[0]), i32::from(p[1]), i32::from(p[2]));
                let y = (fix(0.299) * r + fix(0.587) * g + fix(0.114) * b + ONE_HALF) >> SCALE_BITS;
                let y = y as u8;
                match i {
                    0 => y_top[2 * x] = y,
                    1 => y_top[2 * x + 1] = y,
                    2 => y_bottom[2 * x] = y,
                    _ => y_bottom[2 * x + 1] = y,
                }
                cb_sum += (-fix(0.168_735_92) * r - fix(0.331_264_08) * g
                    + fix(0.5) * b
                    + CBCR_OFFSET
                    + ONE_HALF
                    - 1)
                    >> SCALE_BITS;
                cr_sum += (fix(0.5) * r - fix(0.418_687_59) * g - fix(0.081_312_41) * b
                    + CBCR_OFFSET
                    + ONE_HALF
                    - 1)
                    >> SCALE_BITS;
            }
            let bias = if x % 2 == 0 { 1 } else { 2 };
            cb_row[x] = ((cb_sum + bias) >> 2) as u8;
            cr_row[x] = ((cr_sum + bias) >> 2) as u8;
        }
    }

    /// Baseline JPEG, 4:2:0, straight from the planes.
    pub(crate) fn encode(&self, quality: u8) -> Result<Vec<u8>, PhotoError> {
        let mut compressor = Compressor::new().map_err(encode_error)?;
        compressor
            .set_quality(i32::from(quality.clamp(1, 100)))
            .map_err(encode_error)?;
        compressor
            .compress_yuv_to_vec(YuvImage {
                pixels: self.planes.as_slice(),
                width: self.width as usize,
                align: 1,
                height: self.height as usize,
                subsamp: Subsamp::Sub2x2,
            })
            .map_err(encode_error)
    }

    /// Every `every`-th band of `band_rows` rows (even), as one picture, and how many times
    /// taller the whole is. `None` when that leaves nothing.
    pub(crate) fn bands(&self, every: u32, band_rows: u32) -> Option<(Ycc420, f64)> {
        let (y, cb, cr) = self.split();
        let width = self.width as usize;
        let bands = self.height / band_rows;
        let picked: Vec<u32> = (every / 2..bands).step_by(every.max(1) as usize).collect();
        let rows = picked.len() as u32 * band_rows;
        let mut sample = Ycc420::new(self.width, rows)?;
        let luma_band = width * band_rows as usize;
        let chroma_band = luma_band / 4;
        let luma = width * rows as usize;
        let (y_out, chroma_out) = sample.planes.split_at_mut(luma);
        let (cb_out, cr_out) = chroma_out.split_at_mut(luma / 4);
        for (i, band) in picked.iter().enumerate() {
            let band = *band as usize;
            y_out[i * luma_band..(i + 1) * luma_band]
                .copy_from_slice(y.get(band * luma_band..(band + 1) * luma_band)?);
            cb_out[i * chroma_band..(i + 1) * chroma_band]
                .copy_from_slice(cb.get(band * chroma_band..(band + 1) * chroma_band)?);
            cr_out[i * chroma_band..(i + 1) * chroma_band]
                .copy_from_slice(cr.get(band * chroma_band..(band + 1) * chroma_band)?);
        }
        Some((sample, f64::from(self.height) / f64::from(rows)))
    }

    /// A copy with its long side at most `long_side`, still in planes, for a preview; `None`
    /// when that size is odd.
    pub(crate) fn shrunk(&self, long_side: u32) -> Result<Option<Ycc420>, PhotoError> {
        let (width, height) = crate::resize::fit_long_side(self.width, self.height, long_side);
        if width % 2 != 0 || height % 2 != 0 {
            return Ok(None);
        }
        let (y, cb, cr) = self.split();
        let full = (self.width, self.height);
        let half = (self.width / 2, self.height / 2);
        let chroma =
            |plane| resized_plane(plane, half, (width / 2, height / 2), FilterType::Bilinear);
        // Luma is two thirds of the work: the colour is done beside it.
        let (luma, (cb, cr)) = rayon::join(
            || resized_plane(y, full, (width, height), FilterType::Bilinear),
            || (chroma(cb), chroma(cr)),
        );
        let planes = [luma?, cb?, cr?].concat();
        Ok(Ycc420::from_planes(width, height, planes))
    }

    /// An RGB copy with its long side at most `long_side` (for the checks and the preview).
    pub(crate) fn shrunk_rgb(&self, long_side: u32) -> Result<RgbImage, PhotoError> {
        let (width, height) = crate::resize::fit_long_side(self.width, self.height, long_side);
        let (y, cb, cr) = self.split();
        let (half_width, half_height) = (self.width / 2, self.height / 2);
        let (full, half) = ((self.width, self.height), (half_width, half_height));
        let y = resized_plane(y, full, (width, height), FilterType::Lanczos3)?;
        let cb = resized_plane(cb, half, (width, height), FilterType::Lanczos3)?;
        let cr = resized_plane(cr, half, (width, height), FilterType::Lanczos3)?;
        Ok(to_rgb(width, height, &y, &cb, &cr))
    }

    /// The whole picture as RGB, chroma repeated over its four pixels.
    pub(crate) fn into_rgb(self) -> RgbImage {
        let (width, height) = (self.width, self.height);
        let (y, cb, cr) = self.split();
        let half = width as usize / 2;
        let mut rgb = RgbImage::new(width, height);
        for (row, out) in rgb.chunks_exact_mut(width as usize * 3).enumerate() {
            let luma = &y[row * width as usize..(row + 1) * width as usize];
            let chroma = (row / 2) * half..(row / 2 + 1) * half;
            let (cb, cr) = (&cb[chroma.clone()], &cr[chroma]);
            for (x, pixel) in out.chunks_exact_mut(3).enumerate() {
                pixel.copy_from_slice(&ycc_to_rgb(luma[x], cb[x / 2], cr[x / 2]));
            }
        }
        rgb
    }
}

/// One plane resized with `filter`: Lanczos3 where the result is looked at closely (the
/// checks, an upload), bilinear for a preview on screen at half the size, where it looks the
/// same and costs a third.
pub(crate) fn resized_plane(
    plane: &[u8],
    (width, height): (u32, u32),
    (to_width, to_height): (u32, u32),
    filter: FilterType,
) -> Result<Vec<u8>, PhotoError> {
    let error = |e: &dyn std::fmt::Display| PhotoError::Internal(format!("resizing failed: {e}"));
    let source = ImageRef::new(width, height, plane, PixelType::U8).map_err(|e| error(&e))?;
    let mut target = Image::new(to_width, to_height, PixelType::U8);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(filter));
    Resizer::new()
        .resize(&source, &mut target, &options)
        .map_err(|e| error(&e))?;
    Ok(target.into_vec())
}

fn to_rgb(width: u32, height: u32, y: &[u8], cb: &[u8], cr: &[u8]) -> RgbImage {
    let mut rgb = RgbImage::new(width, height);
    for (i, pixel) in rgb.chunks_exact_mut(3).enumerate() {
        pixel.copy_from_slice(&ycc_to_rgb(y[i], cb[i], cr[i]));
    }
    rgb
}

pub(crate) fn ycc_to_rgb(y: u8, cb: u8, cr: u8) -> [u8; 3] {
    let y = i32::from(y) << SCALE_BITS;
    let (cb, cr) = (i32::from(cb) - 128, i32::from(cr) - 128);
    let clamp = |v: i32| ((v + ONE_HALF) >> SCALE_BITS).clamp(0, 255) as u8;
    [
        clamp(y + fix(1.402) * cr),
        clamp(y - fix(0.344_136_29) * cb - fix(0.714_136_29) * cr),
        clamp(y + fix(1.772) * cb),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pictures::noisy;

    fn from_rgb(rgb: &RgbImage) -> Ycc420 {
        let (width, height) = rgb.dimensions();
        let mut ycc = Ycc420::new(width, height).unwrap();
        let row = width as usize * 3;
        for pair in 0..height / 2 {
            let start = 2 * pair as usize * row;
            let raw = rgb.as_raw();
            ycc.set_row_pair(
                pair,
                &raw[start..start + row],
                &raw[start + row..start + 2 * row],
            );
        }
        ycc
    }

    /// The planes are what libjpeg-turbo makes from the RGB: both JPEGs decode to pixels a
    /// rounding step apart at most.
    #[test]
    fn encodes_like_libjpeg_from_rgb() {
        let rgb = noisy(320, 240);
        let from_planes = from_rgb(&rgb).encode(90).unwrap();
        let from_rgb_jpeg = crate::encode::encode_jpeg(&rgb, 90).unwrap();
        let a = turbojpeg::decompress(&from_planes, turbojpeg::PixelFormat::RGB).unwrap();
        let b = turbojpeg::decompress(&from_rgb_jpeg, turbojpeg::PixelFormat::RGB).unwrap();
        assert_eq!((a.width, a.height), (320, 240));
        let worst = a
            .pixels
            .iter()
            .zip(&b.pixels)
            .map(|(p, q)| p.abs_diff(*q))
            .max()
            .unwrap();
        assert!(worst <= 2, "differs by up to {worst}");
    }

    #[test]
    fn round_trips_to_rgb_and_shrinks() {
        // Muted colours: averaged chroma on a saturated edge can push a channel past 0 or 255.
        let mut rgb = noisy(64, 48);
        rgb.iter_mut().for_each(|v| *v = 60 + *v / 2);
        let ycc = from_rgb(&rgb);
        let back = ycc.clone().into_rgb();
        // Chroma is shared by four pixels, so colour edges blur; luma stays exact within rounding.
        let luma = |p: &image::Rgb<u8>| {
            (299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2])) / 1000
        };
        for (a, b) in rgb.pixels().zip(back.pixels()) {
            assert!(luma(a).abs_diff(luma(b)) <= 3, "{a:?} vs {b:?}");
        }
        assert_eq!(ycc.shrunk_rgb(32).unwrap().dimensions(), (32, 24));
        assert!(Ycc420::new(63, 48).is_none());
    }

    #[test]
    fn bands_pick_evenly_spaced_rows() {
        let ycc = from_rgb(&noisy(32, 16 * 24));
        let (sample, scale) = ycc.bands(12, 16).unwrap();
        assert_eq!(sample.dimensions(), (32, 32));
        assert_eq!(scale, 12.0);
        // The first band picked is band 6: rows 96 to 111.
        let (y, _, _) = ycc.split();
        let (sample_y, _, _) = sample.split();
        assert_eq!(&sample_y[..32 * 16], &y[96 * 32..112 * 32]);
    }
}
