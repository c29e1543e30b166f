"""A landmark named after its place (台北車站, 林口交流道) is a place of its own."""

from __future__ import annotations

from loaders.extract.entities import make_stage
from loaders.extract.registry import ExtractOptions
from loaders.model import Transcript, Turn

STAGE = make_stage(ExtractOptions())


def places(text: str) -> list[str]:
    turn = Turn(seq=1, speaker="甲", text=text, start=2, end=2 + len(text))
    t = STAGE(Transcript(key="t", text=f"甲:{text}\n", turns=[turn]))
    return sorted(m.surface for m in t.mentions if m.label == "Place")


def test_a_known_place_and_a_landmark_word_name_the_landmark() -> None:
    assert places("9點會從台北車站發車") == ["台北車站"]
    assert places("像是林口交流道兩端") == ["林口交流道"]
    assert places("google金門大橋都會找到") == ["金門大橋"]
    # nouns between the place and the word belong to the name
    assert places("也是在新竹科學園區的正對面") == ["新竹科學園區"]
    # a nearer place names the landmark; the farther one stays a place
    assert places("包含日本關西機場") == ["日本", "關西機場"]
    assert places("我在台灣淡水車站") == ["台灣", "淡水車站"]
    assert places("像美國洛磯山國家公園") == ["洛磯山國家公園", "美國"]
    # a kind of land is part of the park's name, not a place before it
    assert places("成立南方四島海洋國家公園") == ["南方四島海洋國家公園"]


def test_a_place_beside_a_landmark_word_is_not_always_a_landmark() -> None:
    assert places("臺北市隧道的測速") == ["臺北市"]  # the city's tunnels
    assert places("參考美國國家公園的圖例") == ["美國"]  # a country's parks
    assert places("從台北的公園出發") == ["台北"]
    assert places("從台北去機場") == ["台北"]
