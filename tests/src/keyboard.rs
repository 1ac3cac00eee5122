//! Driving the app with the keyboard alone: key presses through WebDriver's input actions (real
//! key events in WebKit, so Tab moves focus the way it does for a person), and where focus is.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;

use crate::HarnessError;

/// Presses and releases one key.
pub async fn press(client: &Client, key: Key) -> Result<(), HarnessError> {
    let key = char::from(key);
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    client.perform_actions(actions).await?;
    Ok(())
}

/// Types text into whatever has focus, key by key.
pub async fn type_text(client: &Client, text: &str) -> Result<(), HarnessError> {
    let mut actions = KeyActions::new("keyboard".into());
    for character in text.chars() {
        actions = actions
            .then(KeyAction::Down { value: character })
            .then(KeyAction::Up { value: character });
    }
    client.perform_actions(actions).await?;
    Ok(())
}

/// The focused element's `data-testid`, or its `id` when it has none.
pub async fn focused(client: &Client) -> Result<Option<String>, HarnessError> {
    let element = client.active_element().await?;
    Ok(match element.attr("data-testid").await? {
        Some(test_id) => Some(test_id),
        None => element.attr("id").await?,
    })
}

/// Presses Tab until `target` (a `data-testid` or `id`) has focus; returns how many presses it
/// took. Failing here means the control cannot be reached from the keyboard.
pub async fn tab_to(client: &Client, target: &str) -> Result<usize, HarnessError> {
    const MOST: usize = 40;
    let mut seen = Vec::new();
    for presses in 0..=MOST {
        let now = focused(client).await?;
        if now.as_deref() == Some(target) {
            return Ok(presses);
        }
        seen.push(now.unwrap_or_else(|| "(unnamed)".into()));
        press(client, Key::Tab).await?;
    }
    Err(HarnessError::Fixture {
        what: "keyboard focus",
        detail: format!("{target} not reached in {MOST} Tab presses; focus went {seen:?}"),
    })
}

/// Tabs to a button and presses Enter on it.
pub async fn activate(client: &Client, target: &str) -> Result<(), HarnessError> {
    tab_to(client, target).await?;
    press(client, Key::Enter).await
}
