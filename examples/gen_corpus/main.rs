//! A synthetic corpus for benchmarks: `cargo run --release --example gen_corpus -- --mb N
//! --out DIR [--seed S]`.
//!
//! In: `--mb N` (megabytes of text, 10^6 bytes, at least; fractions allowed), `--out DIR`
//! (a new or empty directory, so that it holds exactly what the seed makes) and `--seed
//! S` (default 1). Out: UTF-8 `.txt` files under `DIR/{year}/`, declarations and speeches
//! written from templates and the built-in lexicons (see `corpus.rs`); the same seed and
//! size give the same bytes on every machine. Prints how many files, documents and bytes.

mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus --mb N --out DIR [--seed S]";

struct Args {
    mb: f64,
    out: PathBuf,
    seed: u64,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args() -> Result<Args, String> {
    let (mut mb, mut out, mut seed) = (None, None, 1);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value; {USAGE}"));
        match a.as_str() {
            "--mb" => {
                let v = value()?;
                let m = v.parse::<f64>().ok().filter(|m| *m > 0.0 && m.is_finite());
                mb = Some(m.ok_or(format!("--mb {v:?} is not a positive number"))?);
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => {
                let v = value()?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed {v:?} is not a whole number"))?;
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}; {USAGE}")),
        }
    }
    Ok(Args {
        mb: mb.ok_or(format!("--mb is required; {USAGE}"))?,
        out: out.ok_or(format!("--out is required; {USAGE}"))?,
        seed,
    })
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let shown = args.out.display().to_string();
    if args.out.exists() {
        let mut entries = std::fs::read_dir(&args.out).map_err(|e| format!("{shown}: {e}"))?;
        if entries.next().is_some() {
            return Err(format!(
                "{shown} is not empty; give a new or empty directory, so that it holds exactly what the seed makes"
            ));
        }
    }
    let lex = diplograph::Lexicon::builtin();
    let bytes = (args.mb * 1e6).ceil() as usize;
    let stats = corpus::generate(&lex, args.seed, bytes, |relative, text| {
        let path = args.out.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, text)
    })
    .map_err(|e| format!("cannot write under {shown}: {e}"))?;
    println!(
        "wrote {} files, {} documents, {} bytes to {shown} (seed {})",
        stats.files, stats.documents, stats.bytes, args.seed
    );
    Ok(())
}
