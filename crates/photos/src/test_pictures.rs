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

/// Detail inside every 8x8 block: waves of several frequencies and directions, and noise.
pub(crate) fn waves(width: u32, height: u32) -> RgbImage {
    let mut next = noise(0x9e37_79b9);
    RgbImage::from_fn(width, height, |x, y| {
        let noise = f64::from(next() % 24);
        let (x, y) = (f64::from(x), f64::from(y));
        let wave = |a: f64, b: f64| 100.0 + 60.0 * (x / a + y / b).sin() + noise;
        image::Rgb([
            wave(3.0, 11.0) as u8,
            wave(7.0, 2.5) as u8,
            wave(17.0, 5.0) as u8,
        ])
    })
}
