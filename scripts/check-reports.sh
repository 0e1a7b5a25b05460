#!/usr/bin/env bash
# Every committed report must be reproducible from its committed results file: for each
# reports/<suite>/ that has a published results/<suite>.sqlite (written by `biomoe publish`),
# render the report again into a temporary directory and compare it with the committed one.
#
# Compared: README.md and every gnuplot script (*.gp, which carries the charts' data). Not
# compared: the SVG and PNG files, whose bytes depend on the gnuplot build that rendered them.
# Reports without a published file (not yet published) are listed and skipped. The report names
# its database, so publish with the default --out (results/<suite>.sqlite) from the repository root.
#
# Usage: scripts/check-reports.sh [path/to/biomoe]   (default .build/release/biomoe; run from
# anywhere, it works in the repository root). Exit 0 when every report matches, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
biomoe="${1:-.build/release/biomoe}"
if [[ ! -x "$biomoe" ]]; then
    echo "check-reports: no biomoe binary at $biomoe — build first: swift build -c release --product biomoe" >&2
    exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
checked=0
failed=0
for dir in reports/*/; do
    suite="$(basename "$dir")"
    db="results/$suite.sqlite"
    if [[ ! -f "$db" ]]; then
        echo "check-reports: $suite: skipped (no $db; publish it with: biomoe publish $suite)"
        continue
    fi
    checked=$((checked + 1))
    before="$(sha256sum "$db" | cut -d' ' -f1)"
    if ! "$biomoe" report "$suite" --db "$db" --out "$work/$suite" >"$work/$suite.log" 2>&1; then
        echo "check-reports: $suite: FAILED — 'biomoe report $suite --db $db' failed:" >&2
        sed 's/^/  /' "$work/$suite.log" >&2
        failed=$((failed + 1))
        continue
    fi
    if [[ "$(sha256sum "$db" | cut -d' ' -f1)" != "$before" ]]; then
        echo "check-reports: $suite: FAILED — rendering the report modified $db (it must only be read)" >&2
        failed=$((failed + 1))
    fi
    mismatch=0
    # Files on either side, so a chart that appeared or vanished counts as a difference.
    files="$( (cd "$dir" && ls README.md *.gp 2>/dev/null || true; cd "$work/$suite" && ls README.md *.gp 2>/dev/null || true) | sort -u)"
    for file in $files; do
        if [[ ! -f "$dir$file" || ! -f "$work/$suite/$file" ]]; then
            echo "check-reports: $suite: $file exists only in $([[ -f "$dir$file" ]] && echo "the committed report" || echo "the regenerated report")" >&2
            mismatch=1
        elif ! diff -u "$dir$file" "$work/$suite/$file" >"$work/$suite.diff"; then
            echo "check-reports: $suite: ${dir}$file differs from the report regenerated from $db:" >&2
            head -n 40 "$work/$suite.diff" | sed 's/^/  /' >&2
            mismatch=1
        fi
    done
    if [[ $mismatch -ne 0 ]]; then
        echo "check-reports: $suite: FAILED — the committed report is not what $db renders. Re-publish (biomoe publish $suite) and commit results/$suite.sqlite with reports/$suite/ together." >&2
        failed=$((failed + 1))
    else
        echo "check-reports: $suite: ok (README.md and $(find "$dir" -maxdepth 1 -name '*.gp' | wc -l) .gp files match $db)"
    fi
done
if [[ $failed -ne 0 ]]; then
    echo "check-reports: $failed of $checked published report(s) do not match their results file" >&2
    exit 1
fi
echo "check-reports: $checked published report(s) reproduced from their results files"
