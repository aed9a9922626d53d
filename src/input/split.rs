//! Splitting: a source file's text → its documents, closed by news-agency datelines.

use std::sync::LazyLock;

use regex::Regex;

use super::{Document, SourceFile, is_blank};
use crate::text::normalize;

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
    use crate::input::from_text;

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
}
