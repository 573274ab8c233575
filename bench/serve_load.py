"""Load test for ``newslint serve`` (a script, not a test): loopback only, bounded.

    python bench/serve_load.py [--requests 3000] [--concurrency 16] [--workers 2] [--max-seconds 60]

Starts ``newslint serve`` (2 workers by default) on a free 127.0.0.1 port,
then, from a second process, sends a ~5 KB article to ``POST /v2/check`` from
``--concurrency`` threads over keep-alive ``http.client`` connections until
``--requests`` answers or ``--max-seconds`` have passed. Prints requests/s,
p50/p90/p99 latency and the error count (targets: >= 200 req/s, p99 < 100 ms,
no errors), then checks that a 10 MB body is refused with 413. Exit status 1
when a target is missed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited: " + process.stderr.read().decode())
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                connection.close()
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start in time")


def load_client(port: int, total: int, concurrency: int, max_seconds: float, bodies: list[bytes]) -> dict:
    """Runs in the second process: the threads, the timings and the 413 check."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(total))
    deadline = time.monotonic() + max_seconds
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Connection": "keep-alive"}

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            with lock:
                index = next(counter, None)
                if index is None:
                    break
            body = bodies[index % len(bodies)]
            start = time.perf_counter()
            try:
                connection.request("POST", "/v2/check", body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
                elapsed = time.perf_counter() - start
                if response.status != 200 or b'"matches"' not in data:
                    with lock:
                        errors.append(f"HTTP {response.status}")
                    continue
                with lock:
                    latencies.append(elapsed)
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors.append(f"{type(error).__name__}: {error}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else float("nan")

    big = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        big.request("POST", "/v2/check", body=b"a" * (10 * 1024 * 1024),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
        big_status = big.getresponse().status
    except OSError as error:
        big_status = f"{type(error).__name__}"
    return {"ok": len(latencies), "errors": len(errors), "error_samples": sorted(set(errors))[:5],
            "seconds": wall, "rps": len(latencies) / wall if wall else 0.0,
            "p50_ms": percentile(50), "p90_ms": percentile(90), "p99_ms": percentile(99),
            "max_ms": latencies[-1] * 1000 if latencies else float("nan"), "big_body_status": big_status}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--size", type=int, default=5000, help="article size in characters (default 5000)")
    parser.add_argument("--distinct", type=int, default=1,
                        help="how many different articles to rotate through (default 1: the same one, "
                             "as an editor re-sending its text; use --requests to defeat the cache)")
    parser.add_argument("--cache-size", type=int, default=256, help="the server's --cache-size (default 256)")
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    from newsgen import text_of_size

    planted = "\nOfficials in Kiev said the the talks would resume .\n"
    text = text_of_size(args.size, seed=7) + planted
    if args.client:  # the second process
        base = text_of_size(args.size + 2000, seed=7)
        bodies = [urllib.parse.urlencode({"text": base[i:i + args.size] + planted if i else text,
                                          "language": "en-US"}).encode()
                  for i in range(min(args.distinct, 2000))]
        bodies += [urllib.parse.urlencode({"text": f"{i}. " + text, "language": "en-US"}).encode()
                   for i in range(max(0, args.distinct - 2000))]
        print(json.dumps(load_client(args.port, args.requests, args.concurrency, args.max_seconds, bodies)))
        return 0

    port = free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    server = subprocess.Popen([sys.executable, "-m", "newslint.cli", "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--workers", str(args.workers),
                               "--cache-size", str(args.cache_size)],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(port, server)
        # warm every worker up (rules compiled, caches filled) before measuring
        subprocess.run([sys.executable, __file__, "--client", "--port", str(port), "--requests", "64",
                        "--concurrency", str(args.concurrency), "--max-seconds", "20"],
                       cwd=ROOT, env=env, capture_output=True, check=True)
        result = subprocess.run([sys.executable, __file__, "--client", "--port", str(port),
                                 "--requests", str(args.requests), "--concurrency", str(args.concurrency),
                                 "--max-seconds", str(args.max_seconds), "--size", str(args.size),
                                 "--distinct", str(args.distinct)],
                                cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=args.max_seconds + 60)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        server.stderr.close()
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return 2
    stats = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"newslint serve: {args.workers} workers, {len(text.encode())} byte article, "
          f"concurrency {args.concurrency}, {args.distinct} distinct article(s), "
          f"server cache {args.cache_size}, {os.cpu_count()} CPUs")
    print(f"requests: {stats['ok']} ok, {stats['errors']} errors in {stats['seconds']:.2f} s "
          f"-> {stats['rps']:.0f} req/s")
    print(f"latency: p50 {stats['p50_ms']:.1f} ms, p90 {stats['p90_ms']:.1f} ms, p99 {stats['p99_ms']:.1f} ms, "
          f"max {stats['max_ms']:.1f} ms")
    if stats["error_samples"]:
        print("errors:", "; ".join(stats["error_samples"]))
    print(f"10 MB body: HTTP {stats['big_body_status']} (expected 413)")
    met = (stats["rps"] >= 200 and stats["p99_ms"] < 100 and stats["errors"] == 0
           and stats["big_body_status"] == 413)
    print("targets (>= 200 req/s, p99 < 100 ms, no errors, 413):", "met" if met else "MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
