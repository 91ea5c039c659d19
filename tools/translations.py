"""Keeps the English translation in step with the Dutch source texts.

    python tools/translations.py          update resources/translations/trede_en.ts from
                                          the sources (pyside6-lupdate) and compile the .qm
                                          (pyside6-lrelease); translate new texts in the .ts
                                          (Qt Linguist, or by hand) and run it again.

The texts are the literals given to `tr(...)` and `QT_TR_NOOP(...)` in app/ui, plus the
labels of the domain's vocabularies and the services' due actions, which the GUI shows
through `vocab_label` and `tr`, and the sync's messages (`app.sync.errors`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TS_FILE = ROOT / "resources" / "translations" / "trede_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def domain_texts() -> list[str]:
    """Dutch labels that the domain and services hand to the GUI."""
    from app.domain import vocab
    from app.domain.formatting import MONTH_NAMES
    from app.domain.ladder import TREDE_DEFINITIONS, TREDE_NAMES, PolicyGroup
    from app.services.caseload import DUE_ACTION_LABELS
    from app.services.conflicts import ENTITY_LABELS, FIELD_LABELS, KIND_LABELS
    from app.services.due import DUE_LABELS as FILE_DUE_LABELS
    from app.services.placement_view import DUE_LABELS
    from app.services.sync import ACCOUNT_MESSAGES
    from app.sync.errors import MESSAGES as SYNC_MESSAGES

    texts: list[str] = []
    for item in vars(vocab).values():
        if isinstance(item, type) and issubclass(item, vocab.LabelledEnum) and item.__members__:
            texts.extend(member.label for member in item)
    texts.extend(MONTH_NAMES)
    texts.extend(DUE_ACTION_LABELS)
    texts.extend(DUE_LABELS)
    texts.extend(FILE_DUE_LABELS)
    texts.extend(TREDE_NAMES.values())
    texts.extend(TREDE_DEFINITIONS.values())
    texts.extend(group.value for group in PolicyGroup)
    for labels in (ENTITY_LABELS, FIELD_LABELS, KIND_LABELS):
        texts.extend(labels.values())
    texts.extend(SYNC_MESSAGES)
    texts.extend(ACCOUNT_MESSAGES)
    return list(dict.fromkeys(texts))


def lupdate(ts_file: Path) -> None:
    """Collect every source text into `ts_file` (existing translations are kept)."""
    with tempfile.TemporaryDirectory() as folder:
        marked = Path(folder) / "domain_texts.py"
        marked.write_text(
            "".join(f"QT_TR_NOOP({text!r})\n" for text in domain_texts()), encoding="utf-8"
        )
        sources = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-locations",
                "none",
                "-no-obsolete",
                *sources,
                str(marked),
                "-ts",
                str(ts_file),
            ],
            check=True,
            capture_output=True,
        )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


def main() -> None:
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)
    print(f"updated {TS_FILE.relative_to(ROOT)} and {QM_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
