"""Store errors; each carries one Dutch sentence that tells the caseworker what to do."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error opening or changing the local store. str() is the user message."""


class StoreNotFound(StoreError):
    pass


class StoreAlreadyExists(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class MissingDeviceSecret(StoreError):
    pass


class InsecureKeyring(StoreError):
    pass


class StoreNewerThanApp(StoreError):
    pass


class StoreDamaged(StoreError):
    pass


class PassphraseTooWeak(StoreError):
    pass
