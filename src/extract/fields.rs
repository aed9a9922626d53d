//! Document fields: kind, title, author, signatories, date, place, and the event a
//! document was delivered at or adopted by.
//!
//! Read from the document's layout, the way Xinhua prints it: a title line (a `#`
//! heading, or a short first line without sentence punctuation), a subtitle
//! `——在…上的讲话` (a speech, delivered at the event it names; without one, at the event
//! its opening lines say the speaker attends: 出席第二届中国—中亚峰会), a by-line
//! `国名+职务 姓名` (the author), a `（日期，地点）` line, an opening sentence that says an
//! event was held (`…在P举行E`, `E在P举行`)
//! (the event a declaration comes from), a signature block of `国名+职务<TAB>姓名` lines
//! (signatories, in order), a closing `日期于地点` line, and the dateline.
//!
//! The words of that layout (speech words, the openings of a declaration, the verbs of
//! an event held …) are lists of `data/rules/words.tsv`, a [`List`] each.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::dates::{Rules, Ymd, find_dates};
use super::names::Candidate;
use crate::input::Dateline;
use crate::lexicon::{Lexicon, List, Words};
use crate::model::{Class, DocFields, DocKind, EntityId};

/// What the layout says.
#[derive(Debug, Clone)]
pub struct Fields {
    pub kind: DocKind,
    pub fields: DocFields,
    /// The title line's text span (normalised bytes), without `#` marks.
    pub title_span: Option<Range<usize>>,
}

/// The document's own date, used to resolve 今年, 去年 and a dateline's 9月12日: the full
/// date in the first lines; for a dateline, the full date that agrees with its month and
/// day, else the year of a date in its month (an interval 11月4日至5日 too), else of the
/// last full date.
pub fn reference_date(dateline: &Dateline, dates: &Rules, norm: &str) -> Option<Ymd> {
    let found = find_dates(dates, norm, None);
    let full: Vec<(usize, Ymd)> = found
        .iter()
        .filter(|d| d.start.day.is_some() && !d.value.contains('/'))
        .map(|d| (d.span.start, d.start))
        .collect();
    if let Some(caps) = dateline.dating(norm) {
        let month = super::numbers::parse(&caps["month"]).and_then(|v| u32::try_from(v).ok());
        let day = super::numbers::parse(&caps["day"]).and_then(|v| u32::try_from(v).ok());
        if let Some(&(_, d)) = full.iter().find(|(_, d)| d.month == month && d.day == day) {
            return Some(d);
        }
        let year = found
            .iter()
            .find(|d| month.is_some() && d.start.month == month)
            .map(|d| d.start.year)
            .or_else(|| full.last().map(|(_, d)| d.year))?;
        return Some(Ymd { year, month, day });
    }
    full.iter()
        .find(|(at, _)| *at < 400)
        .or(full.first())
        .map(|&(_, d)| d)
}

/// The opening sentence that says a meeting was held (…于2015年7月9日在俄罗斯乌法举行…会晤):
/// among the first sentences, the first with a held verb and a date or an event: its span, its first
/// date, and the first place a location marker (在, 于) introduces, perhaps with its state
/// between (在俄罗斯乌法).
pub struct Held {
    pub span: Range<usize>,
    pub date: Option<EntityId>,
    pub place: Option<EntityId>,
}

/// What follows a speaker named in a speech's title (王某外长在…上的讲话).
const SPEAKS_AT: &str = "在";

/// How many bytes of a document's start the held sentence may begin in.
const HELD_WITHIN: usize = 1_500;

/// The held sentence of `norm` (see [`Held`]).
pub fn held(lex: &Lexicon, norm: &str, mentions: &[Candidate]) -> Option<Held> {
    let words = &lex.words;
    let mut start = 0;
    for (i, c) in norm.char_indices() {
        if start >= HELD_WITHIN {
            return None;
        }
        if !matches!(c, '。' | '\n') {
            continue;
        }
        let span = start..i;
        start = i + c.len_utf8();
        let sentence = &norm[span.clone()];
        if !says_held(words, sentence) {
            continue;
        }
        let inside: Vec<&Candidate> = mentions
            .iter()
            .filter(|m| !m.nested && span.start <= m.span.start && m.span.end <= span.end)
            .collect();
        let date = inside.iter().find(|m| m.id.class == Class::Date);
        if date.is_none() && !inside.iter().any(|m| m.id.class == Class::Event) {
            continue;
        }
        let place = inside
            .iter()
            .find(|m| m.id.class == Class::Place && after_at(words, norm, m.span.start, &inside));
        return Some(Held {
            span,
            date: date.map(|d| d.id.clone()),
            place: place.map(|p| p.id.clone()),
        });
    }
    None
}

/// Whether `sentence` says a meeting was held: a held verb, with no word before it that
/// makes the meeting one still to come (欢迎…论坛于2026年9月在北京举行), in a sentence that
/// tells of no visit (出席…论坛并对某国进行国事访问).
fn says_held(words: &Words, sentence: &str) -> bool {
    words
        .list(List::HeldVerbs)
        .iter()
        .filter_map(|w| sentence.find(w.as_str()))
        .min()
        .is_some_and(|at| !contains_any(&sentence[..at], words.list(List::NotHeldMarkers)))
        && !contains_any(sentence, words.list(List::VisitWords))
}

/// Whether a location marker (在) stands before the place starting at `start`, or before
/// the state it lies in (在塔吉克斯坦杜尚别, 在塔吉克斯坦首都杜尚别).
pub fn after_at(words: &Words, norm: &str, start: usize, ms: &[&Candidate]) -> bool {
    let before = &norm[..start];
    let state_end = words
        .list(List::PlaceAppositions)
        .iter()
        .find_map(|w| before.strip_suffix(w.as_str()))
        .unwrap_or(before)
        .len();
    let before = match ms
        .iter()
        .find(|s| s.id.class == Class::State && (s.span.end == start || s.span.end == state_end))
    {
        Some(s) => &norm[..s.span.start],
        None => before,
    };
    words
        .list(List::LocationMarkers)
        .iter()
        .any(|w| before.ends_with(w.as_str()))
}

/// Whether `line` (at `r`) is a web page's furniture: nothing named in it (no date, no
/// person: a signature line 普京 stays), and fewer than three Chinese characters once the
/// [`List::PageFurniture`] words and page numbers (第2页) are taken out (【打 印】, 首页 >
/// 头条, | English).
fn is_furniture(lex: &Lexicon, line: &str, mentions: &[Candidate], r: &Range<usize>) -> bool {
    is_breadcrumb(lex, line)
        || is_text_label(lex, line)
        || (!mentions
            .iter()
            .any(|m| r.start <= m.span.start && m.span.end <= r.end)
            && is_tools(lex, line))
}

/// Whether `line` is a web page's furniture by its words alone: a navigation path
/// ([`is_breadcrumb`]) or navigation and tools ([`is_tools`]).
pub(super) fn is_page_furniture(lex: &Lexicon, line: &str) -> bool {
    is_breadcrumb(lex, line) || is_tools(lex, line) || is_text_label(lex, line)
}

/// Whether `line` is a page's label for the text below it: a kind of document or speech
/// and a title note, nothing else (公报全文, 讲话全文).
fn is_text_label(lex: &Lexicon, line: &str) -> bool {
    let line = line.trim();
    lex.words
        .list(List::DocumentNouns)
        .iter()
        .chain(lex.words.list(List::SpeechWords))
        .filter_map(|w| line.strip_prefix(w.as_str()))
        .any(|note| {
            lex.words
                .contains(List::TitleNotes, note.trim_start_matches(['：', ':']))
        })
}

/// Whether `line` holds only navigation and tools (`page_furniture`), page numbers and
/// fewer than three other Chinese characters.
fn is_tools(lex: &Lexicon, line: &str) -> bool {
    let mut rest = PAGE_NUMBER.replace_all(line, "").into_owned();
    rest.retain(|c| !c.is_whitespace());
    for w in lex.words.list(List::PageFurniture) {
        rest = rest.replace(w.as_str(), "");
    }
    rest.chars().filter(|&c| crate::text::is_han(c)).count() < 3
}

/// Where the text of `norm` starts: after the navigation path that a web page prints
/// in its first lines below the site's menus (大使信息 使馆信息 … / 首页 > 要闻), and after
/// lines of furniture ([`is_page_furniture`]) below it; else at 0.
pub(super) fn text_start(lex: &Lexicon, norm: &str) -> usize {
    // (only the head is read: the lines are taken as needed)
    let mut start = lines(norm)
        .take(HEAD_SEARCH)
        .filter(|r| is_breadcrumb(lex, &norm[r.clone()]))
        .last()
        .map_or(0, |r| r.end);
    let after_path = start;
    for r in lines(norm).skip_while(|r| r.start < after_path) {
        if !is_page_furniture(lex, &norm[r.clone()]) || r.end == norm.len() {
            break;
        }
        start = r.end;
    }
    // (the start of the next line)
    norm[start..]
        .find(|c: char| !c.is_whitespace())
        .map_or(start, |i| start + i)
}

/// Whether `line` is a web page's navigation path: steps between `breadcrumb_separator`s,
/// none a sentence, that open with a furniture word (首页>专题>领导人出席峰会>要闻,
/// 当前位置：新闻 > 正文) or are three or more short ones (新闻 > 政务新闻 > 正文).
fn is_breadcrumb(lex: &Lexicon, line: &str) -> bool {
    let furniture = lex.words.list(List::PageFurniture);
    let mut rest = line.to_string();
    rest.retain(|c| !c.is_whitespace());
    let steps: Vec<&str> = rest
        .split(|c: char| {
            lex.words
                .list(List::BreadcrumbSeparators)
                .iter()
                .any(|w| w.chars().eq([c]))
        })
        .collect();
    if steps.len() < 2 || steps.iter().any(|s| s.contains(['。', '，'])) {
        return false;
    }
    let opens_with_furniture = furniture.iter().any(|w| steps[0].starts_with(w.as_str()));
    let short = steps.iter().all(|s| s.chars().count() <= BREADCRUMB_STEP);
    opens_with_furniture || (steps.len() >= 3 && short)
}

/// The longest step (characters) of a navigation path, its furniture word included
/// (当前位置：新闻).
const BREADCRUMB_STEP: usize = 12;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"第\s*[0-9]+\s*页").unwrap());

/// Lines of `norm` as byte ranges (without the newline).
fn lines(norm: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    norm.split('\n')
        .map(move |line| {
            let r = start..start + line.len();
            start = r.end + 1;
            r
        })
        .map(|r| trim(norm, r))
        .filter(|r| !r.is_empty())
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

/// Whether `inner` lies within `outer`.
fn in_span_range(inner: &Range<usize>, outer: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Whether `text` holds one of `words`.
fn contains_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.contains(w.as_str()))
}

/// How many lines from the title make a document's head (title, subtitle, date line,
/// by-line).
const HEAD_LINES: usize = 6;
/// How many lines from the head's start may say which event a speech is delivered at.
const SPEECH_OPENING_LINES: usize = 10;
/// How many first lines may hold the title's repeat that starts the head.
const HEAD_SEARCH: usize = 15;

/// The fields the layout of `norm` gives, from its `mentions`.
pub fn read(lex: &Lexicon, dateline: &Dateline, norm: &str, mentions: &[Candidate]) -> Fields {
    let words = |list| lex.words.list(list);
    // (a web page's furniture above the text, 【打印】 首页 > 头条 | English, is no line of it)
    // (nor is what stands above its navigation path: the site's menus)
    let start = text_start(lex, norm);
    let lines: Vec<Range<usize>> = lines(norm)
        .filter(|r| r.start >= start)
        .skip_while(|r| is_furniture(lex, &norm[r.clone()], mentions, r))
        .enumerate()
        .flat_map(|(n, r)| {
            if n < HEAD_SEARCH {
                split_head_line(lex, norm, r)
            } else {
                vec![r]
            }
        })
        .collect();
    // the head: six lines from the title. A web page may print its title above page
    // furniture and again above the text: the head starts at the title's last repeat
    // within the first lines (without an editor's note after it, or with a subtitle after a
    // dash: X宣言（全文） … X宣言——加强…).
    let head_start = lines.first().map_or(0, |first| {
        let title = super::names::without_title_note(lex, norm[first.clone()].trim());
        lines
            .iter()
            .take(HEAD_SEARCH)
            .rposition(|r| {
                let line = norm[r.clone()].trim();
                !title.is_empty()
                    && line
                        .strip_prefix(title)
                        .is_some_and(|rest| rest.is_empty() || rest.trim_start().starts_with('—'))
            })
            .unwrap_or(0)
    });
    let head: Vec<Range<usize>> = lines
        .iter()
        .skip(head_start)
        .take(HEAD_LINES)
        .cloned()
        .collect();
    let in_span = |m: &Candidate, r: &Range<usize>| r.start <= m.span.start && m.span.end <= r.end;
    let first_in = |class: Class, r: &Range<usize>| {
        mentions
            .iter()
            .find(|m| m.id.class == class && in_span(m, r))
            .map(|m| m.id.clone())
    };

    // title: the first line, or for a document a dateline opens, its headline (before
    // the dateline, after it on its line, or the line after it)
    let opening_dateline = dateline
        .opening(norm)
        .and_then(|c| c.get(0))
        .map(|m| m.range());
    let headline = |r: &Range<usize>| {
        let s = &norm[r.clone()];
        let body = s.trim_start_matches('#').trim_start();
        let heading = s.starts_with('#');
        let short = body.chars().count() <= 60
            && !body.contains(['。', '，', '：'])
            && !body.starts_with(['（', '(', '—']);
        let dated = mentions
            .iter()
            .any(|m| m.id.class == Class::Date && in_span(m, r));
        (heading || (short && !dated)).then(|| r.end - body.len()..r.end)
    };
    // a first line is a title when short, or, up to 100 characters, when it ends in a
    // document's head word (甲国和乙国关于深化合作、共建伙伴关系、携手应对挑战的联合声明)
    let ends_a_title = |body: &str| {
        super::names::ends_in_document_head(lex, super::names::without_title_note(lex, body))
    };
    let first_line = |r: &Range<usize>| {
        let s = &norm[r.clone()];
        let body = s.trim_start_matches('#').trim_start();
        let body = &body[super::names::title_tag_end(lex, body)..];
        let heading = s.starts_with('#');
        let length = body.chars().count();
        // (a long title may hold a comma: 关于携手构建…共同体，共同维护多边主义的联合声明)
        let short = ((length <= 40 && !body.contains('，'))
            || (length <= 100 && ends_a_title(body)))
            && !body.contains(['。', '：'])
            && !body.starts_with(['（', '(', '—']);
        // (a note's year is no date of the line: 某某宣言（2017年）)
        let at = r.end - body.len();
        let kept = at..at + super::names::without_title_note(lex, body).len();
        let dated = mentions
            .iter()
            .any(|m| m.id.class == Class::Date && in_span(m, &kept));
        (heading || (short && !dated && lines.len() > 1)).then(|| r.end - body.len()..r.end)
    };
    // 新华社…电 …通过了《…宣言》。全文如下：— the lead of a text published in full: the
    // document is that text, titled by the last title its lead names
    // (a kind's name alone in the lead, 发表联合公报, gives way to the full title the text
    // opens with, 甲国与乙国联合公报)
    let mut lead_span = None;
    // (without a dateline, a first line that is a sentence may be such a lead: 当地时间
    // 1月23日，甲国和乙国发表《…联合声明》。联合声明全文如下：)
    let lead_line = lines.first().filter(|r| {
        opening_dateline.is_none() && has_sentence_punctuation(lex, &norm[(*r).clone()])
    });
    let lead_start = opening_dateline
        .as_ref()
        .map(|d| d.end)
        .or_else(|| lead_line.map(|r| r.start));
    let published = lead_start.and_then(|from| {
        let rest = &norm[from..lead_line.map_or(norm.len(), |r| r.end)];
        let marker = words(List::FullTextMarkers)
            .iter()
            .filter_map(|w| rest.find(w.as_str()))
            .min()?;
        let lead = from..from + marker;
        let named = (norm[lead.clone()].chars().count() <= 200)
            .then(|| {
                mentions
                    .iter()
                    .rfind(|m| m.id.class == Class::Agreement && !m.nested && in_span(m, &lead))
            })
            .flatten()?;
        lead_span = Some(lead.clone());
        let printed = &norm[named.span.clone()];
        let full_title = lex
            .words
            .contains(List::GenericAgreements, printed)
            .then(|| {
                let next = lines.iter().find(|l| l.start > lead.end)?;
                mentions
                    .iter()
                    .find(|m| {
                        m.id.class == Class::Agreement
                            && !m.nested
                            && m.span == *next
                            && norm[m.span.clone()].ends_with(printed)
                    })
                    .map(|m| m.span.clone())
            })
            .flatten();
        Some(full_title.unwrap_or_else(|| named.span.clone()))
    });
    let title_span = match &opening_dateline {
        _ if published.is_some() => published.clone(),
        Some(d) => {
            // the rest of the dateline's line up to a space, the line after it, the line
            // before it, or the first line
            // (its line is the first that ends after it starts: a dateline may start in a
            // line's leading white space, or run over a line break)
            let at = lines.iter().position(|l| d.start < l.end).unwrap_or(0);
            let rest = trim(
                norm,
                d.end..lines.get(at).map_or(d.end, |l| l.end.max(d.end)),
            );
            let same_line = (!rest.is_empty())
                .then(|| {
                    let piece_end = norm[rest.clone()]
                        .find([' ', '\u{3000}', '\t'])
                        .map_or(rest.end, |i| rest.start + i);
                    // (or the whole rest, a title: 新华社某城11月14日电中老联合声明)
                    if piece_end < rest.end {
                        headline(&(rest.start..piece_end))
                    } else {
                        let body = &norm[rest.clone()];
                        (ends_a_title(body) && !has_sentence_punctuation(lex, body))
                            .then(|| rest.clone())
                    }
                })
                .flatten();
            same_line
                .or_else(|| {
                    rest.is_empty()
                        .then(|| lines.get(at + 1).and_then(headline))
                        .flatten()
                })
                .or_else(|| at.checked_sub(1).and_then(|i| headline(&lines[i])))
                .or_else(|| lines.first().and_then(first_line))
        }
        None => lines.first().and_then(first_line),
    };
    // without an editor's note (联合声明（全文）)
    let title_span = title_span.map(|t| {
        let kept = super::names::without_title_note(lex, &norm[t.clone()]);
        t.start..t.start + kept.len()
    });
    let title_has = |list| {
        title_span
            .as_ref()
            .is_some_and(|t| contains_any(&norm[t.clone()], words(list)))
    };

    // subtitle: ——在…上的讲话
    let subtitle = head.iter().find(|r| {
        let s = norm[(*r).clone()].trim_start_matches('#').trim_start();
        s.starts_with('—')
            || (words(List::SubtitleStarts)
                .iter()
                .any(|w| s.starts_with(w.as_str()))
                && words(List::SpeechWords)
                    .iter()
                    .any(|w| s.ends_with(w.as_str())))
    });
    // a speech says so in its title or subtitle, not in its body
    let heading = |r: &Range<usize>| {
        let s = &norm[r.clone()];
        s.starts_with('#')
            || s.starts_with('—')
            || (s.chars().count() <= 40 && !s.contains(['。', '，']))
    };
    // a speech says so in its title or subtitle, or opens by addressing its audience
    // (尊敬的…, 女士们，先生们)
    // a report that prints a speech in full (…发表致辞。致辞全文如下：) is that speech:
    // where the marker begins, in the first lines
    let full_text = lines.iter().take(HEAD_SEARCH).find_map(|r| {
        let line = &norm[r.clone()];
        words(List::SpeechWords).iter().find_map(|w| {
            line.match_indices(w.as_str()).find_map(|(i, _)| {
                let after = line[i + w.len()..].trim_start_matches(['：', ':', ' ']);
                let ends = |rest: &str| rest.is_empty() || rest.starts_with(['：', ':', '\n']);
                // 致辞全文如下：, or 以下为致辞全文：
                let marked = words(List::FullTextMarkers)
                    .iter()
                    .any(|m| after.strip_prefix(m.as_str()).is_some_and(ends))
                    || (words(List::FullTextOpeners)
                        .iter()
                        .any(|o| line[..i].ends_with(o.as_str()))
                        && words(List::FullTextWords)
                            .iter()
                            .any(|f| after.strip_prefix(f.as_str()).is_some_and(ends)));
                marked.then_some(r.start + i)
            })
        })
    });
    let speech = full_text.is_some()
        || head
            .iter()
            .filter(|r| heading(r))
            .any(|r| contains_any(&norm[r.clone()], words(List::SpeechWords)))
        || head.iter().take(3).any(|r| {
            let s = &norm[r.clone()];
            s.chars().count() <= 60 && contains_any(s, words(List::SpeechOpenings))
        });
    // (the lines before the head's start are the page's, not the text's)
    let opening = lines.iter().skip(head_start).find(|r| {
        has_sentence_punctuation(lex, &norm[(*r).clone()])
            // (nor the title repeated with its subtitle: X宣言——加强…，促进…)
            && title_span
                .as_ref()
                .is_none_or(|t| r.start == t.start || !norm[(*r).clone()].starts_with(&norm[t.clone()]))
            && opening_dateline
                .as_ref()
                .is_none_or(|d| !(r.start <= d.start && d.end == r.end))
    });
    let opening_has = |list| opening.is_some_and(|r| contains_any(&norm[r.clone()], words(list)));
    // 宣言 in the title, 宣言如下 in the opening, or an opening in the signers' voice
    // (1.我们，巴西…领导人)
    let declaration = title_has(List::DeclarationTitles)
        || opening_has(List::DeclarationOpenings)
        || opening.is_some_and(|r| {
            let s = super::clauses::strip_enumeration(&norm[r.clone()]);
            words(List::DeclarationVoices)
                .iter()
                .any(|w| s.starts_with(w.as_str()))
        });
    // 联合声明 in the title, or an opening that defines the parties (（以下称“双方”）) or
    // in which they declare what follows (双方声明如下)
    let joint = title_has(List::JointStatementTitles)
        || opening.is_some_and(|r| {
            let s = &norm[r.clone()];
            words(List::DefinitionCues).iter().any(|cue| {
                s.match_indices(cue.as_str()).any(|(i, _)| {
                    let after = s[i + cue.len()..].trim_start_matches(['“', '"', '「', '‘']);
                    words(List::PartyWords)
                        .iter()
                        .any(|w| after.starts_with(w.as_str()))
                })
            })
            // or whose parties declare the text that follows (双方发表联合声明如下：)
            || words(List::StatementOpenings).iter().any(|o| {
                s.find(o.as_str()).is_some_and(|i| {
                    let sentence = s[..i].rfind('。').map_or(0, |k| k + '。'.len_utf8());
                    words(List::PartyWords)
                        .iter()
                        .any(|w| s[sentence..i].contains(w.as_str()))
                })
            })
        });
    // (or a statement whose title opens with its parties: 甲国和乙国关于…的声明, 中英某问题声明)
    let joint = joint
        || title_span.as_ref().is_some_and(|t| {
            let title = super::names::without_title_note(lex, norm[t.clone()].trim());
            let start = t.start + (norm[t.clone()].len() - norm[t.clone()].trim_start().len());
            words(List::PartyStatementTitles)
                .iter()
                .any(|w| title.ends_with(w.as_str()))
                && parties_open(lex, norm, mentions, start)
        });
    let communique = title_has(List::CommuniqueTitles);
    // an agency's report: a dateline opens it, and its headline reports (发表讲话, 举行)
    // rather than names the text it publishes in full
    // (a title that is one agreement's name names the text, whatever words its meeting's
    // name holds: 金砖国家领导人第二十次会晤金城宣言（全文）)
    // (nor does a speech's own title, …在某论坛开幕式上的致辞: 的 and a speech word end it,
    // whatever report verb its meeting's name holds, 开幕)
    let names_the_text = title_span.as_ref().is_some_and(|t| {
        mentions
            .iter()
            .any(|m| m.id.class == Class::Agreement && !m.nested && m.span == *t)
            || words(List::SpeechWords).iter().any(|w| {
                norm[t.clone()]
                    .strip_suffix(w.as_str())
                    .is_some_and(|before| {
                        before
                            .char_indices()
                            .rev()
                            .take(SPEECH_WORD_QUALIFIER + 1)
                            .any(|(_, c)| c == '的')
                    })
            })
    });
    let report = opening_dateline.is_some()
        && full_text.is_none()
        && published.is_none()
        && (title_span.is_none()
            || (title_has(List::ReportVerbs) && !names_the_text)
            || !(joint || communique || declaration || speech));
    let kind = if report {
        DocKind::NewsReport
    } else if speech {
        DocKind::Speech
    } else if joint {
        DocKind::JointStatement
    } else if declaration {
        DocKind::Declaration
    } else if communique {
        DocKind::Communique
    } else {
        DocKind::Document
    };

    // by-line and signature lines: [国名+职务][white space][姓名]
    let mut author = None;
    let mut signatories = Vec::new();
    for (n, r) in lines.iter().enumerate() {
        let line = &norm[r.clone()];
        // (a by-line may go on with its date and place: 某国主席 某某 2022年12月9日于某城)
        let ends_line = |end: usize| {
            let rest = &norm[end..r.end];
            let date = end + (rest.len() - rest.trim_start().len());
            end == r.end
                || (date > end
                    && mentions
                        .iter()
                        .any(|d| d.id.class == Class::Date && d.span.start == date))
        };
        let Some(person) = mentions
            .iter()
            .find(|m| m.id.class == Class::Person && in_span(m, r) && ends_line(m.span.end))
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
        if n < head_start + HEAD_LINES && kind == DocKind::Speech && author.is_none() {
            author = Some(person.id.clone());
        } else if n >= head_start + HEAD_LINES {
            signatories.push(person.id.clone());
        }
    }

    // a speech's title or subtitle that names its speaker before 在 (王某外长在…上的演讲, 国家
    // 主席王某在…上的讲话, ——王某主任在…上的主旨讲话): that person, where no by-line names one
    let subtitle_text = subtitle.map(|r| {
        let s = &norm[r.clone()];
        let dashes = s.len() - s.trim_start_matches(['#', '—', ' ']).len();
        r.start + dashes..r.end
    });
    if kind == DocKind::Speech
        && author.is_none()
        && let Some(person) = title_span.iter().chain(subtitle_text.iter()).find_map(|t| {
            mentions.iter().find(|m| {
                m.id.class == Class::Person
                    && in_span(m, t)
                    && {
                        let before = &norm[t.start..m.span.start];
                        before.is_empty()
                            || lex
                                .find_titles(before)
                                .last()
                                .is_some_and(|(r, _)| r.end == before.len())
                    }
                    && {
                        let after = &norm[m.span.end..t.end];
                        let after = lex
                            .find_titles(after)
                            .next()
                            .filter(|(r, _)| r.start == 0)
                            .map_or(after, |(r, _)| &after[r.end..]);
                        after.starts_with(SPEAKS_AT)
                    }
            })
        })
    {
        author = Some(person.id.clone());
    }

    // a note in brackets at the head that says who spoke where (（2030年9月28日，王某外长在
    // 某城某大会发言）): the person it names, where nothing above named one
    if kind == DocKind::Speech
        && author.is_none()
        && let Some(person) = lines
            .iter()
            .skip(head_start)
            .take(HEAD_LINES)
            .find_map(|r| {
                let inner = norm[r.clone()]
                    .trim()
                    .strip_prefix('（')?
                    .strip_suffix('）')?;
                words(List::SpeechWords)
                    .iter()
                    .any(|w| inner.ends_with(w.as_str()))
                    .then(|| {
                        mentions
                            .iter()
                            .find(|m| m.id.class == Class::Person && in_span(m, r))
                    })
                    .flatten()
            })
    {
        author = Some(person.id.clone());
    }

    // the speaker of a speech a report prints in full: the last person named before it,
    // and the date of the sentence that names them (12月1日，…主席某某发表致辞。)
    let mut speech_sentence = None;
    let mut author_at = None;
    // (the speaker is the subject of the sentence that says they gave it: 习近平…并致辞。)
    let said_at = full_text.and_then(|at| {
        let line_start = norm[..at].rfind('\n').map_or(0, |i| i + 1);
        words(List::SpeechWords)
            .iter()
            .filter_map(|w| norm[..line_start].rfind(w.as_str()))
            .max()
            .filter(|&i| line_start - i < 600)
    });
    let said_by = said_at.and_then(|i| {
        let sentence_start = norm[..i].rfind(['。', '\n']).map_or(0, |k| {
            k + norm[k..].chars().next().map_or(1, char::len_utf8)
        });
        mentions
            .iter()
            // (not a reporter of the dateline)
            .find(|m| {
                m.id.class == Class::Person
                    && m.span.start >= sentence_start
                    && m.span.end <= i
                    && !m.rule.contains("reporter")
            })
    });
    if let Some(at) = full_text
        && author.is_none()
        // (where that sentence names no one the document knows, no one else)
        && let Some(person) = said_by.or_else(|| {
            if said_at.is_some() {
                return None;
            }
            mentions
                .iter()
                .rfind(|m| {
                    m.id.class == Class::Person
                        && m.span.end <= at
                        && at - m.span.end < 300
                        && !m.rule.contains("reporter")
                })
        })
    {
        author = Some(person.id.clone());
        author_at = Some(person.span.start);
        let start = norm[..person.span.start]
            .rfind(['。', '\n', '！', '？'])
            .map_or(0, |i| {
                i + norm[i..].chars().next().map_or(1, char::len_utf8)
            })
            .max(opening_dateline.as_ref().map_or(0, |d| d.end));
        let end = norm[person.span.end..]
            .find(['。', '\n'])
            .map_or(norm.len(), |i| person.span.end + i);
        speech_sentence = Some(start..end);
    }

    // date and place: （日期，地点） in the head, 日期于地点 at the end, or the dateline
    let paren = head.iter().find(|r| {
        let s = &norm[(*r).clone()];
        s.starts_with(['（', '(']) && s.ends_with(['）', ')']) && !dateline.is_match(s)
    });
    let closing = lines.iter().rev().take(4).find(|r| {
        let s = &norm[(*r).clone()];
        contains_any(s, words(List::ClosingAt))
            && mentions
                .iter()
                .any(|m| m.id.class == Class::Date && m.span.start == r.start)
    });
    // a line of the head, before the opening sentence, that holds only a date and perhaps
    // a place, or the title's line after the title (2016年中俄联合声明 2016年6月25日)
    let dated_lines = head
        .iter()
        // (the opening line too: 北京，2016年4月28日 has a comma, yet only a place and date)
        .take_while(|r| opening.is_none_or(|o| r.start <= o.start))
        .map(|r| match &title_span {
            Some(t) if !in_span_range(t, r) && norm[r.clone()].starts_with(&norm[t.clone()]) => {
                r.start + t.len()..r.end
            }
            _ => r.clone(),
        })
        .filter(|r| {
            let mut rest: Vec<bool> = vec![true; r.len()];
            let mut blank = |span: &Range<usize>| {
                for i in span.start.max(r.start)..span.end.min(r.end) {
                    rest[i - r.start] = false;
                }
            };
            if let Some(t) = &title_span {
                blank(t);
            }
            // a web page's metadata: 发布时间：2018-09-02 16:48 来源：新华社 (what follows a
            // source label is no date; a date label is)
            let line = &norm[r.clone()];
            for label in labels(lex, List::SourceLabels, line) {
                blank(&(r.start + label.start..r.end));
            }
            for label in labels(lex, List::DateLabels, line) {
                blank(&(r.start + label.start..r.start + label.end));
            }
            for time in clock_times(line) {
                blank(&(r.start + time.start..r.start + time.end));
            }
            let mut dated = false;
            for m in mentions.iter().filter(|m| in_span(m, r)) {
                if matches!(m.id.class, Class::Date | Class::Place) {
                    dated |= m.id.class == Class::Date;
                    blank(&m.span);
                }
            }
            dated
                && norm[r.clone()]
                    .char_indices()
                    .all(|(i, c)| !rest[i] || c.is_whitespace() || "|｜（）()，、#".contains(c))
        })
        .collect::<Vec<_>>();
    // a web page's metadata (发布时间：2020-07-17) dates the page, a weaker witness than the
    // sentence that says when the meeting was held, and than the text's own date line
    let metadata = |r: &Range<usize>| {
        let line = &norm[r.clone()];
        !labels(lex, List::DateLabels, line).is_empty()
            || !labels(lex, List::SourceLabels, line).is_empty()
    };
    let page_date = dated_lines.iter().find(|r| metadata(r)).cloned();
    let dated_line = dated_lines.iter().find(|r| !metadata(r)).cloned();
    // 日期于地点 in a head line (甲国、乙国 2026年3月11日于某城)
    let head_closing = head
        .iter()
        .filter(|r| !norm[(*r).clone()].contains('。'))
        .find_map(|r| {
            mentions
                .iter()
                .filter(|m| m.id.class == Class::Date && in_span(m, r))
                .find_map(|d| {
                    let place = mentions.iter().find(|p| {
                        p.id.class == Class::Place
                            && in_span(p, r)
                            && p.span.start > d.span.end
                            && lex
                                .words
                                .contains(List::ClosingAt, &norm[d.span.end..p.span.start])
                    })?;
                    Some(d.span.start..place.span.end)
                })
        });
    let last_dateline = dateline.find_all(norm).pop();
    let mut date = None;
    let mut location = None;
    // (the last day before the speaker: 2016年 after them is what the speech is about)
    if let Some(r) = &speech_sentence {
        date = mentions
            .iter()
            .rfind(|m| {
                m.id.class == Class::Date
                    && in_span(m, r)
                    && m.id.key.len() == "2016-12-01".len()
                    && author_at.is_some_and(|a| m.span.end <= a)
            })
            .map(|m| m.id.clone());
    }
    // (a report's own dateline dates it before a date line of the page it is printed on)
    let report_dateline = opening_dateline
        .as_ref()
        .filter(|_| kind == DocKind::NewsReport);
    // (a text published in full: when and where its lead says it was issued, 当天在某城公布)
    let lead = lead_span.as_ref().filter(|_| published.is_some());
    for r in [
        lead,
        report_dateline,
        paren,
        closing,
        dated_line.as_ref(),
        head_closing.as_ref(),
        last_dateline.as_ref(),
        opening_dateline.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        if date.is_none() {
            date = first_in(Class::Date, r);
        }
        if location.is_none() {
            location = first_in(Class::Place, r);
        }
    }

    // else the meeting's, for a text adopted there or a report of it
    if kind != DocKind::Speech
        && (date.is_none() || location.is_none())
        && let Some(h) = held(lex, norm, mentions)
    {
        date = date.or(h.date);
        location = location.or(h.place);
    }
    if let Some(r) = &page_date {
        date = date.or_else(|| first_in(Class::Date, r));
        location = location.or_else(|| first_in(Class::Place, r));
    }

    // the event: the subtitle's, or for a declaration or communiqué the one its opening
    // sentence says was held (a news report about a meeting was not delivered at it)
    let adopted =
        kind.is_declaration() || (kind != DocKind::NewsReport && title_has(List::AdoptedTitles));
    // (a speech's title may say where it was given as a subtitle does: 在某某博览会开幕式上的致辞)
    let title_says_where = title_span.as_ref().filter(|t| {
        let s = norm[(*t).clone()].trim();
        s.starts_with(SPEAKS_AT)
            && words(List::SpeechWords)
                .iter()
                .any(|w| s.ends_with(w.as_str()))
    });
    let delivered_at = match subtitle {
        Some(r) if kind == DocKind::Speech => first_in(Class::Event, r),
        None if kind == DocKind::Speech && title_says_where.is_some() => {
            title_says_where.and_then(|t| first_in(Class::Event, t))
        }
        // a speech without a subtitle: the event its opening lines say the speaker attends
        // (今天，我同各位一道出席第二届某某峰会)
        _ if kind == DocKind::Speech => {
            let opening_end = lines
                .get(head_start + SPEECH_OPENING_LINES)
                .map_or(norm.len(), |r| r.start);
            mentions
                .iter()
                .filter(|m| m.id.class == Class::Event && !m.nested && m.span.end <= opening_end)
                .find(|m| {
                    let sentence_start = norm[..m.span.start]
                        .rfind(['。', '\n', '！'])
                        .map_or(0, |i| {
                            i + norm[i..].chars().next().map_or(1, char::len_utf8)
                        });
                    contains_any(
                        &norm[sentence_start..m.span.start],
                        words(List::AttendVerbs),
                    )
                })
                .map(|m| m.id.clone())
        }
        _ if !adopted => None,
        _ => {
            // the meeting the title names (…第三届部长会议宣言)
            let in_title = title_span.as_ref().and_then(|t| {
                mentions
                    .iter()
                    .find(|m| m.id.class == Class::Event && m.nested && in_span(m, t))
                    .map(|m| m.id.clone())
            });
            let event_in = |r: Range<usize>| {
                mentions
                    .iter()
                    .find(|m| m.id.class == Class::Event && !m.nested && in_span(m, &r))
                    .map(|m| m.id.clone())
            };
            let from_opening = opening.and_then(|r| {
                let sentence_end = norm[r.clone()]
                    .find(['。', '：'])
                    .map_or(r.end, |i| r.start + i);
                let sentence = &norm[r.start..sentence_end];
                says_held(&lex.words, sentence)
                    .then(|| event_in(r.start..sentence_end))
                    .flatten()
            });
            in_title
                .or(from_opening)
                .or_else(|| held(lex, norm, mentions).and_then(|h| event_in(h.span)))
        }
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

/// The labels of `list` in `line` that a colon follows (来源：), each with its colon.
fn labels(lex: &Lexicon, list: List, line: &str) -> Vec<Range<usize>> {
    lex.words
        .list(list)
        .iter()
        .flat_map(|w| line.match_indices(w.as_str()))
        .filter_map(|(at, w)| {
            let colon = line[at + w.len()..]
                .chars()
                .next()
                .filter(|c| matches!(c, '：' | ':'))?;
            Some(at..at + w.len() + colon.len_utf8())
        })
        .collect()
}

/// A head line that prints a title, its subtitle and its by-line on one line, the way a
/// page may run them together (某某精神 ——在某某峰会上的讲话 某国主席 某某 2022年12月): the
/// title before a dash after white space, the subtitle up to a speech word followed by
/// white space, and the by-line after it, each a line of its own; another line as it is.
fn split_head_line(lex: &Lexicon, norm: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let s = &norm[r.clone()];
    let blank = |c: char| matches!(c, ' ' | '\u{3000}' | '\t');
    let Some(dash) = s.char_indices().find_map(|(i, c)| {
        (c == '—' && s[..i].ends_with(blank) && !s[..i].trim().is_empty()).then_some(i)
    }) else {
        return split_run_together_speech(lex, norm, r.clone()).unwrap_or_else(|| vec![r]);
    };
    let title = s[..dash].trim_end();
    if title.chars().count() > 60 || has_sentence_punctuation(lex, title) {
        return vec![r];
    }
    let title = r.start..r.start + title.len();
    let subtitle = &s[dash..];
    let by_line = lex
        .words
        .list(List::SpeechWords)
        .iter()
        .filter_map(|w| {
            let i = subtitle.find(w.as_str())? + w.len();
            subtitle[i..].starts_with(blank).then_some(i)
        })
        .min();
    match by_line {
        Some(i) => {
            let rest = &subtitle[i..];
            let skipped = rest.len() - rest.trim_start().len();
            vec![
                title,
                r.start + dash..r.start + dash + i,
                r.start + dash + i + skipped..r.end,
            ]
        }
        None => vec![title, r.start + dash..r.end],
    }
}

/// Whether two or more states open the text at `start`: a list of their names (甲国和乙国,
/// 甲国政府和乙国政府) or a compound of their one-character forms whose states the text
/// names (中英).
fn parties_open(lex: &Lexicon, norm: &str, mentions: &[Candidate], start: usize) -> bool {
    // (the states inside a title that is one agreement's name are no mentions of their own)
    let text = &norm[start..];
    let text = &text[..text.char_indices().nth(60).map_or(text.len(), |(i, _)| i)];
    let spans: Vec<Range<usize>> = lex
        .find_entities(text)
        .filter(|(_, targets)| {
            targets
                .iter()
                .any(|t| matches!(t, crate::lexicon::Target::State(_)))
        })
        .map(|(r, _)| r)
        .collect();
    let listed = spans.first().is_some_and(|r| r.start == 0)
        && super::clauses::coordinated(&lex.words, text, &spans, |_| true).len() >= 2;
    let known: Vec<EntityId> = mentions
        .iter()
        .filter(|m| m.id.class == Class::State)
        .map(|m| m.id.clone())
        .collect();
    listed || super::clauses::compound(lex, text, &known).is_some()
}

/// A speech's head run together with its text on one line, the way a page that lost its
/// line breaks prints it (在某某峰会上的致辞 （2030年11月27日，某城） 某国主席 某某 尊敬的各位
/// 来宾，…): the title up to white space before a bracket, the bracket, the by-line up to
/// white space before an opening address, and the rest, each a line of its own.
fn split_run_together_speech(
    lex: &Lexicon,
    norm: &str,
    r: Range<usize>,
) -> Option<Vec<Range<usize>>> {
    let s = &norm[r.clone()];
    let blank = |c: char| matches!(c, ' ' | '\u{3000}' | '\t');
    let lead = s.len() - s.trim_start().len();
    let open = s[lead..]
        .char_indices()
        .find(|&(i, c)| matches!(c, '（' | '(') && s[lead..lead + i].ends_with(blank))
        .map(|(i, _)| lead + i)?;
    let title = s[lead..open].trim_end_matches(blank);
    let speech_words = lex.words.list(List::SpeechWords);
    if title.chars().count() > 60
        || has_sentence_punctuation(lex, title)
        || !speech_words.iter().any(|w| title.ends_with(w.as_str()))
    {
        return None;
    }
    let close = open + s[open..].find(['）', ')'])?;
    let close = close + s[close..].chars().next().map_or(0, char::len_utf8);
    let rest_start = close + (s[close..].len() - s[close..].trim_start_matches(blank).len());
    let rest = &s[rest_start..];
    let mut out = vec![
        r.start + lead..r.start + lead + title.len(),
        r.start + open..r.start + close,
    ];
    let by_line_end = lex
        .words
        .list(List::SpeechOpenings)
        .iter()
        .filter_map(|w| {
            rest.match_indices(w.as_str())
                .find(|(i, _)| *i > 0 && rest[..*i].ends_with(blank))
                .map(|(i, _)| i)
        })
        .min()
        .filter(|&i| !has_sentence_punctuation(lex, &rest[..i]));
    match by_line_end {
        Some(i) => {
            let by_line = rest[..i].trim_end_matches(blank);
            out.push(r.start + rest_start..r.start + rest_start + by_line.len());
            out.push(r.start + rest_start + i..r.end);
        }
        None => out.push(r.start + rest_start..r.end),
    }
    Some(out)
}

/// How many characters may stand between 的 and the speech word that ends a speech's
/// title (上的主旨讲话).
const SPEECH_WORD_QUALIFIER: usize = 4;

/// Whether `line` holds a comma, a full stop or a colon other than a web page's metadata
/// label's (来源：): a sentence, not a line of the page's furniture.
fn has_sentence_punctuation(lex: &Lexicon, line: &str) -> bool {
    let label_ends: Vec<usize> = labels(lex, List::SourceLabels, line)
        .into_iter()
        .chain(labels(lex, List::DateLabels, line))
        .map(|r| r.end)
        .collect();
    line.contains(['，', '。'])
        || line
            .match_indices('：')
            .any(|(at, colon)| !label_ends.contains(&(at + colon.len())))
}

/// The clock times in `line` (16:48, 9:05:30).
fn clock_times(line: &str) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hours = digits(i);
        if hours == 0 || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut end = i + hours;
        let mut fields = 0;
        while fields < 2 && bytes.get(end) == Some(&b':') && digits(end + 1) == 2 {
            end += 3;
            fields += 1;
        }
        if (1..=2).contains(&hours) && fields > 0 {
            out.push(i..end);
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::extract;
    use crate::model::{Annotated, DocKind};

    /// The one document of `text`.
    fn document(text: &str) -> Annotated {
        let mut docs = extract(text);
        assert_eq!(docs.len(), 1, "{text:?}");
        docs.remove(0)
    }

    const SPEECH: &str = "# 携手合作\n——在上海合作组织杜尚别峰会上的讲话\n（2014年9月12日，杜尚别）\n中华人民共和国主席 王小明\n尊敬的各位同事：\n今天，我们在这里相聚。";

    #[test]
    fn clock_times_are_found() {
        let times = |line: &str| -> Vec<(usize, usize)> {
            super::clock_times(line)
                .into_iter()
                .map(|r| (r.start, r.end))
                .collect()
        };
        assert_eq!(times("2018-09-02 16:48 来源"), [(11, 16)]);
        assert_eq!(times("9:05:30，123:45，1:2"), [(0, 7)]);
    }

    /// The kind, for each rule a text where it fires and one where it must not.
    #[test]
    fn page_furniture_lines() {
        let lex = crate::lexicon::Lexicon::builtin();
        for (line, furniture) in [
            ("新闻", true),
            ("【打 印】 【关闭】", true),
            ("当前位置：新闻 > 政务新闻 > 正文", true),
            ("首页 » 时政 » 国际", true),
            ("您的位置：首页>要闻", true),
            // a line of the text, with a separator in it or not
            ("双方同意加强合作 > 扩大贸易规模，共同推进互联互通。", false),
            ("金城峰会|甲国和乙国联合声明", false),
            ("中华人民共和国和土库曼斯坦联合声明", false),
            ("比较 > 大于", false),
            // a path whose steps name a meeting and a person
            ("首页>专题>林一出席金城峰会并发表讲话>要闻 要闻", true),
            ("首页是门户，新闻>正文", false),
            // a page's link to skip to its text
            ("跳至內容", true),
            ("跳至金城宣言", false),
        ] {
            let norm = crate::text::normalize(line);
            assert_eq!(super::is_page_furniture(&lex, &norm), furniture, "{line}");
        }
    }

    #[test]
    fn kinds() {
        for (text, kind) in [
            (SPEECH, DocKind::Speech),
            (
                "# 携手合作\n在上海合作组织杜尚别峰会上的讲话\n今天，我们相聚。",
                DocKind::Speech,
            ),
            ("# 携手合作\n他的讲话很好，大家同意。", DocKind::Document),
            ("# 杜尚别宣言\n各方同意，加强合作。", DocKind::Declaration),
            (
                "# 联合声明\n双方宣布如下：加强合作。",
                DocKind::JointStatement,
            ),
            (
                "# 联合声明\n双方声明如下：加强合作。",
                DocKind::JointStatement,
            ),
            (
                "甲国和乙国（以下称“双方”）声明如下：\n双方同意。",
                DocKind::JointStatement,
            ),
            ("甲国和乙国声明如下：\n双方同意。", DocKind::Document),
            (
                "中华人民共和国和甲国关于深化全面战略伙伴关系、构建新时代命运共同体、共同落实三大倡议的联合声明\n双方同意加强合作。",
                DocKind::JointStatement,
            ),
            (
                "中华人民共和国和甲国关于深化全面战略伙伴关系、构建新时代命运共同体、共同落实三大倡议的合作\n双方同意加强合作。",
                DocKind::Document,
            ),
            (
                "# 第三次部长会议新闻公报\n会议在北京举行。",
                DocKind::Communique,
            ),
            (
                "1.我们，甲国和乙国领导人于2015年7月9日举行会晤。",
                DocKind::Declaration,
            ),
            ("我们今天相聚，加强合作。", DocKind::Document),
            (
                "# 第十七次领导人会议主席声明\n会议在内比都举行。",
                DocKind::Declaration,
            ),
            (
                "# 两国元首发表联合声明\n新华社北京6月8日电 双方同意，加强合作。",
                DocKind::NewsReport,
            ),
            (
                "新华社北京6月8日电\n中华人民共和国和俄罗斯联邦联合声明\n双方同意，加强合作。",
                DocKind::JointStatement,
            ),
            (
                "# 习近平出席峰会并发表重要讲话\n新华社北京6月8日电 习近平说，加强合作。",
                DocKind::NewsReport,
            ),
            // a report that prints a speech in full is that speech; one that tells of it is not
            (
                "新华社北京6月8日电 6月8日，国家主席习近平发表新年贺词。贺词全文如下：\n我们重申支持合作。",
                DocKind::Speech,
            ),
            (
                "新华社北京6月8日电 6月8日，国家主席习近平发表新年贺词。贺词说，我们支持合作。",
                DocKind::NewsReport,
            ),
            (
                "中评社金城9月4日电 国家主席习近平主持会议并致辞。以下为致辞全文：\n我们重申支持合作。",
                DocKind::Speech,
            ),
            // a title that is the text's own name, whatever its meeting's name says (会晤)
            (
                "金砖国家领导人第二十次会晤金城宣言（全文）\n新华社金城10月24日电\n我们重申支持合作。",
                DocKind::Declaration,
            ),
            (
                "金砖国家领导人第二十次会晤在金城举行\n新华社金城10月24日电\n各方重申支持合作。",
                DocKind::NewsReport,
            ),
            // a speech's own title above the dateline, whatever its meeting's name holds
            (
                "林一在第六届青河论坛开幕式上的致辞（全文）\n新华社金城9月3日电\n携手合作\n——在第六届青河论坛开幕式上的致辞\n甲国主席 林一\n尊敬的各位来宾：\n我们支持合作。",
                DocKind::Speech,
            ),
            (
                "林一出席青河论坛开幕式并致辞\n新华社金城9月3日电\n林一在开幕式上致辞。林一表示，我们支持合作。",
                DocKind::NewsReport,
            ),
            // an opening in which the parties declare what follows
            (
                "中蒙关于深化合作\n应蒙古国政府邀请，中华人民共和国主席林一访问蒙古国。双方发表联合声明如下：\n一、双方同意加强合作。",
                DocKind::JointStatement,
            ),
            (
                "中蒙关于深化合作\n应蒙古国政府邀请，中华人民共和国主席林一访问蒙古国。公报如下：\n一、双方同意加强合作。",
                DocKind::Document,
            ),
            // a lead without a dateline that announces a text in full is no report of it
            (
                "当地时间5月3日，甲国和乙国在金城发表《甲国和乙国关于深化合作的联合声明》。联合声明全文如下：\n甲国和乙国关于深化合作的联合声明\n双方同意加强合作。",
                DocKind::JointStatement,
            ),
            (
                "当地时间5月3日，甲国和乙国在金城发表《甲国和乙国关于深化合作的联合声明》。\n双方同意加强合作。",
                DocKind::Document,
            ),
            // a dateline with the title on its line, without a space, and with a report
            (
                "新华社金城5月3日电中蒙联合声明\n双方同意加强合作。",
                DocKind::JointStatement,
            ),
            (
                "新华社金城5月3日电中蒙领导人举行会谈\n双方同意加强合作。",
                DocKind::NewsReport,
            ),
            // a channel's label before the title, a year in a note after it
            (
                "受权发布：甲国和乙国联合声明\n双方同意加强合作。",
                DocKind::JointStatement,
            ),
            (
                "青河组织成员国元首金城宣言 (2017年)\n\n成员国同意加强合作。",
                DocKind::Declaration,
            ),
            // a statement whose title opens with its parties, by name or by a compound
            (
                "蒙古国和老挝关于合作的声明\n双方同意加强合作。",
                DocKind::JointStatement,
            ),
            (
                "中蒙某问题声明\n中国和蒙古国重申，双方同意加强合作。",
                DocKind::JointStatement,
            ),
            (
                "青河组织关于合作的声明\n成员国同意加强合作。",
                DocKind::Document,
            ),
            // a title, subtitle and by-line run together on one line
            (
                "携手合作 ——在青河峰会上的讲话 甲国主席 林一 2022年12月9日于金城\n尊敬的各位同事：\n我们支持合作。",
                DocKind::Speech,
            ),
        ] {
            assert_eq!(document(text).kind, kind, "{text:?}");
        }
    }

    /// Every field, for each rule a text where it is read and one where it must not be.
    #[test]
    fn fields() {
        type Field = fn(&Annotated) -> Option<String>;
        let title: Field = |d| d.fields.title.clone();
        let author: Field = |d| d.fields.author.as_ref().map(|e| e.key.clone());
        let date: Field = |d| d.fields.date.as_ref().map(|e| e.key.clone());
        let location: Field = |d| d.fields.location.as_ref().map(|e| e.key.clone());
        let event: Field = |d| d.fields.delivered_at.as_ref().map(|e| e.key.clone());
        let signatories: Field = |d| {
            let keys: Vec<&str> = d
                .fields
                .signatories
                .iter()
                .map(|e| e.key.as_str())
                .collect();
            (!keys.is_empty()).then(|| keys.join("|"))
        };
        let signed = "# 杜尚别宣言\n各方同意，加强合作。\n一\n二\n三\n四\n吉尔吉斯共和国总统\t王小明\n塔吉克斯坦共和国总统\t李小红";
        let held = "# 联合公报\n上海合作组织成员国元首理事会会议在杜尚别举行。";
        let repeated = format!(
            "携手合作\n本页面的文字可以转载。\n上一篇 下一篇\n相关阅读，请点击。\n首页 新闻 图片\n{}",
            &SPEECH[2..]
        );
        let cases: &[(&str, Field, &str, Option<&str>)] = &[
            (SPEECH, title, "a heading", Some("携手合作")),
            (
                "中评社香港5月4日电/中华人民共和国和哥斯达黎加共和国3日晚在圣何塞共同发表了联合公报。公报全文如次：\n中华人民共和国与哥斯达黎加共和国联合公报\n一、双方同意加强合作。",
                title,
                "the full title under a lead that names a text's kind alone",
                Some("中华人民共和国与哥斯达黎加共和国联合公报"),
            ),
            (
                "中评社香港5月4日电/中华人民共和国和哥斯达黎加共和国3日晚在圣何塞共同发表了联合公报。公报全文如次：\n中华人民共和国与哥斯达黎加共和国联合公报\n一、双方同意加强合作。",
                location,
                "where the lead of a text published in full says it was issued",
                Some("圣何塞"),
            ),
            (
                "】 【打 印】\n首页 > 头条 | English\n【 第1页 第2页 】\n两国元首举行会谈\n新华社北京6月8日电 两国元首同意加强合作。",
                title,
                "the headline under a page's furniture",
                Some("两国元首举行会谈"),
            ),
            (
                "公报全文\n甲国和乙国联合新闻公报\n一、双方同意加强合作。",
                title,
                "a page's label for the text below it",
                Some("甲国和乙国联合新闻公报"),
            ),
            (
                "普京\n两国元首举行会谈\n新华社北京6月8日电 两国元首同意加强合作。",
                title,
                "a line that names someone is no furniture",
                Some("两国元首举行会谈"),
            ),
            (
                "两国元首举行会谈\n2030-06-09\n新华社北京6月8日电 两国元首同意加强合作。",
                date,
                "a report's dateline before the page's date line",
                Some("2030-06-08"),
            ),
            (
                "携手合作\n今天，我们相聚。",
                title,
                "a short first line",
                Some("携手合作"),
            ),
            (
                "今天，我们相聚。\n明天，我们告别。",
                title,
                "a sentence",
                None,
            ),
            (SPEECH, author, "a speech's by-line", Some("王小明")),
            (
                "在第九届南亚商品博览会开幕式上的致辞\n（2030年11月27日，杜尚别）\n各位来宾：\n今天，我们相聚。",
                event,
                "a speech's title that says where it was given",
                Some("第九届南亚商品博览会"),
            ),
            (
                "在第九届某某博览会开幕式上的致辞 （2030年11月27日，杜尚别） 中华人民共和国主席 王小明 尊敬的各位来宾，女士们，先生们：今天，我们相聚。",
                author,
                "a speech's head run together with its text on one line",
                Some("王小明"),
            ),
            (
                "在第九届某某博览会开幕式上的致辞 (2030年11月27日,杜尚别) 中华人民共和国主席 王小明 尊敬的各位来宾,女士们,先生们:今天,我们相聚。",
                date,
                "the date of a head run together, in ASCII brackets",
                Some("2030-11-27"),
            ),
            (
                "某某博览会开幕 （2030年11月27日，杜尚别） 中华人民共和国主席 王小明 尊敬的各位来宾，女士们，先生们：今天，我们相聚。",
                author,
                "a line run together that is no speech's title",
                None,
            ),
            (
                "王毅外长在金城论坛午餐会上的演讲\n各位嘉宾：\n我们将继续合作。",
                author,
                "the speaker a speech's title names before 在",
                Some("王毅"),
            ),
            (
                "建设更安全的世界\n——王毅主任在金城某会议上的主旨讲话\n（2030年2月18日，金城）\n各位朋友：\n我们将继续合作。",
                author,
                "the speaker a subtitle names before 在",
                Some("王毅"),
            ),
            (
                "（2030年9月28日，王毅外长在金城某大会发言）\n主席先生，各位同事：\n我们将继续合作。",
                author,
                "a note in brackets that says who spoke",
                Some("王毅"),
            ),
            (
                "（2030年9月28日，王毅外长在金城某大会期间会见记者）\n主席先生，各位同事：\n我们将继续合作。",
                author,
                "a note that says no one spoke",
                None,
            ),
            (
                "国家主席习近平在金城论坛上的讲话\n各位嘉宾：\n我们将继续合作。",
                author,
                "the same after his title",
                Some("习近平"),
            ),
            (
                "王小明会见李大山时的讲话\n各位嘉宾：\n我们将继续合作。",
                author,
                "a title that names two persons and no 在",
                None,
            ),
            (
                "携手合作 ——在青河峰会上的讲话 中华人民共和国主席 王小明 2022年12月9日于金城\n尊敬的各位同事：\n我们支持合作。",
                author,
                "a by-line run together with its title and subtitle, and dated",
                Some("王小明"),
            ),
            (
                "携手合作 ——在青河峰会上的讲话 中华人民共和国主席 王小明 来到金城\n尊敬的各位同事：\n我们支持合作。",
                author,
                "a by-line that goes on with no date",
                None,
            ),
            (
                "携手合作 ——在青河峰会上的讲话 中华人民共和国主席 王小明 2022年12月9日于金城\n尊敬的各位同事：\n我们支持合作。",
                title,
                "the title before the subtitle on its line",
                Some("携手合作"),
            ),
            (
                "青河组织成员国元首金城宣言 (2017年)\n\n成员国同意加强合作。",
                title,
                "without a year in a note",
                Some("青河组织成员国元首金城宣言"),
            ),
            (
                "青河组织成员国元首金城宣言（第二稿）\n\n成员国同意加强合作。",
                title,
                "with a note that is no year",
                Some("青河组织成员国元首金城宣言（第二稿）"),
            ),
            (
                "新华社金城5月3日电中蒙联合声明\n双方同意加强合作。",
                title,
                "a title on the dateline's line without a space",
                Some("中蒙联合声明"),
            ),
            (
                "# 新闻\n中华人民共和国主席 王小明\n今天，我们相聚。",
                author,
                "no speech",
                None,
            ),
            (
                signed,
                signatories,
                "a signature block",
                Some("王小明|李小红"),
            ),
            (
                "# 杜尚别宣言\n吉尔吉斯共和国总统\t王小明\n各方同意，加强合作。",
                signatories,
                "the head",
                None,
            ),
            (SPEECH, date, "（日期，地点）", Some("2014-09-12")),
            (
                "新华社北京2030年6月7日电 6月8日，国家主席习近平就2031年峰会发表致辞。致辞全文如下：\n我们支持合作。",
                date,
                "the day of the sentence that names the speaker of a speech printed in full",
                Some("2030-06-08"),
            ),
            (
                "新华社北京2030年6月7日电 国家主席习近平就2031年峰会发表致辞。致辞全文如下：\n我们支持合作。",
                date,
                "not the year that sentence speaks of",
                Some("2030-06-07"),
            ),
            (
                "中评社金城9月4日电（记者 王小河）国家主席习近平主持会议并致辞。甲国总统李大山出席会议。\n以下为致辞全文：\n我们支持合作。",
                author,
                "the subject of the sentence that says the speech was given",
                Some("习近平"),
            ),
            (
                "中评社金城9月4日电（记者 王小河）会议主席主持会议并致辞。甲国总统李大山出席会议。\n以下为致辞全文：\n我们支持合作。",
                author,
                "no one else where that sentence names no one",
                None,
            ),
            (
                "新华社北京2030年6月7日电 6月8日，国家主席习近平就2031年峰会发表致辞。致辞全文如下：\n我们支持合作。",
                author,
                "the speaker of a speech printed in full",
                Some("习近平"),
            ),
            (
                "金城宣言（全文）\n发布：2030-10-25 09:00 来源：新华网\n新华社金城10月24日电\n金城宣言——加强合作，促进发展\n2030年10月23日\n我们重申支持合作。",
                date,
                "the text's date line after the page's metadata and the title's repeat",
                Some("2030-10-23"),
            ),
            (
                "金城宣言（全文）\n发布：2030-10-25 09:00 来源：新华网\n新华社金城10月24日电\n我们重申支持合作。",
                date,
                "without a date line of its own, the dateline's",
                Some("2030-10-24"),
            ),
            (
                "甲乙联合声明\n甲乙联合声明 中华人民共和国、塞尔维亚共和国 2024年5月8日于贝尔格莱德 |\n双方同意加强合作。",
                location,
                "日期于地点 in a head line",
                Some("贝尔格莱德"),
            ),
            (
                "甲乙联合声明\n中华人民共和国、塞尔维亚共和国 2024年5月8日在贝尔格莱德会谈\n双方同意加强合作。",
                location,
                "日期在地点 in a head line is no closing",
                None,
            ),
            (
                "第五次外长会议宣言\n北京，2016年4月28日\n我们于2016年4月27日至28日在北京举行第五次外长会议。",
                date,
                "a place-and-date line with a comma",
                Some("2016-04-28"),
            ),
            (
                "外长视频会议联合声明\n发布时间：2020-07-17 来源：外交部网站\n2020年7月16日，各方外长举行首次外长视频会议。",
                date,
                "a page's publication date gives way to the held sentence's",
                Some("2020-07-16"),
            ),
            (
                "外长视频会议联合声明\n发布时间：2020-07-17 来源：外交部网站\n各方同意加强合作。",
                date,
                "a page's publication date where nothing else dates it",
                Some("2020-07-17"),
            ),
            (
                &repeated,
                author,
                "a web page that repeats its title above the text",
                Some("王小明"),
            ),
            (
                "携手合作\n本页面的文字可以转载。\n上一篇 下一篇\n相关阅读，请点击。\n首页 新闻 图片\n携手合作的意义\n——在上海合作组织杜尚别峰会上的讲话\n（2014年9月12日，杜尚别）\n中华人民共和国主席 王小明\n尊敬的各位同事：",
                author,
                "no repeat of the title: the head is the first six lines",
                None,
            ),
            (SPEECH, location, "（日期，地点）", Some("杜尚别")),
            (
                "各方同意，加强合作。\n一\n2014年9月12日于杜尚别",
                location,
                "日期于地点",
                Some("杜尚别"),
            ),
            (
                "各方同意，加强合作。\n一\n2014年9月12日在杜尚别",
                location,
                "no 于",
                None,
            ),
            (
                "2014年9月12日，双方会谈。\n（新华社杜尚别9月12日电）",
                location,
                "the dateline",
                Some("杜尚别"),
            ),
            (
                "2014年9月12日，双方在杜尚别会谈。",
                location,
                "running text",
                None,
            ),
            (
                SPEECH,
                event,
                "a speech's subtitle",
                Some("上海合作组织杜尚别峰会"),
            ),
            (
                "（2025年6月17日，阿斯塔纳）\n中华人民共和国主席 王小明\n尊敬的各位同事：\n今天，我同各位一道出席第二届中国—中亚峰会。",
                event,
                "a speech without a subtitle: the event its opening attends",
                Some("第二届中国—中亚峰会"),
            ),
            (
                "（2025年6月17日，阿斯塔纳）\n中华人民共和国主席 王小明\n尊敬的各位同事：\n两年前，第一届中国—中亚峰会很成功。",
                event,
                "an event the opening does not attend",
                None,
            ),
            (
                held,
                event,
                "an adopted text's opening",
                Some("上海合作组织成员国元首理事会会议"),
            ),
            (
                "# 联合公报\n上海合作组织成员国元首理事会会议在杜尚别会面。",
                event,
                "no held verb",
                None,
            ),
            (
                "# 联合公报\n各方欢迎上海合作组织成员国元首理事会会议于2026年9月在杜尚别举行。",
                event,
                "a meeting still to come",
                None,
            ),
            (
                "# 联合公报\n甲方热烈祝贺上海合作组织成员国元首理事会会议在杜尚别胜利闭幕。",
                event,
                "a meeting another text congratulates on",
                None,
            ),
            (
                "# 联合公报\n应甲国总理邀请，乙国总理于2026年6月正式访问甲国，其间出席青岚市举办的第九届某某论坛。",
                event,
                "a meeting a visitor attends",
                None,
            ),
            (
                "# 联合公报\n应甲国总理邀请，乙国总理于2026年6月正式访问甲国，其间出席青岚市举办的第九届某某论坛。",
                date,
                "a visit's dates are no communiqué's date",
                None,
            ),
            (
                "# 联合公报\n应甲国总理邀请，乙国总理于2026年6月出席青岚市举办的第九届某某论坛，并访问甲国。",
                event,
                "a meeting a visitor attends, the visit named after it",
                None,
            ),
            (
                "# 联合公报\n双方同意在杜尚别举行上海合作组织成员国元首理事会会议。",
                event,
                "a meeting the parties agree to hold",
                None,
            ),
            (
                "# 新闻\n上海合作组织成员国元首理事会会议在杜尚别举行。",
                event,
                "a report",
                None,
            ),
            (
                "# 联合公报\n我们，各国外长，\n于2021年3月2日在杜尚别出席上海合作组织成员国外长理事会会议。",
                event,
                "a held sentence after the opening",
                Some("上海合作组织成员国外长理事会会议"),
            ),
            (
                "2016年甲乙联合声明\n2016年甲乙联合声明 2016年6月25日 |\n双方同意，加强合作。\n2018年3月1日，双方会谈。",
                date,
                "a date on the title's line",
                Some("2016-06-25"),
            ),
            (
                "# 杜尚别宣言\n2019年6月15日\n各方同意，加强合作。\n2018年3月1日，双方会谈。",
                date,
                "a date line in the head",
                Some("2019-06-15"),
            ),
            (
                "甲乙峰会开幕\n俄罗斯卫星通讯社北京9月4日电 甲乙峰会2017年9月4日在厦门举行。",
                location,
                "the dateline of any agency the organizations lexicon lists",
                Some("北京"),
            ),
            (
                "甲乙峰会开幕\n中评社北京9月4日电 甲乙峰会2017年9月4日在厦门举行。",
                location,
                "the dateline of a review agency",
                Some("北京"),
            ),
            (
                "# 甲乙宣言\n甲乙峰会2016年3月2日在杜尚别举行。",
                location,
                "a declaration was adopted at the meeting",
                Some("杜尚别"),
            ),
            (
                "甲乙联合声明\n  新华社北京11月4日电\n双方同意，加强合作。",
                title,
                "an indented dateline",
                Some("甲乙联合声明"),
            ),
            (
                "# 甲乙会议在北京举行\n发布时间：2018-09-02 16:48 来源： 新华社\n双方同意，加强合作。",
                date,
                "a web page's date line with its time and source",
                Some("2018-09-02"),
            ),
            (
                "# 甲乙会议在北京举行\n2018-09-02 16:48 新华社\n双方同意，加强合作。",
                date,
                "a date line with an unlabelled name",
                None,
            ),
            (
                "# 杜尚别宣言\n2019年6月15日出版\n各方同意，加强合作。",
                date,
                "a line with more than a date",
                None,
            ),
            (
                "新华社北京11月5日电 峰会通过了《北京宣言》。全文如下：\n我们于2006年11月4日至5日在北京举行峰会。",
                date,
                "a dateline's year from an interval in its month",
                Some("2006-11-05"),
            ),
        ];
        for (text, field, what, expected) in cases {
            assert_eq!(
                field(&document(text)).as_deref(),
                *expected,
                "{what}: {text:?}"
            );
        }
    }
}
