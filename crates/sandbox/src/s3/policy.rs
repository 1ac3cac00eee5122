//! Presigned POST: a policy document signed with SigV4 (AWS4-HMAC-SHA256).
//!
//! Signed here with plain HMAC-SHA256 and checked by `s3s` on upload: two independent
//! implementations, so a mistake in one shows up as a refused upload in the tests.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::distr::{Alphanumeric, SampleString};
use serde::Serialize;
use serde_json::json;
use sha2::Sha256;
use time::macros::format_description;

use crate::clock::{self, EpochMillis};

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const REGION: &str = "us-east-1";
const SERVICE: &str = "s3";

/// The sandbox's own S3 key pair, new on every start (a presign only lives seconds anyway).
pub(crate) struct S3Credentials {
    pub access_key: String,
    pub secret_key: String,
}

impl S3Credentials {
    pub fn random() -> Self {
        let mut rng = rand::rng();
        Self {
            access_key: format!(
                "SANDBOX{}",
                Alphanumeric
                    .sample_string(&mut rng, 13)
                    .to_ascii_uppercase()
            ),
            secret_key: Alphanumeric.sample_string(&mut rng, 40),
        }
    }
}

/// What one upload may be.
pub(crate) struct PostPolicyRequest<'a> {
    pub url: String,
    pub bucket: &'a str,
    pub key: &'a str,
    pub content_type: &'a str,
    pub max_bytes: u64,
    pub issued_at: EpochMillis,
    pub expires_at: EpochMillis,
}

/// The policy as S3 documents it: expiration first, then the conditions in order.
#[derive(Serialize)]
struct PolicyDocument {
    expiration: String,
    conditions: Vec<serde_json::Value>,
}

/// The presign endpoint's `data`: the form target and the fields to send before the file.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PresignedPost {
    pub url: String,
    pub fields: PostFields,
}

/// Field names and order exactly as in the reference's example.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PostFields {
    pub key: String,
    pub acl: String,
    #[serde(rename = "Content-Type")]
    pub content_type: String,
    pub success_action_status: String,
    pub bucket: String,
    #[serde(rename = "X-Amz-Algorithm")]
    pub algorithm: String,
    #[serde(rename = "X-Amz-Credential")]
    pub credential: String,
    #[serde(rename = "X-Amz-Date")]
    pub date: String,
    #[serde(rename = "Policy")]
    pub policy: String,
    #[serde(rename = "X-Amz-Signature")]
    pub signature: String,
}

pub(crate) fn presign_post(
    credentials: &S3Credentials,
    request: &PostPolicyRequest<'_>,
) -> PresignedPost {
    let issued = clock::to_datetime(request.issued_at);
    let day = issued
        .format(format_description!("[year][month][day]"))
        .unwrap_or_default();
    let amz_date = issued
        .format(format_description!(
            "[year][month][day]T[hour][minute][second]Z"
        ))
        .unwrap_or_default();
    let credential = format!(
        "{}/{day}/{REGION}/{SERVICE}/aws4_request",
        credentials.access_key
    );

    let policy_document = PolicyDocument {
        expiration: clock::iso8601(request.expires_at),
        conditions: vec![
            json!({"bucket": request.bucket}),
            json!(["eq", "$key", request.key]),
            json!({"acl": "private"}),
            json!({"Content-Type": request.content_type}),
            json!({"success_action_status": "201"}),
            json!(["content-length-range", 1, request.max_bytes]),
            json!({"X-Amz-Algorithm": ALGORITHM}),
            json!({"X-Amz-Credential": credential}),
            json!({"X-Amz-Date": amz_date}),
        ],
    };
    let policy = BASE64.encode(serde_json::to_string(&policy_document).unwrap_or_default());
    let signature = hex::encode(sign(&credentials.secret_key, &day, &policy));

    PresignedPost {
        url: request.url.clone(),
        fields: PostFields {
            key: request.key.to_string(),
            acl: "private".into(),
            content_type: request.content_type.to_string(),
            success_action_status: "201".into(),
            bucket: request.bucket.to_string(),
            algorithm: ALGORITHM.into(),
            credential,
            date: amz_date,
            policy,
            signature,
        },
    }
}

/// SigV4 for a POST policy: the string to sign is the base64 policy itself.
fn sign(secret_key: &str, day: &str, string_to_sign: &str) -> [u8; 32] {
    hmac_sha256(
        &signing_key(secret_key, day, REGION, SERVICE),
        string_to_sign.as_bytes(),
    )
}

fn signing_key(secret_key: &str, day: &str, region: &str, service: &str) -> [u8; 32] {
    let date_key = hmac_sha256(format!("AWS4{secret_key}").as_bytes(), day.as_bytes());
    let region_key = hmac_sha256(&date_key, region.as_bytes());
    let service_key = hmac_sha256(&region_key, service.as_bytes());
    hmac_sha256(&service_key, b"aws4_request")
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC takes keys of any length, so this never fails.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return [0; 32];
    };
    mac.update(data);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of AWS's "Examples of how to derive a signing key for Signature Version 4".
    #[test]
    fn signing_key_matches_the_aws_documentation_example() {
        let key = signing_key(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "20120215",
            "us-east-1",
            "iam",
        );
        assert_eq!(
            hex::encode(key),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"
        );
    }

    #[test]
    fn fields_carry_the_policy_conditions() {
        let credentials = S3Credentials {
            access_key: "AKID".into(),
            secret_key: "secret".into(),
        };
        let presigned = presign_post(
            &credentials,
            &PostPolicyRequest {
                url: "http://127.0.0.1:1/s3/cardcoins-images".into(),
                bucket: "cardcoins-images",
                key: "abc_Image1",
                content_type: "image/jpeg",
                max_bytes: 5_242_880,
                issued_at: 1_632_883_136_000,
                expires_at: 1_632_883_151_000,
            },
        );
        assert_eq!(presigned.fields.date, "20210929T023856Z");
        assert_eq!(
            presigned.fields.credential,
            "AKID/20210929/us-east-1/s3/aws4_request"
        );
        let decoded = BASE64.decode(&presigned.fields.policy).unwrap_or_default();
        let document: serde_json::Value = serde_json::from_slice(&decoded).unwrap_or_default();
        assert_eq!(document["expiration"], "2021-09-29T02:39:11.000Z");
        assert_eq!(
            document["conditions"][5],
            json!(["content-length-range", 1, 5_242_880])
        );
    }
}
