"""The English lexicon reads lemminflect's tables itself (no numpy, no 0.4 s load): its lookups
must answer exactly what lemminflect answers, for the words of the tables and the overrides."""

from __future__ import annotations

import lemminflect
import pytest

from afterword.checks.grammar import lexicon_en


def _words() -> list[str]:
    tables = lexicon_en._tables()
    words = {line.split(",", 1)[0].lower() for line in tables.lemmas[::5] + tables.inflections[::5]}
    words |= set(tables.lemma_overrides) | set(tables.inflection_overrides)
    words |= {"can", "will", "be", "was", "were", "must", "dare", "fit", "lesser", "data", "travelled"}
    return sorted(words)


def test_lookups_match_lemminflect() -> None:
    for word in _words():
        lemmas = lexicon_en._all_lemmas(word)
        assert lemmas == lemminflect.getAllLemmas(word), word
        for upos, found in lemmas.items():
            for lemma in found:
                allowed = lexicon_en._UPOS_TAGS[upos]
                ours = {t: w for t, w in lexicon_en._all_inflections(lemma).items() if t in allowed}
                assert ours == lemminflect.getAllInflections(lemma, upos=upos), (word, lemma, upos)


@pytest.mark.parametrize(
    ("word", "tag", "expected"),
    [("went", "VBN", "gone"), ("month", "NNS", "months"), ("be", "VBZ", "is"), ("abdomen", "NNS", "abdomen")],
)
def test_inflect(word: str, tag: str, expected: str) -> None:
    assert lexicon_en.inflect(word, tag) == expected


def test_unknown_and_odd_words() -> None:
    assert lexicon_en.tags("qzxv") == frozenset()
    assert lexicon_en.tags("a,noun") == frozenset()  # a comma never reaches into the table's columns
    assert lexicon_en.tags("") == frozenset()
    assert {"NN", "VB"} <= lexicon_en.tags("Travel")
    assert lexicon_en.plural_noun("engineers") and not lexicon_en.plural_noun("data")
