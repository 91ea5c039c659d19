"""The OS credential store (keyring) and the policy on which backends Trede accepts."""

from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend

from app.storage.errors import InsecureKeyring
from app.storage.insecure_keyring import InsecureDemoKeyring

log = logging.getLogger(__name__)

SERVICE = "Trede"

# Backends that keep secrets in plain files or nowhere at all.
_INSECURE_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")

NO_SECURE_KEYRING_MESSAGE = (
    "Er is geen veilige sleutelbos (OS-wachtwoordkluis) gevonden op deze computer. "
    "Installeer of ontgrendel de sleutelbos van het systeem (Windows Credential Manager, "
    "macOS Keychain, GNOME Keyring/KWallet) en start Trede opnieuw. Alleen voor demo en tests: "
    "PYTHON_KEYRING_BACKEND=app.storage.insecure_keyring.InsecureDemoKeyring."
)


_warned_insecure = False


def _is_insecure(backend: KeyringBackend) -> bool:
    children = getattr(backend, "backends", None)
    if children is not None:  # keyring's ChainerBackend
        return all(_is_insecure(child) for child in children) if children else True
    module = type(backend).__module__
    return module.startswith(_INSECURE_MODULE_PREFIXES)


def backend_description(backend: KeyringBackend | None = None) -> str:
    backend = backend or keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def is_demo_fallback(backend: KeyringBackend | None = None) -> bool:
    return isinstance(backend or keyring.get_keyring(), InsecureDemoKeyring)


def checked_backend() -> KeyringBackend:
    """The configured keyring, if Trede may trust it with the device secret.

    The insecure fallback is accepted only when it was asked for by name.
    """
    global _warned_insecure
    backend = keyring.get_keyring()
    if isinstance(backend, InsecureDemoKeyring):
        if not _warned_insecure:
            log.info("INSECURE demo keyring in use: secrets are kept in a plain file")
            _warned_insecure = True
        return backend
    if _is_insecure(backend):
        raise InsecureKeyring(NO_SECURE_KEYRING_MESSAGE)
    return backend


def use_demo_fallback_if_no_secure_backend() -> bool:
    """For the demo only: fall back to the insecure file keyring. Returns True when it did."""
    backend = keyring.get_keyring()
    if isinstance(backend, InsecureDemoKeyring):
        return True
    if _is_insecure(backend):
        keyring.set_keyring(InsecureDemoKeyring())
        log.info("no secure keyring; the demo uses the INSECURE file keyring")
        return True
    return False


def get_secret(name: str) -> str | None:
    return checked_backend().get_password(SERVICE, name)


def set_secret(name: str, value: str) -> None:
    checked_backend().set_password(SERVICE, name, value)


def delete_secret(name: str) -> None:
    backend = checked_backend()
    if backend.get_password(SERVICE, name) is not None:
        backend.delete_password(SERVICE, name)
