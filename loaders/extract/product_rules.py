"""Rules that find product names no lexicon holds, each named, with a confidence.

Press conferences name their own products in a few recurring ways; each rule
captures one of them and scores how sure it is, so a caller keeps only the
candidates above a threshold (`THRESHOLD`). A single weak signal (a quoted
phrase, a noun phrase ending in 平台) is kept only when a second one agrees.
Every rule runs on the normalised view (simplified, case-folded, NFKC), so
traditional and simplified transcripts give the same candidates; spans are view
spans, mapped back to the original by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from loaders.extract.organization_rules import (
    diplomatic_mission,
    organization_acronym,
    organization_name,
)
from loaders.extract.rule_text import (
    ANY_HAN,
    CLAUSE_VERBS,
    GENERIC_MODIFIERS,
    HAN,
    NOUNISH,
    STOP_CHARS,
    Candidate,
    is_common_word,
    noun_tail,
    pos_tags,
)
from loaders.extract.site_rules import named_site
from loaders.normalize import NormalizedText, view_spellings, view_words

__all__ = [
    "REPEATABLE",
    "REPEAT_IN_TEXT",
    "REPEAT_THRESHOLD",
    "REPEAT_TIMES",
    "RULES",
    "THRESHOLD",
    "find_candidates",
]

#: Candidates scoring below this are dropped.
THRESHOLD = 0.6

_SUFFIX = r"(?:平台|系统|云|app|服务|产品)"
#: A special project as the view spells it (Taiwan's 專案 is 项目 there).
_PROJECT = view_words("專案", "专案")
_OPEN = '“"「『《'
_CLOSE = '”"」』》'
_ANY_OPEN = re.compile(f"[{_OPEN}]")


# --- rule: Chinese + one lowercase Latin letter + Chinese (融e行, 融安e信, 工银e支付, e支付)
_MIXED_LETTER = re.compile(rf"[a-z](?=[{HAN}])")
_LATIN_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _mixed_spans(text: str) -> Iterator[tuple[int, int, int]]:
    """(name start, letter, name end) of up to two Han, one letter, one or two Han.

    The same matches as `(?<![a-z0-9])([Han]{0,2})([a-z])([Han]{1,2})` scanned left to
    right, found from the letters (much rarer than Han characters in Chinese text).
    """
    last = 0
    for m in _MIXED_LETTER.finditer(text):
        i = m.start()
        if i < last or (i > 0 and text[i - 1] in _LATIN_DIGIT):
            continue
        j = i
        while j > max(i - 2, last) and _is_han(text[j - 1]):
            j -= 1
        if j > 0 and j < i and text[j - 1] in _LATIN_DIGIT:
            j += 1
        end = i + 2  # the lookahead guarantees one Han character after the letter
        if end < len(text) and _is_han(text[end]):
            end += 1
        last = end
        yield j, i, end


#: Units of an amount: a letter before them stands for digits left out (x億, x萬元).
_AMOUNT_UNITS = frozenset("亿万千百兆元块倍成")
_TITLE_WORD_AFTER = re.compile(r"[A-Z][a-z]{1,8}(?![A-Za-z0-9])")


def latin_mixed(view: NormalizedText) -> Iterator[Candidate]:
    """A lowercase Latin letter inside Chinese, as brand names write it (融e行)."""
    text, original = view.text, view.original
    if not ANY_HAN.search(text):
        return  # an English turn
    for name_start, letter, name_end in _mixed_spans(text):
        o_start, o_end = view.span(letter, letter + 1)
        if not original[o_start:o_end].islower():
            continue  # A股, B端: capitals inside Chinese are ordinary words
        prefix, suffix = text[name_start:letter], text[letter + 1 : name_end]
        if len(prefix) == 2 and is_common_word(prefix):
            prefix = ""  # 工商银行e支付: a whole word before the letter is context, not name
        elif len(prefix) == 2 and prefix[0] in STOP_CHARS:
            prefix = prefix[1:]
        if prefix and prefix[-1] in STOP_CHARS:
            prefix = ""
        before = text[letter - len(prefix) - 1] if letter - len(prefix) > 0 else ""
        if prefix and before and is_common_word(before + prefix[0]):
            prefix = prefix[1:]  # 包括融e行: 括 belongs to the word before
        if len(suffix) == 2 and not is_common_word(suffix):
            suffix = suffix[:1]
        if suffix[0] in STOP_CHARS or suffix[0] in _AMOUNT_UNITS:
            continue  # 要做x億: a figure with its digits left out, not a brand
        if not prefix and pos_tags(suffix[0])[0][1][:1] in tuple("pcdumqr"):
            continue  # x亿, o不, i跟: a letter before a number or function word is no brand
        start = letter - len(prefix)
        end = letter + 1 + len(suffix)
        if end == name_end and end < len(text):
            o_end = view.span(end - 1, end)[1]
            word = _TITLE_WORD_AFTER.match(original, o_end)
            if word and word.group().lower() not in ("app", "apps"):
                end += len(word.group())  # e驿Pay: a capitalised word closes the name
        yield Candidate(start, end, "latin_mixed", 0.9 if prefix else 0.75)


# --- rule: a lowercase letter, a hyphen and a capitalised word, with a version (e-ICBC 3.0)
_BRAND = re.compile(r"(?<![a-z0-9])[a-z]-[a-z][a-z0-9]{1,12}(?:\s?\d+(?:\.\d+)?)?(?![a-z0-9.])")


def latin_brand(view: NormalizedText) -> Iterator[Candidate]:
    """Hyphenated Latin brand names with capitals after the hyphen (e-ICBC 3.0)."""
    if "-" not in view.text:
        return
    for m in _BRAND.finditer(view.text):
        surface = view.surface(m.start(), m.end())
        head, _, rest = surface.partition("-")
        if head.islower() and sum(c.isupper() for c in rest) >= 2:
            yield Candidate(m.start(), m.end().__index__(), "latin_brand", 0.85)


# --- rule: 名称(ACRONYM): a definition that also gives an alias
#: 智慧银行信息系统(ECOS); 「公共运输整合资讯流通服务平台」(Public Transport data eXchange, PTX):
#: the name may be quoted, and its English name may come before the acronym.
_DEFINITION = re.compile(
    rf"([{HAN}a-z0-9]{{2,24}})[{_CLOSE}]?"
    r"\((?:[a-z][a-z \-]{2,60},\s*)?([a-z][a-z0-9&\-]{1,11})\)"
)
_ORG_SUFFIX = re.compile(
    r"(?:中心|委员会|协会|学会|基金会|组织|机构|公司|集团|银行|大学|学院|研究院|"
    r"部|局|署|院|会|所|厅|处|司|科)$"
)
_EVENT_SUFFIX = re.compile(
    r"(?:大会|会议|论坛|峰会|博览会|展览|展|比赛|竞赛|大赛|活动|研讨会|座谈会|说明会|工作坊)$"
)


#: Putting into use, as the view spells it (Taiwan's 啟用 is 激活 there).
_START_USING = view_words("啟用", "启用")
#: A launch verb, possibly chained (建成上线, 建成运行了): what follows is what was launched.
#: 建置 is Taiwan's word for building a system (建置农业融资转介服务平台).
_LAUNCH = (
    rf"(?:推出|上线|发布|打造|研发|建成|建置|{view_words('建立')})"
    rf"(?:运行|{_START_USING}|投用|上线|推出)?了?"
)
_LAUNCH_VERBS = {"推出", "上线", "发布", "打造", "研发", "建成", "搭建", "开通", "投用", "启用"}
_LAUNCHED_NAME = re.compile(rf"{_LAUNCH}[之的]?([{HAN}a-z0-9]{{2,14}}{_SUFFIX})$")


def acronym_definition(view: NormalizedText) -> Iterator[Candidate]:
    """`智慧银行信息系统(ECOS)`: a name followed by its capitalised acronym in brackets."""
    text, original = view.text, view.original
    if "(" not in text:
        return
    for m in _DEFINITION.finditer(text):
        a_start, a_end = view.span(m.start(2), m.end(2))
        acronym = original[a_start:a_end]
        if sum(c.isupper() for c in acronym) < 2:
            continue
        quoted = text[m.end(1)] in _CLOSE and m.start(1) > 0 and text[m.start(1) - 1] in _OPEN
        if quoted:
            start = m.start(1)  # 「公共运输整合资讯流通服务平台」: the quotes hold the name
        else:
            tail = noun_tail(m.group(1))
            launched = _LAUNCHED_NAME.search(text, max(0, m.end(1) - 18), m.end(1))
            if launched and len(launched.group(1)) > tail:
                tail = len(launched.group(1))  # 建成上线|账户穿透核查系统(ATVS)
            if tail < 2:
                continue
            start = m.end(1) - tail
        name = text[start : m.end(1)]
        if is_common_word(name) or re.fullmatch(_SUFFIX, name):
            continue  # 情报监看|系统(KIS): only the kind word is left, not a name
        if _EVENT_SUFFIX.search(name):
            continue  # 资讯安全大会(RSA): a conference, not a product
        label, confidence = "Product", 0.5
        if _ORG_SUFFIX.search(name):
            label, confidence = "Organization", 0.8
        elif re.search(_SUFFIX + "$", name) or re.search(r"(?:工程|计划|网|卡)$", name):
            confidence = 0.8
        alias = (m.start(2), m.end(2))
        yield Candidate(start, m.end(1), "acronym_definition", confidence, label, alias)


# --- rule: naming cues (叫…, 名为…, 产品就是…)
_NAME = rf"[{HAN}a-z0-9][{HAN}a-z0-9.\-+ ]{{0,14}}[{HAN}a-z0-9+]"
_CUE = re.compile(
    rf"(?:叫做|叫作|名叫|名为|称为|称作|命名为|取名为|取名|叫)\s*([{_OPEN}])?({_NAME})"
)
_APPOSITION = re.compile(
    rf"(?:产品|平台|系统|服务|应用|app)\s*[,,]?\s*(?:就是|也就是|即)(?!说)\s*([{_OPEN}])?({_NAME})"
)
_CUE_HINTS = re.compile(r"[叫名称品台统务用]|app")
_UNIT_AFTER = re.compile(
    rf"[{_CLOSE}]?\s*的?\s*(?:分组|小组|工作组|{view_words('專案組', '专案组')}|团队|部门|单位|组)"
)
_NAME_STOP = re.compile(r"[的是和与也就等,。;、!?]|它|这|我们|已经|现在|目前|之类|什么的")
#: Cues that name by themselves (名为X的平台); 叫/叫做/称为 also introduce terms and
#: nicknames (这叫做「假新闻」, 我们称为「循证决策」, 叫我Mei), so they need a head.
_STRONG_CUES = ("名叫", "名为", "命名为", "取名为", "取名")
#: What comes before 叫做 when a named thing follows: a classifier or the kind of thing
#: (有一个叫做「Join」, 网站叫做「…」, 一家叫做「…」的公司).
_CUE_HEAD = re.compile(
    r"(?:一个|一套|一款|一家|一间|一项|一支|网站|网页|平台|系统|app|专案|计划|计画|项目|"
    rf"产品|服务|工具|软件|软体|{view_words('程式', '程序')}|游戏|套件|作品|频道|节目|案子|"
    r"公司|组织|团体|机构)"
    r"(?:上|也|就|是|就是|也是)?\s*[,,]?\s*$"
)
_ORG_HEAD = re.compile(r"(?:一家|一间|公司|组织|团体|机构|团队|伙伴)\S{0,2}\s*[,,]?\s*$")
_ORG_NAME_END = re.compile(r"(?:协会|总会|学会|公会|工会|基金会|联盟|公司|委员会|总署|局)$")
_CAPITAL_OR_DIGIT = re.compile(r"[A-Z0-9]")


_ANY_CLOSE = re.compile(f"[{_CLOSE}]")
#: A quoted name that glosses itself in brackets: 「第二人生(second life)」.
_GLOSSED = re.compile(r"(.+?)\s*\((.+)\)")


def _generic_kind(name: str) -> bool:
    """An ordinary word + a product word (数位服务, 金融服务): a kind, not a name."""
    head = re.sub(_SUFFIX + "$", "", name)
    return len(head) <= 2 and is_common_word(head)


def _trim(name: str) -> str:
    cut = _NAME_STOP.search(name)
    return (name[: cut.start()] if cut else name).strip()


#: How brands write themselves and terms do not: a digit in a word, or a word opening with a
#: lowercase letter then a capital (叫做「O3b mPOWER」, 「iPhone」); 「Plurality」 and
#: 「OpenAPI」 are terms.
_BRAND_SHAPE = re.compile(r"[A-Za-z][0-9]|[0-9][A-Za-z]|(?<![A-Za-z])[a-z][A-Z]")


#: Parts of speech a name never opens with: a verb, preposition, numeral, pronoun, adverb,
#: conjunction, classifier or particle (透过API的方式, 好几个solution, 每一个社区, 建构在Pi上).
_CLAUSE_OPENERS = tuple("vpmrdcqu")
_DETERMINERS = frozenset("每各某这那该此")


def _opens_clause(name: str) -> bool:
    """Whether an unquoted name after a cue opens with a clause word rather than a name."""
    if not _is_han(name[0]):
        return False
    word, tag = pos_tags(name)[0]
    if word in _DETERMINERS:
        return True  # 每|一个社区
    return len(word) >= 2 and tag.startswith(_CLAUSE_OPENERS)  # 融|e借: a brand's first sign


def naming_cue(view: NormalizedText) -> Iterator[Candidate]:
    """A name introduced by a naming word: `叫小微金融服务平台`, `产品,就是AI投`.

    叫/叫做/称为 count only after a classifier or the kind of thing (一个叫做,
    网站叫做) or when the name ends in a product word; an unquoted Latin name needs
    a capital or a digit (English words such as "freedom" are not names); a quoted Latin
    name shaped like a brand (O3b mPOWER) needs no kind before it. A name
    ending in an organisation word, or after 一家/公司/团队/伙伴, is an organisation.
    """
    text, original = view.text, view.original
    if not _CUE_HINTS.search(text):
        return
    for pattern, base in ((_CUE, 0.8), (_APPOSITION, 0.75)):
        for m in pattern.finditer(text):
            quoted = m.group(1) is not None
            start = m.start(2)
            close = _ANY_CLOSE.search(text, start, start + 25) if quoted else None
            # a quoted name runs to its closing quote (「公务人员政策参与平台」); a quoted
            # phrase (「服务的应用水准」) is no name, nor is its first word
            inner = text[start : close.start()].strip() if close else ""
            if inner and "的" in inner:
                continue  # 叫做「公共建设的工程经费编列手册」: a phrase, whole or nothing
            glossed = _GLOSSED.fullmatch(inner) if inner else None
            alias = None
            if glossed:  # 「第二人生(second life)」: the name, and another name for it
                inner = glossed.group(1)
                alias = (start + glossed.start(2), start + glossed.end(2))
            name = inner or _trim(m.group(2))
            if len(name) < 2:
                continue
            if not inner and _opens_clause(name):
                continue  # 平台,也就是透过API的方式: a clause follows, not a name
            latin = re.search(r"[a-z]", name) is not None
            suffix = re.search(".." + _SUFFIX + "$", name) is not None  # not the bare word
            if not (quoted or latin or suffix):
                continue
            strong = pattern is _APPOSITION or text.startswith(_STRONG_CUES, m.start())
            shortest = 2 if strong and inner else 3  # 名为“启星”的平台, quotes closed
            common = is_common_word(name) and not (strong and inner)  # 名为“织机”的平台
            if not (latin or suffix) and (len(name) < shortest or common):
                continue  # 叫做「数据」: a quoted ordinary word is a term, not a name
            if suffix and not quoted and _generic_kind(name):
                continue  # 叫做数位服务的研发流程: a kind of service, not a name
            if latin and not quoted and not suffix and not ANY_HAN.search(name):
                o_start, o_end = view.span(start, start + len(name))
                if not _CAPITAL_OR_DIGIT.search(original[o_start:o_end]):
                    continue  # 叫做freedom: an English word, not a brand
            before = text[max(0, m.start() - 6) : m.start()]
            if quoted and latin and not strong:
                o_start, o_end = view.span(start, start + len(name))
                strong = _BRAND_SHAPE.search(original[o_start:o_end]) is not None
            body = _ORG_HEAD.search(before) is not None
            if not (strong or suffix or body or _CUE_HEAD.search(before)):
                continue  # 这叫做「假新闻」, 我们称为「循证决策」: a term, not a name
            if _EVENT_SUFFIX.search(name):
                continue  # 叫做PDF研讨会: an event
            after = text[start + len(name) : start + len(name) + 6]
            if _UNIT_AFTER.match(after):
                continue  # 叫做「数位国家」的分组: a working group, not a product
            label = "Product"
            if body or _ORG_NAME_END.search(name):
                label = "Organization"  # 一家叫做「…协会」: a body, not a product
            confidence = base + (0.1 if quoted else 0.0) + (0.05 if latin and suffix else 0.0)
            yield Candidate(
                start, start + len(name), "naming_cue", min(confidence, 0.95), label, alias
            )


# --- rule: a quoted name followed by 平台/系统/产品/APP (“三融”平台), or a quoted name
#     right after such a word or a launch verb (服务平台——“融安e信”, 推出“…”)
_QUOTED_SUFFIX = re.compile(
    rf"[{_OPEN}]([^{_CLOSE}\n]{{1,12}})[{_CLOSE}]\s*([{HAN}]{{0,6}}?){_SUFFIX}(?:平台|系统)?"
)
#: Kind words that follow a quoted name without being part of it.
_KIND_ONLY = ("产品", "服务")
_QUOTED_AFTER = re.compile(
    rf"(?:{_SUFFIX}\s*(?:——|—|--|:)|(?:推出|上线|发布|研发|搭建|开通)"
    # 上线的是「来监督」, 推出一个叫「社群备注」: what was launched is the quoted name
    r"(?:的是|的就是|了一[个套款]|一[个套款]|[了的])?(?:叫做?|名为)?)\s*"
    rf"[{_OPEN}]([^{_CLOSE}\n]{{2,12}})[{_CLOSE}]"
)


_QUOTED_ITEM = re.compile(rf"[{_OPEN}]([^{_CLOSE}\n]{{2,12}})[{_CLOSE}]")
#: Quoted names listed before 等 and a kind of product (“A”和“B”等产品, 「C」等平台).
_QUOTED_LIST = re.compile(
    rf"((?:[{_OPEN}][^{_CLOSE}\n]{{2,12}}[{_CLOSE}]\s*(?:、|和|及|与|以及|,)?\s*)+)"
    r"等\s*(?:一系列|多个|几个|多款|各种)?\s*(?:产品|平台|系统|服务|应用|app|工具|软件)"
)
#: Words for software as the view spells them: Taiwan phrases are mapped (程式 → 程序), and
#: so are mainland words that Taiwan uses otherwise (小程序 → 小进程).
_SOFTWARE_WORDS = ("软件", "軟體", "應用程式", "应用程序", "小程序")
_SOFTWARE = view_words(*_SOFTWARE_WORDS)
#: A quoted name right after the kind of site, software or show it is (论坛「…」,
#: App「Diia」, 软体「美玉姨」, 节目「…」).
_QUOTED_AFTER_KIND = re.compile(
    rf"(?:论坛|网站|网页|平台|app|频道|节目|粉专|终端|公众号|{_SOFTWARE})\s*"
    rf"[{_OPEN}]([^{_CLOSE}\n]{{2,14}})[{_CLOSE}]"
)
#: A quoted name followed by the model it names (“鲸算”金融大模型, 「TAIDE」模型): the
#: quotes hold the name.
_QUOTED_MODEL = re.compile(
    rf"[{_OPEN}]([^{_CLOSE}\n、,]{{2,12}})[{_CLOSE}]\s*(?:[^的{_OPEN}\W]{{0,4}}?)"
    r"(?P<kind>大模型|大语言模型|模型)"
)
#: A quoted name that ends in its kind (「均一教育平台」); the quotes give where it starts.
_QUOTED_WHOLE = re.compile(
    rf"[{_OPEN}]([^{_CLOSE}\n]{{2,24}}?(平台|系统|app|网站|资料库|数据库|(?<=[{HAN}]{{3}})网))[{_CLOSE}]"
)
#: Quoted things a platform holds or hosts rather than names of the site (平台「…法案」).
_NOT_SITE_NAME = re.compile(
    r"(?:功能|法案|条例|大赏|奖|工作坊|大会|会议|论坛|活动|讲座|说明会|研讨会|比赛|竞赛)$"
)
#: Laws and documents a body also puts out (推出《诈欺犯罪危害防制条例》): no product.
_LAW = re.compile(r"(?:条例|法|法案|草案|办法|规则|规定|准则|细则|公约|协定|宣言|白皮书)$")
#: A quoted clause rather than a name: 「告诉新创公司要做什么」的概念, 「我们来做」的计划.
_CLAUSE = re.compile(r"什么|怎么|为什么|如何|[吗呢吧]|[我你他她]们|^[我你他她]")
_QUOTED_PROGRAMME = re.compile(
    rf"[{_OPEN}]([^{_CLOSE}\n]{{2,12}})[{_CLOSE}]\s*(?:"
    # 「数位国家」计划; not 「开放政府」的概念: a concept is named, not a product
    rf"的?\s*(?P<kind>计划|方案|{_PROJECT}|政策|倡议|课程|计画|工程|节目)"
    r"|(?:的|这个|这一个)\s*(?:一些|一个)?\s*(?:计划|方案|平台|系统))"  # 「亚洲‧硅谷」这个方案
)


def quoted_name(view: NormalizedText) -> Iterator[Candidate]:
    """A quoted name that a product word or a launch verb vouches for, each span once
    (研发的“鲸算”金融大模型 is vouched for twice)."""
    seen: set[tuple[int, int]] = set()
    for candidate in _quoted_names(view):
        if (candidate.start, candidate.end) not in seen:
            seen.add((candidate.start, candidate.end))
            yield candidate


def _quoted_names(view: NormalizedText) -> Iterator[Candidate]:
    text = view.text
    if not _ANY_OPEN.search(text):
        return
    for m in _QUOTED_SUFFIX.finditer(text):
        # The node is named with its kind: “三融”平台 → 三融平台; but 产品 and 服务 say what
        # kind of thing it is without being part of its name (“快贷”产品 → 快贷).
        if not m.group(2) and m.group().endswith(_KIND_ONLY) and m.end(1) - m.start(1) >= 2:
            yield Candidate(m.start(1), m.end(1), "quoted_name", 0.85)
        elif not m.group(2):
            # 「Join」平台: the quoted part is also a name the text uses alone
            alias = (m.start(1), m.end(1)) if len(m.group(1).strip()) >= 2 else None
            yield Candidate(m.start(), m.end(), "quoted_name", 0.85, alias=alias)
        elif not any(c in STOP_CHARS for c in m.group(2)):
            # 「Join」连署平台: the quoted part is the name the text uses alone
            alias = (m.start(1), m.end(1))
            yield Candidate(m.start(), m.end(), "quoted_name", 0.8, alias=alias)
    for m in _QUOTED_AFTER.finditer(text):
        written = view.surface(m.start(1), m.end(1))
        if written.isascii() and written.isalpha() and written.islower():
            continue  # 搭建一个「demo」: an English word for a kind of thing, not a name
        if not _LAW.search(m.group(1).strip()):
            yield Candidate(m.start(1), m.end(1), "quoted_name", 0.8)
    for m in _QUOTED_AFTER_KIND.finditer(text):
        # 论坛「创意私房」, 平台「提点子」: the kind word vouches for the quoted name
        name = m.group(1).strip()
        if len(name) >= 2 and not _NOT_SITE_NAME.search(name) and not is_common_word(name):
            yield Candidate(m.start(1), m.end(1), "quoted_name", 0.7)
    for m in _QUOTED_MODEL.finditer(text):
        # “鲸算”金融大模型, 「TAIDE」模型; not 「垂直领域」模型, a kind of model
        name = m.group(1).strip()
        branded = m.group("kind") != "模型" or len(name) <= 3 or re.search(r"[a-z]", name)
        if branded and not is_common_word(name) and not _CLAUSE.search(name):
            yield Candidate(m.start(1), m.end(1), "quoted_name", 0.8)
    for m in _QUOTED_LIST.finditer(text):
        # “建行惠懂你”和“小微快贷”等产品: the kind word after 等 vouches for each quoted name
        for item in _QUOTED_ITEM.finditer(text, m.start(1), m.end(1)):
            name = item.group(1).strip()
            if len(name) >= 2 and not is_common_word(name) and not _CLAUSE.search(name):
                yield Candidate(item.start(1), item.end(1), "quoted_name", 0.75)
    for m in _QUOTED_WHOLE.finditer(text):
        # 「公共政策网路参与平台」, “中国和东盟国家海上搜救热线平台”: a name with its kind inside
        name = m.group(1).strip()
        head = name[: -len(m.group(2))]
        if len(head) < 2 or is_common_word(head) or _CLAUSE.search(name):
            continue
        if re.search(r"[的之并:、]", name) or re.search("[联连]网$", name):
            continue  # 「评估采用工具与系统」之类: a phrase; 「万物联网」: the internet of things
        if pos_tags(head)[0][1].startswith(("v", "p", "d", "r")):
            continue  # 「不要相信app」, 「请参阅本机关网站」: an instruction, not a name
        yield Candidate(m.start(1), m.end(1), "quoted_name", 0.7)
    for m in _QUOTED_PROGRAMME.finditer(text):
        # 「数位国家」计划, 「国家宝藏」专案: the name stays without its kind word
        kind = m.group("kind")
        if kind == "项目" and view.surface(m.start("kind"), m.end("kind")) not in ("專案", "专案"):
            continue  # 「计划管理法」项目: an item of a list, not a 專案
        name = m.group(1).strip()
        if _LAW.search(name) or _EVENT_SUFFIX.search(name) or name.endswith("工坊"):
            continue  # 《计划管理法》的专案管理师, 「…协作工坊」专案: a law or an event
        shortest = 2 if kind == "工程" else 3  # “磐基”工程: a works programme's short name
        if len(name) >= shortest and not is_common_word(name) and not _CLAUSE.search(name):
            yield Candidate(m.start(1), m.end(1), "quoted_name", 0.7)


# --- rule: a noun phrase ending in 平台/系统/云/APP/服务 after a launch verb;
#     kept only when a second signal (a Latin token) agrees
_PHRASE_HINT = re.compile(r"[出线布造发成立置]")
_PHRASE = re.compile(rf"{_LAUNCH}([{HAN}a-z0-9]{{2,14}}?{_SUFFIX})(?![{HAN}a-z])")


def _counted(name: str) -> bool:
    """`一个app`, `这些平台`: a phrase that counts or points at things, not a name."""
    word, tag = pos_tags(name)[0]
    return word in _DETERMINERS or tag.startswith(("m", "r", "q"))


def product_phrase(view: NormalizedText) -> Iterator[Candidate]:
    """`推出…平台`: a launched noun phrase with a product word; weak unless it holds Latin."""
    if not _PHRASE_HINT.search(view.text):
        return
    for m in _PHRASE.finditer(view.text):
        name = m.group(1)
        lead = len(name) - len(name.lstrip("".join(STOP_CHARS)))
        if len(name) - lead < 3 or re.search("[的是]", name[lead:]) or _counted(name[lead:]):
            continue  # 建置作品发表的平台, 建置msp是一个平台, 建置一个app: no name
        latin = re.search(r"[a-z]{2,}", name) is not None
        # a long name launched (建成运行了全国知识产权质押信息平台) is kept when used again
        weak = 0.5 if len(name) - lead >= 8 else 0.45
        yield Candidate(m.start(1) + lead, m.end(1), "product_phrase", 0.7 if latin else weak)


# --- rule: a sector's cloud (政府云, 教育云, 防灾云): the shared cloud platform that
#     governments name after the sector it serves (Taiwan's 十朵云, the mainland's 政务云)
_SECTOR_CLOUD = re.compile(
    "((?:政府|政务|教育|金融|健康|医疗|卫生|交通|环境|防灾|灾防|救灾|消防|关务|农业|文化|观光"
    "|社福|警政|警务|司法|理财|工业|财政|税务)云)(?![端计运])"  # 云端, 云计算: the cloud itself
)


def sector_cloud(view: NormalizedText) -> Iterator[Candidate]:
    """`教育云`: a public sector followed by 云 names that sector's cloud platform."""
    text = view.text
    if "云" not in text:
        return
    for m in _SECTOR_CLOUD.finditer(text):
        yield Candidate(m.start(1), m.end(1), "sector_cloud", 0.7)


# --- rule: an enumeration of names sharing a product word, closed by 等
#     (建立了A系统、B系统、C系统等): the shared word and the list agree
_ITEM = rf"[{HAN}a-z0-9]{{2,16}}?(?:系统|平台|app)"
_ENUMERATION = re.compile(rf"({_ITEM})((?:、{_ITEM})+)等")


def enumerated_names(view: NormalizedText) -> Iterator[Candidate]:
    """`A系统、B系统、C系统等`: two or more listed names with the same product word."""
    text = view.text
    if "、" not in text or "等" not in text:
        return
    if "系统" not in text and "平台" not in text and "app" not in text:
        return
    for m in _ENUMERATION.finditer(view.text):
        first = m.group(1)
        tail = noun_tail(first)
        if tail >= 4:
            yield Candidate(m.end(1) - tail, m.end(1), "enumerated_names", 0.7)
        pos = m.start(2)
        for item in m.group(2).split("、")[1:]:
            pos += 1
            if len(item) >= 4:
                yield Candidate(pos, pos + len(item), "enumerated_names", 0.7)
            pos += len(item)


# --- rule: a named programme (前瞻计划, 数位及特殊技术人才发展计划): nouns before 计划/方案/专案.
#     Alone it is weak (这个计划, 两个计划 name nothing); a long name or the same name
#     used again in the transcript (see `REPEATABLE`) is the second signal.
_PROGRAMME = re.compile(rf"(?:计划|方案|{_PROJECT})")
#: How far before 计划 a name may start (机关资料传输韧性强化暨发放共用基础平台建置计划: 22).
_PROGRAMME_REACH = 24
#: Verbs done to a plan (提出方案, 拟定计划, 列入计划): the plan is their object, not named.
_PLAN_VERBS = {
    *("提出", "拟定", "拟订", "提送", "提报", "提列", "填进", "列入", "纳入", "推动", "鼓励"),
    *("负责", "解决", "提供", "执行", "通过", "审查", "核定", "修正", "调整", "规划", "研议"),
    *("检讨", "参与", "启动", "加上", "切成", "当作", "放进", "检视", "送出", "配合", "制定"),
    *("订定", "提案", "申请", "补助", "编列", "进行", "完成", "变成", "成为", "改进", "改善"),
    *("研拟", "研订", "草拟", "讨论", "探索", "因应", "规定", "办理", "换入"),
    *("叫做", "叫作", "称为", "名为", "取名"),  # 整个计划叫做|地方创生计划: the name follows
}
#: Words that say what a clause is about (第79案是有关|机车排气定检精进方案).
_ABOUT = {"有关", "关于", "有关于", "针对", "对于"}
#: Words of time or order that open a clause, not a name (之前|行动方案, 以上|研究计划).
_WHEN_WORDS = {"之前", "以前", "之后", "以后", "以上", "以下", "目前", "前期", "期中", "期末"}
_GENERIC_HEADS = {"工作", "行动", "发展", "年度", "整体", "相关", "具体", "试点", "推动", "实施"}


#: A unit named after the plan it runs (…专案办公室, …计划小组).
_OFFICE_AFTER = re.compile(r"办公室|小组|工作组|推动组|团队|中心")
#: The end of a body's name (行政院, 海洋总局, 主管机关, 国发会): a plan named by its body.
_BODY_END = re.compile(r"(?:[院部署局处司厅]|机关|委员会|国发会|合作社|[0-9]+项[^目]*)$")
#: What makes a plan one of many (各地区…方案, 分行业…方案, 重点行业…方案): no name.
_EACH = set("各分诸")
_SCOPE_LEADS = ("重点", "主要", "有关", "部分", "分")


def programme_name(view: NormalizedText) -> Iterator[Candidate]:
    """`…计划/方案/专案` preceded by a run of nouns (adjectives and 及/与 inside)."""
    text = view.text
    for m in _PROGRAMME.finditer(text):
        if m.group() == "项目" and view.surface(m.start(), m.end()) not in ("專案", "专案"):
            continue  # 项目 written as such is any item or project (服务项目), not a 專案
        if _OFFICE_AFTER.match(text, m.end()):
            continue  # 个人资料保护专案办公室: the office is the body, named after its plan
        if text.startswith("区", m.end()):
            continue  # 紧急应变计划区, 都市计划区: a zone a plan draws, not a plan
        window = text[max(0, m.start() - _PROGRAMME_REACH) : m.start()]
        if not window or not re.search(rf"[{HAN}a-z0-9]$", window):
            continue
        if text.startswith("》", m.end()) and "《" in window:
            continue  # 《2030年前碳达峰行动方案》: `titled_plan` reads the whole title
        words: list[tuple[str, str]] = []
        tagged = pos_tags(window)
        cut = m.start() > _PROGRAMME_REACH  # the window's first word may be the end of one
        for i, (word, tag) in reversed(list(enumerate(tagged))):
            if i == 0 and cut:
                break  # 关|键民生系统…计划: a word cut by the window is not part of the name
            if len(word) >= 3 and word[0] in "有是在" and not is_common_word(word):
                words.append((word[1:], tag))  # 农业局|有佳农: jieba joined the verb to the name
                break
            if words and word in _PLAN_VERBS | _ABOUT:
                break  # 研拟|绿色金融行动方案: a verb done to the plan, tagged as a noun
            if tag.startswith("v") and word.endswith("有"):
                break  # 科技部内有|…计划: having a plan, not its name
            nounish = tag.startswith(NOUNISH) and word not in STOP_CHARS
            joiner = word in ("及", "与", "暨") and bool(words)
            # 危害|防治方案, 产业|创新计划: names hold two-character verbs; 5+2 a number
            verbish = tag == "v" and len(word) == 2 and word not in CLAUSE_VERBS | _PLAN_VERBS
            numbered = bool(words) and re.fullmatch(r"[0-9+]+", word) is not None
            if not (nounish or joiner or verbish or numbered or (tag == "a" and len(word) >= 2)):
                break
            if tag in ("nt", "nr", "j") and any(t == "v" for _, t in words):
                break  # 国发会|引进计划: a body doing something to a plan, not its name
            words.append((word, tag))
        while words and (
            words[-1][0] in ("及", "与", "暨")
            or words[-1][1] in ("a", "v")
            or words[-1][0] in _WHEN_WORDS
            or (words[-1][0].isdigit() and len(words) > 1 and words[-2][0] in ("年度", "年"))
            or (words[-1][0] in ("年度", "年") and len(words) > 1)
        ):
            words.pop()  # a name does not start with a joiner, an adjective, 之前 or a year
        length = sum(len(w) for w, _ in words)
        rest = len(tagged) - len(words)
        if words and rest >= 1:  # 「强化国家通讯网路韧性方案」: a quoted name may open with a verb
            verb, tag = tagged[rest - 1]
            opened = window[: len(window) - length - len(verb)]
            if tag.startswith("v") and len(verb) == 2 and re.search(rf"[{_OPEN}]$", opened):
                length += len(verb)
        if length < 2 or (len(words) == 1 and words[0][0] in _GENERIC_HEADS):
            continue
        if text[m.start() - 1] in "型类式":
            continue  # 整合型计划, 补助类方案: a kind of plan
        if len(words) == 1 and length <= 2 and is_common_word(words[0][0]):
            continue  # 政策计划, 科技计划: an ordinary noun before 计划 names a kind of plan
        head = text[m.start() - length : m.start()]
        if head.startswith(_PROGRAMME_STOP) or head.endswith(tuple(_GENERIC_SPANS)):
            continue  # 子项计划, 部会中长程计划, 管考计划: a part, span or kind of some plan
        before = text[m.start() - length - 1] if m.start() > length else ""
        if before in _EACH or head.startswith(_SCOPE_LEADS):
            continue  # 各地区|碳达峰行动方案, 重点行业实施方案: the plans of many, no name
        if _BODY_END.search(head):
            continue  # 行政院专案, 海洋总局专案: some project of a body, not a named one
        confidence = 0.65 if length >= 5 else 0.5
        yield Candidate(m.start() - length, m.end(), "programme_name", confidence)


# --- rule: a national project or plan put into effect (实施国家黑土地保护工程和现代种业提升
#     工程, 实施新一轮高标准农田建设规划): mainland briefings name them after 实施/启动
_PUT_INTO_EFFECT = re.compile(
    rf"(?:实施|启动)了?(?:新一轮|新一批|一批)?"
    rf"(?P<first>[{HAN}]{{4,14}}?(?:工程|规划))"
    rf"(?:(?:和|与|、|及)(?P<second>[{HAN}]{{4,14}}?(?:工程|规划)))?"
)
#: Openings of a kind of project rather than a name (重大工程, 重点工程, 各项规划, 相关规划).
_KIND_OF_PROJECT = ("重大", "重点", "相关", "有关", "各项", "各类", "一系列", "这些", "这项", "该")


def project_into_effect(view: NormalizedText) -> Iterator[Candidate]:
    """`实施…工程/规划`: a named project or plan a government puts into effect."""
    text = view.text
    if "实施" not in text and "启动" not in text:
        return
    for m in _PUT_INTO_EFFECT.finditer(text):
        for group in ("first", "second"):
            name = m.group(group)
            if not name or name.startswith(_KIND_OF_PROJECT) or "的" in name:
                continue
            head = name[:-2]
            if not all(
                tag.startswith(NOUNISH) or tag in ("v", "t", "b") for _, tag in pos_tags(head)
            ):
                continue  # 实施|了很多工程: a clause, not a name
            yield Candidate(m.start(group), m.end(group), "project_into_effect", 0.6)


# --- rule: a plan named in title marks (《2030年前碳达峰行动方案》, 《成渝地区双城经济圈建设
#     规划纲要》): the marks give the whole name, years and numbers included, where
#     `programme_name` reads only the nouns before the plan word.
_TITLED_PLAN = re.compile(r"《([^《》\n]{2,30}?(?:规划纲要|规划|方案|计划|计画|纲要))》")


def titled_plan(view: NormalizedText) -> Iterator[Candidate]:
    """A plan, programme or scheme named in 《…》."""
    if "《" not in view.text:
        return
    for m in _TITLED_PLAN.finditer(view.text):
        yield Candidate(m.start(1), m.end(1), "titled_plan", 0.75)


# --- rule: an acronym defined by the words after it: `GCTF(全球合作暨训练架构)`,
#     `GCTF,也就是台美双方的训练架构`
_ACRONYM_FIRST = re.compile(
    rf"(?<![a-z0-9])([a-z][a-z0-9&\-]{{1,9}})\s*(?:\(([{HAN}][{HAN}a-z0-9]{{1,23}})\)|"
    rf",?\s*(?:也就是|亦即|即)\s*([{HAN}a-z0-9 ]{{2,24}}?))(?=[,.;:!?\s)]|$)"
)
_PROGRAMME_NOUN = re.compile(rf"(?:架构|计划|方案|{_PROJECT}|平台|系统|计画|倡议|机制)$")


def acronym_first(view: NormalizedText) -> Iterator[Candidate]:
    """An ALL-CAPS acronym followed by its meaning, the meaning ending in a programme noun."""
    text = view.text
    if ("(" not in text and "即" not in text and "就是" not in text) or not ANY_HAN.search(text):
        return
    for m in _ACRONYM_FIRST.finditer(text):
        acronym = view.surface(m.start(1), m.end(1))
        if sum(c.isupper() for c in acronym) < 3 or not acronym.isupper():
            continue
        meaning = (m.group(2) or m.group(3) or "").strip()
        if not _PROGRAMME_NOUN.search(meaning):
            continue
        yield Candidate(m.start(1), m.end(1), "acronym_first", 0.7)


# --- rule: a modifier phrase + 的 + 系统/平台 (自动量刑参考的系统, 电子卷证的系统):
#     Taiwan speech often names a system this way. Alone it is weak (相关的系统,
#     这样的平台 name nothing); a cue before it (也就是, 用到了, 所谓) or after it
#     (做出来, 上线), or the same name used again, is the second signal.
_DE_SYSTEM = re.compile(rf"([{HAN}a-z0-9]{{2,10}})的(系统|平台)")
# 包括/包含 are not cues: 包含情资通报的平台 describes what a platform holds.
_DE_CUE_BEFORE = re.compile(
    r"(?:也就是|就是|所谓|所谓的|用到了?|使用|采用|透过|通过|导入|叫做|称为)$"
)
_DE_CUE_AFTER = re.compile(
    rf"^(?:都|也|已经|已)?(?:做出来|上线|建置|{view_words('建立')}|完成|{_START_USING}|开发)"
)
_MODIFIER_WORDS = ("n", "nz", "vn", "nt", "nr", "ns", "nrt", "eng", "an", "j", "l")


#: Ends of a modifier that make it a description (科技防灾相关的系统); a meeting or an event
#: has a platform but does not name it (协作会议的平台).
_GENERIC_ENDS = (
    *("相关", "有关", "方面", "之类", "等等", "一样", "这样", "那样", "会议", "活动"),
    *("机关", "单位", "部门"),  # 户政机关的系统: whose system, not which
)
#: Words before 计划/方案 that give a plan's span or stage rather than its name.
_GENERIC_SPANS = {
    "中长程",
    "长程",
    "中程",
    "短程",
    "可行性",
    "先期",
    "后续",
    "年度",
    "整体",
    "个别",
    "管考",
    "施政",
    "绩效",
}
_PROGRAMME_STOP = tuple(m for m in GENERIC_MODIFIERS if m not in ("新", "旧", "新的"))


def _generic(name: str) -> bool:
    return name.startswith(GENERIC_MODIFIERS) or name.endswith(_GENERIC_ENDS)


def modifier_de_system(view: NormalizedText) -> Iterator[Candidate]:
    """`自动量刑参考的系统`: nouns (and one closing verb) before 的 + 系统/平台."""
    text = view.text
    if "的系统" not in text and "的平台" not in text:
        return
    for m in _DE_SYSTEM.finditer(text):
        phrase = m.group(1)
        words = list(pos_tags(phrase))
        kept: list[str] = []
        for i, (word, tag) in enumerate(reversed(words)):
            verb = i == 0 and tag.startswith("v") and len(word) == 2
            if word in STOP_CHARS or not (verb or tag.startswith(_MODIFIER_WORDS)):
                break
            kept.append(word)
        modifier = "".join(reversed(kept))
        if len(kept) < 2:
            continue  # 公共政策的平台: one noun says what a platform is for, not its name
        if len(kept) == 2 and words[-1][1].startswith("v") and words[-2][1] in ("nt", "nr", "j"):
            continue  # 卫福部分享的系统: a body or person doing something, not a name
        if len(modifier) < 4 or _generic(modifier) or is_common_word(modifier):
            continue
        start = m.end(1) - len(modifier)
        before = text[max(0, start - 4) : start]
        after = text[m.end() : m.end() + 6]
        cued = _DE_CUE_BEFORE.search(before) or _DE_CUE_AFTER.match(after)
        yield Candidate(start, m.end(), "modifier_de_system", 0.65 if cued else 0.5)


# --- rule: a Latin name people are on (在 sli.do 上, 到 wiselike 上面, 在 Polis 上)
_ON_PLATFORM = re.compile(
    r"(?:在|到|于|从|透过|通过)\s?([a-z][a-z0-9.\-]{1,20}[a-z0-9])\s?"
    r"(?:上面|上(?![课班市去来午下网线])|网站|平台|社团|帐号|账号|页面|频道)"
)
#: English words that name a kind of place, system or software, not one (在 app 上,
#: Web App, Data 平台); well-known platforms the lexicon holds are dropped by the caller.
_GENERIC_LATIN = {
    *("app", "apps", "data", "web", "website", "online", "internet", "sandbox", "blog"),
    *("email", "mail", "server", "cloud", "code", "open", "demo", "test", "wiki", "site"),
    *("forum", "line", "page", "chat", "video", "live", "news", "social", "media", "google"),
    *("desktop", "beta", "logo", "database", "process", "license", "log", "skill", "issue"),
    *("startup", "digital", "criteria", "operation", "engagement", "motion", "facts", "t-shirt"),
    *("committee", "latency", "formality", "network", "platform", "system", "service"),
    *("mobile", "java", "android", "office", "windows", "mac", "linux", "ios", "api", "erp"),
    *("crm", "pos", "his", "gis", "bim"),
}


def latin_platform(view: NormalizedText) -> Iterator[Candidate]:
    """`在 sli.do 上`: a Latin name people post on or go to is a platform or site.

    A short name in capitals (GRB, ESG, PPT) may be an acronym of anything, and a plain
    lowercase word may be an English word (desktop): both are weak, kept only when the
    transcript uses them again. Dotted names (sli.do) and brand casing (vTaiwan) are not.
    """
    for m in _ON_PLATFORM.finditer(view.text):
        name = m.group(1)
        if name in _GENERIC_LATIN or name.isdigit():
            continue
        surface = view.surface(m.start(1), m.end(1))
        plain = "." not in surface and not any(c.isdigit() for c in surface)
        acronym = plain and surface.isupper() and len(surface) <= 4
        word = plain and surface.islower()
        weak = acronym or word
        yield Candidate(m.start(1), m.end(1), "latin_platform", 0.5 if weak else 0.6)


# --- rule: a Latin name right before the kind of thing it is (Polis 系统, Cofacts 平台,
#     Sensemaker 软件): the name alone is the product
_LATIN_KIND = re.compile(
    r"(?<![a-z0-9.\-/@])([a-z][a-z0-9.\-]{1,20}[a-z0-9](?: [a-z][a-z0-9]{1,15}){0,2}) ?"
    r"(?:平台|系统|软件|工具|网站|app|浏览器|钱包|皮夹|模型|游戏|聊天机器人|搜索引擎)(?![a-z])"
)


def latin_kind(view: NormalizedText) -> Iterator[Candidate]:
    """`Polis 系统`, `Cofacts 平台`: a Latin name the kind word after it vouches for.

    Capitals of four letters or fewer (GRB 系统, HIS 系统) may be a kind of system as well
    as a name: weak, kept when the transcript uses them again.
    """
    text = view.text
    if not re.search(r"[a-z]", text) or not ANY_HAN.search(text):
        return  # English turns: "WhatsApp", "like Uber app" are not names before a kind
    for m in _LATIN_KIND.finditer(text):
        name = m.group(1)
        if name in _GENERIC_LATIN or name.split()[0] in _GENERIC_LATIN:
            continue
        if text.startswith("app", m.end(1)):
            continue  # WhatsApp: one word, not a name and its kind
        surface = view.surface(m.start(1), m.end(1))
        if not all(w[:1].isupper() or any(c.isupper() for c in w[1:]) for w in surface.split()):
            continue  # a lowercase English word: web app, data platform
        short_caps = surface.isupper() and len(surface) <= 4
        yield Candidate(m.start(1), m.end(1), "latin_kind", 0.5 if short_caps else 0.65)


# --- rule: a website named by its domain in running text (join.gov.tw, slido.com, gov.uk);
#     a full address (https://…) is a link, not a name, and the caller drops names inside it
_TLD = r"(?:tw|com|org|net|gov|io|ai|uk|jp|eu|info|edu|hk|cn)"
_DOMAIN = re.compile(rf"(?<![a-z0-9./@:\-])((?:[a-z0-9][a-z0-9\-]*\.)+{_TLD})(?![a-z0-9/.\-])")
_TOP_LEVEL = re.compile(rf"\.{_TLD}(?![a-z0-9])")


#: Stand-ins for any name (something.gov.tw, example.com): no site.
_STAND_IN_LABELS = {"something", "example", "xxx", "abc", "foo", "whatever", "domain"}
#: After a domain, words that make it the end of many addresses (gov.tw 结尾): a kind of site.
_SUFFIX_OF_MANY = re.compile(rf"\s*[{_CLOSE}]?\s*的?(?:结尾|后缀|网域|域名)")


def domain_name(view: NormalizedText) -> Iterator[Candidate]:
    """`join.gov.tw`, `slido.com`: a domain said or written as the name of a site."""
    if "." not in view.text or not _TOP_LEVEL.search(view.text):
        return
    for m in _DOMAIN.finditer(view.text):
        if m.group(1).split(".")[0] in _STAND_IN_LABELS or _SUFFIX_OF_MANY.match(
            view.text, m.end(1)
        ):
            continue  # something.gov.tw, 帳號是「gov.tw」結尾: a kind of address
        yield Candidate(m.start(1), m.end(1), "domain_name", 0.65)


# --- rule: a one-letter prefix before a capitalised word (iTaiwan, vTaiwan, eTag, mHealth):
#     brand spelling
_CAMEL_HINT = re.compile(r"(?<![A-Za-z0-9])[a-z][A-Z][a-z]")
_CAMEL = re.compile(r"(?<![a-z0-9\-])[a-z][a-z]{3,14}(?![a-z0-9])")
#: Words spelled like brands that name a field or a country (eSports, eSwatini).
_NOT_CAMEL_BRANDS = {"esport", "esports", "eswatini", "egov", "ebook", "email", "elearning"}


def latin_camel(view: NormalizedText) -> Iterator[Candidate]:
    """`iTaiwan`, `vTaiwan`: a lowercase letter glued to a capitalised word, as brands write it."""
    text, original = view.text, view.original
    if not _CAMEL_HINT.search(original):
        return
    for m in _CAMEL.finditer(text):
        surface = view.surface(m.start(), m.end())
        if surface[0].islower() and surface[1].isupper() and surface[2:].islower():
            if m.group() in _NOT_CAMEL_BRANDS:
                continue
            if re.search(r"[a-z]+ $", text[max(0, m.start() - 12) : m.start()]):
                continue  # Public Transport data eXchange: a capital inside an English phrase
            confidence = 0.75 if surface[0] == "i" else 0.6  # iPad, iTaiwan; vTaiwan, eTag
            yield Candidate(m.start(), m.end(), "latin_camel", confidence)


# --- rule: capitalised words run together into one (OpenClaw, SocialCalc, WordStar): how
#     software, services and the firms behind them spell their names
_COMPOUND = re.compile(r"(?<![a-z0-9.\-/@_])[a-z]{4,24}(?![a-z0-9\-_@])")
_COMPOUND_SHAPE = re.compile(r"(?:[A-Z][a-z]+){2,3}")
#: Surname prefixes (McBride, LePage, DiFulvio, VanderKlippe): a person, not a name brand.
_SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|Le|La|De|Di|Du|Da|Van|Vander|Von|Del|Fitz)(?=[A-Z])")
#: Romanised Chinese syllables (JiaChen, SzuHui): a given name written as one word.
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|ts|tz|hs|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:a|ai|an|ang|ao|e|ei|en|eng|eh|er|i|ia|ian|iang|iao|ie|ieh|ih|in|ing|iong|iu|o|ong|ou"
    r"|u|ua|uai|uan|uang|ue|uei|ui|un|ung|uo|yu|zu|zi)"
)
#: Last parts that name a kind of firm or team (GovLab, ElevenLabs, HysonTech, AppWorks).
_FIRM_ENDS = ("Lab", "Labs", "Tech", "Works", "Media", "Ventures", "Capital", "Bank", "Soft")
#: Words around a name that make it a firm or a team: 新創團隊VoiceTube, TaKaDu公司,
#: 一家專門在做這個的 PeopleFluent, 一個基金會，叫做 RadicalxChange.
_FIRM_BEFORE = re.compile(
    r"(?:公司|团队|新创|企业|厂商|基金会|协会|组织|机构|一家|这家|那家)"
    r"(?:[^。,!?]{0,10}的|,?\s?叫做?|,?\s?名为)?\s?$"
)
_FIRM_AFTER = re.compile(r"\s?(?:公司|团队|集团|的(?:首席执行官|创办人|ceo|团队|员工))")
#: Last parts that name a language for code (TypeScript, AppleScript).
_LANGUAGE_ENDS = ("Script",)
#: Sectors before -Tech that make a field of technology, not a firm (FinTech, RegTech).
_SECTOR_TECH = re.compile(r"(?:Fin|Reg|Mar|Ed|Ag|Agri|Health|Insur|Legal|Prop|Civic|Clean)Tech")
#: Small words inside a run-together phrase: a hashtag or slogan (TaiwanCanHelp, MadeByTaiwan).
_PHRASE_WORDS = {"Can", "By", "Is", "Are", "For", "The", "And", "Of", "In", "To", "Means", "We"}


def _romanised_name(parts: list[str]) -> bool:
    return all(_SYLLABLE.fullmatch(p.lower()) for p in parts)


def latin_compound(view: NormalizedText) -> Iterator[Candidate]:
    """`OpenClaw`, `SocialCalc`: two or three capitalised words written as one, in a Chinese
    turn, name a product; a firm's last word or a company cue beside it makes it a firm,
    `…Script` a language. Surnames (McBride), romanised given names (JiaChen) and hashtags
    (TaiwanCanHelp) are left."""
    text = view.text
    if not ANY_HAN.search(text) or not re.search(r"[a-z]{4}", text):
        return
    for m in _COMPOUND.finditer(text):
        surface = view.surface(m.start(), m.end())
        if not _COMPOUND_SHAPE.fullmatch(surface) or _SURNAME_PREFIX.match(surface):
            continue
        parts = re.findall(r"[A-Z][a-z]+", surface)
        if _romanised_name(parts) or _PHRASE_WORDS.intersection(parts[1:]):
            continue
        if surface.endswith(_LANGUAGE_ENDS) or _SECTOR_TECH.fullmatch(surface):
            yield Candidate(m.start(), m.end(), "latin_compound", 0.6, "Technology")
            continue
        firm = (
            surface.endswith(_FIRM_ENDS)
            or _FIRM_BEFORE.search(text, max(0, m.start() - 16), m.start()) is not None
            or _FIRM_AFTER.match(text, m.end()) is not None
        )
        yield Candidate(
            m.start(), m.end(), "latin_compound", 0.6, "Organization" if firm else "Product"
        )


# --- rule: a number code + a product word (118系统, 1999专线, 165反诈骗专线, 111简讯平台,
#     1922 热线, 12345热线): service numbers name one service; a count or a year never stands
#     right before 系统
#: A text message as the view spells it: Taiwan's 簡訊 becomes 短信.
_MESSAGE = view_words("簡訊", "简讯", "短信")
_CODE_PRODUCT = re.compile(
    rf"(\d{{3,5}})\s?([{HAN}]{{0,5}}?)(系统|专线|热线|平台|app|{_MESSAGE})(平台|系统)?"
)
_CODE_HEAD = re.compile(rf"系统|专线|热线|平台|app|{_MESSAGE}")
_THREE_DIGITS = re.compile(r"\d{3}")
_CODE_NUMBER = re.compile(r"(?<![0-9a-z.,/:%\-])\d{3,5}(?!\d)")
_CODE_STOP = set("年月日号个人元万亿千百多家次套台位件项条笔分秒年度届期条第共约")
#: A service number one dials (打 1922，, 打到 165。): a hotline. Not a count or a phone
#: number (打100大板, 打412-1266), and one before its kind is `_CODE_PRODUCT`'s (1922热线).
_DIALLED = re.compile(
    r"(?:拨打|拨|打电话到|打到|打给|打|致电|通报|发送到|发送至|发到|传到)"
    rf"\s?(\d{{3,4}}|(?<=[拨电]打|致电)\d{{5}})(?![\d%\-]|[.,]\d)(?!\s?[\d{HAN}a-z])"
)
#: A number one reports to or whose code messages come from (去 165 报案, 「111」这个官方号码).
_REPORTED = re.compile(r"(?<![\d.,])(\d{3,4})\s?报案")
_QUOTED_CODE = re.compile(
    rf"[{_OPEN}](\d{{3,6}})[{_CLOSE}]\s?(?:的|这个|这支|这组)?\s?(?:官方|专属|特服)?\s?"
    rf"(?:{_MESSAGE})?\s?(?:号码|门号|短码|代码)"
)


def code_product(view: NormalizedText) -> Iterator[Candidate]:
    """`118系统`, `1999专线`: a three- or four-digit service number before a product word;
    a number one dials, reports to or sends to (拨打95588, 通报 165, 发送到 1922) and a
    quoted message code (「111」这个官方号码) are service lines too."""
    text = view.text
    if not _THREE_DIGITS.search(text):
        return
    for pattern in (_DIALLED, _REPORTED, _QUOTED_CODE):
        for line in pattern.finditer(text):
            yield Candidate(line.start(1), line.end(1), "code_product", 0.7)
    if not _CODE_HEAD.search(text):
        return
    for number in _CODE_NUMBER.finditer(text):
        m = _CODE_PRODUCT.match(text, number.start())
        if m is None:
            continue
        middle = m.group(2)
        if any(c in STOP_CHARS or c in _CODE_STOP for c in middle):
            continue  # 2018年的系统, 300个平台: a year or a count, not a service number
        if m.group(3) in ("短信", "简讯") and not m.group(4):
            # 1922简讯, 111 专属简讯, 1919 寄简讯: a message names the short code it comes
            # from or goes to; 111简讯平台 names the service
            yield Candidate(number.start(), number.end(), "code_product", 0.65)
            continue
        yield Candidate(m.start(), m.end(), "code_product", 0.75)


# --- rule: ships and aircraft named by a word (澎湖舰, 中海舰, 黑鹰直升机, 海豚直升机):
#     Taiwan names its ships after places and aircraft types by a noun; 军舰, 旗舰,
#     救护直升机, 派遣直升机 are kinds or actions, not names
_CRAFT = re.compile(r"(舰|直升机|战机|战斗机)(?![队长艇])")
#: Words before 直升机 that give a use or an owner, not a type (救护直升机, 警用直升机).
_CRAFT_KINDS = {
    *("救护", "医疗", "消防", "搜救", "救难", "军用", "民用", "警用", "无人", "武装", "攻击"),
    *("运输", "侦察", "教练", "反潜", "空勤", "商用", "私人", "大型", "小型", "新型", "先进"),
    *("大陆", "中国", "中共", "美国", "日本", "外国", "各国", "敌方", "海军", "空军", "陆军"),
}


def named_craft(view: NormalizedText) -> Iterator[Candidate]:
    """`澎湖舰`, `黑鹰直升机`: a place or a noun naming one ship or aircraft type."""
    text = view.text
    if "舰" not in text and "直升机" not in text and "战" not in text:
        return
    for m in _CRAFT.finditer(text):
        window = text[max(0, m.start() - 4) : m.start()]
        if not window or not _is_han(window[-1]):
            continue
        word, tag = pos_tags(window)[-1]
        if not (2 <= len(word) <= 3) or word in _CRAFT_KINDS:
            continue
        ship = m.group(1) == "舰"
        if ship and tag not in ("ns", "nr", "nz"):
            continue  # 环保舰, 大陆舰: a kind of ship; 澎湖舰, 中海舰 name one
        if not ship and not (tag.startswith(("n", "nr", "nz")) and tag != "nt"):
            continue  # 派遣直升机, 空中直升机: an action or a place, not a type
        yield Candidate(m.start() - len(word), m.end(), "named_craft", 0.7)


def _compound_before(text: str, end: int) -> tuple[int, int]:
    """(characters, words) of the nouns, or two-character verbs, right before `end`.

    Named things are often verb + noun compounds (应变|网路, 自主|回报); a function word,
    a clause verb or a generic modifier (这个, 相关) ends the compound.
    """
    window = text[max(0, end - 8) : end]
    if not window or not _is_han(window[-1]):
        return 0, 0
    length, words = 0, 0
    for word, tag in reversed(pos_tags(window)):
        if word in STOP_CHARS or word in CLAUSE_VERBS or word.startswith(GENERIC_MODIFIERS):
            break
        if word in _LAUNCH_VERBS:
            break  # 建成上线|账户穿透核查系统: what was launched starts after the verb
        if not (tag.startswith(NOUNISH) or (tag.startswith("v") and len(word) == 2)):
            break
        length, words = length + len(word), words + 1
    return length, words


# --- rule: a named vehicle (应变网路行动车): a run of nouns before a vehicle word;
#     weak alone, kept when the transcript names it again
_VEHICLE = re.compile(
    rf"(?:行动车|{view_words('通訊車', '通讯车')}|指挥车|实验车|巡回车|工程车|发电车)"
)


def named_vehicle(view: NormalizedText) -> Iterator[Candidate]:
    """`应变网路行动车`: four or more characters of nouns (a verb may lead) before 行动车."""
    text = view.text
    if "车" not in text:
        return
    for m in _VEHICLE.finditer(text):
        length, _words = _compound_before(text, m.start())
        if length < 4:
            continue  # CT巡回车, 社区巡回车: a kind of vehicle
        yield Candidate(m.start() - length, m.end(), "named_vehicle", 0.5)


# --- rule: a system or platform the transcript keeps naming (自主回报系统 three times):
#     two or more nouns (a two-character verb may be one: 自主|回报) before 系统/平台.
#     Said once it may be a description; said three times it is the thing discussed
_SYSTEM_WORD = re.compile(r"系统|平台")


#: Words that say what a platform carries or where it runs, not which one it is.
_MEDIUM_WORDS = {
    *("数字", "数位", "网络", "网路", "线上", "在线", "电子", "社群", "社交", "数据", "资料"),
    *("信息", "资讯", "科技", "技术", "媒体", "通讯", "行动", "移动", "云端", "开放"),
}

#: Sectors whose 系统 is the sector itself (污水下水道系统, 医疗系统), not one product.
_SECTOR_WORDS = {
    *("下水道", "排水", "供水", "水利", "电力", "交通", "运输", "医疗", "教育", "司法", "生态"),
    *("金融", "卫生", "社会", "政治", "经济", "保险", "健保", "长照", "照顾", "选举", "能源"),
}


#: What a system does for its users (查询, 申报): after a specific subject of four or more
#: characters (人事法规命令查询系统, 综合所得税电子申报系统) it names one system, said once.
_SERVICE_WORDS = frozenset(
    view_spellings(
        *("查詢", "查询", "申報", "申报", "預約", "预约", "登記", "登记", "報名", "报名", "繳費"),
        *("缴费", "通報", "通报", "簽核", "签核", "審查", "审查", "填報", "填报", "申辦", "申办"),
        *("檢索", "检索", "比對", "比对", "追蹤", "追踪", "監測", "监测", "預警", "预警"),
    )
)
_SERVICE_REACH = 12


def repeated_system(view: NormalizedText) -> Iterator[Candidate]:
    """`自主回报系统`: a compound of two or more words before 系统/平台 (weak; see REPEAT_TIMES).

    A service word after a subject of four characters or more (人事法规命令查询系统) names
    one system outright: kept the first time.
    """
    text = view.text
    if "系统" not in text and "平台" not in text:
        return
    for m in _SYSTEM_WORD.finditer(text):
        length, words = _compound_before(text, m.start())
        start = m.start() - length
        if length < 4 or words < 2 or _generic(text[start : m.start()]):
            continue
        parts = [word for word, _ in pos_tags(text[start : m.start()])]
        service = parts[-1]
        if service in _SERVICE_WORDS:
            at = m.start() - len(service)
            clause = re.split(r"[^\w]|_", text[max(0, at - _SERVICE_REACH) : at])[-1]
            subject = noun_tail(clause)
            if subject >= 4 and not _generic(text[at - subject : at]):
                yield Candidate(at - subject, m.end(), "repeated_system", 0.6)
                continue
        if _MEDIUM_WORDS.intersection(parts) or parts[-1] in _SECTOR_WORDS:
            continue  # 跨境数位平台, 资讯整合平台, 污水下水道系统: a kind or a sector
        yield Candidate(start, m.end(), "repeated_system", 0.5)


RULES: dict[str, Callable[[NormalizedText], Iterator[Candidate]]] = {
    "latin_mixed": latin_mixed,
    "latin_brand": latin_brand,
    "acronym_definition": acronym_definition,
    "naming_cue": naming_cue,
    "quoted_name": quoted_name,
    "product_phrase": product_phrase,
    "enumerated_names": enumerated_names,
    "sector_cloud": sector_cloud,
    "organization_name": organization_name,
    "organization_acronym": organization_acronym,
    "diplomatic_mission": diplomatic_mission,
    "programme_name": programme_name,
    "titled_plan": titled_plan,
    "project_into_effect": project_into_effect,
    "acronym_first": acronym_first,
    "modifier_de_system": modifier_de_system,
    "latin_camel": latin_camel,
    "latin_compound": latin_compound,
    "latin_platform": latin_platform,
    "domain_name": domain_name,
    "latin_kind": latin_kind,
    "code_product": code_product,
    "named_craft": named_craft,
    "named_vehicle": named_vehicle,
    "repeated_system": repeated_system,
    "named_site": named_site,
}

#: Rules whose weak candidates are kept when the transcript uses the same name again.
REPEATABLE = {
    *("programme_name", "modifier_de_system", "named_vehicle", "repeated_system"),
    *("latin_platform", "latin_kind", "product_phrase"),
}
#: Rules whose weak name counts as used again wherever the transcript writes it, not only
#: where the rule finds it again (a platform launched once, then named plainly).
REPEAT_IN_TEXT = {"product_phrase"}
#: How often a repeatable rule's weak name must occur in the transcript (default 2).
REPEAT_TIMES = {"repeated_system": 3}
#: The lowest confidence a repeatable candidate may have to be kept on repetition.
REPEAT_THRESHOLD = 0.5


def find_candidates(view: NormalizedText, threshold: float = THRESHOLD) -> list[Candidate]:
    """Candidates scoring at least `threshold`, one per span, in text order.

    Rules that agree on a span strengthen each other (1 - (1-a)(1-b)), so two
    weak signals can together pass the threshold where neither would alone.
    """
    by_span: dict[tuple[int, int], Candidate] = {}
    for rule in RULES.values():
        for c in rule(view):
            held = by_span.get((c.start, c.end))
            if held is None:
                by_span[(c.start, c.end)] = c
                continue
            combined = 1 - (1 - held.confidence) * (1 - c.confidence)
            best = held if held.confidence >= c.confidence else c
            by_span[(c.start, c.end)] = Candidate(
                c.start, c.end, best.rule, round(combined, 3), best.label, held.alias or c.alias
            )
    kept = [c for c in by_span.values() if c.confidence >= threshold]
    return sorted(kept, key=lambda c: (c.start, -(c.end - c.start)))
