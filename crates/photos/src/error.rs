//! Everything that can go wrong while preparing a photo. Each message says what is wrong and
//! what the seller can do; `code()` is stable for the UI and for tests.

use std::path::PathBuf;

use cardcoins_core::ErrorCode;

use crate::human_size::human_size;
use crate::sniff::{RefusedFormat, SourceFormat};

#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("Could not read the photo file {}: {source}. Check that the file still exists and that you may open it.", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{} is a folder, not a photo. Choose a photo file inside it.", path.display())]
    NotAFile { path: PathBuf },

    #[error("The file is empty (0 bytes). Choose the photo again; if it is in a cloud folder, wait until it has finished downloading.")]
    Empty,

    #[error("The file is {}, more than the {} we take in. Choose the photo itself as your phone's camera saved it, not a video or an archive.", human_size(*size), human_size(*limit))]
    FileTooLarge { size: u64, limit: u64 },

    #[error("This file is {}. {}", format.description(), format.advice())]
    UnsupportedFormat { format: RefusedFormat },

    #[error("The {} claims to be {width} x {height} pixels, more than the {max_megapixels} megapixels we can safely open. Take the photo again with the camera's normal settings, or export a smaller copy.", format.name())]
    TooManyPixels {
        format: SourceFormat,
        width: u64,
        height: u64,
        max_megapixels: u64,
    },

    #[error("The {} file is cut short: its end is missing. Copy or download the photo again, or take a new one.", format.name())]
    Truncated { format: SourceFormat },

    #[error("The {} file is damaged and cannot be read ({detail}). Export or copy the photo again, or take a new one.", format.name())]
    Corrupt {
        format: SourceFormat,
        detail: String,
    },

    #[error("Could not make this photo fit the {} upload limit: even at {width} x {height} pixels and low quality it takes {}. Crop the photo to the card and try again.", human_size(*budget), human_size(*smallest))]
    CannotFitBudget {
        budget: u64,
        smallest: u64,
        width: u32,
        height: u32,
    },

    /// A failure inside an image library on input that had passed every check: a bug, not the
    /// seller's doing.
    #[error("Processing the photo failed unexpectedly ({0}). Try another photo; if it keeps happening, report it.")]
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
