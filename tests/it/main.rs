//! The integration tests: one test binary (one link of RocksDB), a module per area. They
//! run the real `diplograph` binary and the outside tools its output must satisfy;
//! `tests/setup.sh --tests` installs those, and a missing one fails its test with that
//! hint instead of skipping it.

mod bad_input;
mod cli;
mod kill;
mod linked_data;
mod properties;
mod quality;
mod scale;
mod setup;
#[allow(dead_code)] // the helpers serve several modules, not each of them all
mod util;
