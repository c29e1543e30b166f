"""The embedded store: a folder, no server.

- `graph.json`: networkx node-link JSON, the source of truth, written atomically
  (temporary file, fsync, rename) so a killed build leaves the last good graph.
- `index.lbdb`: a ladybug (embedded Cypher) database built from it: schema from
  `graph/schema.py`, nodes and relationships bulk-loaded with `COPY` from typed
  Parquet files (lists, quotes and newlines survive; see `graph/index_load.py`).
  Rebuilt whenever it is older than `graph.json` (a stamp holds its size and
  modification time).
- `transcripts.json`: each transcript's content hash, so unchanged files are
  skipped without loading the graph.
- `.lock`: one writer at a time.

Queries without `write=True` open the index read-only: the engine refuses
writes, no string checks involved.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug
import networkx as nx

from graph.algorithms import graph_counts
from graph.build import merge_graphs
from graph.index_load import create_schema, graph_from_index, load_graph, result_rows
from graph.nodelink import load_graph_json, save_graph_json
from graph.store import QueryResult
from presskg.errors import InputError, QueryError, StoreBusy, StoreUnavailable
from presskg.memory import collector_paused

__all__ = ["EmbeddedStore", "load_graph_json", "save_graph_json"]

MARKER = "presskg-store.json"
GRAPH = "graph.json"
INDEX = "index.lbdb"
STAMP = "index.stamp"
MANIFEST = "transcripts.json"
LOCK = ".lock"
FORMAT_VERSION = 1


def _signature(path: Path) -> str:
    """Size and modification time: enough to tell the graph changed, without reading it."""
    if not path.exists():
        return ""
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


class EmbeddedStore:
    """A presskg store in a folder; `write` merges by key, `run` answers Cypher."""

    def __init__(
        self, folder: str | Path, *, create: bool = True, force: bool = False, wait: bool = True
    ) -> None:
        self.folder = Path(folder)
        self.wait = wait
        self._db: ladybug.Database | None = None
        self._db_read_only: bool | None = None
        self._check_folder(create=create, force=force)

    # -- folder ---------------------------------------------------------------
    def _check_folder(self, *, create: bool, force: bool) -> None:
        if self.folder.exists() and not self.folder.is_dir():
            raise InputError(f"{self.folder}: exists and is not a folder; choose another --store")
        if (self.folder / MARKER).exists():
            return
        if self.folder.exists() and any(self.folder.iterdir()) and not force:
            raise InputError(
                f"{self.folder}: is not empty and is not a presskg store; "
                "choose another --store, or pass --force to use it anyway"
            )
        if not create:
            raise StoreUnavailable(
                f"{self.folder}: no presskg store here; run `presskg build FILE --store "
                f"{self.folder}` first"
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        marker = {"format": "presskg-embedded", "version": FORMAT_VERSION}
        (self.folder / MARKER).write_text(json.dumps(marker) + "\n", encoding="utf-8")

    @property
    def graph_path(self) -> Path:
        return self.folder / GRAPH

    @contextmanager
    def lock(self, wait: bool | None = None) -> Iterator[None]:
        """Hold the store's write lock; wait for it (saying so) unless `wait` is false."""
        wait = self.wait if wait is None else wait
        with open(self.folder / LOCK, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as e:
                if not wait:
                    raise StoreBusy(
                        f"{self.folder}: another presskg process is writing this store; "
                        "wait for it to finish, or drop --no-wait to queue behind it"
                    ) from e
                print(
                    f"presskg: waiting for another build to release {self.folder} …",
                    file=sys.stderr,
                )
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # -- graph ----------------------------------------------------------------
    def read(self) -> nx.MultiDiGraph:
        """The stored graph (empty when nothing was built yet)."""
        if not self.graph_path.exists():
            return nx.MultiDiGraph()
        return load_graph_json(self.graph_path)

    def write(self, graph: nx.MultiDiGraph, *, wait: bool | None = None) -> None:
        """Merge `graph` into the store by key and refresh the Cypher index."""
        with self.lock(wait):
            merged = merge_graphs(self.read(), graph)
            self._save(merged)

    def replace(self, graph: nx.MultiDiGraph, *, wait: bool | None = None) -> None:
        """Store exactly `graph` (no merge)."""
        with self.lock(wait):
            self._save(graph)

    def _save(self, graph: nx.MultiDiGraph) -> None:
        """Write graph.json and build the index side by side, then install both.

        The engine loads Parquet files without holding the interpreter, so the JSON
        is encoded meanwhile in a second thread; the index is installed (and stamped)
        only once the JSON it describes is on disk.
        """
        self.close()
        (self.folder / STAMP).unlink(missing_ok=True)
        with ThreadPoolExecutor(max_workers=1) as pool:
            saving = pool.submit(save_graph_json, graph, self.graph_path)
            try:
                index = self._load_index(graph)
            finally:
                error = saving.exception()
            if error is not None:
                _remove(index)
                raise error
        signature = _signature(self.graph_path)
        self._write_manifest(graph, signature)
        self._install_index(index, signature)

    def _write_manifest(self, graph: nx.MultiDiGraph, signature: str) -> None:
        """Transcript hashes beside the graph, so an unchanged rebuild never loads the graph."""
        hashes = {
            n: d.get("sha256", "")
            for n, d in graph.nodes(data=True)
            if d["labels"][0] == "Transcript"
        }
        payload = json.dumps(
            {"graph": signature, "transcripts": hashes, "counts": graph_counts(graph)},
            ensure_ascii=False,
        )
        tmp = self.folder / f".{MANIFEST}.tmp"
        tmp.write_text(payload, encoding="utf-8")
        os.replace(tmp, self.folder / MANIFEST)

    def _manifest(self) -> dict[str, Any] | None:
        """The manifest, when it describes the current graph.json."""
        manifest = self.folder / MANIFEST
        if not manifest.exists():
            return None
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("graph") != _signature(self.graph_path):
            return None
        return data

    def counts(self) -> dict[str, int]:
        """Node counts by label and relationship counts by type (without loading the graph)."""
        manifest = self._manifest()
        if manifest and isinstance(manifest.get("counts"), dict):
            return dict(manifest["counts"])
        return graph_counts(self.read())

    def transcript_hashes(self) -> dict[str, str]:
        """Key → content hash of every stored transcript (from the manifest when it is current)."""
        manifest = self._manifest()
        if manifest and isinstance(manifest.get("transcripts"), dict):
            return dict(manifest["transcripts"])
        graph = self.read()
        return {
            n: d.get("sha256", "")
            for n, d in graph.nodes(data=True)
            if d["labels"][0] == "Transcript"
        }

    # -- index ----------------------------------------------------------------
    def _index_fresh(self) -> bool:
        stamp = self.folder / STAMP
        index = self.folder / INDEX
        if not stamp.exists() or not index.exists():
            return False
        return stamp.read_text().strip() == _signature(self.graph_path)

    def ensure_index(self) -> None:
        """Rebuild the Cypher index if `graph.json` changed since it was built."""
        if self._index_fresh():
            return
        with self.lock():
            if not self._index_fresh():
                self.close()
                self._build_index(self.read(), _signature(self.graph_path))

    def _build_index(self, graph: nx.MultiDiGraph, signature: str) -> None:
        (self.folder / STAMP).unlink(missing_ok=True)
        self._install_index(self._load_index(graph), signature)

    def _load_index(self, graph: nx.MultiDiGraph) -> Path:
        """A new index database of `graph` beside the current one (not yet in use)."""
        tmp = self.folder / f".index-{os.getpid()}.lbdb"
        _remove(tmp)
        for staged in self.folder.glob(".presskg-index-*"):  # left by a killed build
            shutil.rmtree(staged, ignore_errors=True)
        # One engine thread: more stalled some large loads on this engine version; the other
        # core encodes graph.json and stages the next tables meanwhile (see `_save`).
        db = ladybug.Database(str(tmp), max_num_threads=1)
        try:
            conn = ladybug.Connection(db)
            try:
                create_schema(conn)
            finally:
                conn.close()
            with collector_paused():
                load_graph(db, graph, near=self.folder)
        except BaseException:
            db.close()
            _remove(tmp)
            raise
        db.close()
        return tmp

    def _install_index(self, tmp: Path, signature: str) -> None:
        _remove(self.folder / INDEX)
        os.replace(tmp, self.folder / INDEX)
        (self.folder / STAMP).write_text(signature + "\n")

    def _connection(self, write: bool) -> ladybug.Connection:
        self.ensure_index()
        if self._db is None or self._db_read_only != (not write):
            self.close()
            try:
                self._db = ladybug.Database(str(self.folder / INDEX), read_only=not write)
            except RuntimeError as e:
                raise StoreUnavailable(f"{self.folder}: cannot open the Cypher index ({e})") from e
            self._db_read_only = not write
        return ladybug.Connection(self._db)

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run Cypher on the index; with `write`, changes are saved back into `graph.json`."""
        if not self.graph_path.exists():
            raise StoreUnavailable(
                f"{self.folder}: the store is empty; run `presskg build FILE --store "
                f"{self.folder}` first"
            )
        if write:
            with self.lock():
                result = self._execute(cypher, params, write=True)
                self._sync_back()
            return result
        return self._execute(cypher, params, write=False)

    def _execute(self, cypher: str, params: dict[str, Any] | None, *, write: bool) -> QueryResult:
        conn = self._connection(write)
        try:
            raw = conn.execute(cypher, params or {})
        except RuntimeError as e:
            message = str(e).splitlines()[0] if str(e) else type(e).__name__
            if not write and ("read-only" in message.lower() or "read only" in message.lower()):
                message += "; add --write to change the store"
            raise QueryError(f"query failed: {message}") from e
        result = raw[-1] if isinstance(raw, list) else raw
        columns = list(result.get_column_names())
        rows = result_rows(result)
        conn.close()
        return QueryResult(columns, rows)

    def _sync_back(self) -> None:
        """After a write query, make `graph.json` match the index again."""
        graph = graph_from_index(self._connection(True))
        self.close()
        save_graph_json(graph, self.graph_path)
        signature = _signature(self.graph_path)
        self._write_manifest(graph, signature)
        (self.folder / STAMP).write_text(signature + "\n")

    def close(self) -> None:
        """Close the index database."""
        if self._db is not None:
            self._db.close()
            self._db = None
            self._db_read_only = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    Path(str(path) + ".wal").unlink(missing_ok=True)
