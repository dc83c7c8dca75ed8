"""`afterword prompt`: print the exact messages a model would get for these notes (for people who
tune prompts). The offline composer gets no prompt; this shows what Ollama or the embedded model
would read."""

from __future__ import annotations

import argparse

from afterword.cli.draft_cmd import add_draft_options


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("prompt", help="print the exact messages a model would get for these notes")
    add_draft_options(p)
    p.set_defaults(handler=run_prompt)


def run_prompt(args: argparse.Namespace) -> int:
    from afterword.cli.draft_cmd import plan
    from afterword.config import load_settings
    from afterword.prompts import prompt_for

    _, jobs = plan(args, args.tone or load_settings().tone)
    blocks = []
    for job in jobs:
        prompt = prompt_for(job.facts, job.scenario, job.tone, job.channel)
        head = f"# to {job.recipient.name} · {job.scenario} · {job.tone} · {job.channel}"
        blocks.append(f"{head}\n\n[system]\n{prompt.system}\n\n[user]\n{prompt.user}")
    print("\n---\n".join(blocks))
    return 0
