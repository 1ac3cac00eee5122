use cardcoins_core::{ImageSlot, OrderId};
use serde::Serialize;

use crate::client::ApiClient;
use crate::error::{ApiError, RefusedRequest, UploadErrorKind};
use crate::types::{Ack, Presign, UploadReceipt};
use crate::upload::{ImageUpload, UploadProgress};

#[derive(Serialize)]
struct PresignRequest<'a> {
    file_name: &'a str,
    // docs/api-choices.md: a string of digits, as the reference's table says.
    file_size: String,
}

impl ApiClient {
    /// Image Presign: permission to upload one photo for `slot`. It expires after 15 seconds,
    /// so ask only when the photo is ready and upload at once; [`ApiClient::upload_image`] does
    /// both.
    #[tracing::instrument(skip_all, fields(order = %order.redacted(), slot = slot.as_api_str()))]
    pub async fn presign_image(
        &self,
        order: &OrderId,
        slot: ImageSlot,
        file_name: &str,
        file_size: u64,
    ) -> Result<Presign, ApiError> {
        let body = PresignRequest {
            file_name,
            file_size: file_size.to_string(),
        };
        self.post_data::<Presign, _>(
            "presign_image",
            self.endpoint(&["orders", order.expose_secret(), "images", slot.as_api_str()]),
            &body,
            Some(order),
        )
        .await
        .map_err(|error| error.into_refusal_of(RefusedRequest::Presign))
    }

    /// Presigns and uploads one photo, named after its slot (`image1.jpg`) rather than the
    /// seller's file. The permission lives 15 seconds, so it is asked for immediately before
    /// every attempt, a retry included: a connection the store closed early or a timeout is
    /// repeated under the retry policy with a fresh one, and an expired permission is tried
    /// once more with a fresh one.
    #[tracing::instrument(skip_all, fields(order = %order.redacted(), slot = slot.as_api_str()))]
    pub async fn upload_image(
        &self,
        order: &OrderId,
        slot: ImageSlot,
        image: &ImageUpload,
        progress: Option<UploadProgress>,
    ) -> Result<UploadReceipt, ApiError> {
        let image = &image.named_for(slot);
        let mut expired_before = false;
        let mut attempt = 1;
        loop {
            let presign = self
                .presign_image(order, slot, image.file_name(), image.size())
                .await?;
            match self
                .upload_presigned(&presign, image, progress.clone())
                .await
            {
                Ok(receipt) => {
                    tracing::info!(attempt, "photo uploaded");
                    return Ok(receipt);
                }
                Err(
                    error @ ApiError::Upload {
                        kind: UploadErrorKind::PolicyExpired,
                    },
                ) => {
                    if expired_before {
                        return Err(error);
                    }
                    tracing::warn!(attempt, "upload permission expired; presigning again");
                    expired_before = true;
                }
                Err(error) if error.is_transient() && attempt < self.retry.max_attempts => {
                    let wait = self.retry.delay_after(attempt);
                    tracing::warn!(
                        attempt,
                        error_code = %error.code(),
                        wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                        "upload failed; presigning again and repeating"
                    );
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// Image Verify: submits the uploaded photos for review; the order becomes `processing`.
    /// After a rejection, new photos may be uploaded and this called again.
    #[tracing::instrument(skip_all, fields(order = %order.redacted()))]
    pub async fn submit_for_verification(&self, order: &OrderId) -> Result<Ack, ApiError> {
        let message = self
            .post_message(
                "submit_for_verification",
                self.endpoint(&["orders", order.expose_secret(), "verify"]),
                &serde_json::Map::new(),
                Some(order),
            )
            .await
            .map_err(|error| error.into_refusal_of(RefusedRequest::Verify))?;
        Ok(Ack { message })
    }
}
