"""敬語 by whose action it is: 二重敬語, one's own action in 尊敬語, and the pattern rules of
`keigo_ja.toml` (the reader's action in 謙譲語, 弊社/貴社/御社 by role and medium)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from afterword.checks.grammar import patterns_ja
from afterword.checks.grammar.common_ja import Context, issue, rule_data
from afterword.models import Issue

DATA = "keigo_ja.toml"

# ---------------------------------------------------------------- 二重敬語
# 尊敬語 verb + れる/られる, or お〜になる + れる: the stem before "られ"/"れ" and how it conjugates.
_HONORIFIC_RARE = re.compile(
    r"(おっしゃ|仰|いらっしゃ|なさ|くださ|召し上が|おいでにな|[おご][\u4e00-\u9fff]{1,3}[ぁ-ゖ]{0,3}?にな)られ(ます|ました|ません|る|た|て|ない)"
)  # "お力になれる" (can help) is a potential form, not 二重敬語: only られ counts
_I_ONBIN = ("おっしゃ", "仰", "いらっしゃ", "なさ", "くださ")  # おっしゃいます, not おっしゃります
_ENDINGS = {"る": "る", "た": "った", "て": "って", "ない": "らない"}
# 謙譲語 that already means "humbly do" + させていただく: お伺い (three layers) is certainly wrong;
# 拝見させていただく and the like are common and debated, so only a warning.
_HUMBLE_SASETE = re.compile(r"(お伺い|拝見|拝読|拝聴|拝受|拝借)させていただ(きます|きました|く)")
_HUMBLE_FIX = {"きます": "いたします", "きました": "いたしました", "く": "いたす"}
_UKAGAU_FIX = {"きます": "伺います", "きました": "伺いました", "く": "伺う"}


def double_keigo(text: str) -> Iterator[Issue]:
    for m in _HONORIFIC_RARE.finditer(text):
        stem, ending = m.group(1), m.group(2)
        if ending.startswith("ま"):
            fix = stem + ("い" if stem in _I_ONBIN else "り") + ending
        else:
            fix = stem + _ENDINGS[ending]
        msg = (f"二重敬語です：「{m.group()}」は尊敬語に尊敬の「れる・られる」を重ねています。"
               f"「{fix}」としてください。")  # fmt: skip
        yield issue("JA_DOUBLE_KEIGO", msg, m.start(), m.end(), [fix])
    for m in _HUMBLE_SASETE.finditer(text):
        word, ending = m.group(1), m.group(2)
        if word == "お伺い":
            fix, rule, level = _UKAGAU_FIX[ending], "JA_DOUBLE_KEIGO", "error"
        else:
            fix, rule, level = word + _HUMBLE_FIX[ending], "JA_DOUBLE_KEIGO_HUMBLE", "warning"
        msg = (f"二重敬語です：「{word}」はすでに謙譲語なので「させていただく」は不要です。"
               f"「{fix}」としてください。")  # fmt: skip
        yield issue(rule, msg, m.start(), m.end(), [fix], level)  # type: ignore[arg-type]


# ---------------------------------------------------------------- one's own action in 尊敬語
# The writer (私…) or, for a recruiter, someone of the writer's own company (弊社の鈴木) as the
# subject, then a respectful verb in the same clause: no other subject (が, 様, さん) and no
# clause break (ので, ため, て、…) or relative clause in the past (した, った…) in between.
_OWN = r"(?:(?:私|わたくし|わたし|僕|当方|小生)(?:たち|ども|共)?|私ども|わたくしども|こちら(?=から|より))"
# The writer's own people, to an outsider: 私の上司, 上司 (not 田中様の上司), 私の父…
_OWN_PEOPLE = r"上司|部長|課長|係長|社長|役員|先輩|同僚|部下|父|母|兄|姉|家族|メンバー|リーダー|マネージャー"
_OWN_COMPANY = r"(?:弊社|当社)"
_BLOCK = r"様|さん|先生|殿|皆様|方[がはも]|が|ので|ため|けれど|けど|ところ|[てでばらし]、|した|った|いた|んだ"
_GENERIC = r"お[\u4e00-\u9fff]{1,2}[いきぎしちにびみりえけげせてねべめれ]にな(?:りました|ります|った|って|る)"
_GENERIC_FIX = {"りました": "しました", "ります": "します", "った": "した", "って": "して", "る": "する"}


@cache
def _own_action() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    forms: dict[str, str] = rule_data(DATA)["own_action"]
    verbs = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    gap = rf"(?:(?!{_BLOCK})[^。！？\n]){{0,30}}?"
    tail = rf"(?:が|は|も|から|より)(?!の){gap}(?P<v>{verbs}|{_GENERIC})(?![^。！？\n]{{0,3}}か)"
    people = rf"(?:私|わたくし|わたし|僕)の(?:{_OWN_PEOPLE})|(?<![様んの])上司"
    writer = re.compile(rf"(?:(?<![\u4e00-\u9fff]){_OWN}|{people}){tail}")
    word = r"[\u4e00-\u9fff\u30a1-\u30faー]"
    title = r"(?<![様んの\u4e00-\u9fff])(?:社長|部長|課長|役員|取締役|代表|人事部長|CTO|CEO)"
    titles = rf"{title}(?:の{word}{{1,6}}?)?"
    company = re.compile(rf"(?:{_OWN_COMPANY}(?:の(?:{word}{{1,8}}の)?{word}{{1,8}}?)?|{titles}){tail}")
    return writer, company, forms


def own_action(text: str, ctx: Context) -> Iterator[Issue]:
    writer, company, forms = _own_action()
    found = list(writer.finditer(text))
    if ctx.role == "recruiter":  # 弊社 (and its 社長) is the writer's own only when a recruiter writes
        found += company.finditer(text)
    for m in found:
        verb = m.group("v")
        if verb in forms:
            fix = forms[verb]
        else:
            stem = verb[: verb.index("にな")]
            fix = stem + _GENERIC_FIX[verb[verb.index("にな") + 2 :]]
        msg = f"自分（自社）の行為に尊敬語「{verb}」を使っています。謙譲語で「{fix}」としてください。"
        yield issue("JA_KEIGO_OWN_ACTION", msg, m.start("v"), m.end("v"), [fix], "warning")


def check(text: str, ctx: Context) -> Iterator[Issue]:
    """Every keigo issue in `text`."""
    yield from double_keigo(text)
    yield from own_action(text, ctx)
    yield from patterns_ja.find(DATA, text, ctx)
