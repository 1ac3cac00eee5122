#[derive(thiserror::Error)]
pub enum HarnessError {
    #[error("could not start {program}: {source} (run `make setup` to install it)")]
    Spawn {
        program: &'static str,
        source: std::io::Error,
    },
    #[error("{what} did not become ready within {seconds} s")]
    NotReady { what: &'static str, seconds: u64 },
    #[error("the app binary is missing at {0}: build it with `make app` first")]
    MissingApp(String),
    #[error("WebDriver session could not start: {0}")]
    NewSession(#[from] fantoccini::error::NewSessionError),
    #[error("WebDriver command failed: {0}")]
    Command(#[from] fantoccini::error::CmdError),
    #[error("[data-testid={test_id}] never showed {needle:?}; last text: {last:?}")]
    TextNotFound {
        test_id: String,
        needle: String,
        last: String,
    },
    #[error("text is cut off on the {step} screen: {cut:?}")]
    CutOff { step: String, cut: Vec<String> },
    #[error("could not make {what} for the test: {detail}")]
    Fixture { what: &'static str, detail: String },
    #[error("axe-core found serious or critical WCAG violations at {step}:{report}")]
    Accessibility { step: String, report: String },
    #[error("the new step {step} did not take the focus to its heading; focused: {focused}")]
    FocusNotOnHeading { step: String, focused: String },
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

/// Tests end with `.expect(..)`, which prints the error's Debug form: make that the message a
/// person reads (an accessibility report is a list over many lines, unreadable escaped).
impl std::fmt::Debug for HarnessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}
