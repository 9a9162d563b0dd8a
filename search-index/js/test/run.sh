#!/usr/bin/env bash
# Exports the fixture index with the Rust side, then runs the engine's node tests.
# Usage (from anywhere): search-index/js/test/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
fixture="${TIER0_SEARCH_FIXTURE:-$root/target/search-index-fixture}"
cargo run --quiet --manifest-path "$root/Cargo.toml" -p search-index --example export_fixture -- "$fixture"
TIER0_SEARCH_FIXTURE="$fixture" node --test "$root/search-index/js/test/"
