//! Errors of the library: an opaque [`Error`] over a private kind, carrying where the
//! input went wrong (file, line, column in code points, both 1-based) and what to do.
//!
//! The binary adds context with anyhow; the library never prints.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input something went wrong. Line and column are 1-based, the column
/// counted in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte offset `byte` in `text`.
    pub fn of_byte(text: &str, byte: usize) -> Position {
        let byte = floor_char_boundary(text, byte.min(text.len()));
        let before = &text[..byte];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug)]
enum Kind {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Input {
        path: PathBuf,
        position: Option<Position>,
        message: String,
    },
    Store(String),
    /// A bad option value (`--encoding NAME`), found before any work starts.
    Usage(String),
}

/// An error of diplograph's library.
#[derive(Debug)]
pub struct Error(Box<Kind>);

impl Error {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Error {
        Error(Box::new(Kind::Io {
            path: path.to_path_buf(),
            source,
        }))
    }

    /// Bad content in an input file (a document, a lexicon, a gold file).
    pub(crate) fn input(
        path: &Path,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Error {
        Error(Box::new(Kind::Input {
            path: path.to_path_buf(),
            position,
            message: message.into(),
        }))
    }

    pub(crate) fn store(message: impl Into<String>) -> Error {
        Error(Box::new(Kind::Store(message.into())))
    }

    /// A bad option value; the message names the option and what it accepts.
    pub(crate) fn usage(message: impl Into<String>) -> Error {
        Error(Box::new(Kind::Usage(message.into())))
    }

    /// Is this a bad option value (exit code 2) rather than a failure of the work?
    pub fn is_usage(&self) -> bool {
        matches!(&*self.0, Kind::Usage(_))
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match &*self.0 {
            Kind::Io { path, .. } | Kind::Input { path, .. } => Some(path),
            Kind::Store(_) | Kind::Usage(_) => None,
        }
    }

    /// The position in that file, if known.
    pub fn position(&self) -> Option<&Position> {
        match &*self.0 {
            Kind::Input { position, .. } => position.as_ref(),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.0 {
            Kind::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Kind::Input {
                path,
                position: Some(p),
                message,
            } => {
                write!(f, "{}:{}:{}: {message}", path.display(), p.line, p.column)
            }
            Kind::Input {
                path,
                position: None,
                message,
            } => write!(f, "{}: {message}", path.display()),
            Kind::Store(message) | Kind::Usage(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    /// None: the message already says what the I/O error said, and a chain printer
    /// (anyhow's `{:#}`) would say it twice.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_code_points() {
        let text = "第一行\n中方建议";
        assert_eq!(Position::of_byte(text, 0), Position { line: 1, column: 1 });
        let at = text.find("建议").unwrap();
        assert_eq!(Position::of_byte(text, at), Position { line: 2, column: 3 });
        // inside a character: the start of that character
        assert_eq!(
            Position::of_byte(text, at + 1),
            Position { line: 2, column: 3 }
        );
    }
}
