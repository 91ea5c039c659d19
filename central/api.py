"""The HTTP sync protocol (FastAPI): login, push, pull and digests, documented at
/openapi.json and /docs (served offline), with one error shape for every refusal."""

import datetime as dt
import json
import logging
import math
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field
from starlette.exceptions import HTTPException

from app.domain.region import file_region, region_json
from app.models import utc_now
from app.sync.wire import PROTOCOL_VERSION
from central.limits import BodyLimit
from central.openapi_doc import PROTOCOL, entity_schemas
from central.store import (
    MAX_CURSOR,
    MAX_PAGE,
    MAX_PUSH,
    AuthFailed,
    CentralStore,
    ClockSkew,
    Device,
    DeviceRevoked,
    LoginThrottled,
    TooManyConflicts,
)

log = logging.getLogger(__name__)

WIPE_CODE = "device_revoked"
ID = r"^[A-Za-z0-9._:-]{1,36}$"
NO_NUL = r"^[^\x00]*$"


def _not_a_bool(value: Any) -> Any:
    # JSON true is no number here (pydantic would take it as 1)
    if isinstance(value, bool):
        raise ValueError("expected a whole number")
    return value


def _finite(value: Any) -> Any:
    # Python's json takes NaN and Infinity, which are no JSON (and PostgreSQL refuses them)
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError("NaN and Infinity are not JSON numbers")
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return value


FiniteValues = Annotated[dict[str, Any], AfterValidator(_finite)]

# (the bounds before the validator, or the JSON schema would not show them)
Version = Annotated[int, Field(ge=0, le=2**31 - 1), BeforeValidator(_not_a_bool)]
Sequence = Annotated[int, Field(ge=0, le=MAX_CURSOR), BeforeValidator(_not_a_bool)]
PageSize = Annotated[int, Field(ge=1, le=MAX_PAGE), BeforeValidator(_not_a_bool)]


class ErrorResponse(BaseModel):
    """Every refusal: a stable `code` for programs and a `detail` for people."""

    code: str
    detail: str
    retry_after: int | None = None
    offset_s: float | None = None


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=80, pattern=NO_NUL)
    password: str = Field(min_length=1, max_length=200, pattern=NO_NUL)
    device_name: str = Field(default="laptop", max_length=200, pattern=NO_NUL)
    # the token of an earlier login of the same account on this laptop whose store was never
    # finished (a connect that was interrupted): that device is reused, not a new one added
    previous_token: str | None = Field(default=None, max_length=200, pattern=NO_NUL)


class LoginResponse(BaseModel):
    token: str
    device_id: str
    caseworker_id: str
    server_time: str
    expires_in_s: int


class Change(BaseModel):
    """One local change (see the protocol description)."""

    change_id: str = Field(pattern=ID, description="unique per account; a resend is harmless")
    group: str | None = Field(
        default=None,
        pattern=ID,
        description="the local transaction: consecutive changes with the same group are "
        "applied whole or parked whole; absent, the change is a group of its own",
    )
    entity: str = Field(
        pattern=r"^[a-z_]{1,40}$", description="an entity name (the `Entity_*` schemas)"
    )
    row_id: str = Field(pattern=ID, description="the id of the row the change is about")
    op: Literal["insert", "update"]
    base_version: Version | None = Field(
        default=None,
        description="update: the row's version the edit started from (a deletion based on "
        "an older version than the stored one is a conflict)",
    )
    fields: FiniteValues = Field(
        max_length=200,
        description="insert: every column of the row; update: the changed columns. Encoded "
        "as the entity schema says (`Entity_<entity>`)",
    )
    base: FiniteValues = Field(
        default_factory=dict,
        max_length=200,
        description="update: the value of each changed column before the edit; a column "
        "whose stored value differs from its base was changed elsewhere (a field conflict)",
    )
    client_id: str | None = Field(
        default=None, pattern=ID, description="the laptop's view of the row's client (a hint)"
    )
    resolves: str | None = Field(
        default=None, pattern=ID, description="a conflict id: this change resolves it"
    )
    resolution: Literal["mine", "theirs", "edit", "apply", "discard"] | None = None
    made_at: str = Field(max_length=40, description="when the change was made (ISO 8601 with zone)")


class PushRequest(BaseModel):
    changes: list[Change] = Field(max_length=MAX_PUSH)
    sent_at: dt.datetime | None = Field(
        default=None,
        description="the laptop's clock when sending (ISO 8601 with zone); more than 5 "
        "minutes from the server's is refused with 409 clock_skew",
    )


class ChangeResult(BaseModel):
    change_id: str
    status: Literal["applied", "conflict", "parked"]
    duplicate: bool = False
    already: bool = False
    fields: list[str] = Field(default_factory=list)
    conflict: str | None = None


class PushResponse(BaseModel):
    results: list[ChangeResult]
    server_time: str


class PullRequest(BaseModel):
    cursor: Sequence = Field(description="the last sequence number received")
    limit: PageSize = 1000
    scope_hash: str | None = Field(
        default=None,
        max_length=64,
        description="the hash of the client ids the laptop holds; the page lists `scope` "
        "when the server's differs",
    )
    only_scopes: list[str] | None = Field(
        default=None,
        max_length=5000,
        description='fetch only the rows of these clients ("" for the organisation)',
    )
    until: Sequence | None = Field(
        default=None, description="fetch rows up to this sequence number"
    )


class PullRow(BaseModel):
    entity: str
    seq: int
    hash: str
    scope: str = Field(description='the client the row belongs to ("" for none)')
    fields: dict[str, Any]


class ConflictWire(BaseModel):
    id: str
    kind: Literal["field", "deleted", "scope", "refused", "duplicate"]
    entity: str
    row_id: str
    client_id: str | None
    field: str | None
    base: Any = None
    mine: Any = None
    theirs: Any = None
    mine_by: str
    mine_at: str | None
    theirs_by: str | None
    theirs_at: str | None
    message: str | None
    audience: str
    change: dict[str, Any] | None = None
    changes: list[dict[str, Any]] = Field(default_factory=list)


class PullResponse(BaseModel):
    rows: list[PullRow]
    cursor: int
    more: bool
    scope_hash: str
    scope: list[str] | None = None
    digest: str | None = None
    conflicts: list[ConflictWire] | None = None
    server_time: str


class DigestRequest(BaseModel):
    scope_keys: list[str] | None = Field(default=None, max_length=5000)


class DigestResponse(BaseModel):
    digests: dict[str, str]


class Health(BaseModel):
    ok: bool
    protocol: int
    server_time: str


class RegionInstrument(BaseModel):
    name: str
    price: str | None = Field(default=None, description="euros as a decimal text, if set")


class RegionMunicipality(BaseModel):
    code: str
    name: str
    department: str
    address: str
    instruments: list[RegionInstrument]


class RegionResponse(BaseModel):
    """The municipalities this central store serves, for every laptop's lists and plans."""

    name: str
    municipalities: list[RegionMunicipality]
    server_time: str


def _error(status: int, code: str, detail: str) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorResponse, "description": f"{code}: {detail}"}}


COMMON = {
    **_error(400, "bad_request", "the body is not JSON"),
    **_error(403, "https_required", "the server requires HTTPS and the request came without"),
    **_error(413, "too_large", "the request body is larger than the limit"),
    **_error(422, "invalid_request", "a field of the request is missing or out of range"),
}
AUTHED = {
    **COMMON,
    **_error(401, "unauthorized | token_expired", "log in (again)"),
    **_error(410, WIPE_CODE, "the device or account was revoked: wipe the local store"),
}


def _json(data: Any) -> Response:
    # The pull pages are large; plain json.dumps skips re-validating what the store built.
    return Response(json.dumps(data, separators=(",", ":")), media_type="application/json")


def _refusal(status: int, code: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"code": code, "detail": detail, **{k: v for k, v in extra.items() if v is not None}}
    headers = {"Retry-After": str(extra["retry_after"])} if extra.get("retry_after") else None
    return JSONResponse(body, status_code=status, headers=headers)


class Refusal(Exception):
    def __init__(self, status: int, code: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.extra = status, code, detail, extra


def create_app(store: CentralStore, *, require_https: bool = False) -> FastAPI:
    from central.docs import add_docs

    app = FastAPI(
        title="Trede centrale opslag",
        version=str(PROTOCOL_VERSION),
        description=PROTOCOL,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    bearer = HTTPBearer(auto_error=False, description="the token of /v1/login")

    @app.middleware("http")
    async def https_only(request: Request, call_next: Any) -> Response:
        if require_https and request.headers.get("x-forwarded-proto", "http") != "https":
            return _refusal(403, "https_required", "use https")
        response: Response = await call_next(request)
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    def device(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Device:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise Refusal(401, "unauthorized", "log in first")
        token = credentials.credentials
        if not token or len(token) > 200:
            raise Refusal(401, "unauthorized", "unknown token")
        try:
            return store.authenticate(token)
        except AuthFailed as exc:
            detail = "the token has expired" if exc.code == "token_expired" else "unknown token"
            raise Refusal(401, exc.code, detail) from exc
        except DeviceRevoked as exc:
            raise Refusal(410, WIPE_CODE, "this device was revoked") from exc

    @app.get("/v1/health", response_model=Health)
    def health() -> Health:
        return Health(ok=True, protocol=PROTOCOL_VERSION, server_time=utc_now().isoformat())

    @app.post(
        "/v1/login",
        response_model=LoginResponse,
        responses={
            **COMMON,
            **_error(401, "unauthorized", "wrong username or password"),
            **_error(429, "throttled", "too many failed logins: wait `retry_after` seconds"),
        },
    )
    def login(body: LoginRequest, request: Request) -> LoginResponse:
        address = request.client.host if request.client else "unknown"
        try:
            token, found = store.login(
                body.username, body.password, body.device_name, address, body.previous_token
            )
        except LoginThrottled as exc:
            raise Refusal(
                429, "throttled", "too many failed logins", retry_after=exc.retry_after
            ) from exc
        except AuthFailed as exc:
            raise Refusal(401, "unauthorized", "wrong username or password") from exc
        return LoginResponse(
            token=token,
            device_id=found.id,
            caseworker_id=found.caseworker_id,
            server_time=utc_now().isoformat(),
            expires_in_s=int(store.accounts.token_ttl.total_seconds()),
        )

    @app.post(
        "/v1/push",
        response_model=PushResponse,
        responses={
            **AUTHED,
            **_error(409, "clock_skew | too_many_conflicts", "fix the clock / resolve first"),
        },
    )
    def push(body: PushRequest, caller: Annotated[Device, Depends(device)]) -> Response:
        if body.sent_at is not None and body.sent_at.tzinfo is None:
            raise Refusal(422, "invalid_request", "sent_at needs a time zone")
        try:
            results = store.push(
                caller, [change.model_dump() for change in body.changes], sent_at=body.sent_at
            )
        except ClockSkew as exc:
            raise Refusal(
                409, "clock_skew", "the laptop's clock is off", offset_s=exc.offset_s
            ) from exc
        except TooManyConflicts as exc:
            raise Refusal(409, "too_many_conflicts", "resolve open conflicts first") from exc
        return _json({"results": results, "server_time": utc_now().isoformat()})

    @app.post("/v1/pull", response_model=PullResponse, responses=AUTHED)
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

    @app.post("/v1/region", response_model=RegionResponse, responses=AUTHED)
    def served_region(_caller: Annotated[Device, Depends(device)]) -> Response:
        # the server's own region file (TREDE_REGION on the server), not a laptop's
        return _json({**region_json(file_region()), "server_time": utc_now().isoformat()})

    @app.post("/v1/digests", response_model=DigestResponse, responses=AUTHED)
    def digests(body: DigestRequest, caller: Annotated[Device, Depends(device)]) -> Response:
        return _json({"digests": store.digests(caller, body.scope_keys)})

    @app.exception_handler(Refusal)
    async def refused(_request: Request, exc: Refusal) -> JSONResponse:
        return _refusal(exc.status, exc.code, exc.detail, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(error.get("type") == "json_invalid" for error in errors):
            return _refusal(400, "bad_request", "the body is not valid JSON")
        where = ", ".join(
            ".".join(str(part) for part in error.get("loc", ())[1:]) or "body"
            for error in errors[:5]
        )
        return _refusal(422, "invalid_request", f"missing or out of range: {where}")

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return _refusal(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(ValueError)
    async def bad_value(_request: Request, exc: ValueError) -> JSONResponse:
        return _refusal(422, "invalid_request", str(exc)[:200])

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            schema["components"]["schemas"].update(entity_schemas())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    add_docs(app)
    app.add_middleware(BodyLimit)
    return app


__all__ = ["WIPE_CODE", "create_app"]
