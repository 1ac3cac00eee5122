//! The records end to end against the in-process sandbox: an order sold (turned down once, then
//! approved) and one only started, exported as CSV and BIP-329 and put in a support bundle,
//! through the same functions the commands call after their save dialog.

use std::path::{Path, PathBuf};

use cardcoins_core::ImageSlot;
use cardcoins_records::{read_bip329, Bip329Type, CSV_COLUMNS, ORDER_ID_COLUMN};
use cardcoins_sandbox::{ManualClock, SandboxConfig};

use crate::flow_tests::{order_at_photos, practice_in, upload_photo, write_card_photo, ADDRESS};
use crate::logging::{FILE_PREFIX, FILE_SUFFIX};
use crate::records::{self, ExportFormat};
use crate::state::AppState;
use crate::{orders, photos, vault};

/// Cents ending in 13: the sandbox turns the photos down once (README: magic values).
const REJECTED_ONCE: u64 = 5513;

/// An order taken through to its approval, turned down once on the way; its handle.
async fn sold(state: &AppState, clock: &ManualClock, folder: &Path) -> String {
    let handle = order_at_photos(state, state.sandbox().expect("sandbox"), REJECTED_ONCE).await;
    let photo = folder.join("card.png");
    write_card_photo(&photo);
    for slot in [ImageSlot::Image1, ImageSlot::Image2] {
        upload_photo(state, &handle, slot, &photo).await;
    }
    orders::submit_for_verification(state, &handle)
        .await
        .expect("review");
    orders::get_order(state, &handle).await.expect("read");
    clock.advance(SandboxConfig::default().decision_delay);
    let order = orders::get_order(state, &handle).await.expect("read");
    assert!(order.photos_rejected, "turned down once: {order:?}");
    upload_photo(state, &handle, ImageSlot::Image2, &photo).await;
    orders::submit_for_verification(state, &handle)
        .await
        .expect("review again");
    orders::get_order(state, &handle).await.expect("read");
    clock.advance(SandboxConfig::default().decision_delay);
    let order = orders::get_order(state, &handle).await.expect("read");
    assert!(order.is_final && !order.photos_rejected, "{order:?}");
    handle
}

struct Two {
    _folder: tempfile::TempDir,
    folder: PathBuf,
    state: AppState,
    sold: String,
    sold_id: String,
    started_id: String,
}

async fn two_orders() -> Two {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().to_path_buf();
    let clock = ManualClock::starting_now();
    let state = practice_in(&folder, None, Some(&clock)).await;
    let sold = sold(&state, &clock, &folder).await;
    let started = orders::create_order(&state, 5500, None)
        .await
        .expect("created")
        .handle;
    let id = |handle: String| {
        let state = &state;
        async move {
            vault::order_id(state, &handle)
                .await
                .expect("ID kept")
                .expose_secret()
                .to_string()
        }
    };
    let sold_id = id(sold.clone()).await;
    let started_id = id(started).await;
    Two {
        _folder: dir,
        folder,
        state,
        sold,
        sold_id,
        started_id,
    }
}

async fn export(two: &Two, format: ExportFormat, include_order_ids: bool) -> String {
    let path = two.folder.join(format!("export-{include_order_ids}"));
    records::export_to(&two.state, format, include_order_ids, path.clone())
        .await
        .expect("exported");
    std::fs::read_to_string(path).expect("export read")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_orders_export_as_csv_and_labels_without_ids_unless_ticked() {
    let two = two_orders().await;

    // The history the timeline shows: on the order and in the list.
    let order = orders::get_order(&two.state, &two.sold)
        .await
        .expect("read");
    let seen: Vec<&str> = order.history.iter().map(|e| e.status.as_str()).collect();
    assert!(seen.contains(&"rejected"), "{seen:?}");
    assert!(order.history.iter().all(|entry| !entry.at.is_empty()));
    let listed = vault::list_orders(&two.state).await.expect("list");
    assert!(listed.iter().any(|summary| summary.history.len() >= 3));

    let text = export(&two, ExportFormat::Csv, false).await;
    for id in [&two.sold_id, &two.started_id] {
        assert!(!text.contains(id.as_str()), "an order ID in the CSV");
    }
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, CSV_COLUMNS.to_vec());
    let rows: Vec<csv::StringRecord> = reader.records().map(|row| row.expect("row")).collect();
    assert_eq!(rows.len(), 2, "one row per order");
    let sold = rows
        .iter()
        .find(|row| &row[1] == "55.13")
        .expect("the sold order's row");
    assert!(["approved", "completed"].contains(&&sold[5]), "{sold:?}");
    assert_eq!(&sold[6], ADDRESS);
    assert!(!sold[2].is_empty() && !sold[3].is_empty() && !sold[4].is_empty());
    assert!(rows.iter().all(|row| !row[0].is_empty()), "every row dated");

    let with_ids = export(&two, ExportFormat::Csv, true).await;
    let mut reader = csv::Reader::from_reader(with_ids.as_bytes());
    assert_eq!(
        reader.headers().expect("header").get(CSV_COLUMNS.len()),
        Some(ORDER_ID_COLUMN)
    );
    let ids: Vec<String> = reader
        .records()
        .map(|row| row.expect("row")[CSV_COLUMNS.len()].to_string())
        .collect();
    assert!(ids.contains(&two.sold_id) && ids.contains(&two.started_id));

    let labels = export(&two, ExportFormat::Bip329, false).await;
    for id in [&two.sold_id, &two.started_id] {
        assert!(!labels.contains(id.as_str()), "an order ID in the labels");
    }
    let read = read_bip329(labels.as_bytes()).expect("BIP-329 reads back");
    let address = read
        .iter()
        .find(|label| label.kind == Bip329Type::Addr)
        .expect("the payout address is labelled");
    assert_eq!(address.reference, ADDRESS);
    assert!(address
        .label
        .as_deref()
        .is_some_and(|label| label.contains("$55.13")));

    let labels = export(&two, ExportFormat::Bip329, true).await;
    let read = read_bip329(labels.as_bytes()).expect("BIP-329 reads back");
    assert!(read.iter().any(|label| label
        .label
        .as_deref()
        .is_some_and(|text| text.contains(&two.sold_id))));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_support_bundle_holds_the_history_and_no_id_or_photo_unless_ticked() {
    let two = two_orders().await;
    // A photo prepared and kept for the order, as when a person is about to retake one.
    let photo = two.folder.join("again.png");
    write_card_photo(&photo);
    photos::prepare_photo(&two.state, &two.sold, ImageSlot::Image1, photo)
        .await
        .expect("prepared");
    // A log that names both orders, as a careless line might.
    let logs = two.folder.join("logs");
    std::fs::create_dir_all(&logs).expect("log folder");
    std::fs::write(
        logs.join(format!("{FILE_PREFIX}.2026-12-04.{FILE_SUFFIX}")),
        format!(
            "INFO order read id={}\nINFO other order id={}\n",
            two.sold_id, two.started_id
        ),
    )
    .expect("log written");

    let bundle = |handle: Option<String>, include: bool, name: &str| {
        let path = two.folder.join(name);
        let state = &two.state;
        let logs = logs.clone();
        async move {
            records::save_bundle_to(
                state,
                handle.as_deref(),
                include,
                Some(&logs),
                path.clone(),
                time::OffsetDateTime::now_utc(),
            )
            .await
            .expect("bundle saved");
            std::fs::read(path).expect("bundle read")
        }
    };

    let bytes = bundle(Some(two.sold.clone()), false, "bundle.json").await;
    assert!(
        !bytes.windows(3).any(|w| w == [0xFF, 0xD8, 0xFF]),
        "JPEG bytes in the bundle"
    );
    let text = String::from_utf8(bytes).expect("UTF-8");
    for photo_sign in ["data:image", "/9j/", "iVBORw0KGgo"] {
        assert!(!text.contains(photo_sign), "{photo_sign} in the bundle");
    }
    for id in [&two.sold_id, &two.started_id] {
        assert!(!text.contains(id.as_str()), "an order ID in the bundle");
    }
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["app_version"], env!("CARGO_PKG_VERSION"));
    assert!(json["os"].as_str().is_some_and(|os| !os.is_empty()));
    assert_eq!(json["log_tail"].as_array().map(Vec::len), Some(2));
    let bundled = json["orders"].as_array().expect("orders");
    assert_eq!(bundled.len(), 1, "only the chosen order");
    assert!(bundled[0].get("order_id").is_none());
    assert_eq!(bundled[0]["card_value_usd"], "55.13");
    let history: Vec<&str> = bundled[0]["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|entry| entry["status"].as_str())
        .collect();
    assert!(history.contains(&"rejected"), "{history:?}");
    assert!(history.len() >= 3, "{history:?}");

    let text =
        String::from_utf8(bundle(Some(two.sold.clone()), true, "ids.json").await).expect("UTF-8");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["orders"][0]["order_id"], two.sold_id.as_str());
    assert_eq!(
        text.matches(two.sold_id.as_str()).count(),
        1,
        "only in order_id"
    );
    assert!(
        !text.contains(two.started_id.as_str()),
        "another order's ID"
    );

    // From Settings: every order.
    let text = String::from_utf8(bundle(None, false, "all.json").await).expect("UTF-8");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["orders"].as_array().map(Vec::len), Some(2));
    for id in [&two.sold_id, &two.started_id] {
        assert!(!text.contains(id.as_str()), "an order ID in the bundle");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_order_has_no_bundle_and_names_are_dated() {
    let folder = tempfile::tempdir().expect("temp dir");
    let state = practice_in(folder.path(), None, None).await;
    let missing = records::save_bundle_to(
        &state,
        Some("no-such-handle"),
        false,
        None,
        folder.path().join("x.json"),
        time::OffsetDateTime::now_utc(),
    )
    .await;
    assert!(missing.is_err());
    assert!(!folder.path().join("x.json").exists());
    let day = time::macros::datetime!(2026-12-03 23:00 UTC);
    assert_eq!(
        ExportFormat::Csv.file_name(day),
        "cardcoins-orders-2026-12-03.csv"
    );
    assert_eq!(
        ExportFormat::Bip329.file_name(day),
        "cardcoins-orders-2026-12-03.jsonl"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receipt_is_a_pdf_with_the_sale_and_no_id_unless_ticked() {
    let two = two_orders().await;
    let receipt = records::receipt(&two.state, &two.sold)
        .await
        .expect("receipt");
    // From the app's own record: where the bitcoin went, and what was paid.
    assert_eq!(
        receipt.destination.as_ref().map(|d| d.text.as_str()),
        Some(ADDRESS)
    );
    assert!(receipt.payout.is_some(), "approved: the payout is on it");
    assert_eq!(receipt.phone_last_digits.as_deref(), Some("0000"));

    for include in [false, true] {
        let path = two.folder.join(format!("receipt-{include}.pdf"));
        records::save_receipt_to(&two.state, &two.sold, include, path.clone())
            .await
            .expect("saved");
        let bytes = std::fs::read(&path).expect("receipt read");
        assert!(bytes.starts_with(b"%PDF-"), "a PDF");
        let has_id = bytes
            .windows(two.sold_id.len())
            .any(|window| window == two.sold_id.as_bytes());
        assert_eq!(has_id, include, "the order ID only when ticked");
    }
}
