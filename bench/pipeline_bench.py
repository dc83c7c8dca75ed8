"""Pipeline overhead over the raw backend call, measured side by side in one run.

Raw: llama-cpp streaming the same prompt directly. Pipeline: prompt build + the same stream +
clean-up + checks, through `Pipeline.run`. Both use the real SmolLM2-135M GGUF, greedy decoding
and the same token budget, interleaved so machine noise hits both alike.

    python bench/pipeline_bench.py [--runs 7] [--tokens 96]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from afterword.backends.embedded import EmbeddedBackend
from afterword.checks.grammar import make_checker
from afterword.config import Settings
from afterword.models import load_notes
from afterword.pipeline import Pipeline, plan_jobs
from afterword.prompts import build_prompt, resource_dir


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tokens", type=int, default=96)
    args = parser.parse_args()

    settings = Settings()
    settings.ollama.temperature = 0.0
    settings.ollama.seed = 1
    settings.ollama.num_predict = args.tokens
    settings.checks.repair_attempts = 0
    settings.checks.languagetool = "off"
    backend = EmbeddedBackend(settings.embedded)
    notes = load_notes(Path(resource_dir("sample_data")) / "en_thank_you.json")
    job = plan_jobs(notes, scenario="thank-you", to="Priya Raman")[0]
    pipeline = Pipeline(backend, settings, make_checker(settings.checks, "en"))
    llm = backend._load()
    prompt = build_prompt(job.notes, job.scenario, job.tone, job.channel, job.recipient)
    messages = [{"role": "system", "content": prompt.system}, {"role": "user", "content": prompt.user}]

    def raw() -> float:
        t = time.perf_counter()
        for _ in llm.create_chat_completion(
            messages=messages, stream=True, temperature=0.0, max_tokens=args.tokens, seed=1
        ):
            pass
        return time.perf_counter() - t

    last = {}

    def piped() -> float:
        t = time.perf_counter()
        last["draft"] = pipeline.run(job)
        return time.perf_counter() - t

    raw(), piped()  # warm both paths (model load, checker set-up)
    raws, pipes = [], []
    for _ in range(args.runs):
        raws.append(raw())
        pipes.append(piped())
    r, p = statistics.median(raws), statistics.median(pipes)
    timings = last["draft"].timings
    print(f"model: {backend.model_name()}  runs: {args.runs}  max tokens: {args.tokens}")
    print(f"prompt tokens: {timings['prompt_tokens']}  output tokens: {timings['output_tokens']}")
    print(f"pipeline parts: prompt {timings['prompt_ms']} ms, checks {timings['check_ms']} ms")
    print(f"raw backend call  median {r * 1000:8.1f} ms")
    print(f"full pipeline     median {p * 1000:8.1f} ms")
    print(f"overhead          {100 * (p - r) / r:+.1f} %   (target ≤ 5 %)")


if __name__ == "__main__":
    main()
