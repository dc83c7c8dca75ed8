"""Grounding: a draft may not state facts the notes lack."""

from __future__ import annotations

import pytest
from check_drafts import EN_BODY, EN_SUBJECT, JA_BODY, JA_SUBJECT
from conftest import SAMPLES

from afterword.checks.grounding import grounding_issues
from afterword.models import Notes, load_notes


@pytest.fixture(scope="module")
def en() -> Notes:
    return load_notes(SAMPLES / "en_thank_you.json")


@pytest.fixture(scope="module")
def ja() -> Notes:
    return load_notes(SAMPLES / "ja_thank_you.json")


def invented(text: str, notes: Notes, *, subject: bool = False) -> list[str]:
    return [text[i.offset : i.offset + i.length]
            for i in grounding_issues(text, notes, notes.language, subject=subject)]


def test_facts_from_the_notes_pass(en: Notes, ja: Notes) -> None:
    assert invented(EN_BODY, en) == invented(EN_SUBJECT, en, subject=True) == []
    assert invented(JA_BODY, ja) == invented(JA_SUBJECT, ja, subject=True) == []


def test_invented_number_and_percentage(en: Notes) -> None:
    body = EN_BODY.replace("40 minutes", "40 minutes and saved 25% of compute")
    assert invented(body, en) == ["25"]


def test_number_formats_are_normalised(en: Notes, ja: Notes) -> None:
    assert invented("It went from 3 hours to 40 minutes across 140 models.", en) == []
    assert invented("応答時間を平均４０％短縮しました。", ja) == []
    assert invented("応答時間を平均40 %短縮しました。", ja) == []


def test_invented_names_products_and_skills(en: Notes) -> None:
    body = "I also met Jordan Blake and would bring my Kubernetes experience."
    assert invented(body, en) == ["Jordan", "Blake", "Kubernetes"]


def test_common_words_weekdays_and_sentence_starts_are_fine(en: Notes) -> None:
    body = "Dear Priya,\n\nOn Thursday in November I enjoyed it. Great talk, Priya. Best regards, Maya"
    assert invented(body, en) == []


def test_private_notes_are_not_a_source(en: Notes) -> None:
    issues = grounding_issues("I will review Kafka retention.", en, "en")
    assert [i.severity for i in issues] == ["error"]
    assert "private notes" in issues[0].message


def test_invented_email_address(en: Notes) -> None:
    assert invented("Reach me at maya@example.org.", en) == ["maya@example.org"]
    assert invented("Reach me at maya.chen@fastmail.com.", en) == []


def test_a_subject_line_is_checked_word_by_word(en: Notes) -> None:
    """In a subject every word may be capitalised: the first word is checked too."""
    assert invented("Thank you — 5 quick ideas", en, subject=True) == ["5"]
    assert invented("Kubernetes and the feature store", en, subject=True) == ["Kubernetes"]
    assert invented("Kubernetes and the feature store", en) == []  # a sentence's first word


def test_japanese_names_companies_and_loanwords(ja: Notes) -> None:
    assert invented("鈴木様にもよろしくお伝えください。", ja) == ["鈴木"]
    assert invented("株式会社ミライ物流の皆様によろしくお伝えください。", ja) == []
    assert invented("株式会社サクラ商事でも同様の経験があります。", ja) == ["株式会社サクラ商事"]
    assert invented("Kubernetesの経験もあります。", ja) == ["Kubernetes"]
    assert invented("チームでのミーティングも楽しみです。", ja) == []
    assert invented("ブロックチェーンの経験もあります。", ja) == ["ブロックチェーン"]


SYMBOLS = Notes.model_validate({
    "language": "en", "sender": {"name": "Rafael Ortiz"},
    "company": {"name": "AT&T", "department": "R&D"}, "position": "Senior C++ Engineer",
    "interviewers": [{"name": "Ana Lucía Pérez", "topics": ["moving CI/CD to GitHub Actions"]}],
    "topics_discussed": ["their Node.js and .NET services", "code review in C#"],
})


def test_names_with_symbols_are_one_word() -> None:
    """R&D, AT&T, C++, C#, Node.js, .NET and CI/CD in the notes match the same in the draft."""
    body = ("Dear Ana Lucía,\n\nThe R&D work at AT&T, the C++ and C# reviews, the Node.js and .NET "
            "services and your CI/CD move to GitHub Actions were the highlights. Ana Lucía Pérez’s "
            "questions on CI were great.\n\nRafael Ortiz")
    assert invented(body, SYMBOLS) == []
    assert invented("Thank you — the R&D and C++ role at AT&T", SYMBOLS, subject=True) == []


def test_a_symbol_name_the_notes_lack_is_flagged_whole() -> None:
    body = "I also enjoyed hearing about Q&D, the F# services, Deno.js and P&G."
    assert invented(body, SYMBOLS) == ["Q&D", "F#", "Deno.js", "P&G"]


def test_japanese_text_with_latin_terms_and_companies() -> None:
    notes = Notes.model_validate({
        "language": "ja", "sender": {"name": "中村 彩"},
        "company": {"name": "株式会社ミドリ電機", "department": "R&D本部"},
        "position": "組込みソフトウェアエンジニア（C++）",
        "interviewers": [{"name": "高橋 誠", "topics": ["AT&T向けの5G基地局開発", "CI/CDの整備"]}],
        "topics_discussed": ["Node.jsと.NETの社内ツール"],
    })
    body = ("株式会社ミドリ電機\nR&D本部 高橋様\n\nAT&T向けの5G基地局開発やCI/CDの整備、Node.jsと"
            ".NETの社内ツールのお話が印象に残りました。C++の経験を活かしたいと考えております。"
            "ミドリ電機株式会社の皆様によろしくお伝えください。")
    assert invented(body, notes) == []
    assert invented("F#とR&Dセンターの話も伺いました。株式会社アオバ電機にも関心があります。", notes) == [
        "F#", "センター", "株式会社アオバ電機"]


def test_a_name_split_at_its_symbol_is_spelled_back() -> None:
    issues = grounding_issues("Our R & D talk, the CI / CD move and Node. js; R&D and Node.js are fine.",
                              SYMBOLS, "en")
    assert [(i.severity, i.replacements) for i in issues] == [
        ("warning", ["R&D"]), ("warning", ["CI/CD"]), ("warning", ["Node.js"])]
    assert [i.rule for i in grounding_issues("The end. Next steps, and 2 of 2.", SYMBOLS, "en")
            if i.severity == "warning"] == []
