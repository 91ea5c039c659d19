"""Command-line upkeep of the store: backups, putting one back, rebuilding a damaged store
from the central store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.storage.store import Store

Passphrase = Callable[[argparse.Namespace], str]


def print_sync(report: object) -> None:
    from app.sync.client import SyncReport

    assert isinstance(report, SyncReport)
    print(
        f"Gesynchroniseerd in {report.seconds:.1f} s: {report.pushed} verzonden, "
        f"{report.received} ontvangen, {report.purged_clients} klant(en) van deze laptop "
        f"verwijderd, {report.open_conflicts} open conflict(en)."
    )
    if report.clock_off:
        minutes = round(abs(report.clock_offset.total_seconds()) / 60)
        print(f"Let op: de klok van deze laptop wijkt {minutes} minuten af.", file=sys.stderr)


def add_parsers(sub: Any) -> None:
    sub.add_parser("backup", help="maak nu een reservekopie van de database (versleuteld)")
    restore = sub.add_parser(
        "restore", help="zet de nieuwste gave reservekopie terug (de huidige wordt bewaard)"
    )
    restore.add_argument("--list", action="store_true", help="toon alleen de reservekopieën")
    restore.add_argument("--from", dest="backup", type=Path, help="deze reservekopie")
    restore.add_argument(
        "--yes", action="store_true", help="ook als de huidige database niet beschadigd is"
    )
    sub.add_parser(
        "rebuild",
        help="haal een beschadigde database opnieuw op van de centrale server; niet verzonden "
        "wijzigingen die nog leesbaar zijn, gaan mee",
    )


DAMAGED_HINT = (
    "Zet de nieuwste reservekopie terug met 'main.py restore' (een laptop die aan de centrale "
    "server is gekoppeld, kan ook alles opnieuw ophalen met 'main.py rebuild')."
)


def cmd_backup(store: Store) -> int:
    from app.storage.backup import make_backup

    try:
        backup = make_backup(store)
    finally:
        store.close()
    print(f"Reservekopie gemaakt: {backup.path}")
    return 0


def cmd_restore(args: argparse.Namespace, data_dir: Path, passphrase: Passphrase) -> int:
    from app.domain.formatting import format_moment
    from app.services.recovery import restore
    from app.storage.backup import backups, key_from_backup
    from app.storage.store import StorePaths, unlock_key

    paths = StorePaths(data_dir)
    found = backups(paths)
    if args.list:
        for backup in found:
            print(f"{format_moment(backup.made_at)}  {backup.path}")
        print(f"{len(found)} reservekopie(ën) in {paths.data_dir}")
        return 0
    chosen = None
    if args.backup is not None:
        chosen = next((b for b in found if b.path.resolve() == args.backup.resolve()), None)
        if chosen is None:
            what = (
                "is geen reservekopie van deze database" if args.backup.exists() else "bestaat niet"
            )
            print(f"{args.backup} {what}; 'restore --list' toont de reservekopieën.",
                  file=sys.stderr)  # fmt: skip
            return 2
    if key_from_backup(paths):
        print("Het sleutelbestand was onleesbaar en is teruggezet uit een reservekopie.",
              file=sys.stderr)  # fmt: skip
    key = unlock_key(paths.data_dir, passphrase(args))
    if not args.yes and _is_whole(key):
        print("De database is niet beschadigd: met terugzetten verdwijnt wat u na de "
              "reservekopie deed (de huidige database wordt bewaard). Bevestig met --yes.",
              file=sys.stderr)  # fmt: skip
        return 2
    store, backup = restore(key, chosen)
    store.close()
    print(f"De reservekopie van {format_moment(backup.made_at)} is teruggezet; de vorige "
          f"database staat in {paths.data_dir / 'beschadigd'}.")  # fmt: skip
    return 0


def _is_whole(key: object) -> bool:
    from app.services.opening import open_store
    from app.storage.errors import StoreCorrupted
    from app.storage.unlocking import UnlockedKey

    assert isinstance(key, UnlockedKey)
    try:
        open_store(key, migrate=False).close()
    except StoreCorrupted:
        return False
    return True


def cmd_rebuild(args: argparse.Namespace, data_dir: Path, passphrase: Passphrase) -> int:
    from app.services.recovery import rebuild_from_central
    from app.storage.store import unlock_key
    from app.sync.http import HttpTransport

    key = unlock_key(data_dir, passphrase(args))
    rebuilt = rebuild_from_central(key, HttpTransport)
    rebuilt.store.close()
    print(f"De database is opnieuw gemaakt en opnieuw opgehaald; de niet verzonden "
          f"wijzigingen die nog leesbaar waren ({rebuilt.rescued_changes} regels) zijn "
          "meegestuurd.")  # fmt: skip
    if not rebuilt.all_changes_read:
        print("Niet alle niet-verzonden wijzigingen waren nog leesbaar; controleer uw laatste "
              "werk.", file=sys.stderr)  # fmt: skip
    print_sync(rebuilt.report)
    return 0
