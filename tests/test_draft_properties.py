"""The corpus judge (`draft_properties.check_properties`) itself: each property fires on a bad
draft and stays quiet on the good one it was made from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_drafts import load
from draft_properties import PROPERTIES, article_issues, check_properties, property_of

from afterword.models import Issue, Notes, load_notes

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "notes_realistic"
EXPECT = json.loads((CORPUS / "expect.json").read_text("utf-8"))


def corpus(name: str) -> Notes:
    return load_notes(CORPUS / name)


def entry(name: str, person: str) -> dict:
    return EXPECT[name]["recipients"][person]


def fired(
    notes: Notes,
    to: str,
    expect: dict,
    scenario: str,
    body: str,
    *,
    subject: str = "Thank you",
    channel: str = "email",
    issues: list[Issue] | None = None,
) -> set[str]:
    violations = check_properties(notes, to, expect, scenario, channel, subject, body, issues or [])
    assert all(property_of(v) in PROPERTIES for v in violations), violations
    return {property_of(v) for v in violations}


def swap(text: str, old: str, new: str) -> str:
    """`text` with `old` replaced; fails when `old` is missing, so a bad draft is never the good one."""
    assert old in text, old
    return text.replace(old, new)


# --- good drafts --------------------------------------------------------------------------------

MEI = ("en_third_person_sentences.json", "Mei Chen")
EN_GOOD = """Hi Mei,

Thank you for talking with me about the Senior iOS Engineer role at Brightline Apps yesterday. I enjoyed meeting you and getting a feel for the team.

I especially enjoyed hearing about your roadmap for the mobile app, and about how the team runs retros. It was also good to learn that the team is rebuilding search, and that you run A/B tests on every release.

One thing we did not get to: I migrated our checkout flow from UIKit to SwiftUI. I would be glad to bring that experience to the mobile team.

Congratulations on the 2026 Webby for best fitness app. Thank you again for your time, Mei. I look forward to hearing from you.

Best regards,
Priyanka Nair
priyanka.nair@proton.me
"""  # noqa: E501

STONE = ("en_three_interviewers.json", "Rebecca Stone")
EN_STONE_GOOD = """Dear Rebecca,

Thank you for meeting with me about the Backend Engineer II role at Copperleaf Payments. I appreciated your time and your questions.

I enjoyed learning how the two squads are set up and how you run your 1:1s. Grace mentioned that she runs discovery with the engineers, and Arun told me he wants to move the ledger off MySQL.

At my current job I designed the event pipeline for refunds, which now processes 2M events a day.

Thank you again, and I look forward to hearing from you.

Kind regards,
Diego Alvarez
"""  # noqa: E501

DAWSON = ("en_phone_final_follow_up.json", "Rick Dawson")
EN_PHONE_GOOD = """Hi, this is Kwame Mensah. Could I speak with Rick Dawson, please?

Hi Rick, thanks for taking my call. I'm calling about the Site Superintendent position at Peachtree Builders.

I wanted to ask one last time whether there is any news on the decision.

Thank you for your time. Goodbye.

If you reach voicemail: "This is Kwame Mensah about the Site Superintendent position. Please call me back at +1 404 555 0134. Thank you."
"""  # noqa: E501

RAHMAN = ("en_recruiter_no_positive.json", "Aisha Rahman")
EN_RECRUITER_GOOD = """Dear Aisha,

Thank you for speaking with me about the Data Engineer role with Albion Rail. I enjoyed hearing about your current role at a fintech.

I would like to share some feedback from our conversation, so you know where you stand.

Points to strengthen before the next round:
- more concrete answers on Spark
- a clear example of a pipeline you owned end to end

If you decide to go ahead, you would meet the hiring manager next. It would help to prepare a walkthrough of one pipeline you owned.

Would you like to proceed? If so, reply with a few times that suit you and I will arrange it.

Kind regards,
Owen Price
Talent Partner, Harbour Talent
"""  # noqa: E501

TOP_PICK = ("en_rejection_top_pick.json", "Ben Carter")
EN_REJECTION_GOOD = """Hi Ben,

Thank you for letting me know, and for such a kind note. It meant a lot to hear that I was your top pick for a long time, and I am glad you will keep my CV on file.

I enjoyed learning about Lattice Health, especially your research on no-show rates. If a role that fits my background opens up, freelance or part-time included, please keep me in mind.

Thanks again, Ben, and all the best to you and the team.

Warm regards,
Isabel Moreno
"""  # noqa: E501

TANAKA_JA = ("ja_plain_sentences.json", "田中 裕子")
JA_GOOD = """株式会社サクラテック
開発部 部長 田中 裕子 様

お世話になっております。
Webアプリケーションエンジニア職に応募しております、伊藤 大輔と申します。
このたびは、二次面接にてお時間をいただき、誠にありがとうございました。

面接では、チームのリリースフローについてご説明いただき、開発の進め方を具体的に理解することができました。オンコールを週替わりで回されているというお話も、大変参考になりました。

面接でお伝えしきれなかった経験を補足させてください。現職で管理画面をTypeScriptで全面的に書き直し、本番の不具合報告を半年で3割減らしました。

改めまして、貴重なお時間をいただき、誠にありがとうございました。
何卒よろしくお願いいたします。

伊藤 大輔
daisuke.ito@example.jp
"""

FUJITA_JA = ("ja_raised_by_candidate.json", "藤田 誠司")
JA_FUJITA_GOOD = """株式会社ロジスティクス・ワン
物流企画部 部長 藤田 誠司様

お世話になっております。物流企画職に応募しております、青木 遥と申します。
本日は一次面接のお時間をいただき、誠にありがとうございました。

新しい物流センターの立ち上げ計画についてお話を伺い、大変興味深く感じました。また、前職での倉庫管理システム導入の経験についてもお話しでき、ありがたく存じます。

改めまして、誠にありがとうございました。
何卒よろしくお願いいたします。

青木 遥
"""

ISHII_JA = ("ja_recruiter_thanks_third_person.json", "石井 健太郎")
JA_RECRUITER_GOOD = """石井 健太郎 様

お世話になっております。
株式会社タレントナビ キャリアアドバイザーの西村 香織です。
本日はカジュアル面談のお時間をいただき、誠にありがとうございました。

面談でのフィードバックをお送りいたします。
◆良かった点
・受け答えが丁寧で、具体例を多く挙げていただいた点
・技術への関心の高さ
◆今後さらに伺いたい点
・転職の時期についてのお考え

次回はソラシードのCTO 森とお話しいただく予定です。これまでで一番難しかった障害対応のお話をご準備いただけますと幸いです。

何卒よろしくお願いいたします。

西村 香織
nishimura@talent-navi.co.jp
"""  # noqa: E501

SAKAMOTO_JA = ("ja_phone_status.json", "坂本 勇")
JA_PHONE_GOOD = """（受付の方へ）お世話になっております。配車係職の面接を受けました、松田 誠と申します。営業所長の坂本 勇様はいらっしゃいますか。

（ご本人へ）お世話になっております。松田 誠と申します。先日は面接のお時間をいただき、誠にありがとうございました。

来週中にお電話でご連絡をいただけると伺っておりましたので、その後の選考状況をお尋ねしたく、お電話いたしました。

お忙しいところ、ありがとうございました。失礼いたします。
"""  # noqa: E501


def _args(case: tuple[str, str]) -> tuple[Notes, str, dict]:
    name, person = case
    return corpus(name), person, entry(name, person)


GOOD = [
    pytest.param(MEI, "thank-you", "email", EN_GOOD, id="en-thank-you"),
    pytest.param(STONE, "thank-you", "email", EN_STONE_GOOD, id="en-others-named"),
    pytest.param(DAWSON, "final-follow-up", "phone", EN_PHONE_GOOD, id="en-phone"),
    pytest.param(RAHMAN, "recruiter-thanks", "email", EN_RECRUITER_GOOD, id="en-recruiter"),
    pytest.param(TOP_PICK, "rejection-reply", "email", EN_REJECTION_GOOD, id="en-rejection"),
    pytest.param(TANAKA_JA, "thank-you", "email", JA_GOOD, id="ja-thank-you"),
    pytest.param(FUJITA_JA, "thank-you", "email", JA_FUJITA_GOOD, id="ja-raised-by"),
    pytest.param(ISHII_JA, "recruiter-thanks", "email", JA_RECRUITER_GOOD, id="ja-recruiter"),
    pytest.param(SAKAMOTO_JA, "status-check", "phone", JA_PHONE_GOOD, id="ja-phone"),
]


@pytest.mark.parametrize(("case", "scenario", "channel", "body"), GOOD)
def test_good_drafts_break_no_property(case, scenario, channel, body):
    notes, to, expect = _args(case)
    assert fired(notes, to, expect, scenario, body, channel=channel) == set()


@pytest.mark.parametrize("name", ["en_thank_you.txt", "en_thank_you_250.txt"])
def test_the_hand_written_english_sample_drafts_pass(name):
    subject, body = load(name)
    notes = load_notes(ROOT / "sample_data" / "en_thank_you.json")
    expect = {
        "greet": ["Priya", "Priya Raman", "Ms. Raman"],
        "pronouns": ["she", "her", "hers"],
        "ja_third": [],
    }
    assert fired(notes, "Priya Raman", expect, "thank-you", body, subject=subject) == set()


@pytest.mark.parametrize("name", ["ja_thank_you.txt", "ja_thank_you_250.txt"])
def test_the_hand_written_japanese_sample_drafts_pass(name):
    subject, body = load(name)
    notes = load_notes(ROOT / "sample_data" / "ja_thank_you.json")
    expect = {"greet": ["田中 美咲様", "田中様"], "pronouns": [], "ja_third": ["田中さん", "彼女"]}
    assert fired(notes, "田中 美咲", expect, "thank-you", body, subject=subject) == set()


# --- each property on a bad draft ---------------------------------------------------------------

BAD = [
    # third person about the addressee
    pytest.param(
        MEI, EN_GOOD, "about your roadmap", "about her roadmap", "third-person", id="en-her-roadmap"
    ),
    pytest.param(
        STONE, EN_STONE_GOOD, "how you run your 1:1s", "how she runs 1:1s", "third-person", id="en-she-runs"
    ),
    pytest.param(
        TANAKA_JA, JA_GOOD, "ご説明いただき", "田中さんにご説明いただき", "third-person", id="ja-san"
    ),
    pytest.param(
        ISHII_JA,
        JA_RECRUITER_GOOD,
        "・技術への関心の高さ",
        "・候補者は技術への関心が高い",
        "third-person",
        id="ja-candidate",
    ),
    pytest.param(
        ISHII_JA, JA_RECRUITER_GOOD, "・受け答えが丁寧", "・彼は受け答えが丁寧", "third-person", id="ja-kare"
    ),
    # greeting
    pytest.param(MEI, EN_GOOD, "Hi Mei,", "Hi Chen,", "greeting", id="en-family-name"),
    pytest.param(MEI, EN_GOOD, "Hi Mei,", "Hi mei,", "greeting", id="en-lower-case"),
    pytest.param(MEI, EN_GOOD, "Hi Mei,\n", "Thank you so much!\n", "greeting", id="en-no-greeting"),
    pytest.param(MEI, EN_GOOD, "for your time, Mei.", "for your time, Chen.", "greeting", id="en-vocative"),
    pytest.param(
        DAWSON, EN_PHONE_GOOD, "speak with Rick Dawson", "speak with Dawson", "greeting", id="en-phone-ask"
    ),
    pytest.param(TANAKA_JA, JA_GOOD, "田中 裕子 様", "田中さん 様", "greeting", id="ja-san-sama"),
    pytest.param(TANAKA_JA, JA_GOOD, "田中 裕子 様", "裕子様", "greeting", id="ja-given-name"),
    pytest.param(SAKAMOTO_JA, JA_PHONE_GOOD, "坂本 勇様は", "勇様は", "greeting", id="ja-phone-ask"),
    # pasted clause
    pytest.param(
        MEI,
        EN_GOOD,
        "how the team runs retros",
        "She showed me how the team runs retros.",
        "pasted-clause",
        id="en-capital-pronoun",
    ),
    pytest.param(
        MEI,
        EN_GOOD,
        "that the team is rebuilding search",
        "about The team is rebuilding search",
        "pasted-clause",
        id="en-capital-the",
    ),
    pytest.param(
        MEI, EN_GOOD, "runs retros. It was", "runs retros., and it was", "pasted-clause", id="en-stop-comma"
    ),
    pytest.param(
        MEI, EN_GOOD, "runs retros. It was", "runs retros. and it was", "pasted-clause", id="en-stop-lower"
    ),
    pytest.param(
        MEI,
        EN_GOOD,
        "hearing about your roadmap",
        "hearing about [10:42] Mei: our roadmap",
        "pasted-clause",
        id="en-chat-line",
    ),
    pytest.param(
        TANAKA_JA,
        JA_GOOD,
        "チームのリリースフローについてご説明いただき",
        "チームのリリースフローを説明してもらったのお話を伺い",
        "pasted-clause",
        id="ja-plain-no-ohanashi",
    ),
    pytest.param(
        TANAKA_JA,
        JA_GOOD,
        "チームのリリースフローについて",
        "チームのリリースフローを説明してもらった。について",
        "pasted-clause",
        id="ja-stop-in-frame",
    ),
    pytest.param(
        SAKAMOTO_JA,
        JA_PHONE_GOOD,
        "来週中にお電話でご連絡をいただける",
        "1週間ほどで人事から連絡にご連絡をいただける",
        "pasted-clause",
        id="ja-renraku-ni-gorenraku",
    ),
    pytest.param(
        TANAKA_JA,
        JA_GOOD,
        "オンコールを週替わりで回されているというお話",
        "「オンコールは週替わりで回しているとのこと」や「技術的負債」についてのお話",
        "pasted-clause",
        id="ja-quoted-sentence",
    ),
    pytest.param(
        ISHII_JA, JA_RECRUITER_GOOD, "◆良かった点", "◆(1)positive", "pasted-clause", id="ja-field-name"
    ),
    # who said what
    pytest.param(
        TOP_PICK,
        EN_REJECTION_GOOD,
        "that I was your top pick",
        "that you were our top pick",
        "attribution",
        id="en-their-voice",
    ),
    pytest.param(
        TOP_PICK,
        EN_REJECTION_GOOD,
        "you will keep my CV on file",
        "I'd like to keep your CV on file",
        "attribution",
        id="en-your-cv",
    ),
    pytest.param(
        FUJITA_JA,
        JA_FUJITA_GOOD,
        "導入の経験についてもお話しでき",
        "導入の経験についてもお話を伺うことができ",
        "attribution",
        id="ja-candidate-topic-as-theirs",
    ),
    # fragments
    pytest.param(
        MEI,
        EN_GOOD,
        "One thing we did not get to: I migrated",
        "One example: migrated",
        "fragment",
        id="en-example-bare-verb",
    ),
    pytest.param(
        MEI, EN_GOOD, "One thing we did not get to: I migrated", "Migrated", "fragment", id="en-bare-verb"
    ),
    pytest.param(
        MEI, EN_GOOD, "I would be glad to bring", "i would be glad to bring", "fragment", id="en-lower-start"
    ),
    pytest.param(
        MEI,
        EN_GOOD,
        "Congratulations on the 2026 Webby for best fitness app.",
        "Hiring plan q3 and the k8s migration.",
        "fragment",
        id="en-no-verb",
    ),
    # the judge's blind spots (bench/data/heldout/README_notes.md), added with issue 8
    pytest.param(MEI, EN_GOOD, "about your roadmap", "about roadmap", "article", id="en-missing-article"),
    pytest.param(
        STONE,
        EN_STONE_GOOD,
        "which now processes 2M events a day",
        "and the result was processes 2M events a day",
        "result-clause",
        id="en-result-pasted",
    ),
    pytest.param(
        MEI,
        EN_GOOD,
        "from UIKit to SwiftUI.",
        "from UIKit to SwiftUI, which raised retention 6%.",
        "result-clause",
        id="en-change-without-by",
    ),
    pytest.param(
        MEI,
        EN_GOOD,
        "from UIKit to SwiftUI.",
        "from UIKit to SwiftUI, which led to checkout crashes dropped by 35%.",
        "result-clause",
        id="en-clause-after-led-to",
    ),
    pytest.param(
        MEI, EN_GOOD, "the team is rebuilding search", "the team is adopting rust", "tech-case", id="en-rust"
    ),
    pytest.param(
        MEI, EN_GOOD, "the team is rebuilding search", "the team is moving to k8s", "tech-case", id="en-k8s"
    ),
    pytest.param(
        RAHMAN,
        EN_RECRUITER_GOOD,
        "the hiring manager next.",
        "the hiring manager next. These points often come up there.",
        "unsupported-claim",
        id="en-claim-naming-nothing",
    ),
    pytest.param(
        ISHII_JA,
        JA_RECRUITER_GOOD,
        "ご準備いただけますと幸いです。",
        "ご準備いただけますと幸いです。上記の点はよく話題になります。",
        "unsupported-claim",
        id="ja-claim-naming-nothing",
    ),
    pytest.param(
        RAHMAN,
        EN_RECRUITER_GOOD,
        "Would you like to proceed?",
        "We'd love to invite you to the next round. Would you like to proceed?",
        "premature-invitation",
        id="en-invitation-after-criticism",
    ),
    pytest.param(
        TANAKA_JA, JA_GOOD, "大変参考になりました。", "とても楽しい時間でした。", "register", id="ja-tanoshii"
    ),
    pytest.param(TANAKA_JA, JA_GOOD, "オンコール", "ｵﾝｺｰﾙ", "register", id="ja-half-width"),
    pytest.param(
        TANAKA_JA,
        JA_GOOD,
        "チームのリリースフローについて",
        "リリースの頻度は月2回について",
        "pasted-clause",
        id="ja-wa-clause-in-frame",
    ),
    pytest.param(
        TANAKA_JA,
        JA_GOOD,
        "大変参考になりました。",
        "大変参考になりました。ご連絡をいただけますと嬉しいです。",
        "register",
        id="ja-ureshii-desu",
    ),
    pytest.param(
        TANAKA_JA,
        JA_GOOD,
        "大変参考になりました。",
        "大変参考になりました。「ミライ物流が関西に物流センターを開設」というニュースも拝見しました。",
        "raw-news",
        id="ja-raw-news",
    ),
    pytest.param(
        MEI,
        EN_GOOD,
        "Congratulations on the 2026 Webby for best fitness app.",
        "I saw the recent news: Brightline Apps won the 2026 Webby for best fitness app.",
        "raw-news",
        id="en-raw-news",
    ),
]


@pytest.mark.parametrize(("case", "good", "old", "new", "prop"), BAD)
def test_each_property_fires_on_the_bad_draft_only(case, good, old, new, prop):
    notes, to, expect = _args(case)
    scenario = {
        "Aisha Rahman": "recruiter-thanks",
        "Ben Carter": "rejection-reply",
        "Rick Dawson": "final-follow-up",
        "坂本 勇": "status-check",
        "石井 健太郎": "recruiter-thanks",
    }.get(to, "thank-you")
    channel = "phone" if good in (EN_PHONE_GOOD, JA_PHONE_GOOD) else "email"
    assert prop not in fired(notes, to, expect, scenario, good, channel=channel)
    assert prop in fired(notes, to, expect, scenario, swap(good, old, new), channel=channel)


def test_a_count_noun_that_modifies_the_next_noun_is_not_a_bare_head():
    """"about system design" is grammatical: "system" modifies "design", the head; the article
    property looks at the head of the noun phrase (v2 corpus, issue 8)."""
    assert article_issues("I enjoyed our talk about system design (idempotent ledger writes).") == []
    assert article_issues("hearing about platform team structure") == []
    assert len(article_issues("our talk about migration plan.")) == 1
    assert len(article_issues("our talk about feature store migration and the roadmap")) == 1
    assert len(article_issues("our talk about migration was great")) == 1


def test_dropped_topics_need_one_of_the_recipients_topics():
    notes, to, expect = _args(MEI)
    paragraph = EN_GOOD.split("\n\n")[2]
    bad = swap(swap(EN_GOOD, paragraph, "I enjoyed our conversation."), "the mobile team", "your team")
    assert "dropped-topic" not in fired(notes, to, expect, "thank-you", EN_GOOD)
    assert "dropped-topic" in fired(notes, to, expect, "thank-you", bad)
    assert "dropped-topic" not in fired(notes, to, expect, "final-follow-up", bad)  # only where C2 asks


def test_a_status_check_in_japanese_carries_the_crossed_mail_line():
    notes, to, expect = _args(TANAKA_JA)
    line = "なお、本メールと行き違いでご連絡をいただいておりましたら、ご容赦ください。"
    crossed = swap(JA_GOOD, "改めまして、", f"{line}\n改めまして、")
    assert "register" in fired(notes, to, expect, "status-check", JA_GOOD)
    assert "register" not in fired(notes, to, expect, "status-check", crossed)
    read = swap(crossed, "改めまして、", "お読みいただきありがとうございました。\n改めまして、")
    assert "register" in fired(notes, to, expect, "status-check", read)


def test_a_score_is_held_not_told_as_an_experience():
    from draft_properties import skill_issues

    notes = corpus("ja_skills_news.json")
    assert skill_issues(notes, "お伝えしきれなかった「TOEIC 900点」「Python」の経験を補足します。")
    assert skill_issues(notes, "「Python」の経験を補足します。また、TOEIC 900点を取得しております。") == []


def test_a_half_width_title_matches_its_full_width_address_line():
    """The 宛名 is compared after NFKC: the composer writes the title 「ｻｰﾋﾞｽ部 課長」 of the notes as
    「サービス部 課長」, and a half-width one still passes as written."""
    name = "ja_typos_halfwidth.json"
    notes, to, expect = corpus(name), "後藤 正人", entry(name, "後藤 正人")
    address = "株式会社アルファ電機\nサービス部 課長 後藤 正人 様"
    good = swap(JA_GOOD, "株式会社サクラテック\n開発部 部長 田中 裕子 様", address)
    good = good.replace("伊藤 大輔", "遠藤 悠")
    assert "greeting" not in fired(notes, to, expect, "thank-you", good)
    assert "greeting" not in fired(notes, to, expect, "thank-you", swap(good, "サービス部", "ｻｰﾋﾞｽ部"))
    assert "greeting" in fired(notes, to, expect, "thank-you", swap(good, "後藤 正人 様", "後藤さん 様"))


def test_pronouns_for_another_named_person_are_not_about_the_addressee():
    notes, to, expect = _args(STONE)
    body = swap(
        EN_STONE_GOOD, "how you run your 1:1s.", "how you run your 1:1s. Arun said he enjoys pairing."
    )
    assert "third-person" not in fired(notes, to, expect, "thank-you", body)
    lone = swap(EN_STONE_GOOD, "how you run your 1:1s.", "how you run your 1:1s. I also liked her team.")
    assert "third-person" in fired(notes, to, expect, "thank-you", lone)


def test_phone_names_with_an_honorific():
    notes = corpus(DAWSON[0])
    doctor = notes.interviewers[0].model_copy(update={"name": "Dr. Rick Dawson", "greet_as": "Dr. Dawson"})
    notes = notes.model_copy(update={"interviewers": [doctor]})
    expect = {"greet": ["Dr. Dawson"], "pronouns": ["he", "him", "his"], "ja_third": []}
    good = swap(EN_PHONE_GOOD, "speak with Rick Dawson", "speak with Dr. Rick Dawson")
    good = swap(good, "Hi Rick,", "Hi Dr. Dawson,")
    assert fired(notes, doctor.name, expect, "final-follow-up", good, channel="phone") == set()
    bad = swap(good, "Hi Dr. Dawson,", "Hi Dr. Rick,")
    assert "greeting" in fired(notes, doctor.name, expect, "final-follow-up", bad, channel="phone")
    last_first = swap(EN_PHONE_GOOD, "speak with Rick Dawson", "speak with Dawson, Rick")
    assert "greeting" in fired(*_args(DAWSON), "final-follow-up", last_first, channel="phone")


def test_label_with_a_noun_phrase_is_not_a_fragment():
    notes, to, expect = _args(MEI)
    for sentence in (
        "One addition: my experience with SwiftUI.",
        "No need to reply to this note.",
        "Looking forward to hearing from you.",
        "Based on our talk, I think the role fits me.",
    ):
        body = swap(EN_GOOD, "Congratulations on the 2026 Webby for best fitness app.", sentence)
        assert "fragment" not in fired(notes, to, expect, "thank-you", body), sentence


def test_panel_greetings():
    notes = corpus("en_panel_no_greet_as.json")
    expect = entry("en_panel_no_greet_as.json", "Hiring panel")
    good = swap(EN_GOOD, "Hi Mei,", "Hi everyone,").replace(", Mei.", ".")
    assert "greeting" not in fired(notes, "Hiring panel", expect, "thank-you", good)
    assert "greeting" in fired(
        notes, "Hiring panel", expect, "thank-you", swap(good, "Hi everyone,", "Hi Hiring,")
    )


def test_grounding_and_error_issues_come_from_the_checks():
    notes, to, expect = _args(MEI)
    offset = EN_GOOD.index("2M") if "2M" in EN_GOOD else EN_GOOD.index("2026")
    grounding = Issue(
        source="guidance",
        rule="grounding",
        message="the number is not in your notes",
        offset=offset,
        length=4,
        severity="warning",
    )
    error = Issue(
        source="grammar",
        rule="MORFOLOGIK",
        message="Possible spelling mistake",
        offset=0,
        length=2,
        severity="error",
    )
    warning = Issue(source="guidance", rule="stock-phrase", message="stock phrase", severity="warning")
    assert fired(notes, to, expect, "thank-you", EN_GOOD, issues=[warning]) == set()
    assert fired(notes, to, expect, "thank-you", EN_GOOD, issues=[grounding]) == {"grounding"}
    assert fired(notes, to, expect, "thank-you", EN_GOOD, issues=[error]) == {"error-issue"}
    as_json = [error.model_dump()]
    assert fired(notes, to, expect, "thank-you", EN_GOOD, issues=as_json) == {"error-issue"}


# --- layout -------------------------------------------------------------------------------------

LONG = " ".join(["The team shared how the release train works and why it matters."] * 8)


def _merge(text: str, *starts: str) -> str:
    """The paragraphs beginning with `starts` joined to the one before."""
    for start in starts:
        text = swap(text, f"\n\n{start}", f" {start}")
    return text


def _split(text: str, *starts: str) -> str:
    """New paragraphs beginning at each of `starts`."""
    for start in starts:
        text = swap(text, f" {start}", f"\n\n{start}")
    return text


@pytest.mark.parametrize(
    ("bad", "scenario"),
    [
        pytest.param(
            _merge(EN_GOOD, "One thing", "Congratulations"), "thank-you", id="thank-you-two-paragraphs"
        ),
        pytest.param(
            swap(EN_GOOD, "I enjoyed meeting", LONG + " I enjoyed meeting"),
            "status-check",
            id="long-paragraph",
        ),
        pytest.param(
            _split(EN_GOOD, "I enjoyed meeting", "It was also", "I would be glad"),
            "status-check",
            id="seven-paragraphs",
        ),
        pytest.param(swap(EN_GOOD, "Best regards,\n", ""), "thank-you", id="no-sign-off"),
        pytest.param(swap(EN_GOOD, "Priyanka Nair\n", "Priyanka\n"), "thank-you", id="sign-off-without-name"),
    ],
)
def test_english_email_layout(bad, scenario):
    notes, to, expect = _args(MEI)
    assert "layout" not in fired(notes, to, expect, scenario, EN_GOOD)
    assert "layout" in fired(notes, to, expect, scenario, bad)


def test_five_paragraphs_are_fine_and_a_status_check_may_have_two():
    notes, to, expect = _args(MEI)
    five = _split(EN_GOOD, "I enjoyed meeting")
    two = _merge(EN_GOOD, "I especially", "Congratulations")
    assert "layout" not in fired(notes, to, expect, "thank-you", five)
    assert "layout" not in fired(notes, to, expect, "status-check", two)
    assert "layout" in fired(notes, to, expect, "thank-you", two)


def test_phone_script_layout():
    notes, to, expect = _args(DAWSON)
    long_line = swap(EN_PHONE_GOOD, "Thank you for your time. Goodbye.", LONG)
    as_email = "Dear Rick,\n\n" + EN_PHONE_GOOD + "\nBest regards,\nKwame Mensah\n"
    assert "layout" not in fired(notes, to, expect, "final-follow-up", EN_PHONE_GOOD, channel="phone")
    assert "layout" in fired(notes, to, expect, "final-follow-up", long_line, channel="phone")
    assert "layout" in fired(notes, to, expect, "final-follow-up", as_email, channel="phone")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("株式会社サクラテック\n開発部 部長 田中 裕子 様\n\n", "", id="no-address"),
        pytest.param("お世話になっております。\n", "", id="no-opening"),
        pytest.param("伊藤 大輔と申します。", "応募者です。", id="no-self-introduction"),
        pytest.param("何卒よろしくお願いいたします。\n", "", id="no-closing"),
        pytest.param("\n伊藤 大輔\ndaisuke.ito@example.jp\n", "\n", id="no-signature"),
    ],
)
def test_japanese_email_layout(old, new):
    notes, to, expect = _args(TANAKA_JA)
    assert "layout" not in fired(notes, to, expect, "thank-you", JA_GOOD)
    assert "layout" in fired(notes, to, expect, "thank-you", swap(JA_GOOD, old, new))


def test_japanese_layout_needs_a_subject_and_accepts_a_first_contact_opening():
    notes, to, expect = _args(TANAKA_JA)
    assert "layout" in fired(notes, to, expect, "thank-you", JA_GOOD, subject="")
    first_contact = swap(JA_GOOD, "お世話になっております。", "突然のご連絡失礼いたします。")
    assert "layout" not in fired(notes, to, expect, "thank-you", first_contact)


def test_japanese_phone_line_length():
    notes, to, expect = _args(SAKAMOTO_JA)
    long_line = swap(
        JA_PHONE_GOOD,
        "お忙しいところ、ありがとうございました。",
        "お忙しいところ、" * 20 + "ありがとうございました。",
    )
    assert "layout" not in fired(notes, to, expect, "status-check", JA_PHONE_GOOD, channel="phone")
    assert "layout" in fired(notes, to, expect, "status-check", long_line, channel="phone")


# --- the corpus itself --------------------------------------------------------------------------


def test_every_corpus_file_validates_and_matches_its_expect_entry():
    expect = {k: v for f in CORPUS.glob("expect*.json") for k, v in json.loads(f.read_text("utf-8")).items()}
    files = sorted(p.name for p in CORPUS.glob("*.json") if not p.name.startswith("expect"))
    assert files == sorted(k for k in expect if not k.startswith("_"))
    for name in files:
        notes = corpus(name)
        assert set(expect[name]["recipients"]) == {p.name for p in notes.recipients()}, name
        roles = ("recruiter-thanks", "recruiter-nudge", "recruiter-keep-in-touch")
        assert all((s in roles) == (notes.sender_role == "recruiter") for s in expect[name]["scenarios"]), (
            name
        )
