"""Bytes → text: detect the encoding people's transcripts actually come in.

Web pages (.html, or text that is one) are read as the text of their elements.

Order matters: byte-order marks first, then UTF-16 without BOM (NUL bytes in
a regular pattern), then strict UTF-8, then GB18030 versus Big5 decided by
how much of each decoding is made of common Chinese characters (both
decoders accept much of the other's bytes, so "it decodes" proves nothing).
Binary input is refused, never guessed at.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from loaders.html_text import html_to_text, looks_like_html
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


def _plausible(text: str) -> float:
    """Share of characters a Chinese or English transcript is made of.

    A wrong decoding scatters over Hangul, private-use and rare blocks instead.
    """
    text = text.replace("\ufffd", "")
    if not text:
        return 0.0
    good = sum(
        1
        for c in text
        if (" " <= c <= "~")
        or c in "\t\n\r"
        or "\u4e00" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or "\u2000" <= c <= "\u206f"
    )
    return good / len(text)


# Control characters other than tab, newline, carriage return, form feed and escape.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _controls(text: str) -> int:
    """How many control characters `text` holds (a regex: this runs on every file)."""
    return len(_CONTROL.findall(text))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.02


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """GB18030, Big5 or BOM-less UTF-16, whichever reads as Chinese; None when none does."""
    candidates: list[tuple[float, float, bool, str, str]] = []
    encodings = ["gb18030", "big5"]
    if len(data) % 2 == 0:
        encodings += ["utf-16-le", "utf-16-be"]
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            if not enc.startswith("utf-16"):
                continue
            # A lone surrogate (a cut emoji) should not hide a whole UTF-16 file.
            text = data.decode(enc, errors="replace")
            if _bad_runs(text) > 2:
                continue
        plausible = _plausible(text)
        if enc.startswith("utf-16") and (plausible < 0.9 or _cjk_ratio(text) < 0.3):
            continue
        score = _common_score(text) * plausible
        candidates.append((score, plausible, enc == "gb18030", enc, text))
    if not candidates:
        return None
    # English text with a few full-width marks has no Han to score: the decoding
    # with fewer odd characters wins. Prefer GB18030 on ties: it decodes more.
    *_scores, enc, text = max(candidates)
    return text, enc


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, max(index, 0)) + 1


def _replaced(data: bytes, enc: str, source: str) -> Document:
    """Decode with U+FFFD for invalid sequences, warning with the first bad line."""
    text = data.decode(enc, errors="replace")
    bad = _bad_runs(text)
    line = _line_at(text, text.find("\ufffd"))
    return Document(
        text,
        enc,
        source,
        [f"{source}:{line}: {bad} invalid {enc} byte sequence(s) replaced with U+FFFD"],
    )


def decode(data: bytes, source: str = "<bytes>") -> Document:
    """Decode transcript bytes; raise `InputError` naming `source` for empty or binary input.

    NUL characters become spaces and invalid sequences U+FFFD, each with a warning
    that names the line.

    >>> decode("主持人：你好".encode("big5")).encoding
    'big5'
    >>> decode("主持人：你好".encode("gbk")).encoding
    'gb18030'
    >>> decode("主持人：你好".encode("utf-16-le")).encoding
    'utf-16-le'
    """
    doc = _decode(data, source)
    if _controls(doc.text) > max(8, len(doc.text) // 10):
        raise InputError(_binary_message(source))
    if "\x00" in doc.text:
        line = _line_at(doc.text, doc.text.find("\x00"))
        doc.text = doc.text.replace("\x00", " ")
        doc.warnings.append(f"{source}:{line}: NUL characters replaced with spaces")
    if not doc.text.strip():
        raise InputError(f"{source}: the file is empty; give a transcript with speaker turns")
    return doc


def _binary_message(source: str) -> str:
    return (
        f"{source}: looks like a binary file, not a text transcript "
        "(give a .txt, .md or .html file in UTF-8, UTF-16, GB18030/GBK or Big5)"
    )


def _decode(data: bytes, source: str) -> Document:
    if not data.strip():
        raise InputError(f"{source}: the file is empty; give a transcript with speaker turns")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Document(body.decode(enc), enc, source)
            except UnicodeDecodeError:
                return _replaced(body, enc, source)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return Document(data.decode(utf16), utf16, source)
        except UnicodeDecodeError:
            doc = _replaced(data, utf16, source)
            if doc.text.count("\ufffd") <= max(2, len(doc.text) // 100):
                return doc
    try:
        return Document(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8:
        return _replaced(data, "utf-8", source)
    legacy = _decode_legacy(data)
    if legacy:
        text, enc = legacy
        if "\ufffd" in text and "\ufffd" not in data.decode(enc, errors="ignore"):
            return _replaced(data, enc, source)
        return Document(text, enc, source)
    if _looks_binary(data):
        raise InputError(_binary_message(source))
    if _few_bad_utf8(data):
        return _replaced(data, "utf-8", source)
    raise InputError(
        f"{source}: not valid UTF-8, UTF-16, GB18030/GBK or Big5 text; "
        "re-save the transcript as UTF-8"
    )


def _mostly_utf8(data: bytes) -> bool:
    """True when nearly all non-ASCII characters form valid UTF-8 sequences (a few bad bytes)."""
    text = data.decode("utf-8", errors="replace")
    valid = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    bad = _bad_runs(text)
    return valid >= 4 * bad and bad <= max(2, valid // 100)


def _bad_runs(text: str) -> int:
    """Invalid sequences, counting a run of U+FFFD (one cut character) once."""
    return len(re.findall("\ufffd+", text))


def _few_bad_utf8(data: bytes) -> bool:
    """Mostly ASCII text with a stray byte or two (a Latin-1 é, a cut sequence)."""
    text = data.decode("utf-8", errors="replace")
    return _bad_runs(text) <= max(2, len(text) // 1000)


def read_document(path: str | Path) -> Document:
    """Read and decode one transcript file."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            # A FIFO or device would block the build or never end.
            raise InputError(f"{p}: not a regular file (a pipe or device); give a text file")
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
    if p.suffix.lower() in (".html", ".htm") or looks_like_html(doc.text):
        doc.text = html_to_text(doc.text)  # a page saved from the site that published it
        if not doc.text.strip():
            raise InputError(f"{p}: the web page holds no text; save the transcript's page")
    return doc
