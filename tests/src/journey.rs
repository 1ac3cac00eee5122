//! The steps of selling a card, as a person does them in the window. Each journey test strings
//! them together; every step leaves a screenshot.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use fantoccini::Locator;

use crate::words::Words;
use crate::{x11, AppSession, HarnessError, ScreenshotBook};

/// The sandbox accepts this US number; one ending in 0403 would fail the geolocation check.
pub const PHONE: &str = "650 253 0000";
/// Another valid US number, for journeys whose sales must not count towards `PHONE`'s volume.
pub const KYC_PHONE: &str = "650 253 0001";

pub struct Journey<'a> {
    pub session: &'a AppSession,
    pub book: ScreenshotBook,
    /// The in-app sandbox's origin, learnt from the captcha window's address.
    pub sandbox_origin: Option<String>,
    /// The card's value as the app writes it ("$55.00"), once typed in [`Journey::amount`].
    pub amount_text: Option<String>,
    /// Where the seller asked for the bitcoin to go, once typed in a payout step.
    pub destination: Option<String>,
    /// The window's language: what each check expects to read.
    pub words: Words,
    /// Every screenshot also checks that no text is cut off (a longer language's journeys).
    pub check_fit: bool,
}

impl<'a> Journey<'a> {
    pub fn new(session: &'a AppSession, name: &str) -> Result<Self, HarnessError> {
        Ok(Self {
            session,
            book: ScreenshotBook::new(name)?,
            sandbox_origin: None,
            amount_text: None,
            destination: None,
            words: Words::english(),
            check_fit: false,
        })
    }

    /// A journey through a window that speaks `locale` (`es-US`, or the pseudo-locale `en-XA`).
    pub fn in_language(
        session: &'a AppSession,
        name: &str,
        locale: &str,
    ) -> Result<Self, HarnessError> {
        let mut journey = Journey::new(session, name)?;
        journey.words = Words::for_locale(locale);
        journey.check_fit = true;
        Ok(journey)
    }

    /// A journey that goes on in a new session (after a restart) with the screenshots so far.
    pub fn with_book(
        session: &'a AppSession,
        book: ScreenshotBook,
        sandbox_origin: Option<String>,
    ) -> Self {
        Self {
            session,
            book,
            sandbox_origin,
            amount_text: None,
            destination: None,
            words: Words::english(),
            check_fit: false,
        }
    }

    /// The picture comes from the X display, which can lag a keystroke behind the page: a
    /// moment's pause lets the last one paint.
    pub async fn shot(&mut self, step: &str) -> Result<(), HarnessError> {
        tokio::time::sleep(Duration::from_millis(150)).await;
        self.book.take(self.session, step).await?;
        // The captcha window shows the captcha service's page, not the app's.
        if self.check_fit && step != "captcha" {
            let cut = crate::fit::cut_off(self.session).await?;
            if !cut.is_empty() {
                return Err(HarnessError::CutOff {
                    step: step.to_string(),
                    cut,
                });
            }
        }
        Ok(())
    }

    /// Scrolls an element into view, for a screenshot of what lies below the fold.
    pub async fn scroll_to(&self, test_id: &str) -> Result<(), HarnessError> {
        let element = self.session.find_test_id(test_id).await?;
        let element = serde_json::to_value(element)
            .map_err(|error| HarnessError::Io(std::io::Error::other(error.to_string())))?;
        self.session
            .client
            .execute("arguments[0].scrollIntoView();", vec![element])
            .await?;
        Ok(())
    }

    /// Saves the Settings screen, waits until it says so, and goes back.
    pub async fn save_settings(&self) -> Result<(), HarnessError> {
        let s = self.session;
        s.click("settings-save").await?;
        s.wait_for_text("settings-saved", "saved", 15).await?;
        s.click("back").await
    }

    /// A whole sale up to the review, each step as in the methods below: the amount, `PHONE`,
    /// the payout, the photos, submit.
    pub async fn sell(
        &mut self,
        dollars: &str,
        destination: &str,
        kind: &str,
        photos: &[(&str, &Path)],
    ) -> Result<(), HarnessError> {
        self.amount(dollars).await?;
        self.phone(PHONE).await?;
        self.payout(destination, kind).await?;
        self.photos(photos).await?;
        self.submit().await
    }

    /// A new step takes the focus to its heading, so a screen reader starts reading there and
    /// Tab starts from the top of the step. Waits briefly: the step's screen loads on demand.
    pub async fn expect_heading_focus(&self, step_test_id: &str) -> Result<(), HarnessError> {
        let script = "const step = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);
                      const active = document.activeElement;
                      if (step && active && active.tagName === 'H1' && step.contains(active)) return null;
                      return active ? active.outerHTML.slice(0, 160) : 'nothing';";
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            let focused = self
                .session
                .client
                .execute(script, vec![serde_json::json!(step_test_id)])
                .await?;
            if focused.is_null() {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                return Err(HarnessError::FocusNotOnHeading {
                    step: step_test_id.to_string(),
                    focused: focused.as_str().unwrap_or_default().to_string(),
                });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn amount(&mut self, dollars: &str) -> Result<(), HarnessError> {
        self.another_sale("start", dollars).await
    }

    /// The amount step of a sale begun with the button `via` ("start" on the welcome screen,
    /// "Sell another card" elsewhere).
    pub async fn another_sale(&mut self, via: &str, dollars: &str) -> Result<(), HarnessError> {
        let s = self.session;
        s.click(via).await?;
        self.expect_heading_focus("step-amount").await?;
        s.type_into("amount-input", dollars).await?;
        s.wait_for_text("quote-sats", &self.sats_word(), 15).await?;
        // Dollars first: what the card pays in dollars is the quote's headline.
        let you_get = format!("{}$", self.words.before("amount-you-get", "usd"));
        s.wait_for_text("quote-usd", &you_get, 15).await?;
        self.amount_text = Some(amount_text(dollars));
        self.shot("amount").await?;
        s.click("continue").await?;
        s.find_test_id("step-phone").await?;
        self.expect_heading_focus("step-phone").await?;
        Ok(())
    }

    /// Number, captcha window, the code from the sandbox banner, verify.
    pub async fn phone(&mut self, number: &str) -> Result<(), HarnessError> {
        let s = self.session;
        s.type_into("phone-input", number).await?;
        self.shot("phone").await?;
        s.click("send-code").await?;
        self.solve_captcha().await?;
        s.find_test_id("code-sent").await?;
        let banner = s.wait_for_text("sandbox-code", "", 15).await?;
        let code: String = banner.chars().filter(char::is_ascii_digit).collect();
        s.type_into("code-input", &code).await?;
        self.shot("code").await?;
        s.click("verify-code").await?;
        s.find_test_id("step-payout").await?;
        self.expect_heading_focus("step-payout").await?;
        Ok(())
    }

    /// The captcha opens in its own window with no IPC; a person ticks the box there.
    pub async fn solve_captcha(&mut self) -> Result<(), HarnessError> {
        let client = &self.session.client;
        let main = enter_captcha_window(client).await?;
        let tick = client.find(Locator::Css(PRACTICE_CHECKBOX)).await?;
        self.shot("captcha").await?;
        self.sandbox_origin = Some(practice_service_origin(client).await?);
        tick.click().await?;
        client.switch_to_window(main).await?;
        Ok(())
    }

    /// Types the destination and waits for the app to accept it as `kind`.
    pub async fn payout(&mut self, destination: &str, kind: &str) -> Result<(), HarnessError> {
        let s = self.session;
        s.type_into("destination-input", destination).await?;
        s.wait_for_text("destination-kind", kind, 10).await?;
        self.destination = Some(destination.to_string());
        self.shot("payout").await?;
        s.click("continue").await?;
        s.find_test_id("step-photos").await?;
        self.expect_heading_focus("step-photos").await?;
        Ok(())
    }

    /// The payout step offers a fresh address from the seller's wallet: it must be `address`,
    /// numbered `number`; Continue sends it.
    pub async fn payout_from_wallet(
        &mut self,
        number: u32,
        address: &str,
    ) -> Result<(), HarnessError> {
        let s = self.session;
        s.wait_for_text("payout-fresh-address", address, 15).await?;
        s.wait_for_text("payout-fresh-number", &format!("#{number}"), 5)
            .await?;
        self.destination = Some(address.to_string());
        self.shot(&format!("payout-wallet-{number}")).await?;
        s.click("continue").await?;
        s.find_test_id("step-photos").await?;
        self.expect_heading_focus("step-photos").await?;
        Ok(())
    }

    /// A payout over the name threshold: the order says the name is required, so the name
    /// fields show with the destination, and Continue goes on once both are filled in.
    pub async fn payout_with_name(
        &mut self,
        destination: &str,
        kind: &str,
        first: &str,
        last: &str,
    ) -> Result<(), HarnessError> {
        let s = self.session;
        s.find_test_id("name-fields").await?;
        s.type_into("destination-input", destination).await?;
        s.wait_for_text("destination-kind", kind, 10).await?;
        s.type_into("first-name", first).await?;
        s.type_into("last-name", last).await?;
        self.destination = Some(destination.to_string());
        self.shot("payout").await?;
        s.click("continue").await?;
        s.find_test_id("step-photos").await?;
        self.expect_heading_focus("step-photos").await?;
        Ok(())
    }

    /// Picks and waits for the upload. A slot that already says "Uploaded" (a replacement) is
    /// only done once its preview shows the new picture; an error in the slot ends the wait.
    pub async fn choose_photo(&mut self, slot: &str, file: &Path) -> Result<(), HarnessError> {
        let before = self.preview_of(slot).await?;
        self.pick_file(slot, file).await?;
        let s = self.session;
        let status_id = format!("photo-status-{slot}");
        let error_id = format!("photo-error-{slot}");
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        loop {
            let status = s.find_test_id(&status_id).await?.text().await?;
            if status.contains(&self.words.text("photos-uploaded", &[])) {
                let preview = self.preview_of(slot).await?;
                if preview.is_some() && preview != before {
                    return Ok(());
                }
            }
            if s.is_present(&error_id).await? {
                let shown = s.find_test_id(&error_id).await?.text().await?;
                return Err(HarnessError::TextNotFound {
                    test_id: status_id,
                    needle: "Uploaded".into(),
                    last: format!("the slot shows an error: {shown}"),
                });
            }
            if std::time::Instant::now() > deadline {
                return Err(HarnessError::TextNotFound {
                    test_id: status_id,
                    needle: "Uploaded, with the new photo's preview".into(),
                    last: status,
                });
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The preview picture's data URL in a slot, if it shows one.
    async fn preview_of(&self, slot: &str) -> Result<Option<String>, HarnessError> {
        let selector = format!("[data-testid=\"photo-slot-{slot}\"] img");
        match self.session.client.find(Locator::Css(&selector)).await {
            Ok(image) => Ok(image.attr("src").await?),
            Err(error) if error.is_no_such_element() => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Only the picking: what the app makes of the file is for the caller to check.
    pub async fn pick_file(&mut self, slot: &str, file: &Path) -> Result<(), HarnessError> {
        let s = self.session;
        s.click(&format!("choose-photo-{slot}")).await?;
        x11::choose_file_in_gtk_dialog(
            s.display_name(),
            &self.words.photo_dialog_title(),
            &file.display().to_string(),
        )
    }

    pub async fn photos(&mut self, files: &[(&str, &Path)]) -> Result<(), HarnessError> {
        for (slot, file) in files {
            self.choose_photo(slot, file).await?;
        }
        self.shot("photos").await?;
        self.session.click("continue").await?;
        self.session.find_test_id("step-review").await?;
        self.expect_heading_focus("step-review").await?;
        Ok(())
    }

    /// Sends the photos for verification from the review, which must name where the bitcoin
    /// goes: never a blank where the money is.
    pub async fn submit(&mut self) -> Result<(), HarnessError> {
        let shown = self
            .session
            .wait_for_text("review-destination", "", 15)
            .await?;
        if let Some(sent) = &self.destination {
            expect_destination("review-destination", &shown, sent)?;
        } else if shown.trim().is_empty() {
            return Err(HarnessError::TextNotFound {
                test_id: "review-destination".into(),
                needle: "a destination".into(),
                last: shown,
            });
        }
        self.shot("review").await?;
        self.session.click("submit-verification").await?;
        self.session.find_test_id("step-status").await?;
        self.expect_heading_focus("step-status").await?;
        self.shot("processing").await?;
        Ok(())
    }

    pub async fn wait_for_status(
        &mut self,
        label: &str,
        step: &str,
    ) -> Result<String, HarnessError> {
        let text = self
            .session
            .wait_for_text("status-label", label, 60)
            .await?;
        if label == self.words.text("status-label-approved", &[]) {
            self.expect_payout_shown().await?;
        }
        self.shot(step).await?;
        Ok(text)
    }

    /// An approval says what was sent, in sats and dollars, and where to: from the app's own
    /// record, whatever the server echoes.
    /// Your orders with the sale in it, then Settings: each photographed.
    pub async fn history_and_settings(&mut self) -> Result<(), HarnessError> {
        let s = self.session;
        s.click("open-history").await?;
        s.find_test_id("history-item").await?;
        self.shot("history").await?;
        s.click("open-settings").await?;
        s.find_test_id("settings-save").await?;
        self.shot("settings").await
    }

    /// "sats" as the window writes it after a number.
    fn sats_word(&self) -> String {
        let two = self.words.text("money-sats", &[("count", "2")]);
        two.trim_start_matches(['[', '2', ' '])
            .trim_end_matches(']')
            .to_string()
    }

    pub async fn expect_payout_shown(&self) -> Result<(), HarnessError> {
        let s = self.session;
        let summary = s
            .wait_for_text("payout-summary", &self.sats_word(), 15)
            .await?;
        if let Some(amount) = &self.amount_text {
            if !summary.contains(amount.as_str()) {
                return Err(HarnessError::TextNotFound {
                    test_id: "payout-summary".into(),
                    needle: amount.clone(),
                    last: summary,
                });
            }
        }
        s.wait_for_text("payout-usd", "$", 15).await?;
        let whole = s
            .client
            .execute(
                "const e = document.querySelector('[data-testid=\"payout-destination\"]'); \
                 return e ? e.textContent : '';",
                vec![],
            )
            .await?;
        let whole = whole.as_str().unwrap_or_default().to_string();
        match &self.destination {
            Some(sent) => expect_destination("payout-destination", &whole, sent),
            None if whole.trim().is_empty() => Err(HarnessError::TextNotFound {
                test_id: "payout-destination".into(),
                needle: "a destination".into(),
                last: whole,
            }),
            None => Ok(()),
        }
    }
}

/// "2600" or "55.00" typed: "$2,600.00" or "$55.00", as the app writes it.
fn amount_text(typed: &str) -> String {
    let typed = typed.trim().trim_start_matches('$').replace(',', "");
    let (whole, cents) = typed.split_once('.').unwrap_or((typed.as_str(), ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("${grouped}.{cents:0<2}")
}

/// The app shows the destination as it sends it (normalised: no `bitcoin:` link, one case), so
/// the typed one is compared by its tail, which any form of it keeps.
fn expect_destination(test_id: &str, shown: &str, typed: &str) -> Result<(), HarnessError> {
    let core = typed
        .split(['?', '&'])
        .next()
        .unwrap_or(typed)
        .trim()
        .to_ascii_lowercase();
    let tail: String = core
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if shown.to_ascii_lowercase().contains(&tail) {
        Ok(())
    } else {
        Err(HarnessError::TextNotFound {
            test_id: test_id.into(),
            needle: tail,
            last: shown.to_string(),
        })
    }
}

/// The practice reCAPTCHA's checkbox, rendered by the sandbox's script inside the app's captcha
/// page (a person reaches it with Tab and ticks it with Space).
pub const PRACTICE_CHECKBOX: &str = "#captcha #not-a-robot";

/// The in-app sandbox's origin (`http://127.0.0.1:PORT`), read in the captcha window from the
/// practice reCAPTCHA script the page loaded. The page itself runs under the registered origin.
pub async fn practice_service_origin(client: &fantoccini::Client) -> Result<String, HarnessError> {
    let origin = client
        .execute(
            "const s = document.getElementById('recaptcha-script'); \
             return s ? new URL(s.src).origin : null;",
            vec![],
        )
        .await?;
    origin
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| HarnessError::Fixture {
            what: "the captcha page",
            detail: "it loaded no practice reCAPTCHA script".into(),
        })
}

/// Waits for the captcha window to open beside the main one, switches WebDriver to it and waits
/// for the practice checkbox in its page; returns the main window's handle, to switch back.
pub async fn enter_captcha_window(
    client: &fantoccini::Client,
) -> Result<fantoccini::wd::WindowHandle, HarnessError> {
    let main = client.window().await?;
    let mut captcha = None;
    for _ in 0..150 {
        captcha = client
            .windows()
            .await?
            .into_iter()
            .find(|handle| *handle != main);
        if captcha.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let captcha = captcha.ok_or(HarnessError::NotReady {
        what: "the captcha window",
        seconds: 15,
    })?;
    client.switch_to_window(captcha).await?;
    client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(PRACTICE_CHECKBOX))
        .await?;
    Ok(main)
}

pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cardcoins-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A phone-sized, textured JPEG made with ImageMagick (installed by the setup script).
pub fn card_photo(dir: &Path, name: &str) -> Result<PathBuf, HarnessError> {
    let path = dir.join(name);
    let status = Command::new("/usr/bin/convert")
        .args(["-size", "2400x1600", "plasma:orange-white", "-blur", "0x1"])
        .args([
            "-font",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "-pointsize",
            "120",
        ])
        .args([
            "-fill",
            "black",
            "-annotate",
            "+200+900",
            "4111 1111 1111 1111",
            "-quality",
            "90",
        ])
        .arg(&path)
        .status()
        .map_err(|source| HarnessError::Spawn {
            program: "convert (ImageMagick)",
            source,
        })?;
    if !status.success() {
        return Err(HarnessError::Io(std::io::Error::other(format!(
            "convert could not make {name}"
        ))));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::amount_text;

    #[test]
    fn amounts_read_as_the_app_writes_them() {
        assert_eq!(amount_text("55"), "$55.00");
        assert_eq!(amount_text("55.5"), "$55.50");
        assert_eq!(amount_text("2600.00"), "$2,600.00");
        assert_eq!(amount_text("1234567"), "$1,234,567.00");
    }
}
