use cardcoins_core::{Destination, OrderId, PersonName};
use serde_json::{Map, Value};

use crate::client::ApiClient;
use crate::error::{ApiError, RefusedRequest};
use crate::orders::insert_destination;
use crate::types::Ack;

/// What Address/Invoice - Submit takes. Everything is optional: with the destination given at
/// creation and no name required, the body is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentDetails {
    pub destination: Option<Destination>,
    /// Needed when the order says `name_required` (weekly volume past the KYC threshold).
    pub name: Option<PersonName>,
    /// Needed only after several failures.
    pub captcha_token: Option<String>,
}

impl ApiClient {
    /// Address/Invoice - Submit. Sent once, never repeated automatically.
    #[tracing::instrument(skip_all, fields(order = %order.redacted()))]
    pub async fn submit_payment(
        &self,
        order: &OrderId,
        details: &PaymentDetails,
    ) -> Result<Ack, ApiError> {
        let mut body = Map::new();
        insert_destination(&mut body, details.destination.as_ref());
        if let Some(name) = &details.name {
            body.insert("first_name".into(), Value::from(name.first.trim()));
            body.insert("last_name".into(), Value::from(name.last.trim()));
        }
        if let Some(token) = &details.captcha_token {
            body.insert("recaptcha_response".into(), Value::from(token.as_str()));
        }
        let message = self
            .post_message(
                "submit_payment",
                self.endpoint(&["orders", order.expose_secret(), "payment"]),
                &body,
                Some(order),
            )
            .await
            .map_err(|error| error.into_refusal_of(RefusedRequest::Payment))?;
        Ok(Ack { message })
    }
}
