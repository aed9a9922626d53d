//! Numbers written in Arabic digits (already folded from full width) or Chinese numerals.

/// The value of a number in Arabic digits or Chinese numerals (二〇一五, 五十, 两千三百,
/// 一万五千); `None` if it is neither.
pub fn parse(s: &str) -> Option<u128> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let chars: Vec<char> = s.chars().collect();
    // 二〇一五: digits one by one, no unit characters
    if chars.len() > 1 && chars.iter().all(|&c| digit(c).is_some()) {
        return chars
            .iter()
            .try_fold(0u128, |acc, &c| Some(acc * 10 + digit(c)?));
    }
    let mut total: u128 = 0; // completed 亿 and 万 groups
    let mut section: u128 = 0; // below 万
    let mut number: u128 = 0;
    for c in chars {
        if let Some(d) = digit(c) {
            number = d;
            continue;
        }
        let unit = 10u128.pow(unit_exponent(c)?);
        if unit >= 10_000 {
            section += number;
            total = (total + section) * unit;
            section = 0;
        } else {
            // 十 alone means 10
            section += if number == 0 && unit == 10 { 1 } else { number } * unit;
        }
        number = 0;
    }
    Some(total + section + number)
}

/// The Chinese digits by value; 零 and the Cyrillic О (a common typo) also write 0, 两 writes 2.
const DIGITS: [&str; 10] = [
    "〇零О", "一", "二两", "三", "四", "五", "六", "七", "八", "九",
];

/// The unit characters and the power of ten each stands for.
const UNITS: [(char, u32); 5] = [('十', 1), ('百', 2), ('千', 3), ('万', 4), ('亿', 8)];

fn digit(c: char) -> Option<u128> {
    DIGITS.iter().position(|d| d.contains(c)).map(|v| v as u128)
}

/// The power of ten a unit character (十, 百, 千, 万, 亿) stands for.
fn unit_exponent(c: char) -> Option<u32> {
    UNITS.iter().find(|(u, _)| *u == c).map(|&(_, e)| e)
}

/// The power of ten a multiplier of units stands for (千万: 7, 万亿: 12; the empty
/// multiplier: 0); `None` if a character is no unit.
pub fn multiplier_exponent(mult: &str) -> Option<u32> {
    mult.chars().map(unit_exponent).sum()
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn numerals() {
        for (s, v) in [
            ("2014", 2014),
            ("二〇一五", 2015),
            ("二零一六", 2016),
            ("十", 10),
            ("十二", 12),
            ("二十八", 28),
            ("三十一", 31),
            ("五十", 50),
            ("两千", 2000),
            ("一百二十", 120),
            ("一万五千", 15000),
            ("五十亿", 5_000_000_000),
            ("三千万", 30_000_000),
        ] {
            assert_eq!(parse(s), Some(v), "{s}");
        }
        assert_eq!(parse("几"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn multipliers() {
        use super::multiplier_exponent;
        for (mult, exp) in [
            ("", Some(0)),
            ("百", Some(2)),
            ("千", Some(3)),
            ("万", Some(4)),
            ("十万", Some(5)),
            ("百万", Some(6)),
            ("千万", Some(7)),
            ("亿", Some(8)),
            ("百亿", Some(10)),
            ("千亿", Some(11)),
            ("万亿", Some(12)),
            ("万几", None),
        ] {
            assert_eq!(multiplier_exponent(mult), exp, "{mult}");
        }
    }
}
