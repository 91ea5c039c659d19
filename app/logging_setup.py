"""Logging for the app: a rotating file in the user's log folder, and a formatter that
redacts personal data (BSNs, e-mail addresses, phone numbers, postcodes) from every line."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_REDACTIONS = (
    (re.compile(r"[^\s@<>()\"']+@[^\s@<>()\"']+\.[A-Za-z]{2,}"), "[e-mail]"),
    (re.compile(r"(?<![\w-])(?:\+31|0031|0)[\s-]?\d(?:[\s-]?\d){8}(?!\d)"), "[telefoon]"),
    (re.compile(r"(?<![\w-])\d{9}(?!\d)"), "[bsn]"),
    (re.compile(r"(?<![\w-])\d{8}(?!\d)"), "[nummer]"),
    (re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b"), "[postcode]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then removes anything that looks like personal data.

    Names cannot be recognised by pattern: code logs ids and counts, never names.
    """

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(log_dir: Path | None, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / "trede.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setFormatter(
            RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(file_handler)
