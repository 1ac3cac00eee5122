//! How fast the chain moves, in the sandbox clock's milliseconds.

use crate::clock::{self, EpochMillis};
use crate::config::SandboxConfig;

#[derive(Debug, Clone, Copy)]
pub(crate) struct ChainPace {
    pub first_seen_ms: EpochMillis,
    pub replace_after_ms: EpochMillis,
    pub block_interval_ms: EpochMillis,
}

impl ChainPace {
    pub fn from_config(config: &SandboxConfig) -> Self {
        Self {
            first_seen_ms: clock::millis(config.chain_first_seen),
            replace_after_ms: clock::millis(config.chain_replace_after),
            // A zero interval would mine forever in one step.
            block_interval_ms: clock::millis(config.chain_block_interval).max(1),
        }
    }
}
