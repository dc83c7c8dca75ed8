"""Agreement rules that need the lexicon: a noun phrase and its verb ("the recruiters was"),
nouns after numerals and determiners ("five month", "these approach", "every engineers"),
"there is" + plural, compound subjects ("Mehmet and Zainab has"), and he/she/it + bare verb.

Each rule looks only at a subject it can see whole (a determiner or name at a clause start, its
modifiers and head noun, at most one prepositional phrase) and stays silent otherwise. Examples
live in `checks/data/rules_en.toml` under EN_AGREEMENT and EN_NUMBER.
"""

from __future__ import annotations

from collections.abc import Iterator

from afterword.checks.grammar.lexicon_en import inflect, plural_noun, singular_noun, tags
from afterword.checks.grammar.patterns_en import is_number
from afterword.checks.grammar.tokens_en import Tok, issue, match_case, next_tok, prev_tok, word_issue, words
from afterword.models import Issue

_PLURAL_Q = words("these those several many few both various multiple numerous")
_SINGULAR_Q = words("every each another this")
_DETERMINERS = words("the a an my your our their his her its this that these those every each both no")
_PREPS = words("about of on for in at from with by behind across between to under over around after before")
_ADVERBS = words("already also still just really often always never usually sometimes recently")
_QUANTITY_HEADS = words(
    "number lot lots majority rest half bunch couple group set range variety series percentage "
    "proportion kind type sort part total handful plenty none all most some any each one both either "
    "neither"
)
_COLLECTIVE = words(
    "team staff family company government board panel committee group crew management police "
    "audience department firm organisation organization council jury class public community band "
    "squad"
)
_NOT_COUNTED = words(
    "percent per cent dozen hundred thousand million billion times foot other others following same "
    "former latter rest kind sort type lot bit byte"
)
_NUMBER_WORDS_ONLY = words("two three four five six seven eight nine ten twelve twenty fifty hundred")
_AFTER_NUMBER_LABEL = words(
    "version phase step python figure page room level tier item question chapter section no "
    "number round stage part grade class season episode"
)
_OBJECT_START = words(
    "the a an my your our their his her its these those i you he she we they me us them him"
)
_TO_PLURAL = {"is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't",
              "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"}  # fmt: skip
_TO_SINGULAR = {v: k for k, v in _TO_PLURAL.items()}
_PERSONS = words("i he she we they you")
_CONJ = words("and but so because when while although though since if that which who")


_FUNCTION = (
    _PREPS
    | _DETERMINERS
    | _PERSONS
    | _CONJ
    | words(
        "why how what where when who whom whose which there here then than me us them him it is are was "
        "were be been am has have had do does did will would can could should may might must not per"
    )
)


def _noun_like(tok: Tok) -> bool:
    return bool(tags(tok.low) & {"NN", "NNS"}) and tok.low not in _FUNCTION


def _verb_reading(toks: list[Tok], k: int, head: int | None) -> bool:
    """toks[k] after the head noun toks[head] is the verb, not another noun of the phrase: after
    a plural head ("teams uses"), or when an object follows ("manager think the role")."""
    t = tags(toks[k].low)
    if head is None or not t & {"VB", "VBP", "VBZ", "VBD"} or "JJ" in tags(toks[head].low):
        return False  # "the main issue": "main" is an adjective, "issue" the head
    if plural_noun(toks[head].low):
        return True
    after = next_tok(toks, k)
    if "VBZ" in t and after is not None and not tags(after.low) & {"VBZ", "VBD", "VBP", "MD"}:
        return True  # "the package comes with": a verb; "the team leads wants": a noun
    return after is not None and (after.low in _OBJECT_START or after.low == "to"
                                  or after.text[:1].isupper() or is_number(after))  # fmt: skip


def _verb_fix(verb: Tok, plural: bool) -> str | None:
    """The verb form that agrees with a plural (or singular) subject, or None if it agrees."""
    low = verb.low
    table = _TO_PLURAL if plural else _TO_SINGULAR
    if low in table:
        return table[low]
    t = tags(low)
    if plural and "VBZ" in t and low.endswith("s"):
        return inflect(low, "VB")
    if not plural and t & {"VB", "VBP"} and not t & {"VBD", "VBN", "JJ", "RB"} and "VBZ" not in t:
        return inflect(low, "VBZ")
    return None


def _subject_end(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """(head, last) for a noun phrase starting at toks[i]: determiner, up to 3 modifiers, head."""
    j, head = i, None
    for _ in range(4):
        nxt = next_tok(toks, j)
        if nxt is None or nxt.low in _FUNCTION:
            break
        k = j + 1
        if not _noun_like(nxt) and not tags(nxt.low) & {"JJ", "VBG", "VBN"} and not nxt.text[:1].isupper():
            break
        if _verb_reading(toks, k, head):
            break
        j = k
        if _noun_like(nxt) or nxt.text[:1].isupper():
            head = k
    return (head, j) if head is not None and head == j else None


def _can_be_verb(tok: Tok | None) -> bool:
    if tok is None:
        return False
    return tok.low in _TO_PLURAL or tok.low in _TO_SINGULAR or any(t.startswith("VB") for t in tags(tok.low))


def _verb_after(toks: list[Tok], j: int) -> Tok | None:
    """The finite verb right after toks[j], skipping one adverb."""
    verb = next_tok(toks, j)
    if verb is not None and verb.low in _ADVERBS:
        verb = next_tok(toks, j + 1)
    return verb


def _is_verb_here(toks: list[Tok], verb: Tok) -> bool:
    """A word that can be a noun ("shows", "leads") is a verb when an object or adverb follows."""
    if verb.low in _TO_PLURAL or verb.low in _TO_SINGULAR:
        return True
    if not tags(verb.low) & {"NN", "NNS"}:
        return True
    idx = toks.index(verb)
    after = next_tok(toks, idx)
    return after is not None and (after.low in _DETERMINERS or after.low in _PERSONS or is_number(after)
                                  or after.low in ("to", "that", "me", "us", "them", "him", "her")
                                  or after.text[:1].isupper())  # fmt: skip


def np_agreement_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """A determiner-led subject at a clause start and a verb of the other number."""
    for i, tok in enumerate(toks):
        before = prev_tok(toks, i)
        starts = tok.clause_start or (before is not None and before.low in _CONJ)
        if not starts or tok.low not in _DETERMINERS:
            continue
        span = _subject_end(toks, i)
        if span is None:
            continue
        head, last = span
        noun = toks[head]
        if noun.low in _QUANTITY_HEADS or noun.text[:1].isupper():
            continue
        if tok.low in ("every", "each"):
            plural = False
        elif tok.low in _PLURAL_Q or plural_noun(noun.low):
            plural = True
        elif singular_noun(noun.low) or ("NN" in tags(noun.low) and "NNS" not in tags(noun.low)):
            plural = False
        else:
            continue
        verb = _verb_after(toks, last)
        prep = next_tok(toks, last)
        if not _can_be_verb(verb) and prep is not None and prep.low in _PREPS and prep.low != "of":
            det = next_tok(toks, last + 1)
            owner = det is not None and (det.low in _DETERMINERS or det.low.endswith("'s"))
            inner = _subject_end(toks, last + 2) if owner else None
            verb = _verb_after(toks, inner[1]) if inner else None
        if verb is None or not _is_verb_here(toks, verb):
            continue
        if not plural and noun.low in _COLLECTIVE:
            continue  # "the team were" is good British English
        fix = _verb_fix(verb, plural)
        after = next_tok(toks, toks.index(verb))
        if (
            fix is not None
            and not plural
            and verb.low not in _TO_SINGULAR
            and after is not None
            and (_noun_like(after) and after.low not in _OBJECT_START)
        ):
            continue  # "the legacy detect function": a noun phrase, not a verb
        if fix is not None:
            msg = f"The verb does not agree with “{noun.text}”: write “{match_case(verb.text, fix)}”."
            yield word_issue(verb, "EN_AGREEMENT", msg, fix)


def _name_or_np(toks: list[Tok], i: int) -> bool:
    tok = toks[i]
    return tok.low in ("i", "he", "she", "we", "they") or (tok.text[:1].isupper() and not tags(tok.low))


def compound_subject_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """ "X and Y" at a clause start with a singular verb ("Mehmet and Zainab has")."""
    for i, tok in enumerate(toks):
        if tok.low != "and" or i == 0 or not tok.joined:
            continue
        first = i - 1
        if (
            toks[first].low not in _DETERMINERS
            and first > 0
            and toks[first].joined
            and toks[first - 1].low in _DETERMINERS
        ):
            first_start = first - 1
        else:
            first_start = first
        if not toks[first_start].clause_start:
            continue
        left_ok = _name_or_np(toks, first) or toks[first_start].low in _DETERMINERS
        second = next_tok(toks, i)
        if second is None or not left_ok or not _name_or_np(toks, i + 1):
            continue
        verb = _verb_after(toks, i + 1)
        if verb is None:
            continue
        fix = {"is": "are", "was": "were", "has": "have", "doesn't": "don't", "isn't": "aren't",
               "wasn't": "weren't", "hasn't": "haven't"}.get(verb.low)  # fmt: skip
        if fix is None and "VBZ" in tags(verb.low) and not tags(verb.low) & {"NN", "NNS"}:
            fix = inflect(verb.low, "VB")
        if fix is not None:
            msg = f"Two subjects joined by “and” take a plural verb: “{match_case(verb.text, fix)}”."
            yield word_issue(verb, "EN_AGREEMENT", msg, fix)


def there_is_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """ "There is/was" before a plural ("There is several projects")."""
    for i, tok in enumerate(toks):
        if tok.low != "there":
            continue
        verb = next_tok(toks, i)
        after = next_tok(toks, i + 1) if verb is not None else None
        if verb is None or after is None or verb.low not in ("is", "was"):
            continue
        plural = (
            after.low in _PLURAL_Q - {"this"}
            or is_number(after)
            or (plural_noun(after.low) and "VBZ" not in tags(after.low))
        )
        if plural:
            fix = "are" if verb.low == "is" else "were"
            msg = f"“{after.text}…” is plural: write “there {fix}”."
            yield word_issue(verb, "EN_AGREEMENT", msg, fix)


def number_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """A singular noun after a numeral or plural determiner, a plural after a singular one."""
    for i, tok in enumerate(toks):
        before = prev_tok(toks, i)
        counted = tok.low in _PLURAL_Q - {"this"} or (
            (
                (
                    is_number(tok)
                    and text[tok.start - 1 : tok.start] not in (".", "/", "-", ":", "v", "#", "$", "£", "€")
                    and text[tok.end : tok.end + 1] not in (".", "/", "-", ":", "%")
                )
                or tok.low in _NUMBER_WORDS_ONLY
            )
            and not (before is not None and (before.low in _AFTER_NUMBER_LABEL or before.text[:1].isupper()))
        )
        if before is not None and before.low in ("a", "the") and tok.low == "few":
            counted = True
        if counted:
            yield from _singular_after(toks, i, tok)
        elif tok.low in _SINGULAR_Q and not (
            before is not None and before.low in _PREPS | {"like"} and tok.low == "this"
        ):
            yield from _plural_after(toks, i, tok)
        elif tok.low == "one":
            of, det = next_tok(toks, i), next_tok(toks, i + 1)
            if (
                of is not None
                and of.low == "of"
                and det is not None
                and det.low in _DETERMINERS - {"a", "an"}
            ):
                yield from _singular_after(toks, i + 2, det)


def _singular_after(toks: list[Tok], i: int, det: Tok) -> Iterator[Issue]:
    j = i
    for _ in range(2):  # up to two adjectives: "several new client", "the main challenge"
        nxt, after_nxt = next_tok(toks, j), next_tok(toks, j + 1)
        if (
            nxt is not None
            and tags(nxt.low) & {"JJ", "JJR", "JJS", "VBN", "VBG"}
            and (
                tags(nxt.low) <= {"JJ", "JJR", "JJS", "VBN", "VBG"}
                or (after_nxt is not None and _noun_like(after_nxt))
            )
        ):
            j += 1
    noun = next_tok(toks, j)
    if noun is None or noun.text[:1].isupper() or noun.low in _NOT_COUNTED or not singular_noun(noun.low):
        return
    if "JJ" in tags(noun.low) or (
        det.low == "both" and i > 0 and toks[i].joined and toks[i - 1].low in _FUNCTION
    ):
        return  # "five key points"; "they were both kind"
    after = next_tok(toks, j + 1)
    if after is not None and (
        _noun_like(after) or after.text[:1].isupper() or after.low in ("and", "or", "nor")
    ):
        return  # a compound ("two engineer teams", "a 36 character UUID") or "both X and Y"
    plural = inflect(noun.low, "NNS")
    if plural is None:
        return
    if det.low in ("these", "those"):
        if after is not None and (
            after.low in _DETERMINERS or after.low in _PERSONS or tags(after.low) == {"RB"}
        ):
            return  # "these approach the problem…", "these match structurally": a verb
        single = "this" if det.low == "these" else "that"
        msg = f"“{det.text}” is plural: write “{det.text} {plural}” or “{single} {noun.text}”."
        fixes = [f"{det.text} {match_case(noun.text, plural)}", f"{match_case(det.text, single)} {noun.text}"]
        yield issue("EN_NUMBER", msg, det.start, noun.end, fixes)
        return
    msg = f"After “{det.text}” the noun is plural: “{match_case(noun.text, plural)}”."
    yield word_issue(noun, "EN_NUMBER", msg, plural)


def _plural_after(toks: list[Tok], i: int, det: Tok) -> Iterator[Issue]:
    noun = next_tok(toks, i)
    if noun is None or noun.text[:1].isupper() or not plural_noun(noun.low):
        return
    after = next_tok(toks, i + 1)
    verb_next = after is not None and (
        (bool(tags(after.low) & {"VBD", "VBP", "VBZ"}) and not _noun_like(after))
        or after.low in ("are", "were", "have", "will", "can")
    )
    if det.low == "this" and "VBZ" in tags(noun.low) and not verb_next:
        return  # "this helps us": a verb
    single = inflect(noun.low, "NN")
    if single is None or single == noun.low:
        return
    if det.low == "this":
        msg = f"“{noun.text}” is plural: write “these {noun.text}” or “this {single}”."
        fixes = [
            f"{match_case(det.text, 'these')} {noun.text}",
            f"{det.text} {match_case(noun.text, single)}",
        ]
        yield issue("EN_NUMBER", msg, det.start, noun.end, fixes)
        return
    msg = f"After “{det.text}” the noun is singular: “{match_case(noun.text, single)}”."
    yield word_issue(noun, "EN_NUMBER", msg, single)
