"""The bulk paths of graph building and storage behave exactly like the plain ones."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import networkx as nx
import pytest

from graph import index_load
from graph.build import build_graph, derive_aggregates
from graph.bulk import bulk_add_edges, bulk_add_nodes
from graph.embedded import EmbeddedStore
from graph.nodelink import load_graph_json, save_graph_json
from presskg.errors import InputError
from presskg.memory import collector_paused
from presskg.pipeline import load_transcript

EXAMPLE = Path(__file__).resolve().parents[2] / "examples/icbc-2018-04-26-press-conference.txt"


@pytest.fixture(scope="module")
def icbc() -> nx.MultiDiGraph:
    return build_graph([load_transcript(EXAMPLE)])


def _edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, object]]]:
    return sorted(graph.edges(keys=True, data=True), key=repr)


def test_bulk_insertion_equals_networkx_insertion() -> None:
    nodes = [("a", {"labels": ["X"]}), ("b", {"labels": ["Y"]}), ("a", {"name": "A"})]
    edges = [("a", "b", "R", {"type": "R"}), ("a", "b", "S", {"type": "S", "w": 1})]
    edges += [("b", "a", "R", {"type": "R"}), ("a", "b", "R", {"extra": 2})]
    plain, bulk = nx.MultiDiGraph(), nx.MultiDiGraph()
    for node, attrs in nodes:
        plain.add_node(node, **attrs)
    for u, v, k, attrs in edges:
        plain.add_edge(u, v, key=k, **attrs)
    bulk_add_nodes(bulk, [(n, dict(a)) for n, a in nodes])
    bulk_add_edges(bulk, [(u, v, k, dict(a)) for u, v, k, a in edges])
    assert dict(bulk.nodes(data=True)) == dict(plain.nodes(data=True))
    assert _edges(bulk) == _edges(plain)
    assert list(bulk.predecessors("b")) == ["a"] and bulk.in_degree("a") == 1
    bulk.remove_edge("a", "b", "R")  # the structure networkx expects underneath
    assert bulk.number_of_edges("a", "b") == 1 and bulk.number_of_edges() == 2


def test_bulk_edges_refuse_a_missing_end_instead_of_inventing_a_node() -> None:
    graph = nx.MultiDiGraph()
    bulk_add_nodes(graph, [("a", {})])
    with pytest.raises(KeyError):
        bulk_add_edges(graph, [("a", "ghost", "R", {"type": "R"})])
    assert list(graph) == ["a"]


def test_aggregates_are_recomputed_not_added_twice(icbc: nx.MultiDiGraph) -> None:
    graph = icbc.copy()
    before = _edges(graph)
    derive_aggregates(graph)
    assert _edges(graph) == before
    assert any(k == "CO_MENTIONED" for _, _, k in graph.edges(keys=True))


def test_node_link_json_round_trips_and_is_readable_by_networkx(
    icbc: nx.MultiDiGraph, tmp_path: Path
) -> None:
    icbc = icbc.copy()
    figure = next(n for n, d in icbc.nodes(data=True) if d["labels"] == ["Figure"])
    icbc.nodes[figure]["value"] = 2**70  # beyond 64 bits: the encoder falls back
    path = tmp_path / "g.json"
    save_graph_json(icbc, path)
    loaded = load_graph_json(path)
    assert dict(loaded.nodes(data=True)) == dict(icbc.nodes(data=True))
    assert _edges(loaded) == _edges(icbc)
    data = json.loads(path.read_text(encoding="utf-8"))
    plain = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges", name="_nx_id")
    assert plain.number_of_edges() == icbc.number_of_edges()


@pytest.mark.parametrize(
    "content",
    [b"", b"[1, 2]", b'{"nodes": []}', b'{"nodes": [], "edges": [{"source": "a"}]}', b"\xff"],
)
def test_a_damaged_graph_file_is_an_input_error(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    path.write_bytes(content)
    with pytest.raises(InputError, match="not a presskg graph file"):
        load_graph_json(path)


def test_collector_pause_nests_and_restores() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_index_loaded_in_small_row_groups_holds_every_row(
    icbc: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_load, "COPY_ROWS", 7)  # many row groups per staged file
    store = EmbeddedStore(tmp_path / "kg")
    store.replace(icbc)
    utterances = sum(1 for _, d in icbc.nodes(data=True) if d["labels"] == ["Utterance"])
    mentions = sum(1 for _, _, k in icbc.edges(keys=True) if k == "MENTIONS")
    rows = store.run("MATCH (u:Utterance) RETURN count(u)").rows
    assert rows == [[utterances]]
    rows = store.run("MATCH ()-[m:MENTIONS]->() RETURN count(m)").rows
    assert rows == [[mentions]]
    text = store.run("MATCH (u:Utterance {seq: 2}) RETURN u.text").rows[0][0]
    assert text == icbc.nodes[next(n for n in icbc if n.endswith("#2"))]["text"]
    store.close()


def test_a_build_reports_its_phases_and_announces_the_slow_ones(tmp_path: Path) -> None:
    from presskg.api import PressKG

    stages: list[str] = []
    with PressKG(tmp_path / "kg") as kg:
        first = kg.build([EXAMPLE], stage=stages.append)
        assert stages == ["writing the store"]
        assert set(first.seconds) == {"extract and build the graph", "store", "total"}
        assert 0 < first.seconds["store"] < first.seconds["total"]
        stages.clear()
        again = kg.build([EXAMPLE], stage=stages.append)
        assert stages == [] and set(again.seconds) == {"total"} and again.unchanged


def test_index_loads_when_the_store_folder_name_has_a_quote(
    icbc: nx.MultiDiGraph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "it's tmp"
    odd.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(odd))  # no path with a quote reaches COPY
    store = EmbeddedStore(tmp_path / "the 'kg'")
    store.replace(icbc)
    assert store.run("MATCH (t:Transcript) RETURN count(t)").rows == [[1]]
    assert list(odd.iterdir()) == []
    assert not any(p.name.startswith(".presskg-index-") for p in store.folder.iterdir())
    store.close()
    plain = EmbeddedStore(tmp_path / "kg")
    plain.replace(icbc)  # staged beside the store, then removed
    assert not any(p.name.startswith(".presskg-index-") for p in plain.folder.iterdir())
    plain.close()
