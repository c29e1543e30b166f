"""The Neo4j store: the `Store` interface over bolt, with an idempotent batched writer.

Nodes are merged on `key` under uniqueness constraints, relationships on
(start key, type, end key), in batches of `UNWIND $rows AS row MERGE …`, each batch
its own managed transaction (the transaction functions are idempotent, so the
driver may retry them). Only names from `graph.schema` become Cypher text; every
value travels as a parameter. `run(..., write=False)` runs in a read transaction,
so the server itself refuses a query that writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import Any

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph.schema import REL_TYPES, check_label, check_rel_type, constraint_statements
from graph.store import QueryResult
from presskg.config import Neo4jSettings
from presskg.errors import InputError, QueryError, StoreUnavailable

__all__ = ["DEFAULT_BATCH_SIZE", "Neo4jStore", "node_rows", "relationship_rows"]

DEFAULT_BATCH_SIZE = 5000

# Looked up by `delete_transcript`; constraints on `key` come from graph.schema.
_INDEX_STATEMENTS = (
    "CREATE INDEX utterance_transcript IF NOT EXISTS FOR (n:Utterance) ON (n.transcript)",
    "CREATE INDEX figure_transcript IF NOT EXISTS FOR (n:Figure) ON (n.transcript)",
)

_PRIMITIVES = (str, bool, int, float)

Rows = list[dict[str, Any]]


def _value(value: Any, where: str) -> Any:
    """A property value Neo4j can store: a primitive or a flat list of primitives."""
    if isinstance(value, _PRIMITIVES):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else list(value)
        if all(isinstance(item, _PRIMITIVES) for item in items):
            return items
    raise InputError(
        f"{where}: Neo4j stores only strings, numbers, booleans and flat lists of them, "
        f"not {type(value).__name__} {value!r}; flatten it in graph/build.py"
    )


def _props(data: Mapping[str, Any], skip: tuple[str, ...], where: str) -> dict[str, Any]:
    """Storable properties of a node or edge: None dropped (Neo4j has no null properties)."""
    return {
        name: _value(value, f"{where} property {name!r}")
        for name, value in data.items()
        if name not in skip and value is not None
    }


def _label(graph: nx.MultiDiGraph, node: Any) -> str:
    labels = graph.nodes[node].get("labels") or []
    if len(labels) != 1:
        raise InputError(f"node {node!r} has labels {labels!r}; every node needs exactly one")
    try:
        return check_label(str(labels[0]))
    except ValueError as e:
        raise InputError(f"node {node!r}: {e}") from e


def node_rows(graph: nx.MultiDiGraph) -> dict[str, Rows]:
    """Rows to merge per label: `{"key": …, "props": {…}}` (key = the networkx node id)."""
    rows: dict[str, Rows] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        if not isinstance(node, str):
            raise InputError(f"node {node!r}: keys must be strings")
        label = _label(graph, node)
        rows[label].append(
            {"key": node, "props": _props(data, ("key", "labels"), f"node {node!r}")}
        )
    return dict(rows)


def relationship_rows(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], Rows]:
    """Rows to merge per (type, from label, to label): `{"start", "end", "props"}`."""
    rows: dict[tuple[str, str, str], Rows] = defaultdict(list)
    for start, end, key, data in graph.edges(keys=True, data=True):
        rel = data.get("type", key)
        where = f"relationship {start!r}-[{rel}]->{end!r}"
        try:
            check_rel_type(str(rel))
        except ValueError as e:
            raise InputError(f"{where}: {e}") from e
        pair = (_label(graph, start), _label(graph, end))
        if pair not in REL_TYPES[rel].pairs:
            allowed = ", ".join(f"{a}->{b}" for a, b in REL_TYPES[rel].pairs)
            raise InputError(f"{where} joins {pair[0]}->{pair[1]}; {rel} joins {allowed}")
        rows[(rel, *pair)].append(
            {"start": start, "end": end, "props": _props(data, ("type",), where)}
        )
    return dict(rows)


def _merge_nodes_query(label: str) -> str:
    label = check_label(label)
    return f"UNWIND $rows AS row MERGE (n:`{label}` {{key: row.key}}) SET n += row.props"


def _merge_relationships_query(rel: str, start_label: str, end_label: str) -> str:
    rel, a, b = check_rel_type(rel), check_label(start_label), check_label(end_label)
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:`{a}` {{key: row.start}}) MATCH (b:`{b}` {{key: row.end}}) "
        f"MERGE (a)-[r:`{rel}`]->(b) SET r += row.props"
    )


def _plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships as property dicts."""
    if isinstance(value, Node | Relationship):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return [_plain(node) for node in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return value.iso_format()
    return value


class Neo4jStore:
    """A graph in Neo4j, read and written through one driver.

    Settings default to the environment (`NEO4J_URI`, `NEO4J_USERNAME`, `NEO4J_PASSWORD`,
    `NEO4J_DATABASE`) and then to the local server of `make neo4j-up`. The constructor
    checks the server answers, so a store that exists is usable.
    """

    def __init__(
        self,
        settings: Neo4jSettings | None = None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        connection_timeout: float = 10.0,
        max_retry_time: float = 15.0,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self.settings = settings or Neo4jSettings.from_env()
        self.batch_size = batch_size
        self._schema_ready = False
        self._driver: Driver | None = None
        with self._errors():
            self._driver = GraphDatabase.driver(
                self.settings.uri,
                auth=(self.settings.username, self.settings.password),
                connection_timeout=connection_timeout,
                max_transaction_retry_time=max_retry_time,
            )
        try:
            self._check_connection()
        except BaseException:
            self.close()
            raise

    def _check_connection(self) -> None:
        """Fail now, with the reason, if the server, the credentials or the database are wrong."""
        # An auto-commit query: managed transactions would retry a closed port for seconds.
        with self._errors(), self.driver.session(database=self.settings.database) as session:
            session.run("RETURN 1").consume()

    # -- life cycle -------------------------------------------------------------------------

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the driver and its connections (idempotent)."""
        if self._driver is not None:
            driver, self._driver = self._driver, None
            driver.close()

    @property
    def driver(self) -> Driver:
        if self._driver is None:
            raise StoreUnavailable(f"the Neo4j store for {self.settings.uri} is closed")
        return self._driver

    # -- errors -----------------------------------------------------------------------------

    @contextmanager
    def _errors(self, cypher: str | None = None) -> Iterator[None]:
        """Turn driver errors into presskg errors that say what to do."""
        s = self.settings
        try:
            yield
        except neo4j_errors.AuthError as e:
            raise StoreUnavailable(
                f"Neo4j at {s.uri} refused user {s.username!r}: check NEO4J_USERNAME and "
                f"NEO4J_PASSWORD (the local server of `make neo4j-up` uses neo4j / "
                f"presskg-local) [{e.message}]"
            ) from e
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as e:
            reason = " ".join(str(e).split())
            raise StoreUnavailable(
                f"Neo4j is not reachable at {s.uri}: start the local server with "
                f"`make neo4j-up`, or point NEO4J_URI at a running one ({reason})"
            ) from e
        except neo4j_errors.Neo4jError as e:
            code = e.code or ""
            if code.startswith("Neo.ClientError.Database.DatabaseNotFound"):
                raise StoreUnavailable(
                    f"Neo4j at {s.uri} has no database {s.database!r}: set NEO4J_DATABASE to "
                    f"an existing one (Community has only 'neo4j' and 'system')"
                ) from e
            if code.startswith("Neo.ClientError.Statement.AccessMode"):
                raise QueryError(
                    f"the query writes, but ran read-only: {e.message}; pass write=True "
                    f"(on the command line: --write) if you mean to change the graph"
                ) from e
            where = f" in query {cypher.strip()[:200]!r}" if cypher else ""
            raise QueryError(f"Neo4j refused{where}: {code}: {e.message}") from e
        except neo4j_errors.DriverError as e:
            raise StoreUnavailable(f"Neo4j driver error talking to {s.uri}: {e}") from e

    # -- writing ----------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the uniqueness constraints on `key` and the lookup indexes (idempotent)."""
        if self._schema_ready:
            return
        for statement in (*constraint_statements(), *_INDEX_STATEMENTS):
            self._execute(statement, {}, write=True)
        self._schema_ready = True

    def write(
        self, graph: nx.MultiDiGraph, *, progress: Callable[[int], None] | None = None
    ) -> None:
        """Merge `graph`: nodes by key, relationships by (start key, type, end key).

        Idempotent: writing the same graph twice leaves the same nodes and relationships.
        Each batch commits on its own, so an interrupted write can simply be run again.
        `progress`, if given, is called with the number of rows of each committed batch.
        """
        nodes = node_rows(graph)
        relationships = relationship_rows(graph)
        self.ensure_schema()
        for label, rows in sorted(nodes.items()):
            self._write_batches(_merge_nodes_query(label), rows, progress)
        for (rel, a, b), rows in sorted(relationships.items()):
            self._write_batches(_merge_relationships_query(rel, a, b), rows, progress)

    def _write_batches(
        self, query: str, rows: Rows, progress: Callable[[int], None] | None
    ) -> None:
        for i in range(0, len(rows), self.batch_size):
            batch = rows[i : i + self.batch_size]
            self._write_batch(query, batch)
            if progress is not None:
                progress(len(batch))

    def _write_batch(self, query: str, rows: Rows) -> None:
        self._execute(query, {"rows": rows}, write=True)

    def delete_transcript(self, key: str) -> int:
        """Delete a transcript's utterances and figures with their relationships.

        For incremental rebuilds: delete, then `write` the transcript's new graph
        (with the re-derived aggregates). Returns the number of nodes deleted.
        """
        self.ensure_schema()
        deleted = 0
        for label in ("Utterance", "Figure"):
            query = (
                f"MATCH (n:`{check_label(label)}` {{transcript: $key}}) "
                "WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"
            )
            deleted += self._delete_in_batches(query, {"key": key})
        return deleted

    def clear(self) -> int:
        """Delete every node and relationship (constraints stay). Returns nodes deleted.

        Relationships go first, in batches: detaching a batch of well-connected nodes
        (a transcript holds every turn) can outgrow the server's transaction memory.
        """
        rels = "MATCH ()-[r]->() WITH r LIMIT $limit DELETE r RETURN count(*) AS deleted"
        self._delete_in_batches(rels, {})
        query = "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"
        return self._delete_in_batches(query, {})

    def _delete_in_batches(self, query: str, params: dict[str, Any]) -> int:
        total = 0
        while True:
            result = self._execute(query, {**params, "limit": self.batch_size}, write=True)
            deleted = int(result.rows[0][0]) if result.rows else 0
            total += deleted
            if deleted < self.batch_size:
                return total

    # -- reading ----------------------------------------------------------------------------

    def read(self) -> nx.MultiDiGraph:
        """The whole graph, shaped as `graph.build.build_graph` makes it."""
        graph = nx.MultiDiGraph()
        nodes = self._execute("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        for labels, props in nodes.rows:
            graph.add_node(props["key"], **props, labels=sorted(labels))
        edges = self._execute(
            "MATCH (a)-[r]->(b) RETURN a.key AS start, type(r) AS type, b.key AS end, "
            "properties(r) AS props"
        )
        for start, rel, end, props in edges.rows:
            graph.add_edge(start, end, key=rel, type=rel, **props)
        return graph

    def counts(self) -> dict[str, int]:
        """Node count per label and relationship count per type (absent ones omitted)."""
        nodes = self._execute("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*)")
        rels = self._execute("MATCH ()-[r]->() RETURN type(r), count(*)")
        return {str(name): int(n) for name, n in (*nodes.rows, *rels.rows)}

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run Cypher with parameters; in a read transaction unless `write` is true."""
        return self._execute(cypher, params or {}, write=write)

    def _execute(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        def work(tx: ManagedTransaction) -> QueryResult:
            result = tx.run(cypher, dict(params or {}))
            columns = list(result.keys())
            rows = [[_plain(v) for v in record.values()] for record in result]
            return QueryResult(columns, rows)

        with self._errors(cypher), self.driver.session(database=self.settings.database) as s:
            return s.execute_write(work) if write else s.execute_read(work)
