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
//!
//! When: `s3s` checks the expiration as soon as it has read the form's fields, which come before
//! the file, then reads the whole file, then calls `post_object`. The body is streamed to it, so
//! its check is made on arrival however slow the file is; `post_object` then holds the key to
//! the moment [`ExpiryCheck`] names: the request's arrival, or the end of the file.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use bytes::{Bytes, BytesMut};
use futures_util::StreamExt;
use md5::{Digest, Md5};
use s3s::auth::SimpleAuth;
use s3s::dto::{ETag, PostObjectInput, PostObjectOutput};
use s3s::service::{S3Service, S3ServiceBuilder};
use s3s::{s3_error, S3Request, S3Response, S3Result, S3};
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::clock::EpochMillis;
use crate::order::Upload;
use crate::state::Shared;
use crate::uplink::Uplink;

use super::{ExpiryCheck, BUCKET};

struct SandboxS3 {
    shared: Arc<Shared>,
}

/// Taken when the request's headers arrive, for `post_object`.
#[derive(Debug, Clone, Copy)]
struct Arrival {
    at: EpochMillis,
    check: ExpiryCheck,
}

#[async_trait::async_trait]
impl S3 for SandboxS3 {
    /// Only reached once `s3s` has accepted the signature and the policy, and read the file.
    async fn post_object(
        &self,
        request: S3Request<PostObjectInput>,
    ) -> S3Result<S3Response<PostObjectOutput>> {
        let arrival = request.extensions.get::<Arrival>().copied();
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
        let checked_at = match arrival {
            Some(Arrival {
                at,
                check: ExpiryCheck::AtArrival,
            }) => at,
            // Now is the end of the file: s3s has read all of it.
            _ => self.shared.now(),
        };
        if checked_at >= expires_at {
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

#[derive(Clone)]
struct Endpoint {
    s3s: S3Service,
    shared: Arc<Shared>,
}

/// The image store, for the S3 mount point (it sees paths with the mount prefix removed):
/// the length check, then the store's faults, then `s3s`.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let auth = SimpleAuth::from_single(
        shared.s3_credentials.access_key.clone(),
        shared.s3_credentials.secret_key.clone(),
    );
    let mut builder = S3ServiceBuilder::new(SandboxS3 {
        shared: shared.clone(),
    });
    builder.set_auth(auth);
    let endpoint = Endpoint {
        s3s: builder.build(),
        shared: shared.clone(),
    };
    Router::new()
        .fallback(handle)
        .with_state(endpoint)
        .layer(middleware::from_fn_with_state(
            shared,
            crate::faults::inject_upload,
        ))
        .layer(middleware::from_fn(require_content_length))
}

/// S3 refuses a POST without `Content-Length` (a chunked one) before it reads any of it.
async fn require_content_length(request: Request, next: Next) -> Response {
    if request.method() != Method::POST || request.headers().contains_key(header::CONTENT_LENGTH) {
        return next.run(request).await;
    }
    // Read and dropped after the decision: a client cut off mid-send would lose the answer.
    discard(request.into_body()).await;
    s3_error_response(
        StatusCode::LENGTH_REQUIRED,
        "MissingContentLength",
        "You must provide the Content-Length HTTP header.",
    )
}

async fn discard(body: Body) {
    let mut body = body.into_data_stream();
    let mut read = 0usize;
    while read <= MAX_REQUEST_BYTES {
        match body.next().await {
            Some(Ok(chunk)) => read = read.saturating_add(chunk.len()),
            Some(Err(_)) | None => break,
        }
    }
}

fn s3_error_response(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/xml")],
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>"
        ),
    )
        .into_response()
}

/// s3s 0.14's multipart parser refuses an upload ("BoundaryBufferTooLarge") when a body chunk
/// ends in `\r` and the next is over 64 KiB: by chance, about one upload in fifty. Handing it
/// pieces of at most 16 KiB keeps every upload parseable; 8 KiB also keeps a throttled read even.
const PIECE: usize = 8 * 1024;

fn pieces(chunk: Bytes) -> impl Iterator<Item = Bytes> {
    let len = chunk.len();
    (0..len)
        .step_by(PIECE)
        .map(move |start| chunk.slice(start..len.min(start + PIECE)))
}

/// The largest request the endpoint reads. Far above the 5 MB photos the policies allow, so a
/// too-large photo still gets S3's own EntityTooLarge from the policy check.
const MAX_REQUEST_BYTES: usize = 64 * 1024 * 1024;

/// Pieces waiting for s3s to take them; the throttle paces them before they are queued.
const FORWARD_QUEUE: usize = 4;

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

async fn handle(State(endpoint): State<Endpoint>, request: Request) -> Response {
    let arrival = Arrival {
        at: endpoint.shared.now(),
        check: endpoint.shared.expiry_check(),
    };
    let (mut parts, body) = request.into_parts();
    let limit = u64::try_from(MAX_REQUEST_BYTES).unwrap_or(u64::MAX);
    if declared_length(&parts.headers).is_some_and(|length| length > limit) {
        tracing::warn!("upload larger than the image store reads");
        return s3_error_response(
            StatusCode::BAD_REQUEST,
            "EntityTooLarge",
            "Your proposed upload exceeds the maximum allowed size",
        );
    }
    parts.extensions.insert(arrival);
    let _in_flight = InFlight::begin(&endpoint.shared, arrival.at);
    let (to_s3s, from_client) = mpsc::channel(FORWARD_QUEUE);
    let streamed = futures_util::stream::unfold(from_client, |mut from_client| async move {
        from_client
            .recv()
            .await
            .map(|piece: Result<Bytes, axum::Error>| (piece, from_client))
    });
    let mut s3s = endpoint.s3s.clone();
    let answer = tower_service::Service::call(
        &mut s3s,
        Request::from_parts(parts, Body::from_stream(streamed)),
    );
    let ((), answer) = tokio::join!(forward(&endpoint.shared, body, to_s3s), answer);
    match answer {
        Ok(response) => response.map(Body::new).into_response(),
        Err(error) => {
            tracing::error!(?error, "the S3 endpoint failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "S3 endpoint error").into_response()
        }
    }
}

/// Keeps the keys that were live at an upload's arrival while it is read, so an upload slower
/// than the store's one-minute slack is still filed; ends with the request however it ends.
struct InFlight<'a> {
    shared: &'a Shared,
    arrived_at: EpochMillis,
}

impl<'a> InFlight<'a> {
    fn begin(shared: &'a Shared, arrived_at: EpochMillis) -> Self {
        shared.upload_began(arrived_at);
        Self { shared, arrived_at }
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.shared.upload_ended(self.arrived_at);
    }
}

/// Hands the client's body to s3s in small pieces, no faster than the uplink. After s3s has
/// answered (it refuses an expired policy as soon as it has the fields) the rest is still read
/// and dropped, as S3 reads a request before it answers: a client cut off mid-send sees a broken
/// connection instead of the answer that says why.
async fn forward(shared: &Shared, body: Body, to_s3s: mpsc::Sender<Result<Bytes, axum::Error>>) {
    let mut from_client = body.into_data_stream();
    let mut to_s3s = Some(to_s3s);
    let mut uplink = Throttle::new();
    while let Some(chunk) = from_client.next().await {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err(error) => {
                if let Some(to_s3s) = &to_s3s {
                    let _ = to_s3s.send(Err(error)).await;
                }
                return;
            }
        };
        for piece in pieces(chunk) {
            uplink.pass(shared.uplink(), piece.len()).await;
            if let Some(sender) = &to_s3s {
                if sender.send(Ok(piece)).await.is_err() {
                    to_s3s = None;
                }
            }
        }
    }
}

/// A token bucket on real time that holds one piece: the body is read at the uplink's rate from
/// its first byte, and a pause on the client's side earns no burst. The rate is read for every
/// piece, so a change applies to uploads already under way.
struct Throttle {
    tokens: f64,
    refilled: Instant,
}

impl Throttle {
    const CAPACITY: f64 = PIECE as f64;

    fn new() -> Self {
        Self {
            tokens: Self::CAPACITY,
            refilled: Instant::now(),
        }
    }

    async fn pass(&mut self, uplink: Option<Uplink>, bytes: usize) {
        let now = Instant::now();
        let Some(uplink) = uplink else {
            self.tokens = Self::CAPACITY;
            self.refilled = now;
            return;
        };
        let rate = uplink.bytes_per_second() as f64;
        let earned = now.duration_since(self.refilled).as_secs_f64() * rate;
        self.tokens = (self.tokens + earned).min(Self::CAPACITY) - bytes as f64;
        self.refilled = now;
        if self.tokens < 0.0 {
            tokio::time::sleep(Duration::from_secs_f64(-self.tokens / rate)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_chunks_into_small_pieces_in_order() {
        let data: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        let mut joined = Vec::new();
        for piece in pieces(Bytes::from(data.clone())) {
            assert!(!piece.is_empty() && piece.len() <= PIECE);
            joined.extend_from_slice(&piece);
        }
        assert_eq!(joined, data);
        assert_eq!(pieces(Bytes::new()).count(), 0);
    }

    #[tokio::test]
    async fn the_throttle_holds_the_rate_after_a_first_piece() {
        let uplink = "1mbit".parse::<Uplink>().ok();
        let mut throttle = Throttle::new();
        let started = std::time::Instant::now();
        // 40 KiB at 125,000 bytes a second, the first 8 KiB free: about 0.26 s.
        for _ in 0..5 {
            throttle.pass(uplink, PIECE).await;
        }
        let took = started.elapsed();
        assert!(took >= Duration::from_millis(240), "{took:?}");
        let started = std::time::Instant::now();
        for _ in 0..100 {
            throttle.pass(None, PIECE).await;
        }
        assert!(started.elapsed() < Duration::from_millis(50));
    }

    #[test]
    fn recognises_jpeg_and_png_signatures() {
        assert!(looks_like_jpeg_or_png(&[0xFF, 0xD8, 0xFF, 0xE0]));
        assert!(looks_like_jpeg_or_png(b"\x89PNG\r\n\x1a\n...."));
        assert!(!looks_like_jpeg_or_png(b"GIF89a"));
        assert!(!looks_like_jpeg_or_png(b""));
    }
}
