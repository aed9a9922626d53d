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
//!   organization, X成员国, a head of state, or a collective word 成员国, 各成员国, 元首们,
//!   各方, 我们, 各国, 我 (the document's organization in a declaration; the speaker's state
//!   in a speech). A clause that opens with the cue or a short adverb (还, 也深表) carries
//!   the sentence's last subject, and failing that the document's voice (the
//!   organization of a declaration, the speaker of a speech).
//! - **Modal cues** (要, 应该, 应当, 应) count only after an explicit or carried subject
//!   我们, 各方, 成员国 or 各国; **将** only right after its actor (中方还将…), and not where
//!   it means 把 (将X作为/变成/建成…).
//! - **Words** are data: the collective subjects and whom each names, the modal subjects,
//!   adverbs, 把-verbs and the rest are lists of `data/rules/words.tsv` (their names in
//!   `crate::lexicon::List`); a word is matched longest first where several begin a text.
//! - **One statement per (sentence, actor, act)**. A statement concerns the entities of
//!   its clause — from the sentence start (first statement) or its cue, to the next
//!   statement's cue — other than its actor, dates and sums; a cue whose complement is
//!   the next cue's (重申，决心恪守《条约》) shares that clause's entities; 这是 refers back
//!   to the last agreement or event named before it.

use std::ops::Range;

use super::MEETING_ORGANIZATION_RULE;
use super::clauses::{self, Context, Voice, longest_prefix};
use crate::input::Dateline;
use crate::lexicon::{CueKind, Lexicon, List, Words};
use crate::model::{Act, Annotated, Class, EntityId, Mention, Statement};

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

/// Whether the rest of a clause after its subject opens with the copula (是, after the
/// subject's suffix or an adverb: 政府是, 始终是).
fn says_what_it_is(words: &Words, rest: &str) -> bool {
    let rest =
        longest_prefix(words, List::SubjectSuffixes, rest).map_or(rest, |a| &rest[a.len()..]);
    let rest = longest_prefix(words, List::Adverbs, rest).map_or(rest, |a| &rest[a.len()..]);
    rest.starts_with('是')
}

pub fn find(lex: &Lexicon, doc: &Annotated, voice: &Voice, dateline: &Dateline) -> Vec<Statement> {
    let words = &lex.words;
    let norm = doc.doc.norm.as_str();
    let openings = dateline.openings(norm);
    let mut known: Vec<EntityId> = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity.class == Class::State)
    {
        if !known.contains(&m.entity) {
            known.push(m.entity.clone());
        }
    }
    let mut out: Vec<Statement> = Vec::new();
    // the actors of the last statement of the sentence before, and where it ends
    let mut previous: Option<(usize, Vec<EntityId>)> = None;
    for sentence in &doc.sentences {
        let ms: Vec<&Mention> = doc
            .mentions
            .iter()
            .filter(|m| sentence.start <= m.span.start && m.span.end <= sentence.end)
            .collect();
        let cx = Context {
            lex,
            norm,
            ms: &ms,
            voice,
            doc,
            known: &known,
            openings: &openings,
        };
        // cues of this sentence, with the actors of each; the subject a clause without
        // one carries from the clause before; whether the sentence reports another
        // document's words
        // (a sentence that opens with its cue carries the actors of the sentence before in
        // its paragraph: 中方重申支持…。支持甲方奉行…, not the document's voice)
        let mut carried: Option<(Vec<EntityId>, bool)> = previous
            .take()
            .filter(|(end, _)| !norm[*end..sentence.start].contains('\n'))
            .map(|(_, actors)| (actors, false));
        let mut reported = false;
        // (cue start, actor, act, cue, rule, the subject's actors)
        let mut found: Vec<(usize, EntityId, Act, String, String, Vec<EntityId>)> = Vec::new();
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
            // X的倡议, 各方的支持: after 的 the cue is a noun (but 表示诚挚的欢迎 expresses it)
            if cue.kind == CueKind::Verb
                && norm[..r.start].ends_with('的')
                && !contains_any(
                    words,
                    List::ExpressingVerbs,
                    &norm[clauses::clause_start(norm, sentence.start, r.start)..r.start],
                )
            {
                continue;
            }
            // 提供更多支持, 得到…支持: the cue is a noun, the object of another verb
            let clause_before = &norm[norm[sentence.start..r.start]
                .rfind(['，', '；'])
                .map_or(sentence.start, |i| sentence.start + i)
                ..r.start];
            if matches!(cue.act, Act::Support | Act::Welcome | Act::Praise)
                && contains_any(words, List::NounCueVerbs, clause_before)
            {
                continue;
            }
            cues.push((r, cue.act, cue.kind, cue.cue.clone()));
        }
        // 提出…倡议/建议 (not X提出的倡议: a relative clause names what another proposed)
        if let Some((i, verb)) = proposal_verb(words, text)
            && !text[i + verb.len()..].starts_with('的')
        {
            let after = &text[i..];
            let stop = after.find(['，', '。', '；', '：']).unwrap_or(after.len());
            if words
                .list(List::ProposalNouns)
                .iter()
                .any(|n| after[..stop].ends_with(n.as_str()))
            {
                let at = sentence.start + i;
                let cue = words
                    .value(List::ProposalVerbs, verb)
                    .filter(|c| !c.is_empty())
                    .unwrap_or(verb);
                cues.retain(|(r, ..)| !(r.start > at && r.start < at + stop));
                cues.push((at..at + verb.len(), Act::Propose, CueKind::Verb, cue.into()));
                cues.sort_by_key(|(r, ..)| r.start);
            }
        }
        // clauses without a cue still give the subject the next ones carry (上合组织在天津举行
        // 会议，并发表宣言，重申…)
        let clause_starts: Vec<usize> = std::iter::once(sentence.start)
            .chain(
                text.match_indices(['，', '；', '：', ','])
                    .map(|(i, sep)| sentence.start + i + sep.len()),
            )
            .collect();
        let mut read_up_to = sentence.start;
        for (r, act, kind, cue) in cues {
            let clause_start = clauses::clause_start(norm, sentence.start, r.start);
            for &c in clause_starts
                .iter()
                .filter(|&&c| c >= read_up_to && c < clause_start)
            {
                match clauses::subject(&cx, c, reported) {
                    // (a report's statement of its meeting speaks for the organization)
                    Some(s) if s.reported => {
                        reported = true;
                        carried = (!s.actors.is_empty()).then_some((s.actors, false));
                    }
                    // (a clause that says what its subject is, 某国政府是…, is part of
                    // what is said: the subject before it still speaks)
                    Some(s) if says_what_it_is(words, &norm[s.end..]) => {}
                    Some(s) => carried = Some((s.actors, s.modal)),
                    None => {}
                }
            }
            read_up_to = read_up_to.max(clause_start + 1);
            let prefix = &norm[clause_start..r.start];
            let subject = clauses::subject(&cx, clause_start, reported);
            if subject.as_ref().is_some_and(|s| s.reported) {
                // 《联合声明》指出: another document speaks, and through the sentence (in a
                // report, the statement of the meeting it tells of speaks for its organization)
                reported = true;
                carried = None;
                if subject.as_ref().is_some_and(|s| s.actors.is_empty()) {
                    continue;
                }
            }
            // an explicit subject (and what stands between it and the cue), or none and a
            // short adverbial prefix (还, 也深表) that carries the sentence's subject
            let (actors, modal, between, carried_from) = match &subject {
                Some(s) => (s.actors.clone(), s.modal, &norm[s.end..r.start], false),
                None => {
                    // (an enumeration marker and earlier cues do not count: 三、重申共同致力于)
                    // (nor does a locative phrase: 在重大关切问题上相互支持)
                    let rest = after_locative(words, clauses::strip_enumeration(prefix));
                    let rest_start = r.start - rest.len();
                    let bare = strip_cues(lex, rest);
                    // (or the object of an expressing verb before the cue: 对各位嘉宾表示热烈的
                    // 欢迎, 对中方的支持表示感谢)
                    let expressed_to = words
                        .list(List::ObjectMarkers)
                        .iter()
                        .any(|w| rest.starts_with(w.as_str()))
                        && contains_any(words, List::ExpressingVerbs, rest)
                        && !rest.contains(['，', '；']);
                    let short = expressed_to
                        || (bare.chars().count() <= 4
                            && !ms
                                .iter()
                                .any(|m| m.span.start >= rest_start && m.span.end <= r.start));
                    // the document's voice speaks only through verb cues, and not in the
                    // words of another document
                    let fallback = (kind == CueKind::Verb && !reported)
                        .then(|| voice.default_actors())
                        .filter(|a| !a.is_empty())
                        .map(|a| (a, false));
                    match carried.clone().or(fallback).filter(|_| short) {
                        Some((ids, modal)) => (ids, modal, prefix, true),
                        None => (Vec::new(), false, prefix, true),
                    }
                }
            };
            if let Some(s) = &subject {
                carried = Some((s.actors.clone(), s.modal));
            } else if !actors.is_empty() {
                carried = Some((actors.clone(), modal));
            }
            if actors.is_empty() {
                continue;
            }
            // 我们欢迎中方支持…: a cue after a name of its own is in the complement of the cue
            // before it, said of that name, not by this subject
            let subject_end = subject.as_ref().map_or(clause_start, |s| s.end);
            if ms.iter().any(|m| {
                m.span.start >= subject_end
                    && m.span.end <= r.start
                    && matches!(
                        m.entity.class,
                        Class::State | Class::Organization | Class::Person
                    )
            }) && lex.find_cues(&norm[subject_end..r.start]).next().is_some()
            {
                continue;
            }
            let adverbial =
                is_adverbial(words, between) || is_adverbial(words, &strip_cues(lex, between));
            let rule = match kind {
                CueKind::Modal if modal && adverbial => "cue-modal",
                CueKind::Future if adverbial => {
                    let clause_end = norm[r.end..sentence.end]
                        .find(['，', '。', '；'])
                        .map_or(sentence.end, |i| r.end + i);
                    if contains_any(words, List::BaVerbs, &norm[r.end..clause_end]) {
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
            for actor in &actors {
                found.push((
                    r.start,
                    actor.clone(),
                    act,
                    cue.clone(),
                    rule.clone(),
                    actors.clone(),
                ));
            }
        }
        previous = found
            .last()
            .map(|(.., actors)| (sentence.end, actors.clone()));
        // one statement per (actor, act), the first cue's; clauses run between the cues of
        // different statements
        let mut seen: Vec<(EntityId, Act)> = Vec::new();
        found.retain(|(_, actor, act, ..)| {
            let fresh = !seen.contains(&(actor.clone(), *act));
            seen.push((actor.clone(), *act));
            fresh
        });
        // the cues of different statements (one cue may give several, one per actor)
        let mut starts: Vec<usize> = found.iter().map(|f| f.0).collect();
        starts.dedup();
        for (at, actor, act, cue, rule, co_actors) in &found {
            let i = starts.iter().position(|s| s == at).expect("a cue's start");
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
                // (nor are the persons a list subject names with their states: 甲国总理某某和
                // 乙国总理某某对…表示赞赏)
                if m.entity.class == Class::Person
                    && ms.iter().any(|st| {
                        (st.entity == *actor || co_actors.contains(&st.entity))
                            && st.span.end <= m.span.start
                            && clauses::only_titles(lex, &norm[st.span.end..m.span.start])
                    })
                {
                    continue;
                }
                // (the organization a meeting is named after is the meeting's: 中非合作论坛 in
                // 中非合作论坛某城峰会)
                if m.rule == MEETING_ORGANIZATION_RULE {
                    continue;
                }
                // the other actors of its subject are not what it concerns either
                if m.entity != *actor
                    && !co_actors.contains(&m.entity)
                    && !matches!(m.entity.class, Class::Date | Class::MonetaryAmount)
                    && !concerns.contains(&m.entity)
                {
                    concerns.push(m.entity.clone());
                }
            }
            // 这是…: the last agreement or event named before (not one nested in another)
            if concerns.is_empty()
                && contains_any(words, List::BackReferences, &norm[from..to])
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
                && contains_any(words, List::Pointers, &norm[from..to])
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

/// `s` after the locative phrase that may open it (在…问题上, 在…框架内): from a
/// `locative_opener` word to the last `locative_closer` word before a clause separator;
/// `s` itself where none opens it.
fn after_locative<'s>(words: &Words, s: &'s str) -> &'s str {
    let Some(opener) = clauses::longest_prefix(words, List::LocativeOpeners, s) else {
        return s;
    };
    let body = &s[opener.len()..];
    let body = &body[..body.find(['，', '；', '。']).unwrap_or(body.len())];
    words
        .list(List::LocativeClosers)
        .iter()
        .filter_map(|c| body.rfind(c.as_str()).map(|i| i + c.len()))
        .max()
        .map_or(s, |end| &s[opener.len() + end..])
}

/// `s` without the statement cues in it (重申将…: 重申 stands before 将 like an adverb).
fn strip_cues(lex: &Lexicon, s: &str) -> String {
    let mut out = s.to_string();
    for (r, _) in lex.find_cues(s).collect::<Vec<_>>().into_iter().rev() {
        out.replace_range(r, "");
    }
    out
}

/// Whether `s` is made only of adverbs and short coordinated subjects (和全世界), the
/// longest word of the list first where several begin the rest.
fn is_adverbial(words: &Words, s: &str) -> bool {
    let mut rest = s.trim();
    while !rest.is_empty() {
        if let Some(a) = longest_prefix(words, List::Adverbs, rest) {
            rest = &rest[a.len()..];
            continue;
        }
        // 和全世界, 及其人民: a short coordinated subject
        if let Some(c) = longest_prefix(words, List::Coordinators, rest) {
            let r = &rest[c.len()..];
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

/// Whether `s` holds a word of `list`.
fn contains_any(words: &Words, list: List, s: &str) -> bool {
    words.list(list).iter().any(|w| s.contains(w.as_str()))
}

/// The first proposal verb of `text` (提出): its byte offset and the verb.
fn proposal_verb<'w>(words: &'w Words, text: &str) -> Option<(usize, &'w str)> {
    words
        .list(List::ProposalVerbs)
        .iter()
        .filter_map(|v| text.find(v.as_str()).map(|i| (i, v.as_str())))
        .min_by_key(|&(i, _)| i)
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::extract::Extractor;

    static BUILTIN: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::builtin()));

    /// A declaration's title and a line that names its organization (上海合作组织), who
    /// speaks where no subject is named.
    const DECLARATION: &str = "上海合作组织成员国元首宣言\n上海合作组织举行会议。\n";

    /// The statements the real extractor finds in `text`: (actor key, act, cue).
    fn statements(extractor: &Extractor, text: &str) -> Vec<(String, String, String)> {
        let source = crate::input::from_text("t.txt".into(), "t.txt".into(), text);
        extractor
            .extract(&source)
            .into_iter()
            .flat_map(|d| d.statements)
            .map(|s| (s.actor.key, s.act.name().to_string(), s.cue))
            .collect()
    }

    fn has(found: &[(String, String, String)], actor: &str, act: &str, cue: &str) -> bool {
        found
            .iter()
            .any(|(a, t, c)| a == actor && t == act && c == cue)
    }

    /// For each word list of the statement rules, a text where the rule fires and one
    /// where it must not: (what, text, actor, act, cue, fires).
    #[test]
    fn word_list_rules_fire_and_hold_back() {
        let sco = "上海合作组织";
        let cases: &[(&str, String, &str, &str, &str, bool)] = &[
            (
                "members subject",
                format!("{DECLARATION}成员国应加强合作。"),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "a locative phrase opens a clause that carries the subject",
                format!("{DECLARATION}成员国重申，在彼此重大关切问题上相互坚定支持。"),
                sco,
                "Support",
                "支持",
                true,
            ),
            (
                "after the locative phrase, another subject",
                format!("{DECLARATION}成员国重申，在会议上观察员国代表团支持。"),
                sco,
                "Support",
                "支持",
                false,
            ),
            (
                "no collective subject",
                format!("{DECLARATION}观察员国应加强合作。"),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "states in a declaration",
                format!("{DECLARATION}各国应加强合作。"),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "states in a document",
                "上海合作组织举行会议。\n各国应加强合作。".into(),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "modal subject",
                format!("{DECLARATION}各方应加强合作。"),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "collective, not modal",
                format!("{DECLARATION}元首们应加强合作。"),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "member suffix",
                "上海合作组织举行会议。\n上海合作组织成员国应加强合作。".into(),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "no member suffix",
                "上海合作组织举行会议。\n上海合作组织应加强合作。".into(),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "subject opener",
                format!("{DECLARATION}此外各方应加强合作。"),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "no subject opener",
                format!("{DECLARATION}然后各方应加强合作。"),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "adverb",
                format!("{DECLARATION}各方还应加强合作。"),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "no adverb",
                format!("{DECLARATION}各方今后应加强合作。"),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "coordinator",
                format!("{DECLARATION}各方和全世界应加强合作。"),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "no coordinator",
                format!("{DECLARATION}各方或全世界应加强合作。"),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "a page's noise before the subject",
                format!("{DECLARATION}加强合作。, W. M+ J6 ] 成员国应加强合作。"),
                sco,
                "CallFor",
                "应",
                true,
            ),
            (
                "a name in Latin letters is no noise",
                format!("{DECLARATION}加强合作。ASEAN成员国应加强合作。"),
                sco,
                "CallFor",
                "应",
                false,
            ),
            (
                "a collective word's officials before 将",
                "岛国外长会议联合声明\n中华人民共和国外交部长林一、斐济共和国外交部长李二和萨摩亚独立国外交部长张三在金城举行会议。\n三国外交部将建立磋商机制。".into(),
                "FJI",
                "Commit",
                "将",
                true,
            ),
            (
                "a communiqué's parties speak where no subject is named",
                "中华人民共和国和斐济共和国联合公报\n一、重申加强合作。".into(),
                "FJI",
                "Affirm",
                "重申",
                true,
            ),
            (
                "a sentence that opens with its cue carries the one before in its paragraph",
                "中华人民共和国和斐济共和国联合公报\n中方重申支持斐方的努力。支持斐方奉行中立政策。".into(),
                "FJI",
                "Support",
                "支持",
                false,
            ),
            (
                "the object of an expressing verb before the cue",
                "在金城论坛上的讲话\n（2030年9月8日，金城）\n中华人民共和国主席 王小明\n各位来宾：\n我谨代表中国政府，对各位嘉宾表示热烈的欢迎！".into(),
                "CHN",
                "Welcome",
                "欢迎",
                true,
            ),
            (
                "an object without an expressing verb",
                "在金城论坛上的讲话\n（2030年9月8日，金城）\n中华人民共和国主席 王小明\n各位来宾：\n我谨代表中国政府，对各位嘉宾的到来很欢迎！".into(),
                "CHN",
                "Welcome",
                "欢迎",
                false,
            ),
            (
                "a clause that says what its subject is does not speak",
                "中华人民共和国和斐济共和国联合公报\n斐方重申坚持一个中国政策，中国政府是中国的合法政府，支持中国政府的努力。".into(),
                "FJI",
                "Support",
                "支持",
                true,
            ),
            (
                "but not across a paragraph",
                "中华人民共和国和斐济共和国联合公报\n中方重申支持斐方的努力。\n支持加强合作。".into(),
                "FJI",
                "Support",
                "支持",
                true,
            ),
            (
                "a meeting's communiqué speaks for its organization",
                "上海合作组织外长理事会会议新闻公报\n上海合作组织外长理事会会议在金城举行。\n外长们指出，上海合作组织成果丰硕。支持加强合作。".into(),
                sco,
                "Support",
                "支持",
                true,
            ),
            (
                "a report does not speak",
                "新华社金城5月2日电 上海合作组织外长理事会会议在金城举行。\n支持加强合作。".into(),
                sco,
                "Support",
                "支持",
                false,
            ),
            (
                "future",
                "中方将加强同各国的合作。".into(),
                "CHN",
                "Commit",
                "将",
                true,
            ),
            (
                "将 as 把 (ba verb)",
                "中方将上海合作组织作为优先方向。".into(),
                "CHN",
                "Commit",
                "将",
                false,
            ),
            (
                "support",
                "中方支持上海合作组织。".into(),
                "CHN",
                "Support",
                "支持",
                true,
            ),
            (
                "support as a noun (noun cue verb)",
                "中方提供支持。".into(),
                "CHN",
                "Support",
                "支持",
                false,
            ),
            (
                "proposal",
                "中方提出加强合作的倡议。".into(),
                "CHN",
                "Propose",
                "提出…倡议",
                true,
            ),
            (
                "proposals listed after a colon",
                "中方就深化合作提出以下建议：\n一要加强团结。".into(),
                "CHN",
                "Propose",
                "提出…倡议",
                true,
            ),
            (
                "no proposal noun",
                "中方提出加强合作的计划。".into(),
                "CHN",
                "Propose",
                "提出…倡议",
                false,
            ),
        ];
        for (what, text, actor, act, cue, fires) in cases {
            let found = statements(&BUILTIN, text);
            assert_eq!(
                has(&found, actor, act, cue),
                *fires,
                "{what}: {text:?} gave {found:?}"
            );
        }
    }

    /// A later clause that names nothing but refers back (这是, 这项) concerns the charter
    /// named before it; one that does not (那是) concerns nothing.
    #[test]
    fn back_references_and_pointers_concern_what_came_before() {
        let affirmed = |text: &str| -> Vec<Vec<String>> {
            let source = crate::input::from_text("t.txt".into(), "t.txt".into(), text);
            BUILTIN
                .extract(&source)
                .into_iter()
                .flat_map(|d| d.statements)
                .filter(|s| s.act == Act::Affirm)
                .map(|s| s.concerns.into_iter().map(|c| c.key).collect())
                .collect()
        };
        let charter = "中方支持《上海合作组织宪章》，强调";
        for (what, rest, concerns_charter) in [
            ("back reference", "这是重要文件。", true),
            ("pointer", "要完成这项工作。", true),
            ("neither", "那是重要文件。", false),
        ] {
            let found = affirmed(&format!("{charter}{rest}"));
            assert_eq!(found.len(), 1, "{what}: {found:?}");
            assert_eq!(
                found[0].iter().any(|k| k.contains("宪章")),
                concerns_charter,
                "{what}: {found:?}"
            );
        }
    }

    /// A user's words.tsv changes the rules: a word added to a list makes a statement
    /// appear, a word removed with `-` makes one disappear.
    #[test]
    fn a_user_word_list_changes_the_rules() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("words.tsv"),
            "list\tword\tvalue\nmodal_subject\t元首们\t\nmodal_subject\t各方\t-\n",
        )
        .unwrap();
        let user = Extractor::new(Lexicon::load(&[dir.path().to_path_buf()]).unwrap());
        let sco = "上海合作组织";
        for (text, builtin, edited) in [
            (format!("{DECLARATION}元首们应加强合作。"), false, true),
            (format!("{DECLARATION}各方应加强合作。"), true, false),
        ] {
            let calls = |e: &Extractor| has(&statements(e, &text), sco, "CallFor", "应");
            assert_eq!(calls(&BUILTIN), builtin, "built-in: {text}");
            assert_eq!(calls(&user), edited, "edited: {text}");
        }
    }

    /// A collective subject's value is checked when the lexicon loads.
    #[test]
    fn an_unknown_collective_value_is_an_error() {
        let err = Lexicon::from_tables(&[(
            "words.tsv",
            "list\tword\tvalue\ncollective_subject\t全体\tall\n",
        )])
        .err()
        .expect("an unknown value is refused");
        let text = err.to_string();
        assert!(
            text.contains("words.tsv:2:1: unknown value \"all\""),
            "{text}"
        );
        assert!(text.contains("we, parties, states, members"), "{text}");
    }

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
