"""Benchmark the graph page: generation time, file size and settle time in headless Chromium.

Graphs of about 500, 5,000 and 20,000 nodes are generated (transcripts of
turns mentioning entities with a Zipf-like spread, built by `graph.build`),
then each view is rendered and opened in Debian's Chromium with every
non-file request blocked. Settle time is from navigation start until the
bounded stabilisation ends and the page turns physics off.

    python benchmarks/page.py                       # print the table
    python benchmarks/page.py --sizes 500 5000      # some sizes only
    python benchmarks/page.py --sizes --store presskg-data   # a stored graph only
    python benchmarks/page.py --corpus ../shared/data/archive-tw  # also a corpus, built first
    python benchmarks/page.py --write-docs          # also update docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from graph.build import build_graph  # noqa: E402
from graph.render import SETTLE_BUDGET_MS, to_vis_data, write_html  # noqa: E402
from graph.views import VIEWS  # noqa: E402
from loaders.keys import entity_key, person_key  # noqa: E402
from loaders.model import (  # noqa: E402
    Affiliation,
    Entity,
    Figure,
    Mention,
    Relation,
    Speaker,
    Transcript,
    Turn,
)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Page"

_LABELS = ("Organization", "Product", "Technology", "Place")
_OUTLETS = ("金融时报", "新华社", "中央社", "经济日报", "第一财经", "财新")
_TURNS = 40


def _entity_pool(size: int) -> list[tuple[str, str, str]]:
    """(key, label, name) for `size` entities."""
    pool = []
    for i in range(size):
        label = _LABELS[i % len(_LABELS)]
        prefix = {"Organization": "银行", "Product": "融e", "Technology": "技术", "Place": "城"}
        name = f"{prefix[label]}{i}号"
        pool.append((entity_key(label, name), label, name))
    return pool


def synthetic_graph(target_nodes: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph of about `target_nodes` nodes shaped like a press-conference corpus."""
    rng = random.Random(seed)
    per_transcript = _TURNS + 14  # turns, anonymous speakers, figures, the transcript
    n_transcripts = max(1, round(target_nodes * 0.9 / per_transcript))
    entities = _entity_pool(max(20, target_nodes // 10))
    weights = [1 / (rank + 1) for rank in range(len(entities))]
    officials = [f"官员{i}" for i in range(max(4, n_transcripts // 3))]
    transcripts = []
    for n in range(n_transcripts):
        key = f"conf-{n:05d}"
        t = Transcript(key=key, text="", title=f"发布会 {n}", date=f"2018-{1 + n % 12:02d}-01")
        speakers = ["主持人", *rng.sample(officials, 3)]
        speakers += [f"{rng.choice(_OUTLETS)}记者{i}" for i in range(4)]
        for label in speakers:
            anonymous = label == "主持人" or "记者" in label
            role = "host" if label == "主持人" else "reporter" if "记者" in label else "official"
            person = person_key(label, key if anonymous else None)
            t.speakers[label] = Speaker(label, person, label, role, anonymous)
            if role == "official":
                t.add_entity(Entity(person, "Person", label, [], role=role))
                org = entities[0]
                t.add_entity(Entity(org[0], org[1], org[2], []))
                t.affiliations.append(Affiliation(person, org[0], title="行长"))
        text_parts: list[str] = []
        offset = 0
        question = None
        for seq in range(1, _TURNS + 1):
            speaker = speakers[0] if seq == 1 else rng.choice(speakers[1:])
            info = t.speakers[speaker]
            head = f"{speaker}:"
            chosen = rng.choices(entities, weights, k=rng.randint(0, 4))
            words = ["我们"]
            spans = []
            for ekey, label, name in chosen:
                words.append("推出了")
                start = offset + len(head) + len("".join(words))
                words.append(name)
                spans.append((ekey, label, name, start))
            words.append("，规模3.5亿户。")
            said = "".join(words)
            start = offset + len(head)
            turn = Turn(seq, speaker, said, start, start + len(said), role=info.role)
            turn.person = info.person
            turn.is_question = info.role == "reporter"
            if turn.is_question:
                question = seq
            elif info.role == "official" and question is not None:
                turn.answers = question
            t.turns.append(turn)
            for ekey, label, name, s in spans:
                t.add_entity(Entity(ekey, label, name, [name + "平台"]))
                t.mentions.append(Mention(ekey, label, name, s, s + len(name), seq))
            if seq % 8 == 0:
                at = start + said.index("3.5")
                t.figures.append(Figure("3.5亿户", 3.5e8, "户", False, seq, at, at + 6))
            if len(spans) >= 2 and spans[0][1] == "Product" and spans[1][1] == "Technology":
                t.relations.append(Relation("USES", spans[0][0], spans[1][0], (seq,)))
            text_parts.append(head + said + "\n")
            offset += len(head) + len(said) + 1
        t.text = "".join(text_parts)
        transcripts.append(t)
    return build_graph(transcripts)


def corpus_graph(folder: Path) -> nx.MultiDiGraph:
    """The graph of every transcript under `folder` (files that fail are left out)."""
    from presskg.errors import PressKGError
    from presskg.pipeline import FileFailure, iter_transcript_files, load_transcript

    transcripts = []
    for path in iter_transcript_files([folder]):
        if isinstance(path, FileFailure):
            continue
        try:
            transcripts.append(load_transcript(path))
        except PressKGError as e:
            print(f"left out {path}: {e}", file=sys.stderr)
    return build_graph(transcripts)


@dataclass
class Result:
    graph: str
    view: str
    raw_nodes: int
    shown_nodes: int
    shown_edges: int
    data_s: float
    html_s: float
    size_mb: float
    settle_s: float | None
    aggregated: bool


def _settle(browser: Any, path: Path) -> tuple[float, list[str]]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

    def route(r: Any) -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            problems.append(f"blocked {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), timeout=300_000)
    page.wait_for_function("window.presskg && window.presskg.settled", timeout=300_000)
    settle_ms = float(page.evaluate("window.presskg.settleMs"))
    page.close()
    return settle_ms / 1000, problems


def measure(
    name: str, graph: nx.MultiDiGraph, views: list[str], browser: Any, out: Path
) -> list[Result]:
    results = []
    for view in views:
        t0 = time.perf_counter()
        data = to_vis_data(graph, view)
        t1 = time.perf_counter()
        path = write_html(data, out / f"{name}-{view}.html")
        t2 = time.perf_counter()
        settle = None
        if browser is not None:
            settle, problems = _settle(browser, path)
            if problems:
                raise SystemExit(f"{name} {view}: {problems[:5]}")
        results.append(
            Result(
                graph=name,
                view=view,
                raw_nodes=graph.number_of_nodes(),
                shown_nodes=len(data.nodes),
                shown_edges=len(data.edges),
                data_s=t1 - t0,
                html_s=t2 - t1,
                size_mb=path.stat().st_size / 1e6,
                settle_s=settle,
                aggregated=data.aggregated,
            )
        )
        r = results[-1]
        print(
            f"{name:>12} {view:>9}: {r.raw_nodes:>6} → {r.shown_nodes:>5} nodes, "
            f"{r.shown_edges:>5} edges, data {r.data_s:.2f} s, html {r.html_s:.2f} s, "
            f"{r.size_mb:.2f} MB, settle {'-' if settle is None else f'{settle:.1f} s'}",
            flush=True,
        )
    return results


def table(results: list[Result]) -> str:
    lines = [
        "| graph | view | nodes in graph | nodes shown | edges shown | to_vis_data | "
        "HTML | file | settle in Chromium |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        settle = "–" if r.settle_s is None else f"{r.settle_s:.1f} s"
        shown = f"{r.shown_nodes:,}" + (" (aggregated)" if r.aggregated else "")
        lines.append(
            f"| {r.graph} | {r.view} | {r.raw_nodes:,} | {shown} | {r.shown_edges:,} | "
            f"{r.data_s:.2f} s | {r.html_s:.2f} s | {r.size_mb:.2f} MB | {settle} |"
        )
    return "\n".join(lines)


def write_section(text: str, path: Path = DOCS) -> None:
    """Replace the `## Page` section of docs/benchmarks.md (or append it), leaving the rest."""
    doc = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = doc.find(f"\n{SECTION}\n")
    if start < 0:
        doc = doc.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    else:
        end = doc.find("\n## ", start + len(SECTION) + 2)
        tail = doc[end:] if end >= 0 else "\n"
        doc = doc[: start + 1] + text.rstrip("\n") + "\n" + tail
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc, encoding="utf-8")


def section_text(results: list[Result]) -> str:
    """The Page section of docs/benchmarks.md for `results`."""
    import os

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{SECTION}\n\n"
        f"`python benchmarks/page.py` ({_machine()}, headless Debian Chromium, every "
        f"non-file request blocked; load average {load:.1f} when it ran: the machine is "
        "shared, so settle times vary by about 1.5×). Generated graphs are shaped like a "
        "press-conference corpus (40-turn transcripts, Zipf-like entity mentions, built by "
        "`graph.build`); a corpus row is every transcript of that folder through "
        "`presskg.pipeline`.\n\n"
        "*to_vis_data* is choosing and styling what is shown; *HTML* is the pyvis writer; "
        "*settle* runs from navigation start (parsing the page included) until the layout "
        "stops and physics is switched off. The layout is bounded twice: at most 200 "
        "stabilisation iterations (150 above 600 nodes, 100 above 1,000) and at most "
        f"{SETTLE_BUDGET_MS / 1000:.0f} s. Above 1,500 nodes a view is aggregated "
        "(utterances, transcripts and figures collapsed into weighted speaker→entity "
        "edges, then the top people and entities by mentions), and a page draws only "
        "the strongest mention and co-mention edges, 3 per allowed node (4,500).\n\n"
        + table(results)
        + "\n"
    )


def _machine() -> str:
    import os
    import platform

    return f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000, 20000])
    parser.add_argument("--views", nargs="*", default=list(VIEWS), choices=VIEWS)
    parser.add_argument("--store", type=Path, help="also a stored graph (a store folder)")
    parser.add_argument("--corpus", type=Path, help="also the graph of this folder of transcripts")
    parser.add_argument("--no-browser", action="store_true", help="skip the settle time")
    parser.add_argument("--out", type=Path, help="keep the pages in this folder")
    parser.add_argument("--write-docs", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)

    graphs: list[tuple[str, nx.MultiDiGraph]] = []
    for size in args.sizes:
        t0 = time.perf_counter()
        g = synthetic_graph(size)
        print(f"generated {g.number_of_nodes():,} nodes in {time.perf_counter() - t0:.1f} s")
        graphs.append((f"{size:,} (generated)", g))
    if args.corpus:
        t0 = time.perf_counter()
        g = corpus_graph(args.corpus)
        print(f"built {g.number_of_nodes():,} nodes in {time.perf_counter() - t0:.0f} s")
        graphs.append((f"{args.corpus.name} corpus", g))
    if args.store:
        from graph.embedded import EmbeddedStore

        graphs.append((f"{args.store.name} store", EmbeddedStore(args.store).read()))

    out = args.out or Path(tempfile.mkdtemp(prefix="presskg-page-"))
    results: list[Result] = []
    if args.no_browser:
        for name, g in graphs:
            results += measure(name, g, args.views, None, out)
    else:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for name, g in graphs:
                results += measure(name, g, args.views, browser, out)
            browser.close()
    print()
    print(table(results))
    if args.write_docs:
        write_section(section_text(results))
        print(f"\nwrote the Page section of {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
