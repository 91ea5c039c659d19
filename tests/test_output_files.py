"""Files Trede writes for the caseworker: unusable paths are refused before any work, files
are owner-only and whole, and every output's audit record commits before the file is in
place (another connection sees it at the moment of the rename)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent
from app.services.context import Actor
from app.storage import files
from app.storage.errors import OutputPathProblem
from app.storage.files import check_output_file, check_output_folder, complete_file
from app.storage.store import Store

TODAY = dt.date(2026, 11, 2)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: tmp / "missing" / "out.csv", "bestaat niet"),
        (lambda tmp: tmp, "is een map"),
        (lambda tmp: _file(tmp / "a-file") / "out.csv", "geen map"),
        (lambda tmp: Path("/dev/null"), "geen gewoon bestand"),
        (lambda tmp: Path("/dev/full"), "geen gewoon bestand"),
        (lambda tmp: Path("/proc/trede.csv"), "geen bestand maken"),
        (lambda tmp: _link(tmp), "geen gewoon bestand"),
    ],
)
def test_unusable_output_paths_are_refused_with_what_to_fix(
    tmp_path: Path, make: Callable[[Path], Path], says: str
) -> None:
    path = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(OutputPathProblem, match=says) as refused:
        check_output_file(path)
    assert "Kies een andere plek" in str(refused.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no probe left behind


def _file(path: Path) -> Path:
    path.write_text("x")
    return path


def _link(tmp: Path) -> Path:
    target = tmp / "elsewhere.txt"
    target.write_text("keep me")
    link = tmp / "link.csv"
    link.symlink_to(target)
    return link


def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes in read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    with pytest.raises(OutputPathProblem, match="geen bestand maken"):
        check_output_file(folder / "out.pdf")


def test_an_output_folder_is_made_when_its_parent_exists(tmp_path: Path) -> None:
    assert check_output_folder(tmp_path / "new").is_dir()
    with pytest.raises(OutputPathProblem):
        check_output_folder(tmp_path / "no" / "such")


def test_a_failed_write_leaves_neither_target_nor_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the old file")
    with pytest.raises(RuntimeError), complete_file(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("disk full")
    assert target.read_text() == "the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_written_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    previous = os.umask(0o022)  # as a careless environment would have it
    try:
        with complete_file(tmp_path / "out.csv") as temporary:
            temporary.write_text("a;b")
    finally:
        os.umask(previous)
    mode = stat.S_IMODE((tmp_path / "out.csv").stat().st_mode)
    assert mode == 0o600


def test_the_command_line_makes_its_files_and_folders_private(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "TREDE_PASSPHRASE": "correct-paard-batterij", "XDG_STATE_HOME": ""}
    env["HOME"] = str(tmp_path / "home")
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data), "init", "--name", "A B",
         "--username", "ab"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for path in [data, *data.rglob("*"), *(tmp_path / "home").rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


# ------------------------------------------------------------ audit before the file


@pytest.fixture
def watched(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, bool]]:
    """(file name, committed audit records, target existed) at every rename into place."""
    seen: list[tuple[str, int, bool]] = []
    real = os.replace

    def replace(source: object, target: object) -> None:
        if Path(str(source)).name.endswith(".tmp"):
            with store.session() as other:  # another connection sees only what is committed
                count = other.scalar(select(func.count(AuditEvent.id))) or 0
            seen.append((Path(str(target)).name, count, Path(str(target)).exists()))
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "replace", replace)
    return seen


def _audits(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count(AuditEvent.id))) or 0


@pytest.fixture
def a_client(store: Store, owner: Actor) -> str:
    from app.services.clients import create_client
    from tests.factories import client_form

    with store.session(owner.caseworker_id) as session:
        return create_client(session, owner, client_form(), today=TODAY)


def test_exports_transfer_files_and_plans_are_audited_before_they_exist(
    store: Store, owner: Actor, a_client: str, tmp_path: Path, watched: list
) -> None:
    from app.reports.plan_pdf import print_plan
    from app.services.exports import ExportFormat, export_caseload
    from app.services.plans import plan_document
    from app.services.statement_export import StatementFormat, export_statement
    from app.services.transfer import export_transfer

    outputs: list[tuple[str, Callable[[object], object]]] = [
        ("c.csv", lambda s: export_caseload(s, owner, tmp_path / "c.csv", ExportFormat.CSV)),
        ("c.xlsx", lambda s: export_caseload(s, owner, tmp_path / "c.xlsx", ExportFormat.XLSX)),
        (
            "s.xlsx",
            lambda s: export_statement(
                s, owner, tmp_path / "s.xlsx", StatementFormat.XLSX, first=TODAY, last=TODAY
            ),
        ),
        ("t.trede", lambda s: export_transfer(s, owner, [a_client], tmp_path / "t.trede")),
        (
            "p.pdf",
            lambda s: print_plan(
                s, owner, a_client, plan_document(s, owner, a_client), tmp_path / "p.pdf"
            ),
        ),
    ]
    for name, write in outputs:
        before = _audits(store)
        with store.session(owner.caseworker_id) as session:
            write(session)
        name_seen, committed, existed = watched[-1]
        assert name_seen == name and not existed
        if name != "s.xlsx":  # the statement audits the clients it holds: none here
            assert committed > before, name
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600


def test_a_refused_path_costs_no_work_and_no_audit(
    store: Store, owner: Actor, a_client: str, tmp_path: Path
) -> None:
    from app.services.exports import ExportFormat, export_caseload
    from app.services.transfer import export_transfer

    before = _audits(store)
    with pytest.raises(OutputPathProblem), store.session(owner.caseworker_id) as session:
        export_caseload(session, owner, tmp_path / "no" / "c.csv", ExportFormat.CSV)
    with pytest.raises(OutputPathProblem), store.session(owner.caseworker_id) as session:
        export_transfer(session, owner, [a_client], tmp_path)
    assert _audits(store) == before
