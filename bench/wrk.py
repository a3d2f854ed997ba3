"""Run wrk against one URL and read requests/s, p50, p99 and errors from its report."""

import re
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Result:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def parse(report):
    def grab(pattern):
        match = re.search(pattern, report)
        return match.groups() if match else None

    socket_errors = grab(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    non_2xx = grab(r"Non-2xx or 3xx responses: (\d+)")
    return Result(
        requests_per_second=float(grab(r"Requests/sec:\s+([\d.]+)")[0]),
        p50_ms=milliseconds(grab(r"\s50%\s+([\d.]+\w+)")[0]),
        p99_ms=milliseconds(grab(r"\s99%\s+([\d.]+\w+)")[0]),
        errors=sum(map(int, socket_errors or ())) + int(non_2xx[0] if non_2xx else 0),
        requests=int(grab(r"(\d+) requests in")[0]),
    )


def load(url, *, seconds, connections=16, threads=2, timeout=10):
    # wrk counts an answer slower than --timeout (2 s by default) as an error; a reader waits longer.
    report = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", f"{timeout}s", "--latency", url],
        check=True, capture_output=True, text=True,
    ).stdout
    return parse(report)
