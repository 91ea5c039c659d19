"""The transfer file: one or more complete client files (every record and its history) in a
SQLCipher database written with sqlite-utils, sealed with a one-time password that is shown
once. Importing it hands the clients over to the importing caseworker, or imports nothing."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import __version__
from app.domain.vocab import AuditAction
from app.services.access import current_assignment, require_client
from app.services.audit import audit
from app.services.context import Actor
from app.services.errors import ServiceError, ValidationFailed
from app.storage.files import check_output_file, complete_file

FORMAT = "trede-transfer-1"
PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed over
PASSWORD_GROUPS, PASSWORD_GROUP_LENGTH = 5, 5  # 25 characters, 125 bits
Progress = Callable[[int, int], None]

# What belongs to a client file, and how each table finds the client's rows.
CLIENT_TABLES: tuple[tuple[str, str], ...] = (
    ("clients", "id IN ({clients})"),
    ("case_assignments", "client_id IN ({clients})"),
    ("ladder_assessments", "client_id IN ({clients})"),
    ("journal_entries", "client_id IN ({clients})"),
    ("placements", "client_id IN ({clients})"),
    ("wage_value_measurements", "client_id IN ({clients})"),
    (
        "wage_value_tasks",
        "measurement_id IN (SELECT id FROM wage_value_measurements WHERE client_id IN ({clients}))",
    ),
    ("job_coaching_hours", "client_id IN ({clients})"),
    ("subsidy_decisions", "client_id IN ({clients})"),
    ("placement_absences", "client_id IN ({clients})"),
    ("plans", "client_id IN ({clients})"),
    ("plan_goals", "plan_id IN (SELECT id FROM plans WHERE client_id IN ({clients}))"),
    ("plan_instruments", "plan_id IN (SELECT id FROM plans WHERE client_id IN ({clients}))"),
    ("plan_versions", "client_id IN ({clients})"),
    ("audit_events", "client_id IN ({clients})"),
)
# Rows the client files point at; the receiving store keeps its own copy when it has one.
SHARED_TABLES: tuple[tuple[str, str], ...] = (
    (
        "teams",
        "id IN (SELECT team_id FROM caseworkers WHERE id IN ({workers}))",
    ),
    ("caseworkers", "id IN ({workers})"),
    (
        "employers",
        "id IN (SELECT employer_id FROM placements WHERE client_id IN ({clients})) OR id IN "
        "(SELECT employer_id FROM wage_value_measurements WHERE client_id IN ({clients}))",
    ),
)
WORKER_COLUMNS = (
    ("case_assignments", "caseworker_id"),
    ("ladder_assessments", "assessor_id"),
    ("journal_entries", "author_id"),
    ("job_coaching_hours", "coach_id"),
    ("wage_value_measurements", "expert_id"),
)


class TransferError(ServiceError):
    """The file cannot be imported; nothing was imported."""


def new_password() -> str:
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP_LENGTH))
        for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


def normalise_password(typed: str) -> str:
    """What the recipient typed, as the password: case and spacing do not matter."""
    letters = "".join(ch for ch in typed.upper() if ch.isalnum())
    size = PASSWORD_GROUP_LENGTH
    return "-".join(letters[i : i + size] for i in range(0, len(letters), size))


def _placeholders(values: Sequence[str]) -> str:
    return ", ".join("?" * len(values)) if values else "NULL"


def _raw_rows(
    session: Session, table: str, where: str, params: Sequence[str]
) -> list[dict[str, Any]]:
    """Rows as stored (text dates, text decimals, JSON text): the file keeps them exactly."""
    result = session.connection().exec_driver_sql(
        f"SELECT * FROM {table} WHERE {where}", tuple(params)
    )
    names = list(result.keys())
    return [dict(zip(names, row, strict=True)) for row in result]


def _collect(session: Session, client_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    clients = _placeholders(client_ids)
    tables: dict[str, list[dict[str, Any]]] = {}
    for table, where in CLIENT_TABLES:
        count = where.count("{clients}")
        tables[table] = _raw_rows(
            session, table, where.format(clients=clients), list(client_ids) * count
        )
    workers = sorted(
        {
            row[column]
            for table, column in WORKER_COLUMNS
            for row in tables[table]
            if row.get(column)
        }
    )
    for table, where in SHARED_TABLES:
        params = list(client_ids) * where.count("{clients}") + workers * where.count("{workers}")
        tables[table] = _raw_rows(
            session,
            table,
            where.format(clients=clients, workers=_placeholders(workers)),
            params,
        )
    return tables


def _connect(path: Path, password: str) -> Any:
    from app.storage.unlocking import raw_connection

    return raw_connection(path, password)


def export_transfer(
    session: Session,
    actor: Actor,
    client_ids: Iterable[str],
    path: Path,
    *,
    progress: Progress | None = None,
) -> str:
    """Write the transfer file; returns the one-time password (show it once, store it never)."""
    import sqlite_utils

    check_output_file(path)
    ids = sorted(set(client_ids))
    if not ids:
        raise ValidationFailed({"clients": "Kies minstens één klant om over te dragen."})
    for client_id in ids:
        require_client(session, actor, client_id)
    tables = _collect(session, ids)
    password = new_password()

    def audited() -> None:
        for client_id in ids:
            audit(
                session,
                actor,
                AuditAction.EXPORT,
                "transfer_file",
                client_id=client_id,
                clients=len(ids),
            )
        session.commit()  # the record first: a crash after it leaves no unrecorded file

    with complete_file(path, before_replace=audited) as temporary:
        connection = _connect(temporary, password)
        try:
            database = sqlite_utils.Database(connection)
            database.table("manifest").insert_all(
                [
                    {"key": "format", "value": FORMAT},
                    {"key": "app_version", "value": __version__},
                    {"key": "made_on", "value": dt.date.today().isoformat()},
                    {"key": "clients", "value": str(len(ids))},
                ]
            )
            total = len(tables)
            for index, (table, rows) in enumerate(tables.items(), start=1):
                if rows:
                    database.table(table).insert_all(rows)
                else:
                    database.execute(f"CREATE TABLE {table} (id TEXT)")
                if progress is not None:
                    progress(index, total)
            connection.commit()
        finally:
            connection.close()
    return password


@dataclass(frozen=True)
class ImportResult:
    clients: int
    rows: int


UNREADABLE = (
    "Het overdrachtsbestand kan niet worden geopend: het wachtwoord klopt niet of het bestand "
    "is beschadigd. Controleer het wachtwoord (hoofdletters maken niet uit) of vraag om een "
    "nieuw bestand. Er is niets ingelezen."
)


def read_transfer(path: Path, password: str) -> dict[str, list[dict[str, Any]]]:
    """Every table of the file, checked page by page (SQLCipher's HMAC); raises TransferError."""
    import sqlcipher3

    if not path.is_file():
        raise TransferError(f"Het bestand {path.name} bestaat niet.")
    connection = _connect(path, normalise_password(password))
    try:
        problems = connection.execute("PRAGMA cipher_integrity_check").fetchall()
        if problems:
            raise TransferError(UNREADABLE)
        manifest = dict(connection.execute("SELECT key, value FROM manifest").fetchall())
        if manifest.get("format") != FORMAT:
            raise TransferError("Dit is geen overdrachtsbestand van deze versie van Trede.")
        tables: dict[str, list[dict[str, Any]]] = {}
        for table, _where in SHARED_TABLES + CLIENT_TABLES:
            cursor = connection.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            tables[table] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        return tables
    except sqlcipher3.DatabaseError as exc:
        raise TransferError(UNREADABLE) from exc
    finally:
        connection.close()


def import_transfer(
    session: Session, actor: Actor, path: Path, password: str, *, today: dt.date | None = None
) -> ImportResult:
    """Read the file, then insert every row in the session's transaction and hand the clients
    over to `actor`. A client already in this store refuses the whole file."""
    from app.models import CaseAssignment
    from app.services.context import DEMO_SETTING, get_setting
    from app.sync.state import DEVICE_KEY

    today = today or dt.date.today()
    if get_setting(session, DEMO_SETTING) is not None:
        raise TransferError(
            "Een demodatabase leest geen overdrachtsbestand in: het wachtwoord van de demo is "
            "openbaar. Lees het in in uw eigen database."
        )
    if get_setting(session, DEVICE_KEY) is not None:
        # rows read from a file bypass the central store, which would then remove them again
        raise TransferError(
            "Deze laptop is gekoppeld aan de centrale server. Een klant komt daar bij u via een "
            "overdracht op de server (door de vorige medewerker of de teamleider). Er is "
            "niets ingelezen."
        )
    tables = read_transfer(path, password)
    connection = session.connection()
    client_ids = [row["id"] for row in tables["clients"]]
    present = [
        client_id
        for client_id in client_ids
        if connection.exec_driver_sql("SELECT 1 FROM clients WHERE id = ?", (client_id,)).first()
    ]
    if present:
        raise TransferError(
            f"{len(present)} van deze klanten staan al in uw database; er is niets ingelezen."
        )
    inserted = 0
    for table, _where in SHARED_TABLES + CLIENT_TABLES:
        for row in tables[table]:
            if (
                table in {name for name, _ in SHARED_TABLES}
                and connection.exec_driver_sql(
                    f"SELECT 1 FROM {table} WHERE id = ?", (row["id"],)
                ).first()
            ):
                continue  # this store keeps its own team, colleague or employer
            names = list(row)
            connection.exec_driver_sql(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES ({_placeholders(names)})",
                tuple(row[name] for name in names),
            )
            inserted += 1
    session.expire_all()
    for client_id in client_ids:
        current = current_assignment(session, client_id)
        if current is None or current.caseworker_id != actor.caseworker_id:
            if current is not None:
                current.ended_on = max(today, current.started_on)
            session.add(
                CaseAssignment(
                    client_id=client_id,
                    caseworker_id=actor.caseworker_id,
                    started_on=today,
                    reason="Overdracht met een overdrachtsbestand",
                )
            )
        audit(session, actor, AuditAction.IMPORT, "transfer_file", client_id=client_id)
    session.flush()
    return ImportResult(clients=len(client_ids), rows=inserted)
