use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cardcoins_core::{Cents, OrderId, OrderStatus};
use time::OffsetDateTime;

use crate::data_file::{self, FileDamage};
use crate::error::VaultError;
use crate::key_store::{KeyStore, OsKeyring};
use crate::record::OrderRecord;
use crate::seller_record::RecordedQuote;
use crate::wallet_file::{self, WalletFile};

/// The orders on this computer. Methods block (the Secret Service answers in tens of
/// milliseconds, the file is fsynced): call them off the UI thread.
#[derive(Debug)]
pub struct OrderVault {
    path: PathBuf,
    pub(crate) keyring: OsKeyring,
    pub(crate) key_store: KeyStore,
    /// The OS store answered when the vault was opened: IDs stored there earlier are read from it
    /// even if it has failed since.
    pub(crate) keyring_answered: bool,
    pub(crate) keyring_problem: Option<String>,
    pub(crate) orders: Vec<OrderRecord>,
    plain_ids_allowed: bool,
    /// IDs for [`KeyStore::SessionOnly`]; gone when the app closes.
    session_ids: HashMap<String, OrderId>,
    damage: Option<FileDamage>,
    pub(crate) wallet_path: PathBuf,
    pub(crate) wallet_file: WalletFile,
    /// The wallet's key for [`KeyStore::SessionOnly`]; gone when the app closes.
    pub(crate) session_wallet_key: Option<String>,
}

impl OrderVault {
    /// Opens the vault whose order list lives in `folder`, with IDs in the OS credential store
    /// under `service` (the app's identifier). When the credential store does not answer, the
    /// vault falls back to [`KeyStore::SessionOnly`], or to [`KeyStore::PlainFileWithConsent`]
    /// if the person allowed that earlier; [`OrderVault::key_store`] and
    /// [`OrderVault::keyring_problem`] say which and why.
    pub fn open(folder: &Path, service: &str) -> Result<OrderVault, VaultError> {
        let keyring = OsKeyring::new(service);
        let probe = keyring.probe();
        OrderVault::open_with(folder, keyring, probe)
    }

    fn open_with(
        folder: &Path,
        keyring: OsKeyring,
        probe: Result<(), String>,
    ) -> Result<OrderVault, VaultError> {
        let path = data_file::path_in(folder);
        let loaded = data_file::load(&path)?;
        let wallet_path = wallet_file::path_in(folder);
        let wallet_file = wallet_file::load(&wallet_path)?;
        let (key_store, keyring_problem) = match probe {
            Ok(()) => (KeyStore::OsKeyring, None),
            Err(problem) => {
                tracing::warn!(%problem, "no system keyring");
                let store = if loaded.plain_ids_allowed {
                    KeyStore::PlainFileWithConsent
                } else {
                    KeyStore::SessionOnly
                };
                (store, Some(problem))
            }
        };
        let mut vault = OrderVault {
            path,
            keyring,
            keyring_answered: key_store == KeyStore::OsKeyring,
            key_store,
            keyring_problem,
            orders: loaded.orders,
            plain_ids_allowed: loaded.plain_ids_allowed,
            session_ids: HashMap::new(),
            damage: loaded.damage,
            wallet_path,
            wallet_file,
            session_wallet_key: None,
        };
        if vault.key_store == KeyStore::OsKeyring {
            vault.move_plain_ids_to_keyring()?;
            vault.move_wallet_key(KeyStore::OsKeyring)?;
        }
        // The damaged original is copied aside; writing back what was kept means the damage is
        // reported once, not at every start.
        if vault.damage.is_some() {
            if let Err(error) = vault.save() {
                tracing::warn!(%error, "could not rewrite the damaged order list");
            }
        }
        Ok(vault)
    }

    /// Where order IDs are kept in this run.
    pub fn key_store(&self) -> KeyStore {
        self.key_store
    }

    /// Why the OS credential store is not used, when it is not.
    pub fn keyring_problem(&self) -> Option<&str> {
        self.keyring_problem.as_deref()
    }

    /// What was wrong with the order list when it was opened, if anything.
    pub fn file_damage(&self) -> Option<&FileDamage> {
        self.damage.as_ref()
    }

    /// The order list file.
    pub fn file_path(&self) -> &Path {
        &self.path
    }

    /// Keeps a new order: the ID first (so a crash after this loses nothing), then its details.
    pub fn add(
        &mut self,
        id: &OrderId,
        amount: Cents,
        created_at: OffsetDateTime,
        quote: Option<RecordedQuote>,
    ) -> Result<OrderRecord, VaultError> {
        let handle = uuid::Uuid::new_v4().to_string();
        let mut record = OrderRecord::new(handle.clone(), amount, created_at);
        record.quote = quote;
        record.note_status(OrderStatus::Created, created_at, None);
        match self.key_store {
            KeyStore::OsKeyring => {
                if let Err(error) = self.keyring.store(&handle, id) {
                    // The order exists on the server now: losing its ID would lose the card's
                    // value. Keep it for this run and say, through key_store(), that the
                    // keyring stopped working.
                    tracing::error!(%error, "the system keyring failed; keeping the new order's ID for this run only");
                    self.key_store = KeyStore::SessionOnly;
                    self.keyring_problem =
                        Some(error.detail().unwrap_or_else(|| error.to_string()));
                    self.session_ids.insert(handle.clone(), id.clone());
                }
            }
            KeyStore::SessionOnly => {
                self.session_ids.insert(handle.clone(), id.clone());
            }
            KeyStore::PlainFileWithConsent => {
                record.plain_order_id = Some(id.expose_secret().to_string());
            }
        }
        self.orders.push(record.clone());
        if let Err(error) = self.save() {
            // The ID is safe in the keyring or in memory; the list entry is what failed.
            tracing::error!(%error, "the new order could not be added to the order list");
            return Err(error);
        }
        tracing::info!(order = %id.redacted(), %handle, "order kept in the vault");
        record.plain_order_id = None;
        Ok(record)
    }

    /// Every order, newest first.
    pub fn orders(&self) -> Vec<OrderRecord> {
        let mut orders: Vec<OrderRecord> = self.orders.iter().map(public).collect();
        orders.sort_by_key(|record| std::cmp::Reverse(record.created_at));
        orders
    }

    pub fn get(&self, handle: &str) -> Result<OrderRecord, VaultError> {
        self.find(handle).map(public)
    }

    /// The order's ID, to put in an API request or on the clipboard. Never log it.
    pub fn order_id(&self, handle: &str) -> Result<OrderId, VaultError> {
        let record = self.find(handle)?;
        if let Some(id) = self.session_ids.get(handle) {
            return Ok(id.clone());
        }
        if let Some(plain) = &record.plain_order_id {
            return OrderId::parse(plain).map_err(|_| VaultError::SecretMissing {
                handle: handle.to_string(),
            });
        }
        if self.keyring_answered {
            return self.keyring.load(handle);
        }
        Err(VaultError::SecretMissing {
            handle: handle.to_string(),
        })
    }

    /// Changes an order's details and saves the list.
    pub fn update(
        &mut self,
        handle: &str,
        change: impl FnOnce(&mut OrderRecord),
    ) -> Result<OrderRecord, VaultError> {
        let record = self
            .orders
            .iter_mut()
            .find(|record| record.handle == handle)
            .ok_or_else(|| unknown(handle))?;
        let plain = record.plain_order_id.take();
        change(record);
        record.handle = handle.to_string();
        record.plain_order_id = plain;
        let updated = public(record);
        self.save()?;
        Ok(updated)
    }

    /// Removes an order: its ID from wherever it is kept, then its details.
    pub fn forget(&mut self, handle: &str) -> Result<(), VaultError> {
        let record = self.find(handle)?.clone();
        self.keep_used_address_of(&record)?;
        if self.keyring_answered && !self.session_ids.contains_key(handle) {
            self.keyring.delete(handle)?;
        }
        self.session_ids.remove(handle);
        self.orders.retain(|record| record.handle != handle);
        self.save()
    }

    /// Only after the person's explicit OK, where no credential store works: from now on order
    /// IDs (this run's included) are kept unencrypted in the data file.
    pub fn allow_plain_file(&mut self) -> Result<(), VaultError> {
        if self.key_store == KeyStore::OsKeyring {
            return Ok(());
        }
        for record in &mut self.orders {
            if let Some(id) = self.session_ids.remove(&record.handle) {
                record.plain_order_id = Some(id.expose_secret().to_string());
            }
        }
        self.plain_ids_allowed = true;
        self.key_store = KeyStore::PlainFileWithConsent;
        self.move_wallet_key(KeyStore::PlainFileWithConsent)?;
        self.save()
    }

    /// IDs written to the file under an earlier consent move into the keyring once it works.
    fn move_plain_ids_to_keyring(&mut self) -> Result<(), VaultError> {
        let mut moved = false;
        for record in &mut self.orders {
            let Some(plain) = record.plain_order_id.take() else {
                continue;
            };
            match OrderId::parse(&plain) {
                Ok(id) => {
                    if let Err(error) = self.keyring.store(&record.handle, &id) {
                        record.plain_order_id = Some(plain);
                        return Err(error);
                    }
                }
                Err(_) => {
                    tracing::warn!(handle = %record.handle, "dropping an unreadable stored order ID")
                }
            }
            moved = true;
        }
        if moved || self.plain_ids_allowed {
            self.plain_ids_allowed = false;
            self.save()?;
        }
        Ok(())
    }

    fn find(&self, handle: &str) -> Result<&OrderRecord, VaultError> {
        self.orders
            .iter()
            .find(|record| record.handle == handle)
            .ok_or_else(|| unknown(handle))
    }

    fn save(&self) -> Result<(), VaultError> {
        data_file::save(&self.path, &self.orders, self.plain_ids_allowed)
    }

    #[cfg(test)]
    pub(crate) fn open_without_keyring(folder: &Path) -> Result<OrderVault, VaultError> {
        OrderVault::open_with(
            folder,
            OsKeyring::new("cardcoins-test-unused"),
            Err("no credential store in this test".to_string()),
        )
    }
}

/// A record as handed out: never with the ID in it.
fn public(record: &OrderRecord) -> OrderRecord {
    OrderRecord {
        plain_order_id: None,
        ..record.clone()
    }
}

fn unknown(handle: &str) -> VaultError {
    VaultError::UnknownOrder {
        handle: handle.chars().take(40).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cardcoins_core::FlowStep;

    fn id(text: &str) -> OrderId {
        OrderId::parse(text).expect("test ID")
    }

    fn at(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_700_000_000 + seconds).expect("time")
    }

    #[test]
    fn session_only_keeps_ids_in_memory_and_details_on_disk() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        assert_eq!(vault.key_store(), KeyStore::SessionOnly);
        assert!(vault.keyring_problem().is_some());

        let older = vault
            .add(&id("sessionSECRET1"), Cents::new(5500), at(0), None)
            .expect("added");
        let newer = vault
            .add(&id("sessionSECRET2"), Cents::new(2000), at(60), None)
            .expect("added");
        assert_eq!(
            vault.order_id(&older.handle).expect("id").expose_secret(),
            "sessionSECRET1"
        );
        let listed: Vec<String> = vault.orders().into_iter().map(|r| r.handle).collect();
        assert_eq!(
            listed,
            vec![newer.handle.clone(), older.handle.clone()],
            "newest first"
        );

        let file = std::fs::read_to_string(vault.file_path()).expect("file");
        assert!(file.contains(&older.handle));
        assert!(file.contains("\"schema_version\": 1"));
        assert!(
            !file.contains("sessionSECRET"),
            "no secret in plain text without consent"
        );

        // Next run: the details are there, the IDs are not.
        drop(vault);
        let vault = OrderVault::open_without_keyring(folder.path()).expect("reopens");
        assert_eq!(vault.orders().len(), 2);
        let missing = vault
            .order_id(&older.handle)
            .expect_err("gone with the session");
        assert_eq!(missing.code(), "vault_secret_missing");
        assert!(!missing.to_string().contains("SECRET"));
    }

    #[test]
    fn plain_file_only_after_consent_and_it_persists() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        let kept = vault
            .add(&id("consentSECRET1"), Cents::new(100), at(0), None)
            .expect("added");
        vault.allow_plain_file().expect("consent");
        assert_eq!(vault.key_store(), KeyStore::PlainFileWithConsent);
        let later = vault
            .add(&id("consentSECRET2"), Cents::new(200), at(1), None)
            .expect("added");
        let file = std::fs::read_to_string(vault.file_path()).expect("file");
        assert!(file.contains("consentSECRET1") && file.contains("consentSECRET2"));
        assert!(
            later.plain_order_id.is_none(),
            "records handed out never carry the ID"
        );

        drop(vault);
        let vault = OrderVault::open_without_keyring(folder.path()).expect("reopens");
        assert_eq!(vault.key_store(), KeyStore::PlainFileWithConsent);
        assert_eq!(
            vault.order_id(&kept.handle).expect("id").expose_secret(),
            "consentSECRET1"
        );
    }

    #[test]
    fn update_and_forget() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        let record = vault
            .add(&id("updateSECRET"), Cents::new(100), at(0), None)
            .expect("added");
        vault
            .update(&record.handle, |r| {
                r.last_status = OrderStatus::Authorized;
                r.step = FlowStep::Photos;
                r.mark_uploaded(cardcoins_core::ImageSlot::Image1);
                r.mark_uploaded(cardcoins_core::ImageSlot::Image1);
                r.handle = "changed".into();
            })
            .expect("updated");
        let reread = OrderVault::open_without_keyring(folder.path()).expect("reopens");
        let stored = reread.get(&record.handle).expect("same handle");
        assert_eq!(stored.last_status, OrderStatus::Authorized);
        assert_eq!(stored.step, FlowStep::Photos);
        assert_eq!(stored.uploaded, vec![cardcoins_core::ImageSlot::Image1]);

        vault.forget(&record.handle).expect("forgotten");
        assert_eq!(
            vault.get(&record.handle).expect_err("gone").code(),
            "unknown_order"
        );
        assert_eq!(
            vault.forget("nope").expect_err("unknown").code(),
            "unknown_order"
        );
        assert!(OrderVault::open_without_keyring(folder.path())
            .expect("reopens")
            .orders()
            .is_empty());
    }

    #[test]
    fn a_torn_file_keeps_the_readable_orders_and_a_copy() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        for n in 0..3 {
            vault
                .add(
                    &id(&format!("tornSECRET{n}")),
                    Cents::new(100 + n),
                    at(n as i64),
                    None,
                )
                .expect("added");
        }
        let path = vault.file_path().to_path_buf();
        drop(vault);
        let full = std::fs::read(&path).expect("file");
        // Cut inside the third order: the first two are whole.
        let third = String::from_utf8_lossy(&full)
            .match_indices("\"handle\"")
            .nth(2)
            .expect("third")
            .0;
        std::fs::write(&path, &full[..third + 20]).expect("torn");

        let vault = OrderVault::open_without_keyring(folder.path()).expect("opens anyway");
        let damage = vault.file_damage().expect("damage reported");
        assert_eq!((damage.kept, damage.unreadable), (2, 1));
        assert_eq!(vault.orders().len(), 2);
        let backup = damage.backup.as_ref().expect("copy kept");
        assert_eq!(std::fs::read(backup).expect("backup").len(), third + 20);
        assert!(damage.message().contains("2 order(s) were recovered"));
        drop(vault);
        let again = OrderVault::open_without_keyring(folder.path()).expect("opens again");
        assert!(
            again.file_damage().is_none(),
            "reported once, not at every start"
        );
        assert_eq!(again.orders().len(), 2);
    }

    /// A crash, a full disk or a bad sector can leave any prefix of the file. At every
    /// possible cut the vault opens, keeps every order written whole before the cut, says
    /// what it could not read, and goes on working.
    #[test]
    fn the_file_cut_at_every_byte_opens_and_keeps_the_whole_orders() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        vault.allow_plain_file().expect("consent");
        let mut handles = Vec::new();
        for n in 0..3u64 {
            let record = vault
                .add(
                    &id(&format!("cutSECRET{n}")),
                    Cents::new(100 + n),
                    at(n as i64),
                    None,
                )
                .expect("added");
            vault
                .update(&record.handle, |r| {
                    r.step = FlowStep::Photos;
                    r.mark_uploaded(cardcoins_core::ImageSlot::Image1);
                })
                .expect("updated");
            handles.push(record.handle);
        }
        let path = vault.file_path().to_path_buf();
        drop(vault);
        let full = std::fs::read(&path).expect("file");
        let text = String::from_utf8_lossy(&full).into_owned();
        // Where each order's entry ends in the file: an order is whole once its own `}` is
        // there, past those of the objects inside it (its status history).
        let order_ends: Vec<usize> = handles
            .iter()
            .map(|handle| {
                let start = text.find(handle.as_str()).expect("handle in file");
                let mut depth = 0usize;
                text[start..]
                    .char_indices()
                    .find_map(|(offset, c)| match c {
                        '{' => {
                            depth += 1;
                            None
                        }
                        '}' if depth == 0 => Some(start + offset),
                        '}' => {
                            depth -= 1;
                            None
                        }
                        _ => None,
                    })
                    .expect("entry ends")
            })
            .collect();

        let mut previous_kept = 0;
        for cut in 0..full.len() {
            let case = tempfile::tempdir().expect("temp dir");
            let cut_path = case.path().join(crate::data_file::FILE_NAME);
            std::fs::write(&cut_path, &full[..cut]).expect("cut written");
            let mut vault = OrderVault::open_without_keyring(case.path())
                .unwrap_or_else(|error| panic!("cut at {cut}: refused to open: {error}"));
            let kept: Vec<String> = vault.orders().into_iter().map(|r| r.handle).collect();
            let whole = order_ends.iter().filter(|end| **end < cut).count();
            assert!(
                kept.len() >= whole,
                "cut at {cut}: lost a whole order ({} kept, {whole} whole)",
                kept.len()
            );
            assert!(
                kept.len() >= previous_kept,
                "cut at {cut}: fewer than a shorter cut kept"
            );
            previous_kept = kept.len();
            for handle in &kept {
                assert!(handles.contains(handle), "cut at {cut}: invented {handle}");
                let record = vault.get(handle).expect("kept order readable");
                assert_eq!(record.step, FlowStep::Photos, "cut at {cut}");
            }
            // An empty file reads as no list at all; any other prefix that is not whole JSON
            // is damage to report.
            if cut > 0 && serde_json::from_slice::<serde_json::Value>(&full[..cut]).is_err() {
                let damage = vault
                    .file_damage()
                    .unwrap_or_else(|| panic!("cut at {cut}: damage not reported"));
                assert_eq!(damage.kept, kept.len(), "cut at {cut}");
                let backup = damage.backup.as_ref().expect("damaged file copied aside");
                assert_eq!(std::fs::read(backup).expect("backup").len(), cut);
                assert!(!damage.message().contains("cutSECRET"), "cut at {cut}");
            }
            // And it goes on working: a new order is saved and read back whole.
            let added = vault
                .add(&id("afterCutSECRET"), Cents::new(1), at(99), None)
                .expect("a new order after the damage");
            let reopened = OrderVault::open_without_keyring(case.path()).expect("reopens");
            assert!(
                reopened.file_damage().is_none(),
                "cut at {cut}: rewritten whole"
            );
            assert!(reopened.get(&added.handle).is_ok(), "cut at {cut}");
            assert_eq!(reopened.orders().len(), kept.len() + 1, "cut at {cut}");
        }
        assert_eq!(
            previous_kept,
            handles.len(),
            "the longest cut keeps every order"
        );
    }

    #[test]
    fn a_bad_entry_skips_only_itself_and_garbage_is_survived() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("orders.json");
        std::fs::write(
            &path,
            r#"{"schema_version":1,"orders":[{"handle":"a","amount":5,"created_at":"2024-01-01T00:00:00Z","last_status":"created","step":"phone"},{"handle":"b","amount":"lots"}],"future":1}"#,
        )
        .expect("written");
        let vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        assert_eq!(vault.orders().len(), 1);
        assert_eq!(vault.file_damage().map(|d| d.unreadable), Some(1));

        std::fs::write(&path, b"\x00\x01 not json").expect("written");
        let vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        assert!(vault.orders().is_empty());
        assert!(vault.file_damage().is_some());
    }

    #[test]
    fn a_newer_format_is_refused_not_overwritten() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("orders.json");
        std::fs::write(&path, r#"{"schema_version":9,"orders":[]}"#).expect("written");
        let error = OrderVault::open_without_keyring(folder.path()).expect_err("newer");
        assert_eq!(error.code(), "vault_newer_schema");
        assert_eq!(
            std::fs::read_to_string(&path).expect("kept"),
            r#"{"schema_version":9,"orders":[]}"#
        );
    }

    #[test]
    fn the_status_history_survives_a_reopen_and_old_files_load_without_one() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        let record = vault
            .add(&id("historySECRET"), Cents::new(5500), at(0), None)
            .expect("added");
        assert_eq!(record.history.len(), 1, "an order starts as created");
        vault
            .update(&record.handle, |r| {
                r.note_status(OrderStatus::Rejected, at(60), Some("Blurry".into()));
            })
            .expect("updated");
        let reread = OrderVault::open_without_keyring(folder.path()).expect("reopens");
        let stored = reread.get(&record.handle).expect("kept");
        assert_eq!(stored.last_status, OrderStatus::Rejected);
        let seen: Vec<_> = stored
            .history
            .iter()
            .map(|e| (e.status.as_str(), e.at, e.message.as_deref()))
            .collect();
        assert_eq!(
            seen,
            [
                ("created", at(0), None),
                ("rejected", at(60), Some("Blurry"))
            ]
        );

        let path = folder.path().join("orders.json");
        std::fs::write(
            &path,
            r#"{"schema_version":1,"orders":[{"handle":"old","amount":5,"created_at":"2024-01-01T00:00:00Z","last_status":"processing","step":"status"}]}"#,
        )
        .expect("written");
        let mut vault = OrderVault::open_without_keyring(folder.path()).expect("opens");
        assert!(vault.file_damage().is_none());
        assert!(vault.get("old").expect("kept").history.is_empty());
        vault
            .update("old", |r| {
                r.note_status(OrderStatus::Approved, at(120), None);
            })
            .expect("updated");
        assert_eq!(vault.get("old").expect("kept").history.len(), 1);
    }
}
