"""The embedded store: a folder, no server.

- `graph.json`: networkx node-link JSON, the source of truth, written atomically
  (temporary file, fsync, rename) so a killed build leaves the last good graph.
- `index.lbdb`: a ladybug (embedded Cypher) database built from it: schema from
  `graph/schema.py`, nodes loaded in parameter batches (lists and any text
  survive), relationships bulk-loaded with `COPY`. Rebuilt whenever it is
  older than `graph.json` (a stamp holds the graph's hash).
- `.lock`: one writer at a time.

Queries without `write=True` open the index read-only: the engine refuses
writes, no string checks involved.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug
import networkx as nx

from graph.build import label_of, merge_graphs
from graph.schema import NODE_PROPERTIES, REL_TYPES, check_label, check_rel_type
from graph.store import QueryResult
from presskg.errors import InputError, QueryError, StoreBusy, StoreUnavailable

__all__ = ["EmbeddedStore", "load_graph_json", "save_graph_json"]

MARKER = "presskg-store.json"
GRAPH = "graph.json"
INDEX = "index.lbdb"
STAMP = "index.stamp"
LOCK = ".lock"
FORMAT_VERSION = 1
_NODE_BATCH = 10_000


def save_graph_json(graph: nx.MultiDiGraph, path: Path) -> str:
    """Write node-link JSON atomically; return the SHA-256 of what was written."""
    data = nx.node_link_data(graph, edges="edges", name="_nx_id")
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return hashlib.sha256(payload).hexdigest()


def load_graph_json(path: Path) -> nx.MultiDiGraph:
    """Read node-link JSON written by `save_graph_json` (or `presskg export --format json`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        graph = nx.node_link_graph(
            data, directed=True, multigraph=True, edges="edges", name="_nx_id"
        )
    except (OSError, ValueError, KeyError, nx.NetworkXError) as e:
        raise InputError(f"{path}: not a presskg graph file ({e}); rebuild the store") from e
    return graph


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


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
        self.close()
        digest = save_graph_json(graph, self.graph_path)
        self._build_index(graph, digest)

    # -- index ----------------------------------------------------------------
    def _index_fresh(self) -> bool:
        stamp = self.folder / STAMP
        index = self.folder / INDEX
        if not stamp.exists() or not index.exists():
            return False
        return stamp.read_text().strip() == _file_hash(self.graph_path)

    def ensure_index(self) -> None:
        """Rebuild the Cypher index if `graph.json` changed since it was built."""
        if self._index_fresh():
            return
        with self.lock():
            if not self._index_fresh():
                self.close()
                self._build_index(self.read(), _file_hash(self.graph_path))

    def _build_index(self, graph: nx.MultiDiGraph, digest: str) -> None:
        tmp = self.folder / f".index-{os.getpid()}.lbdb"
        _remove(tmp)
        (self.folder / STAMP).unlink(missing_ok=True)
        db = ladybug.Database(str(tmp))
        conn = ladybug.Connection(db)
        try:
            _create_schema(conn)
            _load_nodes(conn, graph)
            _load_relationships(conn, graph, self.folder)
        finally:
            conn.close()
            db.close()
        _remove(self.folder / INDEX)
        os.replace(tmp, self.folder / INDEX)
        (self.folder / STAMP).write_text(digest + "\n")

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
        rows = _rows(result)
        conn.close()
        return QueryResult(columns, rows)

    def _sync_back(self) -> None:
        """After a write query, make `graph.json` match the index again."""
        graph = _graph_from_index(self._connection(True))
        self.close()
        digest = save_graph_json(graph, self.graph_path)
        (self.folder / STAMP).write_text(digest + "\n")

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


def _rows(result: ladybug.QueryResult | list[ladybug.QueryResult]) -> list[list[Any]]:
    """All rows of a result (the last statement's, for a multi-statement query)."""
    last = result[-1] if isinstance(result, list) else result
    rows = []
    while last.has_next():
        rows.append(list(last.get_next()))
    return rows


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
    Path(str(path) + ".wal").unlink(missing_ok=True)


def _create_schema(conn: ladybug.Connection) -> None:
    for label, props in NODE_PROPERTIES.items():
        columns = ", ".join(f"{name} {kind}" for name, kind in props.items())
        conn.execute(f"CREATE NODE TABLE {check_label(label)}({columns}, PRIMARY KEY(key))")
    for rel in REL_TYPES.values():
        pairs = ", ".join(f"FROM {check_label(a)} TO {check_label(b)}" for a, b in rel.pairs)
        rel_props = "".join(f", {name} {kind}" for name, kind in rel.properties)
        conn.execute(f"CREATE REL TABLE {check_rel_type(rel.name)}({pairs}{rel_props})")


def _load_nodes(conn: ladybug.Connection, graph: nx.MultiDiGraph) -> None:
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, data in graph.nodes(data=True):
        label = data["labels"][0]
        props = NODE_PROPERTIES[label]
        by_label[label].append({name: _typed(data.get(name), kind) for name, kind in props.items()})
    for label, rows in by_label.items():
        names = list(NODE_PROPERTIES[label])
        assignments = ", ".join(f"{name}: row.{name}" for name in names)
        statement = f"UNWIND $rows AS row CREATE (:{check_label(label)} {{{assignments}}})"
        for i in range(0, len(rows), _NODE_BATCH):
            conn.execute(statement, {"rows": rows[i : i + _NODE_BATCH]})


def _typed(value: Any, kind: str) -> Any:
    """Coerce to the column type so every row of a batch has one shape (lists never None)."""
    if kind.endswith("[]"):
        return list(value) if value else []
    if value is None:
        return None
    if kind == "INT64":
        return int(value)
    if kind == "DOUBLE":
        return float(value)
    if kind == "BOOLEAN":
        return bool(value)
    return str(value)


def _csv_list(values: Any) -> str:
    items = [str(v) for v in (values or [])]
    for item in items:
        if any(c in item for c in ",[]{}\"'\\"):
            raise ValueError(f"list item {item!r} cannot be bulk-loaded")
    return "[" + ",".join(items) + "]"


def _load_relationships(conn: ladybug.Connection, graph: nx.MultiDiGraph, folder: Path) -> None:
    groups: dict[tuple[str, str, str], list[list[str]]] = defaultdict(list)
    for u, v, key, data in graph.edges(keys=True, data=True):
        rel = REL_TYPES.get(key)
        if rel is None:
            continue
        pair = (label_of(graph, u), label_of(graph, v))
        if pair not in rel.pairs:
            continue
        row = [u, v]
        for name, kind in rel.properties:
            value = data.get(name)
            if kind.endswith("[]"):
                row.append(_csv_list(value))
            else:
                row.append("" if value is None else str(value))
        groups[(key, *pair)].append(row)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".copy-") as tmp:
        for (rel_type, start, end), rows in groups.items():
            path = Path(tmp) / f"{rel_type}-{start}-{end}.csv"
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
            statement = (
                f"COPY {check_rel_type(rel_type)} FROM '{path.as_posix()}' "
                f"(from='{check_label(start)}', to='{check_label(end)}', header=false, "
                "parallel=false)"
            )
            conn.execute(statement)


def _graph_from_index(conn: ladybug.Connection) -> nx.MultiDiGraph:
    """Read the whole index back into the networkx shape `build_graph` produces."""
    graph = nx.MultiDiGraph()
    for label, props in NODE_PROPERTIES.items():
        cols = ", ".join(f"n.{name}" for name in props)
        names = list(props)
        for row in _rows(conn.execute(f"MATCH (n:{check_label(label)}) RETURN {cols}")):
            values = dict(zip(names, row, strict=True))
            attrs = {k: v for k, v in values.items() if v is not None}
            graph.add_node(values["key"], labels=[label], **attrs)
    for rel in REL_TYPES.values():
        names = [name for name, _ in rel.properties]
        cols = "".join(f", r.{name}" for name in names)
        query = f"MATCH (a)-[r:{check_rel_type(rel.name)}]->(b) RETURN a.key, b.key{cols}"
        for row in _rows(conn.execute(query)):
            attrs = {k: v for k, v in zip(names, row[2:], strict=True) if v is not None}
            graph.add_edge(row[0], row[1], key=rel.name, type=rel.name, **attrs)
    return graph
