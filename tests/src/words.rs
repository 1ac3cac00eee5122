//! What a journey expects to read, in the window's language: the app's own catalog
//! (catalog/<locale>/*.ftl), read here with fluent-bundle as the UI reads it with @fluent/bundle,
//! and the pseudo-locale made as the UI makes it. A journey in Spanish then checks the same
//! things as one in English, by message, not by a second copy of the words.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const CATALOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../catalog");

pub struct Words {
    bundle: FluentBundle<FluentResource>,
    /// The locale the window speaks (`en-XA` is English made pseudo).
    pub locale: String,
}

impl Words {
    pub fn english() -> Words {
        Words::for_locale("en-US")
    }

    /// `en-US`, `es-US`, or the pseudo-locale `en-XA`.
    pub fn for_locale(locale: &str) -> Words {
        let pseudo = locale == "en-XA";
        let source = if pseudo { "en-US" } else { locale };
        let id: LanguageIdentifier = source.parse().expect("a locale tag");
        let mut bundle = FluentBundle::new(vec![id]);
        bundle.set_use_isolating(false);
        if pseudo {
            bundle.set_transform(Some(pseudo_text));
        }
        let folder = std::path::Path::new(CATALOG).join(source);
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a catalog file");
            let resource = FluentResource::try_new(text).expect("the catalog parses");
            bundle.add_resource(resource).expect("no message twice");
        }
        Words {
            bundle,
            locale: locale.to_string(),
        }
    }

    /// The message `id` with text arguments, as the window shows it.
    pub fn text(&self, id: &str, args: &[(&str, &str)]) -> String {
        let message = self
            .bundle
            .get_message(id)
            .unwrap_or_else(|| panic!("no message {id} in {}", self.locale));
        let pattern = message.value().expect("a message with a value");
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(*value));
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        if self.locale == "en-XA" {
            format!("[{text}]")
        } else {
            text
        }
    }

    /// The message's text before the value `variable`: what is on screen while the value
    /// changes ("You get about " before the dollars).
    pub fn before(&self, id: &str, variable: &str) -> String {
        const MARK: &str = "\u{1}";
        let whole = self.text(id, &[(variable, MARK)]);
        whole.split(MARK).next().unwrap_or_default().to_string()
    }

    /// The title of the photo chooser, which Rust words (and does not make pseudo).
    pub fn photo_dialog_title(&self) -> String {
        let tag = if self.locale == "en-XA" {
            "en-US"
        } else {
            &self.locale
        };
        cardcoins_catalog::Catalog::for_tag(tag).text("dialog-choose-photos", &[])
    }
}

/// The UI's pseudo-locale (ui/src/lib/pseudo.ts): accented and about 40% longer, vowels
/// doubled evenly, the rest made up with "~".
fn pseudo_text(text: &str) -> std::borrow::Cow<'_, str> {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ACCENTED: &str = "áƀçðéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";
    let accent = |c: char| {
        PLAIN
            .chars()
            .position(|plain| plain == c)
            .and_then(|index| ACCENTED.chars().nth(index))
    };
    let chars: Vec<char> = text.chars().collect();
    if !chars.iter().any(|c| accent(*c).is_some()) {
        return text.into();
    }
    let is_vowel = |c: char| "aeiouAEIOU".contains(c);
    // The same arithmetic as the UI's, so the lengths agree to the character.
    let needed = (chars.len() as f64 * (1.4 - 1.0)).ceil() as usize;
    let vowel_count = chars.iter().filter(|c| is_vowel(**c)).count();
    let share = if vowel_count == 0 {
        0.0
    } else {
        (needed as f64 / vowel_count as f64).min(1.0)
    };
    let (mut owed, mut added, mut out) = (0.0, 0, String::new());
    for c in chars {
        let shown = accent(c).unwrap_or(c);
        out.push(shown);
        if !is_vowel(c) {
            continue;
        }
        owed += share;
        if owed >= 1.0 && added < needed {
            out.push(shown);
            owed -= 1.0;
            added += 1;
        }
    }
    out.push_str(&"~".repeat(needed - added));
    out.into()
}
