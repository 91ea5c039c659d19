"""Sync use cases for the app: link this store to a central store account, run a sync (with
its audit record), the status for the status bar, the open conflicts and their resolution,
and the remote wipe."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.formatting import format_date, format_moment
from app.domain.vocab import AuditAction
from app.models import Caseworker, Client, SyncConflict
from app.services.audit import audit
from app.services.context import OWNER_KEY, Actor, actor_for, get_setting, set_setting
from app.services.errors import AccessDenied, NotFound, ValidationFailed
from app.storage import secrets as keyring_secrets
from app.storage.store import Store
from app.storage.unlocking import device_secret_name
from app.sync.client import (
    CLOCK_OFFSET_KEY,
    CLOCK_TOLERANCE,
    CURSOR_KEY,
    DEVICE_KEY,
    LAST_SYNC_KEY,
    LINKED_CASEWORKER_KEY,
    SERVER_URL_KEY,
    LoginRequired,
    RemoteWipe,
    SyncEngine,
    SyncReport,
    Transport,
    open_conflicts,
    pending_changes,
    record_resolution,
)
from app.sync.wire import ENTITIES, decode_value, encode_value

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def token_name(store_id: str) -> str:
    return f"sync-token:{store_id}"


@dataclass(frozen=True)
class SyncStatus:
    linked: bool
    server_url: str | None
    last_sync_at: dt.datetime | None
    pending: int
    conflicts: int
    clock_offset_s: float

    @property
    def clock_off(self) -> bool:
        return abs(self.clock_offset_s) > CLOCK_TOLERANCE.total_seconds()


def sync_status(session: Session) -> SyncStatus:
    last = get_setting(session, LAST_SYNC_KEY)
    conn = session.connection()
    return SyncStatus(
        linked=get_setting(session, DEVICE_KEY) is not None,
        server_url=get_setting(session, SERVER_URL_KEY),
        last_sync_at=dt.datetime.fromisoformat(last) if last else None,
        pending=pending_changes(conn),
        conflicts=open_conflicts(conn),
        clock_offset_s=float(get_setting(session, CLOCK_OFFSET_KEY) or 0),
    )


def account_problems(server_url: str, username: str, password: str) -> dict[str, str]:
    """What to fix before logging in; the login dialogs show the same messages."""
    problems = {}
    if not server_url.strip().startswith(("http://", "https://")):
        problems["server"] = "Vul het adres van de centrale server in, beginnend met https://."
    if not username.strip():
        problems["username"] = "Vul uw gebruikersnaam in."
    if not password:
        problems["password"] = "Vul uw wachtwoord in."
    return problems


def link_store(
    store: Store,
    *,
    server_url: str,
    username: str,
    password: str,
    device_name: str,
    transport_factory: Callable[[str, str | None], Any],
) -> str:
    """Log in, keep the token in the keyring and bind this store to the account.

    Returns the caseworker id. A store that already holds work of another caseworker, or
    clients that never came from this central store, is refused: nothing would reach it.
    """
    problems = account_problems(server_url, username, password)
    if problems:
        raise ValidationFailed(problems)
    url = server_url.strip().rstrip("/")
    transport = transport_factory(url, None)
    try:
        answer = transport.login(username.strip(), password, device_name)
    finally:
        close = getattr(transport, "close", None)
        if close is not None:
            close()
    caseworker_id = str(answer["caseworker_id"])
    with store.session() as session:
        linked = get_setting(session, LINKED_CASEWORKER_KEY)
        owner = get_setting(session, OWNER_KEY)
        if (linked is not None and linked != caseworker_id) or (
            owner is not None and owner != caseworker_id
        ):
            raise AccessDenied(
                "Deze database hoort bij een andere medewerker. Maak voor dit account een "
                "nieuwe database aan."
            )
        if linked is None and get_setting(session, CURSOR_KEY) is None:
            has_clients = session.scalar(select(func.count()).select_from(Client)) or 0
            if has_clients:
                raise AccessDenied(
                    "Deze database bevat al klanten die niet van de centrale server komen. "
                    "Koppel een nieuwe, lege database aan de centrale server."
                )
        set_setting(session, SERVER_URL_KEY, url)
        set_setting(session, DEVICE_KEY, str(answer["device_id"]))
        set_setting(session, LINKED_CASEWORKER_KEY, caseworker_id)
    keyring_secrets.set_secret(token_name(store.store_id), str(answer["token"]))
    log.info("store linked to a central store account")
    return caseworker_id


def run_sync(
    store: Store,
    transport_factory: Callable[[str, str | None], Transport],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """One sync in its own sessions (safe on a worker thread). A revoked device wipes."""
    with store.session() as session:
        url = get_setting(session, SERVER_URL_KEY)
        caseworker_id = get_setting(session, LINKED_CASEWORKER_KEY)
    token = keyring_secrets.get_secret(token_name(store.store_id))
    if url is None or caseworker_id is None:
        raise LoginRequired("Deze laptop is nog niet gekoppeld aan een centrale server.")
    if token is None:
        raise LoginRequired("Meld u opnieuw aan bij de centrale server.")
    transport = transport_factory(url, token)
    try:
        report = SyncEngine(store.engine, transport).sync(progress, cancelled)
    except RemoteWipe:
        log.warning("the central store revoked this device: wiping the local store")
        wipe_local_store(store)
        raise
    finally:
        close = getattr(transport, "close", None)
        if close is not None:
            close()
    with store.session() as session:
        if get_setting(session, OWNER_KEY) is None:
            set_setting(session, OWNER_KEY, caseworker_id)
        if session.get(Caseworker, caseworker_id) is not None and (
            report.pushed or report.received or report.purged_clients
        ):
            actor = actor_for(session, caseworker_id)
            audit(
                session,
                actor,
                AuditAction.SYNC,
                "store",
                None,
                pushed=report.pushed,
                received=report.received,
                purged_clients=report.purged_ids,
                conflicts=report.open_conflicts,
            )
    return report


def wipe_local_store(store: Store) -> None:
    """The database, its key and the secrets leave this laptop (the remote wipe, or a new
    store whose first connection failed)."""
    store.close()
    for suffix in ("", "-wal", "-shm", "-journal"):
        store.paths.database.with_name(store.paths.database.name + suffix).unlink(missing_ok=True)
    store.paths.key_file.unlink(missing_ok=True)
    for name in (device_secret_name(store.store_id), token_name(store.store_id)):
        try:
            keyring_secrets.delete_secret(name)
        except Exception:  # the files are gone already; a keyring error must not stop that
            log.exception("could not remove a secret during the wipe")
    exports = store.paths.data_dir / "exports"
    if exports.is_dir():
        shutil.rmtree(exports, ignore_errors=True)
    log.info("local store and its secrets removed")


# ------------------------------------------------------------------ conflicts

ENTITY_LABELS = {
    "clients": "Klantgegevens",
    "case_assignments": "Toewijzing",
    "employers": "Werkgever",
    "placements": "Plaatsing",
    "plans": "Plan van aanpak",
    "plan_goals": "Doel in het plan",
    "plan_instruments": "Activiteit in het plan",
    "journal_entries": "Journaalregel",
    "ladder_assessments": "Ladderbeoordeling",
    "wage_value_measurements": "Loonwaardemeting",
    "wage_value_tasks": "Taak van een loonwaardemeting",
    "job_coaching_hours": "Jobcoachuren",
    "plan_versions": "Uitgegeven plan",
}
KIND_LABELS = {
    "field": "Op twee plaatsen gewijzigd",
    "deleted": "Gewijzigd terwijl het elders verwijderd is",
    "scope": "Klant is niet (meer) in uw caseload",
    "refused": "Niet verwerkt door de centrale server",
}


# Field names as the forms call them (conflicts show them; unknown ones show as stored).
FIELD_LABELS = {
    "voornamen": "Voornamen",
    "tussenvoegsel": "Tussenvoegsel",
    "achternaam": "Achternaam",
    "birth_date": "Geboortedatum",
    "street": "Straat",
    "house_number": "Huisnummer",
    "postcode": "Postcode",
    "city": "Woonplaats",
    "municipality": "Gemeente",
    "phone": "Telefoon",
    "email": "E-mail",
    "benefit": "Uitkering",
    "work_obligation": "Arbeidsverplichting",
    "exemption_reason": "Reden ontheffing",
    "exemption_end": "Ontheffing tot",
    "priority_groups": "Doelgroepen",
    "obstacles": "Belemmeringen",
    "education_level": "Opleidingsniveau",
    "work_experience": "Werkervaring",
    "status": "Status",
    "ended_on": "Einddatum",
    "planned_end": "Geplande einddatum",
    "hours_per_week": "Uren per week",
    "wage_hour": "Uurloon",
    "notes": "Notities",
    "situation": "Situatie",
    "deleted_at": "Verwijderd",
    "subject": "Onderwerp",
    "body": "Tekst",
    "occurred_on": "Datum",
    "worked_on": "Datum",
    "assessed_on": "Datum",
    "minutes": "Minuten",
    "final_trede": "Trede",
    "description": "Omschrijving",
}
# What a parked new record shows of itself (its other fields stay in the conflict).
_SUMMARY_FIELDS = (
    "subject",
    "description",
    "occurred_on",
    "worked_on",
    "assessed_on",
    "minutes",
    "final_trede",
    "city",
    "achternaam",
)


def display_value(value: Any) -> str:
    """A wire value as the caseworker reads it: dates dd-mm-jjjj, lists, ja/nee, (leeg)."""
    if value is None or value == "" or value == []:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{FIELD_LABELS.get(k, k)}: {display_value(v)}"
            for k, v in value.items()
            if k
            not in {
                "id",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by",
                "version",
                "deleted_at",
            }
        )
    text = str(value)
    try:
        if len(text) == 10:
            return format_date(dt.date.fromisoformat(text))
        if len(text) > 10 and text[10] == "T":
            return format_moment(dt.datetime.fromisoformat(text))
    except ValueError:
        pass
    return text


@dataclass(frozen=True)
class ConflictRow:
    id: str
    kind: str
    kind_label: str
    client_id: str | None
    client_name: str
    what: str
    field: str | None
    mine: Any
    mine_by: str
    mine_at: dt.datetime | None
    theirs: Any
    theirs_by: str
    theirs_at: dt.datetime | None
    message: str | None
    editable: bool = False

    @property
    def is_field(self) -> bool:
        return self.kind == "field"

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field or "", self.field or "")


def _name(session: Session, caseworker_id: str | None) -> str:
    if not caseworker_id:
        return "onbekend"
    if caseworker_id == "central":
        return "beheer (centrale server)"
    worker = session.get(Caseworker, caseworker_id)
    return worker.display_name if worker else "een collega"


def _when(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def conflicts(session: Session, actor: Actor) -> list[ConflictRow]:
    """The open conflicts, with the current stored value as "theirs"."""
    from app.domain.names import person_forms

    found = []
    for row in session.scalars(select(SyncConflict)):
        detail = row.detail
        entity_ = ENTITIES.get(detail["entity"])
        client = session.get(Client, row.client_id) if row.client_id else None
        client_name = (
            person_forms(client.voornamen, client.tussenvoegsel, client.achternaam)[0]
            if client
            else "(klant niet op deze laptop)"
        )
        theirs = detail.get("theirs")
        if detail["kind"] == "field" and entity_ is not None:
            stored = session.execute(
                select(entity_.table.c[detail["field"]]).where(
                    entity_.table.c.id == detail["row_id"]
                )
            ).scalar()
            theirs = encode_value(stored) if stored is not None else theirs
        found.append(
            ConflictRow(
                id=row.id,
                kind=detail["kind"],
                kind_label=KIND_LABELS.get(detail["kind"], detail["kind"]),
                client_id=row.client_id,
                client_name=client_name,
                what=ENTITY_LABELS.get(detail["entity"], detail["entity"]),
                field=detail.get("field"),
                mine=detail.get("mine"),
                mine_by=_name(session, detail.get("mine_by")),
                mine_at=_when(detail.get("mine_at")),
                theirs=theirs,
                theirs_by=_name(session, detail.get("theirs_by")),
                theirs_at=_when(detail.get("theirs_at")),
                message=detail.get("message"),
                editable=_is_text_field(entity_, detail.get("field")),
            )
        )
    found.sort(key=lambda c: (c.client_name, c.what, c.field or ""))
    return found


def _is_text_field(entity_: Any, name: str | None) -> bool:
    from sqlalchemy import String

    if entity_ is None or not name or name not in entity_.table.c:
        return False
    return isinstance(entity_.table.c[name].type, String)


FIELD_RESOLUTIONS = ("mine", "theirs", "edit")
PARKED_RESOLUTIONS = ("apply", "discard")


def resolve_conflict(
    session: Session, actor: Actor, conflict_id: str, resolution: str, value: Any = None
) -> None:
    """Keep mine / take theirs / a new value (field), or apply / discard (parked change)."""
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        raise NotFound("Dit conflict is al opgelost.")
    detail = dict(row.detail)
    allowed = FIELD_RESOLUTIONS if detail["kind"] == "field" else PARKED_RESOLUTIONS
    if resolution not in allowed:
        raise ValidationFailed({"resolution": "Kies hoe dit conflict wordt opgelost."})
    if resolution == "edit":
        entity_ = ENTITIES[detail["entity"]]
        try:
            decode_value(entity_.table.c[detail["field"]], value)
        except (ValueError, TypeError) as exc:
            raise ValidationFailed({"value": "Deze waarde past niet in dit veld."}) from exc
    record_resolution(session.connection(), detail, resolution, value)
    audit(
        session,
        actor,
        AuditAction.UPDATE,
        "sync_conflict",
        conflict_id,
        client_id=row.client_id,
        resolution=resolution,
        field=detail.get("field"),
    )
    session.expire_all()
