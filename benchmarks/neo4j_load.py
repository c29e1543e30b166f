"""Benchmark loading Neo4j: one MERGE per row against the batched `UNWIND $rows … MERGE` writer.

Generates a graph shaped like a press-conference corpus (transcripts of turns, speakers,
entity mentions with spans, co-mentions) with at least 100,000 relationships, then in
one run against the server of NEO4J_URI (`make neo4j-up`):

- batched: `Neo4jStore.write` (uniqueness constraints, batches of `--batch-size` rows, one
  managed transaction per batch), timed over the whole graph, then written again to
  check that nothing is added;
- per row: one `MERGE` query per row, each in its own managed transaction, as a naive
  loader does. Over the whole graph this takes many minutes, so by default it runs on a
  sample (`--sample` node rows and as many relationship rows, the rest of the nodes
  loaded in batches untimed so the relationships find their ends) and the rate is
  extrapolated; `--sample 0` runs it on every row.

Both loaders first run once on a small graph, so neither pays the server's warm-up.

    python benchmarks/neo4j_load.py                  # print the figures
    python benchmarks/neo4j_load.py --write-docs     # also update docs/benchmarks.md

The database is emptied before each phase: point NEO4J_URI at a server you can wipe.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402
from neo4j import ManagedTransaction  # noqa: E402

from graph.neo4j_store import (  # noqa: E402
    DEFAULT_BATCH_SIZE,
    Neo4jStore,
    node_rows,
    relationship_rows,
)
from graph.schema import check_label, check_rel_type  # noqa: E402

DOCS = ROOT / "docs" / "benchmarks.md"
SECTION = "## Neo4j load"

ENTITY_KINDS = ("Organization", "Product", "Technology", "Place")


def synthetic_graph(transcripts: int = 250, turns: int = 80, seed: int = 7) -> nx.MultiDiGraph:
    """A corpus-shaped graph: about `transcripts * turns * 6` relationships."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()

    def node(key: str, label: str, **props: Any) -> None:
        g.add_node(key, key=key, labels=[label], **props)

    def edge(start: str, end: str, rel: str, **props: Any) -> None:
        g.add_edge(start, end, key=rel, type=rel, **props)

    entities = [(f"{ENTITY_KINDS[i % 4]}:e{i}", ENTITY_KINDS[i % 4]) for i in range(2000)]
    for key, kind in entities:
        extra = {"kind": "bank"} if kind == "Organization" else {}
        node(key, kind, name=f"实体{key}", aliases=[f"alias-{key}"], **extra)
    people = [f"Person:p{i}" for i in range(600)]
    for i, key in enumerate(people):
        node(key, "Person", name=f"人物{i}", role="official", anonymous=False, aliases=[])
    weights = [1 / (rank + 1) for rank in range(len(entities))]  # Zipf-like popularity

    for t in range(transcripts):
        tkey = f"conf-{t:04d}"
        node(tkey, "Transcript", title=f"发布会 {t}", date=f"2019-{t % 12 + 1:02d}-01")
        speakers = rng.sample(people, 5)
        previous = None
        for seq in range(1, turns + 1):
            ukey = f"{tkey}#{seq}"
            speaker = speakers[seq % 5]
            node(
                ukey,
                "Utterance",
                transcript=tkey,
                seq=seq,
                speaker=speaker,
                text=f"第{seq}段发言，提到若干产品与技术。" * 3,
                is_question=seq % 4 == 1,
                start=seq * 100,
                end=seq * 100 + 60,
            )
            edge(ukey, tkey, "IN_TRANSCRIPT")
            edge(speaker, ukey, "SAID")
            if previous is not None:
                edge(previous, ukey, "NEXT")
            previous = ukey
            mentioned = {key for key, _ in rng.choices(entities, weights, k=3)}
            for key in sorted(mentioned):
                edge(ukey, key, "MENTIONS", count=2, spans=[3, 7, 20, 24])
            ordered = sorted(mentioned)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    held = g.get_edge_data(a, b, "CO_MENTIONED")
                    weight = held["weight"] + 1 if held else 1
                    edge(a, b, "CO_MENTIONED", weight=weight)
    return g


@dataclass
class Timing:
    rows: int
    seconds: float
    nodes: int = 0

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else float("inf")


def load_batched(store: Neo4jStore, graph: nx.MultiDiGraph) -> Timing:
    store.clear()
    store.ensure_schema()
    t0 = time.perf_counter()
    store.write(graph)
    return Timing(graph.number_of_nodes() + graph.number_of_edges(), time.perf_counter() - t0)


def _per_row(store: Neo4jStore, query: str, rows: list[dict[str, Any]]) -> float:
    def merge_one(tx: ManagedTransaction, row: dict[str, Any]) -> None:
        tx.run(query, row).consume()

    t0 = time.perf_counter()
    with store.driver.session(database=store.settings.database) as session:
        for row in rows:
            session.execute_write(merge_one, row)
    return time.perf_counter() - t0


def load_per_row(store: Neo4jStore, graph: nx.MultiDiGraph, sample: int) -> Timing:
    """One MERGE per row, one transaction each; on `sample` rows of each kind (0 = all)."""
    store.clear()
    store.ensure_schema()
    nodes = [(label, row) for label, rows in node_rows(graph).items() for row in rows]
    rels = [(k, row) for k, rows in relationship_rows(graph).items() for row in rows]
    rng = random.Random(11)
    timed_nodes = rng.sample(nodes, sample) if 0 < sample < len(nodes) else nodes
    timed_rels = rng.sample(rels, sample) if 0 < sample < len(rels) else rels

    seconds = 0.0
    by_label: dict[str, list[dict[str, Any]]] = {}
    for label, row in timed_nodes:
        by_label.setdefault(label, []).append(row)
    for label, rows in by_label.items():
        query = f"MERGE (n:`{check_label(label)}` {{key: $key}}) SET n += $props"
        seconds += _per_row(store, query, rows)

    rest = nx.MultiDiGraph()
    rest.add_nodes_from(graph.nodes(data=True))
    store.write(rest)  # every node, batched and untimed, so the sampled edges find their ends

    by_type: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for key, row in timed_rels:
        by_type.setdefault(key, []).append(row)
    for (rel, a, b), rows in by_type.items():
        query = (
            f"MATCH (a:`{check_label(a)}` {{key: $start}}) MATCH (b:`{check_label(b)}` "
            f"{{key: $end}}) MERGE (a)-[r:`{check_rel_type(rel)}`]->(b) SET r += $props"
        )
        seconds += _per_row(store, query, rows)
    return Timing(len(timed_nodes) + len(timed_rels), seconds, nodes=len(timed_nodes))


def _machine() -> str:
    return f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


def write_section(text: str, path: Path = DOCS) -> None:
    """Replace the `## Neo4j load` section of docs/benchmarks.md (or append it)."""
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--transcripts", type=int, default=250)
    parser.add_argument("--turns", type=int, default=80)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument("--sample", type=int, default=3000, help="per-row rows (0 = all)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; medians reported")
    parser.add_argument("--write-docs", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    graph = synthetic_graph(args.transcripts, args.turns)
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    print(f"generated {n:,} nodes and {m:,} relationships in {time.perf_counter() - t0:.1f} s")

    with Neo4jStore(batch_size=args.batch_size) as store:
        # Warm the server (JIT, query plans) with a small graph through both loaders first.
        warm = synthetic_graph(5, 20, seed=1)
        load_batched(store, warm)
        load_per_row(store, warm, 200)
        # Rounds alternate the loaders, so load from other processes hits both alike.
        rounds: list[tuple[Timing, Timing]] = []
        for i in range(args.rounds):
            batched = load_batched(store, graph)
            counts = store.counts()
            store.write(graph)
            assert store.counts() == counts, "a second batched write changed the counts"
            assert sum(counts.values()) == n + m, f"stored {sum(counts.values())} of {n + m}"
            per_row = load_per_row(store, graph, args.sample)
            rounds.append((batched, per_row))
            print(
                f"round {i + 1}: batched {batched.rate:,.0f} rows/s "
                f"({batched.rows:,} rows in {batched.seconds:.1f} s), per row "
                f"{per_row.rate:,.0f} rows/s ({per_row.rows:,} rows in "
                f"{per_row.seconds:.1f} s), ratio {batched.rate / per_row.rate:,.1f}x"
            )
        store.clear()

    batched = sorted((b for b, _ in rounds), key=lambda t: t.rate)[len(rounds) // 2]
    per_row = sorted((p for _, p in rounds), key=lambda t: t.rate)[len(rounds) // 2]
    ratios = sorted(b.rate / p.rate for b, p in rounds)
    sampled = per_row.rows < n + m
    note = f" (sample of {per_row.rows:,} rows, rate extrapolated)" if sampled else ""
    ratio = batched.rate / per_row.rate
    estimate = (n + m) / per_row.rate
    print(f"median of {len(rounds)} rounds:")
    print(
        f"batched:  {batched.rate:,.0f} rows/s ({batched.rows:,} rows, batch size "
        f"{args.batch_size:,}); a second write added nothing"
    )
    print(f"per row:  {per_row.rate:,.0f} rows/s{note}")
    print(
        f"ratio:    batched is {ratio:,.1f}x per row (rounds: "
        f"{', '.join(f'{r:,.1f}x' for r in ratios)}); per row on all {n + m:,} rows "
        f"would take about {estimate / 60:,.1f} min"
    )

    if args.write_docs:
        rows_note = (
            f"{per_row.rows:,} sampled rows: {per_row.nodes:,} nodes, "
            f"{per_row.rows - per_row.nodes:,} relationships; rate extrapolated"
            if sampled
            else "every row"
        )
        write_section(
            f"{SECTION}\n\n"
            f"`python benchmarks/neo4j_load.py` ({_machine()}; Neo4j Community 5.26 from "
            "`make neo4j-up`, 768 MB heap, 256 MB page cache, on the same machine). "
            f"Generated corpus-shaped graph: {n:,} nodes and {m:,} relationships "
            f"({args.transcripts} transcripts of {args.turns} turns, Zipf-like entity "
            "mentions). Both loaders MERGE on `key` under uniqueness constraints; per row is "
            "one `MERGE` query in its own managed transaction per row, batched is "
            f"`Neo4jStore.write` (`UNWIND $rows AS row MERGE …`, {args.batch_size:,} rows "
            "per transaction).\n\n"
            f"Median of {len(rounds)} rounds, the loaders alternating (the machine is shared, "
            "so single runs vary by 2-3×).\n\n"
            "| loader | rows | seconds | rows/s |\n|---|---:|---:|---:|\n"
            f"| per row ({rows_note}) | {per_row.rows:,} | {per_row.seconds:.1f} | "
            f"{per_row.rate:,.0f} |\n"
            f"| batched | {batched.rows:,} | {batched.seconds:.1f} | {batched.rate:,.0f} |\n\n"
            f"Batched is **{ratio:,.0f}×** faster than per row (target ≥ 20×; per round: "
            f"{', '.join(f'{r:,.0f}×' for r in ratios)}); per row would need about "
            f"{estimate / 60:,.0f} min for the whole graph. Writing the same graph again with "
            "the batched writer adds no node and no relationship.\n"
        )
        print(f"\nwrote the Neo4j load section of {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
