//! Document fields: kind, title, author, signatories, date, place, and the event a
//! document was delivered at or adopted by.
//!
//! Read from the document's layout, the way Xinhua prints it: a title line (a `#`
//! heading, or a short first line without sentence punctuation), a subtitle
//! `——在…上的讲话` (a speech, delivered at the event it names), a by-line
//! `国名+职务 姓名` (the author), a `（日期，地点）` line, an opening sentence that says an
//! event was held (`…在P举行E`, `E在P举行`)
//! (the event a declaration comes from), a signature block of `国名+职务<TAB>姓名` lines
//! (signatories, in order), a closing `日期于地点` line, and the dateline.

use std::ops::Range;

use super::dates::{Rules, Ymd, find_dates};
use super::names::Candidate;
use crate::input::DATELINE;
use crate::lexicon::Lexicon;
use crate::model::{Class, DocFields, DocKind};

/// What the layout says.
#[derive(Debug, Clone)]
pub struct Fields {
    pub kind: DocKind,
    pub fields: DocFields,
    /// The title line's text span (normalised bytes), without `#` marks.
    pub title_span: Option<Range<usize>>,
}

/// The document's own date, used to resolve 今年, 去年 and a dateline's 9月12日: the full
/// date in the first lines, or the full date that agrees with the dateline's month and
/// day, or the last full date before the dateline.
pub fn reference_date(dates: &Rules, norm: &str) -> Option<Ymd> {
    let full: Vec<(usize, Ymd)> = find_dates(dates, norm, None)
        .into_iter()
        .filter(|d| d.start.day.is_some() && !d.value.contains('/'))
        .map(|d| (d.span.start, d.start))
        .collect();
    if let Some(caps) = DATELINE.captures_iter(norm).last() {
        let month = super::numbers::parse(&caps["month"]).and_then(|v| u32::try_from(v).ok());
        let day = super::numbers::parse(&caps["day"]).and_then(|v| u32::try_from(v).ok());
        if let Some(&(_, d)) = full.iter().find(|(_, d)| d.month == month && d.day == day) {
            return Some(d);
        }
        if let Some(&(_, d)) = full.iter().next_back() {
            return Some(Ymd {
                year: d.year,
                month,
                day,
            });
        }
        return None;
    }
    full.iter()
        .find(|(at, _)| *at < 400)
        .or(full.first())
        .map(|&(_, d)| d)
}

/// Lines of `norm` as byte ranges (without the newline).
fn lines(norm: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in norm.char_indices() {
        if c == '\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..norm.len());
    out.into_iter()
        .map(|r| trim(norm, r))
        .filter(|r| !r.is_empty())
        .collect()
}

fn trim(norm: &str, r: Range<usize>) -> Range<usize> {
    let s = &norm[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        r.start..r.start
    } else {
        r.start + lead..r.end - trail
    }
}

const SPEECH_WORDS: &[&str] = &["讲话", "致辞", "演讲", "发言", "贺词", "贺信", "主旨讲话"];

pub fn read(lex: &Lexicon, norm: &str, mentions: &[Candidate]) -> Fields {
    let lines = lines(norm);
    let head: Vec<Range<usize>> = lines.iter().take(6).cloned().collect();
    let in_span = |m: &Candidate, r: &Range<usize>| r.start <= m.span.start && m.span.end <= r.end;
    let first_in = |class: Class, r: &Range<usize>| {
        mentions
            .iter()
            .find(|m| m.id.class == class && in_span(m, r))
            .map(|m| m.id.clone())
    };

    // title
    let title_span = lines.first().and_then(|r| {
        let s = &norm[r.clone()];
        let body = s.trim_start_matches('#').trim_start();
        let heading = s.starts_with('#');
        let short = body.chars().count() <= 40
            && !body.contains(['。', '，', '：'])
            && !body.starts_with(['（', '(', '—']);
        let dated = mentions
            .iter()
            .any(|m| m.id.class == Class::Date && in_span(m, r));
        (heading || (short && !dated && lines.len() > 1)).then(|| r.end - body.len()..r.end)
    });

    // subtitle: ——在…上的讲话
    let subtitle = head.iter().find(|r| {
        let s = norm[(*r).clone()].trim_start_matches('#').trim_start();
        (s.starts_with("——") || s.starts_with("—"))
            || (s.starts_with('在') && SPEECH_WORDS.iter().any(|w| s.ends_with(w)))
    });
    // a speech says so in its title or subtitle, not in its body
    let heading = |r: &Range<usize>| {
        let s = &norm[r.clone()];
        s.starts_with('#')
            || s.starts_with('—')
            || (s.chars().count() <= 40 && !s.contains(['。', '，']))
    };
    let speech = head
        .iter()
        .filter(|r| heading(r))
        .any(|r| SPEECH_WORDS.iter().any(|w| norm[r.clone()].contains(w)));
    let opening = lines
        .iter()
        .find(|r| norm[(*r).clone()].contains(['，', '。']));
    let declaration = !speech
        && (title_span
            .as_ref()
            .is_some_and(|t| norm[t.clone()].contains("宣言"))
            || opening.is_some_and(|r| {
                ["宣示如下", "宣言如下", "宣布如下", "声明如下"]
                    .iter()
                    .any(|w| norm[r.clone()].contains(w) && !w.starts_with("声明"))
            }));
    let kind = if speech {
        DocKind::Speech
    } else if declaration {
        DocKind::Declaration
    } else {
        DocKind::Document
    };

    // by-line and signature lines: [国名+职务][white space][姓名]
    let mut author = None;
    let mut signatories = Vec::new();
    for (n, r) in lines.iter().enumerate() {
        let line = &norm[r.clone()];
        let Some(person) = mentions
            .iter()
            .find(|m| m.id.class == Class::Person && in_span(m, r) && m.span.end == r.end)
        else {
            continue;
        };
        let before = norm[r.start..person.span.start].trim_end_matches([' ', '\t', '\u{3000}']);
        let spaced = before.len() < person.span.start - r.start;
        let Some((t, _)) = lex.find_titles(before).last() else {
            continue;
        };
        if !spaced || t.end != before.len() || line.contains(['。', '，']) {
            continue;
        }
        if n < 6 && kind == DocKind::Speech && author.is_none() {
            author = Some(person.id.clone());
        } else if n >= 6 {
            signatories.push(person.id.clone());
        }
    }

    // date and place: （日期，地点） in the head, 日期于地点 at the end, or the dateline
    let paren = head.iter().find(|r| {
        let s = &norm[(*r).clone()];
        s.starts_with(['（', '(']) && s.ends_with(['）', ')']) && !DATELINE.is_match(s)
    });
    let closing = lines.iter().rev().take(4).find(|r| {
        let s = &norm[(*r).clone()];
        s.contains('于')
            && mentions
                .iter()
                .any(|m| m.id.class == Class::Date && m.span.start == r.start)
    });
    let dateline = DATELINE.find_iter(norm).last().map(|m| m.range());
    let mut date = None;
    let mut location = None;
    for r in [paren, closing, dateline.as_ref()].into_iter().flatten() {
        if date.is_none() {
            date = first_in(Class::Date, r);
        }
        if location.is_none() {
            location = first_in(Class::Place, r);
        }
    }

    // the event: the subtitle's, or for a declaration or communiqué the one its opening
    // sentence says was held (a news report about a meeting was not delivered at it)
    let adopted = kind == DocKind::Declaration
        || title_span.as_ref().is_some_and(|t| {
            ["公报", "声明", "宣言", "纪要", "决议", "共识"]
                .iter()
                .any(|w| norm[t.clone()].contains(w))
        });
    let delivered_at = match subtitle {
        Some(r) if kind == DocKind::Speech => first_in(Class::Event, r),
        _ if !adopted => None,
        _ => opening.and_then(|r| {
            let sentence_end = norm[r.clone()]
                .find(['。', '：'])
                .map_or(r.end, |i| r.start + i);
            let sentence = &norm[r.start..sentence_end];
            if !["举行", "召开", "举办"]
                .iter()
                .any(|v| sentence.contains(v))
            {
                return None;
            }
            mentions
                .iter()
                .find(|m| {
                    m.id.class == Class::Event
                        && m.span.start >= r.start
                        && m.span.end <= sentence_end
                })
                .map(|m| m.id.clone())
        }),
    };

    Fields {
        kind,
        fields: DocFields {
            title: None,
            author,
            signatories,
            date,
            location,
            delivered_at,
        },
        title_span,
    }
}
