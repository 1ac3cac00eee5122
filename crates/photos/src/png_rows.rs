//! A PNG decoded row by row straight into YCbCr 4:2:0 (`ycc`), for a PNG that will go out as
//! a JPEG at its own size: a 12 MP PNG then takes 18 MB instead of the 36 MB of its RGB, and
//! its compressed bytes are read from the file as they are decoded.
//!
//! Only the common case takes this road: not interlaced, even width and height, no EXIF turn,
//! not larger than the upload's long side. Anything else is decoded whole by the `image` crate.

use std::io::{BufRead, Seek};

use png::{BitDepth, ColorType, DecodingError, Transformations};

use crate::error::PhotoError;
use crate::limits::DecodeLimits;
use crate::sniff::SourceFormat;
use crate::ycc::Ycc420;

/// What the row decoder made of the PNG.
pub(crate) enum RowDecoded {
    Planes(Ycc420),
    /// Not the common case: decode it whole instead.
    NotStreamable,
}

pub(crate) fn decode_png_to_ycc(
    reader: impl BufRead + Seek,
    limits: &DecodeLimits,
    max_long_side: u32,
) -> Result<RowDecoded, PhotoError> {
    let mut decoder = png::Decoder::new_with_limits(
        reader,
        png::Limits {
            bytes: usize::try_from(limits.max_decode_bytes).unwrap_or(usize::MAX),
        },
    );
    // Palette, grey and 16-bit samples all come out as 8-bit grey or colour, with or without
    // alpha.
    decoder.set_transformations(Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(png_error)?;
    let info = reader.info();
    let (width, height) = (info.width, info.height);
    limits.check_dimensions(SourceFormat::Png, u64::from(width), u64::from(height))?;
    let orientation = crate::orientation::from_exif(info.exif_metadata.as_deref());
    if info.interlaced || orientation != 1 || width.max(height) > max_long_side {
        return Ok(RowDecoded::NotStreamable);
    }
    let Some(mut planes) = Ycc420::new(width, height) else {
        return Ok(RowDecoded::NotStreamable);
    };
    let (color, depth) = reader.output_color_type();
    if depth != BitDepth::Eight {
        return Ok(RowDecoded::NotStreamable);
    }
    let row_bytes = width as usize * 3;
    let mut top = vec![0u8; row_bytes];
    let mut bottom = vec![0u8; row_bytes];
    for pair in 0..height / 2 {
        for target in [&mut top, &mut bottom] {
            let row = reader
                .next_row()
                .map_err(png_error)?
                .ok_or(PhotoError::Truncated {
                    format: SourceFormat::Png,
                })?;
            to_rgb_over_white(row.data(), color, target)?;
        }
        planes.set_row_pair(pair, &top, &bottom);
    }
    Ok(RowDecoded::Planes(planes))
}

/// One row as RGB; transparency is laid over white, as a viewer on a white page shows it.
fn to_rgb_over_white(row: &[u8], color: ColorType, out: &mut [u8]) -> Result<(), PhotoError> {
    let over_white = |channel: u8, alpha: u8| {
        let (c, a) = (u32::from(channel), u32::from(alpha));
        ((c * a + 255 * (255 - a) + 127) / 255) as u8
    };
    let pixels = out.len() / 3;
    let channels = match color {
        ColorType::Grayscale => 1,
        ColorType::GrayscaleAlpha => 2,
        ColorType::Rgb => 3,
        ColorType::Rgba => 4,
        ColorType::Indexed => 0,
    };
    if channels == 0 || row.len() < pixels * channels {
        return Err(PhotoError::Corrupt {
            format: SourceFormat::Png,
            detail: "a row of pixels is shorter than the image is wide".to_string(),
        });
    }
    for (pixel, rgb) in row.chunks_exact(channels).zip(out.chunks_exact_mut(3)) {
        match *pixel {
            [g] => rgb.copy_from_slice(&[g, g, g]),
            [g, a] => rgb.fill(over_white(g, a)),
            [r, g, b] => rgb.copy_from_slice(&[r, g, b]),
            [r, g, b, a] => {
                rgb.copy_from_slice(&[over_white(r, a), over_white(g, a), over_white(b, a)])
            }
            _ => {}
        }
    }
    Ok(())
}

fn png_error(error: DecodingError) -> PhotoError {
    let format = SourceFormat::Png;
    match error {
        DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            PhotoError::Truncated { format }
        }
        DecodingError::LimitsExceeded => PhotoError::Corrupt {
            format,
            detail: "decoding it would need too much memory".to_string(),
        },
        other => {
            let detail = other.to_string();
            let lower = detail.to_ascii_lowercase();
            if lower.contains("eof") || lower.contains("end of") || lower.contains("truncated") {
                PhotoError::Truncated { format }
            } else {
                PhotoError::Corrupt { format, detail }
            }
        }
    }
}
