//! The practice server's control endpoints (`/sandbox/...`): the codes it "sent" and fresh
//! captcha tokens. They exist only on the sandbox; the real API answers 404.

use cardcoins_core::{PhoneNumber, Reason};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::client::ApiClient;
use crate::envelope::read_capped;
use crate::error::ApiError;

/// A confirmation code the sandbox delivered instead of a phone company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    /// E.164.
    pub phone: String,
    pub code: String,
    /// "sms" or "call".
    pub channel: String,
    /// ISO 8601, as the sandbox wrote it.
    pub sent_at: String,
}

#[derive(Deserialize)]
struct TokenWire {
    token: String,
}

impl ApiClient {
    /// The codes the sandbox has sent (a bare JSON list), oldest first, optionally only those to `phone`.
    #[tracing::instrument(skip_all)]
    pub async fn sandbox_outbox(
        &self,
        phone: Option<&PhoneNumber>,
    ) -> Result<Vec<OutboxMessage>, ApiError> {
        let mut url = self.root_endpoint(&["sandbox", "outbox"]);
        if let Some(phone) = phone {
            url.query_pairs_mut().append_pair("phone", phone.e164());
        }
        let body = self.control_call(self.http.get(url)).await?;
        serde_json::from_value(body).map_err(|error| ApiError::Decode {
            detail: format!("the sandbox outbox was not a list of messages: {error}"),
        })
    }

    /// A fresh practice captcha token, as the captcha page would hand out.
    #[tracing::instrument(skip_all)]
    pub async fn sandbox_captcha_token(&self) -> Result<String, ApiError> {
        let url = self.root_endpoint(&["sandbox", "captcha", "token"]);
        let body = self.control_call(self.http.post(url)).await?;
        let wire: TokenWire = serde_json::from_value(body).map_err(|error| ApiError::Decode {
            detail: format!("the sandbox gave no captcha token: {error}"),
        })?;
        Ok(wire.token)
    }

    async fn control_call(&self, request: reqwest::RequestBuilder) -> Result<Value, ApiError> {
        let response = request.send().await.map_err(ApiError::from_transport)?;
        let status = response.status();
        let body = read_capped(response).await?;
        if status == reqwest::StatusCode::NOT_FOUND {
            return Err(ApiError::Config {
                reason: Reason::new("reason-sandbox-no-controls"),
            });
        }
        if !status.is_success() {
            return Err(ApiError::BadRequest {
                message: format!(
                    "the sandbox refused the control request (HTTP {})",
                    status.as_u16()
                ),
            });
        }
        serde_json::from_slice(&body).map_err(|error| ApiError::Decode {
            detail: format!("the sandbox answer was not JSON: {error}"),
        })
    }
}
