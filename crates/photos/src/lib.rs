//! Photo intake: any phone photo in, an upload-ready JPEG or PNG of at most
//! [`IntakeOptions::max_output_bytes`] out, upright and without metadata.
//!
//! ```no_run
//! use cardcoins_photos::{IntakeOptions, PhotoIntake};
//!
//! let intake = PhotoIntake::new(IntakeOptions::default());
//! let photo = intake.prepare_path(std::path::Path::new("IMG_0042.jpg"))?;
//! println!("{}", photo.summary());
//! # Ok::<(), cardcoins_photos::PhotoError>(())
//! ```
//!
//! What happens, in order:
//! 1. The format is told from the bytes (`sniff`). JPEG, PNG and WebP go on, and HEIC where
//!    the platform's libheif is installed (`heic`); anything else is refused with a message
//!    naming what the file is.
//! 2. The header's size is checked against the limits before anything is decoded (`limits`).
//! 3. A JPEG that fits the budget once its metadata is dropped is kept as it is, its image data
//!    byte for byte (`strip`); if it needs turning upright, libjpeg-turbo turns it losslessly on
//!    its DCT blocks (`lossless_turn`). A PNG that fits is kept the same way.
//! 4. Anything else is decoded (a JPEG by libjpeg-turbo, straight to a smaller size in the DCT
//!    domain; PNG and WebP by the `image` crate: `decode`), downscaled to at most
//!    [`IntakeOptions::max_long_side`] (`resize`), turned upright (`orientation`) and encoded
//!    as JPEG at the highest quality that fits (`encode`), going down in size step by step if
//!    it must, never under [`IntakeOptions::min_long_side`].
//! 5. Warnings (`quality_checks`) and the preview (`preview`) are made from the final pixels.
//!    For a kept JPEG they come from a libjpeg-turbo decode at quarter size, which also proves
//!    the image data whole.
//!
//! A panic anywhere in this (a bug in a decoder, say) comes back as [`PhotoError::Internal`]
//! (`panic_boundary`), not as the end of the app.

mod decode;
mod encode;
mod error;
mod heic;
mod hevc_size;
mod limits;
mod link_fit;
mod lossless_turn;
mod orientation;
mod panic_boundary;
mod preview;
mod quality_checks;
mod resize;
mod sniff;
mod strip;
#[cfg(test)]
mod test_pictures;

use std::borrow::Cow;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use image::RgbImage;

pub use error::PhotoError;
pub use heic::heic_supported;
#[doc(hidden)]
pub use panic_boundary::catch_panic;
pub use quality_checks::{laplacian_variance, PhotoWarning};
pub use sniff::{RefusedFormat, SourceFormat};

pub use cardcoins_core::human_size;
use encode::{best_jpeg_within, QualityRange};
use limits::DecodeLimits;
pub use link_fit::{LinkFit, LINK_MIN_LONG_SIDE, LINK_PREFERRED_LONG_SIDE};
use lossless_turn::lossless_turn;
use quality_checks::{Thresholds, ANALYSIS_LONG_SIDE};
use sniff::Sniffed;

/// How photos are prepared. `Default` is what CardCoins accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeOptions {
    /// The upload limit, in bytes (CardCoins: 5 MB).
    pub max_output_bytes: u64,
    /// Larger files are refused before being read.
    pub max_input_bytes: u64,
    /// Downscaling to meet the budget never takes the long side under this (unless the source
    /// was smaller to begin with).
    pub min_long_side: u32,
    /// A re-encoded upload is at most this long: more pixels than a reviewer's screen and the
    /// card's print need only cost bytes and time.
    pub max_long_side: u32,
    /// Long side of [`PreparedPhoto::preview_jpeg`].
    pub preview_long_side: u32,
    /// Sources with a shorter long side get [`PhotoWarning::TooSmall`].
    pub warn_long_side_below: u32,
    /// Variance of the Laplacian (at 1000 pixels long side) under which a photo is
    /// [`PhotoWarning::Blurry`].
    pub blur_sharpness_threshold: u32,
    /// Mean brightness (0 to 255) under which a photo is [`PhotoWarning::TooDark`].
    pub dark_brightness_threshold: u8,
    /// Share of clipped white pixels, in percent, from which a photo is
    /// [`PhotoWarning::BlownOut`].
    pub blown_out_percent_threshold: u8,
    /// Headers claiming more pixels are refused before decoding.
    pub max_pixels: u64,
    /// Memory a PNG or WebP decoder may allocate.
    pub max_decode_bytes: u64,
    /// Highest JPEG quality tried.
    pub jpeg_quality_max: u8,
    /// Under this quality the photo is downscaled instead.
    pub jpeg_quality_min: u8,
    /// Lowest quality used, at [`IntakeOptions::min_long_side`].
    pub jpeg_quality_floor: u8,
}

impl Default for IntakeOptions {
    fn default() -> Self {
        IntakeOptions {
            max_output_bytes: 5_000_000,
            max_input_bytes: 100_000_000,
            min_long_side: 2000,
            max_long_side: 4096,
            preview_long_side: 512,
            warn_long_side_below: 1000,
            blur_sharpness_threshold: 50,
            dark_brightness_threshold: 50,
            blown_out_percent_threshold: 25,
            // 108 MP phone sensors are 12000 x 9000.
            max_pixels: 120_000_000,
            max_decode_bytes: 1 << 30,
            jpeg_quality_max: 92,
            jpeg_quality_min: 70,
            jpeg_quality_floor: 40,
        }
    }
}

/// What the upload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    Jpeg,
    Png,
}

impl OutputFormat {
    pub fn mime(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "image/jpeg",
            OutputFormat::Png => "image/png",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "jpg",
            OutputFormat::Png => "png",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Jpeg => "JPEG",
            OutputFormat::Png => "PNG",
        }
    }
}

/// An upload-ready photo and what was done to make it.
#[derive(Debug, Clone)]
pub struct PreparedPhoto {
    /// The file to upload: at most `max_output_bytes`, upright, no metadata.
    pub bytes: Vec<u8>,
    pub format: OutputFormat,
    pub width: u32,
    pub height: u32,
    pub source_format: SourceFormat,
    pub source_bytes: u64,
    /// The source's size, upright.
    pub source_width: u32,
    pub source_height: u32,
    /// False when the source's image data was kept byte for byte.
    pub reencoded: bool,
    /// The JPEG quality used when re-encoded as JPEG.
    pub jpeg_quality: Option<u8>,
    /// The EXIF orientation (1 to 8) that was turned into pixels; 1 when none was needed.
    pub orientation_applied: u8,
    pub warnings: Vec<PhotoWarning>,
    /// A JPEG of the same picture, [`IntakeOptions::preview_long_side`] pixels on its long side.
    pub preview_jpeg: Vec<u8>,
}

impl PreparedPhoto {
    /// One line saying what was done, e.g. "JPEG 4000 x 3000, 4.8 MB, re-encoded at quality 88,
    /// scaled down from 8000 x 6000, rotated 90° clockwise, metadata removed".
    pub fn summary(&self) -> String {
        let mut parts = vec![format!(
            "{} {} x {}, {}",
            self.format.name(),
            self.width,
            self.height,
            human_size(self.bytes.len() as u64)
        )];
        if self.source_format.name() != self.format.name() {
            parts.push(format!("converted from {}", self.source_format.name()));
        }
        parts.push(match (self.reencoded, self.jpeg_quality) {
            (false, _) => "image data kept as it was (not re-encoded)".to_string(),
            (true, Some(quality)) => format!("re-encoded at quality {quality}"),
            (true, None) => "re-encoded".to_string(),
        });
        if (self.width, self.height) != (self.source_width, self.source_height) {
            parts.push(format!(
                "scaled down from {} x {} ({})",
                self.source_width,
                self.source_height,
                human_size(self.source_bytes)
            ));
        }
        if let Some(turn) = orientation::describe(self.orientation_applied) {
            parts.push(turn.to_string());
        }
        parts.push("metadata removed".to_string());
        let mut line = parts.join(", ");
        if !self.warnings.is_empty() {
            let warnings: Vec<String> = self.warnings.iter().map(PhotoWarning::short).collect();
            line.push_str("; warnings: ");
            line.push_str(&warnings.join(", "));
        }
        line
    }
}

/// Prepares photos for upload. Cheap to make; holds only the options. Its methods are
/// synchronous and CPU-bound (tens to hundreds of milliseconds): call them off the UI thread.
#[derive(Debug, Clone)]
pub struct PhotoIntake {
    options: IntakeOptions,
}

/// What the source is, for the result and the checks.
#[derive(Debug, Clone, Copy)]
struct Source {
    format: SourceFormat,
    bytes: u64,
    /// Upright.
    width: u32,
    height: u32,
}

impl Source {
    /// The source as decoded by the `image` crate, with the orientation still to apply.
    fn upright(format: SourceFormat, bytes: u64, decoded: &RgbImage, orientation: u8) -> Source {
        let (width, height) = upright_size(decoded.width(), decoded.height(), orientation);
        Source {
            format,
            bytes,
            width,
            height,
        }
    }

    fn long_side(&self) -> u32 {
        self.width.max(self.height)
    }
}

impl PhotoIntake {
    pub fn new(options: IntakeOptions) -> Self {
        PhotoIntake { options }
    }

    pub fn options(&self) -> &IntakeOptions {
        &self.options
    }

    /// Reads and prepares the photo at `path`. A file over `max_input_bytes` is refused before
    /// it is read; a PNG or WebP that will be re-encoded anyway is decoded straight from the
    /// file, so it is never in memory twice.
    pub fn prepare_path(&self, path: &Path) -> Result<PreparedPhoto, PhotoError> {
        catch_panic(|| self.prepare_file(path))
    }

    fn prepare_file(&self, path: &Path) -> Result<PreparedPhoto, PhotoError> {
        let unreadable = |source| PhotoError::Unreadable {
            path: path.to_path_buf(),
            source,
        };
        let metadata = std::fs::metadata(path).map_err(unreadable)?;
        if metadata.is_dir() {
            return Err(PhotoError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        let size = metadata.len();
        self.check_input_size(size)?;
        let mut file = std::fs::File::open(path).map_err(unreadable)?;
        let mut head = Vec::with_capacity(64);
        (&mut file)
            .take(64)
            .read_to_end(&mut head)
            .map_err(unreadable)?;
        let format = match sniff::sniff(&head) {
            Sniffed::Refused(format) if !head.is_empty() => {
                return Err(PhotoError::UnsupportedFormat { format })
            }
            Sniffed::Accepted(format) => Some(format),
            Sniffed::Refused(_) => None,
        };
        let streamed = match format {
            Some(SourceFormat::WebP) => true,
            Some(SourceFormat::Png) => strip::stripped_png_len(&mut file)
                .is_none_or(|kept| kept > self.options.max_output_bytes),
            _ => false,
        };
        file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
        if let (true, Some(format)) = (streamed, format) {
            let reader = std::io::BufReader::with_capacity(1 << 16, file);
            let decoded = decode::decode_with_image_crate(reader, format, &self.limits())?;
            let source = Source::upright(format, size, &decoded.rgb, decoded.orientation);
            return self.reencode(decoded.rgb, decoded.orientation, source);
        }
        // The file may grow between the check and the read: read one byte past the limit at most.
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(self.options.max_input_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        self.prepare(Cow::Owned(bytes))
    }

    /// Prepares a photo already in memory.
    pub fn prepare_bytes(&self, bytes: &[u8]) -> Result<PreparedPhoto, PhotoError> {
        catch_panic(|| self.prepare(Cow::Borrowed(bytes)))
    }

    fn check_input_size(&self, size: u64) -> Result<(), PhotoError> {
        if size == 0 {
            return Err(PhotoError::Empty);
        }
        if size > self.options.max_input_bytes {
            return Err(PhotoError::FileTooLarge {
                size,
                limit: self.options.max_input_bytes,
            });
        }
        Ok(())
    }

    fn prepare(&self, bytes: Cow<'_, [u8]>) -> Result<PreparedPhoto, PhotoError> {
        self.check_input_size(bytes.len() as u64)?;
        match sniff::sniff(&bytes) {
            Sniffed::Refused(format) => Err(PhotoError::UnsupportedFormat { format }),
            Sniffed::Accepted(SourceFormat::Jpeg) => self.prepare_jpeg(bytes),
            Sniffed::Accepted(SourceFormat::Png) => self.prepare_png(&bytes),
            Sniffed::Accepted(SourceFormat::WebP) => {
                let decoded = decode::decode_with_image_crate(
                    Cursor::new(&bytes[..]),
                    SourceFormat::WebP,
                    &self.limits(),
                )?;
                let source = Source::upright(
                    SourceFormat::WebP,
                    bytes.len() as u64,
                    &decoded.rgb,
                    decoded.orientation,
                );
                drop(bytes);
                self.reencode(decoded.rgb, decoded.orientation, source)
            }
            Sniffed::Accepted(SourceFormat::Heic) => {
                // Decoded upright: libheif applies the file's own turn (orientation 1).
                let rgb = heic::decode_heic(&bytes, &self.limits())?;
                let source = Source::upright(SourceFormat::Heic, bytes.len() as u64, &rgb, 1);
                drop(bytes);
                self.reencode(rgb, 1, source)
            }
        }
    }

    fn limits(&self) -> DecodeLimits {
        DecodeLimits {
            max_pixels: self.options.max_pixels,
            max_decode_bytes: self.options.max_decode_bytes,
        }
    }

    fn thresholds(&self) -> Thresholds {
        Thresholds {
            small_long_side: self.options.warn_long_side_below,
            blur_sharpness: self.options.blur_sharpness_threshold,
            dark_brightness: self.options.dark_brightness_threshold,
            blown_out_percent: self.options.blown_out_percent_threshold,
        }
    }

    fn prepare_jpeg(&self, mut bytes: Cow<'_, [u8]>) -> Result<PreparedPhoto, PhotoError> {
        let limits = self.limits();
        let header = decode::jpeg_header(&bytes, &limits)?;
        let orientation = orientation::from_exif(strip::jpeg_exif(&bytes));
        let (width, height) = upright_size(header.width, header.height, orientation);
        let source = Source {
            format: SourceFormat::Jpeg,
            bytes: bytes.len() as u64,
            width,
            height,
        };
        let stripped = strip::strip_jpeg(&bytes)?;
        if header.keepable && stripped.len() <= self.options.max_output_bytes {
            // The original is not kept beside the stripped copy: a file read for this is
            // stripped where it lies.
            let kept = stripped.ranges(&bytes);
            let stripped = strip::keep_ranges(std::mem::take(&mut bytes), &kept);
            match self.keep_jpeg(stripped, orientation, source)? {
                Ok(kept) => return Ok(kept),
                Err(stripped) => bytes = Cow::Owned(stripped),
            }
        } else {
            drop(stripped);
        }
        // DCT scaling may land a little under the target (8000 px at 1/2 is 4000, not 4096):
        // a few percent fewer pixels is worth skipping a full-size decode and a resize.
        let target = header.long_side().min(self.options.max_long_side);
        let wanted = (u64::from(target) * 95 / 100) as u32;
        let wanted = wanted.max(self.options.min_long_side.min(header.long_side()));
        // The original and the stripped copy decode the same: decoders skip metadata segments
        // and stop at the end of the image.
        let decoded =
            decode::decode_jpeg(&bytes, &header, wanted, decode::Upsampling::Smooth, &limits)?;
        drop(bytes);
        self.reencode(decoded, orientation, source)
    }

    /// The JPEG's own image data, metadata removed and, if needed, turned upright without loss.
    /// `Ok(Err(stripped))` gives the stripped copy back when that does not work out (the turn
    /// needs whole blocks, the result must fit) and the photo should be re-encoded instead.
    fn keep_jpeg(
        &self,
        stripped: Vec<u8>,
        orientation: u8,
        source: Source,
    ) -> Result<Result<PreparedPhoto, Vec<u8>>, PhotoError> {
        // Decoding the image data proves it is whole (a damaged scan fails here) and gives the
        // pixels for the checks and the preview. The lossless turn, as costly as a decode,
        // runs beside it on the other core.
        let analyse = || -> Result<Extras, PhotoError> {
            let limits = self.limits();
            let header = decode::jpeg_header(&stripped, &limits)?;
            let small = decode::decode_jpeg(
                &stripped,
                &header,
                ANALYSIS_LONG_SIDE,
                decode::Upsampling::Fast,
                &limits,
            )?;
            self.extras(&orientation::apply(small, orientation)?, source)
        };
        let (upload, extras) = if orientation == 1 {
            let extras = analyse()?;
            (stripped, extras)
        } else {
            let (turned, extras) = std::thread::scope(|scope| {
                let turned = scope.spawn(|| lossless_turn(&stripped, orientation));
                let extras = analyse();
                (turned.join().ok().flatten(), extras)
            });
            let extras = extras?;
            match turned {
                Some(turned) if turned.len() as u64 <= self.options.max_output_bytes => {
                    (turned, extras)
                }
                _ => return Ok(Err(stripped)),
            }
        };
        Ok(Ok(PreparedPhoto {
            width: source.width,
            height: source.height,
            bytes: upload,
            format: OutputFormat::Jpeg,
            source_format: source.format,
            source_bytes: source.bytes,
            source_width: source.width,
            source_height: source.height,
            reencoded: false,
            jpeg_quality: None,
            orientation_applied: orientation,
            warnings: extras.warnings,
            preview_jpeg: extras.preview_jpeg,
        }))
    }

    fn prepare_png(&self, bytes: &[u8]) -> Result<PreparedPhoto, PhotoError> {
        let decoded =
            decode::decode_with_image_crate(Cursor::new(bytes), SourceFormat::Png, &self.limits())?;
        let orientation = decoded.orientation;
        let source = Source::upright(
            SourceFormat::Png,
            bytes.len() as u64,
            &decoded.rgb,
            orientation,
        );
        let budget = self.options.max_output_bytes;
        let stripped = strip::strip_png(bytes)?;
        if stripped.len() > budget {
            return self.reencode(decoded.rgb, orientation, source);
        }
        let (upload, upright, reencoded) = if orientation == 1 {
            (stripped.to_vec(), decoded.rgb, false)
        } else {
            let upright = orientation::apply(decoded.rgb, orientation)?;
            (encode::encode_png(&upright)?, upright, true)
        };
        if upload.len() as u64 > budget {
            // Turned upright it no longer fits as PNG: it goes out as JPEG, already upright.
            return self
                .reencode(upright, 1, source)
                .map(|photo| PreparedPhoto {
                    orientation_applied: orientation,
                    ..photo
                });
        }
        let extras = self.extras(&upright, source)?;
        Ok(PreparedPhoto {
            bytes: upload,
            format: OutputFormat::Png,
            width: upright.width(),
            height: upright.height(),
            source_format: source.format,
            source_bytes: source.bytes,
            source_width: source.width,
            source_height: source.height,
            reencoded,
            jpeg_quality: None,
            orientation_applied: orientation,
            warnings: extras.warnings,
            preview_jpeg: extras.preview_jpeg,
        })
    }

    /// Downscale, turn upright and encode as JPEG at the highest quality that fits, going down
    /// in size in steps of 20% when even `jpeg_quality_min` does not fit, down to
    /// `min_long_side`, where quality may go down to `jpeg_quality_floor`.
    fn reencode(
        &self,
        decoded: RgbImage,
        orientation: u8,
        source: Source,
    ) -> Result<PreparedPhoto, PhotoError> {
        let first_side = decoded
            .width()
            .max(decoded.height())
            .min(self.options.max_long_side.max(1));
        let upright = resize::shrink_and_turn(decoded, first_side, orientation)?;
        // The checks and the preview run on the second core while the first searches.
        let (first_try, extras) = std::thread::scope(|scope| {
            let extras = scope.spawn(|| self.extras(&upright, source));
            let first_try = best_jpeg_within(
                &upright,
                self.options.max_output_bytes,
                self.quality_range(first_side, first_side),
            );
            (first_try, joined(extras))
        });
        let first_try = first_try?;
        self.fit_by_shrinking(upright, first_try, extras?, orientation, source)
    }

    /// The quality range for a long side of `side`, when the photo started at `first_side`.
    fn quality_range(&self, side: u32, first_side: u32) -> QualityRange {
        let options = &self.options;
        let floor_side = options.min_long_side.min(first_side).max(1);
        QualityRange {
            min: if side <= floor_side {
                options.jpeg_quality_floor
            } else {
                options.jpeg_quality_min
            },
            max: options.jpeg_quality_max,
        }
    }

    /// `first_try` if it fitted; otherwise smaller and smaller copies of `upright`.
    fn fit_by_shrinking(
        &self,
        upright: RgbImage,
        first_try: Option<encode::EncodedJpeg>,
        extras: Extras,
        orientation: u8,
        source: Source,
    ) -> Result<PreparedPhoto, PhotoError> {
        let options = &self.options;
        let budget = options.max_output_bytes;
        let first_side = upright.width().max(upright.height());
        let floor_side = options.min_long_side.min(first_side).max(1);
        let mut found = first_try.map(|encoded| (encoded, upright.dimensions()));
        let mut side = first_side;
        while found.is_none() && side > floor_side {
            side = (side * 4 / 5).max(floor_side);
            let smaller = resize::shrunk_copy_rgb(&upright, side)?;
            found = best_jpeg_within(&smaller, budget, self.quality_range(side, first_side))?
                .map(|encoded| (encoded, smaller.dimensions()));
        }
        let Some((encoded, dimensions)) = found else {
            let smallest = resize::shrunk_copy_rgb(&upright, floor_side)?;
            let bytes = encode::encode_jpeg(&smallest, options.jpeg_quality_floor)?;
            return Err(PhotoError::CannotFitBudget {
                budget,
                smallest: bytes.len() as u64,
                width: smallest.width(),
                height: smallest.height(),
            });
        };
        Ok(self.reencoded_photo(encoded, dimensions, extras, orientation, source))
    }

    fn reencoded_photo(
        &self,
        encoded: encode::EncodedJpeg,
        (width, height): (u32, u32),
        extras: Extras,
        orientation: u8,
        source: Source,
    ) -> PreparedPhoto {
        PreparedPhoto {
            bytes: encoded.bytes,
            format: OutputFormat::Jpeg,
            width,
            height,
            source_format: source.format,
            source_bytes: source.bytes,
            source_width: source.width,
            source_height: source.height,
            reencoded: true,
            jpeg_quality: Some(encoded.quality),
            orientation_applied: orientation,
            warnings: extras.warnings,
            preview_jpeg: extras.preview_jpeg,
        }
    }

    /// Warnings and preview from the upright picture (at any size from analysis size up).
    fn extras(&self, upright: &RgbImage, source: Source) -> Result<Extras, PhotoError> {
        // Within 10% of the analysis size (a 4032-pixel photo decoded at 1/4 is 1008) the
        // statistics are the same; resizing would only cost time.
        let resized;
        let small = if upright.width().max(upright.height()) <= ANALYSIS_LONG_SIDE * 11 / 10 {
            upright
        } else {
            resized = resize::shrunk_copy_rgb(upright, ANALYSIS_LONG_SIDE)?;
            &resized
        };
        let warnings =
            quality_checks::check(&resize::luma(small), source.long_side(), &self.thresholds());
        let preview_source = if self.options.preview_long_side <= ANALYSIS_LONG_SIDE {
            small
        } else {
            upright
        };
        let preview_jpeg = preview::preview_jpeg(preview_source, self.options.preview_long_side)?;
        Ok(Extras {
            warnings,
            preview_jpeg,
        })
    }
}

struct Extras {
    warnings: Vec<PhotoWarning>,
    preview_jpeg: Vec<u8>,
}

/// The checks' result from their thread; a panic there is an internal error, not a crash.
fn joined(
    handle: std::thread::ScopedJoinHandle<'_, Result<Extras, PhotoError>>,
) -> Result<Extras, PhotoError> {
    handle
        .join()
        .unwrap_or_else(|_| Err(PhotoError::Internal("quality checks panicked".to_string())))
}

fn upright_size(width: u32, height: u32, orientation: u8) -> (u32, u32) {
    if orientation::swaps_sides(orientation) {
        (height, width)
    } else {
        (width, height)
    }
}
