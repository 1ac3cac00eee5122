//! The EXIF orientation tag: phones store the sensor's pixels as they came and write down how to
//! turn them. Stripping the metadata drops that note, so the turn has to be done on the pixels
//! (or, for a JPEG kept as it is, on its DCT blocks) before upload.

use image::metadata::Orientation;
use image::RgbImage;
use turbojpeg::TransformOp;

use crate::error::PhotoError;

/// The EXIF orientation (1 to 8) found in an EXIF block, 1 when there is none or it is invalid.
pub(crate) fn from_exif(exif: Option<&[u8]>) -> u8 {
    exif.and_then(Orientation::from_exif_chunk)
        .map_or(1, Orientation::to_exif)
}

/// Whether the orientation swaps width and height.
pub(crate) fn swaps_sides(orientation: u8) -> bool {
    matches!(orientation, 5..=8)
}

/// Turns decoded pixels upright. The `image` crate's rotations go pixel by pixel down the
/// columns, about 80 ms for 12 MP; walking the output in 64-pixel tiles keeps both sides in
/// cache, and the two halves of the output go to two threads.
pub(crate) fn apply(image: RgbImage, orientation: u8) -> Result<RgbImage, PhotoError> {
    if !(2..=8).contains(&orientation) {
        return Ok(image);
    }
    let (width, height) = (image.width() as usize, image.height() as usize);
    let (out_width, out_height) = if swaps_sides(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let mut out = vec![0u8; out_width * out_height * 3];
    let whole = Region {
        pixels: image.as_raw(),
        x: 0,
        y: 0,
        width,
    };
    let half_rows = out_height.div_ceil(2).max(1);
    std::thread::scope(|scope| {
        for (part, rows) in out.chunks_mut(half_rows * out_width * 3).enumerate() {
            scope.spawn(move || {
                turn_into(
                    orientation,
                    whole,
                    (width, height),
                    rows,
                    out_width,
                    part * half_rows,
                )
            });
        }
    });
    RgbImage::from_raw(out_width as u32, out_height as u32, out)
        .ok_or_else(|| PhotoError::Internal("turned image has the wrong size".to_string()))
}

/// A rectangle of an unturned image: its pixels (RGB, rows of `width` pixels) and where it
/// sits in the whole image.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region<'a> {
    pub pixels: &'a [u8],
    pub x: usize,
    pub y: usize,
    pub width: usize,
}

/// Which rectangle (x, y, width, height) of the unturned image (`width` x `height`) ends up in
/// output rows `first_row..end_row` once turned.
pub(crate) fn source_rect_for_rows(
    orientation: u8,
    (width, height): (usize, usize),
    first_row: usize,
    end_row: usize,
) -> (usize, usize, usize, usize) {
    let rows = end_row - first_row;
    match orientation {
        3 | 4 => (0, height - end_row, width, rows),
        5 | 6 => (first_row, 0, rows, height),
        7 | 8 => (width - end_row, 0, rows, height),
        _ => (0, first_row, width, rows),
    }
}

/// Where the pixel shown at (x, y) is stored, for a stored image `width` x `height`.
#[inline(always)]
fn stored_position<const O: u8>(x: usize, y: usize, width: usize, height: usize) -> (usize, usize) {
    match O {
        2 => (width - 1 - x, y),
        3 => (width - 1 - x, height - 1 - y),
        4 => (x, height - 1 - y),
        5 => (y, x),
        6 => (y, height - 1 - x),
        7 => (width - 1 - y, height - 1 - x),
        8 => (width - 1 - y, x),
        _ => (x, y),
    }
}

/// Fills `rows` (whole output rows, starting at output row `first_row`) from `region` of the
/// unturned image of size `full`. The region must hold every pixel those rows show.
pub(crate) fn turn_into(
    orientation: u8,
    region: Region<'_>,
    full: (usize, usize),
    rows: &mut [u8],
    out_width: usize,
    first_row: usize,
) {
    match orientation {
        2 => turn_rows::<2>(region, full, rows, out_width, first_row),
        3 => turn_rows::<3>(region, full, rows, out_width, first_row),
        4 => turn_rows::<4>(region, full, rows, out_width, first_row),
        5 => turn_rows::<5>(region, full, rows, out_width, first_row),
        6 => turn_rows::<6>(region, full, rows, out_width, first_row),
        7 => turn_rows::<7>(region, full, rows, out_width, first_row),
        8 => turn_rows::<8>(region, full, rows, out_width, first_row),
        _ => turn_rows::<1>(region, full, rows, out_width, first_row),
    }
}

fn turn_rows<const O: u8>(
    region: Region<'_>,
    (width, height): (usize, usize),
    rows: &mut [u8],
    out_width: usize,
    first_row: usize,
) {
    const TILE: usize = 64;
    let row_count = rows.len() / (out_width * 3);
    for tile_y in (0..row_count).step_by(TILE) {
        for tile_x in (0..out_width).step_by(TILE) {
            for y in tile_y..(tile_y + TILE).min(row_count) {
                let row = &mut rows[y * out_width * 3..(y + 1) * out_width * 3];
                for x in tile_x..(tile_x + TILE).min(out_width) {
                    let (sx, sy) = stored_position::<O>(x, first_row + y, width, height);
                    let at = ((sy - region.y) * region.width + (sx - region.x)) * 3;
                    row[x * 3..x * 3 + 3].copy_from_slice(&region.pixels[at..at + 3]);
                }
            }
        }
    }
}

/// The lossless JPEG transform that turns the image upright.
pub(crate) fn jpeg_transform(orientation: u8) -> Option<TransformOp> {
    match orientation {
        2 => Some(TransformOp::Hflip),
        3 => Some(TransformOp::Rot180),
        4 => Some(TransformOp::Vflip),
        5 => Some(TransformOp::Transpose),
        6 => Some(TransformOp::Rot90),
        7 => Some(TransformOp::Transverse),
        8 => Some(TransformOp::Rot270),
        _ => None,
    }
}

/// How a person would say what was done.
pub(crate) fn describe(orientation: u8) -> Option<&'static str> {
    match orientation {
        2 => Some("mirrored"),
        3 => Some("rotated 180°"),
        4 => Some("flipped upside down"),
        5 => Some("rotated 90° counter-clockwise and mirrored"),
        6 => Some("rotated 90° clockwise"),
        7 => Some("rotated 90° clockwise and mirrored"),
        8 => Some("rotated 90° counter-clockwise"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::DynamicImage;

    #[test]
    fn matches_the_image_crate_for_every_orientation() {
        let stored =
            RgbImage::from_fn(37, 23, |x, y| image::Rgb([x as u8, y as u8, (x * y) as u8]));
        for orientation in 1..=8u8 {
            let mut expected = DynamicImage::ImageRgb8(stored.clone());
            expected.apply_orientation(Orientation::from_exif(orientation).unwrap());
            let turned = apply(stored.clone(), orientation).unwrap();
            assert_eq!(turned, expected.into_rgb8(), "orientation {orientation}");
        }
    }

    #[test]
    fn rows_come_from_the_rect_it_names() {
        let (width, height) = (37usize, 23usize);
        let stored = RgbImage::from_fn(width as u32, height as u32, |x, y| {
            image::Rgb([x as u8, y as u8, 7])
        });
        for orientation in 1..=8u8 {
            let expected = apply(stored.clone(), orientation).unwrap();
            let out_width = expected.width() as usize;
            let (first, end) = (5usize, 12usize);
            let (x, y, w, h) = source_rect_for_rows(orientation, (width, height), first, end);
            let cropped =
                image::imageops::crop_imm(&stored, x as u32, y as u32, w as u32, h as u32)
                    .to_image();
            let region = Region {
                pixels: cropped.as_raw(),
                x,
                y,
                width: w,
            };
            let mut rows = vec![0u8; (end - first) * out_width * 3];
            turn_into(
                orientation,
                region,
                (width, height),
                &mut rows,
                out_width,
                first,
            );
            let want = &expected.as_raw()[first * out_width * 3..end * out_width * 3];
            assert_eq!(rows, want, "orientation {orientation}");
        }
    }

    #[test]
    fn reads_orientation_from_exif() {
        let little = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0";
        assert_eq!(from_exif(Some(little)), 6);
        let big = b"MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x08\0\0\0\0\0\0";
        assert_eq!(from_exif(Some(big)), 8);
        assert_eq!(from_exif(Some(b"garbage")), 1);
        assert_eq!(from_exif(None), 1);
    }
}
