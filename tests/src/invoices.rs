//! Fresh BOLT11 invoices, signed here with a throwaway key: a pasted example would expire, and the
//! app rightly refuses expired invoices.

use std::time::{Duration, SystemTime};

use bitcoin::hashes::{sha256, Hash};
use bitcoin::secp256k1::{Secp256k1, SecretKey};
use lightning_invoice::{Currency, InvoiceBuilder, PaymentSecret};

use crate::HarnessError;

/// A mainnet invoice valid for an hour; `amount_msat: None` is the kind CardCoins pays.
pub fn fresh_invoice(amount_msat: Option<u64>) -> Result<String, HarnessError> {
    let failed = |detail: String| HarnessError::Fixture {
        what: "a Lightning invoice",
        detail,
    };
    let key = SecretKey::from_slice(&[0x41; 32]).map_err(|error| failed(error.to_string()))?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_err(|error| failed(error.to_string()))?;
    // A different payment hash every run, as a wallet would make.
    let preimage = format!("cardcoins e2e {}", now.as_nanos());
    let builder = InvoiceBuilder::new(Currency::Bitcoin)
        .description("CardCoins e2e".into())
        .payment_hash(sha256::Hash::hash(preimage.as_bytes()))
        .payment_secret(PaymentSecret([0x42; 32]))
        .duration_since_epoch(now)
        .expiry_time(Duration::from_secs(3600))
        .min_final_cltv_expiry_delta(144);
    let builder = match amount_msat {
        Some(msat) => builder.amount_milli_satoshis(msat),
        None => builder,
    };
    let invoice = builder
        .build_signed(|hash| Secp256k1::new().sign_ecdsa_recoverable(hash, &key))
        .map_err(|error| failed(error.to_string()))?;
    Ok(invoice.to_string())
}
