//! "View in a block explorer": the payout's transaction in the explorer chosen in Settings, in
//! the seller's browser, only when they click.

use cardcoins_core::{ErrorCode, Reason};

use crate::error::AppError;
use crate::settings::Settings;
use crate::state::AppState;

/// Where a transaction is shown unless Settings names another explorer.
pub const DEFAULT_EXPLORER: &str = "https://mempool.space/tx/{txid}";

/// The explorer's page for `txid`: the template with `{txid}` filled in. Only a well-formed
/// transaction ID goes in, and only to an https page (or http to an onion service).
pub fn transaction_link(template: Option<&str>, txid: &str) -> Result<url::Url, AppError> {
    let txid = txid.trim();
    if txid.len() != 64 || !txid.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::because(
            ErrorCode::InvalidSettings,
            Reason::new("reason-explorer-not-txid"),
        ));
    }
    let template = template
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(DEFAULT_EXPLORER);
    let bad = || {
        AppError::because(
            ErrorCode::InvalidSettings,
            Reason::new("reason-explorer-template"),
        )
    };
    if !template.contains("{txid}") {
        return Err(bad());
    }
    let link = url::Url::parse(&template.replace("{txid}", &txid.to_ascii_lowercase()))
        .map_err(|_| bad())?;
    let onion = link.host_str().is_some_and(|host| host.ends_with(".onion"));
    match link.scheme() {
        "https" => Ok(link),
        "http" if onion => Ok(link),
        _ => Err(bad()),
    }
}

/// Checks the explorer when Settings are saved.
pub fn check_settings(settings: &Settings) -> Result<(), AppError> {
    transaction_link(settings.explorer_url.as_deref(), &"0".repeat(64)).map(drop)
}

/// Opens the transaction in the block explorer Settings name, only when the seller clicks.
pub async fn open_in_explorer(state: &AppState, txid: &str) -> Result<(), AppError> {
    let link = transaction_link(state.settings().explorer_url.as_deref(), txid)?;
    state
        .shell()
        .open_externally(link.as_str())
        .map_err(|error| {
            tracing::warn!(%error, "the browser could not be opened");
            AppError::because(ErrorCode::Io, Reason::new("reason-browser-failed"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXID: &str = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

    #[test]
    fn fills_the_template_and_refuses_what_could_mislead() {
        assert_eq!(
            transaction_link(None, TXID).expect("default").as_str(),
            format!("https://mempool.space/tx/{TXID}")
        );
        let onion =
            "http://mempoolhqx4isw62xs7abwphsq7ldayuidyx2v2oethdhhj6mlo2r6ad.onion/tx/{txid}";
        assert!(transaction_link(Some(onion), TXID).is_ok());
        for bad in [
            "http://example.com/tx/{txid}",
            "https://example.com/",
            "file:///{txid}",
        ] {
            assert!(transaction_link(Some(bad), TXID).is_err(), "{bad}");
        }
        assert!(transaction_link(None, "ab").is_err());
        assert!(transaction_link(None, &format!("{}/../x", &TXID[..60])).is_err());
    }
}
