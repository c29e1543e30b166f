"""Rules for names written in Latin letters inside Chinese turns.

Chinese press conferences name foreign people, bodies and products in their own spelling
(Gavin Newsom, Napolitan Institute, Google 的 AI Overviews). English turns are left alone:
capitals there mark titles and headings as often as names. Three signals that do not
depend on any list of the names themselves:

- `latin_person`: a common given name (lexicon/given_names.txt) then one or two
  capitalised words: Laura Loomer, Jeffery Sachs.
- `latin_organization`: capitalised words closed by a word that names a kind of body
  (Institute, Partnership, Foundation, Lab, Service …): Open Contracting Partnership.
- `owned_product`: a capitalised name right after a known organisation or product and
  的 (Google 的 Gemini, 微软的 Azure), or right after a brand spelled in Latin letters
  (Google Docs, Windows Hello, and the kinds of thing a brand makes: Nokia phone, IBM PC,
  Nokia 8110): what that owner makes.
- `brand_kind`: a company then a Chinese word for a kind of product (Google 地圖, Apple
  錢包, 微軟翻譯): the company's product of that kind.

Works on the normalised view (Latin is case-folded there); capitals are read from the
original through the view's span map.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from loaders.extract.matcher import Hit
from loaders.extract.rule_text import Candidate, is_common_word
from loaders.lexicon import LexiconEntry
from loaders.normalize import NormalizedText, view_words

__all__ = ["MAKER_LED_RULES", "given_names", "latin_names", "surname_like"]

_GIVEN_NAMES = Path(__file__).resolve().parent.parent / "lexicon" / "given_names.txt"
_WORD = r"[a-z][a-z'\-]*[a-z]"
#: Runs of Latin words (with the small words names hold: of, for, and, the).
_RUN = re.compile(
    rf"(?<![a-z0-9.\-/@])(?:{_WORD})(?:[ \u00a0](?:{_WORD}|[a-z]\.(?= )|of|for|and|the|&))*"
)
#: Words that close the name of a body.
_BODY_WORDS = {
    *("institute", "partnership", "foundation", "association", "council", "lab", "labs"),
    *("laboratory", "service", "agency", "university", "college", "school", "centre"),
    *("center", "society", "commission", "committee", "alliance", "union"),
    *("fund", "bank", "group", "corporation", "company", "inc", "ltd", "trust", "coalition"),
    *("organization", "organisation", "department", "ministry", "office", "bureau"),
    *("authority", "board", "party", "academy", "museum", "library"),
}
_BODY_WORDS_ANY_CASE = frozenset(
    form for word in _BODY_WORDS for form in (word, word.capitalize(), word.upper())
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,}")
_SMALL = {"of", "for", "and", "the", "&"}
#: Titles that may stand before a body's name without being part of it.
_TITLE_WORDS = {"chairman", "president", "minister", "director", "secretary", "chief", "head"}
#: A capitalised name right after a brand (Google Docs, Windows Hello, Apple Wallet).
_BRAND_NAME = re.compile(
    rf" ((?:{_WORD}|[a-z]+\d*|\d{{3,5}})(?: (?:{_WORD}|\d+)){{0,2}})(?![a-z0-9])"
)
#: Words after a brand that name a branch, a place or a team, not a product.
_NOT_BRANDED = {"taiwan", "japan", "china", "asia", "europe", "inc", "team", "news", "ceo"}
_OWNED = re.compile(rf"\s?的\s?((?:{_WORD}|[a-z]+\d*)(?: (?:{_WORD}|\d+)){{0,2}})(?![a-z0-9])")
#: A Chinese magnitude or unit after a number: the number is a figure (500 億, 30 萬人).
_MAGNITUDE = re.compile(r"\s?[万亿千百兆%元人个]")
#: Capitals that are roles or kinds, not products (Google 的 CEO).
_NOT_PRODUCT = {
    *("CEO", "CTO", "CFO", "COO", "AI", "API", "APP", "App", "VP", "PR", "IPO"),
    *("Logo", "Slogan", "Website", "Brand", "Icon", "Banner", "Email", "Team"),  # 扶輪社的 Logo
}


#: Words for a kind of product that a brand names its own by (Nokia phone, Google glass,
#: IBM PC, Yahoo TV, Uber taxi): written in lowercase or as an acronym, still a name.
_KIND_WORDS = {
    *("phone", "glass", "glasses", "pencil", "watch", "chat", "pay", "tv", "music", "maps"),
    *("map", "drive", "store", "eats", "taxi", "air", "pc", "wallet", "podcasts", "search"),
}
#: The rules here that name a product with its maker's name in front (Google 搜尋, Nokia
#: phone): the maker is named inside the product's span.
MAKER_LED_RULES = frozenset({"brand_kind", "owned_product"})
#: A model number after a brand (Nokia 8110), not a year (Google 2020).
_MODEL_NUMBER = re.compile(r"(?!19\d\d|20\d\d)\d{3,5}")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names, as written (Title case)."""
    lines = _GIVEN_NAMES.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and (word[1:].islower() or word.isupper()) and len(word) >= 2


#: Surnames written with a capital inside (McCain, MacArthur, DelBene, DeSantis, O'Brien) or
#: joined by a hyphen (Berners-Lee, Ocasio-Cortez).
_PREFIXED_SURNAME = re.compile(
    r"(?:Mc|Mac|De|Del|Della|Di|Da|Van|Von|La|Le|O')[A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)+"
)
#: A middle initial between a given name and a surname (Laurie E. Locascio).
_INITIAL = re.compile(r"[A-Z]\.")


def surname_like(word: str) -> bool:
    """A capitalised word or a prefixed or hyphenated surname (McCain, Berners-Lee)."""
    return _capitalised(word) or _PREFIXED_SURNAME.fullmatch(word) is not None


def latin_names(view: NormalizedText, hits: Sequence[Hit]) -> Iterator[Candidate]:
    """Persons, bodies and products named in Latin letters (see the module doc)."""
    text = view.text
    if not _HAN.search(text):
        return  # an English turn: capitals there mark every title and heading, not names
    yield from brand_kinds(view, hits)
    words_in_turn = set(_LATIN_WORD.findall(view.original))
    if not words_in_turn:
        return
    names = given_names()
    # Most turns name no one and no body in Latin letters: look only where they might.
    persons = not names.isdisjoint(words_in_turn)
    bodies = not _BODY_WORDS_ANY_CASE.isdisjoint(words_in_turn)
    for run in _RUN.finditer(text) if persons or bodies else ():
        if " " not in run.group():
            continue  # one word: neither a full name nor a body's name
        words = run.group().split(" ")
        original = view.surface(run.start(), run.end()).split()
        if len(original) != len(words):
            continue  # a space the view changed (full-width): spans would not line up
        if persons:
            yield from _persons(run.start(), words, original, names)
        if bodies:
            yield from _bodies(run.start(), words, original)
    yield from _owned(view, hits)
    yield from _named_with_chinese_kind(view)
    yield from _titled_person(view)


#: A title of a person right before a name in Latin letters (主席Bill Foster, 執行長 Mark
#: Zuckerberg): the name needs no given name the list knows.
_PERSON_TITLES = (
    *("主席", "总统", "总理", "首相", "部长", "执行长", "执行官", "创办人", "创始人", "董事长"),
    *("总裁", "院长", "署长", "局长", "大使", "教授", "博士", "议员", "参议员", "众议员"),
    *("州长", "市长", "记者", "作家", "研究员", "工程师", "先生", "女士"),
)
_TITLED = re.compile(
    rf"(?:{view_words(*_PERSON_TITLES)})"  # as the view writes them: 執行長 → 首席执行官
    rf"[ \u00a0]?((?:{_WORD}|[a-z]\.)(?:[ \u00a0](?:{_WORD}|[a-z]\.)){{1,3}})(?![a-z0-9])"
)


#: Last words of the names of bodies, works and events, never of a person.
_NOT_SURNAMES = {
    *("initiative", "forum", "network", "project", "movement", "program", "programme"),
    *("summit", "times", "news", "post", "journal", "review", "magazine", "weekly", "daily"),
    *("act", "award", "prize", "report", "index", "protocol", "standard", "system", "ai"),
}


def _titled_person(view: NormalizedText) -> Iterator[Candidate]:
    """`主席Bill Foster`, `院長 Laurie E. Locascio`: two to four capitalised words after a
    title of a person, the last a surname (not a body word, not an acronym)."""
    for m in _TITLED.finditer(view.text):
        words = view.surface(m.start(1), m.end(1)).split()
        if not all(w[:1].isupper() for w in words) or words[-1].endswith("."):
            continue
        last = words[-1].lower()
        if not surname_like(words[-1]) or last in _BODY_WORDS or last in _NOT_SURNAMES:
            continue  # 主席 Open Source Initiative, 記者 New York Times: a body
        if any(w.lower() in _SMALL for w in words):
            continue
        yield Candidate(m.start(1), m.end(1), "latin_person", 0.7, "Person")


#: A Latin name right before a Chinese word for a kind of body (Gogolook 公司, Expedia集團).
_CHINESE_KIND = re.compile(
    rf"(?<![a-z0-9.\-])({_WORD}(?: {_WORD}){{0,2}}) ?"
    r"(?:公司|集团|电视台|实验室|基金会|研究院|研究所|新闻台|日报|杂志)"
)


def _named_with_chinese_kind(view: NormalizedText) -> Iterator[Candidate]:
    """`Gogolook 公司`, `Mozilla 基金會`: the Latin name is a body's name.

    A short name in capitals before 公司 is a kind of company (AI 公司, IT 公司, SaaS 公司
    are dropped by the caller when the lexicon knows them; SI 公司, NPO 基金會 here).
    """
    for m in _CHINESE_KIND.finditer(view.text):
        surface = view.surface(m.start(1), m.end(1))
        if not surface[:1].isupper() or (surface.isupper() and len(surface) <= 4):
            continue
        if surface.endswith("s") and surface[:-1].isupper():
            continue  # SDGs 公司, NGOs: a plural kind
        yield Candidate(m.start(1), m.end(1), "latin_organization", 0.7, "Organization")


def _persons(
    start: int, words: list[str], original: list[str], names: frozenset[str]
) -> Iterator[Candidate]:
    pos = start
    offsets = []
    for word in words:
        offsets.append(pos)
        pos += len(word) + 1
    for i, word in enumerate(original):
        if word not in names:
            continue
        after = i + 1  # the first word after the given name and its middle initial, if any
        if after + 1 < len(original) and _INITIAL.fullmatch(original[after]):
            after += 1
        rest = [
            w for w in original[after : after + 2] if surname_like(w) and w.lower() not in _SMALL
        ]
        if not rest or original[after] != rest[0]:
            continue
        if len(rest) == 2 and original[after + 1] != rest[1]:
            rest = rest[:1]
        if rest[-1].lower() in _BODY_WORDS or rest[-1].isupper():
            continue  # Ford Foundation, Tim IBM: a body or an acronym, not a surname
        last = after + len(rest) - 1
        end = offsets[last] + len(words[last])
        yield Candidate(offsets[i], end, "latin_person", 0.7, "Person")


def _bodies(start: int, words: list[str], original: list[str]) -> Iterator[Candidate]:
    for last in range(len(words) - 1, 0, -1):
        if words[last] not in _BODY_WORDS:
            continue
        first = last
        while first > 0 and (_capitalised(original[first - 1]) or words[first - 1] in _SMALL):
            first -= 1
        while first < last and (words[first] in _SMALL or words[first] in _TITLE_WORDS):
            first += 1  # Chairman of the …Association: the title is not the body's name
        while (
            last + 2 < len(words)
            and words[last + 1] in ("of", "for")
            and _capitalised(original[last + 2])
        ):
            last += 2  # National Institute of Standards: the name goes on after "of"
            while last + 1 < len(words):
                if _capitalised(original[last + 1]):
                    last += 1
                elif (
                    words[last + 1] in ("and", "&")
                    and last + 2 < len(words)
                    and _capitalised(original[last + 2])
                ):
                    last += 2  # … of Standards and Technology
                else:
                    break
        spelled = original[first : last + 1]
        if last - first < 1 or not all(_capitalised(w) or w in _SMALL for w in spelled):
            continue
        begin = start + sum(len(w) + 1 for w in words[:first])
        end = start + sum(len(w) + 1 for w in words[: last + 1]) - 1
        yield Candidate(begin, end, "latin_organization", 0.7, "Organization")
        return


def _owned(view: NormalizedText, hits: Sequence[Hit]) -> Iterator[Candidate]:
    text = view.text
    places: set[int] | None = None
    for hit in hits:
        entry = hit.payload
        if not isinstance(entry, LexiconEntry) or entry.label not in ("Organization", "Product"):
            continue
        after = text[hit.end : hit.end + 2]
        if "的" not in after and not after.startswith(" "):
            continue  # neither 的 nor a space after the owner: nothing it owns is named
        m = _OWNED.match(text, hit.end)
        brand = None
        if m is None and _brand_owner(entry):
            m = brand = _BRAND_NAME.match(text, hit.end)  # Google Docs, Apple Wallet
        if m is None:
            continue
        if brand is not None:
            if places is None:
                places = {h.start for h in hits if _label(h) == "Place"}
            if m.start(1) in places:
                continue  # Google Taiwan: the company in a place, not a product
        end = m.end(1)
        surface = view.surface(m.start(1), end)
        parts = surface.split()
        model = bool(_MODEL_NUMBER.fullmatch(parts[0])) and entry.kind == "company"  # not sli.do
        if brand is not None and (parts[0].lower() in _KIND_WORDS or model):
            parts = parts[:1]  # Nokia phone, IBM PC, Nokia 8110: the kind or model is the name
            end = m.start(1) + len(parts[0])
            surface = parts[0]
            if _MAGNITUDE.match(text, end):
                continue  # Google 500 億: a figure
            if _LATIN_OWNER.fullmatch(text[hit.start : hit.end]):  # 蘋果 phone: just a phone
                yield Candidate(hit.start, end, "owned_product", 0.65)
            continue
        kept = 0
        while kept < len(parts) and (parts[kept][:1].isupper() or parts[kept].isdigit()):
            kept += 1
        if 0 < kept < len(parts):  # YouTube Live was introduced: the name ends at "Live"
            end = m.start(1) + len(" ".join(text[m.start(1) : m.end(1)].split(" ")[:kept]))
            parts = parts[:kept]
            surface = " ".join(parts)
        if surface in _NOT_PRODUCT or not parts[0][:1].isupper():
            continue  # Google 的 CEO, LINE 的 bot: a role or a common noun
        if parts[-1].isdigit() and _MAGNITUDE.match(text, end):
            continue  # Cloudflare 的 PA 500 億: a figure follows, not a model number
        if len(parts) == 1 and surface.isupper() and len(surface) <= 5:
            continue  # 卫福部的 PO, 的 SDG: an acronym of a role or a goal
        if parts[0] in given_names() or parts[-1].lower() in _BODY_WORDS:
            continue  # 数位部的 Karen, MIT 的 Media Lab: a person or a body
        if brand is not None and (parts[0].lower() in _SMALL or parts[0].lower() in _NOT_BRANDED):
            continue  # Facebook for Good, Google Taiwan
        # Google Docs is named with its owner; 微軟 PhotoDNA, 蘋果 Siri are not
        latin_owner = _LATIN_OWNER.fullmatch(text[hit.start : hit.end]) is not None
        start = hit.start if brand is not None and latin_owner else m.start(1)
        yield Candidate(start, end, "owned_product", 0.65)


#: Chinese words for a kind of product a company names its own by (Google 地圖, Apple 錢包,
#: 微軟翻譯, Google 關鍵字廣告), as the view spells them.
_PRODUCT_KINDS = re.compile(
    view_words(
        *("眼鏡", "搜尋引擎", "搜索引擎", "搜尋", "搜索", "翻譯", "翻譯機", "錢包", "支付"),
        *("地圖", "街景", "相簿", "相冊", "日曆", "文件", "試算表", "簡報", "表單", "雲端硬碟"),
        *("瀏覽器", "手錶", "輸入法", "信箱", "商店", "音樂", "新聞", "學術", "電視", "電競"),
        *("廣告聯播網", "關鍵字廣告", "廣告", "助理", "小幫手", "智慧音箱"),
    )
)


def brand_kinds(view: NormalizedText, hits: Sequence[Hit]) -> Iterator[Candidate]:
    """`Google 地圖`, `Apple錢包`, `微軟翻譯`: a company right before a word for a kind of
    product names that company's product of the kind. The kind must end a word there:
    `Google 新聞稿` is a press release, not Google News."""
    text = view.text
    for hit in hits:
        entry = hit.payload
        if not isinstance(entry, LexiconEntry) or entry.kind != "company":
            continue
        start = hit.end + (text[hit.end : hit.end + 1] == " ")
        m = _PRODUCT_KINDS.match(text, start)
        if m is None or (m.end() < len(text) and is_common_word(text[m.start() : m.end() + 1])):
            continue
        yield Candidate(hit.start, m.end(), "brand_kind", 0.65)


def _label(hit: Hit) -> str | None:
    return hit.payload.label if isinstance(hit.payload, LexiconEntry) else None


#: An owner written in Latin letters on the normalised view (google, apple), not 蘋果.
_LATIN_OWNER = re.compile(r"[a-z][a-z0-9 .\-]*")


@lru_cache(maxsize=4096)
def _brand_owner(entry: LexiconEntry) -> bool:
    """A company or a product whose name in Latin letters leads its own products' names."""
    latin = any(re.fullmatch(r"[A-Za-z][A-Za-z0-9 .\-]*", form) for form in entry.forms)
    return latin and (entry.label == "Product" or entry.kind == "company")
