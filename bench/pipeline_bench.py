"""The prompt, and the pipeline's cost over the raw model call, on the real SmolLM2-135M GGUF.

- `prompt_tokens_en`: the English sample's full prompt (system + user) in SmolLM2's tokens;
  `variants_prefix_shared`: the share of those tokens the 4 tone variants have in common as a
  prefix (what a local server's prompt cache can reuse).
- Raw: llama-cpp's `create_chat_completion`, streamed, on the prompt the pipeline builds.
  Pipeline: `Pipeline.run` with the embedded backend on the same job — prompt build, the same
  stream, clean-up, every check — once with the repair loop off, once with the shipped check
  settings (one repair attempt when a draft has an error). Greedy decoding, a fixed seed and a
  fixed token budget, so each attempt generates exactly the raw call's tokens (checked).
  The model's KV cache is reset before every call: each pays its prompt, as one draft does
  (`--quick` keeps it, so every call reuses the evaluated prompt: shorter, and a smaller
  denominator, so its ratios read higher than a full run's).
  Runs are interleaved in rounds (raw, repair off, default; the order rotates), a round per tone
  so the repair loop sees four drafts; a ratio is taken within each round, then the median.
"""

from __future__ import annotations

import os
import statistics
import time
from collections import Counter
from typing import Any

from _timing import NOTES_EN, Row

from afterword.backends.embedded import EmbeddedBackend
from afterword.checks.grammar import make_checker
from afterword.config import Settings
from afterword.models import Draft, load_notes
from afterword.pipeline import Job, Pipeline, plan_jobs
from afterword.prompts import prompt_for


def _settings(tokens: int, repair: bool) -> Settings:
    """The shipped settings with greedy, seeded, fixed-length generation; repair off or as shipped."""
    settings = Settings()
    settings.ollama.temperature = 0.0
    settings.ollama.seed = 1
    settings.ollama.num_predict = tokens
    if not repair:
        settings.checks.repair_attempts = 0
    return settings


def prompt_rows(backend: EmbeddedBackend, jobs: list[Job]) -> list[Row]:
    """Prompt size of the English sample, and the prefix its tone variants share."""
    prompts = [prompt_for(j.facts, j.scenario, j.tone, j.channel) for j in jobs]
    tokens = [backend._load().tokenize(p.text.encode("utf-8"), add_bos=False, special=True) for p in prompts]
    shared = 0
    while all(len(t) > shared for t in tokens) and len({t[shared] for t in tokens}) == 1:
        shared += 1
    mean = statistics.mean(len(t) for t in tokens)
    return [
        Row(
            "prompt_tokens_en",
            len(tokens[0]),
            "tokens",
            "system + user of the thank-you to Priya (warm), SmolLM2 tokenizer",
            700.0,
        ),
        Row(
            "variants_prefix_shared",
            shared / mean,
            "share",
            f"{len(jobs)} tones: {shared} common leading tokens of {mean:.0f} on average",
            anchor=f"tones: {', '.join(j.tone for j in jobs)}",
        ),
    ]


def measure(quick: bool) -> list[Row]:
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")  # llama.cpp's threads sleep, not spin, when
    # they wait: on a shared 2-core machine spinning threads make every figure noise
    tokens, rounds = (24, 3) if quick else (96, 5)
    off, default = _settings(tokens, repair=False), _settings(tokens, repair=True)
    backend = EmbeddedBackend(off.embedded)
    llm = backend._load()
    notes_jobs = plan_jobs(load_notes(NOTES_EN), scenario="thank-you", to="Priya Raman", variants=4)
    checker = make_checker(default.checks, "en")
    pipe_off, pipe_default = Pipeline(backend, off, checker), Pipeline(backend, default, checker)

    def reset() -> None:
        if not quick:
            llm.reset()

    def raw(job: Job) -> tuple[float, int]:
        p = prompt_for(job.facts, job.scenario, job.tone, job.channel)
        messages = [{"role": "system", "content": p.system}, {"role": "user", "content": p.user}]
        reset()
        start, count = time.perf_counter(), 0
        for part in llm.create_chat_completion(
            messages=messages, stream=True, temperature=0.0, max_tokens=tokens, seed=1
        ):
            count += bool(part["choices"][0]["delta"].get("content"))
        return time.perf_counter() - start, count

    def piped(pipeline: Pipeline, job: Job) -> tuple[float, Draft]:
        reset()
        start = time.perf_counter()
        draft = pipeline.run(job)
        return time.perf_counter() - start, draft

    checker.check("Warm the checker up.", "en")  # its set-up is the CLI's cost, measured there
    raw(notes_jobs[0])
    piped(pipe_off, notes_jobs[0])
    times: dict[str, list[float]] = {"raw": [], "off": [], "default": []}
    counts: dict[str, list[int]] = {"raw": [], "off": []}
    attempts: list[int] = []
    triggers: Counter[str] = Counter()
    left: Counter[str] = Counter()
    parts: list[dict[str, Any]] = []
    for r in range(rounds):
        job = notes_jobs[r % len(notes_jobs)]
        order = ["raw", "off", "default"]
        for name in order[r % 3 :] + order[: r % 3]:
            if name == "raw":
                seconds, n = raw(job)
                counts["raw"].append(n)
            else:
                seconds, draft = piped(pipe_off if name == "off" else pipe_default, job)
                if name == "off":
                    counts["off"].append(draft.timings["output_tokens"])
                    triggers.update(i.rule for i in draft.checks if i.severity == "error")
                    parts.append(draft.timings)
                else:
                    attempts.append(draft.timings["attempts"])
                    left.update(i.rule for i in draft.checks if i.severity == "error")
            times[name].append(seconds)
    if counts["raw"] != counts["off"]:
        raise RuntimeError(f"raw and pipeline generated different token counts: {counts}")
    ratio_off = statistics.median(o / r for o, r in zip(times["off"], times["raw"], strict=True))
    ratio_default = statistics.median(d / r for d, r in zip(times["default"], times["raw"], strict=True))
    raw_ms = statistics.median(times["raw"]) * 1000
    extra_ms = statistics.median(o - r for o, r in zip(times["off"], times["raw"], strict=True)) * 1000
    check_ms = statistics.median(p["check_ms"] for p in parts)
    prompt_ms = statistics.median(p["prompt_ms"] for p in parts)
    own_ms = statistics.median((p["total_s"] - p["generate_s"]) * 1000 for p in parts)
    cache = "prompt cached" if quick else "prompt evaluated each call"
    how = (f"median of {rounds} interleaved rounds, {tokens} tokens each attempt "
           f"(raw {counts['raw']} = pipeline {counts['off']}), {cache}")  # fmt: skip
    fmt = ", ".join(f"{k} ×{v}" for k, v in triggers.most_common()) or "none"
    fmt_left = ", ".join(f"{k} ×{v}" for k, v in left.most_common()) or "none"
    return [
        *prompt_rows(backend, notes_jobs),
        Row(
            "pipeline_overhead_ratio",
            ratio_off,
            "×",
            how,
            1.05,
            anchor=f"raw call {raw_ms:.0f} ms; pipeline {extra_ms:+.0f} ms",
        ),
        Row(
            "pipeline_own_ms",
            own_ms,
            "ms",
            "the pipeline's own clock per draft: total − generation (prompt, clean-up, checks, token count)",
            anchor=f"{own_ms / raw_ms:.1%} of the raw call; prompt {prompt_ms:.1f}, checks {check_ms:.1f} ms",
        ),
        Row(
            "pipeline_default_ratio",
            ratio_default,
            "×",
            "shipped check settings (repair on), same rounds",
            anchor=f"errors that started a repair: {fmt}; errors left after it: {fmt_left}",
        ),
        Row(
            "repair_attempts_mean",
            statistics.mean(attempts),
            "attempts",
            f"model calls per draft with the shipped settings, over {rounds} drafts",
        ),
    ]
