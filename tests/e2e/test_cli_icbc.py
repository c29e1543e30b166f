"""The ICBC example end to end through the command line, checked through the API."""

from __future__ import annotations

import json
import re
from pathlib import Path

import presskg
from tests.conftest import DATA, EXAMPLE, query_json, run_cli

TRANSCRIPT = "icbc-2018-04-26-press-conference"


def test_build_prints_counts_by_label(icbc_store: Path) -> None:
    result = run_cli("stats", "--store", str(icbc_store))
    assert result.returncode == 0, result.stderr
    assert re.search(r"Utterance\s+38", result.stdout)
    assert re.search(r"Transcript\s+1", result.stdout)


def test_38_turns_with_their_times(icbc_store: Path) -> None:
    rows = query_json(
        icbc_store,
        "MATCH (u:Utterance) RETURN u.seq AS seq, u.time AS time, u.speaker AS speaker "
        "ORDER BY seq",
    )
    assert [r["seq"] for r in rows] == list(range(1, 39))
    assert all(re.fullmatch(r"04-26 \d\d:\d\d", r["time"]) for r in rows)
    assert rows[0]["time"] == "04-26 16:51" and rows[-1]["time"] == "04-26 17:32"
    assert rows[0]["speaker"] == "主持人"


def test_officials_with_organisation_title_and_department(icbc_store: Path) -> None:
    rows = query_json(
        icbc_store,
        "MATCH (p:Person)-[a:AFFILIATED_WITH]->(o:Organization) WHERE p.role = 'official' "
        "RETURN p.name AS name, o.name AS org, a.title AS title, a.department AS dept "
        "ORDER BY name",
    )
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == {"王敬东", "吕仲涛", "马雁", "吴翔江"}
    assert all(r["org"] == "中国工商银行" for r in rows)
    assert by_name["王敬东"]["title"] == "副行长"
    assert by_name["吕仲涛"] == {**by_name["吕仲涛"], "title": "总经理", "dept": "信息科技部"}
    assert by_name["马雁"] == {**by_name["马雁"], "title": "总经理", "dept": "产品创新管理部"}
    assert by_name["吴翔江"] == {**by_name["吴翔江"], "title": "总经理", "dept": "网络金融部"}


def test_seven_reporters_each_affiliated_with_its_outlet(icbc_store: Path) -> None:
    rows = query_json(
        icbc_store,
        "MATCH (p:Person)-[:AFFILIATED_WITH]->(o:Organization) WHERE p.role = 'reporter' "
        "RETURN p.name AS reporter, o.name AS outlet, o.kind AS kind ORDER BY reporter",
    )
    assert len(rows) == 7
    assert all(r["kind"] == "media" for r in rows)
    for row in rows:
        # the outlet is named in the speaker label (金融时报记者 → 金融时报)
        assert row["outlet"][:2] in row["reporter"], row
    outlets = {r["outlet"] for r in rows}
    assert {"金融时报", "上海证券报", "路透社", "中国经营报", "中国证券报"} <= outlets


def test_seven_questions_each_answered_by_exactly_its_turns(icbc_store: Path) -> None:
    rows = query_json(
        icbc_store,
        "MATCH (a:Utterance)-[:ANSWERS]->(q:Utterance) "
        "RETURN q.seq AS question, a.seq AS answer, a.time AS time, a.speaker AS who "
        "ORDER BY question, answer",
    )
    threads: dict[int, list[int]] = {}
    for r in rows:
        threads.setdefault(r["question"], []).append(r["answer"])
    assert threads == {
        10: [11, 12],
        13: [14, 15],
        16: [17, 18, 19],
        20: [21, 22, 23],
        24: [25, 26, 27, 28],
        29: [30, 31, 32],
        33: [34, 35, 36, 37],
    }
    shanghai = [r for r in rows if r["question"] == 16]
    assert {r["who"] for r in shanghai} == {"吴翔江"}
    assert [r["time"] for r in shanghai] == ["04-26 17:13", "04-26 17:14", "04-26 17:15"]
    questions = query_json(
        icbc_store, "MATCH (u:Utterance) WHERE u.is_question = true RETURN count(u) AS n"
    )
    assert questions == [{"n": 7}]


def test_asked_links_asker_to_answerer(icbc_store: Path) -> None:
    rows = query_json(
        icbc_store,
        "MATCH (a:Person)-[r:ASKED]->(b:Person) RETURN a.name AS asker, b.name AS answerer, "
        "r.count AS n ORDER BY asker",
    )
    assert {(r["asker"], r["answerer"]) for r in rows} >= {("上海证券报记者", "吴翔江")}
    assert sum(r["n"] for r in rows) == 7


def test_named_queries_all_run_with_defaults(icbc_store: Path) -> None:
    listing = run_cli("queries")
    assert listing.returncode == 0
    from queries.catalog import all_queries

    for name in all_queries():
        assert name in listing.stdout
        result = run_cli("query", "--name", name, "--store", str(icbc_store), "--format", "json")
        assert result.returncode == 0, (name, result.stderr)
        json.loads(result.stdout)


def test_named_query_answers(icbc_store: Path) -> None:
    kg = presskg.open_store(icbc_store)
    answered = kg.named("answers-to-outlet", outlet="上海证券报").records()
    assert answered == [{"answerer": "吴翔江", "answer_turns": 3, "questions": 1}]
    thread = kg.named("qa-thread", transcript=TRANSCRIPT).rows
    assert len(thread) == 21
    affiliations = kg.named("affiliations", name="吕总").records()
    assert affiliations[0]["organization"] == "中国工商银行"


def test_rebuilding_changes_nothing(icbc_store: Path, tmp_path: Path) -> None:
    before = presskg.open_store(icbc_store).counts()
    result = run_cli("build", str(EXAMPLE), "--store", str(icbc_store))
    assert result.returncode == 0, result.stderr
    assert "1 unchanged" in result.stdout
    assert presskg.open_store(icbc_store).counts() == before


def test_a_second_transcript_merges_shared_people_and_organisations(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    second = DATA / "second-briefing.txt"
    result = run_cli("build", str(EXAMPLE), str(second), "--store", str(store))
    assert result.returncode == 0, result.stderr
    kg = presskg.open_store(store)
    people = kg.query(
        "MATCH (p:Person)-[:SAID]->(u:Utterance) WHERE p.name = $n "
        "RETURN u.transcript AS t, count(u) AS turns ORDER BY t",
        n="王敬东",
    ).rows
    assert [r[0] for r in people] == ["icbc-2018-04-26-press-conference", "second-briefing"]
    banks = kg.query(
        "MATCH (o:Organization) WHERE o.name = $n OR $n IN o.aliases RETURN o.key", n="工行"
    ).rows
    assert len(banks) == 1
    hosts = kg.query("MATCH (p:Person) WHERE p.name = '主持人' RETURN p.key ORDER BY p.key").rows
    assert len(hosts) == 2  # unnamed speakers are scoped to their transcript


def test_python_api_mirrors_the_cli(tmp_path: Path) -> None:
    kg = presskg.build([EXAMPLE], store=tmp_path / "kg")
    graph = kg.to_networkx()
    labels = {d["labels"][0] for _, d in graph.nodes(data=True)}
    assert {"Transcript", "Utterance", "Person", "Organization"} <= labels
    assert kg.query("MATCH (u:Utterance) RETURN count(u) AS n").rows == [[38]]
