use std::process::Child;
use std::time::{Duration, Instant};

/// How long a process gets to end by itself after SIGTERM before it is killed.
const GRACE: Duration = Duration::from_secs(3);

/// Owns a child process and ends it (and reaps it) when dropped, so a failing test never leaves
/// an Xvfb or a tauri-driver running. It asks first (SIGTERM): tauri-driver then ends its
/// WebKitWebDriver and Xvfb removes its lock file. The processes the child itself started are
/// noted beforehand and ended too if they outlive it (a slow or killed tauri-driver would
/// otherwise orphan its WebKitWebDriver).
pub struct ProcessGuard {
    name: &'static str,
    child: Option<Child>,
}

impl ProcessGuard {
    pub fn new(name: &'static str, child: Child) -> Self {
        Self {
            name,
            child: Some(child),
        }
    }

    pub fn has_exited(&mut self) -> bool {
        match self.child.as_mut() {
            Some(child) => matches!(child.try_wait(), Ok(Some(_))),
            None => true,
        }
    }
}

impl Drop for ProcessGuard {
    fn drop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let grandchildren = children_of(child.id());
        if let Ok(None) = child.try_wait() {
            signal(child.id(), libc::SIGTERM);
            let deadline = Instant::now() + GRACE;
            while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        if let Ok(None) = child.try_wait() {
            if let Err(error) = child.kill() {
                // Already gone is fine; anything else is worth a line in the test output.
                if error.kind() != std::io::ErrorKind::InvalidInput {
                    eprintln!("could not end {} (pid {}): {error}", self.name, child.id());
                }
            }
        }
        let _ = child.wait();
        // Orphans were re-parented away from us: they can only be signalled, not reaped.
        for pid in grandchildren {
            signal(pid, libc::SIGTERM);
        }
    }
}

/// The processes `pid` started, from /proc (every thread keeps its own list).
fn children_of(pid: u32) -> Vec<u32> {
    let Ok(threads) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    threads
        .flatten()
        .filter_map(|thread| std::fs::read_to_string(thread.path().join("children")).ok())
        .flat_map(|list| {
            list.split_whitespace()
                .filter_map(|id| id.parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect()
}

fn signal(pid: u32, signal: libc::c_int) {
    if let Ok(pid) = libc::pid_t::try_from(pid) {
        // SAFETY: kill(2) takes plain integers and touches no memory of ours. The ids are our
        // child's (not yet reaped) or its children's, read just before it ended.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}
