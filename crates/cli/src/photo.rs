use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Value};

use cardcoins_api::{ImageUpload, UploadProgress};
use cardcoins_core::ImageSlot;
use cardcoins_photos::{IntakeOptions, PhotoIntake, PreparedPhoto};

use crate::args::GlobalArgs;
use crate::error::CliError;
use crate::order_id_arg::read_order_id;
use crate::output::Output;

#[derive(Debug, Subcommand)]
pub enum PhotoCommand {
    /// Prepare a photo for upload (upright, no metadata, within the size limit) and write it
    /// to OUT. Takes JPEG, PNG and WebP, and HEIC where libheif is installed.
    Prepare {
        #[arg(value_name = "IN")]
        input: PathBuf,
        #[arg(value_name = "OUT")]
        output: PathBuf,
    },
    /// Prepare a photo, then presign and upload it for one of the order's photo slots.
    Upload {
        /// The order ID, or - to read it from standard input.
        id: String,
        /// Image1, Image2, GovidImageFront, GovidImageBack or GovidImageSelfPortrait.
        slot: String,
        /// The photo (JPEG, PNG or WebP; HEIC where libheif is installed).
        file: PathBuf,
    },
}

pub async fn run(
    global: &GlobalArgs,
    output: &Output,
    command: PhotoCommand,
) -> Result<(), CliError> {
    match command {
        PhotoCommand::Prepare {
            input,
            output: target,
        } => {
            let photo = prepare(&input).await?;
            report_warnings(output, &photo);
            tokio::fs::write(&target, &photo.bytes)
                .await
                .map_err(|error| {
                    CliError::io(format!("Could not write {}", target.display()), error)
                })?;
            if target
                .extension()
                .and_then(|extension| extension.to_str())
                .is_some_and(|extension| !matches_format(extension, &photo))
            {
                output.note(format!(
                    "note: the file was written as {} whatever its name says",
                    photo.format.name()
                ));
            }
            output.result(&photo_json(&photo), || photo.summary());
            Ok(())
        }
        PhotoCommand::Upload { id, slot, file } => {
            let order = read_order_id(&id)?;
            let slot: ImageSlot = slot.parse()?;
            let client = global.client()?;
            // Prepared before presigning: the upload permission lives only 15 seconds.
            let photo = prepare(&file).await?;
            report_warnings(output, &photo);
            // The client names the upload after its slot; only the type matters here.
            let upload = ImageUpload::from_bytes(
                format!("photo.{}", photo.format.extension()),
                photo.format.mime(),
                photo.bytes.clone(),
            );
            let bar = output.wants_progress().then(|| progress_bar(slot));
            let progress: Option<UploadProgress> = bar.clone().map(|bar| {
                Arc::new(move |sent: u64, total: u64| {
                    bar.set_length(total);
                    bar.set_position(sent);
                }) as UploadProgress
            });
            let result = client.upload_image(&order, slot, &upload, progress).await;
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            let receipt = result?;
            output.result(
                &json!({ "slot": slot, "photo": photo_json(&photo), "receipt": receipt }),
                || format!("Uploaded {slot}: {}", photo.summary()),
            );
            Ok(())
        }
    }
}

/// Decoding and re-encoding are CPU work: off the async threads.
async fn prepare(path: &Path) -> Result<PreparedPhoto, CliError> {
    let path = path.to_path_buf();
    let prepared = tokio::task::spawn_blocking(move || {
        PhotoIntake::new(IntakeOptions::default()).prepare_path(&path)
    })
    .await
    .map_err(|error| CliError::Runtime(format!("photo preparation stopped: {error}")))?;
    Ok(prepared?)
}

fn report_warnings(output: &Output, photo: &PreparedPhoto) {
    for warning in &photo.warnings {
        output.note(format!("warning: {}", warning.message()));
    }
}

fn matches_format(extension: &str, photo: &PreparedPhoto) -> bool {
    let extension = extension.to_ascii_lowercase();
    extension == photo.format.extension()
        || (extension == "jpeg" && photo.format.mime() == "image/jpeg")
}

fn photo_json(photo: &PreparedPhoto) -> Value {
    json!({
        "format": photo.format.mime(),
        "width": photo.width,
        "height": photo.height,
        "bytes": photo.bytes.len(),
        "reencoded": photo.reencoded,
        "warnings": photo.warnings.iter().map(|warning| json!({
            "code": warning.code(),
            "message": warning.message(),
        })).collect::<Vec<_>>(),
        "summary": photo.summary(),
    })
}

fn progress_bar(slot: ImageSlot) -> ProgressBar {
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(format!("Uploading {slot}"));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
