"""The checks finish on long, hostile drafts: every pattern they run is linear-time (issue 11.6).

Each shape once made a check quadratic (a 40,000-character run took 7–30 s; 200,000 would take
minutes). The checks run in a subprocess with a deadline far above the linear cost, so a
quadratic pattern fails the test instead of hanging the suite; `bench/lint_bench.py` measures
the cost itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, SAMPLES

SIZE = 200_000
SHAPES = {
    "katakana run (e-mail pattern)": "ア",
    "addresses": "a.b@c.de ",
    "trouble in every sentence": "Layoffs. ",
    "unknown names": "Kubernetes ",
}
SCRIPT = """
import json, sys
from afterword.checks import check_text
from afterword.models import load_notes
size, shapes, samples = int(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
out = {}
for name, unit in shapes.items():
    for lang in ("en", "ja"):
        notes = load_notes(f"{samples}/{lang}_thank_you.json")
        text = "Subject: Thank you\\n\\n" + unit * (size // len(unit))
        issues = check_text(text, notes=notes, scenario="thank-you").issues
        spans_ok = all(0 <= i.offset <= i.offset + i.length <= len(text) for i in issues)
        out[f"{name} {lang}"] = [len(text), spans_ok, max(len(i.message) for i in issues)]
print(json.dumps(out))
"""


def test_checks_finish_on_200k_characters_of_each_hostile_shape() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(SIZE), json.dumps(SHAPES), str(SAMPLES)],
                          capture_output=True, text=True, env=env, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json.loads(proc.stdout)
    assert len(results) == 2 * len(SHAPES)
    for shape, (size, spans_ok, longest_message) in results.items():
        assert size >= SIZE - 10, shape
        assert spans_ok, f"{shape}: an issue points outside the text"
        assert longest_message < 400, f"{shape}: a message quotes the whole run"
