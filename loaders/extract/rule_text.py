"""What the naming rules share: the candidate they yield and the words they read.

The product rules and the organisation rules both run on the normalised view, read
jieba's part-of-speech tags of short windows and ask whether a string is an ordinary
word; the word classes that bound a name (function characters, clause verbs, noun-like
tags) are the same for both.
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rjieba

__all__ = [
    "ANY_HAN",
    "CLAUSE_VERBS",
    "GENERIC_MODIFIERS",
    "HAN",
    "NOUNISH",
    "STOP_CHARS",
    "SURNAMES",
    "Candidate",
    "is_common_word",
    "noun_tail",
    "pos_tags",
]

#: The CJK unified ideographs, as a character-class range.
HAN = "\u4e00-\u9fff"
#: Function characters a name never opens or holds (的, 了, 和, 我, 被 …).
STOP_CHARS = set("的了在和与是把将对为及等个这那其我你他它们也都就还又被从向到以而或给让用有并即叫")
ANY_HAN = re.compile(f"[{HAN}]")


@dataclass(frozen=True)
class Candidate:
    """A name found by `rule` at view span [start, end): a product unless `label` says else.

    `alias` is a view span of another name the text gives the same thing
    (the acronym of a `名称(ACRONYM)` definition).
    """

    start: int
    end: int
    rule: str
    confidence: float
    label: str = "Product"
    alias: tuple[int, int] | None = None


@lru_cache(maxsize=65536)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    """POS tags of a short window (cached: the same windows recur across turns)."""
    return tuple(rjieba.tag(text))


_COMMON = 50  # jieba frequency from which a word counts as an ordinary word


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Ordinary words (jieba frequency ≥ 50), cached beside jieba's own cache.

    Loading jieba's whole dictionary takes seconds per process; the rules only
    ask whether a short string is an ordinary word, so the set of them is kept
    in a small pickle keyed by the dictionary file's size and time.
    """
    import jieba

    source = Path(jieba.__file__).with_name("dict.txt")
    stat = source.stat()
    cache = Path(tempfile.gettempdir()) / f"presskg-words-{stat.st_size}-{int(stat.st_mtime)}.pkl"
    try:
        with cache.open("rb") as fh:
            words = pickle.load(fh)
        if isinstance(words, frozenset):
            return words
    except (OSError, pickle.PickleError, EOFError):
        pass
    found = set()
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            word, freq, _ = line.split(" ", 2)
            if int(freq) >= _COMMON:
                found.add(word)
    words = frozenset(found)
    try:
        part = cache.with_suffix(f".{os.getpid()}.tmp")
        with part.open("wb") as fh:
            pickle.dump(words, fh)
        os.replace(part, cache)
    except OSError:
        pass
    return words


def is_common_word(text: str) -> bool:
    """Whether `text` is an ordinary word (jieba frequency ≥ 50), not a name."""
    return text in _common_words()


NOUNISH = ("n", "nz", "vn", "nt", "nr", "ns", "nrt", "nrfg", "eng", "an", "ng", "j", "l", "f")


def noun_tail(phrase: str) -> int:
    """Length of the trailing run of noun-like words of `phrase` (POS on this phrase only)."""
    length = 0
    for word, tag in reversed(pos_tags(phrase)):
        if (not tag.startswith(NOUNISH) and tag != "x") or word in STOP_CHARS:
            break
        length += len(word)
    return length


#: Two-character verbs that open a clause rather than belong to a name.
CLAUSE_VERBS = {
    *("觉得", "像是", "还有", "包括", "包含", "提到", "看到", "知道", "认为", "表示", "希望"),
    *("参加", "参与", "成立", "透过", "通过", "配合", "邀请", "根据", "经过", "请问", "就是"),
    *("其实", "以及", "或是", "或者", "这是", "那是", "如果", "因为", "所以", "由于", "针对"),
    *("关于", "除了", "来自", "跟着", "有关"),
    *("没有", "只有", "拥有", "具有", "都有", "也有"),  # 行政院没有|台东联合服务中心
    *("担任", "主持", "召集", "领导", "带领", "主导"),  # 担任|行政院…计划的召集人: a role held
    *("去念", "去读", "就读", "考上", "考进", "进入"),  # 年轻一代去念|大学: going to one
}


#: Modifiers that make a phrase generic rather than a name (这个系统, 相关的平台, 子项计划).
GENERIC_MODIFIERS = (
    "这个",
    "那个",
    "这样",
    "那样",
    "这些",
    "那些",
    "相关",
    "整个",
    "整体",
    "子项",
    "细部",
    "各项",
    "各个",
    "各种",
    "所有",
    "其他",
    "其它",
    "我们",
    "你们",
    "他们",
    "自己",
    "现有",
    "原有",
    "既有",
    "新的",
    "一个",
    "一套",
    "不同",
    "同样",
    "类似",
    "本",
    "该",
    "此",
    "每",
    "某",
    "新",
    "旧",
)

# Common surnames (the 百家姓 ones still frequent today, simplified; the view is simplified):
# jieba tags many non-names `nr` (部唐 in 数位部唐部长); a real name starts with a surname.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘"
    "满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都"
    "普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭"
    "干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由赖洪萧傅粘"
)
