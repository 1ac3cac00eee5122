//! Taking secrets and photos out of free text (log lines, server messages) before it leaves the
//! app in a support bundle.

use cardcoins_core::OrderId;

/// What is kept of a data URL: its media type, so support sees that one was there.
const REMOVED: &str = "[removed]";

/// `text` with every one of `ids` replaced by its redacted form ("yD1…") and the payload of every
/// base64 data URL (`data:image/jpeg;base64,…`, how a web view carries a photo) removed.
pub(crate) fn scrub(text: &str, ids: &[&OrderId]) -> String {
    let mut text = without_data_urls(text);
    // Longest first, so an ID that contains another is replaced whole.
    let mut ids: Vec<&OrderId> = ids.to_vec();
    ids.sort_by_key(|id| std::cmp::Reverse(id.expose_secret().len()));
    for id in ids {
        if text.contains(id.expose_secret()) {
            text = text.replace(id.expose_secret(), &id.redacted());
        }
    }
    text
}

fn without_data_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = find_ignoring_case(rest, "data:") {
        let after_scheme = &rest[start + "data:".len()..];
        let Some(marker) = base64_marker(after_scheme) else {
            out.push_str(&rest[..start + "data:".len()]);
            rest = after_scheme;
            continue;
        };
        let payload_start = start + "data:".len() + marker;
        out.push_str(&rest[..payload_start]);
        out.push_str(REMOVED);
        let payload_len = rest[payload_start..]
            .bytes()
            .take_while(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_' | b'%')
            })
            .count();
        rest = &rest[payload_start + payload_len..];
    }
    out.push_str(rest);
    out
}

/// Where the payload starts, when `after_scheme` goes on as a media type and `;base64,`.
fn base64_marker(after_scheme: &str) -> Option<usize> {
    const MARKER: &str = ";base64,";
    // A media type with its parameters is short and has no spaces or quotes.
    let head: String = after_scheme
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>'))
        .take(200)
        .collect();
    let at = find_ignoring_case(&head, MARKER)?;
    Some(at + MARKER.len())
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> OrderId {
        OrderId::parse(text).expect("id")
    }

    #[test]
    fn order_ids_become_their_redacted_form() {
        let long = id("yD1gHCUWjhAbCdEf");
        let short = id("yD1gHCUW");
        let text = scrub(
            "GET /v2/orders/yD1gHCUWjhAbCdEf and yD1gHCUW, twice: yD1gHCUWjhAbCdEf",
            &[&short, &long],
        );
        assert_eq!(text, "GET /v2/orders/yD1… and yD1…, twice: yD1…");
        assert_eq!(scrub("nothing here", &[&long]), "nothing here");
    }

    #[test]
    fn data_url_payloads_are_removed() {
        let text = scrub(
            "img src=\"data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==\" and DATA:image/png;BASE64,iVBORw0KGgo= end",
            &[],
        );
        assert_eq!(
            text,
            "img src=\"data:image/jpeg;base64,[removed]\" and DATA:image/png;BASE64,[removed] end"
        );
        assert_eq!(scrub("metadata: none", &[]), "metadata: none");
        assert_eq!(scrub("data:", &[]), "data:");
        assert_eq!(scrub("data:text/plain,hello", &[]), "data:text/plain,hello");
        assert_eq!(
            scrub("é data:ü;base64,AAAA ü", &[]),
            "é data:ü;base64,[removed] ü"
        );
    }
}
