use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Value};

use cardcoins_api::{ApiClient, ImageUpload, LinkBudget, UploadProgress};
use cardcoins_core::{ImageSlot, OrderId};
use cardcoins_photos::{IntakeOptions, LinkFit, PhotoIntake, PreparedPhoto};

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
    /// Prepare photos, then upload them one after the other, each presigned just before it is
    /// sent. The first is sized for a slow link; the rest for the link the uploads before them
    /// measured, so each arrives in about ten seconds.
    Upload {
        /// The order ID, or - to read it from standard input.
        id: String,
        /// SLOT FILE, once or more: the slot (Image1, Image2, GovidImageFront, GovidImageBack or
        /// GovidImageSelfPortrait) and its photo (JPEG, PNG or WebP; HEIC where libheif is
        /// installed).
        #[arg(value_name = "SLOT FILE", num_args = 2.., required = true)]
        pairs: Vec<String>,
        /// Send a photo even when it is too large for this connection to deliver within its
        /// 15-second permission at its smallest.
        #[arg(long)]
        anyway: bool,
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
        PhotoCommand::Upload { id, pairs, anyway } => {
            let order = read_order_id(&id)?;
            let photos = slot_files(&pairs)?;
            let client = global.client()?;
            let mut uploaded = Vec::new();
            for (slot, file) in photos {
                // Prepared before presigning: the upload permission lives only 15 seconds.
                let photo = prepare(&file).await?;
                report_warnings(output, &photo);
                let budget = client.link_budget();
                let photo = match fit_for_link(photo, budget.bytes).await? {
                    LinkFit::Fits(photo) => photo,
                    // Nothing measured yet is no proof of a slow link: the smallest goes.
                    LinkFit::TooBig(smallest) if anyway || budget.measured.is_none() => smallest,
                    LinkFit::TooBig(smallest) => {
                        return Err(CliError::TooSlowForLink(too_slow(slot, &budget, &smallest)))
                    }
                };
                uploaded.push(upload_one(&client, output, &order, slot, photo).await?);
            }
            // One photo prints its object, as before; several print a list of them.
            let json = match uploaded.as_slice() {
                [(single, _)] => single.clone(),
                many => Value::Array(many.iter().map(|(json, _)| json.clone()).collect()),
            };
            output.result(&json, || {
                uploaded
                    .iter()
                    .map(|(_, line)| line.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            Ok(())
        }
    }
}

/// `Image1 front.jpg Image2 back.jpg` as slots and paths.
fn slot_files(pairs: &[String]) -> Result<Vec<(ImageSlot, PathBuf)>, CliError> {
    if !pairs.len().is_multiple_of(2) {
        return Err(CliError::Refused(
            "Give each photo after its slot: SLOT FILE [SLOT FILE ...], e.g. Image1 front.jpg Image2 back.jpg.".to_string(),
        ));
    }
    pairs
        .chunks(2)
        .map(|pair| Ok((pair[0].parse()?, PathBuf::from(&pair[1]))))
        .collect()
}

async fn upload_one(
    client: &ApiClient,
    output: &Output,
    order: &OrderId,
    slot: ImageSlot,
    photo: PreparedPhoto,
) -> Result<(Value, String), CliError> {
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
            if sent >= total {
                // Handed over is not yet stored: buffers may still hold the end of it.
                bar.set_message(format!("Finishing {slot}"));
            }
        }) as UploadProgress
    });
    let result = client.upload_image(order, slot, &upload, progress).await;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let receipt = result?;
    Ok((
        json!({ "slot": slot, "photo": photo_json(&photo), "receipt": receipt }),
        format!("Uploaded {slot}: {}", photo.summary()),
    ))
}

async fn fit_for_link(photo: PreparedPhoto, budget: u64) -> Result<LinkFit, CliError> {
    tokio::task::spawn_blocking(move || {
        PhotoIntake::new(IntakeOptions::default()).fit_for_link(&photo, budget)
    })
    .await
    .map_err(|error| CliError::Runtime(format!("photo preparation stopped: {error}")))?
    .map_err(CliError::from)
}

fn too_slow(slot: ImageSlot, budget: &LinkBudget, smallest: &PreparedPhoto) -> String {
    let bytes = smallest.bytes.len() as u64;
    let why = budget.too_slow_words(
        &format!("the {slot} photo"),
        bytes,
        &cardcoins_photos::human_size(bytes),
    );
    format!("Not sent. {why} Use a faster network, or add --anyway to try.")
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
