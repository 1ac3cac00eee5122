//! One order as the exports see it.

use cardcoins_api::{OrderDetails, SubmittedDestination};
use cardcoins_core::{Cents, OrderId, OrderStatus, Sats};
use time::OffsetDateTime;

use crate::usd::usd_value_at_receipt;

/// One order, as read from the server (and the vault, in the app). Built by the caller with
/// [`ExportRow::from_details`]; fields the caller knows better may be set directly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// When the order was made; `None` when neither the server nor the vault says.
    pub date: Option<OffsetDateTime>,
    /// The gift card's value.
    pub card_value: Cents,
    /// The bitcoin received; `None` until the order is approved or paid.
    pub sats: Option<Sats>,
    /// The price the order was quoted at, in US cents per whole bitcoin.
    pub price: Option<Cents>,
    pub status: OrderStatus,
    /// The address or invoice the payout goes to, as the server holds it.
    pub destination: Option<String>,
    pub payout: Option<PayoutRef>,
    /// Written only when the export is asked to include order IDs.
    pub order_id: Option<OrderId>,
    /// The payout address came from the seller's wallet: its number there.
    pub wallet_address: Option<WalletAddressRef>,
}

/// Which receive address of the seller's wallet an order was paid to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalletAddressRef {
    /// The address's number on the wallet's receive chain (`…/0/index`).
    pub index: u32,
    /// BIP-329's `origin` for the wallet (`wpkh([d34db33f/84'/0'/0'])`), when known.
    pub origin: Option<String>,
}

/// How the payout can be found again: on chain by its transaction, on Lightning by its payment
/// hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayoutRef {
    Txid(String),
    PaymentHash(String),
}

impl PayoutRef {
    pub fn as_str(&self) -> &str {
        match self {
            PayoutRef::Txid(text) | PayoutRef::PaymentHash(text) => text,
        }
    }
}

impl ExportRow {
    /// The row for an order as the server described it. The bitcoin counts as received once the
    /// server reports a payout amount, or, without one, once the order is approved or completed
    /// (it is then paid at the quoted amount). No order ID: add it with
    /// [`ExportRow::with_order_id`].
    pub fn from_details(details: &OrderDetails) -> ExportRow {
        let payout = details.payout.as_ref();
        let settled = matches!(
            details.status,
            OrderStatus::Approved | OrderStatus::Completed
        );
        let sats = payout
            .and_then(|payout| payout.sats)
            .or(settled.then_some(details.sats));
        let destination = payout
            .and_then(|payout| payout.destination.as_ref())
            .or(details.destination.as_ref())
            .map(|destination| match destination {
                SubmittedDestination::Address(text) | SubmittedDestination::LnInvoice(text) => {
                    text.clone()
                }
            });
        let payout_ref = payout.and_then(|payout| {
            payout
                .txid
                .clone()
                .map(PayoutRef::Txid)
                .or_else(|| payout.payment_hash.clone().map(PayoutRef::PaymentHash))
        });
        ExportRow {
            date: details.created_at,
            card_value: details.amount,
            sats,
            price: Some(details.price_usd),
            status: details.status.clone(),
            destination,
            payout: payout_ref,
            order_id: None,
            wallet_address: None,
        }
    }

    /// The row for an order in the app: what the seller did, from the vault's record, and what
    /// the server added (see [`crate::OrderFacts`]).
    #[cfg(feature = "vault")]
    pub fn from_facts(facts: &crate::OrderFacts) -> ExportRow {
        ExportRow {
            date: Some(facts.created_at),
            card_value: facts.card_value,
            sats: facts.paid_sats,
            price: facts.quote.map(|quote| quote.price),
            status: facts.status.clone(),
            destination: facts.destination.as_ref().map(|d| d.text.clone()),
            payout: facts.payout_ref.clone(),
            order_id: None,
            wallet_address: None,
        }
    }

    pub fn with_wallet_address(mut self, address: WalletAddressRef) -> ExportRow {
        self.wallet_address = Some(address);
        self
    }

    pub fn with_order_id(mut self, id: OrderId) -> ExportRow {
        self.order_id = Some(id);
        self
    }

    /// The received bitcoin's worth at the quoted price, rounded half up to the cent (see
    /// [`usd_value_at_receipt`]).
    pub fn usd_value_at_receipt(&self) -> Option<Cents> {
        Some(usd_value_at_receipt(self.sats?, self.price?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An order as Get Existing Order's `data` gives it.
    fn details(data: &str) -> OrderDetails {
        let body = format!(r#"{{"message":"","data":{data}}}"#);
        cardcoins_api::responses::order(200, body.as_bytes(), None).expect("order details")
    }

    #[test]
    fn reads_an_approved_on_chain_order() {
        let order = details(
            r#"{"status":"approved","order":{"base_currency_amount":10000,"currency_price_usd":5000000,
            "currency_amount":200000,"created_at":"2026-12-03T10:00:00Z"},
            "payout":{"address":"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4","txid":"ab12"}}"#,
        );
        let row = ExportRow::from_details(&order);
        assert_eq!(row.card_value, Cents::new(10_000));
        assert_eq!(row.sats, Some(Sats::new(200_000)));
        assert_eq!(row.price, Some(Cents::new(5_000_000)));
        assert_eq!(row.usd_value_at_receipt(), Some(Cents::new(10_000)));
        assert_eq!(
            row.destination.as_deref(),
            Some("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")
        );
        assert_eq!(row.payout, Some(PayoutRef::Txid("ab12".into())));
        assert!(row.date.is_some());
        assert_eq!(row.order_id, None);
    }

    #[test]
    fn an_open_order_has_received_nothing_yet() {
        let order = details(
            r#"{"status":"processing","order":{"base_currency_amount":5500,"currency_price_usd":6585000,
            "currency_amount":83523},"destination":"lnbc1xyz"}"#,
        );
        let row = ExportRow::from_details(&order);
        assert_eq!(row.sats, None);
        assert_eq!(row.usd_value_at_receipt(), None);
        assert_eq!(row.destination.as_deref(), Some("lnbc1xyz"));
        assert_eq!(row.date, None);
    }
}
