//! Arbitrary bytes as an input file: decoding (detected, or one of a few named
//! encodings chosen by the first byte), then extraction and graph building. Decoding may
//! refuse the bytes with an error; nothing may panic.
#![no_main]

use std::path::Path;

use diplograph::input;
use diplograph_fuzz::{EXTRACTOR, extract_and_check};
use libfuzzer_sys::fuzz_target;

const ENCODINGS: [&str; 6] = ["GB18030", "GBK", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8"];

fuzz_target!(|data: &[u8]| {
    let (forced, bytes) = match data.split_first() {
        Some((&b, rest)) if usize::from(b) < ENCODINGS.len() => {
            let e = input::encoding_for_label(ENCODINGS[usize::from(b)]).expect("known");
            (Some(e), rest)
        }
        _ => (None, data),
    };
    let path = Path::new("fuzz.txt");
    if let Ok(decoded) = input::decode(path, bytes, forced) {
        let file = input::from_text("fuzz.txt".into(), path.to_path_buf(), &decoded.text);
        extract_and_check(&EXTRACTOR, &file);
    }
});
