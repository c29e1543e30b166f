"""Extraction stage `relations`: typed relations the text states, with the turns as evidence.

Each sentence is rewritten as a template in which every mention becomes a slot
(`以⟨0⟩、⟨1⟩为代表的⟨2⟩`), and a few patterns over the template read the
relations; slot labels decide the direction and whether a relation is allowed
(PART_OF Product→Product, USES Product→Technology, OFFERS Organization→Product,
PARTNERS_WITH Organization→Organization, as in the schema). First-person
subjects (我行, 本行, 我们, 我司) stand for the speaker's organisation, taken from
the roles stage. A known product whose maker the product lexicon names (`owner`)
is offered by that maker wherever one sentence names both, and so is a product whose
name holds its maker's (Google 搜尋). The template is built
on the normalised view, so traditional and simplified text read alike. Co-mentions
are derived when the graph is built.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping

from loaders.extract.latin_names import MAKER_LED_RULES
from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.keys import entity_key
from loaders.lexicon import Lexicon, load_lexicon
from loaders.model import Mention, Relation, Transcript
from loaders.normalize import NormalizedText, normalized_view, variant_key, view_words

__all__ = ["extract_relations", "make_stage", "product_owners"]

_SENTENCE = re.compile(r"[^。!?;！？；\n]+")
_SELF = re.compile(
    r"我行|本行|我们部|我们|我司|本公司|我部|本部|我院|本院|我(?=跟|和|与|们|的|也|就|有|自己|开|推|建)"
)
_SLOT = r"<(\d+)>"
_CORE = view_words("核心")  # 以A为核心的X: the view writes 核心 as 内核
#: Slots listed one after another (A、B和C), each perhaps in quotes (“A”和“B”).
_LIST = r"((?:<\d+>[”」』\"]?\s*(?:、|,|和|及|以及|与|跟|还有)?\s*[“「『\"]?)+)"
_PART_OF = (
    # 以A、B、C为代表的X
    re.compile(rf"以\s*{_LIST}\s*为(?:主要|{_CORE})?(?:代表|主体|{_CORE})的[^<]{{0,10}}{_SLOT}"),
    # X包括A和B / X由A、B组成
    re.compile(rf"{_SLOT}[^<]{{0,6}}(?:包括|包含|涵盖|囊括|由)\s*{_LIST}"),
    # A、B等X
    re.compile(rf"{_LIST}等(?:几个|三个|多个|一系列)?[^<,，。;；]{{0,4}}{_SLOT}"),
)
_USES_VERBS = r"(?:运用|应用|基于|采用|利用|使用|依托|借助|用|结合|引入|融合)"
_USES = (
    re.compile(rf"{_SLOT}[^<]{{0,16}}?{_USES_VERBS}[^<]{{0,4}}{_LIST}"),
    re.compile(rf"{_USES_VERBS}\s*{_LIST}[^<]{{0,12}}的[^<]{{0,6}}{_SLOT}"),
)
_OFFERS_VERBS = (
    rf"(?:推出|发布|上线|打造|研发|开发|建设|建成|建置|{view_words('建立')}|推行|提供|启动|实施|开办|"
    r"开设|开了|印发|出台|"
    r"推(?![动进广荐测论估算]))"
)
_OFFERS = re.compile(rf"{_SLOT}[^<]{{0,16}}?{_OFFERS_VERBS}[^<]{{0,24}}?{_LIST}")
# 我跟数产署的吕署长开了一个叫做X: two organisations as the subject both offer it
_OFFERS_JOINT = re.compile(
    rf"{_SLOT}\s*(?:跟|和|与|同)\s*{_SLOT}[^<]{{0,16}}?{_OFFERS_VERBS}[^<]{{0,24}}?{_LIST}"
)
_OWNS = re.compile(rf"{_SLOT}\s*的?\s*{_SLOT}")
#: Said outright: Meta 旗下的 Threads; 疾管署就有一个叫做「疾管家」的LINE BOT; Gogolook (Whoscall).
_OFFERS_STATED = (
    re.compile(rf"{_SLOT}\s*旗下(?:的|有)?\s*{_LIST}"),
    re.compile(
        rf"{_SLOT}[^<]{{0,8}}?有(?:一个|一套|一款|个)?\s*(?:叫做|叫作|名为|叫)\s*[“「『]?\s*(<\d+>)"
    ),
    re.compile(rf"{_SLOT}\s*\(\s*(<\d+>)\s*\)"),
    # 我们去年推出了智能投顾产品,就是AI投: the kind launched, then its name
    re.compile(
        rf"{_SLOT}[^<]{{0,16}}?{_OFFERS_VERBS}[^<]{{0,12}}?(?:<\d+>)?[^<]{{0,8}}?"
        rf"(?:产品|服务|平台|系统|应用|app)[^<]{{0,3}}?(?:就是|叫做|叫作|叫|名为|称为)\s*{_LIST}"
    ),
)
_PARTNERS = (
    re.compile(
        rf"{_SLOT}[^<]{{0,8}}?(?:与|和|同|跟)\s*{_LIST}[^<]{{0,10}}?(?:合作|签约|有合约|结盟)"
    ),
    re.compile(rf"{_SLOT}[^<]{{0,8}}?(?:携手|联手|牵手|会同)\s*{_LIST}"),
)
#: Bodies named together as doing one thing: 工业局、台湾资通产业标准协会一起来做规范;
#: 资讯处、资策会的朋友们帮台水一起写出了. Every two of them work together.
_TOGETHER = re.compile(
    rf"{_LIST}[^<]{{0,6}}?(?:(?:帮|协助|陪)\s*({_SLOT})[^<]{{0,2}}?)?(?:一起|共同|联合|合办|合作)"
)
#: A whole stated of its part: 全球资讯网只是网际网路里面的一个部分; X是Y的一部分.
_PART_OF_STATED = re.compile(
    rf"{_SLOT}[^<]{{0,4}}?(?:是|为|属于|只是|算是)\s*[“「『]?\s*{_SLOT}\s*[”」』]?\s*"
    r"(?:的|里面的|里的|当中的|之中的)"
    r"(?:一部分|一个部分|一环|一员)"
)


def _slots(group: str) -> list[int]:
    return [int(i) for i in re.findall(r"<(\d+)>", group)]


def _template(
    view: NormalizedText,
    inverse: list[int],
    mentions: list[Mention],
    base: int,
    self_org: str | None,
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Each sentence of a turn as a template, with the (label, key) behind each slot."""
    spans: list[tuple[int, int, str, str]] = []
    for m in mentions:
        s, e = inverse[m.start - base], inverse[m.end - base - 1] + 1
        label = m.label
        if label == "Product" and not m.rule.startswith("lexicon"):
            label = "Product+"  # named by this transcript's own words (rules), not a known brand
        spans.append((s, e, label, m.entity))
    if self_org:
        for found in _SELF.finditer(view.text):
            if not any(s < found.end() and found.start() < e for s, e, _, _ in spans):
                spans.append((found.start(), found.end(), "Self", self_org))
    spans.sort(key=lambda span: (span[0], -span[1]))  # a product before the maker inside it
    for sentence in _SENTENCE.finditer(view.text):
        pieces: list[str] = []
        slots: list[tuple[str, str]] = []
        pos = sentence.start()
        for s, e, label, key in spans:
            if s < sentence.start() or e > sentence.end() or s < pos:
                continue  # outside the sentence, or a maker inside a product's name
            pieces.append(view.text[pos:s])
            pieces.append(f"<{len(slots)}>")
            slots.append((label, key))
            pos = e
        pieces.append(view.text[pos : sentence.end()])
        if len(slots) >= 2:
            yield "".join(pieces), slots


def _inverse(view: NormalizedText) -> list[int]:
    """Original offset → view offset (the first view character that comes from it)."""
    n = len(view.original)
    if view.starts is None:
        return list(range(n + 1))
    inverse = [-1] * (n + 1)
    for i, s in enumerate(view.starts):
        if inverse[s] < 0:
            inverse[s] = i
    last = len(view.text)
    for j in range(n, -1, -1):
        if inverse[j] < 0:
            inverse[j] = last
        last = inverse[j]
    return inverse


def _read(
    template: str, slots: list[tuple[str, str]], companies: frozenset[str] = frozenset()
) -> Iterator[tuple[str, str, str]]:
    def label(i: int) -> str:
        found = slots[i][0] if i < len(slots) else ""
        return {"Self": "Organization", "Product+": "Product"}.get(found, found)

    def owned(i: int) -> bool:
        return slots[i][0] == "Product+"

    for pattern in _PART_OF:
        for m in pattern.finditer(template):
            groups = m.groups()
            if pattern is _PART_OF[1]:
                whole, parts = int(groups[0]), _slots(groups[1])
            else:
                parts, whole = _slots(groups[0]), int(groups[1])
            for part in parts:
                if label(part) == label(whole) == "Product":
                    yield "PART_OF", slots[part][1], slots[whole][1]
    for pattern in _USES:
        for m in pattern.finditer(template):
            groups = m.groups()
            if pattern is _USES[0]:
                product, techs = int(groups[0]), _slots(groups[1])
            else:
                techs, product = _slots(groups[0]), int(groups[1])
            for tech in techs:
                if label(product) == "Product" and label(tech) == "Technology":
                    yield "USES", slots[product][1], slots[tech][1]
    for pattern in (_OFFERS, *_OFFERS_STATED):
        for m in pattern.finditer(template):
            org = int(m.group(1))
            for product in _slots(m.group(2)):
                if label(org) == "Organization" and label(product) == "Product":
                    yield "OFFERS", slots[org][1], slots[product][1]
    for m in _OFFERS_JOINT.finditer(template):
        orgs = (int(m.group(1)), int(m.group(2)))
        if not label(orgs[0]) == label(orgs[1]) == "Organization":
            continue
        for org in orgs:
            for product in _slots(m.group(3)):
                if label(product) == "Product":
                    yield "OFFERS", slots[org][1], slots[product][1]
    for m in _OWNS.finditer(template):
        # 我们前瞻计划, 海巡的118系统: an organisation owns a product the rules named;
        # Google 的 Gemini: a company owns a known product (中央社的 Facebook is only a page)
        org, product = int(m.group(1)), int(m.group(2))
        if label(product) != "Product" or not (owned(product) or slots[org][1] in companies):
            continue
        if slots[org][0] == "Self" or (label(org) == "Organization" and m.group(0).find("的") > 0):
            yield "OFFERS", slots[org][1], slots[product][1]
    for pattern in _PARTNERS:
        for m in pattern.finditer(template):
            org = int(m.group(1))
            for other in _slots(m.group(2)):
                if label(org) == label(other) == "Organization":
                    yield "PARTNERS_WITH", slots[org][1], slots[other][1]
    for m in _TOGETHER.finditer(template):
        together = [i for i in _slots(m.group(1)) if label(i) == "Organization"]
        helped = int(m.group(3)) if m.group(3) else None
        if helped is not None and label(helped) == "Organization":
            together.append(helped)
        for i, org in enumerate(together):
            for other in together[i + 1 :]:
                yield "PARTNERS_WITH", slots[org][1], slots[other][1]
    for m in _PART_OF_STATED.finditer(template):
        part, whole = int(m.group(1)), int(m.group(2))
        if label(part) == label(whole) == "Product":
            yield "PART_OF", slots[part][1], slots[whole][1]


#: The version at the end of a product's key (claude3, iphone15pro): the product it versions.
_VERSION_KEY = re.compile(r"(?<=[a-z])\d{1,2}(?:\.?\d{1,2})?(?:pro|max|ultra|mini|turbo|plus)?$")


def product_owners(lexicon: Lexicon) -> dict[str, str]:
    """Product key → key of the organisation the lexicon says makes it (微信 → 腾讯).

    The owner may be written as any name or alias of an organisation entry.
    """
    organisations: dict[str, str] = {}
    for entry in lexicon.entries:
        if entry.label == "Organization":
            for form in entry.forms:
                organisations.setdefault(variant_key(form), entity_key("Organization", entry.name))
    return {
        entity_key("Product", entry.name): organisations.get(
            variant_key(entry.owner), entity_key("Organization", entry.owner)
        )
        for entry in lexicon.entries
        if entry.label == "Product" and entry.owner
    }


def _owned_known(
    slots: list[tuple[str, str]], owners: Mapping[str, str]
) -> Iterator[tuple[str, str, str]]:
    """OFFERS for a known product whose maker the same sentence names (OpenAI 的 ChatGPT,
    微软把 Skype 停了): the lexicon says who makes it, the sentence ties the two together."""
    keys = {key for _, key in slots}
    for label, key in slots:
        if label != "Product":
            continue
        owner = owners.get(key) or owners.get(_VERSION_KEY.sub("", key))  # Claude 3: Claude's
        if owner is not None and owner in keys:
            yield "OFFERS", owner, key


def _makers_inside(mentions: list[Mention]) -> Iterator[tuple[str, str, str]]:
    """A maker named inside its product's name (Google in Google 搜尋) offers it."""
    for product in mentions:
        if product.label != "Product" or product.rule not in MAKER_LED_RULES:
            continue
        for maker in mentions:
            inside = product.start <= maker.start and maker.end < product.end
            if maker.label == "Organization" and inside and maker.entity != product.entity:
                yield "OFFERS", maker.entity, product.entity


def extract_relations(t: Transcript, owners: Mapping[str, str] | None = None) -> list[Relation]:
    """Relations stated in `t`, one per (type, source, target), evidence = turn seqs.

    `owners` (see `product_owners`) adds the makers of known products named beside them.
    """
    by_turn: dict[int, list[Mention]] = defaultdict(list)
    for m in t.mentions:
        by_turn[m.turn].append(m)
    evidence: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    companies = frozenset(key for key, e in t.entities.items() if e.kind == "company")
    for turn in t.turns:
        mentions = sorted(by_turn.get(turn.seq, []), key=lambda m: m.start)
        speaker = t.speakers.get(turn.speaker)
        self_org = speaker.organization if speaker and speaker.role != "reporter" else None
        if not mentions:
            continue
        view = normalized_view(turn.text)
        inverse = _inverse(view)
        for template, slots in _template(view, inverse, mentions, turn.start, self_org):
            for found in _read(template, slots, companies):
                if found[1] != found[2]:
                    evidence[found].add(turn.seq)
            for found in _owned_known(slots, owners or {}):
                evidence[found].add(turn.seq)
        for found in _makers_inside(mentions):
            evidence[found].add(turn.seq)
    return [
        Relation(kind, source, target, tuple(sorted(seqs)))
        for (kind, source, target), seqs in sorted(evidence.items())
    ]


@register("relations")
def make_stage(options: ExtractOptions) -> Stage:
    """The patterns are compiled at import; the lexicon gives the makers of known products."""
    owners = product_owners(load_lexicon(options.lexicons))

    def stage(t: Transcript) -> Transcript:
        known = {(r.type, r.source, r.target) for r in t.relations}
        t.relations += [
            r for r in extract_relations(t, owners) if (r.type, r.source, r.target) not in known
        ]
        return t

    return stage
