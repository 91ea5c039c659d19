"""schemathesis against the central store's own OpenAPI document: generated requests (valid
and invalid) to every operation, through the real server, must get only documented answers
of the documented shape, and never a server error."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from app.domain.vocab import Role
from tests.sync.harness import USER_PASSWORD, CentralServer, add_user, running_central

# CI runs this many cases per operation; TREDE_SCHEMATHESIS_EXAMPLES raises it for a long run.
EXAMPLES = int(os.environ.get("TREDE_SCHEMATHESIS_EXAMPLES", "60"))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CentralServer, str]]:
    folder: Path = tmp_path_factory.mktemp("schemathesis")
    with running_central(f"sqlite:///{folder / 'central.db'}") as server:
        server.store.create_team("Team", "hengelo")
        add_user(server.store, "wc.a", Role.WORK_COACH, "Team")
        token, _device = server.store.login("wc.a", USER_PASSWORD, "schemathesis")
        yield server, token


def _operations(server: CentralServer) -> list[schemathesis.APIOperation]:
    api = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    return [result.ok() for result in api.get_all_operations()]


@pytest.mark.parametrize("mode", list(schemathesis.GenerationMode), ids=lambda m: m.value)
def test_every_answer_is_documented(
    served: tuple[CentralServer, str], mode: schemathesis.GenerationMode
) -> None:
    server, token = served
    headers = {"Authorization": f"Bearer {token}"}
    operations = _operations(server)
    assert {op.path for op in operations} >= {"/v1/login", "/v1/push", "/v1/pull", "/v1/digests"}
    for operation in operations:
        if mode is schemathesis.GenerationMode.NEGATIVE and operation.method.upper() == "GET":
            continue  # nothing to make invalid in a request without parameters

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers)

        conforms()
