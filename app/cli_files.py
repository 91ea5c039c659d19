"""Command-line outputs of client files: the plan as PDF, the caseload export (CSV, XLSX) and
the encrypted transfer file, and reading a transfer file in."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.actor import Actor
    from app.services.caseload_rows import Scope
    from app.storage.store import Store

OpenStore = Callable[[], "Store"]


@contextmanager
def owner_session(store: Store) -> Iterator[tuple[Session, Actor]]:
    """One unit of work as the store's owner (stamped on what it writes); the store is
    closed afterwards, whatever happens."""
    from app.models.guards import ACTOR_KEY
    from app.services.context import owner_actor

    try:
        with store.session() as session:
            actor = owner_actor(session)
            session.info[ACTOR_KEY] = actor.caseworker_id
            yield session, actor
    finally:
        store.close()


def scope_of(args: argparse.Namespace, actor: Actor) -> Scope:
    """--team for a team lead; everyone else sees their own caseload."""
    from app.services.caseload_rows import Scope

    return Scope.TEAM if args.team and actor.is_team_lead else Scope.OWN


def print_progress(done: int, total: int) -> None:
    print(f"\r  {done:>7} van {total} klanten", end="", file=sys.stderr, flush=True)
    if done >= total:
        print(file=sys.stderr)


def cmd_plan(args: argparse.Namespace, open_store: OpenStore) -> int:
    """Print a client's plan to PDF: the newest issued version, or the draft (CONCEPT)."""
    from app.reports.plan_pdf import print_plan
    from app.services.plans import issue_plan, plan_to_print

    store = open_store()
    with owner_session(store) as (session, actor):
        if args.issue:
            issue_plan(session, actor, args.client)
        document = plan_to_print(session, actor, args.client, draft=args.draft)
        print_plan(session, actor, args.client, document, args.out)
    kind = f"versie {document.version}" if document.version else "concept"
    print(f"Plan van aanpak ({kind}) geschreven naar {args.out}")
    return 0


PLAIN_TEXT_WARNING = (
    "Het exportbestand is NIET versleuteld: iedereen die het bestand heeft, kan de gegevens "
    "lezen. Bewaar het alleen op een beveiligde plek en verwijder het na gebruik."
)


TRANSFER_PASSWORD_ENV = "TREDE_TRANSFER_PASSWORD"


def cmd_transfer_export(args: argparse.Namespace, open_store: OpenStore) -> int:
    from app.services.transfer import export_transfer

    if not args.client:
        print("Noem met --client ID de klant(en) die u wilt overdragen.", file=sys.stderr)
        return 2
    store = open_store()
    with owner_session(store) as (session, actor):
        password = export_transfer(session, actor, args.client, args.out)
    print(f"Overdrachtsbestand met {len(set(args.client))} klant(en): {args.out}")
    print(f"Eenmalig wachtwoord (wordt nergens bewaard, geef het apart door): {password}")
    return 0


def cmd_import(
    args: argparse.Namespace, open_store: OpenStore, read_passphrase: Callable[[str], str]
) -> int:
    from app.services.transfer import import_transfer

    password = os.environ.get(TRANSFER_PASSWORD_ENV) or read_passphrase(
        "Wachtwoord van het overdrachtsbestand: "
    )
    store = open_store()
    with owner_session(store) as (session, actor):
        result = import_transfer(session, actor, args.file, password)
    print(f"{result.clients} klant(en) ingelezen en aan u toegewezen ({result.rows} regels).")
    return 0


def cmd_export(args: argparse.Namespace, open_store: OpenStore) -> int:
    from app.services.exports import ExportFormat, export_caseload

    if args.format == "transfer":
        return cmd_transfer_export(args, open_store)
    if not args.yes and not sys.stdin.isatty():
        print(
            "Het exportbestand is NIET versleuteld; bevestig met --yes dat u een onversleuteld "
            "bestand wilt maken.",
            file=sys.stderr,
        )
        return 2
    if not args.yes:
        print(PLAIN_TEXT_WARNING, file=sys.stderr)
        if input("Doorgaan? [j/N] ").strip().lower() not in ("j", "ja", "y", "yes"):
            print("Niets geëxporteerd.", file=sys.stderr)
            return 1
    store = open_store()
    with owner_session(store) as (session, actor):
        scope = scope_of(args, actor)
        count = export_caseload(
            session,
            actor,
            args.out,
            ExportFormat(args.format),
            scope=scope,
            personal_data=not args.without_personal_data,
            include_closed=args.include_closed,
            progress=print_progress,
        )
    print(f"{count} klanten geëxporteerd naar {args.out}")
    if args.yes:
        print(PLAIN_TEXT_WARNING, file=sys.stderr)
    return 0
