"""The flow: file → text → Transcript(turns) → extraction stages → Transcript.

Pure apart from reading the file; the CLI and the Python API both call these.
"""

from __future__ import annotations

import hashlib
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.extract.registry import DEFAULT_STAGES, ExtractOptions, Stage, make_stages, run_stages
from loaders.formats import FORMATS, detect_format, parse_text
from loaders.formats.base import iso_date, make_turn
from loaders.keys import transcript_key
from loaders.model import Transcript, find_preamble, opening_turn
from loaders.read import Document, read_document
from presskg.errors import InputError, UsageError

__all__ = [
    "TRANSCRIPT_SUFFIXES",
    "Extractor",
    "FileFailure",
    "file_sha256",
    "iter_transcript_files",
    "load_transcript",
    "parse_document",
]

TRANSCRIPT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
_TOPIC = re.compile(
    r"(?:主题|主題|题目|題目)(?:是|为|為)?[“\"「『](?P<title>[^”\"」』]{2,60})[”\"」』]"
)
_MMDD = re.compile(r"^(?P<m>\d{1,2})-(?P<d>\d{1,2})")


@dataclass(frozen=True)
class FileFailure:
    """A file a batch could not build, and why."""

    path: str
    message: str


def file_sha256(path: str | Path) -> str:
    """Content hash of a file's bytes: what tells a changed transcript from an unchanged one."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_document(
    doc: Document, fmt: str = "auto", year: int | None = None, sha256: str | None = None
) -> Transcript:
    """Parse decoded text into a Transcript with turns, title and date (no extraction yet).

    `sha256` is the file's content hash; without it the decoded text is hashed.
    """
    if fmt != "auto" and fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose auto, {', '.join(FORMATS)}")
    chosen = detect_format(doc.text) if fmt == "auto" else fmt
    source = doc.source
    t = Transcript(
        key=transcript_key(source),
        text=doc.text,
        source=source,
        sha256=sha256 or hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
        warnings=list(doc.warnings),
    )
    if chosen is None:
        # Nothing lost: the whole text becomes one turn of an unknown speaker.
        t.format = "plain"
        t.turns = [make_turn(doc.text, 1, "", 0, len(doc.text))]
        t.warnings.append(
            f"{source}: no speaker turns found (tried {', '.join(FORMATS)}); "
            "kept the whole text as one turn; use --format to force a format"
        )
    else:
        parsed = parse_text(doc.text, chosen)
        t.format = chosen
        t.turns = parsed.turns
        t.preamble = find_preamble(doc.text, t.turns)
        t.context = parsed.context
        t.title = parsed.title
        t.date = parsed.date
        if not t.turns:
            raise InputError(
                f"{source}: no turns in format {chosen!r}; "
                "check the speaker labels or try another --format"
            )
    if not t.title:
        topic = _TOPIC.search(t.turns[0].text) if t.turns else None
        t.title = topic.group("title") if topic else Path(source).stem
    if not t.date:
        t.date = _date_from(source, t, year)
    t.opening = opening_turn(t)
    return t


def _date_from(source: str, t: Transcript, year: int | None) -> str | None:
    """Date from the file name, else --year with the turns' MM-DD."""
    found = iso_date(Path(source).name)
    if found:
        return found
    stamped = next((turn.time for turn in t.turns if turn.time), None)
    if year and stamped:
        match = _MMDD.match(stamped)
        if match:
            return f"{year:04d}-{int(match['m']):02d}-{int(match['d']):02d}"
    return str(year) if year else None


class Extractor:
    """Reads and extracts transcripts with stages built once (lexicons loaded once)."""

    def __init__(
        self,
        options: ExtractOptions | None = None,
        stages: tuple[str, ...] = DEFAULT_STAGES,
        fmt: str = "auto",
        year: int | None = None,
    ) -> None:
        self.fmt = fmt
        self.year = year
        self._stages: list[tuple[str, Stage]] = make_stages(stages, options)

    def load(self, path: str | Path, sha256: str | None = None) -> Transcript:
        """Read, parse and extract one file."""
        doc = read_document(path)
        return self.extract(parse_document(doc, self.fmt, self.year, sha256 or file_sha256(path)))

    def extract(self, transcript: Transcript) -> Transcript:
        """Run the extraction stages on a parsed transcript."""
        return run_stages(transcript, self._stages)


def load_transcript(
    path: str | Path,
    fmt: str = "auto",
    year: int | None = None,
    options: ExtractOptions | None = None,
) -> Transcript:
    """Read, parse and extract one transcript file.

    >>> t = load_transcript("examples/icbc-2018-04-26-press-conference.txt")
    >>> len(t.turns), t.date
    (38, '2018-04-26')
    """
    return Extractor(options, fmt=fmt, year=year).load(path)


def iter_transcript_files(paths: Iterable[str | Path]) -> Iterator[Path | FileFailure]:
    """Files named or found under folders (sorted, symlink loops skipped), or failures."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            seen: set[Path] = set()
            yield from (_regular(found) for found in sorted(_walk(path, seen)))
        elif path.exists():
            yield _regular(path)
        else:
            yield FileFailure(str(path), f"{path}: no such file or directory; check the path")


def _regular(path: Path) -> Path | FileFailure:
    """`path` if it is a regular file; a FIFO or device would block the build forever."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return FileFailure(str(path), f"{path}: cannot be opened ({e.strerror}); a broken link?")
    if not stat.S_ISREG(mode):
        return FileFailure(
            str(path), f"{path}: not a regular file (a pipe or device); give a text file"
        )
    return path


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path]:
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        return
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.suffix.lower() in TRANSCRIPT_SUFFIXES and not entry.name.startswith("."):
            yield entry
