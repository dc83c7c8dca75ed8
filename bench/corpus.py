"""Draft every notes file of a corpus and count the drafts that break the properties (issue 8).

For each file × each scenario its `expect.json` lists × each recipient (one per interviewer for a
thank-you, as `plan_jobs` decides) × every tone, on the notes' default channel: the offline
composer through the real pipeline (`plan_jobs` / `Pipeline`, offline grammar checker), then
`tests/draft_properties.check_properties`. Prints defect counts per property, drafts with at
least one defect out of all drafts, and the worst examples.

    python bench/corpus.py [--dir tests/data/notes_realistic] [--json] [--worst 10]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from draft_properties import PROPERTIES, check_properties, property_of  # noqa: E402

from afterword.backends import make_backend  # noqa: E402
from afterword.checks.grammar import GrammarChecker, offline_checker  # noqa: E402
from afterword.config import Settings  # noqa: E402
from afterword.models import TONES, load_notes  # noqa: E402
from afterword.pipeline import Pipeline, plan_jobs  # noqa: E402


def run_corpus(folder: Path) -> list[dict[str, Any]]:
    """One row per draft: where it came from, its text and the properties it breaks."""
    expect = json.loads((folder / "expect.json").read_text("utf-8"))
    settings = Settings()
    backend = make_backend("offline", settings)
    checkers: dict[str, GrammarChecker] = {}
    rows = []
    for name, entry in sorted(expect.items()):
        notes = load_notes(folder / name)
        grammar = checkers.setdefault(notes.language, offline_checker(notes.language))
        pipeline = Pipeline(backend, settings, grammar)
        for scenario in entry["scenarios"]:
            jobs = plan_jobs(notes, scenario=scenario, variants=len(TONES), source=name)
            for draft in pipeline.run_all(jobs):
                violations = check_properties(
                    notes, draft.recipient, entry["recipients"][draft.recipient], draft.scenario,
                    draft.channel, draft.subject, draft.body, draft.checks,
                )  # fmt: skip
                rows.append({
                    "file": name, "language": notes.language, "scenario": draft.scenario,
                    "tone": draft.tone, "channel": draft.channel, "recipient": draft.recipient,
                    "violations": violations, "text": draft.text,
                })  # fmt: skip
    return rows


def summary(rows: list[dict[str, Any]], worst: int) -> dict[str, Any]:
    """Counts per property (drafts affected and violations), defective drafts, the worst drafts."""
    per_drafts: Counter[str] = Counter()
    per_violations: Counter[str] = Counter()
    for row in rows:
        props = [property_of(v) for v in row["violations"]]
        per_violations.update(props)
        per_drafts.update(set(props))
    by_language = {
        lang: {"drafts": len(group), "defective": sum(bool(r["violations"]) for r in group)}
        for lang in ("en", "ja")
        if (group := [r for r in rows if r["language"] == lang])
    }
    ranked = sorted(rows, key=lambda r: (-len(r["violations"]), r["file"], r["scenario"], r["tone"]))
    return {
        "drafts": len(rows),
        "defective": sum(bool(r["violations"]) for r in rows),
        "files": len({r["file"] for r in rows}),
        "by_language": by_language,
        "properties": {p: {"drafts": per_drafts[p], "violations": per_violations[p]} for p in PROPERTIES},
        "worst": [r for r in ranked[:worst] if r["violations"]],
    }


def print_report(folder: Path, result: dict[str, Any]) -> None:
    print(f"corpus: {folder} — {result['files']} files, {result['drafts']} drafts")
    print(f"drafts with ≥ 1 defect: {result['defective']} / {result['drafts']}")
    for lang, counts in result["by_language"].items():
        print(f"  {lang}: {counts['defective']} / {counts['drafts']}")
    print("\nproperty               drafts  violations")
    for prop, counts in result["properties"].items():
        print(f"  {prop:<20} {counts['drafts']:>6}  {counts['violations']:>10}")
    print(f"\nworst {len(result['worst'])} drafts:")
    for row in result["worst"]:
        print(
            f"\n── {row['file']} · {row['scenario']} · {row['tone']} · {row['channel']}"
            f" · to {row['recipient']} — {len(row['violations'])} defects"
        )
        for violation in row["violations"]:
            print(f"   ✗ {violation}")
        print("   " + row["text"].replace("\n", "\n   "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "tests" / "data" / "notes_realistic")
    parser.add_argument("--json", action="store_true", help="print the summary and every draft as JSON")
    parser.add_argument("--worst", type=int, default=10, help="how many of the worst drafts to show")
    args = parser.parse_args()
    rows = run_corpus(args.dir)
    result = summary(rows, args.worst)
    if args.json:
        print(json.dumps({**result, "results": rows}, ensure_ascii=False, indent=1))
    else:
        print_report(args.dir, result)


if __name__ == "__main__":
    main()
