"""A landmark named after its place: `台北车站`, `林口交流道`, `金门大桥`, `新竹科学园区`.

Stations, airports, bridges, interchanges, tunnels, parks and business parks take the
name of the place they serve, so a known place followed by such a word (or by a few
nouns and such a word) names the landmark, a place of its own: the meeting was held at
台北车站, not in 台北 at large. Words of a place's parts (台北市, 台北地区) are not
landmarks and stay the lexicon's business.
"""

from __future__ import annotations

import re

from loaders.extract.rule_text import NOUNISH, pos_tags
from loaders.normalize import view_words

__all__ = ["landmark_span"]

#: Landmark words as the view writes them (車站 → 车站, 機場 → 机场, 園區 → 园区).
_LANDMARK = view_words(
    *("火車站", "車站", "捷運站", "機場", "大橋", "交流道", "隧道", "國家公園", "公園"),
    *("園區", "大樓", "廣場", "夜市", "商圈"),
)
#: How many characters of nouns may stand between the place and the landmark word
#: (新竹|科学|园区, 水湳|经贸|园区, 大安|森林|公园).
_BETWEEN = 4
_NATIONAL_PARK = view_words("國家公園")
#: Kinds of land a tagger calls places (南方四岛|海洋国家公园): part of the name, not a place.
_KINDS_OF_LAND = {"海洋", "海岸", "沿海", "滨海", "山区", "湿地", "森林", "河口", "离岛"}
#: Last characters of an administrative division (台北市, 彰化县, 大安区).
_DIVISIONS = set("市县区省乡镇村州")
_AFTER_PLACE = re.compile(rf"([\u4e00-\u9fff]{{0,{_BETWEEN}}}?)(?:{_LANDMARK})")


def landmark_span(
    text: str, place_start: int, place_end: int, places: set[int]
) -> tuple[int, int] | None:
    """The span of the landmark named after the place at [place_start, place_end), if
    one is; `places` are where the text's other known places start."""
    if text[place_end - 1] in _DIVISIONS:
        return None  # 台北市|隧道, 高雄市|公园: the city's tunnels and parks, no one landmark
    m = _AFTER_PLACE.match(text, place_end)
    if m is None:
        return None
    if any(place_end <= start < m.end() for start in places):
        return None  # the nearer known place names the landmark
    between = m.group(1)
    if not between:
        if text.startswith(_NATIONAL_PARK, place_end):
            return None  # 美国国家公园: a country's national parks, no one park
        return place_start, m.end()
    tags = pos_tags(between)
    if not all(tag.startswith(NOUNISH) and tag != "f" for _, tag in tags):
        return None  # 台北的公园, 台北去机场: the place and a landmark, not one name
    if tags[0][1] == "ns" and tags[0][0] not in _KINDS_OF_LAND:
        return place_end, m.end()  # 日本|关西机场: a nearer place names it
    return place_start, m.end()
