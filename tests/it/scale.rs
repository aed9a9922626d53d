//! Scale: the corpus generator, parallel extraction and incremental builds, through the
//! real binary. (Speed is measured by the benchmarks, never here.)

#[path = "../../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use diplograph::Lexicon;

/// `diplograph ARGS…` in `dir`; fails the test, showing what it printed, unless it succeeds.
fn diplograph(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(dir)
        .env_remove("DIPLOGRAPH_STORE")
        .env_remove("DIPLOGRAPH_LEXICON")
        .output()
        .expect("the diplograph binary runs");
    assert!(
        out.status.success(),
        "diplograph {} failed ({}):\n{}\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("diplograph writes UTF-8")
}

/// Writes `bytes` of generated corpus for `seed` under `dir`; returns (path, text) of
/// every file, in order.
fn generate(dir: &Path, seed: u64, bytes: usize) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let stats = corpus::generate(&Lexicon::builtin(), seed, bytes, |relative, text| {
        let path = dir.join(relative);
        std::fs::create_dir_all(path.parent().expect("generated paths have a directory"))?;
        std::fs::write(&path, text)?;
        files.push((path, text.to_string()));
        Ok(())
    })
    .expect("the temporary directory is writable");
    assert_eq!(stats.files, files.len());
    assert!(stats.documents >= stats.files);
    assert!(stats.bytes >= bytes);
    files
}

fn export(dir: &Path, store: &str) -> String {
    stdout(&diplograph(
        dir,
        &["export", "--format", "nquads", "--store", store],
    ))
}

#[test]
fn a_generated_meeting_or_agreement_has_one_date_and_place_in_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let files = generate(dir.path(), 3, 600_000);
    let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
    // "X成员国元首理事会第N次会议于DATE在CITY举行" and "DATE在CITY签署的《TITLE》"
    let held =
        regex::Regex::new(r"(\S+?成员国元首理事会第\S+?次会议)于(\d+年\d+月\d+日)在(\S+?)举行")
            .unwrap();
    let signed = regex::Regex::new(r"欢迎(\d+年\d+月\d+日)在(\S+?)签署的《([^》]+)》").unwrap();
    let mut seen: std::collections::HashMap<String, (String, String)> = Default::default();
    let (mut meetings, mut agreements, mut again) = (0, 0, 0);
    for (re, name, when, place) in [(&held, 1, 2, 3), (&signed, 3, 1, 2)] {
        for c in re.captures_iter(&all) {
            let key = c[name].to_string();
            let fact = (c[when].to_string(), c[place].to_string());
            match seen.get(&key) {
                Some(before) => {
                    again += 1;
                    assert_eq!(before, &fact, "{key} is held or signed twice over");
                }
                None => {
                    if name == 1 {
                        meetings += 1;
                    } else {
                        agreements += 1;
                    }
                    seen.insert(key, fact);
                }
            }
        }
    }
    assert!(
        meetings > 10 && agreements > 10,
        "{meetings} meetings, {agreements} agreements"
    );
    assert!(
        again > 10,
        "files should meet again at the same meetings: {again}"
    );
}

#[test]
fn the_generator_is_deterministic_and_its_documents_extract_without_broken_mentions() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = generate(a.path(), 7, 150_000);
    let second = generate(b.path(), 7, 150_000);
    let texts = |files: &[(PathBuf, String)], root: &Path| -> Vec<(PathBuf, String)> {
        files
            .iter()
            .map(|(p, t)| (p.strip_prefix(root).unwrap().to_path_buf(), t.clone()))
            .collect()
    };
    assert_eq!(
        texts(&first, a.path()),
        texts(&second, b.path()),
        "the same seed must give the same files, byte for byte"
    );
    let other = tempfile::tempdir().unwrap();
    assert_ne!(
        texts(&generate(other.path(), 8, 150_000), other.path()),
        texts(&first, a.path()),
        "another seed gives another corpus"
    );
    let all: String = first.iter().map(|(_, t)| t.as_str()).collect();
    for needle in ["宣言", "讲话", "（新华社", "\t", "美元"] {
        assert!(all.contains(needle), "the corpus should hold {needle:?}");
    }
    assert!(
        first
            .iter()
            .any(|(_, t)| t.contains("，") && t.contains("\n\n") && {
                let (repaired, n) = diplograph::input::repair(t);
                n > 0 && repaired.len() < t.len()
            }),
        "some paragraphs should carry page-break damage that the loader repairs"
    );

    let out = a.path().join("corpus.nq");
    diplograph(
        a.path(),
        &[
            "extract",
            ".",
            "--format",
            "nquads",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let quads = diplograph::eval::read_rdf(&out).expect("extract writes valid N-Quads");
    let gold = diplograph::eval::Gold::parse(
        Path::new("empty.gold.json"),
        r#"{"source": "generated", "entities": []}"#,
    )
    .unwrap();
    let report = diplograph::eval::score(&gold, quads);
    assert!(
        report.mentions.checked > 1000,
        "{} mentions",
        report.mentions.checked
    );
    assert_eq!(
        report.mentions.broken, 0,
        "every mention's anchor must equal its span of the text: {:?}",
        report.problems
    );
}

#[test]
fn extraction_and_building_give_the_same_output_on_one_thread_or_several() {
    let dir = tempfile::tempdir().unwrap();
    generate(&dir.path().join("corpus"), 3, 120_000);
    let one = stdout(&diplograph(
        dir.path(),
        &["extract", "corpus", "--threads", "1"],
    ));
    let three = stdout(&diplograph(
        dir.path(),
        &["extract", "corpus", "--threads", "3"],
    ));
    assert!(one.lines().count() > 10_000);
    assert!(
        one == three,
        "extract's output must not depend on --threads"
    );

    diplograph(
        dir.path(),
        &["build", "corpus", "--store", "s1", "--threads", "1"],
    );
    diplograph(
        dir.path(),
        &["build", "corpus", "--store", "s3", "--threads", "3"],
    );
    assert!(
        export(dir.path(), "s1") == export(dir.path(), "s3"),
        "the store must not depend on --threads"
    );
}

#[test]
fn an_unchanged_file_is_skipped_and_a_changed_one_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let files = generate(&dir.path().join("corpus"), 5, 60_000);
    assert!(files.len() >= 3);
    let first = diplograph(dir.path(), &["build", "corpus", "--store", "db"]);
    assert!(stdout(&first).contains(&format!("from {} file(s)", files.len())));
    let built = export(dir.path(), "db");
    assert!(
        built.contains("https://w3id.org/diplograph/ns#contentHash"),
        "the ledger records each file's hash"
    );

    let again = diplograph(dir.path(), &["build", "corpus", "--store", "db"]);
    let text = stdout(&again);
    assert!(text.contains("from 0 file(s)"), "{text}");
    assert!(
        text.contains(&format!("unchanged: {} file(s)", files.len())),
        "{text}"
    );
    assert_eq!(
        export(dir.path(), "db"),
        built,
        "a build of nothing new changes nothing"
    );

    // change one file: only it is built again, and the store equals a fresh build
    let (path, text) = &files[1];
    std::fs::write(path, format!("{text}\n中国支持联合国。\n")).unwrap();
    let third = stdout(&diplograph(
        dir.path(),
        &["build", "corpus", "--store", "db"],
    ));
    assert!(third.contains("from 1 file(s)"), "{third}");
    diplograph(dir.path(), &["build", "corpus", "--store", "fresh"]);
    let (db, fresh) = (export(dir.path(), "db"), export(dir.path(), "fresh"));
    let lines = |text: &str| {
        text.lines()
            .map(str::to_string)
            .collect::<std::collections::BTreeSet<_>>()
    };
    let (db, fresh) = (lines(&db), lines(&fresh));
    let stale: Vec<_> = db.difference(&fresh).take(5).collect();
    let lost: Vec<_> = fresh.difference(&db).take(5).collect();
    assert!(
        stale.is_empty() && lost.is_empty(),
        "an incremental build must leave what a fresh build leaves; it holds {stale:?} more and lacks {lost:?}"
    );

    // --force builds everything again, and changes nothing
    let forced = stdout(&diplograph(
        dir.path(),
        &["build", "corpus", "--store", "db", "--force"],
    ));
    assert!(
        forced.contains(&format!("from {} file(s)", files.len())),
        "{forced}"
    );
    assert!(export(dir.path(), "db") == export(dir.path(), "fresh"));
}

#[test]
fn building_a_directory_removes_deleted_files_but_naming_a_file_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let files = generate(&dir.path().join("corpus"), 9, 60_000);
    let elsewhere = dir.path().join("other/lone.txt");
    std::fs::create_dir_all(elsewhere.parent().unwrap()).unwrap();
    std::fs::write(&elsewhere, "中国支持上海合作组织。\n").unwrap();
    diplograph(dir.path(), &["build", "corpus", "--store", "db"]);
    diplograph(dir.path(), &["build", "other/lone.txt", "--store", "db"]);
    let graphs_of = |name: &str| {
        let q =
            format!("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d dg:sourceFile \"{name}\" }}");
        stdout(&diplograph(
            dir.path(),
            &["query", &q, "--store", "db", "--results", "tsv"],
        ))
        .lines()
        .nth(1)
        .unwrap_or("")
        .trim()
        .to_string()
    };
    let gone = files[0]
        .0
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert_ne!(graphs_of(&gone), "0");

    // a file named alone removes nothing
    std::fs::remove_file(&files[0].0).unwrap();
    let named = files[1]
        .0
        .strip_prefix(dir.path())
        .unwrap()
        .to_str()
        .unwrap();
    diplograph(dir.path(), &["build", named, "--store", "db"]);
    assert_ne!(
        graphs_of(&gone),
        "0",
        "building one file must not remove others"
    );

    // a directory removes the files gone from it, and only those
    let out = stdout(&diplograph(
        dir.path(),
        &["build", "corpus", "--store", "db"],
    ));
    assert!(
        out.contains(&format!("removed: 1 file(s) no longer found: {gone}")),
        "{out}"
    );
    assert_eq!(
        graphs_of(&gone),
        "0",
        "the deleted file's documents must be gone"
    );
    assert_eq!(graphs_of("lone.txt"), "1", "a file from elsewhere stays");
    let records = stdout(&diplograph(
        dir.path(),
        &[
            "query",
            &format!("ASK {{ ?r dg:fileName \"{gone}\" }}"),
            "--store",
            "db",
            "--results",
            "tsv",
        ],
    ));
    assert!(
        records.contains("false"),
        "its ledger record must be gone: {records}"
    );
}

#[test]
fn a_build_prints_no_progress_when_standard_error_is_no_terminal() {
    let dir = tempfile::tempdir().unwrap();
    generate(&dir.path().join("corpus"), 11, 30_000);
    let out = diplograph(dir.path(), &["build", "corpus", "--store", "db"]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
