"""`python -m central --db URL <command>`: serve the sync API, or administer accounts, teams
and assignments. SQLite (`sqlite:///central.db`) serves one office or a demo."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app.domain.vocab import Role
from app.logging_setup import configure_logging
from central.accounts import DEFAULT_TOKEN_DAYS
from central.db import CentralSchemaError, central_engine, upgrade
from central.store import AdminError, CentralStore

DEFAULT_DB = "sqlite:///trede-central.db"


def _password(prompt: str) -> str:
    from_env = os.environ.get("TREDE_CENTRAL_PASSWORD")
    if from_env:
        return from_env
    first = getpass.getpass(prompt)
    if getpass.getpass("Nogmaals: ") != first:
        raise AdminError("de wachtwoorden zijn niet gelijk")
    return first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m central", description=__doc__)
    parser.add_argument(
        "--db",
        default=os.environ.get("TREDE_CENTRAL_DB", DEFAULT_DB),
        help="database URL: postgresql://user@host/db or sqlite:///file.db",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the sync API (TLS is terminated in front)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument(
        "--token-days",
        type=int,
        default=int(os.environ.get("TREDE_TOKEN_DAYS", DEFAULT_TOKEN_DAYS)),
        help="a device token expires after this many days without a sync (default 30)",
    )
    serve.add_argument(
        "--require-https",
        action="store_true",
        help="refuse requests that did not come through HTTPS (X-Forwarded-Proto)",
    )
    commands.add_parser("migrate", help="bring the schema up to date")
    team = commands.add_parser("team", help="create a team")
    team.add_argument("name")
    team.add_argument("--municipality")
    user = commands.add_parser(
        "user", help="create an account (password from a prompt or TREDE_CENTRAL_PASSWORD)"
    )
    user.add_argument("username")
    user.add_argument("--name", required=True, help="display name")
    user.add_argument("--role", required=True, choices=[role.value for role in Role])
    user.add_argument("--team", required=True)
    user.add_argument("--admin", action="store_true")
    password = commands.add_parser("password", help="set a new password (also un-revokes)")
    password.add_argument("username")
    assign = commands.add_parser("assign", help="assign or transfer a client to a user")
    assign.add_argument("client_id")
    assign.add_argument("--to", required=True, help="username")
    assign.add_argument("--reason", default="Overdracht")
    demo = commands.add_parser(
        "demo",
        help="fill an empty central store with generated clients (password from a "
        "prompt or TREDE_CENTRAL_PASSWORD; log in as demo.teamleider)",
    )
    demo.add_argument("--clients", type=int, default=1000)
    revoke = commands.add_parser("revoke", help="revoke an account or one device (remote wipe)")
    revoke.add_argument("username")
    revoke.add_argument("--device", help="only this device id")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    configure_logging(None, console=True)
    engine = central_engine(args.db)
    try:
        upgrade(engine)
    except CentralSchemaError as exc:
        engine.dispose()
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    store = CentralStore(engine, token_days=getattr(args, "token_days", DEFAULT_TOKEN_DAYS))
    try:
        if args.command == "serve":
            import uvicorn

            from central.api import create_app

            app = create_app(store, require_https=args.require_https)
            # log_config=None: uvicorn's loggers go through the redacting handler too
            uvicorn.run(app, host=args.host, port=args.port, log_config=None, log_level="warning")
        elif args.command == "migrate":
            print("schema is up to date")
        elif args.command == "team":
            print(store.create_team(args.name, args.municipality))
        elif args.command == "user":
            print(
                store.create_user(
                    username=args.username,
                    display_name=args.name,
                    role=Role(args.role),
                    team=args.team,
                    password=_password("Wachtwoord: "),
                    is_admin=args.admin,
                )
            )
        elif args.command == "password":
            store.set_password(args.username, _password("Nieuw wachtwoord: "))
        elif args.command == "assign":
            store.assign_client(args.client_id, args.to, reason=args.reason)
        elif args.command == "demo":
            count = store.seed_demo(args.clients, _password("Wachtwoord voor de demo-accounts: "))
            print(f"{count} rijen klaargezet; meld u aan als demo.teamleider")
        elif args.command == "revoke":
            count = store.revoke(args.username, device_id=args.device)
            print(f"{count} apparaat/apparaten ingetrokken; zij wissen bij het volgende contact")
    except AdminError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
