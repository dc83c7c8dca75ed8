"""English notes from a recruiter to a candidate: thanks with feedback, a nudge, keep in touch."""

from __future__ import annotations

from afterword.backends.offline.common import Facts, join_en
from afterword.backends.offline.en_text import first, letter


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _topic_line(f: Facts, tone: str) -> str:
    if not f.topics:
        return ""
    topics = join_en(f.topics[:2])
    return {
        "formal": f" I especially appreciated hearing your thoughts on {topics}.",
        "warm": f" I really enjoyed hearing about {topics}.",
        "concise": f" Your thoughts on {topics} were very helpful.",
        "enthusiastic": f" Hearing your thoughts on {topics} was a real highlight.",
    }[tone]


def recruiter_thanks(f: Facts, tone: str) -> tuple[str, str]:
    """C11: thanks, feedback (positive / more), what to prepare, who they will meet, and an
    explicit invitation to proceed."""
    subject = {
        "formal": f"Thank you, and feedback on our conversation about the {f.position} role",
        "warm": f"Thank you, {first(f)} — some feedback and the next step",
        "concise": f"Thank you — feedback and next step for the {f.position} role",
        "enthusiastic": f"Thank you — and an invitation to the next round for the {f.position} "
                        "role",
    }[tone]
    opening = {
        "formal": f"Thank you for taking the time to speak with me about the {f.position} role "
                  f"at {f.company}.",
        "warm": f"Thank you so much for taking the time to chat with me about the {f.position} "
                f"role at {f.company}. It was a real pleasure getting to know you.",
        "concise": f"Thank you for your time discussing the {f.position} role at {f.company}.",
        "enthusiastic": f"Thank you for a great conversation about the {f.position} role at "
                        f"{f.company}!",
    }[tone] + _topic_line(f, tone)
    feedback = ""
    if f.positive or f.more:
        lead = {
            "formal": "I would like to share some feedback from our conversation.",
            "warm": "I'd like to share a little feedback, in case it is useful.",
            "concise": "Some feedback:",
            "enthusiastic": "I'd love to share some feedback from our conversation.",
        }[tone]
        parts = [lead]
        if f.positive:
            parts.append("What stood out:\n" + _bullets(f.positive))
        if f.more:
            parts.append("Where you could grow further:\n" + _bullets(f.more))
        feedback = "\n\n".join(parts)
    prep = ""
    if f.prepare or f.who:
        lines = []
        if f.prepare:
            lines.append({
                "formal": "Should you decide to proceed, it would help to prepare the following:",
                "warm": "If you decide to go ahead, it would help to think through:",
                "concise": "To prepare for the next round:",
                "enthusiastic": "If you decide to go ahead, here is what would help you "
                                "prepare:",
            }[tone] + "\n" + _bullets(f.prepare))
        if f.who:
            lines.append({
                "formal": f"In the next round, you would meet {f.who}.",
                "warm": f"The next conversation would be with {f.who}.",
                "concise": f"You would meet {f.who}.",
                "enthusiastic": f"Next, you'd meet {f.who}.",
            }[tone] + (" These points often come up there." if f.prepare else ""))
        prep = "\n".join(lines)
    invite = {
        "formal": "We would be glad to invite you to the next round. Would you like to proceed? "
                  "If so, please reply with a few times that suit you, and I will arrange it.",
        "warm": "We'd love to invite you to the next step. Would you like to go ahead? Just "
                "reply with a few times that work for you, and I'll set it up.",
        "concise": "Would you like to proceed to the next round? Reply with a few times that "
                   "suit you and I will arrange it.",
        "enthusiastic": "We'd be delighted to invite you to the next round! Would you like to "
                        "proceed? Send me a few times that work for you and I'll arrange it "
                        "right away.",
    }[tone]
    closing = {
        "formal": "Thank you again for your time. I look forward to hearing from you.",
        "warm": f"Thanks again, {first(f)}. I'm looking forward to hearing from you.",
        "concise": "Thanks again.",
        "enthusiastic": "Thank you again — I'm looking forward to hearing from you!",
    }[tone]
    return subject, letter(f, tone, [opening, feedback, prep, invite, closing])


def recruiter_nudge(f: Facts, tone: str) -> tuple[str, str]:
    """T5: a light, friendly nudge that is easy to answer and puts on no pressure."""
    subject = {
        "formal": f"The next step for the {f.position} role",
        "warm": f"A quick question about the {f.position} role",
        "concise": f"{f.position}: next step?",
        "enthusiastic": f"Next step for the {f.position} role at {f.company}",
    }[tone]
    opening = {
        "formal": f"Thank you again for speaking with me about the {f.position} role at "
                  f"{f.company}.",
        "warm": f"Thanks again for our conversation about the {f.position} role at "
                f"{f.company}.",
        "concise": f"Thanks again for talking with me about the {f.position} role.",
        "enthusiastic": f"Thanks again for the great conversation about the {f.position} role "
                        f"at {f.company}!",
    }[tone] + _topic_line(f, tone)
    ask = {
        "formal": "I wanted to ask whether you have had a chance to consider the next round. A "
                  "short reply is all I need: whether you would like to proceed, need more time, "
                  "or would prefer not to continue for now. Any answer is perfectly fine.",
        "warm": "Have you had a chance to think about the next step? A one-line reply is plenty "
                "— \"let's go ahead\", \"I need a bit more time\" or \"not for now\" are all "
                "fine answers.",
        "concise": "Would you like to move forward? \"Yes\", \"not yet\" or \"no\" is all I "
                   "need.",
        "enthusiastic": "I'd love to know whether you'd like to move forward to the next "
                        "round. Just a quick reply is perfect, and there's no pressure either "
                        "way — if you need more time, that's completely fine.",
    }[tone]
    closing = {
        "formal": "Thank you for your time.",
        "warm": f"Thanks, {first(f)}, and have a good week.",
        "concise": "Thanks!",
        "enthusiastic": "Thank you so much — I'm looking forward to hearing from you!",
    }[tone]
    return subject, letter(f, tone, [opening, ask, closing])


def recruiter_keep_in_touch(f: Facts, tone: str) -> tuple[str, str]:
    """C12: thanks, no hard sell, an offer to talk about their career, re-contact later."""
    subject = {
        "formal": "Thank you for our conversation",
        "warm": f"Thank you, {first(f)}",
        "concise": "Thank you, and keeping in touch",
        "enthusiastic": "Thank you, and let's keep in touch!",
    }[tone]
    opening = {
        "formal": f"Thank you for taking the time to speak with me about the {f.position} role "
                  f"at {f.company}.",
        "warm": f"Thank you for taking the time to talk with me about the {f.position} role at "
                f"{f.company}. I really enjoyed getting to know you.",
        "concise": f"Thank you for your time discussing the {f.position} role at {f.company}.",
        "enthusiastic": f"Thank you for a wonderful conversation about the {f.position} role at "
                        f"{f.company}!",
    }[tone] + _topic_line(f, tone)
    offer = {
        "formal": "There is no need to decide anything now. Whatever you choose, I would be "
                  "happy to talk through your career plans at any time, whether or not they "
                  f"involve {f.company}.",
        "warm": "There's no need to decide anything now. If it would help, I'm always happy to "
                "talk through your career plans — not only about us, but whatever you are "
                "weighing up.",
        "concise": "No need to decide anything now. I'm happy to talk about your career plans "
                   "any time.",
        "enthusiastic": "There's absolutely no rush. I'd be glad to be a sounding board for "
                        "your career plans any time, whatever direction you take.",
    }[tone]
    later = {
        "formal": "With your permission, I will get in touch again in a few months.",
        "warm": "If that's all right with you, I'll get in touch again in a few months to see "
                "how things are going.",
        "concise": "I'll get in touch again in a few months.",
        "enthusiastic": "I'll get in touch again in a few months, and I'd love to hear how "
                        "things are going.",
    }[tone]
    closing = {
        "formal": "Thank you again, and I wish you all the best.",
        "warm": f"Thanks again, {first(f)}, and all the best.",
        "concise": "Thanks again.",
        "enthusiastic": "Thank you again, and all the very best!",
    }[tone]
    return subject, letter(f, tone, [opening, f"{offer} {later}", closing])


COMPOSERS = {
    "recruiter-thanks": recruiter_thanks,
    "recruiter-nudge": recruiter_nudge,
    "recruiter-keep-in-touch": recruiter_keep_in_touch,
}
