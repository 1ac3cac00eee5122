//! A baseline JPEG's Huffman tables, built for decoding from a buffer whose 0xFF00 stuffing
//! has been removed, so any bit position can be read with one unaligned load. `split_scan`
//! needs its own decoder because libjpeg can only start at the beginning of a scan.

/// Bits looked up in one step: codes this short, and most coefficients with their extra
/// bits, are decoded with one table read.
const LOOKAHEAD: u32 = 11;

/// Reads bits from any position of a buffer followed by at least 8 bytes of zeros. The
/// buffer holds the next 56 to 63 bits, first bit highest, after each refill.
#[derive(Clone, Copy)]
pub(crate) struct BitReader<'a> {
    data: &'a [u8],
    /// The next byte not yet in `buffer`.
    byte: usize,
    buffer: u64,
    count: u32,
}

/// The data ended or a code is not in the table: the scan cannot be decoded from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BadData;

impl<'a> BitReader<'a> {
    pub(crate) fn new(data: &'a [u8], position: u64) -> Self {
        let mut reader = BitReader {
            data,
            byte: (position / 8) as usize,
            buffer: 0,
            count: 0,
        };
        reader.refill();
        reader.consume((position % 8) as u32);
        reader
    }

    /// The bit the next read starts at.
    pub(crate) fn position(&self) -> u64 {
        self.byte as u64 * 8 - u64::from(self.count)
    }

    /// Tops the buffer up to 56 bits or more with one load (Giesen's "variant 4"); past the
    /// buffer's end it reads zeros, and the caller notices the position.
    #[inline(always)]
    fn refill(&mut self) {
        let word = match self.data.get(self.byte..self.byte + 8) {
            Some(bytes) => u64::from_be_bytes(bytes.try_into().unwrap_or_default()),
            None => 0,
        };
        self.buffer |= word >> self.count;
        let whole_bytes = (63 - self.count) >> 3;
        self.byte += whole_bytes as usize;
        self.count += whole_bytes * 8;
    }

    /// Makes sure a code and its extra bits (31 at most) are in the buffer.
    #[inline(always)]
    fn ensure(&mut self) {
        if self.count < 32 {
            self.refill();
        }
    }

    #[inline(always)]
    fn consume(&mut self, bits: u32) {
        self.buffer <<= bits;
        self.count -= bits;
    }

    /// The `size` (1 to 15) bits after the first `skip`.
    #[inline(always)]
    fn bits_after(&self, skip: u32, size: u32) -> u64 {
        (self.buffer << skip) >> (64 - size)
    }
}

/// The value of `size` extra bits, as JPEG's sign convention reads them (F.2.2.1).
#[inline(always)]
fn extend(bits: u64, size: u32) -> i32 {
    let bits = bits as i32;
    if size == 0 {
        0
    } else if bits < (1 << (size - 1)) {
        bits - (1 << size) + 1
    } else {
        bits
    }
}

/// Canonical codes of one table, for codes longer than the lookahead.
#[derive(Debug, Clone)]
struct LongCodes {
    /// Largest code of each length (index 1 to 16), -1 when there is none.
    max_code: [i32; 17],
    /// Added to a code of that length to find its symbol's index in `symbols`.
    offset: [i32; 17],
    symbols: Vec<u8>,
}

impl LongCodes {
    fn decode(&self, peeked: u64) -> Result<(u32, u8), BadData> {
        for length in LOOKAHEAD + 1..=16 {
            let code = (peeked >> (64 - length)) as i32;
            if code <= self.max_code[length as usize] {
                let index = code + self.offset[length as usize];
                let symbol = *self.symbols.get(index as usize).ok_or(BadData)?;
                return Ok((length, symbol));
            }
        }
        Err(BadData)
    }
}

/// Symbol and code length of every code up to the lookahead, by the lookahead's bits; length
/// 0 where the code is longer.
fn build(counts: &[u8; 16], symbols: &[u8]) -> Option<(Vec<(u8, u8)>, LongCodes)> {
    let total: usize = counts.iter().map(|&c| usize::from(c)).sum();
    if total != symbols.len() || total == 0 || total > 256 {
        return None;
    }
    let mut short = vec![(0u8, 0u8); 1 << LOOKAHEAD];
    let mut long = LongCodes {
        max_code: [-1; 17],
        offset: [0; 17],
        symbols: symbols.to_vec(),
    };
    let mut code: u32 = 0;
    let mut index = 0usize;
    for length in 1..=16u32 {
        let count = u32::from(counts[length as usize - 1]);
        if count > 0 {
            long.offset[length as usize] = index as i32 - code as i32;
            for _ in 0..count {
                // More codes of this length than there is room for: not a prefix code.
                if code >= (1 << length) {
                    return None;
                }
                if length <= LOOKAHEAD {
                    let shift = LOOKAHEAD - length;
                    let first = (code << shift) as usize;
                    for entry in &mut short[first..first + (1 << shift)] {
                        *entry = (length as u8, symbols[index]);
                    }
                }
                code += 1;
                index += 1;
            }
            long.max_code[length as usize] = code as i32 - 1;
        }
        code <<= 1;
    }
    Some((short, long))
}

/// A lookahead entry, packed in 32 bits so the common case is one load and a few shifts:
/// bits 0-5 are the bits to consume, 6-9 the run of zeros, 10-11 the kind, 12-15 the size of
/// the extra bits still to read, 16-31 the value. Zero means the code is longer.
const KIND_VALUE: u32 = 0;
const KIND_CODE: u32 = 1;
const KIND_END: u32 = 2;

fn pack(bits: u32, run: u32, kind: u32, size: u32, value: i32) -> u32 {
    bits | run << 6 | kind << 10 | size << 12 | (value as u32) << 16
}

/// The entry for a code of `length` bits and its `symbol` (run and size), given the bits
/// after the code that the lookahead holds.
fn entry(length: u32, symbol: u8, following: u64, ac: bool) -> u32 {
    let (run, size) = if ac {
        (u32::from(symbol >> 4), u32::from(symbol & 15))
    } else {
        (0, u32::from(symbol))
    };
    if size == 0 {
        return match (ac, run) {
            // A DC difference of zero, or sixteen zeros: fifteen skipped and a zero written.
            (false, _) | (true, 15) => pack(length, run, KIND_VALUE, 0, 0),
            // libjpeg ends the block on any other run with size 0, and so does this.
            (true, _) => pack(length, 0, KIND_END, 0, 0),
        };
    }
    if length + size <= LOOKAHEAD {
        let extra = (following >> (LOOKAHEAD - length - size)) & ((1 << size) - 1);
        return pack(length + size, run, KIND_VALUE, 0, extend(extra, size));
    }
    pack(length, run, KIND_CODE, size, 0)
}

/// One table, DC or AC.
#[derive(Debug, Clone)]
pub(crate) struct HuffmanTable {
    short: Vec<u32>,
    long: LongCodes,
    ac: bool,
}

/// One decoded step: a run of zeros and a value, or the end of the block.
pub(crate) enum Step {
    Value { run: u32, value: i32 },
    EndOfBlock,
}

impl HuffmanTable {
    /// A DC table: each symbol is the size of the difference that follows.
    pub(crate) fn dc(counts: &[u8; 16], symbols: &[u8]) -> Option<Self> {
        // More than 15 bits of difference cannot be an 8-bit JPEG's.
        if symbols.iter().any(|&size| size > 15) {
            return None;
        }
        Self::new(counts, symbols, false)
    }

    /// An AC table: each symbol is a run of zeros and the size of the coefficient after them.
    pub(crate) fn ac(counts: &[u8; 16], symbols: &[u8]) -> Option<Self> {
        Self::new(counts, symbols, true)
    }

    fn new(counts: &[u8; 16], symbols: &[u8], ac: bool) -> Option<Self> {
        let (short, long) = build(counts, symbols)?;
        let short = short
            .iter()
            .enumerate()
            .map(|(peeked, &(length, symbol))| {
                if length == 0 {
                    0
                } else {
                    entry(u32::from(length), symbol, peeked as u64, ac)
                }
            })
            .collect();
        Some(HuffmanTable { short, long, ac })
    }

    /// The next step; for a DC table always a value (the difference) with run 0.
    #[inline(always)]
    pub(crate) fn decode(&self, reader: &mut BitReader<'_>) -> Result<Step, BadData> {
        reader.ensure();
        let peeked = reader.buffer;
        let mut packed = self.short[(peeked >> (64 - LOOKAHEAD)) as usize];
        if packed == 0 {
            let (length, symbol) = self.long.decode(peeked)?;
            // Longer than the lookahead, so any extra bits are read below.
            packed = entry(length, symbol, 0, self.ac);
        }
        let bits = packed & 63;
        let run = packed >> 6 & 15;
        match packed >> 10 & 3 {
            KIND_VALUE => {
                reader.consume(bits);
                Ok(Step::Value {
                    run,
                    value: (packed as i32) >> 16,
                })
            }
            KIND_CODE => {
                let size = packed >> 12 & 15;
                let value = extend(reader.bits_after(bits, size), size);
                reader.consume(bits + size);
                Ok(Step::Value { run, value })
            }
            _ => {
                reader.consume(bits);
                Ok(Step::EndOfBlock)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Table K.3, the usual luminance DC table.
    const DC_COUNTS: [u8; 16] = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    const DC_SYMBOLS: [u8; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    fn reader(bits: &str) -> Vec<u8> {
        let mut bytes = vec![0u8; bits.len() / 8 + 9];
        for (i, bit) in bits.bytes().enumerate() {
            if bit == b'1' {
                bytes[i / 8] |= 0x80 >> (i % 8);
            }
        }
        bytes
    }

    #[test]
    fn decodes_dc_differences() {
        let table = HuffmanTable::dc(&DC_COUNTS, &DC_SYMBOLS).unwrap();
        let value = |bits: &mut BitReader<'_>| match table.decode(bits) {
            Ok(Step::Value { run: 0, value }) => Ok(value),
            _ => Err(BadData),
        };
        // size 0 is code 00; size 3 is 100 then 3 bits; size 11 is 111111110 then 11 bits.
        let data = reader(&["00", "100", "010", "100", "110", "111111110", "00000000000"].concat());
        let mut bits = BitReader::new(&data, 0);
        assert_eq!(value(&mut bits), Ok(0));
        assert_eq!(value(&mut bits), Ok(-5));
        assert_eq!(value(&mut bits), Ok(6));
        assert_eq!(value(&mut bits), Ok(-2047));
        assert_eq!(bits.position(), 2 + 6 + 6 + 20);
    }

    #[test]
    fn refuses_oversubscribed_tables() {
        // Three codes of length 1 cannot exist.
        let mut counts = [0u8; 16];
        counts[0] = 3;
        assert!(HuffmanTable::dc(&counts, &[0, 1, 2]).is_none());
        assert!(HuffmanTable::dc(&counts, &[0, 1]).is_none());
    }
}
