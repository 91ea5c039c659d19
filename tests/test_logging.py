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


def test_dates_and_street_addresses_are_redacted() -> None:
    line = redact(
        "geboren 14-02-1985 (1985-02-14, datetime.date(1985, 2, 14), 14 februari 1985), "
        "Marktstraat 12a, Oude Gracht 3, kerkstraat 7"
    )
    for secret in ("1985", "Marktstraat", "12a", "Gracht", "kerkstraat"):
        assert secret not in line
    assert "[datum]" in line and "[adres]" in line
    for ordinary in ("sync sent changes 3", "during 2 runs", "page 12 of 40"):
        assert redact(ordinary) == ordinary


def test_a_real_integrity_error_leaves_no_client_value_in_the_log(store, owner) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert, inspect
    from sqlalchemy.exc import IntegrityError

    from app.models import Client
    from app.services.clients import create_client
    from tests.factories import client_form

    form = client_form(
        voornamen="Wilhelmina", achternaam="Brouwer-Zevenbergen", birth_date="09-03-1971",
        street="Lindelaan",
    )  # fmt: skip
    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, form)
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    log = logging.getLogger("trede.test.integrity")
    log.addHandler(Keep())
    with store.session(owner.caseworker_id) as session:
        row = session.get(Client, client_id)
        values = {c.key: getattr(row, c.key) for c in inspect(Client).mapper.column_attrs}
        try:
            session.execute(insert(Client).values(values))  # the same id again: refused
        except IntegrityError:
            log.exception("saving failed")
        session.rollback()
    try:
        raise ValueError(f"unexpected row: {values!r}")
    except ValueError:
        log.exception("with values")
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(message)s")
    text = "\n".join(formatter.format(record) for record in records)
    assert "IntegrityError" in text and "UNIQUE constraint failed" in text
    for secret in ("Wilhelmina", "Brouwer", "1971", "Lindelaan", form.bsn, "12345678"):
        assert secret not in text, secret
