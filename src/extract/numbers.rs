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
        let unit: u128 = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
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

fn digit(c: char) -> Option<u128> {
    Some(match c {
        '〇' | '零' | 'О' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
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
}
