//! The SPARQL endpoint: `diplograph serve` answers the SPARQL 1.1 Protocol over the store.
//!
//! In: HTTP requests to `/sparql` — `GET ?query=…`, `POST` form-encoded (`query=…`) or
//! `POST` with `Content-Type: application/sparql-query` — with optional
//! `default-graph-uri` and `named-graph-uri` parameters. Out: SELECT and ASK results in the
//! format the `Accept` header asks for (SPARQL JSON by default, XML, CSV, TSV), CONSTRUCT
//! and DESCRIBE results as Turtle by default, or N-Triples, N-Quads, TriG, RDF/XML or
//! JSON-LD. Without dataset parameters or `FROM`, the default graph is the union of all
//! graphs and the vocabulary prefixes are predeclared, as in `diplograph query`.
//!
//! Guarantees: read-only — the store is opened read-only, updates (and so `LOAD`) are
//! refused with 403, and so is `SERVICE` (no request ever leaves the server); every query
//! is cancelled after the timeout (503) and returns at most `max_results` rows or triples
//! (a cut answer carries the header `X-SPARQL-MaxRows`); every response allows
//! cross-origin reads (CORS) so browser clients such as YASGUI work; the default bind
//! address is loopback. The handler ([`Endpoint::handle`]) needs no socket, so it is
//! tested directly; [`serve`] puts it behind oxhttp's threaded server.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use oxhttp::Server;
use oxhttp::model::header::{
    ACCEPT, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_EXPOSE_HEADERS, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS, ALLOW,
    CONTENT_TYPE, HeaderValue,
};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use oxigraph::sparql::{
    CancellationToken, DefaultServiceHandler, QueryEvaluationError, QueryResults,
    QuerySolutionIter, SparqlEvaluator,
};
use oxigraph::store::Store;

use crate::sparql::query::{Answer, ResultsFormat, write_answer};

/// The default address: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";

/// The largest request body accepted (a query or a form), in bytes.
const MAX_BODY_BYTES: u64 = 1 << 20;

/// The header that says an answer was cut at the result cap.
const MAX_ROWS_HEADER: &str = "x-sparql-maxrows";

/// How the endpoint runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen.
    pub bind: SocketAddr,
    /// Each query is cancelled after this long.
    pub timeout: Duration,
    /// At most this many rows (SELECT) or triples (CONSTRUCT, DESCRIBE) per answer.
    pub max_results: usize,
    /// At most this many connections are served at once; more wait.
    pub max_connections: usize,
}

/// The request handler: the store and the limits, no socket.
pub struct Endpoint {
    store: Store,
    timeout: Duration,
    max_results: usize,
    /// Queries being evaluated, those past their timeout among them.
    running: Arc<AtomicUsize>,
}

/// At most this many queries are evaluated at once. The engine checks for cancellation
/// as it reads the store, so a query that computes without reading (a cross product of
/// what it has read) may go on after its timeout has been answered; this bounds how many
/// such queries can hold the processor.
const MAX_RUNNING: usize = 4;

/// Opens the store at `path` read-only for serving: no lock is taken, so `diplograph
/// build` can still write it (the endpoint answers from the store as it was when opened).
pub fn open_store(path: &std::path::Path) -> crate::Result<Store> {
    crate::store::open_existing(path)
}

/// Serves `store` at `config.bind` until the process is stopped. `on_ready` is called
/// once the socket listens, with the endpoint's URL.
pub fn serve(store: Store, config: &Config, on_ready: impl FnOnce(&str)) -> std::io::Result<()> {
    let endpoint = Endpoint::new(store, config.timeout, config.max_results);
    let listening = Server::new(move |request| endpoint.handle(request))
        .bind(config.bind)
        .with_global_timeout(config.timeout + Duration::from_secs(30))
        .with_max_concurrent_connections(config.max_connections)
        .with_server_name(concat!("diplograph/", env!("CARGO_PKG_VERSION")))
        .map_err(std::io::Error::other)?
        .spawn()?;
    on_ready(&format!("http://{}/sparql", config.bind));
    listening.join()
}

impl Endpoint {
    pub fn new(store: Store, timeout: Duration, max_results: usize) -> Endpoint {
        Endpoint {
            store,
            timeout,
            max_results,
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Answers one request.
    pub fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        let mut response = self.route(request);
        let headers = response.headers_mut();
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        headers.insert(
            ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static(MAX_ROWS_HEADER),
        );
        response
    }

    fn route(&self, request: &mut Request<Body>) -> Response<Body> {
        let path = request.uri().path();
        if path != "/sparql" && path != "/" {
            return text(
                StatusCode::NOT_FOUND,
                "not found: the SPARQL endpoint is /sparql",
            );
        }
        let method = request.method().clone();
        if method == Method::OPTIONS {
            let asked = request
                .headers()
                .get(ACCESS_CONTROL_REQUEST_HEADERS)
                .cloned();
            return preflight(asked);
        }
        let url_params = parse_form(request.uri().query().unwrap_or(""));
        match method {
            Method::GET => {
                if url_params.iter().any(|(k, _)| k == "update") {
                    return read_only();
                }
                if path == "/" && !url_params.iter().any(|(k, _)| k == "query") {
                    return text(StatusCode::OK, &self.home());
                }
                self.answer(request, None, url_params)
            }
            Method::POST => self.post(request, url_params),
            _ => {
                let mut r = text(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "use GET or POST (the endpoint is read-only)",
                );
                r.headers_mut()
                    .insert(ALLOW, HeaderValue::from_static("GET, POST, OPTIONS"));
                r
            }
        }
    }

    fn post(
        &self,
        request: &mut Request<Body>,
        url_params: Vec<(String, String)>,
    ) -> Response<Body> {
        let content_type = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| media_type(v).to_string())
            .unwrap_or_default();
        let body = match read_body(request.body_mut()) {
            Ok(b) => b,
            Err(response) => return *response,
        };
        match content_type.as_str() {
            "application/x-www-form-urlencoded" => {
                let mut params = parse_form(&body);
                if params.iter().any(|(k, _)| k == "update") {
                    return read_only();
                }
                params.extend(url_params);
                self.answer(request, None, params)
            }
            "application/sparql-query" => self.answer(request, Some(body), url_params),
            "application/sparql-update" => read_only(),
            other => text(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                &format!(
                    "unsupported Content-Type {other:?}: POST a query as application/sparql-query or as application/x-www-form-urlencoded query=…"
                ),
            ),
        }
    }

    /// Evaluates the query of a request and writes the answer in the negotiated format.
    fn answer(
        &self,
        request: &Request<Body>,
        body_query: Option<String>,
        params: Vec<(String, String)>,
    ) -> Response<Body> {
        let mut query = body_query;
        let mut default_graphs = Vec::new();
        let mut named_graphs = Vec::new();
        for (k, v) in params {
            match k.as_str() {
                "query" if query.is_none() => query = Some(v),
                "query" => {
                    return text(StatusCode::BAD_REQUEST, "give exactly one query");
                }
                "default-graph-uri" | "named-graph-uri" => match NamedNode::new(&v) {
                    Ok(g) if k == "default-graph-uri" => default_graphs.push(g),
                    Ok(g) => named_graphs.push(g),
                    Err(e) => {
                        return text(
                            StatusCode::BAD_REQUEST,
                            &format!("{k} {v:?} is not an IRI: {e}"),
                        );
                    }
                },
                _ => {}
            }
        }
        let Some(query) = query else {
            return text(
                StatusCode::BAD_REQUEST,
                "give a query: GET /sparql?query=…, or POST it as application/sparql-query",
            );
        };
        let accept = request
            .headers()
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("*/*")
            .to_string();
        let (answer, cut) = match self.evaluate(&query, default_graphs, named_graphs) {
            Ok(a) => a,
            Err(failure) => return failure.response(self.timeout),
        };
        let is_graph = matches!(answer, Answer::Graph(_));
        let Some((media, results, rdf)) = negotiate(&accept, is_graph) else {
            let names: Vec<&str> = if is_graph {
                GRAPH_TYPES.iter().map(|(m, _)| *m).collect()
            } else {
                RESULT_TYPES.iter().map(|(m, _)| *m).collect()
            };
            return text(
                StatusCode::NOT_ACCEPTABLE,
                &format!(
                    "cannot answer in {accept:?}; this answer can be {}",
                    names.join(", ")
                ),
            );
        };
        let mut out = Vec::new();
        if let Err(e) = write_answer(answer, results, rdf, &mut out) {
            return text(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("cannot write the answer: {e}"),
            );
        }
        let mut response = Response::builder()
            .status(StatusCode::OK)
            .header(CONTENT_TYPE, media)
            .body(Body::from(out))
            .unwrap_or_else(|_| text(StatusCode::INTERNAL_SERVER_ERROR, "bad response"));
        if cut {
            response
                .headers_mut()
                .insert(MAX_ROWS_HEADER, HeaderValue::from(self.max_results));
        }
        response
    }

    /// Evaluates `text` in a worker thread, cut at the result cap; the flag says whether
    /// it was cut. After the timeout the query is cancelled and the answer is a timeout,
    /// whether or not the worker has stopped yet.
    fn evaluate(
        &self,
        text: &str,
        default_graphs: Vec<NamedNode>,
        named_graphs: Vec<NamedNode>,
    ) -> Result<(Answer, bool), Failure> {
        if self.running.fetch_add(1, Ordering::SeqCst) >= MAX_RUNNING {
            self.running.fetch_sub(1, Ordering::SeqCst);
            return Err(Failure::Busy);
        }
        let token = CancellationToken::new();
        let (tx, rx) = std::sync::mpsc::channel();
        let (store, cap, running) = (self.store.clone(), self.max_results, self.running.clone());
        let (text, worker_token) = (text.to_string(), token.clone());
        std::thread::spawn(move || {
            let answer = prepare(&text, default_graphs, named_graphs, worker_token)
                .and_then(|prepared| collect(prepared.on_store(&store).execute(), cap));
            running.fetch_sub(1, Ordering::SeqCst);
            // the request may have timed out and gone: then nobody listens
            let _ = tx.send(answer);
        });
        match rx.recv_timeout(self.timeout) {
            Ok(answer) => answer,
            Err(_) => {
                token.cancel();
                Err(Failure::Cancelled)
            }
        }
    }

    fn home(&self) -> String {
        format!(
            "diplograph SPARQL endpoint (read-only)\n\n\
             GET  /sparql?query=…\n\
             POST /sparql  (application/sparql-query, or form-encoded query=…)\n\n\
             The default graph is the union of all graphs; the prefixes dg:, dgr:, nif:, \
             rdfs:, skos: … are predeclared. Each query stops after {} s and returns at \
             most {} rows or triples.\n",
            self.timeout.as_secs_f64(),
            self.max_results
        )
    }
}

/// Parses `text` as [`super::prepare`] does, with `token` and no federation.
fn prepare(
    text: &str,
    default_graphs: Vec<NamedNode>,
    named_graphs: Vec<NamedNode>,
    token: CancellationToken,
) -> Result<oxigraph::sparql::PreparedSparqlQuery, Failure> {
    let evaluator = SparqlEvaluator::new()
        .with_cancellation_token(token)
        .with_default_service_handler(NoService);
    let graphs = super::Graphs {
        default: default_graphs,
        named: named_graphs,
    };
    super::prepare(evaluator, text, graphs).map_err(|e| Failure::Syntax(e.to_string()))
}

/// The answer of an evaluation, at most `cap` rows or triples; the flag says whether it
/// was cut.
fn collect(
    results: Result<QueryResults<'_>, QueryEvaluationError>,
    cap: usize,
) -> Result<(Answer, bool), Failure> {
    Ok(match results.map_err(Failure::from)? {
        QueryResults::Boolean(b) => (Answer::Boolean(b), false),
        QueryResults::Solutions(solutions) => {
            let variables = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            let mut rows = Vec::new();
            let mut cut = false;
            for s in solutions {
                if rows.len() == cap {
                    cut = true;
                    break;
                }
                rows.push(s.map_err(Failure::from)?.values().to_vec());
            }
            (Answer::Solutions { variables, rows }, cut)
        }
        QueryResults::Graph(triples) => {
            let mut out = Vec::new();
            let mut cut = false;
            for t in triples {
                if out.len() == cap {
                    cut = true;
                    break;
                }
                out.push(t.map_err(Failure::from)?);
            }
            (Answer::Graph(out), cut)
        }
    })
}

/// What went wrong with a query, and its HTTP status.
enum Failure {
    Syntax(String),
    Service,
    Cancelled,
    Busy,
    Evaluation(String),
}

impl From<QueryEvaluationError> for Failure {
    fn from(e: QueryEvaluationError) -> Self {
        match e {
            QueryEvaluationError::Cancelled => Failure::Cancelled,
            QueryEvaluationError::Service(_)
            | QueryEvaluationError::UnboundService
            | QueryEvaluationError::InvalidServiceName(_)
            | QueryEvaluationError::UnsupportedService(_) => Failure::Service,
            other => Failure::Evaluation(other.to_string()),
        }
    }
}

impl Failure {
    fn response(self, timeout: Duration) -> Response<Body> {
        match self {
            Failure::Syntax(m) => text(
                StatusCode::BAD_REQUEST,
                &format!("the query is not valid SPARQL: {m}"),
            ),
            Failure::Service => text(
                StatusCode::FORBIDDEN,
                "SERVICE is disabled: this endpoint queries its own store only",
            ),
            Failure::Cancelled => text(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!(
                    "the query ran longer than {} s and was stopped; narrow it (LIMIT, more specific patterns)",
                    timeout.as_secs_f64()
                ),
            ),
            Failure::Busy => text(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!("{MAX_RUNNING} queries are still running; try again in a moment"),
            ),
            Failure::Evaluation(m) => text(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("the query failed: {m}"),
            ),
        }
    }
}

/// Refuses every `SERVICE` call, whatever oxigraph's features would otherwise do.
struct NoService;

#[derive(Debug)]
struct ServiceRefused;

impl std::fmt::Display for ServiceRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SERVICE is disabled on this endpoint")
    }
}

impl std::error::Error for ServiceRefused {}

impl DefaultServiceHandler for NoService {
    type Error = ServiceRefused;

    fn handle(
        &self,
        _service_name: &NamedNode,
        _pattern: &spargebra::algebra::GraphPattern,
        _base_iri: Option<&oxiri::Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, ServiceRefused> {
        Err(ServiceRefused)
    }
}

/// Result formats for SELECT and ASK, the first the default.
const RESULT_TYPES: &[(&str, ResultsFormat)] = &[
    ("application/sparql-results+json", ResultsFormat::Json),
    ("application/sparql-results+xml", ResultsFormat::Xml),
    ("text/csv", ResultsFormat::Csv),
    ("text/tab-separated-values", ResultsFormat::Tsv),
    ("application/json", ResultsFormat::Json),
    ("application/xml", ResultsFormat::Xml),
    ("text/xml", ResultsFormat::Xml),
];

/// RDF formats for CONSTRUCT and DESCRIBE, the first the default.
const GRAPH_TYPES: &[(&str, &str)] = &[
    ("text/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("application/rdf+xml", "rdfxml"),
    ("application/ld+json", "jsonld"),
    ("application/n-quads", "nquads"),
    ("application/trig", "trig"),
    ("text/plain", "ntriples"),
    ("application/xml", "rdfxml"),
];

/// The media type, results format and RDF format that best fit an `Accept` header, or
/// `None` when nothing offered is acceptable.
fn negotiate(accept: &str, graph: bool) -> Option<(&'static str, ResultsFormat, RdfFormat)> {
    let offered: Vec<(&'static str, ResultsFormat, RdfFormat)> = if graph {
        GRAPH_TYPES
            .iter()
            .filter_map(|(m, name)| {
                crate::export::rdf::parse_format(name).map(|f| (*m, ResultsFormat::Json, f))
            })
            .collect()
    } else {
        RESULT_TYPES
            .iter()
            .map(|(m, r)| (*m, *r, RdfFormat::Turtle))
            .collect()
    };
    let mut ranges: Vec<(f32, usize, &str)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, range)| {
            let mut parts = range.split(';');
            let media = parts.next()?.trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!media.is_empty() && q > 0.0).then_some((q, i, media))
        })
        .collect();
    if accept.trim().is_empty() {
        return offered.first().copied();
    }
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, _, media) in ranges {
        let media = media.to_ascii_lowercase();
        let found = offered.iter().find(|(m, _, _)| {
            media == "*/*"
                || media == *m
                || media
                    .strip_suffix("/*")
                    .is_some_and(|top| m.split('/').next() == Some(top))
        });
        if let Some(f) = found {
            return Some(*f);
        }
    }
    None
}

fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or("").trim()
}

/// Reads at most [`MAX_BODY_BYTES`] of a body as UTF-8, or the response that refuses it.
fn read_body(body: &mut Body) -> Result<String, Box<Response<Body>>> {
    let mut bytes = Vec::new();
    if let Err(e) = body.take(MAX_BODY_BYTES + 1).read_to_end(&mut bytes) {
        return Err(Box::new(text(
            StatusCode::BAD_REQUEST,
            &format!("cannot read the request: {e}"),
        )));
    }
    if bytes.len() as u64 > MAX_BODY_BYTES {
        return Err(Box::new(text(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("the request body is larger than {MAX_BODY_BYTES} bytes"),
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        Box::new(text(
            StatusCode::BAD_REQUEST,
            "the request body is not UTF-8",
        ))
    })
}

/// `application/x-www-form-urlencoded` pairs (also a URL's query string).
fn parse_form(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (form_decode(k), form_decode(v))
        })
        .collect()
}

/// Decodes `+` as a space and `%XX` as a byte; malformed escapes stay as they are.
fn form_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn text(status: StatusCode, message: &str) -> Response<Body> {
    let mut r = Response::new(Body::from(format!("{message}\n")));
    *r.status_mut() = status;
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

fn read_only() -> Response<Body> {
    text(
        StatusCode::FORBIDDEN,
        "this endpoint is read-only: no updates, no LOAD; change the store with `diplograph build`",
    )
}

/// The answer to a CORS preflight: any origin may send the headers it asks for. GET and
/// POST are CORS-safelisted methods, so no `Access-Control-Allow-Methods` is needed (and
/// oxhttp does not send that header).
fn preflight(asked_headers: Option<HeaderValue>) -> Response<Body> {
    let mut r = Response::new(Body::empty());
    *r.status_mut() = StatusCode::NO_CONTENT;
    let h = r.headers_mut();
    h.insert(
        ACCESS_CONTROL_ALLOW_HEADERS,
        asked_headers.unwrap_or(HeaderValue::from_static("Accept, Content-Type")),
    );
    h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, Quad};

    fn endpoint() -> Endpoint {
        let store = Store::new().unwrap();
        for i in 0..3 {
            store
                .insert(&Quad::new(
                    NamedNode::new_unchecked(format!("https://w3id.org/diplograph/id/state/S{i}")),
                    NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label"),
                    Literal::new_language_tagged_literal_unchecked(format!("国{i}"), "zh"),
                    GraphName::NamedNode(NamedNode::new_unchecked(format!(
                        "https://w3id.org/diplograph/id/doc/x.txt/{i}"
                    ))),
                ))
                .unwrap();
        }
        Endpoint::new(store, Duration::from_secs(5), 2)
    }

    fn get(e: &Endpoint, query: &str, accept: &str) -> (StatusCode, String, Response<Body>) {
        let uri = format!(
            "/sparql?query={}",
            crate::export::push::percent_encode(query)
        );
        let mut request = Request::builder()
            .method(Method::GET)
            .uri(uri)
            .header(ACCEPT, accept)
            .body(Body::empty())
            .unwrap();
        let response = e.handle(&mut request);
        let status = response.status();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        (status, content_type, response)
    }

    fn body(r: Response<Body>) -> String {
        r.into_body().to_string().unwrap()
    }

    #[test]
    fn the_default_graph_is_the_union_and_prefixes_are_predeclared() {
        let e = endpoint();
        let (status, media, r) = get(
            &e,
            "SELECT (COUNT(*) AS ?n) { ?s rdfs:label ?l }",
            "text/csv",
        );
        assert_eq!((status, media.as_str()), (StatusCode::OK, "text/csv"));
        assert_eq!(body(r), "n\r\n3\r\n");
    }

    #[test]
    fn dataset_parameters_narrow_the_default_graph() {
        let e = endpoint();
        let mut request = Request::builder()
            .method(Method::POST)
            .uri("/sparql?default-graph-uri=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Fdoc%2Fx.txt%2F1")
            .header(CONTENT_TYPE, "application/sparql-query")
            .header(ACCEPT, "text/tab-separated-values")
            .body(Body::from("SELECT ?l { ?s rdfs:label ?l }"))
            .unwrap();
        let r = e.handle(&mut request);
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(body(r), "?l\n\"国1\"@zh\n");
    }

    #[test]
    fn answers_are_cut_at_the_cap_and_say_so() {
        let e = endpoint();
        let (status, _, r) = get(
            &e,
            "SELECT ?s { ?s ?p ?o }",
            "application/sparql-results+json",
        );
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            r.headers()
                .get(MAX_ROWS_HEADER)
                .and_then(|v| v.to_str().ok()),
            Some("2")
        );
        assert_eq!(body(r).matches("\"s\":").count(), 2);
    }

    #[test]
    fn updates_and_service_are_refused() {
        let e = endpoint();
        let mut form = Request::builder()
            .method(Method::POST)
            .uri("/sparql")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("update=CLEAR+ALL"))
            .unwrap();
        assert_eq!(e.handle(&mut form).status(), StatusCode::FORBIDDEN);
        let (status, _, r) = get(
            &e,
            "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "*/*",
        );
        assert_eq!(status, StatusCode::FORBIDDEN, "{}", body(r));
        let (status, _, _) = get(&e, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv");
        assert_eq!(status, StatusCode::OK, "the store is untouched");
    }

    #[test]
    fn negotiation_follows_quality_and_wildcards() {
        let n = |accept: &str, graph: bool| negotiate(accept, graph).map(|(m, _, _)| m);
        assert_eq!(n("", false), Some("application/sparql-results+json"));
        assert_eq!(
            n("text/csv;q=0.5, application/sparql-results+xml", false),
            Some("application/sparql-results+xml")
        );
        assert_eq!(n("text/*", false), Some("text/csv"));
        assert_eq!(n("image/png", false), None);
        assert_eq!(n("text/csv;q=0", false), None);
        assert_eq!(n("*/*", true), Some("text/turtle"));
        assert_eq!(n("application/ld+json", true), Some("application/ld+json"));
    }

    #[test]
    fn forms_decode_plus_and_percent() {
        assert_eq!(
            parse_form("query=SELECT+%3Fs+%7B%7D&x=%E4%B8%AD&bad=%zz&empty"),
            [
                ("query".to_string(), "SELECT ?s {}".to_string()),
                ("x".to_string(), "中".to_string()),
                ("bad".to_string(), "%zz".to_string()),
                ("empty".to_string(), String::new()),
            ]
        );
    }
}
