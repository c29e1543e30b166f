"""Neo4jStore against the real local server: idempotence, round trip, hostile names, faults."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from graph.neo4j_store import Neo4jStore
from presskg.config import Neo4jSettings
from presskg.errors import QueryError, StoreUnavailable
from tests.e2e.neo4j_fixtures import free_port, neo4j_server, neo4j_store

__all__ = ["neo4j_server", "neo4j_store"]  # fixtures used by name below

pytestmark = pytest.mark.neo4j

HOSTILE = [
    "it's",
    'say "hi"',
    "back`tick`",
    "}) DETACH DELETE n //",
    "'}) MATCH (m) DETACH DELETE m //",
    "\\`) RETURN 1 //",
    "融e行\n第二行",
]


def _node(g: nx.MultiDiGraph, key: str, label: str, **props: Any) -> None:
    g.add_node(key, key=key, labels=[label], **props)


def _edge(g: nx.MultiDiGraph, start: str, end: str, rel: str, **props: Any) -> None:
    g.add_edge(start, end, key=rel, type=rel, **props)


def sample_graph(transcript: str = "icbc-2018", turns: int = 6) -> nx.MultiDiGraph:
    """A small graph in the shape graph.build produces, every property type included."""
    g = nx.MultiDiGraph()
    _node(g, transcript, "Transcript", title="发布会", date="2018-04-26", format="live")
    _node(g, "Person:王敬东", "Person", name="王敬东", role="official", anonymous=False, aliases=[])
    _node(g, "Person:记者", "Person", name="金融时报记者", role="reporter", anonymous=True)
    _node(
        g,
        "Organization:工商银行",
        "Organization",
        name="中国工商银行",
        kind="bank",
        aliases=["ICBC", "工行"],
    )
    _node(g, "Product:融e行", "Product", name="融e行", aliases=[])
    _node(g, "Technology:区块链", "Technology", name="区块链", aliases=["blockchain"])
    previous = None
    for seq in range(1, turns + 1):
        ukey = f"{transcript}#{seq}"
        speaker = "Person:记者" if seq % 2 else "Person:王敬东"
        _node(
            g,
            ukey,
            "Utterance",
            transcript=transcript,
            seq=seq,
            speaker=speaker,
            text=f"第{seq}段 融e行 用 区块链",
            is_question=bool(seq % 2),
            start=seq * 10,
            end=seq * 10 + 9,
        )
        _edge(g, ukey, transcript, "IN_TRANSCRIPT")
        _edge(g, speaker, ukey, "SAID")
        _edge(g, ukey, "Product:融e行", "MENTIONS", count=2, spans=[3, 6, 12, 15])
        if previous is not None:
            _edge(g, previous, ukey, "NEXT")
            if seq % 2 == 0:
                _edge(g, ukey, previous, "ANSWERS")
        previous = ukey
    fkey = f"{transcript}#2@7"
    _node(
        g,
        fkey,
        "Figure",
        text="3.43亿户",
        value=343000000.0,
        unit="户",
        approx=False,
        transcript=transcript,
    )
    _edge(g, f"{transcript}#2", fkey, "STATES")
    _edge(g, fkey, "Organization:工商银行", "ABOUT")
    _edge(g, "Person:王敬东", "Organization:工商银行", "AFFILIATED_WITH", title="副行长")
    _edge(g, "Person:记者", "Person:王敬东", "ASKED", count=3, questions=[f"{transcript}#1"])
    _edge(g, "Organization:工商银行", "Product:融e行", "OFFERS", evidence=[f"{transcript}#2"])
    _edge(g, "Product:融e行", "Technology:区块链", "USES", evidence=[f"{transcript}#2"])
    _edge(g, "Product:融e行", "Technology:区块链", "CO_MENTIONED", weight=4)
    _edge(g, "Person:王敬东", "Product:融e行", "MENTIONED", count=3)
    return g


def same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    edges_a = {(u, v, k): d for u, v, k, d in a.edges(keys=True, data=True)}
    edges_b = {(u, v, k): d for u, v, k, d in b.edges(keys=True, data=True)}
    assert edges_a == edges_b


def test_write_twice_gives_the_same_counts(neo4j_store: Neo4jStore) -> None:
    g = sample_graph()
    neo4j_store.write(g)
    first = neo4j_store.counts()
    neo4j_store.write(g)
    assert neo4j_store.counts() == first
    assert sum(first[label] for label in ("Transcript", "Utterance", "Person", "Figure")) > 0
    assert sum(first.values()) == g.number_of_nodes() + g.number_of_edges()


def test_read_returns_the_written_graph(neo4j_store: Neo4jStore) -> None:
    g = sample_graph()
    neo4j_store.write(g)
    same_graph(neo4j_store.read(), g)


def test_small_batches_give_the_same_graph(neo4j_server: Neo4jStore) -> None:
    g = sample_graph(turns=25)
    neo4j_server.clear()
    with Neo4jStore(neo4j_server.settings, batch_size=3) as store:
        store.write(g)
        same_graph(store.read(), g)


def test_none_properties_are_dropped(neo4j_store: Neo4jStore) -> None:
    g = nx.MultiDiGraph()
    _node(g, "t", "Transcript", title="x", publisher=None)
    neo4j_store.write(g)
    assert neo4j_store.read().nodes["t"] == {"key": "t", "labels": ["Transcript"], "title": "x"}


def test_merging_a_second_transcript_shares_entities(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(sample_graph("a", turns=3))
    neo4j_store.write(sample_graph("b", turns=3))
    counts = neo4j_store.counts()
    assert counts["Transcript"] == 2
    assert counts["Utterance"] == 6
    assert counts["Product"] == 1
    assert counts["Person"] == 2


def test_hostile_names_are_stored_as_data(neo4j_store: Neo4jStore) -> None:
    g = nx.MultiDiGraph()
    _node(g, "t", "Transcript", title="t")
    for i, name in enumerate(HOSTILE):
        _node(g, name, "Product", name=name, aliases=[name, "`"])
        _node(g, f"t#{i}", "Utterance", transcript="t", seq=i, text=name)
        _edge(g, f"t#{i}", name, "MENTIONS", count=1, spans=[0, len(name)])
    neo4j_store.write(g)
    neo4j_store.write(g)
    same_graph(neo4j_store.read(), g)
    rows = neo4j_store.run(
        "MATCH (p:Product) WHERE p.name = $name RETURN p.key", {"name": HOSTILE[3]}
    ).rows
    assert rows == [[HOSTILE[3]]]


def test_read_only_run_refuses_a_create(neo4j_store: Neo4jStore) -> None:
    with pytest.raises(QueryError, match="read-only"):
        neo4j_store.run("CREATE (:Product {key: 'sneaky', name: 'x'})")
    assert neo4j_store.counts() == {}
    result = neo4j_store.run(
        "CREATE (p:Product {key: $key, name: 'x'}) RETURN p.key AS key", {"key": "ok"}, write=True
    )
    assert result.records() == [{"key": "ok"}]


def test_run_returns_plain_values(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(sample_graph(turns=2))
    result = neo4j_store.run(
        "MATCH (u:Utterance)-[m:MENTIONS]->(p:Product) RETURN u.seq AS seq, p, m.spans AS spans "
        "ORDER BY seq"
    )
    assert result.columns == ["seq", "p", "spans"]
    assert result.rows[0] == [
        1,
        {"key": "Product:融e行", "name": "融e行", "aliases": []},
        [3, 6, 12, 15],
    ]


def test_a_bad_query_names_the_problem(neo4j_store: Neo4jStore) -> None:
    with pytest.raises(QueryError, match="SyntaxError") as info:
        neo4j_store.run("MATCH (n RETURN n")
    assert "MATCH (n RETURN n" in str(info.value)


def test_uniqueness_constraints_exist(neo4j_store: Neo4jStore) -> None:
    neo4j_store.ensure_schema()
    rows = neo4j_store.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type").rows
    constrained = {
        labels[0] for labels, props, kind in rows if props == ["key"] and "UNIQUE" in kind
    }
    assert constrained >= {
        "Transcript",
        "Utterance",
        "Person",
        "Organization",
        "Product",
        "Technology",
        "Place",
        "Figure",
    }


def test_delete_transcript_removes_its_utterances_and_figures(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(sample_graph("a", turns=4))
    neo4j_store.write(sample_graph("b", turns=3))
    assert neo4j_store.delete_transcript("a") == 4 + 1
    counts = neo4j_store.counts()
    assert counts["Utterance"] == 3
    assert counts["Figure"] == 1
    assert counts["Product"] == 1
    keys = {r[0] for r in neo4j_store.run("MATCH (u:Utterance) RETURN u.transcript").rows}
    assert keys == {"b"}


def test_interrupted_write_then_rerun_has_no_duplicates(
    neo4j_server: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A load that dies between batches: the committed batches stay, the rerun completes them."""
    g = sample_graph(turns=40)
    neo4j_server.clear()
    calls = 0
    original = Neo4jStore._write_batch

    def dies_after_five(self: Neo4jStore, query: str, rows: list[dict[str, Any]]) -> None:
        nonlocal calls
        calls += 1
        if calls > 5:
            raise StoreUnavailable("simulated crash between batches")
        original(self, query, rows)

    with Neo4jStore(neo4j_server.settings, batch_size=4) as store:
        monkeypatch.setattr(Neo4jStore, "_write_batch", dies_after_five)
        with pytest.raises(StoreUnavailable, match="simulated"):
            store.write(g)
        partial = store.counts()
        assert 0 < sum(partial.values()) < g.number_of_nodes() + g.number_of_edges()
        monkeypatch.setattr(Neo4jStore, "_write_batch", original)
        store.write(g)
        same_graph(store.read(), g)


def test_server_not_running_names_the_uri_and_the_fix() -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable) as info:
        Neo4jStore(Neo4jSettings(uri=uri))
    message = str(info.value)
    assert uri in message
    assert "make neo4j-up" in message
    assert info.value.exit_code == 3


def test_wrong_password_says_which_settings_to_check(neo4j_server: Neo4jStore) -> None:
    s = neo4j_server.settings
    wrong = Neo4jSettings(uri=s.uri, username=s.username, password=s.password + "-wrong")
    with pytest.raises(StoreUnavailable) as info:
        Neo4jStore(wrong)
    message = str(info.value)
    assert "NEO4J_USERNAME" in message and "NEO4J_PASSWORD" in message
    assert s.uri in message
    assert wrong.password not in message


def test_unknown_database_is_named(neo4j_server: Neo4jStore) -> None:
    s = neo4j_server.settings
    with pytest.raises(StoreUnavailable, match="NEO4J_DATABASE"):
        Neo4jStore(
            Neo4jSettings(uri=s.uri, username=s.username, password=s.password, database="nosuchdb")
        )


def test_closed_store_says_so(neo4j_server: Neo4jStore) -> None:
    store = Neo4jStore(neo4j_server.settings)
    store.close()
    store.close()
    with pytest.raises(StoreUnavailable, match="closed"):
        store.read()
