"""Shared fixtures: paths, the example transcript, a store built once per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "icbc-2018-04-26-press-conference.txt"
DATA = ROOT / "tests" / "data"
CORPUS = ROOT.parent / "shared" / "data" / "archive-tw"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m presskg ARGS` as a user would, capturing text output."""
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "presskg", *args],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def query_json(store: Path, cypher: str, *params: str) -> list[dict[str, object]]:
    """Run `presskg query CYPHER --format json` on `store` and return the rows."""
    args = ["query", cypher, "--store", str(store), "--format", "json"]
    for p in params:
        args += ["--param", p]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


@pytest.fixture(scope="session")
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_cli


@pytest.fixture(scope="session")
def icbc_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ICBC example built once into an embedded store through the CLI."""
    store = tmp_path_factory.mktemp("icbc") / "store"
    result = run_cli("build", str(EXAMPLE), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


def requires_corpus() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not present at {CORPUS}")
