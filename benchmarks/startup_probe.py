"""Run by bench_workbench.py in a fresh process, along the app's own start-up path (unlock
screen, passphrase, main window, caseload, first paint). Prints four numbers:

  ready   seconds from process start until the unlock screen takes keystrokes;
  shown   seconds from process start until the caseload is shown (the last caseload, kept
          in the store, when there is one: the window shows it while the store opens);
  rows    the number of caseload rows;
  fresh   seconds from process start until the freshly queried caseload replaced it.

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
    from app.ui.application import PREFETCH_DELAY_S, Start, make_application, open_main_window
    from app.ui.dialogs import UnlockDialog

    data_dir, mode = Path(sys.argv[1]), sys.argv[2]
    app = make_application(["trede-probe"])
    unlock = UnlockDialog(data_dir, quick_start=True)
    prefetch.start(delay=PREFETCH_DELAY_S)
    unlock.show()
    app.processEvents()
    ready = time.perf_counter() - STARTED
    clock_from = STARTED
    if mode == "typed":
        prefetch.wait()  # the caseworker is typing meanwhile
        clock_from = time.perf_counter()
    unlock.passphrase.setText(os.environ["TREDE_PASSPHRASE"])
    unlock.try_unlock()
    assert unlock.result(), unlock.error.text()
    start = Start(False, store=unlock.store, key=unlock.key, snapshot=unlock.snapshot)
    window = open_main_window(start)

    def wait_for(signal: object) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        loop.exec()

    if window.caseload.model.rowCount() == 0:
        wait_for(window.caseload_ready)
    window.caseload.table.viewport().repaint()
    app.processEvents()
    shown = time.perf_counter() - clock_from
    rows = window.caseload.model.rowCount()
    if window.store is None:
        wait_for(window.attached)
    if window.is_loading():
        wait_for(window.caseload_ready)
    fresh = time.perf_counter() - clock_from
    window.close()
    assert window.store is not None
    window.store.close()
    print(f"{ready:.3f} {shown:.3f} {rows} {fresh:.3f}")


main()
