"""Japanese line breaking (kinsoku shori): no line starts with 。、」 and the like, none ends with 「.

Textual's TextArea and Content, and Rich's Text, fold a line of Japanese at whatever character
reaches the width. `install()` wraps their line-breaking functions so each break is moved back
until the next line starts with a character allowed there; English text (no such characters)
takes the library's own path unchanged. Textual is pinned to 8.2.x, whose private names these are.
"""

from __future__ import annotations

from collections.abc import Callable

NO_START = frozenset(
    "、。，．,.）)］]｝}〕〉》」』】〙〗〟’”｠»"
    "ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
    "‐゠–〜～？！?!‼⁇⁈⁉・：；:;…‥"
)
"""Characters a line must not start with (JIS X 4051 line-start prohibition, strict set)."""
NO_END = frozenset("（(［[｛{〔〈《「『【〘〖〝‘“｟«")
"""Characters a line must not end with (opening brackets)."""
_SPECIAL = NO_START | NO_END

Breaker = Callable[[str, int], list[int]]


def adjust(text: str, width: int, breaks: Breaker) -> list[int]:
    """Break offsets for `text` at `width` with `breaks`, each moved back past prohibited
    characters (and the rest of the line re-broken from there)."""
    first = breaks(text, width)
    if not first or _SPECIAL.isdisjoint(text):
        return first
    out: list[int] = []
    start = 0
    offsets = first
    while offsets:
        cut = start + offsets[0]
        floor = start + 1
        while cut > floor and (text[cut] in NO_START or text[cut - 1] in NO_END):
            cut -= 1
        if cut == floor and (text[cut] in NO_START or text[cut - 1] in NO_END):
            cut = start + offsets[0]  # nothing better fits: keep the library's break
        out.append(cut)
        start = cut
        offsets = breaks(text[start:], width)
    return out


def install() -> None:
    """Route Textual's and Rich's line breaking through `adjust` (idempotent)."""
    import rich.text
    import textual.content
    import textual.document._wrapped_document as wrapped

    if getattr(wrapped.compute_wrap_offsets, "kinsoku", False):
        return
    textarea_breaks = wrapped.compute_wrap_offsets
    content_breaks = textual.content.divide_line
    rich_breaks = rich.text.divide_line

    def compute_wrap_offsets(text: str, width: int, tab_size: int, fold: bool = True,
                             precomputed_tab_sections: list[tuple[str, int]] | None = None) -> list[int]:
        if _SPECIAL.isdisjoint(text):
            return textarea_breaks(text, width, tab_size, fold, precomputed_tab_sections)
        return adjust(text, width, lambda t, w: textarea_breaks(t, w, tab_size, fold))

    def content_divide(text: str, width: int, fold: bool = True) -> list[int]:
        return adjust(text, width, lambda t, w: content_breaks(t, w, fold))

    def rich_divide(text: str, width: int, fold: bool = True) -> list[int]:
        return adjust(text, width, lambda t, w: rich_breaks(t, w, fold))

    compute_wrap_offsets.kinsoku = True  # type: ignore[attr-defined]
    wrapped.compute_wrap_offsets = compute_wrap_offsets  # type: ignore[assignment]
    textual.content.divide_line = content_divide  # type: ignore[attr-defined]
    rich.text.divide_line = rich_divide  # type: ignore[attr-defined]
