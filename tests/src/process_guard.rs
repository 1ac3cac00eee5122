use std::process::Child;

/// Owns a child process and ends it (and reaps it) when dropped, so a failing test never leaves
/// an Xvfb or a tauri-driver running.
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
        if let Some(mut child) = self.child.take() {
            if let Err(error) = child.kill() {
                // Already gone is fine; anything else is worth a line in the test output.
                if error.kind() != std::io::ErrorKind::InvalidInput {
                    eprintln!("could not end {} (pid {}): {error}", self.name, child.id());
                }
            }
            let _ = child.wait();
        }
    }
}
