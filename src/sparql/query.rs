//! SPARQL over the store, prepared as [`super::prepare`] says (the graphs the query
//! names, else the union of all graphs; the vocabulary prefixes predeclared), results as
//! an aligned table (for people), CSV, TSV, JSON or XML (for machines), and
//! CONSTRUCT/DESCRIBE results as RDF.

use std::io::Write;
use std::time::Duration;

use oxigraph::io::RdfFormat;
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use unicode_width::UnicodeWidthStr;

use crate::error::{Error, ErrorKind, Result};
use crate::vocab::PREFIXES;

/// How SELECT and ASK results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

/// The error of a query that ran longer than `timeout`.
pub fn timeout_error(timeout: Duration) -> Error {
    Error::new(
        ErrorKind::Query,
        format!(
            "the query ran longer than {} s and was stopped; narrow it or raise --timeout",
            timeout.as_secs_f64()
        ),
    )
}

fn evaluation(e: QueryEvaluationError, timeout: Option<Duration>) -> Error {
    match (e, timeout) {
        (QueryEvaluationError::Cancelled, Some(t)) => timeout_error(t),
        (e, _) => Error::new(ErrorKind::Query, "the query failed").caused_by(e),
    }
}

/// The results of a query, evaluated.
pub enum Answer {
    Solutions {
        variables: Vec<String>,
        rows: Vec<Vec<Option<Term>>>,
    },
    Boolean(bool),
    Graph(Vec<Triple>),
}

/// Evaluates `text` over the graphs it names, else the union of the store's graphs (see
/// [`super::prepare`]), stopping after `timeout`.
pub fn evaluate(store: &Store, text: &str, timeout: Option<Duration>) -> Result<Answer> {
    let token = CancellationToken::new();
    let evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
    let prepared = super::prepare(evaluator, text, super::Graphs::default())
        .map_err(|e| Error::new(ErrorKind::Query, "the query is not valid SPARQL").caused_by(e))?;
    let _timer = timeout.map(|t| {
        let token = token.clone();
        let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            if done_rx.recv_timeout(t).is_err() {
                token.cancel();
            }
        });
        done_tx
    });
    let results = prepared
        .on_store(store)
        .execute()
        .map_err(|e| evaluation(e, timeout))?;
    Ok(match results {
        QueryResults::Solutions(solutions) => {
            let variables: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| evaluation(e, timeout))?;
                rows.push(s.values().to_vec());
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => Answer::Graph(
            triples
                .collect::<Result<_, _>>()
                .map_err(|e| evaluation(e, timeout))?,
        ),
    })
}

/// Writes an answer: solutions and booleans in `results`, graphs in `rdf`.
pub fn write_answer<W: Write>(
    answer: Answer,
    results: ResultsFormat,
    rdf: RdfFormat,
    mut out: W,
) -> std::io::Result<()> {
    match answer {
        Answer::Graph(triples) => {
            let quads = triples
                .into_iter()
                .map(|t| t.in_graph(oxigraph::model::GraphName::DefaultGraph));
            crate::export::rdf::write_quads(rdf, quads, out)?;
        }
        Answer::Boolean(b) => match sparql_format(results) {
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, b)?;
            }
            None => writeln!(out, "{b}")?,
        },
        Answer::Solutions { variables, rows } => match sparql_format(results) {
            Some(f) => {
                let vars = variables
                    .iter()
                    .map(|v| oxigraph::sparql::Variable::new_unchecked(v.as_str()))
                    .collect::<Vec<_>>();
                let mut w = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(out, vars.clone())?;
                for row in &rows {
                    w.serialize(
                        vars.iter()
                            .zip(row)
                            .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
                    )?;
                }
                w.finish()?;
            }
            None => write_table(&variables, &rows, out)?,
        },
    }
    Ok(())
}

fn sparql_format(f: ResultsFormat) -> Option<QueryResultsFormat> {
    match f {
        ResultsFormat::Table => None,
        ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultsFormat::Json => Some(QueryResultsFormat::Json),
        ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
    }
}

/// A term as a person reads it: IRIs shortened by the known prefixes, literals by their
/// text (with `@lang` for non-Chinese tags).
pub fn display_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::Literal(l) => match l.language() {
            Some(lang) if lang != "zh" => format!("{}@{lang}", l.value()),
            _ => l.value().to_string(),
        },
        other => other.to_string(),
    }
}

/// `dgr:state/CHN` for `https://w3id.org/diplograph/id/state/CHN`; keys are shown
/// decoded (`dgr:org/上海合作组织`).
pub fn compact(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{}", percent_decode(local));
        }
    }
    format!("<{iri}>")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn write_table<W: Write>(
    variables: &[String],
    rows: &[Vec<Option<Term>>],
    mut out: W,
) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|t| {
                    t.as_ref()
                        .map(display_term)
                        .unwrap_or_default()
                        .replace(['\n', '\r'], " ")
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = variables.iter().map(|v| v.width() + 1).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |out: &mut W, items: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (item, w)) in items.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str(" │ ");
            }
            s.push_str(item);
            if i + 1 < items.len() {
                s.push_str(&" ".repeat(w - item.width()));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    let header: Vec<String> = variables.iter().map(|v| format!("?{v}")).collect();
    line(&mut out, &header)?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("─┼─")
    )?;
    for row in &cells {
        line(&mut out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        cells.len(),
        if cells.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_decodes_keys() {
        assert_eq!(
            compact("https://w3id.org/diplograph/id/org/%E4%B8%8A%E5%90%88"),
            "organization:上合"
        );
        assert_eq!(
            compact("https://w3id.org/diplograph/id/doc/a/1"),
            "dgr:doc/a/1"
        );
        assert_eq!(compact("https://w3id.org/diplograph/ns#State"), "dg:State");
        assert_eq!(compact("http://example.org/x"), "<http://example.org/x>");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
