//! The annotation model: what extraction produces and graph building consumes.
//!
//! Spans in this module are byte ranges of a document's *normalised* text
//! ([`crate::input::Document::norm`]); graph building turns them into code-point
//! offsets of the original text.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

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
    /// Lexicon relations: (property local name, object).
    pub relations: Vec<(&'static str, EntityId)>,
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

/// A relation between two entities, stated or implied by the text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Relation {
    pub subject: EntityId,
    /// Local name of the `dg:` property (`memberOf` …).
    pub property: &'static str,
    pub object: EntityId,
}

/// A speech act (SCHEMA.md "Statements and proposals").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The whole sentence.
    pub sentence: Range<usize>,
    pub actor: EntityId,
    /// Local name of the act (`Propose` …).
    pub act: String,
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
        matches!(
            self.act.as_str(),
            "Propose" | "CallFor" | "Decide" | "Commit"
        )
    }

    /// The CAMEO code of the act.
    pub fn cameo_code(&self) -> &'static str {
        match self.act.as_str() {
            "Propose" | "CallFor" => "020",
            "Commit" if self.amount.is_some() => "0331",
            "Commit" | "Decide" => "030",
            "Support" | "Welcome" | "Praise" => "051",
            "Affirm" => "010",
            "Oppose" => "111",
            _ => "010",
        }
    }
}

/// The kind of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Speech,
    Declaration,
    Document,
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
