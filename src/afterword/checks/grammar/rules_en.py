"""Our own English rules where Harper is weak: a/an, agreement, doubled words, typos, wordiness.

Confusable words (its/it's, then/than, …) live in `confusables_en.py`. Every rule looks at the
words around a match so that correct sentences are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from functools import cache
from importlib.resources import files

from afterword.checks.grammar.agreement_en import (
    number_issues,
    question_issues,
    subject_verb_issues,
    there_is_issues,
)
from afterword.checks.grammar.confusables_en import confusable_issues
from afterword.checks.grammar.lexicon_en import inflect, tags
from afterword.checks.grammar.patterns_en import rule_set
from afterword.checks.grammar.phrases_en import phrase_issues, wordiness_issues
from afterword.checks.grammar.tokens_en import (
    AUX,
    BE,
    CONJUNCTIONS,
    Masked,
    Tok,
    issue,
    match_case,
    next_tok,
    prev_tok,
    tokenize,
    wants_an,
    word_issue,
    words,
)
from afterword.models import Issue


# ---------------------------------------------------------------- a / an (by sound, not letter)
def article_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    for i, tok in enumerate(toks):
        if tok.low not in ("a", "an") or (tok.text[0].isupper() and not tok.sent_start):
            continue
        nxt = next_tok(toks, i)
        if nxt is None:
            continue
        an = wants_an(nxt.text)
        if an is None or an == (tok.low == "an"):
            continue
        if an:
            msg = f"Use “an” before a vowel sound: “an {nxt.text}”."
            yield word_issue(tok, "EN_A_VS_AN", msg, "an")
        else:
            msg = f"Use “a” before a consonant sound: “a {nxt.text}”."
            yield word_issue(tok, "EN_A_VS_AN", msg, "a")


# ---------------------------------------------------------------- subject–verb agreement
_FIX_3SG = {"have": "has", "do": "does", "don't": "doesn't", "are": "is", "aren't": "isn't",
            "haven't": "hasn't", "am": "is"}  # fmt: skip
_FIX_I = {"is": "am", "are": "am", "has": "have", "does": "do", "doesn't": "don't",
          "hasn't": "haven't", "isn't": "am not"}  # fmt: skip
_FIX_PLURAL = {"was": "were", "is": "are", "has": "have", "does": "do", "doesn't": "don't",
               "wasn't": "weren't", "isn't": "aren't", "hasn't": "haven't", "am": "are"}  # fmt: skip
# Base forms whose past tense differs (so "he read" is never taken for an error).
_BASE_TO_S = {
    v: (v + "es" if v.endswith(("o", "sh", "ch", "s", "x")) else v + "s")
    for v in words(
        "want need know think seem look work like say go come make take get give mean feel hope plan "
        "believe understand agree manage lead own use expect prefer love enjoy live remember mention "
        "suggest send ask tell write call require sound help start try keep bring"
    )
}
_BASE_TO_S.update({"try": "tries"})
_S_TO_BASE = {s: base for base, s in _BASE_TO_S.items()}
_ADVERBS = words(
    "always never often really also still just usually sometimes already actually definitely "
    "certainly only even probably rarely generally typically truly"
)
_BEFORE_BARE_VERB = AUX | {"let", "lets", "make", "makes", "made", "help", "helps", "helped",
                           "see", "saw", "watch", "hear", "heard", "to"}  # fmt: skip
_ROMAN_I = words(
    "phase part type level stage tier section chapter world war class grade round step volume act season book"
)
_SUBJUNCTIVE = re.compile(
    r"\b(?:suggest|recommend|insist|request|require|demand|propose|essential|important|vital)",
    re.I,
)


def _fix_for(pronoun: str, verb: str) -> str | None:
    if pronoun in ("he", "she", "it"):
        return _FIX_3SG.get(verb) or _BASE_TO_S.get(verb) or _lexicon_fix(verb, "VBZ")
    if pronoun == "i":
        return _FIX_I.get(verb) or _S_TO_BASE.get(verb) or _lexicon_fix(verb, "VB")
    return _FIX_PLURAL.get(verb) or _S_TO_BASE.get(verb) or _lexicon_fix(verb, "VB")


def _lexicon_fix(verb: str, want: str) -> str | None:
    """A bare verb after he/she/it ("he work" → "works"), or -s after I/we/they ("they uses")."""
    have = tags(verb)
    if verb in AUX or verb in BE or have & {"VBD", "VBN", "JJ", "RB", "RBR"}:
        return None
    if want == "VBZ" and have & {"VB", "VBP"} and "VBZ" not in have:
        return inflect(verb, "VBZ")
    if want == "VB" and "VBZ" in have and not have & {"VB", "VBP"}:
        return inflect(verb, "VB")
    return None


def agreement_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    for i, tok in enumerate(toks):
        pron = tok.low
        if pron not in ("i", "he", "she", "it", "we", "they", "you") or (pron == "i" and tok.text != "I"):
            continue
        before = prev_tok(toks, i)
        if before is not None and (
            before.low in ("and", "or", "nor")  # "Tom and I are" — a compound subject
            or before.low in _BEFORE_BARE_VERB  # "does he have", "let it go"
            or (pron == "i" and (before.low in _ROMAN_I or not before.sent_start))  # "Phase I"
            or (before.low == "that" and _SUBJUNCTIVE.search(text, 0, tok.start))
        ):
            continue
        # "it" and "you" are also objects ("the manager who hired you is…"): clause starts only.
        if pron in ("it", "you") and not (
            tok.clause_start or (before is not None and before.low in CONJUNCTIONS)
        ):
            continue
        verb = next_tok(toks, i)
        if verb is None:
            continue
        if verb.low in _ADVERBS and pron not in ("it", "you"):
            after = next_tok(toks, i + 1)
            if after is not None and _fix_for(pron, after.low) is not None:
                verb = after
        fix = _fix_for(pron, verb.low)
        if fix is None:
            continue
        msg = f"The verb does not agree with “{tok.text}”: write “{tok.text} {fix}”."
        yield word_issue(verb, "EN_AGREEMENT", msg, fix)


# ---------------------------------------------------------------- tense and a point in time
_MONTHS = words(
    "january february march april may june july august september october november december jan feb mar "
    "apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")
_HAVE = words("have has i've we've you've they've")
_PRESENT_BE = words("am is are i'm we're you're they're he's she's")
_THIRD_PERSON_BE = words("is he's she's")
_SUBJECTS = words("i we you they he she")
_CLAUSE_WORDS = CONJUNCTIONS | words("that which who")
_NOT_PERFECT_BEFORE = words("the at for in over during since my our your their this past its")
_LAST_WHAT = _WEEKDAYS | words("week month year night summer winter spring autumn fall quarter weekend")


def _year(tok: Tok) -> bool:
    return len(tok.low) == 4 and tok.low.isdigit() and tok.low[:2] in ("19", "20")


def _clause_before(toks: list[Tok], i: int) -> list[int]:
    """Indices of the words before toks[i] in its clause, nearest first (up to a conjunction)."""
    out: list[int] = []
    j = i
    while j > 0 and toks[j].joined and len(out) < 12 and toks[j - 1].low not in _CLAUSE_WORDS:
        j -= 1
        out.append(j)
    return out


def _since_issue(toks: list[Tok], i: int) -> Issue | None:
    """ "I am working here since 2019", "I live in Toronto since 2016": the present perfect is due."""
    before = _clause_before(toks, i)
    if any(toks[j].low in _HAVE | {"had", "been", "having", "for"} for j in before):
        return None
    for j in before:
        tok, nxt = toks[j], next_tok(toks, j)
        if tok.low in _PRESENT_BE and nxt is not None and "VBG" in tags(nxt.low):
            fix = ("has" if tok.low in _THIRD_PERSON_BE else "have") + f" been {nxt.text}"
            msg = f"With “since” + a point in time, use the present perfect: “{fix}”."
            return issue("EN_SINCE_PRESENT", msg, tok.start, nxt.end, [fix])
        prev = toks[j - 1] if j > 0 and tok.joined else None
        if (
            prev is not None
            and prev.low in _SUBJECTS
            and tags(tok.low) & {"VBP", "VBZ"}
            and tok.low not in BE | AUX
        ):
            participle = inflect(tok.low, "VBN")
            if participle is None:
                return None
            fix = f"{'has' if prev.low in ('he', 'she') else 'have'} {participle}"
            msg = f"With “since” + a point in time, use the present perfect: “{fix}”."
            return issue("EN_SINCE_PRESENT", msg, tok.start, tok.end, [fix])
    return None


def _perfect_issue(toks: list[Tok], i: int) -> Issue | None:
    """ "I have met her two days ago", "Yesterday I have sent…": a finished time takes the past."""
    span = [*reversed(_clause_before(toks, i)), i]
    k = i + 1
    while k < len(toks) and toks[k].joined and toks[k].low not in _CLAUSE_WORDS and len(span) < 24:
        span.append(k)
        k += 1
    if any(toks[j].low == "since" for j in span):
        return None
    verbs = sorted(
        (j for j in span if tags(toks[j].low) & {"VBD", "VBN"} and toks[j].low not in BE | AUX),
        key=lambda j: abs(j - i),
    )  # the nearest verb owns the time
    for j in verbs:
        before = prev_tok(toks, j)
        if before is not None and before.low in _ADVERBS_PERFECT:
            before = prev_tok(toks, j - 1)
        if before is None or before.low not in _HAVE or "VBN" not in tags(toks[j].low):
            return None  # another verb owns the time ("the video you sent me yesterday")
        past = inflect(toks[j].low, "VBD")
        if past is None:
            return None
        msg = f"With a finished time (“{toks[i].text}”), use the simple past: “{past}”."
        return issue("EN_PERFECT_FINISHED_TIME", msg, before.start, toks[j].end, [past])
    return None


_ADVERBS_PERFECT = words("already just also recently never finally")


def tense_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """The present with "since 2019", the present perfect with "two days ago" / "yesterday"."""
    for i, tok in enumerate(toks):
        nxt = next_tok(toks, i)
        found = None
        if (
            tok.low == "since"
            and nxt is not None
            and (
                _year(nxt)
                or nxt.low in _MONTHS - {"may"}
                or nxt.low in _WEEKDAYS
                or nxt.low in ("last", "then")
            )
        ):
            found = _since_issue(toks, i)
        elif tok.low in ("ago", "yesterday") or (
            tok.low == "last" and nxt is not None and nxt.low in _LAST_WHAT
            and (i == 0 or not tok.joined or toks[i - 1].low not in _NOT_PERFECT_BEFORE)
        ):  # fmt: skip
            found = _perfect_issue(toks, i)
        if found is not None:
            yield found


# ---------------------------------------------------------------- doubled words
_DOUBLE_OK = words("had that bye so no ha very really knock tut night well now")


def _acronym_beside_word(first: str, second: str, after: str) -> bool:
    """"at AT&T", "it IT": a name in capitals (or joined by "&") next to the same letters as a word."""
    return first != second and (after == "&" or (len(second) > 1 and first.isupper() != second.isupper()))


def doubled_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    for i, tok in enumerate(toks):
        before = prev_tok(toks, i)
        if (
            before is not None and before.low == tok.low and tok.low.isalpha() and tok.low not in _DOUBLE_OK
            and not _acronym_beside_word(before.text, tok.text, text[tok.end : tok.end + 1])
        ):  # fmt: skip
            msg = f"“{tok.text}” is written twice: delete one."
            yield issue("EN_DOUBLED_WORD", msg, before.start, tok.end, [before.text])


# ---------------------------------------------------------------- common misspellings
@cache
def misspellings() -> dict[str, tuple[str, ...]]:
    """wrong → right spellings from `checks/data/misspellings_en.txt`."""
    raw = files("afterword.checks").joinpath("data/misspellings_en.txt").read_text("utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            wrong, right = line.split(maxsplit=1)
            table[wrong] = tuple(right.strip().split("|"))
    return table


def misspelling_issues(toks: list[Tok], vocabulary: Collection[str]) -> Iterator[Issue]:
    table = misspellings()
    for tok in toks:
        rights = table.get(tok.low)
        if rights and tok.low not in vocabulary:
            msg = f"“{tok.text}” is misspelled: write “{rights[0]}”."
            fixes = [match_case(tok.text, r) for r in rights]
            yield issue("EN_MISSPELLING", msg, tok.start, tok.end, fixes, source="spelling")


def pattern_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """The data-driven rules of `checks/data/rules_en.toml`."""
    return rule_set(RULES_FILE).issues(toks, text)


RULES_FILE = "rules_en.toml"
_TOKEN_RULES: tuple[Callable[[list[Tok], str], Iterator[Issue]], ...] = (
    confusable_issues,
    pattern_issues,
    article_issues,
    agreement_issues,
    tense_issues,
    subject_verb_issues,
    question_issues,
    there_is_issues,
    number_issues,
    doubled_issues,
)


def rule_issues(text: str, vocabulary: Collection[str] = ()) -> list[Issue]:
    """All our English rule findings for `text`, sorted by offset."""
    toks = tokenize(text)
    found: list[Issue] = list(misspelling_issues(toks, vocabulary))
    for rule in _TOKEN_RULES:
        found.extend(rule(toks, text))
    masked = Masked(text)
    phrases = [*phrase_issues(text), *wordiness_issues(text)]
    found.extend(i for i in phrases if i.offset not in masked)
    return one_per_span(found)


def one_per_span(found: list[Issue]) -> list[Issue]:
    """The first issue for each span (rules run most specific first), sorted by offset."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for i in found:
        if (i.offset, i.length) not in seen:
            seen.add((i.offset, i.length))
            kept.append(i)
    return sorted(kept, key=lambda i: (i.offset, i.length))
