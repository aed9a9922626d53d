//! Text normalisation and offsets.
//!
//! Extraction runs on a *normalised* copy of each document: traditional characters
//! become simplified (OpenCC's character table through the `fast2s` crate), full-width
//! digits and Latin letters become ASCII, and the ASCII punctuation that copies of
//! Chinese pages often carry (`,` `:` `;` `(` `)` `!` `?`) becomes the full-width mark,
//! unless it stands between Latin letters, digits or spaces (`1,000`, `16:48`, `Hello,
//! world`). Normalisation maps every code point to exactly
//! one code point, so a span in the normalised text covers the same code points as in the
//! original; the original is what the graph stores (`nif:isString`) and what anchors
//! quote. Spans inside the crate are byte ranges of the normalised text; [`Offsets`]
//! turns them into code-point indices once, at the RDF boundary.

use std::ops::Range;

/// The normalised copy of `text`: the same number of code points, each mapped alone.
/// (`fast2s` converts character by character, looking at the neighbours only to choose
/// among a character's simplified forms.)
pub fn normalize(text: &str) -> String {
    let chars: Vec<char> = fast2s::convert(text).chars().map(fold_width).collect();
    let latin = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == ' ');
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let before = i.checked_sub(1).and_then(|j| chars.get(j));
            let after = chars.get(i + 1);
            if latin(before) && latin(after) {
                c
            } else if is_hyphen(c)
                && before.is_some_and(|&b| is_han(b))
                && after.is_some_and(|&a| is_han(a))
            {
                // a hyphen between two names is the dash the lexicon writes (澜沧江-湄公河)
                '—'
            } else {
                fold_punctuation(c)
            }
        })
        .collect()
}

/// The hyphens and short dashes a page may print between two Chinese names instead of the
/// dash (— U+2014): `-`, `－`, `‐`, `‑`, `–`.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '－' | '‐' | '‑' | '–')
}

/// The full-width form of the ASCII punctuation Chinese text uses (`,` → `，`), the
/// dash for the box-drawing lines a page may print in its place (`━━` → `——`), and the
/// double quotes for corner brackets (`「」` → `“”`).
fn fold_punctuation(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        // box-drawing lines a page prints for a dash (成员国━━哈萨克斯坦共和国、…)
        '━' | '─' => '—',
        // the corner brackets Hong Kong and Taiwan quote with (「一带一路」)
        '「' => '“',
        '」' => '”',
        _ => c,
    }
}

/// Full-width digits and Latin letters to ASCII, and the circles printed for the numeral
/// zero (二○二五年: ○ U+25CB, ◯ U+25EF) to 〇; everything else unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＋' | '．' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '○' | '◯' => '〇',
        _ => c,
    }
}

/// Byte offsets ↔ code-point indices of one text.
pub struct Offsets {
    /// The byte offset where each code point starts, and the text length at the end.
    starts: Vec<usize>,
}

impl Offsets {
    pub fn new(text: &str) -> Offsets {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Offsets { starts }
    }

    /// The code-point index of byte offset `byte` (which must be a char boundary).
    pub fn char_index(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }

    /// A byte range as a code-point range.
    pub fn chars(&self, bytes: &Range<usize>) -> Range<usize> {
        self.char_index(bytes.start)..self.char_index(bytes.end)
    }

    /// A code-point range as a byte range.
    pub fn bytes(&self, chars: &Range<usize>) -> Range<usize> {
        self.starts[chars.start]..self.starts[chars.end]
    }
}

/// Is `c` a Chinese character (CJK unified ideographs and extensions, 〇)?
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_keeps_code_point_count() {
        for text in [
            "上海合作組織與聯合國",
            "２０１９年１１月３日",
            "俄羅斯聯邦總統普京",
            "a\u{200b}b",
            "",
        ] {
            assert_eq!(
                normalize(text).chars().count(),
                text.chars().count(),
                "{text}"
            );
        }
    }

    #[test]
    fn normalize_simplifies_and_folds() {
        assert_eq!(normalize("上海合作組織"), "上海合作组织");
        assert_eq!(normalize("俄羅斯"), "俄罗斯");
        assert_eq!(normalize("２０１９年"), "2019年");
        assert_eq!(normalize("（中方）"), "（中方）");
    }

    /// ASCII punctuation in Chinese text becomes full-width; between Latin letters,
    /// digits and spaces it stays.
    #[test]
    fn normalize_folds_ascii_punctuation_in_chinese_text() {
        for (text, expected) in [
            ("我们,巴西和俄罗斯:", "我们，巴西和俄罗斯："),
            ("(2019年6月15日,杜尚别)", "（2019年6月15日，杜尚别）"),
            ("各方同意;欢迎!", "各方同意；欢迎！"),
            ("成员国━━哈萨克斯坦", "成员国——哈萨克斯坦"),
            ("反对「台独」", "反对“台独”"),
            ("澜沧江-湄公河合作", "澜沧江—湄公河合作"),
            ("中国－东盟", "中国—东盟"),
            ("2019-2021", "2019-2021"),
            ("A-B", "A-B"),
            ("- 条约", "- 条约"),
            ("50,000美元", "50,000美元"),
            ("16:48 来源", "16:48 来源"),
            ("Hello, world (UN) now", "Hello, world (UN) now"),
        ] {
            assert_eq!(normalize(text), expected, "{text}");
        }
    }

    #[test]
    fn offsets_round_trip() {
        let text = "ab中方c";
        let o = Offsets::new(text);
        assert_eq!(o.chars(&(2..8)), 2..4);
        assert_eq!(o.bytes(&(2..4)), 2..8);
        assert_eq!(o.char_index(text.len()), 5);
    }
}
