"""What the main window needs once the store is open (SQLAlchemy, the models, the services and
the panels that use them): imported on a background thread while the unlock screen waits."""

from app.services import caseload, context, sync  # noqa: F401
from app.storage import store  # noqa: F401
from app.ui import file_actions, main_window, settings_dialog, sync_panel  # noqa: F401
