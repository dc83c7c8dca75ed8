"""TUI benchmark: launch-to-interactive, and key-press latency while a long draft streams.

Run: `PYTHONPATH=src python bench/tui_bench.py` (headless `App.run_test`, 100×32).

- launch: time from creating the app to the first screen mounted and idle (target ≤ 500 ms),
  for the dashboard and for `open NOTES` (the draft screen, notes tracked in the store).
- keys: a scripted slow streaming backend (stands in for a local model) writes a long draft while
  keys are typed into the subject field; time from `pilot.press` to the key's effect, median and
  p95, side by side with the same measurement when nothing streams.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

RUNS = 7
KEYS = 60
SIZE = (100, 32)


class SlowBackend:
    """Streams a long draft one word at a time, 4 ms apart (≈250 chunks/s, like a fast model)."""

    name = "slow"

    def model_name(self) -> str | None:
        return "slow-1"

    def stream(self, request, stats) -> Iterator[str]:  # type: ignore[no-untyped-def]
        yield "Subject: Thank you\n\nDear Priya,\n\n"
        for n in itertools.count():  # until Esc stops it
            time.sleep(0.004)
            yield f"word{n} " + ("\n\n" if n % 60 == 59 else "")


def _services(home: Path, slow: bool = False):  # type: ignore[no-untyped-def]
    from afterword.backends import make_backend
    from afterword.config import OllamaSettings, Settings
    from afterword.store import Store
    from afterword.tui.services import Services, default_checker_factory, default_model_lister

    settings = Settings(backend="offline", ollama=OllamaSettings(host="http://127.0.0.1:9"))
    settings.checks.languagetool = "off"
    backend = SlowBackend()
    return Services(
        settings=settings,
        store_factory=lambda: Store(home / "afterword.json"),
        make_backend=lambda name, model: backend if name == "slow" else make_backend(name, settings, model),
        list_models=default_model_lister(settings),
        make_checker=default_checker_factory(settings),
        backend_names=("ollama", "offline", "slow") if slow else ("ollama", "offline"),
    )


async def launch(home: Path, with_notes: bool) -> tuple[float, float]:
    """Milliseconds from creating the app to its screen mounted, and to it being idle."""
    from afterword.models import load_notes
    from afterword.tui.app import AfterwordApp
    from afterword.tui.screens.draft import DraftScreen
    from afterword.tui.state import UIState

    notes = load_notes(ROOT / "sample_data" / "en_thank_you.json") if with_notes else None
    start = time.perf_counter()
    app = AfterwordApp(_services(home), notes=notes, state=UIState(home / "ui.json"))
    async with app.run_test(size=SIZE) as pilot:
        while with_notes and not (isinstance(app.screen, DraftScreen) and app.screen.is_mounted):
            await asyncio.sleep(0.002)
        mounted = (time.perf_counter() - start) * 1000
        await pilot.pause()
        idle = (time.perf_counter() - start) * 1000
        await app.workers.wait_for_complete()
    return mounted, idle


async def key_latency(home: Path, streaming: bool, via_pilot: bool) -> tuple[list[float], int]:
    """Per-key milliseconds from press to the character showing in the subject field."""
    from textual import events
    from textual.widgets import Select

    from afterword.models import load_notes
    from afterword.tui.app import AfterwordApp
    from afterword.tui.screens.draft import DraftScreen
    from afterword.tui.state import UIState
    from afterword.tui.widgets.wrapline import WrapLine

    notes = load_notes(ROOT / "sample_data" / "en_thank_you.json")
    app = AfterwordApp(_services(home, slow=True), notes=notes, state=UIState(home / "ui.json"))
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        while not isinstance(app.screen, DraftScreen):
            await pilot.pause(0.01)
        screen = app.screen
        await app.workers.wait_for_complete()
        screen.query_one("#backend", Select).value = "slow"
        screen.query_one("#recipient", Select).value = "Priya Raman"
        await pilot.pause()
        if streaming:
            await pilot.press("ctrl+g")
            while not screen.desk.slots or len(screen.desk.slots[0].stream) < 200:
                await pilot.pause(0.01)
        subject = screen.query_one("#subject", WrapLine)
        subject.focus()
        await pilot.pause()
        for _ in range(KEYS):
            before = len(subject.value)
            start = time.perf_counter()
            if via_pilot:
                await pilot.press("a")
            else:  # as a terminal delivers it: through the driver, without waiting for idle
                key = events.Key("a", "a")
                key.set_sender(app)
                app._driver.send_message(key)  # type: ignore[union-attr]
            while len(subject.value) == before:
                await asyncio.sleep(0.0005)
            times.append((time.perf_counter() - start) * 1000)
            await asyncio.sleep(0.02)
        chunks = len(screen.desk.slots[0].stream.split()) if screen.desk.slots else 0
        still = screen.generating
        await pilot.press("escape")
        await app.workers.wait_for_complete()
    assert not streaming or still, "the draft finished before the measurement did"
    return times, chunks


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["AFTERWORD_HOME"] = tmp
        home = Path(tmp)
        start = time.perf_counter()
        import afterword.tui.app  # noqa: F401  (first import, as at start-up)

        import_ms = (time.perf_counter() - start) * 1000
        dash = [await launch(home / f"d{n}", False) for n in range(RUNS)]
        opened = [await launch(home / f"o{n}", True) for n in range(RUNS)]
        print(f"import afterword.tui.app (cold): {import_ms:.0f} ms")
        for label, runs in (("dashboard", dash), ("`open NOTES` draft screen", opened)):
            mounted, idle = [m for m, _ in runs], [i for _, i in runs]
            print(f"launch → {label}: mounted median {statistics.median(mounted):.0f} ms "
                  f"(max {max(mounted):.0f}); idle median {statistics.median(idle):.0f} ms "
                  f"(max {max(idle):.0f}) over {RUNS} runs; target ≤ 500 ms")
        for label, via_pilot in (("driver key", False), ("pilot.press", True)):
            idle, _ = await key_latency(home / f"idle-{via_pilot}", False, via_pilot)
            busy, words = await key_latency(home / f"busy-{via_pilot}", True, via_pilot)
            print(f"{label} → effect, idle:        median {statistics.median(idle):.1f} ms, "
                  f"p95 {pct(idle, 0.95):.1f} ms ({KEYS} keys)")
            print(f"{label} → effect, streaming:   median {statistics.median(busy):.1f} ms, "
                  f"p95 {pct(busy, 0.95):.1f} ms ({words} words streamed meanwhile)")
            print(f"{label} streaming / idle:      median ×"
                  f"{statistics.median(busy) / statistics.median(idle):.2f}, "
                  f"p95 ×{pct(busy, 0.95) / pct(idle, 0.95):.2f}")


if __name__ == "__main__":
    asyncio.run(main())
