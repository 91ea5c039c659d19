"""The database key and its wrapping: a random 256-bit key, encrypted (AES-256-GCM) with a
key derived from the passphrase (Argon2id) and the device secret from the OS keyring."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.storage.errors import StoreDamaged, WrongPassphrase
from app.storage.files import fsync_folder

HEADER_FORMAT = 1
MIN_PASSPHRASE_LENGTH = 8
# What a key file may ask of Argon2: this version writes 3 passes over 64 MiB on 2 lanes.
MAX_TIME_COST = 20
MIN_MEMORY_KIB = 8 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MAX_PARALLELISM = 16

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
    # A demo store (generated clients only) may keep its device secret in the demo keyring.
    demo: bool = False

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
            header = cls(
                store_id=str(uuid.UUID(str(data["store_id"]))),
                kdf=KdfParams(**data["kdf"]),
                nonce=str(data["nonce"]),
                wrapped_key=str(data["wrapped_key"]),
                demo=bool(data.get("demo", False)),
            )
            header.check()
            return header
        except StoreDamaged:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreDamaged(
                "Het sleutelbestand (trede.key) is beschadigd; zet een reservekopie terug "
                "of synchroniseer opnieuw op een nieuwe database."
            ) from exc

    def check(self) -> None:
        """ValueError unless every field is one this version could have written: a garbled
        or hostile key file must not reach Argon2 with absurd costs."""
        kdf = self.kdf
        if kdf.name != "argon2id" or not all(
            isinstance(n, int) and not isinstance(n, bool)
            for n in (kdf.time_cost, kdf.memory_kib, kdf.parallelism)
        ):
            raise ValueError("kdf")
        if not (
            1 <= kdf.time_cost <= MAX_TIME_COST
            and MIN_MEMORY_KIB <= kdf.memory_kib <= MAX_MEMORY_KIB
            and 1 <= kdf.parallelism <= MAX_PARALLELISM
        ):
            raise ValueError("kdf costs")
        if len(_unb64(kdf.salt)) < 16 or len(_unb64(self.nonce)) != 12:
            raise ValueError("salt or nonce")
        if len(_unb64(self.wrapped_key)) != 32 + 16:  # the key and the GCM tag
            raise ValueError("wrapped key")

    def aad(self) -> bytes:
        # the demo mark is sealed with the key: setting it by hand makes the key unreadable
        demo = ":demo" if self.demo else ""
        return f"trede-store:{self.store_id}:{self.format}{demo}".encode()


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


def wrap_key(
    db_key: bytes, *, store_id: str, passphrase: str, device_secret: bytes, demo: bool = False
) -> KeyHeader:
    kdf = KdfParams.fresh()
    nonce = secrets.token_bytes(12)
    draft = KeyHeader(store_id=store_id, kdf=kdf, nonce=_b64(nonce), wrapped_key="", demo=demo)
    wrapping = derive_wrapping_key(passphrase, device_secret, kdf)
    sealed = AESGCM(wrapping).encrypt(nonce, db_key, draft.aad())
    return KeyHeader(
        store_id=store_id, kdf=kdf, nonce=_b64(nonce), wrapped_key=_b64(sealed), demo=demo
    )


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
    tmp = path.with_name(f"{path.name}.{secrets.token_hex(4)}.tmp")  # two writers never share it
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_folder(path.parent)  # make the rename itself durable
