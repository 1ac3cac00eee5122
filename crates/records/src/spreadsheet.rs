//! Keeping spreadsheets from running what a cell says.

/// A cell's text made safe to open in a spreadsheet. Excel, LibreOffice and Google Sheets run a
/// cell that starts with `=`, `+`, `-` or `@` as a formula (and some treat a leading tab or
/// carriage return the same way), and a server's text or a pasted destination could start with
/// one: such a cell gets a leading `'`, which spreadsheets read as "this is text" and do not
/// show. No value this app writes legitimately starts with one (amounts are never negative;
/// addresses, invoices and hashes start with a letter or digit), so nothing real is changed.
pub(crate) fn guard_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_turned_into_text() {
        for (input, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("approved", "approved"),
            ("100.00", "100.00"),
            (
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            ),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(guard_formula(input), written, "{input:?}");
        }
    }
}
