//! Where uploaded images are kept: in memory, or one file per key under `<data dir>/objects`.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use bytes::Bytes;

use crate::error::SandboxError;

pub(crate) enum ObjectStore {
    Memory(Mutex<HashMap<String, Bytes>>),
    Folder(PathBuf),
}

impl ObjectStore {
    pub fn in_memory() -> Self {
        Self::Memory(Mutex::new(HashMap::new()))
    }

    pub fn in_folder(data_dir: &Path) -> Result<Self, SandboxError> {
        let folder = data_dir.join("objects");
        std::fs::create_dir_all(&folder).map_err(|source| SandboxError::DataDir {
            path: folder.clone(),
            source,
        })?;
        Ok(Self::Folder(folder))
    }

    pub async fn put(&self, key: &str, content: Bytes) -> io::Result<()> {
        match self {
            Self::Memory(objects) => {
                objects
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(key.to_string(), content);
                Ok(())
            }
            Self::Folder(folder) => tokio::fs::write(folder.join(file_name(key)?), content).await,
        }
    }
}

/// Keys are ours ("<64 hex>_Image1"), but a key is still input: never let it leave the folder.
fn file_name(key: &str) -> io::Result<&str> {
    let safe = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if safe {
        Ok(key)
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "object key is not a plain file name",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_cannot_escape_the_folder() {
        assert!(file_name("ab12_Image1").is_ok());
        assert!(file_name("../state.json").is_err());
        assert!(file_name("a/b").is_err());
        assert!(file_name("").is_err());
    }
}
