use cardcoins_core::Cents;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// One currency's price, all fees included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticker {
    /// "bitcoin"
    pub name: String,
    /// "BTC"
    #[serde(default)]
    pub symbol: String,
    /// The price of one whole coin in US cents.
    pub price_usd: Cents,
    /// Whether orders can be made in this currency now.
    #[serde(default)]
    pub enabled: bool,
}

/// The answer of Get All Tickers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tickers {
    pub currencies: Vec<Ticker>,
    #[serde(
        default,
        deserialize_with = "super::timestamp::lenient",
        serialize_with = "time::serde::rfc3339::option::serialize"
    )]
    pub last_updated_at: Option<OffsetDateTime>,
    /// How often the prices change, in milliseconds.
    #[serde(
        default,
        rename(deserialize = "update_frequency"),
        alias = "update_frequency_ms"
    )]
    pub update_frequency_ms: Option<u64>,
}

impl Tickers {
    /// The bitcoin ticker, the only pair the API supports.
    pub fn bitcoin(&self) -> Option<&Ticker> {
        self.currencies
            .iter()
            .find(|ticker| ticker.name.eq_ignore_ascii_case("bitcoin"))
            .or_else(|| {
                self.currencies
                    .iter()
                    .find(|ticker| ticker.symbol.eq_ignore_ascii_case("BTC"))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_reference_example_and_ignores_unknown_fields() {
        let tickers: Tickers = serde_json::from_str(
            r#"{"currencies":[{"name":"bitcoin","symbol":"BTC","price_usd":6568950,"enabled":true,"extra":1}],
                "last_updated_at":"2021-04-28T23:35:50.977Z","update_frequency":60000,"new_field":[]}"#,
        )
        .expect("reference example");
        let bitcoin = tickers.bitcoin().expect("bitcoin");
        assert_eq!(bitcoin.price_usd, Cents::new(6_568_950));
        assert!(bitcoin.enabled);
        assert_eq!(tickers.update_frequency_ms, Some(60_000));
        assert!(tickers.last_updated_at.is_some());
    }

    #[test]
    fn an_unreadable_timestamp_is_dropped_not_fatal() {
        let tickers: Tickers =
            serde_json::from_str(r#"{"currencies":[],"last_updated_at":"yesterday-ish"}"#)
                .expect("lenient");
        assert_eq!(tickers.last_updated_at, None);
        assert!(tickers.bitcoin().is_none());
    }
}
