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
    r"(?:记者[^\s）)]{0,12}?)?(?P<place>[^\s（）()0-9一二三四五六七八九十〇，。：]{1,12}?)\s*";
/// The month and day and 电.
const DATE: &str = r"(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})日\s*(?:电|讯|专电)";
/// The month and day, 电 and the closing bracket.
const DATE_AND_CLOSE: &str = r"(?P<month>[0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?P<day>[0-9]{1,2}|[一二三四五六七八九十]{1,3})日\s*(?:电|讯|专电)\s*[）)]";
/// The reporters in brackets after an opening dateline: 新华社北京6月8日电（记者张三）.
const REPORTERS: &str = r"(?:\s*[（(]记者[^）)\n]{0,30}[）)])?";

/// Anything shaped like a dateline, whatever its agency: an opening bracket, then no
/// closing one up to 9月12日电）. Every [`Dateline`] match (of an agency without closing
/// brackets) is one, so page-break repair, which runs before any lexicon is loaded, can
/// keep datelines apart without the agency list.
pub(super) static DATELINE_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"[（(][^）)]*?{DATE_AND_CLOSE}")).unwrap());

/// Anything shaped like an opening dateline at the start of a line, whatever its agency: a
/// few characters without punctuation, then 11月4日电 (新华社曼谷11月4日电, 本台讯 is not one):
/// page-break repair never joins a line to one.
pub(super) static OPENING_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    // (电视, 电话 after a day are no dateline's 电)
    Regex::new(&format!(
        r"^[ \t\u{{3000}}]*[^\s，。、；：（）()]{{2,16}}?{DATE}(?:[^视话]|$)"
    ))
    .unwrap()
});

/// A news-agency dateline, of an agency on the `news_agency` list, matched on normalised
/// text: a closing one in brackets, （新华社杜尚别9月12日电）, which ends a document, or an
/// opening one at a line start without brackets, 新华社北京6月8日电（记者张三） (a space may
/// follow the agency: 中新社 北京6月8日电), which
/// begins one (after its headline, if any). Its captures: `agency`, `place`, `month`,
/// `day`.
pub struct Dateline {
    closing: Regex,
    opening: Regex,
    /// A line that ends in a photo credit (新华社记者 王五 摄): a picture's caption.
    caption: Regex,
}

/// How many bytes of a document's start an opening dateline may stand in (a headline or
/// two before it).
const OPENING_WITHIN: usize = 400;

impl Dateline {
    /// The datelines of the agencies `words` lists. They always compile: the agencies are
    /// escaped and a long list only makes the automaton bigger (no size limit applies).
    pub fn new(words: &Words) -> Dateline {
        let agencies = words.alternation(List::NewsAgencies);
        let build = |pattern: String| {
            RegexBuilder::new(&pattern)
                .size_limit(usize::MAX)
                .build()
                .expect("escaped words in a valid pattern compile")
        };
        Dateline {
            closing: build(format!(
                r"[（(]\s*(?P<agency>{agencies}){REPORTER_AND_PLACE}{DATE_AND_CLOSE}"
            )),
            opening: build(format!(
                r"(?m)^[ \t\u{{3000}}]*(?P<agency>{agencies})[ \t\u{{3000}}]?{REPORTER_AND_PLACE}{DATE}{REPORTERS}"
            )),
            caption: build(format!(
                r"(?m)^.*(?:(?:{})[^\n]{{0,20}}?(?:{})|(?:{})[^\n]{{0,20}}?)[）)]?[ \t\u{{3000}}]*$",
                words.alternation(List::ReporterWords),
                words.alternation(List::PhotoCredits),
                words.alternation(List::PictureSources)
            )),
        }
    }

    /// Whether `text` holds a closing dateline.
    pub fn is_match(&self, text: &str) -> bool {
        self.closing.is_match(text)
    }

    /// The last closing dateline in `text`, with its captures.
    pub fn last<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.closing.captures_iter(text).last()
    }

    /// The byte ranges of the closing datelines in `text`, left to right, not
    /// overlapping.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        self.closing.find_iter(text).map(|m| m.range()).collect()
    }

    /// The byte ranges of the opening datelines in `text` (each at a line start).
    pub fn openings(&self, text: &str) -> Vec<Range<usize>> {
        self.opening.find_iter(text).map(|m| m.range()).collect()
    }

    /// The dateline that opens the document `text`, within its first lines, with its
    /// captures.
    pub fn opening<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.opening
            .captures(text)
            .filter(|c| c.get(0).is_some_and(|m| m.start() < OPENING_WITHIN))
    }

    /// The byte ranges of the places of every dateline in `text`, closing or opening.
    pub fn places(&self, text: &str) -> Vec<Range<usize>> {
        self.closing
            .captures_iter(text)
            .chain(self.opening.captures_iter(text))
            .filter_map(|c| c.name("place").map(|m| m.range()))
            .collect()
    }

    /// The dateline that dates the document `text`: its last closing one, or the one that
    /// opens it.
    pub fn dating<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.last(text).or_else(|| self.opening(text))
    }
}

/// Whether `s` (text between two documents' boundaries) is only a headline: at most two
/// short lines without sentence punctuation.
fn is_headline(s: &str) -> bool {
    let lines: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    !lines.is_empty()
        && lines.len() <= 2
        && lines
            .iter()
            .all(|l| l.chars().count() <= 60 && !l.contains(['。', '！', '？']))
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
    // a closing dateline ends a document; an opening one begins one, with the headline
    // just before it (a file's first document keeps what stands before its dateline)
    let mut cuts: Vec<usize> = dateline
        .find_all(&norm)
        .into_iter()
        .map(|r| r.end)
        .collect();
    for r in dateline.openings(&norm) {
        let previous = cuts
            .iter()
            .copied()
            .filter(|&c| c <= r.start)
            .max()
            .unwrap_or(0);
        let before = &norm[previous..r.start];
        // a picture's caption (…。新华社记者 王五 摄) restates the report: no document
        let uncaptioned = dateline.caption.replace_all(before, "");
        if uncaptioned.trim().is_empty() {
            continue;
        }
        // only this document's headline, or page furniture without a sentence, stands
        // before it
        if is_headline(&uncaptioned) || !uncaptioned.contains(['。', '！', '？']) {
            continue;
        }
        // the headline lines just before the dateline (up to two) go with it
        let mut at = r.start;
        let mut taken = 0;
        for (i, _) in before.trim_end().match_indices('\n').rev() {
            let line = &before[i + 1..at - previous];
            if line.trim().is_empty() {
                at = previous + i + 1;
                continue;
            }
            if taken == 2 || !is_headline(line) {
                break;
            }
            at = previous + i + 1;
            taken += 1;
        }
        cuts.push(at);
    }
    cuts.sort_unstable();
    cuts.dedup();
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

    /// An opening dateline (no brackets, at a line start) begins a document, with the
    /// headline lines just before it; at a file's start it cuts nothing.
    #[test]
    fn opening_datelines_begin_documents() {
        let texts = |text: &str| {
            split(&from_text("x.txt".into(), "x.txt".into(), text))
                .into_iter()
                .map(|d| d.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts("两国发表联合声明\n新华社北京6月8日电 双方同意。\n双方重申。"),
            ["两国发表联合声明\n新华社北京6月8日电 双方同意。\n双方重申。"]
        );
        assert_eq!(
            texts(
                "甲方说完了。\n\n两国发表联合声明\n\n新華社北京6月8日電（記者 王五）\n双方同意。"
            ),
            [
                "甲方说完了。",
                "两国发表联合声明\n\n新華社北京6月8日電（記者 王五）\n双方同意。"
            ]
        );
        assert_eq!(
            texts("讲话。\n（新华社杜尚别9月12日电）\n中新社 莫斯科7月4日电 应邀访问。"),
            [
                "讲话。\n（新华社杜尚别9月12日电）",
                "中新社 莫斯科7月4日电 应邀访问。"
            ]
        );
        // a picture's caption before the dateline is no document of its own, with a
        // photographer's credit or a picture's source
        assert_eq!(
            texts(
                "两国元首会谈\n8日上午，两国元首在北京会谈。（图片来源：新华社）\n中新社北京6月8日电 双方同意。"
            )
            .len(),
            1
        );
        assert_eq!(
            texts(
                "两国元首会谈\n8日上午，两国元首在北京会谈。新华社记者 王五 摄\n新华社北京6月8日电 双方同意。"
            )
            .len(),
            1
        );
        assert_eq!(
            texts(
                "两国元首会谈\n8日上午，两国元首在北京会谈。王五说\n新华社北京6月8日电 双方同意。"
            )
            .len(),
            2
        );
        // not at a line start, or not an agency: no dateline
        assert_eq!(texts("他说，新华社北京6月8日电称双方同意。").len(), 1);
        assert_eq!(texts("甲。\n本台北京6月8日电 乙。").len(), 1);
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
        assert!(OPENING_SHAPE.is_match("新华社曼谷11月4日电(记者白洁)李克强出席。"));
        assert!(OPENING_SHAPE.is_match("本台金城十月七日电 会议开幕。"));
        assert!(!OPENING_SHAPE.is_match("会议于11月4日电视直播。"));
        assert!(!OPENING_SHAPE.is_match("双方认为，11月4日电"));
    }
}
