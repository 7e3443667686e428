"""How analysis scales with the number of articles, and cleaning throughput. No assertions.

    .venv/bin/python benchmarks/scale.py [--sizes 400,1600,6400,10000] [--cap 900]
        [--processes N] [--no-clean] [--no-idle]

``analyze``: for each N, a fresh subprocess builds N articles from ../shared/data and runs
``extractors.analysis.build_digest(..., no_filter=True)`` (every article grouped into a
story and given key points: the heavy path of ``briefing analyze --no-filter``), its
per-story work in the process pool of ``--processes`` (default: the cores, as ``briefing
analyze``; 1: serial). It prints wall and CPU seconds (the pool's workers included), peak
RSS of the analysing process and of the largest worker (``ru_maxrss``; the machine's peak
is at most the first plus ``processes`` times the second) and the exponent of a
least-squares fit of log(CPU s) on log(N). A size that runs past ``--cap`` seconds is
stopped and reported as such (so the table shows where the code stops scaling).

At the end, the issue's targets, each met or missed with the figure: exponent <= 1.15;
10,000 articles in under 10 minutes (wall) with peak RSS under 1 GB (analysing process
plus its workers); cleaning >= 1.6x trafilatura's single-process pages/s (the pool);
an idle day <= 5% of the first day's bytes (``benchmarks/idle_day.py``, run as a
subprocess).

The N articles, in this order: the BBC News Summary articles (2,225), news_cluster (383),
the gold_standard set (96), KCNA stories with text (1,862) and the White House documents;
past that, each of those split into its first and second half of paragraphs (a new
article each, with its own title suffix), enough for 10,000 distinct texts. Publication
dates are spread over 30 days. Corpus texts are read at run time, never stored.

``clean``: the 181 article-extraction-benchmark pages through ``trafilatura.extract``
(defaults, one process) and through ``extractors.clean.clean_html`` in one process and in
a process pool of ``os.cpu_count()`` workers, pages per second each.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import dataset, read_gz, shared_data, table

BBC, CLUSTER, KCNA, WH, PAGES = (
    "bbc-news-summary",
    "giveme5w1h-news",
    "kcna-archive-2024",
    "wh-briefings-nato-korea",
    "article-extraction-benchmark",
)


def corpus_texts() -> list[tuple[str, str, str]]:
    """(source, title, text) of every usable real article, in a fixed order."""
    out: list[tuple[str, str, str]] = []
    bbc = dataset(BBC, "News Articles")
    if bbc:
        for f in sorted((bbc / "News Articles").rglob("*.txt")):
            raw = f.read_bytes().decode("utf-8", errors="replace")
            title, _, body = raw.partition("\n")
            out.append((f"bbc/{f.parent.name}/{f.name}", title.strip(), body.strip()))
    nc = dataset(CLUSTER)
    if nc:
        for sub in ("news_cluster", "gold_standard"):
            for f in sorted((nc / sub / "data").glob("*.json")):
                d = json.loads(f.read_text("utf-8"))
                text = d.get("text") or d.get("maintext") or ""
                out.append((f"{sub}/{f.name}", d.get("title") or "", text))
    kc = dataset(KCNA, "headlines_2024-11-11.json")
    if kc:
        items = json.loads((kc / "headlines_2024-11-11.json").read_text("utf-8"))
        for i, d in enumerate(items):
            if d.get("story_text"):
                out.append((f"kcna/{i}", d.get("headline") or "", d["story_text"]))
    wh = dataset(WH, "docs")
    if wh:
        for f in sorted((wh / "docs").glob("*")):
            if f.is_file():
                text = f.read_text("utf-8", errors="replace")
                out.append((f"wh/{f.name}", text.partition("\n")[0][:200], text))
    return [(s, t, x) for s, t, x in out if len(x.split()) >= 40]


def build_articles(n: int):
    from extractors.models import Article

    base = corpus_texts()
    pool = list(base)
    for half in (0, 1):
        for s, t, x in base:
            paras = [p for p in x.split("\n") if p.strip()]
            if len(paras) < 4:
                continue
            mid = len(paras) // 2
            part = paras[:mid] if half == 0 else paras[mid:]
            pool.append((f"{s}#part{half + 1}", f"{t} (part {half + 1})", "\n".join(part)))
    t0 = datetime(2026, 1, 1, 6, tzinfo=UTC)
    arts = []
    for i, (s, t, x) in enumerate(pool[:n]):
        arts.append(
            Article(
                source=s,
                title=t,
                text=x,
                url=f"https://bench.example/{i}",
                outlet=s.split("/")[0],
                published=t0 + timedelta(hours=(i * 7) % (30 * 24)),
            )
        )
    return arts


def child(n: int, processes: int) -> None:
    """Run one size and print one JSON line (called in a subprocess)."""
    from datetime import date

    from extractors.analysis import build_digest
    from extractors.topic import load_topic
    from fetch import sources

    arts = build_articles(n)
    topic = load_topic("korea-nato")
    c0, w0 = time.process_time(), time.perf_counter()
    digest = build_digest(
        arts,
        [],
        topic,
        title="scale",
        day=date(2026, 1, 31),
        now=datetime(2026, 1, 31, tzinfo=UTC),
        no_filter=True,
        max_stories=100_000,
        mapper=sources.pooled_map(processes),
        processes=processes,
    )
    cpu = time.process_time() - c0
    wall = time.perf_counter() - w0
    for pool in list(sources._POOLS.values()):  # reap the workers: their rusage counts now
        pool.shutdown(wait=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "n": len(arts),
                "cpu_s": cpu + children.ru_utime + children.ru_stime,
                "parent_cpu_s": cpu,
                "wall_s": wall,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_rss_mb": children.ru_maxrss / 1024 if processes > 1 else 0.0,
                "processes": processes,
                "stories": len(digest.stories),
            }
        )
    )


def fit_exponent(rows: list[dict]) -> float | None:
    pts = [(math.log(r["n"]), math.log(r["cpu_s"])) for r in rows if r.get("cpu_s", 0) > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    num = sum((x - mx) * (y - my) for x, y in pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return num / den if den else None


def _clean_one(args: tuple[str, str]) -> int:
    from extractors.clean import clean_html
    from extractors.errors import ExtractError

    html, url = args
    try:
        clean_html(html, url=url)
        return 1
    except ExtractError:
        return 0


def clean_throughput(rounds: int = 1) -> dict | None:
    aeb = dataset(PAGES, "ground-truth.json", "html")
    if aeb is None:
        return None
    import trafilatura

    truth = json.loads((aeb / "ground-truth.json").read_text("utf-8"))
    pages = [(read_gz(aeb / "html" / f"{pid}.html.gz"), truth[pid]["url"]) for pid in sorted(truth)]
    out = {}
    work = pages * rounds
    t0 = time.perf_counter()
    for html, _ in work:
        trafilatura.extract(html)
    out["trafilatura.extract, 1 process"] = len(work) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for p in work:
        _clean_one(p)
    out["clean_html, 1 process"] = len(work) / (time.perf_counter() - t0)
    from concurrent.futures import ProcessPoolExecutor

    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers) as ex:
        # A daily run keeps its pool: start the workers (and their imports) before timing.
        list(ex.map(_clean_one, pages[: workers * 2], chunksize=1))
        t0 = time.perf_counter()
        list(ex.map(_clean_one, work, chunksize=4))
        out[f"clean_html, {workers} processes (warm pool)"] = len(work) / (time.perf_counter() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="400,1600,6400,10000")
    ap.add_argument("--cap", type=float, default=900.0, help="seconds per size before giving up")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--no-clean", action="store_true", help="skip the cleaning throughput part")
    ap.add_argument("--no-idle", action="store_true", help="skip the idle-day run")
    ap.add_argument(
        "--clean-rounds", type=int, default=1, help="passes over the 181 pages per timing"
    )
    ap.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="pool size (default: cores)"
    )
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.processes)
        return 0
    if dataset(BBC) is None and dataset(CLUSTER) is None:
        print(f"skipped: data not found: {shared_data()}")
        return 0
    rows: list[dict] = []
    for n in (int(s) for s in args.sizes.split(",") if s):
        try:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(n), "--processes", str(args.processes)],
                capture_output=True,
                text=True,
                timeout=args.cap,
                check=False,
            )
        except subprocess.TimeoutExpired:
            rows.append({"n": n, "note": f"stopped after {args.cap:.0f} s"})
            break
        line = (proc.stdout.strip().splitlines() or [""])[-1]
        if proc.returncode != 0 or not line.startswith("{"):
            rows.append({"n": n, "note": f"failed: {proc.stderr.strip()[-200:]}"})
            break
        rows.append(json.loads(line))
    print(f"analyze --no-filter, a fresh process per size, per-story work on {args.processes} "
          "process(es)")  # fmt: skip
    print(
        table(
            [
                (
                    r["n"],
                    f"{r['cpu_s']:.1f}" if "cpu_s" in r else "-",
                    f"{r['parent_cpu_s']:.1f}" if "parent_cpu_s" in r else "-",
                    f"{r['wall_s']:.1f}" if "wall_s" in r else "-",
                    f"{r['rss_mb']:.0f}" if "rss_mb" in r else "-",
                    f"{r['worker_rss_mb']:.0f}" if r.get("worker_rss_mb") else "-",
                    f"{peak_mb(r):.0f}" if "rss_mb" in r else "-",
                    r.get("stories", "-"),
                    r.get("note", ""),
                )
                for r in rows
            ],
            (
                "N",
                "CPU s",
                "of it, parent",
                "wall s",
                "RSS MB",
                "worker RSS MB",
                "peak MB <=",
                "stories",
                "",
            ),
        )
    )
    exp = fit_exponent([r for r in rows if "cpu_s" in r])
    print(f"fitted exponent (CPU s ~ N^k): k = {exp:.2f}" if exp else "fitted exponent: n/a")
    tp = None if args.no_clean else clean_throughput(args.clean_rounds)
    if tp:
        print(f"cleaning throughput, 181 article-extraction-benchmark pages x {args.clean_rounds}")
        print(table([(k, f"{v:.1f}") for k, v in tp.items()], ("how", "pages/s")))
    idle = None if args.no_idle else idle_share()
    print("targets (issue 14)")
    print(table(targets(rows, exp, tp, idle), ("target", "figure", "verdict")))
    return 0


def peak_mb(r: dict) -> float:
    """The analysis's peak memory on the machine, at most: the analysing process plus each
    worker at the largest worker's peak."""
    return r["rss_mb"] + r.get("processes", 1) * r.get("worker_rss_mb", 0.0) * (
        r.get("processes", 1) > 1
    )


def idle_share() -> tuple[int, int] | None:
    """(idle day's bytes, first day's bytes) from ``benchmarks/idle_day.py``."""
    script = Path(__file__).with_name("idle_day.py")
    try:
        proc = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=900, check=False
        )
    except subprocess.TimeoutExpired:
        return None
    runs = [json.loads(x) for x in proc.stdout.splitlines() if x.startswith("{")]
    if len(runs) < 2:
        return None
    return runs[1]["bytes"], runs[0]["bytes"]


def targets(
    rows: list[dict], exp: float | None, tp: dict | None, idle: tuple[int, int] | None
) -> list[tuple[str, str, str]]:
    """Each target of the issue: (what, the measured figure, met / missed / not measured)."""

    def verdict(ok: bool | None) -> str:
        return "not measured" if ok is None else "met" if ok else "missed"

    out = [
        ("exponent <= 1.15", f"{exp:.3f}" if exp else "-", verdict(exp <= 1.15 if exp else None))
    ]
    big = next((r for r in rows if r["n"] >= 10_000), None)
    if big is None:
        out.append(("10,000 articles < 10 min", "not run", verdict(None)))
        out.append(("10,000 articles < 1 GB", "not run", verdict(None)))
    elif "wall_s" not in big:
        out.append(("10,000 articles < 10 min", big.get("note", "failed"), "missed"))
        out.append(("10,000 articles < 1 GB", "-", verdict(None)))
    else:
        mb = peak_mb(big)
        out.append(
            ("10,000 articles < 10 min", f"{big['wall_s']:.0f} s", verdict(big["wall_s"] < 600))
        )
        out.append(("10,000 articles < 1 GB", f"{mb:.0f} MB", verdict(mb < 1024)))
    if tp:
        ref = tp["trafilatura.extract, 1 process"]
        best = max(v for k, v in tp.items() if k.startswith("clean_html"))
        out.append(
            ("cleaning >= 1.6x trafilatura", f"{best / ref:.2f}x", verdict(best / ref >= 1.6))
        )
    else:
        out.append(("cleaning >= 1.6x trafilatura", "-", verdict(None)))
    if idle:
        share = idle[0] / idle[1] if idle[1] else 0.0
        out.append(("idle day <= 5% of bytes", f"{share:.1%}", verdict(share <= 0.05)))
    else:
        out.append(("idle day <= 5% of bytes", "-", verdict(None)))
    return out  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
