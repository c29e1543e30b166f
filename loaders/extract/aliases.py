"""Extraction stage `aliases` (placeholder until implemented: passes the transcript through)."""

from __future__ import annotations

from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.model import Transcript


@register("aliases")
def make_stage(options: ExtractOptions) -> Stage:
    def stage(transcript: Transcript) -> Transcript:
        return transcript

    return stage
