"""What can stop a sync, as exceptions whose message is Dutch and fit for the caseworker."""

from __future__ import annotations


class SyncError(Exception):
    """A sync could not finish; nothing that was saved is lost."""


class ServerUnreachable(SyncError):
    pass


class LoginRequired(SyncError):
    pass


class RemoteWipe(SyncError):
    """The central store revoked this device or account: the local store must be wiped."""


class SyncCancelled(SyncError):
    pass


class ClockOff(SyncError):
    """The central store refused the push: this laptop's clock is too far off."""

    def __init__(self, message: str, offset_s: float) -> None:
        super().__init__(message)
        self.offset_s = offset_s
