//! Screenshots of every step, under target/e2e-screens/<journey>/, so a reviewer can look at the
//! flow without running it.

use std::path::PathBuf;

use std::process::{Command, Stdio};

use crate::app_session::AppSession;
use crate::error::HarnessError;

pub struct ScreenshotBook {
    folder: PathBuf,
    taken: u32,
}

impl ScreenshotBook {
    pub fn new(journey: &str) -> Result<Self, HarnessError> {
        let folder = repo_root().join("target").join("e2e-screens").join(journey);
        if folder.exists() {
            std::fs::remove_dir_all(&folder)?;
        }
        std::fs::create_dir_all(&folder)?;
        Ok(Self { folder, taken: 0 })
    }

    /// Saves `NN-step.png` and returns its path. The picture is taken from the X display, not
    /// through WebDriver: WebKitWebDriver's screenshot command never answers under Xvfb, and the
    /// display shows what a person would see, window frame and all.
    ///
    /// Then axe-core checks the same page (when the main window is the current one): every
    /// screen a journey shows a reviewer is also measured against WCAG 2.2 AA, and a serious or
    /// critical violation fails the journey with the picture already saved.
    pub async fn take(
        &mut self,
        session: &AppSession,
        step: &str,
    ) -> Result<PathBuf, HarnessError> {
        self.taken += 1;
        let path = self.folder.join(format!("{:02}-{step}.png", self.taken));
        let status = Command::new("import")
            .args(["-display", session.display_name(), "-window", "root"])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .status()
            .map_err(|source| HarnessError::Spawn {
                program: "import (ImageMagick)",
                source,
            })?;
        if !status.success() {
            return Err(HarnessError::Io(std::io::Error::other(format!(
                "import exited with {status}"
            ))));
        }
        crate::axe::check_main_window(session, &format!("{} ({step})", path.display())).await?;
        Ok(path)
    }
}

pub(crate) fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}
