//! Photos: picked with the native dialog or dropped on the window (the frontend passes the
//! path), prepared off the UI thread, held in memory until uploaded with progress.

use std::path::PathBuf;
use std::sync::Arc;

use base64::Engine;
use cardcoins_api::ImageUpload;
use cardcoins_core::ErrorCode;
use cardcoins_photos::PreparedPhoto;
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;

use crate::error::AppError;
use crate::state::AppState;

pub use cardcoins_core::ImageSlot;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PhotoWarningView {
    pub code: String,
    pub message: String,
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
            summary: photo.summary(),
            warnings: photo
                .warnings
                .iter()
                .map(|warning| PhotoWarningView {
                    code: warning.code().to_string(),
                    message: warning.message(),
                })
                .collect(),
            preview_data_url: format!(
                "data:image/jpeg;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&photo.preview_jpeg)
            ),
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UploadProgress {
    pub slot: ImageSlot,
    pub sent: u64,
    pub total: u64,
}

pub async fn prepare(
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

pub async fn upload(
    state: &AppState,
    handle: &str,
    slot: ImageSlot,
    on_progress: impl Fn(UploadProgress) + Send + Sync + 'static,
) -> Result<(), AppError> {
    let photo = state.prepared(handle, slot).ok_or_else(|| {
        AppError::new(
            ErrorCode::PhotoNotPrepared,
            "Choose the photo for this slot again before uploading it.",
        )
    })?;
    let id = {
        let handle = handle.to_string();
        state.vault(move |vault| vault.order_id(&handle)).await?
    };
    let upload = ImageUpload::from_bytes(
        format!(
            "{}.{}",
            slot.as_api_str().to_ascii_lowercase(),
            photo.format.extension()
        ),
        photo.format.mime(),
        photo.bytes.clone(),
    );
    let progress: cardcoins_api::UploadProgress =
        Arc::new(move |sent, total| on_progress(UploadProgress { slot, sent, total }));
    let uploaded = state
        .api()
        .upload_image(&id, slot, &upload, Some(progress))
        .await;
    if let Err(error) = uploaded {
        crate::orders::note_named_slots(state, handle, &error).await;
        return Err(error.into());
    }
    state.drop_prepared(handle, Some(slot));
    let handle = handle.to_string();
    state
        .vault(move |vault| vault.update(&handle, |record| record.mark_uploaded(slot)))
        .await?;
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn prepare_photo(
    state: tauri::State<'_, AppState>,
    handle: String,
    slot: ImageSlot,
    path: String,
) -> Result<PreparedPhotoView, AppError> {
    prepare(&state, &handle, slot, PathBuf::from(path)).await
}

#[tauri::command]
#[specta::specta]
pub async fn upload_photo(
    state: tauri::State<'_, AppState>,
    handle: String,
    slot: ImageSlot,
    on_progress: Channel<UploadProgress>,
) -> Result<(), AppError> {
    upload(&state, &handle, slot, move |progress| {
        // A closed page stops listening; the upload itself goes on.
        let _ = on_progress.send(progress);
    })
    .await
}

/// The native file chooser, images only; an empty list when cancelled.
// GTK wants dialogs made on the main thread; the waiting happens here, off it.
#[tauri::command]
#[specta::specta]
pub async fn pick_photos(window: tauri::WebviewWindow) -> Result<Vec<String>, AppError> {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let parent = window.clone();
    window
        .run_on_main_thread(move || {
            let dialog = rfd::AsyncFileDialog::new()
                .set_title("Choose photos of the card")
                .add_filter(
                    "Photos",
                    // GTK matches patterns case-sensitively; iPhones name photos IMG_0001.HEIC.
                    &[
                        "jpg", "jpeg", "png", "webp", "heic", "heif", "JPG", "JPEG", "PNG", "WEBP",
                        "HEIC", "HEIF",
                    ],
                );
            #[cfg(any(windows, target_os = "macos"))]
            let dialog = dialog.set_parent(&parent);
            #[cfg(not(any(windows, target_os = "macos")))]
            let _ = &parent;
            let _ = sender.send(dialog.pick_files());
        })
        .map_err(|error| AppError::internal("opening the file chooser", error))?;
    let chosen = receiver
        .await
        .map_err(|error| AppError::internal("opening the file chooser", error))?
        .await;
    Ok(chosen
        .unwrap_or_default()
        .iter()
        .map(|file| file.path().display().to_string())
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
