import os
import tempfile

# QSettings (remembered geometry) go to a throw-away folder, not the developer's own.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="trede-test-config-")

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.application import make_application


@pytest.fixture(scope="session")
def qapp_cls():  # type: ignore[no-untyped-def]
    return QApplication


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls, pytestconfig):  # type: ignore[no-untyped-def]
    return make_application(["trede-tests"])


def open_main_window(qtbot, store, owner, **client):  # type: ignore[no-untyped-def]
    """A main window on a store with one generated client; returns (window, client id)."""
    from app.services.clients import create_client
    from app.ui.main_window import MainWindow
    from tests.factories import client_form

    with store.session(owner.caseworker_id) as session:
        client_id = create_client(session, owner, client_form(**client))
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: not main.is_loading() and main.caseload.model.rowCount() == 1)
    return main, client_id


def visible_dialog(kind: str):  # type: ignore[no-untyped-def]
    """The open top-level dialog of this class name (dialogs open with open(), not exec())."""
    return next(
        w for w in QApplication.topLevelWidgets() if w.isVisible() and type(w).__name__ == kind
    )
