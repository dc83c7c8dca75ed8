"""English word tokens with the context the rules need (sentence and clause starts, adjacency)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from afterword.models import Issue, Severity

# A word is a run of letters and digits in any script ("Lucía", "Kowalczyk", "k8s"), with inner
# apostrophes and hyphens ("it's", "on-call"). Every pattern here runs in linear time: a match
# can only start where the previous character cannot continue it.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*")
# URLs, e-mail addresses and bare domains are not prose: rules and Harper skip them.
NOT_PROSE = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|(?<![\w-])[\w-]+\.(?:com|org|net|io|dev|ai|co|jp|app)\b(?:/\S*)?|`[^`\n]*`"
)
# The same for Harper's regex_mask (Rust regex: no look-behind, always linear).
HARPER_MASK = (
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\b[\w-]+\.(?:com|org|net|io|dev|ai|co|jp|app)"
    r"(?:/\S*)?|`[^`\n]*`"
)
LONG_TOKEN = 64  # longer runs of non-space characters are no prose: masked before linting
_LONG = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”—–/]|\s-\s")


def words(spaced: str) -> frozenset[str]:
    """A set of words from a space-separated string."""
    return frozenset(spaced.split())


MODALS = words("will would can could shall should may might must")
NEG_AUX = words(
    "don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't mustn't mightn't shan't "
    "isn't aren't wasn't weren't hasn't haven't hadn't"
)
DO_AUX = words("do does did")
AUX = MODALS | NEG_AUX | DO_AUX
BE = words(
    "am is are was were be been being isn't aren't wasn't weren't it's that's he's she's there's "
    "i'm you're we're they're"
)
CONJUNCTIONS = words(
    "and but so because if when since although though while as that once until before after "
    "whether why how where or"
)
DETERMINERS = words("the a an my your our their his her its this that these those some any every each no")
OBJECT_PRONOUNS = words("me you him her us them it")
PRONOUNS = words("i you he she it we they")


@dataclass(frozen=True, slots=True)
class Tok:
    """One word: `low` is lower-cased with a straight apostrophe."""

    text: str
    low: str
    start: int
    end: int
    joined: bool  # only spaces between this word and the previous one
    clause_start: bool  # first word of a sentence or after , ; : ( — …
    sent_start: bool


def tokenize(text: str) -> list[Tok]:
    """Words of `text` outside URLs and addresses, each with its context flags."""
    skip = Masked(text)
    toks: list[Tok] = []
    prev_end = 0
    for m in WORD.finditer(text):
        if m.start() in skip:
            continue
        gap = text[prev_end : m.start()]
        first = not toks
        sent = first or bool(_SENTENCE_BREAK.search(gap))
        clause = sent or bool(_CLAUSE_BREAK.search(gap))
        joined = not first and gap != "" and gap.strip(" \t") == ""
        word = m.group()
        low = word.lower().replace("’", "'")
        toks.append(Tok(word, low, m.start(), m.end(), joined, clause, sent))
        prev_end = m.end()
    return toks


class Masked:
    """The spans of `text` that are no prose (links, addresses, code, over-long tokens);
    `offset in masked` is a binary search."""

    def __init__(self, text: str) -> None:
        spans = sorted(
            [(m.start(), m.end()) for m in NOT_PROSE.finditer(text)]
            + [(m.start(), m.end()) for m in _LONG.finditer(text)]
        )
        self._starts = [a for a, _ in spans]
        self._reach = list(accumulate((b for _, b in spans), max))  # furthest end so far

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._reach[i]


def mask_long_tokens(text: str) -> str:
    """`text` with every run of more than LONG_TOKEN non-space characters blanked (same offsets)."""
    return _LONG.sub(lambda m: " " * len(m.group()), text)


_H_SILENT = ("hour", "honest", "honor", "honour", "heir")
_H_EITHER = ("historic", "hotel", "herb", "homage")
_U_UH_FIRST = ("unin", "unim", "unid", "unint")  # un- + i…: "an uninformed"
_U_YOU = ("uni", "usa", "use", "usu", "uti", "ute", "uto", "ura", "ure", "uri", "uro", "ukr",
          "uku", "ubiq", "ufo", "uga", "unanim")  # fmt: skip
_U_UH = ("un", "up", "ug", "ul", "um", "ush", "utt", "urb", "urg", "urn", "ud")
_LETTER_AN = set("aefhilmnorsx")  # letters whose names start with a vowel sound: "an MBA"
_ACRONYMS_EITHER = {"sql", "faq", "sat", "nasa", "saas", "lan", "gif", "jpeg", "scsi"}


def wants_an(word: str) -> bool | None:
    """True when `word` takes "an", False for "a", None when either is used or it is unclear."""
    head = word.split("-")[0]
    if not head or (len(head) == 1 and not head.isdigit()):
        return None
    if head[0].isdigit():
        digits = re.match(r"\d+", head)
        num = digits.group() if digits else head
        return num.startswith("8") or num in ("11", "18")
    low = head.lower()
    capitals = sum(ch.isupper() for ch in head)
    acronym = head.isupper() and (len(head) <= 5 or any(ch.isdigit() for ch in head))
    if acronym or (capitals >= 2 and len(head) <= 4):  # MBA, HTTPX2, MSc
        if low in _ACRONYMS_EITHER:
            return None
        if low[0] == "u":
            return False
        if low[0] in "aeio":
            return True
        if len(low) > 1 and low[1] in "aeiou":  # may be read as a word ("a NATO ally")
            return None
        return low[0] in _LETTER_AN
    if low.startswith(_H_SILENT):
        return True
    if low.startswith(_H_EITHER):
        return None
    if low[0] in "aeio":
        one = low.startswith(("one", "once")) and not low.startswith("oner")  # "a one-hour", "an onerous"
        return not (one or low.startswith(("eu", "ewe", "ouija")))
    if low[0] == "u":
        if low.startswith(_U_UH_FIRST):
            return True
        if low.startswith(_U_YOU):
            return False
        return True if low.startswith(_U_UH) else None
    return False if low[0].isalpha() else None


def next_tok(toks: list[Tok], i: int) -> Tok | None:
    """The word right after toks[i] in the same clause (only spaces between), else None."""
    if i + 1 < len(toks) and toks[i + 1].joined:
        return toks[i + 1]
    return None


def prev_tok(toks: list[Tok], i: int) -> Tok | None:
    """The word right before toks[i] in the same clause, else None."""
    if i > 0 and toks[i].joined:
        return toks[i - 1]
    return None


def clause_end_after(text: str, tok: Tok) -> bool:
    """True when nothing but punctuation or the end of the text follows `tok`."""
    rest = text[tok.end : tok.end + 3].lstrip(" \t")
    return rest == "" or rest[0] in ".,;:!?)\n\"”'’—–"


def match_case(original: str, replacement: str) -> str:
    """`replacement` in the capitalisation of `original` (Its → It's, ITS → IT'S)."""
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def issue(
    rule: str,
    message: str,
    start: int,
    end: int,
    replacements: list[str] | tuple[str, ...] = (),
    severity: Severity = "error",
    source: str = "grammar",
) -> Issue:
    """An Issue for text[start:end]."""
    return Issue(
        source=source,  # type: ignore[arg-type]
        rule=rule,
        message=message,
        offset=start,
        length=end - start,
        replacements=list(replacements),
        severity=severity,
    )


def word_issue(tok: Tok, rule: str, message: str, replacement: str, severity: Severity = "error") -> Issue:
    """An issue on one word, its replacement in the word's capitalisation."""
    return issue(rule, message, tok.start, tok.end, [match_case(tok.text, replacement)], severity)
