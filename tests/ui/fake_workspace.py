"""A stand-in for the Workspace where a GUI test is simpler without a store: generated rows in
memory, and a caseload load that can be held back to test what happens while it runs."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from app.domain.vocab import ClientStatus, Role, WorkObligation
from app.services.actor import Actor
from app.services.caseload_rows import CaseloadRow, Scope
from app.services.sync import SyncStatus


def caseload_row(number: int, caseworker: Actor) -> CaseloadRow:
    surname = f"Klant{number:03d}"
    return CaseloadRow(
        client_id=f"client-{number}",
        bsn=f"{100000000 + number}",
        display_name=f"A. {surname}",
        listing_name=f"{surname}, A.",
        sort_key=(surname.casefold(), "a", ""),
        search_text=f"a {surname.casefold()}",
        birth_date=dt.date(1980, 1, 1),
        age=46,
        postcode="7551AB",
        municipality="hengelo",
        status=ClientStatus.ACTIVE,
        work_obligation=WorkObligation.IMPOSED.value,
        priority_groups=(),
        trede=3,
        review_on=None,
        next_action=None,
        caseworker_id=caseworker.caseworker_id,
        caseworker_name=caseworker.display_name,
    )


class FakeWorkspace:
    """A team lead with `own` clients of their own and `others` of a colleague."""

    def __init__(self, data_dir: Path, *, own: int = 2, others: int = 3) -> None:
        self.data_dir = data_dir
        self.actor = Actor("lead-1", Role.TEAM_LEAD, "team-1", "Teamleider Test")
        colleague = Actor("wc-1", Role.WORK_COACH, "team-1", "Werkcoach Test")
        self.rows = {
            Scope.OWN: [caseload_row(n, self.actor) for n in range(own)],
            Scope.TEAM: [caseload_row(n, self.actor) for n in range(own)]
            + [caseload_row(own + n, colleague) for n in range(others)],
        }
        self.loads: list[Scope] = []
        self.hold_first_load = threading.Event()
        self.hold_first_load.set()  # clear() to keep the first load waiting
        self.snapshots: list[tuple[Scope, int]] = []

    def caseload_rows(self, *, scope: Scope, include_closed: bool = True) -> list[CaseloadRow]:
        self.loads.append(scope)
        if len(self.loads) == 1:
            self.hold_first_load.wait(10)
        return list(self.rows[scope])

    def save_caseload_snapshot(self, scope: Scope, rows: list[CaseloadRow]) -> None:
        self.snapshots.append((scope, len(rows)))

    def sync_status(self) -> SyncStatus:
        return SyncStatus(False, None, None, 0, 0, 0.0)

    def backup_if_due(self) -> None:
        return None
