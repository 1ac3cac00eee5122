use serde::Serialize;

/// What the image store said after storing a photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UploadReceipt {
    /// The stored object's URL, when the store said.
    pub location: Option<String>,
    /// The object's key in the bucket.
    pub key: String,
    /// The object's ETag (quoted, as S3 sends it), when the store said.
    pub etag: Option<String>,
}
