//! Exact error bodies and failure sequences that the sandbox does not produce on demand:
//! AWS's own error XML, and 500/503 runs that show which requests are repeated.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use cardcoins_api::{
    ApiClient, ApiError, CodeChannel, ImageUpload, NetworkErrorKind, NewOrder, RefusedRequest,
    RetryPolicy, UploadErrorKind,
};
use cardcoins_core::{Cents, ImageSlot, OrderId, OrderStatus, PhoneNumber};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const SECRET_ID: &str = "yD1gHCUWjhSECRET";

fn order_id() -> OrderId {
    OrderId::parse(SECRET_ID).expect("order id")
}

fn client(server: &MockServer) -> ApiClient {
    ApiClient::builder()
        .base_url(format!("{}/v2", server.uri()))
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(2),
            max_delay: Duration::from_millis(5),
            // Each test reads its own answers; the block after a 429 is tested on its own.
            max_blocked_pause: Duration::ZERO,
        })
        .timeout(Duration::from_secs(5))
        .build()
        .expect("client")
}

fn envelope(message: &str) -> serde_json::Value {
    json!({"message": message, "data": {}})
}

fn tickers_body() -> serde_json::Value {
    json!({"message": "", "data": {"currencies": [
        {"name": "bitcoin", "symbol": "BTC", "price_usd": 6568950, "enabled": true}],
        "last_updated_at": "2021-04-28T23:35:50.977Z", "update_frequency": 60000}})
}

async fn count(server: &MockServer, http_method: &str, route: &str) -> usize {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|request| request.method.as_str() == http_method && request.url.path() == route)
        .count()
}

fn assert_no_secret(error: &ApiError) {
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("gHCUWjh"), "order ID leaked: {shown}");
}

#[tokio::test]
async fn get_is_repeated_through_500_and_503_and_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/tickers"))
        .respond_with(ResponseTemplate::new(500).set_body_json(envelope("boom")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/tickers"))
        .respond_with(ResponseTemplate::new(503).set_body_json(envelope("maintenance")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/tickers"))
        .respond_with(ResponseTemplate::new(200).set_body_json(tickers_body()))
        .mount(&server)
        .await;

    let tickers = client(&server).get_tickers().await.expect("third attempt");
    assert_eq!(
        tickers.bitcoin().map(|ticker| ticker.price_usd),
        Some(Cents::new(6_568_950))
    );
    assert_eq!(count(&server, "GET", "/v2/tickers").await, 3);
}

#[tokio::test]
async fn get_gives_up_after_the_policy_attempts() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/orders/{SECRET_ID}")))
        .respond_with(ResponseTemplate::new(503).set_body_json(envelope("Down for maintenance")))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_order(&order_id())
        .await
        .expect_err("always 503");
    assert!(
        matches!(error, ApiError::Maintenance { ref message } if message == "Down for maintenance")
    );
    assert!(error.is_transient());
    assert!(error.to_string().contains("maintenance"), "{error}");
    assert_no_secret(&error);
    assert_eq!(
        count(&server, "GET", &format!("/v2/orders/{SECRET_ID}")).await,
        3
    );
}

#[tokio::test]
async fn posts_with_side_effects_are_sent_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500).set_body_json(envelope("")))
        .mount(&server)
        .await;
    let client = client(&server);
    let order = order_id();
    let phone = PhoneNumber::parse("+12025550123", "US").expect("phone");

    let error = client
        .create_order(&NewOrder::new(Cents::new(5500)))
        .await
        .expect_err("500");
    assert!(matches!(error, ApiError::Server { status: 500, .. }));
    let error = client
        .send_phone_code(&order, &phone, "token", CodeChannel::Sms)
        .await
        .expect_err("500");
    assert_no_secret(&error);
    client
        .submit_phone_code(&order, &phone, "123456", None)
        .await
        .expect_err("500");
    client
        .submit_payment(&order, &Default::default())
        .await
        .expect_err("500");
    client
        .submit_for_verification(&order)
        .await
        .expect_err("500");

    assert_eq!(count(&server, "POST", "/v2/orders").await, 1);
    assert_eq!(count(&server, "POST", "/v2/phones").await, 1);
    assert_eq!(count(&server, "POST", "/v2/phones/code").await, 1);
    assert_eq!(
        count(&server, "POST", &format!("/v2/orders/{SECRET_ID}/payment")).await,
        1
    );
    assert_eq!(
        count(&server, "POST", &format!("/v2/orders/{SECRET_ID}/verify")).await,
        1
    );
}

#[tokio::test]
async fn rate_limiting_is_reported_with_its_wait_and_not_repeated() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/tickers"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", "600")
                .set_body_json(envelope("Too many requests")),
        )
        .mount(&server)
        .await;

    let error = client(&server).get_tickers().await.expect_err("429");
    assert_eq!(error.code(), cardcoins_core::ErrorCode::TemporarilyBlocked);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(600)));
    assert!(error.to_string().contains("10 minutes"), "{error}");
    assert_eq!(count(&server, "GET", "/v2/tickers").await, 1);
}

#[tokio::test]
async fn client_errors_carry_the_server_message_without_the_order_id() {
    let server = MockServer::start().await;
    let order = order_id();
    // A server that echoes the ID back must not get it into our texts.
    Mock::given(method("POST"))
        .and(path(format!("/v2/orders/{SECRET_ID}/payment")))
        .respond_with(ResponseTemplate::new(400).set_body_json(envelope(&format!(
            "Order {SECRET_ID} needs first_name and last_name"
        ))))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v2/orders/{SECRET_ID}/verify")))
        .respond_with(ResponseTemplate::new(403).set_body_json(envelope("Upload the images first")))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/orders/{SECRET_ID}")))
        .respond_with(ResponseTemplate::new(404).set_body_json(envelope("Not found")))
        .mount(&server)
        .await;
    let client = client(&server);

    let error = client
        .submit_payment(&order, &Default::default())
        .await
        .expect_err("400");
    match &error {
        ApiError::Refused {
            request: RefusedRequest::Payment,
            message,
        } => {
            assert_eq!(message, "Order yD1… needs first_name and last_name")
        }
        other => panic!("expected a refused payment, got {other:?}"),
    }
    assert_no_secret(&error);

    let error = client
        .submit_for_verification(&order)
        .await
        .expect_err("403");
    assert!(
        matches!(error, ApiError::Forbidden { ref message } if message == "Upload the images first")
    );

    let error = client.get_order(&order).await.expect_err("404");
    assert!(matches!(error, ApiError::NotFound { ref order } if order == "yD1…"));
    assert!(error.to_string().contains("expired or been cancelled"));
    assert_no_secret(&error);
    // 404 is permanent: asked once.
    assert_eq!(
        count(&server, "GET", &format!("/v2/orders/{SECRET_ID}")).await,
        1
    );
}

#[tokio::test]
async fn lenient_reading_of_orders_and_strict_reading_of_garbage() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/orders/{SECRET_ID}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "message": "", "new_top_level": true,
            "data": {"status": "under_review", "order": {"base_currency_amount": 5500,
            "currency_price_usd": 6585000, "currency_amount": 83523, "unknown": {"x": 1}}}})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v2/tickers"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>captive portal</html>"))
        .mount(&server)
        .await;
    let client = client(&server);

    let order = client.get_order(&order_id()).await.expect("lenient");
    assert_eq!(order.status, OrderStatus::Unknown("under_review".into()));
    assert_eq!(order.sats.get(), 83_523);

    let error = client.get_tickers().await.expect_err("not JSON");
    assert_eq!(error.code(), cardcoins_core::ErrorCode::TemporarilyBlocked);
    // Something in front of the API answered: not repeated.
    assert_eq!(count(&server, "GET", "/v2/tickers").await, 1);
}

/// A 429, or a page that is not the API's JSON whatever its status, is a block: nothing more is
/// sent until its Retry-After (or a minute) has passed, whoever asks.
#[tokio::test]
async fn a_block_holds_every_request_back_until_it_is_over() {
    for (status, body, retry_after) in [
        (429, "{\"message\":\"slow down\"}", Some("120")),
        (503, "<html><body>Checking your browser</body></html>", None),
        (
            403,
            "<!doctype html><title>Access denied</title>",
            Some("30"),
        ),
        (200, "<html>captive portal</html>", None),
    ] {
        let server = MockServer::start().await;
        let mut answer = ResponseTemplate::new(status).set_body_string(body);
        if let Some(seconds) = retry_after {
            answer = answer.insert_header("Retry-After", seconds);
        }
        Mock::given(method("GET"))
            .and(path("/v2/tickers"))
            .respond_with(answer)
            .mount(&server)
            .await;
        let client = ApiClient::builder()
            .base_url(format!("{}/v2", server.uri()))
            .build()
            .expect("client");
        let error = client.get_tickers().await.expect_err("blocked");
        assert_eq!(
            error.code(),
            cardcoins_core::ErrorCode::TemporarilyBlocked,
            "{status}"
        );
        let waited = retry_after.map_or(60, |seconds| seconds.parse().unwrap());
        assert_eq!(
            error.retry_after().map(|wait| wait.as_secs()),
            retry_after.map(|_| waited)
        );
        assert!(
            !error.to_string().contains("Checking your browser"),
            "{error}"
        );
        // Asked again at once: refused here, without reaching the server.
        let again = client
            .create_order(&NewOrder::new(Cents::new(5500)))
            .await
            .expect_err("held back");
        assert_eq!(again.code(), cardcoins_core::ErrorCode::TemporarilyBlocked);
        let left = again.retry_after().expect("how long is left").as_secs();
        assert!(
            left <= waited && left + 5 >= waited,
            "{status}: {left} of {waited}"
        );
        assert_eq!(count(&server, "GET", "/v2/tickers").await, 1, "{status}");
        assert_eq!(count(&server, "POST", "/v2/orders").await, 0, "{status}");
    }
}

#[tokio::test]
async fn network_failures_are_classified() {
    // A port nobody listens on: bind, note the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let offline = ApiClient::builder()
        .base_url(format!("http://127.0.0.1:{port}/v2"))
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    let error = offline.get_order(&order_id()).await.expect_err("refused");
    assert!(
        matches!(
            error,
            ApiError::Network {
                kind: NetworkErrorKind::Offline,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.is_transient());
    assert_no_secret(&error);

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(tickers_body())
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    let slow = ApiClient::builder()
        .base_url(format!("{}/v2", server.uri()))
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    let error = slow.get_order(&order_id()).await.expect_err("timeout");
    assert!(
        matches!(
            error,
            ApiError::Network {
                kind: NetworkErrorKind::Timeout,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.code(), cardcoins_core::ErrorCode::Timeout);
    assert_no_secret(&error);
}

// --- the S3 upload -------------------------------------------------------------------------

const POLICY_EXPIRED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message><RequestId>8Q3T8Y0PZ9M2XZ6G</RequestId><HostId>Yk3Zp1d8Q2GvQm9aLrZrKcKJgS1fQ1yH0mDCH0Ubq9F3eYwM1dG8a6ZxkS3m5Q7sU4JfZq2g1Nk=</HostId></Error>"#;

const TOO_LARGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message><ProposedSize>5300000</ProposedSize><MaxSizeAllowed>5242880</MaxSizeAllowed><RequestId>1D9C3A2B</RequestId><HostId>abc=</HostId></Error>"#;

const EXTRA_FIELDS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>InvalidArgument</Code><Message>Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.</Message><ArgumentName>key</ArgumentName><ArgumentValue></ArgumentValue><RequestId>2B</RequestId><HostId>x=</HostId></Error>"#;

const SLOW_DOWN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>3C</RequestId><HostId>y=</HostId></Error>"#;

fn post_response(server: &MockServer) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<PostResponse><Location>{}/bucket/h_Image1</Location><Bucket>cardcoins-images</Bucket><Key>h_Image1</Key><ETag>"0ec202a741147ad8664956705016aea0"</ETag></PostResponse>"#,
        server.uri()
    )
}

async fn mount_presign(server: &MockServer) {
    // Raw text, not json!(): a serde_json map would sort the fields and hide an ordering bug.
    let body = format!(
        r#"{{"message":"","data":{{"url":"{}/bucket","fields":{{"key":"h_Image1","acl":"private","Content-Type":"image/jpeg","success_action_status":"201","bucket":"cardcoins-images","X-Amz-Algorithm":"AWS4-HMAC-SHA256","X-Amz-Credential":"c/20210929/us-east-1/s3/aws4_request","X-Amz-Date":"20210929T023856Z","Policy":"cG9saWN5","X-Amz-Signature":"abcdef"}}}}}}"#,
        server.uri()
    );
    Mock::given(method("POST"))
        .and(path(format!("/v2/orders/{SECRET_ID}/images/Image1")))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(server)
        .await;
}

fn photo() -> ImageUpload {
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    // The seller's own name must not reach the store: the client names the file after its slot.
    ImageUpload::from_bytes("IMG_20240501_home.jpg", "image/jpeg", bytes)
}

async fn upload(server: &MockServer) -> Result<cardcoins_api::UploadReceipt, ApiError> {
    client(server)
        .upload_image(&order_id(), ImageSlot::Image1, &photo(), None)
        .await
}

#[tokio::test]
async fn upload_sends_fields_in_order_then_the_file_and_reads_the_receipt() {
    let server = MockServer::start().await;
    mount_presign(&server).await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(201).set_body_string(post_response(&server)))
        .mount(&server)
        .await;

    let progress: Arc<Mutex<Vec<(u64, u64)>>> = Arc::default();
    let seen = Arc::clone(&progress);
    let receipt = client(&server)
        .upload_image(
            &order_id(),
            ImageSlot::Image1,
            &photo(),
            Some(Arc::new(move |sent, total| {
                if let Ok(mut seen) = seen.lock() {
                    seen.push((sent, total));
                }
            })),
        )
        .await
        .expect("uploaded");
    assert_eq!(receipt.key, "h_Image1");
    assert_eq!(
        receipt.etag.as_deref(),
        Some("\"0ec202a741147ad8664956705016aea0\"")
    );
    assert!(receipt.location.is_some());

    let progress = progress.lock().expect("progress").clone();
    assert!(progress.len() >= 3, "{progress:?}");
    assert_eq!(progress.last(), Some(&(200_000, 200_000)));
    assert!(progress.windows(2).all(|pair| pair[0].0 < pair[1].0));

    let requests: Vec<Request> = server.received_requests().await.unwrap_or_default();
    let presign = requests
        .iter()
        .find(|request| request.url.path().ends_with("/images/Image1"))
        .expect("presign sent");
    let presign_body: serde_json::Value = serde_json::from_slice(&presign.body).expect("json");
    assert_eq!(
        presign_body,
        json!({"file_name": "image1.jpg", "file_size": "200000"})
    );

    let upload = requests
        .iter()
        .find(|request| request.url.path() == "/bucket")
        .expect("upload sent");
    // S3 refuses chunked uploads: the length must be known up front.
    assert!(upload.headers.get("content-length").is_some());
    let content_type = upload
        .headers
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    assert!(content_type.starts_with("multipart/form-data; boundary="));
    let body = String::from_utf8_lossy(&upload.body);
    let order_of = |name: &str| {
        body.find(&format!("name=\"{name}\""))
            .unwrap_or_else(|| panic!("field {name} missing"))
    };
    let names = [
        "key",
        "acl",
        "Content-Type",
        "success_action_status",
        "bucket",
        "X-Amz-Algorithm",
        "X-Amz-Credential",
        "X-Amz-Date",
        "Policy",
        "X-Amz-Signature",
        "file",
    ];
    let positions: Vec<usize> = names.iter().map(|name| order_of(name)).collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "{positions:?}"
    );
    assert!(body.contains("filename=\"image1.jpg\""));
    assert!(!body.contains("IMG_2024"));
    let expected: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    assert!(upload
        .body
        .windows(expected.len())
        .any(|window| window == expected.as_slice()));
}

#[tokio::test]
async fn an_expired_policy_is_presigned_again_once() {
    let server = MockServer::start().await;
    mount_presign(&server).await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(403).set_body_string(POLICY_EXPIRED))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(201).set_body_string(post_response(&server)))
        .mount(&server)
        .await;

    let receipt = upload(&server).await.expect("second try");
    assert_eq!(receipt.key, "h_Image1");
    let presign_path = format!("/v2/orders/{SECRET_ID}/images/Image1");
    assert_eq!(count(&server, "POST", &presign_path).await, 2);
    assert_eq!(count(&server, "POST", "/bucket").await, 2);
}

#[tokio::test]
async fn a_policy_that_keeps_expiring_is_reported() {
    let server = MockServer::start().await;
    mount_presign(&server).await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(403).set_body_string(POLICY_EXPIRED))
        .mount(&server)
        .await;

    let error = upload(&server).await.expect_err("expired twice");
    assert!(matches!(
        error,
        ApiError::Upload {
            kind: UploadErrorKind::PolicyExpired
        }
    ));
    assert_eq!(error.code(), cardcoins_core::ErrorCode::UploadExpired);
    let presign_path = format!("/v2/orders/{SECRET_ID}/images/Image1");
    assert_eq!(count(&server, "POST", &presign_path).await, 2);
    assert_eq!(count(&server, "POST", "/bucket").await, 2);
}

#[tokio::test]
async fn too_large_and_refused_uploads_are_not_repeated() {
    let server = MockServer::start().await;
    mount_presign(&server).await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(400).set_body_string(TOO_LARGE))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(400).set_body_string(EXTRA_FIELDS))
        .mount(&server)
        .await;

    let error = upload(&server).await.expect_err("too large");
    assert_eq!(
        match error {
            ApiError::Upload { kind } => kind,
            other => panic!("expected an upload error, got {other:?}"),
        },
        UploadErrorKind::TooLarge {
            proposed: Some(5_300_000),
            max_allowed: Some(5_242_880)
        }
    );
    assert_eq!(count(&server, "POST", "/bucket").await, 1);

    let error = upload(&server).await.expect_err("refused");
    match &error {
        ApiError::Upload {
            kind:
                UploadErrorKind::Refused {
                    status,
                    code,
                    message,
                },
        } => {
            assert_eq!(*status, 400);
            assert_eq!(code, "InvalidArgument");
            assert!(message.contains("must contain a field named 'key'"));
        }
        other => panic!("expected Refused, got {other:?}"),
    }
    assert!(!error.is_transient());
    assert_eq!(count(&server, "POST", "/bucket").await, 2);
}

#[tokio::test]
async fn a_busy_store_is_retried() {
    let server = MockServer::start().await;
    mount_presign(&server).await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(503).set_body_string(SLOW_DOWN))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(500).set_body_string("InternalError"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/bucket"))
        .respond_with(ResponseTemplate::new(201).set_body_string(post_response(&server)))
        .mount(&server)
        .await;

    upload(&server).await.expect("third attempt");
    assert_eq!(count(&server, "POST", "/bucket").await, 3);
    // Every attempt gets its own permission: a retry waits, and the old one may have run out.
    let presign_path = format!("/v2/orders/{SECRET_ID}/images/Image1");
    assert_eq!(count(&server, "POST", &presign_path).await, 3);
}

#[tokio::test]
async fn phone_dispatch_sends_the_documented_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/phones"))
        .and(query_param("order_id", SECRET_ID))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(envelope("Verification code has been sent")),
        )
        .mount(&server)
        .await;
    let phone = PhoneNumber::parse("+12025550123", "US").expect("phone");
    let client = client(&server);
    let ack = client
        .send_phone_code(&order_id(), &phone, "tok", CodeChannel::Call)
        .await
        .expect("sent");
    assert_eq!(ack.message, "Verification code has been sent");
    client
        .send_phone_code(&order_id(), &phone, "tok", CodeChannel::Sms)
        .await
        .expect("sent");
    let bodies: Vec<serde_json::Value> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| serde_json::from_slice(&request.body).expect("json"))
        .collect();
    assert_eq!(
        bodies,
        vec![
            json!({"phone_number": "+12025550123", "call": true, "recaptcha_response": "tok"}),
            json!({"phone_number": "+12025550123", "recaptcha_response": "tok"}),
        ]
    );
}

#[tokio::test]
async fn a_failed_tls_handshake_is_a_tls_error() {
    // https to a plain-http server: the handshake gets garbage back.
    let server = MockServer::start().await;
    let https = server.uri().replacen("http://", "https://", 1);
    let client = ApiClient::builder()
        .base_url(format!("{https}/v2"))
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    let error = client
        .get_order(&order_id())
        .await
        .expect_err("no TLS there");
    assert!(
        matches!(
            error,
            ApiError::Network {
                kind: NetworkErrorKind::Tls,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(!error.is_transient());
    assert_no_secret(&error);
}

#[tokio::test]
async fn requests_name_the_app_and_can_go_through_a_proxy() {
    let proxy = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/tickers"))
        .respond_with(ResponseTemplate::new(200).set_body_json(tickers_body()))
        .mount(&proxy)
        .await;
    // Nothing listens on the API's own address: only the proxy can answer.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let client = ApiClient::builder()
        .base_url(format!("http://127.0.0.1:{port}/v2"))
        .proxy(proxy.uri())
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    client.get_tickers().await.expect("through the proxy");

    let requests = proxy.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 1);
    let user_agent = requests[0]
        .headers
        .get("user-agent")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    assert_eq!(
        user_agent,
        format!("CardCoins-Desktop/{}", env!("CARGO_PKG_VERSION"))
    );
}
