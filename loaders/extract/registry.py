"""Extraction stages registered by name: each one a `Transcript → Transcript` function.

A stage factory takes the run's `ExtractOptions` and returns the stage, so
costly set-up (a lexicon automaton) happens once per process, not per file.
An unknown stage name fails at start-up and lists the known ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from loaders.model import Transcript
from presskg.errors import UsageError

__all__ = [
    "DEFAULT_STAGES",
    "ExtractOptions",
    "Stage",
    "StageFactory",
    "make_stages",
    "register",
    "run_stages",
    "stage_names",
]

Stage = Callable[[Transcript], Transcript]


@dataclass(frozen=True)
class ExtractOptions:
    """What a run passes to every stage factory."""

    lexicons: tuple[Path, ...] = field(default_factory=tuple)  # user lexicon files (--lexicon)


StageFactory = Callable[[ExtractOptions], Stage]

#: The order DESIGN.md gives; later stages read what earlier ones wrote.
DEFAULT_STAGES: tuple[str, ...] = (
    "roles",
    "questions",
    "entities",
    "aliases",
    "relations",
    "figures",
)

_REGISTRY: dict[str, StageFactory] = {}


def register(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator: register a stage factory under `name`."""

    def decorate(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return decorate


def _load_builtin_stages() -> None:
    # Importing the modules registers their stages.
    from loaders.extract import (  # noqa: F401
        aliases,
        entities,
        figures,
        questions,
        relations,
        roles,
    )


def stage_names() -> list[str]:
    """Names of every registered stage."""
    _load_builtin_stages()
    return sorted(_REGISTRY)


def make_stages(
    names: tuple[str, ...] = DEFAULT_STAGES, options: ExtractOptions | None = None
) -> list[tuple[str, Stage]]:
    """Instantiate the named stages in order; fail early on an unknown name."""
    _load_builtin_stages()
    unknown = [n for n in names if n not in _REGISTRY]
    if unknown:
        raise UsageError(
            f"unknown extraction stage {', '.join(map(repr, unknown))}; "
            f"known stages: {', '.join(sorted(_REGISTRY))}"
        )
    opts = options or ExtractOptions()
    return [(n, _REGISTRY[n](opts)) for n in names]


def run_stages(transcript: Transcript, stages: list[tuple[str, Stage]]) -> Transcript:
    """Run `stages` in order; a stage that returns something else than a Transcript is a bug."""
    for name, stage in stages:
        result = stage(transcript)
        if not isinstance(result, Transcript):
            raise TypeError(f"stage {name!r} returned {type(result).__name__}, not a Transcript")
        transcript = result
    return transcript
