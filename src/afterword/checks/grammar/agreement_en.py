"""Agreement rules that need the lexicon: a noun phrase and its verb ("the recruiters was"),
nouns after numerals and determiners ("five month", "these approach", "every engineers"),
"there is" + plural, compound subjects ("Mehmet and Zainab has"), and he/she/it + bare verb.

Each rule looks only at a subject it can see whole (a determiner or name at a clause start, its
modifiers and head noun, at most one prepositional phrase) and stays silent otherwise. Examples
live in `checks/data/rules_en.toml` under EN_AGREEMENT and EN_NUMBER.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from afterword.checks.grammar.lexicon_en import inflect, plural_noun, singular_noun, tags
from afterword.checks.grammar.patterns_en import is_number
from afterword.checks.grammar.tokens_en import (
    BE,
    Tok,
    issue,
    match_case,
    next_tok,
    prev_tok,
    word_issue,
    words,
)
from afterword.models import Issue

_PLURAL_Q = words("these those several many few both various multiple numerous")
_SINGULAR_Q = words("every each another this")
_DETERMINERS = words("the a an my your our their his her its this that these those every each both no")
_PREPS = words("about of on for in at from with by behind across between to under over around after before")
_ADVERBS = words(
    "already also still just really often always never usually sometimes recently themselves itself "
    "himself herself ourselves yourself myself"
)
_QUANTITY_HEADS = words(
    "number lot lots majority rest half bunch couple group set range variety series percentage "
    "proportion kind type sort part total handful plenty none all most some any each one both either "
    "neither former latter following above below same"
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
_REL = words("that who which")
_INDEFINITE = words(
    "everyone everybody someone somebody anyone anybody nobody everything something anything nothing"
)
_PLURAL_WORDS = words("people children men women police")
_ADVERBIAL_HEADS = words(
    "morning afternoon evening night day week month year quarter weekend time summer winter spring autumn "
    "fall days weeks months years way"
)  # "This week I have…", "This way you do not…": no subject
_PREMODIFIERS = words("other another own next last first second third main whole key top best following")


_FUNCTION = (
    _PREPS
    | _DETERMINERS
    | _PERSONS
    | _CONJ
    | words(
        "why how what where when who whom whose which there here then than me us them him it is are was "
        "were be been am has have had do does did will would can could should may might must not per "
        "except like unlike including via than"
    )
)


def _noun_like(tok: Tok) -> bool:
    """A noun the lexicon knows, or an unknown lower-case word with a noun's ending ("documentation")."""
    if tok.low in _FUNCTION:
        return False
    return bool(tags(tok.low) & {"NN", "NNS"}) or (
        not tags(tok.low) and tok.text.isalpha() and tok.text.islower() and tok.low.endswith(_NOUN_ENDINGS)
    )


_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")


def _name(tok: Tok, any_number: bool = False) -> bool:
    """A person's name: one capital, then lower case, unknown to the lexicon ("Ravi", "Okonkwo";
    not "NaNs", "Ufuncs", "LazyComponents", which may be plural; "Jonas" with `any_number`)."""
    word = tok.text.replace("-", "")
    plain = word[:1].isupper() and word[1:].islower() and word.isalpha() and not tags(tok.low)
    plain = plain and tok.low not in _FUNCTION and tok.low not in _NOT_NAMES
    return plain and (any_number or not word.endswith("s"))


def _possessive(tok: Tok) -> bool:
    return tok.low.endswith("'s") and len(tok.low) > 2 and tok.low != "it's" and tok.low not in BE


def _verb_reading(toks: list[Tok], k: int, head: int | None) -> bool:
    """toks[k] after the head noun toks[head] is the verb, not another noun of the phrase: after
    a plural head ("teams uses"), or when an object follows ("manager think the role")."""
    t = tags(toks[k].low)
    if (
        head is None
        or not t & {"VB", "VBP", "VBZ", "VBD"}
        or "JJ" in tags(toks[head].low)
        or (toks[head].low in _PREMODIFIERS)
    ):
        return False  # "the main issue": "main" is an adjective, "issue" the head
    if plural_noun(toks[head].low):
        return True
    after = next_tok(toks, k)
    if "VBZ" in t and after is not None and not tags(after.low) & {"VBZ", "VBD", "VBP", "MD"}:
        return True  # "the package comes with": a verb; "the team leads wants": a noun
    return after is not None and (after.low in _OBJECT_START or after.low == "to"
                                  or after.text[:1].isupper() or is_number(after))  # fmt: skip


def _subject_end(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """(head, last) for a noun phrase led by toks[i] (a determiner, possessive or numeral): up to
    three modifiers, possessives ("the team's plans") and the head noun."""
    j, head = i, None
    for _ in range(5):
        nxt = next_tok(toks, j)
        if nxt is None or nxt.low in _FUNCTION:
            break
        k = j + 1
        if _possessive(nxt):
            j, head = k, None
            continue
        if head is not None and nxt.low.endswith("ing") and "VBG" in tags(nxt.low):
            break  # "your engineers handling…": the -ing form is a verb
        if not _noun_like(nxt) and not tags(nxt.low) & {"JJ", "VBG", "VBN"} and not nxt.text[:1].isupper():
            break
        if _verb_reading(toks, k, head):
            if tags(nxt.low) & {"NN", "NNS"} and not _verb_evidence(toks, k):
                return None  # "This class holds details of…": which word is the verb?
            break
        j = k
        if _noun_like(nxt) or nxt.text[:1].isupper():
            head = k
    return (head, j) if head is not None and head == j else None


def _phrase(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """(head, last) of the noun phrase starting at toks[i]: led by a determiner, a possessive or
    a numeral, or a bare run of names and nouns ("Kafka", "payments", "São Paulo")."""
    tok = toks[i]
    if tok.low in _DETERMINERS or _possessive(tok) or is_number(tok):
        return _subject_end(toks, i)
    starts = tok.text[:1].isupper() or _noun_like(tok) or tags(tok.low) & {"JJ", "VBN"}
    if tok.low in _FUNCTION or not starts:
        return None  # "Kafka", "payments", "next year", "São Paulo"
    j = i
    while (nxt := next_tok(toks, j)) is not None and nxt.text[:1].isupper() and nxt.low not in _FUNCTION:
        j += 1
    if j == i and not tok.text[:1].isupper():
        return _subject_end(toks, i - 1) if i > 0 and toks[i].joined else (i, i)
    return j, j


def _after_modifiers(toks: list[Tok], last: int, of: bool) -> int:
    """The last word of a subject's prepositional phrases ("the notes [from yesterday's
    session] [with the team]"); `of` False stops before an "of" phrase."""
    for _ in range(3):
        prep = next_tok(toks, last)
        if prep is None or prep.low not in _PREPS or (prep.low == "of" and not of):
            break
        obj = next_tok(toks, last + 1)
        span = _phrase(toks, last + 2) if obj is not None else None
        if span is None:
            break
        last = span[1]
        joint, more = next_tok(toks, last), next_tok(toks, last + 1)
        if (
            joint is not None
            and joint.low in ("and", "or")
            and more is not None
            and _noun_like(more)
            and (more.low not in _DETERMINERS)
        ):  # "in distributed systems and databases": one object
            extra = _phrase(toks, last + 2)
            last = extra[1] if extra is not None else last
    return last


def _relative_end(toks: list[Tok], last: int) -> int | None:
    """The last word of a relative clause after toks[last] ("[that you shared after the call]",
    "[I met on Thursday]", "[who works in Berlin]"), or None when none follows or its end is
    unclear (a comma, a conjunction, a second clause, a word that may be noun or verb)."""
    k = last + 1
    if k >= len(toks) or not toks[k].joined:
        return None
    if toks[k].low in _REL:
        k += 1
    elif not (toks[k].low in _PERSONS - {"i"} or toks[k].text == "I" or toks[k].low in _POSSESSIVES):
        return None  # "the people [I met]", "the tools [your team uses]"
    if k >= len(toks) or not toks[k].joined:
        return None
    own_subject = toks[k].low in _PERSONS or toks[k].low in _DETERMINERS or _name(toks[k])
    if own_subject:  # "[that] Aiko designed", "[that] you shared": the object is the one relativised
        span = (k, k) if toks[k].low in _PERSONS else _phrase(toks, k)
        if span is None:
            return None
        k = span[1] + 1
        after = toks[k] if k < len(toks) and toks[k].joined else None
        if after is not None and after.low in _BE_HAVE and "VBZ" in tags(toks[span[1]].low):
            return span[1]  # "the tools [your team uses] is": the phrase took the verb
    while k + 1 < len(toks) and toks[k + 1].joined and (
        toks[k].low in _ADVERBS or toks[k].low in _AUX_WORDS or toks[k].low == "not"
        or (toks[k].low in ("do", "does", "did") and toks[k + 1].low == "not")
    ):  # fmt: skip
        k += 1
    if k >= len(toks) or not toks[k].joined or not tags(toks[k].low) & _VERB_TAGS:
        return None
    end, previous = k, toks[k].low  # the relative clause's own verb
    for step in range(8):
        nxt = next_tok(toks, end)
        after = next_tok(toks, end + 1) if nxt is not None else None
        if (
            nxt is not None
            and nxt.low in ("to", "with", "about", "for")
            and after is not None
            and after.low in ("is", "are", "was", "were", "has", "have")
        ):
            return end + 1  # "the interviewers I spoke to [was]"
        if nxt is None or nxt.low in _CONJ or nxt.low in _REL or nxt.low in MODAL_WORDS or nxt.low == "to":
            return None  # a second clause or an infinitive: where the subject's verb is gets unclear
        be_have = nxt.low in _TO_PLURAL or nxt.low in _TO_SINGULAR
        lexical = (
            _finite(nxt) and nxt.text[:1].islower() and nxt.low not in _FUNCTION and bool(tags(previous))
        )
        if be_have or (
            lexical
            and (
                not _noun_like(nxt)
                or previous in _OBJECT_PRONOUNS
                or tags(previous) == {"RB"}
                or (step == 0 and own_subject and _verb_evidence(toks, end + 1))
            )
        ):
            return end
        end, previous = end + 1, nxt.low
    return None


_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD", "VBN"})
_AUX_WORDS = words("will would can could should might must may shall don't didn't have has had been be")
MODAL_WORDS = words("will would can could should might must shall may")
_OBJECT_PRONOUNS = words("me us them him her it you")


def _finite(tok: Tok) -> bool:
    """A word that can be a finite verb in the present or past."""
    return tok.low in _TO_PLURAL or tok.low in _TO_SINGULAR or bool(tags(tok.low) & {"VBZ", "VBP", "VBD"})


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


def _verb_after(toks: list[Tok], j: int) -> Tok | None:
    """The finite verb right after toks[j], skipping one adverb."""
    verb = next_tok(toks, j)
    if verb is not None and verb.low in _ADVERBS:
        verb = next_tok(toks, j + 1)
    return verb


def _verb_evidence(toks: list[Tok], k: int) -> bool:
    """What follows toks[k] shows it is a verb: an object, an adverb, a preposition (not "of"),
    a number, a name, an adjective ("sounds ambitious")."""
    after = next_tok(toks, k)
    return after is not None and (
        after.low in _EVIDENCE or after.low in _ADVERBS or after.low in _PREPS - {"of"} or is_number(after)
        or after.text[:1].isupper() or (tags(after.low) <= {"JJ", "RB"} and "JJ" in tags(after.low))
        or after.low.endswith("ing")
    )  # fmt: skip


def _is_verb_here(toks: list[Tok], verb: Tok, plural: bool) -> bool:
    """A word that can be a noun ("shows", "leads", "pass") is a verb when an object or adverb
    follows; after a plural subject an -s word followed by a name, a number or "to" is one too."""
    if verb.low in _TO_PLURAL or verb.low in _TO_SINGULAR:
        return True
    if verb.low in _FUNCTION or not verb.text[:1].islower():
        return False  # "every type except X", "…that signals Click to abort"
    after = next_tok(toks, toks.index(verb))
    if not tags(verb.low) & {"NN", "NNS"}:
        return after is not None or plural  # "the number of lines in the last render (…)"
    return after is not None and (
        after.low in _EVIDENCE or after.low in _ADVERBS
        or (plural and (is_number(after) or after.low in _PREPS or after.text[:1].isupper()
                        or (tags(after.low) <= {"JJ", "RB"} and "JJ" in tags(after.low))))
    )  # fmt: skip


_EVIDENCE = _OBJECT_START | words(
    "some any all every no one that this these those anything something everything nothing anyone someone "
    "mine yours ours theirs hers"
)


def _number_of(toks: list[Tok], det: Tok, noun: Tok) -> bool | None:
    """True for a plural subject, False for a singular one, None when unclear."""
    if det.low in ("every", "each"):
        return False
    if noun.low in _QUANTITY_HEADS or noun.text[:1].isupper():
        return None  # "the file NOTES", "its API": a name, of either number
    if det.low in _PLURAL_Q or plural_noun(noun.low) or noun.low in _PLURAL_WORDS:
        return None if det.low in ("this", "that") else True  # "so that LAPACK routines…": a conjunction
    if singular_noun(noun.low) or ("NN" in tags(noun.low) and "NNS" not in tags(noun.low)):
        return False
    if not tags(noun.low) and noun.low.endswith(_NOUN_ENDINGS):
        return False  # "documentation", unknown to the lexicon
    return None


class Subject(NamedTuple):
    last: int  # its last word
    head: Tok
    plural: bool
    whole: bool = False  # "X and Y", "each of …", "everyone in …": its end is certain


def _disagreement(toks: list[Tok], verb: Tok | None, subject: Subject, det: Tok) -> Issue | None:
    """An issue when `verb` does not agree with the subject."""
    head, plural = subject.head, subject.plural
    if verb is None or not _is_verb_here(toks, verb, plural or subject.whole):
        return None
    if det.low not in _DETERMINERS and not plural and not subject.whole and tags(verb.low) & {"NN", "NNS"}:
        return None  # "Distutils command to hold…": a name and a noun
    if head.low in _COLLECTIVE and det.low not in ("every", "each") and not subject.whole:
        return None  # "the team were" is good British English
    fix = _verb_fix(verb, plural)
    after = next_tok(toks, toks.index(verb))
    if fix is None or (
        not plural and not subject.whole and verb.low not in _TO_SINGULAR and after is not None
        and _noun_like(after) and after.low not in _OBJECT_START
    ):  # fmt: skip
        return None  # "the legacy detect function": a noun phrase, not a verb
    msg = f"The verb does not agree with “{head.text}”: write “{match_case(verb.text, fix)}”."
    return word_issue(verb, "EN_AGREEMENT", msg, fix)


def _subject(toks: list[Tok], i: int) -> Subject | None:
    """The subject that starts at toks[i]: a noun phrase with
    its prepositional phrases, "each/one/neither of …", "everyone in …", "the number of …",
    "X and Y", "neither X nor Y"; None when it is unclear."""
    tok = toks[i]
    if tok.low in _INDEFINITE:
        return Subject(_after_modifiers(toks, i, of=True), tok, False, whole=True)
    nxt = next_tok(toks, i)
    if tok.low == "not" and nxt is not None and nxt.low == "only":
        return _not_only(toks, i)
    if (
        tok.low in ("a", "lots", "plenty")
        and nxt is not None
        and (
            (
                tok.low == "a"
                and nxt.low == "lot"
                and (of := next_tok(toks, i + 1)) is not None
                and of.low == "of"
            )
            or (tok.low != "a" and nxt.low == "of")
        )
    ):
        k = i + 3 if tok.low == "a" else i + 2  # "a lot of the work…": the noun decides
        span = _phrase(toks, k) if k < len(toks) and toks[k].joined else None
        many = _number_of(toks, toks[k], toks[span[0]]) if span is not None else None
        return (
            Subject(span[1], toks[span[0]], many, whole=True)
            if span is not None and many is not None
            else None
        )
    if (tok.low in _OF_HEADS or tok.low in _NUMBER_WORDS_ONLY) and nxt is not None and nxt.low == "of":
        span = _phrase(toks, i + 2) if i + 2 < len(toks) else None
        if span is None:
            return None
        if tok.low in ("each", "one", "either", "neither"):
            return Subject(span[1], tok, False, whole=True)
        if tok.low in _NUMBER_WORDS_ONLY:
            return Subject(span[1], tok, True, whole=True)  # "Three of my former colleagues…"
        many = _number_of(toks, toks[i + 2], toks[span[0]])  # "all of the engineers", "most of the work"
        return Subject(span[1], toks[span[0]], many, whole=True) if many is not None else None
    if tok.low in ("neither", "either") and nxt is not None:
        first = _phrase(toks, i + 1)
        joint = next_tok(toks, first[1]) if first is not None else None
        if first is None or joint is None or joint.low not in ("nor", "or"):
            return None
        second = _phrase(toks, first[1] + 2) if first[1] + 2 < len(toks) else None
        if second is None:
            return None
        many = _number_of(toks, toks[first[1] + 2], toks[second[0]])  # the nearer one decides
        return Subject(second[1], toks[second[0]], many) if many is not None else None
    if tok.low == "both" and nxt is not None and nxt.low in _DETERMINERS - {"a", "an"}:
        first = _phrase(toks, i + 1)  # "Both the salary and the title…"
        joint = next_tok(toks, first[1]) if first is not None else None
        return (
            _compound(toks, first[1], has_modifiers=False) if first and joint and joint.low == "and" else None
        )
    if tok.low not in _DETERMINERS and not _name(tok):
        return None
    span = _phrase(toks, i)
    if span is None or (tok.low not in _DETERMINERS and not _name(toks[span[0]])):
        return None  # "Linux TIDs": a name and a noun of either number
    head, last = span
    noun = toks[head]
    if noun.low == "number" and tok.low in ("the", "a") and (of := next_tok(toks, last)) and of.low == "of":
        plural: bool | None = tok.low == "a"
        last = _after_modifiers(toks, last, of=True)
    else:
        plural = _number_of(toks, tok, noun) if tok.low in _DETERMINERS else False
        last = _after_modifiers(toks, last, of=noun.low not in _QUANTITY_HEADS)
    joint = next_tok(toks, last)
    if joint is not None and joint.low == "and" and tok.low not in ("every", "each"):
        return _compound(toks, last, has_modifiers=last != span[1])
    return Subject(last, noun, plural) if plural is not None else None


def _not_only(toks: list[Tok], i: int) -> Subject | None:
    """ "Not only X but (also) Y": Y decides the number."""
    first = _phrase(toks, i + 2) if i + 2 < len(toks) else None
    if first is None:
        return None
    k = first[1] + 1
    while k < len(toks) and toks[k].low in ("but", "also"):
        k += 1
    if k == first[1] + 1 or k >= len(toks):
        return None
    second = _phrase(toks, k)
    many = _number_of(toks, toks[k], toks[second[0]]) if second is not None else None
    return Subject(second[1], toks[second[0]], many) if second is not None and many is not None else None


def _compound(toks: list[Tok], last: int, has_modifiers: bool) -> Subject | None:
    """ "X and Y" as a plural subject, toks[last + 1] being "and"; None when the second part is
    unclear: a possessive ("X and Y's plan"), a bare name after a prepositional phrase ("a file
    with MAC and ACL"), or a noun phrase that goes on ("X and Y classes")."""
    after = next_tok(toks, last + 1)
    if after is None or _possessive(after):
        return None
    if after.text == "I" or after.low in ("he", "she", "we", "they"):
        second: tuple[int, int] | None = (last + 2, last + 2)  # "My manager and I was…"
    elif after.low in _DETERMINERS - {"a", "an"} or (_name(after, any_number=True) and not has_modifiers):
        second = _phrase(toks, last + 2)
    else:
        return None
    if second is None:
        return None
    following = next_tok(toks, second[1])
    if following is not None and (
        (_noun_like(following) and not _finite(following)) or _possessive(following)
    ):
        return None
    return Subject(_after_modifiers(toks, second[1], of=True), toks[second[0]], True, whole=True)


def subject_verb_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """A subject at a clause start and a verb of the other number, with what may stand between
    them: prepositional phrases ("the notes from the session … was") and a relative clause
    ("the people I met on Thursday was")."""
    for i, tok in enumerate(toks):
        before = prev_tok(toks, i)
        starts = tok.clause_start or (before is not None and before.low in _CONJ)
        if not starts or (before is not None and before.low in ("and", "or", "nor")):
            continue
        if text[: tok.start].rstrip()[-1:] == "/":
            continue  # "works w/ the program officers was…": a slash starts no clause
        found = _subject(toks, i)
        if found is None:
            continue
        following = next_tok(toks, found.last)
        if (
            found.head.low in _ADVERBIAL_HEADS
            and following is not None
            and (following.low in _PERSONS or following.low in _DETERMINERS or _name(following))
        ):
            continue  # "This week I have…": a time, not the subject
        rel = _relative_end(toks, found.last)
        aside = _after_aside(toks, found.last) if rel is None else None
        verb = toks[aside] if aside is not None else _verb_after(toks, rel if rel is not None else found.last)
        if verb is not None and verb.low == "were" and _IF_WERE.search(text, 0, verb.start):
            continue  # "as if each line were logged": a subjunctive
        hit = _disagreement(toks, verb, found, tok)
        if hit is not None:
            yield hit


def _after_aside(toks: list[Tok], last: int) -> int | None:
    """The word after an aside that follows the subject (", together with two engineers, [review]",
    ", who leads the data team, [were]")."""
    first = last + 1
    if first + 1 < len(toks) and not toks[first].joined and (
        (toks[first].low in ("together", "along") and toks[first + 1].low == "with")
        or (toks[first].low == "as" and toks[first + 1].low == "well")
        or toks[first].low in ("who", "which")
    ):  # fmt: skip
        for k in range(first + 2, min(len(toks), first + 10)):
            if not toks[k].joined:
                return k
    return None


_IF_WERE = re.compile(r"\b(?:if|though|wish|whether)\b", re.I)


def question_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """An inverted question whose verb does not agree with its subject ("Is the references…",
    "Where is the documents…", "Does the hiring managers…")."""
    for i, tok in enumerate(toks):
        if tok.low not in _TO_PLURAL and tok.low not in _TO_SINGULAR:
            continue
        before = prev_tok(toks, i)
        if not (tok.sent_start or (before is not None and before.sent_start and before.low in _WH)):
            continue
        det = next_tok(toks, i)
        if det is None or det.low not in _DETERMINERS - {"a", "an"}:
            continue
        span = _subject_end(toks, i + 1)
        if span is None:
            continue
        head, last = span
        if (
            tok.low in ("do", "does", "did", "don't", "doesn't")
            and head > i + 2
            and tags(toks[head].low) & {"VB", "VBP"}
        ):
            head = last = head - 1  # "What do the team think…": the verb is not the subject
        after = next_tok(toks, last)
        if after is not None and (after.low in ("and", "or", "nor") or _possessive(after)):
            continue
        plural = _number_of(toks, det, toks[head])
        if plural is None or toks[head].low in _COLLECTIVE:
            continue
        fix = _verb_fix(tok, plural)
        if fix is not None and tok.low in _TO_PLURAL | _TO_SINGULAR.keys():
            msg = f"The verb does not agree with “{toks[head].text}”: write “{match_case(tok.text, fix)}”."
            yield word_issue(tok, "EN_AGREEMENT", msg, fix)


_WH = words("what where why when how which who")
_PART_OF = words("one each several many both few")
_BE_HAVE = words("is are was were has have")
_NOT_NAMES = words(
    "during after before while since although however also then because though unless until upon within "
    "without whether yet once meanwhile otherwise therefore thus hence besides despite towards toward "
    "regarding concerning thanks hello hi dear please"
)
_POSSESSIVES = words("my your our their his her")
_TIME_WORDS = words("last next this every each yesterday today tomorrow")
_OF_HEADS = words("each one either neither all most some many several both few")


def there_is_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """ "There is/was" before a plural ("There is several projects", "There is still a few")."""
    for i, tok in enumerate(toks):
        before, after_there = prev_tok(toks, i), next_tok(toks, i)
        if tok.low == "there's":
            verb, k = tok, i + 1
        elif tok.low == "there" and before is not None and before.low in ("is", "was") and before.sent_start:
            verb, k = before, i + 1  # "Is there any updates…?"
        elif tok.low == "there" and after_there is not None and after_there.low in ("is", "was"):
            verb, k = after_there, i + 2
        else:
            continue
        while k < len(toks) and toks[k].joined and toks[k].low in _ADVERBS | {"now", "currently", "only"}:
            k += 1
        after = toks[k] if k < len(toks) and toks[k].joined else None
        if after is None:
            continue
        few = after.low == "a" and (n := next_tok(toks, k)) is not None and n.low in ("few", "couple")
        noun = next_tok(toks, k) if after.low == "any" else None  # "Is there any updates…"
        plural = (
            few
            or after.low in _PLURAL_Q - {"this"}
            or is_number(after)
            or (plural_noun(after.low) and "VBZ" not in tags(after.low))
            or (noun is not None and plural_noun(noun.low))
        )
        if plural:
            fix = {"is": "are", "was": "were", "there's": "there are"}[verb.low]
            msg = f"“{after.text}…” is plural: write “{fix}”."
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
        of, det = next_tok(toks, i), next_tok(toks, i + 1)
        if (
            (tok.low in _NUMBER_WORDS_ONLY or tok.low in _PART_OF)
            and of is not None
            and of.low == "of"
            and det is not None
            and det.low in _DETERMINERS - {"a", "an"}
        ):
            yield from _singular_after(
                toks, i + 2, det
            )  # "two of your engineer", "one of the main challenge"
        elif counted:
            yield from _singular_after(toks, i, tok)
        elif tok.low in _SINGULAR_Q and not (
            before is not None and before.low in _PREPS | {"like"} and tok.low == "this"
        ):
            yield from _plural_after(toks, i, tok)


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
    if (
        noun is None
        or noun.text[:1].isupper()
        or noun.low in _NOT_COUNTED | _COLLECTIVE
        or not singular_noun(noun.low)
    ):
        return
    after = next_tok(toks, j + 1)
    if ("JJ" in tags(noun.low) and not (after is None and is_number(det) and not det.low[:1].isdigit())) or (
        det.low == "both" and i > 0 and toks[i].joined and toks[i - 1].low in _FUNCTION
    ):
        return  # "five key points"; "they were both kind" (but "forty-five minute.")
    if (
        after is not None
        and after.low not in _TIME_WORDS
        and (
            _noun_like(after)
            or (after.low.endswith("s") and after.low.isalpha() and not tags(after.low))
            or after.text[:1].isupper()
            or after.low in ("and", "or", "nor")
        )
    ):
        return  # a compound ("two engineer teams", "a 36 character UUID", "the input iterables")
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
