"""A website named by its subject and a site word (资讯网, 入口网, 服务网 …)."""

from __future__ import annotations

from loaders.extract.entities import make_stage
from loaders.extract.registry import ExtractOptions
from loaders.extract.site_rules import named_site
from loaders.model import Transcript, Turn
from loaders.normalize import normalized_view

STAGE = make_stage(ExtractOptions())


def sites(text: str) -> list[str]:
    view = normalized_view(text)
    return [text[slice(*view.span(c.start, c.end))] for c in named_site(view)]


def test_the_nouns_before_a_site_word_name_the_site() -> None:
    assert sites("6月30日臺灣登山申請整合資訊網上線後") == ["臺灣登山申請整合資訊網"]
    assert sites("歡迎大家到社會經濟入口網下載") == ["社會經濟入口網"]
    assert sites("像全國教保資訊網的部分") == ["全國教保資訊網"]
    assert sites("放在道安資訊查詢網，還有網路詐騙查詢通報網") == [
        "道安資訊查詢網",
        "網路詐騙查詢通報網",
    ]
    assert sites("設置一個培力發展資訊網站") == ["培力發展資訊網站"]
    # the speaker's own body owns the site; the site's name follows it
    assert sites("放置於本署高級中等學校學生事務資訊網") == ["高級中等學校學生事務資訊網"]


def test_a_site_word_alone_or_after_a_description_names_no_site() -> None:
    for text in (
        "我們可以用一些資訊網",
        "較像是國外類似的服務網",
        "重新設計的一站式服務網",  # how the site is built, not what it serves
        "各縣市通報網上的人數",  # each county's, no one site
        "業者能否結合資訊網",
        "外國人在台工作服務網",  # 工作 alone is an ordinary word
        "輔導漁民學習網路行銷",  # the network (網路), not a site
        "我從全球資訊網開始",  # the World Wide Web is a technology
    ):
        assert sites(text) == [], text


def test_a_named_site_is_a_product_of_the_transcript() -> None:
    text = "我們有一個社會經濟入口網，大家可以上去看"
    turn = Turn(seq=1, speaker="甲", text=text, start=2, end=2 + len(text))
    t = STAGE(Transcript(key="t", text=f"甲:{text}\n", turns=[turn]))
    products = {e.name for e in t.entities.values() if e.label == "Product"}
    assert "社會經濟入口網" in products
