"""How fast the app starts and answers keys on a 20-article story.

    python benchmarks/bench_tui.py [--articles 20] [--repeat 15] [--size 160x45] [--starts 5]

Goals: the first frame within 0.5 s of typing the command, every key <= 50 ms.

Makes a story by mutating the seed articles (sentences dropped and reordered,
numbers and weekdays changed, so there is something to differ about), writes
it to a temporary folder, then:

- starts the real command (``python -m storydiff FOLDER``) in a pseudo-terminal
  ``--starts`` times and times, from the moment it is launched, the first frame
  (the "Reading and comparing…" screen), the footer's keys and the panes
  (interpreter start-up and every import included: what a user waits for);
- drives the app with Textual's pilot: opening (first frame, panes on screen,
  from the app's start, imports done) and, for each key, the time from the key
  press until the screen has been redrawn.

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import platform
import pty
import select
import struct
import subprocess
import termios
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from storydiff.tui.app import StorydiffApp
from storydiff.tui.compare_screen import CompareScreen
from textual.widgets import LoadingIndicator

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
KEYS = ["j", "j", "k", "n", "N", "u", "tab", "shift+tab", "3", "a", "f", "down", "f",
        "slash", "question_mark", "e", "p"]
CLOSED_BY_ESCAPE = ("slash", "question_mark", "e", "p")


def mutate(text: str, rng: random.Random) -> str:
    """Another outlet's take: some sentences dropped or swapped, numbers and days changed."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    out = []
    for paragraph in paragraphs:
        if rng.random() < 0.15:
            continue
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        if len(sentences) > 1 and rng.random() < 0.3:
            i = rng.randrange(len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        paragraph = " ".join(sentences)
        paragraph = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.choice([0, 0, 1, 3])),
                           paragraph)
        paragraph = re.sub("|".join(DAYS), lambda m: rng.choice([m.group()] * 3 + DAYS),
                           paragraph)
        out.append(paragraph)
    return "\n\n".join(out) + "\n"


def make_story(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(count):
        source = seeds[n % len(seeds)].read_text(encoding="utf-8")
        text = source if n < len(seeds) else mutate(source, rng)
        (folder / f"{n:03d}_outlet.txt").write_text(text, encoding="utf-8")


def start_times(folder: Path, size: tuple[int, int], timeout: float = 30.0) -> dict[str, float]:
    """Seconds from launching the command in a terminal to each thing it draws first."""
    marks = {"first frame": b"Reading and comparing", "footer keys": b"Next conflict",
             "panes": b"\xe2\x94\x82"}  # a pane's border (U+2502)
    width, height = size
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "storydiff", str(folder)], stdin=slave,
                            stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen: dict[str, float] = {}
    tail = b""
    try:
        while len(seen) < len(marks) and time.perf_counter() - started < timeout:
            if not select.select([master], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(master, 1 << 20)
            except OSError:
                break
            now = time.perf_counter() - started
            tail = tail[-64:] + chunk
            for name, text in marks.items():
                if name not in seen and text in tail:
                    seen[name] = now
        os.write(master, b"q")
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return seen


def summary(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"median {statistics.median(ms):5.0f} p95 {p95:5.0f} max {ms[-1]:5.0f}"


async def run(folder: Path, repeat: int, size: tuple[int, int]) -> None:
    app = StorydiffApp([str(folder)])
    painted: list[float] = []
    handled: list[float] = []
    display = app._display

    painted_cpu: list[float] = []

    def timed_display(*args: object, **kwargs: object) -> None:
        display(*args, **kwargs)
        painted.append(time.perf_counter())
        painted_cpu.append(time.process_time())

    app._display = timed_display  # type: ignore[method-assign]
    run_action = app.run_action

    async def timed_action(*args: object, **kwargs: object) -> bool:
        done = await run_action(*args, **kwargs)
        handled.append(time.perf_counter())  # a key that changes nothing on screen
        return done

    app.run_action = timed_action  # type: ignore[method-assign]
    started = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        # The first frame is the first one painted (the pilot's pause may return later).
        first_frame = (painted[0] if painted else time.perf_counter()) - started
        loading = bool(app.screen.query(LoadingIndicator))
        await app.workers.wait_for_complete()
        await pilot.pause()
        ready = time.perf_counter() - started
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        print(f"in the app (from its start, imports done):\n"
              f"  first frame {first_frame * 1000:7.1f} ms (progress indicator still shown "
              f"after the pilot's first pause: {loading})")
        print(f"  panes ready {ready * 1000:7.1f} ms ({len(screen.report.articles)} articles, "
              f"{sum(len(p) for p in screen.report.passages.values())} passages, "
              f"{len(screen.report.groups)} groups, {len(screen.report.facts)} facts)")
        timings: dict[str, list[float]] = {key: [] for key in KEYS}
        first: dict[str, list[float]] = {key: [] for key in KEYS}
        cpu: dict[str, list[float]] = {key: [] for key in KEYS}
        for _ in range(repeat):
            for key in KEYS:
                painted.clear()
                painted_cpu.clear()
                c0 = time.process_time()
                t0 = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                # Two latencies: the first frame that shows the key's effect, and the
                # last frame it caused (layout refinements); the pilot's own waiting
                # for idle afterwards is not the app's time.
                done = handled[0] if handled else t0
                frames = [t for t in painted if t >= done]
                first[key].append((frames[0] if frames else done) - t0)
                timings[key].append(max(painted + handled, default=done) - t0)
                handled.clear()
                await pilot.pause(0.3)  # let this key's last frames land before the next key
                # CPU the app spent from the key press to the last frame the key caused
                # (the pilot's idle waiting costs no CPU; its bookkeeping is included).
                cpu[key].append((painted_cpu[-1] if painted_cpu else time.process_time()) - c0)
                if key in CLOSED_BY_ESCAPE:
                    await pilot.press("escape")
                    await pilot.pause(0.5)
        print(f"keys ({repeat} rounds; ms from the key press to the first frame showing its "
              "effect | to the last frame it caused | CPU to the last frame):")
        all_first: list[float] = []
        all_last: list[float] = []
        all_cpu: list[float] = []
        for key in dict.fromkeys(KEYS):
            all_first.extend(first[key])
            all_last.extend(timings[key])
            all_cpu.extend(cpu[key])
            print(f"  {key:<14} first {summary(first[key])}  | last {summary(timings[key])}"
                  f"  | cpu {summary(cpu[key])}")
        print(f"  {'all keys':<14} first {summary(all_first)}  | last {summary(all_last)}"
              f"  | cpu {summary(all_cpu)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--size", default="160x45")
    parser.add_argument("--starts", type=int, default=5, help="command starts to time")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    print(f"storydiff tui benchmark: {args.articles} articles, terminal {width}x{height}, "
          f"Python {sys.version.split()[0]}, {platform.machine()}, "
          f"{platform.processor() or 'cpu'}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_story(folder, args.articles)
        if args.starts:
            runs = [start_times(folder, (width, height)) for _ in range(args.starts)]
            print(f"command start to ({args.starts} starts in a pseudo-terminal, ms):")
            for name in ("first frame", "footer keys", "panes"):
                got = [r[name] for r in runs if name in r]
                print(f"  {name:<12} {summary(got) if got else 'not seen'}")
        asyncio.run(run(folder, args.repeat, (width, height)))


if __name__ == "__main__":
    main()
