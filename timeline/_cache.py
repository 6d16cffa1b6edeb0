"""The per-user cache of built tables (the LALR parser, the lexicon, the parsed data tables).

Building them takes most of a short run's time, so the result is kept in a
per-user directory (``$TIMELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/timeline``,
else ``~/.cache/timeline``; ``TIMELINE_NO_CACHE=1`` turns it off). A file is
named by a hash of everything its contents depend on and starts with a header
(format, key, checksum of the payload); a missing, stale, corrupt or
unwritable file only means building as before. Files are written atomically
(temporary file, ``os.replace``) and never read when another user owns them,
since the callers unpickle them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

__all__ = ["cache_dir", "cache_key", "read_blob", "write_blob"]

# Bump when the header layout below changes.
_FORMAT = b"timeline-cache 1\n"
# Older files kept beside the newest (several installed versions may share a cache).
_KEEP = 8
_STALE_TEMP_SECONDS = 3600


def cache_dir() -> Path | None:
    """Where built tables are kept, or None when caching is off."""
    if os.environ.get("TIMELINE_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("TIMELINE_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):  # the XDG spec says to ignore a relative path
        return Path(xdg) / "timeline"
    try:
        return Path.home() / ".cache" / "timeline"
    except RuntimeError:  # no home directory to be found
        return None


def cache_key(parts: Iterable[str]) -> str:
    """Hash of ``parts`` (what the contents depend on) and of this Python."""
    digest = hashlib.sha256()
    for part in (*parts, sys.implementation.name, "{}.{}".format(*sys.version_info[:2])):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def _header(key: str, payload: bytes) -> bytes:
    return _FORMAT + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"


def read_blob(path: Path, key: str) -> bytes | None:
    """The payload stored at ``path`` under ``key``; None if absent, stale, damaged
    or owned by another user."""
    try:
        with open(path, "rb") as handle:
            if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_uid != os.getuid():
                return None
            data = handle.read()
    except OSError:
        return None
    head_size = len(_FORMAT) + 2 * 65
    head, payload = data[:head_size], data[head_size:]
    if head != _header(key, payload):  # other format, other key, or bytes changed
        return None
    return payload


def write_blob(path: Path, key: str, payload: bytes, family: str) -> bool:
    """Write ``payload`` to ``path`` atomically; False (and no error) if it cannot.
    Older files of the same ``family`` (file-name prefix) beyond the newest few go."""
    import tempfile  # only a run that writes pays for it (it loads shutil, bz2, lzma...)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_header(key, payload))
            handle.write(payload)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    _prune(path, family)
    return True


def _prune(keep: Path, family: str) -> None:
    """Drop all but the newest files of ``family`` and any temporary file left by a killed run."""
    try:
        now = time.time()
        files = []
        for p in keep.parent.iterdir():
            if not p.name.startswith(family):
                continue
            mtime = p.stat().st_mtime
            if p.name.endswith(".tmp"):
                if now - mtime > _STALE_TEMP_SECONDS:
                    p.unlink()
            elif p != keep:
                files.append((mtime, p))
        files.sort(reverse=True)
        for _, p in files[_KEEP:]:
            p.unlink()
    except OSError:
        pass
