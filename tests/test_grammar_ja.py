"""Offline Japanese checker: janome + rules for business e-mail."""

from __future__ import annotations

from pathlib import Path

import pytest

from afterword.backends.offline import compose
from afterword.checks.grammar import offline_checker, vocabulary_from_notes
from afterword.models import CANDIDATE_SCENARIOS, RECRUITER_SCENARIOS, TONES, load_notes

ROOT = Path(__file__).resolve().parents[1]
CHECKER = offline_checker("ja")

POLITE_EMAIL = """田中様

お世話になっております。株式会社ミライ物流の一次面接を受けました佐藤健太と申します。
本日はお忙しいところ面接のお時間をいただき、誠にありがとうございました。
配送ルート最適化システムの刷新についてのお話は大変興味深く、ぜひ貢献したいと考えております。
現職では在庫管理APIをGoで再実装し、応答時間を平均40%短縮しました。
資料を拝見しました。来週お伺いします。ご覧になった資料も見られます。明日は来られますか。
本件、取れる対策はすべて取りました。17時には帰れると思います。お力になれることがあればお知らせください。
ご検討のほど、何卒よろしくお願いいたします。

佐藤 健太
090-1234-5678
kenta.sato@example.jp"""


def _found(text: str) -> list[tuple[str, str, list[str]]]:
    return [(i.rule, text[i.offset : i.offset + i.length], i.replacements) for i in CHECKER.check(text, "ja")]


def test_correct_polite_email_has_no_issues() -> None:
    assert CHECKER.check(POLITE_EMAIL, "ja") == []


@pytest.mark.parametrize(
    ("text", "wrong", "fix"),
    [
        ("部長がおっしゃられた通りです。", "おっしゃられた", "おっしゃった"),
        ("先日おっしゃられました件です。", "おっしゃられました", "おっしゃいました"),
        ("資料をご覧になられましたか。", "ご覧になられました", "ご覧になりました"),
        ("明日お見えになられる予定です。", "お見えになられる", "お見えになる"),
        ("資料を拝見させていただきました。", "拝見させていただきました", "拝見いたしました"),
        ("明日お伺いさせていただきます。", "お伺いさせていただきます", "伺います"),
    ],
)
def test_double_keigo_is_an_error_with_the_fix(text: str, wrong: str, fix: str) -> None:
    assert _found(text) == [("JA_DOUBLE_KEIGO", wrong, [fix])]


@pytest.mark.parametrize(
    ("text", "wrong", "fix"),
    [
        ("この資料は明日見れます。", "見れ", "見られ"),
        ("明日は来れますか。", "来れ", "来られ"),
        ("辛い物も食べれます。", "食べれ", "食べられ"),
        ("昨夜はよく寝れました。", "寝れ", "寝られ"),
        ("会議に出れません。", "出れ", "出られ"),
    ],
)
def test_ranuki_kotoba_is_flagged(text: str, wrong: str, fix: str) -> None:
    assert _found(text) == [("JA_RANUKI", wrong, [fix])]


@pytest.mark.parametrize(
    "text",
    [
        "時間が取れます。",
        "六時に帰れます。",
        "資料に入れました。",
        "かもしれません。",
        "見られます。",
        "来られます。",
    ],
)
def test_verbs_that_only_look_like_ranuki_pass(text: str) -> None:
    assert CHECKER.check(text, "ja") == []


def test_mixed_desu_masu_and_dearu_is_a_warning_on_the_odd_sentence() -> None:
    text = "本日はありがとうございました。この経験は重要である。今後ともよろしくお願いいたします。"
    issues = CHECKER.check(text, "ja")
    assert [(i.rule, i.severity, text[i.offset : i.offset + i.length], i.replacements) for i in issues] == [
        ("JA_MIXED_STYLE", "warning", "重要である", ["重要です"])
    ]


def test_plain_style_text_alone_is_consistent() -> None:
    assert CHECKER.check("これは重要である。結果は良かった。", "ja") == []


def test_doubled_particles() -> None:
    assert _found("資料をを送ります。") == [("JA_DOUBLED_PARTICLE", "をを", ["を"])]
    assert _found("私がが担当します。") == [("JA_DOUBLED_PARTICLE", "がが", ["が"])]


def test_mixed_width_digits_follow_the_majority() -> None:
    text = "面接は１１月20日でした。連絡は2週間以内です。"
    issues = CHECKER.check(text, "ja")
    assert [(text[i.offset : i.offset + i.length], i.replacements, i.severity) for i in issues] == [
        ("１１", ["11"], "warning")
    ]


def test_addresses_do_not_count_as_half_width_text() -> None:
    assert CHECKER.check("面接は１１月２０日でした。連絡先：kenta.sato@example.jp", "ja") == []


def test_fixed_misspellings_and_redundancy() -> None:
    assert _found("こんにちわ。") == [("JA_FIXED_EXPRESSION", "こんにちわ", ["こんにちは"])]
    issues = CHECKER.check("お体にご自愛ください。", "ja")
    assert [(i.severity, i.replacements) for i in issues] == [("warning", ["ご自愛"])]


def _drafts(path: Path) -> list[str]:
    notes = load_notes(path)
    scenarios = RECRUITER_SCENARIOS if notes.sender_role == "recruiter" else CANDIDATE_SCENARIOS
    return [
        text
        for scenario in scenarios
        for tone in TONES
        for channel in ("email", "phone")
        for text in compose(notes, scenario, tone, channel)
    ]


@pytest.mark.parametrize("path", sorted(ROOT.glob("sample_data/ja_*.json")), ids=lambda p: p.name)
def test_offline_composer_drafts_have_no_issues(path: Path) -> None:
    vocab = vocabulary_from_notes(load_notes(path))
    for text in _drafts(path):
        assert CHECKER.check(text, "ja", vocab) == [], text
