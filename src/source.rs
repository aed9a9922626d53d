//! Loading: files, directories and standard input → repaired text → documents.
//!
//! In: paths (a file, a directory searched recursively for `*.txt` and `*.md`, or `-` for
//! standard input), UTF-8 with or without a byte-order mark. Out: [`Document`]s, numbered
//! 1, 2, … in file order.
//!
//! Guarantees:
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
//!   space.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, Position, Result};
use crate::text::{is_han, normalize};

/// The shortest paragraph (code points) that page-break repair joins to the next.
pub const MIN_BROKEN_PARAGRAPH: usize = 15;

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
/// `*.txt` and `*.md` files, sorted by path.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) {
            out.push(path);
        }
    }
    Ok(())
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

/// Reads one input (`-` is standard input) and repairs its page breaks.
pub fn read(path: &Path) -> Result<SourceFile> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        ("stdin".to_string(), bytes)
    } else {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        (file_name(path), bytes)
    };
    let text = decode(path, bytes)?;
    Ok(from_text(name, path.to_path_buf(), &text))
}

/// A source file from text already in memory.
pub fn from_text(name: String, path: PathBuf, text: &str) -> SourceFile {
    let (text, repairs) = repair(text);
    SourceFile {
        name,
        path,
        text,
        repairs,
    }
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        Error::input(
            path,
            Some(Position::of_byte(&valid, offset)),
            format!("not valid UTF-8 at byte offset {offset}; convert the file to UTF-8 (for example `iconv -f GB18030 -t UTF-8`)"),
        )
    })
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
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
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
        let err = decode(Path::new("bad.txt"), b"ab\xFFcd".to_vec()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bad.txt:1:3: not valid UTF-8 at byte offset 2"),
            "{err}"
        );
    }
}
