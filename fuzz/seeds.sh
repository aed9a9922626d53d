#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/TARGET, which git ignores) from the project's own
# documents and data files, so that the fuzzers start from real input:
#   extract_text, extract_bytes: the seed corpus and the test documents (and, for
#     extract_bytes, each of them in GB18030 and UTF-16 with a byte-order mark);
#   lexicon: every data/lexicon and data/rules table, behind the byte that selects it;
#   args: typical command lines, arguments separated by NUL bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
for t in extract_text extract_bytes lexicon args; do mkdir -p "fuzz/corpus/$t"; done
for f in data/corpus/*.txt tests/corpus/*.txt tests/holdout/*.txt; do
  cp "$f" fuzz/corpus/extract_text/
  cp "$f" fuzz/corpus/extract_bytes/
  python3 - "$f" fuzz/corpus/extract_bytes <<'PY'
import sys, pathlib
src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = src.read_text(encoding="utf-8")
(out / (src.stem + ".gb18030")).write_bytes(text.encode("gb18030"))
(out / (src.stem + ".utf16")).write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
PY
done
i=0
for name in states organizations places persons events titles cues heads boundaries not_names; do
  f=data/lexicon/$name.tsv
  [ -f "$f" ] || f=data/rules/$name.tsv
  { printf "\\x$(printf %02x $i)"; cat "$f"; } > "fuzz/corpus/lexicon/$name"
  i=$((i + 1))
done
a=fuzz/corpus/args
printf 'build\0data/corpus\0--store\0x.db\0--encoding\0gbk\0--keep-going' > $a/build
printf 'extract\0-\0--format\0turtle\0-o\0out.ttl\0--lexicon\0lex' > $a/extract
printf 'query\0SELECT * { ?s ?p ?o }\0--results\0csv\0--timeout\02.5' > $a/query
printf 'export\0--graph\0dgr:doc/a.txt/1\0-f\0nquads' > $a/export
printf 'dot\0--focus\0中国\0--depth\0' > $a/dot
printf 'eval\0--gold\0g.json\0--details\0--json' > $a/eval
echo "seeded fuzz/corpus/{extract_text,extract_bytes,lexicon,args}"
