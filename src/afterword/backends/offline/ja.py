"""Japanese notes from a candidate: お礼, 選考状況のご確認, 最後のご確認, 不採用へのお礼."""

from __future__ import annotations

from afterword.backends.offline.common import Facts
from afterword.backends.offline.ja_text import (
    heard,
    job,
    letter,
    meeting,
    news_line,
    sama,
    skills_block,
)


def _callback(f: Facts, tone: str) -> str:
    """C2: the recipient's own topic first, and at most one shared one."""
    t = f.topics
    if not t:
        return {
            "formal": "面接では業務内容やチームについて丁寧にご説明いただき、大変参考になりました。",
            "warm": "業務やチームのお話をたくさん伺うことができ、とても参考になりました。",
            "concise": "",
            "enthusiastic": "業務やチームのお話を伺い、貴社への関心がますます高まりました。",
        }[tone]
    second = t[-1] if len(t) > 1 else ""
    table = {
        "formal": [
            (f"面接では{t[0]}についてお話を伺い、貴社が取り組まれている課題を具体的に理解することができました。",
             f"また、{second}についても詳しくお聞かせいただき、大変参考になりました。"),
            (f"特に{t[0]}についてのお話は大変興味深く、面接の後も考えを巡らせております。",
             f"{second}についても具体的に伺うことができ、大変参考になりました。"),
        ],
        "warm": [
            (f"特に{t[0]}のお話が印象に残っており、面接の後もずっと考えております。",
             f"{second}についても伺うことができ、嬉しく思いました。"),
            (f"{t[0]}について{sama(f)}から直接お話を伺えたことが、何よりの収穫でした。",
             f"{second}のお話もとても楽しく伺いました。"),
        ],
        "enthusiastic": [
            (f"中でも{t[0]}のお話には大変わくわくいたしました。",
             f"{second}についても伺い、ますます興味が深まっております。"),
            (f"{t[0]}のお話を伺い、ぜひその取り組みに関わりたいという気持ちが強くなりました。",
             f"{second}についてのお話も、とても刺激になりました。"),
        ],
    }
    if tone == "concise":
        return ""
    one, two = table[tone][f.alt]
    return one + (two if second else "")


def thank_you(f: Facts, tone: str) -> tuple[str, str]:
    """T1/C1–C5: お礼, the specific callback, the missing skill, お礼 again."""
    t0 = f.topics[0] if f.topics else ""
    subject = f"{meeting(f)}のお礼（{job(f)} {f.sender}）"
    first = {
        "formal": [
            f"このたびは、{meeting(f)}にてお時間をいただき、誠にありがとうございました。",
            f"このたびはご多忙のところ、{meeting(f)}の機会をいただき、誠にありがとうございました。",
        ],
        "warm": [
            f"このたびは、{meeting(f)}にてお話しする機会をいただき、ありがとうございました。"
            f"{sama(f)}とお話しでき、とても楽しい時間でした。",
            f"このたびは、{meeting(f)}にてお時間をいただき、本当にありがとうございました。"
            "終始丁寧にお話しくださり、とても嬉しく思いました。",
        ],
        "concise": [
            f"このたびは{meeting(f)}にてお時間をいただき、ありがとうございました。"
            + (f"{t0}についてのお話が特に参考になりました。" if t0 else ""),
            f"このたびは{meeting(f)}の機会をいただき、ありがとうございました。"
            + (f"{t0}のお話を伺えたことが特に有益でした。" if t0 else ""),
        ],
        "enthusiastic": [
            f"このたびは、{meeting(f)}にてお時間をいただき、誠にありがとうございました。"
            "お話を伺い、貴社で働きたいという思いが一層強くなりました。",
            f"このたびは、{meeting(f)}の機会をいただき、誠にありがとうございました。"
            "大変楽しく、あっという間の時間でした。",
        ],
    }[tone][f.alt]
    middle = _callback(f, tone) + news_line(f, tone)
    last = {
        "formal": "改めまして、貴重なお時間をいただき、誠にありがとうございました。"
                  "ご連絡を心よりお待ちしております。",
        "warm": "改めまして、お忙しい中お時間をいただき、本当にありがとうございました。",
        "concise": "改めまして、ありがとうございました。",
        "enthusiastic": "改めまして、貴重な機会をいただき、本当にありがとうございました！"
                        "ご連絡を楽しみにお待ちしております。",
    }[tone]
    skills = skills_block(f, tone)
    if tone == "concise" and not skills:
        middle = f"お話を伺い、{job(f)}への関心がいっそう高まりました。"
    return subject, letter(f, first, [middle, skills], last)


def _recall(f: Facts, tone: str) -> str:
    """A one-line reminder of what was discussed, so the reader places the note at once."""
    if not f.topics:
        return ""
    return {
        "formal": f"{f.topics[0]}についてのお話は、今も大変印象に残っております。",
        "warm": f"{f.topics[0]}のお話は、今でもよく思い出しております。",
        "concise": f"{f.topics[0]}のお話も大変参考になりました。",
        "enthusiastic": f"{f.topics[0]}のお話を伺って以来、ますます貴社に惹かれております。",
    }[tone]


def status_check(f: Facts, tone: str) -> tuple[str, str]:
    """C6: brief and friendly; the stated timeline is the reason; no scolding."""
    subject = f"選考状況のご確認（{job(f)} {f.sender}）"
    first = {
        "formal": f"先日は{meeting(f)}にてお時間をいただき、誠にありがとうございました。",
        "warm": f"先日は{meeting(f)}にてお話しする機会をいただき、ありがとうございました。",
        "concise": f"先日は{meeting(f)}の機会をいただき、ありがとうございました。",
        "enthusiastic": f"先日は{meeting(f)}にてお時間をいただき、誠にありがとうございました。"
                        "今も貴社への思いは変わっておりません。",
    }[tone]
    said = heard(f)
    ask = {
        "formal": (f"{said}ので、その後の選考状況についてお尋ねしたく、ご連絡いたしました。"
                   if said else "その後の選考状況について、今後の見通しをお聞かせいただけますと幸いです。")
        + "お忙しいところ恐縮ですが、ご確認いただけますと幸いです。",
        "warm": (f"{said}ので、その後のご状況はいかがかと思い、ご連絡いたしました。"
                 if said else "その後の選考のご状況はいかがでしょうか。")
        + "お手すきの際に、今後の見通しをお知らせいただけますと嬉しいです。",
        "concise": (f"{said}。その後の選考状況をお聞かせいただけますと幸いです。"
                    if said else "選考状況について、今後の見通しをお聞かせいただけますと幸いです。"),
        "enthusiastic": (f"{said}ので、その後の選考状況をお尋ねしたく、ご連絡いたしました。"
                         if said else "その後の選考状況について、お聞かせいただけますと幸いです。")
        + "引き続き、貴社の選考を心より希望しております。",
    }[tone]
    last = {
        "formal": "ご多忙のところ、お読みいただきありがとうございました。",
        "warm": "お忙しい中、お読みいただきありがとうございました。",
        "concise": "ありがとうございました。",
        "enthusiastic": "お読みいただき、本当にありがとうございました。",
    }[tone]
    return subject, letter(f, first + _recall(f, tone), [ask], last)


def final_follow_up(f: Facts, tone: str) -> tuple[str, str]:
    """T4: one last polite check that says it is the last, and wishes them well."""
    subject = f"選考状況の最後のご確認（{job(f)} {f.sender}）"
    first = {
        "formal": f"先日は{meeting(f)}にてお時間をいただき、誠にありがとうございました。",
        "warm": f"先日は{meeting(f)}にてお話しする機会をいただき、ありがとうございました。",
        "concise": f"先日は{meeting(f)}の機会をいただき、ありがとうございました。",
        "enthusiastic": f"先日は{meeting(f)}にてお時間をいただき、誠にありがとうございました。",
    }[tone]
    ask = {
        "formal": "選考状況について、最後に一度だけお尋ねしたく、ご連絡いたしました。"
                  "こちらからのご連絡は、本メールを最後といたします。"
                  "結果にかかわらず、一言ご返信いただけますと幸いです。",
        "warm": "選考のご状況について、最後にもう一度だけお尋ねできればと思い、ご連絡いたしました。"
                "私からのご連絡はこれで最後にいたしますので、どうぞお気になさらないでください。",
        "concise": "選考状況について、最後に一度だけお尋ねいたします。"
                   "こちらからのご連絡は本メールで最後といたします。",
        "enthusiastic": "選考状況について、最後に一度だけお尋ねしたくご連絡いたしました。"
                        "こちらからのご連絡はこれで最後といたしますが、貴社への関心は今も変わっておりません。",
    }[tone]
    last = {
        "formal": f"これまでご対応いただき、誠にありがとうございました。{f.company}の皆様のますますのご発展を"
                  "お祈り申し上げます。",
        "warm": f"これまで本当にありがとうございました。"
                f"{sama(f)}とチームの皆様のご活躍をお祈りしております。",
        "concise": "これまでありがとうございました。貴社のご発展をお祈り申し上げます。",
        "enthusiastic": f"これまで本当にありがとうございました。{f.company}の皆様のさらなるご活躍を"
                        "心よりお祈りしております。",
    }[tone]
    return subject, letter(f, first + _recall(f, tone), [ask], last)


def rejection_reply(f: Facts, tone: str) -> tuple[str, str]:
    """C10: short and proportional; thanks, what you enjoyed, keep me in mind (今後)."""
    t0 = f.topics[0] if f.topics else ""
    kind = f"「{f.kind_words}」とのお言葉をいただき、" if f.kind_words else ""
    subject = f"選考結果のご連絡へのお礼（{f.sender}）"
    first = {
        "formal": f"このたびは選考結果をご連絡いただき、誠にありがとうございました。{kind}"
                  + ("大変ありがたく存じます。" if kind else ""),
        "warm": f"選考結果のご連絡をいただき、ありがとうございました。{kind}"
                + ("とても嬉しく思いました。" if kind else ""),
        "concise": "選考結果のご連絡をいただき、ありがとうございました。",
        "enthusiastic": f"選考結果をご丁寧にご連絡いただき、誠にありがとうございました。{kind}"
                        + ("本当に励みになりました。" if kind else ""),
    }[tone]
    enjoyed = {
        "formal": "選考を通じて貴社について多くを学ぶことができ、"
                  + (f"特に{t0}のお話は大変興味深く伺いました。" if t0 else "大変有意義な時間でした。"),
        "warm": (f"{t0}のお話をはじめ、" if t0 else "") + "貴社について知ることができ、"
                                                  "とても楽しい時間でした。",
        "concise": (f"{t0}のお話をはじめ、" if t0 else "") + "貴社について知ることができ、"
                                                     "有意義な時間でした。",
        "enthusiastic": (f"{t0}のお話をはじめ、" if t0 else "")
        + "貴社について学べたことは、私にとって大きな財産です。",
    }[tone]
    keep = {
        "formal": "今後、業務委託やパートタイムも含め、私の経験が活かせるポジションがございましたら、"
                  "お声がけいただけますと幸いです。",
        "warm": "今後、業務委託やパートタイムなども含めて、お力になれる機会がありましたら、"
                "ぜひお声がけください。",
        "concise": "今後、業務委託やパートタイムも含め、機会がございましたらお声がけいただけますと幸いです。",
        "enthusiastic": "今後、業務委託やパートタイムも含め、ご一緒できる機会がございましたら、"
                        "ぜひお声がけください！",
    }[tone]
    last = {
        "formal": "改めまして、このたびは誠にありがとうございました。"
                  "貴社のますますのご発展をお祈り申し上げます。",
        "warm": f"改めまして、本当にありがとうございました。{sama(f)}のご活躍をお祈りしております。",
        "concise": "改めまして、ありがとうございました。",
        "enthusiastic": "改めまして、本当にありがとうございました。"
                        "貴社のさらなるご発展を心よりお祈りしております。",
    }[tone]
    return subject, letter(f, first, [enjoyed + keep], last)


COMPOSERS = {
    "thank-you": thank_you,
    "status-check": status_check,
    "final-follow-up": final_follow_up,
    "rejection-reply": rejection_reply,
}
