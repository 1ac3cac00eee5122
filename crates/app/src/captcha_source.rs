//! Which reCAPTCHA the captcha page runs: Google's with this build's site key and registered
//! hostname, or the sandbox's practice one with the sandbox's. The page and the way it is loaded
//! are the same for both; the script address and the origins the CSP allows differ.

use cardcoins_api::{CaptchaSetup, CaptchaSetupError};
use cardcoins_core::{ErrorCode, Reason};
use cardcoins_sandbox::SandboxHandle;
use url::Url;

use crate::error::AppError;

/// The function the page defines for reCAPTCHA's `?onload=`.
pub const ONLOAD: &str = "cardcoinsCaptchaReady";

const GOOGLE_SCRIPT: &str = "https://www.google.com/recaptcha/api.js";
/// reCAPTCHA's own origins, as Google lists them for a CSP.
const GOOGLE_ORIGINS: [&str; 3] = [
    "https://www.google.com/recaptcha/",
    "https://www.gstatic.com/recaptcha/",
    "https://recaptcha.google.com/recaptcha/",
];

#[derive(Debug, Clone)]
pub enum CaptchaSource {
    Google(CaptchaSetup),
    Practice {
        setup: CaptchaSetup,
        script: Url,
    },
    /// No usable site key and hostname: why, for the phone step to word.
    Unavailable(Reason),
}

/// Which of the build's values is wrong, for the publisher (the phone step shows it under
/// "Details"); why the site key is refused stays in the log.
fn setup_problem(error: &CaptchaSetupError) -> Reason {
    match error {
        CaptchaSetupError::Incomplete { given, missing } => {
            Reason::new("reason-captcha-incomplete")
                .with("given", *given)
                .with("missing", *missing)
        }
        CaptchaSetupError::SiteKey(_) => Reason::new("reason-captcha-site-key"),
        CaptchaSetupError::Hostname(_) => Reason::new("reason-captcha-hostname"),
    }
}

impl CaptchaSource {
    /// The production source, from the build's values or the environment's.
    pub fn production() -> CaptchaSource {
        Self::from_setup(CaptchaSetup::from_env())
    }

    fn from_setup(setup: Result<Option<CaptchaSetup>, CaptchaSetupError>) -> CaptchaSource {
        match setup {
            Ok(Some(setup)) => CaptchaSource::Google(setup),
            Ok(None) => CaptchaSource::Unavailable(Reason::new("reason-captcha-not-set-up")),
            Err(error) => {
                tracing::warn!(%error, "captcha settings unusable");
                CaptchaSource::Unavailable(setup_problem(&error))
            }
        }
    }

    /// The sandbox's practice reCAPTCHA with its practice site key and hostname.
    pub fn practice(sandbox: &SandboxHandle) -> CaptchaSource {
        match CaptchaSetup::new(sandbox.recaptcha_site_key(), sandbox.captcha_hostname()) {
            Ok(setup) => CaptchaSource::Practice {
                setup,
                script: sandbox.recaptcha_script_url(),
            },
            Err(error) => {
                tracing::warn!(%error, "the practice captcha settings are unusable");
                CaptchaSource::Unavailable(Reason::new("reason-captcha-practice-unusable"))
            }
        }
    }

    /// Why phone verification cannot work in this build; `None` when it can.
    pub fn problem(&self) -> Option<&Reason> {
        match self {
            CaptchaSource::Unavailable(why) => Some(why),
            _ => None,
        }
    }

    pub fn setup(&self) -> Result<&CaptchaSetup, AppError> {
        match self {
            CaptchaSource::Google(setup) | CaptchaSource::Practice { setup, .. } => Ok(setup),
            CaptchaSource::Unavailable(why) => Err(AppError::because(
                ErrorCode::CaptchaNotConfigured,
                why.clone(),
            )),
        }
    }

    /// The address the page is loaded as. Google's reCAPTCHA runs as
    /// `https://<registered hostname>/`. The practice one runs as `http://<practice hostname>/`:
    /// the sandbox serves plain http on loopback, and WebKitGTK (2.50, checked in the real window)
    /// blocks `http://127.0.0.1` and `http://localhost` scripts and requests on an https page as
    /// mixed content. The hostname, which is what reCAPTCHA and the sandbox check, is the same.
    pub fn page_url(&self) -> Result<Url, AppError> {
        let setup = self.setup()?;
        let scheme = match self {
            CaptchaSource::Practice { .. } => "http",
            _ => "https",
        };
        Url::parse(&format!("{scheme}://{}/", setup.hostname()))
            .map_err(|error| AppError::internal("building the captcha page address", error))
    }

    /// Whether the window goes through the proxy in Settings (the sandbox is on this machine).
    pub fn uses_proxy(&self) -> bool {
        matches!(self, CaptchaSource::Google(_))
    }

    /// reCAPTCHA's script with explicit rendering and the page's onload function.
    pub fn script_url(&self) -> Option<Url> {
        let mut url = match self {
            CaptchaSource::Google(_) => Url::parse(GOOGLE_SCRIPT).ok()?,
            CaptchaSource::Practice { script, .. } => script.clone(),
            CaptchaSource::Unavailable(_) => return None,
        };
        url.query_pairs_mut()
            .clear()
            .append_pair("onload", ONLOAD)
            .append_pair("render", "explicit");
        Some(url)
    }

    /// What the page's CSP lets it load scripts, frames and requests from: reCAPTCHA's own
    /// origins, or the sandbox's practice reCAPTCHA folder.
    pub fn service_origins(&self) -> Vec<String> {
        match self {
            CaptchaSource::Google(_) => GOOGLE_ORIGINS.iter().map(|o| o.to_string()).collect(),
            CaptchaSource::Practice { script, .. } => {
                let mut folder = script.clone();
                folder.set_query(None);
                folder.set_fragment(None);
                if let Ok(mut segments) = folder.path_segments_mut() {
                    segments.pop().push("");
                }
                vec![folder.to_string()]
            }
            CaptchaSource::Unavailable(_) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "6LeIxAcTAAAAAJcZVRqyHh4xEkXnAz6-_j3bnmsF";

    fn google() -> CaptchaSource {
        CaptchaSource::Google(CaptchaSetup::new(KEY, "desktop.example.com").expect("setup"))
    }

    #[test]
    fn a_build_without_values_explains_itself_and_refuses() {
        let source = CaptchaSource::from_setup(Ok(None));
        let problem = source.problem().expect("a problem").to_string();
        assert!(problem.starts_with("Phone verification is not set up in this build"));
        assert!(problem.contains("CARDCOINS_RECAPTCHA_SITE_KEY"));
        assert!(problem.contains("CARDCOINS_CAPTCHA_HOSTNAME"));
        assert_eq!(
            source.setup().expect_err("refused").code,
            ErrorCode::CaptchaNotConfigured
        );
        assert_eq!(source.script_url(), None);
        assert_eq!(
            source.page_url().expect_err("no page").code,
            ErrorCode::CaptchaNotConfigured
        );
        assert!(source.service_origins().is_empty());

        let bad = CaptchaSource::from_setup(CaptchaSetup::from_values(KEY, "https://x.example"));
        let problem = bad.problem().expect("a problem").to_string();
        assert!(problem.contains("no https://"), "{problem}");
        for values in [(KEY, ""), ("", "desktop.example.com"), ("a b", "x.example")] {
            let source = CaptchaSource::from_setup(CaptchaSetup::from_values(values.0, values.1));
            let reason = source.problem().expect("a problem");
            reason.check().unwrap_or_else(|problem| panic!("{problem}"));
        }
    }

    #[test]
    fn google_loads_its_script_explicitly_and_allows_only_its_origins() {
        let source = google();
        assert_eq!(source.problem(), None);
        assert!(source.uses_proxy());
        assert_eq!(
            source.script_url().expect("url").as_str(),
            "https://www.google.com/recaptcha/api.js?onload=cardcoinsCaptchaReady&render=explicit"
        );
        assert_eq!(source.service_origins(), GOOGLE_ORIGINS.map(String::from));
        assert_eq!(
            source.setup().expect("setup").hostname(),
            "desktop.example.com"
        );
        assert_eq!(
            source.page_url().expect("url").as_str(),
            "https://desktop.example.com/"
        );
    }

    #[test]
    fn practice_allows_only_the_sandbox_folder_and_no_proxy() {
        let source = CaptchaSource::Practice {
            setup: CaptchaSetup::new("practice-key", "desktop.cardcoins.invalid").expect("setup"),
            script: Url::parse("http://127.0.0.1:4321/sandbox/recaptcha/api.js").expect("url"),
        };
        assert!(!source.uses_proxy());
        assert_eq!(
            source.page_url().expect("url").as_str(),
            "http://desktop.cardcoins.invalid/"
        );
        assert_eq!(
            source.service_origins(),
            vec!["http://127.0.0.1:4321/sandbox/recaptcha/".to_string()]
        );
        assert_eq!(
            source.script_url().expect("url").as_str(),
            "http://127.0.0.1:4321/sandbox/recaptcha/api.js?onload=cardcoinsCaptchaReady&render=explicit"
        );
    }
}
