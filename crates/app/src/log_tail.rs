//! The last lines of the app's log, for the diagnostics a seller sends to support.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::logging::{FILE_PREFIX, FILE_SUFFIX};

/// How much of the end of each file is read: far more than the lines asked for take, while a
/// day logged at trace stays cheap to read.
const TAIL_BYTES: u64 = 1024 * 1024;

/// The last `count` lines of the log, oldest first, reaching back into earlier files when the
/// newest has fewer. A folder that does not exist (nothing logged yet) has no lines.
pub fn last_lines(folder: &Path, count: usize) -> std::io::Result<Vec<String>> {
    let mut files = match log_files(folder) {
        Ok(files) => files,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut newest_first: Vec<String> = Vec::new();
    while newest_first.len() < count {
        let Some(path) = files.pop() else { break };
        let lines = tail_of(&path)?;
        let wanted = count - newest_first.len();
        newest_first.extend(lines.into_iter().rev().take(wanted));
    }
    newest_first.reverse();
    Ok(newest_first)
}

/// The app's log files, oldest first (their names carry the date).
fn log_files(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| {
                    name.starts_with(&format!("{FILE_PREFIX}."))
                        && name.ends_with(&format!(".{FILE_SUFFIX}"))
                })
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The whole lines in the last [`TAIL_BYTES`] of a file.
fn tail_of(path: &Path) -> std::io::Result<Vec<String>> {
    let mut file = std::fs::File::open(path)?;
    let length = file.metadata()?.len();
    let start = length.saturating_sub(TAIL_BYTES);
    file.seek(SeekFrom::Start(start))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    if start > 0 && !lines.is_empty() {
        // The read began inside a line.
        lines.remove(0);
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_log(folder: &Path, day: &str, lines: std::ops::Range<usize>) {
        let text: String = lines.map(|n| format!("{day} line {n}\n")).collect();
        std::fs::write(
            folder.join(format!("{FILE_PREFIX}.{day}.{FILE_SUFFIX}")),
            text,
        )
        .expect("log written");
    }

    #[test]
    fn a_short_log_gives_all_its_lines() {
        let folder = tempfile::tempdir().expect("temp dir");
        write_log(folder.path(), "2026-11-24", 0..5);
        let lines = last_lines(folder.path(), 200).expect("read");
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0], "2026-11-24 line 0");
        assert_eq!(lines[4], "2026-11-24 line 4");
    }

    #[test]
    fn a_long_log_gives_its_last_lines_in_order() {
        let folder = tempfile::tempdir().expect("temp dir");
        write_log(folder.path(), "2026-11-24", 0..1000);
        let lines = last_lines(folder.path(), 200).expect("read");
        assert_eq!(lines.len(), 200);
        assert_eq!(lines[0], "2026-11-24 line 800");
        assert_eq!(lines[199], "2026-11-24 line 999");
    }

    #[test]
    fn a_new_day_reaches_back_into_yesterday_and_ignores_other_files() {
        let folder = tempfile::tempdir().expect("temp dir");
        write_log(folder.path(), "2026-11-22", 0..500);
        write_log(folder.path(), "2026-11-23", 0..150);
        write_log(folder.path(), "2026-11-24", 0..30);
        std::fs::write(folder.path().join("notes.txt"), "not a log line\n").expect("written");
        std::fs::create_dir(
            folder
                .path()
                .join(format!("{FILE_PREFIX}.dir.{FILE_SUFFIX}")),
        )
        .expect("folder");
        let lines = last_lines(folder.path(), 200).expect("read");
        assert_eq!(lines.len(), 200);
        assert_eq!(lines[0], "2026-11-22 line 480");
        assert_eq!(lines[20], "2026-11-23 line 0");
        assert_eq!(lines[199], "2026-11-24 line 29");
        assert!(!lines.iter().any(|line| line.contains("not a log line")));
    }

    #[test]
    fn a_huge_file_is_read_from_its_end_only() {
        let folder = tempfile::tempdir().expect("temp dir");
        let long = "x".repeat(4000);
        let text: String = (0..600).map(|n| format!("{long} {n}\n")).collect();
        assert!(text.len() as u64 > TAIL_BYTES);
        std::fs::write(
            folder
                .path()
                .join(format!("{FILE_PREFIX}.2026-11-24.{FILE_SUFFIX}")),
            text,
        )
        .expect("written");
        let lines = last_lines(folder.path(), 200).expect("read");
        assert_eq!(lines.len(), 200);
        assert!(lines.iter().all(|line| line.starts_with(&long)));
        assert!(lines[199].ends_with(" 599"));
    }

    #[test]
    fn a_missing_folder_has_no_lines() {
        let folder = tempfile::tempdir().expect("temp dir");
        let lines = last_lines(&folder.path().join("never-made"), 200).expect("no error");
        assert!(lines.is_empty());
    }
}
