//! Dates and sums of money, normalised.
//!
//! Dates: Y年M月D日, Y年M月, Y年, ranges joined by 至, 到, —, －, - or ~ (2014年9月11日至12日,
//! 2015年至2017年), M月D日 in the year of the document, and the relative forms (今年, 去年,
//! 本月, 上个月, 月底 …: the lists `relative_year` and `relative_month` of
//! `data/rules/words.tsv`, each word with the years or months it adds) against the
//! document's date. Years need four digits (Arabic, full-width or Chinese: 二〇一五年), so
//! 70周年 and 5年内 are not dates. Values are ISO 8601 (`2014-09-12`, `2015-10`, `2016`,
//! intervals `A/B`).
//!
//! Money: a number (digits or Chinese numerals) with an optional multiplier (万, 亿, 千万 …)
//! and a currency word (list `currency`: 50亿美元), or a currency word before the number
//! and 元 after it (list `currency_before`: 人民币200亿元); a qualifier (list
//! `amount_qualifier`: 50多亿) leaves the value; words of list `not_money` (元首) are no
//! money. The value is a decimal; the currency ISO 4217. A currency word that several
//! states' currencies share (里亚尔: SAR, QAR, OMR, YER, IRR) names the currency of the
//! one state among them that the document names, and no currency when it names none or
//! several of them ([`FoundAmount::currency`]).
//!
//! The grammar (numerals, 年月日, ranges) is here; the words come from the lexicon, and
//! [`Rules`] compiles both once per lexicon.

use std::collections::HashMap;
use std::ops::Range;

use crate::text::is_han;
use regex::{Captures, Regex, RegexBuilder};

use super::numbers;
use crate::lexicon::{Currency, List, Words, currencies};

/// A calendar point: year, and optionally month and day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Ymd {
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    fn valid(self) -> bool {
        (1000..=2999).contains(&self.year)
            && self.month.is_none_or(|m| (1..=12).contains(&m))
            && self
                .day
                .is_none_or(|d| (1..=31).contains(&d) && self.month.is_some())
    }
}

/// A date found in text: its span (normalised bytes) and ISO value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub span: Range<usize>,
    pub value: String,
    /// The first point, for ordering and as a reference date.
    pub start: Ymd,
}

const Y: &str = r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})";
const M: &str = r"(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])";
/// A day of the month, in digits or Chinese numerals.
pub(super) const D: &str = r"(?:[0-9]{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
const TO: &str = r"(?:至|到|—|－|-|~|～|―)";
const NUMBER: &str = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+";
const MULTIPLIER: &str = r"万亿|千亿|百亿|亿|千万|百万|十万|万|千|百";

/// The date and money rules of one lexicon, compiled.
#[derive(Debug)]
pub struct Rules {
    date: Regex,
    money: Regex,
    relative_years: HashMap<String, i32>,
    relative_months: HashMap<String, i32>,
    currencies: HashMap<String, Vec<Currency>>,
    currencies_before: HashMap<String, Vec<Currency>>,
    not_money: Vec<String>,
}

impl Rules {
    /// The rules with the words of `words`. The patterns are built without a size limit,
    /// so they compile whatever the lists hold (the words are escaped literals). A word
    /// whose value the loader would reject (it checks every row) is left out of its map
    /// and matches nothing.
    pub fn new(words: &Words) -> Rules {
        let offsets = |list: List| -> HashMap<String, i32> {
            words
                .list(list)
                .iter()
                .filter_map(|w| Some((w.clone(), words.value(list, w)?.parse().ok()?)))
                .collect()
        };
        let currency_map = |list: List| -> HashMap<String, Vec<Currency>> {
            words
                .list(list)
                .iter()
                .filter_map(|w| Some((w.clone(), currencies(words.value(list, w)?).ok()?)))
                .collect()
        };
        Rules {
            date: compile(&date_pattern(words)),
            money: compile(&money_pattern(words)),
            relative_years: offsets(List::RelativeYears),
            relative_months: offsets(List::RelativeMonths),
            currencies: currency_map(List::Currencies),
            currencies_before: currency_map(List::CurrenciesBefore),
            not_money: words.list(List::NotMoney).to_vec(),
        }
    }
}

fn compile(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .size_limit(usize::MAX)
        .build()
        .expect("a fixed grammar around escaped words compiles")
}

/// Every date form, one named alternative each (`o`, `a` … `m`), its parts named after it
/// (`a_y`, `a_m`, `a_d`, and `a_y2` … for the end of a range). Leftmost-first: at one
/// position the first alternative that matches wins, so the longer forms come first.
fn date_pattern(words: &Words) -> String {
    let y = |name: &str| format!("(?P<{name}>{Y})年");
    let m = |name: &str| format!("(?P<{name}>{M})月");
    let d = |name: &str| format!("(?P<{name}>{D})日");
    let rel = words.alternation(List::RelativeYears);
    let alts = [
        // YYYY-MM-DD or YYYY/M/D, as web pages print their date
        "(?P<o>(?P<o_y>[0-9]{4})(?:-(?P<o_m>[0-9]{2})-(?P<o_d>[0-9]{2})|/(?P<o_m2>[0-9]{1,2})/(?P<o_d2>[0-9]{1,2})))"
            .to_owned(),
        // Y年M月D日至(Y年)?(M月)?D日 (the first 日 may be left out: 2月14至15日)
        format!(
            "(?P<a>{}{}(?P<a_d>{D})日?{TO}(?:{})?(?:{})?{})",
            y("a_y"),
            m("a_m"),
            y("a_y2"),
            m("a_m2"),
            d("a_d2")
        ),
        // Y年M月至(Y年)?M月
        format!(
            "(?P<b>{}{}{TO}(?:{})?{})",
            y("b_y"),
            m("b_m"),
            y("b_y2"),
            m("b_m2")
        ),
        // Y年至Y年 | Y—Y年 (the `?` makes the first year's 年 optional)
        format!("(?P<c>{}?{TO}{})", y("c_y"), y("c_y2")),
        format!("(?P<d>{}{}{})", y("d_y"), m("d_m"), d("d_d")),
        format!("(?P<e>{}{})", y("e_y"), m("e_m")),
        format!("(?P<f>{})", y("f_y")),
        // M月D日至(M月)?D日, M月D日: the document's year
        format!(
            "(?P<g>{}(?P<g_d>{D})日?{TO}(?:{})?{})",
            m("g_m"),
            m("g_m2"),
            d("g_d2")
        ),
        format!("(?P<h>{}{})", m("h_m"), d("h_d")),
        // relative years, with a month and day, a month, or alone
        format!("(?P<i>(?P<i_rel>{rel}){}{})", m("i_m"), d("i_d")),
        format!("(?P<j>(?P<j_rel>{rel}){})", m("j_m")),
        format!("(?P<k>{rel})"),
        format!("(?P<l>{})", words.alternation(List::RelativeMonths)),
        // M月 alone: the document's year
        format!("(?P<m>{})", m("m_m")),
        // D日 (至D日) alone, as a report dates what it reports (峰会15日在某城开幕): the
        // document's month
        format!("(?P<p>{}(?:{TO}{})?)", d("p_d"), d("p_d2")),
    ];
    alts.join("|")
}

/// A number with its multiplier, then a currency word (`num`, `mult`, `cur`: 50多亿美元), or
/// a currency word, a number with its multiplier, and 元 (`pre`, `pnum`, `pmult`:
/// 人民币200亿元).
fn money_pattern(words: &Words) -> String {
    let about = words.alternation(List::AmountQualifiers);
    // the qualifiers may stand after the number and after the multiplier (50多亿)
    let amount = |num: &str, mult: &str| {
        format!("(?P<{num}>{NUMBER})(?:{about})?(?P<{mult}>{MULTIPLIER})?(?:{about})?")
    };
    let after = words.alternation(List::Currencies);
    let before = words.alternation(List::CurrenciesBefore);
    format!(
        "{}(?P<cur>{after})|(?P<pre>{before}){}元",
        amount("num", "mult"),
        amount("pnum", "pmult")
    )
}

fn num(s: &str) -> Option<u32> {
    numbers::parse(s).and_then(|v| u32::try_from(v).ok())
}

fn year(s: &str) -> Option<i32> {
    numbers::parse(s).and_then(|v| i32::try_from(v).ok())
}

/// Every date in `norm`, given the document's date `reference` (for M月D日 and the
/// relative forms; without it those are skipped).
pub fn find_dates(rules: &Rules, norm: &str, reference: Option<Ymd>) -> Vec<FoundDate> {
    let mut out = Vec::new();
    for caps in rules.date.captures_iter(norm) {
        let whole = caps.get(0).expect("group 0 is the match");
        // a year glued to more digits (12014年) is no year
        if norm[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        // nor is an ISO date glued to more digits (2018-09-021)
        if caps.name("o").is_some()
            && norm[whole.end()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        // a day alone only where a report dates an act by it (王五18日在金城出席): not in
        // 每月15日, 第3日, 30日内, 3日游, nor right after a number
        if caps.name("p").is_some() {
            let before = norm[..whole.start()].chars().next_back();
            let after = norm[whole.end()..].chars().next();
            if before.is_none_or(|c| !is_han(c) || "月每第前近上下本当次".contains(c))
                || after.is_some_and(|c| "内以游后前期份间".contains(c))
            {
                continue;
            }
        }
        if let Some((value, start)) = read_date(rules, &caps, reference) {
            out.push(FoundDate {
                span: whole.range(),
                value,
                start,
            });
        }
    }
    out
}

/// The ISO value and first point of one match of the date pattern; `None` when it is no
/// valid date or needs the `reference` date it lacks.
fn read_date(rules: &Rules, caps: &Captures, reference: Option<Ymd>) -> Option<(String, Ymd)> {
    let text = |name: &str| caps.name(name).map(|m| m.as_str());
    let y = |name: &str| text(name).and_then(year);
    let n = |name: &str| text(name).and_then(num);
    let ymd = |year: Option<i32>, month, day| year.map(|year| Ymd { year, month, day });
    if caps.name("o").is_some() {
        point(y("o_y"), n("o_m").or(n("o_m2")), n("o_d").or(n("o_d2")))
    } else if caps.name("a").is_some() {
        let (y1, m1) = (y("a_y"), n("a_m"));
        interval(
            ymd(y1, m1, n("a_d")),
            ymd(y("a_y2").or(y1), n("a_m2").or(m1), n("a_d2")),
        )
    } else if caps.name("b").is_some() {
        let y1 = y("b_y");
        interval(
            ymd(y1, n("b_m"), None),
            ymd(y("b_y2").or(y1), n("b_m2"), None),
        )
    } else if caps.name("c").is_some() {
        interval(ymd(y("c_y"), None, None), ymd(y("c_y2"), None, None))
    } else if caps.name("d").is_some() {
        point(y("d_y"), n("d_m"), n("d_d"))
    } else if caps.name("e").is_some() {
        point(y("e_y"), n("e_m"), None)
    } else if caps.name("f").is_some() {
        point(y("f_y"), None, None)
    } else if caps.name("g").is_some() {
        let r = reference?;
        let m1 = n("g_m");
        interval(
            ymd(Some(r.year), m1, n("g_d")),
            ymd(Some(r.year), n("g_m2").or(m1), n("g_d2")),
        )
    } else if caps.name("h").is_some() {
        point(Some(reference?.year), n("h_m"), n("h_d"))
    } else if let Some(word) = text("i_rel").or(text("j_rel")).or(text("k")) {
        // 今年5月3日 (i), 今年5月 (j), 今年 (k)
        let year = reference?
            .year
            .checked_add(*rules.relative_years.get(word)?)?;
        point(Some(year), n("i_m").or(n("j_m")), n("i_d"))
    } else if let Some(word) = text("l") {
        let month = reference?.month.filter(|m| (1..=12).contains(m))?;
        let offset = *rules.relative_months.get(word)?;
        // months since year 0, so that any offset crosses years right
        let months = i64::from(reference?.year) * 12 + i64::from(month) - 1 + i64::from(offset);
        let year = i32::try_from(months.div_euclid(12)).ok()?;
        point(Some(year), Some(months.rem_euclid(12) as u32 + 1), None)
    } else if caps.name("m").is_some() {
        // M月 alone: 12个月, 3月份 are durations or fine
        point(Some(reference?.year), n("m_m"), None)
    } else if caps.name("p").is_some() {
        // the document's month; a day after the document's day is the month before's
        let r = reference?;
        let (day, last) = (n("p_d")?, n("p_d2"));
        let month = r.month?;
        let (year, month) = match r.day {
            Some(today) if day > today => {
                if month == 1 {
                    (r.year - 1, 12)
                } else {
                    (r.year, month - 1)
                }
            }
            _ => (r.year, month),
        };
        match last {
            Some(last) => interval(
                ymd(Some(year), Some(month), Some(day)),
                ymd(Some(year), Some(month), Some(last)),
            ),
            None => point(Some(year), Some(month), Some(day)),
        }
    } else {
        None
    }
}

fn point(y: Option<i32>, m: Option<u32>, d: Option<u32>) -> Option<(String, Ymd)> {
    let p = Ymd {
        year: y?,
        month: m,
        day: d,
    };
    p.valid().then(|| (p.iso(), p))
}

fn interval(a: Option<Ymd>, b: Option<Ymd>) -> Option<(String, Ymd)> {
    let (a, b) = (a?, b?);
    (a.valid() && b.valid() && a <= b).then(|| (format!("{}/{}", a.iso(), b.iso()), a))
}

/// A sum of money found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundAmount<'r> {
    pub span: Range<usize>,
    /// Decimal value (`5000000000`, `1.5`).
    pub value: String,
    /// The currencies its currency word can name: one, or several each with its state.
    pub currencies: &'r [Currency],
}

impl FoundAmount<'_> {
    /// The amount's currency (ISO 4217), given whether the document names a state (by
    /// its ISO 3166-1 alpha-3 code): the currency of a word that names one; for a word that
    /// names several, the one whose state is the only one of them the document names;
    /// otherwise none.
    pub fn currency(&self, names_state: impl Fn(&str) -> bool) -> Option<&str> {
        if let [only] = self.currencies {
            return Some(&only.code);
        }
        let mut named = self
            .currencies
            .iter()
            .filter(|c| c.state.as_deref().is_some_and(&names_state));
        match (named.next(), named.next()) {
            (Some(c), None) => Some(&c.code),
            _ => None,
        }
    }

    /// The amount's entity key and label: `value currency` (`5000000000 USD`), or the
    /// value alone when it has no currency (see [`FoundAmount::currency`]).
    pub fn key(&self, names_state: impl Fn(&str) -> bool) -> String {
        match self.currency(names_state) {
            Some(code) => format!("{} {code}", self.value),
            None => self.value.clone(),
        }
    }
}

/// Every sum of money in `norm`.
pub fn find_amounts<'r>(rules: &'r Rules, norm: &str) -> Vec<FoundAmount<'r>> {
    let mut out = Vec::new();
    for caps in rules.money.captures_iter(norm) {
        let whole = caps.get(0).expect("group 0 is the match");
        let (number, mult, currencies) = match caps.name("cur") {
            Some(cur) => {
                // 元首, 元年 …: 元 is not money there
                let rest = &norm[cur.start()..];
                if rules.not_money.iter().any(|w| rest.starts_with(w.as_str())) {
                    continue;
                }
                (
                    caps.name("num"),
                    caps.name("mult"),
                    rules.currencies.get(cur.as_str()),
                )
            }
            None => (
                caps.name("pnum"),
                caps.name("pmult"),
                caps.name("pre")
                    .and_then(|pre| rules.currencies_before.get(pre.as_str())),
            ),
        };
        let (Some(number), Some(currencies)) = (number.map(|n| n.as_str()), currencies) else {
            continue;
        };
        let mult = mult.map_or("", |m| m.as_str());
        let chinese = !number.starts_with(|c: char| c.is_ascii_digit());
        if chinese && mult.is_empty() && number.chars().count() < 2 {
            continue;
        }
        if norm[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
        {
            continue;
        }
        let Some(value) = decimal(number, mult) else {
            continue;
        };
        out.push(FoundAmount {
            span: whole.range(),
            value,
            currencies,
        });
    }
    out
}

/// `number × multiplier` as a decimal string without exponent or trailing zeros.
fn decimal(number: &str, mult: &str) -> Option<String> {
    let exp = numbers::multiplier_exponent(mult)?;
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (numbers::parse(number)?.to_string(), String::new()),
    };
    let digits = format!("{int}{frac}");
    let scale = frac.len() as i64 - exp as i64; // value = digits × 10^-scale
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some("0".into());
    }
    Some(if scale <= 0 {
        format!("{digits}{}", "0".repeat((-scale) as usize))
    } else {
        let scale = scale as usize;
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (i, f) = padded.split_at(padded.len() - scale);
        let f = f.trim_end_matches('0');
        if f.is_empty() {
            i.to_string()
        } else {
            format!("{i}.{f}")
        }
    })
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::lexicon::Lexicon;

    static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::new(&Lexicon::builtin().words));

    fn values_with(rules: &Rules, text: &str, reference: Option<Ymd>) -> Vec<(String, String)> {
        find_dates(rules, text, reference)
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.value))
            .collect()
    }

    fn values(text: &str, reference: Option<Ymd>) -> Vec<(String, String)> {
        values_with(&RULES, text, reference)
    }

    /// (surface, value, currency) of every amount, the currency read as if the document
    /// named the states `states`.
    fn amounts_with(rules: &Rules, text: &str, states: &[&str]) -> Vec<(String, String, String)> {
        let text = crate::text::normalize(text);
        find_amounts(rules, &text)
            .into_iter()
            .map(|a| {
                let currency = a.currency(|s| states.contains(&s)).unwrap_or("-");
                (
                    text[a.span.clone()].to_string(),
                    a.value.clone(),
                    currency.to_string(),
                )
            })
            .collect()
    }

    fn amounts(text: &str) -> Vec<(String, String, String)> {
        amounts_with(&RULES, text, &[])
    }

    fn one(surface: &str, value: &str, currency: &str) -> Vec<(String, String, String)> {
        vec![(surface.into(), value.into(), currency.into())]
    }

    const REF: Option<Ymd> = Some(Ymd {
        year: 2014,
        month: Some(9),
        day: Some(12),
    });

    const DECEMBER: Option<Ymd> = Some(Ymd {
        year: 2014,
        month: Some(12),
        day: None,
    });

    #[test]
    fn absolute_dates_and_ranges() {
        let cases = [
            (
                "于2014年9月11日至12日在杜尚别",
                "2014年9月11日至12日",
                "2014-09-11/2014-09-12",
            ),
            ("在2015年至2017年间", "2015年至2017年", "2015/2017"),
            (
                "于1997年2月14至15日在金城",
                "1997年2月14至15日",
                "1997-02-14/1997-02-15",
            ),
            // without the second day, the first 日 is not optional
            ("1997年2月14至今", "1997年2月", "1997-02"),
            ("2015年10月中国西部", "2015年10月", "2015-10"),
            ("拟于2016年举行", "2016年", "2016"),
            ("二〇一五年七月十日", "二〇一五年七月十日", "2015-07-10"),
            ("2019年11月3日", "2019年11月3日", "2019-11-03"),
            ("2013—2017年", "2013—2017年", "2013/2017"),
            (
                "2014年12月30日至2015年1月2日",
                "2014年12月30日至2015年1月2日",
                "2014-12-30/2015-01-02",
            ),
            ("2014年9月至11月", "2014年9月至11月", "2014-09/2014-11"),
            (
                "二〇一六年四月二十八日",
                "二〇一六年四月二十八日",
                "2016-04-28",
            ),
            ("2018-09-02 16:48 来源", "2018-09-02", "2018-09-02"),
        ];
        for (text, surface, value) in cases {
            assert_eq!(
                values(text, None),
                vec![(surface.to_string(), value.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn relative_dates_need_the_document_date() {
        type Case<'a> = (&'a str, Option<Ymd>, &'a [(&'a str, &'a str)]);
        let cases: [Case; 21] = [
            ("去年和明年", REF, &[("去年", "2013"), ("明年", "2015")]),
            ("前年、后年", REF, &[("前年", "2012"), ("后年", "2016")]),
            ("今年", None, &[]),
            ("新华社杜尚别9月12日电", REF, &[("9月12日", "2014-09-12")]),
            ("9月12日", None, &[]),
            (
                "9月11日至12日",
                REF,
                &[("9月11日至12日", "2014-09-11/2014-09-12")],
            ),
            (
                "上月和本月底",
                REF,
                &[("上月", "2014-08"), ("本月底", "2014-09")],
            ),
            ("上个月", REF, &[("上个月", "2014-08")]),
            ("下个月", DECEMBER, &[("下个月", "2015-01")]),
            ("本月中旬", REF, &[("本月中旬", "2014-09")]),
            ("月底", None, &[]),
            ("今年5月", REF, &[("今年5月", "2014-05")]),
            ("去年5月3日", REF, &[("去年5月3日", "2013-05-03")]),
            ("十二月", REF, &[("十二月", "2014-12")]),
            // a web page's date with slashes
            ("2022/11/15 17:53", None, &[("2022/11/15", "2022-11-15")]),
            // a day alone, where a report dates an act by it: the document's month (the
            // month before for a later day), not without one, nor in other uses
            ("峰会12日在金城开幕。", REF, &[("12日", "2014-09-12")]),
            ("王五十八日出席。", REF, &[("十八日", "2014-08-18")]),
            (
                "会议10日至12日举行。",
                REF,
                &[("10日至12日", "2014-09-10/2014-09-12")],
            ),
            ("峰会12日开幕。", DECEMBER, &[("12日", "2014-12-12")]),
            ("峰会12日开幕。", None, &[]),
            ("每月15日举行，30日内答复，第3日结束。", REF, &[]),
        ];
        for (text, reference, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(s, v)| (s.to_string(), v.to_string()))
                .collect();
            assert_eq!(values(text, reference), expected, "{text}");
        }
        let year_only = Some(Ymd {
            year: 2014,
            month: None,
            day: None,
        });
        assert_eq!(values("本月", year_only), vec![], "本月 needs the month");
    }

    #[test]
    fn not_dates() {
        for text in [
            "胜利70周年",
            "未来5年内",
            "十几年",
            "第2118号决议",
            "12345年",
            "几年前",
            "上周",
            "2018-09-021",
            "2018-13-02",
        ] {
            assert_eq!(values(text, REF), vec![], "{text}");
        }
    }

    #[test]
    fn amounts_and_their_words() {
        let cases = [
            ("提供50亿美元贷款", "50亿美元", "5000000000", "USD"),
            ("规模为10亿美元", "10亿美元", "1000000000", "USD"),
            ("３０亿元人民币", "30亿元人民币", "3000000000", "CNY"),
            ("五百亿卢布", "五百亿卢布", "50000000000", "RUB"),
            ("1.5亿欧元", "1.5亿欧元", "150000000", "EUR"),
            ("人民币200亿元", "人民币200亿元", "20000000000", "CNY"),
            ("3000万美元", "3000万美元", "30000000", "USD"),
            ("0.25万美元", "0.25万美元", "2500", "USD"),
            ("50多亿美元", "50多亿美元", "5000000000", "USD"),
            ("两千万坚戈", "两千万坚戈", "20000000", "KZT"),
            ("100万土耳其里拉", "100万土耳其里拉", "1000000", "TRY"),
            ("300元", "300元", "300", "CNY"),
        ];
        for (text, surface, value, currency) in cases {
            assert_eq!(amounts(text), one(surface, value, currency), "{text}");
        }
        for text in [
            "各国元首和两元首",
            "100元首",
            "二〇一五元年",
            "人民币200亿",
            "50亿",
            "五美元",
        ] {
            assert_eq!(amounts(text), vec![], "{text}");
        }
    }

    #[test]
    fn ambiguous_currencies_follow_the_states_of_the_document() {
        let cases: [(&str, &[&str], &str); 8] = [
            ("5亿美元", &[], "USD"),
            ("5亿美元", &["SAU", "QAT"], "USD"),
            ("5亿里亚尔", &["SAU"], "SAR"),
            ("5亿里亚尔", &["QAT", "CHN"], "QAR"),
            ("5亿里亚尔", &["SAU", "QAT"], "-"),
            ("5亿里亚尔", &[], "-"),
            ("5亿卢比", &["IND", "PAK"], "-"),
            ("5亿卢比", &["PAK", "CHN"], "PKR"),
        ];
        for (text, states, currency) in cases {
            let found = amounts_with(&RULES, text, states);
            assert_eq!(found.len(), 1, "{text} {states:?}");
            assert_eq!(found[0].2, currency, "{text} {states:?}");
        }
        let found = amounts_with(&RULES, "20亿第纳尔", &["IRQ", "RUS"]);
        assert_eq!(found, one("20亿第纳尔", "2000000000", "IQD"));
    }

    #[test]
    fn a_key_holds_the_currency_only_when_known() {
        let found = find_amounts(&RULES, "5亿里亚尔和5亿美元");
        let keys: Vec<String> = found.iter().map(|a| a.key(|s| s == "OMN")).collect();
        assert_eq!(keys, ["500000000 OMR", "500000000 USD"]);
        let keys: Vec<String> = found.iter().map(|a| a.key(|_| false)).collect();
        assert_eq!(keys, ["500000000", "500000000 USD"]);
    }

    #[test]
    fn a_users_words_change_the_rules() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("words.tsv"),
            "list\tword\tvalue\nrelative_year\t大前年\t-3\ncurrency\t美元\t-\ncurrency\t里亚尔\tSAR\namount_qualifier\t余\t\nnot_money\t元月\t-\n",
        )
        .unwrap();
        let lex = Lexicon::load(&[dir.path().to_path_buf()]).unwrap();
        let rules = Rules::new(&lex.words);
        assert_eq!(
            values_with(&rules, "大前年", REF),
            vec![("大前年".to_string(), "2011".to_string())]
        );
        assert_eq!(amounts_with(&rules, "50亿美元", &[]), vec![]);
        assert_eq!(
            amounts_with(&rules, "5亿里亚尔", &[]),
            one("5亿里亚尔", "500000000", "SAR")
        );
        assert_eq!(
            amounts_with(&rules, "5000余万元", &[]),
            one("5000余万元", "50000000", "CNY")
        );
        assert_eq!(
            amounts_with(&rules, "300元月", &[]),
            one("300元", "300", "CNY")
        );
    }

    #[test]
    fn a_bad_value_is_an_error_at_load() {
        for row in [
            "relative_year\t大前年\tthree",
            "currency\t里亚尔\tSAR|QAR",
            "currency\t里亚尔\tsar",
        ] {
            let text = format!("list\tword\tvalue\n{row}\n");
            let err = Lexicon::from_tables(&[("words.tsv", &text)]).err();
            let err = err.map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("words.tsv:2:1"), "{row}: {err}");
        }
    }
}
