#!/usr/bin/env bash
# The README's first command: install what is missing, build in release, run the default suite,
# render its report, and print the report's path as the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-flags.sh
bash scripts/install-deps.sh
# --build-tests: the exact build `swift test` makes with the same flags, so the README's second
# command finds everything built (building only --product biomoe would differ and make `swift test`
# compile every dependency again).
swift build "${BIOMOE_BUILD_FLAGS[@]}" --build-tests >&2
suite="${1:-experiments/routing-quick.yaml}"
.build/release/biomoe run "$suite" >&2
# The report goes beside the working database: reports/<suite>/ is the published report, which
# only `biomoe publish` rewrites (CI checks it against results/<suite>.sqlite).
name="$(basename "$suite" .yaml)"
.build/release/biomoe report "$suite" --out "results/runs/reports/$name" | tail -n 1
