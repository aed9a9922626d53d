//! The command line: clap derive; the doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn diplomatic documents into a linked-data knowledge graph: extract states,
/// organizations, agreements, persons, places, events, dates, sums and the statements
/// made about them; store, query (SPARQL), export (RDF) and draw (DOT) the graph.
#[derive(Debug, Parser)]
#[command(name = "diplograph", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct StoreArgs {
    /// The store directory [default: $DIPLOGRAPH_STORE, else ./diplograph.db].
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct LexiconArgs {
    /// A directory of extra lexicon or rule files (states.tsv, organizations.tsv,
    /// places.tsv, persons.tsv, events.tsv, titles.tsv, cues.tsv, heads.tsv,
    /// boundaries.tsv, not_names.tsv, words.tsv) that add to or replace the built-in rows.
    /// Repeatable.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Vec<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// The encoding of the input files (GB18030, GBK, Big5, UTF-16LE, … any WHATWG
    /// label) [default: a byte-order mark's, else UTF-8, else GB18030 when the file
    /// decodes as Chinese GB18030 (a warning says so)].
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Go on past files that cannot be read (each is reported), then exit with status 1.
    #[arg(long)]
    pub keep_going: bool,
}

/// A number of seconds for --timeout: finite and more than zero.
pub fn seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && x <= 1e9 => Ok(x),
        Ok(_) => Err("give a number of seconds greater than 0, such as 2.5".into()),
        Err(e) => Err(format!("{e}; give a number of seconds, such as 2.5")),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract RDF from documents without a store and write it.
    Extract(ExtractArgs),
    /// Extract documents into the store, replacing each file's graphs. Files whose bytes,
    /// lexicons and diplograph version are unchanged since they were built are skipped;
    /// building a directory removes the graphs of files that were built from under it
    /// and are gone.
    Build(BuildArgs),
    /// Run a SPARQL query over the graphs it names (FROM, FROM NAMED), else the union of
    /// all graphs.
    Query(QueryArgs),
    /// Write the store (or one graph of it) as RDF.
    Export(ExportArgs),
    /// Draw the graph (relations between entities) as Graphviz DOT.
    Dot(DotArgs),
    /// Check the store, or an RDF file, against the contract's SHACL shapes
    /// (ontology/shapes.ttl); exit 1 when it does not conform.
    Validate(ValidateArgs),
    /// Answer SPARQL 1.1 Protocol queries over HTTP at /sparql, read-only.
    Serve(ServeArgs),
    /// Send every graph of the store to a remote triplestore with the SPARQL 1.1 Graph
    /// Store Protocol (PUT replaces each graph). Credentials come from the environment:
    /// DIPLOGRAPH_PUSH_TOKEN, or DIPLOGRAPH_PUSH_USER and DIPLOGRAPH_PUSH_PASSWORD.
    Push(PushArgs),
    /// Count what the store holds.
    Stats(StatsArgs),
    /// Score extraction against a gold annotation (SCHEMA.md's scoring). Several gold
    /// files (repeat --gold, or name a directory of NAME.gold.json files) print one row
    /// per file and their micro total.
    Eval(EvalArgs),
}

/// The arguments of `diplograph extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or directories (*.txt, *.md, recursively); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// RDF format: turtle, ntriples, nquads, trig, rdfxml, jsonld, n3 [default: from
    /// the -o file's extension, else nquads].
    #[arg(long, short = 'f', value_name = "F")]
    pub format: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    #[command(flatten)]
    pub input: InputArgs,
    /// Files extracted at once [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub threads: Option<u32>,
}

/// The arguments of `diplograph build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Files or directories [default: the bundled corpus, data/corpus].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    #[command(flatten)]
    pub input: InputArgs,
    /// Files extracted at once [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub threads: Option<u32>,
    /// Extract and write every file again, even unchanged ones.
    #[arg(long)]
    pub force: bool,
}

/// The arguments of `diplograph query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The query text (or use --file).
    #[arg(
        value_name = "QUERY",
        required_unless_present = "file",
        conflicts_with = "file"
    )]
    pub query: Option<String>,
    /// Read the query from this file.
    #[arg(long, value_name = "F.rq")]
    pub file: Option<PathBuf>,
    /// How to write SELECT and ASK results [default: table on a terminal, else tsv].
    #[arg(long, value_enum, value_name = "R")]
    pub results: Option<Results>,
    /// RDF format for CONSTRUCT and DESCRIBE results.
    #[arg(long, short = 'f', value_name = "F", default_value = "turtle")]
    pub format: String,
    /// Stop the query after this many seconds.
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub timeout: Option<f64>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The arguments of `diplograph export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// RDF format [default: from the -o file's extension, else nquads].
    #[arg(long, short = 'f', value_name = "F")]
    pub format: Option<String>,
    /// Only this named graph (a document's IRI, `dgr:doc/FILE/N`, or its
    /// `…/statements` or `…/lexicon` graph, or `dgr:graph/ontology`).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The arguments of `diplograph dot`.
#[derive(Debug, Args)]
pub struct DotArgs {
    /// A CONSTRUCT query whose triples to draw.
    #[arg(long, value_name = "F.rq", conflicts_with = "focus")]
    pub query: Option<PathBuf>,
    /// Draw what lies within --depth steps of the entity with this name.
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// Steps from --focus.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: usize,
    /// Draw statements too (actor → statement → what it concerns).
    #[arg(long)]
    pub statements: bool,
    /// Keep NIF mention plumbing in --query output.
    #[arg(long)]
    pub nif: bool,
    /// Render the drawing with Graphviz (`dot`) as svg or png instead of writing DOT.
    #[arg(long, value_name = "FORMAT", value_parser = ["svg", "png"])]
    pub render: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The arguments of `diplograph validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// An RDF file to check instead of the store (the union of its graphs).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The file's RDF format [default: from its extension].
    #[arg(long, short = 'f', value_name = "F")]
    pub format: Option<String>,
    /// Check against these shapes instead of the built-in ones.
    #[arg(long, value_name = "SHAPES.ttl")]
    pub shapes: Option<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The arguments of `diplograph serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (loopback by default; another address exposes the
    /// store to the network).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub bind: std::net::SocketAddr,
    /// Stop each query after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, value_parser = seconds)]
    pub timeout: f64,
    /// Return at most this many rows or triples per query.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_results: usize,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The arguments of `diplograph push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The Graph Store endpoint: Oxigraph http://HOST:7878/store, Fuseki
    /// http://HOST:3030/DATASET/data, GraphDB http://HOST:7200/repositories/ID/rdf-graphs/service.
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// The parameter that names the graph (`graph-uri` for Virtuoso).
    #[arg(long, value_name = "NAME", default_value = "graph")]
    pub graph_param: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The arguments of `diplograph stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The arguments of `diplograph eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold file (NAME.gold.json), or a directory of them. Repeatable.
    #[arg(long, value_name = "G.json", required = true)]
    pub gold: Vec<PathBuf>,
    /// The source file to extract, or an RDF file (.nq .trig .nt .ttl) to score, for
    /// a single gold file [default: the gold's "source", relative to the gold file].
    #[arg(value_name = "INPUT")]
    pub input: Option<PathBuf>,
    /// List what was missed and what is spurious (a single gold file).
    #[arg(long)]
    pub details: bool,
    /// Print the whole report (for several gold files, each report and the total) as
    /// JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Results {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}
