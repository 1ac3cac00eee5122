//! The S3 presigned POST: the form fields in the order given, the file last, streamed, with
//! progress; then the store's XML answer.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use cardcoins_core::ImageSlot;
use futures_util::stream::{self, BoxStream, StreamExt};
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde::Deserialize;
use tokio_util::io::ReaderStream;

use crate::builder::{require_secure_transport, Endpoint};
use crate::client::ApiClient;
use crate::envelope::read_capped;
use crate::error::{ApiError, UploadErrorKind};
use crate::types::{Presign, UploadReceipt};

const CHUNK_BYTES: usize = 64 * 1024;

/// Called as the file goes out with (bytes handed to the connection so far, total bytes). A
/// repeated attempt starts again from zero. The bytes handed over are not yet the store's: the
/// computer's and the network's buffers hold some, so "all sent" means "finishing", not "done".
pub type UploadProgress = Arc<dyn Fn(u64, u64) + Send + Sync>;

/// A photo ready to upload: where its bytes come from, its name and type.
#[derive(Debug, Clone)]
pub struct ImageUpload {
    source: ImageSource,
    file_name: String,
    content_type: String,
    size: u64,
}

#[derive(Debug, Clone)]
enum ImageSource {
    File(PathBuf),
    Memory(Bytes),
}

impl ImageUpload {
    /// A JPEG or PNG file on disk, streamed when uploaded (never read whole into memory).
    pub async fn from_path(path: impl AsRef<Path>) -> Result<ImageUpload, ApiError> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let unreadable = |reason: String| ApiError::ImageFile {
            path: shown.clone(),
            reason,
        };
        let metadata = tokio::fs::metadata(path)
            .await
            .map_err(|error| unreadable(error.to_string()))?;
        if !metadata.is_file() {
            return Err(unreadable("it is not a file".to_string()));
        }
        let file_name = path
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or_else(|| unreadable("its name is not valid text".to_string()))?
            .to_string();
        let content_type = content_type_for(&file_name).ok_or_else(|| {
            unreadable("only .jpg, .jpeg and .png photos can be uploaded".to_string())
        })?;
        Ok(ImageUpload {
            source: ImageSource::File(path.to_path_buf()),
            file_name,
            content_type: content_type.to_string(),
            size: metadata.len(),
        })
    }

    /// Bytes already in memory (a photo just prepared), with the name and MIME type to send.
    pub fn from_bytes(
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<Bytes>,
    ) -> ImageUpload {
        let bytes = bytes.into();
        ImageUpload {
            size: bytes.len() as u64,
            source: ImageSource::Memory(bytes),
            file_name: file_name.into(),
            content_type: content_type.into(),
        }
    }

    /// The same bytes under the name the store is told: `<slot>.<jpg|png>`. The seller's own
    /// file name ("IMG_20240501_home.jpg") can say more than it should.
    pub(crate) fn named_for(&self, slot: ImageSlot) -> ImageUpload {
        let extension = if self.content_type.eq_ignore_ascii_case("image/png") {
            "png"
        } else {
            "jpg"
        };
        ImageUpload {
            file_name: format!("{}.{extension}", slot.as_api_str().to_ascii_lowercase()),
            ..self.clone()
        }
    }

    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// A fresh stream of the bytes, counted as they go out. Built anew for every attempt.
    async fn body(&self, progress: Option<UploadProgress>) -> Result<reqwest::Body, ApiError> {
        let chunks: BoxStream<'static, std::io::Result<Bytes>> = match &self.source {
            ImageSource::File(path) => {
                let file =
                    tokio::fs::File::open(path)
                        .await
                        .map_err(|error| ApiError::ImageFile {
                            path: path.display().to_string(),
                            reason: error.to_string(),
                        })?;
                ReaderStream::with_capacity(file, CHUNK_BYTES).boxed()
            }
            ImageSource::Memory(bytes) => {
                let bytes = bytes.clone();
                let pieces: Vec<std::io::Result<Bytes>> = (0..bytes.len())
                    .step_by(CHUNK_BYTES)
                    .map(|start| Ok(bytes.slice(start..bytes.len().min(start + CHUNK_BYTES))))
                    .collect();
                stream::iter(pieces).boxed()
            }
        };
        let total = self.size;
        let mut sent = 0u64;
        let counted = chunks.inspect(move |chunk| {
            if let (Ok(chunk), Some(progress)) = (chunk, &progress) {
                sent += chunk.len() as u64;
                progress(sent, total);
            }
        });
        Ok(reqwest::Body::wrap_stream(counted))
    }
}

fn content_type_for(file_name: &str) -> Option<&'static str> {
    let extension = Path::new(file_name).extension()?.to_str()?;
    match extension.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => Some("image/jpeg"),
        "png" => Some("image/png"),
        _ => None,
    }
}

impl ApiClient {
    /// One upload attempt with a presign already in hand. [`ApiClient::upload_image`] wraps this
    /// with presigning and retries; call this directly only to manage both yourself.
    #[tracing::instrument(skip_all, fields(bytes = image.size))]
    pub async fn upload_presigned(
        &self,
        presign: &Presign,
        image: &ImageUpload,
        progress: Option<UploadProgress>,
    ) -> Result<UploadReceipt, ApiError> {
        require_secure_transport(&presign.url, Endpoint::ImageStore)?;
        let content_type = presign
            .field("Content-Type")
            .unwrap_or(image.content_type.as_str());
        let file_part = Part::stream_with_length(image.body(progress).await?, image.size)
            .file_name(image.file_name.clone())
            .mime_str(content_type)
            .map_err(|_| ApiError::Decode {
                detail: format!("the presigned Content-Type {content_type:?} is not a MIME type"),
            })?;
        let mut form = Form::new();
        for (name, value) in &presign.fields {
            form = form.text(name.clone(), value.clone());
        }
        // S3 ignores every field after the file, so the file goes last.
        form = form.part("file", file_part);

        let started = std::time::Instant::now();
        let response = self
            .http
            .post(presign.url.clone())
            .multipart(form)
            .timeout(self.upload_timeout)
            .send()
            .await
            .map_err(ApiError::from_transport)?;
        let took = started.elapsed();
        let status = response.status();
        tracing::debug!(
            status = status.as_u16(),
            took_ms = u64::try_from(took.as_millis()).unwrap_or(u64::MAX),
            "image store answered"
        );
        let body = read_capped(response).await?;
        let answer = store_answer(status, &body, presign);
        // An expired permission also says how long the bytes took to arrive.
        if matches!(
            answer,
            Ok(_)
                | Err(ApiError::Upload {
                    kind: UploadErrorKind::PolicyExpired
                })
        ) {
            self.uplink.record(image.size, took);
        }
        answer
    }
}

/// What the image store's answer (already read) means.
pub(crate) fn store_answer(
    status: StatusCode,
    body: &[u8],
    presign: &Presign,
) -> Result<UploadReceipt, ApiError> {
    let body = String::from_utf8_lossy(body);
    if status.is_success() {
        parse_receipt(&body, presign)
    } else {
        Err(store_error(status.as_u16(), &body, presign))
    }
}

#[derive(Deserialize)]
struct PostResponseXml {
    #[serde(rename = "Location", default)]
    location: Option<String>,
    #[serde(rename = "Key", default)]
    key: Option<String>,
    #[serde(rename = "ETag", default)]
    etag: Option<String>,
}

#[derive(Deserialize, Default)]
struct ErrorXml {
    #[serde(rename = "Code", default)]
    code: Option<String>,
    #[serde(rename = "Message", default)]
    message: Option<String>,
    #[serde(rename = "ProposedSize", default)]
    proposed_size: Option<String>,
    #[serde(rename = "MaxSizeAllowed", default)]
    max_size_allowed: Option<String>,
}

/// A 201 carries a PostResponse; a 200 or 204 (when `success_action_status` asked for one) has
/// no body, and the key is the one we were told to use.
fn parse_receipt(body: &str, presign: &Presign) -> Result<UploadReceipt, ApiError> {
    let fallback_key = presign.field("key").unwrap_or_default().to_string();
    if body.trim().is_empty() {
        return Ok(UploadReceipt {
            location: None,
            key: fallback_key,
            etag: None,
        });
    }
    let parsed: PostResponseXml =
        quick_xml::de::from_str(body).map_err(|error| ApiError::Decode {
            detail: format!("the image store's answer was not the expected XML: {error}"),
        })?;
    Ok(UploadReceipt {
        location: parsed.location,
        key: parsed.key.unwrap_or(fallback_key),
        etag: parsed.etag,
    })
}

/// Maps the store's `<Error>` XML to a kind a UI can act on.
pub(crate) fn store_error(status: u16, body: &str, presign: &Presign) -> ApiError {
    let parsed: ErrorXml = quick_xml::de::from_str(body).unwrap_or_default();
    let code = parsed.code.unwrap_or_default();
    let message = parsed.message.unwrap_or_default();
    let kind = if is_policy_expired(&code, presign) {
        UploadErrorKind::PolicyExpired
    } else if code == "EntityTooLarge" {
        UploadErrorKind::TooLarge {
            proposed: parsed
                .proposed_size
                .and_then(|size| size.trim().parse().ok()),
            max_allowed: parsed
                .max_size_allowed
                .and_then(|size| size.trim().parse().ok()),
        }
    } else if status >= 500
        || matches!(
            code.as_str(),
            "SlowDown" | "ServiceUnavailable" | "InternalError"
        )
    {
        UploadErrorKind::Unavailable { status }
    } else {
        UploadErrorKind::Refused {
            status,
            code: if code.is_empty() {
                format!("HTTP {status}")
            } else {
                code
            },
            message: if message.is_empty() {
                "no details given".to_string()
            } else {
                message
            },
        }
    };
    ApiError::Upload { kind }
}

/// S3 gives an expired policy only as AccessDenied with words; the words are not read. Instead an
/// AccessDenied once the presign's own expiry has passed (by this computer's clock, give or take
/// the few seconds two clocks may differ) is taken for an expired permission, which a fresh
/// presign cures.
fn is_policy_expired(code: &str, presign: &Presign) -> bool {
    const CLOCKS_DIFFER_BY: time::Duration = time::Duration::seconds(5);
    code == "ExpiredToken"
        || (code == "AccessDenied"
            && presign.expires_at().is_some_and(|expires| {
                time::OffsetDateTime::now_utc() + CLOCKS_DIFFER_BY >= expires
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn presign() -> Presign {
        Presign {
            url: url::Url::parse("https://s3.example/bucket").expect("url"),
            fields: vec![("key".into(), "abc_Image1".into())],
        }
    }

    fn presign_expiring(expiration: time::OffsetDateTime) -> Presign {
        use base64::Engine;
        let policy = format!(
            r#"{{"expiration":"{}","conditions":[]}}"#,
            expiration
                .format(&time::format_description::well_known::Rfc3339)
                .expect("rfc3339")
        );
        Presign {
            url: url::Url::parse("https://s3.example/bucket").expect("url"),
            fields: vec![(
                "Policy".into(),
                base64::engine::general_purpose::STANDARD.encode(policy),
            )],
        }
    }

    #[test]
    fn access_denied_is_an_expired_permission_only_once_the_presign_ran_out() {
        let denied =
            "<Error><Code>AccessDenied</Code><Message>Whatever the words</Message></Error>";
        let now = time::OffsetDateTime::now_utc();
        let ran_out = presign_expiring(now - time::Duration::seconds(30));
        assert!(matches!(
            store_error(403, denied, &ran_out),
            ApiError::Upload {
                kind: UploadErrorKind::PolicyExpired
            }
        ));
        let fresh = presign_expiring(now + time::Duration::minutes(10));
        assert!(matches!(
            store_error(403, denied, &fresh),
            ApiError::Upload {
                kind: UploadErrorKind::Refused { .. }
            }
        ));
        // No readable policy: the signing time plus the reference's 15 seconds.
        let signed = Presign {
            url: url::Url::parse("https://s3.example/bucket").expect("url"),
            fields: vec![("X-Amz-Date".into(), "20210929T023856Z".into())],
        };
        assert_eq!(
            signed.expires_at().map(|moment| moment.unix_timestamp()),
            Some(1_632_883_151)
        );
        assert!(matches!(
            store_error(403, denied, &signed),
            ApiError::Upload {
                kind: UploadErrorKind::PolicyExpired
            }
        ));
    }

    #[test]
    fn reads_the_reference_post_response() {
        let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<PostResponse><Location>https://cardcoins-images-01.s3.amazonaws.com/2ebc_Image1</Location><Bucket>cardcoins-images</Bucket><Key>2ebc_Image1</Key><ETag>"0ec202a741147ad8664956705016aea0"</ETag></PostResponse>"#;
        let receipt = parse_receipt(body, &presign()).expect("receipt");
        assert_eq!(receipt.key, "2ebc_Image1");
        assert_eq!(
            receipt.etag.as_deref(),
            Some("\"0ec202a741147ad8664956705016aea0\"")
        );
        assert_eq!(
            receipt.location.as_deref(),
            Some("https://cardcoins-images-01.s3.amazonaws.com/2ebc_Image1")
        );
    }

    #[test]
    fn escaped_quotes_in_etag_are_unescaped() {
        let body = "<PostResponse><Key>k</Key><ETag>&quot;0ec2&quot;</ETag></PostResponse>";
        let receipt = parse_receipt(body, &presign()).expect("receipt");
        assert_eq!(receipt.etag.as_deref(), Some("\"0ec2\""));
    }

    #[test]
    fn an_empty_success_uses_the_presigned_key() {
        let receipt = parse_receipt("", &presign()).expect("receipt");
        assert_eq!(receipt.key, "abc_Image1");
        assert_eq!(receipt.location, None);
    }

    #[test]
    fn content_types_from_names() {
        assert_eq!(content_type_for("a.JPG"), Some("image/jpeg"));
        assert_eq!(content_type_for("a.png"), Some("image/png"));
        assert_eq!(content_type_for("a.heic"), None);
        assert_eq!(content_type_for("noext"), None);
    }
}
