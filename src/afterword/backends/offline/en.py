"""English notes from a candidate: thank-you, status check, final follow-up, rejection reply."""

from __future__ import annotations

from afterword.backends.offline.common import Facts
from afterword.backends.offline.en_text import (
    first,
    letter,
    news_line,
    skills_block,
    timeline_reason,
    when_phrase,
)


def _callback(f: Facts, tone: str) -> str:
    """C2: the recipient's own topic first, and at most one shared one."""
    t = f.topics
    if not t:
        return {
            "formal": "You gave me a clear picture of the role and of how the team works, "
                      "which I found very helpful.",
            "warm": "I came away with a good sense of how the team works, and I enjoyed the "
                    "conversation a lot.",
            "concise": "",
            "enthusiastic": "Everything I heard about the role and the team made me even more "
                            "keen on the opportunity.",
        }[tone]
    table = {
        "formal": [
            (f"I particularly valued our discussion of {t[0]}; it gave me a much clearer picture "
             "of what the team is working on.",
             f"I particularly valued our discussion of {t[0]}, as well as what you shared about "
             f"{t[-1]}."),
            (f"Our conversation about {t[0]} was especially helpful, and it has stayed with me "
             "since.",
             f"Our conversation about {t[0]} was especially helpful, and I also appreciated "
             f"learning about {t[-1]}."),
        ],
        "warm": [
            (f"I keep thinking about what you said about {t[0]} — it's the part of our "
             "conversation I've thought about most since.",
             f"I keep thinking about what you said about {t[0]}, and I enjoyed hearing about "
             f"{t[-1]} too."),
            (f"Hearing about {t[0]} was the highlight for me, and it has stayed on my mind.",
             f"Hearing about {t[0]} was the highlight for me, and I also enjoyed our talk about "
             f"{t[-1]}."),
        ],
        "enthusiastic": [
            (f"Our conversation about {t[0]} was a highlight for me — that is exactly the kind "
             "of work I love digging into.",
             f"Our conversation about {t[0]} was a highlight for me, and I loved hearing about "
             f"{t[-1]} as well."),
            (f"I especially loved hearing about {t[0]}.",
             f"I especially loved hearing about {t[0]}, and our talk about {t[-1]} was great "
             "too."),
        ],
    }
    if tone == "concise":
        return ""
    one, two = table[tone][f.alt]
    return one if len(t) == 1 else two


def thank_you(f: Facts, tone: str) -> tuple[str, str]:
    """T1/C1–C5: thanks, the specific callback, the missing skill, thanks again."""
    t0 = f.topics[0] if f.topics else ""
    subject = {
        "formal": f"Thank you for the interview: {f.position}",
        "warm": f"Thank you for the conversation, {first(f)}",
        "concise": f"Thank you: {f.position} interview",
        "enthusiastic": f"Thank you — excited about the {f.position} role",
    }[tone]
    opening = {
        "formal": [
            f"Thank you for taking the time to speak with me about the {f.position} position at "
            f"{f.company}. I appreciated the opportunity to learn more about your team and its "
            "work.",
            f"Thank you for meeting with me to discuss the {f.position} position at {f.company}. "
            "I am grateful for your time and for your thoughtful questions.",
        ],
        "warm": [
            f"Thank you so much for talking with me about the {f.position} role at {f.company}. "
            "I really enjoyed meeting you and getting a feel for the team.",
            f"Thank you for such a friendly and thoughtful conversation about the {f.position} "
            f"role at {f.company}. It was a pleasure to meet you.",
        ],
        "concise": [
            f"Thank you for your time discussing the {f.position} role at {f.company}."
            + (f" I especially appreciated hearing about {t0}." if t0 else ""),
            f"Thank you for meeting with me about the {f.position} role at {f.company}."
            + (f" Our discussion of {t0} was especially useful." if t0 else ""),
        ],
        "enthusiastic": [
            f"Thank you for a fantastic conversation about the {f.position} role at "
            f"{f.company}! I came away even more excited about the work your team is doing.",
            f"Thank you for taking the time to talk with me about the {f.position} role at "
            f"{f.company} — I truly enjoyed it, and I'm more excited than ever about the "
            "opportunity.",
        ],
    }[tone][f.alt]
    middle = " ".join(p for p in (_callback(f, tone), news_line(f, tone) if tone != "concise"
                                  else "") if p)
    when = when_phrase(f.timeline) if f.timeline else None
    closing = {
        "formal": "Thank you again for your time and consideration. "
        + (f"I understand you expect to reach a decision {when}, and I look forward to hearing "
           "from you." if when else "I look forward to hearing from you."),
        "warm": f"Thanks again for your time, {first(f)} — I'm looking forward to hearing from "
                "you.",
        "concise": "Thanks again. I look forward to hearing from you.",
        "enthusiastic": "Thank you again — I really appreciated your time, and I'm looking "
                        "forward to hearing from you!",
    }[tone]
    skills = skills_block(f, tone)
    if tone == "concise" and not skills:
        middle = "Our conversation confirmed my interest in the role."
    return subject, letter(f, tone, [opening, middle, skills, closing])


def status_check(f: Facts, tone: str) -> tuple[str, str]:
    """C6: brief and friendly; the stated timeline is the reason; no scolding."""
    t0 = f.topics[0] if f.topics else ""
    subject = {
        "formal": f"Following up on the {f.position} interview",
        "warm": f"Following up on the {f.position} role",
        "concise": f"{f.position}: timeline question",
        "enthusiastic": f"Following up on the {f.position} role at {f.company}",
    }[tone]
    opening = {
        "formal": f"Thank you again for meeting with me about the {f.position} position at "
                  f"{f.company}." + (f" I enjoyed our discussion of {t0}." if t0 else ""),
        "warm": f"Thanks again for the conversation about the {f.position} role at {f.company}"
                + (f" — I still think about our talk on {t0}." if t0 else "."),
        "concise": f"Thank you again for the {f.position} interview at {f.company}"
        + (f" and our discussion of {t0}." if t0 else "."),
        "enthusiastic": f"Thank you again for the great conversation about the {f.position} "
                        f"role at {f.company}! I'm as excited about it as ever"
        + (f", and our talk about {t0} has stayed with me." if t0 else "."),
    }[tone]
    interest = {
        "formal": "I remain very interested in the role.",
        "warm": "I'm still very keen on the role.",
        "concise": "",
        "enthusiastic": "",
    }[tone]
    closing = {
        "formal": "Thank you for your time, and I look forward to hearing from you.",
        "warm": "Thanks so much, and there's no rush at all.",
        "concise": "Thank you for your time.",
        "enthusiastic": "Thank you so much — I'd be delighted to hear any news when you have it.",
    }[tone]
    reason = " ".join(p for p in (timeline_reason(f, tone), interest) if p)
    if tone == "concise":
        return subject, letter(f, tone, [f"{opening} {reason}", closing])
    return subject, letter(f, tone, [opening, reason, closing])


def final_follow_up(f: Facts, tone: str) -> tuple[str, str]:
    """T4: one last polite check that says it is the last, and wishes them well."""
    about = f" about {f.topics[0]}" if f.topics else ""
    subject = {
        "formal": f"{f.position} position: a final follow-up",
        "warm": f"One last note about the {f.position} role",
        "concise": f"{f.position}: final follow-up",
        "enthusiastic": f"One last note about the {f.position} role",
    }[tone]
    paragraphs = {
        "formal": [
            f"Thank you again for the opportunity to interview for the {f.position} position at "
            f"{f.company}, and for our conversation{about}. I wanted to follow up one final time "
            "to ask whether there is any news on your decision.",
            "I understand that these decisions take time, and this will be my final follow-up. "
            "A brief note either way would be much appreciated.",
            f"Thank you for your consideration. I wish you and the team at {f.company} every "
            "success.",
        ],
        "warm": [
            f"Thanks again for the conversation about the {f.position} role at {f.company} — I "
            f"really enjoyed our talk{about}. I wanted to send one last note to ask whether "
            "there's any news.",
            "This is my last follow-up, so please don't feel any pressure; a quick line either "
            "way would be lovely.",
            f"Thanks again for everything, {first(f)}, and all the best to you and the team.",
        ],
        "concise": [
            f"Thank you again for the {f.position} interview at {f.company}"
            + (f" and our discussion of {f.topics[0]}" if f.topics else "")
            + ". This is my final follow-up: is there any update on the decision?",
            "Thank you, and all the best to you and the team.",
        ],
        "enthusiastic": [
            f"Thank you again for the interview for the {f.position} role at {f.company} — I "
            f"enjoyed our conversation{about}, and I'm still excited about the work your team "
            "is doing.",
            "I wanted to ask one last time whether there's any news; after this follow-up I'll "
            "leave it with you, and a quick reply either way would mean a lot.",
            f"Thank you so much, and I wish you and everyone at {f.company} great success!",
        ],
    }[tone]
    return subject, letter(f, tone, paragraphs)


def _kind_words(f: Facts) -> str:
    """The interviewer's kind words as reported ("he enjoyed…" becomes "you enjoyed…")."""
    words = f.kind_words or ""
    if words.split()[0] in ("I", "We", "we"):
        return f"“{words}”"
    swap = {"he": "you", "she": "you", "his": "your", "him": "you", "He": "You", "She": "You",
            "His": "Your"}
    out = " ".join(swap.get(w, w) for w in words.split()).replace(" and you ", " and that you ")
    return out[0].lower() + out[1:] if out[:1].isupper() and out[1:2].islower() else out


def rejection_reply(f: Facts, tone: str) -> tuple[str, str]:
    """C10: short and proportional; thanks, what you enjoyed, keep me in mind."""
    t0 = f.topics[0] if f.topics else ""
    kind = _kind_words(f) if f.kind_words else ""
    quoted = kind.startswith("“")
    subject = {
        "formal": f"Re: {f.position} position",
        "warm": "Thank you for letting me know",
        "concise": f"Re: {f.position}",
        "enthusiastic": "Thank you, and let's keep in touch",
    }[tone]
    thanks = {
        "formal": "Thank you for letting me know about your decision"
        + (", and for your kind words. " + (f"Your words — {kind} — meant a great deal."
                                            if quoted else f"I appreciated hearing that {kind}.")
           if kind else "."),
        "warm": "Thank you for letting me know, and for such a kind note."
        + ((f" Your words, {kind}, meant a lot to me." if quoted else f" It meant a lot to hear that {kind}.")
           if kind else ""),
        "concise": "Thank you for letting me know" + (", and for your kind words." if kind
                                                      else "."),
        "enthusiastic": "Thank you for letting me know, and for your generous words"
        + ((f" — {kind} truly made my day." if quoted else
            f" — hearing that {kind} truly made my day.") if kind else "."),
    }[tone]
    enjoyed = {
        "formal": f"I enjoyed learning about {f.company}"
        + (f", particularly our conversation about {t0}." if t0 else "."),
        "warm": f"I really enjoyed learning about {f.company}"
        + (f" — especially our talk about {t0}." if t0 else "."),
        "concise": f"I enjoyed learning about {f.company}"
        + (f" and about {t0}." if t0 else "."),
        "enthusiastic": f"I loved learning about {f.company}"
        + (f", and our conversation about {t0} was a real highlight." if t0 else "."),
    }[tone]
    keep = {
        "formal": "If a role that fits my background opens up in the future, including freelance "
                  "or part-time work, I would be grateful if you would keep me in mind.",
        "warm": "If anything comes up that fits my background, freelance or part-time included, "
                "I'd love it if you'd keep me in mind.",
        "concise": "If a fitting role comes up, including freelance or part-time work, please "
                   "keep me in mind.",
        "enthusiastic": "I'd be delighted to be considered for future roles, freelance or "
                        "part-time included, so please keep me in mind!",
    }[tone]
    closing = {
        "formal": "Thank you again for your time and consideration. I wish you and the team all "
                  "the best.",
        "warm": f"Thanks again, {first(f)}, and all the best to you and the team.",
        "concise": "Thank you again, and all the best.",
        "enthusiastic": f"Thank you again, and all the very best to you and everyone at "
                        f"{f.company}.",
    }[tone]
    if tone == "concise":
        return subject, letter(f, tone, [f"{thanks} {enjoyed}", keep, closing])
    return subject, letter(f, tone, [thanks, f"{enjoyed} {keep}", closing])


COMPOSERS = {
    "thank-you": thank_you,
    "status-check": status_check,
    "final-follow-up": final_follow_up,
    "rejection-reply": rejection_reply,
}
