import logging

from app.logging_setup import RedactingFormatter, redact


def test_personal_data_is_redacted() -> None:
    line = redact("bsn 123456782, mail a.b@post.example, tel 06 12345678, pc 7551 AB")
    for secret in ("123456782", "a.b@post.example", "06 12345678", "7551 AB"):
        assert secret not in line
    assert "[bsn]" in line and "[e-mail]" in line


def test_formatter_redacts_messages_and_tracebacks() -> None:
    formatter = RedactingFormatter("%(message)s")
    try:
        raise ValueError("BSN 123456782 klopt niet")
    except ValueError:
        import sys

        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "mislukt voor %s", ("0612345678",), sys.exc_info()
        )
    text = formatter.format(record)
    assert "0612345678" not in text and "123456782" not in text
    assert "mislukt voor" in text
