"""The command line: the GUI by default, and headless subcommands for scripts and support."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from app import APP_NAME, __version__, cli_files, cli_lists, cli_store
from app.logging_setup import configure_logging
from app.paths import DEMO_PASSPHRASE, default_data_dir, default_log_dir
from app.services.errors import ServiceError, ValidationFailed
from app.storage.errors import StoreCorrupted, StoreError, StoreNotFound, WrongPassphrase
from app.sync.errors import SyncError

if TYPE_CHECKING:
    from app.storage.store import Store

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "TREDE_PASSPHRASE"
MAX_DEMO_CLIENTS = 200_000


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line refusal: what is wrong and where the help is."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (zie '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="main.py",
        description=f"{APP_NAME}: het offline werkdossier voor re-integratie. "
        "Zonder opdracht start de grafische toepassing.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", type=Path, help="map met de versleutelde database")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="gebruik de demodatabase (gegenereerde klanten; aangemaakt als die er nog niet is)",
    )
    parser.add_argument("--verbose", action="store_true", help="meer logregels")
    parser.add_argument(
        "--debug", action="store_true", help="toon bij een onverwachte fout de technische details"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="controleer zonder venster of alle onderdelen er zijn (tijdelijke map) en stop",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")

    demo = sub.add_parser("demo", help="maak of vul een demodatabase met gegenereerde klanten")
    demo.add_argument(
        "--clients",
        type=cli_lists.count(MAX_DEMO_CLIENTS),
        default=1000,
        help="aantal klanten (standaard 1000)",
    )
    demo.add_argument(
        "--seed", type=cli_lists.count(2**31), default=2026, help="startwaarde van de generator"
    )

    caseload = sub.add_parser("caseload", help="toon de caseload in de terminal")
    caseload.add_argument("--team", action="store_true", help="de caseload van het hele team")
    caseload.add_argument(
        "--limit", type=cli_lists.count(10**6), default=50, help="ten hoogste zoveel regels"
    )

    init = sub.add_parser("init", help="maak een nieuwe, lege versleutelde database")
    init.add_argument("--name", required=True, help="uw naam zoals collega's die zien")
    init.add_argument("--username", required=True, help="uw gebruikersnaam")
    init.add_argument("--role", default="work_coach", help="uw rol (bijv. work_coach, team_lead)")
    init.add_argument("--team", default="Mijn team", help="de naam van uw team")

    sub.add_parser("passwd", help="wijzig het wachtwoord van de database")

    plan = sub.add_parser("plan", help="schrijf het plan van aanpak van een klant als PDF")
    plan.add_argument("--client", required=True, help="het id van de klant")
    plan.add_argument("--out", type=Path, required=True, help="het PDF-bestand")
    plan.add_argument("--issue", action="store_true", help="geef eerst een nieuwe versie uit")
    plan.add_argument("--draft", action="store_true", help="druk het concept af, niet de versie")

    export = sub.add_parser("export", help="exporteer de caseload als CSV of XLSX")
    export.add_argument("--format", choices=["csv", "xlsx", "transfer"], required=True)
    export.add_argument(
        "--client",
        action="append",
        default=[],
        help="(transfer) het id van een klant; herhaal voor meer klanten",
    )
    export.add_argument("--out", type=Path, required=True, help="het bestand")
    export.add_argument("--team", action="store_true", help="de caseload van het hele team")
    export.add_argument(
        "--without-personal-data",
        action="store_true",
        help="zonder BSN, namen, geboortedatum en postcode",
    )
    export.add_argument("--include-closed", action="store_true", help="ook afgesloten klanten")
    export.add_argument(
        "--yes", action="store_true", help="niet vragen: ik weet dat het bestand onversleuteld is"
    )

    importer = sub.add_parser("import", help="lees een overdrachtsbestand in (warme overdracht)")
    importer.add_argument("file", type=Path, help="het overdrachtsbestand")

    connect = sub.add_parser(
        "connect",
        help="maak een nieuwe database gekoppeld aan de centrale server en haal de caseload op "
        "(wachtwoord van het account uit TREDE_ACCOUNT_PASSWORD of een vraag)",
    )
    connect.add_argument("--server", required=True, help="adres, bijv. https://trede.gemeente.nl")
    connect.add_argument("--username", required=True, help="uw gebruikersnaam op de server")

    sub.add_parser("sync", help="synchroniseer nu met de centrale server")

    cli_store.add_parsers(sub)

    cli_lists.add_parsers(sub)

    shots = sub.add_parser("screenshots", help="maak schermafbeeldingen van elk hoofdscherm")
    shots.add_argument("--out", type=Path, required=True, help="map voor de PNG-bestanden")
    shots.add_argument(
        "--clients", type=cli_lists.count(5000), default=400, help="aantal demoklanten"
    )
    return parser


def _is_demo(args: argparse.Namespace) -> bool:
    return bool(args.demo or args.command == "demo")


def _data_dir(args: argparse.Namespace) -> Path:
    from app.storage.unlocking import check_data_dir

    return check_data_dir(args.data_dir or default_data_dir(demo=_is_demo(args)))


def _checked_out(args: argparse.Namespace) -> None:
    """Refuse an unusable --out before any work (and before the passphrase is asked)."""
    from app.storage.files import check_output_file, check_output_folder

    out = getattr(args, "out", None)
    if out is not None:
        if args.command == "screenshots":
            check_output_folder(out)
        else:
            check_output_file(out)


def _read_passphrase(prompt: str) -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:  # no terminal and nothing on standard input
        raise WrongPassphrase(
            "Er is geen wachtwoord gegeven: typ het in een terminal, of geef het via "
            f"standaardinvoer of de omgevingsvariabele {PASSPHRASE_ENV}."
        )
    return line.rstrip("\r\n")


def _passphrase_for(args: argparse.Namespace, prompt: str = "Wachtwoord: ") -> str:
    return _demo_passphrase() if _is_demo(args) else _read_passphrase(prompt)


def _demo_passphrase() -> str:
    return os.environ.get(PASSPHRASE_ENV, DEMO_PASSPHRASE)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import ensure_demo_store

    data_dir = _data_dir(args)
    started = time.perf_counter()
    ensure_demo_store(
        data_dir, args.clients, _demo_passphrase(), cli_files.print_progress, seed=args.seed
    )
    print(
        f"Demodatabase in {data_dir}: {args.clients} klanten toegevoegd in "
        f"{time.perf_counter() - started:.1f} s. Wachtwoord van de demo: {_demo_passphrase()}",
        file=sys.stderr,
    )
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from app.domain.vocab import Role
    from app.services.context import initialise_owner
    from app.services.opening import create_store
    from app.storage.store import passphrase_problem

    try:
        role = Role(args.role)
    except ValueError:
        print(
            f"Onbekende rol '{args.role}'; kies uit: {', '.join(r.value for r in Role)}.",
            file=sys.stderr,
        )
        return 2
    passphrase = _read_passphrase("Nieuw wachtwoord: ")
    problem = passphrase_problem(passphrase)
    if problem:
        print(problem, file=sys.stderr)
        return 2

    def own(store: Store) -> None:
        with store.session() as session:
            initialise_owner(
                session,
                username=args.username,
                display_name=args.name,
                role=role,
                team_name=args.team,
            )

    create_store(_data_dir(args), passphrase, setup=own).close()
    print(f"Nieuwe database gemaakt in {_data_dir(args)}.", file=sys.stderr)
    return 0


def cmd_connect(args: argparse.Namespace) -> int:
    from app.services.sync import connect_new_store
    from app.sync.http import HttpTransport

    passphrase = _read_passphrase("Nieuw wachtwoord voor de database op deze laptop: ")
    account = os.environ.get("TREDE_ACCOUNT_PASSWORD") or getpass.getpass(
        "Wachtwoord van uw account op de server: "
    )
    # a failure leaves no store: it was made in a staging folder that is discarded
    store, report = connect_new_store(
        _data_dir(args),
        passphrase,
        server_url=args.server,
        username=args.username,
        password=account,
        transport_factory=HttpTransport,
    )
    store.close()
    cli_store.print_sync(report)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from app.services.sync import run_sync
    from app.sync.client import RemoteWipe, SyncError
    from app.sync.http import HttpTransport

    store = _open_store(args)
    try:
        report = run_sync(store, HttpTransport)
    except RemoteWipe as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except SyncError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        store.close()
    cli_store.print_sync(report)
    return 0


def _open_store(args: argparse.Namespace) -> Store:
    """Unlock the store of --data-dir (with --demo: the demo store, made when missing), and
    make the day's backup if there is none yet."""
    from app.services.demo import ensure_demo_store
    from app.services.opening import unlock_store
    from app.storage.backup import backup_if_due
    from app.storage.store import StorePaths

    data_dir = _data_dir(args)
    if args.demo and not StorePaths(data_dir).exists():
        ensure_demo_store(data_dir, 1000, _demo_passphrase(), cli_files.print_progress)
    store = unlock_store(data_dir, _passphrase_for(args))
    try:
        backup_if_due(store)
    except (OSError, StoreError):  # a full disk must not stop the work; tried again next time
        log.warning("the daily backup was not made", exc_info=True)
    return store


def cmd_passwd(args: argparse.Namespace) -> int:
    from app.storage.store import change_passphrase

    old = _read_passphrase("Huidig wachtwoord: ")
    new = _read_passphrase("Nieuw wachtwoord: ")
    change_passphrase(_data_dir(args), old, new)
    print("Het wachtwoord is gewijzigd.", file=sys.stderr)
    return 0


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def cmd_gui(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    if not _has_display():
        print(
            "Geen beeldscherm gevonden (DISPLAY of WAYLAND_DISPLAY ontbreekt), dus geen "
            "venster. Hieronder de caseload in de terminal; start Trede op een computer met "
            "beeldscherm voor de grafische toepassing.",
            file=sys.stderr,
        )
        args.team, args.limit = True, 25
        return cli_lists.cmd_caseload(args, _open_store(args))
    from app.ui.application import run_gui

    return run_gui(data_dir, demo=args.demo)


def cmd_screenshots(args: argparse.Namespace) -> int:
    try:
        from app.devtools.screenshots import render_screenshots
    except ModuleNotFoundError as missing:  # the installed bundle leaves the tools out
        if missing.name not in {"app.devtools", "app.devtools.screenshots"}:
            raise
        print("Schermafbeeldingen maken kan alleen vanuit de broncode (main.py).")
        return 2

    for path in render_screenshots(args.out, clients=args.clients):
        print(path)
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui,
    "demo": cmd_demo,
    "caseload": lambda args: cli_lists.cmd_caseload(args, _open_store(args)),
    "init": cmd_init,
    "passwd": cmd_passwd,
    "screenshots": cmd_screenshots,
    "plan": lambda args: cli_files.cmd_plan(args, lambda: _open_store(args)),
    "export": lambda args: cli_files.cmd_export(args, lambda: _open_store(args)),
    "import": lambda args: cli_files.cmd_import(args, lambda: _open_store(args), _read_passphrase),
    "connect": cmd_connect,
    "sync": cmd_sync,
    "backup": lambda args: cli_store.cmd_backup(_open_store(args)),
    "restore": lambda args: cli_store.cmd_restore(args, _data_dir(args), _passphrase_for),
    "rebuild": lambda args: cli_store.cmd_rebuild(args, _data_dir(args), _passphrase_for),
    "due": lambda args: cli_lists.cmd_due(args, _open_store(args)),
    "subsidy": lambda args: cli_lists.cmd_subsidy(args, _open_store(args)),
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from app.selftest import run_self_test

        return run_self_test()
    if os.name == "posix":
        os.umask(0o077)  # every file and folder Trede makes is its user's only
    try:
        log_file = configure_logging(default_log_dir(), verbose=args.verbose)
    except OSError:
        log_file = configure_logging(None, verbose=args.verbose)
    from app.storage.secrets import use_demo_fallback_if_no_secure_backend

    insecure = _is_demo(args) and use_demo_fallback_if_no_secure_backend()
    try:
        _checked_out(args)
        code = COMMANDS[args.command](args)
        if insecure and code == 0:  # said after the work, so that a refusal stays one line
            print(
                "Let op: geen veilige sleutelbos gevonden; de demo bewaart zijn apparaatgeheim "
                "ONVEILIG in een bestand. Alleen voor gegenereerde demodata.",
                file=sys.stderr,
            )
        return code
    except StoreNotFound as exc:
        print(f"{exc} Maak er een met 'python main.py init' of probeer '--demo'.", file=sys.stderr)
        return 2
    except StoreCorrupted as exc:
        print(f"{exc} {cli_store.DAMAGED_HINT}", file=sys.stderr)
        return 2
    except ValidationFailed as exc:  # what to fix, without the form's "Niet opgeslagen"
        print(" ".join(" ".join(exc.problems.values()).split()), file=sys.stderr)
        return 2
    except (StoreError, ServiceError, SyncError) as exc:
        print(" ".join(str(exc).split()), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except OSError as exc:
        log.warning("a file could not be used: %s", type(exc).__name__)
        if args.debug:
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        print(
            f"Een bestand of map kon niet worden gebruikt{where}: {exc.strerror or exc}. "
            "Er is niets verloren.",
            file=sys.stderr,
        )
        return 2
    except Exception:
        log.exception("unexpected error in command %s", args.command or "gui")
        if args.debug:
            raise
        where = (
            f"de details staan in {log_file} (of gebruik --debug)"
            if log_file
            else ("gebruik --debug voor de details")
        )
        print(f"Er ging iets onverwachts mis. Er is niets verloren; {where}.", file=sys.stderr)
        return 70
