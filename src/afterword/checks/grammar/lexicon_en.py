"""What an English word can be: its possible Penn tags and its inflections, from lemminflect's
lexicon (MIT; the lexicon ships inside the package, built from the NIH SPECIALIST lexicon and
AGID, with British spellings). No context: a rule combines these with the words around.

Tags: NN NNS (nouns), VB VBP VBZ VBD VBN VBG (verbs), JJ JJR JJS (adjectives), RB (adverbs).

The two tables are read straight from lemminflect's package data (≈ 40 ms) instead of importing
lemminflect, which imports numpy and builds two dicts of 120,000 entries (≈ 0.4 s) for its
neural fallback we do not use. A lookup answers what lemminflect's `getAllLemmas` and
`getAllInflections` answer for a lower-case word (tests compare the two).
"""

from __future__ import annotations

import bisect
import gzip
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import NamedTuple

_UPOS_TAG = {"ADJ": "JJ", "ADV": "RB"}
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")
_UPOS_TAGS = {
    "VERB": _VERB_TAGS,
    "AUX": _VERB_TAGS,
    "ADJ": ("JJ", "JJR", "JJS"),
    "ADV": ("RB", "RBR", "RBS"),
    "NOUN": ("NN", "NNS", "NNP", "NNPS"),
}
# infl_lu.csv.gz: `lemma,category,column,…`; the columns each category has, and its base tags
_COLUMNS = {
    "noun": ("NNS",), "adj": ("JJR", "JJS"), "adv": ("RBR", "RBS"), "verb": ("VBD", "VBN", "VBG", "VBZ"),
}
_BASE = {"noun": ("NN",), "adj": ("JJ",), "adv": ("RB",), "verb": ("VB", "VBP")}
# lemminflect's own entries for the auxiliaries and modals, which replace the table's
_AUX_MODAL: dict[str, dict[str, tuple[str, ...]]] = {
    "can": {"VB": ("can",), "VBD": ("could",)},
    "may": {"VB": ("may",), "VBD": ("might",)},
    "will": {"VB": ("will",), "VBD": ("would",)},
    "shall": {"VB": ("shall",), "VBD": ("should",)},
    "must": {"VB": ("must",), "VBD": ("must",)},
    "ought": {"VB": ("ought",), "VBD": ("ought",)},
    "dare": {"VB": ("dare",)},
    "be": {
        "VB": ("be",), "VBD": ("was", "were"), "VBG": ("being",), "VBN": ("been",),
        "VBP": ("am", "are"), "VBZ": ("is",),
    },
}


class _Tables(NamedTuple):
    lemmas: list[str]  # `word,category,lemma/lemma`, sorted
    inflections: list[str]  # `lemma,category,forms,…`, sorted
    lemma_overrides: dict[str, dict[str, tuple[str, ...]]]  # word → {UPOS: (lemma,)}
    inflection_overrides: dict[str, dict[str, tuple[str, ...]]]  # lemma → {tag: (form,)}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    spec = find_spec("lemminflect")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed (pip install lemminflect)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources"

    def lines(name: str) -> list[str]:
        with gzip.open(folder / name, "rt", encoding="utf-8") as fh:
            return sorted(fh.read().splitlines())

    def overrides(name: str) -> dict[str, dict[str, tuple[str, ...]]]:
        found: dict[str, dict[str, tuple[str, ...]]] = {}
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                word, key, out = line.split(",")
                found.setdefault(word, {})[key] = (out,)
        return found

    return _Tables(
        lines("lemma_lu.csv.gz"), lines("infl_lu.csv.gz"),
        overrides("lemma_overrides.csv"), overrides("infl_overrides.csv"),
    )


def _rows(table: list[str], word: str) -> list[str]:
    """What follows `word,` on each of its lines in a sorted table."""
    if not word or "," in word:
        return []
    prefix = word + ","
    rows = []
    at = bisect.bisect_left(table, prefix)
    while at < len(table) and table[at].startswith(prefix):
        rows.append(table[at][len(prefix) :])
        at += 1
    return rows


@lru_cache(maxsize=50_000)
def _all_lemmas(low: str) -> dict[str, tuple[str, ...]]:
    """UPOS → the lemmas of the lower-case word `low` (lemminflect's `getAllLemmas`)."""
    tables = _tables()
    lemmas: dict[str, tuple[str, ...]] = {}
    for row in _rows(tables.lemmas, low):
        category, forms = row.split(",")
        lemmas["AUX" if category == "modal" else category.upper()] = tuple(forms.split("/"))
    lemmas.update(tables.lemma_overrides.get(low, {}))
    return {upos: tuple(w.lower() for w in words) for upos, words in lemmas.items()}


@lru_cache(maxsize=20_000)
def _all_inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """Tag → the forms of the lower-case `lemma` (lemminflect's `getAllInflections`)."""
    tables = _tables()
    forms: dict[str, tuple[str, ...]] = {}
    if lemma in _AUX_MODAL:
        forms.update(_AUX_MODAL[lemma])
    else:
        for row in _rows(tables.inflections, lemma):
            category, *columns = row.split(",")
            for tag, column in zip(_COLUMNS[category], columns, strict=True):
                if column:
                    forms[tag] = tuple(column.split("/"))
            forms.update((tag, (lemma,)) for tag in _BASE[category])
    forms.update(tables.inflection_overrides.get(lemma, {}))
    return {tag: tuple(w.lower() for w in words) for tag, words in forms.items()}


def warm() -> None:
    """Load the lexicon now (the first lookup otherwise pays for it)."""
    tags("warm")


@lru_cache(maxsize=50_000)
def tags(word: str) -> frozenset[str]:
    """Every Penn tag `word` can carry (lower-cased lookup); empty for an unknown word."""
    low = word.lower()
    found: set[str] = set()
    for upos, lemmas in _all_lemmas(low).items():
        for lemma in lemmas:
            forms = _inflections(lemma, upos)
            hits = {tag for tag, words in forms.items() if words and words[0] == low}
            hits = hits or {tag for tag, words in forms.items() if low in words}  # "travelled"
            if not hits and upos in _UPOS_TAG:
                hits = {_UPOS_TAG[upos]}
            found |= hits or {"NN" if upos == "NOUN" else "VB" if upos in ("VERB", "AUX") else upos}
    return frozenset(found)


def known(word: str) -> bool:
    """True when the lexicon has `word` (in any dialect's spelling)."""
    return bool(tags(word))


def _inflections(lemma: str, upos: str) -> dict[str, tuple[str, ...]]:
    """The inflections of `lemma` as `upos`, with VBN = VBD where the lexicon leaves VBN out
    ("interested")."""
    allowed = _UPOS_TAGS.get(upos, ())
    forms = {tag: words for tag, words in _all_inflections(lemma.lower()).items() if tag in allowed}
    if "VBD" in forms and "VBN" not in forms:
        forms["VBN"] = forms["VBD"]
    return forms


@lru_cache(maxsize=20_000)
def inflect(word: str, tag: str) -> str | None:
    """`word` (any form) inflected to `tag` ("went", "VBN" → "gone"), or None."""
    upos = "NOUN" if tag.startswith("NN") else "ADJ" if tag.startswith("JJ") else "VERB"
    for lemma in _all_lemmas(word.lower()).get(upos, ()):
        forms = _inflections(lemma, upos).get(tag)
        if forms:
            return str(forms[0])
    return None


def plural_noun(word: str) -> bool:
    """A noun in the plural, never singular ("engineers", "shows"; not "data", "series")."""
    t = tags(word)
    return "NNS" in t and "NN" not in t


def singular_noun(word: str) -> bool:
    """A singular noun with a distinct plural ("month" → "months"; not "staff", "news")."""
    t = tags(word)
    return "NN" in t and "NNS" not in t and inflect(word, "NNS") not in (None, word.lower())


def adverb(adjective: str) -> str | None:
    """The -ly adverb of `adjective` the lexicon knows ("effective" → "effectively")."""
    low = adjective.lower()
    stems = [low + "ly"]
    if low.endswith("y"):
        stems.append(low[:-1] + "ily")
    if low.endswith("le"):
        stems.append(low[:-1] + "y")
    if low.endswith("ic"):
        stems.append(low + "ally")
    if low.endswith(("ll", "ue")):
        stems.append(low + "y" if low.endswith("ll") else low[:-1] + "ly")
    return next((s for s in stems if "RB" in tags(s)), None)


def adjective(adverb: str) -> str | None:
    """The adjective of an -ly `adverb` the lexicon knows ("significantly" → "significant")."""
    low = adverb.lower()
    if not low.endswith("ly") or tags(low) != {"RB"}:
        return None  # "only", "early", "daily" are adjectives too
    stem = low[:-2]
    stems = [stem, stem + "e", low[:-3] + "y", low[:-1] + "e", low[:-4], low[:-1]]
    return next((s for s in stems if "JJ" in tags(s)), None)
