"""What an English word can be: its possible Penn tags and its inflections, from lemminflect's
lexicon (MIT; the lexicon ships inside the package, built from the NIH SPECIALIST lexicon and
AGID, with British spellings). No context: a rule combines these with the words around.

Tags: NN NNS (nouns), VB VBP VBZ VBD VBN VBG (verbs), JJ JJR JJS (adjectives), RB (adverbs).
"""

from __future__ import annotations

from functools import lru_cache

_UPOS_TAG = {"ADJ": "JJ", "ADV": "RB"}


@lru_cache(maxsize=1)
def _lemminflect():  # type: ignore[no-untyped-def]
    import lemminflect  # imported on first use: it loads its lexicon (≈ 0.5 s)

    return lemminflect


def warm() -> None:
    """Load the lexicon now (the first lookup otherwise pays for it)."""
    tags("warm")


@lru_cache(maxsize=50_000)
def tags(word: str) -> frozenset[str]:
    """Every Penn tag `word` can carry (lower-cased lookup); empty for an unknown word."""
    low = word.lower()
    li = _lemminflect()
    found: set[str] = set()
    for upos, lemmas in li.getAllLemmas(low).items():
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
    """lemminflect's inflections, with VBN = VBD where it leaves VBN out ("interested")."""
    forms = dict(_lemminflect().getAllInflections(lemma, upos=upos))
    if "VBD" in forms and "VBN" not in forms:
        forms["VBN"] = forms["VBD"]
    return forms


@lru_cache(maxsize=20_000)
def inflect(word: str, tag: str) -> str | None:
    """`word` (any form) inflected to `tag` ("went", "VBN" → "gone"), or None."""
    upos = "NOUN" if tag.startswith("NN") else "ADJ" if tag.startswith("JJ") else "VERB"
    for lemma in _lemminflect().getAllLemmas(word.lower(), upos=upos).get(upos, ()):
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
