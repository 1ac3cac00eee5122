use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use crate::clock::Clock;
use crate::dialect::Dialect;
use crate::s3::ExpiryCheck;
use crate::uplink::Uplink;

/// How a sandbox behaves. `Default` matches the real service where the reference says how it
/// behaves, and picks values a person can practise with where it does not.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Where to listen. The default, port 0 on loopback, picks a free port.
    pub bind: SocketAddr,
    /// With a folder, orders and uploaded images survive restarts (`state.json` + `objects/`).
    pub data_dir: Option<PathBuf>,
    /// Where every deadline below reads the time. Tests pass a [`crate::ManualClock`] to move
    /// time instead of waiting for it.
    pub clock: Clock,
    /// How long an order stays `processing` after verify before the decision.
    pub decision_delay: Duration,
    /// Orders not approved within this time after creation are gone (404).
    pub order_ttl: Duration,
    /// Lifetime of a presigned S3 POST policy (the reference: 15 seconds).
    pub presign_ttl: Duration,
    /// Lifetime of an SMS/call verification code.
    pub code_ttl: Duration,
    /// Lifetime of an unused captcha token (reCAPTCHA tokens last two minutes).
    pub captcha_token_ttl: Duration,
    /// The practice reCAPTCHA's site key: tokens solved with another are refused.
    pub recaptcha_site_key: String,
    /// The hostname "registered" for the app: tokens solved on another are refused, as a real
    /// server refuses a siteverify answer whose `hostname` is not its own.
    pub captcha_hostname: String,
    /// Requests per client IP per minute before the "firewall" blocks it.
    pub rate_limit_per_minute: u32,
    /// How long a client that went over the budget is refused.
    pub rate_limit_block: Duration,
    /// A phone's 7-day volume above this needs first and last name at the payment step.
    pub kyc_name_threshold_cents: u64,
    /// A phone's 7-day volume above this adds government ID images to the required list.
    pub kyc_id_threshold_cents: u64,
    /// How often the ticker price moves, in milliseconds (`update_frequency` in the API).
    pub ticker_update_frequency_ms: u64,
    /// The ticker's starting BTC price in US cents.
    pub initial_price_usd_cents: u64,
    /// Largest image the presign accepts and the S3 policy allows (5 MB).
    pub max_image_bytes: u64,
    /// How fast the image store reads an upload's body; `None`: as fast as it comes.
    /// [`crate::SandboxHandle::set_uplink`] changes it while the sandbox runs.
    pub uplink: Option<Uplink>,
    /// When the image store holds an upload to its policy's expiration (S3: on arrival).
    pub expiry_check: ExpiryCheck,
    /// Largest order amount accepted, in cents.
    pub max_amount_cents: u64,
    /// How answers are shaped where the reference is silent (docs/api-choices.md).
    pub dialect: Dialect,
    /// The chain (`/esplora/api`): how long after approval an on-chain payout enters the mempool.
    pub chain_first_seen: Duration,
    /// How long the first payout transaction stays in the mempool before a larger batch replaces it.
    pub chain_replace_after: Duration,
    /// The time between blocks; the replacing batch is mined in the next one.
    pub chain_block_interval: Duration,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            data_dir: None,
            clock: Clock::system(),
            decision_delay: Duration::from_secs(3),
            order_ttl: Duration::from_secs(24 * 60 * 60),
            presign_ttl: Duration::from_secs(15),
            code_ttl: Duration::from_secs(10 * 60),
            captcha_token_ttl: Duration::from_secs(120),
            recaptcha_site_key: crate::captcha::PRACTICE_SITE_KEY.to_string(),
            captcha_hostname: crate::captcha::PRACTICE_HOSTNAME.to_string(),
            rate_limit_per_minute: 600,
            rate_limit_block: Duration::from_secs(60),
            kyc_name_threshold_cents: 100_000,
            kyc_id_threshold_cents: 250_000,
            ticker_update_frequency_ms: 60_000,
            initial_price_usd_cents: 6_585_000,
            max_image_bytes: 5 * 1024 * 1024,
            uplink: None,
            expiry_check: ExpiryCheck::AtArrival,
            max_amount_cents: 1_000_000,
            dialect: Dialect::Extended,
            chain_first_seen: Duration::from_secs(2),
            chain_replace_after: Duration::from_secs(10),
            chain_block_interval: Duration::from_secs(10),
        }
    }
}
