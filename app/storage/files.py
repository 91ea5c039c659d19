"""Files Trede writes outside its store (exports, PDFs, transfer files): the output path is
checked before any work starts, and written whole and owner-only, replacing the target only
after the audit record of the output has committed."""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.storage.errors import OutputPathProblem


def _problem(text: str) -> OutputPathProblem:
    return OutputPathProblem(text + " Kies een andere plek en probeer het opnieuw.")


def _check_writable_folder(folder: Path) -> None:
    if not folder.exists():
        raise _problem(f"De map {folder} bestaat niet.")
    if not folder.is_dir():
        raise _problem(f"{folder} is geen map.")
    probe = folder / f".trede-probe-{secrets.token_hex(4)}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        raise _problem(f"In de map {folder} kan Trede geen bestand maken.") from None
    os.close(fd)
    probe.unlink(missing_ok=True)


def check_output_file(path: Path) -> Path:
    """`path` as an absolute path, when a new file may be written there; otherwise
    OutputPathProblem saying what is wrong. Nothing is left behind."""
    path = Path(os.path.abspath(path))
    try:
        found = path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        found = None
    except OSError:
        raise _problem(f"Trede kan {path} niet gebruiken.") from None
    if found is not None:
        if stat.S_ISDIR(found.st_mode):
            raise _problem(f"{path} is een map; geef een bestandsnaam op.")
        if not stat.S_ISREG(found.st_mode):
            # a device, a pipe or a link: replacing it would destroy what it stands for
            raise _problem(f"{path} is geen gewoon bestand.")
    _check_writable_folder(path.parent)
    _sweep_leftovers(path)
    return path


def _sweep_leftovers(target: Path) -> None:
    """Remove what an interrupted write of this same file left (client data, owner-only)."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.[0-9a-f]{{8}}\.tmp$")
    try:
        for sibling in target.parent.iterdir():
            if pattern.match(sibling.name) and sibling.is_file():
                sibling.unlink(missing_ok=True)
    except OSError:
        pass  # a folder that cannot be listed was refused above already


def check_output_folder(folder: Path) -> Path:
    """`folder` as an absolute path, when Trede may write files in it (made if missing and
    its parent exists); otherwise OutputPathProblem."""
    folder = Path(os.path.abspath(folder))
    if not folder.exists() and folder.parent.is_dir():
        try:
            folder.mkdir(mode=0o700)
        except OSError:
            raise _problem(f"De map {folder} kan niet worden gemaakt.") from None
    _check_writable_folder(folder)
    return folder


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no folder handles for this)."""
    if os.name == "posix":
        fsync_file(folder)


@contextmanager
def complete_file(path: Path, before_replace: Callable[[], None] | None = None) -> Iterator[Path]:
    """A new, empty, owner-only temporary file next to `path` to write into. When the block
    ends without an error, `before_replace` runs (it commits the audit record) and the file
    replaces `path`; on any error `path` is untouched and the temporary file is gone."""
    target = check_output_file(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        yield temporary
        fsync_file(temporary)
        os.chmod(temporary, 0o600)  # writers that recreate the file keep the owner-only mode
        if before_replace is not None:
            before_replace()
        os.replace(temporary, target)
        fsync_folder(target.parent)
    finally:
        temporary.unlink(missing_ok=True)
