"""Bytes → text: detect the encoding people's transcripts actually come in.

Order matters: byte-order marks first, then UTF-16 without BOM (NUL bytes in
a regular pattern), then strict UTF-8, then GB18030 versus Big5 decided by
how much of each decoding is made of common Chinese characters (both
decoders accept much of the other's bytes, so "it decodes" proves nothing).
Binary input is refused, never guessed at.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from presskg.errors import InputError

__all__ = ["Document", "decode", "read_document"]

# The most frequent Chinese characters, in both scripts: a wrong decoding of
# GBK as Big5 (or the reverse) yields rare characters instead.
_COMMON = set(
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對"
    "生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學"
    "如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實"
    "日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高"
    "间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制製身果加西斯"
    "月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真"
    "论論处處走义義各入几幾口认認条條平系气氣题題活尔爾更别別打女变變四神总總何电電数數安少报報"
    "才结結反受目太量再感建务務做接必场場件计計管期市直德资資命山金指克许許统統区區保至队隊形"
    "社便空决決治展马馬科司五基眼书書非则則听聽白却卻界达達光放强強即像难難且权權思王象完设設式"
    "色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀"
    "银銀行融务務科技服客户戶谢謝请請记者會议議部长長院署"
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Document:
    """Decoded text with the encoding it was found in and anything worth a warning."""

    text: str
    encoding: str
    source: str = ""
    warnings: list[str] = field(default_factory=list)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has NULs in the high byte of ASCII characters: even or odd positions."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    # CJK text in UTF-16 has few NULs; accept it when it decodes to mostly CJK.
    if b"\x00" in sample and len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _cjk_ratio(text) > 0.5:
                return enc
    return None


def _cjk_ratio(text: str) -> float:
    if not text:
        return 0.0
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return cjk / len(text)


def _common_score(text: str) -> float:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for c in han if c in _COMMON) / len(han)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.02


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5, whichever reads as Chinese; None when neither decodes."""
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_score(text), enc, text))
    if not candidates:
        return None
    # Prefer GB18030 on ties: it is a superset of GBK and decodes more.
    _score, enc, text = max(candidates, key=lambda c: (c[0], c[1] == "gb18030"))
    return text, enc


def decode(data: bytes, source: str = "<bytes>") -> Document:
    """Decode transcript bytes; raise `InputError` naming `source` for empty or binary input.

    >>> decode("主持人：你好".encode("big5")).encoding
    'big5'
    >>> decode("主持人：你好".encode("gbk")).encoding
    'gb18030'
    """
    if not data.strip():
        raise InputError(f"{source}: the file is empty; give a transcript with speaker turns")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Document(data[len(bom) :].decode(enc), enc, source)
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{source}: starts with a {enc} byte-order mark but is not valid {enc} "
                    f"(byte {e.start}); re-save the file as UTF-8"
                ) from e
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Document(data.decode(utf16), utf16, source)
        except UnicodeDecodeError:
            pass
    try:
        return Document(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError as e:
        utf8_error = e
    if _looks_binary(data):
        raise InputError(
            f"{source}: looks like a binary file, not a text transcript "
            "(give a .txt or .md file in UTF-8, UTF-16, GB18030/GBK or Big5)"
        )
    legacy = _decode_legacy(data)
    mostly_utf8 = _mostly_utf8(data)
    if legacy and not mostly_utf8:
        text, enc = legacy
        return Document(text, enc, source)
    if mostly_utf8:
        text = data.decode("utf-8", errors="replace")
        line = data[: utf8_error.start].count(b"\n") + 1
        bad = text.count("\ufffd")
        return Document(
            text,
            "utf-8",
            source,
            [f"{source}:{line}: {bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"],
        )
    raise InputError(
        f"{source}: not valid UTF-8, UTF-16, GB18030/GBK or Big5 text; "
        "re-save the transcript as UTF-8"
    )


def _mostly_utf8(data: bytes) -> bool:
    """True when nearly all non-ASCII bytes form valid UTF-8 sequences (a few bad bytes)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    high = sum(1 for c in text if ord(c) > 127)
    return high > 0 and bad <= max(2, high // 100)


def read_document(path: str | Path) -> Document:
    """Read and decode one transcript file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as e:
        raise InputError(f"{p}: is a directory; give a file, or the folder to `build`") from e
    except FileNotFoundError as e:
        raise InputError(f"{p}: no such file; check the path") from e
    except PermissionError as e:
        raise InputError(f"{p}: permission denied; make the file readable") from e
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror})") from e
    doc = decode(data, str(p))
    if "\x00" in doc.text:
        doc.text = doc.text.replace("\x00", " ")
        doc.warnings.append(f"{p}: NUL characters replaced with spaces")
    return doc
