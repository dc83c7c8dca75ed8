"""Text helpers shared by the checks: language detection, blocks, content words, fuzzy mentions."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

JA_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
EN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’+#-]*")
JA_CONTENT = re.compile(r"[\u30a0-\u30ff\u3400-\u9fffA-Za-z0-9]+")
BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
PLACEHOLDER = re.compile(
    r"\[(?=[^\]\n]{0,39}[^\W\d_])[^\]\n]{1,40}\]|"  # [Name], not a time or a footnote
    r"\{\{?[^{}\n]{1,40}\}?\}|<[A-Za-z][A-Za-z _-]{0,30}>|[○〇●◯]{2,}|"
    r"[★☆][^★☆\n]{0,30}[★☆]|＜[^＞\n]{1,20}＞|(?<![A-Za-z])(?:X{3,}|TODO|TBD)(?![A-Za-z])"
)


def is_japanese(text: str) -> bool:
    """True when the text has Japanese characters (kana or kanji)."""
    return JA_CHAR.search(text) is not None


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a file in `checks/data/`."""
    text = files("afterword.checks").joinpath(f"data/{name}").read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def common_en() -> frozenset[str]:
    """Common English words (lower case): stopwords and everyday vocabulary of follow-up notes."""
    return frozenset(w for line in data_lines("common_en.txt") for w in line.lower().split())


@dataclass(frozen=True)
class Block:
    """A paragraph of the body: `text` is body[start:end]."""

    start: int
    end: int
    text: str

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.text.splitlines() if ln.strip()]


def blocks(body: str) -> list[Block]:
    """Paragraphs separated by blank lines, with their offsets in the body."""
    out: list[Block] = []
    pos = 0
    for m in [*BLANK_LINE.finditer(body), None]:
        end = m.start() if m else len(body)
        chunk = body[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Block(pos + lead, pos + len(chunk.rstrip()), chunk.strip()))
        pos = m.end() if m else len(body)
    return out


def norm(text: str) -> str:
    """NFKC, lower case, single spaces: for comparing what a draft says with the notes."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A crude English stem, enough to match 'migrating' with 'migration'."""
    word = word.lower().strip("'’").removesuffix("'s")
    for suffix in ("ions", "ion", "ings", "ing", "ies", "ied", "es", "ed", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=512)
def content_terms(text: str, language: str) -> frozenset[str]:
    """Key terms of a phrase: English content-word stems, or Japanese character bigrams."""
    if language == "ja" or is_japanese(text):
        runs = JA_CONTENT.findall(unicodedata.normalize("NFKC", text))
        return frozenset(r[i : i + 2] for r in runs for i in range(len(r) - 1))
    common = common_en()
    return frozenset(
        stem(w) for w in EN_WORD.findall(text) if w.lower() not in common and len(w) > 2
    )


PREFIX = 4  # stems sharing this many letters may be one word in two forms (manager, management)


@lru_cache(maxsize=64)
def _by_prefix(terms: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for t in terms:
        if len(t) >= PREFIX:
            index.setdefault(t[:PREFIX], []).append(t)
    return {k: tuple(v) for k, v in index.items()}


def _used(term: str, draft_terms: frozenset[str], language: str) -> bool:
    if term in draft_terms:
        return True
    if language == "ja" or len(term) < PREFIX:
        return False
    return any(d.startswith(term) or term.startswith(d)
               for d in _by_prefix(draft_terms).get(term[:PREFIX], ()))


def coverage(phrase: str, draft_terms: frozenset[str], language: str) -> float:
    """Share of the phrase's key terms that the draft uses, in any form of the word (English
    stems match when one is the start of the other); 0 when the phrase has no key terms."""
    terms = content_terms(phrase, language)
    return sum(_used(t, draft_terms, language) for t in terms) / len(terms) if terms else 0.0


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentences: split after . ! ? 。 ！ ？ and at line breaks."""
    spans = []
    for m in re.finditer(r"[^\n.!?。！？]+[.!?。！？]*", text):
        s, e = m.span()
        while s < e and text[s] in " \t\u3000":
            s += 1
        if s < e:
            spans.append((s, e))
    return spans


def enclosing_sentences(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """The sentence around each offset, in one pass over the text (an offset between sentences
    gives the empty span at itself)."""
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    out = []
    for offset in offsets:
        k = bisect.bisect_right(starts, offset) - 1
        out.append(spans[k] if k >= 0 and offset < spans[k][1] else (offset, offset))
    return out
