"""Japanese building blocks: 宛名, 名乗り, 署名, the stated timeline, news and the skill story.

Business conventions from GUIDANCE (Japanese section): 宛名 (会社名 / 部署 / 氏名 様), opening
「お世話になっております。」, 名乗り「…と申します。」, です・ます with plain 謙譲語, closing
「何卒よろしくお願いいたします。」 and a 署名 with name and contact details.
"""

from __future__ import annotations

import re

from afterword.backends.offline.common import Facts, clean, family_name
from afterword.models import Skill

CLOSING = "何卒よろしくお願いいたします。"
RULE = "――――――――――――――――"
_DEPT = re.compile(r"(部|課|室|局|本部|グループ|チーム|センター)$")
_NOUN_END = re.compile(r"[\u3400-\u9fff\u30a0-\u30ff]$")
_SENTENCE_END = re.compile(r"(す|る|た|だ|ます|です)$")


def sama(f: Facts) -> str:
    """The family name with 様 for the body ("田中様")."""
    return f"{family_name(f.recipient)}様"


def job(f: Facts) -> str:
    """The position as a job title ("バックエンドエンジニア職")."""
    return f.position if f.position.endswith(("職", "ポジション")) else f"{f.position}職"


def meeting(f: Facts) -> str:
    """What the last meeting was called: the stage as written when it names one, else 面接."""
    if f.stage and re.search("面接|面談", f.stage):
        return f.stage
    return "面談" if f.role == "recruiter" else "面接"


def address_block(f: Facts) -> str:
    """宛名: company, department (unless the title names one), title + full name + 様; a
    candidate (recruiter notes) gets only the name."""
    if f.role == "recruiter":
        return f"{f.recipient} 様"
    title = f.recipient_title or ""
    has_dept = any(_DEPT.search(part) for part in title.split())  # "開発部 部長" names its own
    dept = None if has_dept else f.department
    name = f"{title} {f.recipient} 様" if title else f"{f.recipient} 様"
    return "\n".join(line for line in (f.company, dept, name) if line)


def introduction(f: Facts) -> str:
    """Opening set phrase and 名乗り with the real name."""
    if f.role == "recruiter":
        who = f"{f.company} {f.sender_title}" if f.sender_title else f.company
        return f"お世話になっております。\n{who}の{f.sender}と申します。"
    return f"お世話になっております。\n{job(f)}に応募しております、{f.sender}と申します。"


def signature(f: Facts) -> str:
    """署名: rule lines around the name (with company and title for recruiters) and contacts."""
    lines = [RULE]
    if f.role == "recruiter":
        lines.append(f"{f.company} {f.sender_title}" if f.sender_title else f.company)
    lines.append(f.sender)
    if f.sender_email:
        lines.append(f"メール：{f.sender_email}")
    if f.sender_phone:
        lines.append(f"電話：{f.sender_phone}")
    lines.append(RULE)
    return "\n".join(lines)


def letter(f: Facts, first: str, paragraphs: list[str], last: str) -> str:
    """宛名, opening + 名乗り + the first paragraph, the body, the last thanks + closing, 署名."""
    body = [p for p in paragraphs if p]
    return "\n\n".join([address_block(f), f"{introduction(f)}\n{first}", *body,
                        f"{last}\n{CLOSING}", signature(f)])


def done(text: str, form: str) -> str | None:
    """A note fragment as a polite past ("masu": 「…短縮しました」) or a connective ("te":
    「…再実装し」); None when its ending cannot be conjugated safely."""
    t = clean(text)
    if t.endswith("しました"):  # 再実装しました → 再実装し
        return t[:-3] if form == "te" else t
    if t.endswith("ました"):  # 率いました: no safe connective
        return None if form == "te" else t
    if t.endswith("した"):  # 担当した → 担当し / 担当しました
        return t[:-1] if form == "te" else t[:-2] + "しました"
    if _NOUN_END.search(t):
        return t + ("し" if form == "te" else "しました")
    return None


def story(skill: Skill, named: bool) -> str:
    """One skill as evidence and result in です・ます (C4)."""
    name, ev, res = clean(skill.skill), clean(skill.evidence), clean(skill.result)
    prefix = "" if named or (ev and name in ev) else f"「{name}」では、"
    if ev and res and (te := done(ev, "te")) and (past := done(res, "masu")):
        return f"{prefix}{te}、{past}。"
    parts = []
    if ev:
        past = done(ev, "masu")
        parts.append(f"{prefix}{past}。" if past else f"{prefix}{ev}という経験がございます。")
    if res:
        past = done(res, "masu")
        if ev:
            parts.append(f"その結果、{past}。" if past else f"その結果、{res}という成果につながりました。")
        else:
            parts.append(f"「{name}」を活かし、{past}。" if past
                         else f"「{name}」では、{res}という成果を上げました。")
    return "".join(parts)


def skills_block(f: Facts, tone: str) -> str:
    """C4: the skills the interview missed, told as what I did and what came of it."""
    if not f.skills:
        return ""
    names = "".join(f"「{clean(s.skill)}」" for s in f.skills)
    single = len(f.skills) == 1
    intro = {
        "formal": f"面接でお伝えしきれなかった{names}の経験について、補足させてください。",
        "warm": f"面接ではお話しできなかったのですが、{names}の経験についても少しお伝えさせてください。",
        "concise": f"補足として、{names}の経験をお伝えします。",
        "enthusiastic": f"面接でお伝えしきれなかった{names}の経験についても、ぜひお伝えさせてください。",
    }[tone]
    stories = "".join(story(s, single) for s in f.skills)
    relevance = {
        "formal": [f"この経験は、{job(f)}の業務にも活かせるものと考えております。",
                   "この経験を、貴社の業務にも活かせるものと考えております。"],
        "warm": ["この経験を、貴社でも活かせたらと思っております。",
                 f"この経験が{job(f)}のお仕事にも役立てばと思っております。"],
        "concise": ["貴社の業務にも活かせると考えております。"] * 2,
        "enthusiastic": ["この経験を活かして、ぜひ貴社に貢献したいと考えております。",
                         f"この経験を、ぜひ{job(f)}として活かしたいと強く感じております。"],
    }[tone][f.alt]
    return f"{intro}{stories}{relevance}"


def heard(f: Facts) -> str:
    """The stated timeline as 「…」と伺っておりました, or "" when the notes have none."""
    tl = f.timeline
    if not tl:
        return ""
    if re.fullmatch(r"[\x00-\x7f]+", tl) or _SENTENCE_END.search(tl):
        return f"面接の際に「{tl}」と伺っておりました"
    if tl.endswith("に"):
        return f"面接の際に、{tl}ご連絡をいただけると伺っておりました"
    return f"面接の際に、{tl}にご連絡をいただけると伺っておりました"


def news_line(f: Facts, tone: str) -> str:
    """One positive news item (C5), quoted as written."""
    if not f.news:
        return ""
    return {
        "formal": f"「{f.news}」というニュースも拝見し、貴社の事業にいっそう関心を深めております。",
        "warm": f"「{f.news}」というニュースも拝見し、ますます貴社に惹かれております。",
        "concise": "",
        "enthusiastic": f"「{f.news}」というニュースも拝見し、貴社の勢いを強く感じております。",
    }[tone]
