//! Benchmark of the photo intake against libvips.
//!
//! `cargo run --release -p cardcoins-photos --example bench [-- --runs N] [-- --keep DIR]`
//!
//! Generates phone-like photos (sensor noise, a card with sharp print, EXIF orientation and
//! GPS) into a temporary folder, then prepares each one in a child process so that its wall
//! time and peak memory (the child's maximum resident set size, from `wait4`) are its own.
//! When `vipsthumbnail` is installed, the same job done by
//! `vipsthumbnail IN -s 4096x4096 -o OUT[Q=90,strip]` is measured the same way, and the ratios
//! are printed in a markdown table. Each measurement is the median of `--runs` runs (default 3).
//!
//! Internal subcommands: `bench generate DIR` writes the corpus (in its own process, so the
//! measuring process stays small: Linux counts the parent's memory at fork in a child's peak),
//! `bench prepare IN OUT` prepares one photo and prints what it did.

#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use cardcoins_photos::{IntakeOptions, PhotoIntake};
use fixtures::{encode_png, exif_tiff, phone_jpeg, phone_photo, png_chunk, stored_for};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("generate") {
        let Some(dir) = args.get(2) else {
            eprintln!("usage: bench generate DIR");
            std::process::exit(2);
        };
        if let Err(error) = generate(Path::new(dir)) {
            eprintln!("generating the corpus failed: {error}");
            std::process::exit(1);
        }
        return;
    }
    if args.get(1).map(String::as_str) == Some("prepare") {
        let (Some(input), Some(output)) = (args.get(2), args.get(3)) else {
            eprintln!("usage: bench prepare IN OUT");
            std::process::exit(2);
        };
        std::process::exit(prepare_one(Path::new(input), Path::new(output)));
    }
    let runs = flag_value(&args, "--runs")
        .and_then(|v| v.parse().ok())
        .unwrap_or(3usize)
        .max(1);
    let keep = flag_value(&args, "--keep").map(PathBuf::from);
    if let Err(error) = run(runs, keep) {
        eprintln!("bench failed: {error}");
        std::process::exit(1);
    }
}

fn flag_value(args: &[String], flag: &str) -> Option<String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// The child's job: prepare, write, report.
fn prepare_one(input: &Path, output: &Path) -> i32 {
    let intake = PhotoIntake::new(IntakeOptions::default());
    let started = Instant::now();
    let photo = match intake.prepare_path(input) {
        Ok(photo) => photo,
        Err(error) => {
            eprintln!("{}: {error}", error.code());
            return 1;
        }
    };
    let elapsed = started.elapsed();
    if let Err(error) = std::fs::write(output, &photo.bytes) {
        eprintln!("writing {}: {error}", output.display());
        return 1;
    }
    println!("prepare_ms={:.1}", elapsed.as_secs_f64() * 1000.0);
    println!("summary={}", photo.summary());
    0
}

struct Corpus {
    name: &'static str,
    path: PathBuf,
}

const CORPUS: [(&str, &str); 6] = [
    ("12 MP JPEG, fits (orientation 1)", "12mp-fits.jpg"),
    ("12 MP JPEG, fits, orientation 6", "12mp-fits-rotated.jpg"),
    ("24 MP JPEG, too big, orientation 6", "24mp.jpg"),
    ("48 MP JPEG, too big, orientation 6", "48mp.jpg"),
    ("12 MP PNG", "12mp.png"),
    // Only where libheif's `heif-enc` (libheif-examples) can make it and the intake can read it.
    ("12 MP HEIC (extra, not in the issue's corpus)", "12mp.heic"),
];

fn generate(dir: &Path) -> Result<(), String> {
    let write = |name: &str, bytes: &[u8]| -> Result<PathBuf, String> {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))?;
        Ok(path)
    };

    // 12 MP as phones save it: a 4032 x 3024 JPEG under 5 MB, landscape (orientation 1)...
    let twelve = phone_photo(4032, 3024, 8, 12);
    let mut quality = 92;
    let fitting = loop {
        let jpeg = phone_jpeg(&twelve, quality, Some(1));
        if jpeg.len() <= 4_800_000 || quality <= 60 {
            break jpeg;
        }
        quality -= 2;
    };
    write("12mp-fits.jpg", &fitting)?;
    // ...and the same photo held upright, stored sideways with orientation 6.
    let portrait = stored_for(&image::imageops::rotate90(&twelve), 6);
    write(
        "12mp-fits-rotated.jpg",
        &phone_jpeg(&portrait, quality, Some(6)),
    )?;
    drop(portrait);

    let twenty_four = phone_photo(6000, 4000, 8, 24);
    write("24mp.jpg", &phone_jpeg(&twenty_four, 95, Some(6)))?;
    drop(twenty_four);

    let forty_eight = phone_photo(8000, 6000, 8, 48);
    write("48mp.jpg", &phone_jpeg(&forty_eight, 95, Some(6)))?;
    drop(forty_eight);

    // A 12 MP PNG (a photo saved as PNG), with GPS in an eXIf chunk.
    let png = encode_png(&twelve);
    let after_ihdr = 8 + 25;
    let mut with_exif = png[..after_ihdr].to_vec();
    with_exif.extend(png_chunk(b"eXIf", &exif_tiff(Some(1), true)));
    with_exif.extend_from_slice(&png[after_ihdr..]);
    let png_path = write("12mp.png", &with_exif)?;

    if cardcoins_photos::heic_supported() {
        // heif-enc reads the PNG; quality 50 is about what an iPhone's HEIC weighs (~2.5 MB).
        let made = Command::new("heif-enc")
            .args(["-q", "50", "-o"])
            .arg(dir.join("12mp.heic"))
            .arg(&png_path)
            .output();
        if !matches!(made, Ok(ref out) if out.status.success()) {
            eprintln!(
                "heif-enc not found or failed (apt-get install libheif-examples): no HEIC row"
            );
        }
    }
    Ok(())
}

struct Measured {
    wall: Duration,
    peak_rss_kb: u64,
    output_bytes: u64,
    stdout: String,
}

/// The peak memory of one child comes from `wait4`, which only Unix has; elsewhere the bench
/// says so rather than report a figure it did not measure.
#[cfg(not(unix))]
fn measure(command: Command, _output: &Path) -> Result<Measured, String> {
    Err(format!(
        "cannot measure {command:?}: the benchmark needs wait4 (Linux or macOS)"
    ))
}

/// Runs `command` to completion and measures it: wall time from spawn to exit, and its peak
/// resident set size from `wait4`'s resource usage, which covers that child alone.
#[cfg(unix)]
fn measure(mut command: Command, output: &Path) -> Result<Measured, String> {
    let _ = std::fs::remove_file(output);
    let stdout_path = output.with_extension("stdout");
    let stdout = std::fs::File::create(&stdout_path).map_err(|e| e.to_string())?;
    command.stdout(stdout);
    let started = Instant::now();
    let child = command
        .spawn()
        .map_err(|e| format!("starting {command:?}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: plain FFI call with valid pointers to locals; the child is ours and not yet reaped
    // (its `Child` handle is dropped without waiting).
    let (reaped, usage) = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        let reaped = libc::wait4(pid, &mut status, 0, &mut usage);
        (reaped, usage)
    };
    let wall = started.elapsed();
    drop(child);
    if reaped != pid {
        return Err(format!("wait4 failed for {command:?}"));
    }
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!("{command:?} failed (status {status})"));
    }
    let output_bytes = std::fs::metadata(output)
        .map_err(|e| format!("{command:?} wrote no output: {e}"))?
        .len();
    Ok(Measured {
        wall,
        peak_rss_kb: usage.ru_maxrss as u64,
        output_bytes,
        stdout: std::fs::read_to_string(&stdout_path).unwrap_or_default(),
    })
}

/// The run with the median wall time.
fn median(mut runs: Vec<Measured>) -> Measured {
    runs.sort_by_key(|m| m.wall);
    let middle = runs.len() / 2;
    runs.swap_remove(middle)
}

fn vips_available() -> bool {
    Command::new("vipsthumbnail")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn run(runs: usize, keep: Option<PathBuf>) -> Result<(), String> {
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = keep.unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    eprintln!("generating the corpus in {} ...", dir.display());
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let generated = Command::new(&me)
        .arg("generate")
        .arg(&dir)
        .status()
        .map_err(|e| e.to_string())?;
    if !generated.success() {
        return Err("generating the corpus failed".to_string());
    }
    let corpus: Vec<Corpus> = CORPUS
        .iter()
        .map(|(name, file)| Corpus {
            name,
            path: dir.join(file),
        })
        .filter(|item| item.path.exists())
        .collect();
    let vips = vips_available();
    if !vips {
        eprintln!("vipsthumbnail not found (apt-get install libvips-tools): measuring ours only");
    }

    let mb = |bytes: u64| format!("{:.1} MB", bytes as f64 / 1e6);
    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let rss = |kb: u64| format!("{:.0} MB", kb as f64 / 1024.0);

    let mut rows = Vec::new();
    let mut summaries = Vec::new();
    for item in &corpus {
        eprintln!("measuring {} ...", item.name);
        let input_bytes = std::fs::metadata(&item.path)
            .map_err(|e| e.to_string())?
            .len();
        let ours_out = item.path.with_extension("ours.out");
        let ours = median(
            (0..runs)
                .map(|_| {
                    let mut command = Command::new(&me);
                    command.arg("prepare").arg(&item.path).arg(&ours_out);
                    measure(command, &ours_out)
                })
                .collect::<Result<_, _>>()?,
        );
        let prepare_ms = ours
            .stdout
            .lines()
            .find_map(|l| l.strip_prefix("prepare_ms="))
            .unwrap_or("?")
            .to_string();
        if let Some(summary) = ours.stdout.lines().find_map(|l| l.strip_prefix("summary=")) {
            summaries.push(format!("- {}: {summary}", item.name));
        }
        let mut row = format!(
            "| {} | {} | {} ({} ms in-process) | {} | {} |",
            item.name,
            mb(input_bytes),
            ms(ours.wall),
            prepare_ms,
            rss(ours.peak_rss_kb),
            mb(ours.output_bytes)
        );
        if vips {
            let vips_out = item.path.with_extension("vips.jpg");
            let vips = median(
                (0..runs)
                    .map(|_| {
                        let mut command = Command::new("vipsthumbnail");
                        command
                            .arg(&item.path)
                            .args(["-s", "4096x4096", "-o"])
                            .arg(format!("{}[Q=90,strip]", vips_out.display()));
                        measure(command, &vips_out)
                    })
                    .collect::<Result<_, _>>()?,
            );
            row.push_str(&format!(
                " {} | {} | {} | {:.2}x | {:.2}x |",
                ms(vips.wall),
                rss(vips.peak_rss_kb),
                mb(vips.output_bytes),
                ours.wall.as_secs_f64() / vips.wall.as_secs_f64(),
                ours.peak_rss_kb as f64 / vips.peak_rss_kb.max(1) as f64
            ));
        } else {
            row.push_str(" - | - | - | - | - |");
        }
        rows.push(row);
    }

    println!();
    println!(
        "| photo | input | ours: time | ours: peak RSS | ours: output | vipsthumbnail: time | vips: peak RSS | vips: output | time ours/vips | memory ours/vips |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for row in rows {
        println!("{row}");
    }
    println!();
    println!("Times are wall-clock per process, median of {runs} runs; peak RSS is the child's maximum resident set size.");
    println!();
    for summary in summaries {
        println!("{summary}");
    }
    Ok(())
}
