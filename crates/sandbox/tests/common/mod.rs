//! Test helpers. Everything goes over real HTTP on 127.0.0.1 with a plain reqwest client,
//! not the project's API client, so the two cannot agree on a mistake.
#![allow(dead_code)]

use std::time::{Duration, SystemTime};

use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{Secp256k1, SecretKey};
use cardcoins_sandbox::{Clock, ManualClock, Sandbox, SandboxConfig, SandboxHandle};
use lightning_invoice::{Currency, InvoiceBuilder, PaymentSecret};
use reqwest::multipart::{Form, Part};
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};

/// The reference's on-chain example (a valid mainnet P2PKH address).
pub const ADDRESS: &str = "12c6DSiU4Rq3P4ZxziKxzrL5LmMBrzjrJX";
pub const BECH32_ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
/// BIP173's testnet vector: valid, but for the wrong network.
pub const TESTNET_ADDRESS: &str = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
pub const PHONE: &str = "+11231231234";

/// A tiny JPEG header is all the sandbox's review looks at.
pub const JPEG: &[u8] = &[
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00, 0xFF, 0xD9,
];

pub fn fast_config() -> SandboxConfig {
    SandboxConfig {
        decision_delay: Duration::from_millis(200),
        ..SandboxConfig::default()
    }
}

pub struct Harness {
    pub sandbox: SandboxHandle,
    pub http: Client,
    /// The sandbox's time: it stands still until a test advances it, so nothing is decided or
    /// expires behind a test's back, and no test waits for time to pass.
    pub clock: ManualClock,
    decision_delay: Duration,
}

impl Harness {
    pub async fn start() -> Self {
        Self::with(fast_config()).await
    }

    /// Starts a sandbox with `config` on a fresh manual clock (whatever clock `config` names).
    pub async fn with(config: SandboxConfig) -> Self {
        let clock = ManualClock::starting_now();
        let decision_delay = config.decision_delay;
        let config = SandboxConfig {
            clock: Clock::from(&clock),
            ..config
        };
        let sandbox = Sandbox::start(config).await.expect("sandbox starts");
        let http = cardcoins_http::client_builder()
            .timeout(Duration::from_secs(30))
            .build()
            .expect("reqwest client");
        Self {
            sandbox,
            http,
            clock,
            decision_delay,
        }
    }

    /// Moves the clock to the moment a decision requested now is due.
    pub fn pass_decision_delay(&self) {
        self.clock.advance(self.decision_delay);
    }

    /// `path` is relative to the API base, e.g. "orders/abc".
    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.sandbox.api_base_url())
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.sandbox.local_addr())
    }

    /// Sets a control route under `/sandbox/` ("faults", "uplink", "expiry_check") to `body`,
    /// JSON text, as the app's practice settings do.
    pub async fn set_control(&self, route: &str, body: &str) -> (StatusCode, Value) {
        let response = self
            .http
            .post(format!("{}/sandbox/{route}", self.origin()))
            .body(body.to_string())
            .send()
            .await
            .expect("control POST sent");
        into_json(response).await
    }

    /// What a control route under `/sandbox/` is set to now.
    pub async fn control(&self, route: &str) -> Value {
        let response = self
            .http
            .get(format!("{}/sandbox/{route}", self.origin()))
            .send()
            .await
            .expect("control GET sent");
        let (status, value) = into_json(response).await;
        assert_eq!(status, StatusCode::OK, "{value}");
        value
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        into_json(
            self.http
                .get(self.url(path))
                .send()
                .await
                .expect("GET sent"),
        )
        .await
    }

    /// Sent like the reference's curl examples: `-d` with no JSON content type.
    pub async fn post(&self, path: &str, body: &str) -> (StatusCode, Value) {
        let request = self
            .http
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_string());
        into_json(request.send().await.expect("POST sent")).await
    }

    pub async fn post_json(&self, path: &str, body: Value) -> (StatusCode, Value) {
        into_json(
            self.http
                .post(self.url(path))
                .json(&body)
                .send()
                .await
                .expect("POST sent"),
        )
        .await
    }

    pub async fn create_order(&self, amount: u64) -> String {
        let (status, body) = self
            .post_json("orders", json!({"amount": amount, "currency": "bitcoin"}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["data"]["order_id"]
            .as_str()
            .expect("order_id")
            .to_string()
    }

    pub async fn order(&self, order_id: &str) -> Value {
        let (status, body) = self.get(&format!("orders/{order_id}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["data"].clone()
    }

    pub async fn captcha_token(&self) -> String {
        let response = self
            .http
            .post(format!("{}/sandbox/captcha/token", self.origin()))
            .send()
            .await
            .expect("token request");
        let body: Value = response.json().await.expect("token json");
        body["token"].as_str().expect("token").to_string()
    }

    pub async fn dispatch(&self, order_id: &str, phone: &str) -> (StatusCode, Value) {
        let token = self.captcha_token().await;
        self.post_json(
            &format!("phones?order_id={order_id}"),
            json!({"phone_number": phone, "recaptcha_response": token}),
        )
        .await
    }

    /// The latest code in the outbox for `phone`, read over the control endpoint.
    pub async fn latest_code(&self, phone: &str) -> String {
        let response = self
            .http
            .get(format!("{}/sandbox/outbox", self.origin()))
            .query(&[("phone", phone)])
            .send()
            .await
            .expect("outbox request");
        let messages: Value = response.json().await.expect("outbox json");
        messages
            .as_array()
            .and_then(|list| list.last())
            .and_then(|message| message["code"].as_str())
            .expect("a code in the outbox")
            .to_string()
    }

    pub async fn verify_phone(&self, order_id: &str, phone: &str) {
        let (status, body) = self.dispatch(order_id, phone).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let code = self.latest_code(phone).await;
        let (status, body) = self
            .post_json(
                &format!("phones/code?order_id={order_id}"),
                json!({"phone_number": phone, "verification_code": code}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    /// created -> phone verified -> payment accepted: the order is `authorized`.
    pub async fn authorized_order(&self, amount: u64, phone: &str, payment: Value) -> String {
        let order_id = self.create_order(amount).await;
        self.verify_phone(&order_id, phone).await;
        let (status, body) = self
            .post_json(&format!("orders/{order_id}/payment"), payment)
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        order_id
    }

    pub async fn presign(
        &self,
        order_id: &str,
        slot: &str,
        file_name: &str,
        size: usize,
    ) -> (StatusCode, Value) {
        self.post_json(
            &format!("orders/{order_id}/images/{slot}"),
            json!({"file_name": file_name, "file_size": size.to_string()}),
        )
        .await
    }

    /// Presign then POST `content` to S3; panics unless both succeed.
    pub async fn upload_image(&self, order_id: &str, slot: &str, content: &[u8]) {
        let (status, body) = self
            .presign(order_id, slot, "photo.jpg", content.len())
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let response = s3_post(&self.http, &body["data"], content).await;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(status, StatusCode::CREATED, "{text}");
    }

    pub async fn upload_required_images(&self, order_id: &str) {
        let order = self.order(order_id).await;
        for image in order["required_images"]
            .as_array()
            .expect("required_images")
        {
            let slot = image["image_type"].as_str().expect("image_type");
            self.upload_image(order_id, slot, JPEG).await;
        }
    }

    /// The order once its decision is due: the clock passes the decision delay, then one Get.
    pub async fn decision(&self, order_id: &str) -> Value {
        self.pass_decision_delay();
        let order = self.order(order_id).await;
        assert_ne!(order["status"], "processing", "no decision: {order}");
        order
    }
}

pub async fn into_json(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response.text().await.expect("body");
    let body =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
    (status, body)
}

/// The S3 POST form built from the presign `data` (`url` + `fields`), fields in order, the file
/// last; tests edit it to tamper with the upload.
pub struct S3Form {
    pub url: String,
    pub fields: Vec<(String, String)>,
    pub content_type: String,
}

impl S3Form {
    pub fn from_presign(presign: &Value) -> Self {
        let fields: Vec<(String, String)> = presign["fields"]
            .as_object()
            .expect("fields")
            .iter()
            .map(|(name, value)| {
                (
                    name.clone(),
                    value.as_str().expect("string field").to_string(),
                )
            })
            .collect();
        let content_type = fields
            .iter()
            .find(|(name, _)| name == "Content-Type")
            .map(|(_, value)| value.clone())
            .unwrap_or_else(|| "image/jpeg".into());
        Self {
            url: presign["url"].as_str().expect("url").to_string(),
            fields,
            content_type,
        }
    }

    pub fn set(mut self, name: &str, value: &str) -> Self {
        match self.fields.iter_mut().find(|(field, _)| field == name) {
            Some(field) => field.1 = value.to_string(),
            None => self.fields.push((name.to_string(), value.to_string())),
        }
        self
    }

    pub fn remove(mut self, name: &str) -> Self {
        self.fields.retain(|(field, _)| field != name);
        self
    }

    pub async fn send(self, http: &Client, content: &[u8]) -> Response {
        self.try_send(http, content).await.expect("S3 POST sent")
    }

    /// For uploads whose connection may break before an answer.
    pub async fn try_send(self, http: &Client, content: &[u8]) -> reqwest::Result<Response> {
        let mut form = Form::new();
        for (name, value) in self.fields {
            form = form.text(name, value);
        }
        let file = Part::bytes(content.to_vec())
            .file_name("card_image1.jpg")
            .mime_str(&self.content_type)
            .expect("mime");
        form = form.part("file", file);
        http.post(&self.url).multipart(form).send().await
    }
}

pub async fn s3_post(http: &Client, presign: &Value, content: &[u8]) -> Response {
    S3Form::from_presign(presign).send(http, content).await
}

/// Status and body of an S3 answer (XML).
pub async fn s3_answer(response: Response) -> (StatusCode, String) {
    let status = response.status();
    (status, response.text().await.expect("S3 body"))
}

/// A zero-amount mainnet BOLT11 invoice, signed with a test key, valid for an hour.
pub fn zero_amount_invoice() -> String {
    invoice(None, Duration::from_secs(3600))
}

pub fn invoice(amount_msat: Option<u64>, expiry: Duration) -> String {
    let key = SecretKey::from_slice(&[0x41; 32]).expect("key");
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .expect("clock");
    let builder = InvoiceBuilder::new(Currency::Bitcoin)
        .description("CardCoins sandbox test".into())
        .payment_hash(sha256::Hash::hash(b"sandbox preimage"))
        .payment_secret(PaymentSecret([0x42; 32]))
        .duration_since_epoch(now - Duration::from_secs(60))
        .expiry_time(expiry)
        .min_final_cltv_expiry_delta(144);
    let builder = match amount_msat {
        Some(msat) => builder.amount_milli_satoshis(msat),
        None => builder,
    };
    builder
        .build_signed(|hash| Secp256k1::new().sign_ecdsa_recoverable(hash, &key))
        .expect("signed invoice")
        .to_string()
}

pub fn is_hex64(value: &Value) -> bool {
    value
        .as_str()
        .is_some_and(|text| text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()))
}
