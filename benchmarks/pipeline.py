"""Throughput of every stage, the whole-corpus build, rebuilds, query latency, memory.

Each figure comes with its baseline measured in the same run (the machine is
shared and noisy: compare ratios, not absolute times):

- per-stage MB/s (read, parse, each extraction stage, build, store write) on a
  sample of the corpus, next to jieba POS tagging of the same text (what a
  naive pipeline does for persons and places);
- end-to-end corpus build into the embedded store (a fresh process, as a user
  runs it), then an unchanged rebuild; optionally the same into Neo4j;
- named-query latency p50/p95 at corpus scale;
- peak memory (max RSS) of the build process.

Usage::

    python benchmarks/pipeline.py [--corpus DIR] [--sample-mb 2] [--neo4j] [--write-docs]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.build import build_graph  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from loaders.extract.registry import make_stages  # noqa: E402
from loaders.read import read_document  # noqa: E402
from presskg.api import PressKG  # noqa: E402
from presskg.pipeline import parse_document  # noqa: E402
from queries.catalog import all_queries  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "archive-tw"
EXAMPLE = ROOT / "examples" / "icbc-2018-04-26-press-conference.txt"
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Pipeline and corpus"


def sample_files(corpus: Path, megabytes: float) -> list[Path]:
    """Every k-th file until the sample holds `megabytes` (spread over the years)."""
    files = sorted(corpus.glob("*.md"))
    step = max(1, len(files) // 400)
    chosen, size = [], 0
    for path in files[::step]:
        chosen.append(path)
        size += path.stat().st_size
        if size >= megabytes * 1e6:
            break
    return chosen


def stage_throughput(files: list[Path]) -> tuple[dict[str, float], int]:
    """Seconds per step over `files` (one process), and the bytes they hold."""
    seconds: dict[str, float] = defaultdict(float)
    stages = make_stages()
    total = 0
    transcripts = []
    for path in files:
        t0 = time.perf_counter()
        doc = read_document(path)
        t1 = time.perf_counter()
        transcript = parse_document(doc)
        t2 = time.perf_counter()
        seconds["read"] += t1 - t0
        seconds["parse"] += t2 - t1
        total += len(doc.text.encode("utf-8"))
        for name, stage in stages:
            start = time.perf_counter()
            transcript = stage(transcript)
            seconds[f"extract: {name}"] += time.perf_counter() - start
        transcripts.append(transcript)
    start = time.perf_counter()
    graph = build_graph(transcripts)
    seconds["build graph"] = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "kg")
        start = time.perf_counter()
        store.replace(graph)
        seconds["store write (json + index)"] = time.perf_counter() - start
        store.close()
    return dict(seconds), total


def jieba_baseline(files: list[Path]) -> tuple[float, int]:
    """jieba POS tagging of all the text: what a naive person/place pipeline runs."""
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [read_document(p).text for p in files]
    start = time.perf_counter()
    for text in texts:
        for _ in pseg.cut(text):
            pass
    return time.perf_counter() - start, sum(len(t.encode("utf-8")) for t in texts)


def _tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and all its descendants (MB), from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        parent[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    tree, frontier = {root}, [root]
    while frontier:
        current = frontier.pop()
        for pid, ppid in parent.items():
            if ppid == current and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return sum(rss.get(pid, 0) for pid in tree) / 1024


def timed_build(args: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS of the largest process (MB) and peak RSS of all its processes
    together (MB, sampled every 0.2 s) of one `presskg build` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "presskg", "build", *args],
            cwd=ROOT,
            stdout=out,
            stderr=err,
            text=True,
        )
        tree_peak = 0.0
        while process.poll() is None:
            tree_peak = max(tree_peak, _tree_rss_mb(process.pid))
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{stderr[-2000:]}")
    summary = stdout.splitlines()[0] if stdout else ""
    return elapsed, max(peak, before) / 1024, tree_peak, summary


def query_latency(kg: PressKG, repeats: int) -> dict[str, tuple[float, float]]:
    """p50/p95 milliseconds of every named query with its defaults (after one warm-up)."""
    figures = {}
    for name in all_queries():
        kg.named(name)
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            kg.named(name)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
        figures[name] = (statistics.median(samples), p95)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample-mb", type=float, default=2.0)
    parser.add_argument(
        "--baseline-kb",
        type=float,
        default=150.0,
        help="text for the jieba POS baseline (it runs at a few KB/s on traditional Chinese)",
    )
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--neo4j", action="store_true", help="also build into Neo4j")
    parser.add_argument("--write-docs", action="store_true", help=f"update {DOCS.name}")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")

    lines = [SECTION, ""]
    cores, memory = os.cpu_count(), os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    lines.append(
        f"Machine: {cores} cores, {memory / 2**30:.0f} GiB, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}. Reproduce: `make bench` "
        "(or `python benchmarks/pipeline.py --write-docs`)."
    )
    lines.append("")

    files = sample_files(args.corpus, args.sample_mb)
    seconds, size = stage_throughput(files)
    small = sample_files(args.corpus, args.baseline_kb / 1000)
    small_seconds, _ = stage_throughput(small)
    baseline, base_size = jieba_baseline(small)
    small_pipeline = sum(small_seconds.values())
    mb = size / 1e6
    extract = sum(v for k, v in seconds.items() if k.startswith("extract"))
    pipeline = sum(seconds.values())
    lines += [
        f"### Per stage ({len(files)} corpus files, {mb:.1f} MB, one process)",
        "",
        "| step | seconds | MB/s |",
        "|---|---:|---:|",
    ]
    for name, value in seconds.items():
        lines.append(f"| {name} | {value:.2f} | {mb / value if value else float('inf'):.1f} |")
    lines.append(f"| **whole pipeline** | {pipeline:.2f} | {mb / pipeline:.2f} |")
    lines += [
        "",
        f"Baseline, same run, on {len(small)} files ({base_size / 1e3:.0f} KB; jieba is too slow "
        "for the whole sample): jieba POS tagging of all the text takes "
        f"{baseline:.1f} s ({base_size / 1e6 / baseline:.3f} MB/s); the whole presskg pipeline "
        f"on the same files takes {small_pipeline:.2f} s: **{baseline / small_pipeline:.0f}×** "
        f"faster. (Extraction is {extract:.1f} s of the {pipeline:.1f} s above.)",
        "",
    ]

    corpus_mb = sum(p.stat().st_size for p in args.corpus.glob("*.md")) / 1e6
    n_files = len(list(args.corpus.glob("*.md")))
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "kg"
        cold, peak, tree_peak, summary = timed_build([str(args.corpus), "--store", str(store)])
        warm, _, _, warm_summary = timed_build([str(args.corpus), "--store", str(store)])
        added, _, added_peak, added_summary = timed_build(
            [str(args.corpus), str(EXAMPLE), "--store", str(store)]
        )
        kg = PressKG(store, create=False)
        latency = query_latency(kg, args.repeats)
        counts = kg.counts()
        kg.close()
        lines += [
            f"### Whole corpus ({n_files} files, {corpus_mb:.1f} MB)",
            "",
            "| run | seconds | MB/s | peak memory (largest process) | all processes |",
            "|---|---:|---:|---:|---:|",
            f"| build into the embedded store | {cold:.1f} | {corpus_mb / cold:.2f} | "
            f"{peak:.0f} MB | {tree_peak:.0f} MB |",
            f"| unchanged rebuild | {warm:.1f} | | | |",
            f"| one new file added to the built corpus | {added:.1f} | | | {added_peak:.0f} MB |",
        ]
        if args.neo4j:
            from graph.neo4j_store import Neo4jStore

            with Neo4jStore() as neo:
                neo.clear()
            neo_time, _, _, _ = timed_build([str(args.corpus), "--neo4j"])
            lines.append(f"| build into Neo4j | {neo_time:.1f} | {corpus_mb / neo_time:.2f} | | |")
            with PressKG(neo4j=True) as remote:
                neo_latency = query_latency(remote, max(5, args.repeats // 4))
        else:
            neo_latency = {}
        nodes = sum(v for k, v in counts.items() if not k.isupper())
        rels = sum(v for k, v in counts.items() if k.isupper())
        lines += [
            "",
            f"Build: `{summary}`; rebuild: `{warm_summary}`; one file added: "
            f"`{added_summary}`. The peak of the largest process is the build's main process "
            "(the graph and the index load); the workers that extract hold about 200 MB each. "
            f"The graph: {nodes:,} nodes, {rels:,} relationships.",
            "",
            f"### Named queries at corpus scale (ms, {args.repeats} runs each after a warm-up)",
            "",
            "| query | embedded p50 | embedded p95 |"
            + (" Neo4j p50 | Neo4j p95 |" if neo_latency else ""),
            "|---|---:|---:|" + ("---:|---:|" if neo_latency else ""),
        ]
        for name, (p50, p95) in latency.items():
            row = f"| {name} | {p50:.1f} | {p95:.1f} |"
            if name in neo_latency:
                row += f" {neo_latency[name][0]:.1f} | {neo_latency[name][1]:.1f} |"
            lines.append(row)
        shutil.rmtree(store, ignore_errors=True)

    text = "\n".join(lines) + "\n"
    print(text)
    if args.write_docs:
        write_section(text)


def write_section(text: str) -> None:
    """Replace this benchmark's section of docs/benchmarks.md, leaving the others."""
    current = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n\n"
    start = current.find(SECTION)
    if start >= 0:
        end = current.find("\n## ", start + len(SECTION))
        current = current[:start] + (current[end + 1 :] if end >= 0 else "")
    DOCS.write_text(current.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
