"""Store errors; each carries one Dutch sentence that tells the caseworker what to do."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error opening or changing the local store, or writing a file for the
    caseworker. str() is the user message."""


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


class StoreCorrupted(StoreDamaged):
    """The database file itself is damaged: never written to again, and the way back is a
    backup (`restore`) or, for a linked laptop, a fresh pull (`rebuild`)."""


class PassphraseTooWeak(StoreError):
    pass


class DataDirUnusable(StoreError):
    pass


class BackupFailed(StoreError):
    pass


class StoreInUse(StoreError):
    """Another process has the store open."""


class OutputPathProblem(StoreError):
    """An output file or folder Trede cannot or must not write (checked before work)."""
