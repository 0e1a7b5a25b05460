#!/usr/bin/env python3
"""Fetches VADER's lexicons and its four human-rated evaluation sets, verified by SHA-256; idempotent.

VADER (Hutto & Gilbert 2014) ships as the Python package `vaderSentiment`. Its source
distribution `vaderSentiment-3.3.2.tar.gz` holds the sentiment lexicon and the emoji lexicon
(`vaderSentiment/`, MIT licence) and, nested in `additional_resources/hutto_ICWSM_2014.tar.gz`,
the paper's human-rated sets: tweets, movie-review snippets, Amazon product-review snippets and
New York Times editorial snippets, one `*_GroundTruth.txt` each (id, mean rating in [-4, 4],
text; tab-separated). The sdist's URL comes from the index's JSON simple API (PEP 691) for
project `vadersentiment`; the archive and every file written are checked against the SHA-256
values below, so `VaderLexicon.load` and the Affect tests read exactly what the reference
package read.

Usage: fetch-vader.py [DIRECTORY]   (default /usr/share/datasets/vader)
Exit 0 when the files are there and verified; 1 with a message otherwise.
"""
import io
import os
import sys
import tarfile

from pypi_fetch import extract, fetch_sdist

PROJECT = "https://pypi.org/simple/vadersentiment/"
SDIST = "vaderSentiment-3.3.2.tar.gz"
SDIST_SHA256 = "5d7c06e027fc8b99238edb0d53d970cf97066ef97654009890b83703849632f9"
PACKAGE_ROOT = "vaderSentiment-3.3.2/"
NESTED = PACKAGE_ROOT + "additional_resources/hutto_ICWSM_2014.tar.gz"
# path inside the sdist → (name written, SHA-256)
FROM_SDIST = {
    PACKAGE_ROOT + "vaderSentiment/vader_lexicon.txt": ("vader_lexicon.txt", "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5"),
    PACKAGE_ROOT + "vaderSentiment/emoji_utf8_lexicon.txt": ("emoji_utf8_lexicon.txt", "b8d54223ae1ce22a3e12c1f745316b71678c328eb5f5d3063a842f37cfbe2823"),
    PACKAGE_ROOT + "LICENSE.txt": ("LICENSE.txt", "74cfe41cdbf7f6925aeb4c18c148ec8db042540edb6739fd81069aa4e3c8b118"),
}
# path inside hutto_ICWSM_2014.tar.gz → (name written, SHA-256)
FROM_NESTED = {
    "hutto_ICWSM_2014/tweets_GroundTruth.txt": ("tweets_GroundTruth.txt", "dfbe7102e2f92579ed8b19df9a3822491880697c67adf712fb66e520cc05102f"),
    "hutto_ICWSM_2014/movieReviewSnippets_GroundTruth.txt": ("movieReviewSnippets_GroundTruth.txt", "c8293b0d942e90e223ea2c0955d969040d1a1be514a978b9af0698940bd13350"),
    "hutto_ICWSM_2014/amazonReviewSnippets_GroundTruth.txt": ("amazonReviewSnippets_GroundTruth.txt", "11a9807a0974a2506a2d3b4851eaf69b3d6d20688ce4923adda2312a4f6dd6c2"),
    "hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt": ("nytEditorialSnippets_GroundTruth.txt", "7d8fbcce7dde5d716da53e78f4ef4be6b706e9ef1e1d51887e6d0ad4b69cc27e"),
}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/vader"
    targets = {os.path.join(directory, name): digest for name, digest in list(FROM_SDIST.values()) + list(FROM_NESTED.values())}

    def unpack(sdist):
        files = extract(sdist, FROM_SDIST, SDIST)
        nested = sdist.extractfile(NESTED) if NESTED in sdist.getnames() else None
        if nested is None:
            raise LookupError(f"{SDIST} holds no {NESTED}")
        with tarfile.open(fileobj=io.BytesIO(nested.read()), mode="r:gz") as ratings:
            files.update(extract(ratings, FROM_NESTED, NESTED))
        return files

    return fetch_sdist("fetch-vader", PROJECT, SDIST, SDIST_SHA256, "2.5 MB", directory, targets, unpack)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OSError as error:  # network (after the index) or disk
        print(f"fetch-vader: {error}", file=sys.stderr)
        sys.exit(1)
