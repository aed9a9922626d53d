//! Extraction quality, measured by `diplograph eval` against the gold annotations in the
//! repository: the thresholds the issues set, so that a change that loses quality fails.

use std::path::Path;
use std::process::Command;

fn eval(gold: &Path, input: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["eval", "--json", "--gold"])
        .arg(gold)
        .arg(input)
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
    let r = eval(
        Path::new("tests/gold/sco-2014-dushanbe.gold.json"),
        Path::new("data/corpus/sco-2014-dushanbe.txt"),
    );
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
/// digits, traditional characters, two documents in one file, coreference) and the
/// holdout set.
#[test]
fn own_documents_meet_the_issue_thresholds() {
    let mut checked = 0;
    for dir in ["tests/corpus", "tests/holdout"] {
        let mut texts: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        texts.sort();
        for text in texts {
            let stem = text.file_stem().unwrap().to_str().unwrap();
            let beside = text.with_extension("gold.json");
            let gold = if beside.exists() {
                beside
            } else {
                Path::new("tests/gold").join(format!("{stem}.gold.json"))
            };
            let r = eval(&gold, &text);
            assert_eq!(r["mentions"]["broken"], 0, "{stem}");
            let entities = f1(&r, &["entities_micro"]);
            let statements = f1(&r, &["statements"]);
            assert!(entities >= 0.90, "{stem}: entity F1 {entities:.3} < 0.90");
            assert!(
                statements >= 0.85,
                "{stem}: statement F1 {statements:.3} < 0.85"
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 10,
        "expected the 6 test and 4 holdout documents, found {checked}"
    );
}
