use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use rand::RngCore;
use serde::Deserialize;
use serde_json::Value;

use crate::clock;
use crate::error::ApiError;
use crate::faults::Fault;
use crate::order::{ImageSlot, OrderStatus};
use crate::order_id::redacted;
use crate::s3::{presign_post, PostPolicyRequest, BUCKET, MOUNT};
use crate::state::{PresignedUpload, Shared};

use super::{ok, public_origin, required, ApiJson};

#[derive(Deserialize)]
pub(crate) struct Presign {
    file_name: Option<String>,
    file_size: Option<Value>,
}

/// POST /v2/orders/<order_id>/images/<image_type>
pub(crate) async fn presign(
    State(shared): State<Arc<Shared>>,
    Path((order_id, image_type)): Path<(String, String)>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Presign>,
) -> Result<Response, ApiError> {
    let content_type = content_type_for(required(body.file_name.as_deref(), "file_name")?)?;
    let file_size = parse_file_size(body.file_size.as_ref(), shared.config.max_image_bytes)?;
    let url = format!("{}{MOUNT}/{BUCKET}", public_origin(&headers, &shared));
    let issued_at = shared.api_now();
    let expires_at = if shared.fault() == Some(Fault::PresignExpired) {
        issued_at - 1000
    } else {
        issued_at.saturating_add(clock::millis(shared.config.presign_ttl))
    };
    let (presigned, slot) = shared.with_store(|store, _| {
        let order = store.order(&order_id)?;
        if !matches!(
            order.status,
            OrderStatus::Authorized | OrderStatus::Rejected
        ) {
            return Err(ApiError::forbidden(match order.status {
                OrderStatus::Created => {
                    "Images come after the payment step: submit payment details first."
                }
                OrderStatus::Processing => "The images are being reviewed: wait for the decision.",
                _ => "This order is complete: it takes no more images.",
            }));
        }
        let slot: ImageSlot = image_type.parse().map_err(|()| {
            let valid: Vec<&str> = ImageSlot::ALL
                .iter()
                .map(|slot| slot.as_api_str())
                .collect();
            ApiError::bad_request(format!(
                "Unknown image type \"{image_type}\": use one of {}.",
                valid.join(", ")
            ))
        })?;
        if !order.required_images.contains(&slot) {
            return Err(ApiError::image_not_required(
                slot,
                order.required_images.clone(),
            ));
        }
        let key = new_object_key(slot);
        let presigned = presign_post(
            &shared.s3_credentials,
            &PostPolicyRequest {
                url: url.clone(),
                bucket: BUCKET,
                key: &key,
                content_type,
                max_bytes: shared.config.max_image_bytes,
                issued_at,
                expires_at,
            },
        );
        store.presigned.insert(
            key,
            PresignedUpload {
                order_id: order_id.clone(),
                slot,
                expires_at,
            },
        );
        Ok((presigned, slot))
    })?;
    shared.count_presign();
    tracing::info!(order = %redacted(&order_id), %slot, file_size, "upload presigned");
    Ok(ok("", presigned))
}

/// "<64 hex>_Image1", the shape of the reference's keys.
fn new_object_key(slot: ImageSlot) -> String {
    let mut random = [0u8; 32];
    rand::rng().fill_bytes(&mut random);
    format!("{}_{slot}", hex::encode(random))
}

fn content_type_for(file_name: &str) -> Result<&'static str, ApiError> {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase());
    match extension.as_deref() {
        Some("jpg" | "jpeg") => Ok("image/jpeg"),
        Some("png") => Ok("image/png"),
        _ => Err(ApiError::bad_request(format!(
            "file_name \"{file_name}\" is not a JPEG or PNG: the name must end in .jpg, .jpeg or .png."
        ))),
    }
}

/// The reference's table says string, its example sends "50018": both forms are accepted.
fn parse_file_size(value: Option<&Value>, max_bytes: u64) -> Result<u64, ApiError> {
    let value = value.ok_or_else(|| {
        ApiError::bad_request("file_size is required: the image's size in bytes.")
    })?;
    let size = match value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.trim().parse::<u64>().ok(),
        _ => None,
    }
    .ok_or_else(|| {
        ApiError::bad_request(format!(
            "file_size must be a whole number of bytes; got {value}."
        ))
    })?;
    if size == 0 {
        return Err(ApiError::bad_request("file_size is 0: the image is empty."));
    }
    if size > max_bytes {
        return Err(ApiError::bad_request(format!(
            "file_size is {size} bytes; the largest image allowed is {max_bytes} bytes (5 MB). Make the photo smaller."
        )));
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn file_names_pick_the_content_type() {
        assert_eq!(content_type_for("card_image1.jpg"), Ok("image/jpeg"));
        assert_eq!(content_type_for("A.JPEG"), Ok("image/jpeg"));
        assert_eq!(content_type_for("a.png"), Ok("image/png"));
        assert!(content_type_for("a.gif").is_err());
        assert!(content_type_for("jpg").is_err());
    }

    #[test]
    fn file_size_as_string_or_number() {
        assert_eq!(parse_file_size(Some(&json!("50018")), 100_000), Ok(50_018));
        assert_eq!(parse_file_size(Some(&json!(50_018)), 100_000), Ok(50_018));
        assert!(parse_file_size(Some(&json!("6000000")), 5_242_880).is_err());
        assert!(parse_file_size(Some(&json!("0")), 5_242_880).is_err());
        assert!(parse_file_size(Some(&json!(-5)), 5_242_880).is_err());
        assert!(parse_file_size(None, 5_242_880).is_err());
    }
}
