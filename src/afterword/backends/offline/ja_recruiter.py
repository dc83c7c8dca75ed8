"""Japanese notes from a recruiter to a candidate, after a カジュアル面談 (GUIDANCE C11, C12, T5).

The thanks follows seed 003: ◆フィードバック (1)positive (2)more, ◆準備していただきたいこと,
who they will meet next, and an explicit invitation to proceed.
"""

from __future__ import annotations

from afterword.backends.offline.common import Facts
from afterword.backends.offline.ja_text import job, letter, meeting, sama


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"({i}) {item}" for i, item in enumerate(items, 1))


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f" - {item}" for item in items)


def _topics(f: Facts) -> str:
    return "や".join(f"「{t}」" for t in f.topics[:2])


def recruiter_thanks(f: Facts, tone: str) -> tuple[str, str]:
    """Thanks, feedback as positive / more, what to prepare, who is next, and the invitation."""
    subject = f"{meeting(f)}のお礼とフィードバック（{f.company}）"
    talk = f"{_topics(f)}についてのお話を伺い、" if f.topics else ""
    first = {
        "formal": f"このたびは、{job(f)}の{meeting(f)}にお時間をいただき、誠にありがとうございました。"
                  f"{talk}{sama(f)}のお考えをよく理解することができました。",
        "warm": f"このたびは、{meeting(f)}にお時間をいただき、ありがとうございました。"
                f"{talk}{sama(f)}のお人柄に触れることができ、とても楽しい時間でした。",
        "concise": f"このたびは{meeting(f)}にお時間をいただき、ありがとうございました。"
        + (f"{_topics(f)}についてのお話が印象的でした。" if f.topics else ""),
        "enthusiastic": f"このたびは、{meeting(f)}にお時間をいただき、本当にありがとうございました！"
                        f"{talk}ぜひ一緒に働きたいと感じております。",
    }[tone]
    feedback = ""
    if f.positive or f.more:
        lead = {
            "formal": "僭越ながら、面談でのフィードバックをお送りいたします。",
            "warm": "せっかくですので、僭越ながらフィードバックをお送りします。",
            "concise": "面談でのフィードバックです。",
            "enthusiastic": "ぜひお伝えしたく、面談でのフィードバックをお送りします。",
        }[tone]
        blocks = [f"{lead}\n◆フィードバック"]
        if f.positive:
            blocks.append(f"(1)positive\n{_bullets(f.positive)}")
        if f.more:
            blocks.append(f"({2 if f.positive else 1})more\n{_bullets(f.more)}")
        feedback = "\n".join(blocks)
    prep_lines = []
    if f.prepare:
        prep_lines.append(f"◆弊社の選考に進んでいただける場合に準備していただきたいこと\n{_numbered(f.prepare)}")
    if f.who:
        prep_lines.append(
            f"次回は{f.who}とお会いいただく予定です。"
            + ("上記の点はよく話題になりますので、ぜひ準備しておいてください。" if f.prepare else "")
        )
    invite = {
        "formal": f"{sama(f)}が望むキャリアを実現されることを願っております。"
                  f"その選択肢の中に弊社があれば幸いです。"
                  "ぜひ次の選考にお進みいただけませんか。ご意向をお知らせいただけましたら、日程を調整いたします。",
        "warm": f"{sama(f)}が望むキャリアを叶えられるよう、応援しております。"
                f"その選択肢の中に弊社があれば嬉しいです。"
                "よろしければ、ぜひ次の選考に進んでいただけませんか。ご都合のよい日時をいくつかお知らせください。",
        "concise": "ぜひ次の選考にお進みください。ご希望の日時をお知らせいただければ、日程を調整いたします。",
        "enthusiastic": "ぜひ次の選考に進んでいただきたいと考えております！"
                        "ご都合のよい日時をお知らせいただければ、すぐに日程を調整いたします。",
    }[tone]
    last = {
        "formal": "改めまして、貴重なお時間をいただき、誠にありがとうございました。"
                  "ご連絡をお待ちしております。",
        "warm": "改めまして、お時間をいただきありがとうございました。ご連絡をお待ちしております。",
        "concise": "ありがとうございました。ご連絡をお待ちしております。",
        "enthusiastic": "改めまして、本当にありがとうございました。ご連絡を楽しみにお待ちしております！",
    }[tone]
    return subject, letter(f, first, [feedback, "\n".join(prep_lines), invite], last)


def recruiter_nudge(f: Facts, tone: str) -> tuple[str, str]:
    """T5: light and friendly, easy to answer, no pressure."""
    subject = f"次回選考についてのご確認（{f.company}）"
    first = {
        "formal": f"先日は{meeting(f)}にお時間をいただき、誠にありがとうございました。",
        "warm": f"先日は{meeting(f)}にお時間をいただき、ありがとうございました。",
        "concise": f"先日は{meeting(f)}のお時間をいただき、ありがとうございました。",
        "enthusiastic": f"先日は{meeting(f)}にお時間をいただき、本当にありがとうございました！",
    }[tone]
    if f.topics:
        first += f"{_topics(f)}についてのお話も、大変楽しく伺いました。"
    ask = {
        "formal": "その後、選考へのご意向はいかがでしょうか。"
                  "「進みたい」「もう少し考えたい」など、一言いただけるだけで大変助かります。"
                  "どのようなお返事でも構いません。",
        "warm": "その後、いかがでしょうか。「進みたい」「もう少し考えたい」など、"
                "一言いただけるだけで十分です。"
                "ご不明な点があれば、お気軽にお尋ねください。",
        "concise": "次の選考へのご意向はいかがでしょうか。「進む」「検討中」など、一言いただければ幸いです。",
        "enthusiastic": f"{sama(f)}とまたお話しできることを楽しみにしております。"
                        "次の選考へのご意向はいかがでしょうか。一言いただけるだけで十分ですので、"
                        "どうぞお気軽にご返信ください。",
    }[tone]
    last = {
        "formal": "お忙しいところ、お読みいただきありがとうございました。",
        "warm": "お読みいただき、ありがとうございました。",
        "concise": "ありがとうございました。",
        "enthusiastic": "お読みいただき、本当にありがとうございました！",
    }[tone]
    return subject, letter(f, first, [ask], last)


def recruiter_keep_in_touch(f: Facts, tone: str) -> tuple[str, str]:
    """C12: thanks, no hard sell, an offer to talk about their career, re-contact later."""
    subject = f"{meeting(f)}のお礼（{f.company}）"
    talk = f"{_topics(f)}についてお話を伺うことができ、大変嬉しく思っております。" if f.topics else ""
    first = {
        "formal": f"このたびは、{meeting(f)}にお時間をいただき、誠にありがとうございました。{talk}",
        "warm": f"このたびは、{meeting(f)}にお時間をいただき、ありがとうございました。{talk}",
        "concise": f"このたびは{meeting(f)}にお時間をいただき、ありがとうございました。{talk}",
        "enthusiastic": f"このたびは、{meeting(f)}にお時間をいただき、本当にありがとうございました！{talk}",
    }[tone]
    offer = {
        "formal": "今後のキャリアについては、どうぞご自身のペースでお考えください。"
                  "弊社の選考とは関係なく、キャリアのご相談があれば、いつでもお話を伺います。"
                  "数か月後に、改めてご連絡いたします。",
        "warm": "今後のことは、どうぞご自身のペースでじっくりお考えください。"
                "弊社に限らず、キャリアのことで話してみたいことがあれば、いつでもお気軽にご連絡ください。"
                "数か月ほどしましたら、また近況を伺えれば嬉しいです。",
        "concise": "今後のキャリアについて、いつでもご相談ください。数か月後に改めてご連絡いたします。",
        "enthusiastic": "どのような道を選ばれても、キャリアのご相談ならいつでも大歓迎です。"
                        "数か月後に改めてご連絡いたしますので、近況を伺えるのを楽しみにしております。",
    }[tone]
    last = {
        "formal": f"改めまして、ありがとうございました。{sama(f)}のご活躍をお祈り申し上げます。",
        "warm": f"改めまして、ありがとうございました。{sama(f)}のご活躍を応援しております。",
        "concise": "ありがとうございました。",
        "enthusiastic": f"改めまして、"
                        f"本当にありがとうございました！{sama(f)}のご活躍を心から応援しております。",
    }[tone]
    return subject, letter(f, first, [offer], last)


COMPOSERS = {
    "recruiter-thanks": recruiter_thanks,
    "recruiter-nudge": recruiter_nudge,
    "recruiter-keep-in-touch": recruiter_keep_in_touch,
}
