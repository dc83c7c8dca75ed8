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


@pytest.mark.parametrize(("toml", "env", "message", "hint"), [
    ('[ollama]\nmodle = "x"\n', {}, "unknown setting `ollama.modle`", "did you mean `model`?"),
    ('backnd = "offline"\n', {}, "unknown setting `backnd`", "did you mean `backend`?"),
    ("[checks]\nlanguagetol = 1\n", {}, "setting `checks.languagetol`", "did you mean `languagetool`?"),
    ("[ui]\nzzz = 1\n", {}, "unknown setting `ui.zzz`", "remove it"),
    ("", {"AFTERWORD_OLLAMA__MODLE": "x"}, "AFTERWORD_OLLAMA__MODLE: unknown setting `ollama.modle`",
     "did you mean `model`?"),
    ("", {"AFTERWORD_BACKND": "x"}, "AFTERWORD_BACKND: unknown setting `backnd`", "did you mean `backend`?"),
    ("", {"AFTERWORD_PLANNER__GRACE": "3"}, "setting `planner.grace`", "did you mean `grace_days`?"),
])  # fmt: skip
def test_unknown_keys_are_refused_at_every_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, env: dict[str, str], message: str, hint: str
) -> None:
    _config(tmp_path, monkeypatch, toml)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(InputError) as caught:
        load_settings()
    assert message in caught.value.message and caught.value.hint == hint


def test_afterword_folders_and_debug_are_not_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERWORD_DEBUG", "1")
    assert load_settings().backend == "auto"  # AFTERWORD_HOME and _CONFIG_DIR are set by conftest


def test_a_bom_in_the_config_is_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, monkeypatch, '\ufefftone = "formal"\n')
    assert load_settings().tone == "formal"


@pytest.mark.parametrize(("raw", "message"), [
    (b'tone = "\xff\xfe"\n', "not UTF-8 text (byte 8 cannot be decoded"),
    ('tone = "丁寧"\n'.encode("shift_jis"), "not UTF-8 text"),
    (b"a = " + b"[" * 5000 + b"]" * 5000, "invalid TOML"),
])  # fmt: skip
def test_an_unreadable_config_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raw: bytes, message: str
) -> None:
    (tmp_path / "config.toml").write_bytes(raw)
    monkeypatch.setenv("AFTERWORD_CONFIG_DIR", str(tmp_path))
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        load_settings()


def test_a_config_symlink_loop_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.toml").symlink_to(tmp_path / "config.toml")
    monkeypatch.setenv("AFTERWORD_CONFIG_DIR", str(tmp_path))
    with pytest.raises(InputError, match=r"config.toml: cannot read the config file .*symbolic links"):
        load_settings()


@pytest.mark.parametrize(("var", "value", "message"), [
    ("AFTERWORD_UI__KEYMAP", "{bad", "AFTERWORD_UI…: a variable's value is not valid JSON"),
    ("AFTERWORD_OLLAMA", "{bad", "AFTERWORD_OLLAMA…: a variable's value is not valid JSON"),
    ("AFTERWORD_UI__KEYMAP", "[" * 20000 + "]" * 20000, "nested too deeply"),
    ("AFTERWORD_OLLAMA__READ_TIMEOUT", "-1", "`ollama.read_timeout`: input should be greater than 0"),
    ("AFTERWORD_OLLAMA__CONNECT_TIMEOUT", "0", "`ollama.connect_timeout`: input should be greater than 0"),
    ("AFTERWORD_OLLAMA__PROBE_TIMEOUT", "inf", "`ollama.probe_timeout`: input should be a finite number"),
    ("AFTERWORD_OLLAMA__TEMPERATURE", "nan", "`ollama.temperature`: input should be a finite number"),
    ("AFTERWORD_OLLAMA__TEMPERATURE", "-0.5", "`ollama.temperature`: input should be greater than or equal"),
    ("AFTERWORD_OLLAMA__NUM_PREDICT", "0", "`ollama.num_predict`: input should be greater than or equal"),
])  # fmt: skip
def test_bad_environment_values_are_one_line(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, message: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(InputError) as caught:
        load_settings()
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_an_empty_ollama_host_means_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_HOST", "  ")
    settings = load_settings()
    assert settings.ollama.host == "http://127.0.0.1:11434" and settings.ollama.allow_remote is False
