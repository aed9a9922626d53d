//! Criterion benchmarks of the pipeline's stages, one core each, on 1 MB of the
//! generated corpus (seed 1): reading (page-break repair and splitting), extraction
//! (entities, relations, statements), graph building (annotations → quads), and the
//! whole of extract → N-Quads. Throughput is in bytes of source text, so criterion
//! reports MB/s per core. Run: `cargo bench --bench stages` (BENCHMARKS.md has results).
//!
//! Benchmarks, never timed tests: nothing here asserts a speed.

#[path = "../examples/gen_corpus/corpus.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use diplograph::export::rdf as rdfio;
use diplograph::input::{self, SourceFile};
use diplograph::{Extractor, Lexicon, graph};
use oxigraph::io::RdfFormat;

/// About 1 MB of generated corpus, as its files' texts.
fn corpus_texts() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let stats = corpus::generate(&Lexicon::builtin(), 1, 1_000_000, |path, text| {
        files.push((
            path.rsplit('/').next().unwrap_or(path).to_string(),
            text.to_string(),
        ));
        Ok(())
    })
    .expect("generating in memory cannot fail");
    eprintln!(
        "corpus: {} files, {} documents, {} bytes",
        stats.files, stats.documents, stats.bytes
    );
    files
}

fn read(texts: &[(String, String)]) -> Vec<SourceFile> {
    texts
        .iter()
        .map(|(name, text)| input::from_text(name.clone(), name.into(), text))
        .collect()
}

fn stages(c: &mut Criterion) {
    let texts = corpus_texts();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let sources = read(&texts);
    let extractor = Extractor::new(Lexicon::builtin());
    let dateline = input::Dateline::new(&extractor.lexicon().words);
    let annotated: Vec<_> = sources.iter().flat_map(|s| extractor.extract(s)).collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("read: repair and split", |b| {
        b.iter(|| {
            let sources = read(black_box(&texts));
            sources
                .iter()
                .map(|s| input::split(s, &dateline).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            sources
                .iter()
                .map(|s| extractor.extract(black_box(s)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("graph: annotations to quads", |b| {
        b.iter(|| {
            annotated
                .iter()
                .map(|d| graph::document_quads(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("extract to N-Quads", |b| {
        b.iter(|| {
            let mut out = rdfio::QuadWriter::new(RdfFormat::NQuads, std::io::sink());
            for s in &sources {
                for d in extractor.extract(black_box(s)) {
                    out.write(graph::document_quads(&d))
                        .expect("a sink takes anything");
                }
            }
            out.finish().expect("a sink takes anything");
        })
    });
    group.finish();

    c.bench_function("lexicon: compile the built-in tables", |b| {
        b.iter(Lexicon::builtin)
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
