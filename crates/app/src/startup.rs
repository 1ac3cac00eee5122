//! The app's state opens while the window loads, not before it: reading settings and asking
//! the credential store for its collection would otherwise hold the first paint back. Commands
//! wait for it, so none can run against a half-opened state.

use cardcoins_catalog::Catalog;
use tokio::sync::OnceCell;

use crate::app_info::computer_locale;
use crate::error::AppError;
use crate::state::{AppState, StartOptions};

pub struct Startup {
    options: StartOptions,
    state: OnceCell<Result<AppState, AppError>>,
}

impl Startup {
    pub fn new(options: StartOptions) -> Self {
        Startup {
            options,
            state: OnceCell::new(),
        }
    }

    /// The app's state: opened by the first caller, waited for by the rest, and the same
    /// outcome (state or error) for every caller after that.
    pub async fn ready(&self) -> Result<&AppState, AppError> {
        self.state
            .get_or_init(|| AppState::start(self.options.clone()))
            .await
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// What the "could not start" dialog says. It shows before the UI exists, and before the
/// settings that may name another language could be read, so in the computer's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LaunchFailure {
    pub title: String,
    pub body: String,
}

impl LaunchFailure {
    pub fn in_computer_language(error: &AppError) -> LaunchFailure {
        LaunchFailure::in_language(error, &Catalog::for_tag(&computer_locale()))
    }

    fn in_language(error: &AppError, catalog: &Catalog) -> LaunchFailure {
        LaunchFailure {
            title: catalog.text("launch-failed-title", &[]),
            body: format!(
                "{}\n\n{}",
                error.words(catalog),
                catalog.text("launch-failed-next", &[])
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(data_dir: &std::path::Path) -> StartOptions {
        StartOptions {
            data_dir: data_dir.to_path_buf(),
            config_dir: None,
            sandbox_flag: true,
            persist_sandbox: false,
            keyring_service: "cardcoins-desktop-test-startup".to_string(),
            sandbox_dialect: None,
            sandbox_clock: None,
            shell: std::sync::Arc::new(crate::shell::RecordingShell::default()),
        }
    }

    #[tokio::test]
    async fn callers_that_arrive_together_share_one_state() {
        let folder = tempfile::tempdir().expect("temp dir");
        let startup = Startup::new(options(folder.path()));
        let (first, second) = tokio::join!(startup.ready(), startup.ready());
        let first = first.expect("the state opens");
        let second = second.expect("the state opens");
        assert!(std::ptr::eq(first, second), "one state, not two");
    }

    #[tokio::test]
    async fn a_failed_start_stays_the_answer_even_once_the_cause_is_gone() {
        let folder = tempfile::tempdir().expect("temp dir");
        // A file where the data folder should be: the order list cannot be kept there.
        let blocker = folder.path().join("not-a-folder");
        std::fs::write(&blocker, b"x").expect("blocker written");
        let mut options = options(&blocker);
        options.sandbox_flag = false;
        let startup = Startup::new(options);
        let first = startup.ready().await.err().expect("the start fails");
        // The app is already showing "could not start" and quitting: a later command must not
        // open a state behind that dialog.
        std::fs::remove_file(&blocker).expect("blocker removed");
        std::fs::create_dir(&blocker).expect("a usable folder now");
        let second = startup.ready().await.err().expect("and stays failed");
        assert_eq!(first, second);
    }

    #[test]
    fn the_could_not_start_dialog_speaks_the_computers_language() {
        let error = AppError::from(cardcoins_vault::VaultError::NewerSchema {
            path: "/home/a/orders.json".into(),
            found: 9,
            supported: 2,
        });
        let english = LaunchFailure::in_language(&error, &Catalog::for_tag("en-US"));
        assert_eq!(english.title, "CardCoins could not start");
        assert!(
            english.body.starts_with(
                "The order list at /home/a/orders.json was written by a newer version of the app"
            ),
            "{}",
            english.body
        );
        assert!(
            english.body.ends_with("contact CardCoins support."),
            "{}",
            english.body
        );
        let spanish = LaunchFailure::in_language(&error, &Catalog::for_tag("es_US.UTF-8"));
        assert_ne!(spanish.title, english.title);
        assert!(
            spanish.body.contains("/home/a/orders.json"),
            "{}",
            spanish.body
        );
        assert!(!spanish.body.contains("newer version"), "{}", spanish.body);
        let internal = LaunchFailure::in_language(
            &AppError::internal("opening the order vault", "join error"),
            &Catalog::for_tag("es-US"),
        );
        assert!(
            internal.body.starts_with("Algo salió mal en la app."),
            "{}",
            internal.body
        );
    }
}
