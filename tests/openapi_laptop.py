"""A laptop written from the central store's /openapi.json alone: it uses no code of the
project (only httpx and the standard library), reads the security scheme, the entity
schemas and the protocol described there, and logs in, pulls, pushes and resolves."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from typing import Any

import httpx


def canonical(data: Any) -> bytes:
    """Canonical JSON as the document describes it: keys sorted, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def row_hash(entity: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256(entity.encode() + b"\0" + canonical(fields)).hexdigest()[:32]


class DocumentLaptop:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)
        self.spec: dict[str, Any] = self.http.get("/openapi.json").json()
        self.headers: dict[str, str] = {}
        self.caseworker_id = ""
        self.cursor = 0
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.hashes: dict[tuple[str, str], tuple[str, str]] = {}
        self.conflicts: list[dict[str, Any]] = []
        self.scope: list[str] = []

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ the document

    def entity(self, name: str) -> dict[str, Any]:
        schema: dict[str, Any] = self.spec["components"]["schemas"][f"Entity_{name}"]
        return schema

    def _bearer_header(self, token: str) -> dict[str, str]:
        schemes = self.spec["components"]["securitySchemes"]
        (scheme,) = [s for s in schemes.values() if s["type"] == "http"]
        assert scheme["scheme"].lower() == "bearer"
        return {"Authorization": f"Bearer {token}"}

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        assert path in self.spec["paths"], path
        response = self.http.post(path, json=body, headers=self.headers)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: {response.status_code} {response.text}")
        answer: dict[str, Any] = response.json()
        return answer

    # ------------------------------------------------------------------ the protocol

    def login(self, username: str, password: str) -> None:
        answer = self._post(
            "/v1/login", {"username": username, "password": password, "device_name": "doc"}
        )
        self.headers = self._bearer_header(answer["token"])
        self.caseworker_id = answer["caseworker_id"]

    def _held_scope_hash(self) -> str:
        held = sorted({scope for scope, _hash in self.hashes.values() if scope})
        return hashlib.sha256("\n".join(held).encode()).hexdigest()[:32]

    def pull(self) -> None:
        while True:
            page = self._post(
                "/v1/pull", {"cursor": self.cursor, "scope_hash": self._held_scope_hash()}
            )
            for row in page["rows"]:
                key = (row["entity"], row["fields"]["id"])
                assert row_hash(row["entity"], row["fields"]) == row["hash"]
                self.rows[key] = row["fields"]
                self.hashes[key] = (row["scope"], row["hash"])
            if page.get("scope") is not None:
                self.scope = page["scope"]
            self.cursor = page["cursor"]
            if not page["more"]:
                break
        total = sum(
            int(row_hash_, 16)
            for scope, row_hash_ in self.hashes.values()
            if scope == "" or scope in self.scope
        )
        assert format(total % (1 << 128), "032x") == page["digest"], "the digest differs"
        self.conflicts = page["conflicts"]

    def _change(self, entity: str, row_id: str, op: str, **rest: Any) -> dict[str, Any]:
        return {
            "change_id": str(uuid.uuid4()),
            "entity": entity,
            "row_id": row_id,
            "op": op,
            "made_at": dt.datetime.now(dt.UTC).isoformat(),
            "fields": {},
            **rest,
        }

    def new_row(self, entity: str, values: dict[str, Any]) -> dict[str, Any]:
        """An insert with every column the entity schema requires, from `values` or empty."""
        schema = self.entity(entity)
        now = dt.datetime.now(dt.UTC).isoformat()
        row_id = str(uuid.uuid4())
        defaults = {
            "id": row_id,
            "created_at": now,
            "updated_at": now,
            "created_by": self.caseworker_id,
            "updated_by": self.caseworker_id,
            "version": 1,
        }
        fields = {}
        for name in schema["required"]:
            if name in values:
                fields[name] = values[name]
            elif name in defaults:
                fields[name] = defaults[name]
            else:
                options = schema["properties"][name].get("anyOf", [])
                assert {"type": "null"} in options, f"{entity}.{name} needs a value"
                fields[name] = None
        return self._change(entity, row_id, "insert", fields=fields)

    def update(self, entity: str, row_id: str, name: str, value: Any) -> dict[str, Any]:
        base = self.rows[(entity, row_id)]
        return self._change(
            entity,
            row_id,
            "update",
            fields={name: value},
            base={name: base[name]},
            base_version=base["version"],
        )

    def resolve(self, conflict: dict[str, Any], resolution: str) -> dict[str, Any]:
        fields, base = {}, {}
        if conflict["kind"] == "field":
            fields = {conflict["field"]: conflict["mine"]}
            base = {conflict["field"]: conflict["theirs"]}  # the stored value we saw
        return self._change(
            conflict["entity"],
            conflict["row_id"],
            "update",
            fields=fields,
            base=base,
            resolves=conflict["id"],
            resolution=resolution,
        )

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        group = str(uuid.uuid4())
        body = {
            "changes": [{**change, "group": group} for change in changes],
            "sent_at": dt.datetime.now(dt.UTC).isoformat(),
        }
        results: list[dict[str, Any]] = self._post("/v1/push", body)["results"]
        return results
