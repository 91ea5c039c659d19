"""Every command with bad arguments and bad files, as a table: each case ends in one line that
says what to fix, a non-zero exit and no traceback, and the store's files stay byte for byte
as they were. Run in-process for speed; a sample also runs as real processes."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.cli import main
from app.domain.vocab import Role
from app.services.context import initialise_owner
from app.services.opening import create_store
from app.storage.backup import make_backup
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class World:
    """A store with one client, another store, and files of every kind to point at."""

    tmp: Path
    store_dir: Path
    other_dir: Path
    client_id: str
    a_file: Path
    a_dir: Path

    def damaged_copy(self, damage: Callable[[Path], None]) -> Path:
        copy = self.tmp / f"copy-{len(list(self.tmp.glob('copy-*')))}"
        shutil.copytree(self.store_dir, copy)
        damage(copy)
        return copy


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    from app.services.clients import create_client
    from tests.factories import client_form

    tmp = tmp_path_factory.mktemp("bad-input")
    store = create_store(tmp / "store", PASSPHRASE)
    with store.session() as session:
        actor = initialise_owner(
            session, username="wc", display_name="Werkcoach", role=Role.WORK_COACH, team_name="T"
        )
    with store.session(actor.caseworker_id) as session:
        client_id = create_client(session, actor, client_form())
    make_backup(store)  # today's backup exists: opening the store adds no file
    store.close()
    create_store(tmp / "other", PASSPHRASE).close()
    a_file = tmp / "a-file.txt"
    a_file.write_text("geen map")
    a_dir = tmp / "a-dir"
    a_dir.mkdir()
    return World(tmp, tmp / "store", tmp / "other", client_id, a_file, a_dir)


@dataclass
class Case:
    name: str
    argv: Callable[[World], list[str]]
    says: str = ""  # a fragment the one line must hold
    stdin: str = ""
    env: dict[str, str] = field(default_factory=dict)
    data: Callable[[World], Path] | None = None  # the data dir (default: the world's store)


def _key(change: Callable[[dict], object]) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        data = json.loads((folder / "trede.key").read_text())
        changed = change(data)
        (folder / "trede.key").write_text(json.dumps(changed if changed is not None else data))

    return damage


def _kdf(**values: object) -> Callable[[Path], None]:
    return _key(lambda data: data["kdf"].update(values))


def _write(name: str, content: bytes) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        target.unlink(missing_ok=True)
        target.write_bytes(content)

    return damage


def _remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _as_dir(name: str) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()

    return damage


def _truncate(folder: Path) -> None:
    db = folder / "trede.db"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])


def _first_page(folder: Path) -> None:
    db = folder / "trede.db"
    data = bytearray(db.read_bytes())
    data[50] ^= 0xFF
    db.write_bytes(bytes(data))


def _plain_sqlite(folder: Path) -> None:
    (folder / "trede.db").unlink()
    sqlite3.connect(folder / "trede.db").execute("CREATE TABLE t (a)").connection.commit()


def _foreign(world_other: Callable[[], Path]) -> Callable[[Path], None]:
    return lambda folder: shutil.copy(world_other() / "trede.db", folder / "trede.db")


def _newer(folder: Path) -> None:
    from app.services.opening import unlock_store

    store = unlock_store(folder, PASSPHRASE)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.close()


def copy_of(damage: Callable[[Path], None]) -> Callable[[World], Path]:
    return lambda world: world.damaged_copy(damage)


def _file_of(content: bytes) -> Callable[[World], str]:
    def make(world: World) -> str:
        path = world.tmp / f"file-{hashlib.sha1(content).hexdigest()[:8]}.trede"
        path.write_bytes(content)
        return str(path)

    return make


OUT = "--out"
OK_PDF = lambda w: str(w.tmp / "ok.pdf")  # noqa: E731
CLIENT = lambda w: w.client_id  # noqa: E731
B64_GARBAGE = "!!!not base64!!!"

# fmt: off
CASES = [
    # ---------------------------------------------------------------- arguments
    Case("unknown option", lambda w: ["--bogus"], "unrecognized"),
    Case("unknown command", lambda w: ["fly"], "invalid choice"),
    Case("data dir without value", lambda w: ["--data-dir"], "expected one argument"),
    Case("demo clients not a number", lambda w: ["demo", "--clients", "abc"], "geen aantal"),
    Case("demo clients negative", lambda w: ["demo", "--clients", "-5"], "geen aantal"),
    Case("demo clients absurd", lambda w: ["demo", "--clients", "10000000000"], "geen aantal"),
    Case("demo seed not a number", lambda w: ["demo", "--seed", "x"], "geen aantal"),
    Case("caseload limit not a number", lambda w: ["caseload", "--limit", "abc"], "geen aantal"),
    Case("caseload limit negative", lambda w: ["caseload", "--limit", "-1"], "geen aantal"),
    Case("due limit not a number", lambda w: ["due", "--limit", "veel"], "geen aantal"),
    Case("init without names", lambda w: ["init"], "required"),
    Case(
        "init unknown role",
        lambda w: ["init", "--name", "A", "--username", "a", "--role", "tovenaar"],
        "Onbekende rol",
    ),
    Case(
        "init weak passphrase",
        lambda w: ["init", "--name", "A", "--username", "a"],
        "minstens",
        env={"TREDE_PASSPHRASE": "kort"},
        data=lambda w: w.tmp / "fresh-weak",
    ),
    Case(
        "init over an existing store",
        lambda w: ["init", "--name", "A", "--username", "a"],
        "Er staat al",
    ),
    Case("plan without client", lambda w: ["plan", OUT, OK_PDF(w)], "required"),
    Case("plan without out", lambda w: ["plan", "--client", CLIENT(w)], "required"),
    Case("plan unknown client", lambda w: ["plan", "--client", "nobody", OUT, OK_PDF(w)], ""),
    Case(
        "plan hostile client id",
        lambda w: ["plan", "--client", "' OR 1=1 --", OUT, OK_PDF(w)],
        "",
    ),
    Case("plan very long id", lambda w: ["plan", "--client", "x" * 10000, OUT, OK_PDF(w)], ""),
    Case(
        "plan out folder missing",
        lambda w: ["plan", "--client", CLIENT(w), OUT, str(w.tmp / "nope" / "p.pdf")],
        "bestaat niet",
    ),
    Case(
        "plan out is a folder",
        lambda w: ["plan", "--client", CLIENT(w), OUT, str(w.a_dir)],
        "is een map",
    ),
    Case(
        "plan out under a file",
        lambda w: ["plan", "--client", CLIENT(w), OUT, str(w.a_file / "p.pdf")],
        "geen map",
    ),
    Case("plan out in /proc", lambda w: ["plan", "--client", CLIENT(w), OUT, "/proc/p.pdf"], ""),
    Case(
        "plan out /dev/full",
        lambda w: ["plan", "--client", CLIENT(w), OUT, "/dev/full"],
        "geen gewoon bestand",
    ),
    Case("plan out /dev/null", lambda w: ["plan", "--client", CLIENT(w), OUT, "/dev/null"], ""),
    Case("export without format", lambda w: ["export", OUT, "x.csv"], "required"),
    Case("export unknown format", lambda w: ["export", "--format", "pdf", OUT, "x"], "choice"),
    Case(
        "export without --yes",
        lambda w: ["export", "--format", "csv", OUT, str(w.tmp / "x.csv")],
        "--yes",
    ),
    Case(
        "export out folder missing",
        lambda w: ["export", "--format", "csv", "--yes", OUT, str(w.tmp / "no" / "x.csv")],
        "bestaat niet",
    ),
    Case(
        "export out is a folder",
        lambda w: ["export", "--format", "xlsx", "--yes", OUT, str(w.a_dir)],
        "is een map",
    ),
    Case(
        "export out a device",
        lambda w: ["export", "--format", "csv", "--yes", OUT, "/dev/null"],
        "geen gewoon bestand",
    ),
    Case(
        "export out /dev/full",
        lambda w: ["export", "--format", "csv", "--yes", OUT, "/dev/full"],
        "geen gewoon bestand",
    ),
    Case(
        "transfer without client",
        lambda w: ["export", "--format", "transfer", OUT, str(w.tmp / "t.trede")],
        "--client",
    ),
    Case(
        "transfer unknown client",
        lambda w: ["export", "--format", "transfer", "--client", "x", OUT, str(w.tmp / "t.t")],
        "",
    ),
    Case(
        "transfer out in /proc",
        lambda w: ["export", "--format", "transfer", "--client", CLIENT(w), OUT, "/proc/t"],
        "",
    ),
    Case("import without file", lambda w: ["import"], "required"),
    Case("import missing file", lambda w: ["import", str(w.tmp / "none.trede")], ""),
    Case("import a folder", lambda w: ["import", str(w.a_dir)], ""),
    Case("import empty file", lambda w: ["import", _file_of(b"")(w)], ""),
    Case("import garbage", lambda w: ["import", _file_of(os.urandom(5000))(w)], ""),
    Case(
        "import plain sqlite",
        lambda w: ["import", _file_of(b"SQLite format 3\x00" + b"\x00" * 4080)(w)],
        "",
    ),
    Case("import the store itself", lambda w: ["import", str(w.store_dir / "trede.db")], ""),
    Case("import a text file", lambda w: ["import", str(w.a_file)], ""),
    Case("connect without server", lambda w: ["connect", "--username", "a"], "required"),
    Case(
        "connect ftp address",
        lambda w: ["connect", "--server", "ftp://x", "--username", "a"],
        "https://",
        data=lambda w: w.tmp / "fresh-ftp",
    ),
    Case(
        "connect plain http elsewhere",
        lambda w: ["connect", "--server", "http://trede.example.nl", "--username", "a"],
        "https://",
        data=lambda w: w.tmp / "fresh-http",
    ),
    Case(
        "connect with credentials in the address",
        lambda w: ["connect", "--server", "https://a:b@trede.example.nl", "--username", "a"],
        "alleen het adres",
        data=lambda w: w.tmp / "fresh-cred",
    ),
    Case(
        "connect unreachable",
        lambda w: ["connect", "--server", "http://127.0.0.1:9", "--username", "a"],
        "niet bereikbaar",
        data=lambda w: w.tmp / "fresh-unreachable",
    ),
    Case(
        "connect over an existing store",
        lambda w: ["connect", "--server", "http://127.0.0.1:9", "--username", "a"],
        "Er staat al",
    ),
    Case("sync a standalone store", lambda w: ["sync"], "nog niet gekoppeld"),
    Case("rebuild a standalone store", lambda w: ["rebuild"], "niet"),
    Case(
        "passwd wrong old passphrase",
        lambda w: ["passwd"],
        "klopt niet",
        env={"TREDE_PASSPHRASE": "verkeerd-wachtwoord"},
    ),
    Case("subsidy month wrong", lambda w: ["subsidy", "--from", "13-2026", "--to", "2026-12"], ""),
    Case("subsidy without months", lambda w: ["subsidy"], "required"),
    Case(
        "subsidy out missing folder",
        lambda w: ["subsidy", "--from", "2026-01", "--to", "2026-03", OUT, "/nope/s.xlsx"],
        "bestaat niet",
    ),
    Case(
        "subsidy out is a folder",
        lambda w: ["subsidy", "--from", "2026-01", "--to", "2026-03", OUT, str(w.a_dir)],
        "is een map",
    ),
    Case("screenshots into /proc", lambda w: ["screenshots", OUT, "/proc/shots"], ""),
    Case("screenshots onto a file", lambda w: ["screenshots", OUT, str(w.a_file)], "geen map"),
    Case("screenshots clients absurd", lambda w: ["screenshots", OUT, "x", "--clients", "9e9"], ""),
    Case("restore from a missing file", lambda w: ["restore", "--from", "/nope.db"],
         "bestaat niet"),
    Case("restore a whole store unasked", lambda w: ["restore"], "niet beschadigd"),
    Case("no passphrase anywhere", lambda w: ["caseload"], "geen wachtwoord",
         env={"TREDE_PASSPHRASE": "-"}),
    Case("restore from another file", lambda w: ["restore", "--from", str(w.a_file)], "geen"),
    # ---------------------------------------------------------------- the data folder
    Case("data dir is a file", lambda w: ["caseload"], "geen map", data=lambda w: w.a_file),
    Case(
        "data dir is a file for init",
        lambda w: ["init", "--name", "A", "--username", "a"],
        "geen map",
        data=lambda w: w.a_file,
    ),
    Case(
        "data dir in /proc",
        lambda w: ["init", "--name", "A", "--username", "a"],
        "",
        data=lambda w: Path("/proc/trede"),
    ),
    Case("data dir missing", lambda w: ["caseload"], "nog geen", data=lambda w: w.tmp / "none"),
    Case("data dir empty", lambda w: ["caseload"], "nog geen", data=lambda w: w.a_dir),
    Case("data dir a device", lambda w: ["caseload"], "", data=lambda w: Path("/dev/null")),
    Case(
        "restore without backups", lambda w: ["restore"], "reservekopie", data=lambda w: w.other_dir
    ),
    # ---------------------------------------------------------------- damaged key files
    Case(
        "key bad base64 salt",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_kdf(salt=B64_GARBAGE)),
    ),
    Case(
        "key bad base64 wrapped key",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_key(lambda d: d.update(wrapped_key=B64_GARBAGE))),
    ),
    Case(
        "key bad base64 nonce",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_key(lambda d: d.update(nonce="%%%"))),
    ),
    Case(
        "key absurd memory",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_kdf(memory_kib=2**40)),
    ),
    Case(
        "key absurd time cost",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_kdf(time_cost=10**9)),
    ),
    Case(
        "key zero parallelism",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_kdf(parallelism=0)),
    ),
    Case(
        "key memory as text",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_kdf(memory_kib="veel")),
    ),
    Case("key other kdf", lambda w: ["caseload"], "beschadigd", data=copy_of(_kdf(name="md5"))),
    Case(
        "key unknown field", lambda w: ["caseload"], "beschadigd", data=copy_of(_kdf(rounds=3))
    ),
    Case(
        "key short salt",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_kdf(salt=base64.b64encode(b"ab").decode())),
    ),
    Case(
        "key store id not an id",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_key(lambda d: d.update(store_id="../../etc"))),
    ),
    Case(
        "key newer format",
        lambda w: ["caseload"],
        "nieuwere",
        data=copy_of(_key(lambda d: d.update(format=2))),
    ),
    Case(
        "key a JSON list",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_key(lambda d: [1, 2])),
    ),
    Case("key empty", lambda w: ["caseload"], "beschadigd", data=copy_of(_write("trede.key", b""))),
    Case(
        "key binary",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_write("trede.key", os.urandom(300))),
    ),
    Case(
        "key huge",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_write("trede.key", b"{" * 300_000)),
    ),
    Case("key a folder", lambda w: ["caseload"], "", data=copy_of(_as_dir("trede.key"))),
    Case("key missing", lambda w: ["caseload"], "nog geen", data=copy_of(_remove("trede.key"))),
    # ---------------------------------------------------------------- damaged databases
    Case("db missing", lambda w: ["caseload"], "nog geen", data=copy_of(_remove("trede.db"))),
    Case("db empty", lambda w: ["caseload"], "", data=copy_of(_write("trede.db", b""))),
    Case("db truncated", lambda w: ["caseload"], "beschadigd", data=copy_of(_truncate)),
    Case(
        "db garbage",
        lambda w: ["caseload"],
        "beschadigd",
        data=copy_of(_write("trede.db", os.urandom(40960))),
    ),
    Case("db plain sqlite", lambda w: ["caseload"], "beschadigd", data=copy_of(_plain_sqlite)),
    Case(
        "db of another store",
        lambda w: ["caseload"],
        "hoort niet",
        data=lambda w: w.damaged_copy(_foreign(lambda: w.other_dir)),
    ),
    Case("db newer schema", lambda w: ["caseload"], "nieuwere", data=copy_of(_newer)),
    Case("db a folder", lambda w: ["caseload"], "", data=copy_of(_as_dir("trede.db"))),
    Case("db first page flipped", lambda w: ["caseload"], "beschadigd", data=copy_of(_first_page)),
    # ---------------------------------------------------------------- keyring and passphrase
    Case("keyring file garbled", lambda w: ["caseload"], "beschadigd", env={"KEYRING": "garbled"}),
    Case("keyring file a list", lambda w: ["caseload"], "beschadigd", env={"KEYRING": "list"}),
    Case(
        "keyring without the secret",
        lambda w: ["caseload"],
        "apparaatgeheim",
        env={"KEYRING": "empty"},
    ),
    Case(
        "wrong passphrase",
        lambda w: ["caseload"],
        "klopt niet",
        env={"TREDE_PASSPHRASE": "niet-het-goede"},
    ),
    Case("empty passphrase", lambda w: ["caseload"], "klopt niet", env={"TREDE_PASSPHRASE": ""}),
    Case(
        "passphrase on stdin wrong",
        lambda w: ["caseload"],
        "klopt niet",
        stdin="fout\n",
        env={"TREDE_PASSPHRASE": "-"},
    ),
]
# fmt: on


def _store_files(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
        if p.is_file() and p.name.startswith("trede.")
    }


def _keyring(kind: str, tmp: Path) -> str:
    path = tmp / f"keyring-{kind}.json"
    if kind == "garbled":
        path.write_text("{ not json")
    elif kind == "list":
        path.write_text("[1, 2, 3]")
    else:
        path.write_text("{}")
    return str(path)


def _prepare(case: Case, world: World, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(world.tmp / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(world.tmp / "share"))
    monkeypatch.setenv("TREDE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TREDE_ACCOUNT_PASSWORD", "wachtwoord-van-test")
    for name, value in case.env.items():
        if name == "KEYRING":
            import keyring.core

            from app.storage.insecure_keyring import InsecureDemoKeyring

            garbled = InsecureDemoKeyring(Path(_keyring(value, world.tmp)))
            monkeypatch.setenv("TREDE_INSECURE_KEYRING_FILE", str(garbled.path))
            monkeypatch.setattr(keyring.core, "_keyring_backend", garbled)
        elif value == "-":
            monkeypatch.delenv(name)
        else:
            monkeypatch.setenv(name, value)
    return case.data(world) if case.data is not None else world.store_dir


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gets_one_line_and_changes_nothing(
    case: Case,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data_dir = _prepare(case, world, monkeypatch)
    before = _store_files(data_dir)
    monkeypatch.setattr(sys, "stdin", io.StringIO(case.stdin))
    try:
        code = main(["--data-dir", str(data_dir), *case.argv(world)])
    except SystemExit as exit_:  # argparse's refusals
        code = exit_.code if isinstance(exit_.code, int) else 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert code != 0, (out, err)
    assert "Traceback" not in out + err
    assert len(lines) == 1, err
    assert case.says.lower() in lines[0].lower(), lines[0]
    assert _store_files(data_dir) == before


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 97  # the 57 and at least 40 more


SAMPLE = ["plan out /dev/full", "key absurd memory", "db truncated", "data dir is a file",
          "connect plain http elsewhere", "import garbage", "unknown option"]  # fmt: skip


@pytest.mark.parametrize("name", SAMPLE)
def test_as_a_real_process_too(name: str, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    case = next(case for case in CASES if case.name == name)
    data_dir = _prepare(case, world, monkeypatch)
    before = _store_files(data_dir)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *case.argv(world)],
        input=case.stdin, capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")},
    )  # fmt: skip
    assert done.returncode != 0
    assert "Traceback" not in done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert _store_files(data_dir) == before


def test_demo_clients_never_go_into_a_real_store(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = Case("demo into a real store", lambda w: ["demo", "--clients", "3"], "geen demodatabase")
    data_dir = _prepare(case, world, monkeypatch)
    before = _store_files(data_dir)
    code = main(["--data-dir", str(data_dir), *case.argv(world)])
    _out, err = capsys.readouterr()
    assert code == 2 and err.strip().splitlines() == [err.strip()] and case.says in err
    assert PASSPHRASE not in err
    assert _store_files(data_dir) == before
