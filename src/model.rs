//! The annotation model: what extraction produces and graph building consumes.
//!
//! Spans in this module are byte ranges of a document's *normalised* text
//! ([`crate::input::Document::norm`]); graph building turns them into code-point
//! offsets of the original text.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use crate::vocab::dg;

/// The entity classes of SCHEMA.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    State,
    Organization,
    Agreement,
    Person,
    Place,
    Event,
    Date,
    MonetaryAmount,
}

impl Class {
    pub const ALL: [Class; 8] = [
        Class::State,
        Class::Organization,
        Class::Agreement,
        Class::Person,
        Class::Place,
        Class::Event,
        Class::Date,
        Class::MonetaryAmount,
    ];

    /// The class's IRI (`dg:State` …).
    pub fn iri(self) -> &'static str {
        match self {
            Class::State => dg::STATE,
            Class::Organization => dg::ORGANIZATION,
            Class::Agreement => dg::AGREEMENT,
            Class::Person => dg::PERSON,
            Class::Place => dg::PLACE,
            Class::Event => dg::EVENT,
            Class::Date => dg::DATE,
            Class::MonetaryAmount => dg::MONETARY_AMOUNT,
        }
    }

    /// The local name (`State`, …), as in `dg:State`.
    pub fn name(self) -> &'static str {
        match self {
            Class::State => "State",
            Class::Organization => "Organization",
            Class::Agreement => "Agreement",
            Class::Person => "Person",
            Class::Place => "Place",
            Class::Event => "Event",
            Class::Date => "Date",
            Class::MonetaryAmount => "MonetaryAmount",
        }
    }

    pub fn from_name(name: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The path segment of this class's resource IRIs (`dgr:org/…`).
    pub fn segment(self) -> &'static str {
        match self {
            Class::State => "state",
            Class::Organization => "org",
            Class::Agreement => "agreement",
            Class::Person => "person",
            Class::Place => "place",
            Class::Event => "event",
            Class::Date => "date",
            Class::MonetaryAmount => "amount",
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The identity of an entity: its class and a stable key (ISO code for states, the
/// canonical label for most others, the ISO value for dates).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId {
    pub class: Class,
    pub key: String,
}

impl EntityId {
    pub fn new(class: Class, key: impl Into<String>) -> EntityId {
        EntityId {
            class,
            key: key.into(),
        }
    }
}

/// Knowledge from the lexicon about an entity (not stated by the text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Knowledge {
    pub en: Option<String>,
    pub qid: Option<String>,
    pub iso3: Option<String>,
    /// Lexicon relations: (property, object).
    pub relations: Vec<(Property, EntityId)>,
}

/// An entity as one document knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: EntityId,
    /// Canonical Chinese label (simplified, without 《》 or quotes).
    pub label: String,
    /// Other names seen in the text (as printed).
    pub alt_labels: Vec<String>,
    /// `dg:value` of a date (ISO 8601) or amount (decimal).
    pub value: Option<String>,
    /// `dg:currency` of an amount (ISO 4217).
    pub currency: Option<String>,
    pub knowledge: Knowledge,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Range<usize>,
    pub entity: EntityId,
    /// What produced it: `lexicon:states.tsv#中国`, `rule:title-brackets` …
    pub rule: String,
}

/// The `dg:` properties that relate an entity to an entity, or a document to one (its
/// fields), per SCHEMA.md "Relations between entities" and "Documents".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Property {
    MemberOf,
    ChairOf,
    HeadOf,
    SubOrganizationOf,
    Signatory,
    Date,
    Location,
    Author,
    DeliveredAt,
}

impl Property {
    /// Every property, in the order reports and drawings list them.
    pub const ALL: [Property; 9] = [
        Property::MemberOf,
        Property::ChairOf,
        Property::HeadOf,
        Property::SubOrganizationOf,
        Property::Signatory,
        Property::Date,
        Property::Location,
        Property::Author,
        Property::DeliveredAt,
    ];

    /// The properties between two entities (what the relation score counts).
    pub const BETWEEN_ENTITIES: [Property; 7] = [
        Property::MemberOf,
        Property::ChairOf,
        Property::HeadOf,
        Property::SubOrganizationOf,
        Property::Signatory,
        Property::Date,
        Property::Location,
    ];

    /// The document fields that are relations of the document (`@docN` in gold files).
    pub const DOCUMENT_FIELDS: [Property; 5] = [
        Property::Author,
        Property::Date,
        Property::Location,
        Property::DeliveredAt,
        Property::Signatory,
    ];

    /// The local name (`memberOf` …), as in `dg:memberOf`.
    pub fn name(self) -> &'static str {
        self.iri().trim_start_matches(dg::NS)
    }

    pub fn iri(self) -> &'static str {
        match self {
            Property::MemberOf => dg::MEMBER_OF,
            Property::ChairOf => dg::CHAIR_OF,
            Property::HeadOf => dg::HEAD_OF,
            Property::SubOrganizationOf => dg::SUB_ORGANIZATION_OF,
            Property::Signatory => dg::SIGNATORY,
            Property::Date => dg::DATE_PROP,
            Property::Location => dg::LOCATION,
            Property::Author => dg::AUTHOR,
            Property::DeliveredAt => dg::DELIVERED_AT,
        }
    }

    pub fn from_name(name: &str) -> Option<Property> {
        Property::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// Ordered by name, so that relations sort as their properties' names do.
impl Ord for Property {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for Property {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A relation between two entities, stated or implied by the text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Relation {
    pub subject: EntityId,
    pub property: Property,
    pub object: EntityId,
}

/// The speech acts of SCHEMA.md "Statements and proposals": name, IRI and CAMEO code in
/// one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Propose,
    CallFor,
    Decide,
    Commit,
    Support,
    Welcome,
    Praise,
    Affirm,
    Oppose,
}

impl Act {
    pub const ALL: [Act; 9] = [
        Act::Propose,
        Act::CallFor,
        Act::Decide,
        Act::Commit,
        Act::Support,
        Act::Welcome,
        Act::Praise,
        Act::Affirm,
        Act::Oppose,
    ];

    /// The local name (`Propose` …), as in `dg:Propose`.
    pub fn name(self) -> &'static str {
        match self {
            Act::Propose => "Propose",
            Act::CallFor => "CallFor",
            Act::Decide => "Decide",
            Act::Commit => "Commit",
            Act::Support => "Support",
            Act::Welcome => "Welcome",
            Act::Praise => "Praise",
            Act::Affirm => "Affirm",
            Act::Oppose => "Oppose",
        }
    }

    pub fn from_name(name: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The act individual's IRI (`dg:Propose` …).
    pub fn iri(self) -> String {
        dg::act(self.name())
    }

    /// Is the act forward-looking (a statement with it is a `dg:Proposal`)?
    pub fn is_proposal(self) -> bool {
        matches!(
            self,
            Act::Propose | Act::CallFor | Act::Decide | Act::Commit
        )
    }

    /// The CAMEO code of the act; a commitment of money is material aid (0331).
    pub fn cameo_code(self, with_amount: bool) -> &'static str {
        match self {
            Act::Propose | Act::CallFor => "020",
            Act::Commit if with_amount => "0331",
            Act::Commit | Act::Decide => "030",
            Act::Support | Act::Welcome | Act::Praise => "051",
            Act::Affirm => "010",
            Act::Oppose => "111",
        }
    }
}

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A speech act (SCHEMA.md "Statements and proposals").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The whole sentence.
    pub sentence: Range<usize>,
    pub actor: EntityId,
    pub act: Act,
    /// The cue word as printed in the normalised text.
    pub cue: String,
    /// The rule that fired.
    pub rule: String,
    pub concerns: Vec<EntityId>,
    pub amount: Option<EntityId>,
    pub date: Option<EntityId>,
}

impl Statement {
    /// Is the act forward-looking (`dg:Proposal`)?
    pub fn is_proposal(&self) -> bool {
        self.act.is_proposal()
    }

    /// The CAMEO code of the statement's act.
    pub fn cameo_code(&self) -> &'static str {
        self.act.cameo_code(self.amount.is_some())
    }
}

/// The kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Speech,
    Declaration,
    /// A declaration of two or more states in their own names (联合声明): also a
    /// declaration.
    JointStatement,
    /// 新闻公报, 联合公报: a plain document.
    Communique,
    /// An agency's report about a meeting, with its own headline and dateline: a plain
    /// document.
    NewsReport,
    Document,
}

impl DocKind {
    /// Whether the document speaks in its own voice for those who adopted it (a
    /// declaration or a joint statement: its unnamed subjects are its organization or
    /// its parties).
    pub fn is_declaration(self) -> bool {
        matches!(self, DocKind::Declaration | DocKind::JointStatement)
    }
}

/// Document fields of SCHEMA.md "Documents".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocFields {
    pub title: Option<String>,
    pub author: Option<EntityId>,
    pub signatories: Vec<EntityId>,
    pub date: Option<EntityId>,
    pub location: Option<EntityId>,
    pub delivered_at: Option<EntityId>,
}

/// One document with everything extracted from it.
#[derive(Debug, Clone)]
pub struct Annotated {
    pub doc: crate::input::Document,
    pub kind: DocKind,
    pub fields: DocFields,
    pub entities: BTreeMap<EntityId, Entity>,
    pub mentions: Vec<Mention>,
    pub relations: Vec<Relation>,
    pub statements: Vec<Statement>,
    /// Sentence spans, in order.
    pub sentences: Vec<Range<usize>>,
    /// The organization the document speaks for or about (its title's, its event's, or
    /// the one it names most often): who 成员国 and 我们 are in a declaration.
    pub organization: Option<EntityId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_vocabularies_round_trip_and_name_their_iris() {
        for c in Class::ALL {
            assert_eq!(Class::from_name(c.name()), Some(c));
            assert_eq!(c.iri(), format!("{}{}", dg::NS, c.name()));
        }
        for p in Property::ALL {
            assert_eq!(Property::from_name(p.name()), Some(p));
            assert_eq!(p.iri(), format!("{}{}", dg::NS, p.name()));
        }
        for a in Act::ALL {
            assert_eq!(Act::from_name(a.name()), Some(a));
            assert_eq!(a.iri(), format!("{}{}", dg::NS, a.name()));
        }
        assert_eq!(Act::from_name("Threaten"), None);
        assert_eq!(Property::from_name("knows"), None);
    }

    #[test]
    fn properties_sort_by_name_and_acts_carry_their_cameo_codes() {
        let mut ps = Property::ALL.to_vec();
        ps.sort();
        let names: Vec<&str> = ps.iter().map(|p| p.name()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(Act::Commit.cameo_code(true), "0331");
        assert_eq!(Act::Commit.cameo_code(false), "030");
        assert_eq!(Act::Oppose.cameo_code(false), "111");
        let proposals: Vec<Act> = Act::ALL.into_iter().filter(|a| a.is_proposal()).collect();
        assert_eq!(
            proposals,
            [Act::Propose, Act::CallFor, Act::Decide, Act::Commit]
        );
    }
}
