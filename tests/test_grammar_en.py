"""Offline English checker: Harper + our rules, on labelled sentences and real drafts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from afterword.backends.offline import compose
from afterword.checks.grammar import make_checker, offline_checker, start_warmup, vocabulary_from_notes
from afterword.config import CheckSettings
from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, TONES, load_notes

ROOT = Path(__file__).resolve().parents[1]
LABELLED = [json.loads(line) for line in (ROOT / "tests/data/grammar_en_labelled.jsonl").open()]
ERRORS = [row for row in LABELLED if row["category"] != "correct"]
CORRECT = [row for row in LABELLED if row["category"] == "correct"]
CHECKER = offline_checker("en")


def _span(row: dict[str, str]) -> tuple[int, int]:
    found = re.search(r"(?<!\w)" + re.escape(row["error"]) + r"(?!\w)", row["text"])
    assert found is not None
    return found.span()


@pytest.mark.parametrize("row", ERRORS, ids=lambda r: r["text"][:50])
def test_each_labelled_error_is_found_with_its_fix(row: dict[str, str]) -> None:
    start, end = _span(row)
    issues = CHECKER.check(row["text"], "en", row.get("vocabulary", []))
    hits = [i for i in issues if i.offset < end and start < i.offset + max(i.length, 1)]
    assert hits, f"nothing flagged in {row['text']!r}"
    fixes = {r.casefold() for i in hits for r in i.replacements}
    assert row["fix"].casefold() in fixes or any(row["fix"].casefold() in f for f in fixes)
    assert all(i.message for i in hits)


@pytest.mark.parametrize("row", CORRECT, ids=lambda r: r["text"][:50])
def test_correct_sentences_are_left_alone(row: dict[str, str]) -> None:
    issues = CHECKER.check(row["text"], "en", row.get("vocabulary", []))
    assert [i for i in issues if i.severity != "info"] == []


def test_offsets_are_string_indices_after_emoji_and_accents() -> None:
    text = "🎉 Café news! I recieve it and its a great day."
    issues = CHECKER.check(text, "en")
    words = [text[i.offset : i.offset + i.length] for i in issues]
    assert words == ["recieve", "its"]
    assert [i.replacements[0] for i in issues] == ["receive", "it's"]


def test_names_from_the_notes_are_never_typos() -> None:
    notes = load_notes(ROOT / "sample_data/en_thank_you.json")
    text = "Dear Priya, thank you and Tom Okafor for the chat about dbt at Northwind Health."
    without = CHECKER.check(text, "en")
    severity = {text[i.offset : i.offset + i.length]: i.severity for i in without}
    assert severity["Priya"] == severity["Okafor"] == "info"  # capitalised: probably a name
    assert severity["dbt"] == "info"  # no vowels: an abbreviation or a term
    assert CHECKER.check(text, "en", vocabulary_from_notes(notes)) == []


def test_vocabulary_has_names_and_terms_but_not_the_free_texts_lower_case_words() -> None:
    notes = load_notes(ROOT / "sample_data/en_thank_you.json")
    vocab = vocabulary_from_notes(notes)
    assert {"Priya Raman", "Priya", "Raman", "Okafor", "Northwind", "Denver", "SQL", "dbt"} <= vocab
    assert not {"to", "the", "from", "pipeline", "claims"} & vocab
    typo = notes.model_copy(update={"topics_discussed": ["the recieved claims pipline at Acme"]})
    assert {"Acme"} <= vocabulary_from_notes(typo)
    assert not {"recieved", "pipline"} & vocabulary_from_notes(typo)


def test_a_typo_in_the_notes_is_still_a_typo_in_the_draft() -> None:
    notes = load_notes(ROOT / "sample_data/en_thank_you.json")
    notes = notes.model_copy(update={"topics_discussed": ["the claims pipline"]})
    text = "I enjoyed our talk about the claims pipline."
    issues = CHECKER.check(text, "en", vocabulary_from_notes(notes))
    assert [(text[i.offset : i.offset + i.length], i.severity) for i in issues] == [("pipline", "error")]
    assert issues[0].replacements[0] == "pipeline"


@pytest.mark.parametrize(
    "text",
    [
        "I enjoyed hearing how Zsófia, Thandiwe, Joaquín and Brynjar Kowalczyk split the rota.",
        "Ana Lucía and Siobhán answered my questions.",
        "Xiaoming's team runs the k8s clusters behind the p95 dashboards in gRPC.",
        "Thank you for the call, and please pass my thanks to Layla al-Hassan and Omar el-Sayed.",
    ],
)
def test_names_and_jargon_get_at_most_one_info_each(text: str) -> None:
    issues = CHECKER.check(text, "en")
    assert all(i.severity == "info" for i in issues), issues
    words = [text[i.offset : i.offset + i.length] for i in issues]
    assert len(words) == len(set(words))


@pytest.mark.parametrize("dialect", ["en-US", "en-GB", "en-CA", "en-AU"])
def test_a_spelling_of_another_dialect_is_never_an_error(dialect: str) -> None:
    checker = offline_checker("en", dialect)
    text = "I realised the colour of the programme centre was grey; we analyzed the color and travelled."
    assert [i for i in checker.check(text, "en") if i.severity != "info"] == []
    assert [i.severity for i in checker.check("I recieved the offer.", "en")] == ["error"]


def test_the_configured_dialect_reaches_the_offline_checker() -> None:
    checker = make_checker(CheckSettings(languagetool="off", dialect="en-GB"), "en")
    assert checker.dialect == "en-GB"  # type: ignore[attr-defined]
    issues = checker.check("The colour of the centre.", "en")
    assert issues == []


def test_known_false_alarms_on_our_own_composer_text_are_gone() -> None:
    for text in (
        "Where you could grow further: owning the roadmap.",
        "Ana Lucía joined the call.",
        "I'm open to freelance or part-time work.",
        "The second interview is 45 min.",
    ):
        assert [i for i in CHECKER.check(text, "en") if i.severity != "info"] == [], text


def test_addresses_and_links_are_not_prose() -> None:
    text = "Reach me at maya.chen@fastmail.com or see https://maya.dev/mayachen and github.com/mchen."
    assert CHECKER.check(text, "en") == []


def test_wordiness_is_info_with_a_shorter_phrase() -> None:
    text = "In order to prepare, I read the docs due to the fact that it mattered."
    issues = CHECKER.check(text, "en")
    assert [(i.severity, i.replacements) for i in issues] == [("info", ["To"]), ("info", ["because"])]


def _drafts(path: Path) -> list[str]:
    notes = load_notes(path)
    scenarios = RECRUITER_SCENARIOS if notes.sender_role == "recruiter" else CANDIDATE_SCENARIOS
    texts = []
    for scenario in scenarios:
        for tone in TONES:
            for person in notes.recipients():
                texts.extend(compose(notes, scenario, tone, "email", person))
    return texts


@pytest.mark.parametrize("path", sorted(ROOT.glob("sample_data/en_*.json")), ids=lambda p: p.name)
def test_offline_composer_drafts_have_no_errors(path: Path) -> None:
    notes = load_notes(path)
    checker = make_checker(CheckSettings(languagetool="off"), "en")
    vocab = vocabulary_from_notes(notes)
    for text in _drafts(path):
        assert [i for i in checker.check(text, "en", vocab) if i.severity != "info"] == [], text


def test_warmup_loads_the_offline_checker_in_the_background() -> None:
    warm = start_warmup(CheckSettings(languagetool="off"), "en")
    assert warm.wait(60)
    assert warm.languagetool is False
    assert make_checker(CheckSettings(languagetool="off"), "en").check("The the end.", "en")
