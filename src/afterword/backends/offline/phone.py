"""Short call scripts (GUIDANCE C9, seed 004): greeting, who you are, why you call (the stated
timeline as the reason), the question, and thanks. Spoken lines, so no signature."""

from __future__ import annotations

from afterword.backends.offline.common import Facts, join_en
from afterword.backends.offline.en_text import first, when_phrase
from afterword.backends.offline.ja_text import heard, job, meeting, sama

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


def _en_reason(f: Facts, scenario: str) -> str:
    t0 = f.topics[0] if f.topics else ""
    if scenario == "thank-you":
        return ("I'm calling to thank you for the interview."
                + (f" I especially enjoyed our conversation about {t0}." if t0 else ""))
    if scenario == "status-check":
        when = when_phrase(f.timeline) if f.timeline else None
        if when:
            return (f"You mentioned you expected to reach a decision {when}, so I'm calling to "
                    "ask whether there is any update.")
        return "I'm calling to ask whether there is any update on the timeline."
    if scenario == "final-follow-up":
        return ("I'm calling one last time to ask whether there is any news on the position; "
                "this will be my final follow-up.")
    if scenario == "rejection-reply":
        return (f"Thank you for letting me know about your decision. I enjoyed learning about "
                f"{f.company}, and if a fitting role comes up, freelance or part-time included, "
                "I'd be grateful if you would keep me in mind.")
    if scenario == "recruiter-thanks":
        parts = ["I wanted to thank you and share some quick feedback."]
        if f.positive:
            parts.append(f"What stood out: {join_en(f.positive)}.")
        if f.more:
            parts.append(f"Where you could grow further: {join_en(f.more)}.")
        if f.who:
            parts.append(f"If you'd like to proceed, the next round would be with {f.who}.")
        parts.append("Would you like to go ahead to the next round?")
        return " ".join(parts)
    if scenario == "recruiter-nudge":
        return ("I'm calling to ask whether you've had a chance to think about the next step. "
                "Any answer is fine: yes, not yet, or no.")
    return ("There's no need to decide anything now. I'd be glad to talk about your career "
            "plans any time, and I'll get in touch again in a few months, if that's all right.")


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
    lines = [hello, who, _en_reason(f, scenario), bye]
    if f.sender_phone:
        lines.append(f"If you reach voicemail: \"This is {me}, about {about}. Please call me "
                     f"back at {f.sender_phone}. Thank you.\"")
    return subject, "\n\n".join(lines)


def _ja_reason(f: Facts, scenario: str) -> str:
    t0 = f.topics[0] if f.topics else ""
    said = heard(f)
    return {
        "thank-you": "面接のお礼をお伝えしたく、お電話いたしました。"
        + (f"特に{t0}のお話が印象に残っております。" if t0 else ""),
        "status-check": (f"{said}ので、お電話いたしました。選考の状況について、お聞かせいただけますか。"
                         if said else "その後の選考状況について伺いたく、お電話いたしました。"),
        "final-follow-up": "選考状況について、最後に一度だけお尋ねしたくお電話いたしました。"
        "こちらからのご連絡は、これで最後といたします。",
        "rejection-reply": "選考結果をご連絡いただき、ありがとうございました。今後、業務委託やパートタイムも含め、"
        "機会がございましたらお声がけいただけますと幸いです。",
        "recruiter-thanks": "面談のお礼と、次回選考のご案内でお電話いたしました。"
        + (f"次回は{f.who}とお会いいただく予定です。" if f.who else "")
        + "ぜひ次の選考に進んでいただけませんか。",
        "recruiter-nudge": "次の選考へのご意向を伺いたく、お電話いたしました。"
        "「進みたい」「もう少し考えたい」など、率直なお気持ちをお聞かせください。",
        "recruiter-keep-in-touch": "今後のキャリアについて、いつでもご相談ください。"
        "数か月後に、改めてご連絡いたします。",
    }[scenario]


def call_ja(f: Facts, scenario: str, tone: str) -> tuple[str, str]:
    """A Japanese call script (電話メモ)."""
    if f.role == "recruiter":
        subject = f"電話メモ：{_JA_PURPOSE[scenario]}（{f.recipient}様）"
        hello = f"（お電話口で）お世話になっております。{f.company}の{f.sender}と申します。{f.recipient}様でいらっしゃいますか。"
    else:
        subject = f"電話メモ：{_JA_PURPOSE[scenario]}（{f.company} {sama(f)}）"
        title = f"{f.recipient_title}の" if f.recipient_title else ""
        hello = (f"（受付の方へ）お世話になっております。{job(f)}の{meeting(f)}を受けました、"
                 f"{f.sender}と申します。{title}{f.recipient}様はいらっしゃいますか。")
    me = {
        "formal": f"（ご本人へ）お世話になっております。{f.sender}と申します。"
                  f"先日は{meeting(f)}のお時間をいただき、誠にありがとうございました。",
        "warm": f"（ご本人へ）{sama(f)}、お世話になっております。{f.sender}と申します。"
                f"先日は{meeting(f)}でお話しでき、ありがとうございました。",
        "concise": f"（ご本人へ）{f.sender}と申します。先日はありがとうございました。",
        "enthusiastic": f"（ご本人へ）お世話になっております。{f.sender}と申します。"
                        f"先日は{meeting(f)}のお時間をいただき、本当にありがとうございました！",
    }[tone]
    bye = {
        "formal": "（最後に）お忙しいところ、ご対応いただき誠にありがとうございました。失礼いたします。",
        "warm": "（最後に）お忙しい中、ありがとうございました。どうぞよろしくお願いいたします。",
        "concise": "（最後に）ありがとうございました。失礼いたします。",
        "enthusiastic": "（最後に）お時間をいただき、本当にありがとうございました！失礼いたします。",
    }[tone]
    return subject, "\n\n".join([hello, me, _ja_reason(f, scenario), bye])
