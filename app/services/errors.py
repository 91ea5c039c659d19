"""Errors services raise; their text is a Dutch message fit for the caseworker."""

from __future__ import annotations


class ServiceError(Exception):
    pass


class ValidationFailed(ServiceError):
    """Input was refused; `problems` maps each field name to what to fix. Nothing was saved."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("Niet opgeslagen: " + " ".join(self.problems.values()))


class AccessDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class StaleEdit(ServiceError):
    """The document changed since the form was opened (e.g. by a sync)."""
