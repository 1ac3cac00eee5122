//! The chain server's failures, apart from the API's ([`crate::Fault`]): an Esplora server is
//! another party, and fails on its own.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::state::Shared;

/// A failure every `/esplora/api` request shows until cleared. As JSON: `"down"`, `"slow"`,
/// `"nonsense"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChainFault {
    /// Every request answers 503.
    Down,
    /// Every answer comes about three seconds late.
    Slow,
    /// Every request answers 200 with something that is not Esplora's answer: broken JSON, the
    /// wrong shape, or a web page instead of a number.
    Nonsense,
}

const SLOW_BY: Duration = Duration::from_secs(3);

pub(crate) async fn inject(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    match shared.chain.fault() {
        Some(ChainFault::Down) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Service Unavailable (sandbox chain fault: down)",
        )
            .into_response(),
        Some(ChainFault::Slow) => {
            tokio::select! {
                () = tokio::time::sleep(SLOW_BY) => next.run(request).await,
                () = shared.shutting_down() => StatusCode::SERVICE_UNAVAILABLE.into_response(),
            }
        }
        Some(ChainFault::Nonsense) => nonsense(request.uri().path()),
        None => next.run(request).await,
    }
}

/// A different kind of wrong for each kind of answer, so a client meets all of them.
fn nonsense(path: &str) -> Response {
    let (content_type, body) = if path.ends_with("/txs") {
        (
            "application/json",
            r#"{"txs": "not a list", "confirmed": 7}"#,
        )
    } else if path.ends_with("/status") {
        (
            "application/json",
            r#"{"confirmed": "perhaps", "block_height": -1"#,
        )
    } else if path.ends_with("/height") {
        ("text/html", "<html><body>Tip: tall</body></html>")
    } else {
        ("application/json", r#"[null, {"txid": 42}]"#)
    };
    (StatusCode::OK, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_forms() {
        assert_eq!(
            serde_json::to_string(&ChainFault::Nonsense).ok().as_deref(),
            Some("\"nonsense\"")
        );
        assert_eq!(
            serde_json::from_str::<Option<ChainFault>>("\"down\"").ok(),
            Some(Some(ChainFault::Down))
        );
        assert_eq!(
            serde_json::from_str::<Option<ChainFault>>("null").ok(),
            Some(None)
        );
    }
}
