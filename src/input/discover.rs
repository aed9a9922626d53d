//! Discovery: the paths a user names → the input files, in order.
//!
//! In: paths (files, directories searched recursively for `*.txt` and `*.md`, `-` for
//! standard input). Out: the files, sorted by path within a directory; or an error for
//! each path that is missing, unreadable, a broken link or a directory without inputs.
//! Guarantees: every file once, even through links; two inputs never share a file name
//! (their documents would share IRIs).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The input files named by `paths`, in order; directories are searched recursively for
/// `*.txt` and `*.md` files, sorted by path. The first path that is missing, unreadable
/// or a directory without such files is an error.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let (found, mut errors) = expand_all(paths);
    match errors.is_empty() {
        true => Ok(found),
        false => Err(errors.remove(0)),
    }
}

/// Like [`expand_paths`], but goes on past bad paths: the files found, and an error for
/// each path that could not be searched (for `--keep-going`).
pub fn expand_all(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(path.clone());
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                errors.push(io_error(path, e));
                continue;
            }
        };
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut seen = HashSet::new();
            walk(path, &mut found, &mut errors, &mut seen);
            if found.is_empty() {
                errors.push(Error::input(
                    path,
                    None,
                    "is a directory that holds no *.txt or *.md file; name the files to read",
                ));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    (out, errors)
}

/// Collects the `*.txt` and `*.md` files under `dir`. Symbolic links to directories are
/// followed once each (a link back up the tree is not a loop); broken links to `.txt`
/// files are kept, so that reading them says what is wrong.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<Error>, seen: &mut HashSet<PathBuf>) {
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(io_error(dir, e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(io_error(dir, e));
                continue;
            }
        };
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out, errors, seen);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "md")
        ) {
            out.push(path);
        }
    }
}

/// An I/O error on `path`, said the way a user can act on: a broken symbolic link names
/// where it points, a permission problem says so.
pub(super) fn io_error(path: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound
        && let Ok(target) = std::fs::read_link(path)
    {
        return Error::input(
            path,
            None,
            format!(
                "is a broken symbolic link: it points to {}, which does not exist",
                target.display()
            ),
        );
    }
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        return Error::input(
            path,
            None,
            "cannot be read: permission denied; check its permissions (chmod a+r) or leave it out",
        );
    }
    Error::io(path, e)
}

/// The name a path's documents are known by (their IRIs use it): the file name, or
/// `stdin`.
pub fn file_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".into();
    }
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Refuses two inputs with the same file name: their documents would share IRIs.
pub fn check_distinct_names(paths: &[PathBuf]) -> Result<()> {
    let mut seen: std::collections::HashMap<String, &PathBuf> = std::collections::HashMap::new();
    for p in paths {
        if let Some(other) = seen.insert(file_name(p), p) {
            return Err(Error::input(
                p,
                None,
                format!(
                    "has the same file name as {}, so their documents would share IRIs; rename one",
                    other.display()
                ),
            ));
        }
    }
    Ok(())
}
