//! Push: the store's graphs to a remote triplestore, over the SPARQL 1.1 Graph Store
//! HTTP Protocol.
//!
//! In: the store, the remote store's Graph Store endpoint (Oxigraph `…/store`, Fuseki
//! `…/ds/data`, GraphDB and RDF4J `…/repositories/ID/rdf-graphs/service`, Virtuoso
//! `…/sparql-graph-crud`), and credentials from the environment — never from the command
//! line, where other users of the machine could read them: `DIPLOGRAPH_PUSH_TOKEN` (sent
//! as `Authorization: Bearer …`), or `DIPLOGRAPH_PUSH_USER` and
//! `DIPLOGRAPH_PUSH_PASSWORD` (HTTP Basic). Out: one `PUT {endpoint}?graph={IRI}` per named
//! graph — each document's graph, its statements and lexicon graphs, the ontology — with
//! the graph as N-Triples. Guarantees: `PUT` replaces the remote graph, so pushing twice
//! leaves the remote store exactly as pushing once; graphs go one by one in IRI order,
//! and the first refusal stops the push with the remote store's status and message.

use std::io::Read;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode};
use oxigraph::store::Store;

use crate::error::{Error, ErrorKind, Result};

/// How long one request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct Target {
    /// The Graph Store endpoint, without the graph parameter.
    pub endpoint: String,
    /// The name of the parameter that names the graph: `graph` in the protocol,
    /// `graph-uri` for Virtuoso.
    pub graph_param: String,
    pub credentials: Credentials,
}

/// What the remote store is told about who pushes.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum Credentials {
    #[default]
    None,
    Basic {
        user: String,
        password: String,
    },
    Bearer(String),
}

impl std::fmt::Debug for Credentials {
    // secrets are never printed
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::None => f.write_str("None"),
            Credentials::Basic { user, .. } => write!(f, "Basic({user}, ***)"),
            Credentials::Bearer(_) => f.write_str("Bearer(***)"),
        }
    }
}

impl Credentials {
    /// From `DIPLOGRAPH_PUSH_TOKEN`, else `DIPLOGRAPH_PUSH_USER` and
    /// `DIPLOGRAPH_PUSH_PASSWORD`, else none.
    pub fn from_env() -> Result<Credentials> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        match (
            var("DIPLOGRAPH_PUSH_TOKEN"),
            var("DIPLOGRAPH_PUSH_USER"),
            var("DIPLOGRAPH_PUSH_PASSWORD"),
        ) {
            (Some(token), None, None) => Ok(Credentials::Bearer(token)),
            (Some(_), _, _) => Err(config_error(
                "set either DIPLOGRAPH_PUSH_TOKEN or DIPLOGRAPH_PUSH_USER and DIPLOGRAPH_PUSH_PASSWORD, not both",
            )),
            (None, Some(user), Some(password)) => Ok(Credentials::Basic { user, password }),
            (None, Some(_), None) => Err(config_error(
                "DIPLOGRAPH_PUSH_USER is set but DIPLOGRAPH_PUSH_PASSWORD is not",
            )),
            (None, None, Some(_)) => Err(config_error(
                "DIPLOGRAPH_PUSH_PASSWORD is set but DIPLOGRAPH_PUSH_USER is not",
            )),
            (None, None, None) => Ok(Credentials::None),
        }
    }

    fn header(&self) -> Option<String> {
        match self {
            Credentials::None => None,
            Credentials::Basic { user, password } => Some(format!(
                "Basic {}",
                base64(format!("{user}:{password}").as_bytes())
            )),
            Credentials::Bearer(token) => Some(format!("Bearer {token}")),
        }
    }
}

/// What a push did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pushed {
    pub graphs: usize,
    pub triples: usize,
}

fn config_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Push, message)
}

fn store_error(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::new(ErrorKind::Push, "cannot read the store").caused_by(e)
}

/// The remote store answered `status` (not 2xx) to the PUT of `graph`, saying `message`;
/// the error says what to check.
fn refused(graph: &str, status: u16, message: &str) -> Error {
    let mut text = format!("the remote store answered {status} to PUT of graph {graph}");
    if !message.is_empty() {
        text.push_str(": ");
        text.push_str(message);
    }
    match status {
        401 | 403 => text.push_str(
            " (set DIPLOGRAPH_PUSH_USER and DIPLOGRAPH_PUSH_PASSWORD, or DIPLOGRAPH_PUSH_TOKEN, to credentials that may write)",
        ),
        404 | 405 => text.push_str(
            " (is --endpoint the Graph Store endpoint? Oxigraph: …/store, Fuseki: …/DATASET/data, GraphDB and RDF4J: …/repositories/ID/rdf-graphs/service)",
        ),
        _ => {}
    }
    Error::new(ErrorKind::Push, text)
}

impl Target {
    /// Checks the endpoint: an `http` or `https` URL without a fragment.
    pub fn new(endpoint: &str, graph_param: &str, credentials: Credentials) -> Result<Target> {
        let scheme_ok = endpoint.starts_with("http://") || endpoint.starts_with("https://");
        if !scheme_ok || endpoint.contains('#') || endpoint.contains(char::is_whitespace) {
            return Err(config_error(format!(
                "--endpoint {endpoint:?} is not an http(s) URL; give the Graph Store endpoint, e.g. http://localhost:7878/store"
            )));
        }
        if graph_param.is_empty() {
            return Err(config_error("--graph-param must not be empty"));
        }
        Ok(Target {
            endpoint: endpoint.to_string(),
            graph_param: graph_param.to_string(),
            credentials,
        })
    }

    /// The URL that names `graph`: `{endpoint}?graph={IRI, percent-encoded}`.
    pub fn graph_url(&self, graph: &str) -> String {
        let joiner = if self.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        format!(
            "{}{joiner}{}={}",
            self.endpoint,
            self.graph_param,
            percent_encode(graph)
        )
    }
}

/// PUTs every named graph of `store` to `target`, calling `progress` after each.
pub fn push(
    store: &Store,
    target: &Target,
    mut progress: impl FnMut(&str, usize),
) -> Result<Pushed> {
    let mut graphs: Vec<String> = Vec::new();
    for g in store.named_graphs() {
        match g.map_err(store_error)? {
            NamedOrBlankNode::NamedNode(n) => graphs.push(n.into_string()),
            // a blank-node graph has no name a remote store could address
            _ => continue,
        }
    }
    graphs.sort();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(REQUEST_TIMEOUT))
        .http_status_as_error(false)
        .build()
        .into();
    let mut pushed = Pushed::default();
    for graph in &graphs {
        let node = oxigraph::model::NamedNodeRef::new_unchecked(graph);
        let mut body = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        let mut triples = 0;
        for q in store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(node))) {
            let q = q.map_err(store_error)?;
            body.serialize_triple(q.as_ref()).map_err(store_error)?;
            triples += 1;
        }
        let body = body.finish().map_err(store_error)?;
        put(&agent, target, graph, &body)?;
        pushed.graphs += 1;
        pushed.triples += triples;
        progress(graph, triples);
    }
    Ok(pushed)
}

fn put(agent: &ureq::Agent, target: &Target, graph: &str, body: &[u8]) -> Result<()> {
    let url = target.graph_url(graph);
    let mut request = agent
        .put(&url)
        .header("Content-Type", "application/n-triples");
    if let Some(auth) = target.credentials.header() {
        request = request.header("Authorization", auth);
    }
    let mut response = request.send(body).map_err(|e| {
        Error::new(
            ErrorKind::Push,
            format!(
                "cannot reach {}: {e}; is the remote store running, and is --endpoint its Graph Store URL?",
                target.endpoint
            ),
        )
    })?;
    let status = response.status().as_u16();
    if (200..300).contains(&status) {
        return Ok(());
    }
    let mut message = String::new();
    let _ = response
        .body_mut()
        .as_reader()
        .take(2000)
        .read_to_string(&mut message);
    Err(refused(graph, status, message.trim()))
}

/// Percent-encodes all but RFC 3986's unreserved characters, for a query parameter.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Standard base64 with padding (RFC 4648), for HTTP Basic credentials.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

    #[test]
    fn base64_follows_rfc_4648() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
            ("Aladdin:open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
    }

    #[test]
    fn graph_urls_percent_encode_the_iri() {
        let t = Target::new("http://localhost:7878/store", "graph", Credentials::None).unwrap();
        assert_eq!(
            t.graph_url("https://w3id.org/diplograph/id/doc/上合.txt/1"),
            "http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Fdoc%2F%E4%B8%8A%E5%90%88.txt%2F1"
        );
        let v = Target::new("http://h/crud?x=1", "graph-uri", Credentials::None).unwrap();
        assert_eq!(v.graph_url("a:b"), "http://h/crud?x=1&graph-uri=a%3Ab");
        for bad in [
            "localhost:7878/store",
            "ftp://h/store",
            "http://h/store#x",
            "",
        ] {
            assert!(
                Target::new(bad, "graph", Credentials::None).is_err(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn secrets_are_not_printed() {
        let c = Credentials::Basic {
            user: "alice".into(),
            password: "s3cret".into(),
        };
        assert!(!format!("{c:?}").contains("s3cret"));
        assert!(!format!("{:?}", Credentials::Bearer("tok".into())).contains("tok"));
    }

    /// A one-thread HTTP server on loopback that answers every request with `status`
    /// and records each request line and Authorization header; it stops after `n`.
    fn fake_store(
        status: &'static str,
        n: usize,
    ) -> (String, std::thread::JoinHandle<Vec<(String, String)>>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/store", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for stream in listener.incoming().take(n) {
                let mut stream = stream.unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let (mut auth, mut length) = (String::new(), 0usize);
                loop {
                    let mut h = String::new();
                    reader.read_line(&mut h).unwrap();
                    if h.trim().is_empty() {
                        break;
                    }
                    let (k, v) = h.split_once(':').unwrap();
                    match k.to_ascii_lowercase().as_str() {
                        "authorization" => auth = v.trim().to_string(),
                        "content-length" => length = v.trim().parse().unwrap(),
                        _ => {}
                    }
                }
                let mut body = vec![0; length];
                std::io::Read::read_exact(&mut reader, &mut body).unwrap();
                let reply = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\nnope"
                );
                stream.write_all(reply.as_bytes()).unwrap();
                seen.push((line.trim().to_string(), auth));
            }
            seen
        });
        (url, handle)
    }

    fn two_graph_store() -> Store {
        let store = Store::new().unwrap();
        for g in ["https://example.org/g/b", "https://example.org/g/a"] {
            store
                .insert(&Quad::new(
                    NamedNode::new_unchecked("https://example.org/s"),
                    NamedNode::new_unchecked("https://example.org/p"),
                    Literal::new_simple_literal("o"),
                    GraphName::NamedNode(NamedNode::new_unchecked(g)),
                ))
                .unwrap();
        }
        store
    }

    #[test]
    fn push_puts_each_graph_with_the_credentials() {
        let (url, server) = fake_store("200 OK", 2);
        let credentials = Credentials::Basic {
            user: "alice".into(),
            password: "s3cret".into(),
        };
        let target = Target::new(&url, "graph", credentials).unwrap();
        let pushed = push(&two_graph_store(), &target, |_, _| {}).unwrap();
        assert_eq!(
            pushed,
            Pushed {
                graphs: 2,
                triples: 2
            }
        );
        let seen = server.join().unwrap();
        assert_eq!(
            seen,
            [
                (
                    "PUT /store?graph=https%3A%2F%2Fexample.org%2Fg%2Fa HTTP/1.1".to_string(),
                    "Basic YWxpY2U6czNjcmV0".to_string()
                ),
                (
                    "PUT /store?graph=https%3A%2F%2Fexample.org%2Fg%2Fb HTTP/1.1".to_string(),
                    "Basic YWxpY2U6czNjcmV0".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_refusal_stops_the_push_and_says_what_to_set() {
        let (url, server) = fake_store("401 Unauthorized", 1);
        let target = Target::new(&url, "graph", Credentials::Bearer("t0ken".into())).unwrap();
        let err = push(&two_graph_store(), &target, |_, _| {}).unwrap_err();
        let seen = server.join().unwrap();
        assert_eq!(seen.len(), 1, "the first refusal stops the push");
        assert_eq!(seen[0].1, "Bearer t0ken");
        let message = err.to_string();
        assert!(message.contains("401"), "{message}");
        assert!(message.contains("nope"), "{message}");
        assert!(message.contains("DIPLOGRAPH_PUSH_USER"), "{message}");
    }
}
