use std::fmt;

use base64::Engine;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Duration, OffsetDateTime, PrimitiveDateTime};
use url::Url;

/// Permission to upload one image to the store: where to POST, and the form fields to send, in
/// the order the server gave them. It expires 15 seconds after it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presign {
    pub url: Url,
    #[serde(deserialize_with = "ordered_fields")]
    pub fields: Vec<(String, String)>,
}

/// The reference: "The presigned data expires after 15 seconds."
pub const PRESIGN_LIFETIME: Duration = Duration::seconds(15);

impl Presign {
    /// A form field by name; S3 field names are case-insensitive.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// When the permission runs out: the POST policy's own `expiration` when the policy can be
    /// read, else the signing time (`X-Amz-Date`) plus the reference's 15 seconds.
    pub fn expires_at(&self) -> Option<OffsetDateTime> {
        self.policy_expiration().or_else(|| {
            let signed = self.field("X-Amz-Date")?;
            let format = format_description!("[year][month][day]T[hour][minute][second]Z");
            PrimitiveDateTime::parse(signed.trim(), &format)
                .ok()
                .map(|moment| moment.assume_utc() + PRESIGN_LIFETIME)
        })
    }

    fn policy_expiration(&self) -> Option<OffsetDateTime> {
        let policy = self.field("Policy")?;
        let json = base64::engine::general_purpose::STANDARD
            .decode(policy.trim())
            .ok()?;
        let document: serde_json::Value = serde_json::from_slice(&json).ok()?;
        OffsetDateTime::parse(document.get("expiration")?.as_str()?, &Rfc3339).ok()
    }
}

/// Reads a JSON object into pairs in document order (a map type would sort them). Scalar values
/// that are not strings (`"success_action_status": 201`) are kept as their JSON text.
fn ordered_fields<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(String, String)>, D::Error> {
    struct FieldsVisitor;

    impl<'de> Visitor<'de> for FieldsVisitor {
        type Value = Vec<(String, String)>;

        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            formatter.write_str("an object of form fields")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut fields = Vec::with_capacity(map.size_hint().unwrap_or(10));
            while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                let text = match value {
                    serde_json::Value::String(text) => text,
                    serde_json::Value::Number(number) => number.to_string(),
                    serde_json::Value::Bool(flag) => flag.to_string(),
                    other => {
                        return Err(serde::de::Error::custom(format!(
                            "the form field {key:?} is not text but {other}"
                        )))
                    }
                };
                fields.push((key, text));
            }
            Ok(fields)
        }
    }

    deserializer.deserialize_map(FieldsVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_fields_in_document_order() {
        let presign: Presign = serde_json::from_str(
            r#"{"url":"https://s3.amazonaws.com/cardcoins-images","fields":{"key":"h_Image1","acl":"private",
            "Content-Type":"image/jpeg","success_action_status":201,"bucket":"cardcoins-images",
            "X-Amz-Algorithm":"AWS4-HMAC-SHA256","Policy":"p","X-Amz-Signature":"s"}}"#,
        )
        .expect("presign");
        let names: Vec<&str> = presign.fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "key",
                "acl",
                "Content-Type",
                "success_action_status",
                "bucket",
                "X-Amz-Algorithm",
                "Policy",
                "X-Amz-Signature"
            ]
        );
        assert_eq!(presign.field("content-type"), Some("image/jpeg"));
        assert_eq!(presign.field("success_action_status"), Some("201"));
    }

    #[test]
    fn refuses_nested_values() {
        let result = serde_json::from_str::<Presign>(
            r#"{"url":"https://x.test/","fields":{"key":{"a":1}}}"#,
        );
        assert!(result.is_err());
    }
}
