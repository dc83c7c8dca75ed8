"""Real-terminal smoke test: the app in tmux, keyboard only; the approved draft lands in tmux's
paste buffer through OSC 52, as it would over SSH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TMUX = shutil.which("tmux") or "/usr/bin/tmux"


class Tmux:
    """A private tmux server running one command in a window of the given size."""

    def __init__(self, home: Path) -> None:
        self.socket = f"afterword-test-{uuid.uuid4().hex[:8]}"
        self.conf = home / "tmux.conf"
        self.conf.write_text("set -g set-clipboard on\nset -g history-limit 1000\n")

    def run(self, *args: str) -> str:
        out = subprocess.run([TMUX, "-L", self.socket, "-f", str(self.conf), *args],
                             capture_output=True, text=True, timeout=10)
        return out.stdout

    def start(self, command: str, size: tuple[int, int] = (100, 32)) -> None:
        self.run("new-session", "-d", "-s", "t", "-x", str(size[0]), "-y", str(size[1]), command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t")

    def words(self) -> str:
        """The screen's words on one line (a wrapped sentence reads whole)."""
        return " ".join(self.screen().split())

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "t", *keys)

    def wait_for(self, check: Callable[[], bool], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    session = Tmux(tmp_path)
    yield session
    session.close()


def _env(tmp_path: Path, term: str = "xterm-256color") -> str:
    env = {
        "AFTERWORD_HOME": str(tmp_path / "home"),
        "AFTERWORD_CONFIG_DIR": str(tmp_path / "config"),
        "OLLAMA_HOST": "http://127.0.0.1:9",  # no Ollama: the app must fall back to offline
        "PYTHONPATH": str(ROOT / "src"),
        "TERM": term,
    }
    return " ".join(f"{k}={v}" for k, v in env.items())


def test_generate_and_approve_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:
    tmux.start(f"cd {ROOT} && env {_env(tmp_path)} COLORTERM=truecolor {sys.executable} -m afterword open "
               "sample_data/en_thank_you.json; sleep 30")
    tmux.wait_for(lambda: "ctrl+g to draft" in tmux.screen(), "the draft screen")

    tmux.keys("C-g")
    tmux.wait_for(lambda: "· done" in tmux.screen() and "Checks:" in tmux.screen(), "the draft")
    screen = tmux.screen()
    assert "Priya" in screen and "Traceback" not in screen

    tmux.keys("C-y")
    tmux.wait_for(lambda: "copies it and records" in tmux.screen(), "the approval question")
    assert "To: Priya Raman" in tmux.screen()
    tmux.keys("Enter")
    tmux.wait_for(lambda: "Recorded: thank-you to Priya Raman" in tmux.words(), "the record")
    assert "Priya Raman · warm ✓" in tmux.screen()  # the tab says she was sent to
    tmux.wait_for(lambda: "Priya" in tmux.run("show-buffer"), "the OSC 52 copy")
    copied = tmux.run("show-buffer")
    assert copied.startswith("Subject: ")
    assert "Maya Chen" in copied

    tmux.keys("C-q")
    tmux.wait_for(lambda: "afterword" not in tmux.screen() or "$" in tmux.screen(), "exit")
    assert os.path.exists(tmp_path / "home" / "afterword.json")


def test_new_application_form_takes_typing_at_once_in_256_colours(tmux: Tmux, tmp_path: Path) -> None:
    tmux.start(f"cd {ROOT} && env {_env(tmp_path, 'screen-256color')} {sys.executable} -m afterword; "
               "sleep 30", size=(80, 24))
    tmux.wait_for(lambda: "No applications yet" in tmux.screen(), "the dashboard")
    tmux.keys("n")
    tmux.wait_for(lambda: "The job" in tmux.screen(), "the notes form")
    tmux.keys("-l", "Acme Robotics")
    tmux.wait_for(lambda: "Acme Robotics" in tmux.screen(), "the typed company name")
    line = next(row for row in tmux.screen().splitlines() if "Acme Robotics" in row)
    assert line.lstrip().startswith("Company")
    # the focused field is marked in a way 256 colours keep: its row is drawn with other colours
    coloured = tmux.run("capture-pane", "-p", "-e", "-t", "t").splitlines()
    company = next(row for row in coloured if "Acme Robotics" in row)
    position = next(row for row in coloured if "Position" in row)
    assert company.split("Company")[1][:40] != position.split("Position")[1][:40]
    assert "needed" not in tmux.screen()  # nothing was left yet, so nothing is flagged


def test_no_native_library_writes_over_the_app(tmux: Tmux, tmp_path: Path) -> None:
    """harper-py prints a debug line (`gerund_form: …`) on "looking forward to hear"; the app's
    checks run Harper while the person types, and nothing it prints may reach the terminal."""
    raw = tmp_path / "pane.out"
    tmux.start(f"cd {ROOT} && env {_env(tmp_path)} {sys.executable} -m afterword open "
               "sample_data/en_thank_you.json; sleep 30")
    tmux.run("pipe-pane", "-o", "-t", "t", f"cat >> {raw}")  # every byte written to the terminal
    tmux.wait_for(lambda: "ctrl+g to draft" in tmux.screen(), "the draft screen")
    tmux.keys("C-g")
    tmux.wait_for(lambda: "· done" in tmux.screen() and "Checks:" in tmux.screen(), "the draft")
    tmux.keys("-l", "I am looking forward to hear from you. ")
    tmux.wait_for(lambda: "Checks: 1 error," in tmux.words() and "-ing form" in tmux.words(),
                  "the checks on the typed sentence")
    tmux.keys("C-q")
    tmux.wait_for(lambda: "Checks:" not in tmux.screen(), "exit")
    written = raw.read_bytes()
    assert b"look forward to" in written  # the capture saw the app's own drawing
    assert b"gerund_form" not in written and b"-hear-" not in written
