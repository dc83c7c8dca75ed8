"""bench/run.py's report, on canned figures: a figure over its target is marked, and the JSON
carries every key with its value (the benchmark itself is not run here)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _run_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missed_target_is_marked_and_json_has_every_key() -> None:
    run = _run_module()
    from _timing import Row  # bench/ is on the path once run.py is loaded

    results = {
        "cli": [
            Row("cli_draft_offline_ms", 1290.0, "ms", "whole process", 800.0, anchor="python start 25 ms"),
            Row("cli_help_ms", 52.0, "ms", "whole process"),
        ],
        "store": [Row("store_track_ms", 41.5, "ms", "update one", 50.0)],
    }
    loads = {"cli": (2.1, 2.3), "store": (2.3, 2.2)}
    lines = run.table(results, loads).splitlines()
    by_key = {line.split()[0]: line for line in lines if line.split() and "_" in line.split()[0]}
    assert "MISSED" in by_key["cli_draft_offline_ms"] and "≤ 800" in by_key["cli_draft_offline_ms"]
    assert " ok " in by_key["store_track_ms"]
    assert "MISSED" not in by_key["cli_help_ms"] and " ok " not in by_key["cli_help_ms"]
    assert any("load average 2.1 → 2.3" in line for line in lines)

    figures = json.loads(json.dumps(run.as_json(results, loads, quick=False)))
    assert figures["cli_draft_offline_ms"] == 1290.0 and figures["store_track_ms"] == 41.5
    assert figures["meta"]["missed"] == ["cli_draft_offline_ms"]
