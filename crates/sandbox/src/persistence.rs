//! With a data folder, the store is saved as `state.json` after every change.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::SandboxError;
use crate::state::Store;

const STATE_FILE: &str = "state.json";

pub(crate) struct Persistence {
    state_file: Option<PathBuf>,
}

impl Persistence {
    pub fn in_memory() -> Self {
        Self { state_file: None }
    }

    pub fn in_folder(data_dir: &Path) -> Result<Self, SandboxError> {
        fs::create_dir_all(data_dir).map_err(|source| SandboxError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        Ok(Self {
            state_file: Some(data_dir.join(STATE_FILE)),
        })
    }

    pub fn load(&self) -> Result<Store, SandboxError> {
        let Some(path) = &self.state_file else {
            return Ok(Store::default());
        };
        match fs::read(path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|source| SandboxError::CorruptState {
                    path: path.clone(),
                    source,
                })
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Store::default()),
            Err(source) => Err(SandboxError::DataDir {
                path: path.clone(),
                source,
            }),
        }
    }

    /// Replaces the state file whole, so a crash never leaves half a file.
    pub fn save(&self, store: &Store) -> io::Result<()> {
        let Some(path) = &self.state_file else {
            return Ok(());
        };
        let bytes = serde_json::to_vec_pretty(store).map_err(io::Error::other)?;
        let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
        io::Write::write_all(&mut file, &bytes)?;
        file.commit()
    }
}
