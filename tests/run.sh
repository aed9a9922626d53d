#!/usr/bin/env bash
# The full test suite, as the README names it: installs what the tests need, then runs
# formatting and lint checks and every test (unit, integration through the binary, and
# the cross-check of `diplograph eval` against the reference scorer).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh --tests
cargo fmt --check
# Release, like the main job: one profile, so RocksDB's C++ is compiled once for both.
cargo clippy --release --all-targets -- -D warnings
cargo test --release
