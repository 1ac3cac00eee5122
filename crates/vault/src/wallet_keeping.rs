//! The seller's watch-only wallet in the vault. Its key is kept exactly as order IDs are (the
//! system keyring, this run only, or the data file with the seller's OK): it reveals every
//! address of the wallet, so it is never logged and never written anywhere else.

use cardcoins_core::OrderStatus;
use cardcoins_wallet::{AddressLedger, IndexState};

use crate::error::VaultError;
use crate::key_store::KeyStore;
use crate::record::OrderRecord;
use crate::vault::OrderVault;
use crate::wallet_file::{self, WalletRecord};

/// The keyring entry that holds the wallet's key, beside the orders' entries (named by UUIDs).
const KEY_ENTRY: &str = "cardcoins-wallet";

/// What became of an address given to an order, as far as its status tells.
pub fn index_state(status: &OrderStatus) -> IndexState {
    match status {
        OrderStatus::Approved | OrderStatus::Completed => IndexState::Paid,
        OrderStatus::Expired | OrderStatus::Cancelled | OrderStatus::Gone => IndexState::Released,
        // Rejected photos can be sent again, and an unknown status may still pay.
        _ => IndexState::Held,
    }
}

impl OrderVault {
    /// The wallet set, without its key.
    pub fn wallet(&self) -> Option<WalletRecord> {
        self.wallet_file.wallet.clone().map(|record| WalletRecord {
            plain_key: None,
            ..record
        })
    }

    /// Keeps a wallet (replacing any other): the key where order IDs go, the rest in the
    /// wallet file.
    pub fn set_wallet(&mut self, key: &str, mut record: WalletRecord) -> Result<(), VaultError> {
        record.plain_key = None;
        self.session_wallet_key = None;
        match self.key_store {
            KeyStore::OsKeyring => {
                if let Err(error) = self.keyring.store_text(KEY_ENTRY, key) {
                    tracing::error!(%error, "the system keyring failed; keeping the wallet for this run only");
                    self.key_store = KeyStore::SessionOnly;
                    self.keyring_problem = Some(error.to_string());
                    self.session_wallet_key = Some(key.to_string());
                }
            }
            KeyStore::SessionOnly => self.session_wallet_key = Some(key.to_string()),
            KeyStore::PlainFileWithConsent => record.plain_key = Some(key.to_string()),
        }
        tracing::info!(kind = %record.kind, "wallet set");
        self.wallet_file.wallet = Some(record);
        self.save_wallet_file()
    }

    /// The wallet's key, to derive addresses from. Never log it.
    pub fn wallet_key(&self) -> Result<String, VaultError> {
        let missing = || VaultError::WalletKeyMissing;
        let record = self.wallet_file.wallet.as_ref().ok_or_else(missing)?;
        if let Some(key) = &self.session_wallet_key {
            return Ok(key.clone());
        }
        if let Some(key) = &record.plain_key {
            return Ok(key.clone());
        }
        if self.keyring_answered {
            return self.keyring.load_text(KEY_ENTRY)?.ok_or_else(missing);
        }
        Err(missing())
    }

    /// Removes the wallet and its key; the addresses it must never give again are kept, in case
    /// the same wallet is set again.
    pub fn forget_wallet(&mut self) -> Result<(), VaultError> {
        if self.keyring_answered {
            self.keyring.delete(KEY_ENTRY)?;
        }
        self.session_wallet_key = None;
        self.wallet_file.wallet = None;
        self.save_wallet_file()
    }

    /// Changes the wallet's gap limit.
    pub fn set_gap_limit(&mut self, gap_limit: u32) -> Result<(), VaultError> {
        let Some(wallet) = self.wallet_file.wallet.as_mut() else {
            return Err(VaultError::WalletKeyMissing);
        };
        wallet.gap_limit = gap_limit;
        self.save_wallet_file()
    }

    /// Which of a wallet's addresses are held, paid or free again: from the orders on this
    /// computer and the addresses never to give again.
    pub fn address_ledger(&self, wallet_id: &str) -> AddressLedger {
        let mut ledger = AddressLedger::new();
        if let Some(used) = self.wallet_file.never_again.get(wallet_id) {
            for &index in used {
                ledger.record(index, IndexState::Paid);
            }
        }
        for record in &self.orders {
            if let Some(given) = record
                .wallet_address
                .as_ref()
                .filter(|g| g.wallet == wallet_id)
            {
                ledger.record(given.index, index_state(&record.last_status));
            }
        }
        ledger
    }

    /// An address found to have history (on chain, or from an order this computer no longer
    /// follows): it is never given again.
    pub fn note_never_again(&mut self, wallet_id: &str, index: u32) -> Result<(), VaultError> {
        let added = self
            .wallet_file
            .never_again
            .entry(wallet_id.to_string())
            .or_default()
            .insert(index);
        if added {
            self.save_wallet_file()?;
        }
        Ok(())
    }

    /// Before an order is forgotten: an address it holds or was paid to stays used for good,
    /// since CardCoins may still pay to it and this computer would no longer know.
    pub(crate) fn keep_used_address_of(&mut self, record: &OrderRecord) -> Result<(), VaultError> {
        match &record.wallet_address {
            Some(given) if index_state(&record.last_status) != IndexState::Released => {
                let wallet = given.wallet.clone();
                self.note_never_again(&wallet, given.index)
            }
            _ => Ok(()),
        }
    }

    /// A key kept under an earlier consent moves into the keyring once it works; a key kept for
    /// this run moves into the file once the seller allows plain files.
    pub(crate) fn move_wallet_key(&mut self, to: KeyStore) -> Result<(), VaultError> {
        let Some(record) = self.wallet_file.wallet.as_mut() else {
            return Ok(());
        };
        match to {
            KeyStore::OsKeyring => {
                if let Some(key) = record.plain_key.take() {
                    if let Err(error) = self.keyring.store_text(KEY_ENTRY, &key) {
                        record.plain_key = Some(key);
                        return Err(error);
                    }
                    self.save_wallet_file()?;
                }
            }
            KeyStore::PlainFileWithConsent => {
                if let Some(key) = self.session_wallet_key.take() {
                    record.plain_key = Some(key);
                    self.save_wallet_file()?;
                }
            }
            KeyStore::SessionOnly => {}
        }
        Ok(())
    }

    pub(crate) fn save_wallet_file(&self) -> Result<(), VaultError> {
        wallet_file::save(&self.wallet_path, &self.wallet_file)
    }
}

#[cfg(test)]
mod tests {
    use cardcoins_core::{Cents, OrderId};
    use time::OffsetDateTime;

    use super::*;
    use crate::seller_record::WalletAddress;

    const KEY: &str = "wpkh([73c5da0a/84'/0'/0']xpub-test-material/0/*)";

    fn record() -> WalletRecord {
        WalletRecord {
            id: "wallet-a".into(),
            kind: "p2wpkh".into(),
            origin: "wpkh([73c5da0a/84'/0'/0'])".into(),
            set_at: OffsetDateTime::UNIX_EPOCH,
            gap_limit: 20,
            plain_key: None,
        }
    }

    fn order_with_address(vault: &mut OrderVault, name: &str, index: u32) -> String {
        let id = OrderId::parse(name).expect("id");
        let handle = vault
            .add(&id, Cents::new(5500), OffsetDateTime::UNIX_EPOCH, None)
            .expect("added")
            .handle;
        vault
            .update(&handle, |record| {
                record.wallet_address = Some(WalletAddress {
                    wallet: "wallet-a".into(),
                    index,
                })
            })
            .expect("updated");
        handle
    }

    #[test]
    fn the_key_is_kept_like_an_order_id() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        vault.set_wallet(KEY, record()).expect("set");
        assert_eq!(vault.wallet_key().expect("key"), KEY);
        assert_eq!(vault.wallet().expect("wallet").plain_key, None);
        let on_disk = std::fs::read_to_string(folder.path().join("wallet.json")).expect("file");
        assert!(on_disk.contains("p2wpkh"));
        assert!(!on_disk.contains("xpub-test-material"), "{on_disk}");

        let reopened = OrderVault::open_without_keyring(folder.path()).expect("reopens");
        assert!(reopened.wallet().is_some(), "what the wallet is survives");
        assert!(
            matches!(reopened.wallet_key(), Err(VaultError::WalletKeyMissing)),
            "the key was for that run only"
        );

        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("reopens");
        vault.set_wallet(KEY, record()).expect("set again");
        vault.allow_plain_file().expect("consent");
        let on_disk = std::fs::read_to_string(folder.path().join("wallet.json")).expect("file");
        assert!(
            on_disk.contains("xpub-test-material"),
            "kept in the file after the OK"
        );
        let reopened = OrderVault::open_without_keyring(folder.path()).expect("reopens");
        assert_eq!(reopened.wallet_key().expect("key"), KEY);

        let mut vault = reopened;
        vault.forget_wallet().expect("forgotten");
        assert!(vault.wallet().is_none());
        let on_disk = std::fs::read_to_string(folder.path().join("wallet.json")).expect("file");
        assert!(!on_disk.contains("xpub-test-material"), "{on_disk}");
    }

    #[test]
    fn uses_follow_each_orders_status_and_forgetting_never_frees_an_address() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        vault.set_wallet(KEY, record()).expect("set");
        let paid = order_with_address(&mut vault, "orderPAID", 0);
        let open = order_with_address(&mut vault, "orderOPEN", 1);
        let expired = order_with_address(&mut vault, "orderEXPIRED", 2);
        let at = OffsetDateTime::UNIX_EPOCH;
        vault
            .update(&paid, |r| {
                r.note_status(OrderStatus::Approved, at, None);
            })
            .expect("approved");
        vault
            .update(&expired, |r| {
                r.note_status(OrderStatus::Gone, at, None);
            })
            .expect("gone");
        let ledger = vault.address_ledger("wallet-a");
        assert_eq!(
            ledger.iter().collect::<Vec<_>>(),
            vec![
                (0, IndexState::Paid),
                (1, IndexState::Held),
                (2, IndexState::Released)
            ]
        );
        assert_eq!(ledger.next_index(), 2);
        assert_eq!(vault.address_ledger("another wallet").next_index(), 0);

        for handle in [&paid, &open, &expired] {
            vault.forget(handle).expect("forgotten");
        }
        let ledger = vault.address_ledger("wallet-a");
        assert_eq!(
            ledger.iter().collect::<Vec<_>>(),
            vec![(0, IndexState::Paid), (1, IndexState::Paid)],
            "paid and still-open addresses stay used; the expired one is free"
        );
        vault.forget_wallet().expect("wallet removed");
        assert_eq!(
            vault.address_ledger("wallet-a").next_index(),
            2,
            "kept for a wallet set again"
        );
    }
}
