"""One process at a time on a store: an exclusive lock on `.trede.lock` in its data folder,
held while the store is open and while it is made, restored or rebuilt, so that a command
run beside the open window cannot replace the database under it."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

from app.storage.errors import StoreInUse

LOCK_FILE = ".trede.lock"
IN_USE_MESSAGE = (
    "Deze database is al geopend door een ander Trede-venster of een andere Trede-opdracht. "
    "Sluit dat eerst en probeer het opnieuw; er is niets gewijzigd."
)

# Within one process the lock is shared (a window and its workers), counted per folder.
_held: dict[Path, tuple[int, int]] = {}
_guard = threading.Lock()


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class StoreLock:
    """Hold with `acquire()` / `release()`, or as a context manager."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(os.path.abspath(data_dir))
        self._held = False

    def acquire(self, *, exclusive: bool = False) -> StoreLock:
        """`exclusive`: also refused when this process holds it already (making, restoring
        or rebuilding a store must not run beside another use of it)."""
        with _guard:
            if self.folder in _held and exclusive:
                raise StoreInUse(IN_USE_MESSAGE)
            if self.folder in _held:
                fd, count = _held[self.folder]
                _held[self.folder] = (fd, count + 1)
            else:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                fd = os.open(self.folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
                if not _try_lock(fd):
                    os.close(fd)
                    raise StoreInUse(IN_USE_MESSAGE)
                _held[self.folder] = (fd, 1)
        self._held = True
        return self

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        with _guard:
            fd, count = _held[self.folder]
            if count > 1:
                _held[self.folder] = (fd, count - 1)
                return
            del _held[self.folder]
            os.close(fd)  # closing the file releases the lock

    def __enter__(self) -> StoreLock:
        return self if self._held else self.acquire()

    def __exit__(self, *_exc: Any) -> None:
        self.release()
