"""English notes read from the recipient's side: third person about the addressee becomes second
person, report sentences ("He walked me through X") become the X they talked about, chat lines
lose their timestamp and speaker label, the interviewer's own words are said back in the
sender's voice. (Skills, timelines and news: `english_facts`.)"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from afterword.checks.grammar.lexicon_en import known
from afterword.checks.textutil import common_en
from afterword.understand.english_notes import (
    equation,
    indirect_question,
    label_and_detail,
    tidy_marks,
    without_asides,
)
from afterword.understand.facts import (
    Frame,
    QuoteFact,
    RaisedBy,
    Shape,
    TopicFact,
)
from afterword.understand.terms import canonical_en, is_term, without_emoji, words

_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d[\w.,:%$/-]*\w|\d|\S")
_ADVERBS = {"just", "also", "really", "still", "always", "never", "often", "usually", "already", "only",
            "actually", "probably", "definitely", "clearly", "even", "now", "currently", "then"}  # fmt: skip
_BE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
       "doesn't": "don't", "hasn't": "haven't", "'s": "'re"}  # fmt: skip
NOT_VERB_S = {"was", "is", "has", "does", "this", "always", "perhaps", "plus", "thus", "as", "us", "yes",
               "its", "his", "hers", "news", "less", "across", "unless", "towards"}  # fmt: skip
_CLAUSE_START = {"", ",", ";", "and", "but", "that", "if", "when", "because", "so", "or", "whether",
                 "since", "as", "while", "though", "although", "."}  # fmt: skip
DETERMINERS = {"the", "a", "an", "our", "my", "your", "his", "her", "their", "its", "this", "that",
                "these", "those", "some", "any", "each", "every", "no", "one", "two", "three", "how",
                "what", "why", "whether", "where", "when", "who", "which"}  # fmt: skip
_PREPOSITIONS = {"for", "of", "with", "on", "in", "at", "to", "from", "by", "about", "across", "between",
                 "into", "during", "after", "before", "under", "over", "who", "that", "which"}  # fmt: skip
_REPORT = re.compile(
    r"^(?:also\s+|just\s+)?(?P<verb>walked (?:me|us) through|talked (?:me|us) through|took (?:me|us) through|"
    r"showed (?:me|us)|explained|described|talked about|told (?:me|us) about|went over|went through|"
    r"presented|shared|mentioned|gave (?:me |us )?an overview of|introduced|outlined|covered|discussed|"
    r"pitched|demoed|demonstrated|spoke about|talked through)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"^(?:said|says|told me|told us|mentioned|noted|explained|thinks|thought|felt)\s+(?:that\s+)?"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
_ASKED = re.compile(
    r"^(?:asked\s+(?:me\s+|us\s+)?(?:about\s+)?|pushed\s+(?:me\s+)?on\s+|probed\s+(?:me\s+on\s+)?|"
    r"(?:dug|drilled)\s+into\s+|(?:grilled|quizzed|challenged)\s+(?:me|us)\s+on\s+)(?P<rest>.+)$",
    re.IGNORECASE,
)
_WANTS_TO = re.compile(r"^(?:wants|would like|hopes|plans|is planning|are planning|intends|want)\s+to\s+"
                       r"(?P<rest>.+)$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(r"^(?:he|she|they)\b\s*", re.IGNORECASE)
CHAT = re.compile(r"^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?:(?P<who>[\w .'-]{1,30}?):\s+)?(?P<rest>.+)$")
_TIMESTAMP = re.compile(r"^\s*\[\d{1,2}:\d{2}(?::\d{2})?\]\s*")
_SENTENCE = re.compile(
    r"^(?:(?:the|a|an|this|that|our|my|his|her|their|your|its)\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|does|do|did|isn't|aren't|wasn't|"
    r"weren't|won't|can't|'s|'re)\b",
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"^(?:(?:you|we|they|I|he|she|it|there)(?:['’]\w+)?|[A-Z][a-z]+)\s+(?:\w+\s+)?"
                        r"(?:is|are|was|were|am|has|have|had|will|would|can|could|should|do|does|did|"
                        r"\w+s|\w+ed|use|run|need|want|plan|like|think|expect)\b")
# "Meridian HM wants someone…": a name and a verb of its own.
_NAMED_STATEMENT = re.compile(r"^[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}\s+(?:wants|needs|uses|has|runs|plans|"
                              r"expects|is|are|was|were|will)\b")
_WH = re.compile(r"^(?:how|what|why|whether|where|when|who|which)\b", re.IGNORECASE)
_FRAGMENT = re.compile(r"\b(?:not|maybe|probably|tbd|\?)\b|\?|^(?:ping|send|check|call|email|let|ask|"
                       r"remember|follow up)\b", re.IGNORECASE)
_TRAILING_ADVERB = re.compile(
    r"\s+(?:really |very |so )?(?:well|clearly|nicely|in detail|in depth|a lot|briefly|at length|quickly)$",
    re.IGNORECASE,
)
_DISCOURSE = re.compile(r"^(?:honestly|frankly|tbh|to be honest|basically|so|well|ok|okay)\b[,:]?\s*",
                        re.IGNORECASE)
_SAID_PAREN = re.compile(r"\s*\([^)]*\b(?:said|says|told|per)\b[^)]*\)", re.IGNORECASE)


@dataclass(frozen=True)
class Reader:
    """Who is who in one draft: the addressee's names, and whether "they" means the addressee's
    side (candidate notes: the company) — used by every function that swaps persons."""

    names: tuple[str, ...]
    plural_is_addressee: bool
    sole: bool = True
    """The pronouns in shared topics can only mean the addressee (one recipient in the notes)."""
    sender_side: RaisedBy = "candidate"
    """Who the sender is in `raised_by` terms: the candidate, or (recruiter notes) the interviewer."""


# --- persons ------------------------------------------------------------------------------------


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The words and marks of `text`, and the spacing before each as written, so a text whose
    persons are swapped keeps every other token's spelling ("R&D", "CI/CD", "Node.js")."""
    tokens: list[str] = []
    gaps: list[str] = []
    end = 0
    for m in _WORD.finditer(text):
        gaps.append(text[end : m.start()] if tokens else "")
        tokens.append(m.group(0))
        end = m.end()
    return tokens, gaps


def _join(tokens: Iterable[str], gaps: Iterable[str]) -> str:
    """The tokens with the spacing they were written with."""
    return "".join(gap + tok for gap, tok in zip(gaps, tokens, strict=True))


def _present(verb: str) -> str:
    """A third-person verb in the plain form ("wants" → "want", "tries" → "try", "goes" → "go")."""
    low = verb.lower()
    if low in _BE:
        return _BE[low]
    if not low.endswith("s") or low in NOT_VERB_S or len(low) < 3:
        return verb
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1]


def _agree(tokens: list[str], i: int, mapping: dict[str, str]) -> None:
    """Fix the verb after a new subject at `i` (skipping adverbs) with `mapping` or `_present`."""
    j = i + 1
    while j < len(tokens) and tokens[j].lower() in _ADVERBS:
        j += 1
    if j < len(tokens):
        low = tokens[j].lower()
        if low in mapping:
            tokens[j] = mapping[low]
        elif mapping is _BE and re.fullmatch(r"[a-z]+s", low):
            tokens[j] = _present(tokens[j])


def _coordinated(tokens: list[str], i: int) -> None:
    """"you communicate clearly and gives…" → "…and give…": verbs joined to the new subject."""
    for j in range(i + 1, len(tokens) - 1):
        if tokens[j] in (".", ";", ",") and j + 1 < len(tokens) and tokens[j + 1].lower() != "and":
            return
        if tokens[j].lower() in ("and", "but", "or") and tokens[j + 1].lower() in words("third_verbs"):
            tokens[j + 1] = _present(tokens[j + 1])


def to_second_person(text: str, reader: Reader) -> str:
    """Third person about the addressee as second person: "she runs her 1:1s" → "you run your 1:1s"."""
    tokens, gaps = _tokens(text)
    for i, tok in enumerate(tokens):
        low = tok.lower().replace("’", "'")
        nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        plural = reader.plural_is_addressee and low in ("they", "them", "their", "theirs", "themselves",
                                                        "they're", "they've", "they'd", "they'll")
        if low in ("he", "she") or (plural and low == "they"):
            tokens[i] = _case("you", tok)
            _agree(tokens, i, _BE)
            _coordinated(tokens, i)
        elif low in ("he's", "she's", "he'd", "she'd", "he'll", "she'll") or (plural and "'" in low):
            tokens[i] = _case("you" + low[low.index("'"):].replace("'s", "'re"), tok)
        elif low in ("him", "them") and (low == "him" or plural):
            tokens[i] = _case("you", tok)
        elif low == "his" or (plural and low == "their"):
            tokens[i] = _case("your", tok)
        elif low == "her":
            possessive = bool(re.match(r"[a-z0-9]", nxt)) and nxt not in _PREPOSITIONS | {"and", "or", "that"}
            tokens[i] = _case("your" if possessive else "you", tok)
        elif low in ("hers", "theirs") and (low == "hers" or plural):
            tokens[i] = _case("yours", tok)
        elif low in ("himself", "herself"):
            tokens[i] = _case("yourself", tok)
        elif plural and low == "themselves":
            tokens[i] = _case("yourselves", tok)
    return _join(tokens, gaps)


_SPEAKER_SWAP = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "we": "you", "us": "you",
    "our": "your", "ours": "yours", "ourselves": "yourselves", "i'm": "you're", "i've": "you've",
    "i'd": "you'd", "i'll": "you'll", "we're": "you're", "we've": "you've", "we'd": "you'd",
    "we'll": "you'll", "your": "my", "yours": "mine", "yourself": "myself", "you're": "I'm",
    "you've": "I've", "you'd": "I'd", "you'll": "I'll",
}  # fmt: skip
_I_AGREE = {"am": "are", "was": "were", "wasn't": "weren't"}
_THIRD_PERSON = {"am": "is", "are": "is", "have": "has", "do": "does", "don't": "doesn't", "run": "runs",
                 "use": "uses", "need": "needs", "want": "wants", "lead": "leads", "own": "owns",
                 "manage": "manages", "like": "likes", "think": "thinks", "work": "works",
                 "plan": "plans"}  # fmt: skip
_YOU_AGREE = {"are": "am", "were": "was", "weren't": "wasn't", "aren't": "am not"}


def from_their_words(text: str, speaker: str | None) -> str:
    """The addressee's own words said back by the sender: "you were our top pick… I'd like to keep
    your CV" → "I was your top pick… you'd like to keep my CV". With `speaker` (another person),
    their "I" becomes their name."""
    tokens, gaps = _tokens(text)
    out = list(tokens)
    for i, tok in enumerate(tokens):
        low = tok.lower().replace("’", "'")
        before = tokens[i - 1].lower() if i else ""
        if speaker and low in ("i", "me"):
            out[i] = speaker
            if low == "i":
                _agree(out, i, _THIRD_PERSON)
            continue
        if speaker and low == "my":
            out[i] = f"{speaker}'s"
            continue
        if low == "you":
            subject = before in _CLAUSE_START
            out[i] = "I" if subject else "me"
            if subject:
                _agree(out, i, _YOU_AGREE)
        elif low in _SPEAKER_SWAP:
            out[i] = _case(_SPEAKER_SWAP[low], tok) if _SPEAKER_SWAP[low] != "I'm" else _SPEAKER_SWAP[low]
            if low == "i" or (low == "we" and before in _CLAUSE_START):
                _agree(out, i, _I_AGREE)
    return _join(out, gaps)


def _case(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() and word != "I" else word


# --- shapes -------------------------------------------------------------------------------------


def is_past_verb(word: str) -> bool:
    low = word.lower()
    regular = low.endswith("ed") and len(low) > 3 and low not in ("need", "speed")
    return regular or low in words("irregular_past")


def lower_first(text: str) -> str:
    """Lower-case a sentence-case first word ("Her lab's…", "Led the move…"); names stay."""
    first = text.split(" ", 1)[0]
    bare = re.sub(r"['’]s$", "", first)
    pronoun = re.fullmatch(r"(?:you|we|they|he|she|it|there)(?:['’]\w+)?", bare.lower())
    common = bare.lower() in common_en() or bare.lower() in DETERMINERS or is_past_verb(bare) or pronoun
    if first[:1].isupper() and first[1:].islower() and common and first != "I":
        return first[0].lower() + text[1:]
    return text


def inside_sentence(text: str, names: Iterable[str] = ()) -> str:
    """A bullet point as it reads after a colon or "and": its first word in lower case when it is
    a plain English word ("Really clear on…", "A production incident…"), never a tech term or a
    name from the notes ("Kubernetes…", "Meridian needs…")."""
    first = text.split(" ", 1)[0]
    bare = re.sub(r"[^\w'-]+$", "", first)
    name_words = {w for n in names for w in re.findall(r"[\w'-]+", n)} | {"I"}
    plain = (bare.lower() in DETERMINERS or known(bare.lower())) and not is_term(bare)
    if bare[:1].isupper() and bare[1:] == bare[1:].lower() and plain and bare not in name_words:
        return text[0].lower() + text[1:]
    return text


def _article(np: str) -> str:
    """A bare noun phrase whose head is a singular count noun gets "the" ("feature store migration"
    → "the feature store migration"); mass nouns, plurals and names stay bare."""
    parts = _outside_parens(np).split()  # "ROS 2 migration (ROS1 → ROS2)": the head is "migration"
    head_at = next((i for i, w in enumerate(parts) if w.lower() in _PREPOSITIONS), len(parts)) - 1
    gerund = len(parts) > 1 and parts[0].lower().endswith("ing") and parts[1].lower() in DETERMINERS
    if not parts or parts[0].lower() in DETERMINERS or gerund or any(
        re.search(r"['’]s$", w) for w in parts[:head_at]
    ):
        return np
    head = re.sub(r"[^\w-]", "", parts[head_at]).lower() if head_at >= 0 else ""
    return f"the {np}" if head in words("count_heads") else np


def _tidy_np(np: str) -> str:
    np = np.strip(" .;:")
    m = re.match(r"^(.*\s)?(\S+)\s+(Q[1-4]|20\d\d)$", np)  # "hiring plan Q3" → "…plan for Q3"
    if m and m.group(2).lower() not in _PREPOSITIONS | {"until", "till", "early", "late", "mid"}:
        np = f"{m.group(1) or ''}{m.group(2)} for {m.group(3)}"
    np = re.sub(r"\s+[-–—]\s+(.+)$", r" (\1)", np)  # "team structure - 2 squads"
    return _article(lower_first(np))


MAX_TOPIC_WORDS = 20
"""A longer "topic" is a pasted paragraph: no frame can hold it."""


_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bSt\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bvs\.)(?<!\bNo\.)(?<!\bCo\.)"
    r"(?<!\bInc\.)(?<!\bLtd\.)(?<!\bProf\.)\s+(?=[A-Z])"
)


def _split_splices(text: str) -> list[str]:
    """"safety record, he asked about my OSHA 30" → two topics; two sentences → two topics (not
    after "St." or "Dr.": "relief charge at St. Vincent's" is one)."""
    parts = re.split(rf"{_SENTENCE_END.pattern}|,\s+(?=(?:he|she|they|I)\b)", text)
    return [p for p in parts if p.strip()]


def _outside_parens(text: str) -> str:
    return re.sub(r"\([^()]*\)", "", text)


def read_topic(
    text: str, *, field: str, raised_by: RaisedBy | None, own: bool, reader: Reader
) -> list[TopicFact]:
    """One topic as written → its facts (a comma splice gives two), each with a frame."""
    original = text
    t = tidy_marks(_SAID_PAREN.sub("", text).strip())
    chat = CHAT.match(t)
    speaker = None
    if chat and chat.group("who") and (_TIMESTAMP.match(t) or is_person(chat.group("who"), reader)):
        speaker, t = chat.group("who").strip(), chat.group("rest")
    t = _TIMESTAMP.sub("", t).strip()
    quoted = re.fullmatch(r"[\"“'‘](.+)[\"”'’]", t.rstrip("."))
    if quoted:
        t, speaker = quoted.group(1), speaker or reader.names[0]
    out = []
    for part in _split_splices(t):
        if len(part.split()) > MAX_TOPIC_WORDS:
            out.append(TopicFact(field, original, part, "sentence", "unclear", raised_by, own))
        else:
            out.append(_topic(part, original, field, raised_by, own, reader, speaker, bool(quoted)))
    return out


def is_person(who: str, reader: Reader) -> bool:
    words = {w.lower() for n in reader.names for w in n.split()}
    return who.strip().lower() in words | {"me", "i"} or who.strip() in reader.names


def _topic(
    text: str, original: str, field: str, raised_by: RaisedBy | None, own: bool, reader: Reader,
    speaker: str | None, quoted: bool,
) -> TopicFact:  # fmt: skip
    t = canonical_en(text.strip().rstrip(".!;?"), noun_phrase=False)
    shape: Shape = "sentence" if original.rstrip().endswith((".", "!")) else "noun"
    mine: RaisedBy = reader.sender_side
    theirs: RaisedBy = "interviewer" if mine == "candidate" else "candidate"

    def fact(frame: Frame, value: str, by: RaisedBy | None, how: Shape = "sentence") -> TopicFact:
        return _fact(field, original, how, frame, value, by, own, mine)

    if speaker is None and not quoted:
        t = without_asides(t)
        if parts := label_and_detail(t):
            return _labelled(*parts, original, field, raised_by, own, reader)
        if eq := equation(t):
            t = f"{_tidy_np(eq[0])} {eq[1]} {eq[2]}"
    by = raised_by
    mine_speaker = speaker is not None and speaker.lower() in ("me", "i")
    if speaker and not mine_speaker:  # their own words: their "we" is the addressee's side
        if _FRAGMENT.match(t):  # "ping me if you have q's": an aside, not a topic
            return TopicFact(field, original, t, "sentence", "unclear", raised_by, own)
        other = None if is_person(speaker, reader) else speaker  # another interviewer's "I" is theirs
        said, by = from_their_words(t, other), by or theirs
        if _STATEMENT.match(said):
            return fact("said", said, by)
        t, shape = said, "sentence"
    pronoun_lead = _PRONOUN_SUBJECT.match(t)
    name_lead = re.match(r"^(?:" + "|".join(re.escape(n) for n in _all_name_forms(reader)) + r")\s+", t)
    if pronoun_lead and not reader.sole and not own:
        return TopicFact(field, original, t, "sentence", "unclear", raised_by, own)
    lead = pronoun_lead or name_lead
    if lead:
        rest, by = t[lead.end() :], by or theirs
        if m := _REPORT.match(rest):
            np = to_second_person(_TRAILING_ADVERB.sub("", m.group("rest")), reader)
            if re.match(r"that\s", np, re.IGNORECASE):
                return fact("said", np[5:], by)
            return fact("subject", _tidy_np(canonical_en(np, noun_phrase=True)), by)
        if m := _ASKED.match(rest):
            return fact("asked", to_second_person(m.group("rest"), reader), by)
        if m := _WANTS_TO.match(rest):
            return fact("subject", "your plan to " + to_second_person(m.group("rest"), reader), by)
        if m := _SAID.match(rest):
            if re.match(r"(?:about\s+)?[$£€\d]", m.group("rest")):  # "he said ~35 districts": no clause
                return TopicFact(field, original, t, "fragment", "unclear", raised_by, own)
            return fact("said", to_second_person(m.group("rest"), reader), by)
        return fact("said", to_second_person(t, reader), by)
    if mine_speaker or re.match(r"^(?:I\s+)?asked\s", t):
        m = _ASKED.match(re.sub(r"^I\s+", "", t))
        return fact("mine", _tidy_np(canonical_en(m.group("rest") if m else t, noun_phrase=True)), mine)
    if re.match(r"^I\s", t):
        return fact("mine", t, mine)
    swapped = to_second_person(t, reader)
    if _WH.match(swapped):
        clause = indirect_question(swapped)  # "how would I cut the bill" → "how I would cut the bill"
        if clause is None:
            return TopicFact(field, original, swapped, "sentence", "unclear", raised_by, own)
        if re.match(r"\w+\s+I\b", clause) and mine == "candidate":  # "how I'd handle…": their question
            return fact("asked", clause, by or theirs, "clause")
        return fact("subject", clause, by, "clause")
    if (_SENTENCE.match(swapped) or _NAMED_STATEMENT.match(swapped) or quoted
            or re.match(r"^(?:you|we)\b", swapped, re.IGNORECASE)):
        return fact("said", swapped, by, shape if shape == "sentence" else "clause")
    swapped = re.sub(r"^([^,()]+?)\s+[-–—]\s+(.+)$", r"\1 (\2)", swapped)  # "team structure - 2 squads"
    if _FRAGMENT.search(swapped) or "," in _outside_parens(swapped):
        return TopicFact(field, original, swapped, "fragment", "unclear", raised_by, own)
    if by is None and re.search(r"\bmy\b", swapped, re.IGNORECASE):  # "the case study in my portfolio"
        by = mine
    return fact("subject", _tidy_np(canonical_en(swapped, noun_phrase=True)), by, shape)


def _labelled(label: str, detail: str, original: str, field: str, raised_by: RaisedBy | None, own: bool,
              reader: Reader) -> TopicFact:  # fmt: skip
    """A label and its detail: "system design: idempotent ledger writes" → "system design
    (idempotent ledger writes)"; a detail that is a statement or a question is the fact itself
    ("safety: she asked what I'd do…"); a detail no frame holds leaves the label ("on-call: 1 wk
    in 5, paid" → "on-call")."""
    head = _topic(label, original, field, raised_by, own, reader, None, False)
    if head.shape == "clause" and head.frame != "unclear":  # "why she's leaving: …" names its topic
        return head
    inner = _topic(detail, original, field, raised_by, own, reader, None, False)
    if inner.frame in ("said", "asked") or head.frame == "unclear":
        return inner if inner.frame != "unclear" else head
    if head.frame in ("subject", "mine") and inner.frame in ("subject", "mine"):
        return dataclasses.replace(head, text=f"{head.text} ({inner.text})")
    return head


def _all_name_forms(reader: Reader) -> list[str]:
    forms = set(reader.names) | {w for n in reader.names for w in n.split() if len(w) > 2}
    return sorted(forms, key=len, reverse=True) or ["\x00"]


def _fact(field: str, original: str, shape: Shape, frame: Frame, text: str, by: RaisedBy | None,
          own: bool, mine: RaisedBy = "candidate") -> TopicFact:  # fmt: skip
    """A framed topic; one raised by the sender's side is told as theirs (`mine`), never as
    something the recipient said."""
    text = lower_first(text.strip(" .;:"))
    if by == mine and frame not in ("mine", "unclear"):
        frame = "mine"
    elif frame == "mine" and by is not None and by != mine:
        frame = "subject"
    return TopicFact(field, original, text, shape, frame, by, own)


# --- their words, feedback ----------------------------------------------------------------------

_ADJ_START = re.compile(r"^(?:(?:really|very|so|quite|super|genuinely)\s+)*(?:impressed|happy|glad|excited|"
                        r"pleased|sorry|keen|thrilled|grateful|torn)\b", re.IGNORECASE)
_LIKED = re.compile(r"^(?:really\s+)?(?:loved|liked|enjoyed|appreciated|admired)\b", re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    parts: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        sentence = sentence.strip().rstrip(".!")
        pieces = re.split(r",\s*(?=(?:it|there|we|I|you|he|she|they|please|let's)\b)|\s+and\s+that\s+|"
                          r"\s+and\s+(?=(?:he|she|they|I|we|it)\b)", sentence)
        parts += [p.strip() for p in pieces if p.strip()]
    return parts


def read_kind_words(
    text: str, *, field: str, reader: Reader, recipient: str, people: tuple[str, ...]
) -> QuoteFact:
    """The interviewer's kind words in the sender's voice, attributed to whoever said them."""
    t = without_emoji(canonical_en(text.strip().strip("\"“”"), noun_phrase=False), sentence_break=True)
    speaker = None
    chat = CHAT.match(t)
    if chat and chat.group("who") and is_person(chat.group("who"), Reader(people, False)):
        speaker, t = chat.group("who").strip(), chat.group("rest")
    other = speaker if speaker and not is_person(speaker, Reader((recipient,), False)) else None
    lead = _PRONOUN_SUBJECT.match(t)
    indirect = lead and _SAID.match(t[lead.end() :])
    third = re.search(r"\b(?:he|she|his|her|him)\b", t, re.IGNORECASE)
    direct = not lead and not third and re.search(r"\b(?:you|your)\b|^(?:I|I'd|I'm|we|we're)\b", t)
    clauses = []
    for clause in _clauses(indirect.group("rest") if indirect else t):
        clause = _DISCOURSE.sub("", clause)
        if direct:
            clause = from_their_words(clause, other)
            if re.match(r"(?:would|will|might|may|could|can)\s", clause):  # "would love to keep you…"
                clause = f"{other or 'you'} {clause}"
        elif not indirect or not other:
            clause = to_second_person(clause, reader)
        subject = other or "you"
        verb = "was" if other else "were"
        if re.match(r"^please\s+", clause, re.IGNORECASE):
            clause = "I should " + clause.split(None, 1)[1]
        elif _ADJ_START.match(clause):
            clause = f"{subject} {verb} {clause}"
        elif _LIKED.match(clause):
            clause = f"{subject} {clause}"
        elif re.match(r"^let's\b", clause, re.IGNORECASE):
            continue
        clauses.append(lower_first(clause))
    return QuoteFact(field, text, other, other is None, clauses=tuple(clauses[:3]))


def feedback_item(text: str, reader: Reader) -> str:
    """A feedback bullet about the addressee, said to them ("he communicates clearly" → "You
    communicate clearly")."""
    t = canonical_en(text.strip().rstrip("."), noun_phrase=False)
    if eq := equation(t):  # "Terraform module work = exactly what they need"
        t = " ".join(eq)
    first = t.split(" ", 1)[0]
    if first.lower() in words("third_verbs"):  # "needs clearer examples" is about them: "You need…"
        t = f"he {t}"
    t = to_second_person(t, reader)
    return t[:1].upper() + t[1:]
