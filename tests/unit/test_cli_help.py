"""Every command is documented: `--help` with an example, and a mention in the README."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from presskg.cli import cli
from tests.conftest import ROOT

COMMANDS = sorted(cli.commands)


def test_the_documented_commands_exist() -> None:
    assert {"build", "query", "queries", "viz", "push", "export", "stats"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"presskg {command}" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_mentions_the_command(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"presskg {command}" in readme or f"`{command}`" in readme


def test_usage_errors_exit_2() -> None:
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 2


def test_build_help_names_every_file_type_a_folder_build_reads() -> None:
    from presskg.pipeline import TRANSCRIPT_SUFFIXES

    result = CliRunner().invoke(cli, ["build", "--help"])
    assert all(suffix in result.output for suffix in TRANSCRIPT_SUFFIXES)
