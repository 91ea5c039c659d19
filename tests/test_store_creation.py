"""Making a store where an earlier attempt, a crash or another file left something behind:
only what provably belongs to an unfinished store is deleted, lone files (a stale WAL too)
are moved aside, and the new store is whole."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.services.opening import create_store, unlock_store
from app.storage import secrets as keyring_secrets
from app.storage.errors import StoreAlreadyExists
from app.storage.store import StorePaths, discard_unfinished
from app.storage.unlocking import STAGING_MARKER, device_secret_name
from tests.conftest import PASSPHRASE


def test_a_stale_wal_is_moved_aside_not_replayed_onto_the_new_store(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "trede.db-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 4000)
    create_store(folder, PASSPHRASE).close()
    unlock_store(folder, PASSPHRASE).close()  # whole
    assert list(folder.glob("trede.db-wal.zonder-paar-*"))


def test_a_lone_database_is_kept_aside_when_a_new_store_is_made(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    create_store(folder, PASSPHRASE).close()
    (folder / "trede.key").unlink()  # the key file lost
    create_store(folder, PASSPHRASE).close()
    assert len(list(folder.glob("trede.db.zonder-paar-*"))) == 1


def test_an_unfinished_creation_is_removed_with_its_secrets(tmp_path: Path) -> None:
    folder = tmp_path / "store"

    def crash(_store: object) -> None:
        raise KeyboardInterrupt  # stands in for a kill: the clean-up below is the next run's

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("app.storage.store.discard_unfinished", lambda _paths: None)
        with pytest.raises(KeyboardInterrupt):
            create_store(folder, PASSPHRASE, setup=crash)
    paths = StorePaths(folder)
    store_id = (paths.staging / STAGING_MARKER).read_text().strip()
    assert keyring_secrets.get_secret(device_secret_name(store_id)) is not None
    create_store(folder, PASSPHRASE).close()
    assert keyring_secrets.get_secret(device_secret_name(store_id)) is None
    assert not paths.staging.exists()


def test_a_staging_folder_beside_a_store_without_its_key_deletes_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "store"
    create_store(folder, PASSPHRASE).close()
    paths = StorePaths(folder)
    database = paths.database.read_bytes()
    paths.key_file.unlink()
    paths.staging.mkdir()  # as an interrupted rebuild leaves it: no marker, no key inside
    discard_unfinished(paths)
    kept = list(folder.glob("trede.db.zonder-paar-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == database


def test_a_complete_store_is_never_touched(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    store = create_store(folder, PASSPHRASE)
    store_id = store.store_id
    store.close()
    paths = StorePaths(folder)
    paths.staging.mkdir()
    (paths.staging / STAGING_MARKER).write_text(store_id)  # the move finished, the clean-up not
    with pytest.raises(StoreAlreadyExists):
        create_store(folder, PASSPHRASE)
    discard_unfinished(paths)
    assert keyring_secrets.get_secret(device_secret_name(store_id)) is not None
    unlock_store(folder, PASSPHRASE).close()


def test_without_a_log_folder_nothing_reaches_the_terminal_unredacted(
    capfd: pytest.CaptureFixture[str],
) -> None:
    from app.logging_setup import configure_logging

    root = logging.getLogger()
    saved = list(root.handlers)
    try:
        configure_logging(None)
        try:
            raise ValueError("Jan de Vries, geboren 01-05-1980")
        except ValueError:
            logging.getLogger("trede.test").exception("failed")
        out, err = capfd.readouterr()
        assert "Jan de Vries" not in out + err and "1980" not in out + err
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved:
            root.addHandler(handler)


def test_a_demo_store_reads_no_transfer_file_and_links_to_no_server(tmp_path: Path) -> None:
    from app.domain.vocab import Role
    from app.services.context import DEMO_SETTING, initialise_owner, set_setting
    from app.services.errors import AccessDenied
    from app.services.sync import link_store
    from app.services.transfer import TransferError, import_transfer

    store = create_store(tmp_path / "demo", PASSPHRASE, demo=True)
    with store.session() as session:
        actor = initialise_owner(
            session, username="d", display_name="Demo", role=Role.WORK_COACH, team_name="T"
        )
        set_setting(session, DEMO_SETTING, "1")
    with pytest.raises(TransferError, match="demodatabase"), store.session() as session:
        import_transfer(session, actor, tmp_path / "any.trede", "wachtwoord")
    with pytest.raises(AccessDenied, match="demodatabase"):
        link_store(
            store,
            server_url="https://trede.example.nl",
            username="d",
            password="x",
            device_name="laptop",
            transport_factory=lambda _u, _t: None,
        )
    store.close()


def test_an_interrupted_write_leaves_nothing_for_long(tmp_path: Path) -> None:
    from app.storage.files import check_output_file

    target = tmp_path / "caseload.csv"
    leftover = tmp_path / ".caseload.csv.0a1b2c3d.tmp"  # what a kill during the write left
    leftover.write_text("bsn;naam")
    unrelated = tmp_path / ".other.csv.0a1b2c3d.tmp"
    unrelated.write_text("x")
    check_output_file(target)
    assert not leftover.exists() and unrelated.exists()
