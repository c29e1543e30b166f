"""Stable node keys: derived from identity, never random, so re-loading adds nothing."""

from __future__ import annotations

import re
from pathlib import PurePath

from loaders.normalize import variant_key

__all__ = [
    "entity_key",
    "figure_key",
    "person_key",
    "transcript_key",
    "utterance_key",
    "utterance_order",
]


def transcript_key(source: str) -> str:
    """Key of a transcript: its file name without extension, whitespace collapsed.

    >>> transcript_key("/data/icbc 2018.txt")
    'icbc_2018'
    """
    stem = PurePath(source).stem or "transcript"
    # Utterance keys travel inside list properties and exports: keep them free of delimiters.
    return re.sub(r"[\s,\[\]{}\"'\\#:]+", "_", stem)


def utterance_key(transcript: str, seq: int) -> str:
    """Key of turn `seq` of `transcript`."""
    return f"{transcript}#{seq}"


def utterance_order(key: str) -> tuple[str, int]:
    """Sort key of an utterance key: by transcript, then turn number (#10 after #9).

    >>> sorted(["t#10", "t#9"], key=utterance_order)
    ['t#9', 't#10']
    """
    transcript, _, seq = key.rpartition("#")
    return (transcript, int(seq) if seq.isdigit() else 0)


def entity_key(label: str, name: str) -> str:
    """Key of a named entity: label plus the variant key of its canonical name.

    >>> entity_key("Product", "e-ICBC 3.0") == entity_key("Product", "E-ICBC3.0")
    True
    """
    return f"{label}:{variant_key(name)}"


def person_key(name: str, transcript: str | None = None) -> str:
    """Named persons are shared across transcripts; anonymous ones are scoped to theirs."""
    if transcript is None:
        return entity_key("Person", name)
    return f"Person:{transcript}:{variant_key(name)}"


def figure_key(transcript: str, seq: int, start: int) -> str:
    """A figure is one claim at one place in one turn."""
    return f"Figure:{transcript}#{seq}@{start}"
