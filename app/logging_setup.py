"""Logging for the app: a rotating file in the user's log folder, and a formatter that
redacts personal data (BSNs, e-mail addresses, phone numbers, postcodes, dates, street
addresses, quoted values in errors) from every line."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path
from typing import Any

_REDACTIONS = (
    (re.compile(r"(?<![^\s@<>()\"'])[^\s@<>()\"']+@[^\s@<>()\"']+\.[A-Za-z]{2,}"), "[e-mail]"),
    (re.compile(r"(?<![\w-])(?:\+31|0031|0)[\s-]?\d(?:[\s-]?\d){8}(?!\d)"), "[telefoon]"),
    (re.compile(r"(?<![\w-])\d{9}(?!\d)"), "[bsn]"),
    (re.compile(r"(?<![\w-])\d{8}(?!\d)"), "[nummer]"),
    (re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b"), "[postcode]"),
)


_DATES = (
    re.compile(r"(?<![\w-])\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?![\w-])"),
    re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\dT])"),
    re.compile(r"datetime\.date(?:time)?\([^)]*\)"),
    re.compile(
        r"\b\d{1,2}\s+(?:jan(?:uari)?|feb(?:ruari)?|m(?:aa)?rt|apr(?:il)?|mei|jun[i]?|jul[i]?|"
        r"aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{4}\b",
        re.IGNORECASE,
    ),
)
_STREET = re.compile(
    r"(?<![\w'.-])(?-i:[A-Z][\w'.-]*\s+){0,3}[\w'.-]*(?:straat|weg|laan|plein|singel|gracht|kade|"
    r"dijk|dreef|hof|steeg|markt|park|baan|veld|burg|plantsoen|allee|boulevard|hoven|akker)"
    r"\s+\d+(?:\s?[a-zA-Z]{1,2}\b|-\d+)?",
    re.IGNORECASE,
)
# In an exception's text any quoted value may be a name or an address typed by a caseworker.
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def redact(text: str) -> str:
    """Remove BSNs, e-mail addresses, phone numbers, postcodes, dates and street addresses."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    for pattern in _DATES:
        text = pattern.sub("[datum]", text)
    return _STREET.sub("[adres]", text)


def redact_traceback(text: str) -> str:
    """`redact`, and in the exception lines (not the file and source lines) every quoted
    value too: that is where an error carries the values it was given."""
    lines = []
    for line in text.splitlines():
        if not line.startswith(("  File ", "    ", "Traceback ")):
            line = _QUOTED.sub("'[tekst]'", line)
        lines.append(redact(line))
    return "\n".join(lines)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, with the message and any traceback stripped of what looks like
    personal data; the time stamp is left alone.

    Names cannot be recognised by pattern: code logs ids and counts, never names, and the
    engines hide statement parameters; quoted values in exception lines are removed.
    """

    def format(self, record: logging.LogRecord) -> str:
        # another handler may have cached the traceback unredacted: always format it here
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging API)
        record.message = redact(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging API)
        return redact_traceback(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 (logging API)
        return redact(super().formatStack(stack_info))


def configure_logging(
    log_dir: Path | None, *, verbose: bool = False, console: bool = False
) -> Path | None:
    """Log to `log_dir/trede.log` (returned), and to the terminal with `verbose` or
    `console` (a server). Every handler redacts; nothing ever goes out unredacted through
    Python's last-resort handler."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    logging.lastResort = None
    logging.raiseExceptions = False  # a failing write must not print a record's values raw
    root.addHandler(logging.NullHandler())
    if verbose or console:  # else the terminal shows the one line that says what to do
        terminal = logging.StreamHandler()
        terminal.setLevel(logging.DEBUG if verbose else logging.INFO)
        terminal.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(terminal)
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / "trede.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setFormatter(
            RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
        root.addHandler(file_handler)
        return log_dir / "trede.log"
    return None
