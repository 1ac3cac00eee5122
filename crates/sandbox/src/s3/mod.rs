//! The S3 side: presigned POST policies (what the presign endpoint hands out) and a real S3
//! POST Object endpoint built on `s3s`, which checks the SigV4 signature and every policy
//! condition before our code sees the file.

mod endpoint;
mod expiry;
mod objects;
mod policy;

pub(crate) use endpoint::router;
pub use expiry::ExpiryCheck;
pub(crate) use objects::ObjectStore;
pub(crate) use policy::{presign_post, PostPolicyRequest, S3Credentials};

/// The bucket name of the reference's examples.
pub(crate) const BUCKET: &str = "cardcoins-images";
/// Where the S3 endpoint is mounted on the sandbox's port.
pub(crate) const MOUNT: &str = "/s3";
