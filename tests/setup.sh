#!/usr/bin/env bash
# Installs what building and testing diplograph need on a fresh Debian machine:
# libclang (RocksDB's bindings), Graphviz and a CJK font (dot), raptor2/rasqal (rapper,
# roqet: other tools that must read our RDF), curl, Python's rdflib, pyld and pySHACL (the
# reference scorer, format checks, `diplograph validate`) and the Oxigraph server (the
# remote store for `diplograph push`). Safe to run again: it installs only what is missing.
set -euo pipefail

need_apt=()
command -v dot >/dev/null || need_apt+=(graphviz)
command -v rapper >/dev/null || need_apt+=(raptor2-utils)
command -v roqet >/dev/null || need_apt+=(rasqal-utils)
command -v curl >/dev/null || need_apt+=(curl)
dpkg -s libssl-dev >/dev/null 2>&1 || need_apt+=(libssl-dev pkg-config)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need_apt+=(fonts-wqy-zenhei)
if ! ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 && ! ls /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1; then
  need_apt+=(libclang-dev)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

python3 -c 'import rdflib, pyld, pyshacl' 2>/dev/null || python3 -m pip install -q rdflib pyld pyshacl

# The Oxigraph server: the real remote triplestore that the tests of `diplograph push`
# start and stop. Built once (about ten minutes) into a cache outside the clone.
tools="$HOME/.cache/diplograph/tools"
if [ ! -x "$tools/bin/oxigraph" ]; then
  CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/diplograph/target}" \
    cargo install oxigraph-cli --version 0.5.13 --locked --root "$tools"
fi
