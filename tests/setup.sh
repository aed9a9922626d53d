#!/usr/bin/env bash
# Installs, where missing, what diplograph needs on a Debian machine with Rust, and says
# for each dependency whether it was found or installed. Safe to run again.
#
#   bash tests/setup.sh           what building and running diplograph needs: a C/C++
#                                 compiler (RocksDB) and libclang with clang's headers
#                                 (bindgen, for RocksDB's bindings)
#   bash tests/setup.sh --tests   that, and what the tests need: Graphviz and a CJK font
#                                 (dot --render), rapper and roqet (raptor2-utils,
#                                 rasqal-utils), curl, and from PyPI, pinned: rdflib,
#                                 pyld, pySHACL and the Oxigraph 0.5.13 server (a
#                                 prebuilt binary in PyPI's `oxigraph` package)
#
# Each check looks for the exact thing that is used (the library bindgen loads, the
# command a test runs, the module a script imports), installs its package when it is
# missing, checks again, and stops at once, naming the package, when it is still missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

tests=0
case "${1:-}" in
  "") ;;
  --tests) tests=1 ;;
  *) echo "usage: bash tests/setup.sh [--tests]" >&2; exit 2 ;;
esac

# Python packages the tests use, pinned: the versions the suite was last run against.
PYTHON_PACKAGES=(rdflib==7.6.0 pyld==3.3.0 pyshacl==0.40.1 oxigraph==0.5.13)
OXIGRAPH_VERSION=0.5.13

say() { echo "setup: $*"; }
fail() { echo "setup: $*" >&2; exit 1; }

command -v cargo >/dev/null || fail "cargo is missing: install Rust (https://rustup.rs) first"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || fail "$1 is missing and this is not a Debian-like system: install it by hand"
  if [ "$apt_updated" = 0 ]; then
    $sudo apt-get update -qq || fail "apt-get update failed; cannot install $*"
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || fail "apt-get install $* failed"
}

# need WHAT PACKAGE CHECK…: runs CHECK; when it fails, installs PACKAGE and runs it again.
need() {
  local what="$1" package="$2"
  shift 2
  if "$@" >/dev/null 2>&1; then
    say "$what: found"
    return
  fi
  say "$what: missing, installing Debian package $package"
  apt_install "$package"
  "$@" >/dev/null 2>&1 || fail "$what is still missing after installing $package: install it by hand (apt-get install $package)"
  say "$what: installed ($package)"
}

# --- building and running ---------------------------------------------------------
need "C compiler (cc)" gcc command -v cc
need "C++ compiler (c++)" g++ command -v c++
if out=$(bash "$here/setup/libclang.sh"); then
  say "libclang: found: ${out#libclang: present: }"
else
  say "libclang: missing (${out#libclang: missing: }), installing Debian package libclang-dev"
  apt_install libclang-dev
  out=$(bash "$here/setup/libclang.sh") \
    || fail "libclang is still missing after installing libclang-dev (${out#libclang: missing: }); RocksDB's bindings cannot be built: install libclang-dev, or set LIBCLANG_PATH to the directory of libclang.so"
  say "libclang: installed (libclang-dev): ${out#libclang: present: }"
fi
[ "$tests" = 1 ] || exit 0

# --- the tests ---------------------------------------------------------------------
need "dot (Graphviz)" graphviz command -v dot
need "CJK font for PNG (WenQuanYi Zen Hei)" fonts-wqy-zenhei test -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
need "rapper (Raptor)" raptor2-utils command -v rapper
need "roqet (Rasqal)" rasqal-utils command -v roqet
need "curl" curl command -v curl
need "python3" python3 command -v python3
python3 -m pip --version >/dev/null 2>&1 || need "pip" python3-pip python3 -m pip --version

# The pinned Python packages: each checked by the version it reports.
python_has() { python3 - "$@" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for spec in sys.argv[1:]:
    name, wanted = spec.split("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
}
missing=()
for spec in "${PYTHON_PACKAGES[@]}"; do
  if python_has "$spec"; then say "Python $spec: found"; else missing+=("$spec"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Python ${missing[*]}: missing, installing from PyPI"
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "${missing[@]}" \
    || fail "pip install ${missing[*]} failed"
  python_has "${missing[@]}" || fail "Python ${missing[*]} still missing after pip install"
  say "Python ${missing[*]}: installed"
fi
python3 -c 'import rdflib, pyld, pyshacl' || fail "rdflib, pyld or pyshacl is installed but does not import"

# The Oxigraph server, from the `oxigraph` wheel: where pip put its scripts.
oxigraph="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/oxigraph"
version=$("$oxigraph" --version 2>/dev/null || true)
case "$version" in
  *" $OXIGRAPH_VERSION"*) say "Oxigraph server: found: $oxigraph ($version)" ;;
  *) fail "the Oxigraph server $oxigraph does not run or is not $OXIGRAPH_VERSION (it said: '$version'); python3 -m pip install oxigraph==$OXIGRAPH_VERSION" ;;
esac
