"""One register and one width: です・ます調とである調の混在, 全角・半角の混在.

Examples in `style_ja.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.checks.grammar.common_ja import JTok, issue, sentences
from afterword.models import Issue

DATA = "style_ja.toml"

# ---------------------------------------------------------------- です・ます調 / である調
_QUOTED = re.compile(r"「[^「」]*+」|『[^『』]*+』")  # a quote never spans the next opening bracket
_PLAIN_FIX = (
    ("である", "です"),
    ("であった", "でした"),
    ("だった", "でした"),
    ("ではない", "ではありません"),
    ("じゃない", "ではありません"),
    ("だ", "です"),
)
_FINAL_PARTICLES = {"か", "ね", "よ", "な", "わ", "ぞ"}
_END_MARKS = ("。", "！", "？", "!", "?")


def _sentence_style(words: list[JTok]) -> str | None:
    """'polite', 'plain' or None (a noun ending, a fragment) for one sentence's words."""
    while words and words[-1].pos == "助詞" and words[-1].surface in _FINAL_PARTICLES:
        words = words[:-1]
    if not words:
        return None
    if any(t.base in ("です", "ます", "くださる", "ござる") for t in words[-4:]):
        return "polite"
    last = words[-1]
    if last.pos == "助動詞" and last.base in ("だ", "た", "ない", "ある", "ぬ", "う", "まい"):
        return "plain"
    if last.pos in ("動詞", "形容詞") and last.infl_form.startswith("基本形"):
        return "plain"
    return None


def _predicate(words: list[JTok]) -> JTok:
    """Back over the auxiliaries to the predicate: 重要|で|ある → 重要, 重要|で|は|ない → 重要."""
    head = len(words) - 1
    while head > 0 and words[head].pos == "助動詞":
        head -= 1
    if words[head].base == "ない" and [w.surface for w in words[max(0, head - 2) : head]] == ["で", "は"]:
        head -= 2
    return words[head]


def _unquoted(toks: list[JTok], quoted: list[tuple[int, int]]) -> list[JTok]:
    """The words outside quotations (a quoted sentence keeps its own style)."""
    out, q = [], 0
    for t in toks:
        while q < len(quoted) and quoted[q][1] <= t.start:
            q += 1
        inside = q < len(quoted) and quoted[q][0] < t.start
        if not inside and t.pos != "記号" and t.surface.strip():
            out.append(t)
    return out


def mixed_style(text: str, toks: list[JTok]) -> Iterator[Issue]:
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    words = _unquoted(toks, quoted)
    masked = _QUOTED.sub(lambda m: m.group()[0] + "＿" * (len(m.group()) - 2) + m.group()[-1], text)
    styles: list[tuple[str, JTok, list[JTok]]] = []  # (style, predicate, predicate to sentence end)
    i = 0
    for m in sentences(masked):
        if not m.group().endswith(_END_MARKS):
            continue  # a heading, a list item, a signature line: no sentence, no register
        while i < len(words) and words[i].start < m.start():
            i += 1
        j = i
        while j < len(words) and words[j].end <= m.end():
            j += 1
        sentence, i = words[i:j], j
        style = _sentence_style(sentence)
        if style is not None:
            head = _predicate(sentence)
            styles.append((style, head, sentence[sentence.index(head) :]))
    polite = [s for s in styles if s[0] == "polite"]
    plain = [s for s in styles if s[0] == "plain"]
    if not polite or not plain:
        return
    minority, major = (
        (plain, "敬体（です・ます調）") if len(polite) >= len(plain) else (polite, "常体（だ・である調）")
    )
    for _, head, tail in minority:
        start, end = head.start, tail[-1].end
        ending = text[start:end]
        fixes = [] if minority is polite else _polite(ending, head, tail)
        msg = (f"文体が混在しています：ほかの文は{major}です。この文末「{ending}」も"
               "同じ文体にそろえてください。")  # fmt: skip
        yield issue("JA_MIXED_STYLE", msg, start, end, fixes, "warning")


_U_TO_I = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))


def _polite(ending: str, head: JTok, tail: list[JTok]) -> list[str]:
    """The です・ます form of a plain ending: 重要である → 重要です, 良かった → 良かったです,
    大切にする → 大切にします, 勉強になった → 勉強になりました (none when unsure)."""
    fixes = [ending[: -len(w)] + r for w, r in _PLAIN_FIX if ending.endswith(w)][:1]
    if head.pos == "形容詞":
        return [ending + "です"]
    if head.pos != "動詞" or any(t.base not in ("た", "ない") for t in tail[1:]):
        return fixes
    auxes = {t.base for t in tail[1:]}
    polite = {frozenset(): "ます", frozenset({"た"}): "ました", frozenset({"ない"}): "ません",
              frozenset({"ない", "た"}): "ませんでした"}[frozenset(auxes)]  # fmt: skip
    return [_masu_stem(head) + polite] if _masu_stem(head) else fixes


def _masu_stem(verb: JTok) -> str:
    """書く → 書き, 食べる → 食べ, 確認する → 確認し, くださる → ください ('' when unknown)."""
    base, kind = verb.base, verb.infl_type
    if kind == "五段・ラ行特殊":
        return base[:-1] + "い"
    if kind.startswith("五段") and base[-1:] in _U_TO_I:
        return base[:-1] + _U_TO_I[base[-1]]
    if kind == "一段":
        return base[:-1]
    if kind.startswith("サ変") and base.endswith("する"):
        return base[:-2] + "し"
    return {"来る": "来", "くる": "き"}.get(base, "") if kind.startswith("カ変") else ""


# ---------------------------------------------------------------- 全角・半角の混在
_FULL_DIGIT, _HALF_DIGIT = re.compile(r"[０-９]++"), re.compile(r"[0-9]++")
_FULL_LATIN, _HALF_LATIN = re.compile(r"[Ａ-Ｚａ-ｚ]++"), re.compile(r"[A-Za-z]++")
# URLs and e-mail addresses are always half-width. Possessive runs, matched from their start
# only (the look-behinds): a long run without "@" is scanned once, in linear time.
_ADDRESS = re.compile(
    r"(?<![\w/.:-])(?:https?://|www\.)[!-~]++|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]++"
)


def _to_half(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) for c in s)


def _to_full(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in s)


def mixed_width(text: str) -> Iterator[Issue]:
    prose = _ADDRESS.sub(lambda m: " " * len(m.group()), text)
    for full_re, half_re, what in ((_FULL_DIGIT, _HALF_DIGIT, "数字"), (_FULL_LATIN, _HALF_LATIN, "英字")):
        full, half = list(full_re.finditer(prose)), list(half_re.finditer(prose))
        if not full or not half:
            continue
        minority, convert, width = (
            (full, _to_half, "半角") if len(half) >= len(full) else (half, _to_full, "全角")
        )
        for m in minority:
            msg = f"全角と半角の{what}が混在しています。ほかの箇所に合わせて{width}にそろえてください。"
            yield issue("JA_MIXED_WIDTH", msg, m.start(), m.end(), [convert(m.group())], "warning")


def check(text: str, toks: list[JTok]) -> Iterator[Issue]:
    """Every register and width issue in `text`."""
    yield from mixed_style(text, toks)
    yield from mixed_width(text)
