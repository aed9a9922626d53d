//! Bad and messy input through the real binary: every kind of bad input fails (or warns)
//! with a message that names the file, the position where there is one, and what to do;
//! and leaves the store exactly as it was (its N-Quads export before and after are the
//! same bytes). Messy but readable input (other encodings, line endings, zero-width and
//! full-width characters, a 50 MB line) gives the graph the clean input gives.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};

use crate::util;
use crate::util::{Dir, Output, assert_same_text};

const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";

/// A small document with a few entities, statements and a dateline.
const DOC: &str = "中华人民共和国主席习近平在上海合作组织成员国元首理事会第十四次会议上的讲话\n\n2014年9月12日，杜尚别\n\n中方支持联合国在国际事务中发挥核心作用。俄方建议加强上海合作组织框架内的安全合作。\n\n（新华社杜尚别9月12日电）\n";

/// A directory with a store built from [`DOC`] (as `base.txt`), and its export.
struct Fixture {
    dir: Dir,
    store: PathBuf,
    before: String,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let dir = Dir::new(name);
        let base = dir.create("base/base.txt", DOC);
        let store = dir.join("store");
        dir.diplograph()
            .arg("build")
            .arg(&base)
            .arg("--store")
            .arg(&store)
            .run();
        let before = export(&dir, &store);
        assert!(
            before.contains("doc/base.txt/1"),
            "the fixture store holds base.txt's document"
        );
        Fixture { dir, store, before }
    }

    /// `diplograph build ARGS… --store STORE`.
    fn build(&self, args: &[&dyn AsRef<std::ffi::OsStr>]) -> util::Cmd {
        let mut cmd = self.dir.diplograph().arg("build");
        for a in args {
            cmd = cmd.arg(a);
        }
        cmd.arg("--store").arg(&self.store)
    }

    /// Panics unless the store exports exactly what it did before.
    fn assert_unchanged(&self, what: &str) {
        assert_same_text(
            &format!("the store after {what}"),
            &self.before,
            &export(&self.dir, &self.store),
        );
    }
}

fn export(dir: &Dir, store: &Path) -> String {
    dir.diplograph()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .stdout()
}

/// Panics with the report unless the command failed with exit code `code`.
fn assert_code(out: &Output, code: i32) {
    assert_eq!(
        out.code(),
        Some(code),
        "{}",
        out.report(&format!("exit code {code} expected"))
    );
}

/// Panics unless standard error says every one of `needles`.
fn assert_says(out: &Output, needles: &[&str]) {
    for n in needles {
        out.assert_stderr_contains(n);
    }
    assert!(
        !out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"),
        "{}",
        out.report("no panic")
    );
}

// ---------------------------------------------------------------------------------------
// Bad input: a clear message, and the store unchanged

#[test]
fn invalid_utf8_names_file_line_column_and_byte_offset() {
    let f = Fixture::new("invalid-utf8");
    let mut bytes = "中国支持\n联合国".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend(b"\xFF\xFE\xFD");
    let bad = f.dir.create("bad.txt", &bytes);
    let out = f.build(&[&bad]).fails();
    assert_code(&out, 1);
    assert_says(
        &out,
        &[
            "bad.txt:2:4: not valid UTF-8",
            &format!("byte offset {offset}"),
            "--encoding",
        ],
    );
    f.assert_unchanged("a file that is not UTF-8");
}

#[test]
fn bytes_invalid_in_the_named_encoding_name_it_and_the_offset() {
    let f = Fixture::new("invalid-gbk");
    let (gbk, _, _) = encoding_rs::GBK.encode("中国支持联合国");
    let mut bytes = gbk.into_owned();
    let offset = bytes.len();
    bytes.push(0xFF);
    let bad = f.dir.create("bad-gbk.txt", &bytes);
    let out = f.build(&[&bad, &"--encoding", &"gbk"]).fails();
    assert_code(&out, 1);
    assert_says(
        &out,
        &[
            "bad-gbk.txt:1:8: not valid GBK",
            &format!("byte offset {offset}"),
        ],
    );
    f.assert_unchanged("bytes that are not GBK");
}

#[test]
fn an_unknown_encoding_is_a_usage_error() {
    let f = Fixture::new("unknown-encoding");
    let out = f
        .build(&[&"base/base.txt", &"--encoding", &"klingon"])
        .fails();
    assert_code(&out, 2);
    assert_says(&out, &["unknown encoding \"klingon\"", "GB18030"]);
    f.assert_unchanged("an unknown --encoding");
}

#[test]
fn a_binary_file_is_refused() {
    let f = Fixture::new("binary");
    let bin = f.dir.create("data.txt", b"ABC\x00\x01\x02\x03\xFF\x00");
    let out = f.build(&[&bin]).fails();
    assert_code(&out, 1);
    assert_says(
        &out,
        &[
            "data.txt: looks like a binary file",
            "NUL byte at byte offset 3",
        ],
    );
    let pdf = f
        .dir
        .create("report.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
    let out = f.build(&[&pdf]).fails();
    assert_says(&out, &["report.txt: is a PDF document", "pdftotext"]);
    f.assert_unchanged("binary files");
}

#[test]
fn utf16_without_a_byte_order_mark_says_to_name_the_encoding() {
    let f = Fixture::new("utf16-no-bom");
    let bytes: Vec<u8> = "2014年中方支持联合国。"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let file = f.dir.create("wide.txt", &bytes);
    let out = f.build(&[&file]).fails();
    assert_says(
        &out,
        &["wide.txt: looks like a binary file", "--encoding UTF-16LE"],
    );
    f.assert_unchanged("UTF-16 without a byte-order mark");
    // named, it reads
    let out = f.build(&[&file, &"--encoding", &"utf-16le"]).run();
    assert!(
        export(&f.dir, &f.store).contains("doc/wide.txt/1"),
        "{}",
        out.report("built")
    );
}

#[test]
fn an_empty_file_warns_and_builds_nothing() {
    let f = Fixture::new("empty");
    let empty = f.dir.create("empty.txt", "");
    let out = f.build(&[&empty]).run();
    assert_says(
        &out,
        &["warning:", "empty.txt: is empty", "nothing is built"],
    );
    f.assert_unchanged("an empty file");
}

#[test]
fn a_blank_file_warns_and_keeps_the_graphs_of_its_name() {
    let f = Fixture::new("blank");
    // the same name as the built file: a file emptied by accident loses nothing
    let blank = f
        .dir
        .create("other/base.txt", " \r\n\t\u{3000}\n\u{200B}\u{FEFF}\n\n");
    let out = f.build(&[&blank]).run();
    assert_says(&out, &["warning:", "base.txt: holds only white space"]);
    f.assert_unchanged("a file of white space");
}

#[test]
fn a_missing_file_is_named() {
    let f = Fixture::new("missing-file");
    let out = f.build(&[&"absent.txt"]).fails();
    assert_code(&out, 1);
    assert_says(&out, &["absent.txt: No such file or directory"]);
    f.assert_unchanged("a missing file");
}

#[test]
fn a_broken_symlink_is_named_with_its_target() {
    let f = Fixture::new("broken-link");
    std::os::unix::fs::symlink(f.dir.join("gone.txt"), f.dir.join("corpus-link.txt")).unwrap();
    let out = f.build(&[&"corpus-link.txt"]).fails();
    assert_says(
        &out,
        &["corpus-link.txt: is a broken symbolic link", "gone.txt"],
    );
    // inside a directory too
    std::fs::create_dir(f.dir.join("tree")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", f.dir.join("tree/link.txt")).unwrap();
    let out = f.build(&[&"tree"]).fails();
    assert_says(
        &out,
        &["link.txt: is a broken symbolic link", "nowhere.txt"],
    );
    f.assert_unchanged("a broken symbolic link");
}

#[test]
fn an_unreadable_file_is_named_with_the_reason() {
    let f = Fixture::new("unreadable");
    let file = f.dir.create("locked.txt", DOC);
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        // root reads anything: make a file that no one can read (reading this one
        // fails with an I/O error)
        std::fs::remove_file(&file).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", &file).unwrap();
        let out = f.build(&[&file]).fails();
        assert_says(&out, &["locked.txt: Input/output error"]);
    } else {
        let out = f.build(&[&file]).fails();
        assert_says(
            &out,
            &["locked.txt: cannot be read: permission denied", "chmod"],
        );
    }
    f.assert_unchanged("an unreadable file");
}

#[test]
fn a_directory_without_documents_is_an_error() {
    let f = Fixture::new("empty-dir");
    f.dir.create("notes/readme.rst", "中国支持联合国。");
    let out = f.build(&[&"notes"]).fails();
    assert_says(
        &out,
        &["notes: is a directory that holds no *.txt or *.md file"],
    );
    f.assert_unchanged("a directory without documents");
}

#[test]
fn one_bad_file_among_good_ones_fails_before_anything_is_written() {
    let f = Fixture::new("fail-fast");
    f.dir
        .create("mixed/a-good.txt", "俄罗斯支持上海合作组织。\n");
    f.dir.create("mixed/b-bad.txt", b"\xFF\xFF\xFF");
    f.dir.create("mixed/c-good.txt", "哈萨克斯坦支持联合国。\n");
    let out = f.build(&[&"mixed"]).fails();
    assert_code(&out, 1);
    assert_says(&out, &["b-bad.txt:1:1: not valid UTF-8 at byte offset 0"]);
    f.assert_unchanged("a build that stopped at a bad file");
}

#[test]
fn keep_going_builds_the_good_files_names_the_bad_ones_and_fails() {
    let f = Fixture::new("keep-going");
    f.dir
        .create("mixed/a-good.txt", "俄罗斯支持上海合作组织。\n");
    f.dir.create("mixed/b-bad.txt", b"\xFF\xFF\xFF");
    f.dir.create("mixed/c-good.txt", "哈萨克斯坦支持联合国。\n");
    let out = f.build(&[&"mixed", &"absent.txt", &"--keep-going"]).fails();
    assert_code(&out, 1);
    assert_says(
        &out,
        &[
            "absent.txt: No such file or directory",
            "b-bad.txt:1:1: not valid UTF-8",
            "2 input file(s) could not be read",
        ],
    );
    let after = export(&f.dir, &f.store);
    for kept in ["doc/base.txt/1", "doc/a-good.txt/1", "doc/c-good.txt/1"] {
        assert!(after.contains(kept), "{kept} should be in the store");
    }
    assert!(!after.contains("b-bad.txt"));
    // extract too: the output holds the good files, the status says some failed
    let out = f
        .dir
        .diplograph()
        .args(["extract", "mixed", "--keep-going", "--format", "nquads"])
        .fails();
    assert_says(
        &out,
        &["b-bad.txt:1:1", "1 input file(s) could not be read"],
    );
    assert!(
        out.stdout.contains("doc/c-good.txt/1"),
        "{}",
        out.report("c-good extracted")
    );
}

#[test]
fn two_files_with_one_name_are_refused() {
    let f = Fixture::new("same-name");
    f.dir.create("x/doc.txt", "中国支持联合国。\n");
    f.dir.create("y/doc.txt", "俄罗斯支持联合国。\n");
    let out = f.build(&[&"x", &"y"]).fails();
    assert_says(&out, &["doc.txt: has the same file name as", "rename one"]);
    f.assert_unchanged("two files with one name");
}

#[test]
fn a_bad_lexicon_line_names_file_line_and_what_is_wrong() {
    let f = Fixture::new("bad-lexicon");
    f.dir.create(
        "lex/titles.tsv",
        "# my titles\nzh\ten\trole\n大使\tambassador\tofficial\n特使\tenvoy\n",
    );
    let out = f.build(&[&"base/base.txt", &"--lexicon", &"lex"]).fails();
    assert_code(&out, 1);
    assert_says(
        &out,
        &["titles.tsv:4:1: expected 3 tab-separated cells (zh, en, role), found 2"],
    );
    f.dir
        .create("lex2/titles.tsv", "zh\ten\trole\n特使\tenvoy\tdiplomat\n");
    let out = f.build(&[&"base/base.txt", &"--lexicon", &"lex2"]).fails();
    assert_says(
        &out,
        &["titles.tsv:2:1: unknown role \"diplomat\"", "minister"],
    );
    let mut bytes = b"zh\ten\taliases\tparent\tqid\n".to_vec();
    bytes.extend(b"\xC0\xC1\tX\t\t\t\n");
    f.dir.create("lex3/organizations.tsv", &bytes);
    let out = f.build(&[&"base/base.txt", &"--lexicon", &"lex3"]).fails();
    assert_says(
        &out,
        &["organizations.tsv:2:1: not valid UTF-8 at byte offset 25"],
    );
    f.assert_unchanged("bad lexicons");
}

#[test]
fn a_bad_gold_file_names_file_line_and_column() {
    let f = Fixture::new("bad-gold");
    f.dir.create(
        "g.gold.json",
        "{\n  \"source\": \"base.txt\",\n  \"entities\": [\n    {\"type\": \"State\", \"label\": \"中国\",}\n  ]\n}\n",
    );
    let out = f
        .dir
        .diplograph()
        .args(["eval", "--gold", "g.gold.json", "base/base.txt"])
        .fails();
    assert_code(&out, 1);
    let at = regex::Regex::new(r"g\.gold\.json:4:\d+: not a gold file").unwrap();
    assert!(
        at.is_match(&out.stderr),
        "{}",
        out.report("file:line:column")
    );
    f.assert_unchanged("a bad gold file");
}

#[test]
fn bad_sparql_gives_line_and_column() {
    let f = Fixture::new("bad-sparql");
    let out = f
        .dir
        .diplograph()
        .arg("query")
        .arg("SELECT ?x\nWHERE { ?x rdfs:label ?y \n  FILTER(?y = ) }")
        .arg("--store")
        .arg(&f.store)
        .fails();
    assert_code(&out, 1);
    let at = regex::Regex::new(r"not valid SPARQL: error at 3:\d+").unwrap();
    assert!(
        at.is_match(&out.stderr),
        "{}",
        out.report("line 3 and a column")
    );
    f.assert_unchanged("a bad query");
}

#[test]
fn a_query_that_runs_too_long_is_stopped_by_the_timeout() {
    let f = Fixture::new("timeout");
    let started = std::time::Instant::now();
    let out = f
        .dir
        .diplograph()
        .arg("query")
        .arg("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
        .args(["--timeout", "0.5", "--store"])
        .arg(&f.store)
        .fails();
    assert_code(&out, 1);
    assert_says(&out, &["ran longer than 0.5 s", "raise --timeout"]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "the timeout stops the query: {:?}",
        started.elapsed()
    );
    for bad in ["-1", "0", "NaN", "inf", "soon"] {
        let out = f
            .dir
            .diplograph()
            .args(["query", "ASK {}", &format!("--timeout={bad}"), "--store"])
            .arg(&f.store)
            .fails();
        assert_code(&out, 2);
        assert_says(&out, &["--timeout", "seconds"]);
    }
    f.assert_unchanged("a stopped query");
}

#[test]
fn a_second_writer_is_told_the_store_is_in_use_while_readers_go_on() {
    let f = Fixture::new("second-writer");
    // this test process holds the store open for writing, as a running build would
    let holder = oxigraph::store::Store::open(&f.store).expect("the store opens");
    let out = f.build(&[&"base/base.txt"]).fails();
    assert_code(&out, 1);
    assert_says(
        &out,
        &["in use by another diplograph process", "wait for it"],
    );
    assert!(
        !out.stderr.contains("LOCK") && !out.stderr.contains("IO error"),
        "{}",
        out.report("no RocksDB dump")
    );
    // readers are not locked out
    let count = f
        .dir
        .diplograph()
        .args([
            "query",
            "--results",
            "csv",
            "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "--store",
        ])
        .arg(&f.store)
        .run();
    assert!(
        count.stdout.starts_with("n\r\n") && count.stdout.len() > 5,
        "{}",
        count.report("a count")
    );
    drop(holder);
    f.assert_unchanged("a refused second writer");
}

#[test]
fn a_store_path_that_is_a_file_is_refused() {
    let f = Fixture::new("store-is-file");
    let file = f.dir.create("not-a-store", "hello");
    let out = f
        .dir
        .diplograph()
        .args(["build", "base/base.txt", "--store"])
        .arg(&file)
        .fails();
    assert_says(&out, &["not-a-store: is a file, not a store directory"]);
    assert_eq!(f.dir.read("not-a-store"), "hello");
    f.assert_unchanged("a store path that is a file");
}

// ---------------------------------------------------------------------------------------
// Messy but readable input: the same graph as the clean input

/// `diplograph extract FILE --format nquads [ARGS…]`, parsed.
fn extract(dir: &Dir, file: &Path, args: &[&str]) -> (Vec<Quad>, Output) {
    let out = dir
        .diplograph()
        .arg("extract")
        .arg(file)
        .args(["--format", "nquads"])
        .args(args)
        .run();
    let quads = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&out.stdout_bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{}", out.report(&format!("N-Quads that parse: {e}"))));
    (quads, out)
}

/// The sorted N-Quads lines of `quads`.
fn lines(quads: &[Quad]) -> String {
    let mut l: Vec<String> = quads.iter().map(|q| format!("{q} .")).collect();
    l.sort();
    l.join("\n")
}

/// Every mention's `nif:anchorOf` is its `[beginIndex, endIndex)` code points of its
/// context's `nif:isString`; returns how many were checked.
fn assert_anchors_match(quads: &[Quad], what: &str) -> usize {
    let mut by_subject: BTreeMap<String, BTreeMap<String, Term>> = BTreeMap::new();
    for q in quads {
        if let Some(local) = q.predicate.as_str().strip_prefix(NIF) {
            by_subject
                .entry(q.subject.to_string())
                .or_default()
                .insert(local.to_string(), q.object.clone());
        }
    }
    let value = |t: &Term| match t {
        Term::Literal(l) => l.value().to_string(),
        other => panic!("{what}: a literal expected, found {other}"),
    };
    let mut checked = 0;
    for (subject, props) in &by_subject {
        let (Some(anchor), Some(begin), Some(end), Some(context)) = (
            props.get("anchorOf"),
            props.get("beginIndex"),
            props.get("endIndex"),
            props.get("referenceContext"),
        ) else {
            continue;
        };
        let text = by_subject
            .get(&context.to_string())
            .and_then(|c| c.get("isString"))
            .map(value)
            .unwrap_or_else(|| panic!("{what}: {context} has no nif:isString"));
        let (b, e): (usize, usize) = (value(begin).parse().unwrap(), value(end).parse().unwrap());
        let span: String = text.chars().skip(b).take(e - b).collect();
        assert_eq!(span, value(anchor), "{what}: {subject} [{b}, {e})");
        checked += 1;
    }
    checked
}

/// The extraction of `text` as UTF-8, under the file name `name` (in its own folder).
fn clean(dir: &Dir, name: &str, text: &str) -> Vec<Quad> {
    let file = dir.create(format!("clean/{name}"), text);
    extract(dir, &file, &[]).0
}

#[test]
fn gb18030_is_detected_and_gives_the_graph_of_utf8() {
    let dir = Dir::new("gb18030");
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(DOC);
    assert!(!unmappable);
    let file = dir.create("gb/doc.txt", &bytes);
    let (quads, out) = extract(&dir, &file, &[]);
    assert_says(
        &out,
        &["warning:", "doc.txt: is not UTF-8; read as GB18030"],
    );
    assert_eq!(lines(&quads), lines(&clean(&dir, "doc.txt", DOC)));
    // named, it reads without a warning
    let (named, out) = extract(&dir, &file, &["--encoding", "GB18030"]);
    assert!(
        !out.stderr.contains("warning"),
        "{}",
        out.report("no guess, no warning")
    );
    assert_eq!(lines(&named), lines(&quads));
}

#[test]
fn utf16_and_utf8_byte_order_marks_decide_the_encoding() {
    let dir = Dir::new("bom");
    let expected = lines(&clean(&dir, "doc.txt", DOC));
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(DOC.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(DOC.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let utf8: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(DOC.bytes()).collect();
    for (folder, bytes, note) in [
        ("le", le, Some("read as UTF-16LE")),
        ("be", be, Some("read as UTF-16BE")),
        ("u8", utf8, None),
    ] {
        let file = dir.create(format!("{folder}/doc.txt"), &bytes);
        let (quads, out) = extract(&dir, &file, &[]);
        if let Some(note) = note {
            assert_says(&out, &[note, "byte-order mark"]);
        }
        assert_eq!(lines(&quads), expected, "{folder}");
    }
}

#[test]
fn big5_reads_with_encoding() {
    let dir = Dir::new("big5");
    let text = "中華人民共和國主席習近平支持聯合國。\n";
    let (bytes, _, unmappable) = encoding_rs::BIG5.encode(text);
    assert!(!unmappable);
    let file = dir.create("tw/doc.txt", &bytes);
    let (quads, _) = extract(&dir, &file, &["--encoding", "big5"]);
    assert_eq!(lines(&quads), lines(&clean(&dir, "doc.txt", text)));
}

#[test]
fn crlf_and_mixed_line_endings_keep_offsets_right() {
    let dir = Dir::new("crlf");
    let crlf = DOC.replace('\n', "\r\n");
    let mixed: String = DOC
        .split('\n')
        .enumerate()
        .map(|(i, l)| format!("{l}{}", ["\n", "\r\n", "\r\n", "\n"][i % 4]))
        .collect();
    let lf = clean(&dir, "doc.txt", DOC);
    let entities = |quads: &[Quad]| -> BTreeSet<String> {
        quads
            .iter()
            .filter(|q| q.predicate.as_str().ends_with("#taIdentRef"))
            .map(|q| q.object.to_string())
            .collect()
    };
    for (name, text) in [("crlf", crlf), ("mixed", mixed)] {
        let file = dir.create(format!("{name}/doc.txt"), &text);
        let (quads, _) = extract(&dir, &file, &[]);
        assert!(
            assert_anchors_match(&quads, name) > 5,
            "{name}: mentions found"
        );
        assert_eq!(entities(&quads), entities(&lf), "{name}: the same entities");
    }
}

#[test]
fn zero_width_and_full_width_characters_keep_offsets_right() {
    let dir = Dir::new("widths");
    let text = "\u{200B}\u{FEFF}中方支持\u{200B}联合国。\u{200D}２０１４年９月１２日，俄方建议加强ＳＣＯ合作。\u{3000}\n\u{200B}";
    let file = dir.create("w/doc.txt", text);
    let (quads, _) = extract(&dir, &file, &[]);
    assert!(assert_anchors_match(&quads, "zero-width") >= 3);
    let values: BTreeSet<String> = quads
        .iter()
        .filter(|q| q.predicate.as_str().ends_with("#value"))
        .map(|q| q.object.to_string())
        .collect();
    assert!(
        values.iter().any(|v| v.contains("2014-09-12")),
        "the full-width date is read: {values:?}"
    );
    let strings: Vec<String> = quads
        .iter()
        .filter(|q| q.predicate.as_str() == format!("{NIF}isString"))
        .map(|q| q.object.to_string())
        .collect();
    assert!(
        strings.iter().all(|s| !s.starts_with("\"\u{200B}")),
        "zero-width characters around a document are trimmed: {strings:?}"
    );
}

#[test]
fn a_50_mb_single_line_is_extracted() {
    let dir = Dir::new("long-line");
    // the document without its line breaks, then filler to 50 MB, all on one line
    let head = DOC.replace('\n', "");
    let filler = "各方认为这一进程具有长期性和复杂性";
    let mut line = String::with_capacity(50 * 1024 * 1024 + 64);
    line.push_str(&head);
    while line.len() < 50 * 1024 * 1024 {
        line.push_str(filler);
    }
    let file = dir.create("big/line.txt", &line);
    drop(line);
    let out = dir
        .diplograph()
        .arg("extract")
        .arg(&file)
        .args(["--format", "nquads", "-o", "line.nq"])
        .run();
    assert!(out.stderr.is_empty(), "{}", out.report("no warning"));
    let nq = std::fs::read(dir.join("line.nq")).unwrap();
    let quads: Vec<Quad> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&nq)
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(assert_anchors_match(&quads, "the long line") > 5);
    let states: BTreeSet<String> = quads
        .iter()
        .filter(|q| q.predicate.as_str().ends_with("#taIdentRef"))
        .map(|q| q.object.to_string())
        .filter(|o| o.contains("/state/"))
        .collect();
    assert!(states.iter().any(|s| s.contains("CHN")), "{states:?}");
    assert!(states.iter().any(|s| s.contains("RUS")), "{states:?}");
}
