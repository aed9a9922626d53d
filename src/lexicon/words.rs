//! Word lists: the closed lists of words that extraction rules consult (collective
//! subjects, news agencies, currency names …), all in one table, `data/rules/words.tsv`,
//! so that a user can add, change or remove a word with `--lexicon DIR` and no compile.
//!
//! In: rows `list<TAB>word<TAB>value` (built-in first, then each `--lexicon` directory's
//! `words.tsv`). Out: for each [`List`], its words in table order, normalised to
//! simplified characters as the text is, and each word's value. Guarantees: a row whose
//! list and word equal an earlier row's replaces it; a row whose value is `-` removes the
//! word; a list name the code does not know is an error naming the known ones.

use std::collections::HashMap;

use crate::text::normalize;

macro_rules! word_lists {
    (@values) => { None };
    (@values $($value:literal)|+) => { Some(&[$($value),+]) };
    ($($variant:ident = $name:literal: $doc:literal $([$($value:literal)|+])?,)*) => {
        /// A word list of `data/rules/words.tsv`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum List {
            $(#[doc = $doc] $variant,)*
        }

        impl List {
            /// Every list, in declaration order.
            pub const ALL: &'static [List] = &[$(List::$variant,)*];

            /// The list's name in the table's `list` column.
            pub fn name(self) -> &'static str {
                match self {
                    $(List::$variant => $name,)*
                }
            }

            /// The values a row of the list may give (the table's `value` column, or `-`),
            /// where the rule reading the list knows only some; `None` when any value goes.
            pub fn values(self) -> Option<&'static [&'static str]> {
                match self {
                    $(List::$variant => word_lists!(@values $($($value)|+)?),)*
                }
            }

            /// The list a table names, if the code knows it.
            pub fn from_name(name: &str) -> Option<List> {
                match name {
                    $($name => Some(List::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

// One line a list: its variant, its name in words.tsv and what it holds, then, where the
// rule knows only some values, those values in brackets (`["a" | "b"]`). A rule that
// needs a new list adds a line here and its rows to data/rules/words.tsv.
word_lists! {
    NewsAgencies = "news_agency": "News agencies and papers whose datelines close a document (新华社).",
    // names.rs
    NotASide = "not_a_side": "Forms of a state's abbreviation and side that are ordinary words, never a side; with the value `named`, a side where the document names exactly one of its states (土方: earthwork, or Türkiye's side)." ["" | "named"],
    SideBreakers = "side_breaker": "What after a state's side makes it another word.",
    MediaSuffixes = "media_suffix": "Endings of a bracketed title that make it a publication, not a document.",
    NameStopChars = "name_stop_char": "Characters that never stand inside a name made by a head-noun rule.",
    PersonStopChars = "person_stop_char": "Characters that no person's name after state and title holds.",
    NameFinalChars = "name_final_char": "Stop characters that end a person's name where punctuation follows them (朴京和、: no list goes on there).",
    Determiners = "determiner": "Words that begin no name.",
    CommonNouns = "common_noun": "Words ending in a head noun that name no entity (community of shared future): a name ending in one is no name.",
    NameQualifiers = "name_qualifier": "Short words right before a known name that belong to the name built on it (supreme): other words there (verbs) do not.",
    TitleNotes = "title_note": "An editor's note in brackets after a title line (full text, abstract): no part of the title.",
    TitleTagSeparators = "title_tag_separator": "What separates a web page's tag for a series or channel from the title after it on the title line (中国—中亚峰会|…联合声明, 受权发布：…联合声明).",
    PlaceAppositions = "place_apposition": "Words between a state and a city of it (首都): 在S首都P is at P.",
    SourceLabels = "source_label": "Labels of a web page's metadata after its date (source: agency): the rest of that line is no text.",
    DateLabels = "date_label": "Labels before a web page's date (published:): the line still holds only a date.",
    GenericOccasions = "generic_occasion": "Words before a meeting's head noun that leave it unnamed.",
    BareOccasions = "bare_occasion": "Words that with a meeting's head noun and nothing else name no meeting (外长会议, 领导人会议).",
    MeetingObjectVerbs = "meeting_object_verb": "Verbs whose object is a meeting's head noun (观察员国代表列席会议): what ends in one before the head is no meeting's name.",
    About = "about": "Words that open a descriptive agreement title ending in a head noun.",
    NameJoiners = "name_joiner": "Words joining two names before a head noun; the last name starts at its own anchor.",
    AnniversaryOccasions = "anniversary_occasion": "What an anniversary marks, between the name and the number of years.",
    ChinaShort = "china_short": "Words whose last character is China.",
    ChinaShortBreakers = "china_short_breaker": "What after a china_short word makes its last character part of another word.",
    TopicNouns = "topic_noun": "What after a state's name in a title makes the state its topic, no party (阿富汗问题, 叙利亚局势).",
    CompoundFollowers = "compound_follower": "What follows a compound of states' one-character forms (中俄两国, 中老关系): the compound names those states.",
    RespectfulAddress = "respectful_address": "Words before a name and title that address a person.",
    TitleJoiners = "title_joiner": "Words joining two titles of one person.",
    TitleBodyEndings = "title_body_ending": "How the name of a state's body ends (ministry, committee, parliament): a title right after one is its holder's, and a name may follow it.",
    AfterPersonName = "after_person_name": "What follows a name after state and title in running text.",
    PhotoCredits = "photo_credit": "Words that end a photo credit after a reporter word (photo by): a line ending in one is a picture's caption.",
    PictureSources = "picture_source": "Words that open the credit at the end of a picture's caption (picture source): a line ending in one is a caption.",
    ReporterWords = "reporter_word": "Words after which a dateline or credit names a reporter or photographer (reporter): the run of characters after it, of two to four, is a person.",
    Honorifics = "honorific": "Words right after a person's name.",
    BeforeHonorific = "before_honorific": "Words after which a name followed by an honorific begins.",
    HeadBreakers = "head_breaker": "Words after a head noun that make it part of another word (the central coordinating role, central position): no name.",
    PlaceVerbs = "place_verb": "Verbs that, after a location marker and a name the lexicon does not know, make the name a place (held at X, opened at X).",
    NotPlaces = "not_place": "Words after a location marker that name no place (at the meeting, locally).",
    NotPlaceChars = "not_place_char": "Characters no place's name holds, one a row (届, 次, 轮: 在新一轮…, 在历届…, 在任期内第二次… name no place).",
    // fields.rs
    SpeechWords = "speech_word": "Words in a title or subtitle that make the document a speech.",
    SubtitleStarts = "subtitle_start": "Words that open a speech's subtitle ending in a speech word.",
    DeclarationTitles = "declaration_title": "Words in a title that make the document a declaration.",
    DeclarationOpenings = "declaration_opening": "Words in the opening sentence that make the document a declaration.",
    AdoptedTitles = "adopted_title": "Words in a title that make the document adopted at the event its opening names.",
    NotHeldMarkers = "not_held_marker": "Words before a held verb in its sentence that make the meeting one still to come or another's (will, welcome, agree, congratulate): the sentence does not say the document's meeting was held.",
    HeldVerbs = "held_verb": "Verbs of an opening sentence that says an event was held.",
    ObjectMarkers = "object_marker": "Prepositions that open a clause with the object of an expressing verb (对各位嘉宾表示热烈的欢迎): the clause carries its sentence's subject.",
    PartyStatementTitles = "party_statement_title": "Title endings of a text its parties issue where the title opens with them (甲国和乙国关于…的声明, 中英某问题声明): a joint statement.",
    VisitWords = "visit_word": "Words that make a sentence tell of a visit (对某国进行国事访问并出席…): a meeting the visitor attends there is no document's meeting, and the visit's dates are not its date.",
    AttendVerbs = "attend_verb": "Verbs before an event in a speech's opening lines that say the speaker attends it (attend): a speech without a subtitle is delivered at that event.",
    ClosingAt = "closing_at": "Words of a closing line between its date and its place.",
    SpeechOpenings = "speech_opening": "Words of a speech's first lines that address its audience (ladies and gentlemen, dear colleagues): the document is a speech.",
    SpeakerMarkers = "speaker_marker": "Words after which a speech names the state its speaker speaks for (on behalf of): the speaker's state, where no by-line names the speaker.",
    JointStatementTitles = "joint_statement_title": "Words in a title that make the document a joint statement of states (also a declaration).",
    StatementOpenings = "statement_opening": "Words of an opening sentence that, after the parties (双方声明如下, 双方发表联合声明如下), make the document a joint statement (declare as follows).",
    PartyWords = "party_word": "Names a definition in brackets gives the parties of a joint statement (the two sides).",
    PageFurniture = "page_furniture": "Words of a web page's navigation and tools (home page, print, share): a line of nothing but these, page numbers and fewer than three other Chinese characters is no line of the text.",
    BreadcrumbSeparators = "breadcrumb_separator": "What separates the steps of a web page's navigation path (首页 > 新闻 > 正文): a line of short steps so separated is page furniture.",
    FullTextOpeners = "full_text_opener": "Words before a speech word that, with a full-text word after it, say a report prints the speech next (以下为…全文).",
    FullTextWords = "full_text_word": "Words after a speech word that a full-text opener precedes (全文).",
    FullTextMarkers = "full_text_marker": "Words that end an agency's lead to a text it publishes in full (the full text follows): the document is that text (a speech, where a speech word precedes them: 致辞全文如下).",
    CommuniqueTitles = "communique_title": "Words in a title that make the document a communiqué.",
    DeclarationVoices = "declaration_voice": "The words that open a declaration spoken in the first person plural by its signers (我们，…领导人), before or after an enumeration marker.",
    ReportVerbs = "report_verb": "Verbs in the headline of a document a dateline opens that make it a news report, not the text it quotes (delivers a speech, holds talks).",
    // coref.rs
    DefinitionCues = "definition_cue": "Words that open a definition in brackets after a name.",
    DefinitionJoiners = "definition_joiner": "Words between two quoted names of one definition.",
    ThisOrganization = "this_organization": "Words that name the document's own organization.",
    ShortReferences = "short_reference": "Head nouns that, alone, are the last organization named with them.",
    ShortReferenceModifiers = "short_reference_modifier": "Words before a short reference that make it a common noun.",
    JointCommuniqueTitles = "joint_communique_title": "Words that end the name of a communiqué two or more parties issue together (joint communiqué): the parties' names joined by 和 or 与 before it are part of the one name.",
    GenericAgreements = "generic_agreement": "Names of a document's kind alone (joint statement, communiqué): where the document names an agreement in full that ends in one, the name alone is that agreement.",
    OrganHeads = "organ_head": "Head nouns of organs named without their organization.",
    SummitWords = "summit_word": "Words after a city that name the summit held there.",
    // dates.rs (examples: 今年 0, 去年 -1; 上个月 -1, 月底 0; 美元 USD, 里亚尔 SAR:SAU|QAR:QAT|…;
    // 人民币 before 200亿元; 多 in 50多亿美元; 元首 and 元年, which are no money)
    RelativeYears = "relative_year": "Words for a year counted from the document's date; value: the years to add (0, -1, 2).",
    RelativeMonths = "relative_month": "Words for a month counted from the document's date; value: the months to add.",
    Currencies = "currency": "Currency words written after a number; value: the currencies each names (see `currencies`).",
    CurrenciesBefore = "currency_before": "Currency words written before a number that ends in the counter yuan; value as for `currency`.",
    AmountQualifiers = "amount_qualifier": "Words after a number or its multiplier that make it approximate; the value stays the number's.",
    NotMoney = "not_money": "Words that begin with a currency word but are no money.",
    // statements.rs (the examples are the lists' rows in data/rules/words.tsv)
    PairOrganizationHeads = "pair_organization_head": "Words that end the other side's name inside the name of an organization pairing China with it (中国—阿拉伯国家合作论坛: 合作, 论坛).",
    CollectiveSubjects = "collective_subject": "Words that open a clause as a collective subject (all parties, we); the value says whom they name: `we` (in a speech the speaker's state, elsewhere the document's organization or failing it the speaker), `parties` (in a speech the speaker's state, elsewhere as `participants`), `states` (in a speech the speaker's state, in a declaration the organization, elsewhere no one), `members` (in a speech no one, elsewhere the organization), `participants` (those at the meeting: in a speech no one, in a declaration the organization, elsewhere the parties where two or more are known and no organization is, or the organization), `pair` (the parties of a joint statement or of the talks a document tells of: 双方, 两国元首), `counted` (三国, 六国: as `pair`, but in a declaration or communiqué of an organization its members, the organization). In a joint statement whose parties are known, every value but `members` names its parties." ["we" | "parties" | "states" | "members" | "participants" | "pair" | "counted"],
    SubjectSuffixes = "subject_suffix": "Words after a list of names, a compound of states' short forms or a collective word that belong to the subject (both states, the heads of state of the two, 四国外交部).",
    DocumentNouns = "document_noun": "Nouns for a document that, before a reporting verb, open a clause of reported speech (the statement says).",
    ReportingVerbs = "reporting_verb": "Verbs after a document (its title or a document noun) that make the clause report what it says, not the voice of this document.",
    MemberSuffixes = "member_suffix": "Words after an organization that make its members a clause's subject (X's member states).",
    ModalSubjects = "modal_subject": "Subjects after which a modal cue (must, should) is a CallFor; an organization's members count when their member_suffix word is here.",
    SubjectOpeners = "subject_opener": "Words skipped before a clause's subject (moreover, the chair), each at most once, in table order.",
    LocativeOpeners = "locative_opener": "Words that open a locative phrase before a clause's cue (in, on): the phrase up to a locative_closer word leaves the clause without a subject of its own.",
    LocativeClosers = "locative_closer": "Words that close a locative phrase a locative_opener word opens (on the issue of, within the framework).",
    Adverbs = "adverb": "Adverbs that may stand, any number of them, between a subject and its cue (also, again, further).",
    Coordinators = "coordinator": "Words that join a short second subject (up to four characters) to the first, between it and its cue (and the whole world).",
    BaVerbs = "ba_verb": "Verbs after which the future cue means 'take X and', not 'will' (take X as, take X into): no Commit.",
    NounCueVerbs = "noun_cue_verb": "Verbs before a Support, Welcome or Praise cue in its clause that make the cue a noun (provide support, win praise): no statement.",
    ExpressingVerbs = "expressing_verb": "Verbs before …的 and a cue in its clause that express the act the cue names (express warm welcome): the cue stays a cue after 的.",
    ProposalVerbs = "proposal_verb": "Verbs that, with a proposal_noun ending their clause, are a Propose (put forward … an initiative); the value is the cue the statement records (the verb when empty).",
    ProposalNouns = "proposal_noun": "Nouns that end a proposal_verb's clause (initiative, proposal).",
    BackReferences = "back_reference": "Words by which a clause that names nothing refers to the last agreement or event named before it (this is, this).",
    Pointers = "pointer": "Words by which a later clause that names nothing speaks of what the statement before it in the sentence concerns (this).",
    // relations.rs
    Glue = "glue": "Words that may stand, any number of them, between an agreement or event and the date, place or signatories before it (at, held, signed, the list comma).",
    SigningVerbs = "signing_verb": "Verbs in the glue before an agreement that make the states, organizations and persons before them its signatories (sign, conclude).",
    ListSeparators = "list_separator": "Words between the states of a list (the list comma, and).",
    LocationMarkers = "location_marker": "Words before a place (perhaps with its state between) that make it the location of the event after it (at, in).",
    MemberHeads = "member_heads": "Words after an organization (and a parenthesis) whose signing heads of state make their states its members (heads of the member states).",
    MemberListOpeners = "member_list_opener": "Words that, standing alone between an organization and a list of states, make them its members (member states).",
    MemberInclusions = "member_inclusion": "Words between an organization and a list of states (after 的 and before a colon, both optional) that make them its members (its members include).",
    CompositionOpeners = "composition_opener": "Words before a list of states that a composition_verb follows, after an organization (X由S1、S2组成: by).",
    CompositionVerbs = "composition_verb": "Verbs after a list of states opened by a composition_opener, after an organization: the states make it up and are its members (composed of).",
    AttendanceVerbs = "attendance_verb": "What after a list of leaders says they attend a meeting (出席会议, 与会): of its organization's members, they lead members.",
    NonMemberNouns = "non_member_noun": "Words before a list of states or leaders that set them apart from the members (观察员国, 对话伙伴, 客人).",
    AdmitVerbs = "admit_verb": "Verbs by which an organization admits states (接收S为X成员国: S memberOf X).",
    JoinVerbs = "join_verb": "Words that, standing alone between a state and an organization, make the state a member (joins).",
    ChairAdverbs = "chair_adverb": "Adverbs between a state (or a list of states) and its chair verb (one after another).",
    ChairVerbs = "chair_verb": "Verbs between a state and an organization that its chair-state word follows that make the state its chair (takes over).",
    DatePrepositions = "date_preposition": "Words that, standing alone between an agreement or event and a date after it, make it its date (on, will on).",
    PlacePrepositions = "place_preposition": "Words that, standing alone between an agreement or event and a state or place after it, make the place its location (in, will in).",
    MemberStateNouns = "member_state_noun": "Nouns for member states: after a list of states (S1, S2 etc. member states) they make the states members of the document's organization, and they are member_noun words too.",
    MemberNouns = "member_noun": "Nouns for members: after 'S is X', 'as X' or 'S1, S2 etc. X' they make the states members of X.",
    OwnStateTitles = "own_state_title": "Titles that name their state by themselves, written without it (the President, in Chinese sources: China's); value: the state's ISO 3166 alpha-3 code. A headOf only where the document names that state.",
    MediaNameEnds = "media_name_end": "Endings of an organization's name that make it a news agency or paper, which is never the organization a document speaks for.",
    AdoptingVerbs = "adopting_verb": "Verbs in the sentence that says a meeting was held that make the texts after them adopted there, with its date and place (adopt, issue, sign).",
    LeaderNouns = "leader_noun": "Nouns after a list of states for their leaders or ministers, who, holding a meeting named after an organization, make the states its members.",
    ChairNouns = "chair_noun": "Nouns for the chair state: before a state, or after an organization that 'as' opens or a state takes over, they make the state the chair.",
}

/// Whether `value` is a valid value for a word of `list` (the value `-`, which removes a
/// word, is valid on every list): what the loader checks of each row, so that a rule
/// never meets a value it cannot read. The error says what the value should be.
pub fn check_value(list: List, value: &str) -> Result<(), String> {
    if value == "-" {
        return Ok(());
    }
    if let Some(known) = list.values()
        && !known.contains(&value)
    {
        return Err(format!(
            "unknown value {value:?} of the word list {:?}; use one of {} (or - to remove the word)",
            list.name(),
            known.join(", ")
        ));
    }
    match list {
        List::Currencies | List::CurrenciesBefore => currencies(value).map(drop),
        List::RelativeYears | List::RelativeMonths => {
            value.parse::<i32>().map(drop).map_err(|_| {
                format!(
                    "the value of a {} word must be a whole number (how many to add to the document's date), not {value:?}",
                    list.name()
                )
            })
        }
        _ => Ok(()),
    }
}

/// One currency a currency word can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 (`SAR`).
    pub code: String,
    /// ISO 3166-1 alpha-3 of the state that issues it (`SAU`), for a word that names
    /// several currencies.
    pub state: Option<String>,
}

/// The currencies a `currency` or `currency_before` value names: one ISO 4217 code
/// (`USD`), or, for a word several states' currencies share, each code with its
/// state's ISO 3166-1 alpha-3 code after a colon, separated by `|`
/// (`SAR:SAU|QAR:QAT|OMR:OMN`). Codes are three capital letters; a word naming several
/// currencies needs the state of each (the extractor picks the currency by the states a
/// document names).
pub fn currencies(value: &str) -> Result<Vec<Currency>, String> {
    let code = |s: &str| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase());
    let parts: Vec<&str> = value.split('|').map(str::trim).collect();
    let mut out = Vec::new();
    for part in &parts {
        let (currency, state) = match part.split_once(':') {
            Some((c, s)) => (c.trim(), Some(s.trim())),
            None => (*part, None),
        };
        if !code(currency) || state.is_some_and(|s| !code(s)) {
            return Err(format!(
                "a currency is an ISO 4217 code such as USD, optionally with its state's ISO 3166-1 alpha-3 code (SAR:SAU); found {part:?}"
            ));
        }
        if parts.len() > 1 && state.is_none() {
            return Err(format!(
                "a word that names several currencies needs the state of each (SAR:SAU|QAR:QAT); {part:?} has none"
            ));
        }
        out.push(Currency {
            code: currency.to_string(),
            state: state.map(String::from),
        });
    }
    Ok(out)
}

/// One row of words.tsv, as read.
#[derive(Debug, Clone)]
pub struct WordRow {
    pub list: List,
    pub word: String,
    pub value: String,
}

/// Every word list, compiled.
#[derive(Debug, Default)]
pub struct Words {
    lists: HashMap<List, Vec<String>>,
    values: HashMap<(List, String), String>,
}

impl Words {
    /// The lists of `rows` (already merged: a later row with an earlier row's list and
    /// word replaced it), without the rows whose value is `-`.
    pub fn new(rows: Vec<WordRow>) -> Words {
        let mut words = Words::default();
        for row in rows {
            if row.value == "-" {
                continue;
            }
            let word = normalize(&row.word);
            words.lists.entry(row.list).or_default().push(word.clone());
            words.values.insert((row.list, word), row.value);
        }
        words
    }

    /// The words of `list`, in table order (empty when a user removed them all).
    pub fn list(&self, list: List) -> &[String] {
        self.lists.get(&list).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` (normalised) is on `list`.
    pub fn contains(&self, list: List, word: &str) -> bool {
        self.values.contains_key(&(list, word.to_string()))
    }

    /// The words of `list` as the body of a regex alternation, for a rule that is a
    /// pattern around a list (`(?:{})`): each word escaped, longer words first so that a
    /// word is never cut short by another that begins it (ties in table order). An empty
    /// list gives a pattern that matches nothing.
    pub fn alternation(&self, list: List) -> String {
        let mut words: Vec<&str> = self.list(list).iter().map(String::as_str).collect();
        if words.is_empty() {
            return r"[^\s\S]".to_string();
        }
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        escaped.join("|")
    }

    /// The value the table gives `word` on `list` (empty when the row has none).
    pub fn value(&self, list: List, word: &str) -> Option<&str> {
        self.values
            .get(&(list, word.to_string()))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(list: List, word: &str, value: &str) -> WordRow {
        WordRow {
            list,
            word: word.into(),
            value: value.into(),
        }
    }

    #[test]
    fn lists_keep_table_order_and_normalise() {
        let words = Words::new(vec![
            row(List::NewsAgencies, "新華社", ""),
            row(List::NewsAgencies, "塔斯社", "TASS"),
        ]);
        assert_eq!(words.list(List::NewsAgencies), ["新华社", "塔斯社"]);
        assert!(words.contains(List::NewsAgencies, "新华社"));
        assert!(
            !words.contains(List::NewsAgencies, "新華社"),
            "lookups take normalised text"
        );
        assert_eq!(words.value(List::NewsAgencies, "塔斯社"), Some("TASS"));
    }

    #[test]
    fn a_dash_removes_a_word() {
        let words = Words::new(vec![row(List::NewsAgencies, "新华社", "-")]);
        assert!(words.list(List::NewsAgencies).is_empty());
        assert!(!words.contains(List::NewsAgencies, "新华社"));
    }

    #[test]
    fn names_round_trip() {
        for &list in List::ALL {
            assert_eq!(List::from_name(list.name()), Some(list));
        }
        assert_eq!(List::from_name("no_such_list"), None);
    }

    #[test]
    fn alternation_puts_longer_words_first_and_escapes() {
        let words = Words::new(vec![
            row(List::NewsAgencies, "新华", ""),
            row(List::NewsAgencies, "新华社", ""),
            row(List::NewsAgencies, "a.b", ""),
        ]);
        let pattern = words.alternation(List::NewsAgencies);
        assert_eq!(pattern, r"新华社|a\.b|新华", "ties keep table order");
        let re = regex::Regex::new(&pattern).unwrap();
        assert_eq!(re.find("（新华社电）").unwrap().as_str(), "新华社");
        assert!(!re.is_match("axb"));
        let empty = Words::new(vec![row(List::NewsAgencies, "新华社", "-")]);
        let never = regex::Regex::new(&empty.alternation(List::NewsAgencies)).unwrap();
        assert!(!never.is_match("新华社 anything"));
    }

    #[test]
    fn currency_values() {
        let one = |code: &str, state: Option<&str>| Currency {
            code: code.into(),
            state: state.map(String::from),
        };
        assert_eq!(currencies("USD"), Ok(vec![one("USD", None)]));
        assert_eq!(currencies("SAR:SAU"), Ok(vec![one("SAR", Some("SAU"))]));
        assert_eq!(
            currencies("SAR:SAU|QAR:QAT"),
            Ok(vec![one("SAR", Some("SAU")), one("QAR", Some("QAT"))])
        );
        for bad in [
            "",
            "usd",
            "US",
            "USDX",
            "SAR|QAR",
            "SAR:SAU|QAR",
            "SAR:sa",
            "SAR:",
        ] {
            assert!(currencies(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn values_are_checked_by_list() {
        let cases = [
            (List::RelativeYears, "-1", true),
            (List::RelativeYears, "2", true),
            (List::RelativeYears, "", false),
            (List::RelativeMonths, "one", false),
            (List::Currencies, "USD", true),
            (List::Currencies, "", false),
            (List::CurrenciesBefore, "CNY", true),
            (List::CurrenciesBefore, "人民币", false),
            (List::Currencies, "-", true),
            (List::NewsAgencies, "anything", true),
            (List::NotMoney, "", true),
        ];
        for (list, value, ok) in cases {
            assert_eq!(check_value(list, value).is_ok(), ok, "{list:?} {value:?}");
        }
    }
}
