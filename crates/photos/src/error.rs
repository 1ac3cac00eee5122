//! Everything that can go wrong while preparing a photo. Each reason says what is wrong and what
//! the seller can do; `code()` is stable for the UI and for tests.

use std::path::PathBuf;

use std::fmt;

use cardcoins_core::{ErrorCode, Reason, ReasonArg};

use crate::sniff::{RefusedFormat, SourceFormat};

/// `Display` is [`PhotoError::reason`] in English; the UI words the reason in the seller's
/// language. A decoder's or the system's own words stay in the fields, for the log.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    NotAFile {
        path: PathBuf,
    },

    Empty,

    FileTooLarge {
        size: u64,
        limit: u64,
    },

    UnsupportedFormat {
        format: RefusedFormat,
    },

    TooManyPixels {
        format: SourceFormat,
        width: u64,
        height: u64,
        max_megapixels: u64,
    },

    Truncated {
        format: SourceFormat,
    },

    Corrupt {
        format: SourceFormat,
        detail: String,
    },

    CannotFitBudget {
        budget: u64,
        smallest: u64,
        width: u32,
        height: u32,
    },

    /// A failure inside an image library on input that had passed every check: a bug, not the
    /// seller's doing.
    Internal(String),
}

impl PhotoError {
    /// A stable identifier for this kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            PhotoError::Unreadable { .. } => "photo.unreadable",
            PhotoError::NotAFile { .. } => "photo.not_a_file",
            PhotoError::Empty => "photo.empty",
            PhotoError::FileTooLarge { .. } => "photo.file_too_large",
            PhotoError::UnsupportedFormat { .. } => "photo.unsupported_format",
            PhotoError::TooManyPixels { .. } => "photo.too_many_pixels",
            PhotoError::Truncated { .. } => "photo.truncated",
            PhotoError::Corrupt { .. } => "photo.corrupt",
            PhotoError::CannotFitBudget { .. } => "photo.cannot_fit_budget",
            PhotoError::Internal(_) => "photo.internal",
        }
    }

    /// The code in the vocabulary the app and the CLI share.
    pub fn error_code(&self) -> ErrorCode {
        match self {
            PhotoError::Unreadable { .. }
            | PhotoError::Empty
            | PhotoError::Truncated { .. }
            | PhotoError::Corrupt { .. } => ErrorCode::PhotoUnreadable,
            PhotoError::NotAFile { .. } => ErrorCode::PhotoFolder,
            PhotoError::FileTooLarge { .. }
            | PhotoError::TooManyPixels { .. }
            | PhotoError::CannotFitBudget { .. } => ErrorCode::PhotoTooLarge,
            PhotoError::UnsupportedFormat {
                format: RefusedFormat::Heic,
            } => ErrorCode::PhotoHeic,
            PhotoError::UnsupportedFormat { .. } => ErrorCode::PhotoNotImage,
            PhotoError::Internal(_) => ErrorCode::Internal,
        }
    }
}

impl PhotoError {
    /// What is wrong and what to do, as a catalog message and its values.
    pub fn reason(&self) -> Reason {
        let path = |path: &PathBuf| path.display().to_string();
        match self {
            PhotoError::Unreadable { path: file, .. } => {
                Reason::new("reason-photo-unreadable").with("path", path(file))
            }
            PhotoError::NotAFile { path: file } => {
                Reason::new("reason-photo-folder").with("path", path(file))
            }
            PhotoError::Empty => Reason::new("reason-photo-empty"),
            PhotoError::FileTooLarge { size, limit } => Reason::new("reason-photo-file-too-large")
                .with("size", ReasonArg::Bytes(*size))
                .with("limit", ReasonArg::Bytes(*limit)),
            PhotoError::UnsupportedFormat { format } => Reason::new(format.reason_id()),
            PhotoError::TooManyPixels {
                format,
                width,
                height,
                max_megapixels,
            } => Reason::new("reason-photo-too-many-pixels")
                .with("format", format.name())
                .with("width", ReasonArg::Digits(*width))
                .with("height", ReasonArg::Digits(*height))
                .with("megapixels", *max_megapixels),
            PhotoError::Truncated { format } => {
                Reason::new("reason-photo-truncated").with("format", format.name())
            }
            PhotoError::Corrupt { format, .. } => {
                Reason::new("reason-photo-damaged").with("format", format.name())
            }
            PhotoError::CannotFitBudget {
                budget,
                smallest,
                width,
                height,
            } => Reason::new("reason-photo-cannot-fit")
                .with("budget", ReasonArg::Bytes(*budget))
                .with("smallest", ReasonArg::Bytes(*smallest))
                .with("width", ReasonArg::Digits((*width).into()))
                .with("height", ReasonArg::Digits((*height).into())),
            PhotoError::Internal(_) => Reason::new("reason-photo-internal"),
        }
    }
}

impl PhotoError {
    /// What the decoder, the system or the app's own check said, in English: for the log and
    /// for tests, never for the seller's screen.
    pub fn detail(&self) -> Option<String> {
        match self {
            PhotoError::Unreadable { source, .. } => Some(source.to_string()),
            PhotoError::Corrupt { detail, .. } | PhotoError::Internal(detail) => {
                Some(detail.clone())
            }
            _ => None,
        }
    }
}

impl fmt::Display for PhotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_reads_a_catalog_message_with_its_values() {
        let formats = [
            RefusedFormat::Heic,
            RefusedFormat::Avif,
            RefusedFormat::JpegXl,
            RefusedFormat::Gif,
            RefusedFormat::Tiff,
            RefusedFormat::Bmp,
            RefusedFormat::Photoshop,
            RefusedFormat::Icon,
            RefusedFormat::Svg,
            RefusedFormat::Pdf,
            RefusedFormat::Video,
            RefusedFormat::Zip,
            RefusedFormat::Text,
            RefusedFormat::Unknown,
        ];
        let mut errors = vec![
            PhotoError::Unreadable {
                path: "IMG_1.jpg".into(),
                source: std::io::Error::other("gone"),
            },
            PhotoError::NotAFile {
                path: "Photos".into(),
            },
            PhotoError::Empty,
            PhotoError::FileTooLarge {
                size: 150_000_000,
                limit: 100_000_000,
            },
            PhotoError::TooManyPixels {
                format: SourceFormat::Png,
                width: 100_000,
                height: 100_000,
                max_megapixels: 120,
            },
            PhotoError::Truncated {
                format: SourceFormat::Jpeg,
            },
            PhotoError::Corrupt {
                format: SourceFormat::WebP,
                detail: "bad VP8 frame".into(),
            },
            PhotoError::CannotFitBudget {
                budget: 5_000_000,
                smallest: 5_200_000,
                width: 2000,
                height: 1500,
            },
            PhotoError::Internal("resizing failed".into()),
        ];
        errors.extend(
            formats
                .into_iter()
                .map(|format| PhotoError::UnsupportedFormat { format }),
        );
        for error in &errors {
            let text = error
                .reason()
                .check()
                .unwrap_or_else(|problem| panic!("{problem}"));
            assert_eq!(text, error.to_string());
        }
        let corrupt = errors[6].to_string();
        assert!(
            !corrupt.contains("VP8"),
            "the decoder's words stay out: {corrupt}"
        );
    }
}
