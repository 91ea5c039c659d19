"""The HTTP sync protocol (FastAPI): login, push, pull and digests. OpenAPI at /docs."""

import json
import logging
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from app.models import utc_now
from app.sync.wire import PROTOCOL_VERSION
from central.store import MAX_PAGE, MAX_PUSH, AuthFailed, CentralStore, Device, DeviceRevoked

log = logging.getLogger(__name__)

WIPE_CODE = "device_revoked"


class LoginRequest(BaseModel):
    username: str = Field(max_length=80)
    password: str = Field(max_length=200)
    device_name: str = Field(default="laptop", max_length=200)


class LoginResponse(BaseModel):
    token: str
    device_id: str
    caseworker_id: str
    server_time: str


class Change(BaseModel):
    """One local change. A resent change id is applied once."""

    change_id: str = Field(max_length=36)
    entity: str = Field(max_length=40)
    row_id: str = Field(max_length=36)
    op: Literal["insert", "update"]
    base_version: int | None = None
    fields: dict[str, Any]
    base: dict[str, Any] = Field(default_factory=dict)
    client_id: str | None = None
    resolves: str | None = None
    resolution: str | None = None
    made_at: str


class PushRequest(BaseModel):
    changes: list[Change] = Field(max_length=MAX_PUSH)


class ChangeResult(BaseModel):
    change_id: str
    status: Literal["applied", "conflict", "parked"]
    duplicate: bool = False
    fields: list[str] = Field(default_factory=list)
    conflict: str | None = None


class PushResponse(BaseModel):
    results: list[ChangeResult]
    server_time: str


class PullRequest(BaseModel):
    cursor: int = Field(ge=0)
    limit: int = Field(default=1000, ge=1, le=MAX_PAGE)
    scope_hash: str | None = None
    only_scopes: list[str] | None = Field(default=None, max_length=5000)
    until: int | None = None


class PullRow(BaseModel):
    entity: str
    seq: int
    hash: str
    fields: dict[str, Any]


class PullResponse(BaseModel):
    rows: list[PullRow]
    cursor: int
    more: bool
    scope_hash: str
    scope: list[str] | None = None
    digest: str | None = None
    conflicts: list[dict[str, Any]] | None = None
    server_time: str


class DigestRequest(BaseModel):
    scope_keys: list[str] | None = Field(default=None, max_length=5000)


def _json(data: Any) -> Response:
    # The pull pages are large; plain json.dumps skips re-validating what the store built.
    return Response(json.dumps(data, separators=(",", ":")), media_type="application/json")


def create_app(store: CentralStore) -> FastAPI:
    app = FastAPI(
        title="Trede centrale opslag",
        version=str(PROTOCOL_VERSION),
        description=(
            "Sync protocol of Trede. Push sends the outbox (change ids make a resend "
            "harmless); pull returns the latest state of rows after a cursor, only for the "
            "clients in the caller's caseload (team leads: their team); the last page carries "
            "the scope digest and the open conflicts. A revoked device gets 410 with "
            f"code {WIPE_CODE!r} and must wipe its local store."
        ),
    )
    app.state.store = store

    def device(authorization: Annotated[str | None, Header()] = None) -> Device:
        if not authorization or not authorization.startswith("Bearer "):
            raise HTTPException(401, "log in first")
        try:
            return store.authenticate(authorization.removeprefix("Bearer "))
        except AuthFailed as exc:
            raise HTTPException(401, "unknown or expired token") from exc
        except DeviceRevoked as exc:
            raise HTTPException(410, {"code": WIPE_CODE}) from exc

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        return {"ok": True, "protocol": PROTOCOL_VERSION, "server_time": utc_now().isoformat()}

    @app.post("/v1/login", response_model=LoginResponse)
    def login(body: LoginRequest) -> LoginResponse:
        try:
            token, found = store.login(body.username, body.password, body.device_name)
        except AuthFailed as exc:
            raise HTTPException(401, "wrong username or password") from exc
        return LoginResponse(
            token=token,
            device_id=found.id,
            caseworker_id=found.caseworker_id,
            server_time=utc_now().isoformat(),
        )

    @app.post("/v1/push", response_model=PushResponse)
    def push(body: PushRequest, caller: Annotated[Device, Depends(device)]) -> Response:
        results = store.push(caller, [change.model_dump() for change in body.changes])
        return _json({"results": results, "server_time": utc_now().isoformat()})

    @app.post("/v1/pull", response_model=PullResponse)
    def pull(body: PullRequest, caller: Annotated[Device, Depends(device)]) -> Response:
        page = store.pull(
            caller,
            cursor=body.cursor,
            limit=body.limit,
            known_scope_hash=body.scope_hash,
            only_scopes=body.only_scopes,
            until=body.until,
        )
        return _json(page)

    @app.post("/v1/digests")
    def digests(body: DigestRequest, caller: Annotated[Device, Depends(device)]) -> Response:
        return _json({"digests": store.digests(caller, body.scope_keys)})

    @app.exception_handler(ValueError)
    async def bad_value(_request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    return app
