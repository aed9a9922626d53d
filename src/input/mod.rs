//! Input: files, directories and standard input → decoded, repaired text → documents.
//!
//! In: paths (a file, a directory searched recursively for `*.txt` and `*.md`, or `-` for
//! standard input) and [`ReadOptions`]. Out: [`SourceFile`]s (with any warnings about
//! them) and their [`Document`]s, numbered 1, 2, … in file order; or an [`Error`] that
//! names the file, the position where there is one, and what to do.
//!
//! Guarantees:
//! - **Decoding.** A byte-order mark decides the encoding (UTF-8, UTF-16LE, UTF-16BE)
//!   and is dropped. Otherwise `--encoding NAME` decides (any WHATWG label: GB18030, GBK,
//!   Big5, UTF-16LE …), else the bytes are UTF-8 if they are valid UTF-8, else GB18030 if
//!   they decode as GB18030 without a single error into mostly Chinese text and their
//!   valid UTF-8 beginning held no Chinese character (a warning says so). Anything else
//!   is an error giving the byte offset of the first bad byte and its line and column.
//!   Nothing is ever replaced by U+FFFD.
//! - **Refusals.** A binary file (a NUL byte or character; a PDF, ZIP or image by its
//!   magic number) is refused with what it seems to be. Missing and unreadable files and
//!   broken symbolic links are named with the reason. An empty or blank file (white
//!   space and zero-width characters only) is no error: it has no documents, and a
//!   warning says so.
//! - **Text kept as it came.** Line endings (`\n`, `\r\n`, lone `\r`, mixed), zero-width
//!   and full-width characters stay in the text, so code-point offsets refer to exactly
//!   what the file holds after repair (page breaks, converter damage). No line is too long: nothing here is
//!   worse than linear in the length of a line.
//! - **Page-break repair.** Printed sources break paragraphs at page ends: a paragraph of
//!   prose that stops mid-sentence (its last character is a Chinese character, a digit or
//!   a closing 》, it holds sentence punctuation, and it is at least
//!   [`MIN_BROKEN_PARAGRAPH`] code points long) continues in the next paragraph when that
//!   one starts with a Chinese character, a digit or an opening bracket or quote. Such
//!   paragraphs are joined by deleting the blank lines between them (Chinese needs no
//!   space). Headings (`#`), by-lines, signature blocks and dated lines never join, nor
//!   does a line that holds anything shaped like a dateline (（…9月12日电）, whatever
//!   its agency: repair runs while a file is read, before any lexicon). The repaired text
//!   is what the graph stores as `nif:isString`.
//! - **Converter damage.** Some big5 gateways print a character's pinyin after it in
//!   brackets (認(rèn)為, 會(huì )): a bracketed syllable with a tone mark right after a
//!   Chinese character is removed before page-break repair, and the file's warnings say
//!   how many were (brackets without a tone mark, or after anything else, stay).
//! - **Splitting.** A dateline of a news agency on the `news_agency` list of
//!   `data/rules/words.tsv`, such as （新华社杜尚别9月12日电）, closes a document ([`split()`]
//!   with a [`Dateline`] compiled from the lexicon, which the extractor does). Text after
//!   the last dateline, if any, is one more document; a file without a dateline is one
//!   document. Each document's text is trimmed of surrounding white space and zero-width
//!   characters.
//!
//! The stages, one module each: [`discover`] (paths → input files), [`decode`] (bytes →
//! text), [`repair`] (page breaks, converter damage), [`split`] (a file's text → its documents).

mod decode;
mod discover;
mod repair;
mod split;

use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

use crate::error::{Error, Result};

pub use decode::{Decoded, decode, encoding_for_label};
pub use discover::{check_distinct_names, expand_all, expand_paths, file_name};
pub use repair::{MIN_BROKEN_PARAGRAPH, repair, strip_pinyin};
pub use split::{Dateline, split};

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding named with `--encoding`; `None` detects it (see the module doc). A
    /// byte-order mark overrides it.
    pub encoding: Option<&'static Encoding>,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file's name (`sco-2014-dushanbe.txt`; `stdin` for standard input).
    pub name: String,
    /// Where it was read from (`-` for standard input).
    pub path: PathBuf,
    /// The repaired text.
    pub text: String,
    /// How many page breaks were repaired.
    pub repairs: usize,
    /// What a user should know but that is no error, each naming the file: an encoding
    /// that was guessed, a file with no documents.
    pub warnings: Vec<String>,
}

/// One document of a source file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name of the file it came from.
    pub source_name: String,
    /// 1, 2, … in file order.
    pub seq: usize,
    /// The document's text (repaired, trimmed): the NIF context's `isString`.
    pub text: String,
    /// The normalised copy extraction runs on (see [`crate::text::normalize`]).
    pub norm: String,
}

/// Reads one input (`-` is standard input), UTF-8 or detected, and repairs its page
/// breaks.
pub fn read(path: &Path) -> Result<SourceFile> {
    read_with(path, &ReadOptions::default())
}

/// Reads one input (`-` is standard input) as `options` say, and repairs its page breaks.
pub fn read_with(path: &Path, options: &ReadOptions) -> Result<SourceFile> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        ("stdin".to_string(), bytes)
    } else {
        let bytes = std::fs::read(path).map_err(|e| discover::io_error(path, e))?;
        (file_name(path), bytes)
    };
    from_bytes(name, path, bytes, options)
}

/// A source file named `name` from the bytes of the file at `path` (already read), as
/// `options` say: decoded, its page breaks repaired.
pub fn from_bytes(
    name: String,
    path: &Path,
    bytes: Vec<u8>,
    options: &ReadOptions,
) -> Result<SourceFile> {
    let decoded = decode(path, &bytes, options.encoding)?;
    drop(bytes);
    let mut source = from_text(name, path.to_path_buf(), &decoded.text);
    if let Some(note) = decoded.note {
        source
            .warnings
            .insert(0, format!("{}: {note}", path.display()));
    }
    Ok(source)
}

/// A source file from text already in memory.
pub fn from_text(name: String, path: PathBuf, text: &str) -> SourceFile {
    let (text, readings) = strip_pinyin(text);
    let (text, repairs) = repair(&text);
    let mut warnings = Vec::new();
    if readings > 0 {
        warnings.push(format!(
            "{}: {readings} pinyin reading(s) a character converter left after characters \
             (認(rèn)為) were removed; the stored text and its offsets are without them",
            path.display()
        ));
    }
    if text.chars().all(is_blank) {
        warnings.push(format!(
            "{}: {}; it has no documents, so nothing is built from it",
            path.display(),
            if text.is_empty() {
                "is empty"
            } else {
                "holds only white space"
            }
        ));
    }
    SourceFile {
        name,
        path,
        text,
        repairs,
        warnings,
    }
}

/// White space or an invisible character (zero-width space, joiners, word joiner, BOM).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}
