//! Dates and sums of money, normalised.
//!
//! Dates: Y年M月D日, Y年M月, Y年, ranges joined by 至, 到, —, －, - or ~ (2014年9月11日至12日,
//! 2015年至2017年), M月D日 in the year of the document, and the relative forms 今年, 去年,
//! 明年, 前年, 后年, 本月, 上月, 下月, 月初, 月底 against the document's date. Years need four
//! digits (Arabic, full-width or Chinese: 二〇一五年), so 70周年 and 5年内 are not dates.
//! Values are ISO 8601 (`2014-09-12`, `2015-10`, `2016`, intervals `A/B`).
//!
//! Money: a number (digits or Chinese numerals) with an optional multiplier (万, 亿, 千万 …)
//! and a currency word, or 人民币 before the number: value as a decimal, currency as
//! ISO 4217.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::numbers;

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

const Y: &str = r"([0-9]{4}|[〇零一二三四五六七八九]{4})";
const M: &str = r"([0-9]{1,2}|十[一二]?|[一二三四五六七八九])";
const D: &str =
    r"([0-9]{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
const TO: &str = r"(?:至|到|—|－|-|~|～|―)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let alts = [
        // 0: Y年M月D日至(Y年)?(M月)?D日
        format!(r"(?P<a>{Y}年{M}月{D}日{TO}(?:{Y}年)?(?:{M}月)?{D}日)"),
        // Y年M月至(Y年)?M月
        format!(r"(?P<b>{Y}年{M}月{TO}(?:{Y}年)?{M}月)"),
        // Y年至Y年 | Y—Y年
        format!(r"(?P<c>{Y}年?{TO}{Y}年)"),
        format!(r"(?P<d>{Y}年{M}月{D}日)"),
        format!(r"(?P<e>{Y}年{M}月)"),
        format!(r"(?P<f>{Y}年)"),
        // M月D日至(M月)?D日, M月D日 — the document's year
        format!(r"(?P<g>{M}月{D}日{TO}(?:{M}月)?{D}日)"),
        format!(r"(?P<h>{M}月{D}日)"),
        // relative
        format!(r"(?P<i>(?:今年|去年|明年|前年|后年){M}月{D}日)"),
        format!(r"(?P<j>(?:今年|去年|明年|前年|后年){M}月)"),
        r"(?P<k>今年|去年|明年|前年|后年)".to_string(),
        r"(?P<l>本月(?:初|底|中旬|下旬|上旬)?|上个?月|下个?月|月初|月底)".to_string(),
        // M月 alone — the document's year
        format!(r"(?P<m>{M}月)"),
    ];
    Regex::new(&alts.join("|")).unwrap()
});

fn num(s: &str) -> Option<u32> {
    numbers::parse(s).and_then(|v| u32::try_from(v).ok())
}

fn year(s: &str) -> Option<i32> {
    numbers::parse(s).and_then(|v| i32::try_from(v).ok())
}

/// Every date in `norm`, given the document's date `reference` (for M月D日 and the
/// relative forms; without it those are skipped).
pub fn find_dates(norm: &str, reference: Option<Ymd>) -> Vec<FoundDate> {
    let mut out = Vec::new();
    for caps in DATE.captures_iter(norm) {
        let whole = caps.get(0).unwrap();
        // a year glued to more digits (12014年) is no year
        if norm[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let g = |i: usize| caps.get(i).map(|m| m.as_str());
        // group numbers: the named groups come first in each alternative
        let found = if caps.name("a").is_some() {
            let y1 = year(g(2).unwrap());
            let (m1, d1) = (num(g(3).unwrap()), num(g(4).unwrap()));
            let y2 = g(5).and_then(year).or(y1);
            let m2 = g(6).and_then(num).or(m1);
            let d2 = num(g(7).unwrap());
            interval(
                y1.map(|y| Ymd {
                    year: y,
                    month: m1,
                    day: d1,
                }),
                y2.map(|y| Ymd {
                    year: y,
                    month: m2,
                    day: d2,
                }),
            )
        } else if caps.name("b").is_some() {
            let y1 = year(g(9).unwrap());
            let y2 = g(11).and_then(year).or(y1);
            interval(
                y1.map(|y| Ymd {
                    year: y,
                    month: num(g(10).unwrap()),
                    day: None,
                }),
                y2.map(|y| Ymd {
                    year: y,
                    month: num(g(12).unwrap()),
                    day: None,
                }),
            )
        } else if caps.name("c").is_some() {
            interval(
                year(g(14).unwrap()).map(|y| Ymd {
                    year: y,
                    month: None,
                    day: None,
                }),
                year(g(15).unwrap()).map(|y| Ymd {
                    year: y,
                    month: None,
                    day: None,
                }),
            )
        } else if caps.name("d").is_some() {
            point(
                year(g(17).unwrap()),
                num(g(18).unwrap()),
                num(g(19).unwrap()),
            )
        } else if caps.name("e").is_some() {
            point(year(g(21).unwrap()), num(g(22).unwrap()), None)
        } else if caps.name("f").is_some() {
            point(year(g(24).unwrap()), None, None)
        } else if caps.name("g").is_some() {
            let Some(r) = reference else { continue };
            let m1 = num(g(26).unwrap());
            interval(
                Some(Ymd {
                    year: r.year,
                    month: m1,
                    day: num(g(27).unwrap()),
                }),
                Some(Ymd {
                    year: r.year,
                    month: g(28).and_then(num).or(m1),
                    day: num(g(29).unwrap()),
                }),
            )
        } else if caps.name("h").is_some() {
            let Some(r) = reference else { continue };
            point(Some(r.year), num(g(31).unwrap()), num(g(32).unwrap()))
        } else if let Some(m) = caps.name("i").or(caps.name("j")) {
            let Some(r) = reference else { continue };
            let y = r.year + relative_year(m.as_str());
            if caps.name("i").is_some() {
                point(Some(y), num(g(34).unwrap()), num(g(35).unwrap()))
            } else {
                point(Some(y), num(g(37).unwrap()), None)
            }
        } else if let Some(m) = caps.name("k") {
            let Some(r) = reference else { continue };
            point(Some(r.year + relative_year(m.as_str())), None, None)
        } else if caps.name("m").is_some() {
            let Some(r) = reference else { continue };
            // 12个月, 3月份 are durations or fine; a month glued to a digit is no month
            point(Some(r.year), num(g(41).unwrap()), None)
        } else if let Some(m) = caps.name("l") {
            let Some(Ymd {
                year,
                month: Some(month),
                ..
            }) = reference
            else {
                continue;
            };
            let s = m.as_str();
            let (y, mo) = if s.starts_with('上') {
                if month == 1 {
                    (year - 1, 12)
                } else {
                    (year, month - 1)
                }
            } else if s.starts_with('下') {
                if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                }
            } else {
                (year, month)
            };
            point(Some(y), Some(mo), None)
        } else {
            None
        };
        if let Some((value, start)) = found {
            out.push(FoundDate {
                span: whole.range(),
                value,
                start,
            });
        }
    }
    out
}

fn relative_year(word: &str) -> i32 {
    match &word[..6] {
        "去年" => -1,
        "明年" => 1,
        "前年" => -2,
        "后年" => 2,
        _ => 0,
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
pub struct FoundAmount {
    pub span: Range<usize>,
    /// Decimal value (`5000000000`, `1.5`).
    pub value: String,
    /// ISO 4217.
    pub currency: &'static str,
}

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)";
    let mult = r"(万亿|千亿|百亿|亿|千万|百万|十万|万|千|百)?";
    let currency = r"(美元|欧元|英镑|日元|卢布|元人民币|人民币|元|坚戈|索姆|索莫尼|苏姆|卢比|韩元|港元|澳门元|澳元|加元|瑞士法郎|瑞郎|特别提款权|迪拉姆|里亚尔|第纳尔|兰特|雷亚尔|比索|土耳其里拉|里拉|新加坡元|马来西亚林吉特|林吉特|泰铢|越南盾|新台币)";
    Regex::new(&format!(
        r"{number}多?{mult}多?{currency}|人民币{number}多?{mult}多?元"
    ))
    .unwrap()
});

/// Every sum of money in `norm`.
pub fn find_amounts(norm: &str) -> Vec<FoundAmount> {
    let mut out = Vec::new();
    for caps in MONEY.captures_iter(norm) {
        let whole = caps.get(0).unwrap();
        let after = norm[whole.end()..].chars().next();
        let (number, mult, currency) = match caps.get(1) {
            Some(n) => (
                n.as_str(),
                caps.get(2).map_or("", |m| m.as_str()),
                caps.get(3).unwrap().as_str(),
            ),
            None => (
                caps.get(4).unwrap().as_str(),
                caps.get(5).map_or("", |m| m.as_str()),
                "人民币",
            ),
        };
        // 元首, 元素, 元年 …: 元 is not money there
        if currency == "元" && after.is_some_and(|c| "首素年旦帅老气件月宵朝代".contains(c))
        {
            continue;
        }
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
        let code = match currency {
            "美元" => "USD",
            "欧元" => "EUR",
            "英镑" => "GBP",
            "日元" => "JPY",
            "卢布" => "RUB",
            "元人民币" | "人民币" | "元" => "CNY",
            "坚戈" => "KZT",
            "索姆" => "KGS",
            "索莫尼" => "TJS",
            "苏姆" => "UZS",
            "卢比" => "INR",
            "韩元" => "KRW",
            "港元" => "HKD",
            "澳门元" => "MOP",
            "澳元" => "AUD",
            "加元" => "CAD",
            "瑞士法郎" | "瑞郎" => "CHF",
            "特别提款权" => "XDR",
            "迪拉姆" => "AED",
            "里亚尔" => "SAR",
            "第纳尔" => "KWD",
            "兰特" => "ZAR",
            "雷亚尔" => "BRL",
            "比索" => "MXN",
            "土耳其里拉" | "里拉" => "TRY",
            "新加坡元" => "SGD",
            "马来西亚林吉特" | "林吉特" => "MYR",
            "泰铢" => "THB",
            "越南盾" => "VND",
            "新台币" => "TWD",
            _ => continue,
        };
        out.push(FoundAmount {
            span: whole.range(),
            value,
            currency: code,
        });
    }
    out
}

/// `number × multiplier` as a decimal string without exponent or trailing zeros.
fn decimal(number: &str, mult: &str) -> Option<String> {
    let exp: u32 = match mult {
        "" => 0,
        "百" => 2,
        "千" => 3,
        "万" => 4,
        "十万" => 5,
        "百万" => 6,
        "千万" => 7,
        "亿" => 8,
        "百亿" => 10,
        "千亿" => 11,
        "万亿" => 12,
        _ => return None,
    };
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
    use super::*;

    fn values(text: &str, reference: Option<Ymd>) -> Vec<(String, String)> {
        find_dates(text, reference)
            .into_iter()
            .map(|d| (text[d.span].to_string(), d.value))
            .collect()
    }

    const REF: Option<Ymd> = Some(Ymd {
        year: 2014,
        month: Some(9),
        day: Some(12),
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
            (
                "二〇一六年四月二十八日",
                "二〇一六年四月二十八日",
                "2016-04-28",
            ),
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
        assert_eq!(
            values("去年和明年", REF),
            vec![
                ("去年".into(), "2013".into()),
                ("明年".into(), "2015".into())
            ]
        );
        assert_eq!(values("今年", None), vec![]);
        assert_eq!(
            values("新华社杜尚别9月12日电", REF),
            vec![("9月12日".into(), "2014-09-12".into())]
        );
        assert_eq!(
            values("上月和本月底", REF),
            vec![
                ("上月".into(), "2014-08".into()),
                ("本月底".into(), "2014-09".into())
            ]
        );
        assert_eq!(
            values("今年5月", REF),
            vec![("今年5月".into(), "2014-05".into())]
        );
    }

    #[test]
    fn not_dates() {
        for text in [
            "胜利70周年",
            "未来5年内",
            "十几年",
            "第2118号决议",
            "12345年",
        ] {
            assert_eq!(values(text, REF), vec![], "{text}");
        }
    }

    #[test]
    fn amounts() {
        let cases = [
            ("提供50亿美元贷款", "50亿美元", "5000000000", "USD"),
            ("规模为10亿美元", "10亿美元", "1000000000", "USD"),
            ("３０亿元人民币", "30亿元人民币", "3000000000", "CNY"),
            ("五百亿卢布", "五百亿卢布", "50000000000", "RUB"),
            ("1.5亿欧元", "1.5亿欧元", "150000000", "EUR"),
            ("人民币200亿元", "人民币200亿元", "20000000000", "CNY"),
            ("3000万美元", "3000万美元", "30000000", "USD"),
            ("0.25万美元", "0.25万美元", "2500", "USD"),
        ];
        for (text, surface, value, currency) in cases {
            let text = crate::text::normalize(text);
            let found = find_amounts(&text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(&text[found[0].span.clone()], surface);
            assert_eq!(
                (found[0].value.as_str(), found[0].currency),
                (value, currency),
                "{text}"
            );
        }
        assert!(find_amounts("各国元首和两元首").is_empty());
    }
}
