"""The drafting pipeline: notes → understanding (facts) → prompt (models only) → backend stream →
clean → checks (→ one repair, for a problem a second attempt can fix) → Draft.

`plan_jobs` runs the understanding step once per recipient; each job carries its facts. The
offline composer gets those facts; a model backend gets only the prompt built from them.

The understanding step, the prompts and the checks are imported where they are first used: the
terminal app imports this module to open its draft screen and loads them in a worker."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from afterword.backends.base import NO_PROMPT, Backend, Prompt, Request, Stats
from afterword.errors import BackendError
from afterword.models import TONES, Draft, Interviewer, Issue, Notes, Person
from afterword.scenarios import check_scenario, infer_scenario

if TYPE_CHECKING:
    from afterword.checks.grammar import GrammarChecker
    from afterword.config import Settings
    from afterword.understand import Facts


@dataclass
class Job:
    """One draft to write, with the notes understood from its recipient's side."""

    notes: Notes
    scenario: str
    tone: str
    channel: str
    recipient: Person | Interviewer
    facts: Facts


@dataclass
class Hooks:
    """How a caller watches a generation: each chunk as it arrives, and a stop flag (Esc)."""

    on_chunk: Callable[[str], None] = lambda _chunk: None
    should_stop: Callable[[], bool] = lambda: False
    on_attempt: Callable[[int], None] = lambda _n: None


def default_channel(notes: Notes) -> str:
    """Answer on the channel of the last contact; email is always safe (C9)."""
    return "phone" if notes.interview.channel == "phone" else "email"


def plan_jobs(
    notes: Notes,
    *,
    scenario: str | None = None,
    tone: str = "warm",
    channel: str | None = None,
    to: str | None = None,
    variants: int = 1,
    source: str = "notes",
) -> list[Job]:
    """The drafts one request asks for: one per interviewer for a thank-you, × tone variants."""
    from afterword.understand import understand

    scenario = check_scenario(notes, scenario or infer_scenario(notes), source)
    channel = channel or default_channel(notes)
    if to is not None:
        people = [notes.recipient(to)]
    elif scenario == "thank-you":
        people = notes.recipients()
    else:
        people = [notes.recipient()]
    tones = [tone, *(t for t in TONES if t != tone)][: max(1, variants)]
    return [Job(notes, scenario, t, channel, p, facts) for p in people for facts in [understand(notes, p)]
            for t in tones]


def _names(job: Job) -> list[str]:
    """Names a model's draft must spell as the notes do; the sender and recipient as the
    understanding step reads them ("priya sharma" → "Priya Sharma")."""
    facts = job.facts
    known = {facts.sender.written, facts.recipient.written}
    others = [p.name for p in (*job.notes.interviewers, job.notes.candidate) if p and p.name not in known]
    return [facts.sender.full, facts.recipient.full, *others, job.notes.company.name]


def _repair_prompt(prompt: Prompt, draft_text: str, issues: Iterable[Issue]) -> Prompt:
    """The same prompt, then the previous draft and its problems — as JSON strings, like the notes,
    so a draft that echoes the notes cannot close a fence either."""
    from afterword.prompts import notes_json

    draft = notes_json({"previous_draft": draft_text, "problems": [i.message for i in issues]})
    return Prompt(
        system=prompt.system,
        user=f"{prompt.user}\n\nYour previous draft and its problems (JSON data):\n```json\n{draft}\n```\n"
        "Rewrite the draft so none of the problems remain.",
    )


REPAIRABLE = {
    "language": "warning",  # written in the other language than the notes'
    "placeholder": "error",  # a template's [Company] or ○○ left in
    "C7-assume-job": "error",  # "when I start", "my new team": assumes the job
    "C6-scolding": "error",  # reproaches them for being late
    "C5-news": "error",  # names trouble at the company (a lawsuit, layoffs)
}
"""The issues (rule → lowest severity) that start a repair: the draft is in the wrong language,
or says words it must not, and the problem's message points at them — a second attempt only has
to drop or replace them. Not what the first attempt was already told and left out (thanks, the
greeting or sign-off names: the same prompt again rarely adds them), not spelling or grammar
(mostly names and terms the model has no better spelling for), not grounding (a retry tends to
invent again, and a paraphrase of the notes can trip it), not other warnings or infos (taste,
not faults): each would cost a whole second generation for little chance of a better draft.
Measured on SmolLM2 (bench/pipeline_bench.py, before this set): 21 grounding and 5 C1-thanks
errors started a repair in each of 5 drafts, doubling their cost; 15 and 5 were still there after."""


def repairable(draft: Draft) -> list[Issue]:
    """The draft's issues a second attempt can fix (see REPAIRABLE)."""
    from afterword.checks import SEVERITY_RANK

    return [
        i for i in draft.checks
        if i.rule in REPAIRABLE and SEVERITY_RANK[i.severity] >= SEVERITY_RANK[REPAIRABLE[i.rule]]
    ]  # fmt: skip


def _score(draft: Draft) -> tuple[int, int, int]:
    """Lower is better: problems a repair is for first, then errors, then warnings."""
    return (
        len(repairable(draft)),
        sum(i.severity == "error" for i in draft.checks),
        sum(i.severity == "warning" for i in draft.checks),
    )


class Pipeline:
    """Runs jobs against one backend and one grammar checker, built once by the caller."""

    def __init__(self, backend: Backend, settings: Settings, grammar: GrammarChecker | None = None) -> None:
        self.backend = backend
        self.settings = settings
        self.grammar = grammar

    @property
    def composes(self) -> bool:
        """The backend writes from facts (the offline composer), so no prompt is built."""
        return bool(getattr(self.backend, "composes", False))

    def _attempt(self, job: Job, prompt: Prompt, hooks: Hooks) -> tuple[Draft, Stats]:
        from afterword.checks import check_draft
        from afterword.postprocess import clean

        opts = self.settings.ollama
        request = Request(
            prompt=prompt,
            scenario=job.scenario,
            tone=job.tone,
            channel=job.channel,
            recipient=job.recipient.name,
            facts=job.facts if self.composes else None,
            temperature=opts.temperature,
            seed=opts.seed,
            max_tokens=opts.num_predict,
        )
        stats = Stats()
        parts: list[str] = []
        stopped = False
        try:
            for chunk in self.backend.stream(request, stats):
                parts.append(chunk)
                hooks.on_chunk(chunk)
                if hooks.should_stop():
                    stopped = True
                    break
        except BackendError as exc:
            exc.partial = "".join(parts) or exc.partial
            raise
        raw = "".join(parts)
        subject, body = clean(raw, () if self.composes else _names(job))
        if not body and not stopped:  # "Sure! Here's a draft:" and nothing after it
            raise BackendError("the model's reply had no e-mail in it", "draft again, or try another model",
                               partial=raw)
        t0 = time.perf_counter()
        report = check_draft(
            subject,
            body,
            language=job.notes.language,
            notes=job.notes,
            scenario=job.scenario,
            channel=job.channel,
            grammar=self.grammar,
            recipient=job.recipient.name,
        )
        check_ms = (time.perf_counter() - t0) * 1000
        draft = Draft(
            subject=subject,
            body=body,
            scenario=job.scenario,  # type: ignore[arg-type]
            tone=job.tone,  # type: ignore[arg-type]
            language=job.notes.language,
            channel="phone" if job.channel == "phone" else "email",
            backend=self.backend.name,
            model=stats.model,
            recipient=job.recipient.name,
            checker=report.checker,
            checks=report.issues,
            partial=stopped,
            timings={
                "generate_s": round(stats.total_s, 4),
                "first_chunk_s": round(stats.first_chunk_s or 0.0, 4),
                "load_s": round(stats.load_s, 4),
                "check_ms": round(check_ms, 2),
                "prompt_tokens": stats.prompt_tokens,
                "output_tokens": stats.output_tokens,
                "tokens_per_s": round(stats.tokens_per_s, 2),
            },
        )
        return draft, stats

    def run(self, job: Job, hooks: Hooks | None = None) -> Draft:
        """Write one draft; with a model, retry up to `checks.repair_attempts` times while it has a
        problem a second attempt can fix (REPAIRABLE)."""
        from afterword.prompts import prompt_for

        hooks = hooks or Hooks()
        start = time.perf_counter()
        prompt = NO_PROMPT if self.composes else prompt_for(job.facts, job.scenario, job.tone, job.channel)
        prompt_ms = (time.perf_counter() - start) * 1000
        best, _ = self._attempt(job, prompt, hooks)
        attempts = 1
        repairs = 0 if self.composes else self.settings.checks.repair_attempts
        while attempts <= repairs and not best.partial and (fixable := repairable(best)):
            hooks.on_attempt(attempts + 1)
            attempts += 1
            try:
                candidate, _ = self._attempt(job, _repair_prompt(prompt, best.text, fixable), hooks)
            except BackendError:  # a failed repair never costs the complete draft already made
                break
            if _score(candidate) < _score(best):
                best = candidate
        best.timings.update(
            prompt_ms=round(prompt_ms, 2),
            attempts=attempts,
            total_s=round(time.perf_counter() - start, 4),
        )
        return best

    def run_all(self, jobs: list[Job], hooks: Hooks | None = None) -> list[Draft]:
        """Run every job, then flag near-duplicates."""
        drafts = [self.run(job, hooks) for job in jobs]
        flag_duplicates(drafts)
        return drafts


def flag_duplicates(drafts: list[Draft]) -> None:
    """Flag near-duplicate drafts to different recipients in the same tone."""
    from afterword.checks import duplicate_issues

    for tone in dict.fromkeys(d.tone for d in drafts):
        group = [d for d in drafts if d.tone == tone]
        for draft, extra in zip(group, duplicate_issues([d.body for d in group]), strict=True):
            draft.checks.extend(extra)
