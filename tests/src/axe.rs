//! axe-core in the real window: every screenshot a journey takes also checks the main window's
//! page against WCAG 2.2 A and AA, so each screen of each journey is measured as WebKitGTK
//! renders it (colours from the real theme, sizes from the real layout), not as jsdom guesses.

use std::sync::OnceLock;

use serde_json::{json, Value};

use crate::app_session::AppSession;
use crate::error::HarnessError;
use crate::screenshots::repo_root;

/// The rule sets axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added only AA rules).
pub const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// Impacts that fail a journey. Moderate and minor findings are printed, not failed: axe rates
/// as moderate what is mostly advice (a landmark more or less), and the issue asks for none of
/// the serious or critical ones.
const FAILING: [&str; 2] = ["serious", "critical"];

/// One rule broken on one page, with every element that breaks it.
#[derive(Debug, Clone)]
pub struct Violation {
    pub rule: String,
    pub impact: String,
    pub help: String,
    pub help_url: String,
    /// Each element's CSS path and axe's own account of what is wrong with it.
    pub nodes: Vec<(String, String)>,
}

impl Violation {
    pub fn fails(&self) -> bool {
        FAILING.contains(&self.impact.as_str())
    }
}

/// The list a person reads when a journey fails here.
pub fn report(violations: &[Violation]) -> String {
    let mut text = String::new();
    for violation in violations {
        text.push_str(&format!(
            "\n  [{}] {}: {} ({})",
            violation.impact, violation.rule, violation.help, violation.help_url
        ));
        for (target, summary) in &violation.nodes {
            text.push_str(&format!("\n      at {target}"));
            for line in summary.lines().filter(|line| !line.trim().is_empty()) {
                text.push_str(&format!("\n         {}", line.trim()));
            }
        }
    }
    text
}

fn axe_source() -> Result<&'static str, HarnessError> {
    static SOURCE: OnceLock<String> = OnceLock::new();
    if let Some(source) = SOURCE.get() {
        return Ok(source);
    }
    let path = repo_root().join("ui/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path).map_err(|error| HarnessError::Fixture {
        what: "axe-core",
        detail: format!(
            "{} could not be read ({error}): run `npm --prefix ui ci`",
            path.display()
        ),
    })?;
    Ok(SOURCE.get_or_init(|| source))
}

/// Runs axe on the current window's page and returns every violation, whatever its impact.
/// The 650 kB script is sent only when the page does not have it yet (once per page load: the
/// app is one page, so usually once per session).
pub async fn run(client: &fantoccini::Client) -> Result<Vec<Violation>, HarnessError> {
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if loaded != Value::Bool(true) {
        let inject = format!("{}\nreturn typeof window.axe === 'object';", axe_source()?);
        if client.execute(&inject, vec![]).await? != Value::Bool(true) {
            return Err(HarnessError::Fixture {
                what: "axe-core in the page",
                detail: "the script ran but defined no window.axe".into(),
            });
        }
    }
    let outcome = client
        .execute_async(
            "const [tags, done] = arguments;
             axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
               .then((result) => done({ violations: result.violations.map((v) => ({
                 rule: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                 nodes: v.nodes.map((n) => [n.target.flat().join(' >>> '), n.failureSummary || '']),
               })) }))
               .catch((error) => done({ error: String((error && error.stack) || error) }));",
            vec![json!(WCAG_TAGS)],
        )
        .await?;
    if let Some(error) = outcome.get("error") {
        return Err(HarnessError::Fixture {
            what: "an axe-core run",
            detail: error.to_string(),
        });
    }
    let text = |value: &Value, key: &str| value[key].as_str().unwrap_or_default().to_string();
    // An answer without the list is an error, never a clean page.
    let listed = outcome["violations"]
        .as_array()
        .ok_or_else(|| HarnessError::Fixture {
            what: "an axe-core run",
            detail: format!("an answer without violations: {outcome}"),
        })?;
    let violations = listed
        .iter()
        .map(|v| Violation {
            rule: text(v, "rule"),
            impact: text(v, "impact"),
            help: text(v, "help"),
            help_url: text(v, "helpUrl"),
            nodes: v["nodes"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|node| {
                    (
                        node[0].as_str().unwrap_or_default().to_string(),
                        node[1].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect(),
        })
        .collect();
    Ok(violations)
}

/// Checks the page on screen in the app's main window, if that is the window WebDriver is in
/// (a journey also takes pictures of the captcha window, whose page is the practice service's
/// stand-in for Google's, not the app's). Serious and critical violations fail with the list;
/// lesser ones are printed.
pub async fn check_main_window(session: &AppSession, step: &str) -> Result<(), HarnessError> {
    if session.client.window().await? != session.main_window {
        return Ok(());
    }
    let violations = run(&session.client).await?;
    let (failing, advice): (Vec<_>, Vec<_>) = violations.into_iter().partition(Violation::fails);
    if !advice.is_empty() {
        eprintln!(
            "e2e: axe at {step}, not failing (moderate or minor):{}",
            report(&advice)
        );
    }
    if failing.is_empty() {
        return Ok(());
    }
    Err(HarnessError::Accessibility {
        step: step.to_string(),
        report: report(&failing),
    })
}
