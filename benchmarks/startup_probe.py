"""Run by bench_workbench.py in a fresh process, along the app's own start-up path (unlock
screen, passphrase, main window, caseload query, first paint). Prints three numbers:

  ready   seconds from process start until the unlock screen takes keystrokes;
  shown   seconds from process start until the caseload is shown;
  rows    the number of caseload rows.

Mode "instant" gives the passphrase the moment the unlock screen is up (no typing time at
all, the worst case). Mode "typed" gives it once the background import that runs while the
caseworker types is done, and then "shown" counts from the Enter key.
"""

import time

STARTED = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from PySide6.QtCore import QEventLoop

    from app.ui import prefetch
    from app.ui.application import make_application
    from app.ui.dialogs import UnlockDialog

    data_dir, mode = Path(sys.argv[1]), sys.argv[2]
    app = make_application(["trede-probe"])
    unlock = UnlockDialog(data_dir)
    prefetch.start()
    unlock.show()
    app.processEvents()
    ready = time.perf_counter() - STARTED
    clock_from = STARTED
    if mode == "typed":
        prefetch.wait()  # the caseworker is typing meanwhile
        clock_from = time.perf_counter()
    unlock.passphrase.setText(os.environ["TREDE_PASSPHRASE"])
    unlock.try_unlock()
    store = unlock.store
    assert store is not None, unlock.error.text()
    prefetch.wait()
    from app.ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    if window.is_loading():
        loop = QEventLoop()
        window.caseload_ready.connect(loop.quit)
        loop.exec()
    window.caseload.table.viewport().repaint()
    app.processEvents()
    shown = time.perf_counter() - clock_from
    rows = window.caseload.model.rowCount()
    window.close()
    store.close()
    print(f"{ready:.3f} {shown:.3f} {rows}")


main()
