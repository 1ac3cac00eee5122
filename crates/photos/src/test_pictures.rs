//! Pictures for the unit tests: smooth gradients with sensor-like noise, so every 8x8 block has
//! detail to encode and nothing compresses to nothing.

use image::RgbImage;

/// Deterministic noise: xorshift32 from `state`.
fn noise(mut state: u32) -> impl FnMut() -> u32 {
    move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    }
}

/// Deterministic noise over gradients that repeat every 1600 pixels.
pub(crate) fn noisy(width: u32, height: u32) -> RgbImage {
    let mut next = noise(0x2545_f491);
    RgbImage::from_fn(width, height, |x, y| {
        let noise = (next() % 48) as u8;
        image::Rgb([
            (x / 8 % 200) as u8 + noise,
            (y / 8 % 200) as u8 + noise,
            100 + noise,
        ])
    })
}
