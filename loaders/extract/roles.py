"""Stage `roles`: who is the host, who are officials, who are reporters and from where.

Officials' organisation, department and title come from the host's
introduction (`中国工商银行信息科技部总经理吕仲涛先生`); reporters' outlets from
the label (`金融时报记者`, `中央社蘇思云`, `TVBS 李作珩`) or a self-introduction
(`我是金融时报记者`). Title short forms (`王行长`, `吕总`) become aliases of the
full name so later stages resolve them. Where nobody is labelled a reporter, the
interviewers of an interview or of a one-to-one visit ask as reporters do (a team's visit is
a conversation: its visitors answer the host as often as they ask); where the floor asks
(觀眾), the moderators a panel names in its opening (共同主持人 Solenne) ask too.
Rules only: no list of people.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from loaders.extract.latin_names import surname_like
from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.extract.rule_text import SURNAMES, is_common_word, pos_tags
from loaders.keys import entity_key, person_key
from loaders.lexicon import Lexicon, load_lexicon
from loaders.model import Affiliation, Entity, Speaker, Transcript, Turn
from loaders.normalize import (
    normalized_view,
    to_simplified,
    variant_key,
    variant_keys,
    view_spellings,
)

__all__ = [
    "Introduction",
    "Outlets",
    "assign_roles",
    "organization_kind",
    "outlet_from_label",
    "parse_introduction",
    "short_forms",
    "visit_head",
]

HOST_LABELS = {"主持人", "主持", "司仪", "主席", "moderator", "host", "mc", "emcee", "主持人员"}
QUESTION_LABELS = {"问", "提问", "提问者", "记者", "q", "question", "questioner", "reporter"}
ANSWER_LABELS = {"答", "回答", "a", "answer"}
#: Interpreters relay both sides' words: a role word, not a person's name.
INTERPRETER_LABELS = {
    *("翻译", "口译", "口译人员", "翻译人员", "译者", "通译", "interpreter", "translator"),
}
#: Labels that say "someone asked" without naming anyone (matched on the simplified,
#: lower-cased label): 媒體提問, 現場提問, 線上提問, 提問者2, 聽眾I, 觀眾, 與會者, 匿名, 訪問者,
#: Audience Question, Q7. Such a speaker is an anonymous asker, never a person so named.
ASKER_LABEL = re.compile(
    r"^(?:(?:媒体|记者|现场|线上|在线|线下|网路|网络|网友|视讯|视频|民众|观众|听众|来宾|与会者|"
    r"slido|sli\.do)[ \t]*(?:的)?(?:提问|发问|问题|问)(?:者|人)?|"
    r"(?:提问|发问)(?:者|人)?|与会者|与会人士|观众|听众|来宾|网友|民众|匿名|匿名者|"
    r"访问者|采访者|访问人|"
    r"q|question|questioner|questions|reporter|journalist|audience|audience question|"
    r"audience member|participant|attendee|anonymous|interviewer)"
    r"[ \t]*(?:[0-9]{1,2}|[a-z]|[一二三四五六七八九十])?$"
)
_REPORTER = re.compile(r"(记者|記者|reporter)", re.IGNORECASE)
_SELF_INTRO = re.compile(
    r"我是(?P<outlet>[\w\u4e00-\u9fff·&\-\. ]{2,20}?)(?:的)?(?:记者|記者|主播|编辑|編輯)"
)
# Outlet names end in one of these (社, 报, 台, 网 …); used when no lexicon knows the outlet.
_OUTLET_END = re.compile(
    r"^(?P<outlet>.{1,14}?(?:通讯社|通訊社|日报|日報|晚报|晚報|时报|時報|周刊|週刊|杂志|雜誌|"
    r"电视台|電視台|电视|電視|电台|電台|广播|廣播|新闻|新聞|财经|財經|报|報|社|台|网|網|刊))"
    r"(?P<rest>.*)$"
)
#: Words ending in 報 that name a council or a report, not a paper (行政院科技會報).
_NOT_PAPER = re.compile(r"(?:会|會|简|簡|汇|匯|通|情|公|快)(?:报|報)$")
# In what follows an outlet-like ending, these say "department" or "office holder", not a
# reporter's name (the first character is skipped: 司 and 局 are also surnames).
_UNIT_OR_ROLE = re.compile(r"司|處|处|署|局|代表|委員|委员|主任|組長|组长|科長|科长")
_LATIN_OUTLET = re.compile(
    r"^(?P<outlet>[A-Za-z][A-Za-z0-9&\.\-]{1,15})[ \t\u3000]+(?P<rest>\S.*)$"
)

# Titles as the view writes them (執行董事 is 运行董事 there), longest first: 副行长 before 行长.
TITLES = view_spellings(
    "董事长",
    "副董事长",
    "行长助理",
    "总经理助理",
    "总裁助理",
    "行长",
    "副行长",
    "总经理",
    "副总经理",
    "总裁",
    "副总裁",
    "总监",
    "首席信息官",
    "首席执行官",
    "首席经济学家",
    "首席风险官",
    "首席技术官",
    "首席财务官",
    "主任",
    "副主任",
    "部长",
    "副部长",
    "司长",
    "副司长",
    "局长",
    "副局长",
    "处长",
    "副处长",
    "主席",
    "副主席",
    "秘书长",
    "副秘书长",
    "新闻发言人",
    "发言人",
    "院长",
    "副院长",
    "署长",
    "副署长",
    "厅长",
    "副厅长",
    "市长",
    "副市长",
    "省长",
    "副省长",
    "委员",
    "政务委员",
    "总干事",
    "理事长",
    "会长",
    "副会长",
    "书记",
    "副书记",
    "经理",
    "负责人",
    "总工程师",
    "总会计师",
    "总经济师",
    "董事会秘书",
    "监事长",
    "所长",
    "组长",
    "专员",
    "发展研究中心主任",
    "研究员",
    "教授",
    "主管",
    "执行董事",
    "独立董事",
    "行政总裁",
    "执行长",
    "执行长特助",
    "特助",
    "特别助理",
    "参议员",
    "众议员",
    "议员",
)
_TITLE_ALT = "|".join(map(re.escape, TITLES))
_ORG_SPLIT = re.compile(
    r"^(?P<org>.+?(?:银行|集团|公司|保险|证券|交易所|委员会|监督管理总局|监管总局|监管局|"
    r"人民政府|办公厅|研究院|研究所|协会|学会|大学|基金会|中心|部|局|署|院|会|委|厅|府|所))"
    r"(?P<dept>.*)$"
)
_HONORIFIC = re.compile(r"(先生|女士|同志|博士|教授)$")
#: A bracketed part of a label: who the speaker is (`寿小丽（…新闻发言人）`), or a name or
#: an outlet after 问/答 (`问（新华社记者）`).
_BRACKET = re.compile(r"[（(]([^）)]+)[）)]")
_SEGMENT_SPLIT = re.compile(
    r"[;；,，、。:：\n]|以及|还有|和|及|有请|有|是|由|介绍|介紹|欢迎|歡迎|邀请到|邀請到|请到|請到|邀请|邀請|请|請|大家|"
    r"感谢|感謝|谢谢|謝謝"
)


_MEDIA_WORD = re.compile(
    r"(?:[ \t\u3000·]*(?:新闻台|新聞台|新闻网|新聞網|新闻|新聞|财经|財經|电视台|電視台|"
    r"电视|電視|电台|電台|广播|廣播|日报|日報|时报|時報|周刊|週刊|杂志|雜誌|网|網|"
    r"频道|頻道|客户端|客戶端))+"
)
_REPORTER_WORD = re.compile(
    r"^[ \t\u3000·]*的?(?:记者|記者|主播|编辑|編輯|reporter)", re.IGNORECASE
)
#: Words an outlet's full name adds to the short name newsrooms use (年代 → 年代新闻).
_MEDIA_WORDS = ("新闻", "电视", "电视台", "新闻台", "新闻网", "日报", "时报", "周刊", "杂志")
_LATIN_HAN_GAP = re.compile(r"(?<=[A-Za-z0-9])[ \t\u3000]+(?=[\u4e00-\u9fff])")


class Outlets:
    """Media outlets the lexicon knows, to recognise them in speaker labels.

    A label that is an outlet (`TVBS`, `日本放送協會`) or starts with one
    (`中央社 蘇思云`, `Yahoo 財經 楊絡懸`) belongs to a reporter; an outlet written
    with its parent agency (`新华社中国经济信息社`) is known by its last part.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._forms: dict[str, str] = {}
        for entry in (lexicon or Lexicon()).entries:
            if entry.label == "Organization" and entry.kind == "media":
                for form in entry.forms:
                    for key in variant_keys(form):  # keys ignore the Latin-Chinese space
                        self._forms.setdefault(key, entry.name)
        self._longest = max((len(k) for k in self._forms), default=0)
        self._organizations: set[str] = {
            key
            for entry in (lexicon or Lexicon()).entries
            if entry.label == "Organization"
            for form in entry.forms
            for key in variant_keys(form)
        }
        # Names the lexicon gives to other things (台灣 the place, 中華 …): never an outlet's stem.
        # A company's short name may be (蘋果 → 蘋果日報): a label is a newsroom's, not a firm's.
        self._other: set[str] = {
            variant_key(form)
            for entry in (lexicon or Lexicon()).entries
            if entry.label != "Organization"
            for form in entry.forms
        }

    def stem(self, label: str) -> str | None:
        """The known outlet a whole label names without its media word (`年代` → 年代新闻).

        Reporters are often labelled by the short name the newsroom uses (`### 年代：`,
        `### 新唐人：`), while the lexicon holds the full name (年代新闻, 新唐人电视台).

        >>> Outlets(load_lexicon(())).stem("年代")
        '年代新闻'
        """
        label = label.strip()
        if not 2 <= len(label) <= 8 or variant_key(label) in self._other:
            return None
        for word in _MEDIA_WORDS:
            name = self.known(label + word)
            if name is not None:
                return name
        return None

    def is_organization(self, text: str) -> bool:
        """Whether the lexicon knows `text` as an organisation of any kind (国务院新闻办公室)."""
        return variant_key(text) in self._organizations

    def known(self, text: str) -> str | None:
        """The lexicon name of the outlet `text` names, or None."""
        if not text.strip():
            return None
        return self._forms.get(variant_key(text))

    def split_label(self, label: str) -> tuple[str, str] | None:
        """(outlet as written, the rest) when `label` starts with a known outlet."""
        label = label.strip()
        if self.stem(label) is not None:
            return label, ""
        for end in range(min(len(label), self._longest + 4), 1, -1):
            head = label[:end]
            if self.known(head) is None:
                continue
            rest = label[end:]
            if re.match(r"[A-Za-z0-9]", rest) and re.search(r"[A-Za-z0-9]$", head):
                continue  # a longer Latin word that merely starts like an outlet
            word = _MEDIA_WORD.match(rest)
            if word:  # 中視新聞, Yahoo 財經 楊絡懸, 央视新闻频道: the outlet goes on
                head, rest = head + word.group(), rest[word.end() :]
            rest = _REPORTER_WORD.sub("", rest).strip(" \t\u3000·:：")
            rest = _REPORTER.sub("", rest).strip(" \t\u3000·")
            if rest and not _looks_like_name(rest):
                continue  # 新华社中国经济信息社记者: more outlet follows, not a name
            if rest and self.known(rest) is not None:
                rest = ""  # 中央广播电视总台央视记者: a brand of the outlet, not a reporter's name
            return _LATIN_HAN_GAP.sub("", head.strip()), rest
        return None

    def parent(self, outlet: str) -> str | None:
        """The known outlet an unknown one ends with (`新华社中国经济信息社` → 中国经济信息社)."""
        for start in range(1, len(outlet) - 1):
            name = self.known(outlet[start:])
            if name is not None:
                return name
        return None


@dataclass(frozen=True)
class Introduction:
    """What an introduction says about one person."""

    name: str
    organization: str | None
    department: str | None
    title: str | None


def organization_kind(name: str) -> str:
    """A coarse kind for an organisation found by rule (the lexicon knows better).

    >>> organization_kind("中国工商银行"), organization_kind("金融时报")
    ('bank', 'media')
    """
    simple = to_simplified(name)
    if re.search(r"(监管|银保监|证监|保监|金管|金融监督|人民银行|央行)", simple):
        return "regulator"
    if re.search(r"(银行|银行业)", simple):
        return "bank"
    if _OUTLET_END.match(simple) and re.search(r"(报|社|台|网|刊|新闻|电视|杂志|财经)$", simple):
        return "media"
    if re.search(r"(部|局|署|院|委|厅|府|政府)$", simple):
        return "government"
    if re.search(r"(公司|集团|企业)$", simple):
        return "company"
    return "other"


@lru_cache(maxsize=4096)
def _split_title(phrase: str) -> tuple[str, str | None]:
    """`中国工商银行信息科技部总经理` → (`中国工商银行信息科技部`, `总经理`).

    Read on the normalised view and cut in the phrase as written: simplifying may change a
    title's length (執行長 is 首席执行官 there). Cached: every introduction looked up in a
    host's text splits the same phrases again.
    """
    view = normalized_view(phrase)
    match = re.search(f"副?(?:{_TITLE_ALT})$", view.text)
    if not match:
        return phrase, None
    cut = view.span(match.start(), match.end())[0]
    return phrase[:cut], phrase[cut:]


def _split_org(
    phrase: str, known: Callable[[str], bool] | None = None
) -> tuple[str | None, str | None]:
    """`中国工商银行信息科技部` → (`中国工商银行`, `信息科技部`).

    The longest start the lexicon knows as an organisation wins (国务院新闻办公室|新闻局,
    not 国务院|新闻办公室新闻局), read from the leftmost place one starts (请来了|中国人民银行);
    otherwise the first word that ends like a body. A closing 的 is the possessive before a
    title (Knockri 的|執行長), not part of the name.
    """
    phrase = phrase.strip().removesuffix("的").rstrip()
    if len(phrase) < 2:
        return None, None
    if known is not None:
        # from the left: 请来了|中国人民银行 when the words before the body are no part of it
        for start in range(0, len(phrase) - 1):
            for cut in range(len(phrase), start + 1, -1):
                if known(phrase[start:cut]):
                    unit = re.sub(r"^的?副?$|^的", "", phrase[cut:].strip())  # 民进党的|委员
                    return phrase[start:cut], unit or None
    match = _ORG_SPLIT.match(to_simplified(phrase))
    if not match:
        return phrase, None
    cut = len(match.group("org"))
    org, dept = phrase[:cut], re.sub(r"^的", "", phrase[cut:].strip()) or None
    return org, dept


def parse_introduction(
    text: str, name: str, known: Callable[[str], bool] | None = None
) -> Introduction | None:
    """What `text` says about `name`: the words just before the name, split into parts.

    `known` tells organisations the lexicon holds. A department named alone after
    another office of the same person (海关总署新闻发言人、统计分析司司长吕大良) belongs to
    the body named in that office.

    >>> parse_introduction("发布人有中国工商银行副行长王敬东先生;", "王敬东")
    Introduction(name='王敬东', organization='中国工商银行', department=None, title='副行长')
    >>> parse_introduction("海关总署新闻发言人、统计分析司司长吕大良", "吕大良")
    Introduction(name='吕大良', organization='海关总署', department='统计分析司', title='司长')
    """
    if not name:  # an unlabelled turn: `find("")` would match everywhere, forever
        return None
    at = text.find(name)
    while at >= 0:
        before = text[max(0, at - 40) : at]
        segment = _SEGMENT_SPLIT.split(before)[-1].strip()
        if segment:
            rest, title = _split_title(segment)
            if title:
                org, dept = _split_org(rest, known) if rest else (None, None)
                if org and _DEPARTMENT_END.search(org) and not (known and known(org)):
                    parent = _office_before(before, segment, known)
                    if parent:
                        org, dept = parent, org + (dept or "")
                if org is None:  # 中国建设银行董事长田国立先生，行长张金良先生
                    org = _body_listed_before(text[max(0, at - 120) : at - len(segment)], known)
                return Introduction(name, org, dept, title)
            # 數位發展部唐鳳部長: the organisation before the name, the title after it
            after = re.match(
                f"(?:{_TITLE_ALT})", to_simplified(text[at + len(name) : at + len(name) + 8])
            )
            if after:
                org, dept = _split_org(segment, known)
                if (org is not None and org != segment) or _ORG_SPLIT.match(to_simplified(segment)):
                    title = text[at + len(name) : at + len(name) + after.end()]
                    return Introduction(name, org, dept, title)
        at = text.find(name, at + len(name))
    return None


@lru_cache(maxsize=8)
def _simplified(text: str) -> str:
    """The host's text, simplified once for all the officials looked up in it."""
    return to_simplified(text)


_ORG_END = re.compile(r"(?:部|局|署|院|会|委|府|银行|公司|集团|中心)$")
#: Words a department's name ends with (统计分析司, 资讯处): a unit of a body, not a body.
_DEPARTMENT_END = re.compile(r"(?:司|处|處|科|室)$")


def _body_listed_before(text: str, known: Callable[[str], bool] | None) -> str | None:
    """The body of the nearest office listed earlier in the same sentence, if any.

    Officials of one body are introduced in a row, the body named once:
    `中国建设银行董事长田国立先生，行长张金良先生` gives 张金良 the bank too. Only a
    body the lexicon knows is taken: the words before a title may be a name instead.
    """
    sentence = re.split(r"[。！？\n]", text)[-1]
    for part in reversed(_SEGMENT_SPLIT.split(sentence)):
        title = re.search(f"(?:{_TITLE_ALT})", to_simplified(part))
        if title is None:
            continue
        org, _ = _split_org(part[: title.start()], known)
        if org and known is not None and known(org):  # 资源司牛信仁司长: no body, a name
            return org
    return None


def _office_before(before: str, segment: str, known: Callable[[str], bool] | None) -> str | None:
    """The body of the office listed just before `segment` with 、 (海关总署新闻发言人、)."""
    head = before[: len(before) - len(segment)].rstrip()
    if not head.endswith("、"):
        return None
    previous = _SEGMENT_SPLIT.split(head[:-1])[-1].strip()
    rest, title = _split_title(previous)
    if not title or not rest:
        return None
    org, _ = _split_org(rest, known)
    return org


def introduced_by_surname(text: str, name: str) -> Introduction | None:
    """`数位部唐部长`: an organisation, the official's surname and a title.

    >>> introduced_by_surname("首先是數位部唐部長、第二位", "唐鳳").organization
    '數位部'
    """
    if not text or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
        return None
    simple = _simplified(text)
    same = len(simple) == len(text)
    for m in re.finditer(re.escape(to_simplified(name[0])) + f"(?:{_TITLE_ALT})", simple):
        segment = _SEGMENT_SPLIT.split(simple[max(0, m.start() - 16) : m.start()])[-1]
        segment = re.sub(r"^.*[^\u4e00-\u9fff]", "", segment)
        if not (2 <= len(segment) <= 12 and _ORG_END.search(segment)):
            continue
        start = m.start() - len(segment)
        org_text = text[start : m.start()] if same else segment
        org, dept = _split_org(org_text)
        title = text[m.start() + 1 : m.end()] if same else simple[m.start() + 1 : m.end()]
        return Introduction(name, org, dept, title)
    return None


def titled_in_heading(title: str, name: str) -> Introduction | None:
    """`數位部長唐鳳線上記者會`: a heading that puts organisation and title before the name.

    >>> titled_in_heading("2022-09-01 數位部長唐鳳線上視訊記者會", "唐鳳").organization
    '數位部'
    """
    if not title or not name or name not in title:
        return None
    simple = to_simplified(title)
    if len(simple) != len(title):
        return None
    at = title.find(name)
    m = re.search(rf"([\u4e00-\u9fff]{{1,10}}?)({_TITLE_ALT})$", simple[:at])
    if not m:
        return None
    rest, role = m.group(1), m.group(2)
    if _ORG_END.search(rest):
        org = title[m.start(1) : m.end(1)]
    elif role[0] in "部局署院会":
        org = title[m.start(1) : m.end(1)] + title[m.start(2)]  # 數位部長: 數位部 + 部長
    else:
        return None
    return Introduction(name, org, None, title[m.start(2) : m.end(2)])


def short_forms(name: str, title: str | None) -> list[str]:
    """How people address an official: surname + title (`王行长`, `吕总`).

    >>> short_forms("吕仲涛", "总经理")
    ['吕总', '吕总经理']
    """
    if not title or not name or not re.match(r"^[\u4e00-\u9fff]{2,4}$", name):
        return []
    surname = name[0]
    base = title[1:] if title.startswith("副") else title
    forms = []
    if base.startswith("总") or base.endswith(("总经理", "总裁", "总监")):
        forms.append(surname + "总")
    forms.append(surname + base)
    return list(dict.fromkeys(forms))


def outlet_from_label(label: str) -> tuple[str | None, str | None]:
    """(outlet, reporter name) a speaker label gives, or (None, None).

    >>> outlet_from_label("金融时报记者")
    ('金融时报', None)
    >>> outlet_from_label("中央社蘇思云")
    ('中央社', '蘇思云')
    >>> outlet_from_label("TVBS 李作珩")
    ('TVBS', '李作珩')
    >>> outlet_from_label("衛福部社工司代表")
    (None, None)
    """
    label = label.strip()
    reporter = _REPORTER.search(label)
    if reporter:
        outlet = label[: reporter.start()].strip(" 的·")
        name = label[reporter.end() :].strip(" ·") or None
        return (outlet or None), name
    latin = _LATIN_OUTLET.match(label)
    if latin and re.search(r"[\u4e00-\u9fff]", latin.group("rest")):
        return latin.group("outlet"), latin.group("rest").strip()
    match = _OUTLET_END.match(label)
    if match and _NOT_PAPER.search(match.group("outlet")):
        return None, None  # 科技會報, 工作簡報: a council or a briefing, not a paper
    rest = match.group("rest").strip(" \t\u3000·") if match else ""
    if match and match.group("outlet") != label and 2 <= len(rest) <= 4:
        if _UNIT_OR_ROLE.search(rest[1:]):  # 衛福部社|工司代表: a department, not 社 + a name
            return None, None
        return match.group("outlet"), rest
    if match and match.group("outlet") == label and len(label) >= 3:
        return label, None
    return None, None


def _looks_like_name(label: str) -> bool:
    return bool(
        re.fullmatch(r"[\u4e00-\u9fff]{2,4}", label)
        or re.fullmatch(r"[\u4e00-\u9fff]{1,6}[·・][\u4e00-\u9fff]{1,6}", label)
        or re.fullmatch(r"[A-Z][a-zA-Z\-']+(?: [A-Z][a-zA-Z\-'.]+){1,3}", label)
    )


def _self_introduced_outlet(turns: list[Turn]) -> str | None:
    for turn in turns[:2]:
        match = _SELF_INTRO.search(turn.text[:80])
        if match:
            return match.group("outlet").strip()
    return None


def assign_roles(t: Transcript, outlets: Outlets | None = None) -> Transcript:
    """Fill `t.speakers`, person and organisation entities, affiliations and turn roles."""
    outlets = outlets or Outlets()
    by_label: dict[str, list[Turn]] = {}
    for turn in t.turns:
        by_label.setdefault(turn.speaker, []).append(turn)
    # The host's words, the first turn and the lines before the first turn (国务院新闻办公室
    # 举行新闻发布会，请海关总署副署长王令浚介绍…) introduce the officials.
    host_text = "\n".join(
        [
            row
            for line in t.context
            for row in line.text.splitlines()
            if not row.lstrip().startswith("#")  # a heading line, not an introduction
        ]
        + [
            turn.text
            for turn in t.turns
            if to_simplified(turn.speaker).lower().strip() in HOST_LABELS or turn.seq <= 1
        ]
    )

    org_names: dict[str, str] = {}

    def org(name: str) -> str:
        key = entity_key("Organization", name)
        org_names.setdefault(key, name)
        return key

    classified = {
        label: _classify(
            t, label, to_simplified(label).lower().strip(), turns, host_text, org, outlets
        )
        for label, turns in by_label.items()
    }
    for label in _hosts_in_preamble(t, by_label):
        classified[label].role = "host"  # 主持人：国务院新闻办公室新闻局副局长 寿小丽
    if not any(s.role == "reporter" and not s.anonymous for s in classified.values()):
        unnamed = sum(
            len(by_label[label]) for label, s in classified.items() if s.role == "reporter"
        )
        found = [
            label for label in _interviewers(t, by_label) if classified[label].role == "official"
        ]
        if sum(len(by_label[label]) for label in found) > unnamed:  # a few turns labelled 問:
            for label in found:  # the named interviewers ask the rest
                classified[label].role = "reporter"
    if any(speaker.role == "reporter" for speaker in classified.values()):
        for label in _moderators(t, by_label):  # the floor asks too: not a conversation
            if classified[label].role == "official":
                classified[label].role = "reporter"
    written: dict[str, str] = {}  # an outlet's short name as the title writes it (數位時代)
    visited: set[str] = set()  # bodies a visit's title names: of their own kind, not media
    titled = _title_outlet(t.title or "", outlets)
    visit = None if titled else _visitors_body(t.title or "", outlets)
    if titled or visit:  # 今周刊採訪, 臺灣金融科技股份有限公司黃建霖來訪: who asks comes from there
        outlet, as_written = titled or visit or ("", "")
        for speaker in classified.values():
            if speaker.role == "reporter" and not speaker.organization:
                speaker.organization = org(outlet)
                written[speaker.organization] = as_written
                if visit:
                    visited.add(speaker.organization)
    for label, turns in by_label.items():
        speaker = classified[label]
        t.speakers[label] = speaker
        t.add_entity(
            Entity(
                speaker.person,
                "Person",
                speaker.name,
                aliases=_person_aliases(speaker),
                role=speaker.role,
                anonymous=speaker.anonymous,
            )
        )
        if speaker.organization:
            org_name = org_names[speaker.organization]
            asks_for_outlet = speaker.role == "reporter" and speaker.title != ANALYST_TITLE
            if speaker.organization in written and not outlets.known(org_name):
                own_kind = organization_kind(org_name)  # 軟銀集團第一次採訪: a company asks
                asks_for_outlet = (
                    own_kind == "media"
                    if speaker.organization in visited
                    else own_kind in ("media", "other")
                )
            kind = "media" if asks_for_outlet else None
            parent = (
                outlets.parent(org_name) or outlets.stem(org_name)
                if kind and not outlets.known(org_name)
                else None
            )
            short = written.get(speaker.organization)
            t.add_entity(
                Entity(
                    speaker.organization,
                    "Organization",
                    org_name,
                    aliases=[alias for alias in (parent, short) if alias and alias != org_name],
                    kind=kind or organization_kind(org_name),
                )
            )
            t.affiliations.append(
                Affiliation(speaker.person, speaker.organization, speaker.title, speaker.department)
            )
        for turn in turns:
            turn.role = speaker.role
            turn.person = speaker.person
    return t


#: The host named in the preamble: `主持人：寿小丽`, or on the next line with who they are.
_PREAMBLE_HOST = re.compile(r"(?:主持人|主持)[ \t]*[:：][ \t\u3000]*\n?(?P<line>[^\n]{2,60})")


def _hosts_in_preamble(t: Transcript, by_label: dict[str, list[Turn]]) -> set[str]:
    """Labels of speakers the preamble names as the host (a roster line ending in the name)."""
    lines = [
        m["line"].strip()
        for line in t.context
        for m in _PREAMBLE_HOST.finditer(to_simplified(line.text))
    ]
    return {
        label
        for label in by_label
        if _looks_like_name(label.strip())
        and any(line.endswith(to_simplified(label.strip())) for line in lines)
    }


#: Where a panel names its moderators: 共同主持人 Solenne, 主持這場座談的 Solenne, moderator Jane.
_MODERATOR_NAMED = re.compile(
    r"(?:主持人|主持[^，。！？\n]{0,8}?的|\bmoderator|\bco-host|\bhost)"
    r"[ \t：:，,、是]*(?P<name>[^，。！？\n]{2,30})",
    re.IGNORECASE,
)
#: A moderator speaking of their partner (交給我的共同主持人, my co-moderator): both moderate.
_MY_CO_HOST = re.compile(r"我的共同主持人|我們兩位主持人|my co-(?:host|moderator)", re.IGNORECASE)
#: How many turns from the start a panel introduces its moderators in.
_MODERATOR_INTRO_TURNS = 8


def _moderators(t: Transcript, by_label: dict[str, list[Turn]]) -> set[str]:
    """Named speakers a panel's opening names as its moderators, who put the questions.

    A panel (座談, forum) labels its moderators by name and says who they are in its
    first turns (交給我的共同主持人 Solenne); they ask the panel as interviewers do, and each
    panellist who speaks before the next moderator's turn answers. Only speakers who ask in
    a quarter of their turns count: a chair who only opens and closes puts no questions.
    """
    opening = t.turns[:_MODERATOR_INTRO_TURNS]
    named: set[str] = set()
    for turn in opening:
        text = to_simplified(turn.text)
        if _MY_CO_HOST.search(text):
            named.add(turn.speaker)
        for m in _MODERATOR_NAMED.finditer(text):
            for label in by_label:
                first = label.strip().split()[0]
                if len(first) >= 2 and m["name"].startswith(to_simplified(first)):
                    named.add(label)
    if len(named) >= len(by_label) - 1:
        return set()  # everyone moderates: nobody is left to answer
    return {
        label
        for label in named
        if _looks_like_name(label.strip()) and _share_asking(by_label[label]) >= _ASKING_SHARE
    }


def _share_asking(turns: list[Turn]) -> float:
    """The share of `turns` that ask something (a question mark, a question word)."""
    from loaders.extract.questions import ASKING  # questions imports this module's titles

    return sum(1 for turn in turns if ASKING.search(turn.text)) / len(turns)


#: A title that says the transcript is an interview (中央社、自由時報採訪, 蘋果日報訪問).
#: 記者 is left out: a 記者會前會議 is a meeting, and press conferences label their reporters.
_INTERVIEW_TITLE = re.compile(
    r"采访|採訪|专访|專訪|访谈|訪談|联访|聯訪|茶叙|茶敘|interview|"
    r"(?<![来來出回参參互到])(?:访问|訪問)(?![团團])",  # 蘋果日報訪問; not 來訪問, 訪問團
    re.IGNORECASE,
)
#: A title that says visitors came to meet the speaker (黃建霖來訪, 訪問團來訪, 拜會): they ask,
#: as interviewers do.
_VISIT_TITLE = re.compile(r"来访|來訪|拜访|拜訪|拜会|拜會|参访|參訪|访问团|訪問團")
#: Share of an interviewer's turns that ask: the interviewee asks back far less often.
_ASKING_SHARE = 0.25
#: A speaker whose turns are on average as long as the interviewee's, and who asks hardly
#: more often than the interviewee does (by this share of turns), is a second guest.
_GUEST_MARGIN = 0.1


#: An outlet the lexicon does not know, named in a title after the kind it is, right before
#: the interview word (日本雜誌 PHPspecial 採訪, 週刊「東洋經濟」專訪).
_KIND_THEN_OUTLET = re.compile(
    r"(?:雜誌|杂志|週刊|周刊|月刊|日報|日报|新聞|新闻|電視台|电视台|電台|电台|媒體|媒体|Podcast)"
    r"[ \t\u3000]*[「“『]?(?P<name>[A-Za-z][A-Za-z0-9 .&\-]{1,30}|[^」”』\s]{2,12}(?=[」”』]))"
    r"[」”』]?[ \t\u3000-]*$",
    re.IGNORECASE,
)


#: A title that is only an outlet's name ending in a word for its medium (旭時報採訪).
_MEDIA_NAMED = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,8}(?:時報|时报|日報|日报|晚報|晚报|週刊|周刊|雜誌|杂志|"
    r"新聞網|新闻网|電視台|电视台|電台|电台|通訊社|通讯社))"
)


#: A title naming whoever interviews by a body's name the lexicon does not know, before the
#: interview word and any ordinal (軟銀集團第一次採訪, 新潮社採訪, VERSE 採訪, TechSequences
#: 訪談): a Chinese name ending in a body's word, or one Latin word written like a name
#: (capitals inside it, a digit or a dot), which a person's "First Last" and "Live" are not.
_BODY_NAMED = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,10}(?:集團|集团|出版社|社|公司|基金會|基金会|協會|协会)"
    r"|(?=[A-Za-z0-9.]*[A-Z0-9.][A-Za-z0-9.]*[A-Z0-9.])[A-Za-z][A-Za-z0-9.]{1,20})"
)
_ORDINAL_END = re.compile(r"第[一二三四五六七八九十\d]+次$")


def _title_outlet(title: str, outlets: Outlets) -> tuple[str, str] | None:
    """The one outlet an interview's title names (今周刊採訪, 遠見專訪, 中央社駐德記者採訪),
    with the name as the title writes it.

    Known outlets are read left to right, longest first; the words right before the
    interview word may be an outlet's short name (遠見 → 遠見雜誌). Titles naming no outlet
    or several (中央社、自由時報、台灣新聞社採訪) give None: who works where is not said.
    """
    found = _INTERVIEW_TITLE.search(title)
    if found is None:
        return None
    head = re.sub(r"^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?", "", title[: found.start()]).strip(" -_")
    names: dict[str, str] = {}
    start = 0
    while start < len(head) - 1:
        for end in range(min(len(head), start + 16), start + 1, -1):
            name = outlets.known(head[start:end])
            if name is not None:
                names.setdefault(name, head[start:end])
                start = end
                break
        else:
            start += 1
    if not names:
        stem = outlets.stem(head)
        bare = re.sub(r"《[^》]*》", "", head).strip()  # 瑞典電視台《論壇》: the programme's outlet
        named = (
            _KIND_THEN_OUTLET.search(head)
            or _MEDIA_NAMED.fullmatch(bare)
            or _BODY_NAMED.fullmatch(_ORDINAL_END.sub("", bare).strip())
        )
        if stem:
            names = {stem: head}
        elif named:
            names = {named["name"].strip(): named["name"].strip()}
    return next(iter(names.items())) if len(names) == 1 else None


#: What a visit title writes after the visitors' body (訪問團, 一行, 第二次): who came and
#: which visit, not the body.
_DELEGATION = re.compile(
    r"(?:访问团|訪問團|参访团|參訪團|代表团|代表團|一行|团队|團隊)?\s*"
    r"(?:第[一二三四五六七八九十\d]+次)?\s*$"
)
_TITLE_DATE = re.compile(r"^\s*\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?\s*")
_HEAD_QUOTES = "「」『』“”\"' -_"


def visit_head(title: str) -> tuple[int, int] | None:
    """Where a visit's title names the visitors (`2022-07-11 HITCON 團隊第二次來訪` → HITCON):
    before the visit word, without the date, the delegation word or the visit's number."""
    found = _VISIT_TITLE.search(title)
    if found is None:
        return None
    dated = _TITLE_DATE.match(title)
    start = dated.end() if dated else 0
    head = title[start : found.start()]
    delegation = _DELEGATION.search(head)  # always matches: every part is optional
    end = start + (delegation.start() if delegation else len(head))
    while start < end and title[start] in _HEAD_QUOTES:
        start += 1
    while end > start and title[end - 1] in _HEAD_QUOTES:
        end -= 1
    return (start, end) if start < end else None


#: Words that end the name of a body visiting (審計部, 國傳司, 社企流 is not one).
_VISITING_BODY = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{1,14}(?:集團|集团|出版社|公司|基金會|基金会|協會|协会|學會|学会|"
    r"大學|大学|學院|学院|中心|研究院|委員會|委员会|辦公室|办公室|處|处|局|司|署|部)"
)


def _visitors_body(title: str, outlets: Outlets) -> tuple[str, str] | None:
    """(body, as written) a visit's title says the visitors come from: a known
    organisation or a name ending in a body's word, before the visitors' names, if any
    (臺灣金融科技股份有限公司黃建霖來訪, 「臺灣旅美政治學人協會」訪問團來訪, 審計部來訪)."""
    span = visit_head(title)
    if span is None:
        return None
    head = re.sub(r"[「」『』“”\"]", "", title[span[0] : span[1]])
    for end in range(len(head), 1, -1):
        body, rest = head[:end].strip(" -_"), head[end:].strip(" -_、")
        people = [p for p in re.split(r"[、,，及和與与]", rest) if p.strip()]
        if not all(
            (_looks_like_name(p.strip()) or _long_name(p.strip()))
            and not _VISITING_BODY.fullmatch(p.strip())
            for p in people
        ):
            continue  # 戶政司|及資管處: another body, not the visitors' names
        if outlets.is_organization(body) or outlets.known(body):
            return body, body
        if re.search(r"[及和與与、]", body):
            continue  # 戶政司及資管處: two bodies, neither the one the visitors come from
        if _VISITING_BODY.fullmatch(body) and not is_common_word(to_simplified(body)):
            return body, body
    return None


#: A visit word the one visited follows (團隊 Jacky Wang 拜會唐鳳部長); 來訪 names no host.
_CALL_ON = re.compile(r"拜访|拜訪|拜会|拜會")


def _named_after_interview(title: str, by_label: dict[str, list[Turn]]) -> str | None:
    """The speaker a title names right after its interview word (專訪唐鳳部長) or after
    the word for calling on someone (拜會唐鳳部長): interviewed, or visited."""
    found = _INTERVIEW_TITLE.search(title) or _CALL_ON.search(title)
    if found is None:
        return None
    after = to_simplified(title[found.end() : found.end() + 12])
    named = [label for label in by_label if after.startswith(to_simplified(label.strip()))]
    return named[0] if len(named) == 1 and _looks_like_name(named[0].strip()) else None


#: A visit word the visitors' names come before (邱娉勻來訪): they came to ask.
_CAME_TO_VISIT = re.compile(r"来访|來訪")


def _named_before_coming(title: str, by_label: dict[str, list[Turn]]) -> set[str]:
    """The speakers a visit title names before 來訪 (陳金生、蔡貴美來訪): the visitors, who
    are not the one visited however much they say."""
    found = _CAME_TO_VISIT.search(title)
    if found is None:
        return set()
    head = to_simplified(title[: found.start()])
    return {
        label
        for label in by_label
        if _looks_like_name(label.strip()) and to_simplified(label.strip()) in head
    }


#: What a five-character label holds when it names a role, an office or a body rather
#: than a person (國研院代表, 勞動部同仁, 蔡政務委員, 唐召集人鳳, 資拓李協理, 數位產業署).
_ROLE_WORD = re.compile(
    rf"代表|同仁|人员|报告|记者|老师|同学|学生|教授|助理|召集人|委员|协理|经理|{_TITLE_ALT}"
)


def _long_name(label: str) -> bool:
    """A five-character personal name, as Japanese names often are (近藤彌生子, 田部井大介)."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{5}", label):
        return False
    simple = to_simplified(label)
    return not (_ROLE_WORD.search(simple) or _BODY_LABEL.fullmatch(simple) or "第" in simple)


def _ends_in_name(label: str) -> bool:
    """A label of a body or show, then a full name (綠媒體林美慧, 天下雜誌王小明)."""
    if not (5 <= len(label) <= 9) or not re.fullmatch(r"[\u4e00-\u9fff]+", label):
        return False
    word, tag = pos_tags(label)[-1]
    return tag == "nr" and len(word) == 3


#: Turns that make a speaker a party to a conversation rather than someone passing by.
_PARTY_TURNS = 3


def _parties(by_label: dict[str, list[Turn]]) -> int:
    """How many speakers take part (three turns or more): a visit by a team has three or
    more, and its visitors answer the host's questions as often as they ask theirs. A bare
    問 is the visitor again or someone unnamed asking, no party of its own."""
    return sum(
        len(turns) >= _PARTY_TURNS and to_simplified(label.strip()).lower() not in QUESTION_LABELS
        for label, turns in by_label.items()
    )


def _interviewers(t: Transcript, by_label: dict[str, list[Turn]]) -> set[str]:
    """Named speakers who interview (asked only when no label names a reporter).

    Interviews label reporters by their names (楊明珠：), not by outlet. The one the title
    names after its interview word or 拜會 (專訪唐鳳部長, 拜會唐鳳部長), else the one who
    speaks most but for the visitors it names before 來訪, is the interviewee; every other
    speaker asking in at least a quarter of their turns (the only other speaker, if they ask
    at all) is an interviewer, unless their turns are as long as the interviewee's and they
    ask hardly more often (a second guest: 微軟的 Cathy beside 唐鳳). Visitors the title
    names ask whenever they ask at all. Labels the roles stage reads otherwise (问, outlets)
    are left alone.
    """
    title = t.title or ""
    if not (_INTERVIEW_TITLE.search(title) or _VISIT_TITLE.search(title)) or len(by_label) < 2:
        return set()
    if not _INTERVIEW_TITLE.search(title) and _parties(by_label) > 2:
        return set()  # a team's visit: visitors and hosts ask each other, a conversation
    said = {label: sum(len(turn.text) for turn in turns) for label, turns in by_label.items()}

    called_on = _named_after_interview(title, by_label)
    visitors = _named_before_coming(title, by_label)
    hosts = [label for label in said if label not in visitors] or list(said)
    interviewee = called_on or max(hosts, key=lambda label: said[label])
    typical = said[interviewee] / len(by_label[interviewee])
    answering = _share_asking(by_label[interviewee])
    found = set()
    for label, turns in by_label.items():
        name = label.strip()
        relays = to_simplified(name).lower() in INTERPRETER_LABELS
        if label == interviewee or not (
            _looks_like_name(name) or _ends_in_name(name) or _long_name(name) or relays
        ):
            continue
        asking = _share_asking(turns)
        if label in visitors and asking > 0:
            found.add(label)  # the title says they came to visit: they ask, however long
            continue
        if said[label] / len(turns) >= typical and asking <= answering + _GUEST_MARGIN:
            continue  # speaks and asks back like the interviewee: a second guest
        if asking >= _ASKING_SHARE or (len(by_label) == 2 and asking > 0):
            found.add(label)  # of two speakers, the one who is no second guest interviews
    return found


def _person_aliases(speaker: Speaker) -> list[str]:
    if speaker.anonymous:
        return []
    aliases = short_forms(speaker.name, speaker.title)
    if speaker.label != speaker.name:
        aliases.append(speaker.label)
    return aliases


#: A label that is a name and a note on it in brackets (張培鏞（司儀）, 周月清（代發言）).
_NAME_THEN_NOTE = re.compile(r"(?P<name>[^（(]+)[（(](?P<note>[^）)]+)[）)]")
#: Notes on how someone speaks, not who they are (simplified).
_SPEAKING_NOTES = {
    *("代发言", "代读", "代念", "代为发言", "书面", "书面意见", "补充", "视讯", "线上", "连线"),
    *("远端", "远端连线", "录影", "口译"),
}


def _classify(
    t: Transcript,
    label: str,
    folded: str,
    turns: list[Turn],
    host_text: str,
    _org: Callable[[str], str],
    outlets: Outlets,
) -> Speaker:
    if folded in HOST_LABELS:
        return Speaker(label, person_key(label, t.key), label, "host", anonymous=True)
    if folded in INTERPRETER_LABELS:
        return Speaker(label, person_key(label, t.key), label, "official", anonymous=True)
    role_word, _, host_name = re.sub(r"[ \t\u3000]+", " ", label.strip()).partition(" ")
    if to_simplified(role_word).lower() in HOST_LABELS and _looks_like_name(host_name):
        # 主持人 袭艳春: the host, named
        return Speaker(label, person_key(host_name), host_name, "host")
    noted = _NAME_THEN_NOTE.fullmatch(label.strip())
    if noted and _looks_like_name(noted["name"].strip()):
        name, note = noted["name"].strip(), to_simplified(noted["note"]).lower().strip()
        if note in HOST_LABELS:  # 張培鏞（司儀）: the host, named
            return Speaker(label, person_key(name), name, "host")
        if note in _SPEAKING_NOTES:  # 周月清（代發言）: the person, however they speak
            speaker = _classify(
                t, name, to_simplified(name).lower(), turns, host_text, _org, outlets
            )
            return replace(speaker, label=label)
    titled = _title_and_name(label)
    if titled is not None:  # 董事长 田启航, 中国银行副行长 林振邦: the office, then who holds it
        office, holder = titled
        speaker = _classify(
            t, holder, to_simplified(holder).lower(), turns, host_text, _org, outlets
        )
        body, title = _split_title(office)
        if speaker.organization is None and body:
            org_name, department = _split_org(body, outlets.is_organization)
            if org_name:
                speaker = replace(speaker, organization=_org(org_name), department=department)
        return replace(speaker, label=label, title=speaker.title or title or office)
    analyst = _ANALYST_LABEL.fullmatch(label.strip())
    if analyst and not _in_government(analyst["firm"]):
        # 中金公司分析师: an analyst asks for their firm, as a reporter for an outlet
        firm, given = analyst["firm"].strip(" 的·"), analyst["name"].strip(" ·")
        named = given if given and _looks_like_name(given) else None
        return _labelled(t, label, named, "reporter", _org(firm) if firm else None, ANALYST_TITLE)
    if (
        folded in QUESTION_LABELS
        or folded.startswith(("问", "提问", "q(", "q（"))
        or ASKER_LABEL.match(_unbracketed(folded))
    ):
        name = _bracketed(label)
        inner = _BRACKET.search(label)
        outlet = outlet_from_label(inner.group(1))[0] if inner and not name else None
        outlet = outlet or _self_introduced_outlet(turns)
        org = _org(outlet) if outlet else None
        return _labelled(t, label, name, "reporter", org, "记者" if outlet else None)
    if folded in ANSWER_LABELS or folded.startswith(("答", "a(", "a（")):
        name = _bracketed(label)
        if name is None and folded in ANSWER_LABELS:
            answerer = _sole_answerer(t, outlets.is_organization)
            opening = "\n".join([t.title, *(c.text for c in t.context)])
            unnamed = _UNNAMED_ANSWERER.search(opening) if answerer is None else None
            if unnamed:  # 中国人民银行有关负责人就《…》答记者问
                body = unnamed["body"].strip()
                return Speaker(
                    label,
                    person_key(label, t.key),
                    body + unnamed["role"],
                    "official",
                    anonymous=True,
                    organization=_org(body) if body else None,
                    title=unnamed["role"],
                )
            if answerer is not None:
                return Speaker(
                    label,
                    person_key(answerer.name),
                    answerer.name,
                    "official",
                    organization=_org(answerer.organization) if answerer.organization else None,
                    title=answerer.title,
                    department=answerer.department,
                )
        return _labelled(t, label, name, "official")
    known = outlets.split_label(label)
    if known is not None:
        outlet, reporter_name = known[0], (known[1] or None)
    else:
        outlet, reporter_name = outlet_from_label(label)
    if outlet is None and not _looks_like_name(label):
        intro = _self_introduced_outlet(turns)
        if intro:
            outlet = intro
    if outlet is not None or _REPORTER.search(label):
        named = reporter_name if reporter_name and _looks_like_name(reporter_name) else None
        return _labelled(t, label, named, "reporter", _org(outlet) if outlet else None, "记者")
    is_org = outlets.is_organization
    introduced = _introduced_in_label(t, turns, label, is_org)
    if introduced is None and host_text:
        introduced = parse_introduction(host_text, label, is_org)
    if introduced is None:
        first = "\n".join(turn.text for turn in t.turns[:3])
        introduced = parse_introduction(first, label, is_org)
    if introduced is None:
        introduced = introduced_by_surname(host_text, label) or titled_in_heading(t.title, label)
    simple = to_simplified(label).strip()
    if introduced is None and (_OFFICE_LABEL.fullmatch(simple) or simple in _UNNAMED_LABELS):
        # ### 主秘：, ### 科長：: an official the transcript names by office only
        title = label if simple not in _UNNAMED_LABELS else None
        return _unnamed_official(t, label, title=title)
    by_office = _SURNAME_OFFICE_LABEL.fullmatch(simple) if introduced is None else None
    if by_office and (not by_office["body"] or is_org(by_office["body"])):
        # ### 國發會簡處長：: a body's official known by surname and office
        body = label[: len(by_office["body"])]
        return _unnamed_official(
            t, label, organization=_org(body) if body else None, title=by_office["office"]
        )
    if introduced is None and (is_org(label) or _names_a_body(simple, is_org)):
        # ### 資訊處：: a body speaks through someone the transcript does not name
        return _unnamed_official(t, label, organization=_org(label))
    return Speaker(
        label,
        person_key(label),
        label,
        "official",
        organization=_org(introduced.organization)
        if introduced and introduced.organization
        else None,
        title=introduced.title if introduced else None,
        department=introduced.department if introduced else None,
    )


def _unnamed_official(
    t: Transcript, label: str, organization: str | None = None, title: str | None = None
) -> Speaker:
    """An official the transcript does not name in full: known by the label, in it alone."""
    return Speaker(
        label,
        person_key(label, t.key),
        label,
        "official",
        anonymous=True,
        organization=organization,
        title=title,
    )


#: Who asks for a securities firm or a bank's research team at a results briefing.
ANALYST_TITLE = "分析师"
#: How a government body's name ends (国发会, 财政部, 主计处; not 公司): its analysts are
#: officials.
_GOVERNMENT_END = re.compile(r"(?:部|局|署|院|委|会|厅|府|处|(?<!公)司)$")


def _in_government(firm: str) -> bool:
    """Whether an analyst's label names a government body, with or without their surname
    after it (国发会庄分析师 is an official of the council, not a reporter for a firm)."""
    body = to_simplified(firm.strip())
    if len(body) >= 3 and body[-1] in SURNAMES and _GOVERNMENT_END.search(body[:-1]):
        return True
    return _GOVERNMENT_END.search(body) is not None


_ANALYST_LABEL = re.compile(
    r"(?P<firm>[^\s:：]{2,20}?)[ \t\u3000]*(?:分析师|分析師|[Aa]nalyst)[ \t\u3000]*(?P<name>.{0,8})"
)


def _labelled(
    t: Transcript,
    label: str,
    name: str | None,
    role: str,
    organization: str | None = None,
    title: str | None = None,
) -> Speaker:
    """A speaker a label names, or only labels (问, 答, 金融时报记者): a shared person when
    named, else one scoped to the transcript."""
    return Speaker(
        label,
        person_key(name) if name else person_key(label, t.key),
        name or label,
        role,
        anonymous=name is None,
        organization=organization,
        title=title,
    )


def _title_and_name(label: str) -> tuple[str, str] | None:
    """(office, name) for a label of an office and a name apart (董事长 田启航, 田启航 董事长,
    中国银行副行长 林振邦), or written together when a surname opens the name after the
    title (幣寶台灣執行長特助林本宜)."""
    parts = label.split()
    if len(parts) == 1:
        view = normalized_view(label)
        together = _TITLE_THEN_NAME.search(view.text)
        if together is None or is_common_word(together.group("name")):
            return None  # 鍾興華副主任委員: the title goes on, no name follows it
        title_at = view.span(together.start(), together.end())[0]
        name_at = view.span(together.start("name"), together.end("name"))[0]
        office, name = label[:name_at], label[name_at:]
        before = view.text[together.start() - 1 : together.start()]
        if len(name) == 2 and before in SURNAMES and before != "门":
            # 杜委員文苓, 社發處張處長富林: the surname before the title, the given name after
            return label[: title_at - 1] + label[title_at:name_at], label[title_at - 1] + name
        return (office, name) if view.text[together.start("name")] in SURNAMES else None
    if len(parts) != 2:
        return None
    for office, name in (parts, parts[::-1]):
        # McCallum 參議員: a surname; NCC 委員: a body's member, unnamed
        named = _looks_like_name(name) or (surname_like(name) and not name.isupper())
        if named and (_OFFICE_LABEL.fullmatch(to_simplified(office)) or _split_title(office)[1]):
            return office, name
    return None


#: An office, then a name of two or three characters, as one label (执行长特助林本宜).
_TITLE_THEN_NAME = re.compile(rf"副?(?:{_TITLE_ALT})(?P<name>[\u4e00-\u9fff]{{2,3}})$")
#: A title of office that labels a speaker alone: the known titles and short ones (主秘 is
#: 主任秘书).
_OFFICE_WORDS = rf"副?(?:{_TITLE_ALT}|主秘|执秘|专委|科长|组长|次长|参事|技正)"
_OFFICE_LABEL = re.compile(_OFFICE_WORDS)
#: An official labelled by body, surname and office (国发会简处长, 蔡政务委员): someone the
#: minutes do not name in full, known only in this transcript.
_SURNAME_OFFICE_LABEL = re.compile(
    rf"(?P<body>.{{0,14}}?)[{SURNAMES}](?P<office>{_OFFICE_WORDS}|{ANALYST_TITLE})"
)
#: Labels that say the speaker goes unnamed.
_UNNAMED_LABELS = {"佚名", "无名氏"}
#: A speaker label that names a body, not a person (資訊處, 數位產業署, 台北市租賃商業同業公會).
_BODY_LABEL = re.compile(
    r"^[\u4e00-\u9fff]{1,14}(处|局|司|署|部|会|委员会|中心|研究院|办公室|公会|协会|基金会|学会)$"
)


#: The staff offices every ministry and agency has (their organisation acts): 主計處 and
#: 秘書處 as speaker labels are offices, though 主计 and 秘书 are not words of their own.
_STAFF_UNITS = {"秘书", "主计", "人事", "政风", "法制", "会计", "总务", "统计", "研考", "公关"}


def _names_a_body(label: str, is_org: Callable[[str], bool]) -> bool:
    """Whether a (simplified) speaker label names a body: 資訊處, 民主網絡司, 同業公會.

    A one-character body word needs an ordinary word (资讯|处, 消防|署, 法规|会) or a known body
    (农委会|林务局) before it: 大泷淳司 is a person whose given name ends in 司.
    """
    m = _BODY_LABEL.match(label)
    if m is None:
        return False
    if len(m.group(1)) > 1 or is_common_word(label[-3:-1]) or label[-3:-1] in _STAFF_UNITS:
        return True
    return any(is_org(label[:end]) for end in range(2, len(label) - 1))


#: The one official a Q&A piece says answers (…研究所所长穆长春就相关问题回答了记者提问;
#: 外交部发言人华春莹6日主持例行记者会: a spokesperson holds their own briefing).
_ANSWERS_AS = re.compile(
    rf"(?:{_TITLE_ALT})([\u4e00-\u9fff]{{2,3}}?)(?:先生|女士)?(?:\d{{1,2}}日|今天|今日)?"
    r"(?:就|接受|回答|答|表示|介绍|在|主持)"
)


#: An official the opening names by office alone as answering (人民银行有关负责人就…答记者问).
_UNNAMED_ANSWERER = re.compile(
    r"(?P<body>[\u4e00-\u9fff]{2,20}?)(?P<role>有关负责人|有關負責人|负责人|負責人|新闻发言人|新聞發言人)"
    r"(?:就|答|接受|回答)"
)


def _sole_answerer(t: Transcript, known: Callable[[str], bool]) -> Introduction | None:
    """The official the title and opening lines name as answering, when they name one only.

    `问：/答：` pieces (人民银行有关负责人答记者问) often name the official once, before the
    questions; with one such name, every bare `答` is that person.
    """
    opening = "\n".join([t.title, *(line.text for line in t.context)])
    simple = to_simplified(opening)
    names = {m.group(1) for m in _ANSWERS_AS.finditer(simple)}
    if len(names) != 1:
        return None
    name = names.pop()
    at = simple.find(name)
    written = opening[at : at + len(name)] if len(simple) == len(opening) else name
    return parse_introduction(opening, written, known)


def _introduced_in_label(
    t: Transcript, turns: list[Turn], label: str, known: Callable[[str], bool]
) -> Introduction | None:
    """Who a label's bracket says the speaker is (`寿小丽（国务院新闻办公室新闻局副局长）`).

    Each of the listed offices is read as an introduction of the name; the first that
    names an organisation wins, else the first with a title.
    """
    for turn in turns:
        if turn.label_end < 0 or turn.start < turn.label_end:
            continue
        about = _BRACKET.match(t.text[turn.label_end : turn.start].lstrip(" \t"))
        if about is None:
            continue
        found = [
            intro
            for part in re.split(r"[、，,；;]", about.group(1))
            if part.strip() and (intro := parse_introduction(part.strip() + label, label, known))
        ]
        if found:
            return next((intro for intro in found if intro.organization), found[0])
    return None


def _unbracketed(label: str) -> str:
    """The label without a bracketed part: `观众（natalie）` → `观众`."""
    return re.sub(r"[（(][^）)]*[）)]", "", label).strip()


def _bracketed(label: str) -> str | None:
    match = _BRACKET.search(label)
    if not match:
        return None
    inner = match.group(1).strip()
    return inner if _looks_like_name(inner) else None


@lru_cache(maxsize=8)
def _outlets(lexicons: tuple[Path, ...]) -> Outlets:
    return Outlets(load_lexicon(lexicons))


@register("roles")
def make_stage(options: ExtractOptions) -> Stage:
    outlets = _outlets(options.lexicons)
    return lambda t: assign_roles(t, outlets)
