"""Faults through the command line: bad files in a batch, kills, the lock, hostile text,
read-only queries and refusing to overwrite what presskg did not write."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore, save_graph_json
from loaders.read import read_document
from presskg.pipeline import parse_document
from tests.conftest import EXAMPLE, ROOT, query_json, run_cli

HOSTILE_NAME = "王'\"`//}) DETACH DELETE n"
HOSTILE_TEXT = (
    "<script>alert('x')</script> <img src=x onerror=alert(1)> `rm -rf` // "
    '\'}) DETACH DELETE n // "quoted"'
)
HOSTILE = (
    "# 2018-04-26 <script>alert('title')</script>\n\n"
    "### 主持人：\n\n请介绍。\n\n"
    f"### {HOSTILE_NAME}：\n\n{HOSTILE_TEXT}\n\n"
    "### <script>x</script>：\n\n好的。\n"
)


def count(store: Path, label: str) -> int:
    result = run_cli(
        "query",
        f"MATCH (n:{label}) RETURN count(n) AS n",
        "--store",
        str(store),
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)[0]["n"])


# -- bad input in a batch --------------------------------------------------------


def test_batch_skips_bad_files_naming_each_and_builds_the_good(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4000))
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop").symlink_to(folder)  # a symlink loop: the walk must not follow it forever
    os.mkfifo(folder / "fifo.md")  # never opened for reading: it would block
    store = tmp_path / "store"
    result = run_cli("build", str(folder), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "built 1 file(s)" in result.stdout
    for name in ("empty.txt: the file is empty", "image.txt: looks like a binary file"):
        assert name in result.stderr
    assert "dangling.txt" in result.stderr and "fifo.md" in result.stderr
    assert count(store, "Utterance") == 38


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "secret.txt"
    shutil.copy(EXAMPLE, bad)
    bad.chmod(0)
    try:
        if os.access(bad, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading (FIFO case covers it)")
        result = run_cli("build", str(bad), "--store", str(tmp_path / "s"))
        assert result.returncode == 1
        assert "secret.txt: permission denied" in result.stderr
    finally:
        bad.chmod(0o644)


def test_all_bad_files_exit_1(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run_cli(
        "build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--store", str(tmp_path / "s")
    )
    assert result.returncode == 1
    assert "a.txt: the file is empty" in result.stderr
    assert "b.txt: looks like a binary file" in result.stderr


def test_text_without_turns_builds_one_turn_with_a_warning(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("这是一段没有说话人标签的文字。\n第二行。\n", encoding="utf-8")
    result = run_cli("build", str(plain), "--store", str(tmp_path / "s"), "--no-wait")
    assert result.returncode == 0, result.stderr
    assert "no speaker turns found (tried live, markdown, qa)" in result.stderr
    assert count(tmp_path / "s", "Utterance") == 1


def test_large_transcript_reads_and_parses(tmp_path: Path) -> None:
    """~200 MB of live transcript (the example repeated) reads and parses, nothing lost."""
    body = EXAMPLE.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    copies = 200_000_000 // len(body.encode("utf-8")) + 1
    big = tmp_path / "big.txt"
    with open(big, "w", encoding="utf-8") as f:
        for _ in range(copies):
            f.write(body)
    t = parse_document(read_document(big))
    assert len(t.turns) == 38 * copies
    assert t.turns[-1].text == parse_document(read_document(EXAMPLE)).turns[-1].text
    assert t.turns[-1].time == "04-26 17:32"


# -- crash safety ---------------------------------------------------------------


def test_graph_json_is_replaced_atomically(tmp_path: Path, monkeypatch) -> None:
    store = EmbeddedStore(tmp_path / "s")
    import networkx as nx

    first = nx.MultiDiGraph()
    first.add_node("a", key="a", labels=["Place"], name="A")
    store.replace(first)
    before = store.graph_path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    second = nx.MultiDiGraph()
    second.add_node("b", key="b", labels=["Place"], name="B")
    with pytest.raises(OSError):
        save_graph_json(second, store.graph_path)
    assert store.graph_path.read_bytes() == before
    assert not list((tmp_path / "s").glob(".graph-*"))


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(6):
        shutil.copy(EXAMPLE, folder / f"icbc-{i}.txt")
    return folder


@pytest.mark.parametrize("after", [0.5, 1.0, 2.0, 4.0])
def test_killed_build_leaves_the_previous_store_and_the_next_build_completes(
    tmp_path: Path, many_files: Path, after: float
) -> None:
    store = tmp_path / "store"
    assert run_cli("build", str(EXAMPLE), "--store", str(store)).returncode == 0
    before = count(store, "Utterance")
    proc = subprocess.Popen(
        [sys.executable, "-m", "presskg", "build", str(many_files), "--store", str(store)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # The previous (or the complete new) store is readable.
    assert count(store, "Utterance") in (before, before + 6 * 38)
    json.loads((store / "graph.json").read_text(encoding="utf-8"))
    result = run_cli("build", str(many_files), "--store", str(store), "--no-wait")
    assert result.returncode == 0, result.stderr
    assert count(store, "Utterance") == before + 6 * 38
    assert count(store, "Transcript") == 7


def test_second_build_fails_clearly_with_no_wait(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("build", str(EXAMPLE), "--store", str(store)).returncode == 0
    other = tmp_path / "other.txt"
    other.write_text("主持人：第二场发布会。\n记者：请问？\n", encoding="utf-8")
    with EmbeddedStore(store).lock():
        result = run_cli("build", str(other), "--store", str(store), "--no-wait")
    assert result.returncode == 3
    assert "another presskg process is writing this store" in result.stderr


def test_second_build_waits_with_a_message(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("build", str(EXAMPLE), "--store", str(store)).returncode == 0
    other = tmp_path / "other.txt"
    other.write_text("主持人：第二场发布会。\n记者：请问？\n", encoding="utf-8")
    with EmbeddedStore(store).lock():
        proc = subprocess.Popen(
            [sys.executable, "-m", "presskg", "build", str(other), "--store", str(store)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(6)
        assert proc.poll() is None  # still waiting
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "waiting for another build" in err
    assert count(store, "Transcript") == 2


# -- hostile text ---------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile-2018-04-26.md"
    path.write_text(HOSTILE, encoding="utf-8")
    store = folder / "store"
    result = run_cli("build", str(path), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


def test_hostile_names_and_text_are_stored_verbatim(hostile_store: Path) -> None:
    rows = query_json(
        hostile_store,
        "MATCH (u:Utterance) WHERE u.speaker = $s RETURN u.text AS text",
        f"s={HOSTILE_NAME}",
    )
    assert rows == [{"text": HOSTILE_TEXT}]
    assert count(hostile_store, "Utterance") == 3
    assert count(hostile_store, "Transcript") == 1


def test_viz_escapes_transcript_markup(hostile_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = run_cli("viz", "--store", str(hostile_store), "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" not in html
    assert "<script>x</script>" not in html
    assert "<img src=x onerror" not in html


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (:Place {key: 'x', name: 'x'})",
        "MATCH (u:Utterance) SET u.text = 'changed'",
        "MATCH (n) DETACH DELETE n",
        "MERGE (:Place {key: 'y', name: 'y'})",
    ],
    ids=["create", "set", "delete", "merge"],
)
def test_query_without_write_cannot_change_the_store(hostile_store: Path, cypher: str) -> None:
    before = (hostile_store / "graph.json").read_bytes()
    result = run_cli("query", cypher, "--store", str(hostile_store))
    assert result.returncode == 1
    assert "error:" in result.stderr and "Traceback" not in result.stderr
    assert (hostile_store / "graph.json").read_bytes() == before
    assert count(hostile_store, "Utterance") == 3


def test_query_with_write_persists_into_graph_json(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("build", str(EXAMPLE), "--store", str(store)).returncode == 0
    result = run_cli(
        "query",
        "MATCH (u:Utterance) WHERE u.seq = 1 SET u.text = $t",
        "--param",
        "t=改过的",
        "--write",
        "--store",
        str(store),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((store / "graph.json").read_text(encoding="utf-8"))
    assert any(n.get("seq") == 1 and n.get("text") == "改过的" for n in data["nodes"])
    assert query_json(store, "MATCH (u:Utterance) WHERE u.seq = 1 RETURN u.text AS t") == [
        {"t": "改过的"}
    ]


def test_export_refuses_to_overwrite_without_force(hostile_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("precious", encoding="utf-8")
    args = ["export", "--format", "json", "--out", str(target), "--store", str(hostile_store)]
    result = run_cli(*args)
    assert result.returncode == 1 and "exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious"
    assert run_cli(*args, "--force").returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["nodes"]


def test_store_refuses_a_foreign_non_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.docx").write_text("mine", encoding="utf-8")
    result = run_cli("build", str(EXAMPLE), "--store", str(folder))
    assert result.returncode == 1
    assert "is not empty and is not a presskg store" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]
    assert run_cli("build", str(EXAMPLE), "--store", str(folder), "--force").returncode == 0
    assert (folder / "thesis.docx").read_text(encoding="utf-8") == "mine"


def test_viz_refuses_a_file_it_did_not_write(hostile_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    target.write_text("<html>my homepage</html>", encoding="utf-8")
    args = ["viz", "--out", str(target), "--store", str(hostile_store)]
    result = run_cli(*args)
    assert result.returncode == 1 and "not written by presskg" in result.stderr
    assert target.read_text(encoding="utf-8") == "<html>my homepage</html>"
    assert run_cli(*args, "--force").returncode == 0
    assert run_cli(*args).returncode == 0  # now it is presskg's own page
