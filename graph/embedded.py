"""The embedded store: a folder, no server.

- `graph.json`: networkx node-link JSON, the source of truth, written atomically
  (temporary file, fsync, rename) so a killed build leaves the last good graph.
- `index.lbdb`: a ladybug (embedded Cypher) database built from it: schema from
  `graph/schema.py`, nodes and relationships bulk-loaded with `COPY` from typed
  Arrow tables (lists, quotes and newlines survive). Rebuilt whenever it is
  older than `graph.json` (a stamp holds its size and modification time).
- `transcripts.json`: each transcript's content hash, so unchanged files are
  skipped without loading the graph.
- `.lock`: one writer at a time.

Queries without `write=True` open the index read-only: the engine refuses
writes, no string checks involved.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug
import networkx as nx
import pyarrow as pa

from graph.algorithms import graph_counts
from graph.build import merge_graphs
from graph.schema import NODE_PROPERTIES, REL_TYPES, check_label, check_rel_type
from graph.store import QueryResult
from presskg.errors import InputError, QueryError, StoreBusy, StoreUnavailable

__all__ = ["EmbeddedStore", "load_graph_json", "save_graph_json"]

MARKER = "presskg-store.json"
GRAPH = "graph.json"
INDEX = "index.lbdb"
STAMP = "index.stamp"
MANIFEST = "transcripts.json"
LOCK = ".lock"
FORMAT_VERSION = 1
# The engine stalls on some very large single COPY batches; slices of this size load reliably.
_COPY_ROWS = 50_000


def _node_link_chunks(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The JSON of `nx.node_link_data(graph, edges="edges", name="_nx_id")`, piece by piece.

    Streaming keeps memory at the graph itself rather than the graph plus a copy of
    every attribute dict plus the whole text.
    """
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    yield '{"directed": true, "multigraph": true, "graph": ' + encode(graph.graph) + ', "nodes": ['
    for i, (node, data) in enumerate(graph.nodes(data=True)):
        yield ("," if i else "") + encode({**data, "_nx_id": node})
    yield '], "edges": ['
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        yield ("," if i else "") + encode({**data, "source": u, "target": v, "key": key})
    yield "]}"


def save_graph_json(graph: nx.MultiDiGraph, path: Path) -> str:
    """Write node-link JSON atomically (temporary file, fsync, rename); return its SHA-256."""
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as f:
            for chunk in _node_link_chunks(graph):
                data = chunk.encode("utf-8")
                digest.update(data)
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return digest.hexdigest()


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
        self.close()
        save_graph_json(graph, self.graph_path)
        signature = _signature(self.graph_path)
        self._write_manifest(graph, signature)
        self._build_index(graph, signature)

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
        tmp = self.folder / f".index-{os.getpid()}.lbdb"
        _remove(tmp)
        (self.folder / STAMP).unlink(missing_ok=True)
        db = ladybug.Database(str(tmp))
        conn = ladybug.Connection(db)
        try:
            _create_schema(conn)
            _load_nodes(conn, graph)
            _load_relationships(conn, graph)
        finally:
            conn.close()
            db.close()
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
        rows = _rows(result)
        conn.close()
        return QueryResult(columns, rows)

    def _sync_back(self) -> None:
        """After a write query, make `graph.json` match the index again."""
        graph = _graph_from_index(self._connection(True))
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


_ARROW_TYPES = {
    "STRING": pa.string(),
    "INT64": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "STRING[]": pa.list_(pa.string()),
    "INT64[]": pa.list_(pa.int64()),
}


def _arrow_table(columns: dict[str, list[Any]], kinds: dict[str, str]) -> pa.Table:
    """Typed Arrow columns: the engine bulk-loads them with every value intact."""
    return pa.table(
        {name: pa.array(values, type=_ARROW_TYPES[kinds[name]]) for name, values in columns.items()}
    )


def _load_nodes(conn: ladybug.Connection, graph: nx.MultiDiGraph) -> None:
    """Bulk-load nodes with COPY from Arrow tables (text, lists and quotes survive)."""
    by_label: dict[str, dict[str, list[Any]]] = {
        label: {name: [] for name in props} for label, props in NODE_PROPERTIES.items()
    }
    for _, data in graph.nodes(data=True):
        label = data["labels"][0]
        columns = by_label[label]
        for name, kind in NODE_PROPERTIES[label].items():
            columns[name].append(_typed(data.get(name), kind))
    for label, columns in by_label.items():
        if not columns["key"]:
            continue
        table = _arrow_table(columns, NODE_PROPERTIES[label])
        for start in range(0, table.num_rows, _COPY_ROWS):
            arrow_rows = table.slice(start, _COPY_ROWS)  # noqa: F841 (read by COPY)
            conn.execute(f"COPY {check_label(label)} FROM arrow_rows")


def _typed(value: Any, kind: str) -> Any:
    """Coerce to the column type so every row of a table has one shape (lists never None)."""
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


def _load_relationships(conn: ladybug.Connection, graph: nx.MultiDiGraph) -> None:
    """Bulk-load relationships with COPY, one Arrow table per (type, from label, to label)."""
    groups: dict[tuple[str, str, str], dict[str, list[Any]]] = {}
    labels = {node: data["labels"][0] for node, data in graph.nodes(data=True)}
    for u, v, key, data in graph.edges(keys=True, data=True):
        rel = REL_TYPES.get(key)
        if rel is None:
            continue
        pair = (labels[u], labels[v])
        if pair not in rel.pairs:
            continue
        columns = groups.get((key, *pair))
        if columns is None:
            columns = {"from": [], "to": [], **{name: [] for name, _ in rel.properties}}
            groups[(key, *pair)] = columns
        columns["from"].append(u)
        columns["to"].append(v)
        for name, kind in rel.properties:
            columns[name].append(_typed(data.get(name), kind))
    for (rel_type, start, end), columns in groups.items():
        kinds = {"from": "STRING", "to": "STRING", **dict(REL_TYPES[rel_type].properties)}
        table = _arrow_table(columns, kinds)
        for first in range(0, table.num_rows, _COPY_ROWS):
            arrow_rows = table.slice(first, _COPY_ROWS)  # noqa: F841 (read by COPY)
            conn.execute(
                f"COPY {check_rel_type(rel_type)} FROM arrow_rows "
                f"(from='{check_label(start)}', to='{check_label(end)}')"
            )


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
