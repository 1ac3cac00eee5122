use serde::Serialize;

/// A request that changes nothing the client needs to read back was accepted; the server's
/// message ("Verification code has been sent") is kept for showing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ack {
    pub message: String,
}
