//! The report of a scoring: its numbers ([`Report`], [`Prf`]), its text (as the reference
//! scorer `score.py` prints it) and its JSON; and the [`Summary`] of several gold files,
//! one row per file and a micro total.
//!
//! Guarantees: the text and the JSON of a [`Report`] are those of `score.py`, so the two
//! scorers can be compared line by line; nothing here prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use super::gold::classes;

/// Precision, recall and F1 of one count.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub system: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missed: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spurious: Option<Vec<String>>,
}

impl Prf {
    /// The scores of `tp` true positives among `system` answers and `gold` expected ones.
    /// Nothing expected and nothing answered is perfect; an empty side is 0 otherwise.
    pub fn new(tp: usize, system: usize, gold: usize) -> Prf {
        let p = if system > 0 {
            tp as f64 / system as f64
        } else if gold == 0 {
            1.0
        } else {
            0.0
        };
        let r = if gold > 0 {
            tp as f64 / gold as f64
        } else if system == 0 {
            1.0
        } else {
            0.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            tp,
            system,
            gold,
            precision: p,
            recall: r,
            f1,
            missed: None,
            spurious: None,
        }
    }

    /// The micro average of `scores`: their counts summed, without the lists.
    pub fn micro<'a>(scores: impl IntoIterator<Item = &'a Prf>) -> Prf {
        let (tp, system, gold) = scores.into_iter().fold((0, 0, 0), |(t, s, g), p| {
            (t + p.tp, s + p.system, g + p.gold)
        });
        Prf::new(tp, system, gold)
    }
}

/// The mentions whose anchor was checked against their context, and those that failed.
#[derive(Debug, Clone, Serialize)]
pub struct Mentions {
    pub checked: usize,
    pub broken: usize,
}

/// The scores of one output against one gold file.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub mentions: Mentions,
    pub entities: BTreeMap<String, Prf>,
    pub entities_micro: Prf,
    pub relations: Prf,
    pub statements: Prf,
    pub proposals: Prf,
    pub concerns: Prf,
    pub problems: Vec<String>,
}

impl Report {
    /// Does the output break the mention invariant or the contract?
    pub fn is_broken(&self) -> bool {
        self.mentions.broken > 0 || !self.problems.is_empty()
    }

    /// The report as `score.py` prints it; `details` adds what was missed and what is
    /// spurious.
    pub fn text(&self, details: bool) -> String {
        let mut s = String::new();
        for cls in classes() {
            if let Some(r) = self.entities.get(cls) {
                row(&mut s, cls, r);
            }
        }
        for (name, r) in self.totals() {
            row(&mut s, name, r);
        }
        let _ = writeln!(
            s,
            "mentions         {} checked, {} broken",
            self.mentions.checked, self.mentions.broken
        );
        if details {
            self.details(&mut s);
        }
        for p in &self.problems {
            let _ = writeln!(s, "problem: {p}");
        }
        s
    }

    /// The report as JSON, as `score.py --json` prints it.
    pub fn json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }

    /// The scores after the per-class ones, in the order the text lists them.
    fn totals(&self) -> [(&'static str, &Prf); 5] {
        [
            ("entities", &self.entities_micro),
            ("relations", &self.relations),
            ("statements", &self.statements),
            ("proposals", &self.proposals),
            ("concerns", &self.concerns),
        ]
    }

    /// The missed and spurious items of each class, then of relations and statements.
    fn details(&self, s: &mut String) {
        let classes = classes()
            .into_iter()
            .filter_map(|c| self.entities.get(c).map(|r| (c, r)));
        let rest = [
            ("relations", &self.relations),
            ("statements", &self.statements),
        ];
        for (name, r) in classes.chain(rest) {
            for x in r.missed.iter().flatten() {
                let _ = writeln!(s, "missed   {name:<14} {x}");
            }
            for x in r.spurious.iter().flatten() {
                let _ = writeln!(s, "spurious {name:<14} {x}");
            }
        }
    }
}

/// One line of the report: `name`'s precision, recall, F1 and counts.
fn row(s: &mut String, name: &str, r: &Prf) {
    let _ = writeln!(
        s,
        "{name:<16} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, system {}, gold {})",
        r.precision, r.recall, r.f1, r.tp, r.system, r.gold
    );
}

/// The scores of one gold file among several.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    pub gold: PathBuf,
    pub report: Report,
}

/// Micro totals over several gold files: every count summed over the files.
#[derive(Debug, Clone, Serialize)]
pub struct Total {
    pub mentions: Mentions,
    pub entities_micro: Prf,
    pub relations: Prf,
    pub statements: Prf,
    pub proposals: Prf,
    pub concerns: Prf,
}

/// The scores of several gold files: a report per file, and their micro total.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub files: Vec<Scored>,
    pub total: Total,
}

/// The parts a summary row shows, by their report names.
const PARTS: [&str; 5] = [
    "entities",
    "relations",
    "statements",
    "proposals",
    "concerns",
];

impl Summary {
    /// The summary of `files`' reports, in their order.
    pub fn new(files: Vec<Scored>) -> Summary {
        let reports = || files.iter().map(|f| &f.report);
        let total = Total {
            mentions: Mentions {
                checked: reports().map(|r| r.mentions.checked).sum(),
                broken: reports().map(|r| r.mentions.broken).sum(),
            },
            entities_micro: Prf::micro(reports().map(|r| &r.entities_micro)),
            relations: Prf::micro(reports().map(|r| &r.relations)),
            statements: Prf::micro(reports().map(|r| &r.statements)),
            proposals: Prf::micro(reports().map(|r| &r.proposals)),
            concerns: Prf::micro(reports().map(|r| &r.concerns)),
        };
        Summary { files, total }
    }

    /// Is any file's output broken (see [`Report::is_broken`])?
    pub fn is_broken(&self) -> bool {
        self.files.iter().any(|f| f.report.is_broken())
    }

    /// A table: the F1 of each part and the broken mentions, a row per gold file (named
    /// by its file name without `.gold.json`) and a last row `micro total`; then each
    /// file's problems, as `problem: NAME: …`.
    pub fn text(&self) -> String {
        let names: Vec<String> = self.files.iter().map(|f| name_of(&f.gold)).collect();
        let width = names.iter().map(|n| n.chars().count()).fold(11, usize::max);
        let mut s = format!("{:<width$}", "F1");
        for part in PARTS {
            let _ = write!(s, "  {part:>10}");
        }
        s.push_str("  broken mentions\n");
        for (name, f) in names.iter().zip(&self.files) {
            let r = &f.report;
            let parts = [
                &r.entities_micro,
                &r.relations,
                &r.statements,
                &r.proposals,
                &r.concerns,
            ];
            summary_row(&mut s, name, width, parts, r.mentions.broken);
        }
        let t = &self.total;
        let parts = [
            &t.entities_micro,
            &t.relations,
            &t.statements,
            &t.proposals,
            &t.concerns,
        ];
        summary_row(&mut s, "micro total", width, parts, t.mentions.broken);
        for (name, f) in names.iter().zip(&self.files) {
            for p in &f.report.problems {
                let _ = writeln!(s, "problem: {name}: {p}");
            }
        }
        s
    }

    /// The summary as JSON: each file's whole report, and the total.
    pub fn json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }
}

fn summary_row(s: &mut String, name: &str, width: usize, parts: [&Prf; 5], broken: usize) {
    let _ = write!(s, "{name:<width$}");
    for p in parts {
        let _ = write!(s, "  {:>10.3}", p.f1);
    }
    let _ = writeln!(s, "  {broken:>15}");
}

/// A gold file's name without its folder and `.gold.json`.
fn name_of(gold: &std::path::Path) -> String {
    let name = gold.file_name().unwrap_or_default().to_string_lossy();
    name.strip_suffix(".gold.json").unwrap_or(&name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_recall_and_f1_of_counts() {
        for ((tp, system, gold), (p, r, f1)) in [
            ((0, 0, 0), (1.0, 1.0, 1.0)),
            ((0, 0, 3), (0.0, 0.0, 0.0)),
            ((0, 2, 0), (0.0, 0.0, 0.0)),
            ((1, 2, 4), (0.5, 0.25, 1.0 / 3.0)),
            ((3, 3, 3), (1.0, 1.0, 1.0)),
        ] {
            let s = Prf::new(tp, system, gold);
            let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
            assert!(
                close(s.precision, p) && close(s.recall, r) && close(s.f1, f1),
                "{tp} {system} {gold}: {s:?}"
            );
        }
    }

    #[test]
    fn the_micro_average_sums_the_counts() {
        let m = Prf::micro([&Prf::new(1, 2, 2), &Prf::new(3, 3, 6)]);
        assert_eq!((m.tp, m.system, m.gold), (4, 5, 8));
        assert_eq!(m, Prf::new(4, 5, 8));
    }

    fn report(tp: usize) -> Report {
        let prf = Prf::new(tp, 2, 2);
        Report {
            mentions: Mentions {
                checked: 3,
                broken: 0,
            },
            entities: classes()
                .iter()
                .map(|c| (c.to_string(), prf.clone()))
                .collect(),
            entities_micro: prf.clone(),
            relations: prf.clone(),
            statements: Prf {
                missed: Some(vec!["1 中国 Propose 建议".into()]),
                spurious: Some(vec![]),
                ..prf.clone()
            },
            proposals: prf.clone(),
            concerns: prf,
            problems: vec![],
        }
    }

    #[test]
    fn the_text_is_a_row_per_score_then_the_details() {
        let text = report(1).text(true);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "State            P 0.500  R 0.500  F1 0.500  (tp 1, system 2, gold 2)"
        );
        assert_eq!(lines[8].split_whitespace().next(), Some("entities"));
        assert_eq!(lines[13], "mentions         3 checked, 0 broken");
        assert_eq!(lines[14..], ["missed   statements     1 中国 Propose 建议"]);
        assert_eq!(report(1).text(false).lines().count(), 14);
    }

    #[test]
    fn a_summary_is_a_row_per_file_and_a_micro_total() {
        let files = vec![
            Scored {
                gold: PathBuf::from("tests/holdout/a-long-name.gold.json"),
                report: report(2),
            },
            Scored {
                gold: PathBuf::from("b.gold.json"),
                report: Report {
                    problems: vec!["x has two entity classes".into()],
                    ..report(0)
                },
            },
        ];
        let summary = Summary::new(files);
        assert_eq!(summary.total.relations, Prf::new(2, 4, 4));
        assert_eq!(summary.total.mentions.checked, 6);
        assert!(summary.is_broken());
        let text = summary.text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "F1             entities   relations  statements   proposals    concerns  broken mentions"
        );
        assert_eq!(
            lines[1],
            "a-long-name       1.000       1.000       1.000       1.000       1.000                0"
        );
        assert!(
            lines[2].starts_with("b                 0.000"),
            "{}",
            lines[2]
        );
        assert!(
            lines[3].starts_with("micro total       0.500"),
            "{}",
            lines[3]
        );
        assert_eq!(lines[4], "problem: b: x has two entity classes");
    }
}
