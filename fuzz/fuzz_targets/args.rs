//! Argument handling: the input, split at NUL bytes, is the argument list (bytes as
//! they come, not necessarily UTF-8). Parsing may refuse it with a usage message; a
//! parse that succeeds goes through the checks the binary makes before any work
//! (formats, encoding, timeout). Nothing may panic.
#![no_main]

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

use clap::Parser;
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../src/cli.rs"]
mod cli;

fuzz_target!(|data: &[u8]| {
    let args = std::iter::once(OsString::from("diplograph")).chain(
        data.split(|&b| b == 0)
            .map(|a| OsString::from_vec(a.to_vec())),
    );
    match cli::Cli::try_parse_from(args) {
        Ok(cli) => check(cli.command),
        Err(e) => {
            let _ = e.render().to_string();
        }
    }
});

fn check(command: cli::Command) {
    use diplograph::export::rdf as rdfio;
    use diplograph::input;
    let format = |f: Option<&str>| {
        if let Some(f) = f {
            let _ = rdfio::parse_format(f);
        }
    };
    match command {
        cli::Command::Extract {
            format: f,
            output,
            input,
            ..
        } => {
            format(f.as_deref());
            if let Some(o) = output {
                let _ = rdfio::format_of_path(&o);
            }
            if let Some(e) = input.encoding {
                let _ = input::encoding_for_label(&e);
            }
        }
        cli::Command::Build { input, .. } => {
            if let Some(e) = input.encoding {
                let _ = input::encoding_for_label(&e);
            }
        }
        cli::Command::Query {
            timeout, format: f, ..
        } => {
            format(Some(&f));
            if let Some(t) = timeout {
                let _ = std::time::Duration::from_secs_f64(t);
            }
        }
        cli::Command::Export {
            format: f, output, ..
        } => {
            format(f.as_deref());
            if let Some(o) = output {
                let _ = rdfio::format_of_path(&o);
            }
        }
        _ => {}
    }
}
