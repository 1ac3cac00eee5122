//! The photos an order can ask for, named as the API names them in upload paths.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{CoreError, Reason};

/// Exported to TypeScript as the API's own names (`"Image1"`), as serde writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ImageSlot {
    Image1,
    Image2,
    GovidImageFront,
    GovidImageBack,
    GovidImageSelfPortrait,
}

impl ImageSlot {
    pub const ALL: [ImageSlot; 5] = [
        ImageSlot::Image1,
        ImageSlot::Image2,
        ImageSlot::GovidImageFront,
        ImageSlot::GovidImageBack,
        ImageSlot::GovidImageSelfPortrait,
    ];

    /// The exact string the API uses, e.g. in `/orders/<id>/images/Image1`.
    pub const fn as_api_str(self) -> &'static str {
        match self {
            ImageSlot::Image1 => "Image1",
            ImageSlot::Image2 => "Image2",
            ImageSlot::GovidImageFront => "GovidImageFront",
            ImageSlot::GovidImageBack => "GovidImageBack",
            ImageSlot::GovidImageSelfPortrait => "GovidImageSelfPortrait",
        }
    }

    /// What the seller should photograph. The server may send its own description per order;
    /// this is the fallback when it does not.
    pub const fn description(self) -> &'static str {
        match self {
            ImageSlot::Image1 => "Front of the card",
            ImageSlot::Image2 => "Back of the card",
            ImageSlot::GovidImageFront => "Front of your government ID",
            ImageSlot::GovidImageBack => "Back of your government ID",
            ImageSlot::GovidImageSelfPortrait => "A selfie of you holding your government ID",
        }
    }
}

impl ImageSlot {
    /// The slots a server's text names by their API identifiers ("Missing: GovidImageFront"),
    /// in the order they appear, each once. Only whole identifiers count, so "Image10" names
    /// nothing; the words around them never matter.
    pub fn named_in(text: &str) -> Vec<ImageSlot> {
        let mut named = Vec::new();
        for token in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            if let Some(slot) = ImageSlot::ALL
                .into_iter()
                .find(|slot| slot.as_api_str().eq_ignore_ascii_case(token))
            {
                if !named.contains(&slot) {
                    named.push(slot);
                }
            }
        }
        named
    }
}

impl ImageSlot {
    /// A server's text with each API identifier replaced by what the seller knows the photo as:
    /// "upload it as Image2" reads "upload it as “Back of the card”". Only whole identifiers
    /// change; every other word stays the server's.
    pub fn in_sellers_words(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut token = String::new();
        let flush = |token: &mut String, out: &mut String| {
            match ImageSlot::ALL
                .into_iter()
                .find(|slot| slot.as_api_str().eq_ignore_ascii_case(token))
            {
                Some(slot) => {
                    out.push('“');
                    out.push_str(slot.description());
                    out.push('”');
                }
                None => out.push_str(token),
            }
            token.clear();
        };
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                token.push(c);
            } else {
                flush(&mut token, &mut out);
                out.push(c);
            }
        }
        flush(&mut token, &mut out);
        out
    }
}

impl fmt::Display for ImageSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_api_str())
    }
}

impl FromStr for ImageSlot {
    type Err = CoreError;

    fn from_str(input: &str) -> Result<ImageSlot, CoreError> {
        let trimmed = input.trim();
        ImageSlot::ALL
            .into_iter()
            .find(|slot| slot.as_api_str().eq_ignore_ascii_case(trimmed))
            .ok_or_else(|| {
                let known: Vec<&str> = ImageSlot::ALL.iter().map(|s| s.as_api_str()).collect();
                CoreError::UnknownImageSlot(
                    Reason::new("reason-image-slot-unknown")
                        .with("input", trimmed.chars().take(40).collect::<String>())
                        .with("known", known.join(", ")),
                )
            })
    }
}

impl Serialize for ImageSlot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_api_str())
    }
}

impl<'de> Deserialize<'de> for ImageSlot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ImageSlot, D::Error> {
        let raw = String::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_photos_in_the_sellers_words_and_leaves_the_rest() {
        assert_eq!(
            ImageSlot::in_sellers_words("Upload a new photo as Image2, not image10."),
            "Upload a new photo as “Back of the card”, not image10."
        );
        assert_eq!(
            ImageSlot::in_sellers_words("Missing: GovidImageFront"),
            "Missing: “Front of your government ID”"
        );
        assert_eq!(ImageSlot::in_sellers_words("Café ok"), "Café ok");
    }

    #[test]
    fn round_trips_every_slot() {
        for slot in ImageSlot::ALL {
            assert_eq!(slot.as_api_str().parse::<ImageSlot>(), Ok(slot));
            let json = serde_json::to_string(&slot).unwrap();
            assert_eq!(json, format!("\"{}\"", slot.as_api_str()));
            assert_eq!(serde_json::from_str::<ImageSlot>(&json).unwrap(), slot);
            assert!(!slot.description().is_empty());
        }
    }

    #[test]
    fn parses_any_case_and_refuses_unknown() {
        assert_eq!("image1".parse(), Ok(ImageSlot::Image1));
        assert_eq!(" GOVIDIMAGEBACK ".parse(), Ok(ImageSlot::GovidImageBack));
        let err = "Image3".parse::<ImageSlot>().unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::UnknownImageSlot);
        assert!(err.to_string().contains("GovidImageSelfPortrait"), "{err}");
        assert!(serde_json::from_str::<ImageSlot>("\"Selfie\"").is_err());
    }

    #[test]
    fn finds_slots_named_by_identifier_in_any_text() {
        assert_eq!(
            ImageSlot::named_in(
                "Bad Request. Missing: GovidImageFront, GovidImageBack; govidimagefront"
            ),
            vec![ImageSlot::GovidImageFront, ImageSlot::GovidImageBack]
        );
        assert_eq!(
            ImageSlot::named_in("Image10 and xImage1 and Image 1"),
            vec![]
        );
        assert_eq!(ImageSlot::named_in("(Image2)"), vec![ImageSlot::Image2]);
    }
}
