"""Private by default: drafting with no configuration only ever opens loopback connections."""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys

from conftest import ROOT, SAMPLES

# Python's audit hooks see every socket connect and name lookup, whatever library makes it.
PROBE = """
import sys, json
events = []
def hook(event, args):
    if event == "socket.connect":
        events.append(["connect", str(args[1][0])])
    elif event == "socket.getaddrinfo":
        events.append(["lookup", str(args[0])])
sys.addaudithook(hook)
from afterword.cli import main
code = main(sys.argv[1:])
print("AUDIT" + json.dumps(events))
sys.exit(code)
"""


def _audit(*args: str) -> tuple[int, list[list[str]]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("OLLAMA_HOST", None)
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, timeout=120
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("AUDIT"))
    return out.returncode, json.loads(line[5:])


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def test_default_draft_touches_only_loopback() -> None:
    code, events = _audit("draft", str(SAMPLES / "en_thank_you.json"), "--json")
    assert code == 0
    assert events, "the auto backend probes the local Ollama port"
    assert all(_loopback(host) for _, host in events), events


def test_checks_and_validation_touch_no_network() -> None:
    code, events = _audit("validate", str(SAMPLES / "ja_thank_you.json"))
    assert code in (0, 1)
    assert events == []
