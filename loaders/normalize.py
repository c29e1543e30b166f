"""A normalised view of text for matching, and stable keys for entities.

Matching runs on NFKC, traditional→simplified (OpenCC), case-folded text so
`ｅ－ＩＣＢＣ　３．０`, `E-ICBC 3.0` and `e-ICBC3.0` meet, and 區塊鏈 meets 区块链.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

__all__ = ["to_simplified", "normalize", "variant_key"]

_CONVERTER = opencc.OpenCC("tw2sp")  # Taiwan phrases too: 人工智慧 → 人工智能
_JOIN = re.compile(r"(?<=[0-9a-z])[\s\-_·.]+(?=[0-9a-z])")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (Taiwan vocabulary included); other text unchanged."""
    return str(_CONVERTER.convert(text))


def normalize(text: str) -> str:
    """NFKC, simplified Chinese, case-folded Latin.

    >>> normalize("區塊鏈 ＡＩ")
    '区块链 ai'
    """
    return to_simplified(unicodedata.normalize("NFKC", text)).casefold()


@lru_cache(maxsize=65536)
def variant_key(name: str) -> str:
    """A key under which spelling variants of one name meet.

    >>> variant_key("e-ICBC 3.0") == variant_key("E-ICBC3.0")
    True
    """
    text = normalize(name).strip()
    text = _JOIN.sub("", text)
    return re.sub(r"\s+", " ", text)
