//! Vocabulary: every IRI the graph uses, typed once.
//!
//! One module per namespace, as constants. The rest of the crate names terms through
//! these modules only, so no IRI string is written twice (the ontology file
//! `ontology/diplograph.ttl` declares every `dg:` term listed here).

/// Namespace prefixes, in the order the RDF writers declare them and SPARQL predeclares
/// them. The per-class resource namespaces come before `dgr:` so that an entity reads
/// `state:CHN`, `organization:上海合作组织` in Turtle and in query results.
pub const PREFIXES: &[(&str, &str)] = &[
    ("dg", dg::NS),
    ("state", "https://w3id.org/diplograph/id/state/"),
    ("organization", "https://w3id.org/diplograph/id/org/"),
    ("agreement", "https://w3id.org/diplograph/id/agreement/"),
    ("person", "https://w3id.org/diplograph/id/person/"),
    ("place", "https://w3id.org/diplograph/id/place/"),
    ("event", "https://w3id.org/diplograph/id/event/"),
    ("date", "https://w3id.org/diplograph/id/date/"),
    ("amount", "https://w3id.org/diplograph/id/amount/"),
    ("dgr", dgr::NS),
    ("nif", nif::NS),
    ("itsrdf", itsrdf::NS),
    ("rdf", rdf::NS),
    ("rdfs", rdfs::NS),
    ("skos", skos::NS),
    ("dcterms", dcterms::NS),
    ("prov", prov::NS),
    ("time", time::NS),
    ("xsd", xsd::NS),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("wd", "http://www.wikidata.org/entity/"),
];

macro_rules! terms {
    ($ns:expr; $($name:ident = $local:expr),* $(,)?) => {
        pub const NS: &str = $ns;
        $(pub const $name: &str = concat!($ns, $local);)*
    };
}

/// `dg:` — classes, properties and act types of diplograph.
pub mod dg {
    terms! { "https://w3id.org/diplograph/ns#";
        STATE = "State", ORGANIZATION = "Organization", AGREEMENT = "Agreement",
        PERSON = "Person", PLACE = "Place", EVENT = "Event", DATE = "Date",
        MONETARY_AMOUNT = "MonetaryAmount",
        DOCUMENT = "Document", SPEECH = "Speech", DECLARATION = "Declaration",
        JOINT_STATEMENT = "JointStatement", COMMUNIQUE = "Communique", NEWS_REPORT = "NewsReport",
        STATEMENT = "Statement", PROPOSAL = "Proposal", ACT = "Act",
        MEMBER_OF = "memberOf", CHAIR_OF = "chairOf", HEAD_OF = "headOf",
        SUB_ORGANIZATION_OF = "subOrganizationOf", SIGNATORY = "signatory",
        DATE_PROP = "date", LOCATION = "location",
        VALUE = "value", CURRENCY = "currency",
        SEQUENCE = "sequence", SOURCE_FILE = "sourceFile", AUTHOR = "author",
        DELIVERED_AT = "deliveredAt",
        ACTOR = "actor", ACT_PROP = "act", SENTENCE = "sentence", CONCERNS = "concerns",
        AMOUNT = "amount", CAMEO_CODE = "cameoCode", RULE = "rule", MADE = "made", CUE = "cue",
        STATEMENTS = "statements", YEAR = "year", DOCUMENTS = "documents",
        ISO3 = "iso3166Alpha3", REPAIR = "repair",
        INPUT_FILE = "InputFile", FILE_NAME = "fileName", CONTENT_HASH = "contentHash",
        BUILT_WITH = "builtWith", PATH = "path", COUNTS = "counts",
    }
    /// The IRI of an act individual (`dg:Propose`, …).
    pub fn act(local: &str) -> String {
        format!("{NS}{local}")
    }
}

/// `dgr:` — resources: entities, documents, statements.
pub mod dgr {
    terms! { "https://w3id.org/diplograph/id/";
        ONTOLOGY_GRAPH = "graph/ontology", ENTITIES_GRAPH = "graph/entities",
        LEXICON_GRAPH = "graph/lexicon", SUMMARY_GRAPH = "graph/summary",
    }
}

/// NIF 2.0 core.
pub mod nif {
    terms! { "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        CONTEXT = "Context", PHRASE = "Phrase", SENTENCE = "Sentence",
        OFFSET_BASED_STRING = "OffsetBasedString", RFC5147_STRING = "RFC5147String",
        IS_STRING = "isString", REFERENCE_CONTEXT = "referenceContext",
        BEGIN_INDEX = "beginIndex", END_INDEX = "endIndex", ANCHOR_OF = "anchorOf",
    }
}

/// ITS 2.0 RDF.
pub mod itsrdf {
    terms! { "http://www.w3.org/2005/11/its/rdf#"; TA_IDENT_REF = "taIdentRef" }
}

pub mod rdf {
    terms! { "http://www.w3.org/1999/02/22-rdf-syntax-ns#"; TYPE = "type" }
}

pub mod rdfs {
    terms! { "http://www.w3.org/2000/01/rdf-schema#"; LABEL = "label", COMMENT = "comment" }
}

pub mod skos {
    terms! { "http://www.w3.org/2004/02/skos/core#"; ALT_LABEL = "altLabel", EXACT_MATCH = "exactMatch" }
}

pub mod dcterms {
    terms! { "http://purl.org/dc/terms/"; TITLE = "title", IDENTIFIER = "identifier" }
}

pub mod prov {
    terms! { "http://www.w3.org/ns/prov#"; WAS_DERIVED_FROM = "wasDerivedFrom" }
}

pub mod xsd {
    terms! { "http://www.w3.org/2001/XMLSchema#";
        NON_NEGATIVE_INTEGER = "nonNegativeInteger", INTEGER = "integer", DECIMAL = "decimal",
        STRING = "string", DATE = "date", G_YEAR_MONTH = "gYearMonth", G_YEAR = "gYear",
    }
}

/// OWL-Time: dates as instants and intervals.
pub mod time {
    terms! { "http://www.w3.org/2006/time#";
        INSTANT = "Instant", INTERVAL = "Interval",
        IN_XSD_DATE = "inXSDDate", IN_XSD_G_YEAR_MONTH = "inXSDgYearMonth",
        IN_XSD_G_YEAR = "inXSDgYear", HAS_BEGINNING = "hasBeginning", HAS_END = "hasEnd",
    }
}

/// Wikidata entity IRIs (`wd:Q148`).
pub fn wikidata(qid: &str) -> String {
    format!("http://www.wikidata.org/entity/{qid}")
}
