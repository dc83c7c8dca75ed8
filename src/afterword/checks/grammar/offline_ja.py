"""Offline Japanese checker: janome tokens plus rules for what business e-mail gets wrong.

二重敬語, ら抜き言葉, です・ます調とである調の混在, 助詞の重複, 全角・半角の混在, and a few
fixed misspellings and 重言. Correct polite e-mail produces no issues.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import pairwise

from janome.tokenizer import Tokenizer

from afterword.checks.grammar.tokens_en import NOT_PROSE
from afterword.models import Issue, Severity

NAME = "offline-ja (janome + rules)"


def _issue(
    rule: str,
    message: str,
    start: int,
    end: int,
    fixes: list[str] | None = None,
    severity: Severity = "error",
    source: str = "grammar",
) -> Issue:
    return Issue(source=source, rule=rule, message=message, offset=start, length=end - start,  # type: ignore[arg-type]
                 replacements=fixes or [], severity=severity)  # fmt: skip


@dataclass(frozen=True, slots=True)
class JTok:
    surface: str
    pos: str  # 品詞 (first field)
    pos_detail: str  # 品詞細分類1
    infl_type: str
    infl_form: str
    base: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.surface)


# ---------------------------------------------------------------- 二重敬語
# 尊敬語 verb + れる/られる, or お〜になる + れる: the stem before "られ"/"れ" and how it conjugates.
_HONORIFIC_RARE = re.compile(
    r"(おっしゃ|いらっしゃ|なさ|くださ|召し上が|[おご][^\s。、「」]{1,8}?にな)られ(ます|ました|ません|る|た|て|ない)"
)  # "お力になれる" (can help) is a potential form, not 二重敬語: only られ counts
_I_ONBIN = ("おっしゃ", "いらっしゃ", "なさ", "くださ")  # おっしゃいます, not おっしゃります
_ENDINGS = {"る": "る", "た": "った", "て": "って", "ない": "らない"}
# 謙譲語 that already means "humbly do": adding させていただく doubles it.
_HUMBLE_SASETE = re.compile(r"(お伺い|拝見|拝読|拝聴|拝受|拝借)させていただ(きます|きました|く)")
_HUMBLE_FIX = {"きます": "いたします", "きました": "いたしました", "く": "いたす"}
_FIXED_WRONG: tuple[tuple[str, str, str, Severity, str], ...] = (
    ("こんにちわ", "こんにちは", "「こんにちは」の「は」は助詞なので「は」と書きます。", "error", "spelling"),
    ("こんばんわ", "こんばんは", "「こんばんは」の「は」は助詞なので「は」と書きます。", "error", "spelling"),
    ("各位様", "各位", "「各位」自体が敬称です。「様」は付けません。", "error", "grammar"),
    ("各位殿", "各位", "「各位」自体が敬称です。「殿」は付けません。", "error", "grammar"),
    ("御中様", "御中", "「御中」と「様」は併用しません。", "error", "grammar"),
    ("お体にご自愛", "ご自愛", "「ご自愛」は体を大切にする意味なので「お体に」は不要です（重言）。",
     "warning", "grammar"),
    ("まず最初に", "最初に", "「まず」と「最初に」は同じ意味です（重言）。", "warning", "grammar"),
    ("一番最初", "最初", "「一番」と「最初」は同じ意味です（重言）。", "warning", "grammar"),
    ("後で後悔", "後悔", "「後悔」は後でするものです（重言）。", "warning", "grammar"),
    ("頭痛が痛い", "頭が痛い", "「頭痛」と「痛い」が重複しています（重言）。", "warning", "grammar"),
    ("すいません", "すみません", "書き言葉では「すみません」が正式です。", "warning", "grammar"),
)  # fmt: skip


def double_keigo(text: str) -> Iterator[Issue]:
    for m in _HONORIFIC_RARE.finditer(text):
        stem, ending = m.group(1), m.group(2)
        if ending.startswith("ま"):
            fix = stem + ("い" if stem in _I_ONBIN else "り") + ending
        else:
            fix = stem + _ENDINGS[ending]
        msg = (f"二重敬語です：「{m.group()}」は尊敬語に尊敬の「れる・られる」を重ねています。"
               f"「{fix}」としてください。")  # fmt: skip
        yield _issue("JA_DOUBLE_KEIGO", msg, m.start(), m.end(), [fix])
    for m in _HUMBLE_SASETE.finditer(text):
        word, ending = m.group(1), m.group(2)
        fix = ("伺い" + ("ます" if ending == "きます" else "ました" if ending == "きました" else "う")
               if word == "お伺い" else word + _HUMBLE_FIX[ending])  # fmt: skip
        if word == "お伺い" and ending == "く":
            fix = "伺う"
        msg = (f"二重敬語です：「{word}」はすでに謙譲語なので「させていただく」は不要です。"
               f"「{fix}」としてください。")  # fmt: skip
        yield _issue("JA_DOUBLE_KEIGO", msg, m.start(), m.end(), [fix])
    for wrong, right, msg, severity, source in _FIXED_WRONG:
        for m in re.finditer(re.escape(wrong), text):
            yield _issue("JA_FIXED_EXPRESSION", msg, m.start(), m.end(), [right], severity, source)


# ---------------------------------------------------------------- ら抜き言葉
_RANUKI_WORDS = {"見れる": "見られる", "来れる": "来られる", "これる": "こられる"}


def ranuki(toks: list[JTok]) -> Iterator[Issue]:
    for i, tok in enumerate(toks):
        if tok.pos != "動詞":
            continue
        if tok.base in _RANUKI_WORDS:  # janome has 見れる/来れる as words of their own
            stem = tok.surface[: tok.surface.find("れ")]  # 見れ(ない) → 見
            fix = stem + "られ" + tok.surface[len(stem) + 1 :]
            yield _ranuki_issue(tok.start, tok.end, tok.surface, fix)
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            nxt is not None
            and nxt.base == "れる"
            and nxt.pos_detail == "接尾"
            and (tok.infl_type == "一段" or tok.infl_type.startswith("カ変"))
            and tok.infl_form.startswith("未然")
        ):
            wrong = tok.surface + nxt.surface
            yield _ranuki_issue(tok.start, nxt.end, wrong, tok.surface + "ら" + nxt.surface)


def _ranuki_issue(start: int, end: int, wrong: str, fix: str) -> Issue:
    msg = (f"ら抜き言葉です：「{wrong}」は書き言葉では「{fix}」とします"
           "（一段動詞・「来る」の可能形は「られる」）。")  # fmt: skip
    return _issue("JA_RANUKI", msg, start, end, [fix])


# ---------------------------------------------------------------- 助詞の重複
_PARTICLES = set("をがのにはでへとも")


def doubled_particles(toks: list[JTok]) -> Iterator[Issue]:
    for a, b in pairwise(toks):
        if (
            a.surface == b.surface
            and a.surface in _PARTICLES
            and "助詞" in (a.pos, b.pos)
            and a.end == b.start
        ):
            msg = f"助詞「{a.surface}」が重複しています。一つ削除してください。"
            yield _issue("JA_DOUBLED_PARTICLE", msg, a.start, b.end, [a.surface])


# ---------------------------------------------------------------- です・ます調 / である調
_SENTENCE = re.compile(r"[^。！？!?\n]*[。！？!?]")
_QUOTED = re.compile(r"「[^」]*」|『[^』]*』")
_PLAIN_FIX = (
    ("である", "です"),
    ("であった", "でした"),
    ("だった", "でした"),
    ("ではない", "ではありません"),
    ("じゃない", "ではありません"),
    ("だ", "です"),
)
_FINAL_PARTICLES = {"か", "ね", "よ", "な", "わ", "ぞ"}


def _sentence_style(toks: list[JTok]) -> str | None:
    """'polite', 'plain' or None (a noun ending, a fragment) for one sentence's tokens."""
    words = [t for t in toks if t.pos != "記号" and t.surface.strip()]
    while words and words[-1].pos == "助詞" and words[-1].surface in _FINAL_PARTICLES:
        words.pop()
    if not words:
        return None
    tail = words[-4:]
    if any(t.base in ("です", "ます") or t.base in ("くださる", "ござる") for t in tail):
        return "polite"
    last = words[-1]
    if last.pos == "助動詞" and last.base in ("だ", "た", "ない", "ある", "ぬ", "う", "まい"):
        return "plain"
    if last.pos in ("動詞", "形容詞") and last.infl_form.startswith("基本形"):
        return "plain"
    return None


def mixed_style(text: str, toks: list[JTok]) -> Iterator[Issue]:
    masked = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    styles: list[tuple[str, int, int, str]] = []  # (style, start, end, 品詞 of the predicate)
    for m in _SENTENCE.finditer(text):
        if any(a <= m.start() < b for a, b in masked):
            continue
        inside = [t for t in toks if m.start() <= t.start and t.end <= m.end()]
        style = _sentence_style(inside)
        words = [t for t in inside if t.pos != "記号" and t.surface.strip()]
        if style is not None and words:
            head = len(words) - 1  # back over the auxiliaries to the predicate: 重要|で|ある
            while head > 0 and words[head].pos == "助動詞":
                head -= 1
            if words[head].base == "ない" and [w.surface for w in words[max(0, head - 2) : head]] == [
                "で",
                "は",
            ]:  # 重要|で|は|ない
                head -= 2
            styles.append((style, words[head].start, words[-1].end, words[head].pos))
    polite = [s for s in styles if s[0] == "polite"]
    plain = [s for s in styles if s[0] == "plain"]
    if not polite or not plain:
        return
    minority, major = (
        (plain, "敬体（です・ます調）") if len(polite) >= len(plain) else (polite, "常体（だ・である調）")
    )
    for _, start, end, head_pos in minority:
        ending = text[start:end]
        fixes = [ending[: -len(w)] + r for w, r in _PLAIN_FIX if ending.endswith(w)][:1]
        if head_pos == "形容詞":  # 良かった → 良かったです
            fixes = [ending + "です"]
        if minority is polite:
            fixes = []
        msg = (f"文体が混在しています：ほかの文は{major}です。この文末「{ending}」も"
               "同じ文体にそろえてください。")  # fmt: skip
        yield _issue("JA_MIXED_STYLE", msg, start, end, fixes, "warning")


# ---------------------------------------------------------------- 全角・半角の混在
_FULL_DIGIT, _HALF_DIGIT = re.compile(r"[０-９]+"), re.compile(r"[0-9]+")
_FULL_LATIN, _HALF_LATIN = re.compile(r"[Ａ-Ｚａ-ｚ]+"), re.compile(r"[A-Za-z]+")


def _to_half(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) for c in s)


def _to_full(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in s)


def mixed_width(text: str) -> Iterator[Issue]:
    prose = NOT_PROSE.sub(lambda m: " " * len(m.group()), text)  # addresses are always half-width
    for full_re, half_re, what in ((_FULL_DIGIT, _HALF_DIGIT, "数字"), (_FULL_LATIN, _HALF_LATIN, "英字")):
        full, half = list(full_re.finditer(prose)), list(half_re.finditer(prose))
        if not full or not half:
            continue
        minority, convert, width = (
            (full, _to_half, "半角") if len(half) >= len(full) else (half, _to_full, "全角")
        )
        for m in minority:
            msg = f"全角と半角の{what}が混在しています。ほかの箇所に合わせて{width}にそろえてください。"
            yield _issue("JA_MIXED_WIDTH", msg, m.start(), m.end(), [convert(m.group())], "warning")


class OfflineJaChecker:
    """janome + rules. One tokenizer per process (loading its dictionary takes a moment)."""

    name = NAME
    _tokenizer: Tokenizer | None = None
    _lock = threading.Lock()

    def tokens(self, text: str) -> list[JTok]:
        """janome tokens with their offsets in `text`."""
        with self._lock:
            if OfflineJaChecker._tokenizer is None:
                OfflineJaChecker._tokenizer = Tokenizer()
            raw = list(OfflineJaChecker._tokenizer.tokenize(text))
        out, pos = [], 0
        for t in raw:
            start = text.find(t.surface, pos) if text[pos : pos + len(t.surface)] != t.surface else pos
            pos = start + len(t.surface)
            fields = t.part_of_speech.split(",")
            out.append(JTok(t.surface, fields[0], fields[1], t.infl_type, t.infl_form, t.base_form, start))
        return out

    def warm(self) -> None:
        """Load the dictionary and run one check."""
        self.check("お世話になっております。資料を拝見しました。", "ja")

    def check(
        self, text: str, language: str = "ja", vocabulary: Collection[str] = (), *, role: str = "candidate"
    ) -> list[Issue]:
        toks = self.tokens(text)
        found = [*double_keigo(text), *ranuki(toks), *doubled_particles(toks), *mixed_style(text, toks),
                 *mixed_width(text)]  # fmt: skip
        names = [(m.start(), m.end()) for v in vocabulary if len(v) > 1
                 for m in re.finditer(re.escape(v), text)]  # fmt: skip
        found = [i for i in found if not any(a <= i.offset and i.offset + i.length <= b for a, b in names)]
        return sorted(found, key=lambda i: (i.offset, i.length))
