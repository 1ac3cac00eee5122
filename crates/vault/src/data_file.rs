//! The order list on disk: `orders.json` with a schema version, replaced atomically (temp file in
//! the same folder, fsync, rename) so a crash leaves either the old list or the new one. A file
//! damaged anyway (a disk error, a hand edit) is read as far as it goes: every complete order in
//! it is kept, and the damaged original is copied aside so nothing is lost for good.

use std::fmt;
use std::io::Write;

use atomic_write_file::AtomicWriteFile;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{FileAction, VaultError};
use crate::record::OrderRecord;

/// The format this version writes and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;

pub(crate) const FILE_NAME: &str = "orders.json";

/// What was wrong with the order list when it was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDamage {
    /// Orders read and kept.
    pub kept: usize,
    /// Entries that could not be read (a damaged end counts as one).
    pub unreadable: usize,
    /// Where the damaged file was copied, when that worked.
    pub backup: Option<PathBuf>,
}

impl FileDamage {
    pub fn message(&self) -> String {
        let backup = match &self.backup {
            Some(path) => format!(" The damaged file was kept as {}.", path.display()),
            None => String::new(),
        };
        format!(
            "The saved order list was damaged: {} order(s) were recovered and {} entr{} could not be read.{backup} Orders that were lost from the list can still be resumed from their order ID.",
            self.kept,
            self.unreadable,
            if self.unreadable == 1 { "y" } else { "ies" }
        )
    }
}

pub(crate) struct Loaded {
    pub orders: Vec<OrderRecord>,
    pub plain_ids_allowed: bool,
    pub damage: Option<FileDamage>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    schema_version: u32,
    plain_ids_allowed: bool,
    orders: &'a [OrderRecord],
}

pub(crate) fn path_in(folder: &Path) -> PathBuf {
    folder.join(FILE_NAME)
}

pub(crate) fn load(path: &Path) -> Result<Loaded, VaultError> {
    let text = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded {
                orders: Vec::new(),
                plain_ids_allowed: false,
                damage: None,
            })
        }
        Err(source) => {
            return Err(VaultError::Io {
                action: FileAction::Read,
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let mut salvage = Salvage::default();
    let mut deserializer = serde_json::Deserializer::from_slice(&text);
    let complete = SalvageSeed(&mut salvage)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end())
        .is_ok();
    if let Some(found) = salvage.schema_version {
        if found > SCHEMA_VERSION {
            return Err(VaultError::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
    }
    let unreadable = salvage.unreadable + usize::from(!complete);
    let damage = (unreadable > 0).then(|| {
        let backup = keep_damaged_copy(path, &text);
        tracing::warn!(
            kept = salvage.orders.len(),
            unreadable,
            "the order list was damaged; kept what could be read"
        );
        FileDamage {
            kept: salvage.orders.len(),
            unreadable,
            backup,
        }
    });
    Ok(Loaded {
        orders: salvage.orders,
        plain_ids_allowed: salvage.plain_ids_allowed,
        damage,
    })
}

/// Replaces the list whole: readers see the old list or the new one, never half of one, and once
/// this returns the new one survives a power cut (the file and its folder are flushed).
pub(crate) fn save(
    path: &Path,
    orders: &[OrderRecord],
    plain_ids_allowed: bool,
) -> Result<(), VaultError> {
    write_json(
        path,
        &FileOut {
            schema_version: SCHEMA_VERSION,
            plain_ids_allowed,
            orders,
        },
    )
}

/// `value` as pretty JSON in place of the file at `path`, atomically and durably; the vault's
/// files are all written this way.
pub(crate) fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), VaultError> {
    let io = |action: FileAction| {
        let path = path.to_path_buf();
        move |source| VaultError::Io {
            action,
            path,
            source,
        }
    };
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(folder).map_err(io(FileAction::CreateFolder))?;
    let body = serde_json::to_vec_pretty(value).map_err(|error| VaultError::Io {
        action: FileAction::Write,
        path: path.to_path_buf(),
        source: error.into(),
    })?;
    let mut file = AtomicWriteFile::open(path).map_err(io(FileAction::Write))?;
    file.write_all(&body).map_err(io(FileAction::Write))?;
    file.commit().map_err(io(FileAction::Write))?;
    Ok(())
}

fn keep_damaged_copy(path: &Path, bytes: &[u8]) -> Option<PathBuf> {
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let backup = path.with_file_name(format!("{FILE_NAME}.damaged-{stamp}"));
    match std::fs::write(&backup, bytes) {
        Ok(()) => Some(backup),
        Err(error) => {
            tracing::warn!(%error, "could not keep a copy of the damaged order list");
            None
        }
    }
}

/// What could be read from the file, filled in as the parser goes so that whatever was read
/// before an error is kept.
#[derive(Default)]
struct Salvage {
    schema_version: Option<u32>,
    plain_ids_allowed: bool,
    orders: Vec<OrderRecord>,
    unreadable: usize,
}

struct SalvageSeed<'a>(&'a mut Salvage);

impl<'de> DeserializeSeed<'de> for SalvageSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SalvageSeed<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an order list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "schema_version" => self.0.schema_version = Some(map.next_value()?),
                "plain_ids_allowed" => self.0.plain_ids_allowed = map.next_value()?,
                "orders" => map.next_value_seed(OrdersSeed(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct OrdersSeed<'a>(&'a mut Salvage);

impl<'de> DeserializeSeed<'de> for OrdersSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for OrdersSeed<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list of orders")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // Each entry is read as plain JSON first, so one bad entry skips only itself.
        while let Some(value) = seq.next_element::<serde_json::Value>()? {
            match OrderRecord::deserialize(value) {
                Ok(order) => self.0.orders.push(order),
                Err(error) => {
                    tracing::warn!(%error, "skipping an unreadable order entry");
                    self.0.unreadable += 1;
                }
            }
        }
        Ok(())
    }
}
