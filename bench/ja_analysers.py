"""Which morphological analyser should the Japanese checker read? janome (what ships) against
sudachipy + sudachidict_core and fugashi + unidic-lite, when they are installed.

Each analyser's morphemes are mapped to the IPADIC-style fields the rules read (`JTok`), and the
same rules run on our own dev rows (tests/data/grammar_ja_dev.jsonl — a regression set, so the
figures compare analysers, they are not accuracy). Printed per analyser: recall on the rows whose
rules read morphemes (ら抜き, い抜き, さ入れ, mixed style) and on all rows, false alarms on the
correct rows, warm ms to analyse and to check the 250-character e-mail, first-load seconds, and
the installed size of the analyser and its dictionary.

Measured 2026-12-01 on 307 dev rows (2 cores, heavily loaded): all three reach the same recall
(1.00) and false alarms (0.000) once mapped; janome checks the 408-character e-mail in ~30 ms
(tokenising is nearly all of it), sudachipy ~4 ms, fugashi ~6 ms; installed 212 / 207 / 262 MB.
sudachipy refuses an input over 49,149 bytes (a long text needs chunking). janome stays: it meets
the 100 ms target, is already a dependency and is pure Python; another analyser would add ~200 MB
for speed we do not need.

Run: PYTHONPATH=src:bench python bench/ja_analysers.py   (sudachipy/fugashi on sys.path if tried)
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from _timing import median_ms

from afterword.checks.grammar.common_ja import JTok
from afterword.checks.grammar.offline_ja import OfflineJaChecker

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "grammar_ja_dev.jsonl"
EMAIL = (ROOT / "tests" / "data" / "drafts" / "ja_thank_you_250.txt").read_text("utf-8")
TOKEN_KINDS = {"ra-nuki", "i-nuki", "sa-ire", "mixed-style"}
Morph = tuple[str, str, str, str, str, str]  # surface, pos1, pos2, conjugation type, form, base


def _infl_type(ctype: str) -> str:
    """UniDic/Sudachi conjugation type → IPADIC's (五段-マ行 → 五段・マ行, 下一段-ア行 → 一段)."""
    if ctype.startswith("五段-"):
        return "五段・" + ctype[3:]
    if "一段" in ctype:
        return "一段"
    return {"カ行変格": "カ変・来ル", "サ行変格": "サ変・スル"}.get(ctype, ctype.replace("助動詞-", "特殊・"))


def _infl_form(cform: str) -> str:
    if cform.startswith("未然形"):
        return "未然形"
    if cform.startswith(("終止形", "連体形")):
        return "基本形"
    if cform.startswith("連用形"):
        return "連用形" if cform.endswith("一般") else "連用タ接続"
    return cform


# UniDic parts of speech → IPADIC's, where the rules read them (。 is 補助記号, 使い|やすい 接尾辞).
_POS = {
    ("補助記号", ""): "記号",
    ("空白", ""): "記号",
    ("形状詞", ""): "名詞",
    ("接尾辞", "形容詞的"): "形容詞",
}


class Adapted(OfflineJaChecker):
    """The checker reading another analyser's morphemes, mapped to IPADIC-style fields."""

    def __init__(self, analyse: Callable[[str], list[Morph]]) -> None:
        self.analyse = analyse

    def tokens(self, text: str) -> list[JTok]:
        out, pos = [], 0
        for surface, pos1, pos2, ctype, cform, base in self.analyse(text):
            start = text.find(surface, pos)
            pos = start + len(surface)
            if pos1 == "助動詞" and base in ("れる", "られる", "せる", "させる"):
                pos1, pos2 = "動詞", "接尾"  # IPADIC's 動詞,接尾 (見|られる, 読ま|させる)
            elif pos1 == "助動詞" and base in ("てる", "でる"):
                pos1, pos2 = "動詞", "非自立"
            pos1 = _POS.get((pos1, pos2), _POS.get((pos1, ""), pos1))
            out += self._split_ranuki(surface, pos1, pos2, _infl_type(ctype), _infl_form(cform), base, start)
        return out

    def _split_ranuki(self, surface: str, pos1: str, pos2: str, itype: str, iform: str, base: str,
                      start: int) -> list[JTok]:  # fmt: skip
        """UniDic lists 食べれる as a word; IPADIC reads 食べ|れる, which the rule expects."""
        cut = surface.rfind("れ")
        if pos1 == "動詞" and base.endswith("れる") and cut > 0 and _ichidan(self.analyse, base[:-2] + "る"):
            stem = surface[:cut]
            return [JTok(stem, "動詞", "自立", "一段", "未然形", base[:-2] + "る", start),
                    JTok(surface[cut:], "動詞", "接尾", "一段", iform, "れる", start + cut)]  # fmt: skip
        return [JTok(surface, pos1, pos2, itype, iform, base, start)]


_LOOKUPS: dict[int, dict[str, bool]] = {}


def _ichidan(analyse: Callable[[str], list[Morph]], verb: str) -> bool:
    """Is `verb` (食べる, 取る) one 一段 verb for this analyser? (取れる is a 五段 potential.)"""
    seen = _LOOKUPS.setdefault(id(analyse), {})
    if verb not in seen:
        morphs = analyse(verb)
        seen[verb] = len(morphs) == 1 and morphs[0][1] == "動詞" and "一段" in morphs[0][3]
    return seen[verb]


def _sudachi() -> Callable[[str], list[Morph]]:
    from sudachipy import dictionary, tokenizer

    tok, mode = dictionary.Dictionary(dict="core").create(), tokenizer.Tokenizer.SplitMode.A

    def analyse(text: str) -> list[Morph]:
        out = []
        for m in tok.tokenize(text, mode):
            p = m.part_of_speech()
            out.append((m.surface(), p[0], p[1], p[4], p[5], m.dictionary_form()))
        return out

    return analyse


def _fugashi() -> Callable[[str], list[Morph]]:
    import fugashi

    tagger = fugashi.Tagger()

    def analyse(text: str) -> list[Morph]:
        out = []
        for w in tagger(text):
            f = w.feature
            out.append((w.surface, f.pos1, f.pos2, f.cType or "*", f.cForm or "*", f.orthBase or w.surface))
        return out

    return analyse


@cache
def _size(*packages: str) -> float:
    """Installed size in MB of the packages' directories."""
    total = 0
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            root = Path(next(iter(spec.submodule_search_locations)))
            total += sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    return total / 1e6


def score(checker: OfflineJaChecker, rows: list[dict]) -> tuple[float, float, float, float]:
    """Recall on the morpheme kinds, recall on all, false alarms, ms per row."""
    found = {"tok": [0, 0], "all": [0, 0]}
    alarms = correct = 0
    started = time.perf_counter()
    for row in rows:
        ctx = row["context"]
        issues = [i for i in checker.check(row["text"], "ja", role=ctx["role"], medium=ctx["medium"])
                  if i.severity != "info"]  # fmt: skip
        if row["kind"] == "correct":
            correct += 1
            alarms += bool(issues)
            continue
        start = row["text"].index(row["error"])
        hit = any(i.offset < start + len(row["error"]) and start < i.offset + i.length for i in issues)
        for key in ("tok", "all") if row["kind"] in TOKEN_KINDS else ("all",):
            found[key][0] += hit
            found[key][1] += 1
    ms = (time.perf_counter() - started) * 1000 / len(rows)
    return found["tok"][0] / found["tok"][1], found["all"][0] / found["all"][1], alarms / correct, ms


def main() -> None:
    rows = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    candidates: list[tuple[str, Callable[[], OfflineJaChecker], tuple[str, ...]]] = [
        ("janome 0.5 (IPADIC)", OfflineJaChecker, ("janome",)),
        ("sudachipy + core (mode A)", lambda: Adapted(_sudachi()), ("sudachipy", "sudachidict_core")),
        ("fugashi + unidic-lite", lambda: Adapted(_fugashi()), ("fugashi", "unidic_lite")),
    ]
    print(f"dev rows: {len(rows)} (regression set: compares analysers, not accuracy)")
    print(f"  {'analyser':<27}{'recall tok':>11}{'recall':>8}{'false al.':>10}{'ms/row':>8}"
          f"{'tok ms':>8}{'check ms':>9}{'load s':>8}{'MB':>6}")  # fmt: skip
    for name, make, packages in candidates:
        if any(importlib.util.find_spec(p) is None for p in packages):
            print(f"  {name:<27}not installed")
            continue
        started = time.perf_counter()
        checker = make()
        checker.tokens("読み込み")
        load = time.perf_counter() - started
        checker.warm()
        tok_recall, recall, alarms, ms = score(checker, rows)
        t_tok = median_ms(lambda c=checker: c.tokens(EMAIL), 30)  # type: ignore[misc]
        t_check = median_ms(lambda c=checker: c.check(EMAIL, "ja"), 30)  # type: ignore[misc]
        print(f"  {name:<27}{tok_recall:>11.2f}{recall:>8.2f}{alarms:>10.3f}{ms:>8.1f}"
              f"{t_tok:>8.1f}{t_check:>9.1f}{load:>8.2f}{_size(*packages):>6.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
