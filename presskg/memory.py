"""Keeping Python's cyclic garbage collector out of bulk work.

Building a corpus graph allocates millions of long-lived dicts and lists. Each
allocation moves the collector towards another pass over everything allocated so
far, and at corpus scale those passes took as long as the work itself. The graph,
its rows and the extracted transcripts hold no reference cycles, so reference
counting frees them; the collector is paused during the bulk work and resumed
afterwards.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Iterator
from contextlib import contextmanager, suppress

__all__ = ["collector_paused", "release_free_memory"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector inside the block (nests; restores the previous state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def release_free_memory() -> None:
    """Give freed heap pages back to the operating system (glibc only; a no-op elsewhere).

    Extraction results arrive, are turned into graph nodes and are freed, leaving
    hundreds of megabytes of free but still mapped heap; returning them before the
    index is loaded keeps the build's peak near the graph's own size.
    """
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)  # the process's own symbols: libc, no lookup
