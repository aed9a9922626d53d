//! Faults: a build killed with SIGKILL at random moments, and readers while a build
//! writes.
//!
//! The corpus is 24 files made from the seed and the test documents, in two versions
//! ("old" and "new": each file holds another document in each). Builds alternate between
//! the versions and are killed at moments drawn from a fixed seed over the length of a
//! clean build. After every kill the store must open (read-only and for writing) and hold,
//! for every file, exactly the graphs a clean build of the old version or of the new one
//! gives it, never a mix; and a last build run to its end must export exactly what a
//! clean build exports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Dir, assert_same_text, diplograph_bin, repo};

/// How many kills the test makes, at least, and how many builds it may start to make them.
const KILLS: usize = 20;
const MAX_RUNS: usize = 60;

/// A small deterministic generator (xorshift64*) for the kill moments.
struct Moments(u64);

impl Moments {
    /// A fraction in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The documents the corpora are made of.
fn sources() -> Vec<String> {
    let mut paths = vec![repo("data/corpus/sco-2014-dushanbe.txt")];
    for dir in ["tests/corpus", "tests/holdout"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(repo(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// The old and new corpus directories: file `doc-NN.txt` holds source NN in the old one
/// and source NN+5 in the new one.
fn corpora(dir: &Dir) -> (PathBuf, PathBuf) {
    let sources = sources();
    for i in 0..24 {
        dir.create(format!("old/doc-{i:02}.txt"), &sources[i % sources.len()]);
        dir.create(
            format!("new/doc-{i:02}.txt"),
            &sources[(i + 5) % sources.len()],
        );
    }
    (dir.join("old"), dir.join("new"))
}

fn build_command(corpus: &Path, store: &Path) -> Command {
    let mut cmd = Command::new(diplograph_bin());
    cmd.arg("build")
        .arg(corpus)
        .arg("--store")
        .arg(store)
        .env_remove("DIPLOGRAPH_STORE")
        .env_remove("DIPLOGRAPH_LEXICON")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// A clean build of `corpus` into a new store `store`; returns how long it took.
fn clean_build(dir: &Dir, corpus: &Path, store: &Path) -> Duration {
    let started = Instant::now();
    dir.diplograph()
        .arg("build")
        .arg(corpus)
        .arg("--store")
        .arg(store)
        .run();
    started.elapsed()
}

fn export(dir: &Dir, store: &Path) -> String {
    dir.diplograph()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .stdout()
}

/// The N-Quads lines of an export, grouped by the file their graph came from (`doc-03.txt`),
/// `descriptions` for the store-wide descriptions of entities (`dgr:graph/entities` and
/// `dgr:graph/lexicon`), `summary` for the build's counts (`dgr:graph/summary`) or `-`
/// for the ontology, each group sorted.
fn by_file(nquads: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in nquads.lines().filter(|l| !l.is_empty()) {
        // the graph is the last IRI of the line
        let graph = line
            .rsplit_once(" <")
            .map_or("", |(_, g)| g.trim_end_matches(" .").trim_end_matches('>'));
        let file = match graph.split_once("/id/doc/") {
            Some((_, rest)) => rest.split('/').next().unwrap_or("-"),
            None if graph.ends_with("/id/graph/entities")
                || graph.ends_with("/id/graph/lexicon") =>
            {
                "descriptions"
            }
            None if graph.ends_with("/id/graph/summary") => "summary",
            None => "-",
        };
        out.entry(file.to_string())
            .or_default()
            .push(line.to_string());
    }
    for lines in out.values_mut() {
        lines.sort();
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_build_killed_at_random_moments_leaves_each_file_old_or_new_and_a_rerun_is_clean() {
    let dir = Dir::new("kill");
    let (old, new) = corpora(&dir);
    let old_store = dir.join("clean-old");
    let new_store = dir.join("clean-new");
    let duration = [
        clean_build(&dir, &old, &old_store),
        clean_build(&dir, &new, &new_store),
    ];
    let clean_new = export(&dir, &new_store);
    let expected = [by_file(&export(&dir, &old_store)), by_file(&clean_new)];
    assert_eq!(
        expected[0].len(),
        27,
        "24 files, the entities' descriptions, the summary and the ontology"
    );
    for (file, lines) in &expected[0] {
        if !["-", "descriptions", "summary"].contains(&file.as_str()) {
            assert_ne!(
                Some(lines),
                expected[1].get(file),
                "{file} differs between the versions"
            );
        }
    }

    let store = dir.join("store");
    copy_dir(&old_store, &store);
    let mut moments = Moments(0x5EED_D1B1_0C4A_F00D);
    let (mut kills, mut runs, mut mixed, mut finished) = (0, 0, 0, 0);
    let started = Instant::now();
    while kills < KILLS && runs < MAX_RUNS {
        let version = runs % 2; // new, old, new, …
        let corpus = [&new, &old][1 - version];
        let wanted = 1 - version;
        let moment = duration[wanted].mul_f64(moments.next());
        runs += 1;
        let mut child = build_command(corpus, &store).spawn().unwrap();
        std::thread::sleep(moment);
        let status = match child.try_wait().unwrap() {
            Some(status) => {
                finished += 1;
                status
            }
            None => {
                child.kill().unwrap();
                kills += 1;
                child.wait().unwrap()
            }
        };
        if status.code().is_some() && !status.success() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            panic!("run {runs}: the build failed by itself ({status}): {err}");
        }
        // the store opens for writing (no stale lock, nothing to repair by hand) …
        drop(
            oxigraph::store::Store::open(&store).unwrap_or_else(|e| {
                panic!("run {runs}: the store does not open after the kill: {e}")
            }),
        );
        // … and every file holds its old graphs or its new ones
        // (the summary is the old one, the new one, or gone until a build counts again)
        let mut now = by_file(&export(&dir, &store));
        if let Some(counts) = now.remove("summary") {
            assert!(
                counts == expected[0]["summary"] || counts == expected[1]["summary"],
                "run {runs}: a summary of neither version"
            );
        }
        let mut files = expected[0].clone();
        files.remove("summary");
        assert_eq!(
            now.keys().collect::<Vec<_>>(),
            files.keys().collect::<Vec<_>>(),
            "run {runs}: the same files and the ontology"
        );
        let mut versions = [0, 0];
        for (file, lines) in &now {
            if file == "descriptions" {
                // what the files old and new refer to: no description of anything else
                let known: std::collections::BTreeSet<&String> =
                    expected[0][file].iter().chain(&expected[1][file]).collect();
                let foreign: Vec<&String> = lines.iter().filter(|l| !known.contains(l)).collect();
                assert!(
                    foreign.is_empty(),
                    "run {runs}: descriptions of neither version: {foreign:?}"
                );
                continue;
            }
            match (lines == &expected[0][file], lines == &expected[1][file]) {
                (true, _) if file == "-" => {}
                (true, _) => versions[0] += 1,
                (_, true) => versions[1] += 1,
                _ => panic!(
                    "run {runs} (killed {:?} into a build of the {} corpus): {file} holds neither its old nor its new graphs ({} quads; old {}, new {})",
                    moment,
                    ["old", "new"][wanted],
                    lines.len(),
                    expected[0][file].len(),
                    expected[1][file].len()
                ),
            }
        }
        if versions[0] > 0 && versions[1] > 0 {
            mixed += 1;
        }
    }
    eprintln!(
        "kill test: {kills} kills and {finished} finished builds in {runs} runs, {mixed} left a store of old and new files side by side, {:.1} s (clean builds {:.1} s and {:.1} s)",
        started.elapsed().as_secs_f64(),
        duration[0].as_secs_f64(),
        duration[1].as_secs_f64()
    );
    assert!(kills >= KILLS, "only {kills} of {runs} builds were killed");
    assert!(
        mixed > 0,
        "no kill landed while files were being written; the kill moments miss the writes"
    );

    // a rerun to the end gives exactly what a clean build gives
    dir.diplograph()
        .arg("build")
        .arg(&new)
        .arg("--store")
        .arg(&store)
        .run();
    assert_same_text(
        "the export after the kills and a rerun, and after a clean build",
        &clean_new,
        &export(&dir, &store),
    );
}

#[test]
fn readers_query_while_a_build_writes() {
    let dir = Dir::new("readers");
    let (old, new) = corpora(&dir);
    let store = dir.join("store");
    clean_build(&dir, &old, &store);
    let mut child = build_command(&new, &store).spawn().unwrap();
    let (mut answered, mut during) = (0, 0);
    for _ in 0..50 {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let out = dir
            .diplograph()
            .args([
                "query",
                "--results",
                "csv",
                "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d <https://w3id.org/diplograph/ns#sequence> ?s }",
                "--store",
            ])
            .arg(&store)
            .run();
        answered += 1;
        assert!(
            out.stdout.starts_with("n\r\n") || out.stdout.starts_with("n\n"),
            "{}",
            out.report("a count")
        );
        if child.try_wait().unwrap().is_none() {
            during += 1;
        }
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "the build succeeds while it is read");
    assert!(
        during > 0,
        "no query ran while the build was writing ({answered} answered)"
    );
}
