"""Bulk-loading a graph into the embedded Cypher engine (ladybug), and reading it back.

Each node table and each relationship table is written as a typed Parquet file
(lists, quotes and newlines survive intact) and loaded with `COPY … FROM` that
file. The engine reads Parquet natively, without the Python interpreter, which
makes this about twice as fast as `COPY` from in-memory Arrow and lets it run
beside Python work: a thread writes the next files while the engine loads the
current one. Files are written row group by row group and deleted once loaded,
so memory holds one row group, not a copy of the graph.
"""

from __future__ import annotations

import queue
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import ladybug
import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from graph.bulk import Edge, bulk_add_edges, bulk_add_nodes
from graph.schema import NODE_PROPERTIES, REL_TYPES, check_label, check_rel_type

__all__ = ["create_schema", "graph_from_index", "load_graph", "result_rows"]

# Rows per Parquet row group (node rows carry the utterances' text: smaller groups).
COPY_ROWS = 50_000
NODE_COPY_ROWS = 20_000
_AHEAD = 2  # files written ahead of the one being loaded
_SAFE_PATH = re.compile(r"[\w./-]+")  # a path that can stand in a COPY statement as it is

_ARROW_TYPES = {
    "STRING": pa.string(),
    "INT64": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "STRING[]": pa.list_(pa.string()),
    "INT64[]": pa.list_(pa.int64()),
}


def create_schema(conn: ladybug.Connection) -> None:
    """One node table per label and one relationship table per type (graph/schema.py)."""
    for label, props in NODE_PROPERTIES.items():
        columns = ", ".join(f"{name} {kind}" for name, kind in props.items())
        conn.execute(f"CREATE NODE TABLE {check_label(label)}({columns}, PRIMARY KEY(key))")
    for rel in REL_TYPES.values():
        pairs = ", ".join(f"FROM {check_label(a)} TO {check_label(b)}" for a, b in rel.pairs)
        rel_props = "".join(f", {name} {kind}" for name, kind in rel.properties)
        conn.execute(f"CREATE REL TABLE {check_rel_type(rel.name)}({pairs}{rel_props})")


def load_graph(db: ladybug.Database, graph: nx.MultiDiGraph, near: Path | None = None) -> None:
    """Load every node, then every relationship the schema knows, of `graph` into `db`.

    The staged files go in a new folder inside `near` (the store's folder), or in the
    temporary folder when `near`'s path cannot stand in a COPY statement as it is.
    """
    folder = _staging_folder(near)
    try:
        _load_files(db, _staged(graph, folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _staging_folder(near: Path | None) -> Path:
    for parent in (near, None, Path("/tmp")):
        if parent is not None:
            parent = parent.resolve()
            if not _SAFE_PATH.fullmatch(str(parent)):
                continue
        folder = Path(tempfile.mkdtemp(prefix=".presskg-index-", dir=parent))
        if _SAFE_PATH.fullmatch(str(folder)):
            return folder
        shutil.rmtree(folder, ignore_errors=True)
    raise OSError("no folder for staging the index whose path has no quotes or spaces")


def _load_files(db: ladybug.Database, files: Iterator[tuple[str, Path]]) -> None:
    """COPY each (statement, file) while a thread writes the next ones (at most `_AHEAD`)."""
    ready: queue.Queue[tuple[str, Path] | BaseException | None] = queue.Queue(_AHEAD)
    stop = threading.Event()

    def hand_over(item: tuple[str, Path] | BaseException | None) -> bool:
        """Queue `item` unless the loading thread has stopped; say whether it was queued."""
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in files:
                if not hand_over(item):
                    return
            hand_over(None)
        except BaseException as e:  # handed to the loading thread, which raises it
            hand_over(e)

    producer = threading.Thread(target=produce, name="presskg-index-files", daemon=True)
    producer.start()
    try:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            statement, path = item
            conn = ladybug.Connection(db)
            try:
                conn.execute(statement)
            finally:
                conn.close()
            path.unlink(missing_ok=True)
    finally:
        stop.set()
        producer.join()


def _staged(graph: nx.MultiDiGraph, folder: Path) -> Iterator[tuple[str, Path]]:
    """(COPY statement, Parquet file) for every node table, then every relationship table."""
    if not _SAFE_PATH.fullmatch(str(folder)):
        raise ValueError(f"{folder}: a temporary folder name the engine cannot be given")
    nodes: dict[str, list[dict[str, Any]]] = {label: [] for label in NODE_PROPERTIES}
    label_of: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        label = data["labels"][0]
        nodes[label].append(data)
        label_of[node] = label
    for label in list(nodes):
        rows = nodes.pop(label)
        if not rows:
            continue
        kinds = NODE_PROPERTIES[label]
        path = folder / f"{check_label(label)}.parquet"
        _write(path, _columns(rows, kinds), kinds, min(NODE_COPY_ROWS, COPY_ROWS))
        yield f"COPY {check_label(label)} FROM '{path}'", path

    # Per (type, start label, end label): start keys, end keys, attribute dicts.
    groups: dict[tuple[str, str, str], tuple[list[str], list[str], list[dict[str, Any]]]] = {}
    for u, neighbours in graph._succ.items():  # the views cost more than this loop
        for v, keydict in neighbours.items():
            for key, data in keydict.items():
                group = groups.get((key, label_of[u], label_of[v]))
                if group is None:
                    rel = REL_TYPES.get(key)
                    if rel is None or (label_of[u], label_of[v]) not in rel.pairs:
                        continue
                    group = groups[(key, label_of[u], label_of[v])] = ([], [], [])
                group[0].append(u)
                group[1].append(v)
                group[2].append(data)
    for rel_type, start, end in list(groups):
        starts, ends, datas = groups.pop((rel_type, start, end))
        properties = dict(REL_TYPES[rel_type].properties)
        kinds = {"from": "STRING", "to": "STRING", **properties}
        name = f"{check_rel_type(rel_type)}-{check_label(start)}-{check_label(end)}"
        path = folder / f"{name}.parquet"
        _write(path, {"from": starts, "to": ends, **_columns(datas, properties)}, kinds, COPY_ROWS)
        yield (
            (
                f"COPY {check_rel_type(rel_type)} FROM '{path}' "
                f"(from='{check_label(start)}', to='{check_label(end)}')"
            ),
            path,
        )


def _columns(rows: list[dict[str, Any]], kinds: dict[str, str]) -> dict[str, list[Any]]:
    return {name: [row.get(name) for row in rows] for name in kinds}


def _write(path: Path, columns: dict[str, list[Any]], kinds: dict[str, str], rows: int) -> None:
    """The columns as one Parquet file, `rows` rows per row group (typed, uncompressed)."""
    total = len(columns["key"] if "key" in columns else columns["from"])
    schema = pa.schema([(name, _ARROW_TYPES[kinds[name]]) for name in columns])
    with pq.ParquetWriter(path, schema, compression="none") as writer:
        for first in range(0, total, rows):
            part = {name: values[first : first + rows] for name, values in columns.items()}
            writer.write_table(_arrow_table(part, kinds))


def _arrow_table(columns: dict[str, list[Any]], kinds: dict[str, str]) -> pa.Table:
    """Typed Arrow columns; lists are never null, values of another type are coerced."""
    arrays = {}
    for name, values in columns.items():
        kind = kinds[name]
        if kind.endswith("[]"):
            values = [v if v is not None else [] for v in values]
        try:
            arrays[name] = pa.array(values, type=_ARROW_TYPES[kind])
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
            arrays[name] = pa.array([_typed(v, kind) for v in values], type=_ARROW_TYPES[kind])
    return pa.table(arrays)


def _typed(value: Any, kind: str) -> Any:
    """Coerce one value to the column type (a value written by a user query may differ)."""
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


def result_rows(result: ladybug.QueryResult | list[ladybug.QueryResult]) -> list[list[Any]]:
    """All rows of a result (the last statement's, for a multi-statement query)."""
    last = result[-1] if isinstance(result, list) else result
    rows = []
    while last.has_next():
        rows.append(list(last.get_next()))
    return rows


def graph_from_index(conn: ladybug.Connection) -> nx.MultiDiGraph:
    """Read the whole index back into the networkx shape `graph.build.build_graph` makes."""
    graph = nx.MultiDiGraph()
    for label, props in NODE_PROPERTIES.items():
        cols = ", ".join(f"n.{name}" for name in props)
        names = list(props)
        query = f"MATCH (n:{check_label(label)}) RETURN {cols}"
        bulk_add_nodes(graph, _node_rows(label, names, result_rows(conn.execute(query))))
    for rel in REL_TYPES.values():
        names = [name for name, _ in rel.properties]
        cols = "".join(f", r.{name}" for name in names)
        query = f"MATCH (a)-[r:{check_rel_type(rel.name)}]->(b) RETURN a.key, b.key{cols}"
        bulk_add_edges(graph, _edge_rows(rel.name, names, result_rows(conn.execute(query))))
    return graph


def _node_rows(
    label: str, names: list[str], rows: Iterable[list[Any]]
) -> Iterable[tuple[str, dict[str, Any]]]:
    for row in rows:
        attrs = {k: v for k, v in zip(names, row, strict=True) if v is not None}
        attrs["labels"] = [label]
        yield attrs["key"], attrs


def _edge_rows(rel: str, names: list[str], rows: Iterable[list[Any]]) -> Iterable[Edge]:
    for row in rows:
        attrs = {k: v for k, v in zip(names, row[2:], strict=True) if v is not None}
        attrs["type"] = rel
        yield row[0], row[1], rel, attrs
