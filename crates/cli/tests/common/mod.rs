//! What the CLI's integration tests share: running the binary, scratch folders, files.
#![allow(dead_code)] // each test binary uses its own share of these

pub mod site;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `marquee` with `args`, as a reviewer would: no base URL from the environment, and a
/// fixed clock so that builds are reproducible.
pub fn marquee(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_marquee"))
        .args(args)
        .env_remove("MARQUEE_BASE_URL")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("marquee runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A path in the repository.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// A scratch folder unique to one test (and to this run), empty.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("marquee-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// Writes `text` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a file");
    path
}
