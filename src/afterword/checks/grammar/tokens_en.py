"""English word tokens with the context the rules need (sentence and clause starts, adjacency)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterword.models import Issue, Severity

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:-[A-Za-z0-9]+)*")
# URLs, e-mail addresses and bare domains are not prose: rules and Harper skip them.
NOT_PROSE = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\b[\w-]+\.(?:com|org|net|io|dev|ai|co|jp|app)"
    r"(?:/\S*)?|`[^`\n]*`"
)
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
    masked = [(m.start(), m.end()) for m in NOT_PROSE.finditer(text)]
    toks: list[Tok] = []
    prev_end = 0
    for m in WORD.finditer(text):
        if any(a <= m.start() < b for a, b in masked):
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
