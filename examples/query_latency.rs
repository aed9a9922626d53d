//! Query latency on a built store, for the benchmarks: `cargo run --release --example
//! query_latency -- --store DIR [--runs N] QUERY.rq…`.
//!
//! In: a store and SPARQL files. Out: one Markdown table row per query: the median (p50),
//! fastest and slowest of N timed runs (after one untimed warm-up run) and the number of
//! results. A run is what `diplograph query` does between opening the store and printing:
//! parse, evaluate over the union of the graphs, and collect every result in memory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use diplograph::sparql::query::{self, Answer};
use diplograph::store;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("query_latency: {e}");
            ExitCode::FAILURE
        }
    }
}

const USAGE: &str = "usage: query_latency --store DIR [--runs N] QUERY.rq…";

fn run() -> Result<(), String> {
    let (mut store_dir, mut runs, mut files) = (None, 11usize, Vec::new());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--store" => store_dir = args.next().map(PathBuf::from),
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or(format!("--runs needs a positive number; {USAGE}"))?
            }
            "-h" | "--help" => return Err(USAGE.into()),
            file => files.push(PathBuf::from(file)),
        }
    }
    let store_dir = store_dir.ok_or(format!("--store is required; {USAGE}"))?;
    if files.is_empty() {
        return Err(format!("name at least one query file; {USAGE}"));
    }
    let opened = Instant::now();
    let db = store::open_existing(&store_dir).map_err(|e| e.to_string())?;
    println!(
        "store {} opened in {:.1} ms; {runs} runs per query after one warm-up",
        store_dir.display(),
        ms(opened.elapsed())
    );
    println!();
    println!("| query | p50 ms | min ms | max ms | results |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut results = 0;
        let mut times = Vec::with_capacity(runs);
        for run in 0..=runs {
            let started = Instant::now();
            let answer = query::evaluate(&db, &text, None)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let took = started.elapsed();
            results = match answer {
                Answer::Solutions { rows, .. } => rows.len(),
                Answer::Boolean(_) => 1,
                Answer::Graph(triples) => triples.len(),
            };
            if run > 0 {
                times.push(took);
            }
        }
        times.sort();
        println!(
            "| {} | {:.1} | {:.1} | {:.1} | {results} |",
            file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            ),
            ms(times[times.len() / 2]),
            ms(times[0]),
            ms(times[times.len() - 1]),
        );
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
