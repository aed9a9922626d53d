//! Helpers for the integration tests: run the real `diplograph` binary (and the outside
//! tools that must read its output) in a temporary directory, and fail with a message a
//! person can act on — the command, its exit code, and what it printed.
//!
//! In the style of ripgrep's `tests/util.rs`: a [`Dir`] owns a fresh temporary
//! directory, [`Dir::diplograph`] and [`Dir::tool`] give a [`Cmd`] that runs there, and
//! [`Cmd::run`] / [`Cmd::fails`] check the exit status before handing back the
//! [`Output`].

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

/// How much of stdout and stderr a failure message shows.
const SHOWN_BYTES: usize = 4000;

/// The binary under test, built by Cargo for this test crate.
pub fn diplograph_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_diplograph"))
}

/// A path inside the repository (fixtures: `data/corpus/…`, `tests/corpus/…`).
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The bundled corpus file.
pub fn seed_corpus() -> PathBuf {
    repo("data/corpus/sco-2014-dushanbe.txt")
}

/// The gold annotation of the bundled corpus, beside it.
pub fn seed_gold() -> PathBuf {
    repo("data/corpus/sco-2014-dushanbe.gold.json")
}

/// A fresh temporary directory, removed when dropped.
pub struct Dir {
    root: tempfile::TempDir,
}

impl Dir {
    /// A new directory; `name` (the test's name) is part of the directory's name, so a
    /// kept-around directory says which test made it.
    pub fn new(name: &str) -> Dir {
        let root = tempfile::Builder::new()
            .prefix(&format!("diplograph-{name}-"))
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot create a temporary directory: {e}"));
        Dir { root }
    }

    pub fn path(&self) -> &Path {
        self.root.path()
    }

    /// `name` inside this directory.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.path().join(name)
    }

    /// Writes `contents` to `name` (relative to this directory), creating parents.
    pub fn create(&self, name: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
        }
        std::fs::write(&path, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        path
    }

    /// Reads `name` (relative to this directory, or absolute) as UTF-8.
    pub fn read(&self, name: impl AsRef<Path>) -> String {
        let path = self.join(name);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// The binary under test, run in this directory.
    pub fn diplograph(&self) -> Cmd {
        Cmd::new(diplograph_bin(), self.path())
            .remove_env("DIPLOGRAPH_STORE")
            .remove_env("DIPLOGRAPH_LEXICON")
    }

    /// An outside tool (`python3`, `rapper`, `dot`), run in this directory. The tests need
    /// these tools; when one is missing they fail and say how to install it.
    pub fn tool(&self, program: &str) -> Cmd {
        let mut cmd = Cmd::new(PathBuf::from(program), self.path());
        cmd.external = true;
        cmd
    }

    /// `python3 -c SCRIPT ARGS…`; a missing Python module fails with the install hint.
    pub fn python(&self, script: &str) -> Cmd {
        self.tool("python3").arg("-c").arg(script)
    }
}

/// A command to run: a program, its arguments, standard input, environment changes and
/// a working directory.
#[derive(Clone)]
pub struct Cmd {
    program: PathBuf,
    args: Vec<OsString>,
    stdin: Option<Vec<u8>>,
    env: Vec<(OsString, Option<OsString>)>,
    cwd: PathBuf,
    external: bool,
}

impl Cmd {
    fn new(program: PathBuf, cwd: &Path) -> Cmd {
        Cmd {
            program,
            args: Vec::new(),
            stdin: None,
            env: Vec::new(),
            cwd: cwd.to_path_buf(),
            external: false,
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cmd {
        self.args.push(arg.as_ref().to_os_string());
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Cmd {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_os_string()));
        self
    }

    /// Bytes to write to the command's standard input (else it reads nothing).
    pub fn stdin(mut self, bytes: impl AsRef<[u8]>) -> Cmd {
        self.stdin = Some(bytes.as_ref().to_vec());
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Cmd {
        self.env.push((
            key.as_ref().to_os_string(),
            Some(value.as_ref().to_os_string()),
        ));
        self
    }

    pub fn remove_env(mut self, key: impl AsRef<OsStr>) -> Cmd {
        self.env.push((key.as_ref().to_os_string(), None));
        self
    }

    /// The command as a shell user would type it (for messages).
    pub fn shown(&self) -> String {
        let mut s = String::new();
        for (k, v) in &self.env {
            if let Some(v) = v {
                let _ = write!(
                    s,
                    "{}={} ",
                    k.to_string_lossy(),
                    quote(&v.to_string_lossy())
                );
            }
        }
        s.push_str(&quote(&self.program.to_string_lossy()));
        for a in &self.args {
            s.push(' ');
            s.push_str(&quote(&a.to_string_lossy()));
        }
        s
    }

    /// Runs the command and returns what it did, whatever its exit status.
    pub fn output(&self) -> Output {
        let mut command = Command::new(&self.program);
        command
            .args(&self.args)
            .current_dir(&self.cwd)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        for (k, v) in &self.env {
            match v {
                Some(v) => command.env(k, v),
                None => command.env_remove(k),
            };
        }
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && self.external => panic!(
                "\n`{}` is not installed (needed by: {}).\nThe integration tests need python3 (with rdflib and pyld), rapper and dot: run tests/setup.sh --tests\n",
                self.program.display(),
                self.shown()
            ),
            Err(e) => panic!(
                "\ncannot start {}: {e}\ncommand: {}\n",
                self.program.display(),
                self.shown()
            ),
        };
        // write standard input from another thread, so a large output cannot deadlock us
        let writer = self.stdin.clone().map(|bytes| {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            std::thread::spawn(move || {
                // the command may exit without reading it all; that is its business
                let _ = pipe.write_all(&bytes);
            })
        });
        let out = child
            .wait_with_output()
            .unwrap_or_else(|e| panic!("\ncannot wait for {}: {e}\n", self.shown()));
        if let Some(w) = writer {
            w.join().expect("the stdin writer panicked");
        }
        let output = Output {
            command: self.shown(),
            status: out.status,
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stdout_bytes: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        if self.external && output.stderr.contains("ModuleNotFoundError") {
            panic!(
                "\na Python module is missing; run tests/setup.sh --tests (it installs rdflib and pyld)\n{}",
                output.report("python3 failed")
            );
        }
        output
    }

    /// Runs the command; panics, showing what it printed, unless it succeeds.
    pub fn run(&self) -> Output {
        let out = self.output();
        if !out.status.success() {
            panic!("{}", out.report("the command failed"));
        }
        out
    }

    /// Runs the command; panics, showing what it printed, unless it fails.
    pub fn fails(&self) -> Output {
        let out = self.output();
        if out.status.success() {
            panic!(
                "{}",
                out.report("the command succeeded but should have failed")
            );
        }
        out
    }

    /// Runs the command (which must succeed) and returns its standard output.
    pub fn stdout(&self) -> String {
        self.run().stdout
    }
}

/// What a command did.
pub struct Output {
    pub command: String,
    pub status: ExitStatus,
    pub stdout: String,
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
}

impl Output {
    /// The exit code (`None` when killed by a signal).
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// A readable account of the run, headed by `what`.
    pub fn report(&self, what: &str) -> String {
        let code = self.code().map_or_else(
            || "none (killed by a signal)".to_string(),
            |c| c.to_string(),
        );
        format!(
            "\n{what}\ncommand:   {}\nexit code: {code}\n--- stderr ---\n{}\n--- stdout ---\n{}\n--------------\n",
            self.command,
            truncate(&self.stderr),
            truncate(&self.stdout)
        )
    }

    /// Panics with the report unless `stderr` contains `needle`.
    pub fn assert_stderr_contains(&self, needle: &str) {
        if !self.stderr.contains(needle) {
            panic!(
                "{}",
                self.report(&format!("stderr should contain {needle:?}"))
            );
        }
    }

    /// Panics with the report unless `stdout` contains `needle`.
    pub fn assert_stdout_contains(&self, needle: &str) {
        if !self.stdout.contains(needle) {
            panic!(
                "{}",
                self.report(&format!("stdout should contain {needle:?}"))
            );
        }
    }
}

/// At most [`SHOWN_BYTES`] of `s` (cut at a character boundary), saying how much is left out.
pub fn truncate(s: &str) -> String {
    if s.is_empty() {
        return "(empty)".to_string();
    }
    if s.len() <= SHOWN_BYTES {
        return s.to_string();
    }
    let mut end = SHOWN_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n… ({} more bytes)", &s[..end], s.len() - end)
}

fn quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_./=:@%+,".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Panics with both sides and their first difference unless `left == right`.
pub fn assert_same_text(what: &str, left: &str, right: &str) {
    if left == right {
        return;
    }
    let (l, r): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    let at = l
        .iter()
        .zip(&r)
        .position(|(a, b)| a != b)
        .unwrap_or(l.len().min(r.len()));
    panic!(
        "\n{what}: texts differ ({} vs {} lines, {} vs {} bytes); first difference at line {}:\n- {}\n+ {}\n",
        l.len(),
        r.len(),
        left.len(),
        right.len(),
        at + 1,
        l.get(at).unwrap_or(&"(end)"),
        r.get(at).unwrap_or(&"(end)")
    );
}
