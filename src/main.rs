//! The `diplograph` binary: parses arguments, calls the library, maps errors to exit
//! codes (0 success, 1 failure, 2 bad usage). A closed pipe (`| head`) is success.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use clap::Parser;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNode};

use cli::{
    BuildArgs, Cli, Command, DotArgs, EvalArgs, ExportArgs, ExtractArgs, InputArgs, PushArgs,
    QueryArgs, Results, ServeArgs, StatsArgs, ValidateArgs,
};
use diplograph::export::rdf as rdfio;
use diplograph::sparql::query::{self, ResultsFormat};
use diplograph::store::build::Input;
use diplograph::{Class, Extractor, Lexicon, input, store, vocab};

/// The bundled corpus, for `build` without paths outside a checkout.
const BUNDLED: &[(&str, &str)] = &[(
    "sco-2014-dushanbe.txt",
    include_str!("../data/corpus/sco-2014-dushanbe.txt"),
)];

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("diplograph: {e:#}");
            match e.downcast_ref::<diplograph::Error>() {
                Some(e) if e.is_usage() => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Build(args) => build(args),
        Command::Query(args) => run_query(args),
        Command::Export(args) => export(args),
        Command::Dot(args) => dot(args),
        Command::Validate(args) => validate(args),
        Command::Serve(args) => serve(args),
        Command::Push(args) => push(args),
        Command::Stats(args) => stats(args),
        Command::Eval(args) => eval(args),
    }
}

/// `extract`: the files' quads, in input order, to standard output or `output`.
fn extract(args: ExtractArgs) -> Result<()> {
    let (input, output) = (&args.input, args.output.as_deref());
    let format = rdf_format(args.format.as_deref(), output)?;
    let options = diplograph::store::build::Options {
        reading: reading(input)?,
        keep_going: input.keep_going,
        threads: args.threads.map_or(0, |n| n as usize),
        ..Default::default()
    };
    let extractor = extractor(&args.lexicon.lexicon)?;
    let (inputs, mut failures) = extract_inputs(&args.paths, input.keep_going)?;
    let mut summary = None;
    with_output(output, |w| {
        summary = Some(extract_to(w, format, &extractor, &inputs, &options)?);
        Ok(())
    })?;
    let summary = summary.unwrap_or_default();
    warn(&summary.warnings);
    failures.extend(summary.failures);
    gone_on_past(&failures)
}

/// Extracts `inputs` and writes their quads to `w` in `format`.
fn extract_to(
    w: &mut dyn Write,
    format: RdfFormat,
    extractor: &Extractor,
    inputs: &[Input],
    options: &diplograph::store::build::Options,
) -> Result<diplograph::store::build::Summary> {
    if format == RdfFormat::NQuads {
        // a line per quad, whatever came before: the workers serialize
        let serialize = |quads: Vec<_>| rdfio::write_quads(format, quads, Vec::new());
        let write = |bytes: std::io::Result<Vec<u8>>| -> Result<()> { Ok(w.write_all(&bytes?)?) };
        return diplograph::store::build::extract_each_with(
            extractor, inputs, options, serialize, write,
        );
    }
    let mut out = rdfio::QuadWriter::new(format, w);
    let write = |quads| -> Result<()> { Ok(out.write(quads)?) };
    let summary = diplograph::store::build::extract_each(extractor, inputs, options, write)?;
    out.finish()?;
    Ok(summary)
}

/// `query`: the answer to a query, in the format asked for (results on a terminal as a
/// table, else TSV).
fn run_query(args: QueryArgs) -> Result<()> {
    let format = &args.format;
    let text = match (args.query, args.file) {
        (Some(q), _) => q,
        (None, Some(f)) => std::fs::read_to_string(&f)
            .with_context(|| format!("cannot read the query file {}", f.display()))?,
        (None, None) => bail!("give a query or --file F.rq"),
    };
    let rdf = rdfio::parse_format(format).ok_or_else(|| {
        anyhow!(
            "unknown RDF format {format:?}; use one of {}",
            rdfio::FORMAT_NAMES
        )
    })?;
    let results = match args.results {
        Some(r) => results_format(r),
        None if std::io::stdout().is_terminal() => ResultsFormat::Table,
        None => ResultsFormat::Tsv,
    };
    let timeout = args.timeout.map(Duration::from_secs_f64);
    if let Some(t) = timeout {
        watchdog(t);
    }
    let store = open_read(args.store.store)?;
    let answer = query::evaluate(&store, &text, timeout)?;
    let stdout = std::io::stdout().lock();
    query::write_answer(answer, results, rdf, std::io::BufWriter::new(stdout))?;
    Ok(())
}

/// `export`: the store, or its graph `graph`, as RDF.
fn export(args: ExportArgs) -> Result<()> {
    let output = args.output.as_deref();
    let format = rdf_format(args.format.as_deref(), output)?;
    let store = open_read(args.store.store)?;
    with_output(output, |w| {
        let quads = match &args.graph {
            Some(g) => graph_quads(&store, g)?,
            None => store.iter().collect::<Result<Vec<_>, _>>()?,
        };
        rdfio::write_quads(format, quads, w)?;
        Ok(())
    })
}

/// The quads of the named graph `name`, which the store must hold.
fn graph_quads(store: &oxigraph::store::Store, name: &str) -> Result<Vec<oxigraph::model::Quad>> {
    let node = graph_iri(name)?;
    if !store.contains_named_graph(node.as_ref())? {
        bail!(
            "the store has no graph {name}; list them with `diplograph query 'SELECT DISTINCT ?g {{ GRAPH ?g {{}} }}'`"
        );
    }
    Ok(store
        .quads_for_pattern(
            None,
            None,
            None,
            Some(GraphNameRef::NamedNode(node.as_ref())),
        )
        .collect::<Result<Vec<_>, _>>()?)
}

/// `dot`: the drawing as DOT, or rendered by Graphviz.
fn dot(args: DotArgs) -> Result<()> {
    let store = open_read(args.store.store.clone())?;
    let triples = dot_triples(&store, &args)?;
    let dot = diplograph::export::dot::to_dot(&store, &triples, args.nif);
    write_dot(&dot, args.render.as_deref(), args.output.as_deref())
}

/// The triples to draw: a CONSTRUCT query's, what lies within `--depth` steps of the
/// `--focus` entity, or every relation; statements too with `--statements`.
fn dot_triples(
    store: &oxigraph::store::Store,
    args: &DotArgs,
) -> Result<Vec<oxigraph::model::Triple>> {
    use diplograph::export::dot;
    let (depth, statements) = (args.depth, args.statements);
    if let Some(f) = &args.query {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("cannot read the query file {}", f.display()))?;
        return match query::evaluate(store, &text, None)? {
            query::Answer::Graph(t) => Ok(t),
            _ => bail!(
                "{}: dot --query needs a CONSTRUCT or DESCRIBE query",
                f.display()
            ),
        };
    }
    if let Some(name) = &args.focus {
        return dot::neighbourhood(store, name, depth, statements).ok_or_else(|| {
            anyhow!(
                "no entity is named {name:?}; names are Chinese labels such as 上海合作组织 or 中国"
            )
        });
    }
    let mut t = dot::relation_triples(store);
    if statements {
        t.extend(dot::statement_triples(store));
    }
    Ok(t)
}

/// Writes `dot`, or its picture rendered by Graphviz.
fn write_dot(dot: &str, render: Option<&str>, output: Option<&Path>) -> Result<()> {
    match render {
        Some(format) => {
            let picture = diplograph::export::render::render(dot, format)?;
            with_output(output, |w| Ok(w.write_all(&picture)?))
        }
        None => with_output(output, |w| Ok(w.write_all(dot.as_bytes())?)),
    }
}

/// `validate`: the SHACL report of the store or of `file`; fails when it does not
/// conform.
fn validate(args: ValidateArgs) -> Result<()> {
    use diplograph::export::validate;
    let shapes = match &args.shapes {
        Some(p) => std::fs::read_to_string(p)
            .with_context(|| format!("cannot read the shapes {}", p.display()))?,
        None => validate::SHAPES.to_string(),
    };
    let quads = match &args.file {
        Some(f) => validate::read_file(f, args.format.as_deref())?,
        None => open_read(args.store.store)?
            .iter()
            .collect::<Result<Vec<_>, _>>()?,
    };
    let report = validate::validate(&quads, &shapes)?;
    print!("{report}");
    if !report.conforms() {
        bail!(
            "the graph does not conform to the shapes: {} violation(s), listed above",
            report.violations.len()
        );
    }
    Ok(())
}

/// `serve`: the SPARQL endpoint, until the process is stopped.
fn serve(args: ServeArgs) -> Result<()> {
    use diplograph::sparql::serve;
    let (bind, max_results) = (args.bind, args.max_results);
    let timeout = Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| anyhow!("--timeout must be a positive number of seconds"))?;
    if max_results == 0 {
        bail!("--max-results must be at least 1");
    }
    let path = store::location(args.store.store);
    let db = serve::open_store(&path)?;
    let config = serve::Config {
        bind,
        timeout,
        max_results,
        max_connections: 32,
    };
    if !bind.ip().is_loopback() {
        eprintln!(
            "diplograph: note: {bind} is not a loopback address; other machines can query this store"
        );
    }
    serve::serve(db, &config, |url| {
        eprintln!("serving {} read-only at {url}", path.display())
    })
    .with_context(|| format!("cannot serve on {bind}"))
}

/// `push`: every graph to a Graph Store endpoint (each graph named on a terminal).
fn push(args: PushArgs) -> Result<()> {
    use diplograph::export::push;
    let endpoint = &args.endpoint;
    let credentials = push::Credentials::from_env()?;
    let target = push::Target::new(endpoint, &args.graph_param, credentials)?;
    let db = open_read(args.store.store)?;
    let verbose = std::io::stderr().is_terminal();
    let pushed = push::push(&db, &target, |graph, triples| {
        if verbose {
            eprintln!("{graph}: {triples} triples");
        }
    })?;
    println!(
        "pushed {} graphs ({} triples) to {endpoint}",
        pushed.graphs, pushed.triples
    );
    Ok(())
}

/// `stats`: what the store holds, a line per count.
fn stats(args: StatsArgs) -> Result<()> {
    let store = open_read(args.store.store)?;
    print!("{}", diplograph::sparql::stats::stats(&store)?);
    Ok(())
}

/// `eval`: the report of one gold file, or a row per file and a total for several (or a
/// directory of them); fails when an output breaks the contract.
fn eval(args: EvalArgs) -> Result<()> {
    use diplograph::eval;
    let (gold, input) = (&args.gold, args.input.as_deref());
    let (details, json) = (args.details, args.json);
    let single = gold.len() == 1 && !gold[0].is_dir();
    if !single && input.is_some() {
        bail!("INPUT needs a single --gold file; several are each scored against their own source");
    }
    if !single && details {
        bail!("--details needs a single --gold file; for several, give each one alone");
    }
    let golds = eval::gold_files(gold)?;
    let extractor = extractor(&args.lexicon.lexicon)?;
    let broken = if single {
        let report = eval::evaluate(&extractor, &golds[0], input)?;
        match json {
            true => println!("{}", report.json()?),
            false => print!("{}", report.text(details)),
        }
        report.is_broken()
    } else {
        let summary = eval::evaluate_all(&extractor, &golds)?;
        match json {
            true => println!("{}", summary.json()?),
            false => print!("{}", summary.text()),
        }
        summary.is_broken()
    };
    if broken {
        bail!("the output breaks the contract (see the problems above)");
    }
    Ok(())
}

fn extractor(dirs: &[PathBuf]) -> Result<Extractor> {
    let mut dirs = dirs.to_vec();
    if let Some(env) = std::env::var_os("DIPLOGRAPH_LEXICON") {
        dirs.extend(std::env::split_paths(&env));
    }
    Ok(Extractor::new(Lexicon::load(&dirs)?))
}

/// Ends the process when a query outlives its timeout by more than a second: the query
/// is cancelled at the timeout, but some operators (a large join) only notice between
/// rows, which can take minutes. A reader holds no lock and writes nothing, so stopping
/// it is safe.
fn watchdog(timeout: Duration) {
    std::thread::spawn(move || {
        std::thread::sleep(timeout + Duration::from_secs(1));
        eprintln!("diplograph: {}", query::timeout_error(timeout));
        std::process::exit(1);
    });
}

fn results_format(r: Results) -> ResultsFormat {
    match r {
        Results::Table => ResultsFormat::Table,
        Results::Csv => ResultsFormat::Csv,
        Results::Tsv => ResultsFormat::Tsv,
        Results::Json => ResultsFormat::Json,
        Results::Xml => ResultsFormat::Xml,
    }
}

fn rdf_format(name: Option<&str>, output: Option<&Path>) -> Result<RdfFormat> {
    match name {
        Some(n) => rdfio::parse_format(n).ok_or_else(|| {
            anyhow!(
                "unknown RDF format {n:?}; use one of {}",
                rdfio::FORMAT_NAMES
            )
        }),
        None => Ok(output
            .and_then(rdfio::format_of_path)
            .unwrap_or(RdfFormat::NQuads)),
    }
}

fn graph_iri(name: &str) -> Result<NamedNode> {
    let expanded = match name.split_once(':') {
        Some((p, rest)) if !rest.starts_with("//") => {
            match vocab::PREFIXES.iter().find(|(prefix, _)| *prefix == p) {
                Some((_, ns)) => format!("{ns}{rest}"),
                None => name.to_string(),
            }
        }
        _ => name.to_string(),
    };
    NamedNode::new(expanded.trim_matches(['<', '>']))
        .map_err(|e| anyhow!("--graph {name:?} is not an IRI: {e}"))
}

fn open_read(flag: Option<PathBuf>) -> Result<oxigraph::store::Store> {
    let path = store::location(flag);
    Ok(store::open_existing(&path)?)
}

/// Runs `f` on standard output or on the file `output` names.
///
/// A regular file (new, or reached through symbolic links) is written whole or not at all:
/// into a `.part` file beside it, renamed over it once complete, removed if `f` fails.
/// Anything else that already exists (`/dev/null`, `/dev/stdout`, a named pipe) is
/// opened and written in place: renaming over it would replace a device with a file.
fn with_output(output: Option<&Path>, f: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let Some(path) = output else {
        return write_through(std::io::stdout().lock(), &"standard output", f);
    };
    // what `path` names, through any links
    let in_place = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => bail!("cannot write {}: it is a directory", path.display()),
        Ok(m) => !m.is_file(),
        // a link to nowhere: creating through it makes the file it names
        Err(_) => std::fs::symlink_metadata(path).is_ok(),
    };
    if in_place {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)
            .with_context(|| format!("cannot open {}", path.display()))?;
        return write_through(file, &path.display(), f);
    }
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let tmp = path.with_extension(format!(
        "{}.part",
        path.extension().and_then(|e| e.to_str()).unwrap_or("out")
    ));
    let file =
        std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    let written = write_through(file, &tmp.display(), f).and_then(|()| {
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Runs `f` on `w`, buffered, and flushes; `name` names `w` in a failed flush.
fn write_through(
    w: impl Write,
    name: &dyn std::fmt::Display,
    f: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut w = std::io::BufWriter::new(w);
    f(&mut w)?;
    w.flush().with_context(|| format!("cannot write {name}"))
}

/// The reading options the flags name (a bad --encoding fails before any work).
fn reading(input: &InputArgs) -> Result<input::ReadOptions> {
    let encoding = match &input.encoding {
        Some(name) => Some(input::encoding_for_label(name)?),
        None => None,
    };
    Ok(input::ReadOptions { encoding })
}

/// `extract`'s inputs: the files `paths` name; with `keep_going`, paths that cannot be
/// searched are reported and left out, else the first is the error.
fn extract_inputs(paths: &[PathBuf], keep_going: bool) -> Result<(Vec<Input>, Vec<String>)> {
    let (files, errors) = input::expand_all(paths);
    let mut failures = Vec::new();
    for e in errors {
        match keep_going {
            true => failures.push(e.report()),
            false => return Err(e.into()),
        }
    }
    input::check_distinct_names(&files)?;
    Ok((files.into_iter().map(Input::File).collect(), failures))
}

fn warn(warnings: &[String]) {
    for w in warnings {
        eprintln!("diplograph: warning: {w}");
    }
}

/// After --keep-going: reports each input that failed and fails if any did.
fn gone_on_past(failures: &[String]) -> Result<()> {
    for f in failures {
        eprintln!("diplograph: {f}");
    }
    match failures.len() {
        0 => Ok(()),
        n => bail!(
            "{n} input file(s) could not be read and were left out (--keep-going); the others were processed"
        ),
    }
}

/// `build`: the files into the store, then a summary of what was built.
fn build(args: BuildArgs) -> Result<()> {
    let started = Instant::now();
    let paths = &args.paths;
    let mut options = diplograph::store::build::Options {
        reading: reading(&args.input)?,
        keep_going: args.input.keep_going,
        threads: args.threads.map_or(0, |n| n as usize),
        force: args.force,
        ..Default::default()
    };
    let extractor = extractor(&args.lexicon.lexicon)?;
    // files gone from the directories searched are removed, unless one could not be searched
    options.roots = match paths.is_empty() {
        true => vec![PathBuf::from("data/corpus")],
        false => paths.iter().filter(|p| p.is_dir()).cloned().collect(),
    };
    let (inputs, mut failures) = build_inputs(paths, &mut options)?;
    let path = store::location(args.store.store);
    let db = store::open(&path)?;
    let mut bar = ProgressBar::new();
    let summary =
        diplograph::store::build::build_with(&db, &path, &extractor, &inputs, &options, |p| {
            bar.show(p)
        })?;
    bar.finish();
    warn(&summary.warnings);
    failures.extend(summary.failures.iter().cloned());
    print_build(&path, &summary, started);
    gone_on_past(&failures)
}

/// `build`'s inputs: the files `paths` name, else the corpus in `data/corpus`, else the
/// bundled one. With `keep_going`, paths that cannot be searched are reported (and no
/// file is removed from the store); else the first is the error.
fn build_inputs(
    paths: &[PathBuf],
    options: &mut diplograph::store::build::Options,
) -> Result<(Vec<Input>, Vec<String>)> {
    if paths.is_empty() {
        let dir = Path::new("data/corpus");
        if dir.is_dir() {
            let files = input::expand_paths(&[dir.to_path_buf()])?;
            return Ok((files.into_iter().map(Input::File).collect(), Vec::new()));
        }
        let bundled = BUNDLED.iter().map(|(name, text)| Input::Text {
            name: name.to_string(),
            text: text.to_string(),
        });
        return Ok((bundled.collect(), Vec::new()));
    }
    let (files, errors) = input::expand_all(paths);
    if !errors.is_empty() {
        options.roots.clear();
    }
    let mut failures = Vec::new();
    for e in errors {
        match options.keep_going {
            true => failures.push(e.report()),
            false => return Err(e.into()),
        }
    }
    Ok((files.into_iter().map(Input::File).collect(), failures))
}

/// What a build did, a line each.
fn print_build(path: &Path, summary: &diplograph::store::build::Summary, started: Instant) {
    let classes: Vec<String> = Class::ALL
        .iter()
        .map(|c| format!("{c} {}", summary.entities.get(c).copied().unwrap_or(0)))
        .collect();
    println!(
        "built {} from {} file(s): {} documents",
        path.display(),
        summary.files,
        summary.documents
    );
    if summary.unchanged > 0 {
        println!("unchanged: {} file(s), skipped", summary.unchanged);
    }
    if !summary.removed.is_empty() {
        println!(
            "removed: {} file(s) no longer found: {}",
            summary.removed.len(),
            summary.removed.join(", ")
        );
    }
    println!("entities: {}", classes.join(", "));
    println!("statements: {}", summary.statements);
    println!("quads in store: {}", summary.quads);
    if let Some(took) = summary.compacted {
        println!("compacted for queries: {:.2} s", took.as_secs_f64());
    }
    if let Some(took) = summary.summarized {
        println!("summaries counted: {:.2} s", took.as_secs_f64());
    }
    println!("seconds: {:.2}", started.elapsed().as_secs_f64());
}

/// A build's progress bar: drawn on standard error when it is a terminal and the build
/// has run for a second, so short builds print nothing but their summary.
struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
    started: Instant,
}

impl ProgressBar {
    fn new() -> ProgressBar {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::hidden();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {decimal_bytes}/{decimal_total_bytes} {msg} ({eta} left)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        ProgressBar {
            bar,
            started: Instant::now(),
        }
    }

    fn show(&mut self, p: &diplograph::store::build::Progress) {
        let Some(bar) = &self.bar else { return };
        if bar.is_hidden() && self.started.elapsed() > Duration::from_secs(1) {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        bar.set_length(p.bytes_total);
        bar.set_position(p.bytes_done);
        bar.set_message(format!("{}/{} files", p.done, p.total));
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
