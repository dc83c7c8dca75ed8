"""Short call scripts (GUIDANCE C9, seed 004): greeting, who you are, why you call (the stated
timeline as the reason), the question, and thanks. Spoken lines, so no signature."""

from __future__ import annotations

from afterword.backends.offline.common import Facts, join_en
from afterword.backends.offline.en_text import first, story, when_phrase
from afterword.backends.offline.ja_text import heard, job, meeting, sama
from afterword.backends.offline.ja_text import story as story_ja

_EN_PURPOSE = {
    "thank-you": "thank-you", "status-check": "status check",
    "final-follow-up": "final follow-up", "rejection-reply": "reply to the decision",
    "recruiter-thanks": "thanks and next step", "recruiter-nudge": "next step",
    "recruiter-keep-in-touch": "keeping in touch",
}
_JA_PURPOSE = {
    "thank-you": "面接のお礼", "status-check": "選考状況のご確認",
    "final-follow-up": "選考状況の最後のご確認", "rejection-reply": "選考結果へのお礼",
    "recruiter-thanks": "面談のお礼と次回選考のご案内", "recruiter-nudge": "次回選考のご意向の確認",
    "recruiter-keep-in-touch": "面談のお礼",
}


def _en_reason(f: Facts, scenario: str, tone: str) -> str:
    t0 = f.topics[0] if f.topics else ""
    if scenario == "thank-you":
        extra = story(f.skills[0], named=False) if f.skills else ""
        return {
            "formal": "I am calling to thank you for the interview."
            + (f" I particularly valued our discussion of {t0}." if t0 else ""),
            "warm": "I wanted to call and say thank you — I really enjoyed our conversation"
            + (f", especially about {t0}." if t0 else "."),
            "concise": "I'm calling to say thank you for the interview"
            + (f" and our talk about {t0}." if t0 else "."),
            "enthusiastic": "I'm calling to say thank you — I loved our conversation"
            + (f", and hearing about {t0} was a real highlight!" if t0 else "!"),
        }[tone] + (f" One thing I didn't mention: {extra}" if extra else "")
    if scenario == "status-check":
        when = when_phrase(f.timeline) if f.timeline else None
        said = f"You mentioned you expected to reach a decision {when}, so " if when else ""
        return said + {
            "formal": "I am calling to ask whether there is any update on the timeline.",
            "warm": "I thought I'd call to ask whether there's any news on your side.",
            "concise": "I'm calling to ask whether there is any update.",
            "enthusiastic": "I'm calling to ask whether there's any news — I'm still very keen "
                            "on the role.",
        }[tone]
    if scenario == "final-follow-up":
        return {
            "formal": "I am calling one last time to ask whether there is any news on the "
                      "position; this will be my final follow-up.",
            "warm": "I wanted to call one last time to ask whether there's any news. This is my "
                    "final follow-up, so please don't feel any pressure.",
            "concise": "This is my final follow-up: is there any news on the position?",
            "enthusiastic": "I'm calling one last time, as I'm still excited about the role: is "
                            "there any news? This will be my final follow-up.",
        }[tone]
    if scenario == "rejection-reply":
        return {
            "formal": "Thank you for letting me know about your decision.",
            "warm": "Thank you for letting me know, and for being so kind about it.",
            "concise": "Thank you for letting me know.",
            "enthusiastic": "Thank you for letting me know — I truly appreciated it.",
        }[tone] + (f" I enjoyed learning about {f.company}, and if a fitting role comes up, "
                   "freelance or part-time included, I'd be grateful if you would keep me in "
                   "mind.")
    if scenario == "recruiter-thanks":
        parts = [{
            "formal": "I am calling to thank you and to share some feedback.",
            "warm": "I wanted to say thank you and share a little feedback.",
            "concise": "Some quick feedback.",
            "enthusiastic": "I'm calling to say thank you, and I'd love to share some feedback!",
        }[tone]]
        if f.positive:
            parts.append(f"What stood out: {join_en(f.positive)}.")
        if f.more:
            parts.append(f"Where you could grow further: {join_en(f.more)}.")
        if f.prepare:
            parts.append(f"To prepare for the next round, it would help to think about "
                         f"{join_en(f.prepare)}.")
        if f.who:
            parts.append(f"If you'd like to proceed, the next round would be with {f.who}.")
        parts.append("Would you like to go ahead to the next round?")
        return " ".join(parts)
    if scenario == "recruiter-nudge":
        return {
            "formal": "I am calling to ask whether you have had a chance to consider the next "
                      "round. Any answer is perfectly fine.",
            "warm": "I wanted to ask whether you've had a chance to think about the next step. "
                    "Any answer is fine: yes, not yet, or no.",
            "concise": "Would you like to move forward? Yes, not yet, or no are all fine.",
            "enthusiastic": "I'd love to know whether you'd like to move forward — and if you "
                            "need more time, that's completely fine.",
        }[tone]
    return {
        "formal": "There is no need to decide anything now. I would be glad to talk about your "
                  "career plans at any time, and I will get in touch again in a few months.",
        "warm": "There's no need to decide anything now. I'm always happy to talk about your "
                "career plans, and I'll get in touch again in a few months, if that's all right.",
        "concise": "No need to decide anything now. I'll get in touch again in a few months; "
                   "I'm happy to talk about your career plans any time.",
        "enthusiastic": "There's absolutely no rush! I'd be glad to talk about your career "
                        "plans any time, and I'll get in touch again in a few months.",
    }[tone]


def call_en(f: Facts, scenario: str, tone: str) -> tuple[str, str]:
    """An English call script."""
    subject = f"Call script: {_EN_PURPOSE[scenario]} with {f.recipient}"
    me = f"{f.sender} from {f.company}" if f.role == "recruiter" else f.sender
    hello = {
        "formal": f"Hello, this is {me}. May I speak with {f.recipient}, please?",
        "warm": f"Hi, this is {me} — could I speak with {f.recipient}, please?",
        "concise": f"Hello, this is {me}, calling for {f.recipient}.",
        "enthusiastic": f"Hello! This is {me}. Could I please speak with {f.recipient}?",
    }[tone]
    about = (f"the {f.position} role" if f.role == "recruiter"
             else f"the {f.position} position at {f.company}")
    who = {
        "formal": f"Thank you for taking my call. I am calling about {about}.",
        "warm": f"Hi {first(f)}, thanks for taking my call! It's about {about}.",
        "concise": f"Thanks for taking my call — it's about {about}.",
        "enthusiastic": f"Hi {first(f)}, thank you so much for taking my call! It's about "
                        f"{about}.",
    }[tone]
    bye = {
        "formal": "Thank you very much for your time. Goodbye.",
        "warm": "Thanks so much for your time — have a lovely day.",
        "concise": "Thank you. Goodbye.",
        "enthusiastic": "Thank you so much — I really appreciate your time!",
    }[tone]
    if f.topics and scenario != "thank-you":
        who += f" We talked about {f.topics[0]}."
    lines = [hello, who, _en_reason(f, scenario, tone), bye]
    if f.sender_phone:
        lines.append(f"If you reach voicemail: \"This is {me}, about {about}. Please call me "
                     f"back at {f.sender_phone}. Thank you.\"")
    return subject, "\n\n".join(lines)


def _quoted(items: tuple[str, ...]) -> str:
    return "".join(f"「{item}」" for item in items)


def _first_story(f: Facts) -> str:
    return story_ja(f.skills[0], named=False) if f.skills else ""


def _ja_reason(f: Facts, scenario: str, tone: str) -> str:
    t0 = f.topics[0] if f.topics else ""
    said = f"{heard(f)}ので、" if f.timeline else ""
    if scenario == "thank-you":
        extra = _first_story(f)
        return {
            "formal": "面接のお礼を申し上げたく、お電話いたしました。"
            + (f"{t0}についてのお話は、大変参考になりました。" if t0 else ""),
            "warm": "面接のお礼をお伝えしたくて、お電話いたしました。"
            + (f"{t0}のお話がとても印象に残っております。" if t0 else ""),
            "concise": "面接のお礼でお電話いたしました。"
            + (f"{t0}のお話、ありがとうございました。" if t0 else ""),
            "enthusiastic": "面接のお礼をぜひ直接お伝えしたく、お電話いたしました。"
            + (f"{t0}のお話には、大変わくわくいたしました。" if t0 else ""),
        }[tone] + (f"面接でお伝えしきれなかったのですが、{extra}" if extra else "")
    if scenario == "status-check":
        return said + {
            "formal": "その後の選考状況についてお尋ねしたく、お電話いたしました。"
                      "お聞かせいただけますか。",
            "warm": "その後のご状況はいかがかと思い、お電話いたしました。"
                    "今後の見通しをお聞かせいただけますか。",
            "concise": "選考状況をお聞かせいただけますか。",
            "enthusiastic": "その後の選考状況をお尋ねしたく、お電話いたしました。"
                            "今も貴社を強く希望しております。",
        }[tone]
    if scenario == "final-follow-up":
        return {
            "formal": "選考状況について、最後に一度だけお尋ねしたくお電話いたしました。"
                      "こちらからのご連絡は、これで最後といたします。",
            "warm": "選考のご状況を、最後にもう一度だけ伺えればと思いお電話いたしました。"
                    "私からのご連絡はこれで最後にいたします。",
            "concise": "最後に一度だけ、選考状況をお尋ねいたします。ご連絡はこれで最後といたします。",
            "enthusiastic": "貴社への思いが今も変わらず、最後に一度だけお電話いたしました。"
                            "こちらからのご連絡は、これで最後といたします。",
        }[tone]
    if scenario == "rejection-reply":
        return {
            "formal": "選考結果をご連絡いただき、誠にありがとうございました。",
            "warm": "選考結果をご丁寧にご連絡いただき、ありがとうございました。",
            "concise": "選考結果のご連絡、ありがとうございました。",
            "enthusiastic": "選考結果をご連絡いただき、本当にありがとうございました。",
        }[tone] + {
            "formal": "今後、業務委託やパートタイムも含め、"
                      "機会がございましたらお声がけいただけますと幸いです。",
            "warm": "貴社のことを知ることができ、楽しい時間でした。今後、業務委託やパートタイムなども含めて、"
                    "機会があればぜひお声がけください。",
            "concise": "今後、業務委託やパートタイムも含め、機会があればお声がけください。",
            "enthusiastic": "貴社について学べたことは大きな財産です。今後、業務委託やパートタイムも含め、"
                            "ご一緒できる機会がございましたら、ぜひお声がけください！",
        }[tone]
    if scenario == "recruiter-thanks":
        return {
            "formal": "面談のお礼と、次回選考のご案内でお電話いたしました。",
            "warm": "面談のお礼と、少しフィードバックをお伝えしたくてお電話しました。",
            "concise": "面談のお礼と次回選考のご案内です。",
            "enthusiastic": "面談のお礼と、ぜひ次の選考のご案内をしたくお電話しました！",
        }[tone] + (
            (f"良かった点は{_quoted(f.positive)}です。" if f.positive else "")
            + (f"さらに伸ばしていただきたい点は{_quoted(f.more)}です。" if f.more else "")
            + (f"次回に向けて、{_quoted(f.prepare)}を準備しておいていただけると安心です。"
               if f.prepare else "")
            + (f"次回は{f.who}とお会いいただく予定です。" if f.who else "")
        ) + {
            "formal": "ぜひ次の選考にお進みいただけませんか。",
            "warm": "よろしければ、ぜひ次の選考に進んでいただけませんか。",
            "concise": "次の選考に進まれますか。",
            "enthusiastic": "ぜひ次の選考でまたお会いしたいです！いかがでしょうか。",
        }[tone]
    if scenario == "recruiter-nudge":
        return {
            "formal": "次の選考へのご意向を伺いたく、お電話いたしました。どのようなお返事でも構いません。",
            "warm": "その後いかがかと思い、お電話しました。「進みたい」「もう少し考えたい」など、"
                    "率直なお気持ちをお聞かせください。",
            "concise": "次の選考へのご意向を伺えますか。「進む」「検討中」など一言で構いません。",
            "enthusiastic": "またお話しできるのを楽しみにしております！次の選考へのご意向はいかがでしょうか。"
                            "もう少しお時間が必要でも、まったく問題ありません。",
        }[tone]
    return {
        "formal": "今後のキャリアについて、いつでもご相談ください。数か月後に、改めてご連絡いたします。",
        "warm": "今後のことは、どうぞご自身のペースでお考えください。キャリアのご相談はいつでも歓迎です。"
                "数か月ほどしましたら、また近況を伺えれば嬉しいです。",
        "concise": "ご決断は急がなくて大丈夫です。数か月後に改めてご連絡いたします。",
        "enthusiastic": "どのような道を選ばれても、キャリアのご相談はいつでも大歓迎です！"
                        "数か月後に改めてご連絡いたします。",
    }[tone]


def call_ja(f: Facts, scenario: str, tone: str) -> tuple[str, str]:
    """A Japanese call script (電話メモ)."""
    if f.role == "recruiter":  # the candidate answers in person: one 名乗り is enough
        subject = f"電話メモ：{_JA_PURPOSE[scenario]}（{f.recipient}様）"
        hello = "（お電話口で）" + {
            "formal": f"お世話になっております。{f.company}の{f.sender}と申します。"
                      f"{f.recipient}様でいらっしゃいますか。",
            "warm": f"{sama(f)}、こんにちは。{f.company}の{f.sender}と申します。"
                    "今、少しだけお時間よろしいですか。",
            "concise": f"{f.company}の{f.sender}と申します。{f.recipient}様のお電話でしょうか。",
            "enthusiastic": f"お世話になっております！{f.company}の{f.sender}と申します。"
                            f"{f.recipient}様でいらっしゃいますか。",
        }[tone]
        me = ""
    else:
        subject = f"電話メモ：{_JA_PURPOSE[scenario]}（{f.company} {sama(f)}）"
        title = f"{f.recipient_title}の" if f.recipient_title else ""
        hello = "（受付の方へ）" + {
            "formal": f"お世話になっております。{job(f)}の{meeting(f)}を受けました、{f.sender}と申します。"
                      f"{title}{f.recipient}様はいらっしゃいますか。",
            "warm": f"いつもお世話になっております。先日{meeting(f)}でお時間をいただいた、{f.sender}と"
                    f"申します。{f.recipient}様にお取り次ぎいただけますか。",
            "concise": f"{job(f)}に応募している{f.sender}と申します。"
                       f"{title}{f.recipient}様をお願いいたします。",
            "enthusiastic": f"お世話になっております。{job(f)}に応募しております、{f.sender}と申します。"
                            f"{f.recipient}様はいらっしゃいますか。",
        }[tone]
        me = {
            "formal": f"（ご本人へ）お世話になっております。{f.sender}と申します。",
            "warm": f"（ご本人へ）{sama(f)}、お世話になっております。{f.sender}と申します。",
            "concise": f"（ご本人へ）{f.sender}と申します。",
            "enthusiastic": f"（ご本人へ）お世話になっております。{f.sender}と申します。",
        }[tone]
    thanks = {
        "formal": f"先日は{meeting(f)}のお時間をいただき、誠にありがとうございました。",
        "warm": f"先日は{meeting(f)}でお話しでき、ありがとうございました。",
        "concise": "先日はありがとうございました。",
        "enthusiastic": f"先日は{meeting(f)}のお時間をいただき、本当にありがとうございました！",
    }[tone]
    bye = {
        "formal": "（最後に）お忙しいところ、ご対応いただき誠にありがとうございました。"
                  "失礼いたします。",
        "warm": "（最後に）お忙しい中、ありがとうございました。どうぞよろしくお願いいたします。",
        "concise": "（最後に）ありがとうございました。失礼いたします。",
        "enthusiastic": "（最後に）お時間をいただき、本当にありがとうございました！失礼いたします。",
    }[tone]
    if f.topics and scenario != "thank-you":
        thanks += f"{f.topics[0]}についてのお話も、大変参考になりました。"
    return subject, "\n\n".join([hello, me + thanks, _ja_reason(f, scenario, tone), bye])
