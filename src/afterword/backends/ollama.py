"""Ollama backend: the official client, with timeouts, keep-alive and one clear message per failure.

The host is parsed once (`parse_host`) and used only when it is this machine, or when the config
says `[ollama] allow_remote = true`: a name other than `localhost` is never looked up otherwise.
"""

from __future__ import annotations

import importlib
import ipaddress
import os
import re
import time
from collections.abc import Iterator
from types import ModuleType
from urllib.parse import urlsplit

import httpx

from afterword.backends.base import Reply, Request, Stats
from afterword.config import OllamaSettings
from afterword.errors import BackendError, InputError


def _import_ollama() -> ModuleType:
    """The `ollama` package. Importing it builds a default client from OLLAMA_HOST, which fails on a
    malformed value; afterword reads and checks the host itself, so the variable is hidden meanwhile."""
    saved = os.environ.pop("OLLAMA_HOST", None)
    try:
        return importlib.import_module("ollama")
    finally:
        if saved is not None:
            os.environ["OLLAMA_HOST"] = saved


ollama = _import_ollama()

START_HINT = "start it with `ollama serve` (or the Ollama app), or use --backend offline"
REMOTE_HINT = (
    "to allow it, set `allow_remote = true` under [ollama] in config.toml "
    "(or AFTERWORD_OLLAMA__ALLOW_REMOTE=true); or use --backend offline"
)
_CHAT_HINTS = ("instruct", "chat", "-it", ":it")
# What the client raises for a server that is down, slow, or answers something unexpected
# (ValueError covers a body that is not JSON and one of the wrong shape).
_CLIENT_ERRORS = (ConnectionError, httpx.HTTPError, ollama.ResponseError, ValueError)
# …and, mid-stream, for a line that is JSON but not an object (the client calls `.get` on it).
_STREAM_ERRORS = (*_CLIENT_ERRORS, AttributeError, TypeError)
_NUMERIC = re.compile(r"[\d.]+")


def _bad_host(host: str, why: str) -> InputError:
    return InputError(
        f"Ollama host {host!r} (OLLAMA_HOST or [ollama] host): {why}",
        "write it like http://127.0.0.1:11434, or unset it for the default",
    )


def parse_host(host: str) -> tuple[str, str]:
    """(the URL the client will use, the host's name or address) for an OLLAMA_HOST-style value.

    Read as the ollama client reads it (`:11434`, `1.2.3.4`, `http://name:port/path`); the
    unspecified address (0.0.0.0, the server's listen-on-all setting) means this machine.
    """
    scheme, sep, rest = host.strip().partition("://")
    if not sep:
        scheme, rest = "http", host.strip()
    scheme = scheme.lower()
    if scheme not in ("http", "https"):
        raise _bad_host(host, f"{scheme}:// is not http:// or https://")
    default_port = 11434 if not sep else 80 if scheme == "http" else 443
    try:
        split = urlsplit(f"{scheme}://{rest}")
        port = split.port or default_port
    except ValueError as exc:
        raise _bad_host(host, f"not a valid address ({exc})") from None
    name = split.hostname or "127.0.0.1"
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        if _NUMERIC.fullmatch(name) or not re.fullmatch(r"[\w.-]+", name):
            raise _bad_host(host, f"{name} is not a valid IP address or host name") from None
    else:
        if ip.is_unspecified:
            name = "::1" if ip.version == 6 else "127.0.0.1"
    shown = f"[{name}]" if ":" in name else name
    return f"{scheme}://{shown}:{port}{split.path.rstrip('/')}", name


def is_loopback(name: str) -> bool:
    """True for `localhost` and loopback addresses; any other name is not looked up, so False."""
    if name.lower().rstrip(".") == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def context_size(prompt_chars: int, num_predict: int) -> int:
    """`num_ctx` sized to the prompt (about 3 characters per token) plus the reply, in steps of 1024."""
    need = prompt_chars // 3 + num_predict + 64
    return min(max(2048, -(-need // 1024) * 1024), 16384)


class OllamaBackend:
    """Streams chat completions from an Ollama server on this machine (or one the config allows)."""

    name = "ollama"

    def __init__(self, settings: OllamaSettings, model: str | None = None) -> None:
        self.settings = settings
        self.host, address = parse_host(settings.host)
        self.remote = not is_loopback(address)
        if self.remote and not settings.allow_remote:
            raise InputError(
                f"Ollama host {self.host} is not this machine, and your notes would be sent there",
                REMOTE_HINT,
            )
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
        if isinstance(exc, ValueError | AttributeError | TypeError):
            return BackendError(
                f"Ollama at {self.host} sent an answer afterword cannot read ({_reason(exc)})",
                "check that the host is an Ollama server, and update Ollama",
            )
        return BackendError(f"Ollama error: {_reason(exc)}", "see `ollama serve` logs")

    def installed(self) -> list[str]:
        """Installed model names, as `ollama list` shows them."""
        try:
            return [m.model for m in self.client.list().models if m.model]
        except _CLIENT_ERRORS as exc:
            raise self._fail(exc) from None

    def _capabilities(self, name: str) -> list[str] | None:
        """What a model can do (`/api/show`); None when the server cannot say."""
        try:
            return self.client.show(name).capabilities or ["completion"]
        except (httpx.HTTPError, ollama.ResponseError):
            return None
        except ValueError:  # an answer of another shape (an older or newer server): assume it chats
            return ["completion"]

    def _pick(self, names: list[str]) -> str:
        """The first installed model that can chat, instruct/chat-tuned ones first."""
        usable = [n for n in names if "completion" in (self._capabilities(n) or []) and "embed" not in n]
        if not usable:
            raise BackendError(
                "no chat model is installed in Ollama", "run `ollama pull llama3.2`, or use --backend offline"
            )
        return sorted(usable, key=lambda n: not any(h in n.lower() for h in _CHAT_HINTS))[0]

    def probe(self) -> str:
        """Ask the server for its models (so it must answer), and pick one unless one was given."""
        names = self.installed()
        if self._model is None:
            self._model = self._pick(names)
        return self._model

    def model_name(self) -> str | None:
        if self._model is None:
            self._model = self._pick(self.installed())
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
        reply = Reply("Ollama")
        done = False
        try:
            for part in self.client.chat(
                model=model,
                messages=messages,
                stream=True,
                options=options,
                keep_alive=self.settings.keep_alive,
            ):
                chunk = reply.add(part.message.content or "")
                if chunk:
                    if stats.first_chunk_s is None:
                        stats.first_chunk_s = time.perf_counter() - start
                    yield chunk
                if reply.full:
                    raise reply.too_long()
                if part.done:
                    done = True
                    stats.prompt_tokens = part.prompt_eval_count or 0
                    stats.output_tokens = part.eval_count or 0
                    stats.load_s = (part.load_duration or 0) / 1e9
                    if part.eval_duration:
                        stats.extra["server_tokens_per_s"] = stats.output_tokens / (part.eval_duration / 1e9)
                    break
        except _STREAM_ERRORS as exc:
            raise self._fail(exc, reply.text) from None
        finally:
            stats.total_s = time.perf_counter() - start
        reply.finish(done)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ollama.ResponseError):
        return exc.error
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text or exc.__class__.__name__
