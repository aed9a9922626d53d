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
//!   (上合组织实业家委员会 → 上海合作组织), where that one is mentioned too (in any document
//!   of the file: relations to entities the file never mentions are dropped there).
//! - `signatory`, `date`, `location` of agreements and events: walking left from the
//!   agreement or event over "glue" (的, 在, 于, 举行, 签署, 商定, 、, 和 …), a date gives its
//!   date, a place after 在 its location, and states, organizations and persons before a
//!   signing verb its signatories; E于D在P举行 and D是E are read too.

use std::sync::LazyLock;

use regex::Regex;

use super::fields::Fields;
use super::names::Candidate;
use crate::lexicon::Lexicon;
use crate::model::{Class, EntityId, Property, Relation};

fn rel(subject: &EntityId, property: Property, object: &EntityId) -> Relation {
    Relation {
        subject: subject.clone(),
        property,
        object: object.clone(),
    }
}

/// Sentence-like stretches for relation rules: split at 。！？；, and line ends; a stretch
/// longer than [`super::statements::MAX_SENTENCE`] (a text without punctuation) is cut
/// after its last comma before that length, or at it, so the rules' work stays linear.
fn stretches(norm: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |mut s: usize, e: usize| {
        while e - s > super::statements::MAX_SENTENCE {
            let mut limit = s + super::statements::MAX_SENTENCE;
            while !norm.is_char_boundary(limit) {
                limit -= 1;
            }
            let cut = norm[s..limit]
                .rfind('，')
                .map_or(limit, |i| s + i + '，'.len_utf8());
            out.push(s..cut);
            s = cut;
        }
        out.push(s..e);
    };
    for (i, c) in norm.char_indices() {
        if matches!(c, '。' | '！' | '？' | '；' | '\n') {
            push(start, i);
            start = i + c.len_utf8();
        }
    }
    push(start, norm.len());
    out
}

static GLUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:《|》|〈|〉|“|”|的|在|于|举行|举办|召开|签署|签订|共同签署|正式签署|商定|批准|通过|缔结|外长|外交部长|领导人|元首|首脑|代表|期间|，|、|及|和|与|同|共同|发表|上|分别|已|将|主办|承办|庆祝|纪念|隆重|开幕|闭幕)*$").unwrap()
});
const SIGNING: &[&str] = &["签署", "签订", "商定", "缔结"];
const LIST_SEPARATORS: &[&str] = &["、", "和", "及", "与", "以及"];

/// The states listed from the start of `ms`: S1、S2…和Sn.
fn state_list<'a>(norm: &str, ms: &[&'a Candidate]) -> Vec<&'a Candidate> {
    let mut out: Vec<&Candidate> = Vec::new();
    for m in ms {
        if m.id.class != Class::State {
            break;
        }
        if let Some(last) = out.last()
            && !LIST_SEPARATORS.contains(&&norm[last.span.end..m.span.start])
        {
            break;
        }
        out.push(m);
    }
    out
}

/// Is the place at `start` introduced by 在 or 于 (perhaps with its state between: 在泰国曼谷)?
fn after_at(norm: &str, start: usize, ms: &[&Candidate]) -> bool {
    let before = match ms
        .iter()
        .find(|s| s.id.class == Class::State && s.span.end == start)
    {
        Some(s) => &norm[..s.span.start],
        None => &norm[..start],
    };
    before.ends_with('在') || before.ends_with('于')
}

pub fn find(lex: &Lexicon, norm: &str, mentions: &[Candidate], fields: &Fields) -> Vec<Relation> {
    let mut out = Vec::new();

    // headOf from title lines and from 国名+职务+姓名 in running text
    let mut heads: Vec<(EntityId, EntityId)> = Vec::new();
    let mut state_ending_at: std::collections::HashMap<usize, &Candidate> =
        std::collections::HashMap::new();
    for s in mentions.iter().filter(|s| s.id.class == Class::State) {
        state_ending_at.entry(s.span.end).or_insert(s);
    }
    for m in mentions.iter().filter(|m| m.id.class == Class::Person) {
        // a state and its title stand just before the name: 48 characters are enough
        let from = super::names::back(norm, m.span.start, 48);
        let line_start = norm[from..m.span.start]
            .rfind('\n')
            .map_or(from, |i| from + i + 1);
        let before = norm[line_start..m.span.start].trim_end_matches([' ', '\t', '\u{3000}']);
        let Some((t, title)) = lex.find_titles(before).last() else {
            continue;
        };
        if t.end != before.len() || !title.role.heads_state() {
            continue;
        }
        let title_start = line_start + t.start;
        if let Some(state) = state_ending_at.get(&title_start) {
            heads.push((m.id.clone(), state.id.clone()));
            out.push(rel(&m.id, Property::HeadOf, &state.id));
        }
    }

    // memberOf from a declaration of "X成员国元首" signed by heads of state
    if !fields.fields.signatories.is_empty() {
        // the organization whose 成员国元首 speak, or whose meeting adopted the document
        let org = mentions
            .iter()
            .find(|m| {
                m.id.class == Class::Organization && {
                    let after = skip_parenthesis(&norm[m.span.end..]);
                    after.starts_with("成员国元首")
                        || after.starts_with("成员国领导人")
                        || after.starts_with("成员国政府首脑")
                }
            })
            .or_else(|| {
                let event = fields.fields.delivered_at.as_ref()?;
                let e = mentions.iter().find(|m| &m.id == event)?;
                mentions
                    .iter()
                    .filter(|m| m.id.class == Class::Organization)
                    .find(|o| e.label.starts_with(o.label.as_str()))
            });
        if let Some(org) = org {
            for p in &fields.fields.signatories {
                for (person, state) in &heads {
                    if person == p {
                        out.push(rel(state, Property::MemberOf, &org.id));
                    }
                }
            }
        }
    }

    let main_org = voice_organization(mentions, fields);
    for range in stretches(norm) {
        let ms: Vec<&Candidate> = mentions
            .iter()
            .filter(|m| range.start <= m.span.start && m.span.end <= range.end && !m.nested)
            .collect();
        let gap = |a: usize, b: usize| &norm[a..b];
        for (k, m) in ms.iter().enumerate() {
            let next = ms.get(k + 1);
            let prev = k.checked_sub(1).map(|i| ms[i]);
            // memberOf: X成员国S1、S2和S3 / S是X成员国 / S加入X / 作为X成员国，S
            if m.id.class == Class::Organization && next.is_some_and(|n| n.id.class == Class::State)
            {
                let g = gap(m.span.end, ms[k + 1].span.start);
                if g == "成员国" || g == "成员国领导人" {
                    for s in state_list(norm, &ms[k + 1..]) {
                        out.push(rel(&s.id, Property::MemberOf, &m.id));
                    }
                }
                if norm[range.start..m.span.start].ends_with("作为")
                    && (g == "成员国，" || g == "成员，")
                {
                    out.push(rel(&ms[k + 1].id, Property::MemberOf, &m.id));
                }
            }
            // S1、S2和S3等成员国: members of the document's organization
            if m.id.class == Class::State
                && prev.is_none_or(|p| {
                    p.id.class != Class::State
                        || !LIST_SEPARATORS.contains(&gap(p.span.end, m.span.start))
                })
            {
                let list = state_list(norm, &ms[k..]);
                let last = list.last().map_or(m.span.end, |s| s.span.end);
                let after = &norm[last..range.end];
                if (after.starts_with("等成员国") || after.starts_with("成员国"))
                    && !norm[range.start..m.span.start].ends_with("成员国")
                {
                    if let Some(org) = &main_org {
                        for s in &list {
                            out.push(rel(&s.id, Property::MemberOf, org));
                        }
                    }
                }
                // S1、S2等X成员: members of X
                let org = ms.iter().find(|n| n.span.start >= last).filter(|n| {
                    n.id.class == Class::Organization
                        && matches!(&norm[last..n.span.start], "等" | "")
                });
                if let Some(org) = org
                    && norm[org.span.end..range.end].starts_with("成员")
                {
                    for s in &list {
                        out.push(rel(&s.id, Property::MemberOf, &org.id));
                    }
                }
            }
            if m.id.class == Class::State
                && let Some(n) = next
                && n.id.class == Class::Organization
            {
                let g = gap(m.span.end, n.span.start);
                let after = &norm[n.span.end..range.end];
                if (g == "是" || g == "作为")
                    && (after.starts_with("成员国") || after.starts_with("成员"))
                    || g == "加入"
                    || g == "正式加入"
                {
                    out.push(rel(&m.id, Property::MemberOf, &n.id));
                }
            }
            // chairOf: 主席国S
            if m.id.class == Class::State && norm[range.start..m.span.start].ends_with("主席国")
            {
                let before = &norm[range.start..m.span.start - "主席国".len()];
                let org = prev
                    .filter(|p| {
                        p.id.class == Class::Organization
                            && before.trim_end_matches("轮值").len() == p.span.end - range.start
                    })
                    .map(|p| p.id.clone());
                if let Some(org) = org.or_else(|| main_org.clone()) {
                    out.push(rel(&m.id, Property::ChairOf, &org));
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
                            if let Some(s) = ms.iter().find(|s| {
                                s.id.class == Class::State
                                    && s.span.start >= comma
                                    && norm[comma..s.span.start]
                                        .trim_start_matches('，')
                                        .is_empty()
                            }) {
                                out.push(rel(&s.id, Property::ChairOf, &m.id));
                            }
                        } else if let Some(s) =
                            ms[..k].iter().rev().find(|s| s.id.class == Class::State)
                        {
                            // S担任/接任…X主席国, S作为(D)X主席国
                            let between = &norm[s.span.end..m.span.start];
                            let dated = ms[..k]
                                .iter()
                                .filter(|d| d.span.start >= s.span.end)
                                .all(|d| d.id.class == Class::Date);
                            if ["担任", "接任", "出任"].iter().any(|v| between.contains(v))
                                || (between.starts_with("作为")
                                    && dated
                                    && between.chars().count() <= 14)
                            {
                                out.push(rel(&s.id, Property::ChairOf, &m.id));
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
                            out.push(rel(&m.id, Property::Date, &p.id));
                            got_date = true;
                            break;
                        }
                        Class::Place if !got_place && after_at(norm, p.span.start, &ms) => {
                            out.push(rel(&m.id, Property::Location, &p.id));
                            got_place = true;
                        }
                        Class::State | Class::Organization | Class::Person
                            if signing && m.id.class == Class::Agreement =>
                        {
                            out.push(rel(&m.id, Property::Signatory, &p.id));
                        }
                        Class::Event => {}
                        Class::State | Class::Organization | Class::Person => {}
                        _ => break,
                    }
                    right_edge = p.span.start;
                }
                // E于D在P举行, E将于D在S P举行, D是E
                let mut left_edge = m.span.end;
                let mut at_state = false;
                for n in &ms[k + 1..] {
                    let g = gap(left_edge, n.span.start);
                    match n.id.class {
                        Class::Date
                            if !got_date && matches!(g, "于" | "将于" | "已于" | "定于" | "") =>
                        {
                            out.push(rel(&m.id, Property::Date, &n.id));
                            got_date = true;
                        }
                        Class::State if matches!(g, "在" | "将在" | "已在") => at_state = true,
                        Class::Place
                            if !got_place
                                && (matches!(g, "在" | "将在" | "已在")
                                    || (at_state && g.is_empty())) =>
                        {
                            out.push(rel(&m.id, Property::Location, &n.id));
                            got_place = true;
                        }
                        _ => break,
                    }
                    left_edge = n.span.end;
                }
                if !got_date
                    && let Some(p) = prev
                    && p.id.class == Class::Date
                    && gap(p.span.end, m.span.start) == "是"
                {
                    out.push(rel(&m.id, Property::Date, &p.id));
                }
            }
        }
    }

    // subOrganizationOf: names that begin with their parent's
    for m in mentions {
        let parent = m.parent.clone().or_else(|| {
            m.knowledge
                .relations
                .iter()
                .find(|(p, _)| *p == Property::SubOrganizationOf)
                .map(|(_, o)| o.clone())
                .filter(|o| {
                    let Some(i) = lex.org(&o.key) else {
                        return false;
                    };
                    let parent = &lex.orgs[i];
                    std::iter::once(&parent.zh)
                        .chain(&parent.aliases)
                        .any(|n| m.label.starts_with(n.as_str()))
                })
        });
        // (kept only if the parent is mentioned somewhere in the file: see coref)
        if m.id.class == Class::Organization
            && let Some(parent) = parent
            && parent != m.id
        {
            out.push(rel(&m.id, Property::SubOrganizationOf, &parent));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The organization a document speaks for or about: the one its title names, or the one
/// its event belongs to, or else the one it names most often.
pub fn voice_organization(mentions: &[Candidate], fields: &Fields) -> Option<EntityId> {
    let top = |m: &&Candidate| m.id.class == Class::Organization && m.parent.is_none();
    // the organization an event's or document's name begins with
    let owner = |e: &Candidate| {
        mentions
            .iter()
            .filter(top)
            .find(|o| e.label.starts_with(o.label.as_str()))
            .map(|o| o.id.clone())
    };
    if let Some(t) = &fields.title_span {
        for m in mentions
            .iter()
            .filter(|m| t.start <= m.span.start && m.span.end <= t.end)
        {
            match m.id.class {
                Class::Organization if m.parent.is_none() => return Some(m.id.clone()),
                Class::Event | Class::Agreement => {
                    if let Some(o) = owner(m) {
                        return Some(o);
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(event) = &fields.fields.delivered_at
        && let Some(o) = mentions.iter().find(|m| &m.id == event).and_then(owner)
    {
        return Some(o);
    }
    main_organization(mentions)
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
    counts
        .into_iter()
        .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first)))
        .map(|(id, _, _)| id.clone())
}

fn skip_parenthesis(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix('（')
        && let Some(end) = rest.find('）')
    {
        return &rest[end + '）'.len_utf8()..];
    }
    s
}
