"""Settings: TOML in the config folder, `AFTERWORD_…` variables over it, one clear line when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterword.config import load_settings
from afterword.errors import InputError


def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("AFTERWORD_CONFIG_DIR", str(tmp_path))


def test_defaults_are_private_and_offline_friendly() -> None:
    s = load_settings()
    assert s.backend == "auto"
    assert s.ollama.host == "http://127.0.0.1:11434"
    assert s.checks.languagetool == "local" and not s.checks.languagetool_download_ok


def test_toml_then_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, monkeypatch, 'tone = "formal"\n[ollama]\nmodel = "qwen2.5"\nkeep_alive = "1h"\n')
    monkeypatch.setenv("AFTERWORD_OLLAMA__MODEL", "llama3.2")
    s = load_settings()
    assert (s.tone, s.ollama.model, s.ollama.keep_alive) == ("formal", "llama3.2", "1h")


def test_ollama_host_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "http://127.0.0.1:9999")
    assert load_settings().ollama.host == "http://127.0.0.1:9999"


def test_bad_value_names_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, monkeypatch, "[checks]\nrepair_attempts = 5\n")
    with pytest.raises(
        InputError, match=r"config.toml or AFTERWORD_CHECKS__REPAIR_ATTEMPTS: `checks.repair_attempts`"
    ):
        load_settings()


def test_broken_toml_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, monkeypatch, "backend = \n")
    with pytest.raises(InputError, match="invalid TOML"):
        load_settings()
