//! Loading: files, directories and standard input → decoded, repaired text → documents.
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
//!   what the file holds after page-break repair. No line is too long: nothing here is
//!   worse than linear in the length of a line.
//! - **Page-break repair.** Printed sources break paragraphs at page ends: a paragraph of
//!   prose that stops mid-sentence (its last character is a Chinese character, a digit or
//!   a closing 》, it holds sentence punctuation, and it is at least
//!   [`MIN_BROKEN_PARAGRAPH`] code points long) continues in the next paragraph when that
//!   one starts with a Chinese character, a digit or an opening bracket or quote. Such
//!   paragraphs are joined by deleting the blank lines between them (Chinese needs no
//!   space). Headings (`#`), by-lines, signature blocks and dated lines never join. The
//!   repaired text is what the graph stores as `nif:isString`.
//! - **Splitting.** A news-agency dateline such as （新华社杜尚别9月12日电） closes a
//!   document. Text after the last dateline, if any, is one more document; a file without
//!   a dateline is one document. Each document's text is trimmed of surrounding white
//!   space and zero-width characters.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use encoding_rs::{DecoderResult, Encoding};
use regex::Regex;

use crate::error::{Error, Position, Result};
use crate::text::{is_han, normalize};

/// The shortest paragraph (code points) that page-break repair joins to the next.
pub const MIN_BROKEN_PARAGRAPH: usize = 15;

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding named with `--encoding`; `None` detects it (see the module doc). A
    /// byte-order mark overrides it.
    pub encoding: Option<&'static Encoding>,
}

/// The encoding a user names (`GB18030`, `gbk`, `big5`, `utf-16le`, `UTF-8` … any WHATWG
/// label, case-insensitive).
pub fn encoding_for_label(name: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(name.trim().as_bytes()) {
        Some(e) if e != encoding_rs::REPLACEMENT => Ok(e),
        _ => Err(Error::usage(format!(
            "unknown encoding {name:?} for --encoding; use UTF-8, GB18030, GBK, Big5, UTF-16LE, UTF-16BE or another WHATWG encoding label"
        ))),
    }
}

/// One input file, read and repaired.
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

/// The input files named by `paths`, in order; directories are searched recursively for
/// `*.txt` and `*.md` files, sorted by path. The first path that is missing, unreadable
/// or a directory without such files is an error.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let (found, mut errors) = expand_all(paths);
    match errors.is_empty() {
        true => Ok(found),
        false => Err(errors.remove(0)),
    }
}

/// Like [`expand_paths`], but goes on past bad paths: the files found, and an error for
/// each path that could not be searched (for `--keep-going`).
pub fn expand_all(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                errors.push(io_error(path, e));
                continue;
            }
        };
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut seen = HashSet::new();
            walk(path, &mut found, &mut errors, &mut seen);
            if found.is_empty() {
                errors.push(Error::input(
                    path,
                    None,
                    "is a directory that holds no *.txt or *.md file; name the files to read",
                ));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    (out, errors)
}

/// Collects the `*.txt` and `*.md` files under `dir`. Symbolic links to directories are
/// followed once each (a link back up the tree is not a loop); broken links to `.txt`
/// files are kept, so that reading them says what is wrong.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>, seen: &mut HashSet<PathBuf>) {
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(io_error(dir, e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(io_error(dir, e));
                continue;
            }
        };
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out, errors, seen);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) {
            out.push(path);
        }
    }
}

/// An I/O error on `path`, said the way a user can act on: a broken symbolic link names
/// where it points, a permission problem says so.
fn io_error(path: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound
        && let Ok(target) = std::fs::read_link(path)
    {
        return Error::input(
            path,
            None,
            format!(
                "is a broken symbolic link: it points to {}, which does not exist",
                target.display()
            ),
        );
    }
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        return Error::input(
            path,
            None,
            "cannot be read: permission denied; check its permissions (chmod a+r) or leave it out",
        );
    }
    Error::io(path, e)
}

/// The name a path's documents are known by (their IRIs use it): the file name, or
/// `stdin`.
pub fn file_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".into();
    }
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Refuses two inputs with the same file name: their documents would share IRIs.
pub fn check_distinct_names(paths: &[PathBuf]) -> Result<()> {
    let mut seen: std::collections::HashMap<String, &PathBuf> = std::collections::HashMap::new();
    for p in paths {
        if let Some(other) = seen.insert(file_name(p), p) {
            return Err(Error::input(
                p,
                None,
                format!(
                    "has the same file name as {}, so their documents would share IRIs; rename one",
                    other.display()
                ),
            ));
        }
    }
    Ok(())
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
        let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
        (file_name(path), bytes)
    };
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
    let (text, repairs) = repair(text);
    let mut warnings = Vec::new();
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

/// Text decoded from an input's bytes, and what to tell the user about how.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Set when the encoding was not plain UTF-8: which one, and why.
    pub note: Option<String>,
}

/// Decodes an input's bytes (see the module doc for the rules); `forced` is the encoding
/// named with `--encoding`. Errors name `path` and the byte offset of the first bad byte.
pub fn decode(path: &Path, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let text = decode_strict(path, bytes, bom, encoding)?;
        refuse_nul(path, &text)?;
        let note = (encoding != encoding_rs::UTF_8).then(|| {
            format!(
                "read as {} (it starts with that byte-order mark)",
                encoding.name()
            )
        });
        return Ok(Decoded {
            text,
            encoding,
            note,
        });
    }
    refuse_binary(path, bytes, forced)?;
    if let Some(encoding) = forced {
        let text = decode_strict(path, bytes, 0, encoding)?;
        refuse_nul(path, &text)?;
        return Ok(Decoded {
            text,
            encoding,
            note: None,
        });
    }
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: encoding_rs::UTF_8,
                note: None,
            });
        }
        Err(e) => e,
    };
    let offset = error.valid_up_to();
    let valid = String::from_utf8_lossy(&bytes[..offset]);
    if !valid.chars().any(is_cjk)
        && let Some(text) = as_chinese_gb18030(bytes)
    {
        return Ok(Decoded {
            text,
            encoding: encoding_rs::GB18030,
            note: Some(
                "is not UTF-8; read as GB18030 (Chinese); if that is wrong, name its encoding with --encoding"
                    .into(),
            ),
        });
    }
    Err(Error::input(
        path,
        Some(Position::of_byte(&valid, offset)),
        format!(
            "not valid UTF-8 at byte offset {offset} (byte 0x{:02X}); if the file is in another encoding, name it with --encoding (GB18030, GBK, Big5, UTF-16LE …), or convert it to UTF-8 (`iconv -f GB18030 -t UTF-8`)",
            bytes[offset]
        ),
    ))
}

/// `bytes[start..]` decoded with `encoding`, refusing malformed input with its offset.
fn decode_strict(
    path: &Path,
    bytes: &[u8],
    start: usize,
    encoding: &'static Encoding,
) -> Result<String> {
    let input = &bytes[start..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(input.len())
        .unwrap_or(input.len());
    let mut text = String::with_capacity(capacity);
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&input[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(input.len() - read + 16),
            DecoderResult::Malformed(bad, after) => {
                let offset = start + read - usize::from(after) - usize::from(bad);
                let what = match encoding == encoding_rs::UTF_8 {
                    true => "convert the file to UTF-8",
                    false => {
                        "name the file's real encoding with --encoding, or convert it to UTF-8"
                    }
                };
                return Err(Error::input(
                    path,
                    Some(Position::of_byte(&text, text.len())),
                    format!(
                        "not valid {} at byte offset {offset}; {what}",
                        encoding.name()
                    ),
                ));
            }
        }
    }
}

/// The text of `bytes` as GB18030, if it decodes without error and its non-ASCII
/// characters are mostly Chinese (characters and CJK punctuation).
fn as_chinese_gb18030(bytes: &[u8]) -> Option<String> {
    let text = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    let (cjk, other) = text.chars().filter(|c| !c.is_ascii()).fold(
        (0usize, 0usize),
        |(cjk, other), c| match is_cjk(c) {
            true => (cjk + 1, other),
            false => (cjk, other + 1),
        },
    );
    (cjk > 0 && cjk >= 4 * other).then_some(text)
}

/// A Chinese character, CJK punctuation or a full-width form.
fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2E80..=0x2FDF)
}

/// Refuses what is plainly not text: known binary formats by their magic number, and
/// any NUL byte (unless an encoding that has them, UTF-16 or UTF-32, was named).
fn refuse_binary(path: &Path, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<()> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"%PDF-",
            "a PDF document; extract its text first (`pdftotext FILE.pdf FILE.txt`)",
        ),
        (
            b"PK\x03\x04",
            "a ZIP archive (a .docx or .odt?); save the document as plain text",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Office document (.doc?); save it as plain text",
        ),
        (b"{\\rtf", "an RTF document; save it as plain text"),
        (b"\x89PNG", "a PNG image, not text"),
        (b"\xFF\xD8\xFF", "a JPEG image, not text"),
        (b"GIF8", "a GIF image, not text"),
        (b"\x1F\x8B", "a gzip file; decompress it first (`gunzip`)"),
        (b"\x7FELF", "a program (ELF), not text"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(Error::input(
                path,
                None,
                format!("is {what}; diplograph reads plain-text documents"),
            ));
        }
    }
    let wide = forced.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !wide && let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::input(
            path,
            None,
            format!(
                "looks like a binary file, not text (a NUL byte at byte offset {offset}); if it is UTF-16 text without a byte-order mark, name it with --encoding UTF-16LE or UTF-16BE"
            ),
        ));
    }
    Ok(())
}

/// Refuses decoded text that holds a NUL character: no document does.
fn refuse_nul(path: &Path, text: &str) -> Result<()> {
    match text.find('\0') {
        Some(at) => Err(Error::input(
            path,
            Some(Position::of_byte(text, at)),
            "looks like a binary file, not text (it holds a NUL character); check its --encoding",
        )),
        None => Ok(()),
    }
}

static BLANK_LINES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\r?\n(?:[ \t\u{3000}]*\r?\n)+").unwrap());

/// Joins paragraphs broken by a page end; returns the text and the number of joins.
pub fn repair(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut repairs = 0;
    let mut last = 0;
    for sep in BLANK_LINES.find_iter(text) {
        let before = &text[last..sep.start()];
        out.push_str(before);
        let after = &text[sep.end()..];
        let previous_line = out.rsplit('\n').next().unwrap_or("");
        if is_broken(previous_line) && continues(after) {
            repairs += 1;
        } else {
            out.push_str(sep.as_str());
        }
        last = sep.end();
    }
    out.push_str(&text[last..]);
    (out, repairs)
}

fn is_broken(line: &str) -> bool {
    let line = line.trim_end_matches(['\r', ' ', '\t']).trim_start();
    let Some(end) = line.chars().last() else {
        return false;
    };
    !line.starts_with('#')
        && (is_han(end) || end.is_ascii_digit() || end == '》')
        && line
            .chars()
            .any(|c| matches!(c, '，' | '、' | '；' | '。' | '：'))
        && line.chars().count() >= MIN_BROKEN_PARAGRAPH
        && !DATELINE.is_match(line)
}

fn continues(next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    (is_han(first) || first.is_ascii_digit() || matches!(first, '《' | '“' | '〈' | '「'))
        && !DATELINE.is_match(next.lines().next().unwrap_or(""))
}

/// A news-agency dateline: （新华社杜尚别9月12日电）. Matched on normalised text.
pub static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[（(]\s*(?P<agency>新华社|中新社|中国新闻社|人民日报|人民网|央视新闻|新华网|塔斯社|俄新社|法新社|路透社|美联社|共同社)",
        r"(?:记者[^\s）)]{0,12}?)?(?P<place>[^\s（）()0-9一二三四五六七八九十〇]{1,12}?)\s*",
        r"(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})日\s*(?:电|讯|专电)\s*[）)]"
    ))
    .unwrap()
});

/// Splits a source file into its documents.
pub fn split(source: &SourceFile) -> Vec<Document> {
    let norm = normalize(&source.text);
    // normalisation keeps code points, so a char boundary in `norm` maps to one in `text`
    let orig_starts: Vec<usize> = source
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain([source.text.len()])
        .collect();
    let norm_starts: Vec<usize> = norm
        .char_indices()
        .map(|(i, _)| i)
        .chain([norm.len()])
        .collect();
    let to_orig = |b: usize| orig_starts[norm_starts.partition_point(|&s| s < b)];
    let mut cuts: Vec<usize> = DATELINE.find_iter(&norm).map(|m| m.end()).collect();
    if cuts.last() != Some(&norm.len()) {
        cuts.push(norm.len());
    }
    let mut docs = Vec::new();
    let mut start = 0;
    for end in cuts {
        let (ns, ne) = trim_range(&norm, start, end);
        start = end;
        if ns == ne {
            continue;
        }
        docs.push(Document {
            source_name: source.name.clone(),
            seq: docs.len() + 1,
            text: source.text[to_orig(ns)..to_orig(ne)].to_string(),
            norm: norm[ns..ne].to_string(),
        });
    }
    docs
}

fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start_matches(is_blank).len();
    let trail = slice.len() - slice.trim_end_matches(is_blank).len();
    if lead == slice.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repair_joins_prose_broken_mid_sentence() {
        let (text, n) = repair(
            "面对严峻形势，切实为本地区各国谋稳定、求发\n\n展、促民生提供可靠安全保障。\n\n下一段。",
        );
        assert_eq!(
            text,
            "面对严峻形势，切实为本地区各国谋稳定、求发展、促民生提供可靠安全保障。\n\n下一段。"
        );
        assert_eq!(n, 1);
    }

    #[test]
    fn repair_leaves_headings_bylines_and_finished_paragraphs() {
        for text in [
            "## ——在会议上的讲话，很长很长很长很长的副标题\n\n正文",
            "中华人民共和国主席 习近平\n\n尊敬的总统：",
            "这是一个完整的句子，它已经结束了。\n\n下一段",
            "各位同事，很高兴见到大家和各位朋友！\n\n下一段",
            "哈萨克斯坦共和国总统\t纳扎尔巴耶夫\n\n2014年9月12日于杜尚别",
        ] {
            assert_eq!(repair(text), (text.to_string(), 0), "{text}");
        }
    }

    #[test]
    fn repair_handles_crlf() {
        let (text, n) = repair("共同努力建设上海合作组织，推动信息通信\r\n\r\n及其他基础设施。");
        assert_eq!(
            text,
            "共同努力建设上海合作组织，推动信息通信及其他基础设施。"
        );
        assert_eq!(n, 1);
    }

    #[test]
    fn split_at_datelines() {
        let source = from_text(
            "x.txt".into(),
            "x.txt".into(),
            "讲话。\n\n（新华社杜尚别9月12日电）\n\n宣言。\n\n（新華社杜尚別9月12日電）\n",
        );
        let docs = split(&source);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "讲话。\n\n（新华社杜尚别9月12日电）");
        assert_eq!(docs[1].text, "宣言。\n\n（新華社杜尚別9月12日電）");
        assert_eq!(docs[1].norm, "宣言。\n\n（新华社杜尚别9月12日电）");
        assert_eq!(docs[1].seq, 2);
    }

    #[test]
    fn split_keeps_trailing_text_and_undated_files() {
        let source = from_text(
            "x.txt".into(),
            "x.txt".into(),
            "甲。（新华社北京1月2日电）乙。",
        );
        let docs = split(&source);
        assert_eq!(
            docs.iter().map(|d| d.text.as_str()).collect::<Vec<_>>(),
            ["甲。（新华社北京1月2日电）", "乙。"]
        );
        assert_eq!(split(&from_text("y".into(), "y".into(), "  \n ")).len(), 0);
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(Path::new("bad.txt"), b"ab\xFFcd", None).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bad.txt:1:3: not valid UTF-8 at byte offset 2"),
            "{err}"
        );
    }
}
