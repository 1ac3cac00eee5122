//! The small picture the UI shows while the upload is prepared and sent. Made from the same
//! upright, metadata-free pixels as the upload, so it shows exactly what the reviewer will see.

use image::RgbImage;

use crate::encode::encode_jpeg;
use crate::error::PhotoError;
use crate::resize::shrunk_copy_rgb;

/// Good enough for a thumbnail on screen, about 30 to 60 KB at 512 pixels.
const PREVIEW_QUALITY: u8 = 80;

pub(crate) fn preview_jpeg(upright: &RgbImage, long_side: u32) -> Result<Vec<u8>, PhotoError> {
    let small = shrunk_copy_rgb(upright, long_side.max(1))?;
    encode_jpeg(&small, PREVIEW_QUALITY)
}
