"""What fetch-mnist.py, fetch-vader.py and fetch-nrc.py share: one file of a Python package index project found
by the JSON simple API (PEP 691), SHA-256 of files on disk, and atomic writes. Imported from the
scripts' own directory (python3 puts it first on sys.path)."""
import hashlib
import io
import json
import os
import sys
import tarfile
import urllib.error
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


def extract(archive, members, label):
    """(name, bytes) for each wanted member of a tar `archive`, each checked against its SHA-256.

    `members` maps a path inside the archive to (name written, SHA-256)."""
    found = {}
    for member, (name, digest) in members.items():
        handle = archive.extractfile(member) if member in archive.getnames() else None
        if handle is None:
            raise LookupError(f"{label} holds no {member}")
        data = handle.read()
        actual = hashlib.sha256(data).hexdigest()
        if actual != digest:
            raise LookupError(f"{label}: {member} has SHA-256 {actual}, expected {digest}")
        found[name] = data
    return found


def fetch_sdist(tool, project, sdist, sdist_sha256, size, directory, targets, unpack):
    """Downloads a gzipped source distribution through the PEP 691 index, checks its SHA-256,
    lets `unpack(tar)` return {name: bytes} (raising LookupError or TarError when something is
    missing), writes them atomically into `directory` and checks `targets` ({path: SHA-256}).
    Returns the exit code: 0 when everything is there and verified (at once when it already
    was), 1 with a message naming the tool otherwise; nothing is written before all checks pass."""
    if all_verified(targets):
        return 0
    try:
        url = file_url(project, sdist)
    except (urllib.error.URLError, OSError) as error:
        print(f"{tool}: cannot reach {project} ({error}); offline? Nothing written. "
              f"Run scripts/{tool}.py again with network access.", file=sys.stderr)
        return 1
    if url is None:
        print(f"{tool}: {project} lists no {sdist}", file=sys.stderr)
        return 1
    print(f"{tool}: downloading {sdist} ({size}) into {directory}", file=sys.stderr)
    payload = urllib.request.urlopen(url, timeout=300).read()
    actual = hashlib.sha256(payload).hexdigest()
    if actual != sdist_sha256:
        print(f"{tool}: {sdist} has SHA-256 {actual}, expected {sdist_sha256}; nothing written", file=sys.stderr)
        return 1
    try:
        with tarfile.open(fileobj=io.BytesIO(payload), mode="r:gz") as archive:
            files = unpack(archive)
    except (LookupError, tarfile.TarError) as error:
        print(f"{tool}: {error}; nothing written", file=sys.stderr)
        return 1
    os.makedirs(directory, exist_ok=True)
    for name, data in files.items():
        write_atomically(os.path.join(directory, name), data)
    missing = unverified(targets)
    if missing:
        print(f"{tool}: not written or not verified: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0
