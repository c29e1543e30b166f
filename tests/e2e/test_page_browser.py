"""The graph page in real headless Chromium, with every non-file request blocked.

Needs Debian's `chromium` (and `fonts-noto-cjk` for readable Chinese):
`apt-get install -y chromium fonts-noto-cjk`. Without it these tests skip,
unless PRESSKG_REQUIRE_BROWSER=1, where they fail.
"""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.build import build_graph
from graph.render import VisData, to_vis_data, write_html
from graph.views import find_nodes
from loaders.keys import entity_key, person_key
from loaders.model import Affiliation, Entity, Mention, Relation, Speaker, Transcript, Turn

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("PRESSKG_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "icbc-2018-04-26-press-conference.txt"
XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"

ICBC = entity_key("Organization", "中国工商银行")
RONG = entity_key("Product", "融e行")
GOU = entity_key("Product", "融e购")
CHAIN = entity_key("Technology", "区块链")
BEIJING = entity_key("Place", "北京")
LV = person_key("吕仲涛")


def _missing(reason: str) -> None:
    message = f"browser tests not run: {reason} (apt-get install -y chromium fonts-noto-cjk)"
    if os.environ.get("PRESSKG_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _missing(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Page:
    """A loaded page and what it tried to do: errors, dialogs, blocked requests."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on(
            "console",
            lambda m: (
                self.errors.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "assert")
                else None
            ),
        )
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.presskg && window.presskg.settled", timeout=60_000)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.blocked == [], "the page tried to reach the network"
        assert self.dialogs == [], "script from the transcript ran"

    def hover_node(self, node: str) -> None:
        box = self.page.locator("#mynetwork").bounding_box()
        at = self.js(
            "id => presskg.network.canvasToDOM(presskg.network.getPositions([id])[id])", node
        )
        self.page.mouse.move(box["x"] + at["x"], box["y"] + at["y"])
        self.page.wait_for_selector("#pk-tip:not([hidden])", timeout=5_000)


def transcript(key: str, lines: list[tuple[str, str]]) -> Transcript:
    """A small transcript whose mentions are found by plain search."""
    t = Transcript(key=key, text="", title=f"工行发布会 {key}", date="2018-04-26")
    names = {
        ICBC: ("Organization", "中国工商银行", ["工行", "ICBC"]),
        RONG: ("Product", "融e行", ["融E行"]),
        GOU: ("Product", "融e购", []),
        CHAIN: ("Technology", "区块链", []),
        BEIJING: ("Place", "北京", []),
    }
    text = ""
    for seq, (speaker, said) in enumerate(lines, start=1):
        text += f"{speaker}:"
        start = len(text)
        text += said + "\n"
        anonymous = speaker != "吕仲涛"
        person = person_key(speaker, key if anonymous else None)
        role = "official" if speaker == "吕仲涛" else "reporter"
        t.speakers.setdefault(speaker, Speaker(speaker, person, speaker, role, anonymous))
        turn = Turn(seq, speaker, said, start, start + len(said), role=role, person=person)
        turn.is_question = role == "reporter"
        turn.answers = seq - 1 if role == "official" and seq > 1 else None
        t.turns.append(turn)
        for ekey, (label, name, aliases) in names.items():
            for surface in [name, *aliases]:
                at = said.find(surface)
                while at >= 0:
                    s = start + at
                    t.mentions.append(Mention(ekey, label, surface, s, s + len(surface), seq))
                    t.add_entity(Entity(ekey, label, name, list(aliases)))
                    at = said.find(surface, at + 1)
    t.text = text
    t.add_entity(Entity(LV, "Person", "吕仲涛", []))
    t.affiliations.append(Affiliation(LV, ICBC, title="总经理"))
    return t


def sample_graph() -> nx.MultiDiGraph:
    first = transcript(
        "t1",
        [
            ("金融时报记者", f"请问融e行和融e购？{XSS}"),
            ("吕仲涛", "中国工商银行推出了融e行，融e购是融e行的一部分，用了区块链。"),
        ],
    )
    first.relations += [
        Relation("PART_OF", GOU, RONG, (2,)),
        Relation("USES", GOU, CHAIN, (2,)),
        Relation("OFFERS", ICBC, RONG, (2,)),
    ]
    second = transcript("t2", [("新华社记者", "北京呢？"), ("吕仲涛", "北京的工行客户用融e行。")])
    return build_graph([first, second])


def open_page(browser: Any, data: VisData, tmp_path: Path, name: str = "page.html") -> Page:
    return Page(browser, write_html(data, tmp_path / name))


def test_page_loads_offline_and_search_focuses_a_node(browser, tmp_path):
    data = to_vis_data(sample_graph())
    page = open_page(browser, data, tmp_path)
    assert page.js("presskg.network.body.data.nodes.length") == len(data.nodes)
    assert page.js("presskg.network.body.data.edges.length") == len(data.edges)
    assert page.js("presskg.network.physics.physicsEnabled") is False  # off once settled

    page.page.fill("#pk-search", "融E行")  # an alias, in another case
    page.page.press("#pk-search", "Enter")
    page.page.wait_for_function("presskg.focused !== null")
    assert page.js("presskg.focused") == RONG
    assert page.js("presskg.network.getSelectedNodes()") == [RONG]
    page.page.wait_for_timeout(700)  # the focus animation
    centre = page.js("presskg.network.getViewPosition()")
    at = page.js("id => presskg.network.getPositions([id])[id]", RONG)
    assert abs(centre["x"] - at["x"]) < 5 and abs(centre["y"] - at["y"]) < 5
    assert page.page.locator("#pk-results li").first.inner_text().startswith("融e行")
    page.assert_clean()


def test_search_by_alias_while_typing(browser, tmp_path):
    page = open_page(browser, to_vis_data(sample_graph(), "products"), tmp_path)
    page.page.type("#pk-search", "ICBC", delay=30)
    page.page.wait_for_function("presskg.focused !== null")
    assert page.js("presskg.focused") == ICBC
    assert page.js("presskg.find('工行')") == [ICBC]
    page.assert_clean()


def test_transcript_text_renders_as_text(browser, tmp_path):
    data = to_vis_data(sample_graph())
    page = open_page(browser, data, tmp_path)
    page.hover_node("t1#1")
    text = page.page.locator("#pk-tip").inner_text()
    assert "<img src=x onerror=alert(1)>" in text and "<script>alert(2)</script>" in text
    assert page.js("document.querySelectorAll('#pk-tip img, #pk-tip script').length") == 0
    assert page.js("document.querySelectorAll('img').length") == 0
    page.hover_node(RONG)
    tip = page.page.locator("#pk-tip")
    assert "吕仲涛" in tip.inner_text() and tip.locator("mark").count() >= 1
    page.page.wait_for_timeout(200)
    page.assert_clean()


def test_type_and_transcript_filters(browser, tmp_path):
    data = to_vis_data(sample_graph(), "speakers")
    page = open_page(browser, data, tmp_path)
    hidden = "id => presskg.nodes.get(id).hidden === true"
    page.page.uncheck('#pk-legend input[data-type="Product"]')
    assert page.js(hidden, RONG) and not page.js(hidden, BEIJING)
    page.page.check('#pk-legend input[data-type="Product"]')
    assert not page.js(hidden, RONG)
    page.page.uncheck('#pk-tx-list input[data-transcript="t2"]')
    assert page.js(hidden, BEIJING)  # only in t2
    assert not page.js(hidden, RONG)  # in t1 too
    page.page.click("#pk-tx-none")
    assert page.js(hidden, RONG) and page.js(hidden, LV)
    page.page.click("#pk-tx-all")
    assert not page.js(hidden, BEIJING)
    page.assert_clean()


def test_click_highlights_the_neighbourhood(browser, tmp_path):
    page = open_page(browser, to_vis_data(sample_graph()), tmp_path)
    box = page.page.locator("#mynetwork").bounding_box()
    at = page.js("id => presskg.network.canvasToDOM(presskg.network.getPositions([id])[id])", GOU)
    page.page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    assert page.js("presskg.highlighted") == GOU
    colour = "id => presskg.nodes.get(id).color.background"
    assert page.js(colour, CHAIN) == "#009E73"  # a neighbour keeps its colour
    assert page.js(colour, BEIJING) != "#56B4E9"  # not a neighbour: dimmed
    assert page.js(colour, RONG) == "#D55E00"  # a neighbour keeps its colour
    page.page.keyboard.press("Escape")
    page.js("presskg.clearHighlight()")
    assert page.js(colour, BEIJING) == "#56B4E9"
    page.assert_clean()


def test_aggregated_view_says_what_was_aggregated(browser, tmp_path):
    graph = build_graph(
        [transcript(f"t{i}", [("记者", "融e行？"), ("吕仲涛", "融e行和北京。")]) for i in range(10)]
    )
    data = to_vis_data(graph, max_nodes=6)
    assert data.aggregated
    page = open_page(browser, data, tmp_path)
    notice = page.page.locator("#pk-notice")
    assert notice.is_visible()
    assert "20 utterances" in notice.inner_text() and "collapsed" in notice.inner_text()
    assert page.js("presskg.network.body.data.nodes.length") == len(data.nodes) <= 6
    assert "shown of" in page.page.locator("#pk-stats").inner_text()
    page.assert_clean()


def test_layout_stops_at_its_time_budget(browser, tmp_path, monkeypatch):
    from graph import render

    monkeypatch.setattr(render, "SETTLE_BUDGET_MS", 0)
    page = open_page(browser, to_vis_data(sample_graph()), tmp_path)
    assert page.js("presskg.cutShort") is True
    assert page.js("presskg.network.physics.physicsEnabled") is False
    page.assert_clean()


@pytest.fixture(scope="module")
def example() -> nx.MultiDiGraph:
    from presskg.pipeline import load_transcript

    return build_graph([load_transcript(EXAMPLE)])


@pytest.mark.parametrize("view", ["all", "products", "speakers"])
def test_example_views_load_clean(browser, example, tmp_path, view):
    data = to_vis_data(example, view)
    page = open_page(browser, data, tmp_path)
    assert page.js("presskg.network.body.data.nodes.length") == len(data.nodes) > 10
    page.assert_clean()


def test_example_product_map_search_and_screenshot(browser, example, tmp_path):
    """Typing 融e行 focuses it; the product map with its tooltip is the README's picture."""
    data = to_vis_data(example, "products")
    (rong,) = find_nodes(example, "融e行")
    page = open_page(browser, data, tmp_path)
    page.page.type("#pk-search", "融e行", delay=40)
    page.page.wait_for_function("presskg.focused !== null")
    assert page.js("presskg.focused") == rong
    assert page.js("presskg.network.getSelectedNodes()") == [rong]

    page.page.press("#pk-search", "Escape")
    page.js("presskg.network.fit()")
    page.hover_node(rong)
    assert "融e行" in page.page.locator("#pk-tip").inner_text()
    shot = tmp_path / "product-map.png"
    page.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    page.assert_clean()
    target = DOCS / "product-map.png"
    if os.environ.get("PRESSKG_UPDATE_SCREENSHOTS") == "1" or not target.exists():
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(shot, target)
