//! Answers found by the `api_response` fuzz target (fuzz/README.md), kept as regressions. Each
//! input is also in fuzz/corpus/api_response, so every fuzz run replays it.

use cardcoins_api::responses;
use cardcoins_core::{ErrorCode, OrderId};

fn order() -> OrderId {
    OrderId::parse("yD1gHCUWjh").expect("the reference's order ID")
}

/// serde's errors quote the value they could not read; when the server put the order ID where
/// something else belonged, the ID (a bearer secret) went into the error's text, which the app
/// shows and logs. Found by the fuzzer as a presign whose `url` held the ID, minimised to a bare
/// JSON string.
#[test]
fn the_order_id_never_appears_in_a_decode_error() {
    let id = order();
    let bodies: [&[u8]; 3] = [
        include_bytes!("../../../fuzz/corpus/api_response/regress-order-id-echoed-by-serde"),
        include_bytes!("../../../fuzz/corpus/api_response/regress-order-id-echoed-in-presign-url"),
        br#"{"message":"","data":{"status":"created","order":"yD1gHCUWjh"}}"#,
    ];
    for body in bodies {
        let errors = [
            responses::order(200, body, Some(&id)).map(|_| ()),
            responses::presign(200, body, Some(&id)).map(|_| ()),
            responses::message(200, body, Some(&id)).map(|_| ()),
        ];
        for error in errors.into_iter().filter_map(Result::err) {
            let text = error.to_string();
            // JSON of the wrong shape cannot be read; a body that is not JSON at all is taken
            // for something in front of the API (a firewall's page).
            assert!(
                matches!(
                    error.code(),
                    ErrorCode::UnreadableAnswer | ErrorCode::TemporarilyBlocked
                ),
                "{error:?}"
            );
            assert!(!text.contains(id.expose_secret()), "leaked: {text}");
        }
    }
    // What is left says where the ID was, redacted.
    let error = responses::order(200, bodies[0], Some(&id)).expect_err("not an order");
    assert!(error.to_string().contains(r#"string "yD1…""#), "{error}");
}
