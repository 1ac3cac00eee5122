//! An order ID is a bearer secret. Whole orders, through the faults that make the app log the
//! most (broken connections, a hung server, an upload cut off), with every log line at TRACE as
//! `CARDCOINS_LOG=trace` would give: the ID is in no log line (on the console or in the log file
//! a seller sends to support), no file the app wrote and no error it returned (each step's error
//! is checked as it happens, in `FaultRun::step`).

use cardcoins_core::ErrorCode;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use cardcoins_sandbox::Fault;

use crate::fault_tests::FaultRun;
use crate::log_tail;
use crate::logging::{subscriber, LogFile};
use crate::vault;

#[derive(Clone, Default)]
struct CapturedLog(Arc<Mutex<Vec<u8>>>);

impl CapturedLog {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned()
    }
}

impl Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The app's own subscriber at its most talkative, for the whole test process (the other
/// tests' orders are logged into it too): the console captured, the log file in a temporary
/// folder.
fn capture_logs() -> (CapturedLog, PathBuf) {
    static LOG: OnceLock<(CapturedLog, PathBuf)> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = CapturedLog::default();
        let writer = log.clone();
        let folder = tempfile::tempdir().expect("temp dir").keep();
        let file = LogFile::default();
        file.open_in(&folder).expect("log file");
        tracing::subscriber::set_global_default(subscriber(
            "trace",
            move || writer.clone(),
            false,
            file,
        ))
        .expect("the first subscriber");
        (log, folder)
    })
    .clone()
}

fn files_under(folder: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder)
        .expect("folder readable")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_ids_stay_out_of_logs_files_and_errors_at_trace() {
    let (log, log_folder) = capture_logs();
    let mut ids = Vec::new();
    for (fault, code, upload_only) in [
        (Fault::CutMidResponse, ErrorCode::Offline, false),
        (Fault::Timeout, ErrorCode::Timeout, false),
        (Fault::CutMidUpload, ErrorCode::Offline, true),
    ] {
        let mut run = FaultRun::start(fault, Some(code), upload_only).await;
        run.whole_order().await;
        let handle = run.handle.clone().expect("an order was made");
        let id = vault::order_id(&run.state, &handle)
            .await
            .expect("ID kept")
            .expose_secret()
            .to_string();
        let mut files = Vec::new();
        files_under(&run.folder_path, &mut files);
        assert!(
            files.iter().any(|path| path.ends_with("orders.json")),
            "{files:?}"
        );
        for path in files {
            let bytes = std::fs::read(&path).expect("file readable");
            assert!(
                !String::from_utf8_lossy(&bytes).contains(&id),
                "{fault:?}: the order ID is in {}",
                path.display()
            );
        }
        ids.push(id);
    }

    // The file a seller sends (two, if the run crossed midnight UTC).
    let mut log_files = Vec::new();
    files_under(&log_folder, &mut log_files);
    assert!(!log_files.is_empty(), "no log file");
    let file_text: String = log_files
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("log file read"))
        .collect();
    for (what, text) in [("console", log.text()), ("log file", file_text)] {
        // Not vacuous: the journeys really were logged, down to TRACE.
        assert!(
            text.lines().count() > 200,
            "{what}: {} log lines",
            text.lines().count()
        );
        assert!(text.contains("TRACE"), "{what}: nothing at TRACE");
        assert!(text.contains("WARN"), "{what}: the faults were logged");
        for id in &ids {
            assert!(!text.contains(id.as_str()), "an order ID is in the {what}");
        }
    }
    // And the part of it that "Copy diagnostics" sends.
    let tail = log_tail::last_lines(&log_folder, 200).expect("log tail read");
    assert_eq!(tail.len(), 200);
    for id in &ids {
        assert!(
            !tail.iter().any(|line| line.contains(id.as_str())),
            "an order ID is in the diagnostics' log lines"
        );
    }
    let _ = std::fs::remove_dir_all(&log_folder);
}
