"""The encrypted transfer file: every table of the exported clients arrives exactly; a wrong
password, a flipped byte or a client already present imports nothing and says why."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.domain.vocab import Role
from app.models import AuditEvent, Client
from app.services.access import current_assignment
from app.services.caseload import Scope, caseload_rows
from app.services.context import initialise_owner, owner_actor
from app.services.demo import generate_demo
from app.services.opening import create_store
from app.services.transfer import (
    CLIENT_TABLES,
    SHARED_TABLES,
    TransferError,
    _collect,
    export_transfer,
    import_transfer,
)
from tests.conftest import PASSPHRASE

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def exported(store, tmp_path):  # type: ignore[no-untyped-def]
    with store.session() as session:
        generate_demo(session, 60, today=TODAY)
    with store.session() as session:
        actor = owner_actor(session)
        session.info["actor_id"] = actor.caseworker_id
        rows = caseload_rows(session, actor, scope=Scope.TEAM)
        chosen = [r.client_id for r in rows[:5]]
        before = _collect(session, chosen)
        password = export_transfer(session, actor, chosen, tmp_path / "overdracht.trede")
    return chosen, before, password, tmp_path / "overdracht.trede"


@pytest.fixture
def receiver(tmp_path):  # type: ignore[no-untyped-def]
    other = create_store(tmp_path / "ontvanger", PASSPHRASE)
    with other.session() as session:
        actor = initialise_owner(
            session,
            username="wc.ontvanger",
            display_name="Werkcoach Ontvanger",
            role=Role.WORK_COACH,
            team_name="Team Ontvanger",
        )
    yield other, actor
    other.close()


def _table_rows(session, table: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    result = session.connection().exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")
    return [tuple(row) for row in result]


def test_round_trip_of_every_table(exported, receiver) -> None:  # type: ignore[no-untyped-def]
    chosen, before, password, path = exported
    assert len(password) == 29 and password.count("-") == 4
    store, actor = receiver
    with store.session(actor.caseworker_id) as session:
        result = import_transfer(session, actor, path, password.lower(), today=TODAY)
    assert result.clients == 5
    with store.session(actor.caseworker_id) as session:
        after = _collect(session, chosen)
        for table, _where in CLIENT_TABLES + SHARED_TABLES:
            original = {row["id"]: row for row in before[table]}
            arrived = {row["id"]: row for row in after[table]}
            assert set(original) <= set(arrived), table
            for row_id, row in original.items():
                if table == "case_assignments" and row["ended_on"] is None:
                    # the handover closed the open assignment; everything else is as it was
                    assert arrived[row_id]["ended_on"] == TODAY.isoformat()
                    assert {
                        **arrived[row_id],
                        "ended_on": None,
                        "updated_at": row["updated_at"],
                        "version": row["version"],
                        "updated_by": row["updated_by"],
                    } == row
                else:
                    assert arrived[row_id] == row, (table, row_id)
        for client_id in chosen:
            assert current_assignment(session, client_id).caseworker_id == actor.caseworker_id
        assert len(caseload_rows(session, actor)) == 5
        imports = session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "import")
        )
        assert imports == 5


@pytest.mark.parametrize("damage", ["password", "byte"])
def test_wrong_password_or_flipped_byte_imports_nothing(exported, receiver, damage) -> None:  # type: ignore[no-untyped-def]
    _chosen, _before, password, path = exported
    if damage == "byte":
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    else:
        password = "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE"
    store, actor = receiver
    with store.session(actor.caseworker_id) as session:
        counts = {t: len(_table_rows(session, t)) for t, _ in CLIENT_TABLES}
        with pytest.raises(TransferError) as refused:
            import_transfer(session, actor, path, password, today=TODAY)
        assert "niets ingelezen" in str(refused.value)
        session.rollback()
        assert {t: len(_table_rows(session, t)) for t, _ in CLIENT_TABLES} == counts


def test_a_client_already_present_refuses_the_file(exported, receiver) -> None:  # type: ignore[no-untyped-def]
    _chosen, _before, password, path = exported
    store, actor = receiver
    with store.session(actor.caseworker_id) as session:
        import_transfer(session, actor, path, password, today=TODAY)
    with store.session(actor.caseworker_id) as session:
        with pytest.raises(TransferError, match="al in uw database"):
            import_transfer(session, actor, path, password, today=TODAY)
        assert session.scalar(select(func.count(Client.id))) == 5
        imports = session.scalar(
            select(func.count(AuditEvent.id)).where(AuditEvent.action == "import")
        )
        assert imports == 5  # the first import only


def test_transfer_commands(exported, receiver) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys
    from pathlib import Path

    _chosen, _before, password, path = exported
    store, _actor = receiver
    store.close()  # one process at a time on a store: the command opens it itself
    main = str(Path(__file__).resolve().parent.parent / "main.py")
    base = [sys.executable, main, "--data-dir", str(store.paths.data_dir), "import", str(path)]
    env = {**os.environ, "TREDE_PASSPHRASE": PASSPHRASE, "TREDE_TRANSFER_PASSWORD": "fout"}
    refused = subprocess.run(base, capture_output=True, text=True, env=env)
    assert refused.returncode == 2 and "niets ingelezen" in refused.stderr
    env["TREDE_TRANSFER_PASSWORD"] = password
    done = subprocess.run(base, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "5 klant(en) ingelezen" in done.stdout


def test_a_laptop_linked_to_the_central_server_reads_no_transfer_file(  # type: ignore[no-untyped-def]
    exported, receiver
) -> None:
    from app.services.context import set_setting
    from app.sync.state import DEVICE_KEY

    _chosen, _before, password, path = exported
    other, actor = receiver
    with other.session() as session:
        set_setting(session, DEVICE_KEY, "device-1")
    with (
        pytest.raises(TransferError, match="centrale server"),
        other.session(actor.caseworker_id) as session,
    ):
        import_transfer(session, actor, path, password, today=TODAY)
    with other.session() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0
