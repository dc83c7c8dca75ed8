"""The offline composer on the shipped samples: every scenario × language × tone × channel
reads as a complete, grounded, guidance-compliant follow-up a person could send."""

from __future__ import annotations

import difflib
import itertools
import re
from pathlib import Path

import pytest

from afterword.backends.base import NO_PROMPT, Request, Stats
from afterword.backends.offline import OfflineBackend, compose
from afterword.checks import check_draft
from afterword.checks.news import classify_news
from afterword.errors import InputError
from afterword.models import (
    CANDIDATE_SCENARIOS,
    RECRUITER_SCENARIOS,
    TONES,
    Notes,
    load_notes,
)
from afterword.understand import understand

SAMPLES = sorted((Path(__file__).parent.parent / "sample_data").glob("*.json"))
PLACEHOLDER = re.compile(r"○○|●●|★|\{[^}]*\}|\[[A-Za-z ]+\]|\bXXX\b|\bxx\b|\bNone\b|\bnull\b")
SCOLDING = re.compile(r"you promised|still haven't heard|haven't heard back|you said you would|"
                      r"期日を過ぎ|まだでしょうか|再三", re.IGNORECASE)
ASSUME_JOB = re.compile(r"when I (join|start)|once I (join|start)|my first day|入社後|入社したら",
                        re.IGNORECASE)


def _cases() -> list[tuple[Path, str, str, str, str]]:
    out = []
    for path in SAMPLES:
        notes = load_notes(path)
        scenarios = RECRUITER_SCENARIOS if notes.sender_role == "recruiter" else CANDIDATE_SCENARIOS
        for person in notes.recipients():
            for scenario, tone, channel in itertools.product(scenarios, TONES, ("email", "phone")):
                out.append((path, person.name, scenario, tone, channel))
    return out


CASES = _cases()


def _draft(path: Path, to: str, scenario: str, tone: str, channel: str) -> tuple[Notes, str, str]:
    notes = load_notes(path)
    subject, body = compose(notes, scenario, tone, channel, notes.recipient(to))
    return notes, subject, body


def _id(case: tuple[Path, str, str, str, str]) -> str:
    path, to, scenario, tone, channel = case
    return f"{path.stem}-{to.split()[0]}-{scenario}-{tone}-{channel}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_every_draft_is_grounded_complete_and_clean(case: tuple[Path, str, str, str, str]) -> None:
    notes, subject, body = _draft(*case)
    _, to, _, _, channel = case
    person = notes.recipient(to)
    compact = body.replace(" ", "")
    # the recipient (as written) and the company are named
    assert person.name.split()[0] in body
    assert notes.company.name.replace(" ", "") in compact or notes.company.name in subject
    # a discussed topic, the recipient's own first
    topics = notes.topics_for(person)
    assert topics[0] in body, f"missing callback to {topics[0]!r}"
    # never bad news, never a placeholder, never scolding or assuming the job
    for item in notes.company.news:
        if classify_news(item.text) == "negative":
            assert item.text not in body
    assert not PLACEHOLDER.search(subject + "\n" + body), PLACEHOLDER.search(subject + body)
    assert not SCOLDING.search(body)
    assert not ASSUME_JOB.search(body)
    assert subject.strip()
    if channel == "phone":
        assert subject.startswith(("Call script:", "電話メモ："))
        assert not re.match(r"(Dear|Hi) [^,\n]+,\n", body)
    elif notes.language == "en":
        tail = body.rstrip().splitlines()[-5:]
        assert notes.sender.name in tail
        assert notes.sender.email is None or notes.sender.email in tail
    else:
        signature = body.rstrip().split("\n\n")[-1]
        assert notes.sender.name in signature.splitlines()
        assert notes.sender.email is None or f"メール：{notes.sender.email}" in signature


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_checker_finds_no_errors(case: tuple[Path, str, str, str, str]) -> None:
    notes, subject, body = _draft(*case)
    _, to, scenario, _, channel = case
    report = check_draft(subject, body, language=notes.language, notes=notes, scenario=scenario,
                         channel=channel, recipient=to)
    errors = [i for i in report.issues if i.severity == "error"]
    assert errors == [], [(i.rule, i.message, body[i.offset:i.offset + i.length]) for i in errors]


def _sample(stem: str) -> Notes:
    return load_notes(next(p for p in SAMPLES if p.stem == stem))


@pytest.mark.parametrize("tone", TONES)
def test_en_thank_you_greets_signs_and_tells_the_skill_story(tone: str) -> None:
    notes = _sample("en_thank_you")
    _, body = compose(notes, "thank-you", tone, "email", notes.recipient("Priya Raman"))
    first_line = body.splitlines()[0]
    assert first_line == ("Dear Priya Raman," if tone == "formal" else "Hi Priya,")
    assert body.rstrip().endswith("Maya Chen\nmaya.chen@fastmail.com\n+1 415 555 0142")
    # C4: evidence as a first-person sentence, the result with its numbers, and why it matters
    assert ("I led the move of 140 SQL models to dbt at my current job and cut the nightly "
            "build from 3 hours to 40 minutes.") in body
    assert "Senior Data Engineer" in body or "Northwind Health" in body.split("dbt")[-1]
    # C1: thanks first and last; C3: three to five paragraphs between greeting and sign-off
    paragraphs = body.split("\n\n")[1:-1]
    assert 3 <= len(paragraphs) <= 5
    assert paragraphs[0].startswith("Thank")
    assert re.search(r"\bthank", paragraphs[-1], re.IGNORECASE)
    # C5: the positive news at most once, the lawsuit never
    assert "lawsuit" not in body and "breach" not in body
    assert body.count("Denver") == (0 if tone == "concise" else 1)


def test_two_interviewers_get_different_notes_each_with_their_own_topic() -> None:
    notes = _sample("en_thank_you")
    priya_topic, tom_topic = (i.topics[0] for i in notes.interviewers)
    for tone in TONES:
        _, priya = compose(notes, "thank-you", tone, "email", notes.recipient("Priya Raman"))
        _, tom = compose(notes, "thank-you", tone, "email", notes.recipient("Tom Okafor"))
        assert priya_topic in priya and tom_topic not in priya
        assert tom_topic in tom and priya_topic not in tom
        ratio = difflib.SequenceMatcher(None, priya.split(), tom.split(), autojunk=False).ratio()
        assert ratio < 0.85, f"{tone}: near-duplicate thank-you notes ({ratio:.0%})"


def _prose(body: str, language: str) -> list[str]:
    """Tokens of the prose only: no 宛名, set phrases, signature or fact lists."""
    lines = [ln for ln in body.splitlines()
             if not re.match(r"\s*(-|\(\d\)|◆|――|メール：|電話：)", ln)]
    text = "\n".join(lines)
    if language == "ja":
        text = re.sub(r"「[^」]*」|お世話になっております。|何卒よろしくお願いいたします。|.*と申します。",
                      "", text)
        return list(text)
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_tones_read_noticeably_different(path: Path) -> None:
    notes = load_notes(path)
    scenarios = RECRUITER_SCENARIOS if notes.sender_role == "recruiter" else CANDIDATE_SCENARIOS
    for scenario, channel in itertools.product(scenarios, ("email", "phone")):
        bodies = {t: _prose(compose(notes, scenario, t, channel)[1], notes.language) for t in TONES}
        for a, b in itertools.combinations(TONES, 2):
            ratio = difflib.SequenceMatcher(None, bodies[a], bodies[b], autojunk=False).ratio()
            assert ratio < 0.9, f"{scenario}/{channel}: {a} and {b} are {ratio:.0%} the same"


@pytest.mark.parametrize("tone", TONES)
def test_ja_thank_you_follows_business_conventions(tone: str) -> None:
    notes = _sample("ja_thank_you")
    subject, body = compose(notes, "thank-you", tone)
    assert "お礼" in subject and "佐藤 健太" in subject
    address = body.split("\n\n")[0].splitlines()
    assert address[0] == "株式会社ミライ物流"
    assert address[-1].endswith("田中 美咲 様")
    assert ("お世話になっております。\nバックエンドエンジニア職に応募しております、"
            "佐藤 健太と申します。") in body
    assert "何卒よろしくお願いいたします。" in body
    assert body.rstrip().endswith("佐藤 健太\nメール：kenta.sato@example.jp\n電話：090-1234-5678\n"
                                  "――――――――――――――――")
    assert "配送ルート最適化システムの刷新" in body
    assert "現職で在庫管理APIをGoで再実装し、応答時間を平均40%短縮しました。" in body
    assert "営業利益" not in body  # the bad-results news stays out
    for wrong in ("おっしゃられ", "お伺いさせていただ", "拝見させていただ", "である。", "だ。"):
        assert wrong not in body
    assert re.search(r"(ます|です|した)[。！]", body)


@pytest.mark.parametrize("tone", TONES)
def test_ja_recruiter_thanks_follows_seed_003(tone: str) -> None:
    notes = _sample("ja_recruiter_casual")
    _, body = compose(notes, "recruiter-thanks", tone)
    assert body.startswith("山田 翔 様\n\nお世話になっております。\n"
                           "株式会社HRブリッジ 採用担当の小林 由美と申します。")
    order = ["◆フィードバック", "【良かった点】", " - 素直で謙虚、受け答えがはきはきしている",
             "【さらに伸ばしていただきたい点】", " - 大手企業での仕事の進め方", "準備していただきたいこと",
             "(1) HR業界でどんな課題を解決したいかの整理", "次回は代表の山根とお会いいただく予定です。",
             "次の選考", "何卒よろしくお願いいたします。"]
    positions = [body.find(part) for part in order]
    assert -1 not in positions and positions == sorted(positions), dict(zip(order, positions, strict=True))
    assert re.search(r"進んでいただけませんか|お進みいただけませんか|お進みください|進んでいただきたい", body)
    assert "positive" not in body and "more" not in body  # notes field ids never reach a draft
    assert "よく話題になります" not in body  # no claim beyond the notes


def test_status_check_gives_the_stated_timeline_as_the_reason() -> None:
    en = _sample("en_status_check")
    for tone in TONES:
        _, body = compose(en, "status-check", tone)
        assert "You mentioned" in body and "by the end of the month" in body
        assert len(re.findall(r"\w+", body)) < 120
    ja = _sample("ja_thank_you")
    _, body = compose(ja, "status-check", "formal")
    assert "2週間以内にご連絡をいただけると伺っておりました" in body  # seed 004's wording
    assert "行き違い" in body and "お読みいただき" not in body
    _, call = compose(ja, "status-check", "formal", "phone")
    assert "2週間以内にご連絡をいただけると伺っておりました" in call and "お電話いたしました" in call


def test_status_check_without_a_timeline_asks_neutrally() -> None:
    notes = _sample("en_status_check").model_copy(update={"decision_timeline": None})
    for tone in TONES:
        _, body = compose(notes, "status-check", tone)
        assert "You mentioned" not in body
        assert "update" in body or "news" in body


def test_final_follow_up_says_it_is_the_last_and_wishes_them_well() -> None:
    notes = _sample("en_status_check")
    for tone in TONES:
        _, body = compose(notes, "final-follow-up", tone)
        assert re.search(r"final follow-up|last follow-up|one last", body)
        assert re.search(r"all the best|every success|great success", body)
    _, ja = compose(_sample("ja_thank_you"), "final-follow-up", "formal")
    assert "最後" in ja and "お祈り" in ja


def test_rejection_reply_is_short_kind_and_asks_to_be_kept_in_mind() -> None:
    notes = _sample("en_rejection")
    for tone in TONES:
        _, body = compose(notes, "rejection-reply", tone)
        assert body.split("\n\n")[1].startswith("Thank you for letting me know")
        assert "Harbor & Finch" in body
        assert "freelance" in body and "part-time" in body and "keep me in mind" in body
        assert len(re.findall(r"\w+", body)) < 120
    _, formal = compose(notes, "rejection-reply", "formal")
    assert ("I appreciated hearing that it was a very close decision, and that you enjoyed our "
            "conversation about the newsletter.") in formal


def test_recruiter_keep_in_touch_offers_help_without_a_hard_sell() -> None:
    notes = _sample("ja_recruiter_casual")
    for tone in TONES:
        _, body = compose(notes, "recruiter-keep-in-touch", tone)
        assert "数か月" in body and ("ご相談" in body or "話してみたい" in body)
        assert "今すぐ" not in body and "最後のチャンス" not in body


def test_phone_script_is_a_short_call_not_a_letter() -> None:
    notes = _sample("en_thank_you")
    subject, body = compose(notes, "status-check", "warm", "phone")
    assert subject == "Call script: status check with Priya Raman"
    lines = body.split("\n\n")
    assert lines[0].startswith("Hi, this is Maya Chen")
    assert "within 2 weeks" in lines[2]
    assert re.search(r"[Tt]hank", lines[3])
    assert "+1 415 555 0142" in lines[-1]
    assert len(re.findall(r"\w+", body)) < 170


def test_deterministic_and_streams_through_the_backend_protocol() -> None:
    notes = _sample("en_thank_you")
    backend = OfflineBackend()
    assert backend.name == "offline" and backend.model_name() is None
    request = Request(prompt=NO_PROMPT, scenario="thank-you", tone="warm", channel="email",
                      recipient="Tom Okafor", facts=understand(notes, notes.recipient("Tom Okafor")))
    stats = Stats()
    chunks = list(backend.stream(request, stats))
    subject, body = compose(notes, "thank-you", "warm", "email", notes.recipient("Tom Okafor"))
    assert "".join(chunks) == f"Subject: {subject}\n\n{body}"
    assert len(chunks) > 3
    assert stats.first_chunk_s is not None and stats.total_s >= stats.first_chunk_s
    assert stats.extra["words"] == len(re.findall(r"[A-Za-z0-9][\w'’%-]*", body))
    assert [compose(notes, "thank-you", "warm", "email", notes.recipient("Tom Okafor"))
            for _ in range(3)] == [(subject, body)] * 3


def test_a_phrase_can_be_fixed_in_the_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """composer.toml in <config>/prompts/<lang>/ overrides only the keys it names."""
    notes = _sample("en_thank_you")
    override = tmp_path / "prompts" / "en"
    override.mkdir(parents=True)
    (override / "composer.toml").write_text('[thank-you.closing]\nwarm = "Cheers, {casual}!"\n', "utf-8")
    monkeypatch.setenv("AFTERWORD_CONFIG_DIR", str(tmp_path))
    _, warm = compose(notes, "thank-you", "warm")
    _, formal = compose(notes, "thank-you", "formal")
    assert "Cheers, Priya!" in warm and "Thank you again for your time and consideration." in formal
    (override / "composer.toml").write_text('[thank-you.closing]\nwarm = "Bye {nobody}"\n', "utf-8")
    with pytest.raises(InputError, match=r"composer.toml: phrase `thank-you.closing` uses \{nobody\}"):
        compose(notes, "thank-you", "warm")


def test_a_japanese_call_script_says_onsha_and_is_checked_as_spoken() -> None:
    """A phone call is spoken: the candidate calls the company 御社 (貴社 is written), and the
    pipeline checks a call script as spoken and an e-mail as written."""
    from afterword.checks.grammar import offline_checker

    notes, grammar = _sample("ja_thank_you"), offline_checker("ja")
    scripts = [(s, compose(notes, s, t, "phone")) for s, t in itertools.product(CANDIDATE_SCENARIOS, TONES)]
    assert any("御社" in body for _, (_, body) in scripts)
    for scenario, (subject, body) in scripts:
        assert "貴社" not in body
        report = check_draft(subject, body, language="ja", notes=notes, scenario=scenario, channel="phone",
                             grammar=grammar)
        assert not [i for i in report.issues if i.rule.startswith("JA_COMPANY")], body

    def company_words(text: str, channel: str) -> list[tuple[str, str]]:
        issues = check_draft("", text, language="ja", channel=channel, grammar=grammar).issues
        return [(i.rule, i.severity) for i in issues if i.rule.startswith("JA_COMPANY")]

    said = "今も{}を強く希望しております。"
    assert company_words(said.format("貴社"), "phone") == [("JA_COMPANY_KISHA_SPOKEN", "warning")]
    assert company_words(said.format("御社"), "email") == [("JA_COMPANY_ONSHA_WRITTEN", "warning")]
