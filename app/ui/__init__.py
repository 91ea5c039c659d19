"""The PySide6 user interface: windows, dialogs and item models. Calls services only."""
