"""The terminal app, driven in fresh processes as a person starts it.

Each launch is a new `python` process doing what `afterword` / `afterword open NOTES` do —
read the settings (shipped defaults, an empty data folder), load the notes, build
`Services.default`, start `AfterwordApp` — but under Textual's headless driver
(`App.run_test`, 100×32), so the moment the app is ready can be read from inside. The clock
starts in this process just before the child is spawned: the interpreter's start is included.

- `tui_ready_ms`: launch → the dashboard mounted, its applications loaded and painted, and the
  app idle (no message pending);
- `open_to_draft_ms`: `open NOTES` → the draft screen mounted and a key typed into its subject
  field (sent through the driver, as a terminal delivers it) showing — the screen answers;
- `tui_rss_mb`: peak RSS of that process after one draft with the offline composer and its checks;
- `stream_ui_lag_ms_p95`: key → effect while a backend streams ~250 chunks/s (a scripted
  backend standing in for a fast local model), beside the same keys when nothing streams;
- cross-check (full run): the real `afterword` under tmux, launch → the screen's text on the
  terminal, beside tmux + `python -c print` as the floor.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _timing import NOTES_EN, ROOT, Row, bench_env, hwm_mb, pct, run_process

SIZE = (100, 32)
DASHBOARD_TEXT = "No applications yet"
DRAFT_TEXT = "Press ctrl+g to draft"


class SlowBackend:
    """Streams a long draft one word at a time, 4 ms apart (≈250 chunks/s, like a fast model)."""

    name = "slow"

    def model_name(self) -> str | None:
        return "slow-1"

    def stream(self, request: Any, stats: Any) -> Iterator[str]:
        yield "Subject: Thank you\n\nDear Priya,\n\n"
        for n in itertools.count():  # until Esc stops it
            time.sleep(0.004)
            yield f"word{n} " + ("\n\n" if n % 60 == 59 else "")


# -- in the child process -----------------------------------------------------------------------


async def _type_key(app: Any, field: Any) -> float:
    """Send one key through the driver (as a terminal delivers it, without waiting for idle)
    and return the milliseconds until it shows in `field`."""
    from textual import events

    before = len(field.value)
    start = time.perf_counter()
    key = events.Key("a", "a")
    key.set_sender(app)
    app._driver.send_message(key)
    while len(field.value) == before:
        await asyncio.sleep(0.0005)
    return (time.perf_counter() - start) * 1000


async def _launch(kind: str, t0: float) -> dict[str, float]:
    """As `afterword` (kind "ready") or `afterword open NOTES` (kinds "open", and "draft" which
    then writes one draft) start the app; the milliseconds since `t0` (epoch seconds taken by
    the parent) at each step."""
    started = time.time()
    from afterword.config import load_settings
    from afterword.models import load_notes

    notes = None if kind == "ready" else load_notes(NOTES_EN)
    settings = load_settings()
    from afterword.tui.app import AfterwordApp
    from afterword.tui.services import Services

    if kind == "ready":  # the screen to wait for (the dashboard alone never imports the draft screen)
        from afterword.tui.screens.dashboard import DashboardScreen

        want: type = DashboardScreen
    else:
        from afterword.tui.screens.draft import DraftScreen

        want = DraftScreen

    imported = time.time()
    app = AfterwordApp(Services.default(settings), notes=notes)
    out = {"python_ms": started - t0, "import_ms": imported - started}
    async with app.run_test(size=SIZE) as pilot:
        while not (isinstance(app.screen, want) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        out["mounted_ms"] = time.time() - t0
        if kind == "ready":
            await app.workers.wait_for_complete()
            await pilot.pause()
            out["ready_ms"] = time.time() - t0
            out["cpu_ms"] = time.process_time()  # every thread's CPU since the process started
        else:
            subject = app.screen.query_one("#subject")
            subject.focus()
            out["key_ms"] = await _type_key(app, subject) / 1000
            out["interactive_ms"] = time.time() - t0
            out["cpu_ms"] = time.process_time()
        if kind == "draft":  # then the checker's warm-up and one draft with its checks
            while "en" not in app.services._checkers or any(
                t.name.startswith("grammar-warmup") for t in threading.enumerate()
            ):  # the draft screen builds the grammar checker in the background
                await asyncio.sleep(0.002)
            out["warm_ms"] = time.time() - t0
            await pilot.press("ctrl+g")
            desk = app.screen.desk
            while not desk.slots or any(slot.draft is None for slot in desk.slots) or app.screen.generating:
                await asyncio.sleep(0.01)
            await app.workers.wait_for_complete()
            out["drafted_ms"] = time.time() - t0
    return {k: v * 1000 for k, v in out.items()}


async def _key_latency(home: Path, streaming: bool, keys: int) -> list[float]:
    """Per-key milliseconds from the driver to the character showing in the subject field."""
    from textual.widgets import Select

    from afterword.backends import make_backend
    from afterword.config import Settings
    from afterword.models import load_notes
    from afterword.store import Store
    from afterword.tui.app import AfterwordApp
    from afterword.tui.screens.draft import DraftScreen
    from afterword.tui.services import Services, default_checker_factory, default_model_lister
    from afterword.tui.state import UIState

    settings = Settings(backend="offline")
    slow = SlowBackend()
    services = Services(
        settings=settings,
        store_factory=lambda: Store(home / "afterword.json"),
        make_backend=lambda name, model, notice: (
            slow if name == "slow" else make_backend(name, settings, model, notice)  # type: ignore[return-value]
        ),
        list_models=default_model_lister(settings),
        make_checker=default_checker_factory(settings),
        backend_names=("ollama", "offline", "slow"),
    )
    app = AfterwordApp(services, notes=load_notes(NOTES_EN), state=UIState(home / "ui.json"))
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
        subject = screen.query_one("#subject")
        subject.focus()
        await pilot.pause()
        for _ in range(keys):
            times.append(await _type_key(app, subject))
            await asyncio.sleep(0.02)
        still = screen.generating
        await pilot.press("escape")
        await app.workers.wait_for_complete()
    if streaming and not still:
        raise RuntimeError("the draft finished before the measurement did")
    return times


def child(kind: str, arg: str) -> None:
    """The child process: print one JSON object with its figures."""
    if kind in ("ready", "open", "draft"):
        out: dict[str, Any] = asyncio.run(_launch(kind, float(arg)))
    else:
        keys = int(arg)
        with tempfile.TemporaryDirectory() as tmp:
            out = {
                "idle": asyncio.run(_key_latency(Path(tmp) / "idle", False, keys)),
                "streaming": asyncio.run(_key_latency(Path(tmp) / "busy", True, keys)),
            }
    out["rss_mb"] = hwm_mb()
    print(json.dumps(out))


# -- in the benchmark's process -------------------------------------------------------------


def _spawn(kind: str, env: dict[str, str], arg: str | None = None) -> dict[str, Any]:
    args = [
        sys.executable,
        str(Path(__file__).resolve()),
        kind,
        arg if arg is not None else repr(time.time()),
    ]
    proc = run_process(args, env, timeout=300)
    if proc.code:
        raise RuntimeError(f"tui child {kind} failed: {proc.err[-800:]}")
    return json.loads(proc.out.strip().splitlines()[-1])  # type: ignore[no-any-return]


class Tmux:
    """A private tmux server running one command in a 100×32 window."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.base = [
            shutil.which("tmux") or "tmux",
            "-L",
            f"afterword-bench-{uuid.uuid4().hex[:8]}",
            "-f",
            "/dev/null",
        ]

    def __call__(self, *args: str) -> str:
        return subprocess.run(
            [*self.base, *args], capture_output=True, text=True, env=self.env, timeout=30
        ).stdout

    def first_paint_ms(self, command: list[str], text: str, timeout: float = 30) -> float:
        """Milliseconds from starting `command` in tmux until `text` is on its screen."""
        start = time.perf_counter()
        self(
            "new-session", "-d", "-x", str(SIZE[0]), "-y", str(SIZE[1]), "-c", str(ROOT), shlex.join(command)
        )
        try:
            while text not in self("capture-pane", "-p"):
                if time.perf_counter() - start > timeout:
                    raise RuntimeError(f"{shlex.join(command)}: no {text!r} after {timeout} s")
                time.sleep(0.005)
            return (time.perf_counter() - start) * 1000
        finally:
            self("kill-server")


def _tmux_rows(home: Path, runs: int) -> list[Row]:
    """First paint of the real app: the dashboard on an empty store, `open NOTES` on a fresh one."""
    afterword = [sys.executable, "-m", "afterword"]
    empty = bench_env(home / "empty")
    floor, dash, opened = [], [], []
    for n in range(runs):
        floor.append(Tmux(empty).first_paint_ms([sys.executable, "-c", "print('ready'); input()"], "ready"))
        dash.append(Tmux(empty).first_paint_ms(afterword, DASHBOARD_TEXT))
        opened.append(
            Tmux(bench_env(home / f"open{n}")).first_paint_ms(
                [*afterword, "open", str(NOTES_EN.relative_to(ROOT))], DRAFT_TEXT
            )
        )
    how = f"real `afterword` under tmux, launch → its text on the screen, median of {runs}"
    anchor = f"tmux + python start floor {statistics.median(floor):.0f} ms"
    return [
        Row("tui_ready_tmux_ms", statistics.median(dash), "ms", how, anchor=anchor),
        Row("open_to_draft_tmux_ms", statistics.median(opened), "ms", how, anchor=anchor),
    ]


def _store_at_scale(home: Path) -> None:
    """The 1,000-application store of store_bench in `home`'s data folder."""
    from store_bench import backup

    from afterword.store import Store

    (home / "data").mkdir(parents=True, exist_ok=True)
    Store(home / "data" / "afterword.json").import_data(backup())


def measure(quick: bool) -> list[Row]:
    runs, keys = (3, 30) if quick else (5, 100)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = bench_env(home / "empty", AFTERWORD_BACKEND="offline")
        if not quick:  # once unmeasured: the OS file cache, .pyc files (in a quick run, the
            _spawn("ready", env)  # sections before have done that)
        ready = [_spawn("ready", env) for _ in range(runs)]
        # each `open` on a fresh store; a full run drafts in each, a quick one in the last only
        kinds = ["draft"] * runs if not quick else ["open"] * (runs - 1) + ["draft"]
        opened = [
            _spawn(k, bench_env(home / f"open{n}", AFTERWORD_BACKEND="offline")) for n, k in enumerate(kinds)
        ]
        drafted = [r for r in opened if "drafted_ms" in r]
        lag = _spawn("keys", env, str(keys))
        at_scale: list[dict[str, Any]] = []
        tmux: list[Row] = []
        if not quick:
            _store_at_scale(home / "big")
            at_scale = [_spawn("ready", bench_env(home / "big")) for _ in range(runs)]
            if shutil.which("tmux"):
                tmux = _tmux_rows(home / "tmux", runs)

    def med(rows: list[dict[str, Any]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    how = f"fresh process, headless driver, median of {runs}"
    rows = [
        Row(
            "tui_ready_ms",
            med(ready, "ready_ms"),
            "ms",
            how + ": launch → dashboard loaded and idle",
            400.0,
            anchor=f"CPU {med(ready, 'cpu_ms'):.0f} ms; python up {med(ready, 'python_ms'):.0f}, imports "
            f"{med(ready, 'import_ms'):.0f}, mounted {med(ready, 'mounted_ms'):.0f} ms",
        ),
        Row(
            "open_to_draft_ms",
            med(opened, "interactive_ms"),
            "ms",
            how + ": `open NOTES` → draft screen answers a key",
            500.0,
            anchor=f"CPU {med(opened, 'cpu_ms'):.0f} ms; python up {med(opened, 'python_ms'):.0f}, imports "
            f"{med(opened, 'import_ms'):.0f}, "
            f"mounted {med(opened, 'mounted_ms'):.0f}, first key {med(opened, 'key_ms'):.0f} ms; "
            f"checker warm at {med(drafted, 'warm_ms'):.0f} ms",
        ),
        Row(
            "stream_ui_lag_ms_p95",
            pct(lag["streaming"], 0.95),
            "ms",
            f"{keys} keys through the driver while ~250 chunks/s stream",
            anchor=f"idle p95 {pct(lag['idle'], 0.95):.1f} ms; median streaming "
            f"{statistics.median(lag['streaming']):.1f} vs idle {statistics.median(lag['idle']):.1f} ms",
        ),
        Row(
            "tui_rss_mb",
            med(drafted, "rss_mb"),
            "MiB",
            f"peak RSS after `open NOTES` and one offline draft with its checks, median of {len(drafted)}",
            anchor=f"dashboard only {med(ready, 'rss_mb'):.0f} MiB",
        ),
    ]
    if at_scale:
        rows.append(
            Row(
                "tui_ready_1000_ms",
                med(at_scale, "ready_ms"),
                "ms",
                how + ": the dashboard with 1,000 applications",
                anchor=f"mounted {med(at_scale, 'mounted_ms'):.0f} ms",
            )
        )
    return rows + tmux


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    child(sys.argv[1], sys.argv[2])
