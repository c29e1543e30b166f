"""A normalised view of text for matching, and stable keys for entities.

Matching runs on NFKC, traditional→simplified (OpenCC), case-folded text so
`ｅ－ＩＣＢＣ　３．０`, `E-ICBC 3.0` and `e-ICBC3.0` meet, and 區塊鏈 meets 区块链.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

__all__ = [
    "NormalizedText",
    "normalize",
    "normalized_view",
    "spelling_variants",
    "to_simplified",
    "variant_key",
    "variant_keys",
    "view_spellings",
    "view_words",
]

_CONVERTER = opencc.OpenCC("tw2sp")  # Taiwan phrases too: 人工智慧 → 人工智能
#: Hyphens and minus signs typesetting uses for the ASCII hyphen (Wi‑Fi, e‐ICBC, −5): one
#: character each, so the view keeps its length.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2212\ufe63", "-"))
_JOIN = re.compile(r"(?<=[0-9a-z])[\s\-_·.]+(?=[0-9a-z])")
_HAN_LATIN_GAP = re.compile(
    r"(?<=[0-9a-z])\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+(?=[0-9a-z])"
)
_HAN_LATIN_EDGE = re.compile(r"(?<=[0-9a-z])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9a-z])")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LATIN_CHAR = re.compile(r"[0-9a-z]")


_TO_TAIWAN = opencc.OpenCC("s2twp")


def spelling_variants(name: str) -> set[str]:
    """Normalised forms under which `name` may appear in text.

    Conversion is not symmetric: Taiwan text 數位部 normalises to 数字部 (Taiwan
    vocabulary is mapped), while a lexicon that writes 数位部 normalises to 数位部.
    Going through the Taiwan form as well gives both. A name mixing Chinese with Latin
    letters or digits is also spelled with and without the space typesetting puts between
    them (健保IC卡, 健保 IC 卡).

    >>> sorted(spelling_variants("数位部"))
    ['数位部', '数字部']
    >>> sorted(spelling_variants("健保IC卡"))
    ['健保 ic 卡', '健保ic卡']
    """
    forms = {normalize(form) for form in _written_forms(name)}
    return forms | {typeset for form in forms for typeset in _typeset(form)}


def plain_simplified_variants(name: str) -> set[str]:
    """`name` as Taiwan text converted by OpenCC's plain t2s would write it.

    t2s changes characters only, so Taiwan words stay Taiwan words in simplified characters
    (資訊系統 → 资讯系统), which the view leaves as they are.

    >>> sorted(plain_simplified_variants("信息系统"))
    ['资讯系统']
    """
    if not _HAN_CHAR.search(name):
        return set()
    form = normalize(_by_character(str(_TO_TAIWAN.convert(name))))
    return {form} | _typeset(form)


def _typeset(form: str) -> set[str]:
    """`form` without and with spaces where Chinese meets Latin letters or digits."""
    if not (_HAN_CHAR.search(form) and _LATIN_CHAR.search(form)):
        return set()
    return {_HAN_LATIN_GAP.sub("", form), _HAN_LATIN_EDGE.sub(" ", form)}


def _written_forms(name: str) -> set[str]:
    """`name` as written and, when it holds Chinese, as Taiwan text would write it."""
    if any("\u4e00" <= c <= "\u9fff" for c in name):
        return {name, str(_TO_TAIWAN.convert(name))}
    return {name}


def view_spellings(*words: str) -> list[str]:
    """Every way the normalised view may write `words`, longest first.

    Rules match the view, and its Taiwan-phrase conversion reaches words mainland text
    shares (建立 → 创建, 核心 → 内核): a pattern must spell them the view's way, and a
    simplified word Taiwan writes otherwise (执行长: 執行長 → 首席执行官) both ways.

    >>> view_spellings("执行长", "建立")
    ['首席执行官', '执行长', '创建']
    """
    forms = {form for word in words for form in spelling_variants(word)}
    return sorted(forms, key=lambda f: (-len(f), f))


def view_words(*words: str) -> str:
    """A regex alternation of `words` as the normalised view writes them, longest first.

    >>> view_words("建立", "程式")
    '创建|程序'
    """
    return "|".join(re.escape(form) for form in view_spellings(*words))


def variant_keys(name: str) -> set[str]:
    """Variant keys of `name` as written and as Taiwan text would write it (数位部, 數位部).

    Keys are made from the written forms, never from a normalised one: the conversion
    is not idempotent (檔案 → 文件 → 文档), so normalising twice would miss the text.

    >>> sorted(variant_keys("星际文件系统"))
    ['星际文件系统', '星际文档系统']
    """
    return {variant_key(form) for form in _written_forms(name)}


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (Taiwan vocabulary included); other text unchanged."""
    return str(_CONVERTER.convert(text))


@lru_cache(maxsize=65536)
def _char_simplified(char: str) -> str:
    return to_simplified(char)


def written_key(text: str) -> str:
    """`text` simplified character by character, case-folded, without spaces.

    Unlike `normalize`, no phrase is rewritten: 視訊 stays 视讯 where the view writes 视频.

    >>> written_key("視訊"), normalize("視訊")
    ('视讯', '视频')
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _by_character("".join(folded.split()))


def _by_character(text: str) -> str:
    """`text` simplified one character at a time: no phrase is rewritten."""
    return "".join(_char_simplified(c) for c in text)


def normalize(text: str) -> str:
    """NFKC, simplified Chinese, case-folded Latin.

    >>> normalize("區塊鏈 ＡＩ Wi‑Fi")
    '区块链 ai wi-fi'
    """
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold().translate(_DASHES)


@lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """A key under which spelling variants of one name meet.

    Spaces that typesetting puts between Chinese and Latin letters or digits do not count
    either: Taiwan text writes 生成式 AI and 111 簡訊平台, mainland text 生成式AI.

    >>> variant_key("e-ICBC 3.0") == variant_key("E-ICBC3.0")
    True
    >>> variant_key("生成式 AI") == variant_key("生成式AI")
    True
    """
    text = normalize(name).strip()
    text = _JOIN.sub("", text)
    text = _HAN_LATIN_GAP.sub("", text)
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class NormalizedText:
    """A normalised view of `original` with a map from every view character back to it.

    Matching runs on `text`; `span()` turns a view span into a span of the
    original, so a mention can always be shown exactly as it was written even
    when NFKC (`…` → `...`) or OpenCC (`網際網路` → `互联网`) changed lengths.
    `starts`/`ends` are None when the view has the same length as the original
    and each view character comes from the character at the same index.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of view span `[start, end)`.

        >>> v = normalized_view("網際網路與ＡＩ")
        >>> v.text
        '互联网与ai'
        >>> v.span(0, 3), v.span(4, 6)
        ((0, 4), (5, 7))
        """
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def surface(self, start: int, end: int) -> str:
        """The original text of view span `[start, end)`, as it was written (capitals too)."""
        s, e = self.span(start, end)
        return self.original[s:e]


_Map = tuple[list[int], list[int]] | None


def _identity(n: int) -> tuple[list[int], list[int]]:
    return list(range(n)), list(range(1, n + 1))


def _per_piece(pieces: list[tuple[str, int, int]]) -> tuple[str, list[int], list[int]]:
    """Join (converted piece, original start, original end) into text and a char map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for piece, s, e in pieces:
        out.append(piece)
        m = len(piece)
        if m == e - s:
            starts.extend(range(s, e))
            ends.extend(range(s + 1, e + 1))
        else:  # a phrase changed length: spread it over the original phrase
            n = e - s
            for i in range(m):
                starts.append(s + (i * n) // m)
                ends.append(s + max(((i + 1) * n + m - 1) // m, 1))
    return "".join(out), starts, ends


_NFKC_STABLE = re.compile(r"[\u4e00-\u9fff\x00-\x7f]+")


def _nfkc(text: str) -> tuple[str, _Map]:
    folded = unicodedata.normalize("NFKC", text)
    if len(folded) == len(text):
        return folded, None
    pieces: list[tuple[str, int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        norm = unicodedata.normalize("NFKC", line)
        if len(norm) == len(line):
            pieces.append((norm, pos, pos + len(line)))
        else:
            at = 0  # Han and ASCII runs keep their length; look at the other characters alone
            for run in _NFKC_STABLE.finditer(line):
                for i in range(at, run.start()):
                    pieces.append((unicodedata.normalize("NFKC", line[i]), pos + i, pos + i + 1))
                pieces.append((run.group(), pos + run.start(), pos + run.end()))
                at = run.end()
            for i in range(at, len(line)):
                pieces.append((unicodedata.normalize("NFKC", line[i]), pos + i, pos + i + 1))
        pos += len(line)
    joined, starts, ends = _per_piece(pieces)
    return joined, (starts, ends)


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


_NON_HAN = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")


def _aligned(text: str, converted: str) -> bool:
    """Same length and every non-Han run in place (two length changes may cancel out).

    Changes that cancel out inside one unbroken Han run (簡報 and two 網際網路 in a row)
    are not caught; no line of the 2,044-file corpus has one.
    """
    return len(converted) == len(text) and [m.span() for m in _NON_HAN.finditer(text)] == [
        m.span() for m in _NON_HAN.finditer(converted)
    ]


_CJK = re.compile(r"[\u2e80-\uffff]")


def _convert(text: str) -> tuple[str, _Map]:
    if not _CJK.search(text):
        return text, None  # nothing OpenCC would change (English turns)
    converted = to_simplified(text)
    if _aligned(text, converted):
        return converted, None
    # Some Taiwan phrases change length (網際網路 → 互联网): convert line by line, and in a
    # line that changed, align each Han run on its own, comparing it with a
    # character-by-character conversion.
    pieces: list[tuple[str, int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        simple = to_simplified(line)
        if _aligned(line, simple):
            pieces.append((simple, pos, pos + len(line)))
        else:
            pieces.extend(_convert_runs(line, pos))
        pos += len(line)
    joined, starts, ends = _per_piece(pieces)
    return joined, (starts, ends)


def _convert_runs(text: str, offset: int) -> list[tuple[str, int, int]]:
    pieces: list[tuple[str, int, int]] = []
    pos = 0
    for run in _HAN_RUN.finditer(text):
        if run.start() > pos:
            pieces.append((text[pos : run.start()], offset + pos, offset + run.start()))
        pieces.extend(_align_run(run.group(), offset + run.start()))
        pos = run.end()
    if pos < len(text):
        pieces.append((text[pos:], offset + pos, offset + len(text)))
    return pieces


def _align_run(run: str, offset: int) -> list[tuple[str, int, int]]:
    """Pieces of one Han run whose phrase conversion changed its length.

    Each phrase that changed (簡報 → 演示文稿, 網際網路 → 互联网) becomes a piece that
    spans exactly the characters it replaced, however many such phrases the run
    holds: the run is cut after the shortest prefix whose conversion changes length
    where converting both sides apart gives the same text (a phrase boundary).
    """
    pieces: list[tuple[str, int, int]] = []
    pos, n = 0, len(run)
    while pos < n:
        rest = run[pos:]
        target = to_simplified(rest)
        by_char = "".join(map(_char_simplified, rest))
        if target == by_char:  # also when nothing is left
            pieces.append((target, offset + pos, offset + n))  # no phrase left to place
            break
        pairs = enumerate(zip(by_char, target, strict=False))
        first = next((i for i, (a, b) in pairs if a != b), 0)
        cut, left = len(rest), target
        for k in range(max(1, first), len(rest)):  # no cut before the first difference
            head = to_simplified(rest[:k])
            if (
                len(head) != k
                and target.startswith(head)
                and to_simplified(rest[k:]) == target[len(head) :]
            ):
                cut, left = k, head
                break
        if cut == len(rest) and len(left) == cut:
            pieces.append((target, offset + pos, offset + n))  # same-length phrases only
            break
        same = 0  # the characters before the changed phrase keep their places
        for j in range(min(cut, len(left)) - 1, 0, -1):
            before = to_simplified(rest[:j])
            if before == left[:j] and to_simplified(rest[j:cut]) == left[j:]:
                same = j
                break
        if same:
            pieces.append((left[:same], offset + pos, offset + pos + same))
        pieces.append((left[same:], offset + pos + same, offset + pos + cut))
        pos += cut
    return [p for p in pieces if p[0] or p[2] > p[1]]


def _casefold(text: str) -> tuple[str, _Map]:
    folded = text.casefold()
    if len(folded) == len(text):
        return folded.translate(_DASHES), None
    per_char = "".join(c.lower() if len(c.casefold()) != 1 else c.casefold() for c in text)
    return per_char.translate(_DASHES), None


def _compose(outer: _Map, inner: _Map, n_inner: int) -> _Map:
    """Map view → original through `inner` (view → middle) then `outer` (middle → original)."""
    if inner is None:
        return outer
    if outer is None:
        return inner
    o_starts, o_ends = outer
    i_starts, i_ends = inner
    return [o_starts[s] for s in i_starts], [o_ends[e - 1] for e in i_ends]


@lru_cache(maxsize=8192)
def normalized_view(text: str) -> NormalizedText:
    """NFKC, simplified, case-folded view of `text` with an offset map back to it.

    Cached: the entities, relations and figures stages each read the same turns.

    >>> v = normalized_view("e－ICBC　3.0…區塊鏈")
    >>> v.text
    'e-icbc 3.0...区块链'
    >>> text = "e－ICBC　3.0…區塊鏈"
    >>> s, e = v.span(13, 16)
    >>> text[s:e]
    '區塊鏈'
    """
    step1, map1 = _nfkc(text)
    step2, map2 = _convert(step1)
    step3, _ = _casefold(step2)
    if len(step3) != len(step2):  # cannot happen with the per-char fallback; keep lengths equal
        step3 = step2
    mapping = _compose(map1, map2, len(step2))
    if mapping is None:
        return NormalizedText(text, step3)
    return NormalizedText(text, step3, tuple(mapping[0]), tuple(mapping[1]))
