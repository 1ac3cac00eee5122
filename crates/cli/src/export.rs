//! `cardcoins export`: the orders whose IDs come in on standard input, as CSV or as BIP-329
//! wallet labels on standard output. IDs come on standard input, never as arguments, so a list
//! of secrets stays out of the shell history and the process list.

use std::collections::HashSet;
use std::io::{BufRead, IsTerminal};

use clap::{Args, ValueEnum};

use cardcoins_core::OrderId;
use cardcoins_records::{write_bip329, write_csv, ExportRow, RecordsError};

use crate::args::GlobalArgs;
use crate::error::CliError;
use crate::output::Output;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// csv: one row per order, for spreadsheets and tax software. bip329: wallet labels (JSON
    /// Lines) for the payout addresses and transactions, which Sparrow and other wallets import.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: ExportFormat,
    /// Write each order's ID too. Anyone who has an order ID controls the order: keep the
    /// output private.
    #[arg(long)]
    include_order_ids: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Csv,
    Bip329,
}

pub async fn run(global: &GlobalArgs, output: &Output, args: ExportArgs) -> Result<(), CliError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        output.note("Reading order IDs from standard input, one a line; end with Ctrl-D.");
    }
    let ids = read_ids(stdin.lock(), output)?;
    if ids.is_empty() {
        output.note("No order IDs were given on standard input: the export is empty.");
    }
    let client = global.client()?;
    let mut rows = Vec::with_capacity(ids.len());
    // Every order is read before anything is written: a failure leaves no half export behind.
    for (line, id) in ids {
        let details = client.get_order(&id).await.inspect_err(|_| {
            output.note(format!(
                "The order on line {line} of standard input could not be read; nothing was exported."
            ));
        })?;
        rows.push(ExportRow::from_details(&details).with_order_id(id));
    }
    let stdout = std::io::stdout().lock();
    let written = match args.format {
        ExportFormat::Csv => write_csv(&rows, args.include_order_ids, stdout),
        ExportFormat::Bip329 => write_bip329(&rows, args.include_order_ids, stdout),
    };
    match written {
        // A closed pipe (`| head`) means the reader has what it wants.
        Err(RecordsError::Write(error)) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(CliError::Io {
            what: "Could not write the export".to_string(),
            reason: error.to_string(),
        }),
        Ok(()) => {
            if args.include_order_ids && !rows.is_empty() {
                output.note(
                    "The export holds order IDs: anyone who has one controls that order. Keep it private.",
                );
            }
            Ok(())
        }
    }
}

/// The order IDs, one a line, with their line numbers. Blank lines and surrounding spaces are
/// ignored; an ID given twice is exported once. A line that is no order ID is refused by its
/// number, never by its text: it may be a real ID with a typo.
fn read_ids(input: impl BufRead, output: &Output) -> Result<Vec<(usize, OrderId)>, CliError> {
    let mut ids = Vec::new();
    let mut seen = HashSet::new();
    for (index, line) in input.lines().enumerate() {
        let number = index + 1;
        let line = line.map_err(|error| {
            CliError::io(
                format!("Could not read line {number} of standard input"),
                error,
            )
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let id = OrderId::parse(&line).map_err(|error| CliError::InputLine {
            line: number,
            error,
        })?;
        if seen.insert(id.clone()) {
            ids.push((number, id));
        } else {
            output.note(format!(
                "Line {number} repeats an order already given; it is exported once."
            ));
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Result<Vec<(usize, String)>, CliError> {
        read_ids(text.as_bytes(), &Output::new(false)).map(|ids| {
            ids.into_iter()
                .map(|(line, id)| (line, id.expose_secret().to_string()))
                .collect()
        })
    }

    #[test]
    fn one_id_a_line_blank_lines_and_spaces_ignored() {
        assert_eq!(
            ids("  firstID123 \n\n\t\nsecond-ID_4\r\nfirstID123\n").expect("read"),
            [
                (1, "firstID123".to_string()),
                (4, "second-ID_4".to_string())
            ]
        );
        assert!(ids("").expect("read").is_empty());
    }

    #[test]
    fn a_bad_line_is_named_by_its_number_not_its_text() {
        let error = ids("goodID1\n\nsecretPART/typo\n").expect_err("refused");
        let message = error.to_string();
        assert!(
            message.starts_with("line 3 of standard input: "),
            "{message}"
        );
        assert!(!message.contains("secretPART"), "{message}");
        assert_eq!(error.code(), cardcoins_core::ErrorCode::InvalidOrderId);
    }
}
