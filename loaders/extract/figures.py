"""Extraction stage `figures`: quantitative claims normalised to value, unit and approximation.

`3.43亿户` → 343000000 户; `8400多亿元` → 840000000000 元, approximate;
`每秒…1.4万笔` → 14000 笔/秒; `94.9%` → 94.9 %; `30 幾名` (thirty-odd) → 30 名,
approximate, like 多 and 余; `0.42个百分点` → 0.42 百分点, `7个多百分点` approximate,
`19个基点` → 19 基点. A figure needs a unit, a
magnitude (万/亿) or a percent sign, so ordinals (第162场), versions (3.0),
years and times are not figures. `metric` is the phrase before the number in
its clause; `about` is the entity named in the same clause, nearest before the
number (products before organisations before technologies).
Runs on the normalised view, so 億/萬 and full-width digits read like 亿/万/0-9.
"""

from __future__ import annotations

import re
from collections import defaultdict

from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.model import Figure, Mention, Transcript
from loaders.normalize import NormalizedText, normalized_view

__all__ = ["chinese_number", "extract_figures", "make_stage"]

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_MAGNITUDES = {
    "万亿": 1e12,
    "兆": 1e12,  # Taiwan usage: 2兆 is two trillion
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}
_UNITS = (
    "个多百分点|个百分点|百分点|个基点|基点|%|元人民币|人民币|美元|美金|港元|港币|欧元|日元|新台币|台币|块钱|元|亿户|户次|户|笔/秒|次/秒|笔|家|个|人次|"
    "人|次|名|位|项|件|台|张|套|倍|款|座|所|间|场|公里|平方公里|公顷|公尺|米|吨|国家|个国家|"
    "地区|城市|县市|乡镇|处|案|分行|网点|用户|客户|企业|平台|单位|种|条|份|部|支|篇|字|页|"
    # deals, incidents and funds counted (136单 of M&A, 37起 cases, 1100只 funds)
    "单|起(?![跳步算价])|只|"  # not 200万起跳 (from 2 million up)
    # data sizes, rates and frequencies, lower-case as the normalised view writes them
    "gb|tb|mb|pb|gbps|mbps|kbps|mhz|ghz|"
    # classifiers of vehicles, buildings and things counted (艘 ships, 架 aircraft, 辆 cars,
    # 栋 buildings, 颗 satellites), weights and sea distances
    "艘|架|辆|栋|颗|组|批|床|公吨|公斤|海浬|海里|浬|公分|厘米|毫米|票|"
    # weights, volumes, areas and energy of commodities (亿斤 of grain, 立方米 of gas,
    # 千瓦时 of power, 大卡 of coal), and prices per such unit (元/吨, 美元/桶)
    "斤|千克|克|立方米|升|桶|平方米|亩|千米|千瓦时|度电|千瓦|兆瓦|吉瓦|大卡|"
    "元/吨|元/斤|元/公斤|元/千瓦时|元/度|元/平方米|元/升|美元/桶|美元/吨"
)
#: The units in Latin letters as they are written (10 Mbps, 3.5 GHz).
_LATIN_UNITS = {
    **{"gb": "GB", "tb": "TB", "mb": "MB", "pb": "PB", "gbps": "Gbps"},
    **{"mbps": "Mbps", "kbps": "kbps", "mhz": "MHz", "ghz": "GHz"},
}
# Longest first: 个国家 before 个, 平方公里 before 公里.
_UNIT_ALTERNATIVES = "|".join(sorted(_UNITS.split("|"), key=len, reverse=True))
_NUMBER = (
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?"
    r"|[零〇一二两三四五六七八九十百千]{2,}|[一二两三四五六七八九十])"
)
_FIGURE = re.compile(
    r"(?P<pre>将近|接近|超过|超|逾|近|约|大约|大概|高达)?"
    + _NUMBER
    + r"[ \t]?(?P<post1>多|余|几(?!乎))?(?P<mag>万亿|兆|亿|千万|百万|万|千|百)?"
    + r"(?P<post2>多|余|几(?!乎))?[ \t]?"
    + rf"(?P<unit>{_UNIT_ALTERNATIVES})?(?P<tail>以上|左右|上下)?"
)
_CLAUSE = re.compile(r"(?:[^,;。!?，；！？\n]|(?<=\d),(?=\d{3}))+")  # 1,200 stays whole
_PER_SECOND = re.compile(r"每秒|/秒|每一秒")
_METRIC_TRIM = re.compile(r"(?:已经|已|累计|共|总共|达到|达|为|是|有|约|突破|超过|近|在|了)+$")
_ABOUT_ORDER = {"Product": 0, "Organization": 1, "Technology": 2, "Place": 3, "Person": 4}
_TIME_UNITS = ("年", "月", "日", "号", "时", "点", "分", "秒", "天", "周", "岁")


def chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral (三十五 → 35, 两千 → 2000, 一二三 → 123).

    >>> chinese_number("三十五"), chinese_number("两千零八"), chinese_number("十")
    (35.0, 2008.0, 10.0)
    """
    if not text or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in text):
        return None
    if all(c in _CN_DIGITS for c in text):
        return float("".join(str(_CN_DIGITS[c]) for c in text))
    total, digit = 0, 0
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        else:
            total += (digit or 1) * _CN_UNITS[c]
            digit = 0
    return float(total + digit)


def _is_range(num: str) -> bool:
    """三五 (three to five), 七八: adjacent Chinese digits give a rough range."""
    return (
        len(num) == 2
        and all(c in _CN_DIGITS for c in num)
        and _CN_DIGITS[num[1]] > _CN_DIGITS[num[0]] > 0
    )


def _value(num: str) -> float | None:
    if num[0].isdigit():
        return float(num.replace(",", ""))
    if _is_range(num):
        return float(_CN_DIGITS[num[0]])
    return chinese_number(num)


def extract_figures(t: Transcript) -> list[Figure]:
    """Every figure in the turns of `t` and its opening announcement, spans into `t.text`."""
    by_turn: dict[int, list[Mention]] = defaultdict(list)
    for m in t.mentions:
        by_turn[m.turn].append(m)
    figures: list[Figure] = []
    for turn in [t.preamble, *t.turns] if t.preamble is not None else t.turns:
        view = normalized_view(turn.text)
        text = view.text
        for clause in _CLAUSE.finditer(text):
            previous: tuple[re.Match[str], Figure] | None = None
            for found in _FIGURE.finditer(clause.group()):
                figure = _figure(found, clause.start(), clause.group(), view, turn.start, turn.seq)
                if figure is None:
                    continue
                if previous is not None and _continues(previous[0], found, clause.group()):
                    figure = _joined(figures.pop(), figure, turn.text, turn.start)
                previous = found, figure
                clause_start, _ = view.span(clause.start(), clause.start() + 1)
                about = _about(by_turn[turn.seq], turn.start + clause_start, figure.start)
                figures.append(Figure(**{**figure.__dict__, "about": about}))
    return figures


def _continues(first: re.Match[str], second: re.Match[str], clause: str) -> bool:
    """`2 兆 7,000 多億元`, `3亿5000万`, `6萬1,500公里`: one number written in two parts,
    the larger magnitude first (the second part may have none: 1,500 under 萬)."""
    high, low = first.group("mag"), second.group("mag")
    if not high or first.group("unit") or first.group("post2") or first.group("post1"):
        return False
    if clause[first.end() : second.start()].strip():
        return False
    if low is None:  # every place below the magnitude written out: 1,500 under 萬, not 2万3
        digits = second.group("num").replace(",", "")
        places = len(str(int(_MAGNITUDES[high]))) - 1
        return digits.isdigit() and len(digits) == places
    return bool(
        _MAGNITUDES[high] > _MAGNITUDES[low]
        and second.group("num")[0].isdigit() == first.group("num")[0].isdigit()
    )


def _joined(first: Figure, second: Figure, turn_text: str, base: int) -> Figure:
    """One figure for the two parts of a number written in two magnitudes."""
    return Figure(
        text=turn_text[first.start - base : second.end - base],
        value=round(first.value + second.value, 6),
        unit=second.unit,
        approx=first.approx or second.approx,
        turn=first.turn,
        start=first.start,
        end=second.end,
        metric=first.metric,
    )


#: Two Latin letters or digits side by side: the inside of a Latin word.
_LATIN_PAIR = re.compile(r"[a-z0-9]{2}")


def _figure(
    m: re.Match[str], offset: int, clause: str, view: NormalizedText, base: int, seq: int
) -> Figure | None:
    num, mag, unit = m.group("num"), m.group("mag"), m.group("unit") or ""
    start, end = m.start(), m.end()
    while end > start and clause[end - 1] in " \t":
        end -= 1
    before = clause[start - 1] if start > 0 else ""
    after = clause[end] if end < len(clause) else ""
    if not (mag or unit):
        return None
    if before == "第" or re.match(r"[a-z.\-]", before):
        return None
    if re.match(r"[a-z]", after) and re.match(r"[0-9a-z]", clause[end - 1]):
        return None  # 5g, 3d, 10mbpsx: part of a Latin word; not 300亿元|TLAC
    if not num[0].isdigit() and not mag and len(num) == 1:
        return None  # 一个, 三家: counting words, not claims
    if after and after in _TIME_UNITS and not unit:
        return None
    value = _value(num)
    if value is None:
        return None
    if mag:
        value *= _MAGNITUDES[mag]
    unit = _LATIN_UNITS.get(unit, unit)
    if unit == "亿户":
        value, unit = value * 1e8, "户"
    spread = unit.removeprefix("个").removeprefix("多")  # 0.42个百分点, 7个多百分点, 19个基点
    approximately = spread != unit.removeprefix("个")
    if spread in ("百分点", "基点"):
        unit = spread
    if unit in ("笔", "次") and _PER_SECOND.search(clause[:start]):
        unit += "/秒"
    approx = approximately or bool(
        m.group("pre") or m.group("post1") or m.group("post2") or m.group("tail")
    )
    if _is_range(num):
        approx = True
    prefix = _METRIC_TRIM.sub("", clause[:start].rstrip())
    m_end = len(prefix)
    m_start = max(0, m_end - 20)
    while 0 < m_start < m_end and _LATIN_PAIR.fullmatch(prefix, m_start - 1, m_start + 1):
        m_start += 1  # …招商银行app|和…: the phrase does not start inside a Latin word
    o_start, o_end = view.span(offset + start, offset + end)
    if m_end > m_start:
        o_m_start, o_m_end = view.span(offset + m_start, offset + m_end)
        metric = view.original[o_m_start:o_m_end].strip()
    else:
        metric = ""
    return Figure(
        text=view.original[o_start:o_end],
        value=round(value, 6),
        unit=unit,
        approx=approx,
        turn=seq,
        start=base + o_start,
        end=base + o_end,
        metric=metric,
    )


def _about(mentions: list[Mention], clause_start: int, figure_start: int) -> str | None:
    """The entity named in the clause before the figure: nearest, products first."""
    inside = [m for m in mentions if clause_start <= m.start and m.end <= figure_start]
    if not inside:
        return None
    best = min(inside, key=lambda m: (_ABOUT_ORDER.get(m.label, 9), -m.start))
    return best.entity


@register("figures")
def make_stage(options: ExtractOptions) -> Stage:
    """The patterns are compiled at import; the stage reads one transcript."""

    def stage(t: Transcript) -> Transcript:
        t.figures = extract_figures(t)
        return t

    return stage
