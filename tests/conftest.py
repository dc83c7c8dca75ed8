"""Shared test fixtures: paths to the samples and the real wire fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
# real wire responses, recorded upstream (sources and licences: tests/fixtures/README.md)
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's data or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AFTERWORD_HOME", str(home / "data"))
    monkeypatch.setenv("AFTERWORD_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("OLLAMA_HOST", raising=False)
