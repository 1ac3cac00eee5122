//! The small picture the UI shows while the upload is prepared and sent. Made from the same
//! upright, metadata-free pixels as the upload, so it shows exactly what the reviewer will see.

use image::RgbImage;

use crate::encode::encode_jpeg;
use crate::error::PhotoError;
use crate::resize::shrunk_copy_rgb;
use crate::ycc::Ycc420;

/// Good enough for a thumbnail on screen, about 30 to 60 KB at 512 pixels.
const PREVIEW_QUALITY: u8 = 80;

pub(crate) fn preview_jpeg(upright: &RgbImage, long_side: u32) -> Result<Vec<u8>, PhotoError> {
    let small = shrunk_copy_rgb(upright, long_side.max(1))?;
    encode_jpeg(&small, PREVIEW_QUALITY)
}

/// The same from a picture in JPEG's planes: shrunk and encoded as planes, with no RGB
/// made at all when the preview's size is even.
pub(crate) fn preview_jpeg_from_planes(
    planes: &Ycc420,
    long_side: u32,
) -> Result<Vec<u8>, PhotoError> {
    match planes.shrunk(long_side.max(1))? {
        Some(small) => small.encode(PREVIEW_QUALITY),
        None => encode_jpeg(&planes.shrunk_rgb(long_side.max(1))?, PREVIEW_QUALITY),
    }
}
