"""The OS credential store (keyring) and the policy on which backends Trede accepts."""

from __future__ import annotations

import logging
import os

import keyring
from keyring.backend import KeyringBackend

from app.storage.errors import InsecureKeyring
from app.storage.insecure_keyring import InsecureDemoKeyring

log = logging.getLogger(__name__)

SERVICE = "Trede"

# The OS credential stores Trede trusts with a device secret, by exact class: a subclass or
# a look-alike from another package is not on the list (keyring.backends.chainer is judged
# by every backend it would write to).
SECURE_BACKENDS = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
    }
)
# An administrator who runs real stores on the demo keyring (a kiosk, a test lab) names it
# here, in full; Trede then says so in the window title and the status bar.
ALLOW_INSECURE_ENV = "TREDE_ALLOW_INSECURE_KEYRING"
DEMO_BACKEND = f"{InsecureDemoKeyring.__module__}.{InsecureDemoKeyring.__qualname__}"

NO_SECURE_KEYRING_MESSAGE = (
    "Er is geen veilige sleutelbos (OS-wachtwoordkluis) gevonden op deze computer. "
    "Installeer of ontgrendel de sleutelbos van het systeem (Windows Credential Manager, "
    "macOS Keychain, GNOME Keyring/KWallet) en start Trede opnieuw, of probeer de demo "
    "(main.py --demo)."
)
DEMO_KEYRING_REFUSED_MESSAGE = (
    "Deze computer heeft alleen de onveilige demosleutelbos; die is er alleen voor de demo. "
    "Ontgrendel of installeer de sleutelbos van het systeem, of vraag de beheerder om hulp."
)


_warned_insecure = False


def backend_description(backend: KeyringBackend | None = None) -> str:
    backend = backend or keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _is_secure(backend: KeyringBackend) -> bool:
    if backend_description(backend) == "keyring.backends.chainer.ChainerBackend":
        children = list(getattr(backend, "backends", []))
        return bool(children) and all(_is_secure(child) for child in children)
    return backend_description(backend) in SECURE_BACKENDS


def is_demo_fallback(backend: KeyringBackend | None = None) -> bool:
    return type(backend or keyring.get_keyring()) is InsecureDemoKeyring


def insecure_keyring_allowed() -> bool:
    """True when the administrator chose the demo keyring for real stores, by name."""
    return os.environ.get(ALLOW_INSECURE_ENV, "").strip() == DEMO_BACKEND


def checked_backend(*, demo: bool = False) -> KeyringBackend:
    """The configured keyring, if Trede may trust it with the device secret of a store
    (`demo`: a demo store of generated clients, which may use the demo keyring)."""
    global _warned_insecure
    backend = keyring.get_keyring()
    if _is_secure(backend):
        return backend
    if is_demo_fallback(backend):
        if demo:
            return backend
        if insecure_keyring_allowed():
            if not _warned_insecure:
                log.warning("INSECURE demo keyring chosen by the administrator for a store")
                _warned_insecure = True
            return backend
        raise InsecureKeyring(DEMO_KEYRING_REFUSED_MESSAGE)
    log.info("keyring backend refused: %s", backend_description(backend))
    raise InsecureKeyring(NO_SECURE_KEYRING_MESSAGE)


def use_demo_fallback_if_no_secure_backend() -> bool:
    """For the demo only: fall back to the insecure file keyring. Returns True when it did."""
    backend = keyring.get_keyring()
    if is_demo_fallback(backend):
        return True
    if not _is_secure(backend):
        keyring.set_keyring(InsecureDemoKeyring())
        log.info("no secure keyring; the demo uses the INSECURE file keyring")
        return True
    return False


def get_secret(name: str, *, demo: bool = False) -> str | None:
    return checked_backend(demo=demo).get_password(SERVICE, name)


def set_secret(name: str, value: str, *, demo: bool = False) -> None:
    checked_backend(demo=demo).set_password(SERVICE, name, value)


def delete_secret(name: str) -> None:
    """Removing a secret is allowed from any keyring that holds one."""
    backend = keyring.get_keyring()
    if backend.get_password(SERVICE, name) is not None:
        backend.delete_password(SERVICE, name)
