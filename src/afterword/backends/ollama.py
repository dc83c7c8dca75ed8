"""Ollama backend: the official client, with timeouts, keep-alive and one clear message per failure."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlparse

import httpx
import ollama
import pydantic

from afterword.backends.base import Request, Stats
from afterword.config import OllamaSettings
from afterword.errors import BackendError

START_HINT = "start it with `ollama serve` (or the Ollama app), or use --backend offline"
_CHAT_HINTS = ("instruct", "chat", "-it", ":it")


def is_loopback(host: str) -> bool:
    """True when the host URL points at this machine."""
    name = urlparse(host if "://" in host else f"http://{host}").hostname or ""
    return name in ("localhost", "::1") or name.startswith("127.")


def context_size(prompt_chars: int, num_predict: int) -> int:
    """`num_ctx` sized to the prompt (about 3 characters per token) plus the reply, in steps of 1024."""
    need = prompt_chars // 3 + num_predict + 64
    return min(max(2048, -(-need // 1024) * 1024), 16384)


class OllamaBackend:
    """Streams chat completions from an Ollama server."""

    name = "ollama"

    def __init__(self, settings: OllamaSettings, model: str | None = None) -> None:
        self.settings = settings
        self.host = settings.host
        self._model = model or settings.model
        timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
        self.client = ollama.Client(host=self.host, timeout=timeout)

    def _fail(self, exc: BaseException, partial: str = "") -> BackendError:
        """Map a client exception to one clear message."""
        if partial:
            return BackendError(
                f"Ollama stopped mid-draft ({_reason(exc)}); the text so far is kept and is partial",
                "check the draft, then generate again or edit it by hand",
                partial=partial,
            )
        if isinstance(exc, ConnectionError | httpx.ConnectError):
            return BackendError(f"Ollama is not running at {self.host}", START_HINT)
        if isinstance(exc, httpx.TimeoutException):
            return BackendError(
                f"Ollama at {self.host} did not answer in time ({_reason(exc)})",
                "the model may still be loading: try again, or raise ollama.read_timeout in config",
            )
        if isinstance(exc, ollama.ResponseError) and exc.status_code == 404:
            return BackendError(f"model {self._model!r} is not installed", f"run `ollama pull {self._model}`")
        return BackendError(f"Ollama error: {_reason(exc)}", "see `ollama serve` logs")

    def installed(self) -> list[str]:
        """Installed model names, as `ollama list` shows them."""
        try:
            return [m.model for m in self.client.list().models if m.model]
        except (ConnectionError, httpx.HTTPError, ollama.ResponseError) as exc:
            raise self._fail(exc) from None

    def pick_model(self) -> str:
        """The first installed model that can chat, instruct/chat-tuned ones first (list + show)."""
        names = self.installed()
        usable = []
        for name in names:
            try:
                caps = self.client.show(name).capabilities or ["completion"]
            except (httpx.HTTPError, ollama.ResponseError):
                continue
            if "completion" in caps and "embed" not in name:
                usable.append(name)
        if not usable:
            raise BackendError(
                "no chat model is installed in Ollama", "run `ollama pull llama3.2`, or use --backend offline"
            )
        return sorted(usable, key=lambda n: not any(h in n.lower() for h in _CHAT_HINTS))[0]

    def model_name(self) -> str | None:
        if self._model is None:
            self._model = self.pick_model()
        return self._model

    def stream(self, request: Request, stats: Stats) -> Iterator[str]:
        model = self.model_name() or ""
        stats.model = model
        prompt = request.prompt
        options: dict[str, float | int] = {
            "temperature": request.temperature,
            "num_ctx": context_size(len(prompt.text), request.max_tokens),
            "num_predict": request.max_tokens,
        }
        if request.seed is not None:
            options["seed"] = request.seed
        messages = [{"role": "system", "content": prompt.system}, {"role": "user", "content": prompt.user}]
        start = time.perf_counter()
        text = ""
        try:
            for part in self.client.chat(
                model=model,
                messages=messages,
                stream=True,
                options=options,
                keep_alive=self.settings.keep_alive,
            ):
                chunk = part.message.content or ""
                if chunk:
                    if stats.first_chunk_s is None:
                        stats.first_chunk_s = time.perf_counter() - start
                    text += chunk
                    yield chunk
                if part.done:
                    stats.prompt_tokens = part.prompt_eval_count or 0
                    stats.output_tokens = part.eval_count or 0
                    stats.load_s = (part.load_duration or 0) / 1e9
                    if part.eval_duration:
                        stats.extra["server_tokens_per_s"] = stats.output_tokens / (part.eval_duration / 1e9)
        except (ConnectionError, httpx.HTTPError, ollama.ResponseError, pydantic.ValidationError) as exc:
            raise self._fail(exc, text) from None
        finally:
            stats.total_s = time.perf_counter() - start


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ollama.ResponseError):
        return exc.error
    return str(exc) or exc.__class__.__name__


def reachable(settings: OllamaSettings) -> bool:
    """A quick probe: does an Ollama server answer at the configured host?"""
    try:
        ollama.Client(host=settings.host, timeout=settings.probe_timeout).ps()
    except (ConnectionError, httpx.HTTPError, ollama.ResponseError):
        return False
    return True
