#!/usr/bin/env python3
"""Start-up time, memory and sizes of CardCoins Desktop against a bare Tauri app.

Both apps are measured the same way, in the same run, in rounds (RUNS, default 15): each round
starts the baseline and the app back to back, in alternating order, so drift on a shared machine
hits both alike and neither always goes first.
  * start-up: a WebDriver session (tauri-driver + WebKitWebDriver, on a private Xvfb) is
    requested; the clock runs from just before that request until `[data-testid="start"]` is
    found in the page (polled every 10 ms). The WebDriver overhead is in both figures. A session
    the driver drops before answering is retried on a fresh display and driver; the count of
    such retries is in the figures.
  * idle memory: 5 s after the Start button was found, VmRSS (and Pss, which splits shared pages
    fairly) of the app process and of every process below it (WebKitWebProcess,
    WebKitNetworkProcess), summed.
  * after a journey (CardCoins only): the e2e on-chain journey (tests/e2e/journey_onchain.rs) is
    run against the release binary while a sampler reads the same figures every 200 ms; the last
    whole sample before the app exits (the journey ends on "Approved", then closes) and the peak
    count.

Every figure is reported as min, median and max; each ratio is the app's figure over the
baseline's within a round, with min, median, max and a 95% interval of the median (spread.py).

Only the standard library: the script has to run wherever the app builds.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from spread import describe, ratio_report, spread

IDLE_SECONDS = 5.0
START_SELECTOR = '[data-testid="start"]'
# A refused session is tried again this many times in all, waiting a little longer each time.
SESSION_ATTEMPTS = 4
SESSION_BACKOFF_S = 1.0


# --- processes and memory -----------------------------------------------------------------------

def children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the parent pid follows the last ')'.
        fields = stat[stat.rfind(")") + 2:].split()
        if len(fields) > 1 and int(fields[1]) == pid:
            found.append(int(entry))
    return found


def tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        queue.extend(children_of(current))
    return pids


def status_kib(pid: int, field: str, path: str = "status") -> int | None:
    try:
        with open(f"/proc/{pid}/{path}") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def name_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def started_at(pid: int) -> str | None:
    """The process's start time in clock ticks (field 22 of stat): tells a pid reused later
    apart from the process it was."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2:].split()
    return fields[19] if len(fields) > 19 else None


def end_leftovers(processes: dict[int, str | None]):
    """SIGKILL what is still running of `processes` (pid -> start time, from before the driver
    was stopped): a session the driver dropped can leave the app it had launched behind."""
    for pid, start in processes.items():
        if start is not None and started_at(pid) == start:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def memory_of(app_pid: int) -> dict:
    """VmRSS and Pss (KiB) of the app and everything it started, per process and summed."""
    processes = []
    for pid in tree(app_pid):
        rss = status_kib(pid, "VmRSS")
        if rss is None:
            continue
        pss = status_kib(pid, "Pss", "smaps_rollup") or 0
        processes.append({"pid": pid, "name": name_of(pid), "rss_kib": rss, "pss_kib": pss})
    return {
        "app_rss_kib": next((p["rss_kib"] for p in processes if p["pid"] == app_pid), 0),
        "total_rss_kib": sum(p["rss_kib"] for p in processes),
        "total_pss_kib": sum(p["pss_kib"] for p in processes),
        "processes": processes,
    }


def find_app(binary: Path, under: int | None = None) -> int | None:
    target = os.path.realpath(binary)
    candidates = tree(under) if under else [int(e) for e in os.listdir("/proc") if e.isdigit()]
    for pid in candidates:
        try:
            if os.path.realpath(f"/proc/{pid}/exe") == target:
                return pid
        except OSError:
            continue
    return None


# --- display and WebDriver ----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.02)
    raise RuntimeError(f"{what} was not ready within {seconds:.0f} s")


def start_display() -> tuple[subprocess.Popen, str]:
    number = next(n for n in range(600, 700) if not Path(f"/tmp/.X{n}-lock").exists())
    name = f":{number}"
    xvfb = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wait_until(
        lambda: subprocess.run(["xdpyinfo", "-display", name], capture_output=True).returncode == 0,
        10, "Xvfb",
    )
    return xvfb, name


def webdriver(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=data, method=method,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
    except (urllib.error.URLError, ConnectionError, http.client.HTTPException) as error:
        # tauri-driver sometimes drops a request sent while the page is still loading.
        return 0, {"error": str(error)}


def stop(process: subprocess.Popen):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tauri_driver() -> str:
    explicit = os.environ.get("TAURI_DRIVER")
    if explicit:
        return explicit
    cargo_bin = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo")) / "bin" / "tauri-driver"
    return str(cargo_bin) if cargo_bin.exists() else "tauri-driver"


class SessionRefused(RuntimeError):
    """The driver closed or refused the connection instead of answering the new-session request."""


def one_start(binary: Path, args: list[str]) -> dict:
    """Launch → Start button found, then idle memory; everything it starts is ended here."""
    xvfb, display = start_display()
    port, native_port = free_port(), free_port()
    # CardCoins sets WEBKIT_DISABLE_DMABUF_RENDERER=1 at start (blank windows on some GPUs);
    # setting it here gives the bare app the same renderer, or the memory would not compare.
    env = dict(os.environ, DISPLAY=display, GSETTINGS_BACKEND="memory",
               WEBKIT_DISABLE_DMABUF_RENDERER="1")
    driver = subprocess.Popen(
        [tauri_driver(), "--port", str(port), "--native-port", str(native_port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    session = None
    try:
        def listening():
            with socket.socket() as s:
                return s.connect_ex(("127.0.0.1", port)) == 0
        wait_until(listening, 15, "tauri-driver")
        wanted = {
            "browserName": "wry",
            "tauri:options": {"application": str(binary), "args": args},
        }
        # What fantoccini sends too: W3C capabilities plus the legacy field.
        capabilities = {"capabilities": {"alwaysMatch": wanted}, "desiredCapabilities": wanted}
        t0 = time.monotonic()
        code, answer = webdriver(port, "POST", "/session", capabilities)
        t_session = time.monotonic()
        if code == 0:
            raise SessionRefused(f"WebDriver session refused: {answer}")
        if code != 200:
            raise RuntimeError(f"WebDriver session refused ({code}): {answer}")
        session = answer["value"]["sessionId"]
        locator = {"using": "css selector", "value": START_SELECTOR}
        while True:
            code, _ = webdriver(port, "POST", f"/session/{session}/element", locator)
            if code == 200:
                break
            if time.monotonic() - t0 > 30:
                raise RuntimeError(f"{START_SELECTOR} did not appear within 30 s")
            time.sleep(0.01)
        t_ready = time.monotonic()
        app_pid = find_app(binary, driver.pid)
        if app_pid is None:
            raise RuntimeError(f"no process runs {binary}")
        time.sleep(IDLE_SECONDS)
        memory = memory_of(app_pid)
        return {
            "startup_ms": round((t_ready - t0) * 1000, 1),
            "session_ms": round((t_session - t0) * 1000, 1),
            **memory,
        }
    finally:
        if session:
            webdriver(port, "DELETE", f"/session/{session}")
        below_driver = {pid: started_at(pid) for pid in tree(driver.pid) if pid != driver.pid}
        stop(driver)
        end_leftovers(below_driver)
        stop(xvfb)


def start_with_retries(start, pause=time.sleep) -> dict:
    """`start()`, tried again after a refused session: one refusal must not end a long run.
    The figures carry how many attempts were refused."""
    for attempt in range(1, SESSION_ATTEMPTS + 1):
        try:
            figures = start()
        except SessionRefused as refusal:
            if attempt == SESSION_ATTEMPTS:
                raise RuntimeError(f"{refusal} ({SESSION_ATTEMPTS} attempts)") from refusal
            print(f"  {refusal}; trying again ({attempt + 1}/{SESSION_ATTEMPTS})",
                  file=sys.stderr, flush=True)
            pause(SESSION_BACKOFF_S * attempt)
            continue
        return figures | {"refused_sessions": attempt - 1}
    raise AssertionError("unreachable: the loop returns or raises")


# --- the journey ---------------------------------------------------------------------------------

def journey_memory(binary: Path, repo: Path) -> dict:
    """Runs the on-chain e2e journey on `binary`, sampling its memory until it exits."""
    samples: list[dict] = []
    done = threading.Event()

    def sample():
        while not done.is_set():
            pid = find_app(binary)
            if pid is not None:
                memory = memory_of(pid)
                if memory["app_rss_kib"]:
                    samples.append(memory)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    env = dict(os.environ, CARDCOINS_APP_BIN=str(binary))
    started = time.monotonic()
    result = subprocess.run(
        ["cargo", "test", "-q", "-p", "cardcoins-e2e", "--test", "journey_onchain", "--",
         "--test-threads=1"],
        cwd=repo, env=env, capture_output=True, text=True,
    )
    done.set()
    sampler.join()
    if result.returncode != 0:
        raise RuntimeError(f"journey failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    if not samples:
        raise RuntimeError("the journey ran but no app process was ever sampled")
    # The newest sample taken while the page's web process still ran: once the session closes,
    # the processes go one by one and a sample could catch half of them.
    whole = [s for s in samples if any(p["name"].startswith("WebKitWebProc") for p in s["processes"])]
    last = (whole or samples)[-1]
    return {
        "journey_s": round(time.monotonic() - started, 1),
        "last_total_rss_kib": last["total_rss_kib"],
        "last_total_pss_kib": last["total_pss_kib"],
        "last_app_rss_kib": last["app_rss_kib"],
        "peak_total_rss_kib": max(s["total_rss_kib"] for s in samples),
        "samples": len(samples),
        "last_processes": last["processes"],
    }


# --- sizes ---------------------------------------------------------------------------------------

def deb_installed_kib(deb: Path) -> int | None:
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Installed-Size"], capture_output=True,
                          text=True)
    return int(info.stdout.strip()) if info.returncode == 0 and info.stdout.strip() else None


def frontend_sizes(dist: Path) -> dict:
    """Bytes (raw and gzipped) of what index.html loads, and of the whole build."""
    index = (dist / "index.html").read_text()
    first = ["index.html"] + re.findall(r'(?:src|href)="/?(assets/[^"]+)"', index)

    def size(names):
        raw = sum((dist / n).stat().st_size for n in names)
        gz = sum(len(gzip.compress((dist / n).read_bytes(), 9)) for n in names)
        return {"files": len(names), "bytes": raw, "gzip_bytes": gz}

    everything = [str(p.relative_to(dist)) for p in dist.rglob("*") if p.is_file()]
    return {"first_screen": size(first) | {"names": first}, "all": size(everything)}


def file_size(path: Path | None) -> int | None:
    return path.stat().st_size if path and path.exists() else None


# --- main ----------------------------------------------------------------------------------------

STARTS = [("baseline", "baseline", []), ("app", "app", []), ("app_sandbox", "app", ["--sandbox"])]


def round_order(index: int) -> list[tuple[str, str, list[str]]]:
    """The starts of round `index`: the baseline first in even rounds, last in odd ones."""
    return STARTS if index % 2 == 0 else list(reversed(STARTS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--app-deb", type=Path)
    parser.add_argument("--app-rpm", type=Path)
    parser.add_argument("--baseline-deb", type=Path)
    parser.add_argument("--dist", type=Path, required=True)
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=15,
                        help="rounds; each starts the baseline, the app and the app --sandbox")
    parser.add_argument("--journeys", type=int, default=3)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()

    binaries = {"baseline": options.baseline, "app": options.app}
    runs = {key: [] for key, _, _ in STARTS}
    for i in range(options.runs):
        for key, binary, args in round_order(i):
            figures = start_with_retries(functools.partial(one_start, binaries[binary], args))
            runs[key].append(figures)
            print(f"run {i + 1}/{options.runs} {key:12} start-up {figures['startup_ms']:7.1f} ms  "
                  f"idle RSS {figures['total_rss_kib'] / 1024:6.1f} MiB "
                  f"(app {figures['app_rss_kib'] / 1024:.1f}, PSS {figures['total_pss_kib'] / 1024:.1f})",
                  flush=True)

    journeys = []
    for i in range(options.journeys):
        figures = journey_memory(options.app, options.repo)
        journeys.append(figures)
        print(f"journey {i + 1}/{options.journeys}: {figures['journey_s']} s, last RSS "
              f"{figures['last_total_rss_kib'] / 1024:.1f} MiB, peak "
              f"{figures['peak_total_rss_kib'] / 1024:.1f} MiB", flush=True)

    summary = {}
    for key, figures in runs.items():
        summary[key] = {field: spread([f[field] for f in figures]) for field in
                        ["startup_ms", "session_ms", "total_rss_kib", "app_rss_kib", "total_pss_kib"]}
        summary[key]["refused_sessions"] = sum(f["refused_sessions"] for f in figures)
    if journeys:
        summary["journey"] = {field: spread([j[field] for j in journeys]) for field in
                              ["last_total_rss_kib", "last_total_pss_kib", "last_app_rss_kib",
                               "peak_total_rss_kib", "journey_s"]}
    summary["sizes"] = {
        "app_binary": file_size(options.app),
        "baseline_binary": file_size(options.baseline),
        "app_deb": file_size(options.app_deb),
        "app_deb_installed_kib": deb_installed_kib(options.app_deb) if options.app_deb else None,
        "app_rpm": file_size(options.app_rpm),
        "baseline_deb": file_size(options.baseline_deb),
        "baseline_deb_installed_kib": deb_installed_kib(options.baseline_deb) if options.baseline_deb else None,
    }
    summary["frontend"] = frontend_sizes(options.dist)
    def paired(field: str, target: float | None) -> dict:
        return ratio_report([f[field] for f in runs["app"]],
                            [f[field] for f in runs["baseline"]], target)

    summary["ratios"] = {
        "startup": paired("startup_ms", 1.2),
        "idle_rss": paired("total_rss_kib", 1.3),
        "idle_pss": paired("total_pss_kib", None),
    }
    summary["targets"] = {
        "startup_within_1.2x": summary["ratios"]["startup"]["verdict"],
        "idle_memory_within_1.3x": summary["ratios"]["idle_rss"]["verdict"],
        "deb_under_8_MB": "met" if (summary["sizes"]["app_deb"] or 10**12) < 8 * 1000 * 1000
        else "missed",
    }
    options.out.write_text(json.dumps({"summary": summary, "runs": runs, "journeys": journeys},
                                      indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    for name, report in summary["ratios"].items():
        print(describe(name, report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
