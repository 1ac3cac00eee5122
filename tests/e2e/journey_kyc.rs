//! A $2,600 card: over the name threshold ($1,000) and the ID threshold ($2,500) of a phone's
//! weekly volume. The payout step asks for the seller's name, the photos step adds the three ID
//! photos, all are supplied, and the order is approved. `KYC_PHONE` keeps this volume away from
//! the other journeys' phone.

#![cfg(target_os = "linux")]

use cardcoins_e2e::journey::{card_photo, scratch_dir, Journey, KYC_PHONE};
use cardcoins_e2e::{AppSession, AppSessionOptions};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
const ID_SLOTS: [&str; 3] = [
    "GovidImageFront",
    "GovidImageBack",
    "GovidImageSelfPortrait",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_the_id_threshold_names_and_id_photos() {
    let dir = scratch_dir("kyc");
    let photos: Vec<_> = ["front", "back", "id-front", "id-back", "selfie"]
        .iter()
        .map(|name| card_photo(&dir, &format!("{name}.jpg")).expect("photo"))
        .collect();
    let session = AppSession::start(AppSessionOptions::sandbox())
        .await
        .expect("app session");
    let mut journey = Journey::new(&session, "kyc").expect("journey");

    journey.amount("2600").await.expect("amount step");
    journey.phone(KYC_PHONE).await.expect("phone step");
    journey
        .payout_with_name(ADDRESS, "Bitcoin", "Ada", "Lovelace")
        .await
        .expect("payout step with the name");

    for slot in ["Image1", "Image2"].iter().chain(ID_SLOTS.iter()) {
        session
            .find_test_id(&format!("photo-slot-{slot}"))
            .await
            .unwrap_or_else(|error| panic!("a slot for {slot}: {error}"));
    }
    journey
        .scroll_to("photo-slot-GovidImageFront")
        .await
        .expect("scroll");
    journey.shot("id-slots").await.expect("screenshot");
    let slots = ["Image1", "Image2"].into_iter().chain(ID_SLOTS);
    let files: Vec<(&str, &std::path::Path)> = slots
        .zip(photos.iter())
        .map(|(slot, path)| (slot, path.as_path()))
        .collect();
    journey.photos(&files).await.expect("photos step");
    journey.submit().await.expect("submit");
    journey
        .wait_for_status("Approved", "approved")
        .await
        .expect("approved");
    session
        .find_test_id("payout-txid")
        .await
        .expect("a transaction id");
    session.close().await.expect("close");
}
