"""Company news (GUIDANCE C5): is a news item the company's own trouble? (Instruction-like text:
`checks.injection`.)

`news_verdict` reads one item the way a careful reader would, in five steps, and says why:
1. trouble words and shapes (`trouble` rules in `data/news_<lang>.json`: results that fell, soft
   words for job cuts, frozen hiring, failed trials, recalls, lawsuits, breaches …);
2. figures compared with the year before ("$31m vs $40m last year", 「31億円（前期は40億円）」) read
   by direction, for metrics where more is better (revenue, profit, volumes);
3. `clear` rules that take trouble back: a product named after it ("fraud detection"), trouble
   overcome ("returned to profit", 黒字に転換), a case won (勝訴), none of it ("zero accidents"),
   an improvement ("cut delivery times");
4. whose trouble it is: a competitor's, a rival's or a whole industry's is not the company's;
5. what is left decides: any trouble → negative, else positive on good-news words, else neutral.

Word lists and their examples live in the data files; `tests/test_news_rules.py` runs every
example. Patterns use bounded windows only, so matching stays linear in the text length.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from afterword.checks.injection import is_instruction_like
from afterword.models import Language, NewsItem, Notes

NewsTone = Literal["negative", "positive", "neutral"]
LANGUAGES: tuple[Language, ...] = ("en", "ja")


@dataclass(frozen=True)
class Verdict:
    """What the guard decided about one news item, and why, in plain words."""

    tone: NewsTone
    reason: str = ""  # "revenue fell", "job cuts (希望退職)", "a product named after trouble"
    span: tuple[int, int] | None = None  # the words the reason is about, as offsets into the text
    rule: str = ""  # id of the rule that decided


@dataclass(frozen=True)
class _Rule:
    id: str
    group: str
    reason: str
    regexes: tuple[re.Pattern[str], ...]  # one per alternative, so overlapping matches all count
    word_start: bool = False  # English: a match must start at a word start
    scope: str = "match"  # clear rules: "match" (overlapping words), "segment" (same sentence part), "text"
    masks: frozenset[str] = frozenset({"*"})
    tone: NewsTone | None = None


@dataclass(frozen=True)
class _RuleSet:
    trouble: tuple[_Rule, ...]
    clear: tuple[_Rule, ...]
    good: re.Pattern[str]
    before: re.Pattern[str] | None  # another party named before the trouble (in its clause or segment)
    before_scope: str  # "clause" or "segment"
    after: tuple[re.Pattern[str], ...]  # … or right after it ("layoffs at competitors")
    start: re.Pattern[str] | None  # … or a whole market opens the sentence ("Global shipments …")
    appositive: re.Pattern[str] | None  # "Dorrit, a rival of Halvane, …": the sentence is about another
    metrics: tuple[tuple[str, re.Pattern[str]], ...]  # revenue, profit, volumes, costs …
    lower_is_better: frozenset[str]  # metrics where a fall is good news (costs, losses)
    metric_scope: str  # where a figure's metric is looked for: "clause" or "segment"
    comparisons: tuple[re.Pattern[str], ...]  # a figure against the year before: groups now, before
    segment: re.Pattern[str]  # sentence parts: sentence ends and contrast words
    clause: re.Pattern[str]  # finer parts for whose trouble it is


_DEF = re.compile(r"\{([A-Z]+)\}")
_JA_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3}")
_WORD_CHAR = re.compile(r"[a-z0-9]")
_BLANKS = re.compile(r"\s+")
_DROPPED = "\"“”「」『』"  # quotation marks carry no meaning here: '"reshaping" its workforce'
_QUOTES = re.compile("[’‘" + _DROPPED + "]")
_NEAR = 80  # how far back a metric or another party is looked for (keeps the work per hit bounded)

# Figures for the year-on-year comparison. Quantifiers are bounded (linear time on long input).
_NUM = r"\d[\d,]{0,20}(?:\.\d{1,6})?"
_SCALE_JA = {"兆": 1e12, "億": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
_SCALE_EN = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
             "b": 1e9, "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
_JA_UNITS = "|".join(sorted(_SCALE_JA, key=len, reverse=True))
_EN_UNITS = "|".join(sorted(_SCALE_EN, key=len, reverse=True))
_FIG = (rf"(?<![0-9a-z.])(?:[$€£¥] ?)?(?:{_NUM}(?:{_JA_UNITS})){{1,3}}(?:円|ドル|ユーロ)?"
        rf"|(?<![0-9a-z.])(?:[$€£¥] ?)?{_NUM}(?: ?(?:{_EN_UNITS})(?![a-z]))?"
        rf"(?: ?(?:%|percent|円|ドル|ユーロ|units|台|件|人|ポイント))?")
_WINDOW = r"(?:[^.;\d]|(?<=[a-z])\d){0,30}?"  # no other figure in between (Q3, FY26 are fine)


def _pattern(parts: str | list[str], defs: dict[str, str]) -> str:
    body = "|".join(parts) if isinstance(parts, list) else parts
    for _ in range(3):  # defs may use defs
        body = _DEF.sub(lambda m: defs.get(m.group(1), m.group(0)), body)
    return body


def _compile(parts: str | list[str], defs: dict[str, str]) -> re.Pattern[str]:
    """Patterns match the lower-cased text (faster than IGNORECASE: literal prefixes stay fast)."""
    return re.compile(f"(?:{_pattern(parts, defs)})".lower().replace("(?p<", "(?P<"))


def _each(parts: list[str], defs: dict[str, str]) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile(p, defs) for p in parts)


def _finditer(rule: _Rule, text: str) -> Iterator[re.Match[str]]:
    for regex in rule.regexes:
        pos = 0
        while (m := regex.search(text, pos)) is not None:
            start = m.start()
            if not rule.word_start or start == 0 or not _WORD_CHAR.match(text, start - 1):
                yield m
                pos = max(m.end(), start + 1)
            else:
                pos = start + 1


def rule_data(language: Language) -> dict[str, Any]:
    """The raw rule file for one language (patterns with their examples)."""
    text = files("afterword.checks").joinpath(f"data/news_{language}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _rules(language: Language) -> _RuleSet:
    data = rule_data(language)
    defs: dict[str, str] = {**data["defs"], "FIG": _FIG, "WINDOW": _WINDOW}

    words = language == "en"

    def word(parts: str | list[str]) -> re.Pattern[str]:
        """A pattern that, in English, starts at a word start ("rivals" is not in "arrivals")."""
        return re.compile((r"(?<![a-z0-9])" if words else "") + _compile(parts, defs).pattern)

    def optional(key: str) -> re.Pattern[str] | None:
        body = data["others"].get(key)
        return word(body) if body else None

    trouble = tuple(_Rule(r["id"], r["group"], r["reason"], _each(r["pattern"], defs), words)
                    for r in data["trouble"])
    clear = tuple(_Rule(c["id"], "clear", c["reason"], _each(c["pattern"], defs), words,
                        c["scope"], frozenset(c["masks"]), c["tone"]) for c in data["clear"])
    others = data["others"]
    return _RuleSet(
        trouble=trouble,
        clear=clear,
        good=word(data["good"]["pattern"]),
        before=optional("before"),
        before_scope=others.get("before_scope", "clause"),
        after=tuple(re.compile(_pattern(p, defs).lower()) for p in others["after"]),
        start=optional("start"),
        appositive=optional("appositive"),
        metrics=tuple((name, word(p)) for name, p in data["metrics"].items()),
        lower_is_better=frozenset(data["lower_is_better"]),
        metric_scope=data["metric_scope"],
        comparisons=_each(data["comparisons"], defs),
        segment=re.compile(data["segment"]),
        clause=re.compile(data["clause"]),
    )


def _normalize(text: str) -> tuple[str, list[int]]:
    """NFKC and lower case per character, blanks collapsed; `origin[i]` is where char i came from."""
    out: list[str] = []
    origin: list[int] = []
    low = text.lower()
    if (len(low) == len(text) and unicodedata.is_normalized("NFKC", text)
            and not _QUOTES.search(text)):  # the common case, fast
        pos = len(text) - len(text.lstrip())
        for m in _BLANKS.finditer(low, pos):
            out += (low[pos:m.start()], " ")
            origin += range(pos, m.start() + 1)
            pos = m.end()
        out.append(low[pos:])
        origin += range(pos, len(text) + 1)
        return "".join(out), origin
    for i, ch in enumerate(text):
        if ch in _DROPPED:
            continue
        if ch in "’‘":
            ch = "'"
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                origin.append(i)
            continue
        for c in unicodedata.normalize("NFKC", ch):
            low = c.lower()
            out.append(" " if c.isspace() else low if len(low) == 1 else c)
            origin.append(i)
    origin.append(len(text))
    return "".join(out), origin


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    rule: _Rule
    reason: str


class _Reader:
    """One news text, normalised, with its sentence parts and clauses."""

    def __init__(self, text: str, rules: _RuleSet) -> None:
        self.text, self.origin = _normalize(text)
        self.rules = rules
        self.segments = [m.end() for m in rules.segment.finditer(self.text)]
        self.clauses = [m.end() for m in rules.clause.finditer(self.text)]

    @staticmethod
    def _part(ends: list[int], pos: int) -> int:
        return bisect_right(ends, pos)

    def segment_index(self, pos: int) -> int:
        return self._part(self.segments, pos)

    def clause_start(self, pos: int) -> int:
        i = self._part(self.clauses, pos)
        return self.clauses[i - 1] if i else 0

    def clause_end(self, pos: int) -> int:
        i = self._part(self.clauses, pos)
        return self.clauses[i] if i < len(self.clauses) else len(self.text)

    def segment_start(self, pos: int) -> int:
        i = self._part(self.segments, pos)
        return self.segments[i - 1] if i else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.origin[start], self.origin[max(start, end - 1)] + 1

    def words(self, start: int, end: int) -> str:
        return self.text[start:end].strip()[:40]

    def hits(self) -> list[_Hit]:
        """Every trouble match, widened to whole words ("right-size" → "right-sized")."""
        out = []
        for rule in self.rules.trouble:
            for m in _finditer(rule, self.text):
                start, end = m.span()
                while rule.word_start and end < len(self.text) and _WORD_CHAR.match(self.text, end):
                    end += 1
                if end > start:
                    out.append(_Hit(start, end, rule, rule.reason.replace("{0}", self.words(start, end))))
        return out

    def comparisons(self) -> tuple[list[_Hit], list[_Hit]]:
        """Figures against the year before, for a named metric: (worse ones, better ones)."""
        worse: list[_Hit] = []
        better: list[_Hit] = []
        for regex in self.rules.comparisons:
            for m in regex.finditer(self.text):
                metric = self._metric(m.start())
                now, before = _value(m.group("now")), _value(m.group("before"))
                if metric is None or now is None or before is None or (
                        "%" in m.group("now")) != ("%" in m.group("before")):
                    continue
                a, b = _same_scale(now, before)
                if a == b:
                    continue
                bad = (a < b) != (metric in self.rules.lower_is_better)
                rule = _Rule("figures-" + ("worse" if bad else "better"), "results", "", (regex,))
                reason = (f"{metric} {'fell' if a < b else 'rose'} "
                          f"({m.group('now').strip()} vs {m.group('before').strip()})")
                (worse if bad else better).append(_Hit(m.start(), m.end(), rule, reason))
        return worse, better

    def _metric(self, pos: int) -> str | None:
        """The metric named closest before a figure, in its clause (None if none)."""
        start = self.segment_start(pos) if self.rules.metric_scope == "segment" else self.clause_start(pos)
        window = self.text[max(start, pos - _NEAR):pos]
        best: tuple[int, str] | None = None
        for name, regex in self.rules.metrics:
            for m in regex.finditer(window):
                if best is None or m.start() >= best[0]:
                    best = (m.start(), name)
        return best[1] if best else None

    def others(self, hit: _Hit) -> bool:
        """True when the trouble belongs to someone else: a rival, competitors, the industry."""
        r, seg = self.rules, self.segment_start(hit.start)
        while seg < hit.start and self.text[seg] == " ":
            seg += 1
        begin = max(seg if r.before_scope == "segment" else self.clause_start(hit.start), hit.start - _NEAR)
        if r.before and (m := r.before.search(self.text, begin, hit.end)) and m.start() < hit.start:
            return True
        if any(a.match(self.text, hit.end, self.clause_end(hit.start)) for a in r.after):
            return True
        return any(p is not None and p.match(self.text, seg) for p in (r.start, r.appositive))


class _Masks:
    """The `clear` matches of one text, indexed so each trouble hit is checked in bounded time."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        spans = sorted(((m.start(), m.end(), c) for c in reader.rules.clear if c.scope == "match"
                        for m in _finditer(c, reader.text)), key=lambda t: t[0])
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.longest = max((e - s for s, e, _ in spans), default=0)
        self.segments: dict[int, list[_Rule]] = {}
        self.anywhere: list[_Rule] = []  # scope "text": anywhere in the item
        for c in reader.rules.clear:
            if c.scope == "segment":
                for m in _finditer(c, reader.text):
                    self.segments.setdefault(reader.segment_index(m.start()), []).append(c)
            elif c.scope == "text" and next(_finditer(c, reader.text), None):
                self.anywhere.append(c)

    def find(self, hit: _Hit) -> _Rule | None:
        """The first clear rule that takes this trouble back, if any."""
        def applies(c: _Rule) -> bool:
            return "*" in c.masks or hit.rule.group in c.masks

        lo = bisect_left(self.starts, hit.start - self.longest)
        for s, e, c in self.spans[lo:bisect_left(self.starts, hit.end)]:
            if s < hit.end and hit.start < e and applies(c):
                return c
        seg = self.segments.get(self.reader.segment_index(hit.start), [])
        return next((c for c in seg + self.anywhere if applies(c)), None)


def _value(figure: str) -> tuple[float, float] | None:
    """(number, scale) of a figure such as "$41m", "1.2 billion", "31億5000万円", "12%"."""
    parts = re.findall(rf"(\d[\d,]{{0,20}}(?:\.\d{{1,6}})?) ?({_JA_UNITS}|{_EN_UNITS})?(?![a-z])",
                       figure)
    if not parts:
        return None
    total, scale = 0.0, 1.0
    for number, unit in parts:
        factor = _SCALE_JA.get(unit) or _SCALE_EN.get(unit.lower(), 1.0)
        scale = max(scale, factor)
        total += float(number.replace(",", "") or 0) * factor
    return total, scale


def _same_scale(now: tuple[float, float], before: tuple[float, float]) -> tuple[float, float]:
    """Values on one scale: "$31m vs 40" reads the 40 as millions."""
    (a, sa), (b, sb) = now, before
    if sa == 1.0 and sb > 1.0:
        a *= sb
    elif sb == 1.0 and sa > 1.0:
        b *= sa
    return a, b


def _script_languages(text: str, language: Language) -> list[Language]:
    """The notes' language first, then the other one when the text has words in its script."""
    other: Language = "ja" if language == "en" else "en"
    has_other = _JA_SCRIPT.search(text) if other == "ja" else _LATIN_WORD.search(text)
    return [language, other] if has_other else [language]


def news_verdict(text: str, language: Language = "en") -> Verdict:
    """Whether a news item reports the company's own trouble (C5), with the reason in plain words.

    `language` is the notes' language; a headline pasted in the other language is read by that
    language's rules as well.
    """
    cleared: list[tuple[_Hit, _Rule | None, _Reader]] = []
    good: list[Verdict] = []
    for lang in _script_languages(text, language):
        reader = _Reader(text, _rules(lang))
        worse, better = reader.comparisons()
        masks = _Masks(reader)
        hits = sorted(reader.hits() + worse, key=lambda h: (h.start, h.start - h.end))
        for hit in hits:
            by = masks.find(hit)
            if by is None and not reader.others(hit):
                return Verdict("negative", hit.reason, reader.span(hit.start, hit.end), hit.rule.id)
            cleared.append((hit, by, reader))
        good += [Verdict("positive", h.reason, reader.span(h.start, h.end), h.rule.id) for h in better]
        # good-news words inside a trouble phrase ("profit" in "cut its profit forecast") don't count
        for m in reader.rules.good.finditer(reader.text):
            if not any(h.start < m.end() and m.start() < h.end for h in hits):
                good.append(Verdict("positive", f"good news ({reader.words(*m.span())})",
                                    reader.span(*m.span()), "good"))
                break
    if cleared:
        hit, by, reader = cleared[0]
        reason, rule, tone = (by.reason, by.id, by.tone) if by else (
            "trouble at another company or in the whole industry", "others", None)
        final: NewsTone = tone or ("positive" if good else "neutral")
        return Verdict(final, f"{reason}: “{reader.words(hit.start, hit.end)}”",
                       reader.span(hit.start, hit.end), rule)
    return good[0] if good else Verdict("neutral")


def classify_news(text: str) -> NewsTone:
    """`negative` if the item reports the company's own trouble (C5), else `positive`/`neutral`."""
    return news_verdict(text, "ja" if _JA_SCRIPT.search(text) else "en").tone


def usable_news(notes: Notes) -> list[NewsItem]:
    """The news items a draft may mention: good news, or items the person marked `ok` (C5);
    never instruction-like text. The prompt and the offline composer both take theirs from here."""
    return [item for item in notes.company.news
            if (item.ok or news_verdict(item.text, notes.language).tone == "positive")
            and not is_instruction_like(item.text)]


# --- Drafts: trouble words in data/news_terms.json ------------------------------------------------

def _compile_terms(fragments: list[str], *, word_start: bool) -> re.Pattern[str]:
    prefix = r"(?<![A-Za-z])" if word_start else ""
    return re.compile(prefix + "(?:" + "|".join(fragments) + ")", re.IGNORECASE)


@cache
def _terms() -> dict[str, re.Pattern[str]]:
    data = json.loads(files("afterword.checks").joinpath("data/news_terms.json").read_text("utf-8"))
    return {
        "strong": re.compile(
            f"{_compile_terms(data['en']['strong'], word_start=True).pattern}"
            f"|{_compile_terms(data['ja']['strong'], word_start=False).pattern}",
            re.IGNORECASE,
        ),
    }


def trouble_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of unmistakable trouble words (lawsuit, layoffs, 不祥事…) in a draft."""
    return [m.span() for m in _terms()["strong"].finditer(text)]
