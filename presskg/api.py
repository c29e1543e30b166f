"""The Python API; the CLI is a thin layer over it.

>>> import presskg, tempfile
>>> kg = presskg.build(["examples/icbc-2018-04-26-press-conference.txt"],
...                    store=tempfile.mkdtemp() + "/kg")
>>> kg.query("MATCH (u:Utterance) RETURN count(u) AS n").rows
[[38]]
"""

from __future__ import annotations

import dataclasses
import gc
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import networkx as nx

from graph.algorithms import graph_counts
from graph.build import AGGREGATE_TYPES, build_graph, merge_graphs
from graph.embedded import EmbeddedStore
from graph.schema import ENTITY_LABELS, check_label, check_rel_type
from graph.store import QueryResult, Store
from loaders.extract.registry import ExtractOptions
from loaders.keys import transcript_key
from loaders.model import Transcript
from presskg.errors import PressKGError
from presskg.memory import collector_paused, release_free_memory
from presskg.pipeline import Extractor, FileFailure, file_sha256, iter_transcript_files
from queries.catalog import get_query

__all__ = ["DEFAULT_STORE", "BuildReport", "PressKG", "build", "open_store"]

DEFAULT_STORE = "presskg-data"


@dataclass
class BuildReport:
    """What a build did: files built, skipped as unchanged, failed (with why), warnings."""

    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[FileFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase


@dataclass(frozen=True)
class _Job:
    path: str
    sha256: str


# One extractor per worker process: lexicon automata are built once, not per file.
_WORKER: dict[str, Extractor] = {}
# Workers run without the cyclic collector (extraction makes no cycles; see presskg.memory)
# and collect once every this many files, so that a cycle from a library cannot pile up.
_COLLECT_EVERY = 200
_JOBS_DONE = [0]


def _init_worker(options: ExtractOptions, fmt: str, year: int | None) -> None:
    _WORKER["extractor"] = Extractor(options, fmt=fmt, year=year)
    gc.freeze()  # the lexicons and dictionaries live as long as the worker
    gc.disable()


def _extract_job(job: _Job) -> Transcript | FileFailure:
    """Extract one file, or say why it cannot be read."""
    extractor = _WORKER["extractor"]
    _JOBS_DONE[0] += 1
    if _JOBS_DONE[0] % _COLLECT_EVERY == 0 and not gc.isenabled():
        gc.collect()
    try:
        return _for_graph(extractor.load(job.path, job.sha256))
    except PressKGError as e:
        return FileFailure(job.path, str(e))
    except RecursionError as e:  # pathological input must not stop a batch
        return FileFailure(job.path, f"{job.path}: cannot be parsed ({e})")


def _in_workers(jobs: list[_Job], workers: int) -> bool:
    return workers > 1 and len(jobs) > 1


def _for_graph(transcript: Transcript) -> Transcript:
    """The transcript without its full text and context lines, which the graph does not use.

    Results travel from the workers by pickling; the full text is about 40 % of it.
    """
    return dataclasses.replace(transcript, text="", context=[])


def _run_jobs(
    jobs: list[_Job], extractor: Extractor | None, workers: int, init: tuple[Any, ...]
) -> Iterator[tuple[_Job, Transcript | FileFailure]]:
    """Extract in this process with `extractor`, or in `workers` processes that build their own
    (each from `init`, the arguments of `_init_worker`)."""
    if not _in_workers(jobs, workers):
        assert extractor is not None
        _WORKER["extractor"] = extractor
        for job in jobs:
            yield job, _extract_job(job)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=init) as pool:
        yield from zip(jobs, pool.map(_extract_job, jobs, chunksize=4), strict=True)


def _announce(stage: Callable[[str], None] | None, what: str) -> None:
    if stage is not None:
        stage(what)


def _plain(value: Any) -> Any:
    """Engine-specific values → plain Python (the embedded engine sums to Decimal)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class PressKG:
    """A handle on one store (embedded folder, or Neo4j with `neo4j=True`)."""

    def __init__(
        self,
        store: str | Path = DEFAULT_STORE,
        *,
        neo4j: bool = False,
        create: bool = True,
        force: bool = False,
        wait: bool = True,
    ) -> None:
        self.neo4j = neo4j
        self.store: Store
        if neo4j:
            from graph.neo4j_store import Neo4jStore

            self.store = Neo4jStore()
        else:
            self.store = EmbeddedStore(store, create=create, force=force, wait=wait)

    def build(
        self,
        paths: Iterable[str | Path],
        *,
        fmt: str = "auto",
        lexicons: Iterable[str | Path] = (),
        year: int | None = None,
        workers: int | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        stage: Callable[[str], None] | None = None,
    ) -> BuildReport:
        """Read, extract and store transcripts; unchanged files are skipped, bad ones reported.

        `progress(path, done, total)` is called after each file, `stage(what)` when a phase
        after extraction starts (they can take a while on a large store).
        """
        started = time.perf_counter()
        options = ExtractOptions(lexicons=tuple(Path(p) for p in lexicons))
        # Built first so that a bad lexicon fails before any work.
        extractor: Extractor | None = Extractor(options, fmt=fmt, year=year)
        report = BuildReport()
        known = self._transcript_hashes()
        jobs: list[_Job] = []
        seen: set[str] = set()
        for item in iter_transcript_files(paths):
            if isinstance(item, FileFailure):
                report.failed.append(item)
                continue
            path = str(item)
            if path in seen:
                continue
            seen.add(path)
            try:
                sha = file_sha256(item)
            except OSError as e:
                report.failed.append(FileFailure(path, f"{path}: cannot be read ({e.strerror})"))
                continue
            if known.get(transcript_key(path)) == sha:
                report.unchanged.append(path)
            else:
                jobs.append(_Job(path, sha))
        workers = workers or min(os.cpu_count() or 1, 8)
        if _in_workers(jobs, workers):
            extractor = None  # the workers build their own; its memory is not needed here
        init = (options, fmt, year)

        def transcripts() -> Iterator[Transcript]:
            for i, (job, result) in enumerate(_run_jobs(jobs, extractor, workers, init), 1):
                if progress:
                    progress(job.path, i, len(jobs))
                if isinstance(result, FileFailure):
                    report.failed.append(result)
                else:
                    report.built.append(job.path)
                    report.warnings.extend(result.warnings)
                    yield result

        with collector_paused():
            new = build_graph(transcripts())
            release_free_memory()
            if report.built:
                report.seconds["extract and build the graph"] = time.perf_counter() - started
                if known:
                    _announce(stage, "reading the stored graph")
                existing = self.store.read() if known else nx.MultiDiGraph()
                _announce(stage, "writing the store")
                mark = time.perf_counter()
                report.counts = self._store_graph(existing, new)
                report.seconds["store"] = time.perf_counter() - mark
            else:
                report.counts = self.counts()
        report.seconds["total"] = time.perf_counter() - started
        return report

    def _transcript_hashes(self) -> dict[str, str]:
        if isinstance(self.store, EmbeddedStore):
            return self.store.transcript_hashes()
        rows = self.store.run("MATCH (t:Transcript) RETURN t.key AS key, t.sha256 AS sha").rows
        return {str(key): str(sha) for key, sha in rows}

    def _store_graph(self, existing: nx.MultiDiGraph, new: nx.MultiDiGraph) -> dict[str, int]:
        """Merge `new` into what is stored; return the counts of what the store now holds."""
        before = {n: d["labels"][0] for n, d in existing.nodes(data=True)}
        replaced = [
            n for n, d in new.nodes(data=True) if d["labels"][0] == "Transcript" and n in before
        ]
        merged = merge_graphs(existing, new)  # merges into `existing` in place
        if isinstance(self.store, EmbeddedStore):
            self.store.replace(merged)
            return self.store.counts()  # from the manifest the store has just written
        for key in replaced:
            self.store.delete_transcript(key)  # type: ignore[attr-defined]
        if replaced:
            self._drop_stale(before, merged)
        self.store.write(merged)
        return graph_counts(merged)

    def _drop_stale(self, before: dict[str, str], merged: nx.MultiDiGraph) -> None:
        """Remove from Neo4j what a replaced transcript no longer supports."""
        for rel in AGGREGATE_TYPES:  # derived edges: rewritten in full by the next write
            query = (
                f"MATCH ()-[r:{check_rel_type(rel)}]->() WITH r LIMIT 10000 "
                "DELETE r RETURN count(*) AS n"
            )
            while self.store.run(query, write=True).rows[0][0] == 10000:
                pass  # batches keep each transaction small
        gone = [n for n in before if n not in merged]
        for label in ENTITY_LABELS:
            keys = [n for n in gone if before[n] == label]
            if keys:
                self.store.run(
                    f"MATCH (n:{check_label(label)}) WHERE n.key IN $keys DETACH DELETE n",
                    {"keys": keys},
                    write=True,
                )

    def query(self, cypher: str, /, *, write: bool = False, **params: Any) -> QueryResult:
        """Run Cypher (read-only unless `write`), parameters as keyword arguments."""
        result = self.store.run(cypher, params, write=write)
        return QueryResult(result.columns, [_plain(row) for row in result.rows])

    def named(self, query_name: str, /, **params: Any) -> QueryResult:
        """Run the named query `query_name` with its defaults overridden by `params`."""
        query = get_query(query_name)
        return self.query(query.cypher, **query.params(params))

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph as networkx."""
        return self.store.read()

    def counts(self) -> dict[str, int]:
        """Node counts by label and relationship counts by type."""
        return self.store.counts()

    def close(self) -> None:
        """Release the store."""
        self.store.close()

    def __enter__(self) -> PressKG:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(store: str | Path = DEFAULT_STORE, *, neo4j: bool = False) -> PressKG:
    """Open an existing store for queries."""
    return PressKG(store, neo4j=neo4j, create=False)


def build(
    paths: Iterable[str | Path] | str | Path,
    store: str | Path = DEFAULT_STORE,
    *,
    neo4j: bool = False,
    **options: Any,
) -> PressKG:
    """Build transcripts into a store and return a handle on it (notebook entry point)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    kg = PressKG(store, neo4j=neo4j)
    kg.build(paths, **options)
    return kg
