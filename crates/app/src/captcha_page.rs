//! The app's captcha page (crates/app/captcha/page.html and page.js), filled in for one source:
//! the values the script needs as a JSON data block, and a CSP that runs only the page's own
//! script (by hash) and loads only from the captcha service.

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::captcha_source::{CaptchaSource, ONLOAD};
use crate::error::AppError;

const TEMPLATE: &str = include_str!("../captcha/page.html");
const SCRIPT: &str = include_str!("../captcha/page.js");

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PageConfig<'a> {
    site_key: &'a str,
    script_url: &'a str,
    onload: &'a str,
}

/// The page's HTML for `source`; refused when the source is not set up.
pub fn render(source: &CaptchaSource) -> Result<String, AppError> {
    let setup = source.setup()?;
    let script_url = source
        .script_url()
        .ok_or_else(|| AppError::internal("building the captcha page", "no script address"))?;
    let config = serde_json::to_string(&PageConfig {
        site_key: setup.site_key(),
        script_url: script_url.as_str(),
        onload: ONLOAD,
    })
    .map_err(|error| AppError::internal("building the captcha page", error))?;
    Ok(TEMPLATE
        .replace("{{CSP}}", &attribute_text(&csp(&source.service_origins())))
        .replace("{{CONFIG}}", &script_data(&config))
        .replace("{{SCRIPT}}", SCRIPT))
}

/// `default-src 'none'`, with scripts (the page's own by hash), frames and requests only from
/// `service_origins`. Styles may be inline: reCAPTCHA's widget sets style attributes.
pub fn csp(service_origins: &[String]) -> String {
    let sources: Vec<String> = service_origins.iter().map(|o| source_text(o)).collect();
    let sources = sources.join(" ");
    format!(
        "default-src 'none'; script-src '{}' {sources}; frame-src {sources}; \
         connect-src {sources}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
        script_hash()
    )
}

/// `sha256-<base64>` of the page's script, as CSP hash sources write it.
fn script_hash() -> String {
    let digest = Sha256::digest(SCRIPT.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A CSP source cannot hold whitespace, `;` or `,`; a path may carry them percent-encoded.
fn source_text(origin: &str) -> String {
    origin
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace(';', "%3B")
        .replace(',', "%2C")
}

/// Text safe inside a double-quoted HTML attribute.
fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// JSON safe inside a `<script>` element: nothing in it can close the element or start markup.
fn script_data(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

#[cfg(test)]
mod tests {
    use cardcoins_api::CaptchaSetup;
    use cardcoins_core::ErrorCode;
    use url::Url;

    use super::*;

    fn practice() -> CaptchaSource {
        CaptchaSource::Practice {
            setup: CaptchaSetup::new("practice-key", "desktop.cardcoins.invalid").expect("setup"),
            script: Url::parse("http://127.0.0.1:4321/sandbox/recaptcha/api.js").expect("url"),
        }
    }

    fn config_of(html: &str) -> serde_json::Value {
        let start = html.find("id=\"captcha-config\">").expect("config block") + 20;
        let end = start + html[start..].find("</script>").expect("end");
        serde_json::from_str(&html[start..end]).expect("config JSON")
    }

    fn csp_of(html: &str) -> String {
        let start = html.find("content=\"default-src").expect("csp") + 9;
        let end = start + html[start..].find('"').expect("end");
        html[start..end].replace("&#39;", "'")
    }

    #[test]
    fn fills_the_site_key_script_and_csp() {
        let html = render(&practice()).expect("page");
        assert!(!html.contains("{{"), "a placeholder was left");
        let config = config_of(&html);
        assert_eq!(config["siteKey"], "practice-key");
        assert_eq!(
            config["scriptUrl"],
            "http://127.0.0.1:4321/sandbox/recaptcha/api.js?onload=cardcoinsCaptchaReady&render=explicit"
        );
        assert_eq!(config["onload"], "cardcoinsCaptchaReady");
        assert!(html.contains(SCRIPT));
        assert_eq!(csp_of(&html), csp(&practice().service_origins()));
    }

    #[test]
    fn the_csp_allows_only_the_page_script_and_the_service() {
        let google = CaptchaSource::Google(
            CaptchaSetup::new(
                "6LeIxAcTAAAAAJcZVRqyHh4xEkXnAz6-_j3bnmsF",
                "desktop.example.com",
            )
            .expect("setup"),
        );
        let policy = csp(&google.service_origins());
        let directive = |name: &str| -> Vec<String> {
            policy
                .split(';')
                .map(str::trim)
                .find_map(|d| d.strip_prefix(&format!("{name} ")))
                .unwrap_or_else(|| panic!("{name} missing from {policy}"))
                .split(' ')
                .map(String::from)
                .collect()
        };
        let google_origins = [
            "https://www.google.com/recaptcha/",
            "https://www.gstatic.com/recaptcha/",
            "https://recaptcha.google.com/recaptcha/",
        ];
        assert_eq!(directive("default-src"), ["'none'"]);
        let scripts = directive("script-src");
        assert_eq!(scripts[0], format!("'{}'", script_hash()));
        assert_eq!(scripts[1..], google_origins);
        assert_eq!(directive("frame-src"), google_origins);
        assert_eq!(directive("connect-src"), google_origins);
        assert_eq!(directive("base-uri"), ["'none'"]);
        assert!(!policy.contains("unsafe-eval") && !policy.contains("*"));
        assert!(!directive("script-src").contains(&"'unsafe-inline'".to_string()));

        let practice = csp(&practice().service_origins());
        assert!(practice.contains("script-src 'sha256-"));
        assert!(practice.contains(" http://127.0.0.1:4321/sandbox/recaptcha/;"));
        assert!(!practice.contains("google"));
    }

    #[test]
    fn the_script_hash_is_of_the_script_as_embedded() {
        let digest = Sha256::digest(SCRIPT.as_bytes());
        assert_eq!(
            script_hash(),
            format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        );
        let html = render(&practice()).expect("page");
        assert!(html.contains(&format!("<script>{SCRIPT}</script>")));
    }

    #[test]
    fn values_cannot_break_out_of_their_places() {
        let json = r#"{"siteKey":"</script><script>alert(1)</script>","x":"a&b\u2028"}"#
            .replace("\\u2028", "\u{2028}");
        let safe = script_data(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('\u{2028}'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["siteKey"], "</script><script>alert(1)</script>");
        assert_eq!(back["x"], "a&b\u{2028}");
        assert_eq!(
            attribute_text(r#"a"b'c<d>&"#),
            "a&quot;b&#39;c&lt;d&gt;&amp;"
        );
        assert_eq!(
            source_text("https://x.example/a b;c,d"),
            "https://x.example/ab%3Bc%2Cd"
        );
    }

    #[test]
    fn a_source_that_is_not_set_up_gets_no_page() {
        let error = render(&CaptchaSource::Unavailable(cardcoins_core::Reason::new(
            "reason-captcha-not-set-up",
        )))
        .expect_err("no page");
        assert_eq!(error.code, ErrorCode::CaptchaNotConfigured);
    }
}
