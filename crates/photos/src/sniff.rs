//! What a file really is, told from its first bytes. File names lie (a HEIC saved as
//! `card.jpg`, a screenshot renamed `.png`), magic numbers do not.

/// A format we take in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    Jpeg,
    Png,
    /// Converted: the upload accepts only JPEG and PNG.
    WebP,
    /// HEIC/HEIF, the iPhone's photo format: converted where the platform's libheif is
    /// installed ([`crate::heic_supported`]), refused as [`RefusedFormat::Heic`] elsewhere.
    Heic,
}

impl SourceFormat {
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Jpeg => "JPEG",
            SourceFormat::Png => "PNG",
            SourceFormat::WebP => "WebP",
            SourceFormat::Heic => "HEIC",
        }
    }
}

/// What a refused file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefusedFormat {
    /// HEIC/HEIF, the iPhone's default photo format, where libheif is not installed.
    Heic,
    Avif,
    JpegXl,
    Gif,
    /// TIFF and the camera RAW formats built on it (DNG, NEF, ARW, CR2...).
    Tiff,
    Bmp,
    Photoshop,
    Icon,
    Svg,
    Pdf,
    /// MP4, MOV, 3GP and other ISO media that is not a still image.
    Video,
    /// ZIP, including Office documents and other ZIP-based files.
    Zip,
    Text,
    Unknown,
}

impl RefusedFormat {
    /// The catalog message that names what the file is and what the seller can do instead.
    pub fn reason_id(self) -> &'static str {
        match self {
            // Refused only where libheif is missing; on Linux, installing it is the easy way.
            RefusedFormat::Heic if cfg!(target_os = "linux") => "reason-photo-heic-linux",
            RefusedFormat::Heic => "reason-photo-heic",
            RefusedFormat::Avif => "reason-photo-avif",
            RefusedFormat::JpegXl => "reason-photo-jpeg-xl",
            RefusedFormat::Gif => "reason-photo-gif",
            RefusedFormat::Tiff => "reason-photo-tiff",
            RefusedFormat::Bmp => "reason-photo-bmp",
            RefusedFormat::Photoshop => "reason-photo-photoshop",
            RefusedFormat::Icon => "reason-photo-icon",
            RefusedFormat::Svg => "reason-photo-svg",
            RefusedFormat::Pdf => "reason-photo-pdf",
            RefusedFormat::Video => "reason-photo-video",
            RefusedFormat::Zip => "reason-photo-zip",
            RefusedFormat::Text => "reason-photo-text",
            RefusedFormat::Unknown => "reason-photo-unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    Accepted(SourceFormat),
    Refused(RefusedFormat),
}

pub(crate) fn sniff(bytes: &[u8]) -> Sniffed {
    use RefusedFormat as R;
    use Sniffed::{Accepted, Refused};

    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Accepted(SourceFormat::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Accepted(SourceFormat::Png);
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Accepted(SourceFormat::WebP);
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return match iso_media_kind(bytes) {
            R::Heic if crate::heic::heic_supported() => Accepted(SourceFormat::Heic),
            kind => Refused(kind),
        };
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Refused(R::Gif);
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return Refused(R::Tiff);
    }
    if starts(&[0xFF, 0x0A]) || starts(b"\0\0\0\x0cJXL \r\n\x87\n") {
        return Refused(R::JpegXl);
    }
    if starts(b"%PDF-") {
        return Refused(R::Pdf);
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Refused(R::Zip);
    }
    if starts(b"8BPS") {
        return Refused(R::Photoshop);
    }
    if starts(&[0, 0, 1, 0]) {
        return Refused(R::Icon);
    }
    if starts(b"BM") && looks_like_bmp(bytes) {
        return Refused(R::Bmp);
    }
    if let Some(text) = leading_text(bytes) {
        let lower = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if lower.starts_with("<svg") || (lower.starts_with("<?xml") && lower.contains("<svg")) {
            return Refused(R::Svg);
        }
        return Refused(R::Text);
    }
    Refused(R::Unknown)
}

/// ISO base media files (HEIC, AVIF, MP4, MOV) share one container; the brands in the `ftyp`
/// box say which.
fn iso_media_kind(bytes: &[u8]) -> RefusedFormat {
    let box_len = bytes
        .get(0..4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(|b| u32::from_be_bytes(b) as usize)
        .unwrap_or(0);
    let end = box_len.clamp(12, 256).min(bytes.len());
    let major = bytes.get(8..12);
    let compatible = bytes.get(16..end).unwrap_or(&[]);
    let brands = major
        .into_iter()
        .chain(compatible.chunks_exact(4))
        .collect::<Vec<_>>();
    let has = |names: &[&[u8; 4]]| brands.iter().any(|b| names.iter().any(|n| *b == &n[..]));

    if has(&[b"avif", b"avis"]) {
        RefusedFormat::Avif
    } else if has(&[
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
    ]) {
        RefusedFormat::Heic
    } else if has(&[b"crx "]) {
        // Canon CR3 raw
        RefusedFormat::Tiff
    } else {
        RefusedFormat::Video
    }
}

/// "BM" alone would take a text starting "BMW..." for a bitmap: the size of the header that
/// follows must also be one of the few BMP defines.
fn looks_like_bmp(bytes: &[u8]) -> bool {
    bytes
        .get(14..18)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .is_some_and(|b| matches!(u32::from_le_bytes(b), 12 | 40 | 52 | 56 | 64 | 108 | 124))
}

/// The start of the file as text, when it reads as text: UTF-8 (a character cut at the end of
/// the sample is fine) with no control characters but whitespace.
fn leading_text(bytes: &[u8]) -> Option<String> {
    let sample = &bytes[..bytes.len().min(1024)];
    let valid = match std::str::from_utf8(sample) {
        Ok(text) => text,
        Err(error) if error.error_len().is_none() => {
            std::str::from_utf8(&sample[..error.valid_up_to()]).ok()?
        }
        Err(_) => return None,
    };
    if valid.is_empty() {
        return None;
    }
    let printable = valid
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\x0c'));
    printable.then(|| valid.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(bytes: &[u8]) -> RefusedFormat {
        match sniff(bytes) {
            Sniffed::Refused(kind) => kind,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn accepts_jpeg_png_webp_by_magic() {
        assert_eq!(
            sniff(b"\xFF\xD8\xFF\xE0rest"),
            Sniffed::Accepted(SourceFormat::Jpeg)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n...."),
            Sniffed::Accepted(SourceFormat::Png)
        );
        assert_eq!(
            sniff(b"RIFF\x10\0\0\0WEBPVP8 "),
            Sniffed::Accepted(SourceFormat::WebP)
        );
    }

    #[test]
    fn names_iso_media_by_brand() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(iso_media_kind(heic), RefusedFormat::Heic);
        let mif1_heic = b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic";
        assert_eq!(iso_media_kind(mif1_heic), RefusedFormat::Heic);
        let avif = b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf";
        assert_eq!(refused(avif), RefusedFormat::Avif);
        let mif1_avif = b"\0\0\0\x1cftypmif1\0\0\0\0mif1avifmiaf";
        assert_eq!(refused(mif1_avif), RefusedFormat::Avif);
        let mp4 = b"\0\0\0\x18ftypisom\0\0\x02\0isomiso2";
        assert_eq!(refused(mp4), RefusedFormat::Video);
        let mov = b"\0\0\0\x14ftypqt  \0\0\0\0qt  ";
        assert_eq!(refused(mov), RefusedFormat::Video);
    }

    #[test]
    fn heic_is_accepted_only_where_libheif_is() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        let expected = if crate::heic::heic_supported() {
            Sniffed::Accepted(SourceFormat::Heic)
        } else {
            Sniffed::Refused(RefusedFormat::Heic)
        };
        assert_eq!(sniff(heic), expected);
    }

    #[test]
    fn refused_heic_says_how_to_get_a_jpeg() {
        let advice = crate::PhotoError::UnsupportedFormat {
            format: RefusedFormat::Heic,
        }
        .to_string();
        assert!(advice.contains("Most Compatible"), "{advice}");
        assert!(advice.contains("File > Export > JPEG"), "{advice}");
        assert_eq!(
            advice.contains("libheif1"),
            cfg!(target_os = "linux"),
            "{advice}"
        );
    }

    #[test]
    fn names_other_formats() {
        assert_eq!(refused(b"GIF89a\x01\0"), RefusedFormat::Gif);
        assert_eq!(refused(b"II*\0\x08\0\0\0"), RefusedFormat::Tiff);
        assert_eq!(refused(b"%PDF-1.7\n"), RefusedFormat::Pdf);
        assert_eq!(refused(b"PK\x03\x04\x14\0"), RefusedFormat::Zip);
        assert_eq!(refused(b"hello, this is a note\n"), RefusedFormat::Text);
        assert_eq!(
            refused(b"BMW service receipt, 2026-11-24\n"),
            RefusedFormat::Text
        );
        let mut bmp = b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0".to_vec();
        bmp.extend_from_slice(&[0; 40]);
        assert_eq!(refused(&bmp), RefusedFormat::Bmp);
        assert_eq!(
            refused(b"<?xml version=\"1.0\"?><svg></svg>"),
            RefusedFormat::Svg
        );
        assert_eq!(
            refused(&[0x00, 0x13, 0x37, 0x99, 0x01]),
            RefusedFormat::Unknown
        );
        assert_eq!(refused(b""), RefusedFormat::Unknown);
    }

    #[test]
    fn text_cut_mid_character_is_still_text() {
        let mut text = "é".repeat(600).into_bytes();
        text.truncate(1023);
        assert_eq!(refused(&text), RefusedFormat::Text);
    }
}
