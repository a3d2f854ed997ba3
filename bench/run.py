"""Benchmark the public pages at archive scale: ``make bench [N=100000]``.

Builds (once, then reuses) PostgreSQL databases ``newsroom_bench_<N>`` with N
seed-shaped releases, prints the query plans of every page at N, then loads
each page with wrk from this second process through three tiers:

- cold:  gunicorn (2 sync workers, production settings), no page cache;
- warm:  the same with the application page cache in Redis;
- front: Varnish from deploy/varnish/ in front of the warm application;

plus the detail page's HTML as a static file served by nginx (the ceiling), and
a plain five-query Django view on SQLite (bench/reference), the yardstick the
issue's targets were set against, to scale them to the machine at hand, and the
site's own imprint page cold (one query, all its middleware): the floor of this stack.
Finally the cold p50 at N against the cold p50 at 1,000 releases.
"""

import argparse
import datetime
import os
import platform
import secrets
import subprocess
import sys
import urllib.error
import urllib.request

import psycopg

from . import servers, wrk

ROOT = servers.ROOT
WORK = ROOT / "var" / "bench"
SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
PORT = int(os.environ.get("BENCH_PORT", "8801"))  # uses PORT .. PORT+4
PER_PAGE = 10
# Issue #8: the cold detail page should serve 600 requests per second on a machine where the
# plain five-query view (bench/reference) serves about 450.
TARGET_COLD_DETAIL, REFERENCE_WHEN_SET = 600, 450


def database_url(releases):
    return f"{SERVER}/newsroom_bench_{releases}"


def site_env(releases, *, page_cache):
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "NEWSROOM_DEMO", "REDIS_URL"}}
    env.update(
        DATABASE_URL=database_url(releases), SECRET_KEY=secrets.token_urlsafe(40), ALLOWED_HOSTS="127.0.0.1",
        MEDIA_ROOT=str(WORK / "media"), STATIC_ROOT=str(WORK / "static"), LOG_LEVEL="ERROR",
        NEWSROOM_PAGE_CACHE="1" if page_cache else "0", REDIS_URL=REDIS_URL,
    )
    return env


def manage(releases, *args, **kwargs):
    return subprocess.run([str(servers.VENV_BIN / "python"), "manage.py", *args], cwd=ROOT, check=True,
                          env=site_env(releases, page_cache=False), **kwargs)


def ensure_database(releases):
    """Create and fill newsroom_bench_<N> unless it already holds N releases."""
    name = f"newsroom_bench_{releases}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            with psycopg.connect(database_url(releases)) as db:
                try:
                    if db.execute("SELECT count(*) FROM newsroom_pressrelease").fetchone()[0] == releases:
                        manage(releases, "migrate", "--noinput", "-v0")
                        return
                except psycopg.errors.UndefinedTable:
                    pass
                except subprocess.CalledProcessError:
                    print(f"{name} does not migrate to this code; building it again.", flush=True)
            admin.execute(f'DROP DATABASE "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    print(f"Building {name} …", flush=True)
    manage(releases, "migrate", "--noinput", "-v0")
    manage(releases, "create_bench_data", "--releases", str(releases))


def pages(releases):
    """The benchmarked URLs: a seed-shaped detail page, list page 1, a page mid-archive, RSS, search."""
    with psycopg.connect(database_url(releases)) as db:
        slug, public = db.execute(
            "SELECT (SELECT slug FROM newsroom_pressrelease WHERE status = 'published' AND published_at <= now()"
            " ORDER BY published_at DESC LIMIT 1),"
            " (SELECT count(*) FROM newsroom_pressrelease WHERE status = 'published' AND published_at <= now())"
        ).fetchone()
    deep = max(1, -(-public // PER_PAGE) // 2)
    return {
        "detail": f"/pressemeldungen/{slug}/",
        "list p1": "/pressemeldungen/",
        f"list p{deep}": f"/pressemeldungen/?seite={deep}",
        "rss": "/pressemeldungen/feed/rss/",
        "search": "/suche/?q=Ausbildung",
    }


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def measure(base, paths, args, tier, results):
    for name, path in paths.items():
        status = status_of(base + path)  # also warms the caches
        if status != 200:
            print(f"  {tier:6} {name:12} skipped: HTTP {status} (page not on this branch?)", flush=True)
            continue
        result = wrk.load(base + path, seconds=args.seconds, connections=args.connections)
        results[(tier, name)] = result
        print(f"  {tier:6} {name:12} {result.requests_per_second:9.1f} req/s  p50 {result.p50_ms:7.2f} ms  "
              f"p99 {result.p99_ms:7.2f} ms  errors {result.errors}", flush=True)


def flush_cache():
    """Each run starts from an empty cache: the generation token does not know which database it describes."""
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)


def run_cold(args, paths, small_paths, results):
    """Cold at N and at the small size side by side, page by page, so both see the same load."""
    flush_cache()
    with servers.gunicorn(PORT, site_env(args.releases, page_cache=False)) as large, \
            servers.gunicorn(PORT + 4, site_env(args.small, page_cache=False)) as small:
        for (name, path), (small_name, small_path) in zip(paths.items(), small_paths.items()):
            measure(large, {name: path}, args, "cold", results)
            measure(small, {small_name: small_path}, args, f"cold@{args.small}", results)
        # The floor of this stack: one query, a short template, every middleware of the site.
        measure(large, {"imprint": "/impressum/"}, args, "floor", results)
        with urllib.request.urlopen(large + paths["detail"]) as response:
            return response.read()


def cpu_per_request(releases, paths):
    """{page: CPU ms per request} measured in-process (manage.py measure_pages)."""
    output = manage(releases, "measure_pages", *(f"{name}={path}" for name, path in paths.items()),
                    capture_output=True, text=True).stdout
    return {name: float(cpu) for name, status, cpu in (line.split("\t") for line in output.splitlines())
            if status == "200"}


def cpu_report(args, large, small):
    lines = ["", f"| page | CPU ms per request at {args.small:,} | at {args.releases:,} | ratio |",
             "| --- | ---: | ---: | ---: |"]
    for name, cpu in large.items():
        if name in small:
            lines.append(f"| {name} | {small[name]:.2f} | {cpu:.2f} | {cpu / small[name]:.2f} |")
    return "\n".join(lines)


def report(args, paths, results, ceiling):
    lines = ["| page | tier | req/s | p50 ms | p99 ms | errors | × ceiling |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for (tier, name), result in results.items():
        if tier.startswith("cold@"):
            continue
        lines.append(f"| {name} | {tier} | {result.requests_per_second:.0f} | {result.p50_ms:.2f} | "
                     f"{result.p99_ms:.2f} | {result.errors} | {result.requests_per_second / ceiling:.3f} |")
    lines += ["", f"| page | cold p50 at {args.small:,} | cold p50 at {args.releases:,} | ratio |",
              "| --- | ---: | ---: | ---: |"]
    for name in paths:
        small = results.get((f"cold@{args.small}", name if not name.startswith("list p") or name == "list p1"
                             else "list deep"))
        large = results.get(("cold", name))
        if small and large:
            lines.append(f"| {name} | {small.p50_ms:.2f} | {large.p50_ms:.2f} | {large.p50_ms / small.p50_ms:.2f} |")
    return "\n".join(lines)


def yardstick(results):
    """The cold detail page against the plain view, and the target scaled to this machine."""
    plain, cold = results.get(("plain", "reference")), results.get(("cold", "detail"))
    if not (plain and cold):
        return ""
    target = TARGET_COLD_DETAIL * plain.requests_per_second / REFERENCE_WHEN_SET
    lines = [
        "", "| yardstick | req/s | p50 ms |", "| --- | ---: | ---: |",
        f"| plain five-query Django view, SQLite (bench/reference) | {plain.requests_per_second:.0f} | "
        f"{plain.p50_ms:.2f} |",
        f"| cold detail page | {cold.requests_per_second:.0f} | {cold.p50_ms:.2f} |",
    ]
    verdict = [
        f"Cold detail = {cold.requests_per_second / plain.requests_per_second:.2f} × the plain view. "
        f"The target ({TARGET_COLD_DETAIL} req/s where the plain view serves {REFERENCE_WHEN_SET}) "
        f"is {target:.0f} req/s on this machine: {'met' if cold.requests_per_second >= target else 'not met'}."
    ]
    if floor := results.get(("floor", "imprint")):
        lines.append(f"| cold imprint page: 1 query, a short template, all the site's middleware | "
                     f"{floor.requests_per_second:.0f} | {floor.p50_ms:.2f} |")
        verdict.append(f"The imprint page serves {floor.requests_per_second / plain.requests_per_second:.2f} × "
                       f"the plain view, {floor.requests_per_second / target:.2f} × the target.")
    return "\n".join([*lines, "", " ".join(verdict)])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="The archive size to compare cold p50s with.")
    parser.add_argument("--seconds", type=int, default=10, help="Duration of each wrk run.")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.UTC)
    load_before = os.getloadavg()[0]

    for releases in sorted({args.small, args.releases}):
        ensure_database(releases)
    manage(args.releases, "collectstatic", "--noinput", "-v0")
    paths = pages(args.releases)
    print(f"\n# Query plans at {args.releases:,} releases", flush=True)
    flush_cache()
    archive_year = datetime.date.today().year - 5
    manage(args.releases, "explain_pages", f"--archive-year={archive_year}", *paths.values())

    print(f"\n# Load: wrk -t2 -c{args.connections} -d{args.seconds}s --timeout 10s, {args.releases:,} releases", flush=True)
    results = {}
    small_paths = pages(args.small)
    small_paths = {("list deep" if name.startswith("list p") and name != "list p1" else name): path
                   for name, path in small_paths.items()}
    detail_html = run_cold(args, paths, small_paths, results)
    flush_cache()
    with servers.gunicorn(PORT + 1, site_env(args.releases, page_cache=True)) as base:
        measure(base, paths, args, "warm", results)
        with servers.varnish(PORT + 2, PORT + 1, WORK / "varnish") as front:
            measure(front, paths, args, "front", results)
    static_root = WORK / "ceiling"
    static_root.mkdir(parents=True, exist_ok=True)
    (static_root / "detail.html").write_bytes(detail_html)
    with servers.nginx_static(PORT + 3, static_root, WORK / "nginx") as base:
        measure(base, {"detail": "/detail.html"}, args, "static", results)
    ceiling = results[("static", "detail")].requests_per_second
    with servers.reference(PORT + 4, WORK / "reference") as base:
        measure(base, {"reference": "/page/1/"}, args, "plain", results)

    flush_cache()
    large_cpu = cpu_per_request(args.releases, paths)
    flush_cache()
    small_cpu = cpu_per_request(args.small, {name: small_paths[small_name] for name, small_name
                                             in zip(paths, small_paths) if name in large_cpu})
    table = "\n".join([report(args, paths, results, ceiling), cpu_report(args, large_cpu, small_cpu),
                       yardstick(results)])
    # Other work on the machine shares the cores: the load average says how much there was.
    header = (f"{started:%Y-%m-%d %H:%M} UTC · {platform.node()} · {os.cpu_count()} CPUs · load average "
              f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after · `make bench N={args.releases}` "
              f"(wrk -t2 -c{args.connections} -d{args.seconds}s --timeout 10s)")
    print(f"\n# Results\n\n{header}\n\n{table}")
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / f"results-{args.releases}.md").write_text(f"{header}\n\n{table}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
