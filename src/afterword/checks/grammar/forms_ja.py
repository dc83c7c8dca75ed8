"""Verb forms from the morphemes: ら抜き, い抜き, さ入れ, and doubled particles.

Examples and word lists in `forms_ja.toml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from afterword.checks.grammar.common_ja import JTok, issue, rule_data
from afterword.models import Issue

DATA = "forms_ja.toml"


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(rule_data(DATA)[key])


# ---------------------------------------------------------------- ら抜き言葉
_RANUKI_WORDS = {"見れる": "見られる", "来れる": "来られる", "これる": "こられる"}


def ranuki(toks: list[JTok]) -> Iterator[Issue]:
    for i, tok in enumerate(toks):
        if tok.pos != "動詞":
            continue
        if tok.base in _RANUKI_WORDS:  # janome has 見れる/来れる as words of their own
            stem = tok.surface[: tok.surface.find("れ")]  # 見れ(ない) → 見
            yield _ranuki(tok.start, tok.end, tok.surface, stem + "られ" + tok.surface[len(stem) + 1 :])
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            nxt is not None
            and nxt.base == "れる"
            and nxt.pos_detail == "接尾"
            and nxt.start == tok.end
            and (tok.infl_type == "一段" or tok.infl_type.startswith("カ変"))
            and tok.infl_form.startswith("未然")
        ):
            yield _ranuki(tok.start, nxt.end, tok.surface + nxt.surface, tok.surface + "ら" + nxt.surface)


def _ranuki(start: int, end: int, wrong: str, fix: str) -> Issue:
    msg = (f"ら抜き言葉です：「{wrong}」は書き言葉では「{fix}」とします"
           "（一段動詞・「来る」の可能形は「られる」）。")  # fmt: skip
    return issue("JA_RANUKI", msg, start, end, [fix])


# ---------------------------------------------------------------- い抜き言葉
def inuki(toks: list[JTok]) -> Iterator[Issue]:
    """〜てます / 〜てる / 〜てた / 〜てない: the い of いる dropped (colloquial in an e-mail)."""
    for i in range(1, len(toks)):
        verb, te = toks[i - 1], toks[i]
        if verb.pos != "動詞" or te.start != verb.end:
            continue
        if te.pos == "助詞" and te.surface in ("て", "で") and i + 1 < len(toks):
            aux = toks[i + 1]  # 確認し|て|ます: janome reads ます straight after て
            if aux.base != "ます" or aux.start != te.end:
                continue
            last, fixed = _tail(toks, i + 1), te.surface + "い"
        elif te.pos == "動詞" and te.pos_detail == "非自立" and te.base in ("てる", "でる"):
            last, fixed = _tail(toks, i), te.surface[0] + "い" + te.surface[1:]  # てる→ている
        else:
            continue
        start, end = verb.start, toks[last].end
        wrong = "".join(t.surface for t in toks[i - 1 : last + 1])
        fix = verb.surface + fixed + "".join(t.surface for t in toks[i + 1 : last + 1])
        msg = f"い抜き言葉です：「{wrong}」は話し言葉です。書き言葉では「{fix}」とします。"
        yield issue("JA_INUKI", msg, start, end, [fix], "warning")


def _tail(toks: list[JTok], i: int) -> int:
    """Index of the last auxiliary of the verb group that ends at toks[i] (ます|た, ませ|ん)."""
    while i + 1 < len(toks) and toks[i + 1].pos == "助動詞" and toks[i + 1].start == toks[i].end:
        if toks[i + 1].base not in ("ます", "た", "ない", "ん", "です", "ぬ"):
            break
        i += 1
    return i


# ---------------------------------------------------------------- さ入れ言葉
def saire(toks: list[JTok]) -> Iterator[Issue]:
    """読ま|させ (五段 verb + させる) for 読ませる; 行かさ|せ (janome's 行かす) for 行かせる."""
    for verb, suffix in pairwise(toks):
        if verb.pos != "動詞" or suffix.pos_detail != "接尾" or suffix.start != verb.end:
            continue
        if not verb.infl_type.startswith("五段") or not verb.infl_form.startswith("未然"):
            continue
        if suffix.base == "させる":  # 読ま|させ, 話さ|させ
            wrong, fix = verb.surface + suffix.surface, verb.surface + suffix.surface[1:]
        elif (
            suffix.base == "せる"
            and verb.infl_type.startswith("五段・サ行")
            and verb.surface.endswith("さ")
            and len(verb.surface) >= 3
            and verb.surface[-2] in "かがたなばまらわ"
            and verb.base not in _words("sa_row_verbs")
        ):  # 行かさ|せ: a made-up 〜aす verb; 減らさ|せ (減らす) is a real one
            wrong, fix = verb.surface + suffix.surface, verb.surface[:-1] + suffix.surface
        else:
            continue
        msg = f"さ入れ言葉です：「{wrong}」は「{fix}」とします（五段動詞の使役は「〜せる」）。"
        yield issue("JA_SAIRE", msg, verb.start, suffix.end, [fix])


# ---------------------------------------------------------------- 助詞の重複
_PARTICLES = set("をがのにはでへとも")


def doubled_particles(toks: list[JTok]) -> Iterator[Issue]:
    for a, b in pairwise(toks):
        same = a.surface == b.surface and a.end == b.start
        if same and a.surface in _PARTICLES and "助詞" in (a.pos, b.pos):
            msg = f"助詞「{a.surface}」が重複しています。一つ削除してください。"
            yield issue("JA_DOUBLED_PARTICLE", msg, a.start, b.end, [a.surface])


def check(toks: list[JTok]) -> Iterator[Issue]:
    """Every verb-form issue in the morphemes of a text."""
    yield from ranuki(toks)
    yield from inuki(toks)
    yield from saire(toks)
    yield from doubled_particles(toks)
