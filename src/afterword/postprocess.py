"""Clean a model's raw output into (subject, body): no preamble, no commentary, names as in the notes.

Models wrap the e-mail in chat: "Absolutely, here's a draft:", markdown (`**Subject:** …`,
`# Subject: …`, code fences), a repeated `Subject:` line, and a closing "Let me know if you'd like
changes" or 「ご参考になれば幸いです」. Commentary is only taken from the very start and the very
end, so a sentence such as "Let me know if you need anything else" inside the e-mail stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from afterword.checks.grounding import EMAIL_URL
from afterword.sanitize import without_control

_SUBJECT = re.compile(
    r"^\s*(?:#{1,6}\s*)?[*_]{0,2}\s*(?:(?:subject(?:\s+line)?|件名)\s*[*_]{0,2}\s*[:：]|【件名】)"
    r"\s*[*_]{0,2}\s*(.*?)\s*[*_]{0,2}\s*$",
    re.I,
)
_PREAMBLE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course|absolutely|okay|ok|alright|great|no problem)\b.*|"
    r"here(?:['’]s| is| are)\b.*|below is\b.*|i(?:['’]d| would) be (?:happy|glad)\b.*|"
    r"(?:happy|glad) to help\b.*|"
    r"(?:以下|こちら|下記)(?:は|が|に|の|で).*|(?:承知|かしこまり|了解)(?:しました|いたしました|です).*|"
    r"(?:はい|もちろん)[、。！!].*|.*(?:作成|用意|書き)(?:しました|いたしました|ました)[。！!：:]?)\s*$",
    re.I,
)
_TRAILER = re.compile(
    r"^\s*(?:\(?note\b|notes?:|i hope this (?:helps|works)|hope this helps|let me know\b|"
    r"feel free to (?:adjust|modify|change|customi[sz]e|tweak)|"
    r"(?:this|the above) (?:email|e-mail|draft|message|version) (?:is|keeps|uses|follows|should)|"
    r"you (?:can|may|might want to) (?:adjust|modify|customi[sz]e|tweak|change)|"
    r"※|ご参考|必要に応じて|(?:この|上記の?|このような)(?:内容|文面|メール|文章)|いかがでしょうか|ポイント[:：])",
    re.I,
)
_FENCE = re.compile(r"^\s*(?:```\w*|~~~\w*|---+|\*\*\*+)\s*$")


def split_subject(text: str) -> tuple[str, str]:
    """Split off the `Subject:` line (anywhere in the first lines); return (subject, rest).
    Later `Subject:` lines are dropped from the rest: a model that repeats itself."""
    lines = text.strip("\n").splitlines()
    for i, line in enumerate(lines[:6]):
        m = _SUBJECT.match(line)
        if m:
            rest = [x for x in lines[i + 1 :] if not _SUBJECT.match(x)]
            return m.group(1).strip(), "\n".join(lines[:i] + rest)
    return "", "\n".join(lines)


def _is_skippable(line: str) -> bool:
    return not line.strip() or _FENCE.match(line) is not None


def _is_name(line: str) -> bool:
    """A signature line: a few words, no sentence punctuation at the end."""
    return 0 < len(line.split()) <= 4 and not line.rstrip().endswith(tuple(".,!?;:。、！？"))


def _trim(lines: list[str]) -> list[str]:
    """Drop chat before the e-mail (leading lines) and after it (trailing paragraphs and lines)."""
    while lines and (_is_skippable(lines[0]) or _PREAMBLE.match(lines[0])):
        lines = lines[1:]
    end = len(lines)
    while True:
        while end and _is_skippable(lines[end - 1]):
            end -= 1
        start = end
        while start and not _is_skippable(lines[start - 1]):
            start -= 1
        # commentary: a whole last paragraph, or lines right after the signature (a name line)
        cut = next((i for i in range(max(start, 1), end)
                    if _TRAILER.match(lines[i]) and (i == start or _is_name(lines[i - 1]))), None)
        if cut is None:
            break
        end = cut
    return lines[:end]


def fix_names(text: str, names: list[str]) -> str:
    """Write each known name exactly as the notes spell it (case and spacing); e-mail addresses
    and links stay as written ("natalie@talentbridge.io" is not a place for "TalentBridge")."""
    for name in sorted(set(filter(None, names)), key=len, reverse=True):
        pattern = r"\s+".join(re.escape(part) for part in name.split())
        keep = [m.span() for m in EMAIL_URL.finditer(text)]

        def spell(m: re.Match[str], name: str = name, keep: list[tuple[int, int]] = keep) -> str:
            inside = any(m.start() < end and m.end() > start for start, end in keep)
            return m.group(0) if inside else name

        text = re.sub(rf"(?<!\w){pattern}(?!\w)", spell, text, flags=re.I)
    return text


def clean(raw: str, names: Sequence[str] = ()) -> tuple[str, str]:
    """Subject and body from raw model output (control characters and a BOM dropped)."""
    text = without_control(raw.replace("\r\n", "\n")).replace("\ufeff", "")
    subject, rest = split_subject("\n".join(_trim(text.splitlines())))
    body = "\n".join(_trim(rest.splitlines()))
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    return fix_names(subject, list(names)), fix_names(body, list(names))
