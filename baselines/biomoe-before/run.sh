#!/usr/bin/env bash
# biomoe as it was before issue 11 (performance), timed on this machine: builds the commit below
# from this repository's history, once, with that commit's own release flags and the timing
# driver BeforeTiming.swift added as one executable target, then runs the driver with the
# arguments given (see BeforeTiming.swift). The perf suite runs this for its `peer: biomoe-before`
# variants, so "N× biomoe before the issue" is a ratio measured in one run, on one machine.
#
# Build output goes to stderr; the driver writes its JSON to --json FILE.
# BIOMOE_BEFORE_DIR overrides where the tree and its build live (default .build/biomoe-before).
set -euo pipefail

# The last commit before issue 11's first change (73a4872, the OpenBLAS kernel selection).
commit=0f9f8caa77972b54b9e2fea321c37758ed933f24

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
dir=${BIOMOE_BEFORE_DIR:-$repo/.build/biomoe-before}
src=$dir/$commit
binary=$src/.build/release/BeforeTiming

if [ ! -x "$binary" ] || ! cmp -s "$here/BeforeTiming.swift" "$src/Sources/BeforeTiming/main.swift"; then
    if ! git -C "$repo" cat-file -e "$commit^{commit}" 2>/dev/null; then
        echo "run.sh: commit $commit is not in $repo's history (a shallow clone?); run 'git fetch --unshallow' and retry" >&2
        exit 2
    fi
    echo "run.sh: building biomoe at ${commit:0:12} with the timing driver in $src (first time only, a few minutes)" >&2
    rm -rf "$src"
    mkdir -p "$src/Sources/BeforeTiming"
    git -C "$repo" archive "$commit" | tar -x -C "$src"
    cp "$here/BeforeTiming.swift" "$src/Sources/BeforeTiming/main.swift"
    # One executable target over that commit's Sequence, NN and Tensor modules.
    anchor='        // Shared test helpers'
    if ! grep -qF "$anchor" "$src/Package.swift"; then
        echo "run.sh: $src/Package.swift lacks the line '$anchor' to add the driver's target before" >&2
        exit 2
    fi
    python3 - "$src/Package.swift" "$anchor" <<'PY'
import sys
path, anchor = sys.argv[1], sys.argv[2]
text = open(path).read()
target = '        .executableTarget(name: "BeforeTiming", dependencies: ["Sequence", "NN", "Tensor"]),\n'
open(path, "w").write(text.replace(anchor, target + anchor, 1))
PY
    (cd "$src" && swift build -c release -Xswiftc -enable-testing --product BeforeTiming) >&2
fi
BIOMOE_BEFORE_COMMIT=$commit exec "$binary" "$@"
