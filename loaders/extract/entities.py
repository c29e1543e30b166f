"""Extraction stage `entities`: organisations, products, technologies, persons, places.

Four sources, strongest first, so that a span is claimed once:

1. what the roles stage already knows about this transcript (speakers, their
   short forms such as 王行长, their organisations and outlets);
2. product names found by the rules in `product_rules` (no list of products is
   shipped: a press conference about a new product names it in recurring ways),
   then matched again in every turn so later bare mentions count too;
3. the domain lexicon (shipped YAML plus the user's `--lexicon` files), matched
   with Aho-Corasick leftmost-longest on the normalised view;
4. jieba part-of-speech tags, once per turn: full names that stand alone (a surname and a
   two-character given name tagged `nr`, no part an ordinary word) anywhere, other
   persons (`nr`) and places (`ns`) only in clauses that hold a title or place cue.

Last, a name listed beside a found one (微軟、KKtix等等) is taken as one of its kind
(`coordination`) and mentioned wherever the transcript writes it.

Overlaps are resolved by length, then by that order. Every mention's span
points into `Transcript.text`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

import rjieba

from loaders.extract.coordination import listed_siblings
from loaders.extract.landmarks import landmark_span
from loaders.extract.latin_names import MAKER_LED_RULES, latin_names
from loaders.extract.matcher import Hit, Matcher
from loaders.extract.product_rules import (
    REPEAT_IN_TEXT,
    REPEAT_THRESHOLD,
    REPEAT_TIMES,
    REPEATABLE,
    THRESHOLD,
    find_candidates,
)
from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.extract.rule_text import SURNAMES, Candidate, is_common_word, pos_tags
from loaders.extract.subunits import government_subunits
from loaders.extract.visitors import title_visitor
from loaders.keys import entity_key, person_key
from loaders.lexicon import Lexicon, LexiconEntry, load_lexicon
from loaders.model import Entity, Mention, Transcript, Turn, title_span
from loaders.normalize import (
    NormalizedText,
    normalized_view,
    variant_key,
    variant_keys,
    view_words,
)

__all__ = ["EntityFinder", "make_stage"]

# Priorities of the sources when two claims cover the same span (lower wins).
_KNOWN, _PRODUCT, _LEXICON, _POS = 0, 1, 2, 3

_QUOTES = "“”\"「」『』《》‘’'"
# An address ends at white space, a closing bracket or quote, or Chinese text and punctuation
# (http://penghu.pdis.tw/），我這邊有一個QR code: the address stops before the bracket).
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>」』”）】，。、；！？\u3000-\u303f\u4e00-\u9fff]+")
_CLAUSE = re.compile(r"[^,.;!?，。；！？\n]+")
# Title cues (simplified; the view is simplified): a person's name stands next to one.
#: Titles of heads of government and diplomats, as briefings name them (胡春华副总理,
#: 外长王毅, 国务卿蒂勒森): they cue names and vouch for the name beside them.
_DIPLOMATIC_TITLES: tuple[str, ...] = (
    *("总理", "首相", "外长", "大使", "国务卿", "书记", "省长", "州长", "议长"),
    *("委员长", "总干事", "特使", "总领事", "参赞", "司令员"),
)
_TITLES = [
    "先生",
    "女士",
    "小姐",
    "部长",
    "副部长",
    "次长",
    "院长",
    "副院长",
    "行长",
    "副行长",
    "总经理",
    "副总经理",
    "经理",
    "董事长",
    "董事",
    "总裁",
    "副总裁",
    "主任",
    "副主任",
    "主席",
    "副主席",
    "委员",
    "政务委员",
    "局长",
    "副局长",
    "署长",
    "副署长",
    "处长",
    "司长",
    "厅长",
    "省长",
    "市长",
    "县长",
    "总统",
    "副总统",
    "总理",
    "发言人",
    "政委",
    "教授",
    "博士",
    "记者",
    "主播",
    "执行长",
    "秘书长",
    "理事长",
    "参事",
    "总干事",
    "老师",
    "律师",
    "医师",
    "议员",
    "立委",
    "委员长",
    "召集人",
    "创办人",
    "董事长",
    "研究员",
    "组长",
    "科长",
    "队长",
    "专委",
    "专门委员",
    "科员",
    "技正",
    "主秘",
    "执秘",
    "参议",
    "秘书",
    *_DIPLOMATIC_TITLES,
]
_TITLE_RE = re.compile(view_words(*_TITLES))  # as the view writes them: 執行長 → 首席执行官
_PLACE_SUFFIX = re.compile(r"[省市县区镇乡村岛屿州湾]")
_NOT_PERSON = set(
    [
        "谢谢",
        "大家",
        "各位",
        "智慧",
        "小微",
        "记者",
        "先生",
        "女士",
        "老师",
        "同志",
        "朋友",
        "我们",
        "你们",
        "他们",
        "主持人",
        "发言人",
        "王道",
        "高达",
        "马上",
        "安全",
        "白宫",
        "金融",
        "武汉",
        "文明",
        "高新",
        "常态",
        "连任",
        "明白",
        # set phrases jieba tags as names (简|言之: in short)
        "简言之",
        "总言之",
        "换言之",
        "要言之",
    ]
)
_PLACE_PREFIX_STOP = set("全本该各我贵此其每某")
_NOT_PLACE = set(
    [
        "山区",
        "离岛",
        "地区",
        "市区",
        "郊区",
        "社区",
        "园区",
        "灾区",
        "城区",
        "景区",
        "辖区",
        "港区",
        "厂区",
        "小区",
        "城市",
        "都市",
        "大城市",
        "大都市",
        "港湾",
        "偏远地区",
        "偏乡地区",
        "县市",
        "岛屿",
        "海岛",
        "本岛",
        "外岛",
        "海湾",
        "新市镇",
    ]
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
)


#: Endings that derive a word from a name: plurals and agent nouns (YouTuber, YouTubers).
_DERIVED_ENDS = ("rs", "r", "s", "es")


#: The internal turn number of the title: its mentions are recorded as turn 0, the opening.
_TITLE = -1


def _title_turn(t: Transcript) -> Turn | None:
    """The title, where the text holds it: it names things too (天下文化远见新书采访, 数位发展部
    部务会议). Only known names, bodies and quoted names are taken from it; other product
    rules read a title's terse description wrongly (开放政府行动方案政策规划)."""
    span = title_span(t)
    return None if span is None else Turn(_TITLE, "", t.title, *span)


def _standing_alone(word: str) -> str:
    """A pattern for `word` whose Latin or digit edges touch no other Latin or digit."""
    head = "(?<![a-z0-9])" if word[:1].isascii() and word[:1].isalnum() else ""
    tail = "(?![a-z0-9])" if word[-1:].isascii() and word[-1:].isalnum() else ""
    return head + re.escape(word) + tail


@dataclass(frozen=True)
class _Claim:
    start: int  # original offsets
    end: int
    priority: int
    label: str
    key: str
    name: str
    rule: str
    confidence: float
    aliases: tuple[str, ...] = ()
    kind: str | None = None


def _clean_name(surface: str) -> str:
    return re.sub(rf"[{_QUOTES}]", "", surface).strip()


class EntityFinder:
    """Holds the lexicon automaton (built once) and tags transcripts with it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.matcher = Matcher(
            ((form, entry) for entry in lexicon.entries for form in entry.forms),
            lexicon.blockers,
        )
        # An entry's context words as the view writes them (确诊 for 確診 and 确诊), a Latin
        # or digit edge standing alone (7-11 is not inside 2017-11-17, nor bot in robot).
        self._context: dict[LexiconEntry, re.Pattern[str]] = {
            entry: re.compile(
                "|".join(_standing_alone(normalized_view(word).text) for word in entry.context)
            )
            for entry in lexicon.entries
            if entry.context
        }
        # Load the POS dictionary and the common-word set now, once per process.
        rjieba.tag("预热")
        is_common_word("预热")
        self._forms: set[str] = {
            variant
            for entry in lexicon.entries
            for form in entry.forms
            for variant in variant_keys(form)
        }

    def _in_context(self, hit: Hit, text: str, found: dict[LexiconEntry, bool]) -> bool:
        """Whether a hit counts: a context alias only where the transcript writes a context
        word (指挥中心 where it writes 疫情), any other form anywhere. `found` keeps each
        entry's answer for `text`, which is searched once per entry, not once per hit."""
        entry = hit.payload
        if not (isinstance(entry, LexiconEntry) and hit.form in entry.context_aliases):
            return True
        if entry not in found:
            found[entry] = self._context[entry].search(text) is not None
        return found[entry]

    def knows(self, name: str) -> bool:
        """Whether the lexicon holds `name` in any of its forms."""
        return variant_key(name) in self._forms

    # -- the stage
    def __call__(self, t: Transcript) -> Transcript:
        opening = t.preamble  # a briefing's opening announcement names things too
        turns = [opening, *t.turns] if opening is not None else list(t.turns)
        title = _title_turn(t)
        if title is not None:
            turns.append(title)
        views = {turn.seq: normalized_view(turn.text) for turn in turns}
        offsets = {turn.seq: turn.start for turn in turns}
        claims: dict[int, list[_Claim]] = {seq: [] for seq in views}

        known = self._known_matcher(t)
        whole = "\n".join(view.text for view in views.values())
        in_context: dict[LexiconEntry, bool] = {}
        lexicon_hits = {
            seq: [
                hit for hit in self.matcher.find(view) if self._in_context(hit, whole, in_context)
            ]
            for seq, view in views.items()
        }
        products, product_matcher = self._discover_products(t, views, lexicon_hits)
        for seq, view in views.items():
            base = offsets[seq]
            for hit in known.find(view):
                ent = hit.payload
                assert isinstance(ent, Entity)
                claims[seq].append(self._claim(hit, base, _KNOWN, ent.label, ent.key, ent.name))
            for hit in product_matcher.find(view):
                key = str(hit.payload)
                name, rule, conf, label = products[key]
                claims[seq].append(self._claim(hit, base, _PRODUCT, label, key, name, rule, conf))
            place_starts = {
                h.start
                for h in lexicon_hits[seq]
                if isinstance(h.payload, LexiconEntry) and h.payload.label == "Place"
            }
            for hit in lexicon_hits[seq]:
                entry = hit.payload
                assert isinstance(entry, LexiconEntry)
                if entry.label == "Place" and _NAMED_ACCORD.match(view.text, hit.end):
                    continue  # 《蒙特婁協定》, 巴黎协定: an accord named after a city
                if entry.label == "Place" and (
                    span := landmark_span(view.text, hit.start, hit.end, place_starts)
                ):
                    claims[seq].append(_lexicon_widened(view, *span, base, "Place", "landmark"))
                if entry.label == "Product":
                    longer = _extended_product(view, hit, base)
                    if longer is not None:
                        claims[seq].append(longer)
                claims[seq].append(
                    self._claim(
                        hit,
                        base,
                        _LEXICON,
                        entry.label,
                        entity_key(entry.label, entry.name),
                        entry.name,
                        aliases=entry.aliases,
                        kind=entry.kind,
                    )
                )
        makers: dict[int, list[_Claim]] = {}
        for seq, chosen in claims.items():
            links = [
                (offsets[seq] + u.start(), offsets[seq] + u.end())
                for u in _URL.finditer(views[seq].original)
            ]
            if links:  # names inside a link's address are not mentions (youtube.com)
                chosen = [c for c in chosen if not any(s <= c.start < e for s, e in links)]
            kept = _resolve(chosen)
            if seq == _TITLE:  # known names only: a title is too terse for word guesses
                for claim in kept:
                    self._record(t, 0, claim)
                continue
            found = self._pos_claims(t, seq, views[seq], offsets[seq], kept)
            persons = [k for k in kept if k.label == "Person"]
            found = [  # 政委唐凤|提建言, 但|唐凤政委: a known name and a character beside it
                c for c in found if c.label != "Person" or not _one_more_char(c, persons)
            ]
            kept = _resolve(kept + found)
            for claim in kept:
                self._record(t, seq, claim)
            makers[seq] = _makers_inside(kept, chosen)
        named = {m.entity for m in t.mentions}
        for seq, inside in makers.items():
            for claim in inside:
                if claim.key in named:  # Apple Pencil alone does not make Apple a subject
                    self._record(t, seq, claim)
        self._record_siblings(t, [turn for turn in turns if turn.seq != _TITLE], views)
        return t

    def _record_siblings(
        self, t: Transcript, turns: list[Turn], views: dict[int, NormalizedText]
    ) -> None:
        """Names listed beside found ones (微軟、KKtix等等), mentioned wherever the
        transcript writes them outside another mention."""
        held: dict[int, list[Mention]] = defaultdict(list)
        for mention in t.mentions:
            held[mention.turn].append(mention)
        names: dict[str, tuple[str, str]] = {}
        for turn in turns:
            for sibling in listed_siblings(t.text, turn.start, turn.end, held[turn.seq]):
                name = t.text[sibling.start : sibling.end].strip()
                if not self.knows(name):  # the lexicon kept it out here (a context alias)
                    names.setdefault(entity_key(sibling.label, name), (sibling.label, name))
        if not names:
            return
        matcher = Matcher((name, key) for key, (_, name) in names.items())
        for turn in turns:
            taken = [(m.start, m.end) for m in held[turn.seq]]
            for hit in matcher.find(views[turn.seq]):
                start, end = turn.start + hit.orig_start, turn.start + hit.orig_end
                if any(start < e and s < end for s, e in taken):
                    continue
                key = str(hit.payload)
                label, name = names[key]
                claim = _Claim(start, end, _POS, label, key, name, "listed_sibling", 0.6)
                self._record(t, turn.seq, claim)

    # -- sources
    def _known_matcher(self, t: Transcript) -> Matcher:
        forms: list[tuple[str, object]] = []
        for entity in t.entities.values():
            if entity.anonymous or entity.label not in ("Person", "Organization"):
                continue
            forms += [(form, entity) for form in (entity.name, *entity.aliases)]
        return Matcher(forms)

    def _discover_products(
        self, t: Transcript, views: dict[int, NormalizedText], lexicon_hits: dict[int, list[Hit]]
    ) -> tuple[dict[str, tuple[str, str, float, str]], Matcher]:
        """Names the rules find anywhere in the transcript (mostly products), and a matcher.

        Departments of a known government body (`government_subunits`) need the
        lexicon hits of their turn, so they are found here too.
        """
        products: dict[str, tuple[str, str, float, str]] = {}
        forms: list[tuple[str, object]] = []
        found = [
            (views[seq], _from_parent(cand, hits))
            for seq, hits in lexicon_hits.items()
            for cand in find_candidates(views[seq], REPEAT_THRESHOLD)
            if cand.confidence >= THRESHOLD or cand.rule in REPEATABLE
            # a title names bodies (拜访中华民国软体协会) and what it quotes (研商「…平台」會議)
            if seq != _TITLE or cand.label == "Organization" or cand.rule == "quoted_name"
        ]
        found += [
            (views[seq], cand)
            for seq, hits in lexicon_hits.items()
            for cand in (
                *government_subunits(views[seq], hits),
                *(latin_names(views[seq], hits) if seq != _TITLE else ()),
                *(title_visitor(views[seq], hits) if seq == _TITLE else ()),
            )
        ]
        used = Counter(view.text[c.start : c.end] for view, c in found)
        for view, cand in found:
            times = REPEAT_TIMES.get(cand.rule, 2)
            named = view.text[cand.start : cand.end]
            again = used[named]
            if cand.rule in REPEAT_IN_TEXT:  # 加强全国知识产权质押信息平台建设: named again
                again = sum(v.text.count(named) for v in views.values())
            if cand.confidence < THRESHOLD and again < times:
                continue  # a weak name the transcript does not use again
            s, e = view.span(cand.start, cand.end)
            name = _clean_name(view.original[s:e])
            if len(name) < 2 or self.knows(name):
                continue
            if cand.rule == "modifier_de_system" and self.knows(name[: name.rfind("的")]):
                continue  # 生物识别的平台: a known technology's platform describes, not names
            if cand.rule == "latin_compound" and any(
                self.knows(name[: -len(end)]) for end in _DERIVED_ENDS if name.endswith(end)
            ):
                continue  # YouTubers, GitHubs: people or copies of a known name, not new names
            alias = None
            if cand.alias is not None:
                a_s, a_e = view.span(*cand.alias)
                alias = view.original[a_s:a_e]
                if self.knows(alias):
                    continue  # (API): a known technology, not a name of this thing
            label = cand.label
            key = entity_key(label, name)
            if key not in products:
                products[key] = (name, cand.rule, cand.confidence, label)
            surface = view.original[s:e]
            forms += [(name, key), (surface, key)]  # each spelling: e-ICBC3.0, e-ICBC 3.0
            if alias:
                forms.append((alias, key))
                t.add_entity(Entity(key, label, name, aliases=[alias]))
        return products, Matcher(forms)

    def _pos_claims(
        self, t: Transcript, seq: int, view: NormalizedText, base: int, taken: list[_Claim]
    ) -> list[_Claim]:
        """Persons and places from POS tags: full names anywhere, other names and places
        only in clauses with a title or place cue."""
        text = view.text
        out = [
            _Claim(base + s, base + e, _POS, "Person", person_key(name), name, rule, 0.7)
            for found, rule in ((_self_named, "self_named"), (_transcribed_names, "transcribed"))
            for s, e, name in found(view)
        ]

        def claim(start: int, end: int, label: str, rule: str, confidence: float) -> _Claim:
            """A claim on the original text for the view span `start:end`."""
            o_s, o_e = view.span(start, end)
            name = view.original[o_s:o_e]
            key = person_key(name) if label == "Person" else entity_key(label, name)
            return _Claim(base + o_s, base + o_e, _POS, label, key, name, rule, confidence)

        words = rjieba.tag(text)  # once per turn: jieba splits at punctuation anyway
        bare = list(_bare_full_names(words))
        cued = _TITLE_RE.search(text) is not None or _PLACE_SUFFIX.search(text) is not None
        if not bare and not cued:
            return out
        ends = list(accumulate(len(word) for word, _ in words))
        for i in bare:
            opened = text.rfind("《", max(0, ends[i] - 20), ends[i])
            if opened >= 0 and opened > text.rfind("》", 0, ends[i]):
                continue  # 《哈利波|特》: inside the title of a work
            found = claim(ends[i] - 3, ends[i], "Person", "bare_full_name", 0.6)
            if not any(c.start < found.end and found.start < c.end for c in taken):
                out.append(found)  # else 唐凤|去: a name already known, and the word after it
        if not cued:
            return out
        for clause in _CLAUSE.finditer(text):
            chunk = clause.group()
            has_title = _TITLE_RE.search(chunk) is not None
            has_place = _PLACE_SUFFIX.search(chunk) is not None
            if not (has_title or has_place):
                continue
            first = bisect.bisect_right(ends, clause.start())
            last = bisect.bisect_right(ends, clause.end())
            spans = [
                (ends[i] - len(words[i][0]), ends[i], *words[i])
                for i in range(first, last)
                if ends[i] - len(words[i][0]) >= clause.start()
            ]
            titled = _titled_names(chunk, spans, clause.start()) if has_title else []
            for s, e, rule in titled:
                out.append(claim(clause.start() + s, clause.start() + e, "Person", rule, 0.7))
            for i, (s, e, word, tag) in enumerate(spans):
                if tag == "nr" and has_title and len(word) == 2 and _split_surname(spans, i):
                    s, word = spans[i - 1][0], spans[i - 1][2] + word  # 钱|慕贤科长
                if tag == "nr" and has_title and _person_like(word, spans, i):
                    if len(word) == 3 and (word[-1] in _AFTER_NAME or word[2] == word[0]):
                        e -= 1  # 唐凤|多给, 唐凤|唐政委: an adverb or the surname again
                    out.append(claim(s, e, "Person", "pos_person", 0.7))
                elif tag == "ns" and has_place and _place_like(word):
                    out.append(claim(s, e, "Place", "pos_place", 0.6))
        return out

    # -- helpers
    @staticmethod
    def _claim(
        hit: Hit,
        base: int,
        priority: int,
        label: str,
        key: str,
        name: str,
        rule: str | None = None,
        confidence: float = 1.0,
        aliases: tuple[str, ...] = (),
        kind: str | None = None,
    ) -> _Claim:
        default_rule = {_KNOWN: "speaker", _PRODUCT: "product_rule", _LEXICON: "lexicon"}
        return _Claim(
            base + hit.orig_start,
            base + hit.orig_end,
            priority,
            label,
            key,
            name,
            rule or default_rule[priority],
            confidence,
            aliases,
            kind,
        )

    @staticmethod
    def _record(t: Transcript, seq: int, claim: _Claim) -> None:
        surface = t.text[claim.start : claim.end]
        aliases = list(claim.aliases)
        clean = _clean_name(surface)
        if clean != claim.name and clean not in aliases:
            aliases.append(clean)
        held = t.entities.get(claim.key)
        if held is None or held.label == claim.label:
            t.add_entity(Entity(claim.key, claim.label, claim.name, aliases, kind=claim.kind))
        t.mentions.append(
            Mention(
                entity=claim.key,
                label=claim.label,
                surface=surface,
                start=claim.start,
                end=claim.end,
                turn=seq,
                rule=claim.rule,
                confidence=claim.confidence,
            )
        )


# A known product named with a modifier before it (虚拟健保卡, 行动自然人凭证) or an
# edition word after a Latin brand (LINE today, LINE Pay): a product of its own.
_PRODUCT_MODIFIERS = re.compile(
    r"(?:虚拟|行动|移动|电子|数位|数字|智慧|智能|线上|在线|网路|网络|手机|云端)$"
)
_EDITION = re.compile(r" ([a-z][a-z]{2,9})(?![a-z0-9])")
_NOT_EDITION = {
    *("and", "the", "for", "with", "group", "groups", "account", "page", "post", "posts"),
    *("app", "apps", "user", "users", "message", "messages", "official", "chat", "link"),
    *("channel", "channels", "video", "videos", "live", "store", "ads", "ad"),
    *("team", "teams", "service", "services", "platform", "data", "code", "api", "site"),
    *("is", "are", "was", "has", "have", "of", "to", "in", "on", "or", "id", "ids"),
    *("mission", "vision", "policy", "policies", "community", "fans", "friends"),
}


#: A version after a known product's Latin name (Claude 3, Llama 2, GPT 4, iOS 17.2 Pro).
_VERSION = re.compile(
    r" ?\d{1,2}(?:\.\d{1,2})?(?: ?(?:pro|max|ultra|mini|turbo|plus|opus|sonnet|haiku|flash))?"
    r"(?![0-9a-z.%]|,\d)"  # not 5,000 人
)
#: What after a number makes it a count, a time or a rank, not a version (Claude 3 个, GPT 4 月).
_NOT_VERSION_AFTER = set("个個年月日号號次位名款台臺部家种種项項条條篇张張分秒点點倍成岁歲")


def _lexicon_widened(
    view: NormalizedText, start: int, end: int, base: int, label: str, rule: str
) -> _Claim:
    """A lexicon hit widened to view span [start, end), named as the text writes that
    span: a product's edition (LINE today) or a landmark its place names (台北|车站)."""
    o_start, o_end = view.span(start, end)
    name = view.original[o_start:o_end]
    key = entity_key(label, name)
    return _Claim(base + o_start, base + o_end, _LEXICON, label, key, name, rule, 0.8)


def _extended_product(view: NormalizedText, hit: Hit, base: int) -> _Claim | None:
    text = view.text
    start, end = hit.start, hit.end
    if text[end - 1].isascii() and text[end - 1].isalpha():
        m = _EDITION.match(text, end)
        # only inside Chinese text (跟LINE today合作): in English, the next word is a word
        chinese = (start == 0 or not text[start - 1].isascii()) and (
            m is not None and m.end() < len(text) and not text[m.end()].isascii()
        )
        if m and chinese and m.group(1) not in _NOT_EDITION:
            end = m.end()
        elif (v := _VERSION.match(text, end)) and text[v.end() :].lstrip(" ")[:1] not in (
            _NOT_VERSION_AFTER
        ):
            end = v.end()  # Claude 3, GPT 4: a version of the product, its own node
    if end == hit.end and not text[start].isascii():
        m = _PRODUCT_MODIFIERS.search(text, max(0, start - 2), start)
        if m:
            start = m.start()
    if (start, end) == (hit.start, hit.end):
        return None
    return _lexicon_widened(view, start, end, base, "Product", "lexicon_extended")


# Titles of office that stand right before or after a name in announcements
# (候任部长黄彦男, 数位产业署林俊秀副署长, 正华署长).
_SENIOR = view_words(  # each as the view writes it: Taiwan's 執行長 is 首席执行官 there
    *("部长", "次长", "院长", "署长", "局长", "司长", "处长", "主委", "主任委员", "执行长"),
    *("董事长", "总经理", "秘书长", "市长", "县长", "行长", "总裁", "理事长", "政委", "总统"),
    *("主席", "发言人", "所长", "主任", "厅长", "校长", "会长", "社长", "台长"),
    *_DIPLOMATIC_TITLES,
)
_SENIOR_RE = re.compile(_SENIOR)
_SURNAME_CLASS = "".join(sorted(SURNAMES))
_TITLE_THEN_NAME = re.compile(
    rf"(?:候任|准|前|新任|代理|副)?(?:{_SENIOR})([{_SURNAME_CLASS}][\u4e00-\u9fff]{{1,2}})"
)
_ORG_END_CHARS = "部署局院会处司厅府所"
_ORG_NAME_TITLE = re.compile(
    rf"(?<=[{_ORG_END_CHARS}])([{_SURNAME_CLASS}][\u4e00-\u9fff]{{1,2}}?)副?(?:{_SENIOR})"
)
#: Function words that are also rare surnames (由唐凤, 向王明): before a name they are not its
#: surname.
_FUNCTION_CHARS = set("由向于从把被以为和与跟将对给让在是也都就还又请叫找问帮替代经那这每各该本某")
#: Characters that end a name rather than belong to it (部长黄彦男的, 部长唐凤说).
_AFTER_NAME = set("的了在和与是也都就还又被从向到以而或给让用有并说讲跟及等对将会已曾多再很最更于")


def _titled_names(
    chunk: str, spans: list[tuple[int, int, str, str]], offset: int = 0
) -> list[tuple[int, int, str]]:
    """Persons a title vouches for, as (start, end, rule) in `chunk`.

    `spans` are the POS tags of `chunk`, positioned from `offset`.

    `title_before_name`: 候任部长黄彦男 (two or three characters: the third is kept
    unless it ends the name: 部长唐凤表示); `org_name_title`: 数位产业署林俊秀副署长;
    `given_name_title`: a tagged given name right before a title (正华署长), with the
    surname when jieba tagged it apart (李|怀仁次长); `name_personal_title`: a full name
    before 老师, 教授, 先生 and the like (沈伯洋老师), read even when jieba calls it a place.
    """
    out: list[tuple[int, int, str]] = []
    for m in _NAME_THEN_PERSONAL.finditer(chunk):  # 沈伯洋老师, 翁章梁老师, 赖全裕教授
        if _full_name_before_title(chunk, m.start(1), m.group(1), loose=True):
            out.append((m.start(1), m.end(1), "name_personal_title"))
    if not _SENIOR_RE.search(chunk):
        return out  # 先生, 记者, 老师 alone: the rules below read titles of office only
    for m in _TITLE_THEN_NAME.finditer(chunk):
        start = m.start(1)
        size = _name_after_title(chunk[start : start + 5])
        if size:
            out.append((start, start + size, "title_before_name"))
    for m in _ORG_NAME_TITLE.finditer(chunk):
        name = m.group(1)
        if (
            len(name) >= 2
            and name[-1] not in _ORG_END_CHARS + "副"
            and not is_common_word(name)
            and name not in _NOT_PERSON
            and not _verb_led(name)
        ):
            out.append((m.start(1), m.end(1), "org_name_title"))
    for m in _NAME_THEN_TITLE.finditer(chunk):
        if _full_name_before_title(chunk, m.start(1), m.group(1)):
            out.append((m.start(1), m.end(1), "name_title"))
    for pattern in (_TRANSCRIBED_THEN_HEAD, _HEAD_THEN_TRANSCRIBED):
        for m in pattern.finditer(chunk):  # 会见卡博雷总统, 国务卿蒂勒森: a foreign leader
            if _ordinary_word(m.group("name")):
                continue  # 谢谢|议长, 拜托|秘书长: a word, not a name
            out.append((m.start("name"), m.end("name"), "transcribed_title"))
    for i, (s, e, word, tag) in enumerate(spans[:-1]):
        after = spans[i + 1][2]
        if (
            len(word) == 2
            and tag in ("nr", "nz", "nrfg")
            and re.fullmatch(_SENIOR, after)
            and word[0] not in SURNAMES
            and word[0] not in _ASKING_VERBS  # 邀|吕署长: invite 吕, not 邀吕
            and not is_common_word(word)
            and word not in _NOT_PERSON
            and not _verb_led(word)
            and re.fullmatch(r"[\u4e00-\u9fff]+", word)
        ):
            if _split_surname(spans, i):
                s = spans[i - 1][0]  # 跟李|怀仁次长: jieba split the surname off the name
            out.append((s - offset, e - offset, "given_name_title"))
    return out


#: A surname and a two-character given name right before a title of office (徐国勇发言人).
_NAME_THEN_TITLE = re.compile(rf"([{_SURNAME_CLASS}][\u4e00-\u9fff]{{2}})副?(?:{_SENIOR})")
#: A surname and a two-character given name right before a personal title (沈伯洋老师).
_NAME_THEN_PERSONAL = re.compile(
    rf"([{_SURNAME_CLASS}][\u4e00-\u9fff]{{2}})(?:老师|教授|先生|女士|博士|律师|医师|委员(?!会)|议员|立委)"
)
_OFFICE_AFTER = re.compile(rf"副?(?:{_SENIOR})")
_TITLE_ALONE = re.compile(rf"{_SENIOR}|委员|议员|立委|老师|教授|先生|女士|博士")
#: Last characters of a body, a place or a title, not of a given name (卫福部, 高雄市, 林全前).
_NOT_NAME_END = set("前副部处市署局分院长任县会司所组科")


def _common_given_name(chunk: str, start: int, name: str) -> bool:
    """Whether a given name that is also a noun is a name here: 廖兴国主任秘书, 林万亿政委.

    Only a title of office vouches for it, and only a noun or a number (兴国, 全能, 万亿):
    a verb after a surname-like character is an action (来讨论处长所说, 满赞同政委).
    """
    if _OFFICE_AFTER.match(chunk, start + 3) is None:
        return False
    tags = pos_tags(name[1:])
    if len(tags) != 1 or name[1] in "一两几" or _TITLE_ALONE.fullmatch(name[1:]):
        return False
    return tags[0][1] in ("n", "nr", "nz", "ns", "m")


def _full_name_before_title(chunk: str, start: int, name: str, loose: bool = False) -> bool:
    """Whether `name` before a title is a person's name (徐国勇发言人; not 谢谢唐|凤 or 卫福部).

    jieba may split such names (徐国|勇), so the tags are read loosely: one name word, or a
    surname and a given name; ordinary words, function words, and a surname that ends an
    ordinary word before it (谢谢|唐凤) are refused.
    """
    before = chunk[start - 1 : start + 1] if start else ""
    if before and is_common_word(before):
        return False  # 谢|谢唐凤: the first character belongs to the word before
    if name in _NOT_PERSON or name[0] in _FUNCTION_CHARS or name[-1] in _NOT_NAME_END:
        return False
    if name[1] in _ORG_END_CHARS or name[2] == name[0]:
        return False  # 管处|洪处长, 唐凤|唐政委: a body or a name, then a surname and title
    if any(c in _AFTER_NAME or c in _FUNCTION_CHARS for c in name[1:]):
        return False
    known_name = pos_tags(name) == ((name, "nr"),)  # the dictionary's own names: 胡春华
    if (is_common_word(name) and not known_name) or is_common_word(name[:2]):
        return False
    if name[1:] in _BODY_WORDS:
        return False  # 应|国家副主席: a word for a body, then the body's title
    if name[1:] in _TITLE_LEADS:
        return False  # 邱|常务次长, 林|政务次长: a surname, then a longer title
    if is_common_word(name[1:]):
        return not loose and _common_given_name(chunk, start, name)
    tags = pos_tags(name)
    if len(tags) == 1:  # before a personal title, jieba's place or noun tag is read as a name
        return tags[0][1] in (("nr", "ns", "nz") if loose else ("nr",))  # 沈伯洋|老师
    if len(tags) != 2:
        return False
    (first, _), (rest, tag) = tags
    if len(first) == 1:
        return tag in ("nr", "n", "nz", "ns")  # 蔡|玉玲
    return len(rest) == 1 and tag in ("n", "nr", "ng")  # 徐国|勇


#: What makes a place's name the name of an accord signed there (巴黎协定, 蒙特婁議定書).
_NAMED_ACCORD = re.compile(r"(?:协定|议定书|公约|条约|宣言|协议|共识|备忘录)")
#: Words for a state or a body that lead titles of office (国家副主席, 中央委员): never a
#: given name, though a surname may stand before them (应国家副主席李源潮邀请).
_BODY_WORDS = {"国家", "政府", "中央", "地方", "全国", "国务", "人民", "省委", "市委"}
#: Words that open a longer title (常务次长, 政务次长, 执行秘书长, 首席执行官): after a
#: surname they are the title's start, not a given name.
_TITLE_LEADS = {"常务", "政务", "执行", "首席", "资深", "代理", "名誉", "荣誉", "候任", "新任"}


#: A speaker naming themself: 我叫竣杰, 我是中央社记者王小明, 记者,我叫芷筠.
_SELF_NAMED = re.compile(
    r"(?:我叫做|我叫|我的名字是|我是[^,.;!?]{0,12}?记者)\s*([\u4e00-\u9fff]{2,3}?)"
    r"(?=[,.;!?\s]|$|您好|你好|想|要|请|来自|代表)"
)


#: Characters of foreign names as Chinese transcribes them (the Xinhua tables of English,
#: French, German, Russian and Arabic names), simplified as the view writes them.
_TRANSCRIPTION = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查察彻达戴丹道德登迪蒂丁东杜多厄恩尔"
    "法范菲费芬丰佛弗福富盖甘冈戈哥格古瓜哈海汉豪赫亨胡华怀霍基吉加贾嘉杰金卡凯坎康考柯"
    "科克肯库夸奎拉莱赖兰朗劳勒雷蕾里理丽利莉林琳卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明莫"
    "默姆穆纳娜南内尼妮涅宁纽努诺欧帕潘佩彭皮珀普奇齐乔切琴丘萨塞赛桑瑟森沙珊尚舍什施史"
    "斯松苏索塔泰坦汤特提图托瓦万旺威韦维温沃乌伍西希席夏谢辛休雅亚扬耶伊因英尤约泽扎詹顿"
    "兹朱祖佐娃茨翰茜薇丝黛琪露莎芙缇柏鄂根培斐芭霖娅妮莲凡瑞舒蒲璐奈缪萧霞黎夫列隆琼罕锡"
)
#: The dots that join the parts of a transcribed name (希拉里·克林顿, 瑪格麗特・胡佛).
_NAME_DOT = "·・‧•∙"
_TRANSCRIBING = "".join(sorted(_TRANSCRIPTION))
_TRANSCRIBED = re.compile(rf"[{_TRANSCRIBING}]{{2,6}}(?:[{_NAME_DOT}][{_TRANSCRIBING}]{{1,7}})+")
#: What may stand before a transcribed name: a pause, a function word, or the end of a word
#: (州长加文·纽森, 微软的萨蒂亚·纳德拉).
_BEFORE_TRANSCRIBED = set("的了和与跟及、,，是在由向把被给对从为说像如叫请见")


#: Titles of heads of state and government and of foreign ministers, before or after a
#: transcribed foreign name (卡博雷总统, 同蒂耶巴总理, 国务卿蒂勒森).
_HEAD_TITLE = r"(?:副总统|总统|总理|首相|外长|国王|女王|国务卿|议长|秘书长|总干事)"
_TRANSCRIBED_THEN_HEAD = re.compile(
    rf"(?<=[{''.join(sorted(_BEFORE_TRANSCRIBED))}同晤])"
    rf"(?P<name>[{_TRANSCRIBING}]{{2,5}}){_HEAD_TITLE}"
)
_HEAD_THEN_TRANSCRIBED = re.compile(
    rf"{_HEAD_TITLE}(?P<name>[{_TRANSCRIBING}]{{2,5}})(?![{_TRANSCRIBING}])(?=[的和与及、,，。;；将在表就对说也等]|$)"
)


def _ordinary_word(word: str) -> bool:
    """A word, not a name: 谢谢 and 拜托 (which jieba tags as names), 希望, 提到."""
    tags = pos_tags(word)
    if word in _NOT_PERSON or word[0] in _FUNCTION_CHARS or tags[0][1].startswith("v"):
        return True
    return is_common_word(word) and not (len(tags) == 1 and tags[0][1] in ("nr", "nrfg"))


def _name_may_start(text: str, i: int) -> bool:
    before = text[i - 1] if i else ""
    if not re.match(r"[\u4e00-\u9fff]", before) or before in _BEFORE_TRANSCRIBED:
        return True
    return any(is_common_word(text[max(0, i - k) : i]) for k in (2, 3, 4))


def _transcribed_names(view: NormalizedText) -> list[tuple[int, int, str]]:
    """Foreign names as Chinese writes them, parts joined by a dot (希拉里·克林顿), as
    (start, end, name) in the original text.

    Every character of the name must be one Chinese uses to transcribe names, and the name
    must start after a pause, a function word or a whole word, so a quoted slogan
    (「亚洲‧硅谷」) or a truncated name (甘克帆‧巴宴尔) is not taken.
    """
    out: list[tuple[int, int, str]] = []
    text = view.text
    for m in _TRANSCRIBED.finditer(text):
        end = m.end()
        after = text[end] if end < len(text) else ""
        dot = next(i for i in range(m.start(), end) if text[i] in _NAME_DOT)
        # the first part starts where a word or a pause ends (总理|乔萨亚, 国务卿|希拉里)
        start = next((i for i in range(m.start(), dot - 1) if _name_may_start(text, i)), None)
        if start is None:
            continue  # the name runs on to the left: part of something else
        before = text[start - 1] if start else ""
        if (after and after in _NAME_DOT + "」”』\"'") or (before and before in "「“『\"'"):
            continue
        s, e = view.span(start, end)
        out.append((s, e, view.original[s:e]))
    return out


def _self_named(view: NormalizedText) -> list[tuple[int, int, str]]:
    """Persons who introduce themselves, as (start, end, name) in the original text.

    After 我叫 a given name alone is a name (竣杰); after 记者 the name must start with a
    surname, since 记者朋友, 记者会 follow that word too.
    """
    out: list[tuple[int, int, str]] = []
    for m in _SELF_NAMED.finditer(view.text):
        name = m.group(1)
        after_reporter = m.group().startswith("我是")
        if after_reporter and name[0] not in SURNAMES:
            continue
        if name in _NOT_PERSON or is_common_word(name) or _verb_led(name):
            continue
        if any(c in _AFTER_NAME for c in name[1:]) or name[0] in "这那它他她我你":
            continue
        s, e = view.span(m.start(1), m.end(1))
        out.append((s, e, view.original[s:e]))
    return out


def _split_surname(spans: list[tuple[int, int, str, str]], i: int) -> bool:
    """Whether the word before `spans[i]` is a surname jieba split off the given name
    (李|怀仁, 钱|慕贤), not a function word that is also a rare surname (由|唐凤)."""
    if i == 0:
        return False
    prev = spans[i - 1][2]
    return (
        len(prev) == 1
        and prev in SURNAMES
        and prev not in _AFTER_NAME
        and prev not in _FUNCTION_CHARS
    )


def _name_after_title(window: str) -> int:
    """Length of the name that opens `window` (the text right after a title), or 0.

    An honorific after two or three characters closes the name (董事长田国立先生); else
    jieba tags the name `nr` (黄彦|男, 朴元淳), or splits off the surname and leaves a
    given name that is no ordinary word (何|全德); 官提到, 时每一次, 那一些 are not names.
    """
    for size in (2, 3):  # 董事长田国立先生: an honorific closes the name
        if window[size : size + 2] in ("先生", "女士") and re.fullmatch(
            r"[\u4e00-\u9fff]+", window[:size]
        ):
            return size
    tags = pos_tags(window)
    first, tag = tags[0]
    after = tags[1] if len(tags) > 1 else ("", "")
    if tag == "nr" and 2 <= len(first) <= 3 and first not in _NOT_PERSON:
        if len(first) == 2 and len(after[0]) == 1 and after[1] in ("n", "ng"):
            return 3  # 黄彦|男: a third character tagged apart
        if len(first) == 3 and first[2] == first[0]:
            return 2  # 政委唐凤|唐政委: the name, then its surname with a title again
        return 2 if first[-1] in _AFTER_NAME else len(first)  # 主席唐凤|多给
    given, given_tag = after
    if (
        len(first) == 1
        and first not in _FUNCTION_CHARS  # 委员长都退席: 都 is "all", not a surname here
        and 1 <= len(given) <= 2
        and not given_tag.startswith(("p", "c", "u", "d", "m", "r", "x", "q", "t", "f"))
        and not is_common_word(given)
        and not any(c in _AFTER_NAME for c in given)
    ):
        return 1 + len(given)
    return 0


#: Last characters of things jieba may tag as a name (高丽菜, 阿美族, 钟点费, 万灵丹).
_THING_END = set(
    "族班费品鱼丹菜性证者化书权队馆店厂堂人家们路街道曲员生秘营宫汤素岛府楼案端法来谈带加要时图"
)
#: Rare surnames that more often open an ordinary word (但花博, 公幼加, 劳健保, 卫武营, 阿嬷带,
#: 井字棋, 来|敏迪现场, 国二|才, 普惠型|小微企业):
#: a name with one of them needs a title beside it.
_WORDLIKE_SURNAMES = set("但公劳师卫修陆华米云信花沙阿武石斯谷成来国普井")


def _bare_full_names(words: list[tuple[str, str]]) -> Iterator[int]:
    """Indices of full names with no title beside them (江明宗, 简立峰) in jieba's `words`:
    a surname and a two-character given name that jieba tags `nr` (as one word, or cut
    after the second character: 吴展|玮); the index is the name's last word.

    jieba tags many three-character words `nr` (高峰会, 麦克风, 唐凤去); a name is kept only
    when neither the word nor its two-character halves are common words, its characters
    do not repeat (戚戚焉, 勾一勾), its last character ends no object or title, and it
    does not open a longer ordinary word (公序良|俗).
    """
    for i, first in _three_character_names(words):
        word = "".join(w for w, _ in words[first : i + 1])
        if word[0] not in SURNAMES or word[0] in _FUNCTION_CHARS:
            continue
        if word[0] in _WORDLIKE_SURNAMES or word[1] in "总董":
            continue  # 林总|谈: a surname and a title, not a name
        if len(set(word)) < 3 or word in _NOT_PERSON:
            continue
        if word[2] in _AFTER_NAME or word[2] in _NOT_NAME_END or word[2] in _THING_END:
            continue
        if word[2] == "去":
            continue  # 请宗浩|去上课: a given name, then a verb
        if not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            continue
        after = words[i + 1][0][:1] if i + 1 < len(words) else ""
        if after and is_common_word(word + after):
            continue  # 公序良|俗: the start of a longer word
        if first < i and after and len(pos_tags(word + after)) == 1:
            continue  # 萧规|曹|随: cut apart, the start of an idiom jieba knows whole
        before = words[first - 1][0][-1:] if first else ""
        if before and is_common_word(before + word[0]):
            continue  # 中|方有何: the surname ends the word before
        if is_common_word(word) or is_common_word(word[1:]) or is_common_word(word[:2]):
            continue
        yield i


def _three_character_names(words: list[tuple[str, str]]) -> Iterator[tuple[int, int]]:
    """(last, first) word indices of three characters tagged `nr`: one word (江明宗), or a
    surname and a character jieba cut apart, both tagged `nr` (吴展|玮)."""
    for i, (word, tag) in enumerate(words):
        if tag != "nr":
            continue
        if len(word) == 3:
            yield i, i
        elif len(word) == 1 and i and words[i - 1][1] == "nr" and len(words[i - 1][0]) == 2:
            yield i, i - 1


#: Verbs that put a person after them (邀吕署长, 请李次长, 讲唐政委的想法): not the first
#: character of a name.
_ASKING_VERBS = set("邀请找问叫让给被把教讲说")


def _verb_led(name: str) -> bool:
    """Whether `name` reads as a verb or function word first (来进行, 向大家)."""
    _word, tag = rjieba.tag(name)[0]
    return tag != "nr" and tag.startswith(("v", "p", "c", "d", "u", "m"))


def _person_like(word: str, spans: list[tuple[int, int, str, str]], i: int) -> bool:
    if not (2 <= len(word) <= 4) or word in _NOT_PERSON:
        return False
    if word[0] not in SURNAMES and not word.startswith(_COMPOUND_SURNAMES):
        return False
    if len(word) == 4 and not word.startswith(_COMPOUND_SURNAMES):
        return False
    if not re.fullmatch(r"[\u4e00-\u9fff]+", word):
        return False
    if len(word) == 2 and word[1] in "前副":
        return False  # 刘前|理事长, 王副|署长: a surname and the title's 前 or 副
    before = spans[i - 1][2] if i > 0 else ""
    after = spans[i + 1][2] if i + 1 < len(spans) else ""
    return bool(_TITLE_RE.fullmatch(after) or _TITLE_RE.search(before[-3:] if before else "x"))


#: Two characters a tagger calls a place but that are not one: a verb and an island
#: (登岛, 驻岛), and one character with 市, 村 or 乡 (上市, 黑市, 新村, 爱乡): real places of
#: that shape are in the lexicon, and the rest are ordinary words.
_SHORT_NOT_PLACE = re.compile(r"^(?:[上下登驻以在到去来进出][岛屿]|.[市村乡])$")


def _place_like(word: str) -> bool:
    return (
        len(word) >= 2
        and word not in _NOT_PLACE
        and word[0] not in _PLACE_PREFIX_STOP
        and not (len(word) == 2 and word[0] in "一二两三四五六七八九十几多")  # 五区: a count
        and not _SHORT_NOT_PLACE.match(word)
        and _PLACE_SUFFIX.search(word[-1]) is not None
        and re.fullmatch(r"[\u4e00-\u9fff]+", word) is not None
    )


def _from_parent(cand: Candidate, hits: list[Hit]) -> Candidate:
    """An organisation's name that starts inside a known body or technology begins with it.

    The rule reads nouns back from 委员会 or 管理处 and may stop inside the parent's
    name (国家|教育研究院课程发展委员会) or inside the field a body is named after
    (开放|资料咨询委员会): the name then starts where the parent or the field does.
    """
    if cand.label != "Organization":
        return cand
    for hit in hits:
        entry = hit.payload
        if (
            isinstance(entry, LexiconEntry)
            and entry.label in ("Organization", "Technology")
            and hit.start < cand.start < hit.end < cand.end
        ):
            return dataclasses.replace(cand, start=hit.start)
    return cand


def _one_more_char(claim: _Claim, persons: list[_Claim]) -> bool:
    """Whether `claim` is a known person's name and one character beside it (唐凤提); a full
    name around a known short one (萨蒂亚·纳德拉 around 纳德拉) is not."""
    size = claim.end - claim.start
    return any(
        claim.start <= k.start and k.end <= claim.end and size - (k.end - k.start) == 1
        for k in persons
    )


def _makers_inside(kept: list[_Claim], claims: list[_Claim]) -> list[_Claim]:
    """The maker named at the front of a product's name (Google in Google 搜尋), to be
    mentioned inside the product's span where the transcript also names it on its own."""
    led = [c for c in kept if c.label == "Product" and c.rule in MAKER_LED_RULES]
    return [
        claim
        for claim in claims
        if claim.priority == _LEXICON and claim.label == "Organization"
        if any(p.start == claim.start and claim.end < p.end for p in led)
    ]


def _resolve(claims: list[_Claim]) -> list[_Claim]:
    """Non-overlapping claims: longest first, then by source priority, then leftmost."""
    ordered = sorted(claims, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[tuple[int, int]] = []
    kept: list[_Claim] = []
    for claim in ordered:
        if any(claim.start < e and s < claim.end for s, e in taken):
            continue
        taken.append((claim.start, claim.end))
        kept.append(claim)
    return sorted(kept, key=lambda c: c.start)


@register("entities")
def make_stage(options: ExtractOptions) -> Stage:
    """Build the lexicon automaton once; the returned stage tags one transcript."""
    return EntityFinder(load_lexicon(options.lexicons))
