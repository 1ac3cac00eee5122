use cardcoins_core::{Cents, Destination, OrderId, PhoneNumber};
use serde_json::{Map, Value};

use crate::client::ApiClient;
use crate::error::ApiError;
use crate::types::{Ack, CreatedOrderWire, OrderDataWire, OrderDetails};

/// The only cryptocurrency the API sells.
const CURRENCY: &str = "bitcoin";

/// What Create New Order needs: the card's value, and optionally the phone and payout
/// destination (both can also be given later).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrder {
    pub amount: Cents,
    pub phone: Option<PhoneNumber>,
    pub destination: Option<Destination>,
}

impl NewOrder {
    pub fn new(amount: Cents) -> NewOrder {
        NewOrder {
            amount,
            phone: None,
            destination: None,
        }
    }

    pub fn with_phone(mut self, phone: PhoneNumber) -> NewOrder {
        self.phone = Some(phone);
        self
    }

    pub fn with_destination(mut self, destination: Destination) -> NewOrder {
        self.destination = Some(destination);
        self
    }
}

/// What Update Existing Order may change (only until the phone is verified).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderUpdate {
    pub phone: Option<PhoneNumber>,
    pub destination: Option<Destination>,
}

impl OrderUpdate {
    pub fn is_empty(&self) -> bool {
        self.phone.is_none() && self.destination.is_none()
    }
}

impl ApiClient {
    /// Create New Order. Sent once, never repeated: a lost answer must not make two orders.
    ///
    /// The returned ID is the order's only key: keep it, never log it.
    #[tracing::instrument(skip_all, fields(amount = order.amount.get()))]
    pub async fn create_order(&self, order: &NewOrder) -> Result<OrderId, ApiError> {
        let mut body = Map::new();
        body.insert("amount".into(), Value::from(order.amount.get()));
        body.insert("currency".into(), Value::from(CURRENCY));
        insert_phone_and_destination(&mut body, order.phone.as_ref(), order.destination.as_ref());
        let created = self
            .post_data::<CreatedOrderWire, _>(
                "create_order",
                self.endpoint(&["orders"]),
                &body,
                None,
            )
            .await?;
        let id = created.into_order_id()?;
        tracing::info!(order = %id.redacted(), "order created");
        Ok(id)
    }

    /// Update Existing Order: change the phone number or the payout destination before the phone
    /// is verified (afterwards the server answers 403).
    #[tracing::instrument(skip_all, fields(order = %order.redacted()))]
    pub async fn update_order(
        &self,
        order: &OrderId,
        update: &OrderUpdate,
    ) -> Result<Ack, ApiError> {
        let mut body = Map::new();
        insert_phone_and_destination(
            &mut body,
            update.phone.as_ref(),
            update.destination.as_ref(),
        );
        let message = self
            .post_message(
                "update_order",
                self.endpoint(&["orders", order.expose_secret()]),
                &body,
                Some(order),
            )
            .await?;
        Ok(Ack { message })
    }

    /// Get Existing Order. Repeated after transient failures.
    #[tracing::instrument(skip_all, fields(order = %order.redacted()))]
    pub async fn get_order(&self, order: &OrderId) -> Result<OrderDetails, ApiError> {
        let wire = self
            .get_data::<OrderDataWire>(
                "get_order",
                self.endpoint(&["orders", order.expose_secret()]),
                Some(order),
            )
            .await?;
        Ok(wire.into_details(Some(order)))
    }
}

pub(crate) fn insert_phone_and_destination(
    body: &mut Map<String, Value>,
    phone: Option<&PhoneNumber>,
    destination: Option<&Destination>,
) {
    if let Some(phone) = phone {
        body.insert("phone_number".into(), Value::from(phone.e164()));
    }
    insert_destination(body, destination);
}

pub(crate) fn insert_destination(body: &mut Map<String, Value>, destination: Option<&Destination>) {
    if let Some(destination) = destination {
        body.insert(
            destination.api_field().json_key().into(),
            Value::from(destination.api_value()),
        );
    }
}
