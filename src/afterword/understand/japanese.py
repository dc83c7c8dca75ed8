"""Japanese notes read from the recipient's side with janome: plain-form sentences become noun
phrases or clauses that fit a frame, verbs are conjugated to 連用形 (「減った」→「減り」) for
「…し、…しました」, third-person references to the addressee are dropped, timelines and news are
turned into what the sender may politely say back."""

from __future__ import annotations

import re
from typing import Any

from afterword.understand.facts import Frame, NewsFact, QuoteFact, RaisedBy, Shape, TimelineFact, TopicFact
from afterword.understand.terms import canonical_ja

_GODAN_I = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))
_HEARSAY = ("とのことです", "とのこと", "らしいです", "らしい", "そうです", "そうだ", "そう", "みたいです",
            "みたい")
_REPORT_NOUN = re.compile(
    r"(?:を|について|に関して)(?:詳しく)?(?:ご?説明|ご?紹介|ご?案内|教え|話し|見せ|共有し)"
    r"(?:して|て)?(?:もらった|くれた|いただいた|くださった|いただきました|もらいました|くれました)$"
)
_REPORT_CLAUSE = re.compile(
    r"と(?:話して|言って|おっしゃって)(?:いた|いました|くれた|くださった|いただいた|た)$|と(?:話した|言った)$"
)
_DISCUSSED = re.compile(r"(?:について|を)?(?:議論|相談|意見交換)(?:した|しました)$")
_ASKED = re.compile(r"(?:について|を)(?:質問|聞かれ|聞かれた|尋ねられた|質問された)(?:た|ました)?$")
_TAIL_NOUN = re.compile(r"(?:の話|のお話|について|の件)$")
_TOLD = re.compile(r"(?:の話|のこと)を?(?:した|しました)$|について(?:話した|話しました)$")  # I told them
_TOLD_THAT = re.compile(r"と(?:正直に|率直に)?(?:話した|話しました|伝えた|伝えました|言った)$")
_QUOTE_END = re.compile(r"、と$")  # 「3ヶ月後くらいならまた話したい、と」
_NOTE = re.compile(r"\([^()]*\)$")  # a trailing parenthetical: 「夜勤の回数(月4〜5回)」
_ASKING = re.compile(r"(?:って|は)?(?:どんな感じ|どう|どのくらい|どれくらい|何|いつ)?[?？]+$")
_PREDICATE_NOUN = re.compile(r"のが[^、。のがは]{1,6}$")  # 「…Excel頼みなのが課題」: a statement
_SUBJECT = re.compile(r"^(?:彼女|彼|候補者|本人|ご本人)(?:は|が|も)、?")


def _tokens(text: str) -> list[Any]:
    """janome tokens, from the one tokenizer per process the offline Japanese checker keeps (its
    dictionary takes half a second and tens of MB to load)."""
    from janome.tokenizer import Tokenizer

    from afterword.checks.grammar.offline_ja import OfflineJaChecker

    with OfflineJaChecker._lock:
        if OfflineJaChecker._tokenizer is None:
            OfflineJaChecker._tokenizer = Tokenizer()
        return list(OfflineJaChecker._tokenizer.tokenize(text))


def person_name_parts(name: str) -> tuple[str, str] | None:
    """(family, given) of a name written without a space, when the dictionary knows the family name."""
    toks = _tokens(name)
    if len(toks) >= 2 and "人名,姓" in toks[0].part_of_speech:
        return toks[0].surface, "".join(t.surface for t in toks[1:])
    return None


def _pos(token: Any) -> str:
    return str(token.part_of_speech.split(",")[0])


def _renyou(token: Any) -> str | None:
    """The 連用形 of a verb token ("減っ"/減る → "減り"), None for other words."""
    base, kind = token.base_form, token.infl_type
    if kind.startswith("五段") and base[-1:] in _GODAN_I:
        return str(base[:-1] + _GODAN_I[base[-1]])
    if kind.startswith("一段"):
        return str(base[:-1])
    if kind.startswith("サ変"):
        return str(base[:-2] + "し")
    if kind.startswith("カ変"):
        return str(base[:-2] + ("来" if base.endswith("来る") else "き"))
    return None


def stem(text: str, *, result: bool = False) -> str | None:
    """A plain or polite sentence, or a noun phrase ending in a サ変 noun, as its 連用形 stem: the
    part before 「ました」 or 「、」 (「本番の不具合報告が半年で3割減った」→「…3割減り」,
    「在庫管理APIをGoで再実装」→「…再実装し」); a bare noun phrase as evidence becomes
    「…に携わり」, as a `result` None. None when it cannot be conjugated safely."""
    text = _NOTE.sub("", canonical_ja(text).strip().rstrip("。．.")).strip()
    toks = _tokens(text)
    while toks and _pos(toks[-1]) in ("助動詞", "記号") and toks[-1].base_form in ("た", "ます", "。"):
        toks.pop()
    if not toks:
        return None
    last = toks[-1]
    head = "".join(t.surface for t in toks[:-1])
    if _pos(last) == "動詞":
        form = _renyou(last)
        return head + form if form else None
    verbal_noun = "サ変接続" in last.part_of_speech and re.search(r"[\u3040-\u9fff]", last.surface)
    particles = [t.surface for t in toks if _pos(t) == "助詞"]
    if _pos(last) == "名詞" and re.search(r"[\u3040-\u309f]$", last.surface) and particles[-1:] == ["を"]:
        return text  # 「…環境を立ち上げ」: a verb's 連用形 used as a noun is already the stem
    if _pos(last) == "名詞" and verbal_noun:
        if particles and particles[-1] in ("を", "が", "に", "で", "と", "から", "へ"):
            return text + "し"
        return None if result else text + "に携わり"
    return None


def connective(text: str) -> str | None:
    """The stem joined to what follows: 「再実装し、」, or 「力を入れてきたことで、」 after a ていく/
    てくる/ている verb, whose bare stem reads badly before 「、」."""
    s = stem(text)
    if s is None:
        return None
    toks = _tokens(s)
    if len(toks) >= 2 and toks[-2].surface == "て" and _pos(toks[-1]) == "動詞":
        plain = canonical_ja(text).strip().rstrip("。．.")
        plain = plain[:-3] + "た" if plain.endswith("ました") else plain
        return f"{plain}ことで、"
    return f"{s}、"


def _ends_in_noun(text: str) -> bool:
    toks = _tokens(text)
    return bool(toks) and _pos(toks[-1]) == "名詞"


def _has_topic_wa(text: str) -> bool:
    return any(t.surface == "は" and "係助詞" in t.part_of_speech for t in _tokens(text))


def _drop_subject(text: str, names: tuple[str, ...]) -> str:
    for name in names:
        text = re.sub(rf"^{re.escape(name)}(?:さん|様|部長|課長|室長|所長|社長)?(?:は|が|も)、?", "", text)
    return _SUBJECT.sub("", text)


MAX_TOPIC_CHARS = 60
"""A longer topic is a pasted paragraph: no frame can hold it."""


def read_topics(
    text: str,
    *,
    field: str,
    raised_by: RaisedBy | None,
    own: bool,
    names: tuple[str, ...],
    sender_side: RaisedBy = "candidate",
) -> list[TopicFact]:
    """One topic as written → a fact per sentence (「…迷っている。…考えたいとのこと」 gives two), each a
    noun phrase or a clause that fits 「…というお話」 (see `_read_topic`)."""
    sentences = [s for s in re.split(r"(?<=。)", canonical_ja(text).strip()) if s.strip("。 ")]
    if len(sentences) > 1 and sentences[-1].endswith(_HEARSAY):  # 「A。Bとのこと」: both are hearsay
        sentences = [s.rstrip("。") + "とのこと" if not s.endswith(_HEARSAY) else s for s in sentences]
    return [
        TopicFact(field, text, s, "sentence", "unclear", raised_by, own) if len(s) > MAX_TOPIC_CHARS
        else _read_topic(s, field, raised_by, own, names, sender_side)
        for s in sentences
    ]


def _read_topic(
    text: str,
    field: str,
    raised_by: RaisedBy | None,
    own: bool,
    names: tuple[str, ...],
    sender_side: RaisedBy,
) -> TopicFact:
    """One sentence as a noun phrase (「チームのリリースフロー」) or a clause that fits 「…というお話」,
    with who raised it. Written to a candidate (recruiter notes), their interest, wishes and
    experience get the honorific ご (「SaaS業界へのご関心」)."""
    original = text
    t = canonical_ja(text).strip().rstrip("。．.!！")
    note = _NOTE.search(t) if not t.startswith("(") else None
    if note:
        t = t[: note.start()]
    if re.search("[↑↓]", t):  # 「4割↑」: up to, or up by? Either reading may be wrong
        return TopicFact(field, original, t, "fragment", "unclear", raised_by, own)
    t = _shorthand(t)
    sentences = [s for s in re.split(r"。", t) if s.strip()]
    shape: Shape = "sentence" if len(sentences) > 1 or original.strip().endswith("。") else "noun"
    frame: Frame = "subject"
    for suffix in _HEARSAY:
        if t.endswith(suffix):
            t, frame, shape = t[: -len(suffix)], "said", "sentence"
            break
    if m := _QUOTE_END.search(t):
        t, frame, shape = t[: m.start()], "said", "sentence"
    t = _drop_subject(t, names)
    by = raised_by
    if _TOLD_THAT.search(t):  # 「…と正直に話した」: my own words, which no frame holds
        return TopicFact(field, original, t, "sentence", "unclear", raised_by, own)
    if m := _TOLD.search(t):
        t, frame, shape, by = t[: m.start()], "subject", "sentence", by or sender_side
    elif m := _REPORT_NOUN.search(t):
        t, frame, shape, by = t[: m.start()], "subject", "sentence", by or "interviewer"
    elif m := _REPORT_CLAUSE.search(t):
        t, frame, shape, by = t[: m.start()], "said", "sentence", by or "interviewer"
    elif m := _DISCUSSED.search(t):
        t, frame, shape, by = t[: m.start()], "subject", "sentence", by or "both"
    elif m := _ASKED.search(t):
        t, frame, shape, by = t[: m.start()], "asked", "sentence", by or "interviewer"
    elif m := _TAIL_NOUN.search(t):
        t = t[: m.start()]
    t = t.strip("、 ")
    if len(sentences) > 1:
        frame = "unclear"  # two sentences in one topic: no single frame holds them
    elif not t:
        frame = "unclear"
    elif frame == "subject" and (_has_topic_wa(t) or _PREDICATE_NOUN.search(t)
                                 or not (_ends_in_noun(t) or t.endswith("か"))):
        frame, shape = "said", "clause" if shape == "noun" else shape
    if by == sender_side and frame != "unclear":
        frame = "mine"
    if sender_side == "interviewer":
        t = re.sub(r"(の|への)(関心|希望|経験|意向)$", r"\1ご\2", t)
    return TopicFact(field, original, t + (note.group(0) if note else ""), shape, frame, raised_by, own)


def _shorthand(text: str) -> str:
    """Note-taking shorthand as a plain sentence: a question and its answer after an arrow
    (「研修ってどんな感じ?→3ヶ月OJT」→「研修は3ヶ月OJT」, 「Kubernetes移行 → デプロイが速くなった」→
    「Kubernetes移行でデプロイが速くなった」), a label and a colon (「on-call体制:週替わり」→
    「on-call体制は週替わり」), 「…経験あり」→「…経験がある」."""
    parts = re.split(r"\s*(?:→|->|(?<!\d):(?!\d))\s*", text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        head, detail = _ASKING.sub("", parts[0]).strip(), parts[1]
        if head and _ends_in_noun(head):
            text = f"{head}{'は' if _ends_in_noun(detail) else 'で'}{detail}"
    return re.sub(r"(?<=[\u4e00-\u9fff\u30a0-\u30ff])あり$", "がある", text)


def plain_item(text: str, names: tuple[str, ...]) -> str:
    """A feedback or preparation item with the third-person subject dropped (「彼は受け答えが丁寧」
    → 「受け答えが丁寧」; 「本人も迷っている」→「ご自身も迷っている」)."""
    t = _drop_subject(canonical_ja(text).strip().rstrip("。"), names)
    t = re.sub(r"と[◎○]$", "とさらに良い", t)  # 「言語化できると◎」: a note-taker's mark for "better"
    return re.sub(r"(?<!ご)本人", "ご自身", t)


def read_timeline(text: str) -> TimelineFact:
    """「2週間以内に連絡します」→ expect 「2週間以内にご連絡をいただける」; 「1週間ほどで人事から連絡」→
    「1週間ほどで人事からご連絡をいただける」; a bare period 「来週中」→「来週中にご連絡をいただける」."""
    t = canonical_ja(text).strip().rstrip("。")
    for suffix in ("とのことです", "とのこと", "と言われた", "と言っていた"):
        t = t.removesuffix(suffix)
    m = re.search(r"(?:ご?連絡|お知らせ|回答|返事)(?:を)?(?:します|する|いたします|があると|があります|"
                  r"をいただける|いただける|がある|がくる|が来る|くれる|予定)?$", t)
    if m:
        head = t[: m.start()]
        verb = "お知らせいただける" if m.group(0).startswith("お知らせ") else "ご連絡をいただける"
        if head.endswith("結果"):
            head += "の"
        elif head.endswith("を"):
            head = head[:-1] + ("を" if verb.startswith("お知らせ") else "、")
            verb = verb if verb.startswith("お知らせ") else "ご連絡をいただける"
        expect = f"{head}{verb}"
    elif re.search(r"(以内|中|まで|までに|頃|ごろ)$", t):
        expect = f"{t if t.endswith('に') else t + 'に'}ご連絡をいただける"
    elif re.search(r"(週間|日|か月|ヶ月|カ月|週)(?:ほど|くらい|程度|前後)?$", t):
        expect = f"{t}でご連絡をいただける"
    else:
        expect = None
    return TimelineFact(text, None, "contact", expect)


def read_news(text: str, company: str) -> NewsFact:
    """「フィンテラが地方銀行3行と業務提携を発表」→ done 「地方銀行3行と業務提携を発表」 (for 「貴社が…
    されたこと」); None when the headline does not end in such a noun."""
    t = canonical_ja(text).strip().rstrip("。")
    short = re.sub(r"^(株式会社|有限会社|合同会社)|(株式会社|有限会社|合同会社)$", "", company).strip()
    m = re.match(rf"^(?:{re.escape(company)}|{re.escape(short)})(?:が|は|、|,)\s*", t) if short else None
    if not m:
        return NewsFact(text, None, None)
    rest = t[m.end() :]
    toks = _tokens(rest)
    ok = bool(toks) and _pos(toks[-1]) == "名詞" and "サ変接続" in toks[-1].part_of_speech
    return NewsFact(text, None, rest if ok else None)


def read_kind_words(
    text: str, *, field: str, names: tuple[str, ...], sender: tuple[str, ...] = ()
) -> QuoteFact:
    """Their words: polite direct speech is quoted as theirs (「…」とのお言葉); words reported about
    the addressee (their name, 彼/彼女, とのこと) are said back in the sender's voice, the sender's own
    name becoming 私 (「私の企画書を高く評価していただいていた」と伺い)."""
    t = canonical_ja(text).strip()
    about_them = "|".join(re.escape(n) for n in names if n) or "\x00"
    reported = re.search(rf"(?:{about_them})(?:さん|様|部長|課長|室長|所長|社長)|彼|とのこと|そう|らしい", t)
    if re.search(r"(です|ます|ました|でした|ません)[。！!]?$", t) and not reported:
        return QuoteFact(field, text, None, True, quote=t.rstrip("。"))
    clauses = []
    for part in re.split(r"[。]", t):
        part = part.strip().strip("、")
        for suffix in ("、とのこと", "とのこと", "らしい", "そうです", "そう"):
            part = part.removesuffix(suffix)
        part = _drop_subject(part.strip("、"), names)
        for name in sender:
            part = re.sub(rf"{re.escape(name)}(?:さん|様)?の", "私の", part)
            part = re.sub(rf"{re.escape(name)}(?:さん|様)", "私", part)
        part = re.sub(r"して(?:いた|いました)$", "していただいていた", part)
        part = re.sub(r"してくれた$", "してくださった", part)
        part = re.sub(r"かも$", "かもしれない", part)
        if part:
            clauses.append(part)
    return QuoteFact(field, text, None, True, clauses=tuple(clauses))
