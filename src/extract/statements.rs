//! Statements: who proposes, supports, calls for, decides what (SCHEMA.md "Statements
//! and proposals").
//!
//! - **Sentences** end at 。！？ or a line end (page breaks are already repaired), never
//!   crossing a document.
//! - **Cues** come from `data/rules/cues.tsv`, leftmost-longest; a cue inside a longer
//!   word (纲要, 应对, 决定性, 意愿 …: the table's blockers), inside an entity's name
//!   (俄罗斯总统倡议 in a title), or followed by 的 (支持的改革方案, 批准的《纲要》: a
//!   relative clause or a noun) is no cue. 提出…倡议/建议 is a Propose.
//! - **Actors**: the subject that opens the cue's clause — a state or X方, an
//!   organization, X成员国, a head of state, or the collective words 成员国, 各成员国, 元首们,
//!   各方, 我们, 各国, 我 (the document's organization in a declaration; the speaker's state
//!   in a speech). A clause that opens with the cue or a short adverb (还, 也深表) carries
//!   the sentence's last subject, and failing that the document's voice (the
//!   organization of a declaration, the speaker of a speech).
//! - **Modal cues** (要, 应该, 应当, 应) count only after an explicit or carried subject
//!   我们, 各方, 成员国 or 各国; **将** only right after its actor (中方还将…), and not where
//!   it means 把 (将X作为/变成/建成…).
//! - **One statement per (sentence, actor, act)**. A statement concerns the entities of
//!   its clause — from the sentence start (first statement) or its cue, to the next
//!   statement's cue — other than its actor, dates and sums; a cue whose complement is
//!   the next cue's (重申，决心恪守《条约》) shares that clause's entities; 这是 refers back
//!   to the last agreement or event named before it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{CueKind, Lexicon};
use crate::model::{Act, Annotated, Class, DocKind, EntityId, Mention, Property, Statement};

/// The longest sentence (bytes, about a thousand Chinese characters) the rules read
/// whole. Their work grows with the square of a sentence's length, so a longer run
/// without sentence punctuation (a file that is one 50 MB line) is cut into pieces, each
/// ending at its last clause separator (，；：) or, without one, at this length.
pub const MAX_SENTENCE: usize = 3_000;

/// Sentence spans of `norm`: up to and including 。！？, or to a line end; trimmed; none
/// longer than [`MAX_SENTENCE`].
pub fn sentences(norm: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |mut s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        while e - s > MAX_SENTENCE {
            let mut limit = s + MAX_SENTENCE;
            while !norm.is_char_boundary(limit) {
                limit -= 1;
            }
            let cut = norm[s..limit]
                .rfind(['，', '；', '：'])
                .map_or(limit, |i| s + i + '，'.len_utf8());
            push_trimmed(norm, s, cut, out);
            s = cut;
        }
        push_trimmed(norm, s, e, out);
    };
    for (i, c) in norm.char_indices() {
        match c {
            '。' | '！' | '？' | '!' | '?' => {
                let mut end = i + c.len_utf8();
                // a closing quote or bracket stays with its sentence
                while let Some(n) = norm[end..]
                    .chars()
                    .next()
                    .filter(|n| matches!(n, '”' | '’' | '」' | '）' | ')'))
                {
                    end += n.len_utf8();
                }
                if end > start {
                    push(start, end, &mut out);
                    start = end;
                }
            }
            '\n' if i >= start => {
                push(start, i, &mut out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < norm.len() {
        push(start, norm.len(), &mut out);
    }
    out
}

fn push_trimmed(norm: &str, s: usize, e: usize, out: &mut Vec<Range<usize>>) {
    let t = &norm[s..e];
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead < t.len() {
        out.push(s + lead..e - trail);
    }
}

/// An enumeration marker opening a paragraph: 一、 （二） 3. 4、
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])\s*",
    )
    .unwrap()
});

const COLLECTIVE: &[&str] = &["各成员国", "成员国", "元首们", "各方", "我们", "各国", "我"];
const MODAL_SUBJECTS: &[&str] = &["我们", "各方", "成员国", "各成员国", "各国"];
const ADVERBS: &[&str] = &[
    "还",
    "也",
    "都",
    "均",
    "并",
    "再次",
    "继续",
    "进一步",
    "一如既往地",
    "共同",
    "一道",
    "同时",
    "此外",
    "同样",
    "愿",
    "已",
    "则",
    "仍",
    "始终",
    "一致",
    "坚决",
    "高度",
    "积极",
    "全力",
    "充分",
    "衷心",
    "诚挚",
    "一贯",
    "对此",
    "特别",
];
const BA_VERBS: &[&str] = &[
    "作为",
    "变成",
    "建成",
    "吸引到",
    "纳入",
    "列为",
    "视为",
    "打造成",
    "转变为",
    "提升为",
    "确定为",
    "定为",
    "变为",
    "提交",
    "融入",
    "引向",
    "推向",
];

/// Who speaks when no subject is named, and who 我 is.
struct Voice {
    kind: DocKind,
    speaker: Option<EntityId>,
    organization: Option<EntityId>,
}

pub fn find(lex: &Lexicon, doc: &Annotated) -> Vec<Statement> {
    let norm = doc.doc.norm.as_str();
    let voice = voice(doc);
    let mut out: Vec<Statement> = Vec::new();
    for sentence in &doc.sentences {
        let ms: Vec<&Mention> = doc
            .mentions
            .iter()
            .filter(|m| sentence.start <= m.span.start && m.span.end <= sentence.end)
            .collect();
        // cues of this sentence, with the actor of each
        let mut carried: Option<(EntityId, &str)> = None;
        let mut found: Vec<(usize, EntityId, Act, String, String)> = Vec::new(); // (cue start, actor, act, cue, rule)
        let text = &norm[sentence.clone()];
        let mut cues: Vec<(Range<usize>, Act, CueKind, String)> = Vec::new();
        for (r, cue) in lex.find_cues(text) {
            let r = sentence.start + r.start..sentence.start + r.end;
            if blocked(norm, &r, &cue.blockers)
                || ms.iter().any(|m| {
                    m.span.start <= r.start && r.end <= m.span.end && m.entity.class != Class::Date
                })
            {
                continue;
            }
            if cue.kind == CueKind::Verb
                && norm[r.end..].starts_with('的')
                && !matches!(cue.act, Act::CallFor | Act::Affirm)
            {
                continue;
            }
            // 提供更多支持, 得到…支持: the cue is a noun, the object of another verb
            let clause_before = &norm[norm[sentence.start..r.start]
                .rfind(['，', '；'])
                .map_or(sentence.start, |i| sentence.start + i)
                ..r.start];
            if matches!(cue.act, Act::Support | Act::Welcome | Act::Praise)
                && ["提供", "给予", "得到", "获得", "赢得", "争取"]
                    .iter()
                    .any(|v| clause_before.contains(v))
            {
                continue;
            }
            cues.push((r, cue.act, cue.kind, cue.cue.clone()));
        }
        // 提出…倡议/建议
        if let Some(i) = text.find("提出") {
            let after = &text[i..];
            let stop = after.find(['，', '。', '；']).unwrap_or(after.len());
            if after[..stop].ends_with("倡议") || after[..stop].ends_with("建议") {
                let at = sentence.start + i;
                cues.retain(|(r, ..)| !(r.start > at && r.start < at + stop));
                cues.push((
                    at..at + "提出".len(),
                    Act::Propose,
                    CueKind::Verb,
                    "提出…倡议".into(),
                ));
                cues.sort_by_key(|(r, ..)| r.start);
            }
        }
        for (r, act, kind, cue) in cues {
            let clause_start = norm[sentence.start..r.start]
                .rfind(['，', '；', '：', ','])
                .map_or(sentence.start, |i| {
                    let at = sentence.start + i;
                    at + norm[at..].chars().next().map_or(1, char::len_utf8)
                });
            let prefix = &norm[clause_start..r.start];
            let subject = subject_of(norm, clause_start, &ms, &voice, doc);
            // an explicit subject (and what stands between it and the cue), or none and a
            // short adverbial prefix (还, 也深表) that carries the sentence's subject
            let (actor, word, between, carried_from) = match &subject {
                Some((id, word, end)) => (Some(id.clone()), *word, &norm[*end..r.start], false),
                None => {
                    let short = prefix.chars().count() <= 4
                        && !ms
                            .iter()
                            .any(|m| m.span.start >= clause_start && m.span.end <= r.start);
                    let fallback = if kind == CueKind::Verb {
                        default_actor(&voice)
                    } else {
                        None
                    };
                    match carried.clone().or(fallback).filter(|_| short) {
                        Some((id, word)) => (Some(id), word, prefix, true),
                        None => (None, "", prefix, true),
                    }
                }
            };
            if let Some((id, word, _)) = &subject {
                carried = Some((id.clone(), word));
            }
            let Some(actor) = actor else { continue };
            let adverbial = is_adverbial(between) || is_adverbial(&strip_cues(lex, between));
            let rule = match kind {
                CueKind::Modal if MODAL_SUBJECTS.contains(&word) && adverbial => "cue-modal",
                CueKind::Future if adverbial => {
                    let clause_end = norm[r.end..sentence.end]
                        .find(['，', '。', '；'])
                        .map_or(sentence.end, |i| r.end + i);
                    if BA_VERBS.iter().any(|v| norm[r.end..clause_end].contains(v)) {
                        continue;
                    }
                    "cue-future"
                }
                CueKind::Verb => "cue-verb",
                _ => continue,
            };
            let rule = format!(
                "{rule}:{}",
                if carried_from { "carried" } else { "subject" }
            );
            found.push((r.start, actor, act, cue, rule));
        }
        // one statement per (actor, act), the first cue's; clauses run between the cues of
        // different statements
        let mut seen: Vec<(EntityId, Act)> = Vec::new();
        found.retain(|(_, actor, act, ..)| {
            let fresh = !seen.contains(&(actor.clone(), *act));
            seen.push((actor.clone(), *act));
            fresh
        });
        let starts: Vec<usize> = found.iter().map(|f| f.0).collect();
        for (i, (at, actor, act, cue, rule)) in found.iter().enumerate() {
            let from = if i == 0 { sentence.start } else { *at };
            let mut to = starts.get(i + 1).copied().unwrap_or(sentence.end);
            // a cue whose complement is the next cue's shares it
            let own = |a: usize, b: usize| {
                ms.iter().any(|m| {
                    m.span.start >= a
                        && m.span.end <= b
                        && m.entity != *actor
                        && !matches!(m.entity.class, Class::Date | Class::MonetaryAmount)
                })
            };
            // (重申，决心恪守《条约》: only a comma or a short word stands between the cues)
            let mut j = i + 1;
            while j < starts.len()
                && !own(*at, starts[j])
                && norm[*at..starts[j]].chars().count() <= cue.chars().count() + 3
            {
                to = starts.get(j + 1).copied().unwrap_or(sentence.end);
                j += 1;
            }
            let clause: Vec<&&Mention> = ms
                .iter()
                .filter(|m| m.span.start >= from && m.span.end <= to)
                .collect();
            // the person who speaks for the actor (日本外相林芳正表示，日方…) is not what the
            // statement concerns
            let actor_at = ms
                .iter()
                .rev()
                .find(|m| m.entity == *actor && m.span.end <= *at)
                .map_or(from, |m| m.span.start);
            let mut concerns: Vec<EntityId> = Vec::new();
            for m in &clause {
                if m.entity.class == Class::Person && m.span.end <= actor_at {
                    continue;
                }
                if m.entity != *actor
                    && !matches!(m.entity.class, Class::Date | Class::MonetaryAmount)
                    && !concerns.contains(&m.entity)
                {
                    concerns.push(m.entity.clone());
                }
            }
            // 这是…: the last agreement or event named before (not one nested in another)
            if concerns.is_empty()
                && (norm[from..to].contains("这是") || norm[from..to].contains("这一"))
                && let Some(m) = ms.iter().rev().find(|m| {
                    m.span.end <= from
                        && matches!(m.entity.class, Class::Agreement | Class::Event)
                        && !ms.iter().any(|o| {
                            o.span != m.span
                                && o.span.start <= m.span.start
                                && m.span.end <= o.span.end
                        })
                })
            {
                concerns.push(m.entity.clone());
            }
            // a later clause that names nothing but points back (完成这项工作) speaks of what
            // the statement before it in the sentence concerns
            if concerns.is_empty()
                && i > 0
                && norm[from..to].contains('这')
                && let Some(previous) = out.last().filter(|p: &&Statement| p.sentence == *sentence)
            {
                concerns = previous
                    .concerns
                    .iter()
                    .filter(|c| *c != actor)
                    .cloned()
                    .collect();
            }
            let amount = clause
                .iter()
                .find(|m| m.entity.class == Class::MonetaryAmount)
                .map(|m| m.entity.clone());
            let date = clause
                .iter()
                .find(|m| m.entity.class == Class::Date)
                .map(|m| m.entity.clone());
            out.push(Statement {
                sentence: sentence.clone(),
                actor: actor.clone(),
                act: *act,
                cue: cue.clone(),
                rule: rule.clone(),
                concerns,
                amount,
                date,
            });
        }
    }
    out
}

fn blocked(norm: &str, r: &Range<usize>, blockers: &[String]) -> bool {
    let cue = &norm[r.clone()];
    blockers.iter().any(|b| {
        b.match_indices(cue).any(|(k, _)| {
            r.start >= k
                && norm
                    .get(r.start - k..)
                    .is_some_and(|before| before.starts_with(b.as_str()))
        })
    })
}

/// `s` without the statement cues in it (重申将…: 重申 stands before 将 like an adverb).
fn strip_cues(lex: &Lexicon, s: &str) -> String {
    let mut out = s.to_string();
    for (r, _) in lex.find_cues(s).collect::<Vec<_>>().into_iter().rev() {
        out.replace_range(r, "");
    }
    out
}

fn is_adverbial(s: &str) -> bool {
    let mut rest = s.trim();
    'outer: while !rest.is_empty() {
        for a in ADVERBS {
            if let Some(r) = rest.strip_prefix(a) {
                rest = r;
                continue 'outer;
            }
        }
        // 和全世界, 及其人民: a short coordinated subject
        if let Some(r) = rest
            .strip_prefix('和')
            .or_else(|| rest.strip_prefix("及其"))
        {
            let n: usize = r
                .char_indices()
                .take(4)
                .take_while(|(_, c)| crate::text::is_han(*c))
                .count();
            if n > 0 {
                let cut: usize = r.chars().take(n).map(char::len_utf8).sum();
                rest = &r[cut..];
                continue;
            }
        }
        return false;
    }
    true
}

/// The subject that opens a clause: (actor, the word that named it, where it ends).
fn subject_of(
    norm: &str,
    clause_start: usize,
    ms: &[&Mention],
    voice: &Voice,
    doc: &Annotated,
) -> Option<(EntityId, &'static str, usize)> {
    // a leading date (2015年上合组织成员国…) or adverb is skipped
    let mut at = clause_start;
    if let Some(d) = ms
        .iter()
        .find(|m| m.span.start == at && m.entity.class == Class::Date)
    {
        at = d.span.end;
    }
    if let Some(m) = ENUMERATION.find(&norm[at..]) {
        at += m.end();
    }
    for a in [
        "此外",
        "同时",
        "因此",
        "对此",
        "当前",
        "目前",
        "另外",
        "为此",
        "轮值主席国",
        "主席国",
        "东道国",
    ] {
        if norm[at..].starts_with(a) {
            at += a.len();
        }
    }
    if let Some(m) = ms.iter().find(|m| m.span.start == at) {
        let after = &norm[m.span.end..];
        match m.entity.class {
            Class::Organization if after.starts_with("成员国") || after.starts_with("各成员国") =>
            {
                let end = m.span.end
                    + if after.starts_with("成员国") {
                        "成员国".len()
                    } else {
                        "各成员国".len()
                    };
                let who = if voice.kind == DocKind::Speech {
                    voice.speaker.clone()
                } else {
                    Some(m.entity.clone())
                };
                return who.map(|w| (w, "成员国", end));
            }
            Class::State | Class::Organization => return Some((m.entity.clone(), "", m.span.end)),
            Class::Person => {
                let state = doc
                    .relations
                    .iter()
                    .find(|r| r.property == Property::HeadOf && r.subject == m.entity)
                    .map(|r| r.object.clone());
                return state.map(|s| (s, "", m.span.end));
            }
            _ => return None,
        }
    }
    for word in COLLECTIVE {
        if norm[at..].starts_with(word) {
            let end = at + word.len();
            let who = match (voice.kind, *word) {
                (DocKind::Speech, "我" | "我们" | "各方" | "各国") => voice.speaker.clone(),
                (DocKind::Speech, _) => None,
                (_, "我" | "我们") => {
                    voice.organization.clone().or_else(|| voice.speaker.clone())
                }
                (DocKind::Declaration, _) => voice.organization.clone(),
                (_, "各国") => None,
                _ => voice.organization.clone(),
            };
            return who.map(|w| (w, *word, end));
        }
    }
    None
}

fn default_actor(voice: &Voice) -> Option<(EntityId, &'static str)> {
    match voice.kind {
        DocKind::Speech => voice.speaker.clone().map(|s| (s, "我")),
        DocKind::Declaration => voice.organization.clone().map(|o| (o, "成员国")),
        DocKind::Document => None,
    }
}

fn voice(doc: &Annotated) -> Voice {
    let speaker = doc
        .fields
        .author
        .as_ref()
        .and_then(|a| {
            doc.relations
                .iter()
                .find(|r| r.property == Property::HeadOf && &r.subject == a)
        })
        .map(|r| r.object.clone())
        .or_else(|| {
            // the state that speaks of itself as X方 most often
            let mut counts: Vec<(EntityId, usize)> = Vec::new();
            for m in doc.mentions.iter().filter(|m| m.rule.ends_with(":side")) {
                match counts.iter_mut().find(|(id, _)| *id == m.entity) {
                    Some(c) => c.1 += 1,
                    None => counts.push((m.entity.clone(), 1)),
                }
            }
            counts
                .into_iter()
                .max_by_key(|(_, n)| *n)
                .map(|(id, _)| id)
                .filter(|_| doc.kind == DocKind::Speech)
        });
    let organization = doc.organization.clone();
    Voice {
        kind: doc.kind,
        speaker,
        organization,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (extract_text): a blocker that holds the cue at byte k, before a
    /// cue whose k preceding bytes end inside a character, sliced the text mid-character.
    #[test]
    fn blocker_check_before_a_multibyte_character_does_not_panic() {
        let blockers = ["纲要".to_string()];
        assert!(!blocked("中ab要", &(5..8), &blockers));
        assert!(blocked("纲要", &(3..6), &blockers));
    }

    /// A run without sentence punctuation (a file that is one long line) is read in
    /// bounded pieces, cut after a clause separator where there is one.
    #[test]
    fn a_sentence_without_end_is_cut_into_bounded_pieces() {
        let long = "各方认为这一进程具有长期性和复杂性".repeat(500) + "，中方支持。";
        let pieces = sentences(&long);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE));
        assert_eq!(pieces.first().map(|p| p.start), Some(0));
        assert_eq!(pieces.last().map(|p| p.end), Some(long.len()));
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start));
        let short = "中方支持联合国。俄方建议，加强合作。";
        assert_eq!(sentences(short), [0..24, 24..short.len()]);
    }
}
