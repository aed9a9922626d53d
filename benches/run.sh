#!/usr/bin/env bash
# Whole-run benchmarks of diplograph; BENCHMARKS.md explains them and records results.
#
#   bash benches/run.sh [WORKDIR]        (default WORKDIR: /tmp/diplograph-bench)
#
# On generated corpora of 10 and 100 MB (SIZES="10 100", seed 1): extraction to N-Quads
# on 1 and 2 threads; `diplograph build` on 1 and 2 threads against `oxigraph load` of
# the same N-Quads, one after the other in this run; a no-op incremental rebuild; the
# wall time and peak RSS of each (GNU time); the latency of every query in data/queries/
# on the largest store (examples/query_latency.rs); and Python's jieba segmenter on the
# 10 MB corpus's text as the outside reference; the analysts' queries in benches/analyst/
# on the largest store. BEFORE=BINARY also measures an earlier diplograph (extraction
# on one thread, a build on two, its store's size, and the shipped queries on the
# smallest store, from BEFORE_QUERIES=DIR if its graph needs other queries) side by side
# with this one, in the same run. RUNS=N sets the timed
# runs per query (default 11). Needs /usr/bin/time, the oxigraph CLI
# 0.5.13 (OXIGRAPH=path, else from the `oxigraph` wheel that `tests/setup.sh --tests`
# installs, else on PATH) and
# `python3 -m pip install jieba`. Results: WORKDIR/results.md (also printed).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/diplograph/target}"
work="${1:-/tmp/diplograph-bench}"
sizes="${SIZES:-10 100}"
scripts="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')"
oxigraph="${OXIGRAPH:-$( [ -x "$scripts/oxigraph" ] && echo "$scripts/oxigraph" || command -v oxigraph || echo oxigraph)}"
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
[ -x "$oxigraph" ] || { echo "run.sh: no oxigraph CLI at $oxigraph (python3 -m pip install oxigraph==0.5.13)" >&2; exit 1; }
python3 -c 'import jieba' 2>/dev/null || { echo "run.sh: needs jieba (python3 -m pip install jieba)" >&2; exit 1; }

cargo build --release --quiet --bin diplograph --example gen_corpus --example query_latency
mkdir -p "$work/bin"
# copies, so that a build during the run cannot change what is measured
cp "$CARGO_TARGET_DIR/release/diplograph" "$CARGO_TARGET_DIR/release/examples/gen_corpus" \
  "$CARGO_TARGET_DIR/release/examples/query_latency" "$work/bin/"
bin="$work/bin/diplograph"
examples="$work/bin"
before="${BEFORE:-}"
if [ -n "$before" ]; then
  [ -x "$before" ] || { echo "run.sh: BEFORE=$before is no executable" >&2; exit 1; }
  cp "$before" "$work/bin/diplograph-before"
  before="$work/bin/diplograph-before"
fi
results="$work/results.md"

{
  echo "## Machine"
  echo
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores available"
  echo "- memory: $(free -g | awk '/^Mem:/ {print $2}') GiB; kernel $(uname -r)"
  echo "- $(rustc --version); $("$oxigraph" --version 2>/dev/null || echo oxigraph CLI); Python $(python3 -c 'import sys; print(sys.version.split()[0])'), jieba $(python3 -c 'import jieba; print(jieba.__version__)' 2>/dev/null)"
  echo "- diplograph $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)'), run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "## Runs"
  echo
  echo "| run | corpus MB | wall s | CPU s | MB/s (wall) | peak RSS MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
} > "$results"

# measure NAME MB COMMAND…: wall and CPU (user + system) seconds and peak RSS of COMMAND
# (its standard output discarded)
measure() {
  local name=$1 mb=$2
  shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" || {
    echo "run.sh: $name failed:" >&2
    cat "$work/stderr.txt" >&2
    exit 1
  }
  read -r secs user sys kb < <(tail -n 1 "$work/time.txt")
  awk -v n="$name" -v mb="$mb" -v s="$secs" -v u="$user" -v y="$sys" -v kb="$kb" \
    'BEGIN { printf "| %s | %s | %.2f | %.2f | %.2f | %.0f |\n", n, mb, s, u + y, mb / s, kb / 1024 }' | tee -a "$results"
}

for mb in $sizes; do
  corpus="$work/corpus-$mb"
  if [ ! -f "$corpus.done" ]; then
    rm -rf "$corpus"
    "$examples/gen_corpus" --mb "$mb" --out "$corpus" --seed 1
    touch "$corpus.done"
  fi
  nq="$work/corpus-$mb.nq"
  text_mb=$(du -sm --apparent-size "$corpus" | cut -f1)
  if [ -n "$before" ]; then
    measure "before: extract → N-Quads, 1 thread" "$mb" "$before" extract "$corpus" --threads 1 --format nquads
    "$before" extract "$corpus" --format nquads -o "$nq"
    echo "| (before: $(wc -l < "$nq") quads, $(awk -v q="$(wc -l < "$nq")" -v b="$(du -sb --apparent-size "$corpus" | cut -f1)" 'BEGIN { printf "%.0f", q / (b / 1000) }') per KB of text, $(du -m "$nq" | cut -f1) MB of N-Quads) | $mb | | | | |" | tee -a "$results"
    rm -rf "$work/before-$mb"
    measure "before: diplograph build, 2 threads" "$mb" "$before" build "$corpus" --store "$work/before-$mb" --threads 2
    echo "| (before: store $(du -sm "$work/before-$mb" | cut -f1) MB, $(( $(du -sm "$work/before-$mb" | cut -f1) / (text_mb > 0 ? text_mb : 1) )) × the text) | $mb | | | | |" | tee -a "$results"
    rm -f "$nq"
  fi
  measure "extract → N-Quads, 1 thread" "$mb" "$bin" extract "$corpus" --threads 1 --format nquads
  measure "extract → N-Quads, 2 threads" "$mb" "$bin" extract "$corpus" --threads 2 --format nquads
  "$bin" extract "$corpus" --format nquads -o "$nq"
  echo "| ($(wc -l < "$nq") quads, $(awk -v q="$(wc -l < "$nq")" -v b="$(du -sb --apparent-size "$corpus" | cut -f1)" 'BEGIN { printf "%.0f", q / (b / 1000) }') per KB of text, $(du -m "$nq" | cut -f1) MB of N-Quads) | $mb | | | | |" | tee -a "$results"
  rm -rf "$work/ox-$mb" "$work/dg-$mb" "$work/dg1-$mb"
  measure "oxigraph load of those N-Quads" "$mb" "$oxigraph" load --location "$work/ox-$mb" --file "$nq"
  measure "diplograph build, 2 threads" "$mb" "$bin" build "$corpus" --store "$work/dg-$mb" --threads 2
  echo "| (store $(du -sm "$work/dg-$mb" | cut -f1) MB, $(( $(du -sm "$work/dg-$mb" | cut -f1) / (text_mb > 0 ? text_mb : 1) )) × the text; $(du -sm "$work/ox-$mb" | cut -f1) MB loaded by oxigraph) | $mb | | | | |" | tee -a "$results"
  measure "diplograph build, 1 thread" "$mb" "$bin" build "$corpus" --store "$work/dg1-$mb" --threads 1
  measure "diplograph build again (nothing changed)" "$mb" "$bin" build "$corpus" --store "$work/dg-$mb"
  rm -rf "$work/ox-$mb" "$work/dg1-$mb" "$nq"
  [ "$mb" = "$(echo "$sizes" | tr ' ' '\n' | sort -n | head -1)" ] || rm -rf "$work/before-$mb"
done

largest=$(echo "$sizes" | tr ' ' '\n' | sort -n | tail -1)
{
  echo
  echo "## Queries on the $largest MB store"
  echo
  "$examples/query_latency" --store "$work/dg-$largest" --runs "${RUNS:-11}" data/queries/*.rq
  echo
  echo "## Analysts' queries on the $largest MB store"
  echo
  "$examples/query_latency" --store "$work/dg-$largest" --runs "${RUNS:-11}" benches/analyst/*.rq
} | tee -a "$results"

smallest=$(echo "$sizes" | tr ' ' '\n' | sort -n | head -1)
if [ -n "$before" ]; then
  {
    echo
    echo "## Shipped queries on the $smallest MB store: before, then after"
    echo
    "$examples/query_latency" --store "$work/before-$smallest" --runs "${RUNS:-11}" "${BEFORE_QUERIES:-data/queries}"/*.rq
    echo
    "$examples/query_latency" --store "$work/dg-$smallest" --runs "${RUNS:-11}" data/queries/*.rq
  } | tee -a "$results"
fi

{
  echo
  echo "## Python jieba on the $smallest MB corpus (one core)"
  echo
  python3 - "$work/corpus-$smallest" <<'PY'
import os, sys, time, jieba
jieba.setLogLevel(60)
jieba.initialize()  # the dictionary is loaded before timing
texts = []
for root, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        with open(os.path.join(root, f), encoding="utf-8") as fh:
            texts.append(fh.read())
size = sum(len(t.encode("utf-8")) for t in texts)
start, cpu = time.perf_counter(), time.process_time()
words = sum(len(jieba.lcut(t)) for t in texts)
secs, cpus = time.perf_counter() - start, time.process_time() - cpu
print(f"jieba.lcut (default mode, HMM on): {size / 1e6:.1f} MB, {words} words, "
      f"{secs:.1f} s wall, {cpus:.1f} s CPU: {size / 1e6 / cpus:.2f} MB/s per core")
PY
} | tee -a "$results"
echo
echo "results: $results"
