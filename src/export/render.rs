//! Rendering: DOT text → SVG or PNG, by Graphviz's `dot` program.
//!
//! In: the DOT text that [`crate::export::dot`] writes and a format (`svg` or `png`). Out: the
//! picture's bytes. Graphviz is found on `PATH`; when it is not installed the error says
//! how to install it (the DOT itself never needs it). Chinese labels render in SVG as
//! they are; PNG needs a CJK font (Debian: `fonts-wqy-zenhei`).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::error::{Error, ErrorKind, Result};

/// The formats `--render` accepts.
pub const FORMATS: [&str; 2] = ["svg", "png"];

const NOT_INSTALLED: &str = "--render needs Graphviz, and its `dot` program is not on PATH: install it \
     (Debian, Ubuntu: `sudo apt-get install graphviz fonts-wqy-zenhei`; macOS: \
     `brew install graphviz`; others: https://graphviz.org/download/), or leave \
     out --render to write DOT and render it elsewhere";

/// Graphviz's `dot` failed: `what`.
fn failed(what: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Render, format!("Graphviz's dot failed: {what}"))
}

/// Renders `dot` as `format` (`svg` or `png`) with Graphviz.
pub fn render(dot: &str, format: &str) -> Result<Vec<u8>> {
    if !FORMATS.contains(&format) {
        return Err(Error::new(
            ErrorKind::Render,
            format!(
                "cannot render as {format:?}; use one of {}",
                FORMATS.join(", ")
            ),
        ));
    }
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::new(ErrorKind::Render, NOT_INSTALLED),
            _ => failed(format_args!("cannot start it: {e}")),
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let text = dot.to_string();
    // write from another thread, so a large picture cannot deadlock the pipes
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child.wait_with_output().map_err(failed)?;
    let written = writer.join().unwrap_or(Ok(()));
    if !out.status.success() {
        return Err(failed(String::from_utf8_lossy(&out.stderr).trim()));
    }
    written.map_err(|e| failed(format_args!("cannot write to it: {e}")))?;
    Ok(out.stdout)
}
