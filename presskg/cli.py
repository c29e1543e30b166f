"""`presskg` command line: each command a thin wrapper over the library.

Exit codes: 0 success, 1 bad input or query, 2 usage, 3 store unavailable.
Errors print one line, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from graph.store import QueryResult
from presskg.api import DEFAULT_STORE, BuildReport, PressKG
from presskg.errors import InputError, PressKGError, UsageError
from queries.catalog import all_queries, get_query, parse_param

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _handled(func: F) -> F:
    """Turn presskg errors into a one-line message and the right exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PressKGError as e:
            err.print(Text.assemble(("error: ", "bold red"), str(e)))
            sys.exit(e.exit_code)
        except KeyboardInterrupt:
            err.print("interrupted")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def _open(store: str, neo4j: bool, *, create: bool = False) -> PressKG:
    return PressKG(store, neo4j=neo4j, create=create)


store_option = click.option(
    "--store",
    default=DEFAULT_STORE,
    show_default=True,
    envvar="PRESSKG_STORE",
    help="Embedded store folder.",
)
neo4j_option = click.option(
    "--neo4j", is_flag=True, help="Use Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="presskg")
def cli() -> None:
    """Knowledge graphs from press-conference transcripts.

    \b
    Quick start:
      presskg build examples/icbc-2018-04-26-press-conference.txt
      presskg queries
      presskg query --name products-by-speaker --param speaker=吕仲涛
      presskg viz --out graph.html
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "live", "markdown", "qa"]),
    default="auto",
    show_default=True,
    help="Transcript format (auto detects it per file).",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra lexicon YAML (repeatable).",
)
@click.option("--year", type=click.IntRange(1900, 2200), help="Year for MM-DD timestamps.")
@click.option("--jobs", type=click.IntRange(1, 64), help="Worker processes (default: cores).")
@click.option("--force", is_flag=True, help="Use a non-empty folder that is not a store.")
@click.option("--no-wait", is_flag=True, help="Fail instead of waiting for another build.")
@neo4j_option
@_handled
def build(
    paths: tuple[Path, ...],
    store: str,
    fmt: str,
    lexicons: tuple[Path, ...],
    year: int | None,
    jobs: int | None,
    force: bool,
    no_wait: bool,
    neo4j: bool,
) -> None:
    """Read transcripts (files or folders), extract, and store the graph.

    A folder is read for .txt, .md, .markdown, .text, .html and .htm files; a web page is
    read as its text.

    \b
    Examples:
      presskg build examples/icbc-2018-04-26-press-conference.txt
      presskg build transcripts/ --store kg --lexicon my-terms.yaml
      presskg build briefing.txt --year 2018 --neo4j
      presskg build saved-page.html
    """
    kg = PressKG(store, neo4j=neo4j, force=force, wait=not no_wait)
    with Progress(
        TextColumn("[bold]building"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=len(paths) == 1 and paths[0].is_file(),
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(path: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=Path(path).name[:40])

        def stage(what: str) -> None:
            bar.update(task, description=what + " …")

        report = kg.build(
            paths,
            fmt=fmt,
            lexicons=lexicons,
            year=year,
            workers=jobs,
            progress=progress,
            stage=stage,
        )
    kg.close()
    _print_report(report, neo4j, store)
    if not report.built and not report.unchanged and report.failed:
        sys.exit(1)


def _print_report(report: BuildReport, neo4j: bool, store: str) -> None:
    for failure in report.failed:
        err.print(Text.assemble(("skipped: ", "yellow"), failure.message))
    for warning in report.warnings:
        err.print(Text.assemble(("warning: ", "yellow"), warning))
    where = "Neo4j" if neo4j else store
    phases = ", ".join(
        f"{name} {seconds:.1f} s" for name, seconds in report.seconds.items() if name != "total"
    )
    took = f" in {report.seconds.get('total', 0.0):.1f} s" + (f" ({phases})" if phases else "")
    out.print(
        f"built {len(report.built)} file(s), {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} failed → {where}{took}",
        highlight=False,
    )
    table = Table("label / type", "count", box=None, pad_edge=False)
    for name, count in sorted(
        report.counts.items(), key=lambda kv: (not kv[0][0].islower(), kv[0])
    ):
        if not name.isupper():
            table.add_row(name, str(count))
    for name, count in sorted(report.counts.items()):
        if name.isupper():
            table.add_row(name, str(count))
    out.print(table)


def _params(items: tuple[str, ...]) -> dict[str, Any]:
    return dict(parse_param(item) for item in items)


def _emit(result: QueryResult, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(result.records(), ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.columns)
        writer.writerows(
            [json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for v in row]
            for row in result.rows
        )
        click.echo(buffer.getvalue(), nl=False)
    else:
        table = Table(*result.columns, show_lines=False)
        for row in result.rows:
            table.add_row(*(_cell(v) for v in row))
        out.print(table)
        out.print(f"{len(result.rows)} row(s)")


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return "" if value is None else str(value)


@cli.command()
@click.argument("cypher", required=False)
@click.option("--name", "-n", help="Run a named query (see `presskg queries`).")
@click.option("--param", "-p", "params", multiple=True, help="Query parameter NAME=VALUE.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.option("--write", is_flag=True, help="Allow the query to change the store.")
@store_option
@neo4j_option
@_handled
def query(
    cypher: str | None,
    name: str | None,
    params: tuple[str, ...],
    fmt: str,
    write: bool,
    store: str,
    neo4j: bool,
) -> None:
    """Run Cypher on the store (read-only unless --write).

    \b
    Examples:
      presskg query "MATCH (p:Product) RETURN p.name AS product ORDER BY product"
      presskg query "MATCH (o:Organization) WHERE o.name = \\$n RETURN o.aliases" -p n=中国工商银行
      presskg query --name co-mentioned --param name=区块链 --format json
    """
    if bool(cypher) == bool(name):
        raise UsageError("give either a CYPHER query or --name NAME (not both)")
    given = _params(params)
    with _open(store, neo4j) as kg:
        if name:
            named = get_query(name)
            result = kg.query(named.cypher, **named.params(given))
        else:
            assert cypher is not None
            result = kg.query(cypher, write=write, **given)
    _emit(result, fmt)


@cli.command(name="queries")
@_handled
def list_queries() -> None:
    """List the named queries with their parameters and defaults.

    \b
    Example:
      presskg queries
    """
    table = Table("name", "description", "parameters")
    for q in all_queries().values():
        defaults = ", ".join(
            f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in q.defaults.items()
        )
        table.add_row(q.name, q.description, defaults)
    out.print(table)


@cli.command()
@click.option(
    "--out", "out_path", default="graph.html", show_default=True, type=click.Path(path_type=Path)
)
@click.option(
    "--view",
    type=click.Choice(["all", "products", "speakers"]),
    default="all",
    show_default=True,
)
@click.option("--focus", help="Centre on an entity (name or alias).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 5))
@click.option("--transcript", help="Only what one transcript (key) says.")
@click.option("--types", help="Comma-separated labels, e.g. Product,Technology.")
@click.option("--min-weight", default=0, show_default=True, type=click.IntRange(0))
@click.option(
    "--force", is_flag=True, help="Overwrite an existing file that is not a presskg page."
)
@store_option
@neo4j_option
@_handled
def viz(
    out_path: Path,
    view: str,
    focus: str | None,
    depth: int,
    transcript: str | None,
    types: str | None,
    min_weight: int,
    force: bool,
    store: str,
    neo4j: bool,
) -> None:
    """Write the interactive, offline HTML page of the graph.

    \b
    Examples:
      presskg viz --out graph.html
      presskg viz --view products --out products.html
      presskg viz --focus 融e行 --depth 2 --out focus.html
    """
    from graph.render import to_vis_data, write_html

    _refuse_foreign(out_path, force, marker="presskg")
    with _open(store, neo4j) as kg:
        graph = kg.to_networkx()
    labels = [t.strip() for t in types.split(",") if t.strip()] if types else None
    try:
        data = to_vis_data(
            graph,
            view,
            focus=focus,
            depth=depth,
            transcript=transcript,
            types=labels,
            min_weight=min_weight,
        )
    except ValueError as e:
        raise InputError(str(e)) from e
    path = write_html(data, out_path)
    for notice in getattr(data, "notices", []):
        err.print(f"note: {notice}")
    out.print(f"wrote {path} ({len(data.nodes)} nodes, {len(data.edges)} edges)")


def _refuse_foreign(path: Path, force: bool, marker: str) -> None:
    """Never overwrite a file presskg did not write, unless --force."""
    if force or not path.exists():
        return
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for --out")
    try:
        content = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})") from e
    if marker not in content:
        raise InputError(
            f"{path}: exists and was not written by presskg; choose another --out or add --force"
        )


@cli.command()
@store_option
@_handled
def push(store: str) -> None:
    """Copy the embedded store's graph into Neo4j (idempotent).

    \b
    Example:
      presskg push --store presskg-data
    """
    with _open(store, False) as local:
        graph = local.to_networkx()
    with PressKG(neo4j=True) as remote:
        remote.store.write(graph)
        counts = remote.counts()
    out.print(
        f"pushed {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships; "
        f"Neo4j now holds {sum(v for k, v in counts.items() if not k.isupper())} nodes"
    )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "graphml", "gexf", "csv"]),
    default="json",
    show_default=True,
)
@click.option("--out", "out_path", type=click.Path(path_type=Path), help="File (folder for csv).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@store_option
@neo4j_option
@_handled
def export(fmt: str, out_path: Path | None, force: bool, store: str, neo4j: bool) -> None:
    """Export the graph: node-link JSON, GraphML/GEXF for Gephi, CSV for neo4j-admin import.

    \b
    Examples:
      presskg export --format json --out graph.json
      presskg export --format graphml --out graph.graphml
      presskg export --format csv --out import/
    """
    from graph.export import export_graph

    target = out_path or Path("presskg-export" if fmt == "csv" else f"graph.{fmt}")
    empty_folder = fmt == "csv" and target.is_dir() and not any(target.iterdir())
    if target.exists() and not force and not empty_folder:
        raise InputError(f"{target}: exists; choose another --out or add --force")
    with _open(store, neo4j) as kg:
        graph = kg.to_networkx()
    path = export_graph(graph, fmt, target)
    out.print(f"wrote {path} ({graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges)")


@cli.command()
@click.option("--top", default=10, show_default=True, type=click.IntRange(1))
@store_option
@neo4j_option
@_handled
def stats(top: int, store: str, neo4j: bool) -> None:
    """Counts by label and type, top entities, top speakers.

    \b
    Example:
      presskg stats --top 5
    """
    from graph.algorithms import top_entities, top_speakers

    with _open(store, neo4j) as kg:
        graph = kg.to_networkx()
        counts = kg.counts()
    table = Table("label / type", "count", box=None)
    for name, count in sorted(counts.items(), key=lambda kv: (kv[0].isupper(), kv[0])):
        table.add_row(name, str(count))
    out.print(table)
    for label in ("Organization", "Product", "Technology", "Person", "Place"):
        rows = top_entities(graph, label, top)
        if rows:
            out.print(f"[bold]top {label}[/]: " + ", ".join(f"{n} ({c})" for n, c in rows))
    speakers = top_speakers(graph, top)
    if speakers:
        out.print("[bold]top speakers[/]: " + ", ".join(f"{n} ({c})" for n, c in speakers))


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except click.UsageError as e:
        e.show()
        sys.exit(2)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(1)
