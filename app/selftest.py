"""`--self-test`: proves, headless and in a few seconds, that an installed Trede has all its
parts: SQLCipher, the migrations, the rules table, the fonts, Qt and its plugins, the
translations. It works in a temporary folder and never touches the caseworker's store or
keyring."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

PASSPHRASE = "zelftest-wachtwoord-123"
Report = Callable[[str], None]


def _store(folder: Path) -> str:
    from app.domain.vocab import Role
    from app.services.clients import ClientForm, create_client, get_client
    from app.services.context import initialise_owner, owner_actor
    from app.services.opening import create_store, unlock_store

    # generated data in a throw-away folder: a demo store, which may use the demo keyring
    store = create_store(folder / "store", PASSPHRASE, demo=True)
    with store.session() as session:
        owner = initialise_owner(
            session,
            username="zelftest",
            display_name="Zelftest",
            role=Role.WORK_COACH,
            team_name="Zelftest",
        )
    with store.session(owner.caseworker_id) as session:
        client_id = create_client(
            session,
            owner,
            ClientForm(
                bsn="123456782",  # the RULES.md example number; a generated test person
                voornamen="Şükrü",
                achternaam="Yılmaz-Gąsiorowska",
                birth_date="14-02-1985",
                municipality="hengelo",
            ),
        )
    store.close()
    header = (folder / "store" / "trede.db").read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        raise AssertionError("de database is niet versleuteld")
    reopened = unlock_store(folder / "store", PASSPHRASE)
    with reopened.session() as session:
        actor = owner_actor(session)
        session.info["actor_id"] = actor.caseworker_id
        name = get_client(session, actor, client_id).display_name
    reopened.close()
    return f"versleutelde database gemaakt en heropend ({name})"


def _ladder() -> str:
    from app.domain.ladder import LadderAnswers, derive_trede, policy_group

    trede = derive_trede(LadderAnswers(organised_activity=True, organised_activity_weekly=True))
    if trede != 3:
        raise AssertionError(f"trede {trede} in plaats van 3")
    return f"trede {trede}, {policy_group(trede).value}"


def _subsidy() -> str:
    from app.domain.wage import monthly_wage_cost_subsidy

    amount = monthly_wage_cost_subsidy(
        on=dt.date(2026, 3, 1),
        age=30,
        wage_hour=Decimal("16.00"),
        hours_per_week=Decimal(24),
        loonwaarde_pct=Decimal(60),
    )
    if amount != Decimal("708.83"):
        raise AssertionError(f"{amount} in plaats van 708.83")
    return f"loonkostensubsidie rekenvoorbeeld € {amount}"


def _pdf(folder: Path) -> str:
    from app.reports.plan_pdf import render_plan
    from app.services.plans import PlanDocument

    target = folder / "zelftest-plan.pdf"
    render_plan(
        PlanDocument(
            municipality="Hengelo",
            title="Plan van aanpak",
            version=1,
            issued_on="23-11-2026",
            client_name="Şükrü Yılmaz-Gąsiorowska",
            client_bsn="123456782",
            client_birth_date="14-02-1985",
            client_address="Marktstraat 12a, 7551 AB  Hengelo",
            caseworker="Zelftest",
            caseworker_role="Werkcoach",
            trede=3,
            trede_history=[("01-02-2025", 2), ("01-03-2026", 3)],
            expected_trede=4,
            expected_by="01-03-2027",
            situation="Zelftest.",
            support_offered="Zelftest.",
            goals=[{"description": "Taalniveau A2", "target": "01-12-2026", "achieved": ""}],
        ),
        target,
    )
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or b"DejaVuSans" not in data:
        raise AssertionError("de PDF mist het ingebedde lettertype")
    return f"plan van aanpak als PDF met ingebed lettertype ({len(data) // 1024} KiB)"


def _qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtWidgets import QApplication, QLabel

    from app.resources import resource_path

    if QApplication.instance() is None:
        QApplication(["trede-zelftest"])
    label = QLabel("Trede")
    label.resize(120, 40)
    image = QImage(120, 40, QImage.Format.Format_ARGB32)
    label.render(image)
    icon = QImage(str(resource_path("images", "trede.png")))
    if icon.isNull():
        raise AssertionError("het programmapictogram ontbreekt of de beeldplugins ontbreken")
    translator = QTranslator()
    if not translator.load(str(resource_path("translations", "trede_en.qm"))):
        raise AssertionError("de Engelse vertaling ontbreekt")
    english = translator.translate("", "Nieuwe klant")
    if english != "New client":
        raise AssertionError(f"vertaling geeft {english!r}")
    return f"Qt {QGuiApplication.platformName()}: venster getekend, pictogram en vertaling geladen"


def _sync() -> str:
    """The sync client is bundled: its wire format round-trips and an unreachable server is
    reported as such (a closed port on this machine, no network needed)."""
    import socket

    from app.models import JournalEntry
    from app.sync.client import ServerUnreachable
    from app.sync.http import HttpTransport
    from app.sync.wire import ENTITIES, decode_fields, encode_value

    entity_ = ENTITIES["journal_entries"]
    sample = {"occurred_on": dt.date(2026, 11, 20), "subject": "Zelftest"}
    wire = {name: encode_value(value) for name, value in sample.items()}
    if decode_fields(entity_, wire) != sample or entity_.model is not JournalEntry:
        raise RuntimeError("wire format does not round-trip")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    transport = HttpTransport(f"http://127.0.0.1:{port}", timeout=3)
    try:
        transport.post("/v1/pull", {"cursor": 0})
    except ServerUnreachable:
        return "berichtformaat en httpx; onbereikbare server netjes gemeld"
    finally:
        transport.close()
    raise RuntimeError("a closed port answered")


def run_self_test(report: Report = print) -> int:
    """Run every check; 0 when all pass, 1 otherwise. Uses a throw-away folder and keyring."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="trede-zelftest-") as name:
        folder = Path(name)
        os.environ["TREDE_INSECURE_KEYRING_FILE"] = str(folder / "keyring.json")
        import keyring

        from app.storage.insecure_keyring import InsecureDemoKeyring

        keyring.set_keyring(InsecureDemoKeyring(folder / "keyring.json"))
        checks: list[tuple[str, Callable[[], str]]] = [
            ("database (SQLCipher, migraties)", lambda: _store(folder)),
            ("participatieladder", _ladder),
            ("regeltabel en loonkostensubsidie", _subsidy),
            ("plan-PDF (reportlab, lettertype)", lambda: _pdf(folder)),
            ("Qt (plugins, pictogram, vertaling)", _qt),
            ("synchronisatie (berichtformaat, HTTP)", _sync),
        ]
        failures = 0
        for title, check in checks:
            try:
                detail = check()
            except Exception as exc:  # report every failing part, not only the first
                failures += 1
                report(f"FOUT  {title}: {type(exc).__name__}: {exc}")
            else:
                report(f"ok    {title}: {detail}")
    seconds = time.perf_counter() - started
    report(
        f"zelftest {'geslaagd' if not failures else 'MISLUKT'} in {seconds:.1f} s"
        + (f" ({failures} fout)" if failures else "")
    )
    return 1 if failures else 0
