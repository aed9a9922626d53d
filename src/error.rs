//! Errors of the library: one [`Error`] type for every stage, with an [`ErrorKind`] that
//! says which part of the work failed, where the input went wrong (file, and a
//! [`Position`]: line and column in code points, both 1-based, and the byte offset), what
//! to do, and the underlying error as its [`source`](std::error::Error::source).
//!
//! `Display` writes the error itself, never its source, so that a chain printer shows
//! each cause once: anyhow's `{:#}` or [`Error::report`] give `path: what: cause`. The
//! binary adds context with anyhow; the library never prints.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where in an input something went wrong. Line and column are 1-based, the column
/// counted in code points; the offset is the byte offset in the (decoded) text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

impl Position {
    /// The position of byte offset `byte` in `text` (inside a character: that
    /// character's start).
    pub fn of_byte(text: &str, byte: usize) -> Position {
        let byte = floor_char_boundary(text, byte.min(text.len()));
        let before = &text[..byte];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Position {
            line,
            column,
            offset: byte,
        }
    }

    /// The position of a 1-based line and column of `text` (as JSON and TSV parsers
    /// report them); past the end of a line or of the text: its end.
    pub fn of_line_column(text: &str, line: usize, column: usize) -> Position {
        let mut offset = 0;
        for (n, l) in text.split_inclusive('\n').enumerate() {
            if n + 1 == line {
                let in_line: usize = l
                    .trim_end_matches('\n')
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return Position {
                    line,
                    column,
                    offset: offset + in_line,
                };
            }
            offset += l.len();
        }
        Position {
            line,
            column,
            offset: text.len(),
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Which part of the work failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An input document could not be found, read or decoded.
    Input,
    /// A lexicon or rule table (`--lexicon DIR`) could not be read, or a row is bad.
    Lexicon,
    /// A gold file could not be read or does not follow the gold format.
    Gold,
    /// The store could not be opened, read or written.
    Store,
    /// A SPARQL query does not parse, failed or ran out of time.
    Query,
    /// A push to a remote triplestore failed.
    Push,
    /// A drawing could not be rendered with Graphviz.
    Render,
    /// A SHACL validation could not run.
    Validate,
    /// A bad option value, found before any work starts (exit status 2).
    Usage,
}

type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    path: Option<PathBuf>,
    position: Option<Position>,
    message: String,
    source: Option<Source>,
}

/// An error of diplograph's library.
#[derive(Debug)]
pub struct Error(Box<Inner>);

impl Error {
    /// An error of `kind` that says `message` (what went wrong and what to do).
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            path: None,
            position: None,
            message: message.into(),
            source: None,
        }))
    }

    /// The same error, counted as a failure of `kind` (a decoding error of a lexicon
    /// file is a lexicon error).
    pub(crate) fn with_kind(mut self, kind: ErrorKind) -> Error {
        self.0.kind = kind;
        self
    }

    /// The file the error is about.
    pub(crate) fn at(mut self, path: &Path) -> Error {
        self.0.path = Some(path.to_path_buf());
        self
    }

    /// Where in that file.
    pub(crate) fn at_position(mut self, position: Option<Position>) -> Error {
        self.0.position = position;
        self
    }

    /// The error that caused this one.
    pub(crate) fn caused_by(
        mut self,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Error {
        self.0.source = Some(source.into());
        self
    }

    /// An input file that cannot be opened or read.
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Input, "").at(path).caused_by(source)
    }

    /// Bad content in an input document.
    pub(crate) fn input(
        path: &Path,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::Input, message)
            .at(path)
            .at_position(position)
    }

    /// Bad content in a lexicon or rule table.
    pub(crate) fn lexicon(
        path: &Path,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::Lexicon, message)
            .at(path)
            .at_position(position)
    }

    /// Bad content in a gold file.
    pub(crate) fn gold(
        path: &Path,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Error {
        Error::new(ErrorKind::Gold, message)
            .at(path)
            .at_position(position)
    }

    pub(crate) fn store(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Store, message)
    }

    /// A bad option value; the message names the option and what it accepts.
    pub(crate) fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    /// Which part of the work failed.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Is this a bad option value (exit code 2) rather than a failure of the work?
    pub fn is_usage(&self) -> bool {
        self.0.kind == ErrorKind::Usage
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        self.0.path.as_deref()
    }

    /// The position in that file, if known.
    pub fn position(&self) -> Option<&Position> {
        self.0.position.as_ref()
    }

    /// The error and each of its causes, `: `-separated, as anyhow's `{:#}` writes them.
    pub fn report(&self) -> String {
        let mut out = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            out.push_str(": ");
            out.push_str(&c.to_string());
            cause = c.source();
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.0;
        let mut sep = "";
        if let Some(path) = &inner.path {
            write!(f, "{}", path.display())?;
            if let Some(p) = &inner.position {
                write!(f, ":{}:{}", p.line, p.column)?;
            }
            sep = ": ";
        }
        if !inner.message.is_empty() {
            write!(f, "{sep}{}", inner.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_code_points_and_keeps_the_byte_offset() {
        let text = "第一行\n中方建议";
        assert_eq!(
            Position::of_byte(text, 0),
            Position {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        let at = text.find("建议").unwrap();
        let want = Position {
            line: 2,
            column: 3,
            offset: at,
        };
        assert_eq!(Position::of_byte(text, at), want);
        // inside a character: the start of that character
        assert_eq!(Position::of_byte(text, at + 1), want);
        assert_eq!(Position::of_line_column(text, 2, 3), want);
        assert_eq!(Position::of_line_column(text, 9, 1).offset, text.len());
    }

    #[test]
    fn display_names_the_place_and_sources_chain_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
        let e = Error::io(Path::new("a.txt"), io);
        assert_eq!(e.to_string(), "a.txt");
        assert_eq!(e.report(), "a.txt: gone");
        assert_eq!(e.kind(), ErrorKind::Input);
        assert!(std::error::Error::source(&e).is_some());

        let e = Error::gold(
            Path::new("g.json"),
            Some(Position::of_byte("x\ny", 2)),
            "bad",
        );
        assert_eq!(e.to_string(), "g.json:2:1: bad");
        assert_eq!(e.position().map(|p| p.offset), Some(2));
        assert_eq!(e.kind(), ErrorKind::Gold);

        let e = Error::store("the store is damaged");
        assert_eq!(e.report(), "the store is damaged");
        assert!(std::error::Error::source(&e).is_none());
        assert!(!e.is_usage() && Error::usage("--x").is_usage());
    }
}
