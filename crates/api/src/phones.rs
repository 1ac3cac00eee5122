use cardcoins_core::{OrderId, PhoneNumber};
use serde_json::{Map, Value};

use crate::client::ApiClient;
use crate::error::{ApiError, RefusedRequest};
use crate::orders::OrderUpdate;
use crate::types::Ack;

/// How the confirmation code reaches the seller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeChannel {
    #[default]
    Sms,
    /// An automated phone call reads the code.
    Call,
}

impl ApiClient {
    /// Phone Number Verification - Dispatch: sends a code by SMS or call. Needs a fresh captcha
    /// token. Sent once, never repeated automatically: each call sends a message to a phone.
    #[tracing::instrument(skip_all, fields(order = %order.redacted(), channel = ?channel))]
    pub async fn send_phone_code(
        &self,
        order: &OrderId,
        phone: &PhoneNumber,
        captcha_token: &str,
        channel: CodeChannel,
    ) -> Result<Ack, ApiError> {
        let mut body = Map::new();
        body.insert("phone_number".into(), Value::from(phone.e164()));
        // docs/api-choices.md: a JSON boolean, and no field at all for SMS.
        if channel == CodeChannel::Call {
            body.insert("call".into(), Value::Bool(true));
        }
        body.insert("recaptcha_response".into(), Value::from(captcha_token));
        let message = self
            .post_message(
                "send_phone_code",
                self.phones_url(&["phones"], order),
                &body,
                Some(order),
            )
            .await
            .map_err(|error| error.into_refusal_of(RefusedRequest::SendCode))?;
        Ok(Ack { message })
    }

    /// Phone Number Verification - Submit: confirms the phone with the code it received. After
    /// several wrong codes the server also wants a captcha token. Sent once, never repeated
    /// automatically: repeated attempts count against the seller.
    #[tracing::instrument(skip_all, fields(order = %order.redacted()))]
    pub async fn submit_phone_code(
        &self,
        order: &OrderId,
        phone: &PhoneNumber,
        code: &str,
        captcha_token: Option<&str>,
    ) -> Result<Ack, ApiError> {
        let mut body = Map::new();
        body.insert("phone_number".into(), Value::from(phone.e164()));
        body.insert("verification_code".into(), Value::from(code.trim()));
        if let Some(token) = captcha_token {
            body.insert("recaptcha_response".into(), Value::from(token));
        }
        let message = self
            .post_message(
                "submit_phone_code",
                self.phones_url(&["phones", "code"], order),
                &body,
                Some(order),
            )
            .await
            .map_err(|error| error.into_refusal_of(RefusedRequest::SubmitCode))?;
        Ok(Ack { message })
    }

    /// Associates the number with the order (Update Existing Order), then asks for the code:
    /// the reference sends the code "to the phone number associated with the order", and the
    /// number may have changed since the order was created. A 403 to the update (a server that
    /// no longer lets the number change) is left for the dispatch's own answer to explain.
    #[tracing::instrument(skip_all, fields(order = %order.redacted(), channel = ?channel))]
    pub async fn ask_for_code(
        &self,
        order: &OrderId,
        phone: &PhoneNumber,
        captcha_token: &str,
        channel: CodeChannel,
    ) -> Result<Ack, ApiError> {
        let update = OrderUpdate {
            phone: Some(phone.clone()),
            destination: None,
        };
        match self.update_order(order, &update).await {
            Ok(_) => {}
            Err(ApiError::Forbidden { .. }) => {
                tracing::info!("the number could not be updated; asking for the code anyway");
            }
            Err(ApiError::BadRequest { message }) => {
                return Err(ApiError::Refused {
                    request: RefusedRequest::SendCode,
                    message,
                })
            }
            Err(error) => return Err(error),
        }
        self.send_phone_code(order, phone, captcha_token, channel)
            .await
    }

    fn phones_url(&self, segments: &[&str], order: &OrderId) -> url::Url {
        let mut url = self.endpoint(segments);
        url.query_pairs_mut()
            .append_pair("order_id", order.expose_secret());
        url
    }
}
