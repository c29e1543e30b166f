"""A website named by what it serves: `全国教保资讯网`, `社会经济入口网`, `道安资讯查询网`.

Government and civic websites in Taiwan are named by their subject and a site word
(资讯网, 服务网, 入口网, 查询网, 通报网, 观测网): the nouns before that word are the
site's name. The site word alone (这个资讯网, 一些服务网) names no site, and neither
does a bare 网 (电网, 路网, 物联网), which this rule leaves to the lexicons.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.extract.rule_text import (
    CLAUSE_VERBS,
    GENERIC_MODIFIERS,
    NOUNISH,
    STOP_CHARS,
    Candidate,
    is_common_word,
    pos_tags,
)
from loaders.normalize import NormalizedText, view_words

__all__ = ["named_site"]

#: The site words as the view spells them (OpenCC writes 資訊 信息, 查詢 查找, 資料 数据).
_SITE = re.compile(
    "(?:"
    + view_words(
        *("資訊網", "服務網", "入口網", "查詢網", "諮詢網", "通報網", "觀測網", "登記網"),
        *("資料網", "學習網", "導覽網", "報名網", "媒合網"),
    )
    + ")(站)?(?![络路友民])"  # 学习网络, 信息网路: the network, not a site
)
#: How far before the site word a name may start (台湾登山申请集成: 8).
_REACH = 12
#: Words that open a description, not a name (一些服务网, 类似的服务网, 这个入口网).
_NOT_A_NAME = {
    *GENERIC_MODIFIERS,
    *("一些", "一般", "政府", "国外", "国内", "单一"),
    *("能否", "可以", "能够", "应该", "需要", "必须", "可能"),  # 业者能否|结合资讯网
}
#: Ends of a verb that put something somewhere (放在, 登载在, 放到, 纳入): the site follows.
_PLACING = ("在", "到", "入", "给")


def _name_words(window: str) -> int:
    """Characters of the words right before the site word that can belong to its name:
    nouns, two-character verbs (申请, 查询), Latin words (g0v) and distinguishing words
    (一站式); a function word, a clause verb or a number ends the name."""
    length = 0
    for word, tag in reversed(pos_tags(window)):
        if word in STOP_CHARS or word in CLAUSE_VERBS or word in _NOT_A_NAME:
            break
        if tag.startswith("v") and word.endswith(_PLACING):
            break
        nounish = tag.startswith(NOUNISH) and tag != "f"
        if not (nounish or tag == "b" or (tag.startswith("v") and len(word) == 2)):
            break
        length += len(word)
    return length


def named_site(view: NormalizedText) -> Iterator[Candidate]:
    """`…资讯网/服务网/入口网(站)`: two or more characters of name before a site word."""
    text = view.text
    if "网" not in text:
        return
    for m in _SITE.finditer(text):
        window = text[max(0, m.start() - _REACH) : m.start()]
        length = _name_words(window)
        if length < 2:
            continue  # 资讯网 alone, 一些服务网: a kind of site
        start = m.start() - length
        words = pos_tags(text[start : m.start()])
        if words[0][0][0] in "本该此" and len(words[0][0]) == 2 and len(words) > 1:
            start += 2  # 本署|学生事务资讯网: the speaker's body owns the site
            words = words[1:]
        if words[0][1] == "v" or words[0][0][0] == "各":
            continue  # 申请|入口网, 各县市通报网: a verb opens no name, nor does 各 (each)
        if not any(tag.startswith(NOUNISH) and tag != "f" for _, tag in words):
            continue  # 一站式服务网: a description of a site, no subject named
        if len(words) == 1 and is_common_word(words[0][0]):
            continue  # 工作|服务网: an ordinary word names a kind of site
        yield Candidate(start, m.end(), "named_site", 0.7)
