//! Lexicons and rule tables: data files compiled once into automata.
//!
//! In: the tab-separated files of `data/lexicon/` (states, organizations, places,
//! persons, titles) and `data/rules/` (statement cues, head nouns, boundary words),
//! built into the binary, plus the same files from any directory the user names
//! (`--lexicon DIR`), whose rows add to the built-in ones or replace the row with the same
//! `zh` name (in `words.tsv`: the same list and word). Out: a [`Lexicon`] whose
//! [`Lexicon::entities`] automaton finds every surface form at once, and the word lists
//! the rules consult ([`Words`]). Guarantees: a bad row is an error naming its file, line
//! and what the row should be; the lexicon's fingerprint changes whenever any row does.
//!
//! Format, for every file: UTF-8; `#` starts a comment line; the first other line names
//! the columns; each further line holds exactly that many tab-separated cells (empty
//! cells allowed); several values in one cell are separated by `|`. A malformed line is
//! an error naming file and line.
//!
//! The entity automaton reports every occurrence, overlapping ones included; the
//! extractor keeps the longest (see `extract::resolve`). Titles match leftmost-longest
//! (外交部长 over 外交部).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::error::{Error, ErrorKind, Position, Result};
use crate::model::Act;
use crate::text::normalize;

mod words;
pub use words::{Currency, currencies};
pub use words::{List, WordRow, Words};

/// A sovereign state (UN member or observer).
#[derive(Debug, Clone)]
pub struct StateEntry {
    pub iso3: String,
    pub zh: String,
    pub en: String,
    /// One-character abbreviations (俄, 塔 …) from which X方 forms are made.
    pub abbr: Vec<String>,
    pub aliases: Vec<String>,
    pub qid: Option<String>,
}

/// An organization, organ, fund, bank, named group or news agency.
#[derive(Debug, Clone)]
pub struct OrgEntry {
    pub zh: String,
    pub en: String,
    pub aliases: Vec<String>,
    /// The `zh` of the organization it belongs to.
    pub parent: Option<String>,
    pub qid: Option<String>,
}

/// A city or a named region.
#[derive(Debug, Clone)]
pub struct PlaceEntry {
    pub zh: String,
    pub en: String,
    /// `capital`, `city` or `region`.
    pub kind: String,
    /// ISO 3166-1 alpha-3 of the state it lies in.
    pub country: Option<String>,
    pub aliases: Vec<String>,
    pub qid: Option<String>,
}

/// A named event no head-noun rule finds (wars, mostly).
#[derive(Debug, Clone)]
pub struct EventEntry {
    pub zh: String,
    pub en: String,
    pub aliases: Vec<String>,
    pub qid: Option<String>,
}

/// A person known by name.
#[derive(Debug, Clone)]
pub struct PersonEntry {
    pub zh: String,
    pub en: String,
    pub state: Option<String>,
    pub aliases: Vec<String>,
    pub qid: Option<String>,
}

/// The role a title gives its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    HeadOfState,
    HeadOfGovernment,
    Minister,
    Official,
    Royal,
    Honorific,
}

impl Role {
    /// Does the title make its holder the head (`dg:headOf`) of the state it names?
    pub fn heads_state(self) -> bool {
        matches!(
            self,
            Role::HeadOfState | Role::HeadOfGovernment | Role::Royal
        )
    }
}

#[derive(Debug, Clone)]
pub struct TitleEntry {
    pub zh: String,
    pub en: String,
    pub role: Role,
}

/// How a statement cue is read (see `data/rules/cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Verb,
    Modal,
    Future,
}

#[derive(Debug, Clone)]
pub struct CueEntry {
    pub cue: String,
    pub act: Act,
    pub kind: CueKind,
    pub blockers: Vec<String>,
}

/// An entity class a head noun gives.
#[derive(Debug, Clone)]
pub struct HeadEntry {
    pub class: crate::Class,
    pub head: String,
    pub bracketed_only: bool,
}

/// What a surface form found by the automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    State(usize),
    /// An X方 form of a state (塔方).
    StateSide(usize),
    Org(usize),
    Place(usize),
    Person(usize),
    Event(usize),
}

/// Every lexicon and rule table, compiled.
pub struct Lexicon {
    pub states: Vec<StateEntry>,
    pub orgs: Vec<OrgEntry>,
    pub places: Vec<PlaceEntry>,
    pub persons: Vec<PersonEntry>,
    pub events: Vec<EventEntry>,
    pub titles: Vec<TitleEntry>,
    pub cues: Vec<CueEntry>,
    pub heads: Vec<HeadEntry>,
    pub boundaries: Vec<String>,
    /// The word lists of `data/rules/words.tsv`.
    pub words: Words,
    not_names: AhoCorasick,
    entities: AhoCorasick,
    targets: Vec<Vec<Target>>,
    titles_ac: AhoCorasick,
    cues_ac: AhoCorasick,
    /// Head nouns that may stand bare (`any`), as written; pattern i is `heads[head_of[i]]`.
    heads_ac: AhoCorasick,
    head_of: Vec<usize>,
    /// Boundary words, and cues of more than one character, as written.
    boundaries_ac: AhoCorasick,
    cue_words_ac: AhoCorasick,
    org_by_name: HashMap<String, usize>,
    state_by_iso: HashMap<String, usize>,
    /// The states each one-character form (`abbr`) stands for, in table order.
    state_by_abbr: HashMap<char, Vec<usize>>,
    /// SHA-256 of every table it was compiled from (see [`Lexicon::fingerprint`]).
    fingerprint: String,
}

/// The file names a lexicon directory may hold.
pub const TABLES: [&str; 11] = [
    "states.tsv",
    "organizations.tsv",
    "places.tsv",
    "persons.tsv",
    "events.tsv",
    "titles.tsv",
    "cues.tsv",
    "heads.tsv",
    "boundaries.tsv",
    "not_names.tsv",
    "words.tsv",
];

/// A lexicon file's text: UTF-8 (a byte-order mark is dropped); bad bytes are reported
/// with their line, column and byte offset.
fn read_table(path: &Path) -> Result<String> {
    let lexicon = |e: Error| e.with_kind(ErrorKind::Lexicon);
    let bytes = std::fs::read(path).map_err(|e| lexicon(Error::io(path, e)))?;
    let decoded = crate::input::decode(path, &bytes, Some(encoding_rs::UTF_8)).map_err(lexicon)?;
    Ok(decoded.text)
}

#[derive(Default)]
struct Files {
    states: Vec<(PathBuf, String)>,
    organizations: Vec<(PathBuf, String)>,
    places: Vec<(PathBuf, String)>,
    persons: Vec<(PathBuf, String)>,
    events: Vec<(PathBuf, String)>,
    titles: Vec<(PathBuf, String)>,
    cues: Vec<(PathBuf, String)>,
    heads: Vec<(PathBuf, String)>,
    boundaries: Vec<(PathBuf, String)>,
    not_names: Vec<(PathBuf, String)>,
    words: Vec<(PathBuf, String)>,
}

impl Files {
    /// `sha256:` and the digest of every table's file name and text, in [`TABLES`] order
    /// (built-in rows first, then each `--lexicon` directory's).
    fn fingerprint(&mut self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for name in TABLES {
            for (path, text) in self.slot(name).iter() {
                let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
                for part in [file.unwrap_or_default().as_bytes(), text.as_bytes()] {
                    h.update((part.len() as u64).to_le_bytes());
                    h.update(part);
                }
            }
        }
        crate::store::ledger::hex_digest(&h.finalize())
    }

    fn slot(&mut self, name: &str) -> &mut Vec<(PathBuf, String)> {
        match name {
            "states.tsv" => &mut self.states,
            "organizations.tsv" => &mut self.organizations,
            "places.tsv" => &mut self.places,
            "persons.tsv" => &mut self.persons,
            "events.tsv" => &mut self.events,
            "titles.tsv" => &mut self.titles,
            "cues.tsv" => &mut self.cues,
            "heads.tsv" => &mut self.heads,
            "boundaries.tsv" => &mut self.boundaries,
            "not_names.tsv" => &mut self.not_names,
            _ => &mut self.words,
        }
    }
}

macro_rules! builtin {
    ($path:literal) => {
        vec![(
            PathBuf::from(concat!("(built-in) data/", $path)),
            include_str!(concat!("../../data/", $path)).to_string(),
        )]
    };
}

impl Lexicon {
    /// The built-in lexicons and rules.
    pub fn builtin() -> Lexicon {
        Lexicon::load(&[]).expect("the built-in lexicons are valid (checked by the test suite)")
    }

    /// The built-in lexicons, extended by the files of each directory in `dirs`
    /// (`states.tsv`, `organizations.tsv`, `places.tsv`, `persons.tsv`, `events.tsv`, `titles.tsv`,
    /// `cues.tsv`, `heads.tsv`, `boundaries.tsv`, `not_names.tsv`, `words.tsv`; any may be
    /// missing).
    pub fn load(dirs: &[PathBuf]) -> Result<Lexicon> {
        let mut files = Files {
            states: builtin!("lexicon/states.tsv"),
            organizations: builtin!("lexicon/organizations.tsv"),
            places: builtin!("lexicon/places.tsv"),
            persons: builtin!("lexicon/persons.tsv"),
            events: builtin!("lexicon/events.tsv"),
            titles: builtin!("lexicon/titles.tsv"),
            cues: builtin!("rules/cues.tsv"),
            heads: builtin!("rules/heads.tsv"),
            boundaries: builtin!("rules/boundaries.tsv"),
            not_names: builtin!("rules/not_names.tsv"),
            words: builtin!("rules/words.tsv"),
        };
        for dir in dirs {
            if !dir.is_dir() {
                return Err(Error::lexicon(
                    dir,
                    None,
                    "is not a directory of lexicon files (states.tsv, organizations.tsv, …)",
                ));
            }
            for name in TABLES {
                let path = dir.join(name);
                if path.exists() {
                    let text = read_table(&path)?;
                    files.slot(name).push((path, text));
                }
            }
        }
        Lexicon::compile(files)
    }

    /// A lexicon of only `tables` (a file name of [`TABLES`] and its text), without the
    /// built-in rows: for tests, and for fuzzing the loader. Errors as [`Lexicon::load`].
    pub fn from_tables(tables: &[(&str, &str)]) -> Result<Lexicon> {
        let mut files = Files::default();
        for (name, text) in tables {
            if !TABLES.contains(name) {
                return Err(Error::lexicon(
                    Path::new(name),
                    None,
                    format!("is not a lexicon file; use one of {}", TABLES.join(", ")),
                ));
            }
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
            files
                .slot(name)
                .push((PathBuf::from(name), text.to_string()));
        }
        Lexicon::compile(files)
    }

    fn compile(mut files: Files) -> Result<Lexicon> {
        let fingerprint = files.fingerprint();
        let states = rows(
            &files.states,
            &["iso3", "zh", "en", "abbr", "aliases", "status", "qid"],
            |c, _| {
                Ok(StateEntry {
                    iso3: c[0].to_string(),
                    zh: c[1].to_string(),
                    en: c[2].to_string(),
                    abbr: list(c[3]),
                    aliases: list(c[4]),
                    qid: opt(c[6]),
                })
            },
            |e| e.zh.clone(),
        )?;
        let orgs = rows(
            &files.organizations,
            &["zh", "en", "aliases", "parent", "qid"],
            |c, _| {
                Ok(OrgEntry {
                    zh: c[0].into(),
                    en: c[1].into(),
                    aliases: list(c[2]),
                    parent: opt(c[3]),
                    qid: opt(c[4]),
                })
            },
            |e| e.zh.clone(),
        )?;
        let places = rows(
            &files.places,
            &["zh", "en", "kind", "country", "aliases", "qid"],
            |c, _| {
                Ok(PlaceEntry {
                    zh: c[0].into(),
                    en: c[1].into(),
                    kind: c[2].into(),
                    country: opt(c[3]),
                    aliases: list(c[4]),
                    qid: opt(c[5]),
                })
            },
            |e| e.zh.clone(),
        )?;
        let persons = rows(
            &files.persons,
            &["zh", "en", "state", "aliases", "qid"],
            |c, _| {
                Ok(PersonEntry {
                    zh: c[0].into(),
                    en: c[1].into(),
                    state: opt(c[2]),
                    aliases: list(c[3]),
                    qid: opt(c[4]),
                })
            },
            |e| e.zh.clone(),
        )?;
        let events = rows(
            &files.events,
            &["zh", "en", "aliases", "qid"],
            |c, _| {
                Ok(EventEntry {
                    zh: c[0].into(),
                    en: c[1].into(),
                    aliases: list(c[2]),
                    qid: opt(c[3]),
                })
            },
            |e| e.zh.clone(),
        )?;
        let titles = rows(
            &files.titles,
            &["zh", "en", "role"],
            |c, at| {
                let role = match c[2] {
                    "head_of_state" => Role::HeadOfState,
                    "head_of_government" => Role::HeadOfGovernment,
                    "minister" => Role::Minister,
                    "official" => Role::Official,
                    "royal" => Role::Royal,
                    "honorific" => Role::Honorific,
                    other => {
                        return Err(at(format!(
                            "unknown role {other:?}; use head_of_state, head_of_government, minister, official, royal or honorific"
                        )));
                    }
                };
                Ok(TitleEntry {
                    zh: c[0].into(),
                    en: c[1].into(),
                    role,
                })
            },
            |e| e.zh.clone(),
        )?;
        let cues = rows(
            &files.cues,
            &["cue", "act", "kind", "blockers"],
            |c, at| {
                let Some(act) = Act::from_name(c[1]) else {
                    let names: Vec<&str> = Act::ALL.iter().map(|a| a.name()).collect();
                    return Err(at(format!(
                        "unknown act {:?}; use one of {}",
                        c[1],
                        names.join(", ")
                    )));
                };
                let kind = match c[2] {
                    "verb" => CueKind::Verb,
                    "modal" => CueKind::Modal,
                    "future" => CueKind::Future,
                    other => {
                        return Err(at(format!(
                            "unknown cue kind {other:?}; use verb, modal or future"
                        )));
                    }
                };
                Ok(CueEntry {
                    cue: c[0].into(),
                    act,
                    kind,
                    blockers: list(c[3]),
                })
            },
            |e| e.cue.clone(),
        )?;
        let heads = rows(
            &files.heads,
            &["class", "head", "where"],
            |c, at| {
                let class = crate::Class::from_name(c[0])
                    .ok_or_else(|| at(format!("unknown class {:?}", c[0])))?;
                let bracketed_only = match c[2] {
                    "any" => false,
                    "bracketed" => true,
                    other => {
                        return Err(at(format!(
                            "unknown placement {other:?}; use any or bracketed"
                        )));
                    }
                };
                Ok(HeadEntry {
                    class,
                    head: c[1].into(),
                    bracketed_only,
                })
            },
            |e| e.head.clone(),
        )?;
        let boundaries = rows(
            &files.boundaries,
            &["word"],
            |c, _| Ok(c[0].to_string()),
            |w| w.clone(),
        )?;
        let not_names_list = rows(
            &files.not_names,
            &["word"],
            |c, _| Ok(normalize(c[0])),
            |w| w.clone(),
        )?;
        let words = Words::new(rows(
            &files.words,
            &["list", "word", "value"],
            |c, at| {
                let list = List::from_name(c[0]).ok_or_else(|| {
                    let known: Vec<&str> = List::ALL.iter().map(|l| l.name()).collect();
                    at(format!(
                        "unknown word list {:?}; use one of {}",
                        c[0],
                        known.join(", ")
                    ))
                })?;
                if c[1].trim().is_empty() {
                    return Err(at("the word is empty".to_string()));
                }
                let value = c[2].trim();
                words::check_value(list, value).map_err(at)?;
                Ok(WordRow {
                    list,
                    word: c[1].trim().to_string(),
                    value: value.to_string(),
                })
            },
            |r| format!("{}\t{}", r.list.name(), normalize(&r.word)),
        )?);
        let not_names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&not_names_list)
            .map_err(|e| {
                Error::new(
                    ErrorKind::Lexicon,
                    format!("cannot compile the not-a-name automaton: {e}"),
                )
            })?;

        let mut surface: HashMap<String, Vec<Target>> = HashMap::new();
        let mut add = |form: &str, t: Target| {
            let form = normalize(form);
            if !form.is_empty() {
                let v = surface.entry(form).or_default();
                if !v.contains(&t) {
                    v.push(t);
                }
            }
        };
        for (i, s) in states.iter().enumerate() {
            add(&s.zh, Target::State(i));
            s.aliases.iter().for_each(|a| add(a, Target::State(i)));
            s.abbr
                .iter()
                .for_each(|a| add(&format!("{a}方"), Target::StateSide(i)));
        }
        for (i, o) in orgs.iter().enumerate() {
            add(&o.zh, Target::Org(i));
            o.aliases.iter().for_each(|a| add(a, Target::Org(i)));
        }
        for (i, p) in places.iter().enumerate() {
            add(&p.zh, Target::Place(i));
            p.aliases.iter().for_each(|a| add(a, Target::Place(i)));
        }
        for (i, p) in persons.iter().enumerate() {
            add(&p.zh, Target::Person(i));
            p.aliases.iter().for_each(|a| add(a, Target::Person(i)));
        }
        for (i, e) in events.iter().enumerate() {
            add(&e.zh, Target::Event(i));
            e.aliases.iter().for_each(|a| add(a, Target::Event(i)));
        }
        let mut forms: Vec<(String, Vec<Target>)> = surface.into_iter().collect();
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        let entities = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(forms.iter().map(|(f, _)| f))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Lexicon,
                    format!("cannot compile the lexicon automaton: {e}"),
                )
            })?;
        let targets = forms.into_iter().map(|(_, t)| t).collect();
        let titles_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(titles.iter().map(|t| normalize(&t.zh)))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Lexicon,
                    format!("cannot compile the title automaton: {e}"),
                )
            })?;
        let cues_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(cues.iter().map(|c| normalize(&c.cue)))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Lexicon,
                    format!("cannot compile the cue automaton: {e}"),
                )
            })?;
        let head_of: Vec<usize> = (0..heads.len())
            .filter(|&i| !heads[i].bracketed_only)
            .collect();
        let overlapping = |what: &str, words: Vec<&str>| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(words)
                .map_err(|e| {
                    Error::new(
                        ErrorKind::Lexicon,
                        format!("cannot compile the {what} automaton: {e}"),
                    )
                })
        };
        let heads_ac = overlapping(
            "head noun",
            head_of.iter().map(|&i| heads[i].head.as_str()).collect(),
        )?;
        let boundaries_ac = overlapping(
            "boundary word",
            boundaries.iter().map(String::as_str).collect(),
        )?;
        let cue_words_ac = overlapping(
            "cue word",
            cues.iter()
                .map(|c| c.cue.as_str())
                .filter(|c| c.chars().count() > 1)
                .collect(),
        )?;
        let org_by_name = orgs
            .iter()
            .enumerate()
            .map(|(i, o)| (o.zh.clone(), i))
            .collect();
        let state_by_iso = states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.iso3.clone(), i))
            .collect();
        let mut state_by_abbr: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, s) in states.iter().enumerate() {
            for a in &s.abbr {
                let mut chars = a.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    state_by_abbr.entry(c).or_default().push(i);
                }
            }
        }
        Ok(Lexicon {
            states,
            orgs,
            places,
            persons,
            events,
            titles,
            cues,
            heads,
            boundaries,
            words,
            not_names,
            entities,
            targets,
            titles_ac,
            cues_ac,
            heads_ac,
            head_of,
            boundaries_ac,
            cue_words_ac,
            org_by_name,
            state_by_iso,
            state_by_abbr,
            fingerprint,
        })
    }

    /// Every lexicon surface form in `norm` (normalised text), overlapping ones included
    /// (the extractor resolves overlaps), as byte ranges with what each may stand for
    /// (more than one where a form is ambiguous).
    pub fn find_entities<'a>(
        &'a self,
        norm: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a [Target])> + 'a {
        self.entities
            .find_overlapping_iter(norm)
            .map(|m| (m.range(), self.targets[m.pattern().as_usize()].as_slice()))
    }

    /// Spans of words that hold a name but name nothing (发展中国家).
    pub fn find_not_names(&self, norm: &str) -> Vec<std::ops::Range<usize>> {
        self.not_names.find_iter(norm).map(|m| m.range()).collect()
    }

    /// Every title (总统, 外交部长 …) in `norm`, leftmost-longest.
    pub fn find_titles<'a>(
        &'a self,
        norm: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a TitleEntry)> + 'a {
        self.titles_ac
            .find_iter(norm)
            .map(|m| (m.range(), &self.titles[m.pattern().as_usize()]))
    }

    /// Every statement cue in `norm`, leftmost-longest (满意地指出 over 指出), blockers not
    /// yet applied.
    pub fn find_cues<'a>(
        &'a self,
        norm: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a CueEntry)> + 'a {
        self.cues_ac
            .find_iter(norm)
            .map(|m| (m.range(), &self.cues[m.pattern().as_usize()]))
    }

    /// `sha256:` and the digest of the tables this lexicon was compiled from: two
    /// lexicons with the same fingerprint extract the same way.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// Every occurrence in `norm` of a head noun that may stand bare (`any` in
    /// heads.tsv), overlapping ones included: (index in [`Lexicon::heads`], byte range).
    pub fn find_bare_heads<'a>(
        &'a self,
        norm: &'a str,
    ) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + 'a {
        self.heads_ac
            .find_overlapping_iter(norm)
            .map(|m| (self.head_of[m.pattern().as_usize()], m.range()))
    }

    /// The byte offsets in `norm` where a boundary word (boundaries.tsv) ends.
    pub fn boundary_ends(&self, norm: &str) -> Vec<usize> {
        self.boundaries_ac
            .find_overlapping_iter(norm)
            .map(|m| m.end())
            .collect()
    }

    /// The byte offsets in `norm` where a statement cue of more than one character ends.
    pub fn cue_word_ends(&self, norm: &str) -> Vec<usize> {
        self.cue_words_ac
            .find_overlapping_iter(norm)
            .map(|m| m.end())
            .collect()
    }

    /// The organization whose canonical name is `zh`.
    pub fn org(&self, zh: &str) -> Option<usize> {
        self.org_by_name.get(zh).copied()
    }

    /// The state with ISO code `iso3`.
    pub fn state(&self, iso3: &str) -> Option<usize> {
        self.state_by_iso.get(iso3).copied()
    }

    /// The states the one-character form `c` stands for (俄: 俄罗斯; 乌: three states).
    pub fn states_abbreviated(&self, c: char) -> &[usize] {
        self.state_by_abbr.get(&c).map_or(&[], Vec::as_slice)
    }
}

fn list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn opt(cell: &str) -> Option<String> {
    Some(cell.trim())
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Parses the tables of one kind (built-in first, then the user's), each row through
/// `make`; a later row whose `key` equals an earlier one replaces it.
fn rows<T>(
    files: &[(PathBuf, String)],
    columns: &[&str],
    make: impl Fn(&[&str], &dyn Fn(String) -> Error) -> Result<T>,
    key: impl Fn(&T) -> String,
) -> Result<Vec<T>> {
    let mut out: Vec<T> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (path, text) in files {
        let mut header = false;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |message: String| {
                Error::lexicon(
                    path,
                    Some(Position::of_line_column(text, n + 1, 1)),
                    message,
                )
            };
            let cells: Vec<&str> = line.split('\t').collect();
            if !header {
                if cells != columns {
                    return Err(at(format!(
                        "the header must name the columns {:?}, tab-separated; found {cells:?}",
                        columns.join("\t")
                    )));
                }
                header = true;
                continue;
            }
            if cells.len() != columns.len() {
                return Err(at(format!(
                    "expected {} tab-separated cells ({}), found {}",
                    columns.len(),
                    columns.join(", "),
                    cells.len()
                )));
            }
            if cells[0].trim().is_empty() {
                return Err(at(format!("the first cell ({}) is empty", columns[0])));
            }
            let row = make(&cells, &at)?;
            match index.get(&key(&row)) {
                Some(&i) => out[i] = row,
                None => {
                    index.insert(key(&row), out.len());
                    out.push(row);
                }
            }
        }
        if !header {
            return Err(Error::lexicon(
                path,
                None,
                format!(
                    "has no header line; the first line must be {:?}",
                    columns.join("\t")
                ),
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load_and_cover_the_world() {
        let lex = Lexicon::load(&[]).unwrap();
        assert!(
            lex.states.len() >= 195,
            "every UN member and observer state: {}",
            lex.states.len()
        );
        assert!(lex.orgs.len() >= 150, "{}", lex.orgs.len());
        assert!(lex.places.len() >= 300);
        for parent in lex.orgs.iter().filter_map(|o| o.parent.as_ref()) {
            assert!(
                lex.org(parent).is_some(),
                "parent {parent} is no organization of the lexicon"
            );
        }
        assert_eq!(lex.states[lex.state("CHN").unwrap()].zh, "中国");
    }

    #[test]
    fn a_user_directory_adds_and_replaces_rows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("organizations.tsv"), "zh\ten\taliases\tparent\tqid\n阿尔法合作组织\tAlpha\t阿合组织\t\t\n联合国\tUN (replaced)\t联合国组织\t\t\n").unwrap();
        let lex = Lexicon::load(&[dir.path().to_path_buf()]).unwrap();
        let norm = "阿合组织与联合国组织";
        let found: Vec<_> = lex
            .find_entities(norm)
            .map(|(r, t)| (&norm[r], t.to_vec()))
            .collect();
        assert!(found.iter().any(|(s, t)| *s == "阿合组织"
            && matches!(t[0], Target::Org(i) if lex.orgs[i].zh == "阿尔法合作组织")));
        assert!(found.iter().any(|(s, t)| *s == "联合国组织"
            && matches!(t[0], Target::Org(i) if lex.orgs[i].en == "UN (replaced)")));
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("states.tsv"),
            "# comment\niso3\tzh\ten\tabbr\taliases\tstatus\tqid\nXXA\t甲国\tA\n",
        )
        .unwrap();
        let err = Lexicon::load(&[dir.path().to_path_buf()])
            .err()
            .expect("a short line is an error");
        let text = err.to_string();
        assert!(
            text.contains("states.tsv:3:1: expected 7 tab-separated cells"),
            "{text}"
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("cues.tsv"),
            "cue\tact\tkind\tblockers\n提请\tAsk\tverb\t\n",
        )
        .unwrap();
        let text = Lexicon::load(&[dir.path().to_path_buf()])
            .err()
            .unwrap()
            .to_string();
        assert!(text.contains("cues.tsv:2:1: unknown act \"Ask\""), "{text}");
    }
}

#[cfg(test)]
mod verified_ids {
    use super::*;

    /// Wikidata IDs are never guessed: every QID in the lexicons is one of the verified
    /// ones (tests/facts/wikidata.tsv, copied from the project's verified facts).
    #[test]
    fn every_qid_is_verified() {
        let facts = include_str!("../../tests/facts/wikidata.tsv");
        let verified: std::collections::HashSet<&str> = facts
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(3))
            .collect();
        let lex = Lexicon::builtin();
        let qids = lex
            .states
            .iter()
            .map(|e| (&e.zh, &e.qid))
            .chain(lex.orgs.iter().map(|e| (&e.zh, &e.qid)))
            .chain(lex.places.iter().map(|e| (&e.zh, &e.qid)))
            .chain(lex.persons.iter().map(|e| (&e.zh, &e.qid)))
            .chain(lex.events.iter().map(|e| (&e.zh, &e.qid)));
        for (name, qid) in qids {
            if let Some(q) = qid {
                assert!(
                    verified.contains(q.as_str()),
                    "{name}: {q} is not a verified Wikidata ID"
                );
            }
        }
    }

    /// 乌方 is Uzbekistan's or Ukraine's side: the document's context decides, or nothing.
    #[test]
    fn ambiguous_sides_follow_the_document() {
        let lex = Lexicon::builtin();
        let side = |text: &str| crate::extract::side_of(&lex, &crate::text::normalize(text));
        assert_eq!(
            side("乌兹别克斯坦总统表示，乌方支持。").as_deref(),
            Some("UZB")
        );
        assert_eq!(side("乌克兰外长表示，乌方支持。").as_deref(), Some("UKR"));
        assert_eq!(side("乌方支持。"), None);
    }
}
