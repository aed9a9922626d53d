//! Clause analysis: the subject that opens a clause, whom it names, and what the
//! document's own voice is — what the statement rules (who says what) and the relation
//! rules (who chairs, who is a member) both stand on.
//!
//! - A **clause** runs from the sentence start or the last clause separator (，；：) to
//!   the next one; [`clause_start`] finds where the clause of an offset begins.
//! - A **coordinated list** is names joined by list separators (、 和 及 与 以及):
//!   [`coordinated`] reads one, for any kind of item, so a list subject (白俄罗斯、伊朗
//!   和巴基斯坦重申…) and a list of chairs or members are read the same way.
//! - A **subject** ([`subject`]) opens a clause, after a date, an enumeration marker or an
//!   opening word: a list of states, organizations, X方 forms and heads of state (each one
//!   an actor; a head of state stands for the state he heads), an organization's members
//!   (X成员国), a compound of states' one-character forms (中俄, 中哈两国) where the
//!   document names those states, or a collective word of the `collective_subject` list
//!   (成员国, 各方, 我们, 双方, 两国元首 …), whose value says whom it names in this kind of
//!   document.
//! - The **voice** ([`Voice`]) is who speaks for a document: a speech's speaker, a
//!   declaration's organization, a joint statement's parties. The parties are the states
//!   a definition names (中华人民共和国和俄罗斯联邦（以下称“双方”）), else the states of
//!   its title (two or more, or a compound of their short forms: 中俄发表联合声明), else in
//!   a joint statement, a news report or a plain document the states whose heads its
//!   opening paragraph names.
//! - **Reported speech**: a clause whose subject is a document (《联合声明》指出, 声明说) reports
//!   what another text says: it has no actor of its own, and in the rest of its sentence
//!   the collective words do not name this document's voice (a joint statement's parties
//!   still name its parties).
//!
//! The words are lists of `data/rules/words.tsv`: `collective_subject`, `member_suffix`,
//! `modal_subject`, `subject_opener`, `subject_suffix`, `list_separator`, `reporting_verb`,
//! `document_noun`, `definition_cue`, `party_word`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::MEETING_ORGANIZATION_RULE;
use super::names::from_target;
use crate::lexicon::{Lexicon, List, Target, Words};
use crate::model::{Annotated, Class, DocKind, EntityId, Mention, Property};

/// An enumeration marker opening a paragraph: 一、 （二） 3. 4、
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．])\s*",
    )
    .unwrap()
});

/// Where the clause that `at` stands in begins: after the last clause separator between
/// `sentence_start` and `at`, or at the sentence start.
pub fn clause_start(norm: &str, sentence_start: usize, at: usize) -> usize {
    norm[sentence_start..at]
        .rfind(['，', '；', '：', ','])
        .map_or(sentence_start, |i| {
            let s = sentence_start + i;
            s + norm[s..].chars().next().map_or(1, char::len_utf8)
        })
}

/// `s` without the enumeration marker (一、 （二） 3.) that may open it.
pub fn strip_enumeration(s: &str) -> &str {
    ENUMERATION.find(s).map_or(s, |m| &s[m.end()..])
}

/// The items of a coordinated list that begins at `items[0]`: the indices of those that
/// follow one another joined only by a list separator (after a subject's suffix, 甲国政府和
/// 乙国政府, too) and that `accept` takes. Items are spans in text order.
pub fn coordinated(
    words: &Words,
    norm: &str,
    spans: &[Range<usize>],
    accept: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        if !accept(i) {
            break;
        }
        // (an item that overlaps or comes before the last one joins no list)
        if out.last().is_some_and(|&last| s.start < spans[last].end) {
            break;
        }
        // (an item may carry the subject's suffix before the separator: 甲国政府和乙国政府)
        if let Some(&last) = out.last()
            && let gap = &norm[spans[last].end..s.start]
            && !words.contains(List::ListSeparators, gap)
            && !longest_prefix(words, List::SubjectSuffixes, gap)
                .is_some_and(|w| words.contains(List::ListSeparators, &gap[w.len()..]))
        {
            break;
        }
        out.push(i);
    }
    out
}

/// Who speaks for a document where a clause names no one, and whom its collective words
/// name.
#[derive(Debug, Clone)]
pub struct Voice {
    pub kind: DocKind,
    /// A speech's speaker's state (or the state that calls itself X方 most in a speech).
    pub speaker: Option<EntityId>,
    /// The organization the document speaks for or about.
    pub organization: Option<EntityId>,
    /// The parties of a joint statement, or of the talks a report tells of.
    pub parties: Vec<EntityId>,
}

impl Voice {
    /// The voice of `doc`.
    pub fn of(lex: &Lexicon, doc: &Annotated) -> Voice {
        let speaker = doc
            .fields
            .author
            .as_ref()
            .and_then(|a| head_of(doc, a))
            .or_else(|| {
                // a speech's speaker who heads no state speaks for his own (中国外长王某; the
                // lexicon's 王毅)
                let author = doc.fields.author.as_ref()?;
                (doc.kind == DocKind::Speech)
                    .then(|| {
                        titled_state(lex, doc, author).or_else(|| lexicon_state(lex, doc, author))
                    })
                    .flatten()
            })
            .or_else(|| {
                // 我谨代表中国政府: the state a speech's speaker speaks for
                let norm = doc.doc.norm.as_str();
                if doc.kind != DocKind::Speech {
                    return None;
                }
                lex.words.list(List::SpeakerMarkers).iter().find_map(|w| {
                    let at = norm.find(w.as_str())? + w.len();
                    doc.mentions
                        .iter()
                        .find(|m| {
                            m.entity.class == Class::State
                                && m.span.start >= at
                                && norm[at..m.span.start].chars().count() <= 2
                        })
                        .map(|m| m.entity.clone())
                })
            })
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
        // a declaration its signer states speak in their own names (我们，A、B和C的领导人…
        // 举行会晤) is their joint statement
        // (and so does a joint declaration whose parties no definition or title names:
        // 关于…的联合宣言 / 我们，A、B和C的领导人)
        let signers = signer_states(lex, doc);
        let (kind, parties) = if doc.kind == DocKind::Declaration && signers.len() >= 2 {
            (DocKind::JointStatement, signers)
        } else {
            match parties(lex, doc) {
                p if p.is_empty() && doc.kind == DocKind::JointStatement && signers.len() >= 2 => {
                    (doc.kind, signers)
                }
                p => (doc.kind, p),
            }
        };
        Voice {
            kind,
            speaker,
            organization: doc.organization.clone(),
            parties,
        }
    }

    /// Who speaks where a clause names no subject: a speech's speaker, a declaration's
    /// organization, a joint statement's parties, a communiqué's organization (a meeting
    /// of one) or else its parties.
    pub fn default_actors(&self) -> Vec<EntityId> {
        match self.kind {
            DocKind::Speech => self.speaker.iter().cloned().collect(),
            DocKind::Declaration => self.organization.iter().cloned().collect(),
            DocKind::JointStatement if !self.parties.is_empty() => self.parties.clone(),
            DocKind::Communique if self.organization.is_none() && self.parties.len() >= 2 => {
                self.parties.clone()
            }
            DocKind::JointStatement | DocKind::Communique => {
                self.organization.iter().cloned().collect()
            }
            DocKind::NewsReport | DocKind::Document => Vec::new(),
        }
    }

    /// Whom a collective word names, by its value in the `collective_subject` list; in
    /// reported speech only a pair word (双方) names anyone.
    fn collective(&self, value: Option<&str>, reported: bool) -> Vec<EntityId> {
        let organization = || self.organization.iter().cloned().collect::<Vec<_>>();
        let parties = || self.parties.clone();
        match (self.kind, value) {
            (_, Some("pair")) => parties(),
            // (六国元首 in an organization's communiqué: its members, the organization)
            (DocKind::Declaration | DocKind::Communique, Some("counted"))
                if self.organization.is_some() && !reported =>
            {
                organization()
            }
            (_, Some("counted")) => parties(),
            _ if reported => Vec::new(),
            (DocKind::Speech, Some("members" | "participants")) => Vec::new(),
            (DocKind::Declaration, Some("participants")) => organization(),
            (_, Some("participants" | "parties"))
                if self.kind != DocKind::Speech
                    && self.parties.len() >= 2
                    && (self.organization.is_none() || self.kind == DocKind::JointStatement) =>
            {
                parties()
            }
            (DocKind::Speech, _) => self.speaker.iter().cloned().collect(),
            (DocKind::JointStatement, Some("members")) if !self.parties.is_empty() => Vec::new(),
            (DocKind::JointStatement, _) if !self.parties.is_empty() => parties(),
            (_, Some("we")) => {
                let o = organization();
                if o.is_empty() {
                    self.speaker.iter().cloned().collect()
                } else {
                    o
                }
            }
            (DocKind::Document | DocKind::NewsReport | DocKind::Communique, Some("states")) => {
                Vec::new()
            }
            _ => organization(),
        }
    }
}

/// The states a declaration's opening sentence lists as its speakers (我们，中华人民共和国、
/// 日本国和大韩民国的领导人…), where that sentence names no organization (a meeting named
/// for one, 金砖国家领导人会晤, makes its members speak as the organization).
fn signer_states(lex: &Lexicon, doc: &Annotated) -> Vec<EntityId> {
    let words = &lex.words;
    let norm = doc.doc.norm.as_str();
    // (a run of a forum's spam, `4 k/ q$ w!`, is no sentence of the text)
    let chinese = |r: &&Range<usize>| norm[(*r).clone()].chars().any(crate::text::is_han);
    let Some((sentence, at, voice)) = doc
        .sentences
        .iter()
        .filter(chinese)
        .take(SIGNER_SENTENCES)
        .find_map(|r| {
            let s = strip_enumeration(&norm[r.clone()]);
            let from = r.end - s.len();
            words.list(List::DeclarationVoices).iter().find_map(|w| {
                s.find(w.as_str())
                    .filter(|&i| i <= SIGNER_OPENING)
                    .map(|i| (r.clone(), from + i, w))
            })
        })
    else {
        return Vec::new();
    };
    let start = at + voice.len();
    let Some(end) = words
        .list(List::LeaderNouns)
        .iter()
        .filter_map(|w| norm[start..sentence.end].find(w.as_str()))
        .min()
        .map(|i| start + i)
    else {
        return Vec::new();
    };
    let inside = |m: &Mention, r: &Range<usize>| r.start <= m.span.start && m.span.end <= r.end;
    // (an organization named, or a meeting named after one: 金砖国家领导人第九次会晤)
    let names_org = |m: &Mention| match m.entity.class {
        Class::Organization => true,
        Class::Event => lex
            .find_entities(&norm[m.span.clone()])
            .any(|(_, targets)| targets.iter().any(|t| matches!(t, Target::Org(_)))),
        _ => false,
    };
    if doc
        .mentions
        .iter()
        .any(|m| inside(m, &sentence) && names_org(m))
    {
        return Vec::new();
    }
    let mut out: Vec<EntityId> = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity.class == Class::State && inside(m, &(start..end)))
    {
        if !out.contains(&m.entity) {
            out.push(m.entity.clone());
        }
    }
    out
}

/// How many first sentences may open a declaration in its signers' voice.
const SIGNER_SENTENCES: usize = 6;
/// How far (bytes) into its sentence the signers' 我们， may stand (after a date).
const SIGNER_OPENING: usize = 60;

/// The parties of `doc` (see the module doc): states of a definition, of the title, or
/// whose heads the opening paragraph names.
fn parties(lex: &Lexicon, doc: &Annotated) -> Vec<EntityId> {
    let words = &lex.words;
    let norm = doc.doc.norm.as_str();
    let named_in = |r: Range<usize>, classes: &[Class]| -> Vec<EntityId> {
        let mut out: Vec<EntityId> = Vec::new();
        for m in doc.mentions.iter().filter(|m| {
            classes.contains(&m.entity.class) && r.start <= m.span.start && m.span.end <= r.end
        }) {
            if !out.contains(&m.entity) {
                out.push(m.entity.clone());
            }
        }
        out
    };
    let states_in = |r: Range<usize>| named_in(r, &[Class::State]);
    // a definition in brackets: X和Y（以下称“双方”）
    for cue in words.list(List::DefinitionCues) {
        for (i, _) in norm.match_indices(cue.as_str()) {
            let after = &norm[i + cue.len()..];
            let defines_parties = after
                .trim_start_matches(['“', '"', '「', '‘'])
                .chars()
                .take(4)
                .collect::<String>();
            if !words
                .list(List::PartyWords)
                .iter()
                .any(|w| defines_parties.starts_with(w.as_str()))
            {
                continue;
            }
            let Some(open) = norm[..i].rfind(['（', '(']) else {
                continue;
            };
            let start = norm[..open].rfind(['。', '\n', '；']).map_or(0, |k| {
                k + norm[k..].chars().next().map_or(1, char::len_utf8)
            });
            // (中华人民共和国和东南亚国家联盟成员国（以下称“各方”）: an organization for its
            // members)
            // the names the definition follows, in its clause: not an adverbial before it
            // (值此联合国成立纪念之年，甲国和乙国（以下称…）)
            let start = norm[start..open]
                .char_indices()
                .rfind(|(_, c)| matches!(c, '，' | '；'))
                .map_or(start, |(k, c)| start + k + c.len_utf8());
            let found = named_in(start..open, &[Class::State, Class::Organization]);
            if found.len() >= 2 {
                return found;
            }
        }
    }
    // the title line: its states (also those inside the title's own name: 甲国政府和乙国政府
    // 联合声明 is one agreement mention), or a compound of their short forms
    // (the title's line: the first, or the line the document's title is read from when
    // page furniture or a lead stands above it)
    let title_line = doc.fields.title.as_ref().and_then(|t| {
        let t = crate::text::normalize(t);
        let mut start = 0;
        norm.split('\n').find_map(|line| {
            let range = start..start + line.len();
            start += line.len() + 1;
            line.contains(t.as_str()).then_some(range)
        })
    });
    // (the first line below a web page's furniture)
    let line_start = super::fields::text_start(lex, norm);
    let first_line = norm[line_start..]
        .find('\n')
        .map_or(norm.len(), |i| line_start + i);
    // (of a line that prints two headlines, 甲国领导人同乙国总统会谈 甲国领导人在丙国发表文章,
    // the first)
    let first_headline = |r: Range<usize>| {
        let line = &norm[r.clone()];
        let lead = line.len() - line.trim_start().len();
        match line[lead..].find([' ', '\u{3000}']).map(|i| lead + i) {
            Some(i) if line[lead..i].chars().count() >= MIN_HEADLINE => r.start..r.start + i,
            _ => r,
        }
    };
    let title = title_line
        .clone()
        .map(first_headline)
        .map(|r| title_states(lex, doc, r))
        .filter(|t| t.len() >= 2)
        .unwrap_or_else(|| title_states(lex, doc, first_headline(line_start..first_line)));
    if title.len() >= 2 {
        return title;
    }
    let known = states_in(0..norm.len());
    for (i, _) in norm[line_start..first_line].char_indices() {
        let i = line_start + i;
        // (a compound may stand inside the title's own name: 中俄巴伊四国外长会议联合声明)
        if doc.mentions.iter().any(|m| {
            m.span.start <= i
                && i < m.span.end
                && m.rule != COMPOUND_RULE
                && !matches!(m.entity.class, Class::Agreement | Class::Event)
        }) {
            continue;
        }
        if let Some((states, _)) = compound(lex, &norm[i..first_line], &known)
            && states.len() >= 2
        {
            return states;
        }
    }
    // the states whose heads the opening paragraph names (应X主席邀请，Y总统…访问), in a
    // joint statement, a communiqué or a report (also one no dateline marks as such); in a
    // joint statement or communiqué also those whose ministers it names with their state
    // and title (甲国外交部长A、乙国外交部长B和丙国外交部长C举行会议)
    // (not where the title names a meeting of an organization, 某组织外长会晤…联合声明: the
    // organization speaks for the ministers it lists)
    let organization_meeting = title_line.as_ref().is_some_and(|t| {
        doc.mentions.iter().any(|m| {
            m.rule == MEETING_ORGANIZATION_RULE && t.start <= m.span.start && m.span.end <= t.end
        })
    });
    if !organization_meeting
        && matches!(
            doc.kind,
            DocKind::JointStatement | DocKind::Communique | DocKind::NewsReport | DocKind::Document
        )
    {
        let officials = matches!(doc.kind, DocKind::JointStatement | DocKind::Communique);
        let opening_end = norm
            .match_indices('\n')
            .map(|(i, _)| i)
            .find(|&i| norm[..i].contains('。'))
            .unwrap_or(norm.len());
        let mut out: Vec<EntityId> = Vec::new();
        for m in doc
            .mentions
            .iter()
            .filter(|m| m.span.end <= opening_end && m.entity.class == Class::Person)
        {
            let state = head_of(doc, &m.entity).or_else(|| {
                officials
                    .then(|| titled_state(lex, doc, &m.entity))
                    .flatten()
            });
            if let Some(state) = state
                && !out.contains(&state)
            {
                out.push(state);
            }
        }
        // (or, where a page lost the names, the states the paragraph names with an office
        // of theirs: 甲国外交部某某乙国外交部某某共同参加)
        if out.len() < 2 && officials {
            let titled = |end: usize| {
                let after = &norm[end..opening_end];
                lex.find_titles(after)
                    .next()
                    .is_some_and(|(r, _)| r.start == 0)
                    || starts_with_any(&lex.words, List::SubjectSuffixes, after)
            };
            // (each state of a list whose last one has the office: 甲国、乙国和丙国外长)
            let states: Vec<&Mention> = doc
                .mentions
                .iter()
                .filter(|m| m.span.end <= opening_end && m.entity.class == Class::State)
                .collect();
            let spans: Vec<Range<usize>> = states.iter().map(|m| m.span.clone()).collect();
            let mut offices: Vec<EntityId> = Vec::new();
            let mut i = 0;
            while i < states.len() {
                let listed = coordinated(&lex.words, norm, &spans[i..], |_| true);
                let run = listed.len().max(1);
                if titled(spans[i + run - 1].end) {
                    for m in &states[i..i + run] {
                        if !offices.contains(&m.entity) {
                            offices.push(m.entity.clone());
                        }
                    }
                }
                i += run;
            }
            if offices.len() > out.len() {
                out = offices;
            }
        }
        if out.len() >= 2 {
            return out;
        }
    }
    pair_organization_sides(lex, doc)
}

/// The two sides of a document whose organization pairs China with another party
/// (中国—阿拉伯国家合作论坛: 中国 and 阿拉伯国家联盟, where the document names it; 中国—拉共体
/// 论坛): China, and the state or organization mentioned whose name the rest of the
/// organization's name begins with, or which begins with the rest up to the
/// organization's own head word (合作, 论坛).
fn pair_organization_sides(lex: &Lexicon, doc: &Annotated) -> Vec<EntityId> {
    let Some(i) = lex.state("CHN") else {
        return Vec::new();
    };
    let china = from_target(lex, Target::State(i), 0..0).id;
    let Some(org) = doc.organization.as_ref().and_then(|o| doc.entities.get(o)) else {
        return Vec::new();
    };
    let Some(rest) = org
        .label
        .strip_prefix(lex.states[i].zh.as_str())
        .and_then(|r| r.strip_prefix('—'))
    else {
        return Vec::new();
    };
    let core = lex
        .words
        .list(List::PairOrganizationHeads)
        .iter()
        .filter_map(|h| rest.find(h.as_str()))
        .min()
        .map_or(rest, |i| &rest[..i]);
    let names = |e: &crate::model::Entity| -> Vec<String> {
        std::iter::once(e.label.clone())
            .chain(e.alt_labels.iter().map(|a| crate::text::normalize(a)))
            .collect()
    };
    let other = doc
        .entities
        .values()
        .filter(|e| {
            matches!(e.id.class, Class::State | Class::Organization)
                && e.id != org.id
                && e.id != china
        })
        .filter_map(|e| {
            names(e)
                .into_iter()
                .filter(|n| {
                    n.chars().count() >= 2
                        && (rest.starts_with(n.as_str())
                            || (core.chars().count() >= 2 && n.starts_with(core)))
                })
                .map(|n| n.len())
                .max()
                .map(|len| (len, e.id.clone()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, id)| id);
    match other {
        Some(o) => vec![china, o],
        None => vec![china],
    }
}

/// The states named in `line` in text order: those mentioned, and those the lexicon finds
/// inside an agreement mentioned there (whose name holds its parties' names).
pub(super) fn title_states(lex: &Lexicon, doc: &Annotated, line: Range<usize>) -> Vec<EntityId> {
    let norm = doc.doc.norm.as_str();
    let mut found: Vec<(usize, EntityId)> = Vec::new();
    for m in doc
        .mentions
        .iter()
        .filter(|m| line.start <= m.span.start && m.span.end <= line.end)
    {
        match m.entity.class {
            Class::State => found.push((m.span.start, m.entity.clone())),
            // a head of state a headline names stands for his state (某某同乙国总统会谈)
            Class::Person => {
                if let Some(state) = person_state(lex, doc, &m.entity) {
                    found.push((m.span.start, state));
                }
            }
            Class::Agreement | Class::Event => {
                let inner = &norm[m.span.clone()];
                let hits: Vec<(Range<usize>, usize)> = lex
                    .find_entities(inner)
                    .filter_map(|(r, targets)| {
                        targets.iter().find_map(|t| match t {
                            Target::State(i) => Some((r.clone(), *i)),
                            _ => None,
                        })
                    })
                    .collect();
                // the longest names only (中华人民共和国, not the 华 inside it)
                for (r, i) in &hits {
                    if hits
                        .iter()
                        .any(|(o, _)| o != r && o.start <= r.start && r.end <= o.end)
                    {
                        continue;
                    }
                    let id = from_target(lex, Target::State(*i), r.clone()).id;
                    found.push((m.span.start + r.start, id));
                }
            }
            _ => {}
        }
    }
    // (a state the title names as its topic is no party: 关于阿富汗问题的联合声明)
    let topic = |at: usize, id: &EntityId| {
        let name_end = doc
            .mentions
            .iter()
            .filter(|m| m.span.start == at && &m.entity == id)
            .map(|m| m.span.end)
            .max()
            .or_else(|| {
                let key = lex.state(&id.key)?;
                let st = &lex.states[key];
                std::iter::once(&st.zh)
                    .chain(st.aliases.iter())
                    .map(|n| crate::text::normalize(n))
                    .filter(|n| norm[at..].starts_with(n.as_str()))
                    .map(|n| at + n.len())
                    .max()
            });
        name_end.is_some_and(|end| {
            lex.words
                .list(List::TopicNouns)
                .iter()
                .any(|w| norm[end..].starts_with(w.as_str()))
        })
    };
    found.sort_by_key(|(at, _)| *at);
    let mut out: Vec<EntityId> = Vec::new();
    for (at, id) in found {
        if !out.contains(&id) && !topic(at, &id) {
            out.push(id);
        }
    }
    out
}

/// The rule of a compound's mentions (中 and 俄 in 中俄两国).
pub const COMPOUND_RULE: &str = "rule:compound";

/// A compound of states' one-character forms at the start of `s` (中俄, 中哈两国): the
/// states, each the one state its character stands for, or of those that stand for it the
/// one `known` holds; and where the compound ends (bytes of `s`). Two characters at least.
pub fn compound(lex: &Lexicon, s: &str, known: &[EntityId]) -> Option<(Vec<EntityId>, usize)> {
    compound_of(lex, s, known, true)
}

/// [`compound`], where `all_known` says whether each of its states must be among `known`
/// (else a character that stands for one state only stands for it unnamed).
pub fn compound_of(
    lex: &Lexicon,
    s: &str,
    known: &[EntityId],
    all_known: bool,
) -> Option<(Vec<EntityId>, usize)> {
    let mut states: Vec<EntityId> = Vec::new();
    let mut end = 0;
    for c in s.chars().take(4) {
        // (a state's full name ends the compound: 中英阿富汗问题声明 is 中英's)
        let rest = &s[end..];
        let window = &rest[..rest.char_indices().nth(12).map_or(rest.len(), |(i, _)| i)];
        if lex
            .find_entities(window)
            .next()
            .is_some_and(|(r, targets)| {
                r.start == 0
                    && window[r].chars().count() >= 2
                    && targets.iter().any(|t| matches!(t, Target::State(_)))
            })
        {
            break;
        }
        let all: Vec<EntityId> = lex
            .states_abbreviated(c)
            .iter()
            .map(|&i| EntityId::new(Class::State, lex.states[i].iso3.as_str()))
            .collect();
        let one = match all.as_slice() {
            [] => break,
            [only] => only.clone(),
            _ => {
                let mut named = all.iter().filter(|id| known.contains(id));
                match (named.next(), named.next()) {
                    (Some(id), None) => id.clone(),
                    _ => break,
                }
            }
        };
        if states.contains(&one) {
            break;
        }
        states.push(one);
        end += c.len_utf8();
    }
    (states.len() >= 2 && (!all_known || states.iter().all(|s| known.contains(s))))
        .then_some((states, end))
}

/// The subject that opens a clause.
#[derive(Debug, Clone)]
pub struct Subject {
    /// Whom it names (each one an actor); empty for reported speech.
    pub actors: Vec<EntityId>,
    /// Whether a modal cue (要, 应) after it is a CallFor.
    pub modal: bool,
    /// Where it ends (bytes of the normalised text).
    pub end: usize,
    /// Whether it is a document whose words the clause reports (《联合声明》指出).
    pub reported: bool,
}

/// What [`subject`] reads a clause with.
pub struct Context<'a> {
    pub lex: &'a Lexicon,
    pub norm: &'a str,
    /// The mentions of the sentence, in text order.
    pub ms: &'a [&'a Mention],
    pub voice: &'a Voice,
    pub doc: &'a Annotated,
    /// The states the document names.
    pub known: &'a [EntityId],
    /// The datelines that open a report's text (新华社某城5月2日电): no subject.
    pub openings: &'a [Range<usize>],
}

/// The subject that opens the clause at `clause_start`, if any; `reported` says that an
/// earlier clause of the sentence reports another document's words.
pub fn subject(cx: &Context, clause_start: usize, reported: bool) -> Option<Subject> {
    let (words, norm, ms) = (&cx.lex.words, cx.norm, cx.ms);
    // a leading dateline (新华社某城5月2日电 林一表示), date (2015年上合组织成员国…),
    // enumeration marker or opening word is skipped
    let mut at = clause_start;
    if let Some(d) = cx.openings.iter().find(|d| d.start <= at && at < d.end) {
        let rest = &norm[d.end..];
        at = d.end + (rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\t', '/']).len());
    }
    if let Some(d) = ms
        .iter()
        .find(|m| m.span.start == at && m.entity.class == Class::Date)
    {
        at = d.span.end;
    }
    if let Some(m) = ENUMERATION.find(&norm[at..]) {
        at += m.end();
    }
    // noise a page inserts before it (a forum's spam: `, W. M+ J6 ] 我们…`), where nothing
    // is named in it
    let noise = norm[at..]
        .find(|c: char| !c.is_ascii() || c == '\n')
        .unwrap_or(norm.len() - at);
    if noise > 0
        && !ms
            .iter()
            .any(|m| at <= m.span.start && m.span.start < at + noise)
    {
        at += noise;
    }
    for a in words.list(List::SubjectOpeners) {
        if norm[at..].starts_with(a.as_str()) {
            at += a.len();
        }
    }
    // (a compound's characters are mentions of their states: the compound is read whole)
    if let Some(first) = ms
        .iter()
        .position(|m| m.span.start == at && m.rule != COMPOUND_RULE)
    {
        return named_subject(cx, first, reported);
    }
    // a document that says something: 声明指出
    if let Some(noun) = longest_prefix(words, List::DocumentNouns, &norm[at..])
        && starts_with_any(words, List::ReportingVerbs, &norm[at + noun.len()..])
    {
        // (in a report or a plain document, the statement of the meeting it tells of:
        // 声明表示支持…, the meeting's organization's words)
        let mut subject = reported_subject(at + noun.len());
        if matches!(cx.voice.kind, DocKind::NewsReport | DocKind::Document) {
            subject.actors = cx.voice.organization.iter().cloned().collect();
        }
        return Some(subject);
    }
    if let Some((states, len)) = compound(cx.lex, &norm[at..], cx.known) {
        let mut end = at + len;
        if let Some(s) = longest_prefix(words, List::SubjectSuffixes, &norm[end..]) {
            end += s.len();
        }
        return Some(Subject {
            actors: states,
            modal: false,
            end,
            reported: false,
        });
    }
    let word = longest_prefix(words, List::CollectiveSubjects, &norm[at..])?;
    let value = words.value(List::CollectiveSubjects, word);
    // in a report, 我们 or 各方 in the words of a person the sentence quotes (某某指出，我们
    // 应…) are his state's
    let quoted = matches!(cx.voice.kind, DocKind::NewsReport | DocKind::Document)
        && matches!(value, Some("we" | "parties"))
        && !reported;
    // (我们双方要…: the subject's suffix belongs to it)
    let mut end = at + word.len();
    if let Some(s) = longest_prefix(words, List::SubjectSuffixes, &norm[end..]) {
        end += s.len();
    }
    if quoted && let Some(state) = quoting_person(cx, clause_start) {
        return Some(Subject {
            actors: vec![state],
            modal: words.contains(List::ModalSubjects, word),
            end,
            reported: false,
        });
    }
    let actors = cx.voice.collective(value, reported);
    if actors.is_empty() {
        return None;
    }
    // (四国外交部将…: the body or officials of the states the word names)
    Some(Subject {
        actors,
        modal: words.contains(List::ModalSubjects, word),
        end,
        reported: false,
    })
}

/// The state of the person whose words the clause at `clause_start` is in: the last person
/// of its paragraph before it who opens a sentence or clause with a reporting verb and a
/// comma or colon (李某指出，…。我们应…), where no other sentence of the paragraph opens
/// with a subject of its own since.
fn quoting_person(cx: &Context, clause_start: usize) -> Option<EntityId> {
    let (words, norm) = (&cx.lex.words, cx.norm);
    // (the items of a list a paragraph opens, ——坚持…, are that paragraph's words too)
    let mut paragraph = norm[..clause_start].rfind('\n').map_or(0, |i| i + 1);
    while paragraph > 0 && norm[paragraph..].trim_start().starts_with('—') {
        paragraph = norm[..paragraph - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let person = cx.doc.mentions.iter().rfind(|m| {
        m.entity.class == Class::Person
            && m.span.start >= paragraph
            && m.span.end <= clause_start
            && words.list(List::ReportingVerbs).iter().any(|v| {
                norm[m.span.end..]
                    .strip_prefix(v.as_str())
                    .is_some_and(|rest| rest.starts_with(['，', '：']))
            })
    })?;
    speaks_for(cx, &person.entity)
}

fn reported_subject(end: usize) -> Subject {
    Subject {
        actors: Vec::new(),
        modal: false,
        end,
        reported: true,
    }
}

/// A subject that opens with the mention `ms[first]`: a list of names, an organization's
/// members, a head of state, or a document that reports.
fn named_subject(cx: &Context, first: usize, reported: bool) -> Option<Subject> {
    let (words, norm, ms, voice) = (&cx.lex.words, cx.norm, cx.ms, cx.voice);
    let m = ms[first];
    // 《联合声明》指出: the words of another document
    if m.entity.class == Class::Agreement {
        let after = norm[m.span.end..].trim_start_matches(['》', '”', '」']);
        if starts_with_any(words, List::ReportingVerbs, after) {
            return Some(reported_subject(norm.len() - after.len()));
        }
        return None;
    }
    // X成员国: the organization's members
    if m.entity.class == Class::Organization
        && let Some(suffix) = longest_prefix(words, List::MemberSuffixes, &norm[m.span.end..])
    {
        let who = if voice.kind == DocKind::Speech {
            voice.speaker.clone()
        } else if reported {
            None
        } else {
            Some(m.entity.clone())
        };
        return who.map(|w| Subject {
            actors: vec![w],
            modal: words.contains(List::ModalSubjects, suffix),
            end: m.span.end + suffix.len(),
            reported: false,
        });
    }
    // a list of actors: 白俄罗斯、伊朗和巴基斯坦, 中方和东盟, 两国元首 after their names;
    // an item may be a state, its titles and a person (甲国总理林一和乙国首相王二), the state's
    let mut items: Vec<(Range<usize>, &Mention)> = Vec::new();
    let mut j = first;
    while j < ms.len() {
        let m = ms[j];
        let person = (m.entity.class == Class::State)
            .then(|| {
                ms.iter()
                    .enumerate()
                    .skip(j + 1)
                    .take_while(|(_, p)| p.span.start - m.span.end <= TITLED_PERSON)
                    .find(|(_, p)| {
                        p.entity.class == Class::Person
                            && only_titles(cx.lex, &norm[m.span.end..p.span.start])
                    })
                    .map(|(k, _)| k)
            })
            .flatten();
        match person {
            Some(k) => {
                items.push((m.span.start..ms[k].span.end, m));
                j = k + 1;
            }
            None => {
                items.push((m.span.clone(), m));
                j += 1;
            }
        }
    }
    let spans: Vec<Range<usize>> = items.iter().map(|(r, _)| r.clone()).collect();
    let actor_of = |m: &Mention| -> Option<EntityId> {
        match m.entity.class {
            Class::State | Class::Organization => Some(m.entity.clone()),
            Class::Person => speaks_for(cx, &m.entity),
            _ => None,
        }
    };
    let listed = coordinated(words, norm, &spans, |i| actor_of(items[i].1).is_some());
    let &last = listed.last()?;
    let mut actors: Vec<EntityId> = Vec::new();
    for i in &listed {
        let a = actor_of(items[*i].1).expect("accepted");
        if !actors.contains(&a) {
            actors.push(a);
        }
    }
    let mut end = spans[last].end;
    if listed.len() > 1
        && let Some(s) = longest_prefix(words, List::SubjectSuffixes, &norm[end..])
    {
        end += s.len();
    }
    Some(Subject {
        actors,
        modal: false,
        end,
        reported: false,
    })
}

/// The state a person speaks for: the one he heads (俄罗斯总统普京), else the one a state
/// and a title before any of his mentions name (中国国务委员兼外长王毅), else the lexicon's
/// (persons.tsv `state`) — each only where the document names that state.
fn speaks_for(cx: &Context, person: &EntityId) -> Option<EntityId> {
    head_of(cx.doc, person)
        .or_else(|| titled_state(cx.lex, cx.doc, person))
        .or_else(|| lexicon_state(cx.lex, cx.doc, person))
}

/// The state that a state's name and a title before any of `person`'s mentions name
/// (中国国务委员兼外长王毅: only titles and 兼 between them).
fn titled_state(lex: &Lexicon, doc: &Annotated, person: &EntityId) -> Option<EntityId> {
    let norm = doc.doc.norm.as_str();
    for m in doc.mentions.iter().filter(|m| &m.entity == person) {
        let from = super::names::back(norm, m.span.start, 30);
        let Some(state) = doc.mentions.iter().rev().find(|s| {
            s.entity.class == Class::State && s.span.start >= from && s.span.end <= m.span.start
        }) else {
            continue;
        };
        // only titles (and 兼) stand between the state and the name
        if only_titles(lex, &norm[state.span.end..m.span.start]) {
            return Some(state.entity.clone());
        }
    }
    None
}

/// Whether `between` is one or more titles, and the words that join them (兼), only.
pub(super) fn only_titles(lex: &Lexicon, between: &str) -> bool {
    let mut rest = between.to_string();
    for (r, _) in lex
        .find_titles(between)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        rest.replace_range(r, "");
    }
    for j in lex.words.list(List::TitleJoiners) {
        rest = rest.replace(j.as_str(), "");
    }
    !between.is_empty() && rest.trim().is_empty()
}

/// The state `person` heads in the document, else the lexicon's ([`lexicon_state`]).
fn person_state(lex: &Lexicon, doc: &Annotated, person: &EntityId) -> Option<EntityId> {
    head_of(doc, person).or_else(|| lexicon_state(lex, doc, person))
}

/// The state `person` heads in the document (a headOf relation).
fn head_of(doc: &Annotated, person: &EntityId) -> Option<EntityId> {
    doc.relations
        .iter()
        .find(|r| r.property == Property::HeadOf && &r.subject == person)
        .map(|r| r.object.clone())
}

/// The lexicon's state of `person` (persons.tsv `state`), where the document names it.
fn lexicon_state(lex: &Lexicon, doc: &Annotated, person: &EntityId) -> Option<EntityId> {
    let iso3 = lex
        .persons
        .iter()
        .find(|p| p.zh == person.key)
        .and_then(|p| p.state.as_deref())?;
    let state = EntityId::new(Class::State, iso3);
    doc.entities.contains_key(&state).then_some(state)
}

/// The most bytes between a state and the person its titles name in a list item
/// (中国国务院总理林一: titles of up to ten characters).
const TITLED_PERSON: usize = 30;

/// The shortest first headline (characters) of a line that prints two.
const MIN_HEADLINE: usize = 6;

/// The longest word of `list` that `s` begins with (the first in table order of equally
/// long ones).
pub fn longest_prefix<'w>(words: &'w Words, list: List, s: &str) -> Option<&'w str> {
    words
        .list(list)
        .iter()
        .filter(|w| s.starts_with(w.as_str()))
        .min_by_key(|w| std::cmp::Reverse(w.len()))
        .map(String::as_str)
}

fn starts_with_any(words: &Words, list: List, s: &str) -> bool {
    words.list(list).iter().any(|w| s.starts_with(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::extract;
    use super::coordinated;
    use crate::lexicon::Lexicon;

    /// Actors' keys with their acts.
    type Actors = Vec<(String, String)>;

    /// The actors of the statements of the first document of `text`, with their acts.
    fn actors(text: &str) -> Actors {
        let docs = extract(text);
        let mut out: Actors = docs[0]
            .statements
            .iter()
            .map(|s| (s.actor.key.clone(), s.act.name().to_string()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// A compound of one-character forms speaks for its states, also where the report
    /// names one of them only there (国家主席 without 中国); with none of them named by
    /// name, it names nobody.
    #[test]
    fn a_compound_speaks_for_its_states() {
        let named =
            "新华社金城5月2日电 国家主席习近平在金城同蒙古国总统巴图会谈。中蒙双方反对单边主义。\n";
        assert_eq!(
            actors(named),
            vec![
                ("CHN".to_string(), "Oppose".to_string()),
                ("MNG".to_string(), "Oppose".to_string())
            ]
        );
        let unnamed = "新华社金城5月2日电 国家主席在金城会谈。中蒙双方反对单边主义。\n";
        assert_eq!(actors(unnamed), Actors::new());
    }

    /// Items that overlap or go back (a name inside another's) join no list, and a text
    /// that gives such items does not panic (a case proptest found).
    #[test]
    fn overlapping_items_join_no_list() {
        let lex = Lexicon::builtin();
        let norm = "白俄罗斯和中国";
        assert_eq!(
            coordinated(&lex.words, norm, &[0..12, 3..12, 15..21], |_| true),
            [0]
        );
        assert_eq!(
            coordinated(&lex.words, norm, &[15..21, 0..12], |_| true),
            [0]
        );
        let _ = extract("上海合作组织地区反恐机构50亿美元峰会支持\n");
    }

    /// A list of governments speaks for each state, after an adverbial phrase too; a
    /// government and a state named in it (甲国政府和乙国外交部门) are no list.
    #[test]
    fn a_list_of_governments_speaks_for_each_state() {
        let listed = "联合公报\n中华人民共和国政府和斐济共和国政府着眼长远，决定建立外交关系。\n";
        assert_eq!(
            actors(listed),
            vec![
                ("CHN".to_string(), "Decide".to_string()),
                ("FJI".to_string(), "Decide".to_string())
            ]
        );
        let not_listed = "新华社金城5月2日电 中华人民共和国政府对斐济共和国的发展表示赞赏。\n";
        assert_eq!(
            actors(not_listed),
            vec![("CHN".to_string(), "Praise".to_string())]
        );
    }

    /// A list of persons, each with his state and titles, speaks for each state; a
    /// dateline that opens the sentence is no subject.
    #[test]
    fn a_list_of_titled_persons_speaks_for_their_states() {
        let listed = "新华社金城5月2日电 蒙古国总理巴图和老挝总理坎蓬对三国合作表示赞赏。\n";
        assert_eq!(
            actors(listed),
            vec![
                ("LAO".to_string(), "Praise".to_string()),
                ("MNG".to_string(), "Praise".to_string())
            ]
        );
        // (a person whose titles the list's separator does not follow: one actor)
        let one = "新华社金城5月2日电 蒙古国总理巴图对老挝的合作表示赞赏。\n";
        assert_eq!(actors(one), vec![("MNG".to_string(), "Praise".to_string())]);
        let agency = "新华社金城5月2日电 对三国合作表示赞赏。\n";
        assert!(
            actors(agency).iter().all(|(k, _)| k != "新华通讯社"),
            "{:?}",
            actors(agency)
        );
    }

    /// In a report, the statement of the meeting it tells of (声明表示…) speaks for the
    /// meeting's organization, through the rest of its sentence; in a declaration, another
    /// document's words have no actor.
    #[test]
    fn a_reports_statement_speaks_for_its_meeting() {
        let report = "新华社金城5月2日电 上海合作组织成员国外长理事会会议在金城举行。会议发表了声明。声明表示支持多边主义，认为合作重要。\n";
        assert_eq!(
            actors(report),
            vec![
                ("上海合作组织".to_string(), "Affirm".to_string()),
                ("上海合作组织".to_string(), "Support".to_string())
            ]
        );
        let declaration =
            "上海合作组织成员国元首金城宣言\n成员国元首在金城举行会议。声明指出，支持多边主义。\n";
        assert_eq!(actors(declaration), Actors::new());
    }

    /// In a report, 我们 and 各方 in the words of a person the report quotes are his
    /// state's, also in the items of a list his paragraph opens; without a reporting verb
    /// they stay the organization's.
    #[test]
    fn a_report_quotes_a_person_for_his_state() {
        let quoted = "王毅出席峰会\n新华社金城5月2日电 中国国务委员王毅在金城出席青河峰会。青河峰会成果丰硕。王毅指出，要坚持合作。\n——坚持开放。我们决定加强合作。\n";
        assert_eq!(
            actors(quoted),
            vec![
                ("CHN".to_string(), "Affirm".to_string()),
                ("CHN".to_string(), "Decide".to_string())
            ]
        );
        let same_paragraph = "王毅出席峰会\n新华社金城5月2日电 中国国务委员王毅在金城出席会议。王毅表示，各方决定加强合作。\n";
        assert_eq!(
            actors(same_paragraph),
            vec![("CHN".to_string(), "Decide".to_string())]
        );
        let unquoted = "王毅出席峰会\n新华社金城5月2日电 中国国务委员王毅在金城出席上海合作组织峰会。上海合作组织成果丰硕。\n我们决定加强合作。\n";
        assert_eq!(
            actors(unquoted),
            vec![("上海合作组织".to_string(), "Decide".to_string())]
        );
    }

    /// Where a joint statement's parties come from, and where a text names none.
    #[test]
    fn parties_come_from_the_definition_the_title_or_the_opening() {
        let decide = |keys: &[&str]| -> Actors {
            keys.iter()
                .map(|k| ((*k).to_string(), "Decide".to_string()))
                .collect()
        };
        let cases: &[(&str, &str, Actors)] = &[
            (
                "a definition",
                "联合声明\n中华人民共和国和蒙古国（以下称“双方”）声明如下：\n双方同意加强合作。",
                decide(&["CHN", "MNG"]),
            ),
            (
                "a definition after an adverbial that names another organization",
                "联合声明\n值此联合国成立纪念之年，中华人民共和国和蒙古国（以下称“双方”）声明如下：\n双方同意加强合作。",
                decide(&["CHN", "MNG"]),
            ),
            (
                "a definition of the ministers of the parties",
                "联合声明\n2020年7月16日，中华人民共和国外交部长王一同哈萨克斯坦共和国外交部长李二、吉尔吉斯共和国外交部长张三（以下称“各方”）举行会议。\n各方同意加强合作。",
                decide(&["CHN", "KAZ", "KGZ"]),
            ),
            (
                "a definition of governments",
                "联合声明\n中华人民共和国政府和蒙古国政府（以下称“双方”）声明如下：\n双方同意加强合作。",
                decide(&["CHN", "MNG"]),
            ),
            (
                "states in the title line",
                "中国和蒙古国联合声明\n双方同意加强合作。",
                decide(&["CHN", "MNG"]),
            ),
            (
                "states inside the title's own name (one agreement mention)",
                "中华人民共和国政府和智利共和国政府联合声明\n双方同意加强合作。",
                decide(&["CHL", "CHN"]),
            ),
            (
                "a state's name inside another's in the title is no party",
                "中华人民共和国和白俄罗斯共和国关于合作的联合声明\n双方同意加强合作。",
                decide(&["BLR", "CHN"]),
            ),
            (
                "the same in traditional characters",
                "中華人民共和國和秘魯共和國關於拓展務實合作的聯合聲明\n雙方同意加強合作。",
                decide(&["CHN", "PER"]),
            ),
            (
                "the heads of an opening paragraph, in a report no dateline marks",
                "习近平同甲国总统会谈\n综合报道 中国国家主席习近平同巴西总统卢拉举行会谈。\n两国元首同意加强合作。",
                decide(&["BRA", "CHN"]),
            ),
            (
                "a declaration its signer states speak",
                "第四次领导人会议宣言\n2030年5月22日，我们，中华人民共和国、蒙古国和老挝人民民主共和国的领导人在金城举行会晤。\n我们决定加强合作。",
                decide(&["CHN", "LAO", "MNG"]),
            ),
            (
                "the states an opening names with an office, where the page lost the names",
                "四国外长会议联合声明\n2030年9月8日，会议以视频方式举行，中华人民共和国外交部长王一蒙古国外交部老挝外交部柬埔寨外交部副部长共同参加。\n各方同意加强合作。",
                decide(&["CHN", "KHM", "LAO", "MNG"]),
            ),
            (
                "a list of states before their ministers' title",
                "联合声明\n2030年9月16日，蒙古国、中国和老挝外长在金城举行会晤。\n各方同意加强合作。",
                decide(&["CHN", "LAO", "MNG"]),
            ),
            (
                "the ministers of an organization's meeting its title names speak as it",
                "金砖国家外长会晤联合声明\n中华人民共和国、南非共和国、巴西联邦共和国、印度共和国和俄罗斯联邦外长于2030年5月19日举行会晤。\n外长们决定加强合作。",
                decide(&["金砖国家"]),
            ),
            (
                "no office after a list of states",
                "联合声明\n2030年9月16日，蒙古国、中国和老挝在金城举行会晤。\n各方同意加强合作。",
                Vec::new(),
            ),
            (
                "a state a title names as its topic is no party",
                "蒙古国和中国关于老挝问题的联合声明\n双方同意加强合作。",
                decide(&["CHN", "MNG"]),
            ),
            (
                "a compound before a state's full name, its topic",
                "中蒙老挝问题联合声明\n2030年9月16日，会议在金城举行，中国和蒙古国出席。\n双方同意加强合作。",
                decide(&["CHN", "MNG"]),
            ),
            (
                "a compound inside the title's own name",
                "中蒙老三国外长会议联合声明\n2030年9月16日，会议在金城举行，蒙古国和老挝出席。\n各方同意加强合作。",
                decide(&["CHN", "LAO", "MNG"]),
            ),
            (
                "a joint declaration its signer states speak",
                "关于和平与合作的联合宣言\n金城，2015年11月1日\n我们，中华人民共和国、蒙古国和大韩民国的领导人，于2015年11月1日在金城举行会议。三国合作秘书处成果丰硕。\n我们决定加强合作。",
                decide(&["CHN", "KOR", "MNG"]),
            ),
            (
                "the same under a forum's spam",
                "关于和平与合作的联合宣言4 k/ q$ w! ]( u! n; P& r' s\n金城，2015年11月1日\n7 B2 f# Q( Y/ c: K8 ~ 我们，中华人民共和国、蒙古国和大韩民国的领导人，于2015年11月1日在金城举行会议。三国合作秘书处成果丰硕。\n, W. M+ J6 ] 我们决定加强合作。",
                decide(&["CHN", "KOR", "MNG"]),
            ),
            (
                "signer states meeting as an organization speak as it",
                "金砖国家领导人厦门宣言\n我们，巴西联邦共和国、俄罗斯联邦、印度共和国、中华人民共和国和南非共和国领导人，于2017年9月3日至4日在厦门举行金砖国家领导人第九次会晤。\n金砖国家合作成果丰硕。我们决定加强合作。",
                decide(&["金砖国家"]),
            ),
            (
                "a declaration's title names its organization by an alias",
                "中国—拉共体论坛第三届部长会议宣言\n我们，中华人民共和国与拉共体成员国外交部长，于2021年12月3日举行会议。拉共体成员国积极参与，拉共体轮值主席国主持。中拉论坛成果丰硕。\n我们决定加强合作。",
                decide(&["中国—拉美和加勒比国家共同体论坛"]),
            ),
            (
                "no title: the organization of the document a first line opens with",
                "中非合作论坛约翰内斯堡峰会宣言是2015年12月签订的文件。\n中非合作论坛成果丰硕。联合国发挥作用，联合国很重要，联合国改革正在推进。\n我们决定加强合作。",
                decide(&["中非合作论坛"]),
            ),
            (
                "no title and no such first line: the organization named most",
                "这份文件是2015年12月签订的。\n中非合作论坛成果丰硕。联合国发挥作用，联合国很重要，联合国改革正在推进。\n我们决定加强合作。",
                decide(&["联合国"]),
            ),
            (
                "the ministers of a communiqué its title's states issue are those states",
                "中华人民共和国、巴西联邦共和国、智利共和国外长第三次会晤联合公报\n外长们决定加强合作。",
                decide(&["BRA", "CHL", "CHN"]),
            ),
            (
                "the ministers of a declaration are its organization",
                "金砖国家外长会晤宣言\n金砖国家外长于2030年6月1日举行会晤。金砖国家合作成果丰硕。\n外长们决定加强合作。",
                decide(&["金砖国家"]),
            ),
            (
                "the ministers of a speech name no one",
                "在外长会晤上的讲话\n尊敬的各位同事：\n外长们决定加强合作。",
                vec![],
            ),
            (
                "the two sides of an organization that pairs China with another",
                "新华社金城5月2日电 中国—阿拉伯国家合作论坛第十次部长级会议在金城举行，阿拉伯国家联盟秘书长出席。中国—阿拉伯国家合作论坛成果丰硕。\n双方决定加强合作。",
                decide(&["CHN", "阿拉伯国家联盟"]),
            ),
            (
                "an organization that pairs no one has no sides",
                "新华社金城5月2日电 上海合作组织外长会议在金城举行。上海合作组织成果丰硕。\n双方决定加强合作。",
                vec![],
            ),
            (
                "the states of a title under page furniture",
                "】 【打 印】\n中华人民共和国与哥斯达黎加共和国联合公报\n一、双方决定加强合作。",
                decide(&["CHN", "CRI"]),
            ),
            (
                "a title names its organization after 关于, by its longest name",
                "关于东盟与中日韩领导人会议的金城宣言\n东盟各国领导人同中国、日本、韩国领导人在金城会面。东盟与中日韩进程成果丰硕。\n我们决定加强合作。",
                decide(&["东盟与中日韩"]),
            ),
            (
                "the states whose ministers a joint statement's opening names",
                "岛国外长会议联合声明\n2023年8月9日，中华人民共和国外交部长林一、斐济共和国外交部长李二和萨摩亚独立国外交部长张三在金城举行会议。\n各方同意加强合作。",
                decide(&["CHN", "FJI", "WSM"]),
            ),
            (
                "the ministers of a report's opening are no parties",
                "三国外长举行会议\n新华社金城8月9日电 中华人民共和国外交部长林一、斐济共和国外交部长李二和萨摩亚独立国外交部长张三在金城举行会议。\n各方同意加强合作。",
                vec![],
            ),
            (
                "N国 and its officials are the parties",
                "岛国外长会议联合声明\n2023年8月9日，中华人民共和国外交部长林一、斐济共和国外交部长李二和萨摩亚独立国外交部长张三在金城举行会议。\n三国外交部决定加强合作。",
                decide(&["CHN", "FJI", "WSM"]),
            ),
            (
                "N国元首 in an organization's communiqué are its members: the organization",
                "上海合作组织成员国元首理事会会议联合公报\n上海合作组织成员国元首理事会会议在金城举行。中华人民共和国主席林一、蒙古国总统李二、老挝总统张三出席会议。\n三国元首决定加强合作。",
                decide(&["上海合作组织"]),
            ),
            (
                "the tagged title under a breadcrumb names the parties",
                "新闻\n当前位置：新闻 > 政务新闻 > 正文\n金城峰会|中华人民共和国和土库曼斯坦联合声明（全文）（2）\n一、双方决定加强合作。",
                decide(&["CHN", "TKM"]),
            ),
            (
                "the heads a headline names, of the first of two headlines on its line",
                "林一同肯尼亚总统巴拉卡举行会谈 林一向坦桑尼亚青年复信\n新华社内罗毕5月3日电 中华人民共和国主席林一3日在内罗毕同肯尼亚总统巴拉卡举行会谈。\n两国元首同意加强合作。",
                decide(&["CHN", "KEN"]),
            ),
            (
                "the same on an indented line under a navigation path",
                "首页 > 要闻\n 林一同肯尼亚总统巴拉卡举行会谈 林一向坦桑尼亚青年复信\n新华社内罗毕5月3日电 中华人民共和国主席林一3日在内罗毕同肯尼亚总统巴拉卡举行会谈。\n两国元首同意加强合作。",
                decide(&["CHN", "KEN"]),
            ),
            (
                "one state in the title names no pair",
                "中华人民共和国政府关于合作的声明\n双方同意加强合作。",
                vec![],
            ),
        ];
        for (what, text, expected) in cases {
            assert_eq!(&actors(text), expected, "{what}: {text}");
        }
    }
}
