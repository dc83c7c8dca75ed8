"""The user dictionary: words the spelling checks accept, one per line in `dictionary.txt` in
the config folder. The CLI (`afterword dict add|list|remove`) and the TUI's "add to dictionary"
action both call `add_word`; every checker reads `user_words()`, re-read when the file changes.
"""

from __future__ import annotations

import threading
from pathlib import Path

from afterword.config import config_dir
from afterword.errors import InputError
from afterword.fileio import MiB, atomic_write, read_text

MAX_WORD = 64
_lock = threading.Lock()
_cache: dict[Path, tuple[tuple[int, int], frozenset[str]]] = {}


def dictionary_path() -> Path:
    """Where the user dictionary lives (in the config folder)."""
    return config_dir() / "dictionary.txt"


def list_words() -> list[str]:
    """The words in the user dictionary, as written, in file order."""
    path = dictionary_path()
    if not path.exists():
        return []
    text = read_text(path, limit=4 * MiB, what="dictionary")
    return [w for w in (line.strip() for line in text.splitlines()) if w and not w.startswith("#")]


def user_words() -> frozenset[str]:
    """The user dictionary's words, case-folded (cached until the file changes)."""
    path = dictionary_path()
    try:
        stat = path.stat()
    except OSError:
        return frozenset()
    key = (stat.st_mtime_ns, stat.st_size)
    with _lock:
        cached = _cache.get(path)
        if cached is None or cached[0] != key:
            cached = (key, frozenset(w.casefold() for w in list_words()))
            _cache[path] = cached
        return cached[1]


def _clean(word: str) -> str:
    word = word.strip()
    if not word or len(word) > MAX_WORD or any(c.isspace() for c in word):
        raise InputError(
            f"“{word[:MAX_WORD]}”: not a word",
            f"give one word (no spaces, at most {MAX_WORD} characters)",
        )
    return word


def add_word(word: str) -> bool:
    """Add `word` to the user dictionary; False when it is already there (any case)."""
    word = _clean(word)
    with _lock:
        words = list_words()
        if word.casefold() in {w.casefold() for w in words}:
            return False
        atomic_write(dictionary_path(), "".join(f"{w}\n" for w in [*words, word]).encode("utf-8"))
        return True


def remove_word(word: str) -> bool:
    """Remove `word` (any case) from the user dictionary; False when it was not there."""
    word = _clean(word)
    with _lock:
        words = list_words()
        kept = [w for w in words if w.casefold() != word.casefold()]
        if len(kept) == len(words):
            return False
        atomic_write(dictionary_path(), "".join(f"{w}\n" for w in kept).encode("utf-8"))
        return True
