//! Checks, in a release build, that a panic during photo intake comes back as an error the
//! seller sees instead of ending the app. Test harnesses always unwind whatever the profile
//! says, so only a release binary like this one shows what the shipped app does.
//!
//! `cargo run --release -p cardcoins-photos --example panic_boundary` exits 0 when every panic
//! came back as `PhotoError::Internal`; built with `panic = "abort"` it dies at the first one.

use cardcoins_photos::{catch_panic, IntakeOptions, PhotoError, PhotoIntake};

fn main() {
    if cfg!(debug_assertions) {
        eprintln!("panic_boundary: run it with --release; a debug build proves nothing here");
        std::process::exit(2);
    }
    // The panics below are on purpose: their reports would only look like failures.
    std::panic::set_hook(Box::new(|_| {}));
    let on_this_thread =
        catch_panic(|| -> Result<(), PhotoError> { panic!("decoder bug on purpose") });
    let on_a_worker = catch_panic(|| {
        std::thread::scope(|scope| {
            scope.spawn(|| panic!("worker bug on purpose"));
        });
        Ok(())
    });
    let mut failed = false;
    for (case, result) in [
        ("a panic in the task", on_this_thread),
        ("a panic on a worker thread", on_a_worker),
    ] {
        match result {
            Err(PhotoError::Internal(message)) => println!("{case}: ok ({message})"),
            other => {
                eprintln!("{case}: expected PhotoError::Internal, got {other:?}");
                failed = true;
            }
        }
    }
    // The intake still works after the panics.
    let intake = PhotoIntake::new(IntakeOptions::default());
    match intake.prepare_bytes(b"plain text, not a photo") {
        Err(error) if error.code() == "photo.unsupported_format" => {
            println!("the intake still answers: ok")
        }
        other => {
            eprintln!("the intake after the panics: {other:?}");
            failed = true;
        }
    }
    std::process::exit(i32::from(failed));
}
