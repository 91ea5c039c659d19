"""The database key and its wrapping: a random 256-bit key, encrypted (AES-256-GCM) with a
key derived from the passphrase (Argon2id) and the device secret from the OS keyring."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.storage.errors import StoreDamaged, WrongPassphrase

HEADER_FORMAT = 1
MIN_PASSPHRASE_LENGTH = 8

WRONG_PASSPHRASE_MESSAGE = "Het wachtwoord klopt niet. Probeer het opnieuw (let op Caps Lock)."


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    salt: str
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2
    name: str = "argon2id"

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(salt=_b64(secrets.token_bytes(16)))


@dataclass(frozen=True)
class KeyHeader:
    """What `trede.key` holds: nothing secret without the passphrase and the device secret."""

    store_id: str
    kdf: KdfParams
    nonce: str
    wrapped_key: str
    format: int = HEADER_FORMAT

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    @classmethod
    def from_json(cls, text: str) -> KeyHeader:
        try:
            data: dict[str, Any] = json.loads(text)
            if data.get("format") != HEADER_FORMAT:
                raise StoreDamaged(
                    "Het sleutelbestand (trede.key) heeft een onbekende indeling; "
                    "is het gemaakt door een nieuwere Trede?"
                )
            return cls(
                store_id=str(data["store_id"]),
                kdf=KdfParams(**data["kdf"]),
                nonce=str(data["nonce"]),
                wrapped_key=str(data["wrapped_key"]),
            )
        except StoreDamaged:
            raise
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreDamaged(
                "Het sleutelbestand (trede.key) is beschadigd; zet een reservekopie terug "
                "of synchroniseer opnieuw op een nieuwe database."
            ) from exc

    def aad(self) -> bytes:
        return f"trede-store:{self.store_id}:{self.format}".encode()


def derive_wrapping_key(passphrase: str, device_secret: bytes, kdf: KdfParams) -> bytes:
    stretched = hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=_unb64(kdf.salt),
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    # Both factors are needed: the passphrase (what the caseworker knows) and the device
    # secret (what only this laptop's credential store has).
    return hmac.new(device_secret, stretched, hashlib.sha256).digest()


def new_device_secret() -> str:
    return _b64(secrets.token_bytes(32))


def decode_device_secret(text: str) -> bytes:
    return _unb64(text)


def wrap_key(db_key: bytes, *, store_id: str, passphrase: str, device_secret: bytes) -> KeyHeader:
    kdf = KdfParams.fresh()
    nonce = secrets.token_bytes(12)
    draft = KeyHeader(store_id=store_id, kdf=kdf, nonce=_b64(nonce), wrapped_key="")
    wrapping = derive_wrapping_key(passphrase, device_secret, kdf)
    sealed = AESGCM(wrapping).encrypt(nonce, db_key, draft.aad())
    return KeyHeader(store_id=store_id, kdf=kdf, nonce=_b64(nonce), wrapped_key=_b64(sealed))


def unwrap_key(header: KeyHeader, *, passphrase: str, device_secret: bytes) -> bytes:
    wrapping = derive_wrapping_key(passphrase, device_secret, header.kdf)
    try:
        return AESGCM(wrapping).decrypt(
            _unb64(header.nonce), _unb64(header.wrapped_key), header.aad()
        )
    except InvalidTag:
        raise WrongPassphrase(WRONG_PASSPHRASE_MESSAGE) from None


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` so that a crash leaves either the old or the new file, never half."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    if os.name == "posix":  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
