//! `tests/setup/libclang.sh`, the check that decides whether libclang-dev must be
//! installed before RocksDB's bindings are built, run against fake file-system roots: it
//! must find exactly what bindgen (clang-sys) loads, never a look-alike.

use std::path::Path;
use std::process::Command;

use crate::util::repo;

/// The first bytes of a 64-bit ELF file: what clang-sys reads before it loads one.
const ELF64: &[u8] = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00";
/// A 32-bit ELF file, which clang-sys skips on a 64-bit target.
const ELF32: &[u8] = b"\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00";

enum Entry<'a> {
    File(&'a str, &'a [u8]),
    Link(&'a str, &'a str),
}
use Entry::{File, Link};

const HEADERS: Entry = File(
    "usr/lib/llvm-14/lib/clang/14.0.6/include/stddef.h",
    b"/* stddef */",
);

/// Runs the check on a fake root holding `entries`; its exit status and what it printed.
fn check(entries: &[Entry]) -> (bool, String) {
    let root = tempfile::tempdir().expect("a temporary directory");
    for entry in entries {
        let path = match entry {
            File(path, _) | Link(path, _) => root.path().join(path),
        };
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match entry {
            File(_, bytes) => std::fs::write(&path, bytes).unwrap(),
            Link(_, target) => std::os::unix::fs::symlink(target, &path).unwrap(),
        }
    }
    run(&["--root", root.path().to_str().unwrap()])
}

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::new("bash")
        .arg(repo("tests/setup/libclang.sh"))
        .args(args)
        .env_remove("LIBCLANG_PATH")
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success(), text)
}

#[track_caller]
fn assert_present(entries: &[Entry], library: &str) {
    let (ok, text) = check(entries);
    assert!(
        ok && text.starts_with("libclang: present: "),
        "expected present, got {text:?}"
    );
    assert!(text.contains(library), "expected {library} in {text:?}");
    assert!(
        text.contains("clang/14.0.6/include"),
        "the headers are named: {text:?}"
    );
}

#[track_caller]
fn assert_missing(entries: &[Entry], why: &str) {
    let (ok, text) = check(entries);
    assert!(
        !ok && text.starts_with("libclang: missing: "),
        "expected missing, got {text:?}"
    );
    assert!(text.contains(why), "expected {why:?} in {text:?}");
}

#[test]
fn libclang_cpp_alone_is_missing() {
    // The fresh image: libclang-cpp14 is there, libclang-dev is not.
    assert_missing(
        &[
            File("usr/lib/llvm-14/lib/libclang-cpp.so.14", ELF64),
            HEADERS,
        ],
        "no libclang.so",
    );
    assert_missing(
        &[
            File("usr/lib/x86_64-linux-gnu/libclang-cpp.so.14", ELF64),
            HEADERS,
        ],
        "libclang-cpp is another library",
    );
}

#[test]
fn an_empty_root_is_missing() {
    assert_missing(&[], "no libclang.so");
}

#[test]
fn versioned_and_plain_libraries_are_present() {
    let versioned = "usr/lib/llvm-14/lib/libclang-14.so.1";
    assert_present(&[File(versioned, ELF64), HEADERS], "libclang-14.so.1");
    assert_present(
        &[File("usr/lib/llvm-14/lib/libclang.so", ELF64), HEADERS],
        "lib/libclang.so",
    );
    assert_present(
        &[File("usr/lib/llvm-14/lib/libclang.so.1", ELF64), HEADERS],
        "libclang.so.1",
    );
    assert_present(
        &[File("usr/lib/llvm-14/lib/libclang-14.so", ELF64), HEADERS],
        "libclang-14.so",
    );
}

#[test]
fn debians_layout_of_links_is_present() {
    // libclang-dev: the library in the multiarch directory, links to it beside clang's
    // headers in /usr/lib/llvm-14/lib.
    assert_present(
        &[
            File("usr/lib/x86_64-linux-gnu/libclang-14.so.1", ELF64),
            Link(
                "usr/lib/llvm-14/lib/libclang.so",
                "../../x86_64-linux-gnu/libclang-14.so.1",
            ),
            Link(
                "usr/lib/llvm-14/lib/libclang-14.so.1",
                "../../x86_64-linux-gnu/libclang-14.so.1",
            ),
            File("usr/lib/llvm-14/lib/libclang-cpp.so.14", ELF64),
            HEADERS,
        ],
        "/usr/lib/llvm-14/lib/libclang",
    );
}

#[test]
fn a_library_that_is_not_a_64_bit_elf_is_missing() {
    assert_missing(
        &[
            File("usr/lib/llvm-14/lib/libclang.so", b"INPUT(-lclang)\n"),
            HEADERS,
        ],
        "no libclang.so",
    );
    assert_missing(
        &[File("usr/lib/llvm-14/lib/libclang.so", ELF32), HEADERS],
        "no libclang.so",
    );
}

#[test]
fn a_library_without_clangs_headers_is_missing() {
    assert_missing(
        &[File("usr/lib/llvm-14/lib/libclang-14.so.1", ELF64)],
        "has no clang headers",
    );
}

#[test]
fn libraries_outside_the_searched_directories_are_not_found() {
    // clang-sys looks in /usr/lib*, /usr/local/lib* and /usr/local/llvm*/lib* (two levels
    // down at most); a library deeper or elsewhere is not loaded, so it does not count.
    assert_missing(
        &[
            File("opt/llvm/lib/libclang.so", ELF64),
            File("opt/llvm/lib/clang/14.0.6/include/stddef.h", b""),
        ],
        "no libclang.so",
    );
    assert_missing(
        &[
            File("usr/lib/a/b/c/libclang.so", ELF64),
            File("usr/lib/a/b/c/clang/1/include/stddef.h", b""),
        ],
        "no libclang.so",
    );
}

#[test]
fn this_machine_has_what_the_build_loads() {
    // tests/setup.sh ran before the tests (tests/run.sh): the real check must agree that
    // the library the build loaded is there.
    let (ok, text) = run(&[]);
    assert!(
        ok,
        "tests/setup.sh installs libclang-dev, yet the check says: {text}"
    );
    let library = text
        .trim_start_matches("libclang: present: ")
        .split(' ')
        .next()
        .unwrap();
    assert!(Path::new(library).exists(), "{library} does not exist");
}
