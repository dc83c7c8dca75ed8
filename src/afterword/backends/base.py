"""The backend protocol: stream text chunks for a request and report timings and token counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from afterword.errors import BackendError

if TYPE_CHECKING:
    from afterword.understand import Facts

MAX_REPLY_CHARS = 20_000
"""A model reply is read up to this many characters (an e-mail needs a few thousand)."""


@dataclass(frozen=True)
class Prompt:
    """A chat prompt: fixed instructions (`system`), then the notes and the tone (`user`)."""

    system: str
    user: str

    @property
    def text(self) -> str:
        return f"{self.system}\n\n{self.user}"


NO_PROMPT = Prompt("", "")
"""The prompt of a request to the offline composer: nothing is built for it."""


@dataclass(frozen=True)
class Request:
    """What a backend gets. A model reads only `prompt` (the notes ride inside it as data); the
    offline composer reads only `facts` (the understood notes) and gets `NO_PROMPT`. Raw notes
    never travel in a request."""

    prompt: Prompt
    scenario: str
    tone: str
    channel: str
    recipient: str
    """The recipient's name, a label for logs and test doubles."""
    facts: Facts | None = None
    temperature: float = 0.7
    seed: int | None = None
    max_tokens: int = 400


@dataclass
class Stats:
    """Filled in by a backend while it streams."""

    model: str | None = None
    prompt_tokens: int = 0
    output_tokens: int = 0
    load_s: float = 0.0
    first_chunk_s: float | None = None
    total_s: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def tokens_per_s(self) -> float:
        gen = self.total_s - (self.first_chunk_s or 0.0)
        return self.output_tokens / gen if gen > 0 and self.output_tokens else 0.0


class Backend(Protocol):
    """A source of drafts. `stream` yields text chunks and fills `stats` as it goes."""

    name: str

    def model_name(self) -> str | None:
        """The model that will answer, or None when no model is involved."""
        ...

    def stream(self, request: Request, stats: Stats) -> Iterator[str]:
        """Yield chunks of `Subject: …\\n\\nbody` text; raise BackendError on failure."""
        ...


class Reply:
    """The text a backend has streamed so far, with the rules every backend applies to a reply:
    reading stops at MAX_REPLY_CHARS, and an empty or unfinished reply is an error."""

    def __init__(self, who: str) -> None:
        self.who = who
        self.text = ""

    def add(self, chunk: str) -> str:
        """Keep `chunk` (cut at the cap) and return what was kept, to yield."""
        chunk = chunk[: MAX_REPLY_CHARS - len(self.text)]
        self.text += chunk
        return chunk

    @property
    def full(self) -> bool:
        return len(self.text) >= MAX_REPLY_CHARS

    def too_long(self) -> BackendError:
        return BackendError(
            f"{self.who}'s reply passed {MAX_REPLY_CHARS:,} characters; reading stopped there and "
            "the text so far is kept and is partial",
            "lower num_predict, or try another model",
            partial=self.text,
        )

    def finish(self, done: bool) -> None:
        """Raise BackendError for a reply that is empty, or that ended before the model said it was done."""
        if not self.text.strip():
            raise BackendError(f"{self.who} returned an empty reply", "generate again, or try another model")
        if not done:
            raise BackendError(
                f"{self.who}'s reply ended before the model said it was done; the text so far is kept "
                "and is partial",
                "check the draft, then generate again or edit it by hand",
                partial=self.text,
            )
