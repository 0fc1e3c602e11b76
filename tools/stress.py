"""Run a command while every CPU is kept busy (`make test-stress`): what a loaded CI runner
or a laptop compiling in the background does to timing-sensitive tests.

    python -m tools.stress [--workers N] [--load auto|python|stress-ng] -- COMMAND...

The load is one busy process per core (`--workers`, default: every core): stress-ng
where it is installed (`auto`), otherwise a Python busy loop. The load is started before
the command and stopped when it ends, however it ends (an exception, Ctrl+C, SIGTERM);
the Python loops also end by themselves if this process is killed outright, as they
watch their parent. Prints the command's wall time and exits with its status.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from types import FrameType

# Spins, and every few million steps checks that its parent is still the one that
# started it: orphaned (the parent was SIGKILLed), it stops.
BUSY_LOOP = """
import os, sys
parent = int(sys.argv[1])
while os.getppid() == parent:
    for _ in range(2_000_000):
        pass
"""
# stress-ng's own bound, in case this process is killed before it can stop the load.
STRESS_NG_MAX_SECONDS = 4 * 3600


def start_load(workers: int, load: str) -> list[subprocess.Popen[bytes]]:
    stress_ng = shutil.which("stress-ng")
    if load == "stress-ng" and stress_ng is None:
        sys.exit("stress-ng is not installed (Debian: apt-get install stress-ng)")
    if load in ("auto", "stress-ng") and stress_ng is not None:
        command = [stress_ng, "--cpu", str(workers), "--timeout", f"{STRESS_NG_MAX_SECONDS}s"]
        # Its own process group: stopping it stops every worker it forked.
        return [subprocess.Popen([*command, "--quiet"], start_new_session=True)]  # noqa: S603
    parent = str(os.getpid())
    return [
        subprocess.Popen(  # noqa: S603 - our own interpreter and loop
            [sys.executable, "-c", BUSY_LOOP, parent], start_new_session=True
        )
        for _ in range(workers)
    ]


def stop_load(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--load", choices=("auto", "python", "stress-ng"), default="auto")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command to run (put it after --)")

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt  # unwinds through the finally below

    signal.signal(signal.SIGTERM, terminate)
    load = start_load(args.workers, args.load)
    kind = "stress-ng" if args.load != "python" and shutil.which("stress-ng") else "python"
    print(f"stress: {args.workers} busy {kind} worker(s) on {os.cpu_count()} core(s)", flush=True)
    started = time.monotonic()
    status = 1
    try:
        status = subprocess.call(command)  # noqa: S603 - the command line we were given
    except KeyboardInterrupt:
        status = 130
    finally:
        stop_load(load)
        elapsed = time.monotonic() - started
        print(f"stress: {' '.join(command)} exited {status} after {elapsed:.1f} s", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
