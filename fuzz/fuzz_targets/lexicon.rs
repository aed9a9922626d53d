//! The lexicon loader: the first byte picks the table (states.tsv, organizations.tsv, …),
//! the rest is the file's bytes, read as `--lexicon DIR` reads them. A table that loads
//! is then used: the extractor runs with it on its own text, so every entry is found.
//! Errors are fine (they name file and line); nothing may panic.
#![no_main]

use std::path::Path;

use diplograph::lexicon::TABLES;
use diplograph::input;
use diplograph::{Extractor, Lexicon};
use diplograph_fuzz::extract_and_check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = TABLES[usize::from(pick) % TABLES.len()];
    let utf8 = input::encoding_for_label("UTF-8").expect("known");
    let Ok(decoded) = input::decode(Path::new(name), bytes, Some(utf8)) else {
        return;
    };
    match Lexicon::from_tables(&[(name, &decoded.text)]) {
        Ok(lexicon) => {
            let file = input::from_text("fuzz.txt".into(), "fuzz.txt".into(), &decoded.text);
            extract_and_check(&Extractor::new(lexicon), &file);
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.starts_with(name),
                "the error names the file: {message}"
            );
        }
    }
});
