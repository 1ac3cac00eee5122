//! The S3 POST Object endpoint. `s3s` parses the form, checks the SigV4 signature, the policy's
//! expiration and every condition (exact fields, extra fields, content-length-range) and only
//! then calls `post_object`, which checks the expiration again on the sandbox's clock and files
//! the image under its order.
//!
//! Why twice: `s3s` reads the computer's clock for its own check and cannot be given another, so
//! a test that moves the sandbox's manual clock past a policy's expiration would still see the
//! upload accepted. `s3s` 0.14 does not hand the verified policy on to `post_object`, but each
//! key is handed out with exactly one policy, which pins that key, and the sandbox keeps that
//! policy's expiration (dated by its clock) beside the key.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Router;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use md5::{Digest, Md5};
use s3s::auth::SimpleAuth;
use s3s::dto::{ETag, PostObjectInput, PostObjectOutput};
use s3s::service::{S3Service, S3ServiceBuilder};
use s3s::{s3_error, S3Request, S3Response, S3Result, S3};

use crate::order::Upload;
use crate::state::Shared;

use super::BUCKET;

struct SandboxS3 {
    shared: Arc<Shared>,
}

#[async_trait::async_trait]
impl S3 for SandboxS3 {
    /// Only reached once `s3s` has accepted the signature and the policy.
    async fn post_object(
        &self,
        request: S3Request<PostObjectInput>,
    ) -> S3Result<S3Response<PostObjectOutput>> {
        let input = request.input;
        if input.bucket != BUCKET {
            return Err(s3_error!(
                NoSuchBucket,
                "The specified bucket does not exist"
            ));
        }
        // The policy pins the exact key, but the key must also be one we handed out.
        let Some(expires_at) = self.shared.presigned_until(&input.key) else {
            return Err(s3_error!(AccessDenied, "Access Denied"));
        };
        if self.shared.now() >= expires_at {
            return Err(s3_error!(AccessDenied, "Request has expired"));
        }
        let Some(mut body) = input.body else {
            return Err(s3_error!(
                InvalidArgument,
                "POST requires exactly one file upload per request."
            ));
        };
        let mut content = BytesMut::new();
        while let Some(chunk) = body.next().await {
            let chunk = chunk
                .map_err(|error| s3_error!(IncompleteBody, "The upload was cut off: {error}"))?;
            content.extend_from_slice(&chunk);
        }
        let content: Bytes = content.freeze();
        let etag = hex::encode(Md5::digest(&content));
        self.shared
            .objects
            .put(&input.key, content.clone())
            .await
            .map_err(|error| s3_error!(InternalError, "Could not store the object: {error}"))?;
        let upload = Upload {
            key: input.key.clone(),
            size: u64::try_from(content.len()).unwrap_or(u64::MAX),
            etag: etag.clone(),
            uploaded_at: self.shared.now(),
            looks_like_image: looks_like_jpeg_or_png(&content),
        };
        // The order may have expired between the policy check and now.
        self.shared
            .record_upload(&input.key, upload)
            .ok_or_else(|| s3_error!(AccessDenied, "Access Denied"))?;
        Ok(S3Response::new(PostObjectOutput {
            e_tag: Some(ETag::Strong(etag)),
            ..PostObjectOutput::default()
        }))
    }
}

fn looks_like_jpeg_or_png(content: &[u8]) -> bool {
    content.starts_with(&[0xFF, 0xD8, 0xFF]) || content.starts_with(b"\x89PNG\r\n\x1a\n")
}

/// A router for the S3 mount point; it sees paths with the mount prefix already removed.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let auth = SimpleAuth::from_single(
        shared.s3_credentials.access_key.clone(),
        shared.s3_credentials.secret_key.clone(),
    );
    let mut builder = S3ServiceBuilder::new(SandboxS3 { shared });
    builder.set_auth(auth);
    Router::new().fallback(handle).with_state(builder.build())
}

/// s3s 0.14's multipart parser refuses an upload ("BoundaryBufferTooLarge") when a body chunk
/// ends in `\r` and the next is over 64 KiB: by chance, about one upload in fifty. Handing it
/// pieces of at most 16 KiB keeps every upload parseable.
const MULTIPART_PIECE: usize = 16 * 1024;

fn in_small_pieces(request: Request) -> Request {
    use futures_util::StreamExt;
    let (parts, body) = request.into_parts();
    let pieces = body.into_data_stream().flat_map(|chunk| {
        let pieces: Vec<Result<bytes::Bytes, axum::Error>> = match chunk {
            Ok(bytes) => (0..bytes.len())
                .step_by(MULTIPART_PIECE)
                .map(|start| Ok(bytes.slice(start..bytes.len().min(start + MULTIPART_PIECE))))
                .collect(),
            Err(error) => vec![Err(error)],
        };
        futures_util::stream::iter(pieces)
    });
    Request::from_parts(parts, Body::from_stream(pieces))
}

/// The most of a request the endpoint reads before answering. Far above the 5 MB photos the
/// policies allow, so a too-large photo still gets S3's own EntityTooLarge from the policy check.
const MAX_REQUEST_BYTES: usize = 64 * 1024 * 1024;

/// The whole request is read before s3s sees it. s3s answers a refused policy (expired, bad
/// signature) as soon as it has read the fields, before the file; hyper then closes the
/// connection under a client still sending, and the client sees a broken connection instead
/// of the 403 that says why. S3 itself reads the request before it answers.
async fn read_whole(request: Request) -> Result<Request, Response> {
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, MAX_REQUEST_BYTES).await {
        Ok(bytes) => Ok(Request::from_parts(parts, Body::from(bytes))),
        Err(error) => {
            tracing::warn!(%error, "upload not read whole");
            Err((
                StatusCode::BAD_REQUEST,
                [(axum::http::header::CONTENT_TYPE, "application/xml")],
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>IncompleteBody</Code><Message>The request body was cut off or is larger than this endpoint reads.</Message></Error>",
            )
                .into_response())
        }
    }
}

async fn handle(State(mut service): State<S3Service>, request: Request) -> Response {
    let request = match read_whole(request).await {
        Ok(request) => request,
        Err(refusal) => return refusal,
    };
    match tower_service::Service::call(&mut service, in_small_pieces(request)).await {
        Ok(response) => response.map(Body::new).into_response(),
        Err(error) => {
            tracing::error!(?error, "the S3 endpoint failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "S3 endpoint error").into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn splits_large_chunks_into_small_pieces_in_order() {
        use futures_util::StreamExt;
        let data: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        let request = Request::builder()
            .body(Body::from(data.clone()))
            .expect("request");
        let mut stream = in_small_pieces(request).into_body().into_data_stream();
        let mut joined = Vec::new();
        while let Some(piece) = stream.next().await {
            let piece = piece.expect("piece");
            assert!(piece.len() <= MULTIPART_PIECE);
            joined.extend_from_slice(&piece);
        }
        assert_eq!(joined, data);
    }

    #[test]
    fn recognises_jpeg_and_png_signatures() {
        assert!(looks_like_jpeg_or_png(&[0xFF, 0xD8, 0xFF, 0xE0]));
        assert!(looks_like_jpeg_or_png(b"\x89PNG\r\n\x1a\n...."));
        assert!(!looks_like_jpeg_or_png(b"GIF89a"));
        assert!(!looks_like_jpeg_or_png(b""));
    }
}
