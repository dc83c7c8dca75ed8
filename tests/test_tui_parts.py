"""The TUI's plain parts (form rows, desk, kinsoku, guidance, sanitising) and the import seam."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from afterword.checks import check_draft
from afterword.guidance import explain, rules
from afterword.models import parse_notes
from afterword.pipeline import plan_jobs
from afterword.tui.desk import Desk
from afterword.tui.diffing import similarity, word_diff
from afterword.tui.kinsoku import NO_END, NO_START, adjust
from afterword.tui.notes_form import (
    BLANK,
    move_row,
    notes_to_values,
    place_for,
    remove_row,
    validate_values,
    values_to_notes,
)
from afterword.tui.safe import app_hint

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"


def _values(sample: str = "en_thank_you.json") -> dict:
    return notes_to_values(json.loads((SAMPLES / sample).read_text(encoding="utf-8")))


def test_every_sample_round_trips_through_the_form() -> None:
    for path in sorted(SAMPLES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert parse_notes(values_to_notes(notes_to_values(data)), path.name) == parse_notes(data, path.name)


def test_rows_carry_their_own_fields_not_pipe_syntax() -> None:
    values = _values()
    assert values["interviewers"][0] == {"name": "Priya Raman", "title": "Director of Data Platform",
                                         "email": "priya.raman@northwindhealth.com", "greet_as": ""}
    assert values["company.news"][1]["ok"] is False
    values["interviewers"][1]["greet_as"] = "Tom"
    values["company.news"][1]["ok"] = True
    values["topics"][0]["raised_by"] = "interviewer"
    notes = parse_notes(values_to_notes(values))
    assert notes.interviewers[1].greet_as == "Tom"
    assert notes.company.news[1].ok
    topic = notes.interviewers[0].topics[0]
    assert not isinstance(topic, str) and topic.raised_by == "interviewer"
    # a row left blank is not data; a half-filled row is, so its missing name is reported there
    values["interviewers"].append({"name": "", "title": "", "email": "", "greet_as": ""})
    values["skills_not_mentioned"].append({"skill": "", "evidence": "led a migration", "result": ""})
    notes, issues = validate_values(values)
    assert notes is None
    expected = place_for("skills_not_mentioned[1].skill", values)
    assert [place_for(i.field, values) for i in issues] == [expected]


def test_moving_or_removing_an_interviewer_keeps_their_topics_with_them() -> None:
    values = _values()
    priya_topic = values["topics"][0]["text"]
    move_row(values, "interviewers", 0, 1)
    notes = parse_notes(values_to_notes(values))
    assert notes.interviewers[1].name == "Priya Raman"
    assert notes.topics_for(notes.interviewers[1])[0] == priya_topic
    remove_row(values, "interviewers", 1)
    notes = parse_notes(values_to_notes(values))
    assert [p.name for p in notes.interviewers] == ["Tom Okafor"]
    assert priya_topic in [t if isinstance(t, str) else t.text for t in notes.topics_discussed]


def test_problems_are_plain_words_at_their_field() -> None:
    notes, issues = validate_values(notes_to_values(BLANK))
    assert notes is None
    by_key = {place_for(i.field).key: i.message for i in issues}
    assert by_key["sender.name"] == "Your name is needed — you sign the note with it."
    assert {"company.name", "position"} <= by_key.keys()
    filled = notes_to_values({**BLANK, "sender": {"name": "Maya"}, "company": {"name": "Acme"},
                              "position": "Engineer"})
    notes, issues = validate_values(filled)
    assert [(place_for(i.field).key, i.message) for i in issues] == [
        ("interviewers", "Add at least one interviewer — the person the note goes to.")]
    filled["interviewers"] = [{"name": "Priya", "title": "", "email": "", "greet_as": ""}]
    filled["interview.date"] = "21/11/2026"
    notes, issues = validate_values(filled)
    assert [i.message for i in issues] == ["Write the date as YYYY-MM-DD, e.g. 2026-11-20."]
    for issue in issues:
        assert "Value error" not in issue.message and "[{" not in issue.message


def test_negative_news_is_flagged_on_its_row() -> None:
    values = _values()
    notes, issues = validate_values(values)
    assert notes is not None
    news = [i for i in issues if i.rule == "C5-news"]
    assert news and place_for(news[0].field, values) == place_for("company.news[1]", values)
    assert place_for(news[0].field, values).row == 1


def test_word_diff_marks_added_and_removed_words() -> None:
    segments = word_diff("Thank you for the chat", "Thank you so much for the chat")
    assert any(k == "added" and "so" in t for k, t in segments)
    assert "".join(t for k, t in segments if k != "removed") == "Thank you so much for the chat"
    assert similarity("a b c", "a b c") == 1.0


def test_every_issue_on_the_samples_is_explained_with_its_source_by_title() -> None:
    seen = set()
    for sample in ("en_thank_you.json", "ja_thank_you.json", "ja_recruiter_casual.json", "en_rejection.json"):
        notes = parse_notes(json.loads((SAMPLES / sample).read_text(encoding="utf-8")))
        scenario = "recruiter-thanks" if notes.sender_role == "recruiter" else "thank-you"
        bare = "Dear team,\n\nI am sure I will get the job. I hope this email finds you well.\n\nBest"
        report = check_draft("", bare, language=notes.language, notes=notes, scenario=scenario,
                             channel="email", grammar=None, recipient=notes.recipient().name)
        for issue in report.issues:
            found = explain(issue.rule, issue.source, issue.message)
            assert found.what and found.why, issue
            assert found.what != issue.message or found.rule is None, issue
            seen.add(issue.rule)
    assert len(seen) >= 5
    c5 = explain("C5-news")
    assert c5.rule is not None and c5.rule.name == "Only positive company news"
    assert [a.title for a in c5.articles] == ["就職面接後のフォローアップに関する専門家による 5 つのヒント"]
    assert explain("grounding").rule is None  # afterword's own check, said as such
    assert explain("MORFOLOGIK_RULE_EN_US", "spelling").rule == rules()["C8"]


def test_every_rule_cites_articles_that_exist() -> None:
    for rule in rules().values():
        assert rule.what and rule.why and rule.articles, rule.id
        assert all(a.title and a.english for a in rule.articles)


@pytest.mark.parametrize("width", range(8, 41))
def test_japanese_lines_never_start_with_closing_punctuation(width: int) -> None:
    from rich._wrap import divide_line
    from rich.cells import cell_len

    text = ("本日はお忙しい中、面接の機会をいただき誠にありがとうございました。「データ基盤の移行」に"
            "ついてのお話が大変印象に残っております。今後ともよろしくお願いいたします。")
    breaks = adjust(text, width, lambda t, w: divide_line(t, w, True))
    lines = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    assert "".join(lines) == text
    assert all(line[0] not in NO_START for line in lines[1:]), lines
    assert all(line[-1] not in NO_END for line in lines[:-1]), lines
    assert all(cell_len(line) <= width for line in lines), lines


def test_kinsoku_leaves_english_breaks_alone() -> None:
    from rich._wrap import divide_line

    text = "Thank you for the conversation about the data platform, and for your time."
    for width in range(10, 40):
        assert adjust(text, width, lambda t, w: divide_line(t, w, True)) == divide_line(text, width, True)


def test_cli_flags_are_left_out_of_hints_the_app_shows() -> None:
    assert app_hint("start it with `ollama serve` (or the Ollama app), or use --backend offline") == (
        "start it with `ollama serve` (or the Ollama app)")
    assert app_hint("run `ollama pull llama3.2`, or use --backend offline") == "run `ollama pull llama3.2`"


def test_desk_asks_before_replacing_an_edit_and_honours_each_answer() -> None:
    notes = parse_notes(json.loads((SAMPLES / "en_thank_you.json").read_text(encoding="utf-8")))
    from afterword.models import Draft

    def draft(job, body: str) -> Draft:  # type: ignore[no-untyped-def]
        return Draft(subject="Thanks", body=body, scenario=job.scenario, tone=job.tone, language="en",
                     backend="offline", recipient=job.recipient.name)

    for choice, slots, kept in (("keep-mine", 2, "mine"), ("replace", 2, None), ("keep-both", 3, "mine")):
        desk = Desk()
        jobs = plan_jobs(notes, scenario="thank-you", tone="warm")
        ran, where = desk.apply(desk.plan(jobs), None)
        for job, n in zip(ran, where, strict=True):
            desk.slots[n].settle(draft(job, f"generated for {job.recipient.name}"))
        desk.slots[0].draft.body = "mine"  # type: ignore[union-attr]
        plan = desk.plan(plan_jobs(notes, scenario="thank-you", tone="warm"))
        assert plan.edited == [0]
        ran, where = desk.apply(plan, choice)  # type: ignore[arg-type]
        assert len(desk.slots) == slots, choice
        assert [j.recipient.name for j in ran] == (["Tom Okafor"] if choice == "keep-mine"
                                                   else ["Priya Raman", "Tom Okafor"])
        bodies = [s.draft.body for s in desk.slots if s.draft is not None]
        assert ("mine" in bodies) == (kept is not None), choice


def test_domain_imports_without_textual() -> None:
    code = (
        "import sys\n"
        "import afterword.pipeline, afterword.checks, afterword.store, afterword.export\n"
        "import afterword.planner, afterword.guidance\n"
        "import afterword.tui.notes_form, afterword.tui.diffing, afterword.tui.desk, afterword.tui.progress\n"
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
