"""Rules that find organisations no lexicon holds, each named, with a confidence.

A body is often named by its kind after the nouns that make it one body (澎湖区渔会,
第八海巡队, 墨西哥政府), or in Latin capitals beside something that shows it is a body
(资安主管联盟 CISO, SEMI 表示). Like the product rules they run on the normalised view and
yield view spans; `product_rules.RULES` runs them with the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders.extract.rule_text import (
    ANY_HAN,
    CLAUSE_VERBS,
    HAN,
    NOUNISH,
    STOP_CHARS,
    Candidate,
    is_common_word,
    noun_tail,
    pos_tags,
)
from loaders.normalize import NormalizedText

__all__ = ["diplomatic_mission", "organization_acronym", "organization_name"]


# --- rule: an organisation named by its kind (臺灣事實查核中心, 士林地方法院, 屏東大學):
#     a strong organisation word closes a run of nouns that starts at a word boundary
_ORG_WORD = re.compile(
    r"(?:地方法院|高等法院|法院|地院|大学|国小|国中|小学|中学|高中|出版社|协会|基金会|委员会|理事会|研究院|研究中心|中心|总署|"
    r"办公室|办事处|事务所|医学会|(?<![生们人孩我你他她子者能要])学会(?![了怎到])|工会|商会|公会|(?<![们人我你他她也])总会(?![有是在要])|联盟|渔会|农会|医院|管理处|海巡队|总队|大队|警察局|消防局|政府|局|"
    r"海运|航运|人寿|股份有限公司|有限责任公司|有限公司|交易所(?!得)|分行)"
    r"(?!长)"  # 大队长, 总队长: a title, not the body; 交易所得 is income from trading
)
#: Short school words jieba does not know (国小 for 国民小学, 国中 for 国民中学).
_SCHOOL_SHORT = {"国小", "国中"}
#: School words that also end ordinary phrases (推动国小, 普通高中): a proper name must
#: come right before them (瑞芳高中, 直潭国小).
_SCHOOL_WORDS = {"国小", "国中", "小学", "中学", "高中"}
#: Organisation words that also end ordinary phrases (体会政府, 谢谢大队): only a place, an
#: organisation or a unit number may come before them.
_WEAK_ORG_WORDS = {"政府", "大队", "总队", "海巡队"}
#: Organisation words that name a body only after a place (东京水道局, 台南市环保局; not
#: 布局, 当局 or a bureau of no place).
_PLACE_LED = {"局"}


def _place_or_body(word: str) -> bool:
    """A word tagged as a place or an organisation (墨西哥, 台南市, 保七), not 东西 (a thing)."""
    tags = pos_tags(word)
    return len(tags) == 1 and tags[0][1] in ("ns", "nt", "j") and word != "东西"


#: A numbered unit inside a name: 第八|海巡队, 保安警察第七|总队.
_UNIT_NUMBER = re.compile(r"第[一二三四五六七八九十百\d]+")


_ORG_LEAD_STOP = set("有由指总以跟和与在对向从把被给让将为是")
#: Words for what a body is to the speaker, before its name (协办单位|全国中小企业总会).
_UNIT_WORDS = {"单位", "团队", "团体", "机构", "组织"}
#: The end of a body's name before 及 (中小企业处及…): what follows is another body.
_BODY_END = re.compile(r"(?:[处局部署院厅司]|中心|委员会|协会|公会|基金会)$")
_ORG_INNER_STOP = set("为是跟和与在的了把被")


def _is_proper(word: str) -> bool:
    """A word that names one thing (勵馨, 科政, 台东) rather than a kind (咨询, 发展, 产业)."""
    tags = pos_tags(word)
    return len(tags) == 1 and tags[0][1] in ("nr", "ns", "nt", "nz", "j", "nrt", "eng", "x")


#: Words before a body's kind that make it many bodies of a kind (很多高科技联盟).
_QUANTIFIERS = (
    "很多",
    "许多",
    "一些",
    "这些",
    "那些",
    "各个",
    "各种",
    "不少",
    "多个",
    "几个",
    "所有",
    "部分",
)


#: Words that open the name of a kind of body, not of one body (国立大学, 国民中学, 同业公会).
_KIND_LEAD = {"国立", "国民", "公立", "私立", "普通", "同业", "一般", "各级"}
#: Words that end a company's name (长荣海运, 万海航运, 国泰人寿), and the words before
#: them that name the sector instead (两岸航运, 国际海运). 航空 and 证券 are left out: most
#: words before them name a sector (民用航空, 有价证券).
_COMPANY_WORDS = {"海运", "航运", "人寿"}
_SECTOR_HEADS = {
    *("国际", "国内", "国外", "民用", "军用", "通用", "商业", "商用", "两岸", "全球", "远洋"),
    *("发展", "有价", "区域", "廉价", "低价", "传统", "一般"),
}
#: Kinds of body every town or office has, named by what they do (托婴中心, 立委办公室).
_KINDS_OF_BODY = {
    *("普通高中", "托婴中心", "社区发展协会", "立委办公室", "事实查核中心", "地方政府"),
    "公寓大厦管理委员会",
    # the speaker's own government, named as "the government" (臺灣政府 for Taiwan's officials)
    *("台湾政府", "中华民国政府", "我国政府"),
}


def _a_kind_of_body(name: str, word: str) -> bool:
    """`name` ending in organisation word `word` names a kind of body, not one body:
    an ordinary word (中央政府), a kind lead (国立|大学, 同业|公会), a sector (两岸|航运)."""
    head = name[: -len(word)]
    named_school = word == "大学" and _place_or_body(head)  # 哥伦比亚|大学, not 国立|大学
    return (
        (is_common_word(name) and not named_school)
        or name.endswith("政务委员会")  # 蔡玉玲政务委员|会说: a title, then "will"
        or name in _KINDS_OF_BODY
        or (name[:2] in _KIND_LEAD and is_common_word(name[2:]))
        or (word in _COMPANY_WORDS and head in _SECTOR_HEADS)
    )


#: Last characters of verbs that point at a body rather than name it (捐给, 隶属于, 交到).
_TOWARDS = set("给于到向")
#: Words a name starts after: verbs taking a body as their object (组成|联盟, 联络|社创中心,
#: 会同|证券业协会), words introducing a name (简称|投服中心) and a parent's word for it
#: (子公司|建信理财有限责任公司).
#: Running or opening a body, tagged as nouns (经营, 开设): the body after them is a kind.
_RUNNING = {"经营", "开设", "开办", "营运", "设置"}
_BEFORE_NAME = {
    *("组成", "组织", "成立", "设立", "筹组", "筹设", "加入", "退出", "参加", "会同"),
    *("联系", "联络", "拜访", "拜会", "通知", "委托", "邀请", "代表", "报告"),
    *("莅临", "光临", "造访", "走访", "前往", "来到"),
    *("简称", "全称", "又称", "旗下", "子公司", "公司"),
    *("谢谢", "感谢", "欢迎", "恭喜", "拜托", "麻烦"),  # 谢谢|基金会: thanks to a body
    # words of time: 之前|公平交易委员会 (the body, as it was before)
    *("之前", "以前", "之后", "以后", "目前", "现在", "当时", "后来", "最近", "原本", "过去"),
}


def organization_name(view: NormalizedText) -> Iterator[Candidate]:
    """`…中心/协会/基金会/法院/大学/委员会/医院/总队/政府/有限公司/交易所/分行/学会/事务所`:
    the nouns before a strong organisation word (澎湖区渔会, 恒春旅游医院, 第八海巡队, 墨西哥
    政府, 建信金融科技有限责任公司, 上海数据交易所, 日本再生医学会, 万国法律事务所).

    The organisation word may end a longer word (技术|服务中心, 无店面商业|同业公会):
    the nouns before that word then belong to the name. A name tagged as one
    organisation word (哥德堡大学) that is not an ordinary word is a name by itself;
    及/暨 join two nouns inside a name (国家通讯及网际安全中心).
    """
    text = view.text
    for m in _ORG_WORD.finditer(text):
        window = text[max(0, m.start() - 10) : m.start()]
        if not window or not re.search(rf"[{HAN}]$", window):
            continue
        if m.group() in _PLACE_LED and is_common_word(window[-1] + m.group()):
            continue  # 格局, 结局, 当局, 邮局: an ordinary word, looked at no further
        if m.group() in _SCHOOL_SHORT:  # 直潭国|小: jieba reads the short form into the name
            tagged = (*pos_tags(window), (m.group(), "n"))
        else:
            tagged = pos_tags(window + m.group())
        before, pos, whole, whole_tag = [], 0, "", ""
        for word, tag in tagged:
            if pos + len(word) > len(window):
                whole, whole_tag = word, tag
                break
            before.append((word, tag))
            pos += len(word)
        if pos < len(window) and pos + len(whole) != len(window) + len(m.group()):
            continue  # 法院|会: the word runs past the organisation word
        lead = before[-1][1] if before else ""
        alone = not lead.startswith(NOUNISH) or lead == "ns"  # 瑞典|哥德堡大学
        if pos < len(window) and whole_tag == "nt" and len(whole) >= 4 and alone:
            if _a_kind_of_body(whole, m.group()):
                continue  # 中央政府, 国立|大学, 同业|公会: a kind of body
            yield Candidate(
                pos - len(window) + m.start(), m.end(), "organization_name", 0.65, "Organization"
            )
            continue  # 哥德堡大学: one organisation word, not an ordinary one
        head = whole[: len(whole) - len(m.group())] if pos < len(window) else ""
        if pos < len(window) and len(head) < 2:
            continue  # 立|法院: the organisation word is the end of another word
        if head and pos_tags(head)[0][1] == "v":
            continue  # 结成|联盟 tagged as one word: a verb, then the kind of body
        name: list[tuple[str, bool]] = [(head, True)] if head else []
        weak = m.group() in _WEAK_ORG_WORDS
        for i, (word, tag) in enumerate(reversed(before)):
            nounish = tag != "l" and (tag.startswith(NOUNISH) or (tag == "x" and word.isalnum()))
            nounish = nounish or (not name and _UNIT_NUMBER.fullmatch(word) is not None)
            verbish = tag.startswith("v") and len(word) == 2 and word not in CLAUSE_VERBS
            # 国家通讯及|网际安全中心; not 政务委员及|东服中心 (one word after 及)
            joiner = word in ("及", "暨") and len(name) >= 2 and i + 1 < len(before)
            if joiner and _BODY_END.search(before[-(i + 2)][0]):
                break  # 中小企业处 及|中小企业总会: two bodies, the second named after 及
            if len(word) == 2 and word[1] in "及暨" and _BODY_END.search(word[0]):
                break  # 处及, as jieba joins them: the same
            negation = word in ("无", "非") and bool(name)  # 无店面, 非营利: a prefix
            if joiner or negation:
                name.append((word, negation))
                continue
            if not (nounish or verbish) or word in STOP_CHARS or word in CLAUSE_VERBS:
                break
            if (len(word) >= 2 and word[-1] in _TOWARDS) or word in _BEFORE_NAME:
                break  # 捐给|基金会, 隶属于|交通委员会, 组成|联盟: a verb pointing at a body
            if not re.fullmatch(rf"[{HAN}a-z0-9]+", word):
                break
            if m.group() in _SCHOOL_WORDS and not name and not _is_proper(word):
                break
            if weak and name and len(word) >= 3 and word[-1] in "部署局":
                break  # 内政部警政署|保七总队: a unit named after its parent body
            if weak and not (_place_or_body(word) or _UNIT_NUMBER.fullmatch(word)):
                break  # 墨西哥政府, 台南市政府; not 体会政府, 谢谢政府, 万能政府
            name.append((word, bool(nounish)))
        while name and (
            not name[-1][1]  # a name starts with a noun of two or more characters (人邀到|太空总署)
            or (len(name[-1][0]) == 1 and name[-1][0] not in "无非")
            or name[-1][0] in _QUANTIFIERS  # 部分国立大学: some universities
            or name[-1][0][0] in _ORG_LEAD_STOP  # 有技服中心, 由科政中心: a verb or preposition
            or (name[-1][0][0] in "这那" and len(name[-1][0]) <= 2)  # 这水|抽去|冷却资料中心;
            or name[-1][0] in _RUNNING  # 经营|加密货币交易所: running a kind of body
            or name[-1][0] in _UNIT_WORDS  # 单位|全国中小企业总会: what the body is to us
        ):  # what is glued to the name goes, and the verbs after it (not 那玛夏区|农会)
            name.pop()
        length, words = sum(len(w) for w, _ in name), len(name)
        start = m.start() - length
        if text[max(0, start - 2) : start] in _QUANTIFIERS:
            continue  # 很多高科技联盟: bodies of a kind, not one body
        if length < 2 or length + len(m.group()) < 4:
            continue
        if any(c in _ORG_INNER_STOP for c in text[start : m.start()]):
            continue  # 以人为中心, 科技部跟会报办公室: a phrase, not a name
        if words == 1 and not _is_proper(whole if head else name[0][0]):
            continue  # 咨询委员会, 发展协会: a kind of body, not one body
        if m.group() in _PLACE_LED and not (name and _place_or_body(name[-1][0])):
            continue  # 水道局 of no place
        if _a_kind_of_body(text[start : m.end()], m.group()):
            continue  # 托婴中心, 两岸航运
        confidence = 0.65 if words >= 2 or length >= 3 else 0.6
        yield Candidate(start, m.end(), "organization_name", confidence, "Organization")


# --- rules: organisations written in Latin capitals: codes (TWCERT/CC, N-CERT, TWISAC),
#     an acronym after an organisation's name (资安主管联盟 CISO), an acronym listed
#     beside an organisation (CISO、SEMI、无店面公会), an acronym that states or announces
#     (SEMI 表示). Acronyms of things (AI, APP, COVID) are dropped by the caller when the
#     lexicon knows them, and by `_NOT_ORG_ACRONYMS` when it need not.
_CAPS = re.compile(r"[A-Z]{2}")
_ORG_CODE = re.compile(
    r"(?<![a-z0-9/\-])([a-z]{0,6}-?(?:cert|csirt|isac|isao)(?:/cc)?|[a-z][a-z0-9\-]{1,10}/cc)"
    r"(?![a-z0-9/])"
)
_ACRONYM = r"[a-z][a-z0-9&]{1,7}"
_ORG_KIND = r"(?:中心|协会|联盟|公会|工会|商会|研究院|基金会|委员会|学会)"
_ORG_APPOSITION = re.compile(rf"{_ORG_KIND}\s?({_ACRONYM})(?![a-z0-9.\-/])")
_CODE_HINT = re.compile(r"CERT|CSIRT|ISAC|ISAO|/CC")
_ORG_ITEM_END = re.compile(
    r"(?:协会|公会|工会|商会|联盟|基金会|委员会|研究院|中心|大学|公司|银行|部|署|局)(?:等等?)?$"
)
_LIST_ACRONYM = re.compile(
    rf"(?<![a-z0-9.\-/])({_ACRONYM})\s*(?=、)|(?<=、)\s*({_ACRONYM})(?![a-z0-9.\-/])"
)
_ORG_VERB = re.compile(
    r"(?<![a-z0-9.\-/])([a-z]{3,8})\s?(?:表示|指出|宣布|呼吁|主办|举办|邀请|成立于|公布了?|发表了?)"
)
#: Capitals that are not organisations even where the rules above would take them.
_NOT_ORG_ACRONYMS = {
    *("APP", "APPS", "COVID", "PDF", "FAQ", "OK", "CEO", "CTO", "CIO", "CFO", "COO", "VIP"),
    *("DIY", "KPI", "PR", "QA", "ID", "PC", "TV", "DM", "PPT", "USB", "PM", "NG", "SOP"),
    *("GDP", "ESG", "SDGS", "IP", "URL", "WEB", "LED", "GPS", "USD", "NT", "TWD", "RMB"),
    *("CSR", "NPO", "NGO", "NGOS", "INGO", "SDG", "B2B", "B2C", "YAML", "JSON", "HTML", "CSV"),
    *("XML",),
}


def _org_acronym(view: NormalizedText, start: int, end: int) -> bool:
    surface = view.surface(start, end)
    return (
        surface.isupper() and sum(c.isupper() for c in surface) >= 2
    ) and surface not in _NOT_ORG_ACRONYMS


def organization_acronym(view: NormalizedText) -> Iterator[Candidate]:
    """Organisations in Latin capitals, by their form or by an organisation beside them."""
    text, original = view.text, view.original
    chinese = ANY_HAN.search(text) is not None
    if not (_CAPS.search(original) if chinese else _CODE_HINT.search(original)):
        return  # no capitals, or an English turn with no organisation code
    for m in _ORG_CODE.finditer(text) if _CODE_HINT.search(original) else ():
        letters = view.surface(m.start(), m.end()).replace("-", "").replace("/", "")
        if letters.isupper() and letters not in ("CERT", "CSIRT", "ISAC", "ISAO"):
            # bare CERT is the kind (建立他们自己的 CERT); TWCERT, N-CERT, C-ISAC name one
            yield Candidate(m.start(), m.end(), "organization_acronym", 0.8, "Organization")
    if not chinese:
        return  # the rules below read Chinese context
    for m in _ORG_APPOSITION.finditer(text):
        if not _org_acronym(view, m.start(1), m.end(1)):
            continue
        end = m.start(1) - (1 if text[m.start(1) - 1] == " " else 0)
        tail = noun_tail(text[max(0, end - 20) : end])
        if tail >= 4:  # 资安主管联盟 CISO: the acronym is another name of the body
            alias = (m.start(1), m.end(1))
            yield Candidate(end - tail, end, "organization_acronym", 0.7, "Organization", alias)
    if "、" in text:
        for m in _LIST_ACRONYM.finditer(text):
            group = 1 if m.group(1) else 2
            a_start, a_end = m.start(group), m.end(group)
            if not _org_acronym(view, a_start, a_end):
                continue
            left = max(text.rfind(c, 0, a_start) for c in ",。;!?:,") + 1
            right = min(
                (i for i in (text.find(c, a_end) for c in ",。;!?:,") if i >= 0), default=len(text)
            )
            items = [item.strip() for item in text[left:right].split("、")]
            if any(_ORG_ITEM_END.search(item) for item in items if item != m.group(group)):
                yield Candidate(a_start, a_end, "organization_acronym", 0.7, "Organization")
    for m in _ORG_VERB.finditer(text):
        if _org_acronym(view, m.start(1), m.end(1)):
            yield Candidate(m.start(1), m.end(1), "organization_acronym", 0.65, "Organization")


# --- rule: a country's mission abroad (中国驻泰国使馆, 美国驻华使馆, 中国驻宋卡总领馆,
#     驻英国代表处): who is stationed where, and the kind of mission
_MISSION = re.compile(
    rf"(?P<lead>[{HAN}]{{1,6}}?)?驻(?P<host>[{HAN}]{{1,8}}?)"
    r"(?:大使馆|使馆|使领馆|总领事馆|总领馆|领事馆|代表处|代表团|办事处)"
)
#: Who a mission belongs to when the text names them: a country (a place), or 中国, 我国;
#: a ministry before it (外交部驻曼谷代表处) sends it but is not part of its name.
_HOME = ("中国", "我国", "中华人民共和国")


def diplomatic_mission(view: NormalizedText) -> Iterator[Candidate]:
    """`中国驻泰国使馆`, `驻英国代表处`: a mission, named from its country (when the text
    gives one) to its kind; where it is stationed must be a place, not an ordinary word."""
    text = view.text
    if "驻" not in text:
        return
    for m in _MISSION.finditer(text):
        host = m.group("host")
        if re.search(r"[的之和与及、各每这那]", host):
            continue  # 驻泰的办事处, 驻台湾这边代表处: a phrase, not a name
        tags = pos_tags(host)
        named = len(tags) == 1 and tags[0][1] in ("ns", "nt", "j", "nr", "nrt", "nz")
        if is_common_word(host) and not named:
            continue  # 驻|村办事处, 驻|地办事处: stationed in no place (布基纳法索 is a name)
        lead = m.group("lead") or ""
        start = m.start("lead") if lead else m.start()
        for i in range(len(lead)):  # the longest tail of the lead that is a country
            tail = lead[i:]
            if tail in _HOME or pos_tags(tail) == ((tail, "ns"),):
                start = m.start("lead") + i
                break
        else:
            if re.search(r"各|外国|有关|相关|其他|他国", lead):
                continue  # 各国驻华大使馆, 各驻华使馆: missions in general
            start = m.start() + len(lead)  # 驻英国代表处: the mission alone
        yield Candidate(start, m.end(), "diplomatic_mission", 0.8, "Organization")
