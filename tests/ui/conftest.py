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
