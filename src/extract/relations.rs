//! Relations the text states or directly implies (SCHEMA.md "Relations between
//! entities"). Each rule reads mentions in their order within a sentence:
//!
//! - `headOf`: 国名 + head-of-state or government title + person (by-lines, signature
//!   blocks, 俄罗斯总统普京).
//! - `memberOf`: a declaration of "X成员国元首" signed by heads of state makes their states
//!   members of X; and X成员国S, S是X成员国, S加入X, 作为X成员国，S.
//! - `chairOf`: 主席国S (of the document's organization, or of the X before it),
//!   作为X…主席国，S, S担任…X主席国.
//! - `subOrganizationOf`: an organization whose name begins with another's
//!   (上合组织实业家委员会 → 上海合作组织), where that one is mentioned too.
//! - `signatory`, `date`, `location` of agreements and events: walking left from the
//!   agreement or event over "glue" (的, 在, 于, 举行, 签署, 商定, 、, 和 …), a date gives its
//!   date, a place after 在 its location, and states, organizations and persons before a
//!   signing verb its signatories; E于D在P举行 and D是E are read too.

use std::sync::LazyLock;

use regex::Regex;

use super::fields::Fields;
use super::names::Candidate;
use crate::lexicon::Lexicon;
use crate::model::{Class, EntityId, Relation};

fn rel(subject: &EntityId, property: &'static str, object: &EntityId) -> Relation {
    Relation { subject: subject.clone(), property, object: object.clone() }
}

/// Sentence-like stretches for relation rules: split at 。！？；, and line ends.
fn stretches(norm: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in norm.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '\n') {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..norm.len());
    out
}

static GLUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:《|》|〈|〉|“|”|的|在|于|举行|举办|召开|签署|签订|共同签署|正式签署|商定|批准|通过|缔结|外长|外交部长|领导人|元首|首脑|代表|期间|，|、|及|和|与|同|共同|发表|上|分别|已|将)*$").unwrap()
});
const SIGNING: &[&str] = &["签署", "签订", "商定", "缔结"];

pub fn find(lex: &Lexicon, norm: &str, mentions: &[Candidate], fields: &Fields) -> Vec<Relation> {
    let mut out = Vec::new();
    let mentioned = |id: &EntityId| mentions.iter().any(|m| &m.id == id);

    // headOf from title lines and from 国名+职务+姓名 in running text
    let mut heads: Vec<(EntityId, EntityId)> = Vec::new();
    for m in mentions.iter().filter(|m| m.id.class == Class::Person) {
        let line_start = norm[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
        let before = norm[line_start..m.span.start].trim_end_matches([' ', '\t', '\u{3000}']);
        let Some((t, title)) = lex.find_titles(before).last() else { continue };
        if t.end != before.len() || !title.role.heads_state() {
            continue;
        }
        let title_start = line_start + t.start;
        if let Some(state) = mentions.iter().find(|s| s.id.class == Class::State && s.span.end == title_start) {
            heads.push((m.id.clone(), state.id.clone()));
            out.push(rel(&m.id, "headOf", &state.id));
        }
    }

    // memberOf from a declaration of "X成员国元首" signed by heads of state
    if !fields.fields.signatories.is_empty() {
        let org = mentions.iter().find(|m| {
            m.id.class == Class::Organization && {
                let after = &norm[m.span.end..];
                let after = skip_parenthesis(after);
                after.starts_with("成员国元首") || after.starts_with("成员国领导人") || after.starts_with("成员国政府首脑")
            }
        });
        if let Some(org) = org {
            for p in &fields.fields.signatories {
                for (person, state) in &heads {
                    if person == p {
                        out.push(rel(state, "memberOf", &org.id));
                    }
                }
            }
        }
    }

    let main_org = main_organization(mentions);
    for range in stretches(norm) {
        let ms: Vec<&Candidate> = mentions.iter().filter(|m| range.start <= m.span.start && m.span.end <= range.end && !m.nested).collect();
        let gap = |a: usize, b: usize| &norm[a..b];
        for (k, m) in ms.iter().enumerate() {
            let next = ms.get(k + 1);
            let prev = k.checked_sub(1).map(|i| ms[i]);
            // memberOf: X成员国S / S是X成员国 / S加入X
            if m.id.class == Class::Organization
                && let Some(n) = next
                && n.id.class == Class::State
                && gap(m.span.end, n.span.start) == "成员国"
            {
                out.push(rel(&n.id, "memberOf", &m.id));
            }
            if m.id.class == Class::State && let Some(n) = next && n.id.class == Class::Organization {
                let g = gap(m.span.end, n.span.start);
                let after = &norm[n.span.end..range.end];
                if (g == "是" || g == "作为") && (after.starts_with("成员国") || after.starts_with("成员")) || g == "加入" || g == "正式加入" {
                    out.push(rel(&m.id, "memberOf", &n.id));
                }
            }
            // chairOf: 主席国S
            if m.id.class == Class::State && norm[range.start..m.span.start].ends_with("主席国") {
                let before = &norm[range.start..m.span.start - "主席国".len()];
                let org = prev.filter(|p| p.id.class == Class::Organization && before.trim_end_matches("轮值").len() == p.span.end - range.start).map(|p| p.id.clone());
                if let Some(org) = org.or_else(|| main_org.clone()) {
                    out.push(rel(&m.id, "chairOf", &org));
                }
            }
            // 作为X…主席国，S / S担任…X主席国
            if m.id.class == Class::Organization {
                let after = &norm[m.span.end..range.end];
                if let Some(i) = after.find("主席国") {
                    let between = &after[..i];
                    let opener = &norm[range.start..m.span.start];
                    if between.chars().count() <= 16 && !between.contains(['，', '、']) {
                        if opener.ends_with("作为") || opener.ends_with("作为本届") {
                            let comma = m.span.end + i + "主席国".len();
                            if let Some(s) = ms.iter().find(|s| s.id.class == Class::State && s.span.start >= comma && norm[comma..s.span.start].trim_start_matches('，').is_empty()) {
                                out.push(rel(&s.id, "chairOf", &m.id));
                            }
                        } else if let Some(s) = ms[..k].iter().rev().find(|s| s.id.class == Class::State) {
                            if norm[s.span.end..m.span.start].contains("担任") {
                                out.push(rel(&s.id, "chairOf", &m.id));
                            }
                        }
                    }
                }
            }
            // date, location and signatories of agreements and events
            if matches!(m.id.class, Class::Agreement | Class::Event) {
                let mut right_edge = m.span.start;
                let mut signing = false;
                let mut got_date = false;
                let mut got_place = false;
                for j in (0..k).rev() {
                    let p = ms[j];
                    let g = gap(p.span.end, right_edge);
                    if !GLUE.is_match(g) {
                        break;
                    }
                    signing |= SIGNING.iter().any(|v| g.contains(v));
                    match p.id.class {
                        Class::Date if !got_date => {
                            out.push(rel(&m.id, "date", &p.id));
                            got_date = true;
                            break;
                        }
                        Class::Place if !got_place && (norm[..p.span.start].ends_with('在') || norm[..p.span.start].ends_with('于')) => {
                            out.push(rel(&m.id, "location", &p.id));
                            got_place = true;
                        }
                        Class::State | Class::Organization | Class::Person if signing && m.id.class == Class::Agreement => {
                            out.push(rel(&m.id, "signatory", &p.id));
                        }
                        Class::Event => {}
                        Class::State | Class::Organization | Class::Person => {}
                        _ => break,
                    }
                    right_edge = p.span.start;
                }
                // E于D在P举行, D是E
                let mut left_edge = m.span.end;
                for n in &ms[k + 1..] {
                    let g = gap(left_edge, n.span.start);
                    match n.id.class {
                        Class::Date if !got_date && matches!(g, "于" | "将于" | "已于" | "定于") => {
                            out.push(rel(&m.id, "date", &n.id));
                            got_date = true;
                        }
                        Class::Place if !got_place && g == "在" => {
                            out.push(rel(&m.id, "location", &n.id));
                            got_place = true;
                        }
                        _ => break,
                    }
                    left_edge = n.span.end;
                }
                if !got_date && let Some(p) = prev && p.id.class == Class::Date && gap(p.span.end, m.span.start) == "是" {
                    out.push(rel(&m.id, "date", &p.id));
                }
            }
        }
    }

    // subOrganizationOf: names that begin with their parent's
    for m in mentions {
        let parent = m.parent.clone().or_else(|| {
            m.knowledge.relations.iter().find(|(p, _)| *p == "subOrganizationOf").map(|(_, o)| o.clone()).filter(|o| {
                let Some(i) = lex.org(&o.key) else { return false };
                let parent = &lex.orgs[i];
                std::iter::once(&parent.zh).chain(&parent.aliases).any(|n| m.label.starts_with(n.as_str()))
            })
        });
        if m.id.class == Class::Organization && let Some(parent) = parent && parent != m.id && mentioned(&parent) {
            out.push(rel(&m.id, "subOrganizationOf", &parent));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The organization the document names most often (top-level ones only).
pub fn main_organization(mentions: &[Candidate]) -> Option<EntityId> {
    let mut counts: Vec<(&EntityId, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.id.class != Class::Organization || m.parent.is_some() {
            continue;
        }
        match counts.iter_mut().find(|(id, _, _)| *id == &m.id) {
            Some(c) => c.1 += 1,
            None => counts.push((&m.id, 1, i)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first))).map(|(id, _, _)| id.clone())
}

fn skip_parenthesis(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('（')
        && let Some(end) = rest.find('）')
    {
        return &rest[end + '）'.len_utf8()..];
    }
    s
}
