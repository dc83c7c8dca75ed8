"""Private by default: drafting with no configuration only ever opens loopback connections."""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES

from afterword.backends.ollama import is_loopback, parse_host
from afterword.errors import InputError

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


def _draft_with_host(host: str, *extra_env: str) -> tuple[int, list[list[str]], str]:
    """`draft --backend ollama` with OLLAMA_HOST=host, under the audit hook; (exit, events, stderr)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OLLAMA_HOST": host,
           "AFTERWORD_OLLAMA__CONNECT_TIMEOUT": "0.5"}  # fmt: skip
    env.update(kv.split("=", 1) for kv in extra_env)
    out = subprocess.run(
        [sys.executable, "-c", PROBE, "draft", str(SAMPLES / "en_thank_you.json"), "--backend", "ollama",
         "--model", "llama3.2"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    line = next(x for x in out.stdout.splitlines() if x.startswith("AUDIT"))
    return out.returncode, json.loads(line[5:]), out.stderr


@pytest.mark.parametrize("host", ["http://127.attacker.example", "[fe80::1]:11434"])
def test_another_machine_is_refused_without_consent_and_never_looked_up(host: str) -> None:
    code, events, err = _draft_with_host(host)
    assert code == 2
    assert events == []  # no DNS lookup, no connection
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "is not this machine" in lines[0] and "allow_remote = true" in lines[0]


def test_another_machine_is_used_when_the_config_allows_it() -> None:
    code, events, err = _draft_with_host("http://192.0.2.1:11434", "AFTERWORD_OLLAMA__ALLOW_REMOTE=true")
    assert ["connect", "192.0.2.1"] in events
    assert err.count("your notes will be sent to the Ollama server at http://192.0.2.1:11434") == 1
    assert code == 1  # nothing answers at that documentation address


@pytest.mark.parametrize(("host", "url"), [(":9", "http://127.0.0.1:9"), ("[::1]:9", "http://[::1]:9")])
def test_this_machine_needs_no_consent(host: str, url: str) -> None:
    code, events, err = _draft_with_host(host)
    assert code == 1 and f"Ollama is not running at {url}" in err, err  # the port is closed
    assert events and all(_loopback(h) for _, h in events), events


@pytest.mark.parametrize(("host", "address", "url"), [
    ("localhost:9", "localhost", "http://localhost:9"),
    (":9", "127.0.0.1", "http://127.0.0.1:9"),
    ("127.9.9.9", "127.9.9.9", "http://127.9.9.9:11434"),
    ("0.0.0.0:9", "127.0.0.1", "http://127.0.0.1:9"),  # the server's listen-on-all setting
    ("http://[::ffff:127.0.0.1]:9", "::ffff:127.0.0.1", "http://[::ffff:127.0.0.1]:9"),
    ("https://LOCALHOST/ollama/", "localhost", "https://localhost:443/ollama"),
])  # fmt: skip
def test_loopback_is_decided_by_parsing_not_by_prefix(host: str, address: str, url: str) -> None:
    assert parse_host(host) == (url, address)
    assert is_loopback(address)


@pytest.mark.parametrize("host", [
    "http://127.attacker.example", "127.0.0.1.nip.io", "http://10.0.0.7:11434", "192.168.1.20",
    "https://ollama.example.com", "[fe80::1]:11434", "localhost.attacker.example",
])  # fmt: skip
def test_anything_else_is_another_machine(host: str) -> None:
    assert not is_loopback(parse_host(host)[1])


@pytest.mark.parametrize(("host", "why"), [
    ("::::", "not a valid address"), (":99999", "not a valid address"),
    ("999.1.1.1", "not a valid IP address"), ("ftp://x", "ftp://"), ("http://exa mple", "not a valid"),
])  # fmt: skip
def test_a_malformed_host_is_named(host: str, why: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_host(host)
    assert f"Ollama host {host!r}" in str(caught.value) and why in str(caught.value)


def test_a_malformed_host_is_one_line_and_exit_2() -> None:
    code, events, err = _draft_with_host("::::")
    assert code == 2 and events == []
    assert "Ollama host '::::'" in err and len(err.strip().splitlines()) == 1


def test_an_empty_ollama_host_means_the_default_and_says_so() -> None:
    code, events, err = _draft_with_host("")
    assert code == 1  # nothing runs at the default port here
    assert "OLLAMA_HOST is set but empty, so the default http://127.0.0.1:11434 is used" in err
    assert "configured at" not in err
    assert all(host == "127.0.0.1" for _, host in events)
