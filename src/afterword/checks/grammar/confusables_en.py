"""Confusable English words, decided by the words around them.

Each handler gets the word list and the index of a candidate (its, it's, your, then, …) and
returns an Issue only when the context makes the other word certain; when a sentence could be
correct either way it stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from afterword.checks.grammar.tokens_en import (
    AUX,
    BE,
    DETERMINERS,
    MODALS,
    NEG_AUX,
    OBJECT_PRONOUNS,
    PRONOUNS,
    Tok,
    clause_end_after,
    next_tok,
    prev_tok,
    word_issue,
    words,
)
from afterword.models import Issue

# Nouns that follow a possessive (its/their/your) but cannot follow "it is"/"they are" bare.
_OWNED = words(
    "own team company mission product platform pipeline website app roadmap founder office "
    "budget name manager department headquarters customers users employees members products "
    "values goals clients partners services features offices engineers teams founders "
    "colleagues investors"
)
YOUR_NOUNS = _OWNED | words(
    "time help email feedback consideration insights insight interest input support guidance "
    "advice question questions perspective message note thoughts offer reply response patience "
    "call invitation availability schedule calendar kindness generosity week day weekend morning "
    "afternoon trip holiday vacation interview presentation resume portfolio role position "
    "decision process recruiter assistant colleague colleagues article post talk newsletter idea "
    "ideas suggestion suggestions comments notes update"
)
# Adjectives that mean "is/are" only when a clause ends or "to/that/…" follows ("you're right.").
_PREDICATIVE = words(
    "right wrong welcome correct ready able sure available interested invited busy aware "
    "familiar free kind great good important clear hard easy possible likely unlikely true fine "
    "okay nice exciting interesting amazing wonderful"
)
_PREDICATE_NEXT = words("to that for about because when if with at in on of and")
_MEANS_IT_IS = words(
    "a an the been not also just really so too my your our their his her about because what how "
    "going getting taking coming becoming happening always still quite definitely probably "
    "certainly"
)
_MEANS_YOU_ARE = words("a an the not so too really absolutely definitely always also just "
                        "still probably already clearly such quite")  # fmt: skip
_WELL = words("well great good okay ok fine alright better")
_MEANS_THEY_ARE = words("a an the not so too really also always just still getting trying")
_MEANS_THERE = words("is are was were has have isn't aren't wasn't weren't hasn't haven't")
_WENT = words("went go goes going gone been moved travelled traveled stayed live lived")
_WHEN_AFTER_WENT = words(
    "last yesterday today tomorrow next before again once twice often every in on for with"
)
_MODAL_BE = MODALS | {"will"}
_COMPARATIVES = words(
    "more less fewer better worse rather other greater larger smaller higher lower faster slower "
    "longer shorter earlier later bigger easier harder sooner older younger stronger cheaper "
    "quicker further farther different"
)
_AFTER_FAR_THAN = words("i we you they expected planned anticipated ever usual thought imagined")
_EXCESS = words(
    "late early busy tired long short big small expensive difficult hard soon young old slow "
    "fast high low complicated complex vague broad narrow risky bad far"
)
_LINKING = BE | words(
    "seem seems seemed feel feels felt look looks looked get gets got become became not way far "
    "much just simply bit little also"
)
_BASE_VERBS = words(
    "be see meet hear discuss talk speak learn join work help have get make know connect follow "
    "share send thank continue contribute schedule start"
)
_EFFECT_CHANGE = words("change changes real positive lasting meaningful reform transformation")
_VERB_AFFECT_PREV = (
    MODALS
    | NEG_AUX
    | words("to not directly negatively positively significantly seriously adversely greatly also")
)
_NOUN_EFFECT_PREV = words(
    "a an the any no positive negative significant big huge great lasting real direct little "
    "much strong profound immediate side"
)
_EFFECT_IDIOMS = re.compile(r"\b(in|into|take|takes|took|taken|taking)\s+affect\b", re.I)
_SUBJECT_LIKE_PREV = words("it this that which he she also directly negatively")
_ADVICE_NOUN_PREV = words(
    "your my his her their our any some good great helpful useful the for of career expert "
    "professional sound practical valuable much this"
)
_ADVISE_VERB_PREV = MODALS | words("please kindly i we they")
_ADVISE_AFTER_TO = words("you me us them him her on whether")


def _next2(toks: list[Tok], i: int) -> tuple[Tok | None, Tok | None]:
    a = next_tok(toks, i)
    b = next_tok(toks, i + 1) if a is not None else None
    return a, b


def _predicate_follows(text: str, toks: list[Tok], i: int) -> bool:
    """toks[i] ends a clause or is followed by to/that/for/… (so it is a predicate)."""
    after = next_tok(toks, i)
    return clause_end_after(text, toks[i]) or (after is not None and after.low in _PREDICATE_NEXT)


def _its(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    nxt, nxt2 = _next2(toks, i)
    if nxt is None:
        return None
    if tok.low == "its":
        it_is = (
            nxt.low in _MEANS_IT_IS
            or (nxt.low in _PREDICATIVE and _predicate_follows(text, toks, i + 1))
            or (nxt.low == "time" and tok.clause_start and nxt2 is not None and nxt2.low == "to")
        )
        if it_is:
            msg = "“its” is possessive; here you mean “it's” (it is / it has)."
            return word_issue(tok, "EN_ITS_ITS", msg, "it's")
        return None
    cleft = nxt2 is not None and nxt2.low in ("who", "that", "which")  # "It's customers who…"
    if nxt.low in _OWNED and not cleft:
        msg = f"“it's” means “it is”; for something belonging to it write “its {nxt.text}”."
        return word_issue(tok, "EN_ITS_ITS", msg, "its")
    return None


def _your(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    nxt, nxt2 = _next2(toks, i)
    before = prev_tok(toks, i)
    if tok.low == "your":
        if nxt is None:
            return None
        going = nxt.low == "going" and nxt2 is not None and nxt2.low == "to"
        going = going and next_tok(toks, i + 2) is not None
        going = going and next_tok(toks, i + 2).low not in DETERMINERS  # type: ignore[union-attr]
        doing_well = nxt.low == "doing" and nxt2 is not None and nxt2.low in _WELL
        if (
            nxt.low in _MEANS_YOU_ARE
            or going
            or doing_well
            or (nxt.low in _PREDICATIVE and _predicate_follows(text, toks, i + 1))
        ) and not (nxt.low == "right" and nxt2 is not None and nxt2.low == "to"):
            msg = "“your” is possessive; here you mean “you're” (you are)."
            return word_issue(tok, "EN_YOUR_YOURE", msg, "you're")
        return None
    after_prep = before is not None and before.low in ("for", "of", "with", "about", "from", "by")
    if after_prep or (nxt is not None and nxt.low in YOUR_NOUNS):
        msg = "“you're” means “you are”; for something of yours write “your”."
        return word_issue(tok, "EN_YOUR_YOURE", msg, "your")
    return None


def _their(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    nxt, nxt2 = _next2(toks, i)
    before = prev_tok(toks, i)
    after_be = before is not None and (before.low in BE or before.low in AUX)
    if tok.low == "their":
        if nxt is not None and (
            nxt.low in _MEANS_THERE or (nxt.low in _MODAL_BE and nxt2 is not None and nxt2.low == "be")
        ):
            msg = "“their” is possessive; for something that exists write “there”."
            return word_issue(tok, "EN_THEIR_THERE", msg, "there")
        end_place = before is not None and before.low in ("over", "out", "in", "get", "got", "be")
        went = before is not None and before.low in _WENT
        if went and (nxt is None or nxt.low in _WHEN_AFTER_WENT):  # "I went their last year"
            msg = "“their” is possessive; for a place write “there”."
            return word_issue(tok, "EN_THEIR_THERE", msg, "there")
        if nxt is None and end_place and clause_end_after(text, tok):
            msg = "“their” is possessive; for a place write “there”."
            return word_issue(tok, "EN_THEIR_THERE", msg, "there")
        if nxt is not None and (
            nxt.low in _MEANS_THEY_ARE
            or (nxt.low == "going" and nxt2 is not None and nxt2.low == "to")
            or (nxt.low in _PREDICATIVE and _predicate_follows(text, toks, i + 1))
        ):
            msg = "“their” is possessive; here you mean “they're” (they are)."
            return word_issue(tok, "EN_THEIR_THEYRE", msg, "they're")
        return None
    if nxt is None:
        return None
    if tok.low == "there":
        if nxt.low in _OWNED and not after_be:
            msg = f"“there” is a place; for something of theirs write “their {nxt.text}”."
            return word_issue(tok, "EN_THEIR_THERE", msg, "their")
        doing = ("going", "doing", "getting", "trying", "hiring", "planning")
        if tok.clause_start and nxt.low in doing and not after_be:
            msg = "“there” is a place; here you mean “they're” (they are)."
            return word_issue(tok, "EN_THEIR_THEYRE", msg, "they're")
        return None
    if nxt.low in _OWNED or nxt.low == "time":
        msg = f"“they're” means “they are”; for something of theirs write “their {nxt.text}”."
        return word_issue(tok, "EN_THEIR_THEYRE", msg, "their")
    if nxt.low in ("is", "are", "was", "were"):
        msg = "“they're” means “they are”; here you mean “there”."
        return word_issue(tok, "EN_THEIR_THEYRE", msg, "there")
    return None


def _then(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    before = prev_tok(toks, i)
    nxt = next_tok(toks, i)
    if tok.low == "then":
        two_back = toks[i - 2].low if i >= 2 and before is not None and before.joined else ""
        compares = before is not None and (
            before.low in _COMPARATIVES or two_back in ("more", "less", "fewer", "rather")
        )
        clause = toks[max(0, i - 6) : i]
        while clause and not all(t.joined for t in clause[1:]):
            clause = clause[1:]
        far = any(t.low in _COMPARATIVES for t in clause) and nxt.low in _AFTER_FAR_THAN if nxt else False
        if not (compares or far) or nxt is None:
            return None
        sentence = text[max(0, text.rfind(".", 0, tok.start)) : tok.start].lower()
        conditional = re.search(r"\b(if|when|once|after|before)\b", sentence)
        if conditional and nxt.low in PRONOUNS:  # "If we finish earlier then we can…"
            return None
        msg = f"To compare, write “than”: “… than {nxt.text}”."
        return word_issue(tok, "EN_THEN_THAN", msg, "than")
    window = {t.low for t in toks[max(0, i - 4) : i]}
    time_prev = before is not None and before.low in ("and", "since", "until", "till", "back")
    starts = tok.clause_start and (nxt is None or nxt.low in PRONOUNS)
    if (time_prev or starts) and not window & _COMPARATIVES:
        msg = "“than” compares; for time or sequence write “then”."
        return word_issue(tok, "EN_THEN_THAN", msg, "then")
    return None


def _lose(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    before = prev_tok(toks, i)
    nxt = next_tok(toks, i)
    prev_low = before.low if before is not None else ""
    if tok.low == "loose":
        verbal = prev_low in MODALS | NEG_AUX | {"to", "not", "never"} or prev_low.endswith("'ll")
        objects = {"track", "sight", "touch", "interest", "focus", "momentum", "money", "weight"}
        if (verbal and not (nxt is not None and nxt.low in ("ends", "end"))) or (
            nxt is not None and nxt.low in objects
        ):
            msg = "“loose” means not tight; the verb is “lose” (lose track, lose time)."
            return word_issue(tok, "EN_LOSE_LOOSE", msg, "lose")
        return None
    adjectival = prev_low in {"a", "bit", "too", "very", "is", "are", "was", "were", "been", "come",
                              "came", "comes", "coming", "hang", "hanging", "cut", "break"}  # fmt: skip
    if adjectival or (nxt is not None and nxt.low in ("ends", "end", "fit", "fitting")):
        msg = "“lose” is the verb; for “not tight / not fixed” write “loose”."
        return word_issue(tok, "EN_LOSE_LOOSE", msg, "loose")
    return None


def _affect(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    before = prev_tok(toks, i)
    nxt, nxt2 = _next2(toks, i)
    prev_low = before.low if before is not None else ""
    if tok.low in ("effect", "effects"):
        objectish = nxt is not None and (nxt.low in DETERMINERS or nxt.low in OBJECT_PRONOUNS)
        objectish = objectish or (nxt is not None and nxt.low in ("how", "what", "whether"))
        brings_about = nxt is not None and (
            nxt.low in _EFFECT_CHANGE or (nxt2 is not None and nxt2.low in _EFFECT_CHANGE)
        )
        prevs = _VERB_AFFECT_PREV if tok.low == "effect" else _SUBJECT_LIKE_PREV
        if prev_low in prevs and objectish and not brings_about:
            fix = "affect" if tok.low == "effect" else "affects"
            msg = f"“{tok.text}” is the noun (a result); the verb “to influence” is “{fix}”."
            return word_issue(tok, "EN_AFFECT_EFFECT", msg, fix)
        return None
    idiom = _EFFECT_IDIOMS.match(text, before.start) if before is not None else None
    if prev_low in _NOUN_EFFECT_PREV or idiom:
        fix = "effect" if tok.low == "affect" else "effects"
        msg = f"“{tok.text}” is the verb; the noun (a result) is “{fix}”."
        return word_issue(tok, "EN_AFFECT_EFFECT", msg, fix)
    return None


def _too(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    before = prev_tok(toks, i)
    nxt, nxt2 = _next2(toks, i)
    prev_low = before.low if before is not None else ""
    if tok.low == "too":
        if nxt is not None and (
            nxt.low in DETERMINERS - {"no"}
            or nxt.low in OBJECT_PRONOUNS - {"it"}
            or nxt.low in _BASE_VERBS
            or prev_low == "forward"
        ):
            msg = "“too” means “also” or “excessively”; here you need “to”."
            return word_issue(tok, "EN_TO_TOO", msg, "to")
        return None
    if nxt is None:
        me_to = before is not None and before.clause_start and before.low in ("me", "you")
        if me_to and not tok.clause_start and clause_end_after(text, tok):  # "Me to!"
            msg = "For “also”, write “too”: “Me too.”"
            return word_issue(tok, "EN_TO_TOO", msg, "too")
        return None
    if prev_low in _LINKING and (
        nxt.low in ("much", "many")
        or (nxt.low in _EXCESS and (clause_end_after(text, nxt) or (
            nxt2 is not None and nxt2.low in ("to", "for", "and", "but"))))
    ):  # fmt: skip
        msg = f"For “excessively”, write “too {nxt.text}”."
        return word_issue(tok, "EN_TO_TOO", msg, "too")
    return None


def _advice(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    before = prev_tok(toks, i)
    nxt = next_tok(toks, i)
    prev_low = before.low if before is not None else ""
    if tok.low == "advise":
        if prev_low in _ADVICE_NOUN_PREV:
            msg = "“advise” is the verb; the noun is “advice”."
            return word_issue(tok, "EN_ADVICE_ADVISE", msg, "advice")
        return None
    verbal = prev_low in _ADVISE_VERB_PREV or prev_low.endswith("'ll")
    verbal = verbal or (prev_low == "to" and nxt is not None and nxt.low in _ADVISE_AFTER_TO)
    if verbal:
        msg = "“advice” is the noun; the verb is “advise”."
        return word_issue(tok, "EN_ADVICE_ADVISE", msg, "advise")
    return None


def _where(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    before = prev_tok(toks, i)
    nxt = next_tok(toks, i)
    prev_low = before.low if before is not None else ""
    if tok.low == "where":
        if prev_low in ("we", "they") or (prev_low == "you" and before.clause_start):  # type: ignore[union-attr]
            msg = f"“where” asks about a place; after “{before.text}” the verb is “were”."  # type: ignore[union-attr]
            return word_issue(tok, "EN_WERE_WHERE", msg, "were")
        return None
    question = nxt is not None and nxt.low in {"do", "does", "did", "can", "could", "should",
                                               "would", "will", "is", "are"}  # fmt: skip
    knows = prev_low in {"know", "sure", "unsure", "wonder", "wondering", "idea", "clue"}
    if (
        question
        or prev_low in ("that's", "is")
        or (knows and nxt is not None and (nxt.low in PRONOUNS or nxt.low == "to"))
    ):
        msg = "“were” is a verb; for a place or situation write “where”."
        return word_issue(tok, "EN_WERE_WHERE", msg, "where")
    return None


def _hear(toks: list[Tok], i: int, text: str) -> Issue | None:
    tok = toks[i]
    before = prev_tok(toks, i)
    nxt = next_tok(toks, i)
    prev_low = before.low if before is not None else ""
    if tok.low == "hear":
        place = prev_low in BE | {"over", "right"} or prev_low.endswith("'m")
        place = place or (tok.sent_start and nxt is not None and nxt.low in ("is", "are"))
        if place:
            msg = "“hear” is about listening; for a place write “here”."
            return word_issue(tok, "EN_HERE_HEAR", msg, "here")
        return None
    verbal = prev_low in MODALS | {"to", "did", "didn't", "don't", "never", "love"}
    verbal = verbal or prev_low.endswith(("'ll", "'d"))
    if verbal and nxt is not None and nxt.low in ("from", "about", "back", "that", "more"):
        msg = "“here” is a place; for listening write “hear” (hear from you)."
        return word_issue(tok, "EN_HERE_HEAR", msg, "hear")
    return None


_HANDLERS: dict[str, Callable[[list[Tok], int, str], Issue | None]] = {
    **dict.fromkeys(("its", "it's"), _its),
    **dict.fromkeys(("your", "you're"), _your),
    **dict.fromkeys(("their", "there", "they're"), _their),
    **dict.fromkeys(("then", "than"), _then),
    **dict.fromkeys(("lose", "loose"), _lose),
    **dict.fromkeys(("affect", "effect", "affects", "effects"), _affect),
    **dict.fromkeys(("to", "too"), _too),
    **dict.fromkeys(("advice", "advise"), _advice),
    **dict.fromkeys(("were", "where"), _where),
    **dict.fromkeys(("here", "hear"), _hear),
}


def confusable_issues(toks: list[Tok], text: str) -> Iterator[Issue]:
    """Issues for confusable words used in the wrong place."""
    for i, tok in enumerate(toks):
        handler = _HANDLERS.get(tok.low)
        if handler is not None:
            found = handler(toks, i, text)
            if found is not None:
                yield found
