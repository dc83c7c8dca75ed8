"""Instruction-like text in notes (prompt injection, issue 11.1): one detector for every free-text
field, in English and Japanese, including text that would close the container the notes travel in.

The patterns live in `data/injection.json`. Notes are data: the prompt carries them as a JSON
document either way (see `afterword.prompts`); this detector decides what the composer and the
prompt leave out, and what `validate`, `draft` and the TUI warn about.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

from afterword.models import Issue, Notes

RULE = "instruction-like"


@cache
def _pattern() -> re.Pattern[str]:
    data = json.loads(files("afterword.checks").joinpath("data/injection.json").read_text("utf-8"))
    fragments = [*data["en"], *data["ja"], *data["fence"]]
    return re.compile("|".join(f"(?:{f})" for f in fragments), re.IGNORECASE | re.MULTILINE)


def is_instruction_like(text: str) -> bool:
    """True for text that reads like an instruction to the model or a break out of the notes."""
    return _pattern().search(text) is not None


def free_text(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text) for every string in a notes dump (`notes.model_dump(mode="json")`)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, v in value.items():
            yield from free_text(v, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from free_text(v, f"{path}[{i}]")


def instruction_issues(notes: Notes) -> list[Issue]:
    """An error per field whose text reads like an instruction (private notes included: they never
    leave, but a person should know)."""
    return [
        Issue(
            source="guidance",
            rule=RULE,
            message="this reads like an instruction to the model, not a note; it is left out of "
            "drafts and sent to a model only as quoted data — reword or remove it.",
            severity="error",
            field=path,
        )
        for path, text in free_text(notes.model_dump(mode="json"))
        if is_instruction_like(text)
    ]


def instruction_warning(notes: Notes) -> str | None:
    """One line naming the fields with instruction-like text (for `draft`'s stderr and the TUI
    status line), or None when there are none."""
    fields = [i.field for i in instruction_issues(notes) if i.field]
    if not fields:
        return None
    return (f"afterword: instruction-like text in {', '.join(fields)} — left out of the draft and "
            "passed to a model only as data; run `afterword validate` for details")
