use crate::args::GlobalArgs;
use crate::error::CliError;
use crate::output::{timestamp, Output};

pub async fn run(global: &GlobalArgs, output: &Output) -> Result<(), CliError> {
    let tickers = global.client()?.get_tickers().await?;
    output.result(&tickers, || {
        let mut lines: Vec<String> = tickers
            .currencies
            .iter()
            .map(|ticker| {
                format!(
                    "{} {} per coin{}",
                    ticker.symbol,
                    ticker.price_usd,
                    if ticker.enabled {
                        ""
                    } else {
                        " (not available now)"
                    }
                )
            })
            .collect();
        lines.push(format!("updated {}", timestamp(tickers.last_updated_at)));
        lines.join("\n")
    });
    Ok(())
}
