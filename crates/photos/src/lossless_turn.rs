//! Turning a JPEG upright by rearranging its DCT blocks: no decoding, no quality lost.
//!
//! libjpeg-turbo's transform holds the source's coefficients and the turned image's at once:
//! for a 12 MP photo that is two 37 MB arrays, more memory than libvips needs to decode, turn
//! and re-encode the same photo. So a large photo is turned in horizontal parts of the turned
//! image (libjpeg-turbo crops in the turned image's coordinates, and allocates only the part),
//! one after the other, and the parts are joined into one JPEG with restart markers. A restart
//! marker resets the decoder's state exactly as a fresh image does, so the joined file decodes
//! to the same pixels as one whole transform. Each part reads the source again: a little more
//! time, a third less memory.

use turbojpeg::{Decompressor, Subsamp, Transform, TransformCrop, TransformOp, Transformer};

use crate::strip::{jpeg_segments, strip_jpeg, JpegSegment, Until, EOI, SOS};

/// Under this many pixels the two arrays are small (under 8 MB): one whole transform is faster.
const PARTS_FROM_PIXELS: u64 = 2_700_000;
/// A restart interval is a 16-bit count of MCUs.
const MAX_RESTART_INTERVAL: u64 = 65_535;
const DRI: u8 = 0xDD;
const RST0: u8 = 0xD0;

/// The JPEG turned upright for `orientation` (2 to 8), metadata-free, or `None` when a
/// lossless turn is not possible (the image is not whole MCUs along the edges the turn moves).
pub(crate) fn lossless_turn(jpeg: &[u8], orientation: u8) -> Option<Vec<u8>> {
    let op = crate::orientation::jpeg_transform(orientation)?;
    let turned = match Plan::for_jpeg(jpeg, op, MAX_RESTART_INTERVAL) {
        Some(plan) => turn_in_parts(jpeg, op, &plan).or_else(|| whole_transform(jpeg, op, None)),
        None => whole_transform(jpeg, op, None),
    }?;
    // libjpeg writes a fresh header; strip again so nothing but image data can be in it.
    strip_jpeg(&turned).ok().map(|stripped| stripped.to_vec())
}

/// How the turned image is cut: `parts` horizontal parts of `rows_per_part` MCU rows (the last
/// may be shorter), each `mcus_per_row` MCUs wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    parts: u64,
    rows_per_part: u64,
    mcus_per_row: u64,
    mcu_height: u64,
    turned_height: u64,
}

impl Plan {
    fn for_jpeg(jpeg: &[u8], op: TransformOp, max_interval: u64) -> Option<Plan> {
        let header = Decompressor::new().ok()?.read_header(jpeg).ok()?;
        let (width, height) = (header.width as u64, header.height as u64);
        if width * height < PARTS_FROM_PIXELS {
            return None;
        }
        Plan::cut(width, height, header.subsamp, op, max_interval)
    }

    /// Parts as large as the restart interval allows, at least two.
    fn cut(
        width: u64,
        height: u64,
        subsamp: Subsamp,
        op: TransformOp,
        max_interval: u64,
    ) -> Option<Plan> {
        let (mcu_width, mcu_height) = match subsamp {
            Subsamp::Gray => (8, 8),
            other => {
                let (w, h) = other.mcu_size();
                (w as u64, h as u64)
            }
        };
        let transposes = matches!(
            op,
            TransformOp::Transpose
                | TransformOp::Transverse
                | TransformOp::Rot90
                | TransformOp::Rot270
        );
        let (turned_width, turned_height, mcu_width, mcu_height) = if transposes {
            (height, width, mcu_height, mcu_width)
        } else {
            (width, height, mcu_width, mcu_height)
        };
        let mcus_per_row = turned_width.div_ceil(mcu_width);
        let mcu_rows = turned_height.div_ceil(mcu_height);
        let max_rows = max_interval / mcus_per_row;
        if mcu_rows < 2 || max_rows == 0 {
            return None;
        }
        let parts = mcu_rows.div_ceil(max_rows).max(2);
        let rows_per_part = mcu_rows.div_ceil(parts);
        Some(Plan {
            // Rounding up the rows per part can leave fewer parts than asked for.
            parts: mcu_rows.div_ceil(rows_per_part),
            rows_per_part,
            mcus_per_row,
            mcu_height,
            turned_height,
        })
    }

    fn restart_interval(&self) -> u16 {
        // for_jpeg bounds it by max_interval, at most 65535
        u16::try_from(self.rows_per_part * self.mcus_per_row).unwrap_or(u16::MAX)
    }
}

fn whole_transform(jpeg: &[u8], op: TransformOp, crop: Option<TransformCrop>) -> Option<Vec<u8>> {
    let mut transform = Transform::op(op);
    transform.perfect = true;
    transform.copy_none = true;
    transform.crop = crop;
    Transformer::new()
        .and_then(|mut transformer| transformer.transform_to_vec(&transform, jpeg))
        .ok()
}

fn turn_in_parts(jpeg: &[u8], op: TransformOp, plan: &Plan) -> Option<Vec<u8>> {
    let part_height = plan.rows_per_part * plan.mcu_height;
    let mut parts = Vec::with_capacity(plan.parts as usize);
    for index in 0..plan.parts {
        let top = index * part_height;
        let last = index + 1 == plan.parts;
        let crop = TransformCrop {
            x: 0,
            y: top as usize,
            width: None,
            height: if last {
                None
            } else {
                Some(part_height as usize)
            },
        };
        parts.push(whole_transform(jpeg, op, Some(crop))?);
    }
    join_with_restarts(&parts, plan.turned_height, plan.restart_interval())
}

/// One JPEG from the parts, each a complete baseline JPEG of the same width and tables, all but
/// the last exactly `interval` MCUs: the first part's header (its height made the whole height,
/// a restart interval added), then each part's entropy-coded data, a restart marker between
/// parts. `None` if the parts are not alike in everything but height.
fn join_with_restarts(parts: &[Vec<u8>], total_height: u64, interval: u16) -> Option<Vec<u8>> {
    let total_height = u16::try_from(total_height).ok()?;
    let pieces: Vec<Piece<'_>> = parts
        .iter()
        .map(|part| Piece::of(part))
        .collect::<Option<_>>()?;
    let first = pieces.first()?;
    if !pieces.iter().all(|piece| piece.same_tables_as(first)) {
        return None;
    }
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + 16);
    out.extend_from_slice(&[0xFF, 0xD8]);
    for segment in &first.header {
        if is_frame_header(segment.marker) {
            // FF Cn, length (2), precision (1), then the height (2).
            let mut frame = segment.whole.to_vec();
            frame
                .get_mut(5..7)?
                .copy_from_slice(&total_height.to_be_bytes());
            out.extend_from_slice(&frame);
        } else {
            out.extend_from_slice(segment.whole);
        }
    }
    out.extend_from_slice(&[0xFF, DRI, 0x00, 0x04]);
    out.extend_from_slice(&interval.to_be_bytes());
    out.extend_from_slice(first.scan_header);
    for (index, piece) in pieces.iter().enumerate() {
        if index > 0 {
            out.extend_from_slice(&[0xFF, RST0 + ((index - 1) % 8) as u8]);
        }
        out.extend_from_slice(piece.entropy);
    }
    out.extend_from_slice(&[0xFF, EOI]);
    Some(out)
}

/// A part taken apart: what comes before its scan, the scan's header and its coded data.
struct Piece<'a> {
    header: Vec<JpegSegment<'a>>,
    scan_header: &'a [u8],
    entropy: &'a [u8],
}

impl<'a> Piece<'a> {
    fn of(jpeg: &'a [u8]) -> Option<Piece<'a>> {
        let segments = jpeg_segments(jpeg, Until::End).ok()?;
        let scans: Vec<&JpegSegment<'_>> = segments.iter().filter(|s| s.marker == SOS).collect();
        // One scan, no restart interval of its own, a baseline or extended frame.
        let [scan] = scans.as_slice() else {
            return None;
        };
        if segments
            .iter()
            .any(|s| s.marker == DRI || (RST0..RST0 + 8).contains(&s.marker))
        {
            return None;
        }
        let scan_header_len = 4 + scan.payload.len();
        let header: Vec<JpegSegment<'a>> = segments
            .iter()
            .skip(1)
            .take_while(|s| s.marker != SOS)
            .copied()
            .collect();
        if !header.iter().any(|s| matches!(s.marker, 0xC0 | 0xC1)) {
            return None;
        }
        Some(Piece {
            header,
            scan_header: scan.whole.get(..scan_header_len)?,
            entropy: scan.whole.get(scan_header_len..)?,
        })
    }

    /// Everything but the frame's height is the same.
    fn same_tables_as(&self, other: &Piece<'_>) -> bool {
        self.scan_header == other.scan_header
            && self.header.len() == other.header.len()
            && self.header.iter().zip(&other.header).all(|(a, b)| {
                a.marker == b.marker
                    && if is_frame_header(a.marker) {
                        a.whole.len() == b.whole.len()
                            && a.whole.get(..5) == b.whole.get(..5)
                            && a.whole.get(7..) == b.whole.get(7..)
                    } else {
                        a.whole == b.whole
                    }
            })
    }
}

fn is_frame_header(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pictures::noisy;
    use turbojpeg::{Compressor, Image, PixelFormat};

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

    fn decode(jpeg: &[u8]) -> (usize, usize, Vec<u8>) {
        let image = turbojpeg::decompress(jpeg, PixelFormat::RGB).unwrap();
        (image.width, image.height, image.pixels)
    }

    const OPS: [TransformOp; 7] = [
        TransformOp::Hflip,
        TransformOp::Rot180,
        TransformOp::Vflip,
        TransformOp::Transpose,
        TransformOp::Rot90,
        TransformOp::Transverse,
        TransformOp::Rot270,
    ];

    /// Joined parts decode to exactly the pixels of one whole transform, for every turn, every
    /// common chroma layout and two to many parts.
    #[test]
    fn parts_joined_decode_to_the_same_pixels_as_one_transform() {
        let layouts = [
            (Subsamp::Sub2x2, 256, 192),
            (Subsamp::Sub2x1, 240, 176),
            (Subsamp::None, 200, 152),
            (Subsamp::Gray, 200, 152),
        ];
        for (subsamp, width, height) in layouts {
            let source = jpeg(width, height, subsamp);
            for op in OPS {
                let whole = whole_transform(&source, op, None).unwrap();
                for max_interval in [1_000, 200, 90] {
                    let plan = plan_any_size(&source, op, max_interval).unwrap();
                    assert!(plan.parts >= 2, "{subsamp:?} {op:?}: {plan:?}");
                    let joined = turn_in_parts(&source, op, &plan)
                        .unwrap_or_else(|| panic!("{subsamp:?} {op:?} {plan:?} did not join"));
                    assert_eq!(
                        decode(&joined),
                        decode(&whole),
                        "{subsamp:?} {op:?} in {} parts",
                        plan.parts
                    );
                }
            }
        }
    }

    #[test]
    fn a_large_photo_is_turned_in_parts_and_a_small_one_whole() {
        let large = jpeg(2048, 1536, Subsamp::Sub2x2);
        let plan = Plan::for_jpeg(&large, TransformOp::Rot90, MAX_RESTART_INTERVAL).unwrap();
        assert_eq!(
            plan,
            Plan {
                parts: 2,
                rows_per_part: 64,
                mcus_per_row: 96,
                mcu_height: 16,
                turned_height: 2048,
            }
        );
        let turned = lossless_turn(&large, 6).unwrap();
        let whole = whole_transform(&large, TransformOp::Rot90, None).unwrap();
        assert_eq!(decode(&turned), decode(&whole));
        assert!(turned.windows(2).any(|w| w == [0xFF, DRI]));

        let small = jpeg(640, 480, Subsamp::Sub2x2);
        assert_eq!(
            Plan::for_jpeg(&small, TransformOp::Rot90, MAX_RESTART_INTERVAL),
            None
        );
    }

    /// A progressive source (some phones and editors write them) is turned in parts too: the
    /// parts come out baseline with the standard tables, so they join.
    #[test]
    fn a_progressive_photo_is_turned_in_parts() {
        let pixels = noisy(256, 192).into_raw();
        let mut compressor = Compressor::new().unwrap();
        compressor.set_progressive(true).unwrap();
        let source = compressor
            .compress_to_vec(Image {
                pixels: pixels.as_slice(),
                width: 256,
                pitch: 256 * 3,
                height: 192,
                format: PixelFormat::RGB,
            })
            .unwrap();
        let plan = plan_any_size(&source, TransformOp::Rot90, 200).unwrap();
        let joined = turn_in_parts(&source, TransformOp::Rot90, &plan).unwrap();
        let whole = whole_transform(&source, TransformOp::Rot90, None).unwrap();
        assert_eq!(decode(&joined), decode(&whole));
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

    #[test]
    fn parts_that_differ_in_tables_are_not_joined() {
        let a = jpeg(64, 32, Subsamp::Sub2x2);
        let mut compressor = Compressor::new().unwrap();
        compressor.set_quality(50).unwrap();
        let pixels = noisy(64, 32).into_raw();
        let b = compressor
            .compress_to_vec(Image {
                pixels: pixels.as_slice(),
                width: 64,
                pitch: 64 * 3,
                height: 32,
                format: PixelFormat::RGB,
            })
            .unwrap();
        assert_eq!(join_with_restarts(&[a.clone(), b], 64, 8), None);
        assert!(join_with_restarts(&[a.clone(), a], 64, 8).is_some());
    }

    fn plan_any_size(jpeg: &[u8], op: TransformOp, max_interval: u64) -> Option<Plan> {
        let header = Decompressor::new().unwrap().read_header(jpeg).unwrap();
        Plan::cut(
            header.width as u64,
            header.height as u64,
            header.subsamp,
            op,
            max_interval,
        )
    }
}
