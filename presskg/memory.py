"""Keeping Python's cyclic garbage collector out of bulk work.

Building a corpus graph allocates millions of long-lived dicts and lists. Each
allocation moves the collector towards another pass over everything allocated so
far, and at corpus scale those passes took as long as the work itself. The graph,
its rows and the extracted transcripts hold no reference cycles, so reference
counting frees them; the collector is paused during the bulk work and resumed
afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


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
