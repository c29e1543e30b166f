"""Dictionary matching on the normalised view: Aho-Corasick, leftmost-longest.

Leftmost-longest picks 中国工商银行 over 中国 + 工商银行 in one pass. Latin
terms must stand as words (`AI` is not found inside `SAID`), and an all-capitals
alias only matches capitals in the original, so `WHO` is not the English "who". In an
English turn a capitalised name (Signal, Meta) does not match a lowercase word ("the WiFi
signal", "meta data"): English writes names with capitals, Chinese text often does not
(用google). A technology is a common noun in English and matches in lowercase too
(machine learning, robotics).
A payload marked `as_written` matches only where the original text writes one of its forms
(視訊, 视讯), not where the view's phrase conversion makes another word agree (影片 and 视频
are 视频 in the view too).
Blockers are longer words that contain a name without meaning it (中国银行业):
they take the text and yield nothing. Every form matches in each spelling
`spelling_variants` gives it (Taiwan forms, with and without typesetting spaces), and as
Taiwan text converted by OpenCC's plain t2s writes it (资讯系统).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick_rs

from loaders.normalize import (
    NormalizedText,
    plain_simplified_variants,
    spelling_variants,
    written_key,
)

__all__ = ["Hit", "Matcher"]

_ASCII_WORD = re.compile(r"[0-9a-z]")
_HAN = re.compile(r"[\u3400-\u9fff]")
#: Technologies whose English name is also an everyday word: capitalised in English prose.
_EVERYDAY_WORDS = {
    *("scratch", "agile", "container", "containers", "chip", "gateway", "bandwidth"),
    *("cookie", "cookies", "java", "lisp", "python", "gopher", "transformer", "wearable"),
}


@dataclass(frozen=True)
class Hit:
    """A match: view span, original span, and the payload of the form that matched."""

    start: int
    end: int
    orig_start: int
    orig_end: int
    payload: object
    form: str


class Matcher:
    """Matches many forms at once; each form carries a payload (first one given wins)."""

    def __init__(self, forms: Iterable[tuple[str, object]], blockers: Iterable[str] = ()) -> None:
        patterns: list[str] = []
        self._payloads: list[object] = []
        self._upper: list[bool] = []
        self._title: list[bool] = []  # capitalised Latin forms (Signal, Meta, Threads)
        self._forms: list[str] = []
        self._written: list[frozenset[str] | None] = []  # accepted surfaces, if restricted
        seen: set[str] = set()
        for form, payload in forms:
            written = _written_forms(payload)
            for variant in sorted(spelling_variants(form) | plain_simplified_variants(form)):
                pattern = variant.strip()
                if (len(pattern) < 2 and not pattern.isdigit()) or pattern in seen:
                    continue
                seen.add(pattern)
                patterns.append(pattern)
                self._payloads.append(payload)
                self._forms.append(form)
                self._written.append(written)
                self._upper.append(form.isascii() and form.isupper())
                self._title.append(_proper_name(form, payload))
        for blocker in blockers:  # each spelling too, as for the forms (数位发展部会, 数字发展部会)
            for variant in sorted(spelling_variants(blocker) | plain_simplified_variants(blocker)):
                pattern = variant.strip()
                if pattern and pattern not in seen:
                    seen.add(pattern)
                    patterns.append(pattern)
                    self._payloads.append(None)
                    self._forms.append(blocker)
                    self._written.append(None)
                    self._upper.append(False)
                    self._title.append(False)
        self._automaton = (
            ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            if patterns
            else None
        )

    def __len__(self) -> int:
        return len(self._payloads)

    def find(self, view: NormalizedText) -> list[Hit]:
        """Every accepted match in `view`, in text order, spans mapped to the original."""
        if self._automaton is None:
            return []
        text = view.text
        english = _HAN.search(text) is None
        hits: list[Hit] = []
        for index, start, end in self._automaton.find_matches_as_indexes(text):
            payload = self._payloads[index]
            if payload is None:
                continue
            if _inside_word(text, start, end):
                continue
            o_start, o_end = view.span(start, end)
            surface = view.original[o_start:o_end]
            if self._upper[index] and not surface.isupper():
                continue
            if english and self._title[index] and surface.islower():
                continue  # English text capitalises names: "the WiFi signal" is no Signal
            written = self._written[index]
            if written is not None and written_key(surface) not in written:
                continue  # 影片 is 视频 in the view, but the text does not write 視訊
            hits.append(Hit(start, end, o_start, o_end, payload, self._forms[index]))
        return hits


def _proper_name(form: str, payload: object) -> bool:
    """Whether English would write `form` only with its capital (Signal, Meta, Threads).

    A technology is a common noun in English prose ("machine learning", "robotics"), so its
    lowercase form counts as well, unless it is also an everyday word ("from scratch").
    """
    if not (form.isascii() and form[:1].isupper() and not form.isupper()):
        return False
    return getattr(payload, "label", None) != "Technology" or form.lower() in _EVERYDAY_WORDS


def _written_forms(payload: object) -> frozenset[str] | None:
    """The surfaces a payload marked `as_written` accepts, or None for any."""
    if not getattr(payload, "as_written", False):
        return None
    forms: tuple[str, ...] = getattr(payload, "forms", ())
    return frozenset(written_key(form) for form in forms)


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether a Latin match continues a longer Latin word on either side (AI in SAID)."""
    if start > 0 and _ASCII_WORD.match(text[start]) and _ASCII_WORD.match(text[start - 1]):
        return True
    return (
        end < len(text)
        and bool(_ASCII_WORD.match(text[end - 1]))
        and bool(_ASCII_WORD.match(text[end]))
    )
