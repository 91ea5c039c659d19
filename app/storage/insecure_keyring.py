"""INSECURE keyring fallback for the demo and the tests only: secrets in a plain JSON file.

Chosen only by name, e.g. PYTHON_KEYRING_BACKEND=app.storage.insecure_keyring.InsecureDemoKeyring
(or by `main.py --demo` on a machine without an OS credential store). Never for client data.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "TREDE_INSECURE_KEYRING_FILE"


def default_file() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Trede", appauthor=False)) / "INSECURE-demo-keyring.json"


class InsecureDemoKeyring(KeyringBackend):
    """Plain-text secrets; the file is readable by anyone who can read the laptop's disk."""

    priority = -1  # never picked by keyring's own discovery

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring is not typed there
        env = os.environ.get(FILE_ENV)
        self.path = path or (Path(env) if env else default_file())

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            data = None
        if not isinstance(data, dict) or not all(
            isinstance(entries, dict) and all(isinstance(v, str) for v in entries.values())
            for entries in data.values()
        ):
            from app.storage.errors import InsecureKeyring

            raise InsecureKeyring(
                f"Het bestand van de demosleutelbos ({self.path}) is beschadigd. Verwijder het "
                "en maak de demo opnieuw (de demo bevat alleen gegenereerde klanten)."
            )
        return data

    def _save(self, data: dict[str, dict[str, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data.setdefault(service, {})[username] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if username not in data.get(service, {}):
            raise PasswordDeleteError("no such secret")
        del data[service][username]
        self._save(data)
