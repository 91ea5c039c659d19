"""Caseload exports: CSV read back with the csv module, XLSX with real date cells, without
personal data on request, audited per client, nothing left behind when cancelled."""

import csv
import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.models import AuditEvent
from app.services.caseload import Scope, caseload_rows
from app.services.context import owner_actor
from app.services.demo import generate_demo
from app.services.exports import ExportCancelled, ExportFormat, export_caseload
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def demo(store):  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 80, today=TODAY)
    with store.session() as session:
        actor = owner_actor(session)
        rows = caseload_rows(session, actor, scope=Scope.TEAM, include_closed=False)
    return actor, rows


def _export(store, actor, path, fmt, **kw):  # type: ignore[no-untyped-def]
    with store.session(actor.caseworker_id) as session:
        return export_caseload(session, actor, path, fmt, scope=Scope.TEAM, **kw)


def test_csv_reads_back(store, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    actor, rows = demo
    target = tmp_path / "caseload.csv"
    assert _export(store, actor, target, ExportFormat.CSV) == len(rows)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle, delimiter=";"))
    assert len(table) == len(rows)
    first = table[0]
    assert first["BSN"] == rows[0].bsn and first["Klantnummer"] == rows[0].client_id
    assert first["Geboortedatum"] == rows[0].birth_date.strftime("%d-%m-%Y")
    assert {r["Gemeente"] for r in table} <= {"Hengelo", "Borne", "Haaksbergen"}
    with store.session() as session:
        exported = session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "export")
        )
    assert exported == len(rows)


def test_without_personal_data(store, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    actor, rows = demo
    target = tmp_path / "anoniem.csv"
    _export(store, actor, target, ExportFormat.CSV, personal_data=False)
    text = target.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0].split(";")
    assert "BSN" not in header and "Achternaam" not in header and "Postcode" not in header
    for row in rows:
        assert row.bsn not in text
        assert row.display_name not in text


def test_xlsx_has_real_dates(store, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    actor, rows = demo
    target = tmp_path / "caseload.xlsx"
    _export(store, actor, target, ExportFormat.XLSX)
    sheet = load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    assert header[0] == "Klantnummer" and "Geboortedatum" in header
    assert len(values) == len(rows) + 1
    birth = header.index("Geboortedatum")
    assert isinstance(values[1][birth], dt.datetime)
    assert values[1][birth].date() == rows[0].birth_date
    assert sheet.cell(row=2, column=birth + 1).number_format == "DD-MM-YYYY"


def test_cancel_leaves_no_file_and_no_audit(store, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    actor, _rows = demo
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ExportCancelled):
        _export(store, actor, folder / "caseload.xlsx", ExportFormat.XLSX, cancelled=lambda: True)
    assert list(folder.iterdir()) == []
    with store.session() as session:
        assert not session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "export")
        )


def test_command_asks_for_confirmation(store, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "caseload.csv"
    env = {**os.environ, "TREDE_PASSPHRASE": PASSPHRASE}
    store.close()  # one process at a time on a store: the command opens it itself
    command = [
        sys.executable,
        str(ROOT / "main.py"),
        "--data-dir",
        str(store.paths.data_dir),
        "export",
        "--format",
        "csv",
        "--out",
        str(target),
        "--team",
    ]
    refused = subprocess.run(
        command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert refused.returncode == 2 and "--yes" in refused.stderr and not target.exists()
    done = subprocess.run(
        [*command, "--yes"], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    assert "NIET versleuteld" in done.stderr and target.exists()


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_xlsx_opens_in_libreoffice(store, demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    actor, rows = demo
    target = tmp_path / "caseload.xlsx"
    _export(store, actor, target, ExportFormat.XLSX)
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(target),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with (out / "caseload.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == len(rows)
    for row, line in zip(rows, table, strict=True):
        assert line["Klantnummer"] == row.client_id
        assert line["BSN"] == row.bsn
        # A real date cell, shown by LibreOffice in the cell's format:
        assert line["Geboortedatum"] == row.birth_date.strftime("%d-%m-%Y")


def test_a_name_that_looks_like_a_formula_stays_text(store, owner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.models import Client
    from app.services.clients import create_client
    from tests.factories import client_form

    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, client_form(achternaam="Jansen"), today=TODAY)
        # as a crafted sync or an old store could hold it (the form may refuse it)
        session.get(Client, client_id).achternaam = '=HYPERLINK("http://x";"klik")'
    for fmt in ExportFormat:
        target = tmp_path / f"caseload.{fmt.value}"
        with store.session(owner.caseworker_id) as session:
            export_caseload(session, owner, target, fmt)
        if fmt is ExportFormat.CSV:
            with target.open(encoding="utf-8-sig", newline="") as handle:
                (row,) = list(csv.DictReader(handle, delimiter=";"))
            assert row["Achternaam"].startswith("'=HYPERLINK")
        else:
            sheet = load_workbook(target).active
            cell = sheet.cell(row=2, column=2)
            assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
