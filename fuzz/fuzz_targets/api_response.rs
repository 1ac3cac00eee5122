//! Every answer the client reads comes from the network: the CardCoins API, a proxy or captive
//! portal in between, or the image store. This feeds arbitrary bytes as the body of each kind of
//! answer to `cardcoins_api::responses`, the client's own reading of a body once it is read (the
//! `{"message", "data"}` envelope, then the order, tickers, created order, presign and
//! message-only shapes, and the image store's XML), with a success status and with each error
//! status the client tells apart.
//!
//! It must never panic, and the order ID, a bearer secret, must never appear in the text of an
//! error, whatever the server echoes.
#![no_main]

use std::sync::LazyLock;

use cardcoins_api::{responses, ApiError, Presign};
use cardcoins_core::OrderId;
use libfuzzer_sys::fuzz_target;

/// The reference's example order ID: the corpus's answers carry it.
static ORDER: LazyLock<OrderId> = LazyLock::new(|| OrderId::parse("yD1gHCUWjh").unwrap());
static PRESIGN: LazyLock<Presign> = LazyLock::new(|| {
    responses::presign(
        200,
        br#"{"message":"","data":{"url":"https://s3.amazonaws.com/cardcoins-images","fields":{"key":"h_Image1"}}}"#,
        None,
    )
    .unwrap()
});

/// Success, and each status the client maps differently (plus a redirect and an informational
/// status, which it should not see but must not trip over).
const STATUSES: [u16; 12] = [200, 201, 204, 400, 403, 404, 418, 429, 500, 503, 302, 100];

fn check(error: ApiError) {
    let text = error.to_string();
    assert!(
        !text.contains(ORDER.expose_secret()),
        "the order ID leaked into an error: {text}"
    );
    let _ = (error.code(), error.is_transient(), error.retry_after());
}

fn check_result<T>(result: Result<T, ApiError>) -> Option<T> {
    result.map_err(check).ok()
}

fuzz_target!(|data: &[u8]| {
    let order = Some(&*ORDER);
    for status in STATUSES {
        if let Some(details) = check_result(responses::order(status, data, order)) {
            // What the app makes of an order the server described: nothing here may panic, and
            // no text shown may hold the order ID.
            let progress = cardcoins_api::Progress::unknown();
            let needs = details.photos_needed(&progress);
            let _ = (details.resume_step(&progress), details.photos_rejected());
            let shown = format!("{details:?}{needs:?}");
            assert!(
                !shown.contains(ORDER.expose_secret()),
                "the order ID leaked into the order read: {shown}"
            );
        }
        // Not about an order, so there is no ID to scrub.
        if let Ok(tickers) = responses::tickers(status, data).map_err(|error| error.to_string()) {
            let _ = tickers.bitcoin();
        }
        if let Some(presign) = check_result(responses::presign(status, data, order)) {
            let _ = presign.field("key");
        }
        check_result(responses::message(status, data, order));
        // A new order's ID is the one thing the client is meant to read in full.
        let _ = responses::created_order(status, data).map_err(|error| error.to_string());
        // The image store never learns the order ID; its words are shown as they come.
        let _ = responses::upload(status, data, &PRESIGN).map_err(|error| error.to_string());
    }
});
