//! The payout watch reaches its Esplora server through the app's proxy, with names left to the
//! proxy as Tor needs (`socks5h`): the sandbox's chain, asked through the test SOCKS5 proxy.
//! No app window: the watch's client and the proxy, over loopback.

#![cfg(target_os = "linux")]

use cardcoins_e2e::socks_proxy::SocksProxy;
use cardcoins_payout_watch::{poll_once, EsploraClient, PayoutTarget, PayoutWatch, WatchState};
use cardcoins_sandbox::{Sandbox, SandboxConfig};

const ADDRESS: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_watch_goes_through_the_proxy() {
    let sandbox = Sandbox::start(SandboxConfig::default())
        .await
        .expect("sandbox");
    let proxy = SocksProxy::start().await.expect("proxy");
    let created_at = time::OffsetDateTime::now_utc();
    let chain = sandbox.esplora_base_url();
    let control = format!(
        "http://127.0.0.1:{}/sandbox/chain/payouts",
        sandbox.local_addr().port()
    );
    let sent = cardcoins_http::client_builder()
        .build()
        .expect("reqwest client")
        .post(control)
        .json(&serde_json::json!({"address": ADDRESS, "sats": 83_523}))
        .send()
        .await
        .expect("the chain's control route");
    assert!(sent.status().is_success(), "the chain took the payout");

    let client = EsploraClient::builder()
        .base_url(chain.as_str())
        .proxy(proxy.url())
        .build()
        .expect("client");
    let mut watch =
        PayoutWatch::new(PayoutTarget::new(ADDRESS, 83_523, created_at).expect("target"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while matches!(watch.state(), WatchState::Waiting) {
        assert!(std::time::Instant::now() < deadline, "never seen");
        poll_once(&client, &mut watch)
            .await
            .expect("a poll through the proxy");
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    let port = sandbox.local_addr().port();
    assert!(
        proxy
            .asked()
            .iter()
            .any(|asked| asked == &format!("127.0.0.1:{port}")),
        "the chain was asked through the proxy: {:?}",
        proxy.asked()
    );
}
