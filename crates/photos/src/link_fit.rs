//! A prepared photo made to fit a byte budget set by the link it will travel over, so that it
//! arrives inside its short upload permission.

use crate::error::PhotoError;
use crate::{IntakeOptions, PhotoIntake, PreparedPhoto};

/// The long side a photo keeps when the budget allows it.
pub const LINK_PREFERRED_LONG_SIDE: u32 = 2000;
/// The long side no photo goes under for a slow link: the card's print stays readable.
pub const LINK_MIN_LONG_SIDE: u32 = 1600;

/// What fits the link.
#[derive(Debug, Clone)]
pub enum LinkFit {
    /// Within the budget: untouched if it already was, otherwise at the largest size and
    /// quality that fit.
    Fits(PreparedPhoto),
    /// Even at [`LINK_MIN_LONG_SIDE`] and the lowest quality it is over the budget: the
    /// smallest the photo may be made, to send only if the person chooses to try.
    TooBig(PreparedPhoto),
}

impl PhotoIntake {
    /// `prepared` (this intake's result) fitted to `budget` bytes. It is re-encoded from its own
    /// upright, metadata-free pixels, keeping [`LINK_PREFERRED_LONG_SIDE`] where the budget
    /// allows and never going under [`LINK_MIN_LONG_SIDE`].
    pub fn fit_for_link(
        &self,
        prepared: &PreparedPhoto,
        budget: u64,
    ) -> Result<LinkFit, PhotoError> {
        if prepared.bytes.len() as u64 <= budget {
            return Ok(LinkFit::Fits(prepared.clone()));
        }
        let within = |budget: u64, min_long_side: u32| {
            PhotoIntake::new(IntakeOptions {
                max_output_bytes: budget,
                min_long_side,
                ..self.options().clone()
            })
            .prepare_bytes(&prepared.bytes)
            .map(|fitted| as_from_the_original(fitted, prepared))
        };
        match within(budget, LINK_PREFERRED_LONG_SIDE) {
            Err(PhotoError::CannotFitBudget { .. }) => {}
            other => return other.map(LinkFit::Fits),
        }
        match within(budget, LINK_MIN_LONG_SIDE) {
            Err(PhotoError::CannotFitBudget { smallest, .. }) => {
                within(smallest, LINK_MIN_LONG_SIDE).map(LinkFit::TooBig)
            }
            other => other.map(LinkFit::Fits),
        }
    }
}

/// The refit's own source is the prepared photo; what the person sees describes their file.
fn as_from_the_original(fitted: PreparedPhoto, original: &PreparedPhoto) -> PreparedPhoto {
    PreparedPhoto {
        source_format: original.source_format,
        source_bytes: original.source_bytes,
        source_width: original.source_width,
        source_height: original.source_height,
        orientation_applied: original.orientation_applied,
        warnings: original.warnings.clone(),
        preview_jpeg: original.preview_jpeg.clone(),
        ..fitted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pictures;

    fn prepared_photo() -> PreparedPhoto {
        let jpeg = crate::encode::encode_jpeg(&test_pictures::noisy(3000, 2250), 95).expect("jpeg");
        PhotoIntake::new(IntakeOptions::default())
            .prepare_bytes(&jpeg)
            .expect("prepared")
    }

    #[test]
    fn a_photo_within_the_budget_goes_untouched() {
        let photo = prepared_photo();
        let intake = PhotoIntake::new(IntakeOptions::default());
        let LinkFit::Fits(fitted) = intake
            .fit_for_link(&photo, photo.bytes.len() as u64)
            .expect("fit")
        else {
            panic!("expected a fit");
        };
        assert_eq!(fitted.bytes, photo.bytes);
    }

    #[test]
    fn a_slow_link_gets_a_smaller_photo_no_shorter_than_the_floor() {
        let photo = prepared_photo();
        let intake = PhotoIntake::new(IntakeOptions::default());
        let budget = photo.bytes.len() as u64 / 4;
        let LinkFit::Fits(fitted) = intake.fit_for_link(&photo, budget).expect("fit") else {
            panic!("expected a fit");
        };
        assert!(fitted.bytes.len() as u64 <= budget);
        assert!(fitted.width.max(fitted.height) >= LINK_MIN_LONG_SIDE);
        assert_eq!(fitted.source_width, photo.source_width);
    }

    #[test]
    fn a_budget_nothing_fits_gives_the_smallest_at_the_floor() {
        let photo = prepared_photo();
        let intake = PhotoIntake::new(IntakeOptions::default());
        let LinkFit::TooBig(smallest) = intake.fit_for_link(&photo, 5_000).expect("fit") else {
            panic!("expected too big");
        };
        assert_eq!(smallest.width.max(smallest.height), LINK_MIN_LONG_SIDE);
        assert!(smallest.bytes.len() > 5_000);
    }
}
