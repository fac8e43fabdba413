"""How many active students one replica serves: N simulated students speak Streamlit's own WebSocket
protocol (protobuf BackMsg / ForwardMsg over /_stcore/stream, as the browser does, but no browser per
student, so hundreds fit on this machine), each opening a chapter, then moving one of its sliders
every 1–3 s (uniform think time after the previous answer) and now and then going to another
chapter. Reported per N: the rerun latency measured at the client (send → script_finished) p50 and
p95, errors (exceptions shown, runs that did not finish, dropped connections: must be 0), the
server's CPU (cores busy, from /proc) and its resident memory at the end.

Loopback only; every loop is bounded in time. What only a browser sees (drawing, the remount of
charts) is not in these figures: benchmarks/load_test.py measures that for 20 browsers.

Run: python benchmarks/capacity.py [--students 10 25 50 100 200] [--seconds 45]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.serve import rss_mb, streamlit
from ui.nav import CHAPTERS

PAGES = ("", *(c.url_path for c in CHAPTERS))    # "" is home, as the browser asks for it
THINK_S = (1.0, 3.0)
NEW_PAGE_SHARE = 0.1    # of a student's actions, the share that goes to another chapter
RUN_TIMEOUT_S = 120.0   # a rerun not finished by then counts as an error
RAMP_PER_S = 10         # students joining per second
SUCCESS = {0, 3}        # ScriptFinishedStatus FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)   # s, reruns that started in the window
    errors: list[str] = field(default_factory=list)
    runs: int = 0


@dataclass
class Slider:
    id: str
    lo: float
    hi: float
    step: float


async def rerun(ws, page: str, lang: str, widget: tuple[Slider, float] | None) -> tuple[float, list[Slider], str]:
    """Ask for one run of `page` (with one slider set, if given); wait for script_finished. Returns
    (seconds, the page's sliders, an error text or "")."""
    msg = BackMsg()
    msg.rerun_script.query_string = f"lang={lang}"
    msg.rerun_script.page_name = page
    if widget:
        state = msg.rerun_script.widget_states.widgets.add()
        state.id = widget[0].id
        state.double_array_value.data.append(widget[1])
    start = time.perf_counter()
    await ws.send(msg.SerializeToString())
    sliders, error = [], ""
    while True:
        fm = ForwardMsg()
        fm.ParseFromString(await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S))
        kind = fm.WhichOneof("type")
        if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            element = fm.delta.new_element
            # st.slider of numbers (INT, FLOAT); a select_slider (it has options) takes other values
            if element.WhichOneof("type") == "slider" and element.slider.data_type in (0, 1) \
                    and not element.slider.options:
                s = element.slider
                sliders.append(Slider(s.id, s.min, s.max, s.step or 1.0))
            elif element.WhichOneof("type") == "exception":
                moved = f"{widget[0].id[-12:]} = {widget[1]:g}" if widget else "no move"
                error = f"{element.exception.type or 'exception'} on {page or 'home'} ({moved})"
        elif kind == "script_finished":
            if fm.script_finished not in SUCCESS and not error:
                error = f"run of {page or 'home'} ended with status {fm.script_finished}"
            return time.perf_counter() - start, sliders, error


def a_move(sliders: list[Slider], rng: random.Random) -> tuple[Slider, float] | None:
    """A random slider set to a random value on its grid."""
    if not sliders:
        return None
    s = rng.choice(sliders)
    steps = max(1, round((s.hi - s.lo) / s.step))
    return s, s.lo + s.step * rng.randint(0, steps)


async def student(k: int, url: str, window: dict, tally: Tally) -> None:
    rng = random.Random(k)
    page, lang = PAGES[k % len(PAGES)], ("en", "zh")[k % 2]
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], origin=url, max_size=None,
                                      open_timeout=60, ping_interval=None) as ws:
            _, sliders, error = await rerun(ws, page, lang, None)
            if error:
                tally.errors.append(error)
            while time.monotonic() < window["end"]:
                await asyncio.sleep(rng.uniform(*THINK_S))
                if rng.random() < NEW_PAGE_SHARE:
                    page, move = rng.choice(PAGES), None
                else:
                    move = a_move(sliders, rng)
                started = time.monotonic()
                took, found, error = await rerun(ws, page, lang, move)
                sliders = found or sliders      # a fragment rerun may not send every slider again
                if window["start"] <= started < window["end"]:
                    tally.latencies.append(took)
                    tally.runs += 1
                if error:
                    tally.errors.append(error)
    except (TimeoutError, OSError, websockets.WebSocketException) as err:
        tally.errors.append(f"student {k}: {type(err).__name__} {str(err)[:60]}")


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process and its children that it waited for, in s."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


async def one_level(url: str, pid: int, n: int, seconds: float) -> dict:
    ramp = n / RAMP_PER_S
    window = {"start": time.monotonic() + ramp + 5.0}
    window["end"] = window["start"] + seconds
    tally = Tally()
    tasks = []
    for k in range(n):
        tasks.append(asyncio.create_task(student(k, url, window, tally)))
        await asyncio.sleep(1 / RAMP_PER_S)
    await asyncio.sleep(max(0.0, window["start"] - time.monotonic()))
    cpu0, wall0, client0 = cpu_seconds(pid) if pid else 0.0, time.monotonic(), time.process_time()
    await asyncio.sleep(max(0.0, window["end"] - time.monotonic()))
    cpu1, wall1, client1 = cpu_seconds(pid) if pid else 0.0, time.monotonic(), time.process_time()
    await asyncio.wait(tasks, timeout=RUN_TIMEOUT_S + 10)
    lat = sorted(tally.latencies)
    q = (lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000) if lat else (lambda p: float("nan"))
    return {"n": n, "runs": tally.runs, "per_s": tally.runs / seconds, "p50": q(0.5), "p95": q(0.95),
            "mean": statistics.fmean(lat) * 1000 if lat else float("nan"), "errors": tally.errors,
            "cpu": (cpu1 - cpu0) / (wall1 - wall0), "client_cpu": (client1 - client0) / (wall1 - wall0),
            "rss": rss_mb(pid) if pid else float("nan")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", type=int, nargs="+", default=[10, 25, 50, 100, 200])
    ap.add_argument("--seconds", type=float, default=45.0, help="measured window per level, after the ramp-up")
    ap.add_argument("--url", help="an app already running (its CPU and memory are then not measured)")
    args = ap.parse_args()
    if args.url:
        for n in args.students:
            r = asyncio.run(one_level(args.url, None, n, args.seconds))
            print(n, f"{r['p50']:.0f} {r['p95']:.0f} ms", r["errors"][:5])
        return
    print(f"{time.strftime('%Y-%m-%d %H:%M')}  think {THINK_S[0]:g}-{THINK_S[1]:g} s, {NEW_PAGE_SHARE:.0%} page "
          f"changes, {args.seconds:g} s window per level, a fresh server per level")
    print("| students | reruns/s | rerun p50 (ms) | rerun p95 (ms) | errors | server CPU (cores) | client CPU "
          "| RSS (MB) |")
    print("|---|---|---|---|---|---|---|---|")
    for n in args.students:
        with streamlit("app.py") as (url, pid):
            r = asyncio.run(one_level(url, pid, n, args.seconds))
        print(f"| {r['n']} | {r['per_s']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {len(r['errors'])} | "
              f"{r['cpu']:.2f} | {r['client_cpu']:.2f} | {r['rss']:.0f} |", flush=True)
        for e in r["errors"][:5]:
            print("   ", e)


if __name__ == "__main__":
    main()
