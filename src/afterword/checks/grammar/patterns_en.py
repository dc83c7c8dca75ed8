"""Token-pattern rules read from data files, in the manner of LanguageTool's grammar.xml.

A rule file (TOML) holds `[classes]` (named word sets) and `[[rule]]` entries:

    id = "EN_DEPEND_ON"
    pattern = "depend|depends|depended|depending [of] !course"   # or a list of patterns
    fix = "on"                       # replacements for the marked words, split by "|"
    message = "“depend” takes “on”."
    wrong = ["It will **depend of** the budget."]      # must be flagged (the ** span)
    right = ["It depends on the budget."]              # must not be
    false_alarms = ["…"]             # sentences that once misfired: must stay silent
    antipatterns = ["depend of course"]  # a match of one of these around the span cancels it

A pattern is a sequence of elements that match consecutive words of one clause:
`word|word` (any of these words), `@CLASS` (a word of a class), `<TAG>` (a word the lexicon
allows that Penn tag: NN NNS VB VBP VBZ VBD VBN VBG JJ JJS RB), `<TAG!>` (that tag and no other
part of speech), `<Cap>` (capitalised, not first in its sentence), `<Name>` (a capitalised word
the lexicon lacks, not ending in -s), `<Num>` (a number above one), `*` (any word); `!elem`
is any word but that (or the end of the clause); `elem?` may be absent; `^` before an element
pins it to the start of a clause, `$` at the end requires the clause to end there; `[` … `]`
marks the words the issue covers (the whole match when absent). A fix may use `{N}` for the
word matched by element N (1-based) and `{N:TAG}` for that word inflected ("{3:VBG}"; `RB` gives
the -ly adverb of an adjective, `JJ` the adjective of an -ly adverb), or derived through a table of
the rule files' `[derive]` section ("{*:NOUN}").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from afterword.checks.grammar import lexicon_en
from afterword.checks.grammar.tokens_en import Tok, clause_end_after, issue, match_case, wants_an
from afterword.models import Issue, Severity

_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "dozen",
    ]
)
_UNITS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
_POS = frozenset({"NN", "NNS", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG", "JJ", "JJR", "JJS", "RB", "RBS"})
NEAR = 6  # how far back a `~` condition looks
_REACH = 8  # words around a match where an antipattern may start
_FIELD = re.compile(r"\{(\d+|\*|A)(?::([A-Z]+))?\}")
_ARTICLE = re.compile(r"\{A\} (\S+)")
Derive = dict[str, dict[str, str]]  # field tag → word → derived word ("NOUN": believe → belief)


def is_number(tok: Tok) -> bool:
    """A numeral above one: "two", "forty-five", "40", "1,200" (not "1", "1.0", a year-like "2023")."""
    if tok.low in _NUMBER_WORDS or (
        "-" in tok.low and all(p in _NUMBER_WORDS or p in _UNITS for p in tok.low.split("-"))
    ):
        return True  # "forty-five"
    digits = tok.low.replace(",", "")
    return digits.isdigit() and int(digits) > 1 and not (len(digits) == 4 and digits[:2] in ("19", "20"))


@dataclass(frozen=True)
class Elem:
    words: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()  # lexicon tags; "X!" = only that part of speech
    special: frozenset[str] = frozenset()  # Cap, Num, *
    negated: bool = False
    optional: bool = False
    clause_start: bool = False
    near: bool = False  # a condition on any of the NEAR words before, not just the next one

    def test(self, tok: Tok) -> bool:
        hit = tok.low in self.words or ("*" in self.special)
        if not hit and "Cap" in self.special:
            hit = tok.text[:1].isupper() and not tok.sent_start
        if not hit and "Name" in self.special:
            word = tok.text.removesuffix("'s").removesuffix("’s")
            hit = word[:1].isupper() and word[1:].islower() and word.isalpha() and not word.endswith("s")
            hit = hit and not lexicon_en.known(tok.low)
        if not hit and "Num" in self.special:
            hit = is_number(tok)
        if not hit and self.tags:
            have = lexicon_en.tags(tok.low)
            hit = any(_tag_test(expr, have) for expr in self.tags)
        if hit and self.clause_start and not tok.clause_start:
            hit = False
        return hit != self.negated


_TERM = re.compile(r"([+-]?)([A-Z]+)")


def _tag_test(expr: str, have: frozenset[str]) -> bool:
    """`VB!`: a verb and nothing else; `VBD+VBN-JJ`: VBD or VBN, and never JJ."""
    if expr.endswith("!"):
        return expr[:-1] in have and all(t[:2] == expr[:2] for t in have)
    terms = _TERM.findall(expr)
    return any(t in have for sign, t in terms if sign != "-") and not any(
        t in have for sign, t in terms if sign == "-"
    )


@dataclass
class Pattern:
    before: list[Elem]  # conditions on the words before the match, nearest last
    elems: list[Elem]  # the match itself; elems[0] is a required word
    mark: tuple[int, int]  # element range [a, b) the issue covers
    end_clause: bool

    @property
    def anchor(self) -> frozenset[str] | None:
        """Words of which one must be in the text for a match (the smallest such set), if any."""
        sets = [
            e.words
            for e in (*self.before, *self.elems)
            if e.words and not (e.tags or e.special or e.negated or e.optional or e.near)
        ]
        return min(sets, key=len) if sets else None

    def match(self, toks: Sequence[Tok], i: int, text: str) -> list[int | None] | None:
        """The token index per element of the first match starting at toks[i], or None."""
        j: int | None = i
        for elem in reversed(self.before):
            if elem.near:
                window = _window(toks, j)
                if any(elem.test(toks[k]) != elem.negated for k in window) == elem.negated:
                    return None
                continue
            j = _adjacent(toks, j, -1) if j is not None else None
            if j is None:
                if not elem.negated:
                    return None
            elif not elem.test(toks[j]):
                return None
        return next(self._walk(toks, i, i, 0, text), None)

    def _walk(self, toks: Sequence[Tok], i: int | None, last: int, k: int, text: str
              ) -> Iterator[list[int | None]]:  # fmt: skip
        """Alignments of elems[k:], toks[i] being the next word (None: the clause ended)."""
        if k == len(self.elems):
            if not self.end_clause or clause_end_after(text, toks[last]):
                yield []
            return
        elem = self.elems[k]
        if "End" in elem.special and (i is None or clause_end_after(text, toks[last])):
            for rest in self._walk(toks, None, last, k + 1, text):
                yield [None, *rest]
        if i is not None and elem.test(toks[i]):
            for rest in self._walk(toks, _adjacent(toks, i, +1), i, k + 1, text):
                yield [i, *rest]
        elif i is None and elem.negated:
            for rest in self._walk(toks, None, last, k + 1, text):
                yield [None, *rest]
        if elem.optional:
            for rest in self._walk(toks, i, last, k + 1, text):
                yield [None, *rest]


def _adjacent(toks: Sequence[Tok], i: int, step: int) -> int | None:
    if step > 0:
        return i + 1 if i + 1 < len(toks) and toks[i + 1].joined else None
    return i - 1 if i > 0 and toks[i].joined else None


def _window(toks: Sequence[Tok], j: int | None) -> list[int]:
    """Up to NEAR words of the clause before toks[j]."""
    out: list[int] = []
    while j is not None and len(out) < NEAR:
        j = _adjacent(toks, j, -1)
        if j is not None:
            out.append(j)
    return out


def _elem(spec: str, classes: dict[str, frozenset[str]]) -> Elem:
    near = spec.startswith(("~", "!~"))
    spec = spec.replace("~", "", 1) if near else spec
    negated, optional, start = spec.startswith("!"), spec.endswith("?"), spec.startswith("^")
    spec = spec.strip("!?^")
    words: set[str] = set()
    tags: set[str] = set()
    special: set[str] = set()
    for alt in spec.split("|"):
        if alt.startswith("@"):
            words |= classes[alt[1:]]
        elif alt.startswith("<") and alt.endswith(">"):
            name = alt[1:-1]
            if all(t in _POS for _, t in _TERM.findall(name.rstrip("!"))):
                tags.add(name)
            elif name in ("Cap", "Num", "Name"):
                special.add(name)
            else:
                raise ValueError(f"unknown tag {alt}")
        elif alt == "*":
            special.add("*")
        elif alt == "$":
            special.add("End")
        else:
            words.add(alt.lower().replace("’", "'"))
    return Elem(frozenset(words), frozenset(tags), frozenset(special), negated, optional, start, near)


def parse(pattern: str, classes: dict[str, frozenset[str]]) -> Pattern:
    """A Pattern from its text (see the module docstring)."""
    parts = pattern.replace("^[", "[^").replace("[", " [ ").replace("]", " ] ").split()
    end_clause = parts[-1] == "$"
    parts = [p for p in parts if p != "$"]
    elems: list[Elem] = []
    mark_at: list[int] = []
    for part in parts:
        if part in "[]":
            mark_at.append(len(elems))
        else:
            elems.append(_elem(part, classes))
    lead = 0
    while lead < len(elems) and (elems[lead].negated or elems[lead].optional or elems[lead].near):
        lead += 1
    if lead == len(elems) or any(e.optional for e in elems[:lead]):
        raise ValueError(f"pattern needs a required word: {pattern!r}")
    mark = (mark_at[0], mark_at[1]) if len(mark_at) == 2 else (lead, len(elems))
    if mark[0] < lead:
        raise ValueError(f"the mark must not cover the words before the match: {pattern!r}")
    return Pattern(elems[:lead], elems[lead:], (mark[0] - lead, mark[1] - lead), end_clause)


@dataclass
class Rule:
    id: str
    message: str
    fixes: list[str]
    patterns: list[Pattern]
    antipatterns: list[Pattern] = field(default_factory=list)
    severity: Severity = "error"
    source: str = "grammar"
    derive: Derive = field(default_factory=dict)
    _anchors: list[frozenset[str] | None] | None = field(default=None, repr=False)

    def may_match(self, present: set[str]) -> bool:
        """False when every pattern needs a word that `present` lacks."""
        return any(a is None or not a.isdisjoint(present) for a in self.anchors)

    @property
    def anchors(self) -> list[frozenset[str] | None]:
        if self._anchors is None:
            self._anchors = [p.anchor for p in self.patterns]
        return self._anchors

    def find(self, toks: Sequence[Tok], i: int, text: str) -> Issue | None:
        """The issue when a pattern matches at toks[i] and no antipattern covers it."""
        for pattern in self.patterns:
            hit = pattern.match(toks, i, text)
            if hit is None:
                continue
            marked = [t for t in hit[pattern.mark[0] : pattern.mark[1]] if t is not None]
            if not marked:
                continue
            start, end = toks[marked[0]].start, toks[marked[-1]].end
            if self._cancelled(toks, i, start, end, text):
                return None
            words = [toks[t] if t is not None else None for t in hit]
            fixes = [f for f in (_fill(fix, words, text[start:end], self.derive) for fix in self.fixes) if f]
            if self.fixes and not fixes:
                continue
            message = self.message.replace("{fix}", fixes[0] if fixes else "").replace(
                "{text}", text[start:end]
            )
            return issue(self.id, message, start, end, fixes, self.severity, self.source)
        return None

    def _cancelled(self, toks: Sequence[Tok], i: int, start: int, end: int, text: str) -> bool:
        """An antipattern matches words overlapping text[start:end] (looked for near toks[i])."""
        for anti in self.antipatterns:
            for j in range(max(0, i - _REACH), min(len(toks), i + _REACH)):
                hit = anti.match(toks, j, text)
                used = [toks[t] for t in hit or () if t is not None]
                if used and used[0].start < end and start < used[-1].end:
                    return True
        return False


def _fill(fix: str, words: list[Tok | None], marked: str, derive: Derive) -> str | None:
    """`fix` with its fields filled in (see the module docstring), None when one cannot be."""
    failed = False

    def field_text(m: re.Match[str]) -> str:
        nonlocal failed
        ref, tag = m.group(1), m.group(2)
        if ref == "A":
            return "{A}"
        if ref == "*":
            text, low = marked, marked.lower()
        else:
            tok = words[int(ref) - 1] if int(ref) <= len(words) else None
            if tok is None:
                failed = True
                return ""
            text, low = tok.text, tok.low
        if tag is None:
            return text
        form = derive.get(tag, {}).get(low) if tag in derive else (
            lexicon_en.adverb(low) if tag == "RB"
            else lexicon_en.adjective(low) if tag == "JJ"
            else lexicon_en.inflect(low, tag)
        )  # fmt: skip
        if form is None:
            failed = True
            return ""
        return match_case(text, form)

    out = _FIELD.sub(field_text, fix)
    if failed:
        return None
    out = _ARTICLE.sub(lambda m: ("an " if wants_an(m.group(1)) else "a ") + m.group(1), out)
    return match_case(marked, out) if out[:1].islower() else out


@dataclass(frozen=True)
class Example:
    """A sentence a rule must flag (`span` = the marked words) or leave alone (`span` None)."""

    rule: str
    text: str
    span: tuple[int, int] | None
    fix: str | None = None


def _example(rule: str, raw: str, fix: str | None = None) -> Example:
    if "**" not in raw:
        return Example(rule, raw, None)
    a = raw.index("**")
    b = raw.index("**", a + 2) - 2
    text = raw.replace("**", "")
    return Example(rule, text, (a, b), fix)


class RuleSet:
    """Rules from data files, indexed by the words their patterns start with."""

    def __init__(self, names: Sequence[str]) -> None:
        data = [_load(n) for n in ("classes_en.toml", *names)]
        classes: dict[str, frozenset[str]] = {}
        for d in data:
            classes.update(
                {k: frozenset(v.lower().replace("’", "'").split()) for k, v in d.get("classes", {}).items()}
            )
        self.classes = classes
        self.derive: Derive = {}
        for d in data:
            self.derive.update(d.get("derive", {}))
        self.rules: list[Rule] = []
        self.examples: list[Example] = []
        for d in data:
            for raw in d.get("rule", []):
                self._add(raw, classes)
        self._index: dict[str, list[Rule]] = {}
        self._scan: list[Rule] = []
        for rule in self.rules:
            firsts = [p.elems[0] for p in rule.patterns]
            if all(e.words and not e.special and not e.tags and not e.negated for e in firsts):
                for word in set().union(*(e.words for e in firsts)):
                    self._index.setdefault(word, []).append(rule)
            else:
                self._scan.append(rule)

    def _add(self, raw: dict, classes: dict[str, frozenset[str]]) -> None:  # type: ignore[type-arg]
        rid = raw["id"]
        fix = raw.get("fix", "")
        first_fix = fix.split("|")[0] if fix else None
        self.examples += [_example(rid, w, first_fix) for w in raw.get("wrong", [])]
        self.examples += [_example(rid, r) for r in raw.get("right", []) + raw.get("false_alarms", [])]
        if "pattern" not in raw:
            return  # a rule written in Python: only its examples live here
        patterns = raw["pattern"] if isinstance(raw["pattern"], list) else [raw["pattern"]]
        self.rules.append(Rule(
            id=rid,
            message=raw["message"],
            fixes=fix.split("|") if fix else [],
            patterns=[parse(p, classes) for p in patterns],
            antipatterns=[parse(p, classes) for p in raw.get("antipatterns", [])],
            severity=raw.get("severity", "error"),
            source=raw.get("source", "grammar"),
            derive=self.derive,
        ))  # fmt: skip

    def issues(self, toks: Sequence[Tok], text: str) -> Iterator[Issue]:
        """Every rule's issues in `toks`, one per span. A rule none of whose patterns can match
        the words present (see Pattern.anchor) is not tried."""
        present = {t.low for t in toks}
        scan = [r for r in self._scan if r.may_match(present)]
        seen: set[tuple[int, int]] = set()
        for i, tok in enumerate(toks):
            for rule in (*self._index.get(tok.low, ()), *scan):
                found = rule.find(toks, i, text)
                if found is not None and (found.offset, found.length) not in seen:
                    seen.add((found.offset, found.length))
                    yield found


def _load(name: str) -> dict:  # type: ignore[type-arg]
    return tomllib.loads(files("afterword.checks").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def rule_set(*names: str) -> RuleSet:
    """The rules of these data files (loaded once)."""
    return RuleSet(names)
