"""Building into Neo4j through the CLI: idempotent, replaces changed transcripts cleanly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import presskg
from tests.conftest import DATA, EXAMPLE, run_cli
from tests.e2e.neo4j_fixtures import neo4j_server, neo4j_store  # noqa: F401

pytestmark = [pytest.mark.neo4j, pytest.mark.usefixtures("neo4j_store")]


def neo4j_counts() -> dict[str, int]:
    with presskg.PressKG(neo4j=True) as kg:
        return kg.counts()


def test_build_twice_matches_the_embedded_store(tmp_path: Path) -> None:
    for _ in range(2):
        result = run_cli("build", str(EXAMPLE), "--neo4j")
        assert result.returncode == 0, result.stderr
    embedded = tmp_path / "kg"
    assert run_cli("build", str(EXAMPLE), "--store", str(embedded)).returncode == 0
    assert neo4j_counts() == presskg.open_store(embedded).counts()


def test_a_changed_transcript_leaves_nothing_stale(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    briefing = folder / "second-briefing.txt"
    shutil.copy(DATA / "second-briefing.txt", briefing)
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    assert run_cli("build", str(folder), "--neo4j").returncode == 0
    # The briefing is rewritten: fewer turns, other entities.
    briefing.write_text(
        "主持人:欢迎参加发布会。出席的有中国建设银行副行长张三先生。  [06-01 09:00]\n\n"
        "张三:谢谢。我们今年在云计算方面加大投入。  [06-01 09:05]\n",
        encoding="utf-8",
    )
    result = run_cli("build", str(folder), "--neo4j")
    assert result.returncode == 0, result.stderr
    assert "1 unchanged" in result.stdout
    embedded = tmp_path / "kg"
    assert run_cli("build", str(folder), "--store", str(embedded)).returncode == 0
    assert neo4j_counts() == presskg.open_store(embedded).counts()
    with presskg.PressKG(neo4j=True) as kg:
        turns = kg.query(
            "MATCH (u:Utterance) WHERE u.transcript = 'second-briefing' RETURN count(u) AS n"
        ).rows
    assert turns == [[2]]


def test_push_copies_the_embedded_graph_into_neo4j(tmp_path: Path) -> None:
    embedded = tmp_path / "kg"
    assert run_cli("build", str(EXAMPLE), "--store", str(embedded)).returncode == 0
    for _ in range(2):  # pushing twice changes nothing
        result = run_cli("push", "--store", str(embedded))
        assert result.returncode == 0, result.stderr
    assert neo4j_counts() == presskg.open_store(embedded).counts()
    with presskg.PressKG(neo4j=True) as kg:
        rows = kg.named("answers-to-outlet", outlet="上海证券报").records()
    assert rows == [{"answerer": "吴翔江", "answer_turns": 3, "questions": 1}]
