"""Property tests: parsing never drops text, spans are exact, normalising is idempotent,
read → parse → extract raises only presskg errors, export → import round-trips."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.build import build_graph
from graph.embedded import load_graph_json, save_graph_json
from loaders.formats import FORMATS, parse_text
from loaders.formats.base import ParseResult
from loaders.normalize import normalize, variant_key
from loaders.read import decode
from presskg.errors import PressKGError
from presskg.pipeline import Extractor, parse_document

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Building blocks of generated transcripts: real-looking pieces plus junk that
# imitates markup (colons, hashes, brackets, quotes) in the wrong places.
NAMES = st.sampled_from(
    ["主持人", "王敬东", "金融时报记者", "唐鳳", "Host", "Reporter A", "問", "答", "Q", "記者"]
)
JUNK = st.lists(
    st.sampled_from([*"ab 中文：:#>[]（）()-\t\u3000。，?！", "\n", "\r\n", "\r", "### "]),
    max_size=30,
).map("".join)
WORDS = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\r\n\x0b\x0c"
    ),
    min_size=1,
    max_size=40,
)
PARAGRAPH = st.one_of(WORDS, JUNK)
STAMP = st.builds(
    lambda m, d, h, mi: f"  [{m:02d}-{d:02d} {h:02d}:{mi:02d}]",
    st.integers(1, 12),
    st.integers(1, 31),
    st.integers(0, 23),
    st.integers(0, 59),
)
NEWLINE = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])


@st.composite
def live_text(draw: st.DrawFn) -> str:
    out = [draw(JUNK)]
    for _ in range(draw(st.integers(0, 6))):
        colon = draw(st.sampled_from([":", "：", " ："]))
        paras = draw(st.lists(PARAGRAPH, min_size=1, max_size=3))
        stamp = draw(st.one_of(st.just(""), STAMP))
        out.append(draw(NAMES) + colon + draw(NEWLINE).join(paras) + stamp)
    return draw(NEWLINE).join(out)


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    out = [f"# {draw(st.sampled_from(['2016-10-01 ', '']))}{draw(WORDS)}"]
    for _ in range(draw(st.integers(0, 6))):
        hashes = draw(st.sampled_from(["### ", "###\t", "## "]))
        colon = draw(st.sampled_from(["：", ":", ""])) if hashes.startswith("###") else "："
        out.append(hashes + draw(NAMES) + colon)
        for para in draw(st.lists(st.one_of(PARAGRAPH, WORDS.map(lambda w: f"> ({w})")))):
            out.append(para)
    return draw(NEWLINE).join(out)


@st.composite
def qa_text(draw: st.DrawFn) -> str:
    out = [draw(JUNK)]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["问", "問", "答", "Q", "A", "提问", "回答"]))
        name = draw(st.one_of(st.just(""), NAMES.map(lambda n: f"（{n}）")))
        colon = draw(st.sampled_from(["：", ":", "．"]))
        out.append(draw(st.sampled_from(["", "  ", "\u3000"])) + kind + name + colon + draw(WORDS))
        out.extend(draw(st.lists(PARAGRAPH, max_size=2)))
    return draw(NEWLINE).join(out)


# What a parser may leave out of turns and context: the markup around a label, and the
# description in brackets after a live label (寿小丽（新闻发言人）：), which roles reads there.
_MARKUP = re.compile(
    r"(?:#{2,3}|[:：.．]|\[\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\]|\s"
    r"|[（(][^（）()\n。！？]{2,40}[）)](?=[ \t]*[:：]))*"
)


def assert_nothing_dropped(text: str, result: ParseResult) -> None:
    covered = bytearray(len(text) + 1)
    spans = [(t.start, t.end) for t in result.turns]
    spans += [(t.label_start, t.label_end) for t in result.turns if t.label_start >= 0]
    spans += [(c.start, c.end) for c in result.context]
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    runs = re.finditer(r"0+", "".join("1" if covered[i] else "0" for i in range(len(text))))
    for run in runs:
        gap = text[run.start() : run.end()]
        assert _MARKUP.fullmatch(gap), f"dropped {gap!r} at {run.start()} of {text!r}"


def assert_exact_spans(text: str, result: ParseResult) -> None:
    for turn in result.turns:
        assert turn.text == text[turn.start : turn.end]
        if turn.label_start >= 0:
            assert text[turn.label_start : turn.label_end] == turn.speaker
    for ctx in result.context:
        assert ctx.text.strip() == text[ctx.start : ctx.end].strip()
    assert [t.seq for t in result.turns] == list(range(1, len(result.turns) + 1))


TEXTS = {"live": live_text(), "markdown": markdown_text(), "qa": qa_text()}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_parse_never_drops_text(fmt: str) -> None:
    @SETTINGS
    @given(st.one_of(TEXTS[fmt], st.text(max_size=200)))
    def check(text: str) -> None:
        result = parse_text(text, fmt)
        assert_exact_spans(text, result)
        assert_nothing_dropped(text, result)

    check()
    # found by the property above: a live label's description in brackets is not text lost
    text = "\n主持人:0\n0(00):"
    assert_nothing_dropped(text, parse_text(text, fmt))


@SETTINGS
@given(st.one_of(*TEXTS.values(), st.text(max_size=200)))
def test_auto_detected_parse_keeps_everything(text: str) -> None:
    if not text.replace("\x00", " ").strip():
        return  # blank once NULs become spaces: decode() rightly refuses it as empty
    t = parse_document(decode(text.encode("utf-8", "surrogatepass"), "g.txt"))
    assert t.turns
    for turn in t.turns:
        assert turn.text == t.text[turn.start : turn.end]


@SETTINGS
@given(st.text(max_size=80))
def test_normalising_twice_equals_once(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    key = variant_key(text)
    assert variant_key(key) == key


EXTRACTOR: list[Extractor] = []


def extractor() -> Extractor:
    if not EXTRACTOR:
        EXTRACTOR.append(Extractor())
    return EXTRACTOR[0]


def read_parse_extract(data: bytes) -> None:
    try:
        doc = decode(data, "fuzz.txt")
        transcript = extractor().extract(parse_document(doc))
        build_graph([transcript])
    except PressKGError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        *TEXTS.values(),
        st.text(max_size=300),
    ).map(lambda s: s.encode("utf-8", "surrogatepass"))
    | st.binary(max_size=300)
)
def test_read_parse_extract_raises_only_presskg_errors(data: bytes) -> None:
    read_parse_extract(data)


def test_fuzz_read_parse_extract_time_boxed() -> None:
    """Random bytes and mutated transcripts for a fixed time, fixed seed."""
    rng = random.Random(20240611)
    seed = Path(__file__).resolve().parents[2] / "examples/icbc-2018-04-26-press-conference.txt"
    sample = seed.read_bytes()[:4000]
    deadline = time.monotonic() + 15
    runs = 0
    while time.monotonic() < deadline:
        choice = rng.random()
        if choice < 0.3:
            data = rng.randbytes(rng.randrange(1, 600))
        else:
            data = bytearray(sample[: rng.randrange(1, len(sample))])
            for _ in range(rng.randrange(1, 20)):
                at = rng.randrange(len(data) + 1)
                data[at:at] = rng.choice([b":", "：".encode(), b"\n### ", b"\x00", b"\xff", b"["])
            data = bytes(data)
            if choice > 0.8:
                data = data.decode("utf-8", "replace").encode(rng.choice(["gb18030", "utf-16"]))
        read_parse_extract(data)
        runs += 1
    assert runs > 20


@pytest.fixture(scope="module")
def icbc_graph() -> nx.MultiDiGraph:
    seed = Path(__file__).resolve().parents[2] / "examples/icbc-2018-04-26-press-conference.txt"
    return build_graph([extractor().load(seed)])


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=repr) == sorted(
        b.edges(keys=True, data=True), key=repr
    )


def test_save_load_round_trips_the_example(icbc_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    save_graph_json(icbc_graph, tmp_path / "g.json")
    _same(icbc_graph, load_graph_json(tmp_path / "g.json"))


@SETTINGS
@given(st.lists(st.one_of(*TEXTS.values()), min_size=1, max_size=3))
def test_export_import_round_trips_generated_graphs(texts: list[str]) -> None:
    transcripts = []
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        try:
            doc = decode(text.encode("utf-8", "surrogatepass"), f"t{i}.txt")
        except PressKGError:
            continue
        transcripts.append(extractor().extract(parse_document(doc)))
    graph = build_graph(transcripts)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.json"
        save_graph_json(graph, path)
        _same(graph, load_graph_json(path))
