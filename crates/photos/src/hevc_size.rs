//! The picture sizes a HEIC's HEVC streams really have, read from the sequence parameter sets
//! in its `hvcC` boxes, before anything is decoded.
//!
//! libheif 1.15 checks the size the header states (`ispe`) but its HEVC decoder makes frames
//! of whatever size the stream's parameter set says: a file stating 64 x 48 can hold a
//! 16000 x 16000 picture and have gigabytes allocated before any check after decoding could
//! run. So the parameter sets are read here first (ISO/IEC 14496-15 for `hvcC`, H.265 7.3.2.2
//! for the SPS, as far as the picture size), and a stream larger than the header says is
//! refused.

/// Width and height (luma samples, before cropping) of every SPS in the file's `hvcC` boxes
/// (the image, its tiles, its thumbnails, its alpha plane). `None` when the boxes cannot be
/// read: libheif then reports what is wrong.
pub(crate) fn hevc_picture_sizes(heic: &[u8]) -> Option<Vec<(u64, u64)>> {
    let meta = child(heic, b"meta")?;
    // `meta` is a full box: version and flags come before its children.
    let ipco = child(child(meta.get(4..)?, b"iprp")?, b"ipco")?;
    let mut sizes = Vec::new();
    for (kind, body) in boxes(ipco) {
        if kind == *b"hvcC" {
            sizes.extend(sps_sizes(body?)?);
        }
    }
    Some(sizes)
}

/// The boxes in `bytes`, one after the other: type and body (`None` for a body that runs past
/// the end).
fn boxes(bytes: &[u8]) -> impl Iterator<Item = ([u8; 4], Option<&[u8]>)> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let header = bytes.get(pos..pos.checked_add(8)?)?;
        let kind: [u8; 4] = header[4..8].try_into().ok()?;
        let (start, size) = match u32::from_be_bytes(header[0..4].try_into().ok()?) {
            0 => (8, (bytes.len() - pos) as u64),
            1 => {
                let large = bytes.get(pos + 8..pos + 16)?;
                (16, u64::from_be_bytes(large.try_into().ok()?))
            }
            size => (8, u64::from(size)),
        };
        let end = usize::try_from(size)
            .ok()
            .filter(|&size| size >= start)
            .and_then(|size| pos.checked_add(size));
        let body = end.and_then(|end| bytes.get(pos + start..end));
        // A box that runs past the end, or is shorter than its own header, ends the walk.
        pos = match (end, body) {
            (Some(end), Some(_)) => end,
            _ => bytes.len(),
        };
        Some((kind, body))
    })
}

fn child<'a>(bytes: &'a [u8], kind: &[u8; 4]) -> Option<&'a [u8]> {
    boxes(bytes).find(|(k, _)| k == kind)?.1
}

const SPS_NAL_TYPE: u8 = 33;

/// The sizes in one `hvcC` body's SPS NAL units.
fn sps_sizes(hvcc: &[u8]) -> Option<Vec<(u64, u64)>> {
    // 22 bytes of profile, level and format fields, then the arrays of NAL units.
    let arrays = *hvcc.get(22)?;
    let mut pos = 23;
    let mut sizes = Vec::new();
    for _ in 0..arrays {
        let nal_type = hvcc.get(pos)? & 0x3F;
        let count = u16::from_be_bytes(hvcc.get(pos + 1..pos + 3)?.try_into().ok()?);
        pos += 3;
        for _ in 0..count {
            let len = usize::from(u16::from_be_bytes(hvcc.get(pos..pos + 2)?.try_into().ok()?));
            let nal = hvcc.get(pos + 2..pos + 2 + len)?;
            pos += 2 + len;
            if nal_type == SPS_NAL_TYPE {
                sizes.push(sps_picture_size(nal)?);
            }
        }
    }
    Some(sizes)
}

/// `pic_width_in_luma_samples` and `pic_height_in_luma_samples` of an SPS NAL unit.
fn sps_picture_size(nal: &[u8]) -> Option<(u64, u64)> {
    let mut bits = Bits::new(unescape(nal.get(2..)?));
    bits.skip(4)?; // sps_video_parameter_set_id
    let max_sub_layers_minus1 = bits.read(3)?;
    bits.skip(1)?; // sps_temporal_id_nesting_flag
                   // profile_tier_level(1, max_sub_layers_minus1): the general profile and level, 96 bits...
    bits.skip(96)?;
    // ...then which sub-layers carry a profile and a level of their own.
    let mut present = Vec::new();
    for _ in 0..max_sub_layers_minus1 {
        present.push((bits.read(1)? == 1, bits.read(1)? == 1));
    }
    if max_sub_layers_minus1 > 0 {
        bits.skip(2 * (8 - max_sub_layers_minus1 as usize))?;
    }
    for (profile, level) in present {
        if profile {
            bits.skip(88)?;
        }
        if level {
            bits.skip(8)?;
        }
    }
    bits.exp_golomb()?; // sps_seq_parameter_set_id
    if bits.exp_golomb()? == 3 {
        bits.skip(1)?; // separate_colour_plane_flag
    }
    Some((bits.exp_golomb()?, bits.exp_golomb()?))
}

/// The NAL unit's payload without its emulation-prevention bytes (00 00 03 -> 00 00).
fn unescape(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len());
    let mut zeros = 0;
    for &byte in payload {
        if zeros >= 2 && byte == 3 {
            zeros = 0;
            continue;
        }
        zeros = if byte == 0 { zeros + 1 } else { 0 };
        out.push(byte);
    }
    out
}

/// A big-endian bit reader.
struct Bits {
    bytes: Vec<u8>,
    pos: usize,
}

impl Bits {
    fn new(bytes: Vec<u8>) -> Bits {
        Bits { bytes, pos: 0 }
    }

    fn read(&mut self, count: usize) -> Option<u64> {
        let mut value = 0u64;
        for _ in 0..count {
            let byte = self.bytes.get(self.pos / 8)?;
            value = value << 1 | u64::from(byte >> (7 - self.pos % 8) & 1);
            self.pos += 1;
        }
        Some(value)
    }

    fn skip(&mut self, count: usize) -> Option<()> {
        self.pos = self.pos.checked_add(count)?;
        (self.pos <= self.bytes.len() * 8).then_some(())
    }

    /// ue(v): an unsigned Exp-Golomb code. More than 32 leading zeros is not a real SPS value.
    fn exp_golomb(&mut self) -> Option<u64> {
        let mut zeros = 0;
        while self.read(1)? == 0 {
            zeros += 1;
            if zeros > 32 {
                return None;
            }
        }
        Some((1u64 << zeros) - 1 + self.read(zeros)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bit writer for building parameter sets in the tests.
    struct Writer {
        bits: Vec<bool>,
    }

    impl Writer {
        fn put(&mut self, value: u64, count: usize) {
            for i in (0..count).rev() {
                self.bits.push(i < 64 && value >> i & 1 == 1);
            }
        }

        fn ue(&mut self, value: u64) {
            let coded = value + 1;
            let length = 64 - coded.leading_zeros() as usize;
            self.put(0, length - 1);
            self.put(coded, length);
        }

        fn bytes(&self) -> Vec<u8> {
            self.bits
                .chunks(8)
                .map(|byte| {
                    byte.iter()
                        .enumerate()
                        .fold(0u8, |b, (i, &bit)| b | (u8::from(bit) << (7 - i)))
                })
                .collect()
        }
    }

    fn sps(width: u64, height: u64, sub_layers_minus1: u64) -> Vec<u8> {
        let mut w = Writer { bits: Vec::new() };
        w.put(0, 4);
        w.put(sub_layers_minus1, 3);
        w.put(1, 1);
        w.put(0, 96);
        for _ in 0..sub_layers_minus1 {
            w.put(0b11, 2); // profile and level present
        }
        if sub_layers_minus1 > 0 {
            w.put(0, 2 * (8 - sub_layers_minus1 as usize));
        }
        for _ in 0..sub_layers_minus1 {
            w.put(0, 88);
            w.put(0, 8);
        }
        w.ue(0);
        w.ue(1); // 4:2:0
        w.ue(width);
        w.ue(height);
        w.put(1, 1);
        let mut nal = vec![0x42, 0x01];
        // Emulation prevention, as an encoder would insert it.
        let mut zeros = 0;
        for byte in w.bytes() {
            if zeros >= 2 && byte <= 3 {
                nal.push(3);
                zeros = 0;
            }
            zeros = if byte == 0 { zeros + 1 } else { 0 };
            nal.push(byte);
        }
        nal
    }

    #[test]
    fn reads_the_picture_size_of_an_sps() {
        for (width, height, sub_layers) in [
            (640, 480, 0),
            (4032, 3024, 0),
            (16000, 16000, 2),
            (512, 512, 6),
        ] {
            assert_eq!(
                sps_picture_size(&sps(width, height, sub_layers)),
                Some((width, height)),
                "{width}x{height}, {sub_layers} sub-layers"
            );
        }
        assert_eq!(sps_picture_size(&[0x42, 0x01, 0x01]), None);
    }

    #[test]
    fn walks_boxes_and_stops_at_bad_sizes() {
        let mut file = Vec::new();
        file.extend_from_slice(&[0, 0, 0, 12]);
        file.extend_from_slice(b"free1234");
        file.extend_from_slice(&[0, 0, 0, 100]);
        file.extend_from_slice(b"meta");
        let walked: Vec<_> = boxes(&file)
            .map(|(kind, body)| (kind, body.is_some()))
            .collect();
        assert_eq!(walked, vec![(*b"free", true), (*b"meta", false)]);
        assert_eq!(hevc_picture_sizes(&file), None);
        assert_eq!(hevc_picture_sizes(b""), None);
    }

    #[test]
    fn reads_the_sizes_in_real_heic_files() {
        let card = include_bytes!("../tests/fixtures/card-640x480.heic");
        let sizes = hevc_picture_sizes(card).unwrap();
        assert!(sizes.contains(&(640, 480)), "{sizes:?}");
        let turned = include_bytes!("../tests/fixtures/quadrants-irot.heic");
        assert!(!hevc_picture_sizes(turned).unwrap().is_empty());
    }
}
