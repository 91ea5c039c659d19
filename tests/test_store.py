"""The encrypted store: file format, unlocking, passphrase change, refusals."""

import hashlib
import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from app.services.demo import generate_demo
from app.services.opening import create_store, unlock_store
from app.storage import secrets as keyring_secrets
from app.storage.errors import (
    InsecureKeyring,
    MissingDeviceSecret,
    PassphraseTooWeak,
    StoreAlreadyExists,
    StoreDamaged,
    StoreNewerThanApp,
    StoreNotFound,
    WrongPassphrase,
)
from app.storage.insecure_keyring import InsecureDemoKeyring
from app.storage.store import Store, change_passphrase, device_secret_name
from tests.conftest import PASSPHRASE


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    data_dir = tmp_path / "filled"
    store = create_store(data_dir, PASSPHRASE)
    with store.session() as session:
        generate_demo(session, 40)
    with store.session() as session:
        people = [
            tuple(r)
            for r in session.execute(text("SELECT voornamen, achternaam, bsn FROM clients"))
        ]
    store.close()
    return data_dir, people  # type: ignore[return-value]


def test_file_has_no_sqlite_header_and_no_client_data(filled) -> None:  # type: ignore[no-untyped-def]
    data_dir, people = filled
    raw = (data_dir / "trede.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert len(people) == 40
    # Values of 6 bytes or more: a 3-letter name turns up in 500 kB of random bytes by chance.
    checked = [
        value.encode("utf-8")
        for person in people
        for value in person
        if len(value.encode("utf-8")) >= 6
    ]
    assert len(checked) >= 60
    for value in checked:
        assert value not in raw
    key_file = (data_dir / "trede.key").read_text()
    for _, last, bsn in people:
        assert last not in key_file and bsn not in key_file
    assert PASSPHRASE not in key_file


def test_unlock_with_the_right_passphrase(filled) -> None:  # type: ignore[no-untyped-def]
    data_dir, _people = filled
    store = unlock_store(data_dir, PASSPHRASE)
    with store.session() as session:
        assert session.execute(text("SELECT count(*) FROM clients")).scalar() == 40
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store.close()


def test_wrong_passphrase_leaves_the_files_identical(filled) -> None:  # type: ignore[no-untyped-def]
    data_dir, _ = filled
    before = _digest(data_dir)
    with pytest.raises(WrongPassphrase) as raised:
        unlock_store(data_dir, "niet-het-wachtwoord")
    assert "wachtwoord klopt niet" in str(raised.value)
    assert _digest(data_dir) == before


def test_right_passphrase_without_the_device_secret_does_not_open(filled) -> None:  # type: ignore[no-untyped-def]
    data_dir, _ = filled
    store_id = json.loads((data_dir / "trede.key").read_text())["store_id"]
    saved = keyring_secrets.get_secret(device_secret_name(store_id))
    assert saved is not None
    keyring_secrets.delete_secret(device_secret_name(store_id))
    before = _digest(data_dir)
    with pytest.raises(MissingDeviceSecret, match="apparaatgeheim"):
        unlock_store(data_dir, PASSPHRASE)
    # Another laptop's secret under the same name does not open it either.
    keyring_secrets.set_secret(device_secret_name(store_id), "A" * 43 + "=")
    with pytest.raises(WrongPassphrase):
        unlock_store(data_dir, PASSPHRASE)
    assert _digest(data_dir) == before
    keyring_secrets.set_secret(device_secret_name(store_id), saved)
    unlock_store(data_dir, PASSPHRASE).close()


def test_change_passphrase_rewraps_without_reencrypting(filled) -> None:  # type: ignore[no-untyped-def]
    data_dir, _ = filled
    database_before = hashlib.sha256((data_dir / "trede.db").read_bytes()).hexdigest()
    change_passphrase(data_dir, PASSPHRASE, "een-nieuw-wachtwoord")
    assert hashlib.sha256((data_dir / "trede.db").read_bytes()).hexdigest() == database_before
    with pytest.raises(WrongPassphrase):
        unlock_store(data_dir, PASSPHRASE)
    store = unlock_store(data_dir, "een-nieuw-wachtwoord")
    with store.session() as session:
        assert session.execute(text("SELECT count(*) FROM clients")).scalar() == 40
    store.close()


def test_change_passphrase_refusals(filled) -> None:  # type: ignore[no-untyped-def]
    data_dir, _ = filled
    with pytest.raises(WrongPassphrase):
        change_passphrase(data_dir, "fout-wachtwoord", "een-nieuw-wachtwoord")
    with pytest.raises(PassphraseTooWeak, match="minstens 8"):
        change_passphrase(data_dir, PASSPHRASE, "kort")
    unlock_store(data_dir, PASSPHRASE).close()


def test_create_refuses_weak_passphrase_and_existing_store(tmp_path: Path, store: Store) -> None:
    with pytest.raises(PassphraseTooWeak):
        create_store(tmp_path / "other", "1234")
    assert not (tmp_path / "other" / "trede.key").exists()
    with pytest.raises(StoreAlreadyExists):
        create_store(store.paths.data_dir, PASSPHRASE)


def test_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound):
        unlock_store(tmp_path / "nothing", PASSPHRASE)


def test_damaged_key_file(tmp_path: Path, store: Store) -> None:
    store.close()
    store.paths.key_file.write_text("{not json")
    with pytest.raises(StoreDamaged, match="beschadigd"):
        unlock_store(store.paths.data_dir, PASSPHRASE)


def test_flipped_byte_in_wrapped_key_is_refused(store: Store) -> None:
    store.close()
    header = json.loads(store.paths.key_file.read_text())
    wrapped = bytearray(header["wrapped_key"].encode())
    wrapped[5] = ord("A") if wrapped[5] != ord("A") else ord("B")
    header["wrapped_key"] = wrapped.decode()
    store.paths.key_file.write_text(json.dumps(header))
    with pytest.raises((WrongPassphrase, StoreDamaged)):
        unlock_store(store.paths.data_dir, PASSPHRASE)


def test_a_newer_database_is_refused(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    before = _digest(store.paths.data_dir)
    with pytest.raises(StoreNewerThanApp, match="nieuwere versie"):
        unlock_store(store.paths.data_dir, PASSPHRASE)
    assert _digest(store.paths.data_dir) == before


def test_insecure_keyring_is_refused_unless_named(tmp_path: Path) -> None:
    configured = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        with pytest.raises(InsecureKeyring, match="geen veilige sleutelbos"):
            create_store(tmp_path / "insecure", PASSPHRASE)
        assert not (tmp_path / "insecure" / "trede.db").exists()
        assert keyring_secrets.use_demo_fallback_if_no_secure_backend()
        assert keyring_secrets.is_demo_fallback()
    finally:
        keyring.set_keyring(configured)


def test_only_known_secure_backends_are_trusted() -> None:
    from keyring.backends import SecretService, chainer

    class PlaintextKeyring:  # stands in for keyrings.alt.file.PlaintextKeyring
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"

    class LookAlike(SecretService.Keyring):  # a subclass of a secure one is not on the list
        pass

    secure = SecretService.Keyring()
    assert keyring_secrets._is_secure(secure)
    for backend in (PlaintextKeyring(), LookAlike(), fail.Keyring(), InsecureDemoKeyring()):
        assert not keyring_secrets._is_secure(backend)  # type: ignore[arg-type]

    class SubclassOfDemo(InsecureDemoKeyring):
        pass

    assert not keyring_secrets.is_demo_fallback(SubclassOfDemo())
    mixed = chainer.ChainerBackend.__new__(chainer.ChainerBackend)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chainer.ChainerBackend, "backends", [secure, PlaintextKeyring()])
        assert not keyring_secrets._is_secure(mixed)
        patch.setattr(chainer.ChainerBackend, "backends", [secure])
        assert keyring_secrets._is_secure(mixed)


def test_the_demo_keyring_serves_demo_stores_and_real_ones_only_when_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(keyring_secrets.ALLOW_INSECURE_ENV)
    with pytest.raises(InsecureKeyring, match="alleen voor de demo"):
        create_store(tmp_path / "real", PASSPHRASE)
    assert not (tmp_path / "real" / "trede.db").exists()
    create_store(tmp_path / "demo", PASSPHRASE, demo=True).close()
    unlock_store(tmp_path / "demo", PASSPHRASE).close()
    # the demo mark is sealed with the key: setting it on a real store opens nothing
    monkeypatch.setenv(keyring_secrets.ALLOW_INSECURE_ENV, keyring_secrets.DEMO_BACKEND)
    real = create_store(tmp_path / "real", PASSPHRASE)
    real.close()
    monkeypatch.delenv(keyring_secrets.ALLOW_INSECURE_ENV)
    with pytest.raises(InsecureKeyring):
        unlock_store(tmp_path / "real", PASSPHRASE)
    key_file = tmp_path / "real" / "trede.key"
    data = json.loads(key_file.read_text())
    key_file.write_text(json.dumps({**data, "demo": True}))
    with pytest.raises(WrongPassphrase):
        unlock_store(tmp_path / "real", PASSPHRASE)


def test_sessions_roll_back_on_error(store: Store, owner) -> None:  # type: ignore[no-untyped-def]
    from app.models import Team

    with pytest.raises(RuntimeError), store.session(owner.caseworker_id) as session:
        session.add(Team(name="Half"))
        session.flush()
        raise RuntimeError("boom")
    with store.session() as session:
        assert session.execute(text("SELECT count(*) FROM teams WHERE name='Half'")).scalar() == 0


def test_a_store_open_in_one_process_is_refused_to_another(store: Store, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "TREDE_PASSPHRASE": PASSPHRASE, "XDG_STATE_HOME": str(tmp_path)}
    for command in (["caseload"], ["restore", "--yes"], ["passwd"]):
        done = subprocess.run(
            [sys.executable, str(root / "main.py"), "--data-dir", str(store.paths.data_dir),
             *command],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        if command == ["passwd"]:  # re-wrapping the key file does not touch the database
            continue
        assert done.returncode == 2, done.stderr
        assert "al geopend" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    store.close()
    unlock_store(store.paths.data_dir, PASSPHRASE).close()  # the lock went with the close
