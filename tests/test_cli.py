"""The headless commands as a user runs them: real processes, real files."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parent.parent


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    full_env = {**os.environ, **(env or {})}
    full_env.pop("TREDE_PASSPHRASE", None)
    full_env.pop("DISPLAY", None)
    full_env.pop("WAYLAND_DISPLAY", None)
    full_env.pop("QT_QPA_PLATFORM", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        cwd=ROOT,
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"Trede {__version__}"
    help_text = run("--help").stdout
    for word in ("--data-dir", "--demo", "demo", "caseload", "init", "passwd"):
        assert word in help_text


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli") / "demo"
    result = run("--data-dir", str(data_dir), "demo", "--clients", "60")
    assert result.returncode == 0, result.stderr
    assert "demo-wachtwoord" in result.stderr
    return data_dir


def test_demo_then_caseload(demo_dir: Path) -> None:
    result = run("--demo", "--data-dir", str(demo_dir), "caseload", "--team", "--limit", "5")
    assert result.returncode == 0, result.stderr
    assert "60 klanten" in result.stdout
    assert "nog 55 klanten" in result.stdout


def test_wrong_passphrase_prints_one_line(demo_dir: Path) -> None:
    def digest() -> list[str]:
        files = sorted(p for p in demo_dir.rglob("*") if p.is_file())
        return [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]

    before = digest()
    result = run("--data-dir", str(demo_dir), "caseload", stdin="verkeerd-wachtwoord\n")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "Het wachtwoord klopt niet. Probeer het opnieuw (let op Caps Lock)."
    ]
    assert digest() == before


def test_right_passphrase_via_stdin(demo_dir: Path) -> None:
    result = run("--data-dir", str(demo_dir), "caseload", stdin="demo-wachtwoord\n")
    assert result.returncode == 0, result.stderr


def test_without_a_display_the_gui_explains_and_lists(demo_dir: Path) -> None:
    result = run("--demo", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert "Geen beeldscherm" in result.stderr
    assert "Caseload van" in result.stdout


def test_init_and_passwd(tmp_path: Path) -> None:
    data_dir = str(tmp_path / "mine")
    weak = run("--data-dir", data_dir, "init", "--name", "Test", "--username", "t", stdin="kort\n")
    assert weak.returncode == 2 and "minstens 8" in weak.stderr
    made = run(
        "--data-dir",
        data_dir,
        "init",
        "--name",
        "Test Werkcoach",
        "--username",
        "t",
        stdin="mijn-wachtwoord\n",
    )
    assert made.returncode == 0, made.stderr
    changed = run("--data-dir", data_dir, "passwd", stdin="mijn-wachtwoord\nnieuw-wachtwoord\n")
    assert changed.returncode == 0, changed.stderr
    listed = run("--data-dir", data_dir, "caseload", stdin="nieuw-wachtwoord\n")
    assert listed.returncode == 0 and "0 klanten" in listed.stdout


def test_missing_store_says_what_to_do(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "none"), "caseload", stdin="x\n")
    assert result.returncode == 2
    assert "main.py init" in result.stderr
