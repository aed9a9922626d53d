#!/usr/bin/env bash
# Is there a libclang that bindgen (oxrocksdb-sys, through clang-sys with its `runtime`
# feature) will load? This is clang-sys 1.9's own search, not a loose glob:
#
#   - file names `libclang.so`, `libclang-*.so`, `libclang.so.*`, `libclang-*.so.*`, but
#     never one with `-cpp.` in it (`libclang-cpp.so.14` is another library);
#   - in `$LIBCLANG_PATH` alone when it is set (a directory, or the file itself); else in
#     `llvm-config --prefix`'s bin, lib and lib64, then /usr/local/llvm*/lib*,
#     /usr/local/lib*/*/*, /usr/local/lib*/*, /usr/local/lib*, /usr/lib*/*/*, /usr/lib*/*,
#     /usr/lib*;
#   - a 64-bit ELF shared object (clang-sys reads the ELF header and skips others).
#
# bindgen also needs clang's own headers (stddef.h): libclang looks for them in
# `clang/VERSION/include` beside the library.
#
#   bash tests/setup/libclang.sh [--root DIR]
#
# prints `libclang: present: LIB (headers DIR)` and exits 0, or `libclang: missing: WHY`
# and exits 1. `--root DIR` searches below DIR instead of / (the tests build fake trees;
# `llvm-config` and `$LIBCLANG_PATH` are not consulted then).
set -uo pipefail

root=""
if [ "${1:-}" = "--root" ]; then
  root="${2:?--root needs a directory}"
  root="${root%/}"
fi

# True when FILE starts with the ELF magic and says "64-bit" (EI_CLASS = 2).
elf64() {
  local head
  head=$(od -An -tx1 -N5 -- "$1" 2>/dev/null | tr -d ' \n')
  [ "$head" = "7f454c4602" ]
}

# clang's builtin headers for the library LIB, or nothing. libclang looks beside the path
# it was loaded from (the one clang-sys found), so that directory comes first, then the
# directory of the file a link resolves to.
headers_for() {
  local dir h
  for dir in "$(dirname -- "$1")" "$(dirname -- "$(readlink -f -- "$1")")"; do
    for h in "$dir"/clang/*/include/stddef.h "$dir"/../lib*/clang/*/include/stddef.h; do
      if [ -f "$h" ]; then
        readlink -f -- "$(dirname -- "$h")"
        return 0
      fi
    done
  done
  return 1
}

dirs=()
if [ -z "$root" ] && [ -n "${LIBCLANG_PATH:-}" ]; then
  if [ -f "$LIBCLANG_PATH" ]; then
    dirs=("$(dirname -- "$LIBCLANG_PATH")")
  else
    dirs=("$LIBCLANG_PATH")
  fi
else
  if [ -z "$root" ] && prefix=$(llvm-config --prefix 2>/dev/null); then
    dirs+=("$prefix/bin" "$prefix/lib" "$prefix/lib64")
  fi
  shopt -s nullglob
  for pattern in "/usr/local/llvm*/lib*" "/usr/local/lib*/*/*" "/usr/local/lib*/*" \
    "/usr/local/lib*" "/usr/lib*/*/*" "/usr/lib*/*" "/usr/lib*"; do
    for d in $root$pattern; do
      [ -d "$d" ] && dirs+=("$d")
    done
  done
  shopt -u nullglob
fi

shopt -s nullglob
found_lib=""
for d in "${dirs[@]}"; do
  for f in "$d"/libclang.so "$d"/libclang-*.so "$d"/libclang.so.* "$d"/libclang-*.so.*; do
    case "$(basename -- "$f")" in *-cpp.*) continue ;; esac
    [ -f "$f" ] && elf64 "$f" || continue
    if h=$(headers_for "$f"); then
      echo "libclang: present: $f (headers $h)"
      exit 0
    fi
    [ -n "$found_lib" ] || found_lib="$f"
  done
done

if [ -n "$found_lib" ]; then
  echo "libclang: missing: $found_lib has no clang headers (lib/clang/*/include/stddef.h beside it)"
else
  echo "libclang: missing: no libclang.so, libclang-N.so or libclang.so.N (libclang-cpp is another library)"
fi
exit 1
