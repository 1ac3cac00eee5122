//! Photos: picked with the native dialog or dropped on the window (the frontend passes the
//! path), prepared off the UI thread, held in memory until uploaded with progress.

use std::path::PathBuf;
use std::sync::Arc;

use base64::Engine;
use cardcoins_api::{ImageUpload, LinkBudget};
use cardcoins_core::{ErrorCode, Reason, ReasonArg};
use cardcoins_photos::{LinkFit, PreparedPhoto};
use serde::Serialize;
use specta::Type;

use crate::error::AppError;
use crate::state::AppState;

pub use cardcoins_core::ImageSlot;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PhotoWarningView {
    pub code: String,
    /// In English, for logs and the CLI; the UI words the code with `values`.
    pub message: String,
    /// The numbers the words take, by name (`long_side`, `recommended`, `clipped_percent`).
    pub values: std::collections::BTreeMap<String, u32>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreparedPhotoView {
    pub slot: ImageSlot,
    pub width: u32,
    pub height: u32,
    /// Size of the upload.
    pub bytes: u64,
    pub size_text: String,
    /// "JPEG" or "PNG".
    pub format: String,
    pub reencoded: bool,
    /// The file as chosen: its format ("PNG", "HEIC"), size and pixels.
    pub source_format: String,
    pub source_bytes: u64,
    pub source_width: u32,
    pub source_height: u32,
    /// The JPEG quality it was re-encoded at, when it was.
    pub jpeg_quality: Option<u8>,
    /// The EXIF orientation the picture was turned upright from (1: it already was).
    pub orientation_applied: u8,
    /// In English, for logs and the CLI; the UI words it from the fields above.
    pub summary: String,
    pub warnings: Vec<PhotoWarningView>,
    /// `data:image/jpeg;base64,...`: the upright, metadata-free picture the reviewer will see.
    pub preview_data_url: String,
}

impl PreparedPhotoView {
    fn new(slot: ImageSlot, photo: &PreparedPhoto) -> PreparedPhotoView {
        let bytes = photo.bytes.len() as u64;
        PreparedPhotoView {
            slot,
            width: photo.width,
            height: photo.height,
            bytes,
            size_text: cardcoins_photos::human_size(bytes),
            format: photo.format.name().to_string(),
            reencoded: photo.reencoded,
            source_format: photo.source_format.name().to_string(),
            source_bytes: photo.source_bytes,
            source_width: photo.source_width,
            source_height: photo.source_height,
            jpeg_quality: photo.jpeg_quality,
            orientation_applied: photo.orientation_applied,
            summary: photo.summary(),
            warnings: photo
                .warnings
                .iter()
                .map(|warning| PhotoWarningView {
                    code: warning.code().to_string(),
                    message: warning.message(),
                    values: warning
                        .values()
                        .into_iter()
                        .map(|(name, value)| (name.to_string(), value))
                        .collect(),
                })
                .collect(),
            preview_data_url: format!(
                "data:image/jpeg;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&photo.preview_jpeg)
            ),
        }
    }
}

/// Where one photo's upload stands, sent as it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum UploadPhase {
    /// Another photo of the order is being sent first.
    Waiting,
    /// Being made to fit the link, then presigned.
    Preparing,
    /// Bytes going out; `sent` of `total`.
    Sending,
    /// Every byte is handed over, and the store has not answered yet: the computer and the
    /// network may still hold some of them, so this is not yet 100%.
    Finishing,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadProgress {
    pub slot: ImageSlot,
    pub phase: UploadPhase,
    pub sent: u64,
    pub total: u64,
}

pub async fn prepare_photo(
    state: &AppState,
    handle: &str,
    slot: ImageSlot,
    path: PathBuf,
) -> Result<PreparedPhotoView, AppError> {
    {
        let handle = handle.to_string();
        state.vault(move |vault| vault.get(&handle)).await?;
    }
    let intake = state.intake().clone();
    // Decoding and encoding take tens to hundreds of milliseconds of CPU.
    let photo = tokio::task::spawn_blocking(move || intake.prepare_path(&path))
        .await
        .map_err(|error| AppError::internal("preparing the photo", error))??;
    let view = PreparedPhotoView::new(slot, &photo);
    state.keep_prepared(handle, slot, photo);
    Ok(view)
}

/// Sends the slot's photo after the order's other uploads, fitted to the link measured so far.
/// Returns what was sent. With `anyway`, a photo too large for the link even at its smallest is
/// sent at its smallest instead of refused.
pub async fn upload_photo(
    state: &AppState,
    handle: &str,
    slot: ImageSlot,
    anyway: bool,
    on_progress: impl Fn(UploadProgress) + Send + Sync + 'static,
) -> Result<PreparedPhotoView, AppError> {
    let photo = state
        .prepared(handle, slot)
        .ok_or_else(|| AppError::new(ErrorCode::PhotoNotPrepared))?;
    let id = {
        let handle = handle.to_string();
        state.vault(move |vault| vault.order_id(&handle)).await?
    };
    let on_progress = Arc::new(on_progress);
    let phase = move |phase, sent, total| UploadProgress {
        slot,
        phase,
        sent,
        total,
    };
    on_progress(phase(UploadPhase::Waiting, 0, 0));
    let turn = state.upload_turn(handle);
    let _turn = turn.lock().await;
    on_progress(phase(UploadPhase::Preparing, 0, 0));

    let api = state.api();
    let budget = api.link_budget();
    let intake = state.intake().clone();
    let fitted = tokio::task::spawn_blocking(move || intake.fit_for_link(&photo, budget.bytes))
        .await
        .map_err(|error| AppError::internal("fitting the photo to the connection", error))??;
    let fitted = match fitted {
        LinkFit::Fits(fitted) => fitted,
        // Nothing measured yet is no proof of a slow link: the smallest goes, and is measured.
        LinkFit::TooBig(smallest) if anyway || budget.measured.is_none() => smallest,
        LinkFit::TooBig(smallest) => return Err(too_slow(&budget, &smallest)),
    };
    let upload = ImageUpload::from_bytes(
        format!(
            "{}.{}",
            slot.as_api_str().to_ascii_lowercase(),
            fitted.format.extension()
        ),
        fitted.format.mime(),
        fitted.bytes.clone(),
    );
    let sending = Arc::clone(&on_progress);
    let progress: cardcoins_api::UploadProgress = Arc::new(move |sent, total| {
        let now = if sent >= total {
            UploadPhase::Finishing
        } else {
            UploadPhase::Sending
        };
        sending(phase(now, sent, total));
    });
    let uploaded = api.upload_image(&id, slot, &upload, Some(progress)).await;
    if let Err(error) = uploaded {
        crate::orders::note_named_slots(state, handle, &error).await;
        return Err(error.into());
    }
    state.drop_prepared(handle, Some(slot));
    state.order_syncs.forget(handle).await;
    {
        let handle = handle.to_string();
        state
            .vault(move |vault| {
                vault.update(&handle, |record| {
                    record.note_photo_sent(slot, time::OffsetDateTime::now_utc())
                })
            })
            .await?;
    }
    Ok(PreparedPhotoView::new(slot, &fitted))
}

/// Why even the smallest version of the photo may not arrive within its upload permission:
/// with the link's measured speed and the seconds it would take, once an upload was measured.
fn too_slow(budget: &LinkBudget, smallest: &PreparedPhoto) -> AppError {
    let bytes = smallest.bytes.len() as u64;
    let reason = match (budget.measured, budget.seconds_for(bytes)) {
        (Some(rate), Some(seconds)) => Reason::new("reason-upload-too-slow")
            .with("rate", rate.words())
            .with("seconds", seconds),
        _ => Reason::new("reason-upload-may-be-too-slow"),
    };
    let reason = reason
        .with("size", ReasonArg::Bytes(bytes))
        .with("width", ReasonArg::Digits(smallest.width.into()))
        .with("height", ReasonArg::Digits(smallest.height.into()));
    AppError::because(ErrorCode::UploadTooSlow, reason)
}

/// The system's file chooser, images only; an empty list when cancelled.
pub async fn pick_photos(state: &AppState) -> Result<Vec<String>, AppError> {
    let catalog = state.catalog();
    let title = catalog.text("dialog-choose-photos", &[]);
    let filter_name = catalog.text("dialog-choose-photos-filter", &[]);
    let chosen = state
        .shell()
        .choose_photos(title, filter_name)
        .await
        .map_err(|error| AppError::internal("opening the file chooser", error))?;
    Ok(chosen
        .iter()
        .map(|path| path.display().to_string())
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_like_the_limit() {
        assert_eq!(cardcoins_photos::human_size(3_149_999), "3.1 MB");
        assert_eq!(cardcoins_photos::human_size(51_200), "51 KB");
        assert_eq!(cardcoins_photos::human_size(12), "12 bytes");
    }
}
