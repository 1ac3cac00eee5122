use std::io::BufRead;

use cardcoins_core::OrderId;

use crate::error::CliError;

/// Reads an order ID from the argument, or from the first line of standard input when the
/// argument is `-` (so the secret stays out of shell history and `ps`).
pub fn read_order_id(argument: &str) -> Result<OrderId, CliError> {
    if argument.trim() == "-" {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|error| {
                CliError::io("Could not read the order ID from standard input", error)
            })?;
        Ok(OrderId::parse(&line)?)
    } else {
        Ok(OrderId::parse(argument)?)
    }
}
