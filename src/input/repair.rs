//! Repair: paragraphs broken at page ends joined again, and pinyin a character converter
//! left removed (the rules are in the module doc of [`crate::input`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::split::{DATELINE_SHAPE, OPENING_SHAPE};
use crate::text::is_han;

/// The shortest paragraph (code points) that page-break repair joins to the next.
pub const MIN_BROKEN_PARAGRAPH: usize = 15;

static BLANK_LINES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\r?\n(?:[ \t\u{3000}]*\r?\n)+").unwrap());

/// A pinyin reading that a character converter left after a character (認(rèn)為,
/// 會(huì )): a syllable with a tone mark in brackets, right after a Chinese character.
static PINYIN_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han})[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zü]{0,4} ?[)）]").unwrap()
});

/// Removes the pinyin readings a character converter left in the text (認(rèn)為 → 認為);
/// returns the text and how many were removed.
pub fn strip_pinyin(text: &str) -> (Cow<'_, str>, usize) {
    let mut removed = 0;
    let out = PINYIN_NOTE.replace_all(text, |c: &regex::Captures| {
        removed += 1;
        c[1].to_string()
    });
    (out, removed)
}

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
        && !DATELINE_SHAPE.is_match(line)
}

fn continues(next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    (is_han(first) || first.is_ascii_digit() || matches!(first, '《' | '“' | '〈' | '「'))
        && !DATELINE_SHAPE.is_match(next.lines().next().unwrap_or(""))
        && !OPENING_SHAPE.is_match(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_a_converter_left_is_removed() {
        for (text, clean, n) in [
            ("各方一致認(rèn)為，", "各方一致認為，", 1),
            ("會(huì )議在習(xí)近平主持下", "會議在習近平主持下", 2),
            ("團(tuán)結(jié)協作", "團結協作", 2),
            // brackets that are no reading: no tone mark, Latin text, no character before
            ("亚太经合组织(apec)成员", "亚太经合组织(apec)成员", 0),
            ("美国(US)代表", "美国(US)代表", 0),
            ("(rèn)为开头", "(rèn)为开头", 0),
            ("代码 a(bā) 不是", "代码 a(bā) 不是", 0),
        ] {
            assert_eq!(strip_pinyin(text), (clean.into(), n), "{text}");
        }
    }

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
            "会议取得成功。（新华社杜尚别9月12日电）各方认为合作很有成果\n\n下一段",
            "会议取得成功。（本台杜尚别9月12日电）各方认为合作很有成果\n\n下一段",
            "会议取得成功，各方认为合作很有成果\n\n下一段（本台杜尚别9月12日电）",
            // a picture's caption above the dateline that opens a report
            "当地时间11月4日下午，总理王五在金城出席峰会。 新华社记者 李四 摄\n\n新华社金城11月4日电(记者赵六)总理出席。",
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
}
