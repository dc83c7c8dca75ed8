"""Greeting and sign-off with the right names, and Japanese business-email conventions."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from afterword.checks.layout import pattern, terms

if TYPE_CHECKING:
    from afterword.checks.layout import Ctx
    from afterword.models import Interviewer, Person

TITLES = re.compile(r"^(mr|mrs|ms|mx|dr|prof)\.?\s+", re.IGNORECASE)
GENERIC = re.compile(r"hiring (manager|team)|team|sir|madam|all|there|everyone|to whom", re.I)


def _recipients(ctx: Ctx) -> list[Person | Interviewer]:
    if ctx.notes is None:
        return []
    return [ctx.recipient] if ctx.recipient else ctx.notes.recipients()


def _fold(name: str) -> str:
    return " ".join(name.replace(",", " ").split()).casefold()


def rule_greeting(ctx: Ctx) -> None:
    """Greeting with a name the notes give: `greet_as`, or the person as understood (issue 8) —
    full name, given name, title + family name; a group greeted as a group."""
    people = _recipients(ctx)
    if not people or ctx.channel == "phone":
        return
    names = [p.name for p in people]
    if ctx.language == "ja":
        _greeting_ja(ctx, names)
        return
    read = [f.recipient for f in ctx.facts]
    first = read[0].casual
    if ctx.lay.greeting is None:
        ctx.add("greeting", f"Open with a greeting that names them, e.g. “Dear {first},” "
                "(GUIDANCE C1: be respectful).", 0, 0)
        return
    start, end = ctx.lay.greeting
    line = ctx.body[start:end]
    m = re.match(terms()["greeting"]["en"] + r"[\s,]*(.*?)[\s,:!]*$", line, re.IGNORECASE)
    written = m.group(m.lastindex or 1).strip() if m else ""
    said = TITLES.sub("", written).strip()
    if not said:
        return
    at = start + line.rfind(written)
    good = {_fold(n) for r in read for n in (r.formal, r.casual, r.full, r.written) if "," not in n}
    titled = {_fold(r.family) for r in read if r.family}
    if _fold(written) in good or (written != said and _fold(said) in titled | good):
        return
    if any(r.group for r in read) and GENERIC.fullmatch(said) and not any(p.greet_as for p in people):
        return
    parts = {_fold(w) for r in read for w in (r.given, r.family, *r.full.split()) if w}
    if _fold(said) in parts or GENERIC.fullmatch(said) or _fold(said) in {_fold(n) for n in names}:
        if not all(r.sure for r in read) and _fold(said) in parts:
            return  # the name order is a guess: either part may be the one to use
        ask = list(dict.fromkeys(r for x in read for r in (x.casual, x.formal)))
        ctx.add("greeting", f"Greet them as “{'” or “'.join(ask)}”, not “{written}” (the name as "
                "the notes give it; GUIDANCE C1: be respectful).", at, len(written), "warning", ask)
        return
    close = difflib.get_close_matches(said, [*(r.casual for r in read), *names], 1, 0.5)
    ctx.add("greeting", f"“{said}” is not the name in the notes ({', '.join(names)}); names must "
            "be spelled exactly as in the notes (GUIDANCE C1: be respectful).",
            start + line.rfind(said), len(said), "error", close or [first])


def _compact(text: str) -> str:
    return text.replace(" ", "").replace("　", "").removesuffix("様")


def _greeting_ja(ctx: Ctx, names: list[str]) -> None:
    """宛名: the person as understood — family or full name (after a company, department or title),
    or a group's 宛名 (採用ご担当者様, 皆様) — with 様."""
    read = [f.recipient for f in ctx.facts]
    if ctx.lay.greeting is None:
        ctx.add("greeting", f"宛名がありません。冒頭に「{read[0].address}」と書いてください"
                "（GUIDANCE: 宛名は氏名＋様）。", 0, 0)
        return
    start, end = ctx.lay.greeting
    line = ctx.body[start:end]
    m = re.search(r"([^\s　]+(?:[ 　][^\s　]+)?)[ 　]*(様|さん|殿)$", line)
    said = m.group(1) if m else ""
    forms = {_compact(x) for r in read for x in (r.full, r.sama, r.address, r.family, r.written) if x}
    if not any(_compact(said).endswith(f) for f in forms if f):
        at = start + line.rfind(said) if said else start
        ctx.add("greeting", f"宛名「{said}」がメモの名前（{'、'.join(names)}）と違います。"
                "名前はメモのとおりに書いてください（GUIDANCE: 宛名は氏名＋様）。", at, len(said),
                "error", [_compact(read[0].sama)])
    elif m and m.group(2) != "様" and ctx.role != "recruiter":
        ctx.add("greeting", "宛名の敬称は「様」にしてください（GUIDANCE: 氏名＋様）。",
                start + m.start(2), 1, "warning", ["様"])


def rule_signoff(ctx: Ctx) -> None:
    """Sign-off with the sender's name as written in the notes."""
    if ctx.notes is None or ctx.channel == "phone":
        return
    name = ctx.notes.sender.name
    tail = ctx.body[ctx.lay.signature[0] :] if ctx.lay.signature else ctx.body[-80:]
    compact = tail.replace(" ", "").replace("　", "")
    lines = {ln.strip() for ln in tail.splitlines()}
    if re.sub(r"\s", "", name) in compact or name.split()[0] in lines:
        return
    words = re.findall(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?", tail) if ctx.language == "en" else []
    close = difflib.get_close_matches(name, words, 1, 0.6) + [
        w for w in words if difflib.get_close_matches(w, name.split(), 1, 0.75)
    ]
    base = len(ctx.body) - len(tail)
    if close:
        ctx.add("sign-off", f"“{close[0]}” is not your name as in the notes ({name}) (GUIDANCE C1: "
                "be respectful).",
                base + tail.find(close[0]), len(close[0]), "error", [name])
    else:
        ctx.add("sign-off", f"Sign off with your name, {name} (GUIDANCE C1: be respectful).",
                len(ctx.body), 0, "warning", [f"\n\n{name}"])


def rule_japanese(ctx: Ctx) -> None:
    """Japanese conventions: opening and closing set phrases, 名乗り, one register, no 二重敬語."""
    if ctx.language != "ja":
        return
    content = ctx.content
    if ctx.channel == "email":
        if not pattern("ja_opening", "ja").search(ctx.body):
            ctx.add("ja-opening", "冒頭の挨拶「お世話になっております。」（初めての相手には「突然の"
                    "ご連絡失礼いたします。」）を入れてください（GUIDANCE: 日本語ビジネスメールの作法）。",
                    ctx.lay.content[0], 0)
        if not pattern("ja_closing", "ja").search(ctx.body):
            ctx.add("ja-closing", "結びに「何卒よろしくお願いいたします。」を入れてください"
                    "（GUIDANCE: 日本語ビジネスメールの作法）。", ctx.lay.content[1], 0)
    if ctx.notes is not None:
        _self_intro(ctx)
    plain = re.compile(f"(?:{'|'.join(terms()['ja_plain_endings'])})(?=。)")
    if re.search(r"(です|ます)[。！]", content):
        for m in plain.finditer(content):
            at = ctx.lay.content[0] + m.start()
            ctx.add("ja-style-mix", f"「{m.group(0)}」は常体です。です・ます調にそろえてください"
                    "（GUIDANCE: 本文は丁寧語）。", at, len(m.group(0)))
    for wrong, right in terms()["ja_double_keigo"].items():
        for m in re.finditer(re.escape(wrong), ctx.body):
            ctx.add("ja-double-keigo", f"「{wrong}」は二重敬語です。「{right}」としてください"
                    "（GUIDANCE: 二重敬語を避ける）。", m.start(), len(wrong), "warning", [right])


def _self_intro(ctx: Ctx) -> None:
    assert ctx.notes is not None
    name = ctx.notes.sender.name
    family = name.split()[0]
    m = re.search(r"と申します", ctx.body)
    if m:
        before = ctx.body[max(0, m.start() - 12) : m.start()].replace(" ", "").replace("　", "")
        if family not in before:
            ctx.add("ja-self-intro", f"名乗りの名前がメモ（{name}）と違います（GUIDANCE: 名乗り）。",
                    m.start(), 0, "error", [])
        return
    if ctx.role == "candidate" and ctx.channel == "email" and f"{family}です" not in ctx.body:
        ctx.add("ja-self-intro", f"冒頭で「{name}と申します。」と名乗ってください（GUIDANCE: "
                "名乗り）。", ctx.lay.content[0], 0)
