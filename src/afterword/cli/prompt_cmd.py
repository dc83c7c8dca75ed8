"""`afterword prompt`: print the exact messages a model would get for these notes (for people who
tune prompts). The offline composer gets no prompt; this shows what Ollama or the embedded model
would read."""

from __future__ import annotations

import argparse

from afterword.ids import SCENARIOS, TONES


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("prompt", help="print the exact messages a model would get for these notes")
    p.add_argument("notes", metavar="NOTES.json", help="interview notes (see sample_data/)")
    p.add_argument("--scenario", help=f"one of {', '.join(SCENARIOS)} (default: inferred from the notes)")
    p.add_argument("--tone", choices=TONES, help="default: config `tone` (warm)")
    p.add_argument("--channel", choices=("email", "phone"), help="default: the channel of the last contact")
    p.add_argument("--to", metavar="NAME", help="the prompt for this recipient only")
    p.set_defaults(handler=run_prompt)


def run_prompt(args: argparse.Namespace) -> int:
    from afterword.cli.draft_cmd import plan_request
    from afterword.config import load_settings
    from afterword.prompts import prompt_for

    jobs = plan_request(args, args.tone or load_settings().tone)
    blocks = []
    for job in jobs:
        prompt = prompt_for(job.facts, job.scenario, job.tone, job.channel)
        head = f"# to {job.recipient.name} · {job.scenario} · {job.tone} · {job.channel}"
        blocks.append(f"{head}\n\n[system]\n{prompt.system}\n\n[user]\n{prompt.user}")
    print("\n---\n".join(blocks))
    return 0
