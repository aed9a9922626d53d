//! Rendering: DOT text → SVG or PNG, by Graphviz's `dot` program.
//!
//! In: the DOT text that [`crate::export::dot`] writes and a format (`svg` or `png`). Out: the
//! picture's bytes. Graphviz is found on `PATH`; when it is not installed the error says
//! how to install it (the DOT itself never needs it). Chinese labels render in SVG as
//! they are; PNG needs a CJK font (Debian: `fonts-wqy-zenhei`).

use std::io::Write;
use std::process::{Command, Stdio};

/// The formats `--render` accepts.
pub const FORMATS: [&str; 2] = ["svg", "png"];

/// Why a drawing could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// `dot` is not on `PATH`.
    NotInstalled,
    UnknownFormat(String),
    /// `dot` ran and failed.
    Failed(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::NotInstalled => f.write_str(
                "--render needs Graphviz, and its `dot` program is not on PATH: install it \
                 (Debian, Ubuntu: `sudo apt-get install graphviz fonts-wqy-zenhei`; macOS: \
                 `brew install graphviz`; others: https://graphviz.org/download/), or leave \
                 out --render to write DOT and render it elsewhere",
            ),
            RenderError::UnknownFormat(f2) => write!(
                f,
                "cannot render as {f2:?}; use one of {}",
                FORMATS.join(", ")
            ),
            RenderError::Failed(m) => write!(f, "Graphviz's dot failed: {m}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders `dot` as `format` (`svg` or `png`) with Graphviz.
pub fn render(dot: &str, format: &str) -> Result<Vec<u8>, RenderError> {
    if !FORMATS.contains(&format) {
        return Err(RenderError::UnknownFormat(format.to_string()));
    }
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => RenderError::NotInstalled,
            _ => RenderError::Failed(format!("cannot start it: {e}")),
        })?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let text = dot.to_string();
    // write from another thread, so a large picture cannot deadlock the pipes
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| RenderError::Failed(e.to_string()))?;
    let written = writer.join().unwrap_or(Ok(()));
    if !out.status.success() {
        return Err(RenderError::Failed(
            String::from_utf8_lossy(&out.stderr).trim().to_string(),
        ));
    }
    written.map_err(|e| RenderError::Failed(format!("cannot write to it: {e}")))?;
    Ok(out.stdout)
}
