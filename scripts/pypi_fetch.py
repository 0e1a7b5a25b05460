"""What fetch-mnist.py and fetch-vader.py share: one file of a Python package index project found
by the JSON simple API (PEP 691), SHA-256 of files on disk, and atomic writes. Imported from the
scripts' own directory (python3 puts it first on sys.path)."""
import hashlib
import json
import os
import urllib.request


def sha256(path):
    """SHA-256 of a file, hex, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def all_verified(targets):
    """Whether every path of {path: SHA-256} exists with that digest."""
    return all(os.path.exists(p) and sha256(p) == d for p, d in targets.items())


def unverified(targets):
    """The paths of {path: SHA-256} missing or with another digest."""
    return [p for p, d in targets.items() if not (os.path.exists(p) and sha256(p) == d)]


def file_url(project_index, filename):
    """The download URL of `filename` in the project's PEP 691 index page, or None when it is not listed."""
    request = urllib.request.Request(project_index, headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    index = json.load(urllib.request.urlopen(request, timeout=60))
    urls = [f["url"] for f in index.get("files", []) if f.get("filename") == filename]
    return urls[0] if urls else None


def write_atomically(path, data):
    """Writes `data` to `path` through a .part file and a rename, so a reader never sees half a file."""
    with open(path + ".part", "wb") as f:
        f.write(data)
    os.replace(path + ".part", path)
