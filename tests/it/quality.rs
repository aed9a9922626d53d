//! Extraction quality, measured by `diplograph eval` against the gold annotations in the
//! repository: the thresholds the issues set, so that a change that loses quality fails.
//! The hold-out documents (`tests/holdout/`) are not asserted on: they are scored by
//! `diplograph eval --gold tests/holdout`, which `cli::eval_scores_the_holdout_set_*`
//! checks runs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `eval --json` of `gold` against its own source.
fn eval(gold: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["eval", "--json", "--gold"])
        .arg(gold)
        .output()
        .expect("run diplograph eval");
    assert!(
        out.status.success(),
        "eval {} failed: {}",
        gold.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("eval --json prints JSON")
}

fn f1(report: &serde_json::Value, path: &[&str]) -> f64 {
    let mut v = report;
    for p in path {
        v = &v[*p];
    }
    v["f1"]
        .as_f64()
        .unwrap_or_else(|| panic!("no f1 at {path:?}"))
}

#[test]
fn seed_meets_the_issue_thresholds() {
    let r = eval(Path::new("data/corpus/sco-2014-dushanbe.gold.json"));
    assert_eq!(r["mentions"]["broken"], 0);
    assert!(
        r["problems"].as_array().unwrap().is_empty(),
        "{}",
        r["problems"]
    );
    for (what, path, floor) in [
        ("entity micro-F1", &["entities_micro"][..], 0.97),
        ("relation F1", &["relations"][..], 0.90),
        ("statement F1", &["statements"][..], 0.93),
        ("proposal F1", &["proposals"][..], 0.93),
        ("concern F1", &["concerns"][..], 0.85),
    ] {
        let v = f1(&r, path);
        assert!(v >= floor, "seed {what} {v:.3} < {floor}");
    }
    for (class, scores) in r["entities"].as_object().unwrap() {
        let v = scores["f1"].as_f64().unwrap();
        assert!(v >= 0.90, "seed {class} F1 {v:.3} < 0.90");
    }
}

/// Our own test documents (names absent from the seed, Chinese numerals, full-width
/// digits, traditional characters, two documents in one file, coreference), each scored
/// against the text beside its gold file.
#[test]
fn own_documents_meet_the_issue_thresholds() {
    let mut golds: Vec<PathBuf> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    for gold in &golds {
        let r = eval(gold);
        let name = gold.display();
        assert_eq!(r["mentions"]["broken"], 0, "{name}");
        let entities = f1(&r, &["entities_micro"]);
        let statements = f1(&r, &["statements"]);
        assert!(entities >= 0.90, "{name}: entity F1 {entities:.3} < 0.90");
        assert!(
            statements >= 0.85,
            "{name}: statement F1 {statements:.3} < 0.85"
        );
    }
    assert!(
        golds.len() >= 6,
        "expected the 6 test documents, found {}",
        golds.len()
    );
}
