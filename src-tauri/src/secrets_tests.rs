//! An order ID is a bearer secret. Whole orders, through the faults that make the app log the
//! most (broken connections, a hung server, an upload cut off), with every log line at TRACE as
//! `CARDCOINS_LOG=trace` would give: the ID is in no log line, no file the app wrote and no
//! error it returned (each step's error is checked as it happens, in `FaultRun::step`).

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use cardcoins_sandbox::Fault;

use crate::fault_tests::FaultRun;
use crate::launch::log_filter;
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

/// The app's own filter at its most talkative, for the whole test process (the other tests'
/// orders are logged into it too).
fn capture_logs() -> CapturedLog {
    static LOG: OnceLock<CapturedLog> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = CapturedLog::default();
        let writer = log.clone();
        tracing_subscriber::fmt()
            .with_env_filter(log_filter("trace"))
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .init();
        log
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
    let log = capture_logs();
    let mut ids = Vec::new();
    for (fault, code, upload_only) in [
        (Fault::CutMidResponse, "offline", false),
        (Fault::Timeout, "timeout", false),
        (Fault::CutMidUpload, "offline", true),
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

    let text = log.text();
    // Not vacuous: the journeys really were logged, down to TRACE.
    assert!(
        text.lines().count() > 200,
        "{} log lines",
        text.lines().count()
    );
    assert!(text.contains("TRACE"), "nothing at TRACE");
    assert!(text.contains("WARN"), "the faults were logged");
    for id in &ids {
        assert!(!text.contains(id.as_str()), "an order ID is in the log");
    }
}
