//! Where log lines go: stderr, and a daily log file in the app's log folder that a seller can
//! send to support. Both see the same filter, so what keeps order IDs out of one keeps them out
//! of the other: the crates log only redacted IDs, and the HTTP libraries, whose debug lines
//! carry request URLs with the order ID in them, stay at info.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use tracing_appender::rolling::{RollingFileAppender, RollingWriter, Rotation};
use tracing_subscriber::fmt::writer::{MakeWriter, OptionalWriter};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Log files are `cardcoins.YYYY-MM-DD.log` (UTC dates), so their names sort oldest first.
pub(crate) const FILE_PREFIX: &str = "cardcoins";
pub(crate) const FILE_SUFFIX: &str = "log";
/// A week of days on which the app ran; older files are removed when a new one starts.
pub(crate) const KEEP_FILES: usize = 7;

/// HTTP libraries print request URLs at debug level, and API URLs carry the order ID: they stay
/// at info whatever `CARDCOINS_LOG` asks for.
const HTTP_LIBRARIES_AT_INFO: &str = "reqwest=info,hyper=info,hyper_util=info,h2=info,rustls=info";

/// What the log shows: `base` (a `CARDCOINS_LOG` directive such as `trace`), with the HTTP
/// libraries held at info.
pub(crate) fn log_filter(base: &str) -> tracing_subscriber::EnvFilter {
    tracing_subscriber::EnvFilter::try_new(format!("{base},{HTTP_LIBRARIES_AT_INFO}"))
        .unwrap_or_else(|_| {
            tracing_subscriber::EnvFilter::new(format!("info,{HTTP_LIBRARIES_AT_INFO}"))
        })
}

/// The log file, once its folder is known. The folder comes from Tauri's path resolver, which
/// exists only after the app is built, while logging starts before that: until then (or for
/// good, when the folder cannot be made) lines go to stderr only.
#[derive(Clone, Default)]
pub struct LogFile(Arc<OnceLock<(PathBuf, RollingFileAppender)>>);

impl LogFile {
    /// Starts writing into `folder`, creating it, and removes the oldest files past
    /// [`KEEP_FILES`]. The writer is synchronous: each line is one append to the file, so the
    /// last line before the app quits (a failed start ends in `exit`) is not lost in a buffer.
    pub fn open_in(&self, folder: &Path) -> Result<(), String> {
        std::fs::create_dir_all(folder).map_err(|error| error.to_string())?;
        let appender = RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix(FILE_PREFIX)
            .filename_suffix(FILE_SUFFIX)
            .max_log_files(KEEP_FILES)
            .build(folder)
            .map_err(|error| error.to_string())?;
        self.0
            .set((folder.to_path_buf(), appender))
            .map_err(|_| "the log file is already open".to_string())
    }

    /// [`LogFile::open_in`] where the app's path resolver says; when that fails the app runs on,
    /// logging to stderr only, and says so there.
    pub fn open_or_warn(&self, folder: Result<PathBuf, String>) {
        let opened = folder.and_then(|folder| {
            self.open_in(&folder)
                .map_err(|error| format!("{}: {error}", folder.display()))
        });
        if let Err(error) = opened {
            tracing::warn!(%error, "no log file in this run; logging to stderr only");
        }
    }

    /// The folder the log files are written to, once there is one.
    pub fn folder(&self) -> Option<&Path> {
        self.0.get().map(|(folder, _)| folder.as_path())
    }
}

impl<'a> MakeWriter<'a> for LogFile {
    type Writer = OptionalWriter<RollingWriter<'a>>;

    fn make_writer(&'a self) -> Self::Writer {
        match self.0.get() {
            Some((_, appender)) => OptionalWriter::some(appender.make_writer()),
            None => OptionalWriter::none(),
        }
    }
}

/// The app's subscriber: `console` (stderr in the app, a buffer in tests) and the log file,
/// through one filter.
pub(crate) fn subscriber<W>(
    base: &str,
    console: W,
    console_colours: bool,
    file: LogFile,
) -> impl tracing::Subscriber + Send + Sync
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::registry()
        .with(log_filter(base))
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(console_colours)
                .with_writer(console),
        )
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(file),
        )
}

/// Starts logging to stderr; the returned [`LogFile`] starts the file once its folder is known.
pub fn init() -> LogFile {
    let base = std::env::var("CARDCOINS_LOG").unwrap_or_else(|_| "info".to_string());
    let file = LogFile::default();
    let colours = std::io::stderr().is_terminal();
    let _ = subscriber(&base, std::io::stderr, colours, file.clone()).try_init();
    file
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn log_files(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("folder readable")
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(FILE_PREFIX) && name.ends_with(FILE_SUFFIX))
            .collect();
        names.sort();
        names
    }

    /// A file standing in for stderr, and where to read it back.
    fn console() -> (Arc<std::fs::File>, tempfile::TempPath) {
        let file = tempfile::NamedTempFile::new().expect("console file");
        let writer = file.reopen().expect("console reopened");
        (Arc::new(writer), file.into_temp_path())
    }

    #[test]
    fn lines_reach_the_file_and_old_files_are_removed() {
        let folder = tempfile::tempdir().expect("temp dir");
        let logs = folder.path().join("logs");
        std::fs::create_dir_all(&logs).expect("folder");
        for day in 1..=9 {
            std::fs::write(
                logs.join(format!("{FILE_PREFIX}.2020-01-0{day}.{FILE_SUFFIX}")),
                format!("day {day}\n"),
            )
            .expect("old log written");
            // The appender removes the files created first; file times are coarse (a few ms).
            std::thread::sleep(Duration::from_millis(20));
        }
        std::fs::write(logs.join("notes.txt"), "not a log").expect("written");

        let file = LogFile::default();
        file.open_in(&logs).expect("log file opened");
        assert_eq!(file.folder(), Some(logs.as_path()));
        let (console, console_path) = console();
        let dispatch = subscriber("info", console, false, file.clone());
        tracing::subscriber::with_default(dispatch, || {
            tracing::info!(answer = 42, "a line for the file");
            tracing::debug!("below the filter");
        });

        let names = log_files(&logs);
        assert_eq!(names.len(), KEEP_FILES, "{names:?}");
        assert!(
            !names.iter().any(|name| name.contains("2020-01-01")
                || name.contains("2020-01-02")
                || name.contains("2020-01-03")),
            "the oldest are removed: {names:?}"
        );
        assert!(
            logs.join("notes.txt").exists(),
            "other files are left alone"
        );
        let today = names.last().expect("today's file");
        let text = std::fs::read_to_string(logs.join(today)).expect("log read");
        assert!(
            text.contains("a line for the file") && text.contains("answer=42"),
            "{text:?}"
        );
        assert!(!text.contains("below the filter"));
        assert!(!text.contains('\u{1b}'), "no colour codes in the file");
        let console = std::fs::read_to_string(&console_path).expect("console read");
        assert!(console.contains("a line for the file"), "{console:?}");
    }

    #[test]
    fn without_a_usable_folder_lines_still_reach_the_console() {
        let folder = tempfile::tempdir().expect("temp dir");
        let blocker = folder.path().join("a-file");
        std::fs::write(&blocker, "in the way").expect("written");
        let file = LogFile::default();
        assert!(file.open_in(&blocker.join("logs")).is_err());
        assert_eq!(file.folder(), None);
        let (console, console_path) = console();
        tracing::subscriber::with_default(subscriber("info", console, false, file), || {
            tracing::warn!("still logged")
        });
        let console = std::fs::read_to_string(&console_path).expect("console read");
        assert!(console.contains("still logged"), "{console:?}");
    }
}
