"""Transcript formats: each a parser `text → ParseResult` and a score for detection."""

from __future__ import annotations

from collections.abc import Callable

from loaders.formats.base import ParseResult
from loaders.formats.live import parse_live, score_live
from loaders.formats.markdown import parse_markdown, score_markdown
from loaders.formats.qa import parse_qa, score_qa

__all__ = ["FORMATS", "ParseResult", "detect_format", "parse_text"]

FORMATS: dict[str, tuple[Callable[[str], ParseResult], Callable[[str], float]]] = {
    "live": (parse_live, score_live),
    "markdown": (parse_markdown, score_markdown),
    "qa": (parse_qa, score_qa),
}


def detect_format(text: str) -> str | None:
    """The best-scoring format, or None when no format finds a single turn.

    >>> detect_format("问：利率会降吗？\\n答：不会。")
    'qa'
    """
    scores = {name: score(text) for name, (_, score) in FORMATS.items()}
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] > 0 else None


def parse_text(text: str, fmt: str) -> ParseResult:
    """Parse `text` in format `fmt` (one of FORMATS)."""
    parser, _ = FORMATS[fmt]
    return parser(text)
