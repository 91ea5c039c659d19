"""`--self-test` runs headless in a throw-away folder and proves each part works."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_self_test_passes_and_touches_nothing_of_the_user(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("PYTHON_KEYRING_BACKEND", None)  # it must not need the caller's keyring set-up
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == ["ok"] * 6
    assert "zelftest geslaagd" in lines[-1]
    assert "Şükrü Yılmaz-Gąsiorowska" in done.stdout
    assert not (tmp_path / "data").exists()  # no store, no keyring file left behind


def test_the_bundle_spec_carries_every_resource() -> None:
    spec = (ROOT / "installer" / "trede.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert '"app/storage/migrations"' in spec
    for needed in (
        "rules.toml",
        "regions/midden-twente.toml",
        "translations/trede_en.qm",
        "fonts/DejaVuSans.ttf",
        "images/trede.png",
    ):
        assert (ROOT / "resources" / needed).is_file(), needed
    for kept_out in ('"central"', '"tests"'):
        assert kept_out in spec
