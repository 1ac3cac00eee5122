//! Lossless metadata removal: the file is taken apart into its segments (JPEG) or chunks (PNG)
//! and put back together without the ones that carry metadata. Pixel data is copied byte for
//! byte, so nothing is re-encoded.
//!
//! What is kept is a short allow-list of what decoding needs. Everything else goes: EXIF (GPS,
//! camera, dates, the embedded thumbnail), XMP, IPTC, maker notes, comments, MPF and whatever a
//! phone appends after the end of the image (motion-photo videos, depth maps, gain maps).
//! ICC colour profiles go too: a profile names the phone's maker, the upload never needed one
//! for a reviewer to read a card, and re-encoded uploads carry none either, so every upload is
//! treated the same.

use std::borrow::Cow;
use std::ops::Range;

use crate::error::PhotoError;
use crate::sniff::SourceFormat;

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;
const APP0: u8 = 0xE0;
const APP1: u8 = 0xE1;
const APP14: u8 = 0xEE;
const APP15: u8 = 0xEF;
const COM: u8 = 0xFE;

/// One JPEG segment: its marker and all of its bytes, from the 0xFF to the end of its payload
/// (for a scan, to the end of its entropy-coded data).
#[derive(Debug, Clone, Copy)]
struct JpegSegment<'a> {
    marker: u8,
    whole: &'a [u8],
    payload: &'a [u8],
}

fn truncated() -> PhotoError {
    PhotoError::Truncated {
        format: SourceFormat::Jpeg,
    }
}

fn corrupt(detail: &str) -> PhotoError {
    PhotoError::Corrupt {
        format: SourceFormat::Jpeg,
        detail: detail.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Until {
    /// Walk the whole image, through every scan, to EOI.
    End,
    /// Stop before the first scan: the metadata is all before it.
    FirstScan,
}

/// Splits a JPEG into segments, up to and including EOI. Anything after EOI is ignored.
fn jpeg_segments(bytes: &[u8], until: Until) -> Result<Vec<JpegSegment<'_>>, PhotoError> {
    if bytes.get(0..2) != Some(&[0xFF, SOI][..]) {
        return Err(corrupt("it does not start like a JPEG"));
    }
    let mut segments = vec![JpegSegment {
        marker: SOI,
        whole: &bytes[0..2],
        payload: &[],
    }];
    let mut pos = 2;
    loop {
        let start = pos;
        if *bytes.get(pos).ok_or_else(truncated)? != 0xFF {
            return Err(corrupt("a segment does not start with a marker"));
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while bytes.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let marker = *bytes.get(pos).ok_or_else(truncated)?;
        pos += 1;
        match marker {
            EOI => {
                segments.push(JpegSegment {
                    marker,
                    whole: &bytes[start..pos],
                    payload: &[],
                });
                return Ok(segments);
            }
            0x01 | 0xD0..=0xD7 => {
                segments.push(JpegSegment {
                    marker,
                    whole: &bytes[start..pos],
                    payload: &[],
                });
            }
            0x00 => return Err(corrupt("a stuffed byte where a marker should be")),
            _ => {
                let length_bytes = bytes.get(pos..pos + 2).ok_or_else(truncated)?;
                let length = usize::from(u16::from_be_bytes([length_bytes[0], length_bytes[1]]));
                if length < 2 {
                    return Err(corrupt("a segment with an impossible length"));
                }
                if marker == SOS && until == Until::FirstScan {
                    return Ok(segments);
                }
                let payload_end = pos + length;
                let payload = bytes.get(pos + 2..payload_end).ok_or_else(truncated)?;
                pos = payload_end;
                if marker == SOS {
                    pos = end_of_entropy_data(bytes, pos)?;
                }
                segments.push(JpegSegment {
                    marker,
                    whole: &bytes[start..pos],
                    payload,
                });
            }
        }
    }
}

/// Where the entropy-coded data that starts at `pos` ends: at the first marker that is neither
/// a stuffed 0xFF00 nor a restart marker.
fn end_of_entropy_data(bytes: &[u8], mut pos: usize) -> Result<usize, PhotoError> {
    loop {
        let offset = bytes
            .get(pos..)
            .and_then(|rest| memchr::memchr(0xFF, rest))
            .ok_or_else(truncated)?;
        pos += offset;
        let mut next = pos + 1;
        while bytes.get(next) == Some(&0xFF) {
            next += 1;
        }
        match bytes.get(next) {
            None => return Err(truncated()),
            Some(0x00) | Some(0xD0..=0xD7) => pos = next + 1,
            Some(_) => return Ok(pos),
        }
    }
}

fn keep_jpeg_segment(segment: &JpegSegment<'_>) -> bool {
    match segment.marker {
        // JFIF only declares the colour space and pixel density; kept when it carries no
        // thumbnail (the thumbnail is two bytes of width and height, 16 bytes in all).
        APP0 => {
            segment.payload.starts_with(b"JFIF\0") && segment.payload.get(12..14) == Some(&[0, 0])
        }
        // Adobe's segment says whether the colours are transformed: without it, some JPEGs
        // decode with wrong colours. It holds no metadata.
        APP14 => segment.payload.starts_with(b"Adobe"),
        APP0..=APP15 | COM => false,
        _ => true,
    }
}

/// A file without its metadata, as the pieces of the original that are kept: its size is known
/// before anything is copied, and nothing is copied for a file that will not fit anyway.
#[derive(Debug)]
pub(crate) struct Stripped<'a> {
    parts: Vec<&'a [u8]>,
}

impl Stripped<'_> {
    pub(crate) fn len(&self) -> u64 {
        self.parts.iter().map(|p| p.len() as u64).sum()
    }

    pub(crate) fn to_vec(&self) -> Vec<u8> {
        self.parts.concat()
    }

    /// Where each kept part lies in `original`, the bytes these parts were taken from.
    pub(crate) fn ranges(&self, original: &[u8]) -> Vec<Range<usize>> {
        self.parts
            .iter()
            .map(|part| {
                let start = part.as_ptr() as usize - original.as_ptr() as usize;
                start..start + part.len()
            })
            .collect()
    }
}

/// The parts of `bytes` in `ranges` (in order, not overlapping) one after the other. Owned
/// bytes are moved together in place, with no second copy of the file in memory.
pub(crate) fn keep_ranges(bytes: Cow<'_, [u8]>, ranges: &[Range<usize>]) -> Vec<u8> {
    match bytes {
        Cow::Borrowed(bytes) => ranges
            .iter()
            .flat_map(|r| &bytes[r.clone()])
            .copied()
            .collect(),
        Cow::Owned(mut bytes) => {
            let mut end = 0;
            for range in ranges {
                // Each part starts at or after `end`, so the move never overwrites what is
                // still to be moved.
                bytes.copy_within(range.clone(), end);
                end += range.len();
            }
            bytes.truncate(end);
            bytes
        }
    }
}

/// The JPEG without any metadata, its image data byte-identical.
pub(crate) fn strip_jpeg(bytes: &[u8]) -> Result<Stripped<'_>, PhotoError> {
    let segments = jpeg_segments(bytes, Until::End)?;
    let parts = segments
        .iter()
        .filter(|s| keep_jpeg_segment(s))
        .map(|s| s.whole)
        .collect();
    Ok(Stripped { parts })
}

/// The EXIF data (a TIFF structure) of a JPEG, if it has any before its first scan.
pub(crate) fn jpeg_exif(bytes: &[u8]) -> Option<&[u8]> {
    let segments = jpeg_segments(bytes, Until::FirstScan).ok()?;
    segments
        .iter()
        .find(|s| s.marker == APP1 && s.payload.starts_with(b"Exif\0\0"))
        .and_then(|s| s.payload.get(6..))
}

const PNG_SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// The chunks a PNG needs to show its pixels as intended: header, palette, transparency, image
/// data, end, and the colour-rendering hints (gamma, chromaticities, sRGB intent).
const PNG_KEPT_CHUNKS: [&[u8; 4]; 8] = [
    b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"gAMA", b"cHRM", b"sRGB",
];

struct PngChunk<'a> {
    kind: &'a [u8],
    whole: &'a [u8],
}

fn png_chunks(bytes: &[u8]) -> Result<Vec<PngChunk<'_>>, PhotoError> {
    let truncated = || PhotoError::Truncated {
        format: SourceFormat::Png,
    };
    if !bytes.starts_with(PNG_SIGNATURE) {
        return Err(PhotoError::Corrupt {
            format: SourceFormat::Png,
            detail: "it does not start like a PNG".to_string(),
        });
    }
    let mut chunks = Vec::new();
    let mut pos = PNG_SIGNATURE.len();
    loop {
        let header = bytes.get(pos..pos + 8).ok_or_else(truncated)?;
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let kind = &header[4..8];
        let data_start = pos + 8;
        let end = data_start
            .checked_add(length)
            .and_then(|end| end.checked_add(4))
            .ok_or_else(truncated)?;
        let whole = bytes.get(pos..end).ok_or_else(truncated)?;
        chunks.push(PngChunk { kind, whole });
        pos = end;
        if kind == b"IEND" {
            return Ok(chunks);
        }
    }
}

fn png_chunk_kept(kind: &[u8]) -> bool {
    PNG_KEPT_CHUNKS.iter().any(|k| kind == &k[..])
}

/// The PNG without any metadata chunk (text, EXIF, time, ICC profile, animation).
pub(crate) fn strip_png(bytes: &[u8]) -> Result<Stripped<'_>, PhotoError> {
    let chunks = png_chunks(bytes)?;
    let mut parts = vec![&PNG_SIGNATURE[..]];
    parts.extend(
        chunks
            .iter()
            .filter(|c| png_chunk_kept(c.kind))
            .map(|c| c.whole),
    );
    Ok(Stripped { parts })
}

/// The size `strip_png` would give, read from a PNG file chunk header by chunk header, without
/// reading the image data. `None` when the file is not a whole PNG (decoding will say why).
pub(crate) fn stripped_png_len(file: &mut (impl std::io::Read + std::io::Seek)) -> Option<u64> {
    use std::io::SeekFrom;
    file.seek(SeekFrom::Start(PNG_SIGNATURE.len() as u64))
        .ok()?;
    let mut kept = PNG_SIGNATURE.len() as u64;
    loop {
        let mut header = [0u8; 8];
        file.read_exact(&mut header).ok()?;
        let length = u64::from(u32::from_be_bytes([
            header[0], header[1], header[2], header[3],
        ]));
        let kind = &header[4..8];
        if png_chunk_kept(kind) {
            kept += 12 + length;
        }
        if kind == b"IEND" {
            return Some(kept);
        }
        file.seek(SeekFrom::Current(i64::try_from(length).ok()? + 4))
            .ok()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = vec![0xFF, marker];
        out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(payload);
        out
    }

    /// A structurally valid JPEG skeleton; the scan data is made up, which is all the segment
    /// walker needs.
    fn skeleton(extra: &[Vec<u8>]) -> Vec<u8> {
        let mut out = vec![0xFF, SOI];
        out.extend(segment(APP0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        for e in extra {
            out.extend_from_slice(e);
        }
        out.extend(segment(0xDB, &[0; 65]));
        out.extend(segment(0xC0, &[8, 0, 16, 0, 16, 1, 1, 0x11, 0]));
        out.extend(segment(SOS, &[1, 1, 0, 0, 63, 0]));
        out.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x78]);
        // fill bytes may precede the end marker
        out.extend_from_slice(&[0xFF, 0xFF, EOI]);
        out
    }

    #[test]
    fn drops_metadata_keeps_image_segments() {
        let exif = segment(APP1, b"Exif\0\0MM\0*\0\0\0\x08\0\0");
        let xmp = segment(APP1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>");
        let icc = segment(0xE2, b"ICC_PROFILE\0\x01\x01abc");
        let comment = segment(COM, b"shot at home");
        let adobe = segment(APP14, b"Adobe\0\x64\0\0\0\0\x01");
        let with = skeleton(&[exif, xmp, icc, comment, adobe.clone()]);
        let mut trailer = with.clone();
        trailer.extend_from_slice(b"motion photo video here");

        let stripped = strip_jpeg(&trailer).unwrap().to_vec();
        assert_eq!(stripped, skeleton(&[adobe]));
        // Stripped in place, or copied from borrowed bytes: the same file.
        let ranges = strip_jpeg(&trailer).unwrap().ranges(&trailer);
        assert_eq!(keep_ranges(Cow::Borrowed(&trailer), &ranges), stripped);
        assert_eq!(keep_ranges(Cow::Owned(trailer.clone()), &ranges), stripped);
        assert_eq!(jpeg_exif(&with), Some(&b"MM\0*\0\0\0\x08\0\0"[..]));
        assert_eq!(jpeg_exif(&stripped), None);
    }

    #[test]
    fn drops_jfif_with_thumbnail() {
        let mut bytes = vec![0xFF, SOI];
        bytes.extend(segment(
            APP0,
            b"JFIF\0\x01\x01\0\0\x01\0\x01\x01\x01\x10\x20\x30",
        ));
        bytes.extend(segment(SOS, &[1, 1, 0, 0, 63, 0]));
        bytes.extend_from_slice(&[0x00, 0xFF, EOI]);
        let stripped = strip_jpeg(&bytes).unwrap().to_vec();
        assert!(!stripped.windows(4).any(|w| w == b"JFIF"));
    }

    #[test]
    fn missing_end_is_truncation() {
        let whole = skeleton(&[]);
        for cut in [3, 10, whole.len() - 2, whole.len() - 1] {
            let error = strip_jpeg(&whole[..cut]).unwrap_err();
            assert_eq!(error.code(), "photo.truncated", "cut at {cut}");
        }
    }

    #[test]
    fn png_keeps_only_pixel_chunks() {
        let chunk = |kind: &[u8], data: &[u8]| {
            let mut out = (data.len() as u32).to_be_bytes().to_vec();
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            out.extend_from_slice(&[1, 2, 3, 4]);
            out
        };
        let ihdr = chunk(b"IHDR", &[0; 13]);
        let idat = chunk(b"IDAT", b"pixels");
        let iend = chunk(b"IEND", b"");
        let mut png = PNG_SIGNATURE.to_vec();
        for part in [
            &ihdr,
            &chunk(b"eXIf", b"MM\0*"),
            &chunk(b"tEXt", b"GPS\0home"),
            &chunk(b"iCCP", b"profile"),
            &idat,
            &iend,
        ] {
            png.extend_from_slice(part);
        }
        let stripped = strip_png(&png).unwrap();
        let expected = [PNG_SIGNATURE.to_vec(), ihdr, idat, iend].concat();
        assert_eq!(stripped.len(), expected.len() as u64);
        assert_eq!(stripped.to_vec(), expected);
        let from_reader = stripped_png_len(&mut std::io::Cursor::new(&png));
        assert_eq!(from_reader, Some(expected.len() as u64));
        let cut = strip_png(&png[..png.len() - 3]).unwrap_err();
        assert_eq!(cut.code(), "photo.truncated");
    }
}
