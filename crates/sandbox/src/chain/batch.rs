//! The transactions the chain holds. CardCoins pays in batches (several customers in one
//! transaction) and bumps them with a larger batch (RBF): the same coin spent again, the same
//! outputs and more, a higher fee, a new txid.

use crate::clock::EpochMillis;

use super::tx::{digest_hex, virtual_size, BlockRef, ChainTx, Output, Payee};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Batch {
    /// What the API's `txid` names; never mined.
    First,
    /// The larger batch that replaces it and confirms.
    Replacement,
}

const OTHERS_IN_FIRST: usize = 2;
const OTHERS_ADDED_BY_REPLACEMENT: usize = 3;
/// Satoshis per virtual byte: the replacement must pay more to be accepted.
const FIRST_FEE_RATE: u64 = 3;
const REPLACEMENT_FEE_RATE: u64 = 12;
/// What the payer's coin holds beyond the payouts; what is left returns as change.
const CHANGE_HEADROOM: u64 = 50_000_000;

const HOT_WALLET_SEED: &[u8] = b"cardcoins-sandbox hot wallet";
const CHANGE_SEED: &[u8] = b"cardcoins-sandbox change";

/// The batch paying `sats` to `payee` for the payout `reference` (the API's txid, 64 hex digits).
/// The first batch's txid is the reference itself, so the app's txid is the one replaced.
pub(crate) fn payout_batch(
    reference: &str,
    payee: &Payee,
    sats: u64,
    batch: Batch,
    first_seen: EpochMillis,
) -> ChainTx {
    let others: Vec<Output> = (0..OTHERS_IN_FIRST + OTHERS_ADDED_BY_REPLACEMENT)
        .map(|index| other_customer(reference, index))
        .collect();
    let coin = others
        .iter()
        .map(|output| output.value)
        .fold(sats.saturating_add(CHANGE_HEADROOM), u64::saturating_add);
    let (txid, paid_others, fee_rate) = match batch {
        Batch::First => (reference.to_string(), OTHERS_IN_FIRST, FIRST_FEE_RATE),
        Batch::Replacement => (
            digest_hex(&[b"replacement", reference.as_bytes()]),
            others.len(),
            REPLACEMENT_FEE_RATE,
        ),
    };
    let mut outputs: Vec<Output> = others.into_iter().take(paid_others).collect();
    // Not always first: a client must look for its output, not assume where it is.
    let position =
        usize::from(reference.as_bytes().first().copied().unwrap_or(0)) % (outputs.len() + 1);
    outputs.insert(
        position,
        Output {
            payee: payee.clone(),
            value: sats,
        },
    );
    let fee = fee_rate.saturating_mul(virtual_size(outputs.len() + 1));
    let paid = outputs
        .iter()
        .map(|output| output.value)
        .fold(fee, u64::saturating_add);
    outputs.push(Output {
        payee: Payee::stranger(CHANGE_SEED),
        value: coin.saturating_sub(paid),
    });
    ChainTx {
        txid,
        funding_txid: digest_hex(&[b"funding", reference.as_bytes()]),
        funder: Payee::stranger(HOT_WALLET_SEED),
        outputs,
        fee,
        first_seen,
        block: None,
        held: batch == Batch::First,
    }
}

fn other_customer(reference: &str, index: usize) -> Output {
    let seed = [reference.as_bytes(), b"customer", &index.to_le_bytes()].concat();
    let amount_seed = digest_hex(&[&seed]);
    let value = u64::from_str_radix(&amount_seed[..8], 16).unwrap_or(0) % 2_000_000 + 20_000;
    Output {
        payee: Payee::stranger(&seed),
        value,
    }
}

/// A confirmed payment to `payee` from someone else, before anything the sandbox paid: an
/// address used twice. `serial` keeps two such payments apart.
pub(crate) fn earlier_payment(payee: &Payee, sats: u64, serial: u64, block: BlockRef) -> ChainTx {
    let serial = serial.to_le_bytes();
    let payer_seed = [b"earlier payer".as_slice(), &serial].concat();
    let outputs = vec![
        Output {
            payee: payee.clone(),
            value: sats,
        },
        Output {
            payee: Payee::stranger(&[payer_seed.as_slice(), b"change"].concat()),
            value: 1_000_000,
        },
    ];
    ChainTx {
        txid: digest_hex(&[
            b"earlier payment",
            payee.address.as_bytes(),
            &sats.to_le_bytes(),
            &serial,
        ]),
        funding_txid: digest_hex(&[b"earlier funding", &serial]),
        funder: Payee::stranger(&payer_seed),
        fee: 2 * virtual_size(outputs.len()),
        outputs,
        first_seen: block.time,
        block: Some(block),
        held: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    fn payee() -> Payee {
        Payee::parse("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").expect("address")
    }

    fn paid_to_payee(tx: &ChainTx) -> Vec<u64> {
        tx.outputs
            .iter()
            .filter(|output| output.payee.is(&payee().script))
            .map(|output| output.value)
            .collect()
    }

    #[test]
    fn the_replacement_is_larger_pays_more_fee_and_the_same_output() {
        let first = payout_batch(REFERENCE, &payee(), 83_523, Batch::First, 0);
        let second = payout_batch(REFERENCE, &payee(), 83_523, Batch::Replacement, 0);
        assert_eq!(first.txid, REFERENCE);
        assert_ne!(second.txid, first.txid);
        assert_eq!(second.funding_txid, first.funding_txid);
        assert!(second.outputs.len() > first.outputs.len());
        assert!(second.fee > first.fee);
        assert_eq!(paid_to_payee(&first), vec![83_523]);
        assert_eq!(paid_to_payee(&second), vec![83_523]);
        assert_eq!(
            first.json()["vin"][0]["prevout"]["value"],
            second.json()["vin"][0]["prevout"]["value"]
        );
        assert!(first.held && !second.held);
    }
}
