//! Where a panic inside photo intake stops. A bug in a decoder, on a photo nobody foresaw, must
//! cost the seller that photo, not the app in the middle of an order. This works only where
//! panics unwind: the release profile must not set `panic = "abort"`, and
//! `examples/panic_boundary.rs` checks that in a release build.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::PhotoError;

/// Runs `task`; a panic in it, or in a scoped thread it did not join itself, comes back as
/// [`PhotoError::Internal`] naming the panic. Every public entry point of the intake runs
/// inside it.
pub fn catch_panic<T>(task: impl FnOnce() -> Result<T, PhotoError>) -> Result<T, PhotoError> {
    // Unwind safety holds: a task shares nothing but the intake's options, which it only reads,
    // and whatever it built is dropped with the panic.
    catch_unwind(AssertUnwindSafe(task)).unwrap_or_else(|payload| {
        Err(PhotoError::Internal(format!(
            "a bug stopped it: {}",
            panic_message(payload.as_ref())
        )))
    })
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internal_message(result: Result<(), PhotoError>) -> String {
        match result {
            Err(PhotoError::Internal(message)) => message,
            other => panic!("expected an internal error, got {other:?}"),
        }
    }

    #[test]
    fn results_pass_through() {
        assert_eq!(catch_panic(|| Ok(7)).unwrap(), 7);
        let refused = catch_panic(|| -> Result<(), PhotoError> { Err(PhotoError::Empty) });
        assert_eq!(refused.unwrap_err().code(), "photo.empty");
    }

    #[test]
    fn a_panic_becomes_an_internal_error_naming_it() {
        let message = internal_message(catch_panic(|| panic!("index 9 out of range")));
        assert!(message.contains("index 9 out of range"), "{message}");
        let formatted = internal_message(catch_panic(|| panic!("row {} of {}", 3, 2)));
        assert!(formatted.contains("row 3 of 2"), "{formatted}");
        let error =
            catch_panic(|| -> Result<(), PhotoError> { std::panic::panic_any(42u8) }).unwrap_err();
        assert_eq!(error.code(), "photo.internal");
        assert!(error
            .detail()
            .is_some_and(|detail| detail.contains("a panic without a message")));
    }

    #[test]
    fn a_panic_on_an_unjoined_worker_thread_is_caught() {
        let message = internal_message(catch_panic(|| {
            std::thread::scope(|scope| {
                scope.spawn(|| panic!("worker failed"));
            });
            Ok(())
        }));
        assert!(message.contains("a scoped thread panicked"), "{message}");
    }
}
