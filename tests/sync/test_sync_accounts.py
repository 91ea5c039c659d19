"""Accounts on the central store: failed logins back off per account and per address and
are kept in the login trail, Argon2 runs a bounded number at a time, and tokens expire
unless a sync renews them; a revoked or expired token answers as documented."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from app.domain.vocab import Role
from app.models import utc_now
from app.services.sync import run_sync
from app.sync.errors import LoginRequired
from app.sync.http import HttpTransport
from central import accounts as central_accounts
from central import tables as t
from tests.sync.harness import USER_PASSWORD, CentralServer, add_user, auth_headers, new_laptop


def _login(central: CentralServer, username: str, password: str) -> httpx.Response:
    return httpx.post(
        f"{central.url}/v1/login",
        json={"username": username, "password": password, "device_name": "test"},
        timeout=30,
    )


def test_failed_logins_back_off_per_account_and_are_kept_in_the_trail(
    central: CentralServer,
) -> None:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    free = central_accounts.FREE_FAILURES_ACCOUNT
    for _attempt in range(free - 1):
        assert _login(central, "wc.a", "fout").status_code == 401
    refused = _login(central, "wc.a", "fout")
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert int(refused.headers["Retry-After"]) >= 1
    # while the back-off lasts, the right password does not help a guesser either
    assert _login(central, "wc.a", USER_PASSWORD).status_code == 429
    with central.store.engine.connect() as conn:
        outcomes = [
            row.outcome
            for row in conn.execute(
                select(t.auth_events.c.outcome)
                .where(t.auth_events.c.username == "wc.a")
                .order_by(t.auth_events.c.occurred_at)
            )
        ]
    assert outcomes == ["failed"] * free + ["throttled"]
    # the administrator's new password lifts the back-off
    central.store.set_password("wc.a", USER_PASSWORD)
    assert _login(central, "wc.a", USER_PASSWORD).status_code == 200


def test_a_burst_of_concurrent_guesses_gets_no_more_tries_than_one_by_one(
    central: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    free = central_accounts.FREE_FAILURES_ACCOUNT
    answers: list[int] = []
    checked: list[str] = []
    real = central_accounts._hasher

    class Counting:
        def verify(self, hashed: str, password: str) -> object:
            checked.append(password)
            return real.verify(hashed, password)

        def hash(self, password: str) -> object:
            checked.append(password)
            return real.hash(password)

    monkeypatch.setattr(central_accounts, "_hasher", Counting())
    # One moment for the whole burst: the first lock lasts a second, and a busy machine must
    # not let it run out before the last login (no timing in tests).
    moment = central_accounts.utc_now()
    monkeypatch.setattr(central_accounts, "utc_now", lambda: moment)

    def guess(number: int) -> None:
        answers.append(_login(central, "wc.a", f"fout-{number}").status_code)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(3 * free)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    # each guess is counted before its hash, so the burst takes turns like single guesses:
    # only the free ones are checked at all (a right one among the rest would not be either)
    assert sorted(answers) == [401] * (free - 1) + [429] * (2 * free + 1)
    assert len(checked) == free
    assert _login(central, "wc.a", USER_PASSWORD).status_code == 429


def test_failed_logins_back_off_per_address_across_names(central: CentralServer) -> None:
    free = central_accounts.FREE_FAILURES_ADDRESS
    answers = [_login(central, f"bestaat.niet.{n}", "fout").status_code for n in range(free)]
    assert answers[: free - 1] == [401] * (free - 1)
    assert answers[-1] == 429
    assert _login(central, "nog.een.naam", "fout").status_code == 429


def test_at_most_two_argon2_hashes_run_at_once(
    central: CentralServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    running = 0
    most = 0
    lock = threading.Lock()
    real = central_accounts._hasher

    class Counted:
        def _counted(self, work: Callable[[], object]) -> object:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
            try:
                return work()
            finally:
                with lock:
                    running -= 1

        def verify(self, hashed: str, password: str) -> object:
            return self._counted(lambda: real.verify(hashed, password))

        def hash(self, password: str) -> object:
            return self._counted(lambda: real.hash(password))

    monkeypatch.setattr(central_accounts, "_hasher", Counted())
    answers: list[int] = []

    def wrong_login(number: int) -> None:
        answers.append(_login(central, "wc.a", f"fout-{number}").status_code)

    threads = [threading.Thread(target=wrong_login, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert most == central_accounts.ARGON2_SLOTS
    assert set(answers) <= {401, 429}, answers  # never "database is locked"


def test_a_token_expires_unless_a_sync_renews_it(central: CentralServer, tmp_path: Path) -> None:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    laptop = new_laptop(tmp_path, "a", central, "wc.a")
    with central.store.engine.begin() as conn:
        soon = utc_now() + dt.timedelta(minutes=1)
        conn.execute(update(t.devices).values(expires_at=soon))
    laptop.sync()  # a sync moves the expiry on by the token lifetime
    with central.store.engine.connect() as conn:
        (expires_at,) = conn.execute(select(t.devices.c.expires_at)).one()
    assert expires_at > utc_now() + central.store.accounts.token_ttl - dt.timedelta(minutes=5)
    with central.store.engine.begin() as conn:
        conn.execute(update(t.devices).values(expires_at=utc_now() - dt.timedelta(seconds=1)))
    answer = httpx.post(f"{central.url}/v1/pull", json={"cursor": 0}, headers=auth_headers(laptop))
    assert answer.status_code == 401
    assert answer.json()["code"] == "token_expired"
    with pytest.raises(LoginRequired, match="verlopen"):
        run_sync(laptop.store, HttpTransport)
    laptop.close()


def test_a_revoked_device_answers_410_with_the_wipe_code(
    central: CentralServer, tmp_path: Path
) -> None:
    central.store.create_team("Team", "hengelo")
    add_user(central.store, "wc.a", Role.WORK_COACH, "Team")
    laptop = new_laptop(tmp_path, "a", central, "wc.a")
    headers = auth_headers(laptop)
    central.store.revoke("wc.a")
    for path, body in (("/v1/pull", {"cursor": 0}), ("/v1/push", {"changes": []})):
        answer = httpx.post(f"{central.url}{path}", json=body, headers=headers)
        assert answer.status_code == 410
        assert answer.json()["code"] == "device_revoked"
    laptop.close()
