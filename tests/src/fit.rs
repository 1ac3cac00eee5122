//! Whether every piece of text fits where it is drawn: what a longer language (or the
//! pseudo-locale) would cut off shows here as an element whose content is wider or taller than
//! its box while the box hides the rest, or as a page that scrolls sideways.

use crate::{AppSession, HarnessError};

const FIND_CUT_OFF: &str = r#"
const cut = [];
const root = document.documentElement;
if (root.scrollWidth > window.innerWidth + 1) {
  cut.push(`the page scrolls sideways (${root.scrollWidth} px in ${window.innerWidth} px)`);
}
for (const element of document.querySelectorAll("body *")) {
  const style = getComputedStyle(element);
  if (style.display === "none" || style.visibility === "hidden") continue;
  // Words for screen readers only sit in a 1-pixel box on purpose.
  const box = element.getBoundingClientRect();
  if (box.width <= 2 || box.height <= 2) continue;
  const hides = (overflow) => overflow === "hidden" || overflow === "clip";
  const wide = element.scrollWidth > element.clientWidth + 1 && hides(style.overflowX);
  const tall = element.scrollHeight > element.clientHeight + 1 && hides(style.overflowY);
  const ellipsis = style.textOverflow === "ellipsis" && element.scrollWidth > element.clientWidth + 1;
  if ((wide || tall || ellipsis) && element.textContent.trim() !== "") {
    const id = element.closest("[data-testid]")?.getAttribute("data-testid") ?? "";
    cut.push(`${element.tagName.toLowerCase()} in ${id || "the page"}: "${element.textContent.trim().slice(0, 80)}"`);
  }
}
return cut;
"#;

/// What is cut off on the current screen, described; empty when everything fits.
pub async fn cut_off(session: &AppSession) -> Result<Vec<String>, HarnessError> {
    let found = session.client.execute(FIND_CUT_OFF, vec![]).await?;
    Ok(found
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}
