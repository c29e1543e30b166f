"""Figures stage: values, units, approximation, metric and the entity a figure is about."""

from __future__ import annotations

import pytest

from loaders.extract.figures import chinese_number, extract_figures
from loaders.model import Mention, Transcript, Turn


def figures(text: str, mentions: tuple[Mention, ...] = ()) -> list[tuple[str, float, str, bool]]:
    t = Transcript("t", text, turns=[Turn(1, "甲", text, 0, len(text))], mentions=list(mentions))
    return [(f.text, f.value, f.unit, f.approx) for f in extract_figures(t)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("总客户规模达3.43亿户", ("3.43亿户", 343_000_000, "户", False)),
        ("网络融资规模8400多亿元", ("8400多亿元", 840_000_000_000, "元", True)),
        ("核心应用每秒弹性交易达到1.4万笔", ("1.4万笔", 14_000, "笔/秒", False)),
        ("累计发放贷款达到1400多亿元", ("1400多亿元", 140_000_000_000, "元", True)),
        ("业务量占比94.9%", ("94.9%", 94.9, "%", False)),
        ("如果沒有10 Mbps的頻寬", ("10 Mbps", 10, "Mbps", False)),
        ("頻段在3.5GHz附近", ("3.5GHz", 3.5, "GHz", False)),
        ("避免损失超过17亿元", ("超过17亿元", 1_700_000_000, "元", True)),
        ("組建一支2000餘人的團隊", ("2000餘人", 2000, "人", True)),
        ("貸款餘額2.2萬億元", ("2.2萬億元", 2_200_000_000_000, "元", False)),
        ("吞吐能力可以达到每秒三五万", ("三五万", 30_000, "", True)),
        ("覆盖了四十五个国家", ("四十五个国家", 45, "个国家", False)),
        ("現場還有 30 幾名志工", ("30 幾名", 30, "名", True)),
        ("總共有 150 幾套設備", ("150 幾套", 150, "套", True)),
        ("影響大概 260 幾萬人", ("260 幾萬人", 2_600_000, "人", True)),
        ("一年的經費是70幾億", ("70幾億", 7_000_000_000, "", True)),
        ("查獲越界的從499艘降到391艘", ("499艘", 499, "艘", False)),
        ("調派兩條大艦、3架直升機", ("3架", 3, "架", False)),
        ("總預算是 2 兆 7,000 多億元", ("2 兆 7,000 多億元", 2_700_000_000_000, "元", True)),
        ("年產3億3,000萬噸", ("3億3,000萬噸", 330_000_000, "吨", False)),
        ("管線總長6萬1,500公里", ("6萬1,500公里", 61_500, "公里", False)),
        ("一年89萬4,000元", ("89萬4,000元", 894_000, "元", False)),
        ("比上年同期下降0.42个百分点", ("0.42个百分点", 0.42, "百分点", False)),
        ("增速高出7个多百分点", ("7个多百分点", 7, "百分点", True)),
        ("净息差收窄19个基点", ("19个基点", 19, "基点", False)),
        ("峰值交易处理能力达到6万笔/秒", ("6万笔/秒", 60_000, "笔/秒", False)),
        ("去年发行了300亿元TLAC非资本债券", ("300亿元", 30_000_000_000, "元", False)),
        ("完成并购重组136单", ("136单", 136, "单", False)),
        ("罚款就是3萬起跳", ("3萬", 30_000, "", False)),
        ("投資100萬美金", ("100萬美金", 1_000_000, "美金", False)),
        ("誤差只有0.5 公分", ("0.5 公分", 0.5, "公分", False)),
        ("今年我国夏粮产量2916亿斤", ("2916亿斤", 291_600_000_000, "斤", False)),
        ("日均供气量超过10亿立方米", ("超过10亿立方米", 1_000_000_000, "立方米", True)),
        ("现货价格回落至1095元/吨", ("1095元/吨", 1095, "元/吨", False)),
        ("发电量达到8000亿千瓦时", ("8000亿千瓦时", 800_000_000_000, "千瓦时", False)),
    ],
)
def test_headline_figures(text: str, expected: tuple[str, float, str, bool]) -> None:
    assert figures(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "第162场发布会",
        "e-ICBC 3.0战略",
        "2017年我们组建了团队",
        "一个平台",
        "双11大促",
        "2015年3月",
        "幾乎每天都有",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_about_the_entity_named_in_the_clause() -> None:
    text = "截至目前,“三融”平台总客户规模达3.43亿户,相当于一半"
    m = Mention("Product:三融平台", "Product", "“三融”平台", 5, 11, 1)
    t = Transcript("t", text, turns=[Turn(1, "甲", text, 0, len(text))], mentions=[m])
    (fig,) = extract_figures(t)
    assert fig.about == "Product:三融平台"
    assert fig.metric.endswith("总客户规模")


def test_chinese_numbers() -> None:
    assert chinese_number("一百二十") == 120
    assert chinese_number("两万") is None


def test_a_short_number_after_a_magnitude_is_a_figure_of_its_own() -> None:
    # 2万3 is read as 23,000 in speech; the text does not say which, so nothing is joined
    assert [f[0] for f in figures("來了2万3人，還有5萬 100人")] == ["2万", "3人", "5萬", "100人"]


def test_a_metric_phrase_does_not_start_inside_a_latin_word() -> None:
    text = "2021年,招商银行App和掌上生活App两大App的月活跃用户达到1.07亿户"
    t = Transcript("t", text, turns=[Turn(1, "甲", text, 0, len(text))])
    (fig,) = extract_figures(t)
    assert fig.metric == "和掌上生活App两大App的月活跃用户"  # not "p和掌上生活…"


def test_figures_of_the_opening_announcement_belong_to_utterance_zero() -> None:
    text = "今年以来，证监会共受理IPO申请218家。\n\n问：请问下一步？\n答：继续推进。\n"
    end = text.index("\n")
    opening = Turn(0, "", text[:end], 0, end)
    t = Transcript(
        "t", text, turns=[Turn(1, "问", "请问下一步？", end + 4, end + 10)], preamble=opening
    )
    found = extract_figures(t)
    assert [(f.text, f.turn, text[f.start : f.end]) for f in found] == [("218家", 0, "218家")]
