//! Properties that hold for any input (proptest):
//! - every span the extractor makes lies on character boundaries of the text it
//!   indexes, and every mention's `nif:anchorOf` is exactly its code-point span of the
//!   document's `nif:isString`, whatever the text (names, dates, brackets, datelines,
//!   CRLF, zero-width, full-width and traditional characters, arbitrary Unicode);
//! - every entity and document IRI is a valid IRI, whatever the label or file name;
//! - the DOT drawing parses in Graphviz whatever the labels hold (quotes, backslashes,
//!   newlines, braces, HTML).

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term, Triple};
use oxigraph::store::Store;
use proptest::prelude::*;

use diplograph::export::dot;
use diplograph::input;
use diplograph::{Class, EntityId, Extractor, Lexicon, graph};

const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Lexicon::builtin()));

/// Pieces of text the rules look for, and pieces that have broken offsets elsewhere.
const TOKENS: &[&str] = &[
    "中国",
    "俄罗斯",
    "上海合作组织",
    "上海合作组织地区反恐机构",
    "联合国",
    "中方",
    "俄方",
    "来华",
    "习近平",
    "主席",
    "总统",
    "外交部长",
    "兼",
    "、",
    "，",
    "。",
    "；",
    "：",
    "《",
    "》",
    "〈",
    "〉",
    "“",
    "”",
    "（",
    "）",
    "支持",
    "建议",
    "呼吁",
    "欢迎",
    "决定",
    "将",
    "成员国",
    "本组织",
    "以下简称",
    "峰会",
    "第十四次会议",
    "条约",
    "宣言",
    "2014年9月12日",
    "二〇一四年九月十二日",
    "２０１４年９月１２日",
    "至",
    "—",
    "杜尚别",
    "在",
    "举行",
    "签署",
    "50亿美元",
    "周年",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    " ",
    "\u{3000}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "## ",
    "（新华社杜尚别9月12日电）",
    "上海合作組織",
    "聯合國",
    "俄羅斯",
    "Ａ",
    "１",
    "发展中国家",
    "元首理事会",
    "外长理事会",
    "乌方",
    "e\u{301}",
    "👍🏽",
    "\u{10FFFF}",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(TOKENS).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
            1 => "[\\PC]{0,4}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn literal_value(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_string(),
        other => panic!("a literal expected, found {other}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_on_char_boundaries_and_anchors_equal_their_spans(text in text()) {
        let file = input::from_text("p.txt".into(), "p.txt".into(), &text);
        let built = diplograph::build_source(&EXTRACTOR, &file);
        for doc in &built.documents {
            let norm = &doc.doc.norm;
            prop_assert_eq!(norm.chars().count(), doc.doc.text.chars().count());
            for m in &doc.mentions {
                prop_assert!(norm.get(m.span.clone()).is_some(), "mention {:?} in {:?}", m.span, norm);
            }
            for s in doc.sentences.iter().chain(doc.statements.iter().map(|s| &s.sentence)) {
                prop_assert!(norm.get(s.clone()).is_some(), "sentence {:?} in {:?}", s, norm);
            }
        }
        let mut props: HashMap<String, HashMap<&str, &Term>> = HashMap::new();
        for q in &built.quads {
            if let Some(local) = q.predicate.as_str().strip_prefix(NIF) {
                props.entry(q.subject.to_string()).or_default().insert(local, &q.object);
            }
        }
        for (subject, p) in &props {
            let (Some(anchor), Some(b), Some(e), Some(ctx)) =
                (p.get("anchorOf"), p.get("beginIndex"), p.get("endIndex"), p.get("referenceContext"))
            else { continue };
            let whole = literal_value(props[&ctx.to_string()]["isString"]);
            let (b, e): (usize, usize) = (literal_value(b).parse().unwrap(), literal_value(e).parse().unwrap());
            prop_assert!(b <= e && e <= whole.chars().count());
            let span: String = whole.chars().skip(b).take(e - b).collect();
            prop_assert_eq!(span, literal_value(anchor), "{}", subject);
        }
    }

    #[test]
    fn entity_and_document_iris_are_valid_whatever_the_label(
        label in any::<String>(),
        class in prop::sample::select(Class::ALL.to_vec()),
        seq in any::<usize>(),
    ) {
        let iri = graph::entity_iri(&EntityId::new(class, label.clone()));
        prop_assert!(NamedNode::new(iri.as_str()).is_ok(), "{} for {:?}", iri, label);
        let doc = graph::document_iri(&label, seq);
        prop_assert!(NamedNode::new(doc.as_str()).is_ok(), "{} for {:?}", doc, label);
        prop_assert!(NamedNode::new(graph::statement_graph(&doc).as_str()).is_ok());
    }
}

/// Labels meant to break DOT: quotes, backslashes (also before quotes and at the end),
/// line breaks, braces, brackets, HTML, semicolons, Graphviz escapes (`\N`, `\l`).
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(vec![
                "\"", "\\", "\\\"", "\n", "\r\n", "\r", "{", "}", "[", "]", "<", ">", "<b>",
                "</td>", "<<table>>", "&amp;", ";", "=", "->", "--", "\\N", "\\l", "\\G", "#",
                "//", "/*", "*/", "'", "\t", "中国", "上海合作组织", " ",
            ]).prop_map(str::to_string),
            1 => "[\\PC]{0,3}",
        ],
        0..12,
    )
    .prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn dot_parses_in_graphviz_whatever_the_labels(labels in prop::collection::vec(hostile(), 2..5)) {
        let store = Store::new().unwrap();
        let nodes: Vec<NamedNode> = (0..labels.len())
            .map(|i| NamedNode::new(format!("https://w3id.org/diplograph/id/organization/n{i}")).unwrap())
            .collect();
        let label = NamedNode::new("http://www.w3.org/2000/01/rdf-schema#label").unwrap();
        let member = NamedNode::new("https://w3id.org/diplograph/ns#memberOf").unwrap();
        let mut triples = Vec::new();
        for (i, (n, l)) in nodes.iter().zip(&labels).enumerate() {
            store.insert(&Quad::new(
                n.clone(),
                label.clone(),
                Literal::new_language_tagged_literal_unchecked(l, "zh"),
                GraphName::DefaultGraph,
            )).unwrap();
            triples.push(Triple::new(n.clone(), member.clone(), nodes[(i + 1) % nodes.len()].clone()));
        }
        let text = dot::to_dot(&store, &triples, false);
        let mut child = Command::new("dot")
            .arg("-Tcanon")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("Graphviz `dot` is needed (tests/setup.sh --tests installs it)");
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(
            out.status.success() && !stderr.contains("syntax error"),
            "dot refused:\n{}\n--- DOT ---\n{}", stderr, text
        );
        let canon = String::from_utf8_lossy(&out.stdout);
        let edge = regex::Regex::new(r"(?m)^\s*\d+ -> \d+").unwrap();
        prop_assert_eq!(
            edge.find_iter(&canon).count(),
            labels.len(),
            "every edge survives:\n{}", canon
        );
    }
}
