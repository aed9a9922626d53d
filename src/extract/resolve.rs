//! Overlaps: which candidates become mentions.
//!
//! **Longest first**, on purpose: candidates are taken in order of length (code points,
//! longest first; ties go to the leftmost, then to the earlier source: lexicon, titles,
//! persons, rules), and one that overlaps a taken candidate is dropped. For nested
//! names this is leftmost-longest (上海合作组织地区反恐机构 over 上海合作组织); for names that
//! cross (增加尼泊尔: 加尼 or 尼泊尔?) the longer wins, which is right far more often than
//! the leftmost. Candidates marked `nested` (a 〈〉 title inside a 《》 title, the war
//! inside its anniversary) are kept inside the one they nest in, and may hold one another.

use super::names::Candidate;

/// The candidates that become mentions, in text order.
pub fn resolve(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // stable: the caller's order (source rank) breaks the remaining ties
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    let mut taken: Vec<Candidate> = Vec::new();
    let mut nested: Vec<Candidate> = Vec::new();
    for c in candidates {
        let overlaps = |t: &Candidate| c.span.start < t.span.end && t.span.start < c.span.end;
        if c.nested {
            nested.push(c);
        } else if !taken.iter().any(overlaps) {
            taken.push(c);
        }
    }
    let mut inner: Vec<Candidate> = Vec::new();
    for c in nested {
        let inside = taken
            .iter()
            .any(|t| t.span.start <= c.span.start && c.span.end <= t.span.end && t.span != c.span);
        // (one nested name may hold another: the organization inside the meeting inside a
        // title, 金砖国家 in 金砖国家领导人第十次会晤 in its 宣言; two may not cross or coincide,
        // nor one hold a shorter name of the same entity)
        let contains = |a: &Candidate, b: &Candidate| {
            a.span.start <= b.span.start && b.span.end <= a.span.end && a.span != b.span
        };
        let clash = inner
            .iter()
            .filter(|t| t.id == c.id || (!contains(t, &c) && !contains(&c, t)))
            .chain(taken.iter().filter(|t| t.span == c.span))
            .any(|t| c.span.start < t.span.end && t.span.start < c.span.end);
        if inside && !clash {
            inner.push(c);
        }
    }
    taken.extend(inner);
    taken.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Class, EntityId, Knowledge};

    fn cand(span: std::ops::Range<usize>, key: &str, nested: bool) -> Candidate {
        Candidate {
            span,
            id: EntityId::new(Class::Organization, key),
            label: key.into(),
            rule: "test".into(),
            knowledge: Knowledge::default(),
            nested,
            parent: None,
        }
    }

    #[test]
    fn longest_wins_nested_and_crossing() {
        let kept = resolve(vec![
            cand(0..6, "short", false),
            cand(0..12, "long", false),
            cand(9..15, "cross", false),
        ]);
        assert_eq!(
            kept.iter().map(|c| c.id.key.as_str()).collect::<Vec<_>>(),
            ["long"]
        );
        let kept = resolve(vec![
            cand(3..9, "加尼", false),
            cand(6..15, "尼泊尔", false),
        ]);
        assert_eq!(
            kept.iter().map(|c| c.id.key.as_str()).collect::<Vec<_>>(),
            ["尼泊尔"]
        );
    }

    #[test]
    fn nested_titles_stay_inside() {
        let kept = resolve(vec![
            cand(0..30, "outer", false),
            cand(3..12, "inner", true),
            cand(40..50, "alone", true),
        ]);
        assert_eq!(
            kept.iter().map(|c| c.id.key.as_str()).collect::<Vec<_>>(),
            ["outer", "inner"]
        );
        // a nested name inside a nested name is kept; one that crosses it, or has its
        // span, is not
        let kept = resolve(vec![
            cand(0..30, "title", false),
            cand(0..12, "meeting", true),
            cand(0..4, "organization", true),
            cand(10..16, "crossing", true),
            cand(0..12, "same", true),
        ]);
        assert_eq!(
            kept.iter().map(|c| c.id.key.as_str()).collect::<Vec<_>>(),
            ["title", "meeting", "organization"]
        );
    }
}
