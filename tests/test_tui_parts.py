"""The TUI's plain helpers (form mapping, word diff, GUIDANCE lookup) and the import seam."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from afterword.models import parse_notes
from afterword.tui.diffing import similarity, word_diff
from afterword.tui.guidance import explain
from afterword.tui.notes_form import (
    BLANK,
    field_for,
    notes_to_values,
    validate_values,
    values_to_notes,
)

ROOT = Path(__file__).resolve().parents[1]


def test_every_sample_round_trips_through_the_form() -> None:
    for path in sorted((ROOT / "sample_data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        original = parse_notes(data, path.name)
        again = parse_notes(values_to_notes(notes_to_values(data)), path.name)
        assert again == original, path.name


def test_blank_form_names_the_required_fields() -> None:
    notes, issues = validate_values(notes_to_values(BLANK))
    assert notes is None
    fields = {field_for(i.field) for i in issues}
    assert {"sender.name", "company.name", "position"} <= fields


def test_negative_news_is_flagged_on_its_field() -> None:
    data = json.loads((ROOT / "sample_data" / "en_thank_you.json").read_text(encoding="utf-8"))
    notes, issues = validate_values(notes_to_values(data))
    assert notes is not None
    news = [i for i in issues if i.rule == "C5-news"]
    assert news and field_for(news[0].field) == "company.news"


def test_field_paths_map_to_form_fields() -> None:
    assert field_for("company.news[1].text") == "company.news"
    assert field_for("interviewers[0].email") == "interviewers"
    assert field_for("outcome.warm") == "outcome.warm"
    assert field_for("feedback") == "feedback.positive"
    assert field_for(None) is None


def test_word_diff_marks_added_and_removed_words() -> None:
    segments = word_diff("Thank you for the chat", "Thank you so much for the chat")
    assert ("added", "so much ") in segments or any(k == "added" and "so" in t for k, t in segments)
    assert "".join(t for k, t in segments if k != "removed") == "Thank you so much for the chat"
    assert similarity("a b c", "a b c") == 1.0


def test_guidance_lines_are_explained_for_rule_ids() -> None:
    line = explain("C5-news")
    assert line is not None and line.startswith("C5 Reference recent company news")
    assert explain("stock-phrase") is None
    cited = explain("stock-phrase", "filler makes a note read as machine-written (GUIDANCE C3: …)")
    assert cited is not None and cited.startswith("C3 Concise")


def test_domain_imports_without_textual() -> None:
    code = (
        "import sys\n"
        "import afterword.pipeline, afterword.checks, afterword.store, afterword.export\n"
        "import afterword.planner, afterword.tui.notes_form, afterword.tui.diffing\n"
        "assert 'textual' not in sys.modules, 'textual imported by the domain'\n"
        "assert 'rich' not in sys.modules, 'rich imported by the domain'\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_open_with_bad_notes_exits_2_before_the_tui(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"language": "en", "sender": {"name": "A"}, "compnay": {}}', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "AFTERWORD_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "afterword", "open", str(bad)], env=env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "bad.json" in result.stderr and "company" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert "Traceback" not in result.stderr
