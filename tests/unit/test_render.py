"""to_vis_data and the page writer, on small transcripts built through graph.build."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import build_graph
from graph.render import NODE_STYLES, VisData, render_html, sentence_around, to_vis_data
from graph.views import EDGES_PER_NODE, select_view
from loaders.keys import entity_key, person_key
from loaders.model import Affiliation, Entity, Mention, Relation, Speaker, Transcript, Turn
from presskg.errors import InputError, UsageError

XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"

ENTITIES = {
    "Organization": [("中国工商银行", ["工行", "ICBC", "工商银行"])],
    "Product": [("融e行", ["融E行"]), ("融e购", []), ("e-ICBC 3.0", ["e-ICBC3.0"])],
    "Technology": [("区块链", []), ("人工智能", ["AI"])],
    "Place": [("北京", [])],
}


def make_transcript(key: str, lines: list[tuple[str, str]], title: str = "") -> Transcript:
    """A transcript of `lines` (speaker, text) with mentions of ENTITIES found by search."""
    text = ""
    turns = []
    for seq, (speaker, said) in enumerate(lines, start=1):
        text += f"{speaker}:"
        start = len(text)
        text += said
        turns.append(Turn(seq=seq, speaker=speaker, text=said, start=start, end=len(text)))
        text += "\n"
    t = Transcript(key=key, text=text, title=title or key, date="2018-04-26")
    t.turns = turns
    for speaker in dict.fromkeys(s for s, _ in lines):
        anonymous = speaker in ("主持人", "金融时报记者")
        person = person_key(speaker, key if anonymous else None)
        role = "host" if speaker == "主持人" else "reporter" if "记者" in speaker else "official"
        t.speakers[speaker] = Speaker(speaker, person, speaker, role, anonymous=anonymous)
    for turn in turns:
        turn.person = t.speakers[turn.speaker].person
        turn.role = t.speakers[turn.speaker].role
        turn.is_question = turn.role == "reporter"
    last_question = None
    for turn in turns:
        if turn.is_question:
            last_question = turn.seq
        elif last_question is not None and turn.role == "official":
            turn.answers = last_question
    for label, items in ENTITIES.items():
        for name, aliases in items:
            ekey = entity_key(label, name)
            found = False
            for turn in turns:
                for surface in [name, *aliases]:
                    for m in re.finditer(re.escape(surface), turn.text):
                        found = True
                        s = turn.start + m.start()
                        t.mentions.append(
                            Mention(ekey, label, surface, s, s + len(surface), turn.seq)
                        )
            if found:
                kind = "bank" if label == "Organization" else None
                t.add_entity(Entity(ekey, label, name, list(aliases), kind=kind))
    return t


ICBC = entity_key("Organization", "中国工商银行")
RONG = entity_key("Product", "融e行")
GOU = entity_key("Product", "融e购")
CHAIN = entity_key("Technology", "区块链")
AI = entity_key("Technology", "人工智能")
LV = person_key("吕仲涛")


def sample_transcript(key: str = "t1", extra: str = "") -> Transcript:
    t = make_transcript(
        key,
        [
            ("主持人", "欢迎参加中国工商银行新闻发布会。有请吕仲涛先生。"),
            ("吕仲涛", "我们推出了融e行手机银行。融e行使用区块链技术。工行还有融e购。"),
            ("金融时报记者", f"请问融e行和融e购是什么关系？{extra}"),
            ("吕仲涛", "融e购是融e行的一部分，用了区块链和人工智能。谢谢。"),
        ],
        title=f"工行发布会{extra}",
    )
    t.affiliations.append(Affiliation(LV, ICBC, title="总经理", department="信息科技部"))
    t.add_entity(Entity(LV, "Person", "吕仲涛", ["吕总"], role="official"))
    t.relations += [
        Relation("PART_OF", GOU, RONG, (4,)),
        Relation("USES", RONG, CHAIN, (2,)),
        Relation("USES", GOU, AI, (4,)),
        Relation("OFFERS", ICBC, RONG, (2,)),
    ]
    return t


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_graph([sample_transcript()])


def ids(data: VisData) -> set[str]:
    return {n["id"] for n in data.nodes}


def labels_of(data: VisData) -> set[str]:
    return {n["ptype"] for n in data.nodes}


# ---------------------------------------------------------------- views


def test_all_view_shows_every_node(graph):
    data = to_vis_data(graph)
    assert ids(data) == set(graph.nodes)
    assert len(data.edges) == graph.number_of_edges()
    assert data.total_nodes == graph.number_of_nodes()
    assert not data.aggregated and data.notices == []


def test_products_view_is_the_product_map(graph):
    data = to_vis_data(graph, "products")
    assert labels_of(data) <= {"Product", "Technology", "Organization"}
    assert {RONG, GOU, CHAIN, AI, ICBC} <= ids(data)
    types = {e["type"] for e in data.edges}
    assert types <= {"PART_OF", "USES", "OFFERS", "PARTNERS_WITH", "CO_MENTIONED"}
    assert {"PART_OF", "USES", "OFFERS", "CO_MENTIONED"} <= types


def test_speakers_view_is_who_said_what_and_who_asked_whom(graph):
    data = to_vis_data(graph, "speakers")
    assert "Utterance" not in labels_of(data) and "Transcript" not in labels_of(data)
    types = {e["type"] for e in data.edges}
    assert types == {"MENTIONED", "ASKED", "AFFILIATED_WITH"}
    asked = [e for e in data.edges if e["type"] == "ASKED"]
    assert [(e["from"], e["to"]) for e in asked] == [(person_key("金融时报记者", "t1"), LV)]
    # the host said nothing about entities but is still a speaker
    assert person_key("主持人", "t1") in ids(data)


def test_unknown_view_and_type_are_usage_errors(graph):
    with pytest.raises(UsageError, match="products"):
        to_vis_data(graph, "product")
    with pytest.raises(UsageError, match="Product"):
        to_vis_data(graph, types=["Produkt"])
    with pytest.raises(UsageError):
        to_vis_data(graph, depth=-1)


def test_types_keep_only_those_labels(graph):
    data = to_vis_data(graph, types=["Product", "Technology"])
    assert labels_of(data) == {"Product", "Technology"}
    assert to_vis_data(graph, types="Product, Technology") == data
    assert {e["type"] for e in data.edges} <= {"USES", "PART_OF", "CO_MENTIONED"}


# ---------------------------------------------------------------- focus


@pytest.mark.parametrize("name", ["融e行", "融E行", " 融ｅ行 ", "融e行"])
def test_focus_matches_name_or_alias_normalised(graph, name):
    data = to_vis_data(graph, "products", focus=name, depth=1)
    assert data.focus == [RONG]
    assert RONG in ids(data)
    # depth 1 of 融e行 in the product map: what it uses, what it is part of, who offers it
    assert {CHAIN, GOU, ICBC} <= ids(data)


@pytest.mark.parametrize("name", ["ICBC", "icbc", "工行", "中国工商银行"])
def test_focus_by_any_alias(graph, name):
    assert to_vis_data(graph, "products", focus=name).focus == [ICBC]


def test_focus_depth(graph):
    zero = to_vis_data(graph, "products", focus="融e行", depth=0)
    assert ids(zero) == {RONG}
    one = to_vis_data(graph, "products", focus="AI", depth=1)
    two = to_vis_data(graph, "products", focus="AI", depth=2)
    assert ids(one) < ids(two)


def test_focus_does_not_pass_through_the_transcript(graph):
    data = to_vis_data(graph, focus="金融时报记者", depth=2)
    assert "t1" in ids(data)  # reached through the reporter's turn...
    assert "t1#1" not in ids(data)  # ...but not passed through to the host's turn
    assert ICBC in ids(data)  # reached through whom the reporter asked


def test_unknown_focus_names_close_matches(graph):
    with pytest.raises(InputError, match="融e"):
        to_vis_data(graph, focus="融e")
    with pytest.raises(InputError, match="not shown in the products view"):
        to_vis_data(graph, "products", focus="吕仲涛")


# ---------------------------------------------------------------- transcript, min-weight


def two_transcripts() -> nx.MultiDiGraph:
    second = make_transcript(
        "t2",
        [("吕仲涛", "融e行在北京很受欢迎。融e行用户多。"), ("金融时报记者", "北京呢？")],
    )
    return build_graph([sample_transcript(), second])


def test_transcript_scope_recounts_aggregates():
    g = two_transcripts()
    whole = to_vis_data(g, "speakers")
    one = to_vis_data(g, "speakers", transcript="t2")
    assert "Place:北京" in ids(one)
    assert CHAIN not in ids(one) and GOU not in ids(one)
    # the speaker's organisation stays, through the affiliation only
    assert {e["type"] for e in one.edges if ICBC in (e["from"], e["to"])} == {"AFFILIATED_WITH"}
    weight = {(e["from"], e["to"]): e.get("weight") for e in one.edges}
    assert weight[(LV, RONG)] == 2  # only t2's two mentions
    assert {(e["from"], e["to"]): e.get("weight") for e in whole.edges}[(LV, RONG)] == 5
    assert [t["key"] for t in one.transcripts] == ["t2"]
    assert "t2" in one.title


def test_unknown_transcript_lists_known_ones(graph):
    with pytest.raises(InputError, match="t1"):
        to_vis_data(graph, transcript="t9")


def test_min_weight_drops_light_edges_and_the_nodes_left_alone(graph):
    data = to_vis_data(graph, "products", min_weight=2)
    for e in data.edges:
        assert e.get("weight") is None or e["weight"] >= 2
    assert AI not in ids(data)  # its one co-mention and its one-turn USES were dropped
    assert any("--min-weight" in n for n in data.notices)


def test_transcript_filter_data():
    data = to_vis_data(two_transcripts())
    assert [t["key"] for t in data.transcripts] == ["t1", "t2"]
    by_id = {n["id"]: n for n in data.nodes}
    assert by_id[RONG]["tx"] == [0, 1]
    assert by_id["Place:北京"]["tx"] == [1]
    assert by_id["t1#2"]["tx"] == [0]


# ---------------------------------------------------------------- styling


def test_every_node_has_explicit_colour_and_shape_per_label(graph):
    data = to_vis_data(graph)
    for node in data.nodes:
        style = NODE_STYLES[node["ptype"]]
        assert node["color"]["background"] == style["color"]
        assert node["color"]["border"].startswith("#")
        assert node["shape"] == style["shape"]
        assert node["size"] > 0
    legend = {entry["label"]: entry["count"] for entry in data.legend}
    assert legend == {label: sum(1 for n in data.nodes if n["ptype"] == label) for label in legend}
    assert len({NODE_STYLES[label]["color"] for label in NODE_STYLES}) == len(NODE_STYLES)


def test_size_grows_with_mentions(graph):
    by_id = {n["id"]: n for n in to_vis_data(graph).nodes}
    assert by_id[RONG]["size"] > by_id[AI]["size"]
    assert by_id[RONG]["mentions"] == 4


def test_typed_relations_have_edge_labels(graph):
    data = to_vis_data(graph, "products")
    labelled = {e["type"]: e.get("label") for e in data.edges}
    assert labelled["PART_OF"] == "part of"
    assert labelled["USES"] == "uses"
    assert labelled["CO_MENTIONED"] is None
    speakers = to_vis_data(graph, "speakers")
    affiliation = next(e for e in speakers.edges if e["type"] == "AFFILIATED_WITH")
    assert affiliation["label"] == "总经理"


def test_physics_is_bounded(graph):
    options = to_vis_data(graph).options
    physics = options["physics"]
    assert physics["solver"] == "forceAtlas2Based"
    assert physics["stabilization"]["iterations"] <= 200
    assert options["layout"]["improvedLayout"] is False


def test_search_keys_hold_every_alias(graph):
    by_id = {n["id"]: n for n in to_vis_data(graph).nodes}
    keys = by_id[ICBC]["search"]
    assert {"icbc", "工行", "中国工商银行"} <= set(keys)
    assert "search" not in by_id["t1#2"]


# ---------------------------------------------------------------- tooltips


def test_tooltip_has_aliases_counts_and_source_sentences(graph):
    tip = {n["id"]: n["tip"] for n in to_vis_data(graph).nodes}[RONG]
    assert "融E行" in tip  # alias
    assert "4× in 3 turns" in tip
    assert '<span class="who">吕仲涛</span>我们推出了<mark>融e行</mark>手机银行。' in tip
    assert tip.count("<li>") == 3


def test_tooltip_for_person_has_position_and_questions(graph):
    tips = {n["id"]: n["tip"] for n in to_vis_data(graph).nodes}
    assert "中国工商银行 信息科技部 总经理" in tips[LV]
    assert "questions answered" in tips[LV]
    assert "questions asked" in tips[person_key("金融时报记者", "t1")]


def test_script_and_img_in_the_transcript_render_as_text():
    g = build_graph([sample_transcript(extra=XSS)])
    data = to_vis_data(g)
    for item in [*data.nodes, *data.edges]:
        assert "<img" not in item["tip"] and "<script" not in item["tip"]
    question = {n["id"]: n["tip"] for n in data.nodes}["t1#3"]
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in question
    html = render_html(data)
    assert "<img src=x" not in html
    assert "<script>alert(2)" not in html
    assert "<title>Knowledge graph</title>" in html


ALLOWED_TAGS = re.compile(r'</?(?:div|span|b|mark|ul|li)(?: class="[A-Za-z_ -]+")?>')


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.text(min_size=1, max_size=20).filter(lambda s: s.strip()),
    said=st.text(max_size=60),
)
def test_tips_escape_any_text(name, said):
    t = make_transcript("t1", [("吕仲涛", f"{said}融e行{said}")])
    t.entities[RONG].aliases.append(name)
    g = build_graph([t])
    g.nodes["t1#1"]["speaker"] = name
    for item in [*to_vis_data(g).nodes, *to_vis_data(g).edges]:
        assert "<" not in ALLOWED_TAGS.sub("", item["tip"])


def test_sentence_around():
    text = "第一句。我们推出了融e行手机银行！第三句"
    s = text.index("融e行")
    assert sentence_around(text, s, s + 3) == ("我们推出了", "融e行", "手机银行！")
    assert sentence_around("融e行", 0, 3) == ("", "融e行", "")
    long = "甲" * 300 + "融e行" + "乙" * 300
    before, match, after = sentence_around(long, 300, 303, limit=40)
    assert before.startswith("…") and after.endswith("…") and match == "融e行"
    assert len(before) + len(after) < 60
    assert sentence_around("abc", 5, 9) == ("abc", "", "")


# ---------------------------------------------------------------- aggregation


def big_graph(n_transcripts: int) -> nx.MultiDiGraph:
    transcripts = []
    for i in range(n_transcripts):
        t = make_transcript(
            f"t{i}",
            [
                ("主持人", "欢迎。"),
                ("吕仲涛", f"融e行和融e购{'区块链' if i % 2 else '人工智能'}。"),
                ("金融时报记者", "北京的融e行？"),
                ("吕仲涛", "融e行。"),
            ],
        )
        transcripts.append(t)
    return build_graph(transcripts)


def test_above_max_nodes_utterances_are_aggregated():
    g = big_graph(12)
    raw = g.number_of_nodes()
    data = to_vis_data(g, max_nodes=20)
    assert data.aggregated and data.total_nodes == raw
    assert len(data.nodes) <= 20
    assert not labels_of(data) & {"Utterance", "Transcript", "Figure"}
    assert any("48 utterances" in n and "collapsed" in n for n in data.notices)
    assert any("top 20" in n for n in data.notices)
    speaker_edges = [e for e in data.edges if e["type"] == "MENTIONED" and e["from"] == LV]
    assert {e["to"]: e["weight"] for e in speaker_edges}[RONG] == 24
    assert RONG in ids(data)  # the most mentioned entities stay


def test_aggregation_keeps_the_focus():
    g = big_graph(12)
    data = to_vis_data(g, focus="北京", depth=2, max_nodes=5)
    assert "Place:北京" in ids(data) and len(data.nodes) <= 5


def test_below_max_nodes_nothing_is_aggregated():
    data = to_vis_data(big_graph(2), max_nodes=1500)
    assert not data.aggregated and "Utterance" in labels_of(data)


def test_too_many_weighted_edges_keep_the_strongest():
    g = nx.MultiDiGraph()
    for i in range(30):
        g.add_node(f"P{i}", key=f"P{i}", labels=["Product"], name=f"p{i}", aliases=[])
    for i in range(30):
        for j in range(i + 1, 30):
            g.add_edge(f"P{i}", f"P{j}", key="CO_MENTIONED", type="CO_MENTIONED", weight=i + j)
    selection = select_view(g, "products", max_nodes=30)
    assert selection.graph.number_of_edges() <= EDGES_PER_NODE * 30
    assert all(selection.graph.degree(n) > 0 for n in selection.graph)
    assert selection.graph.has_edge("P28", "P29", "CO_MENTIONED")
    assert any("strongest" in n for n in selection.notices)


# ---------------------------------------------------------------- purity, the page


def test_pure_and_deterministic(graph):
    before = json.dumps(nx.node_link_data(graph, edges="edges"), sort_keys=True, default=str)
    first = to_vis_data(graph, focus="融e行", depth=2)
    second = to_vis_data(graph, focus="融e行", depth=2)
    after = json.dumps(nx.node_link_data(graph, edges="edges"), sort_keys=True, default=str)
    assert before == after
    assert first == second


def test_page_is_offline_and_utf8(graph, tmp_path):
    from graph.render import write_html

    path = write_html(to_vis_data(graph, "products"), tmp_path / "out" / "page.html")
    html = path.read_bytes().decode("utf-8")
    assert "bootstrap" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    # What is left are strings inside the inlined vis-network (licence comments, the SVG
    # namespace): nothing the page fetches.
    leftovers = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert all(
        re.match(
            r"https?://(www\.w3\.org|github\.com|visjs\.github\.io|almende\.com|"
            r"opensource\.org|www\.apache\.org)/?",
            url,
        )
        for url in leftovers
    ), leftovers
    assert '<html lang="zh-Hans">' in html
    assert "融e行" in html  # CJK written as UTF-8, not \u escapes
    assert "Noto Sans CJK SC" in html
    assert html.count('id="presskg-data"') == 1
    assert "window.presskg" in html
    page = re.search(r'id="presskg-data">(.*?)</script>', html, re.S)
    assert page is not None
    assert json.loads(page.group(1))["view"] == "products"


def test_aggregation_keeps_room_for_entities():
    g = big_graph(12)  # 25 speakers, 5 entities; speakers talk more than entities are named
    data = to_vis_data(g, max_nodes=10)
    assert {RONG, GOU, CHAIN, AI, "Place:北京"} <= ids(data)
    assert sum(1 for n in data.nodes if n["ptype"] == "Person") == 5
