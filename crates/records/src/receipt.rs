//! A receipt for one order, as a PDF the seller can save: the card value, the quote, where the
//! bitcoin went, how the status went, and the payout. Like the exports, it shows the order ID only
//! when the seller ticks "include order IDs".
//!
//! The text is drawn in the PDF's built-in fonts (Helvetica, Courier), which every reader has, so
//! no font file ships or is embedded. They cover only WinAnsi (Windows-1252): another character
//! is drawn as "?". Values are in Courier, whose characters are all as wide, so a long address or
//! invoice wraps exactly without font metrics.

use std::io::Write;

use cardcoins_catalog::{Catalog, Value};
use cardcoins_core::{Cents, OrderId, OrderStatus, Sats};
use cardcoins_vault::OrderRecord;
use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use time::{OffsetDateTime, UtcOffset};

use crate::error::RecordsError;
use crate::facts::{OrderFacts, PayoutDestination};
use crate::row::PayoutRef;
use crate::scrub::scrub;
use crate::usd::usd_value_at_receipt;

/// One order's receipt: what the seller sold, for what, where it went and how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub card_value: Cents,
    /// When the order was made.
    pub ordered_at: OffsetDateTime,
    /// What the order pays (or paid).
    pub quote: Option<ReceiptQuote>,
    pub destination: Option<PayoutDestination>,
    pub phone_last_digits: Option<String>,
    /// Whether a first and last name went with the payout; the names are never kept.
    pub names_given: bool,
    /// The status's label, as the app shows it.
    pub status: String,
    /// Oldest first.
    pub history: Vec<ReceiptEntry>,
    /// Once the order is approved.
    pub payout: Option<ReceiptPayout>,
    /// Drawn only when [`Receipt::write_pdf`] is asked to.
    pub order_id: Option<OrderId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReceiptQuote {
    pub sats: Sats,
    /// US cents per whole bitcoin.
    pub price: Cents,
    /// The sats at that price.
    pub value: Cents,
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptEntry {
    /// The status's label.
    pub status: String,
    pub at: OffsetDateTime,
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptPayout {
    pub sats: Sats,
    /// The sats at the quote's price; `None` without a quote.
    pub value: Option<Cents>,
    pub reference: Option<PayoutRef>,
}

impl Receipt {
    /// The receipt for an order: its facts, and the record for its status history. `order_id`
    /// is needed to scrub the texts even when it is not to be drawn.
    pub fn new(
        facts: &OrderFacts,
        record: &OrderRecord,
        order_id: Option<&OrderId>,
        catalog: &Catalog,
    ) -> Receipt {
        let ids: Vec<&OrderId> = order_id.into_iter().collect();
        let clean = |text: &str| scrub(text, &ids);
        Receipt {
            card_value: facts.card_value,
            ordered_at: facts.created_at,
            quote: facts.quote.map(|quote| ReceiptQuote {
                sats: quote.sats,
                price: quote.price,
                value: usd_value_at_receipt(quote.sats, quote.price),
                at: quote.at,
            }),
            destination: facts
                .destination
                .as_ref()
                .map(|destination| PayoutDestination {
                    text: clean(&destination.text),
                    lightning: destination.lightning,
                }),
            phone_last_digits: facts.phone_last_digits.clone(),
            names_given: facts.names_given,
            status: clean(&status_label(catalog, &facts.status)),
            history: record
                .history
                .iter()
                .map(|entry| ReceiptEntry {
                    status: clean(&status_label(catalog, &entry.status)),
                    at: entry.at,
                    message: entry.message.as_deref().map(clean),
                })
                .collect(),
            payout: facts
                .paid_sats
                .filter(|_| facts.approved)
                .map(|sats| ReceiptPayout {
                    sats,
                    value: facts.paid_value(),
                    reference: facts.payout_ref.as_ref().map(|reference| match reference {
                        PayoutRef::Txid(text) => PayoutRef::Txid(clean(text)),
                        PayoutRef::PaymentHash(text) => PayoutRef::PaymentHash(clean(text)),
                    }),
                }),
            order_id: order_id.cloned(),
        }
    }

    /// Writes the receipt as an A4 PDF in the catalog's language, one page unless the history
    /// is long. The order ID is drawn only with `include_order_id`.
    pub fn write_pdf<W: Write>(
        &self,
        include_order_id: bool,
        created_at: OffsetDateTime,
        catalog: &Catalog,
        mut writer: W,
    ) -> Result<(), RecordsError> {
        let words = |id: &str| catalog.text(id, &[]);
        let mut pages = Pages::new();
        pages.line(Font::Title, MARGIN, &words("receipt-title"));
        pages.gap();
        pages.field(&words("receipt-made"), &utc_minutes(created_at));
        pages.gap();
        self.draw_order(&mut pages, include_order_id, catalog);
        pages.gap();
        // A heading alone at the foot of a page reads as the end of the receipt.
        pages.room(2);
        pages.line(Font::Bold, MARGIN, &words("receipt-history"));
        for entry in &self.history {
            let mut value = entry.status.clone();
            if let Some(message) = &entry.message {
                value = format!("{value}: {message}");
            }
            pages.field_in(Font::Regular, &utc_minutes(entry.at), &value);
        }
        pages.gap();
        pages.line(Font::Small, MARGIN, &words("receipt-dollars-note"));
        let page_of = catalog.text(
            "receipt-page-of",
            &[
                ("page", Value::from("{page}")),
                ("pages", Value::from("{pages}")),
            ],
        );
        let title = words("receipt-title");
        writer.write_all(&to_pdf(pages.finish(&page_of), created_at, &title))?;
        writer.flush()?;
        Ok(())
    }

    /// A name to offer in the save dialog: "cardcoins-receipt-2026-12-07-1955.pdf", from when the
    /// order was made.
    pub fn file_name(&self) -> String {
        let format = time::macros::format_description!("[year]-[month]-[day]-[hour][minute]");
        let stamp = self
            .ordered_at
            .to_offset(UtcOffset::UTC)
            .format(&format)
            .unwrap_or_else(|_| "order".to_string());
        format!("cardcoins-receipt-{stamp}.pdf")
    }

    fn draw_order(&self, pages: &mut Pages, include_order_id: bool, catalog: &Catalog) {
        let words = |id: &str| catalog.text(id, &[]);
        pages.field(&words("receipt-card-value"), &self.card_value.to_string());
        pages.field(&words("receipt-ordered"), &utc_minutes(self.ordered_at));
        pages.field(&words("receipt-status"), &self.status);
        if let Some(quote) = &self.quote {
            pages.field(&words("receipt-quote"), &quote.sats.to_string());
            pages.field(&words("receipt-price"), &quote.price.to_string());
            pages.field(&words("receipt-quote-value"), &quote.value.to_string());
            pages.field(&words("receipt-quoted-at"), &utc_minutes(quote.at));
        }
        if let Some(destination) = &self.destination {
            let kind = if destination.lightning {
                "receipt-lightning"
            } else {
                "receipt-onchain"
            };
            pages.field(&words(kind), &destination.text);
        }
        if let Some(digits) = &self.phone_last_digits {
            pages.field(&words("receipt-phone"), digits);
        }
        let names = if self.names_given {
            "receipt-yes"
        } else {
            "receipt-no"
        };
        pages.field(&words("receipt-names"), &words(names));
        if let Some(payout) = &self.payout {
            pages.field(&words("receipt-paid"), &payout.sats.to_string());
            if let Some(value) = payout.value {
                pages.field(&words("receipt-paid-value"), &value.to_string());
            }
            match &payout.reference {
                Some(PayoutRef::Txid(txid)) => pages.field(&words("receipt-txid"), txid),
                Some(PayoutRef::PaymentHash(hash)) => {
                    pages.field(&words("receipt-payment-hash"), hash)
                }
                None => {}
            }
        }
        if let Some(id) = self.order_id.as_ref().filter(|_| include_order_id) {
            pages.field(&words("receipt-order-id"), id.expose_secret());
            pages.line(Font::Small, VALUE_X, &words("receipt-order-id-warning"));
        }
    }
}

/// The status as the app names it; a status this version does not know keeps the server's word.
fn status_label(catalog: &Catalog, status: &OrderStatus) -> String {
    match status {
        OrderStatus::Unknown(_) => status.label(),
        known => catalog.text(&format!("status-label-{}", known.as_str()), &[]),
    }
}

/// "2026-12-07 19:55 UTC": a receipt is read by a person, to the minute.
fn utc_minutes(moment: OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    moment
        .to_offset(UtcOffset::UTC)
        .format(&format)
        .unwrap_or_default()
}

// A4, in points.
const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
/// Where values start, past the widest label.
const VALUE_X: f32 = MARGIN + 130.0;
const LEADING: f32 = 14.0;
const VALUE_SIZE: f32 = 10.0;
/// Every Courier glyph is 0.6 of the font size wide.
const VALUE_CHARS: usize = ((PAGE_WIDTH - MARGIN - VALUE_X) / (VALUE_SIZE * 0.6)) as usize;

#[derive(Clone, Copy)]
enum Font {
    Title,
    Bold,
    Regular,
    Small,
    Value,
}

/// The built-in fonts, with the names the pages call them by.
const FONTS: [(&[u8], &[u8]); 3] = [
    (b"F1", b"Helvetica"),
    (b"F2", b"Helvetica-Bold"),
    (b"F3", b"Courier"),
];

impl Font {
    fn name_and_size(self) -> (Name<'static>, f32) {
        match self {
            Font::Title => (Name(FONTS[1].0), 16.0),
            Font::Bold => (Name(FONTS[1].0), VALUE_SIZE),
            Font::Regular => (Name(FONTS[0].0), VALUE_SIZE),
            Font::Small => (Name(FONTS[0].0), 8.0),
            Font::Value => (Name(FONTS[2].0), VALUE_SIZE),
        }
    }
}

/// The pages' content, a line at a time from the top, onto a new page when one is full.
struct Pages {
    done: Vec<Content>,
    page: Content,
    /// The next line's baseline.
    y: f32,
}

const TOP: f32 = PAGE_HEIGHT - MARGIN;

impl Pages {
    fn new() -> Pages {
        Pages {
            done: Vec::new(),
            page: Content::new(),
            y: TOP,
        }
    }

    fn line(&mut self, font: Font, x: f32, text: &str) {
        self.room(1);
        self.draw(font, x, text);
        let (_, size) = font.name_and_size();
        self.y -= LEADING.max(size + 6.0);
    }

    fn gap(&mut self) {
        self.y -= LEADING / 2.0;
    }

    fn field(&mut self, label: &str, value: &str) {
        self.field_in(Font::Bold, label, value);
    }

    /// A label and its value beside it, wrapped, kept together on one page.
    fn field_in(&mut self, label_font: Font, label: &str, value: &str) {
        let lines = wrap(value, VALUE_CHARS);
        self.room(lines.len());
        self.draw(label_font, MARGIN, label);
        for line in lines {
            self.draw(Font::Value, VALUE_X, &line);
            self.y -= LEADING;
        }
    }

    fn room(&mut self, lines: usize) {
        let needed = LEADING * lines as f32;
        if self.y - needed < MARGIN && self.y < TOP {
            self.done
                .push(std::mem::replace(&mut self.page, Content::new()));
            self.y = TOP;
        }
    }

    fn draw(&mut self, font: Font, x: f32, text: &str) {
        let (name, size) = font.name_and_size();
        self.page
            .begin_text()
            .set_font(name, size)
            .next_line(x, self.y - size)
            .show(Str(&win_ansi(text)))
            .end_text();
    }

    /// Every page, numbered (with `page_of`'s `{page}` and `{pages}`) when there is more than one.
    fn finish(mut self, page_of: &str) -> Vec<Content> {
        self.done.push(self.page);
        let count = self.done.len();
        if count > 1 {
            for (index, page) in self.done.iter_mut().enumerate() {
                let number = page_of
                    .replace("{page}", &(index + 1).to_string())
                    .replace("{pages}", &count.to_string());
                let (name, size) = Font::Small.name_and_size();
                page.begin_text()
                    .set_font(name, size)
                    .next_line(MARGIN, MARGIN / 2.0)
                    .show(Str(&win_ansi(&number)))
                    .end_text();
            }
        }
        self.done
    }
}

/// The document around the pages. Content streams stay uncompressed: a receipt is a few
/// kilobytes, and its text stays searchable in the file itself.
fn to_pdf(pages: Vec<Content>, created_at: OffsetDateTime, title: &str) -> Vec<u8> {
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let info = Ref::new(3);
    let font_refs = [Ref::new(4), Ref::new(5), Ref::new(6)];
    let first_page = 7;
    let page_refs: Vec<Ref> = (0..pages.len())
        .map(|index| Ref::new(first_page + 2 * index as i32))
        .collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_refs.iter().copied())
        .count(page_refs.len() as i32);
    for (content, page_ref) in pages.into_iter().zip(&page_refs) {
        let content_ref = Ref::new(page_ref.get() + 1);
        let mut page = pdf.page(*page_ref);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .parent(tree)
            .contents(content_ref);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        for ((name, _), font_ref) in FONTS.iter().zip(font_refs) {
            fonts.pair(Name(name), font_ref);
        }
        fonts.finish();
        resources.finish();
        page.finish();
        pdf.stream(content_ref, &content.finish());
    }
    for ((_, base), font_ref) in FONTS.iter().zip(font_refs) {
        pdf.type1_font(font_ref)
            .base_font(Name(base))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.document_info(info)
        .title(TextStr(title))
        .creator(TextStr("CardCoins Desktop"))
        .creation_date(pdf_date(created_at));
    pdf.finish()
}

fn pdf_date(moment: OffsetDateTime) -> Date {
    let utc = moment.to_offset(UtcOffset::UTC);
    Date::new(u16::try_from(utc.year()).unwrap_or(0))
        .month(utc.month().into())
        .day(utc.day())
        .hour(utc.hour())
        .minute(utc.minute())
        .second(utc.second())
        .utc_offset_hour(0)
}

/// WinAnsi's characters outside Latin-1 that texts use: the ellipsis an ID is cut to, and a
/// server's typographic punctuation.
const WIN_ANSI_EXTRA: [(char, u8); 10] = [
    ('€', 0x80),
    ('…', 0x85),
    ('\u{2018}', 0x91),
    ('\u{2019}', 0x92),
    ('\u{201C}', 0x93),
    ('\u{201D}', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('™', 0x99),
];

/// `text` in the built-in fonts' encoding, "?" for what it cannot show.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            // WinAnsi is Latin-1 in these ranges.
            ' '..='~' | '\u{A0}'..='\u{FF}' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
            _ => WIN_ANSI_EXTRA
                .iter()
                .find(|(extra, _)| *extra == c)
                .map_or(b'?', |(_, byte)| *byte),
        })
        .collect()
}

/// `text` in lines of at most `width` characters, broken between words, and inside a word (an
/// address, an invoice) longer than a line. Line breaks in the text become spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        for piece in chars.chunks(width) {
            let line = lines.last_mut().expect("never empty");
            let used = line.chars().count();
            if used > 0 && used + 1 + piece.len() > width {
                lines.push(piece.iter().collect());
            } else {
                if used > 0 {
                    line.push(' ');
                }
                line.extend(piece);
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_and_inside_long_ones() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("ab cdefgh", 4), vec!["ab", "cdef", "gh"]);
        assert_eq!(wrap("line\nbreak", 20), vec!["line break"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn text_is_encoded_for_the_built_in_fonts() {
        assert_eq!(win_ansi("$5 é"), b"$5 \xE9");
        assert_eq!(win_ansi("yD1…"), b"yD1\x85");
        assert_eq!(win_ansi("→ ₿"), b"? ?");
    }

    #[test]
    fn times_read_in_utc_to_the_minute() {
        let moment = time::macros::datetime!(2026-12-07 14:55:31 -05:00);
        assert_eq!(utc_minutes(moment), "2026-12-07 19:55 UTC");
    }
}
