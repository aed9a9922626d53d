//! Splitting: a source file's text → its documents, closed by news-agency datelines.
//!
//! The agencies are the `news_agency` list of `data/rules/words.tsv`, so the dateline is
//! compiled from a lexicon ([`Dateline::new`]); the extractor compiles it once and
//! splits each file with it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex, RegexBuilder};

use super::{Document, SourceFile, is_blank};
use crate::lexicon::{List, Words};
use crate::text::normalize;

/// What follows the agency: an optional reporter and the place.
const REPORTER_AND_PLACE: &str =
    r"(?:记者[^\s）)]{0,12}?)?(?P<place>[^\s（）()0-9一二三四五六七八九十〇]{1,12}?)\s*";
/// The month and day, 电 and the closing bracket.
const DATE_AND_CLOSE: &str = r"(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})日\s*(?:电|讯|专电)\s*[）)]";

/// Anything shaped like a dateline, whatever its agency: an opening bracket, then no
/// closing one up to 9月12日电）. Every [`Dateline`] match (of an agency without closing
/// brackets) is one, so page-break repair, which runs before any lexicon is loaded, can
/// keep datelines apart without the agency list.
pub(super) static DATELINE_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"[（(][^）)]*?{DATE_AND_CLOSE}")).unwrap());

/// A news-agency dateline, （新华社杜尚别9月12日电）, of an agency on the `news_agency`
/// list; matched on normalised text. Its captures: `agency`, `place`, `month`, `day`.
pub struct Dateline(Regex);

impl Dateline {
    /// The dateline of the agencies `words` lists. It always compiles: the agencies are
    /// escaped and a long list only makes the automaton bigger (no size limit applies).
    pub fn new(words: &Words) -> Dateline {
        let pattern = format!(
            r"[（(]\s*(?P<agency>{}){REPORTER_AND_PLACE}{DATE_AND_CLOSE}",
            words.alternation(List::NewsAgencies)
        );
        Dateline(
            RegexBuilder::new(&pattern)
                .size_limit(usize::MAX)
                .build()
                .expect("escaped words in a valid pattern compile"),
        )
    }

    /// Whether `text` holds a dateline.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The last dateline in `text`, with its captures.
    pub fn last<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.0.captures_iter(text).last()
    }

    /// The byte ranges of the datelines in `text`, left to right, not overlapping.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.0.find_iter(text).map(|m| m.range()).collect()
    }
}

/// Splits a source file into its documents: each dateline `dateline` finds closes one.
pub fn split(source: &SourceFile, dateline: &Dateline) -> Vec<Document> {
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
    let mut cuts: Vec<usize> = dateline
        .find_all(&norm)
        .into_iter()
        .map(|r| r.end)
        .collect();
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
    use crate::lexicon::Lexicon;

    fn split(source: &SourceFile) -> Vec<Document> {
        super::split(source, &Dateline::new(&Lexicon::builtin().words))
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

    /// A user's words.tsv row (`--lexicon DIR`) adds an agency: its datelines close a
    /// document too, for the splitter and for the extractor; a `-` row removes one.
    #[test]
    fn a_users_news_agency_splits_at_its_dateline() {
        let text = "甲。（本台北京1月2日电）乙。（新华社北京1月3日电）丙。";
        let count = |rows: &str| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(
                dir.path().join("words.tsv"),
                format!("list\tword\tvalue\n{rows}"),
            )
            .unwrap();
            let lexicon = Lexicon::load(&[dir.path().to_path_buf()]).unwrap();
            let source = from_text("x.txt".into(), "x.txt".into(), text);
            let docs = super::split(&source, &Dateline::new(&lexicon.words));
            let extracted = crate::extract::Extractor::new(lexicon).extract(&source);
            assert_eq!(extracted.len(), docs.len());
            docs.len()
        };
        assert_eq!(count(""), 2);
        assert_eq!(count("news_agency\t本台\t\n"), 3);
        assert_eq!(count("news_agency\t本台\t\nnews_agency\t新华社\t-\n"), 2);
        assert_eq!(count("news_agency\t新华社\t-\n"), 1);
    }

    /// Every dateline is shaped like one (what page-break repair looks for), and so is a
    /// dateline of an agency the lexicon does not know.
    #[test]
    fn datelines_are_shaped_like_datelines() {
        let dateline = Dateline::new(&Lexicon::builtin().words);
        for text in [
            "（新华社杜尚别9月12日电）",
            "(新华社记者张三北京十二月一日专电)",
            "（ 塔斯社莫斯科 1月2日 讯 ）",
        ] {
            assert!(dateline.is_match(text), "{text}");
            assert!(DATELINE_SHAPE.is_match(text), "{text}");
        }
        assert!(!dateline.is_match("（本台北京1月2日电）"));
        assert!(DATELINE_SHAPE.is_match("（本台北京1月2日电）"));
        assert!(!DATELINE_SHAPE.is_match("（2014年9月12日，杜尚别）"));
    }
}
