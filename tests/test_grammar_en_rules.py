"""English rules as data: every rule's own examples, our development rows, the user dictionary,
long and hostile input, and a clean stdout around Harper."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from afterword.checks.grammar import offline_checker
from afterword.checks.grammar.offline_en import native_output_silenced
from afterword.checks.grammar.patterns_en import Example, parse, rule_set
from afterword.checks.grammar.tokens_en import tokenize
from afterword.checks.validate import validate_notes
from afterword.cli import main
from afterword.dictionary import add_word, list_words, remove_word, user_words
from afterword.errors import InputError
from afterword.models import load_notes

ROOT = Path(__file__).resolve().parents[1]
CHECKER = offline_checker("en")
FILES = ("confusables_en.toml", "rules_en.toml")
EXAMPLES = [ex for name in FILES for ex in rule_set(name).examples]
DEV = [json.loads(line) for line in (ROOT / "tests/data/grammar_en_dev.jsonl").open(encoding="utf-8")]


def _flagged(text: str) -> list:  # type: ignore[type-arg]
    return [i for i in CHECKER.check(text, "en") if i.severity != "info"]


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if e.span], ids=lambda e: f"{e.rule}: {e.text[:40]}")
def test_each_rule_flags_its_wrong_examples(ex: Example) -> None:
    a, b = ex.span  # type: ignore[misc]
    hits = [i for i in _flagged(ex.text) if i.rule == ex.rule and i.offset < b and a < i.offset + i.length]
    assert hits, f"{ex.rule} missed {ex.text[a:b]!r} in {ex.text!r}"
    if ex.fix and "{" not in ex.fix:
        assert ex.fix.casefold() in {r.casefold() for r in hits[0].replacements}


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if not e.span], ids=lambda e: f"{e.rule}: {e.text[:40]}")
def test_no_rule_fires_on_its_right_examples_and_known_false_alarms(ex: Example) -> None:
    assert [i for i in _flagged(ex.text) if i.rule == ex.rule] == []


@pytest.mark.parametrize("name", FILES)
def test_every_pattern_rule_carries_a_wrong_example(name: str) -> None:
    with_examples = {e.rule for e in rule_set(name).examples if e.span}
    assert [r.id for r in rule_set(name).rules if r.id not in with_examples] == []


def test_a_pattern_marks_only_its_bracketed_words() -> None:
    pattern = parse("depend|depends [of] !course", {})
    toks = tokenize("It depends of the budget.")
    assert pattern.match(toks, 1, "It depends of the budget.") == [1, 2, 3]
    assert pattern.mark == (1, 2)
    with pytest.raises(ValueError, match="required word"):
        parse("!the <NN>?", {})


def _span(row: dict) -> tuple[int, int]:  # type: ignore[type-arg]
    start = row.get("offset", row["text"].find(row["error"]))
    return start, start + len(row["error"])


def _error_rows() -> list:  # type: ignore[type-arg]
    """Error rows; those marked `"gap": true` are known misses, kept as strict expected failures
    (a fix makes the test fail until the mark is removed)."""
    gap = pytest.mark.xfail(strict=True, reason="a known gap of the English rules")
    return [
        pytest.param(r, id=r["id"], marks=[gap] if r.get("gap") else [])
        for r in DEV
        if r["kind"] != "correct"
    ]


@pytest.mark.parametrize("row", _error_rows())
def test_dev_rows_with_an_error_are_found(row: dict) -> None:  # type: ignore[type-arg]
    a, b = _span(row)
    issues = [i for i in CHECKER.check(row["text"], "en", row.get("vocabulary", [])) if i.severity != "info"]
    assert any(i.offset < b and a < i.offset + max(i.length, 1) for i in issues), row["text"]


@pytest.mark.parametrize("row", [r for r in DEV if r["kind"] == "correct"], ids=lambda r: r["id"])
def test_dev_rows_without_an_error_are_left_alone(row: dict) -> None:  # type: ignore[type-arg]
    issues = CHECKER.check(row["text"], "en", row.get("vocabulary", []))
    assert [i for i in issues if i.severity != "info"] == [], row["text"]


# ---------------------------------------------------------------- the user dictionary
def test_a_word_added_to_the_dictionary_is_no_longer_reported() -> None:
    text = "We moved the jobs to the new xylograph cluster."
    assert any(text[i.offset : i.offset + i.length] == "xylograph" for i in _flagged(text))
    assert add_word("xylograph") is True
    assert add_word("Xylograph") is False  # already there, any case
    assert list_words() == ["xylograph"] and "xylograph" in user_words()
    assert _flagged(text) == []
    assert remove_word("XYLOGRAPH") is True and remove_word("xylograph") is False
    assert _flagged(text) != []


def test_the_dictionary_cli_adds_lists_and_removes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dict", "add", "Kowalczyk", "dbt"]) == 0
    assert main(["dict", "list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-2:] == ["Kowalczyk", "dbt"]
    assert main(["dict", "remove", "dbt"]) == 0
    assert main(["dict", "remove", "dbt"]) == 1
    assert main(["dict", "add", "two words"]) == 2
    assert "not a word" in capsys.readouterr().err


def test_a_bad_word_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="not a word"):
        add_word("x" * 65)


# ---------------------------------------------------------------- notes: free text is spell-checked
def test_validate_reports_typos_in_the_notes_free_text_with_their_field() -> None:
    notes = load_notes(ROOT / "sample_data/en_thank_you.json")
    notes = notes.model_copy(update={"topics_discussed": ["the claims pipline", "dbt tests at Northwind"]})
    spelling = [i for i in validate_notes(notes) if i.source == "spelling"]
    assert [(i.field, i.replacements[0]) for i in spelling] == [("topics_discussed[0]", "pipeline")]
    assert spelling[0].severity == "warning"


# ---------------------------------------------------------------- hostile input
@pytest.mark.timeout(120)
def test_a_huge_token_never_reaches_harper_and_offsets_hold() -> None:
    text = "I recieved the file " + "a" * 100_000 + " and the the notes."
    issues = CHECKER.check(text, "en")
    assert [text[i.offset : i.offset + i.length] for i in issues if i.severity != "info"] == [
        "recieved",
        "the the",
    ]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,
        "a-" * 100_000,
        "a." * 100_000,
        "a@" * 100_000,
        "x " * 100_000,
        "`a" * 100_000,
        "for you " * 25_000,
        "I am very " * 20_000,
        "Lucía's " * 25_000,
        "https://a.io/" + "b" * 200_000,
        "日本語のテキストです。" * 10_000,
        "The team was " * 20_000,
    ],
    ids=["letters", "hyphens", "dots", "ats", "words", "backticks", "for-you", "am-very", "accents", "url",
         "japanese", "subjects"],
)
def test_long_hostile_input_finishes(text: str) -> None:
    assert isinstance(CHECKER.check(text, "en"), list)


# ---------------------------------------------------------------- nothing but JSON on stdout
def test_check_json_prints_exactly_one_json_document_despite_harpers_debug_output() -> None:
    text = "I am looking forward to hear from you.\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "afterword", "check", "-", "--lang", "en", "--json"],
        input=text, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    report = json.loads(done.stdout)  # raises if anything else reached stdout
    assert done.stdout.strip().startswith("{") and done.stdout.strip().endswith("}")
    assert any(i["rule"] == "EN_LOOK_FORWARD_TO" for i in report["issues"])
    assert "gerund_form" not in done.stderr


def test_the_checker_writes_nothing_to_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    CHECKER.check("I am looking forward to hear from you.", "en")
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_what_another_thread_prints_meanwhile_still_reaches_the_terminal(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with native_output_silenced():
        done = threading.Thread(target=os.write, args=(1, b"Subject: still here\n"))
        done.start()
        done.join()
        os.write(1, b"gerund_form: -hearing- -- verb: -hear-\n")  # what harper-py prints
    assert capfd.readouterr().out == "Subject: still here\n"
