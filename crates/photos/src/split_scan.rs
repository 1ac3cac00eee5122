//! A baseline JPEG decoded at 1/8 or 2/8 of its size on two cores, for the checks and the
//! preview of a photo that is kept as it is.
//!
//! Decoding proves the image data whole, and its Huffman decoding is the cost: libjpeg reads
//! 3 MB of a 12 MP photo in about 24 ms even when it computes only one pixel per block, and it
//! cannot start anywhere but at the beginning of the scan. JPEG's Huffman codes
//! resynchronise, though (Weißenberger and Schmidt, "Massively Parallel Huffman Decoding on
//! GPUs", 2018): decoding started at an arbitrary bit soon falls in step with the true
//! decoding. So the second core decodes the second half from its first bit as if an MCU
//! started there, noting where each of its MCUs starts. The first core decodes the first half
//! and goes on until it starts an MCU at a bit where the second core also started one. From
//! there on both decode the same bits with the same tables, so the second core's blocks are
//! the true ones, except for the DC values, which are differences from the block before and
//! so are off by one constant per component, which the first core now knows.
//!
//! Nothing is taken on trust: if they never meet, the first core decodes to the end itself;
//! if anything about the data is unusual or wrong (progressive, restart markers, a bad code,
//! data that ends early or goes on too long), the answer is `None` and the caller decodes
//! with libjpeg, which gives the error its usual wording.

use image::{GrayImage, RgbImage};

use crate::huffman::{BadData, BitReader, HuffmanTable, Step};
use crate::strip::{jpeg_segments, Until, EOI, SOS};
use crate::ycc::{ycc_to_rgb, Ycc420};

const SOI: u8 = 0xD8;
const SOF0: u8 = 0xC0;
const SOF1: u8 = 0xC1;
const DHT: u8 = 0xC4;
const DQT: u8 = 0xDB;
const DRI: u8 = 0xDD;
const APP14: u8 = 0xEE;

/// Zero bytes after the data, so a read near the end needs no special case.
const PADDING: usize = 64;

/// Fixed-point bits of the reduced inverse DCT's weights.
const WEIGHT_BITS: u32 = 12;

/// Blocks in an MCU, at most: four of luma and two of colour.
const MAX_SLOTS: usize = 6;

/// Wrong paths the second core may try before it gives up and leaves all to the first.
const MAX_WRONG_STARTS: u32 = 4096;

/// The natural (row-major) index of each zigzag position.
const NATURAL_ORDER: [usize; 64] = [
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/// One component: its sampling and its tables' numbers.
#[derive(Debug, Clone, Copy)]
struct Component {
    horizontal: usize,
    vertical: usize,
    quant: usize,
    dc_table: usize,
    ac_table: usize,
}

/// The frame header: size, and each component's id, sampling factors and quantiser number.
struct Frame {
    width: usize,
    height: usize,
    components: Vec<(u8, usize, usize, usize)>,
}

/// One block of an MCU: its component and its place within the MCU.
#[derive(Debug, Clone, Copy)]
struct Slot {
    component: usize,
    column: usize,
    row: usize,
}

/// What is kept of a block: its DC value, and what the rest adds to each of its four quarter
/// averages in sixteenths of a level. Ten bytes, as the second core keeps half the photo's.
/// A true DC value fits 16 bits; one decoded from wrong predictors may not, but it is off by
/// a constant and wraps, so adding the correction (wrapping too) still gives the true one.
#[derive(Debug, Clone, Copy, Default)]
struct Block {
    dc: i16,
    quarters: [i16; 4],
}

/// Fixed-point bits of `Block::quarters`.
const QUARTER_BITS: u32 = 4;

/// A single baseline scan, ready to decode.
struct Scan {
    width: usize,
    height: usize,
    components: Vec<Component>,
    slots: Vec<Slot>,
    mcus_across: usize,
    mcus_down: usize,
    dc_tables: Vec<HuffmanTable>,
    ac_tables: Vec<HuffmanTable>,
    /// Per component, by zigzag position: the dequantised weight of that coefficient in each
    /// of the block's four quarter averages.
    weights: Vec<[[i32; 4]; 64]>,
    /// Per component, the DC quantiser.
    dc_quant: Vec<i32>,
    /// The entropy-coded data without its stuffed zeros, then `PADDING` zeros.
    data: Vec<u8>,
    bits: u64,
}

/// A photo decoded small: its luma (the JPEG's Y plane, for the checks) and its colour.
#[derive(Debug)]
pub(crate) struct SmallPicture {
    pub luma: GrayImage,
    pub colour: Colour,
}

#[derive(Debug)]
pub(crate) enum Colour {
    /// The usual 4:2:0 photo of an even size, as the JPEG's own planes.
    Planes(Ycc420),
    /// Any other layout.
    Rgb(RgbImage),
}

impl SmallPicture {
    /// RGB, for a look at it.
    #[cfg(test)]
    pub(crate) fn rgb(&self) -> RgbImage {
        match &self.colour {
            Colour::Planes(planes) => planes.clone().into_rgb(),
            Colour::Rgb(rgb) => rgb.clone(),
        }
    }
}

/// Decodes `bytes` at the smallest of 1/8 and 2/8 whose long side is at least `wanted`, the
/// same size libjpeg would choose; `None` when neither is enough, or when the photo is not a
/// plain baseline JPEG this decoder reads without doubt (see the module's comment).
///
/// The colour of a 4:2:0 photo is coarser than libjpeg's at the same size (it gives each
/// colour sample one value per block, where libjpeg computes four), which a preview of half
/// this size, itself 4:2:0, does not show.
pub(crate) fn decode_scaled(bytes: &[u8], wanted: u32) -> Option<SmallPicture> {
    let (scan, entropy) = Scan::parse(bytes)?;
    let long_side = scan.width.max(scan.height);
    let eighths = (1..=2).find(|&e| (long_side * e).div_ceil(8) >= wanted as usize)?;
    let scan = scan.load(entropy)?;
    scan.decode(eighths, scan.bits / 2)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes([
        *bytes.get(at)?,
        *bytes.get(at + 1)?,
    ])))
}

impl Scan {
    /// The scan's headers, and its entropy-coded data, not yet loaded.
    fn parse(bytes: &[u8]) -> Option<(Scan, &[u8])> {
        // Only the segments before the scan are walked; the scan is taken to run to the end
        // marker that ends the file (a stripped file ends there). Anything else in between,
        // a second scan or fill bytes, shows up as a marker in the data and is refused there.
        let segments = jpeg_segments(bytes, Until::FirstScan).ok()?;
        let last = segments.last()?;
        let scan_at = last.whole.as_ptr() as usize - bytes.as_ptr() as usize + last.whole.len();
        if bytes.get(scan_at..scan_at + 2)? != [0xFF, SOS] || !bytes.ends_with(&[0xFF, EOI]) {
            return None;
        }
        let header_end = scan_at + 2 + u16_at(bytes, scan_at + 2)?;
        let header = bytes.get(scan_at + 4..header_end)?;
        let entropy = bytes.get(header_end..bytes.len() - 2)?;
        let mut quant: [Option<[u16; 64]>; 4] = [None; 4];
        let mut dc: [Option<HuffmanTable>; 4] = Default::default();
        let mut ac: [Option<HuffmanTable>; 4] = Default::default();
        let mut frame: Option<Frame> = None;
        for segment in &segments {
            let payload = segment.payload;
            match segment.marker {
                SOI => {}
                SOF0 | SOF1 => {
                    if frame.is_some() || *payload.first()? != 8 {
                        return None;
                    }
                    let (height, width) = (u16_at(payload, 1)?, u16_at(payload, 3)?);
                    let count = usize::from(*payload.get(5)?);
                    let mut components = Vec::new();
                    for i in 0..count {
                        let at = 6 + i * 3;
                        let id = *payload.get(at)?;
                        let sampling = *payload.get(at + 1)?;
                        let quant = usize::from(*payload.get(at + 2)?);
                        components.push((
                            id,
                            usize::from(sampling >> 4),
                            usize::from(sampling & 15),
                            quant,
                        ));
                    }
                    frame = Some(Frame {
                        width,
                        height,
                        components,
                    });
                }
                DHT => {
                    let mut rest = payload;
                    while let Some((&class_id, after)) = rest.split_first() {
                        let (class, id) = (class_id >> 4, usize::from(class_id & 15));
                        let counts: [u8; 16] = after.get(..16)?.try_into().ok()?;
                        let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
                        let symbols = after.get(16..16 + total)?;
                        match (class, id) {
                            (0, 0..=3) => dc[id] = Some(HuffmanTable::dc(&counts, symbols)?),
                            (1, 0..=3) => ac[id] = Some(HuffmanTable::ac(&counts, symbols)?),
                            _ => return None,
                        }
                        rest = &after[16 + total..];
                    }
                }
                DQT => {
                    let mut rest = payload;
                    while let Some((&precision_id, after)) = rest.split_first() {
                        let (precision, id) = (precision_id >> 4, usize::from(precision_id & 15));
                        if id > 3 {
                            return None;
                        }
                        let mut table = [0u16; 64];
                        let used = match precision {
                            0 => {
                                for (q, &b) in table.iter_mut().zip(after.get(..64)?) {
                                    *q = u16::from(b);
                                }
                                64
                            }
                            1 => {
                                for (i, q) in table.iter_mut().enumerate() {
                                    *q = u16_at(after, i * 2)? as u16;
                                }
                                128
                            }
                            _ => return None,
                        };
                        quant[id] = Some(table);
                        rest = &after[used..];
                    }
                }
                DRI if u16_at(payload, 0)? != 0 => return None,
                // Other frame types (progressive, lossless, arithmetic), Adobe's colour
                // transform flag, restart markers out of place, an end before the scan.
                0xC2..=0xCF | APP14 | 0xD0..=0xD7 | 0x01 | 0xDC | EOI => return None,
                _ => {}
            }
        }
        let Frame {
            width,
            height,
            components: frame_components,
        } = frame?;
        if width == 0 || height == 0 {
            return None;
        }
        // libjpeg reads a three-component JPEG whose components are named R, G and B as RGB.
        let ids: Vec<u8> = frame_components.iter().map(|c| c.0).collect();
        if ids == b"RGB" {
            return None;
        }
        let count = usize::from(*header.first()?);
        if count != frame_components.len() || !(count == 1 || count == 3) {
            return None;
        }
        let spectral = header.get(1 + count * 2..4 + count * 2)?;
        if spectral != [0, 63, 0] {
            return None;
        }
        let mut components = Vec::new();
        for (i, &(id, horizontal, vertical, quant_id)) in frame_components.iter().enumerate() {
            // libjpeg refuses sampling factors outside 1 to 4, even where it ignores them.
            let sampling_valid = (1..=4).contains(&horizontal) && (1..=4).contains(&vertical);
            if *header.get(1 + i * 2)? != id || quant_id > 3 || !sampling_valid {
                return None;
            }
            let tables = *header.get(2 + i * 2)?;
            let (dc_table, ac_table) = (usize::from(tables >> 4), usize::from(tables & 15));
            if dc_table > 3 || ac_table > 3 {
                return None;
            }
            components.push(Component {
                horizontal,
                vertical,
                quant: quant_id,
                dc_table,
                ac_table,
            });
        }
        if count == 1 {
            // A lone component is not interleaved: its MCU is one block, whatever its sampling.
            components[0].horizontal = 1;
            components[0].vertical = 1;
        } else {
            let luma = components[0];
            let chroma_plain = components[1..]
                .iter()
                .all(|c| c.horizontal == 1 && c.vertical == 1);
            if !(1..=2).contains(&luma.horizontal)
                || !(1..=2).contains(&luma.vertical)
                || !chroma_plain
            {
                return None;
            }
        }
        let max_horizontal = components[0].horizontal;
        let max_vertical = components[0].vertical;
        let mut slots = Vec::new();
        for (component, c) in components.iter().enumerate() {
            for row in 0..c.vertical {
                for column in 0..c.horizontal {
                    slots.push(Slot {
                        component,
                        column,
                        row,
                    });
                }
            }
        }
        let mut dc_tables = Vec::new();
        let mut ac_tables = Vec::new();
        let mut weights = Vec::new();
        let mut dc_quant = Vec::new();
        for c in &components {
            dc_tables.push(dc[c.dc_table].clone()?);
            ac_tables.push(ac[c.ac_table].clone()?);
            let table = quant[c.quant]?;
            weights.push(quarter_weights(&table));
            dc_quant.push(i32::from(table[0]));
        }
        let scan = Scan {
            width,
            height,
            mcus_across: width.div_ceil(8 * max_horizontal),
            mcus_down: height.div_ceil(8 * max_vertical),
            components,
            slots,
            dc_tables,
            ac_tables,
            weights,
            dc_quant,
            data: Vec::new(),
            bits: 0,
        };
        Some((scan, entropy))
    }

    /// The scan with its data, unstuffed; `None` when a marker interrupts it.
    fn load(mut self, entropy: &[u8]) -> Option<Scan> {
        (self.data, self.bits) = unstuff(entropy)?;
        Some(self)
    }

    fn mcu_count(&self) -> usize {
        self.mcus_across * self.mcus_down
    }

    /// Decodes one MCU into its blocks (the first `slots.len()`). DC values are kept as
    /// decoded; the caller knows whether the predictors it started from were the true ones.
    #[inline]
    fn decode_mcu(
        &self,
        reader: &mut BitReader<'_>,
        predictors: &mut [i32; 3],
    ) -> Result<[Block; MAX_SLOTS], BadData> {
        let mut blocks = [Block::default(); MAX_SLOTS];
        for (slot, block) in self.slots.iter().zip(blocks.iter_mut()) {
            let c = slot.component;
            let Step::Value {
                value: difference, ..
            } = self.dc_tables[c].decode(reader)?
            else {
                return Err(BadData);
            };
            predictors[c] = predictors[c].wrapping_add(difference);
            let weights = &self.weights[c];
            let ac = &self.ac_tables[c];
            let mut quarters = [0i32; 4];
            let mut k = 1usize;
            while k < 64 {
                let Step::Value { run, value } = ac.decode(reader)? else {
                    break;
                };
                k += run as usize;
                // libjpeg quietly drops a coefficient past the block's end; a photo with one
                // is left to it.
                if k > 63 {
                    return Err(BadData);
                }
                let weight = &weights[k & 63];
                for (quarter, w) in quarters.iter_mut().zip(weight) {
                    *quarter = quarter.wrapping_add(value.wrapping_mul(*w));
                }
                k += 1;
            }
            let round = 1 << (WEIGHT_BITS - QUARTER_BITS - 1);
            *block = Block {
                dc: predictors[c] as i16,
                quarters: quarters
                    .map(|q| (q.wrapping_add(round) >> (WEIGHT_BITS - QUARTER_BITS)) as i16),
            };
        }
        Ok(blocks)
    }

    /// The second core's work: decoding from bit `from` as if an MCU started there.
    fn speculate(&self, from: u64) -> Speculation {
        let mut found = Speculation::default();
        // About as many blocks as bits after `from` promise, and a little more, so the
        // vector is not copied as it grows.
        let share = (self.bits - from.min(self.bits)) as f64 / self.bits.max(1) as f64;
        let expected = (self.mcu_count() as f64 * share * 1.05) as usize + 16;
        found.blocks.reserve(expected * self.slots.len());
        let mut reader = BitReader::new(&self.data, from);
        let mut predictors = [0i32; 3];
        let mut wrong_starts = 0;
        // The true path has fewer MCUs than the photo (the first core decodes one at least):
        // data that promises more is not decoded into memory to the end.
        while reader.position() < self.bits && found.starts.len() < self.mcu_count() {
            let start = reader.position();
            let before = predictors;
            let decoded = self.decode_mcu(&mut reader, &mut predictors);
            if let (Ok(blocks), true) = (decoded, reader.position() <= self.bits) {
                found.blocks.extend_from_slice(&blocks[..self.slots.len()]);
                found.starts.push(start);
                found.predictors.push(before);
                found.end = reader.position();
                continue;
            }
            if start + 8 > self.bits {
                // The padding bits after the last MCU.
                break;
            }
            // This path was not the true one: it ends in a bad code. Everything on it is
            // dropped, and the next try starts one bit after the MCU that failed.
            wrong_starts += 1;
            if wrong_starts > MAX_WRONG_STARTS {
                return Speculation::default();
            }
            found.starts.clear();
            found.predictors.clear();
            found.blocks.clear();
            reader = BitReader::new(&self.data, start + 1);
            predictors = [0; 3];
        }
        found
    }

    /// Decodes every MCU, the first core from the start and the second from bit `split`,
    /// and makes the picture. The first core writes its pixels as it goes; the second's
    /// blocks are written once it is known where they go and how far their DC values are off.
    fn decode(&self, eighths: usize, split: u64) -> Option<SmallPicture> {
        let total = self.mcu_count();
        let per_mcu = self.slots.len();
        let layout = Layout::new(self, eighths);
        let mut buffer = vec![0u8; layout.planes.iter().map(|(w, h)| w * h).sum()];
        let mut planes = layout.whole(&mut buffer);
        let mut reader = BitReader::new(&self.data, 0);
        let mut predictors = [0i32; 3];
        let mut done = 0;
        let mut decode_next = |reader: &mut BitReader<'_>, done: &mut usize| {
            let blocks = self.decode_mcu(reader, &mut predictors).ok()?;
            self.fill_mcu(eighths, *done, &blocks[..per_mcu], &[0; 3], &mut planes);
            *done += 1;
            Some(())
        };
        let (first_part, speculation) = rayon::join(
            || {
                while done < total && reader.position() < split {
                    decode_next(&mut reader, &mut done)?;
                }
                Some(())
            },
            || {
                if split < self.bits {
                    self.speculate(split)
                } else {
                    Speculation::default()
                }
            },
        );
        first_part?;
        let met = loop {
            if reader.position() > self.bits {
                return None;
            }
            if done == total {
                break None;
            }
            if let Ok(at) = speculation.starts.binary_search(&reader.position()) {
                break Some(at);
            }
            decode_next(&mut reader, &mut done)?;
        };
        if met.is_none() && self.bits - reader.position() >= 8 {
            // Whole bytes of data nobody reads.
            return None;
        }
        drop(planes);
        if let Some(at) = met {
            let needed = total - done;
            let end = match speculation.starts.get(at + needed) {
                Some(&next) => next,
                None if speculation.starts.len() == at + needed => speculation.end,
                None => return None,
            };
            if end > self.bits || self.bits - end >= 8 {
                return None;
            }
            let mut offsets = [0i32; 3];
            for (offset, (&true_value, &guess)) in offsets
                .iter_mut()
                .zip(predictors.iter().zip(&speculation.predictors[at]))
            {
                *offset = true_value.wrapping_sub(guess);
            }
            let blocks = &speculation.blocks[at * per_mcu..(at + needed) * per_mcu];
            // The rest on both cores: from `done` to the start of a row past the middle, and
            // from there to the end.
            let middle_row = (done + needed / 2)
                .div_ceil(self.mcus_across)
                .min(self.mcus_down);
            let middle = (middle_row * self.mcus_across).max(done);
            let (top_blocks, bottom_blocks) = blocks.split_at((middle - done) * per_mcu);
            let (mut top, mut bottom) = layout.split_rows(&mut buffer, middle_row);
            rayon::join(
                || self.fill_range(eighths, done, top_blocks, &offsets, &mut top),
                || self.fill_range(eighths, middle, bottom_blocks, &offsets, &mut bottom),
            );
        }
        Some(layout.picture(buffer))
    }

    /// Writes the MCUs from `first` on, whose blocks are `blocks`, into `planes`.
    fn fill_range(
        &self,
        eighths: usize,
        first: usize,
        blocks: &[Block],
        offsets: &[i32; 3],
        planes: &mut [PlaneRows<'_>],
    ) {
        let per_mcu = self.slots.len();
        for (i, mcu_blocks) in blocks.chunks_exact(per_mcu).enumerate() {
            self.fill_mcu(eighths, first + i, mcu_blocks, offsets, planes);
        }
    }

    /// Writes one MCU's pixels, each block's DC value corrected by its component's offset.
    #[inline]
    fn fill_mcu(
        &self,
        eighths: usize,
        mcu: usize,
        blocks: &[Block],
        offsets: &[i32; 3],
        planes: &mut [PlaneRows<'_>],
    ) {
        let (across, down) = (mcu % self.mcus_across, mcu / self.mcus_across);
        let round = 1 << (QUARTER_BITS - 1);
        for (slot, block) in self.slots.iter().zip(blocks) {
            let c = slot.component;
            let component = &self.components[c];
            let plane = &mut planes[c];
            let dc = i32::from(block.dc.wrapping_add(offsets[c] as i16)) * self.dc_quant[c];
            let x = (across * component.horizontal + slot.column) * eighths;
            let y = (down * component.vertical + slot.row) * eighths;
            if eighths == 1 {
                // libjpeg's 1x1 inverse DCT: the DC value alone, rounded.
                plane.set(x, y, sample((dc + 4) >> 3));
                continue;
            }
            // The DC value is worth an eighth of itself in every quarter.
            let dc = (dc << (QUARTER_BITS - 3)) + round;
            for (i, &quarter) in block.quarters.iter().enumerate() {
                plane.set(
                    x + i % 2,
                    y + i / 2,
                    sample((i32::from(quarter) + dc) >> QUARTER_BITS),
                );
            }
        }
    }
}

/// Where the pixels go: the picture's size and each plane's, in one buffer, Y first.
struct Layout {
    width: usize,
    height: usize,
    planes: Vec<(usize, usize)>,
    /// Plane rows per MCU row, for each component.
    rows_per_mcu: Vec<usize>,
    /// Luma sampling factors, which the chroma is repeated by.
    horizontal: usize,
    vertical: usize,
}

impl Layout {
    fn new(scan: &Scan, eighths: usize) -> Layout {
        let width = (scan.width * eighths).div_ceil(8);
        let height = (scan.height * eighths).div_ceil(8);
        let (horizontal, vertical) = (scan.components[0].horizontal, scan.components[0].vertical);
        Layout {
            width,
            height,
            planes: scan
                .components
                .iter()
                .map(|c| {
                    (
                        (width * c.horizontal).div_ceil(horizontal),
                        (height * c.vertical).div_ceil(vertical),
                    )
                })
                .collect(),
            rows_per_mcu: scan
                .components
                .iter()
                .map(|c| c.vertical * eighths)
                .collect(),
            horizontal,
            vertical,
        }
    }

    /// The planes of `buffer`, whole.
    fn whole<'a>(&self, buffer: &'a mut [u8]) -> Vec<PlaneRows<'a>> {
        self.split_rows(buffer, 0).1
    }

    /// The planes of `buffer` in two: the rows before MCU row `mcu_row`, and the rest.
    fn split_rows<'a>(
        &self,
        buffer: &'a mut [u8],
        mcu_row: usize,
    ) -> (Vec<PlaneRows<'a>>, Vec<PlaneRows<'a>>) {
        let mut rest = buffer;
        let (mut top, mut bottom) = (Vec::new(), Vec::new());
        for (c, &(width, height)) in self.planes.iter().enumerate() {
            let (plane, after) = std::mem::take(&mut rest).split_at_mut(width * height);
            rest = after;
            let split_row = (mcu_row * self.rows_per_mcu[c]).min(height);
            let (above, below) = plane.split_at_mut(split_row * width);
            top.push(PlaneRows {
                width,
                first_row: 0,
                pixels: above,
            });
            bottom.push(PlaneRows {
                width,
                first_row: split_row,
                pixels: below,
            });
        }
        (top, bottom)
    }

    /// The finished picture: luma for the checks, and the colour as planes or RGB.
    fn picture(&self, buffer: Vec<u8>) -> SmallPicture {
        let (width, height) = (self.width, self.height);
        let luma = GrayImage::from_raw(
            width as u32,
            height as u32,
            buffer[..width * height].to_vec(),
        )
        .expect("the plane has these dimensions");
        let four_two_zero = self.planes.len() == 3
            && (self.horizontal, self.vertical) == (2, 2)
            && width % 2 == 0
            && height % 2 == 0;
        let colour = if four_two_zero {
            Colour::Planes(
                Ycc420::from_planes(width as u32, height as u32, buffer)
                    .expect("4:2:0 planes of an even size"),
            )
        } else {
            Colour::Rgb(self.to_rgb(&buffer))
        };
        SmallPicture { luma, colour }
    }

    /// RGB from the planes, colour repeated over the pixels it covers.
    fn to_rgb(&self, buffer: &[u8]) -> RgbImage {
        let (width, height, sizes) = (self.width, self.height, &self.planes);
        let mut rgb = vec![0u8; width * height * 3];
        let luma = &buffer[..width * height];
        if sizes.len() == 1 {
            for (pixel, &value) in rgb.chunks_exact_mut(3).zip(luma) {
                pixel.fill(value);
            }
        } else {
            let (h, v) = (self.horizontal, self.vertical);
            let chroma_width = sizes[1].0;
            let (blue, red) = buffer[width * height..].split_at(chroma_width * sizes[1].1);
            for (y, row) in rgb.chunks_exact_mut(width * 3).enumerate() {
                let luma_row = &luma[y * width..];
                let chroma_row = (y / v) * chroma_width;
                let (blue, red) = (&blue[chroma_row..], &red[chroma_row..]);
                for (x, pixel) in row.chunks_exact_mut(3).enumerate() {
                    pixel.copy_from_slice(&ycc_to_rgb(luma_row[x], blue[x / h], red[x / h]));
                }
            }
        }
        RgbImage::from_raw(width as u32, height as u32, rgb)
            .expect("the buffer is made for these dimensions")
    }
}

/// Some rows of one plane, cropped to the picture: blocks over its edge write nothing there.
struct PlaneRows<'a> {
    width: usize,
    first_row: usize,
    pixels: &'a mut [u8],
}

impl PlaneRows<'_> {
    #[inline(always)]
    fn set(&mut self, x: usize, y: usize, value: u8) {
        if x < self.width {
            if let Some(pixel) = self.pixels.get_mut((y - self.first_row) * self.width + x) {
                *pixel = value;
            }
        }
    }
}

/// What the second core found: where each of its MCUs starts, the DC predictors there, and
/// the blocks; `end` is where its last MCU ends.
#[derive(Default)]
struct Speculation {
    starts: Vec<u64>,
    predictors: Vec<[i32; 3]>,
    blocks: Vec<Block>,
    end: u64,
}

fn sample(value: i32) -> u8 {
    (value.wrapping_add(128)).clamp(0, 255) as u8
}

/// The entropy-coded data with each 0xFF00 turned back into 0xFF, then zeros, and its length
/// in bits. `None` when a marker interrupts it (a restart marker, say: this decoder leaves
/// those to libjpeg). The halves are done on the two cores, the second written where the
/// first ends.
fn unstuff(entropy: &[u8]) -> Option<(Vec<u8>, u64)> {
    let mut split = entropy.len() / 2;
    if split > 0 && entropy[split - 1] == 0xFF {
        split += 1;
    }
    let (first, second) = entropy.split_at(split.min(entropy.len()));
    let first_length = first.len() - memchr::memchr_iter(0xFF, first).count();
    let mut data = vec![0u8; first_length + second.len() + PADDING];
    let (left, right) = data.split_at_mut(first_length);
    let (first_done, second_length) =
        rayon::join(|| unstuff_into(first, left), || unstuff_into(second, right));
    if first_done != Some(first_length) {
        return None;
    }
    let length = first_length + second_length?;
    data.truncate(length + PADDING);
    Some((data, length as u64 * 8))
}

/// Copies `stuffed` into `out` without its stuffed zeros; the length written, or `None` at a
/// marker.
fn unstuff_into(stuffed: &[u8], out: &mut [u8]) -> Option<usize> {
    let mut written = 0;
    let mut rest = stuffed;
    while let Some(at) = memchr::memchr(0xFF, rest) {
        out.get_mut(written..=written + at)?
            .copy_from_slice(&rest[..=at]);
        written += at + 1;
        if rest.get(at + 1) != Some(&0) {
            return None;
        }
        rest = &rest[at + 2..];
    }
    out.get_mut(written..written + rest.len())?
        .copy_from_slice(rest);
    Some(written + rest.len())
}

/// The weight of each coefficient (by zigzag position, dequantised, fixed point) in the
/// average of each quarter of the block's 8x8 pixels. Only the DC and odd frequencies have
/// any: an even cosine sums to zero over half a block. This is what libjpeg's reduced 2x2
/// inverse DCT computes too.
fn quarter_weights(quant: &[u16; 64]) -> [[i32; 4]; 64] {
    let basis = |half: usize, frequency: usize| -> f64 {
        let scale = if frequency == 0 {
            std::f64::consts::FRAC_1_SQRT_2
        } else {
            1.0
        } / 2.0;
        let sum: f64 = (half * 4..half * 4 + 4)
            .map(|x| ((2 * x + 1) as f64 * frequency as f64 * std::f64::consts::PI / 16.0).cos())
            .sum();
        scale * sum / 4.0
    };
    let mut weights = [[0i32; 4]; 64];
    for (zigzag, weight) in weights.iter_mut().enumerate() {
        let natural = NATURAL_ORDER[zigzag];
        let (row_frequency, column_frequency) = (natural / 8, natural % 8);
        for (quarter, w) in weight.iter_mut().enumerate() {
            let (row, column) = (quarter / 2, quarter % 2);
            let value = basis(row, row_frequency)
                * basis(column, column_frequency)
                * f64::from(quant[zigzag])
                * f64::from(1u32 << WEIGHT_BITS);
            *w = value.round() as i32;
        }
    }
    weights
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pictures::waves;
    use turbojpeg::{Compressor, Subsamp};

    fn source(picture: &RgbImage) -> turbojpeg::Image<&[u8]> {
        turbojpeg::Image {
            pixels: picture.as_raw().as_slice(),
            width: picture.width() as usize,
            pitch: picture.width() as usize * 3,
            height: picture.height() as usize,
            format: turbojpeg::PixelFormat::RGB,
        }
    }

    fn jpeg(picture: &RgbImage, subsampling: Subsamp, quality: i32) -> Vec<u8> {
        let mut compressor = Compressor::new().unwrap();
        compressor.set_quality(quality).unwrap();
        compressor.set_subsamp(subsampling).unwrap();
        compressor.compress_to_vec(source(picture)).unwrap()
    }

    /// libjpeg's decoding at `eighths`/8, fast upsampling, as RGB or as its Y plane.
    fn libjpeg(bytes: &[u8], eighths: usize, format: turbojpeg::PixelFormat) -> (Vec<u8>, u32) {
        let mut decompressor = turbojpeg::Decompressor::new().unwrap();
        let factor = turbojpeg::ScalingFactor::new(eighths, 8);
        decompressor.set_scaling_factor(factor).unwrap();
        decompressor.set_fast_upsample(true).unwrap();
        let header = decompressor.read_header(bytes).unwrap();
        let (width, height) = (factor.scale(header.width), factor.scale(header.height));
        let size = format.size();
        let mut pixels = vec![0u8; width * height * size];
        decompressor
            .decompress(
                bytes,
                turbojpeg::Image {
                    pixels: pixels.as_mut_slice(),
                    width,
                    pitch: width * size,
                    height,
                    format,
                },
            )
            .unwrap();
        (pixels, width as u32)
    }

    fn loaded(bytes: &[u8]) -> Scan {
        let (scan, entropy) = Scan::parse(bytes).unwrap();
        scan.load(entropy).unwrap()
    }

    /// Mean and largest difference of two pictures of the same size.
    fn differences(ours: &[u8], theirs: &[u8]) -> (f64, u8) {
        assert_eq!(ours.len(), theirs.len());
        let mut sum = 0u64;
        let mut largest = 0u8;
        for (x, y) in ours.iter().zip(theirs) {
            let d = x.abs_diff(*y);
            sum += u64::from(d);
            largest = largest.max(d);
        }
        (sum as f64 / ours.len() as f64, largest)
    }

    const LAYOUTS: [Subsamp; 5] = [
        Subsamp::Sub2x2,
        Subsamp::Sub2x1,
        Subsamp::Sub1x2,
        Subsamp::None,
        Subsamp::Gray,
    ];

    #[test]
    fn pixels_match_libjpegs_at_one_and_two_eighths() {
        for layout in LAYOUTS {
            // Odd sizes: MCUs that hang over the edge, and scaled sizes that round up.
            let bytes = jpeg(&waves(333, 219), layout, 90);
            for eighths in [1, 2] {
                let scan = loaded(&bytes);
                let ours = scan.decode(eighths, scan.bits / 2).unwrap();
                let (luma, width) = libjpeg(&bytes, eighths, turbojpeg::PixelFormat::GRAY);
                assert_eq!(ours.luma.width(), width);
                let (mean, largest) = differences(ours.luma.as_raw(), &luma);
                // At 1/8 both take the DC value alone; at 2/8 libjpeg's fixed point rounds
                // differently from these weights.
                let (mean_limit, largest_limit) = if eighths == 1 { (0.0, 0) } else { (0.05, 2) };
                assert!(
                    mean <= mean_limit && largest <= largest_limit,
                    "{layout:?} luma at {eighths}/8: mean difference {mean:.3}, largest {largest}"
                );
                if layout == Subsamp::Sub2x2 {
                    continue;
                }
                // Colour conversion rounds a little differently from libjpeg's tables.
                let (rgb, _) = libjpeg(&bytes, eighths, turbojpeg::PixelFormat::RGB);
                let (mean, largest) = differences(ours.rgb().as_raw(), &rgb);
                assert!(
                    mean <= 0.1 && largest <= 3,
                    "{layout:?} colour at {eighths}/8: mean difference {mean:.3}, largest {largest}"
                );
            }
        }
    }

    #[test]
    fn sharpness_is_measured_as_on_libjpegs_pixels() {
        // The blur check's measure, on this decoder's luma and on libjpeg's at the same size,
        // for a sharp picture and a soft one.
        let sharp = waves(1600, 1200);
        let soft = image::imageops::blur(&sharp, 3.0);
        for picture in [sharp, soft] {
            let bytes = jpeg(&picture, Subsamp::Sub2x2, 90);
            let ours = decode_scaled(&bytes, 400).unwrap().luma;
            let (luma, width) = libjpeg(&bytes, 2, turbojpeg::PixelFormat::GRAY);
            let height = luma.len() as u32 / width;
            let theirs = GrayImage::from_raw(width, height, luma).unwrap();
            let (ours, theirs) = (
                crate::laplacian_variance(&ours),
                crate::laplacian_variance(&theirs),
            );
            assert!(
                (ours - theirs).abs() <= theirs * 0.02,
                "ours {ours:.1}, libjpeg's {theirs:.1}"
            );
        }
    }

    #[test]
    fn four_two_zero_colour_is_libjpegs_averaged() {
        // libjpeg computes a 4:2:0 photo's colour at twice this decoder's resolution; on a
        // smooth picture (a photo, not the waves above) the two stay close.
        let smooth = RgbImage::from_fn(640, 480, |x, y| {
            image::Rgb([(x / 3) as u8, (y / 2) as u8, ((x + y) / 5) as u8])
        });
        let bytes = jpeg(&smooth, Subsamp::Sub2x2, 90);
        for eighths in [1, 2] {
            let ours = decode_scaled(&bytes, (80 * eighths) as u32).unwrap();
            let (rgb, _) = libjpeg(&bytes, eighths, turbojpeg::PixelFormat::RGB);
            let (mean, largest) = differences(ours.rgb().as_raw(), &rgb);
            assert!(
                mean < 1.0 && largest <= 6,
                "at {eighths}/8: mean difference {mean:.3}, largest {largest}"
            );
        }
    }

    #[test]
    fn every_split_gives_the_same_pixels() {
        for layout in [Subsamp::Sub2x2, Subsamp::Gray] {
            let bytes = jpeg(&waves(700, 500), layout, 85);
            let scan = loaded(&bytes);
            let alone = scan.decode(2, scan.bits).unwrap();
            for part in 1..40 {
                let split = scan.bits * part / 40 + part;
                let decoded = scan.decode(2, split).unwrap();
                assert_eq!(decoded.luma, alone.luma);
                assert_eq!(
                    decoded.rgb(),
                    alone.rgb(),
                    "{layout:?} split at bit {split} of {}",
                    scan.bits
                );
            }
        }
    }

    #[test]
    fn the_second_core_falls_in_step_soon() {
        let bytes = jpeg(&waves(1200, 900), Subsamp::Sub2x2, 92);
        let scan = loaded(&bytes);
        let split = scan.bits / 2;
        let speculation = scan.speculate(split);
        // It decoded (nearly) all of the second half, on the true path.
        let second_half = scan.mcu_count() / 3;
        assert!(
            speculation.starts.len() > second_half,
            "{} MCUs after the split",
            speculation.starts.len()
        );
    }

    #[test]
    fn data_longer_than_the_photo_promises_is_not_decoded_to_its_end() {
        let plain = jpeg(&waves(320, 240), Subsamp::Sub2x2, 90);
        let scan_at = plain.windows(2).rposition(|w| w == [0xFF, SOS]).unwrap();
        let data_at =
            scan_at + 2 + usize::from(u16::from_be_bytes([plain[scan_at + 2], plain[scan_at + 3]]));
        let data = &plain[data_at..plain.len() - 2];
        // The scan's data four times over, then the end marker.
        let long = [&plain[..plain.len() - 2], data, data, data, &[0xFF, EOI]].concat();
        let scan = loaded(&long);
        let found = scan.speculate(scan.bits / 8);
        assert!(found.starts.len() <= scan.mcu_count());
        assert!(decode_scaled(&long, 40).is_none());
    }

    #[test]
    fn leaves_unusual_and_damaged_photos_to_libjpeg() {
        let picture = waves(320, 240);
        let plain = jpeg(&picture, Subsamp::Sub2x2, 90);
        assert_eq!(
            decode_scaled(&plain, 40).unwrap().luma.dimensions(),
            (40, 30)
        );
        assert_eq!(
            decode_scaled(&plain, 41).unwrap().luma.dimensions(),
            (80, 60)
        );

        let mut compressor = Compressor::new().unwrap();
        compressor.set_quality(90).unwrap();
        compressor.set_progressive(true).unwrap();
        let progressive = compressor.compress_to_vec(source(&picture)).unwrap();
        assert!(decode_scaled(&progressive, 40).is_none(), "progressive");

        // Cut short, with and without an end marker.
        let cut = &plain[..plain.len() * 2 / 3];
        assert!(decode_scaled(cut, 40).is_none(), "cut");
        let closed = [cut, &[0xFF, 0xD9][..]].concat();
        assert!(decode_scaled(&closed, 40).is_none(), "cut and closed");

        // Too much data: whole bytes after the last block.
        let end = plain.len() - 2;
        let long = [&plain[..end], &[0x12, 0x34, 0x56][..], &plain[end..]].concat();
        assert!(decode_scaled(&long, 40).is_none(), "extra data");

        // Bigger than 2/8 can serve.
        assert!(decode_scaled(&plain, 100).is_none(), "needs 3/8");
    }
}
