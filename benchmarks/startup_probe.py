"""Run by bench_workbench.py in a fresh process: time from process start until the main
window shows the caseload (imports, unlock, query, first paint). Prints seconds."""

import time

STARTED = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from app.storage.store import unlock_store
    from app.ui.application import make_application
    from app.ui.main_window import MainWindow

    app = make_application(["trede-probe"])
    store = unlock_store(Path(sys.argv[1]), os.environ["TREDE_PASSPHRASE"])
    window = MainWindow(store)
    window.show()
    window.reload()
    while window.is_loading():
        app.processEvents()
        time.sleep(0.001)
    window.caseload.table.viewport().repaint()
    app.processEvents()
    elapsed = time.perf_counter() - STARTED
    rows = window.caseload.model.rowCount()
    window.close()
    store.close()
    print(f"{elapsed:.3f} {rows}")


main()
