"""The backend protocol: stream text chunks for a request and report timings and token counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from afterword.understand import Facts


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
