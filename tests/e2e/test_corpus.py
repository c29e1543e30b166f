"""Every archive.tw transcript reads and parses as markdown, one turn per speaker heading."""

from __future__ import annotations

import re

import pytest

from loaders.formats.base import iter_lines
from loaders.read import read_document
from presskg.pipeline import parse_document
from tests.conftest import CORPUS

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"archive-tw corpus not present at {CORPUS}"
)

# Counted independently of the parser: `### anything` or `## name：`.
HEADING = re.compile(r"^(?:###[ \t]+\S.*|##[ \t]+[^#].{0,40}?[ \t]*[:：][ \t]*)$")


def test_every_corpus_file_parses_one_turn_per_heading() -> None:
    files = sorted(CORPUS.glob("*.md"))
    assert files
    problems = []
    for path in files:
        doc = read_document(path)
        t = parse_document(doc)
        headings = sum(
            1
            for line in iter_lines(doc.text)
            if HEADING.match(line.text) and line.text.lstrip("#").strip(" \t:：")
        )
        # A file with a title and no speakers is kept as one unlabelled turn.
        expected = ("markdown", headings) if headings else ("plain", 1)
        if (t.format, len(t.turns)) != expected:
            problems.append(f"{path.name}: {t.format} {len(t.turns)} turns, {headings} headings")
    assert not problems, "\n".join(problems[:20])
