"""Extraction quality against hand-made gold annotations (`tests/data/gold/*.yaml`).

Prints precision, recall and F1 per entity type, question→answer accuracy, and
relation and figure recall, for every gold file whose transcript is present.

    python benchmarks/quality.py [-v] [GOLD.yaml ...]
    python benchmarks/quality.py --speed N     # MB/s per stage on N corpus files


A gold file names its transcript by a path relative to the repository root
(corpus files stay outside the repository); see docs/quality.md for the format.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from loaders.model import ENTITY_LABELS, Transcript  # noqa: E402
from loaders.normalize import variant_key  # noqa: E402
from presskg.pipeline import load_transcript  # noqa: E402

__all__ = ["GOLD_DIR", "Score", "evaluate", "gold_files", "load_gold", "main"]

GOLD_DIR = ROOT / "tests" / "data" / "gold"


@dataclass
class Score:
    """Counts for one measure; precision/recall/F1 derived from them."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file as a mapping (see docs/quality.md for its fields)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "source" not in data:
        raise ValueError(f"{path}: a gold file needs at least 'source'")
    return data


def gold_files() -> list[Path]:
    """Every gold file shipped with the project."""
    return sorted(GOLD_DIR.glob("*.yaml"))


def source_of(gold: dict[str, Any]) -> Path:
    """The transcript a gold file describes (relative paths are from the repository root)."""
    path = Path(gold["source"])
    return path if path.is_absolute() else (ROOT / path).resolve()


def _forms(name: str, aliases: list[str] | tuple[str, ...] = ()) -> set[str]:
    return {variant_key(n) for n in (name, *aliases)}


def _entity_score(t: Transcript, label: str, gold: list[dict[str, Any]]) -> Score:
    # Entities named in the text, plus the organisations speakers belong to (outlets in labels).
    mentioned = {m.entity for m in t.mentions}
    mentioned |= {s.organization for s in t.speakers.values() if s.organization}
    mentioned |= {a.organization for a in t.affiliations}
    predicted = [
        e
        for e in t.entities.values()
        if e.label == label and not e.anonymous and (e.key in mentioned or label == "Person")
    ]
    gold_forms = [(g["name"], _forms(g["name"], g.get("aliases", []))) for g in gold]
    score = Score(pred=len(predicted), gold=len(gold))
    hit_gold: set[str] = set()
    for entity in predicted:
        forms = _forms(entity.name, entity.aliases)
        matches = [name for name, gf in gold_forms if variant_key(entity.name) in gf or forms & gf]
        if matches:
            score.matched_pred += 1
            hit_gold.update(matches)
        else:
            score.spurious.append(entity.name)
    score.matched_gold = len(hit_gold)
    score.missed = [name for name, _ in gold_forms if name not in hit_gold]
    return score


def _name_index(t: Transcript) -> dict[str, set[str]]:
    return {key: _forms(e.name, e.aliases) for key, e in t.entities.items()}


def _relation_recall(
    t: Transcript, gold: list[list[str]], entities: dict[str, Any] | None = None
) -> Score:
    """A gold relation is found when a relation of its type joins any forms of its two ends
    (the names and aliases the gold entities give them)."""
    names = _name_index(t)
    found = [(r.type, names.get(r.source, set()), names.get(r.target, set())) for r in t.relations]
    score = Score(gold=len(gold), pred=len(t.relations))
    gold_forms: dict[str, set[str]] = {}
    for items in (entities or {}).values():
        for item in items or []:
            forms = _forms(item["name"], item.get("aliases", []))
            for form in forms:
                gold_forms.setdefault(form, set()).update(forms)
    for kind, source, target in gold:
        sources = gold_forms.get(variant_key(source), {variant_key(source)})
        targets = gold_forms.get(variant_key(target), {variant_key(target)})
        ok = any(k == kind and sources & s and targets & g for k, s, g in found)
        score.matched_gold += ok
        if not ok:
            score.missed.append(f"{kind}({source}, {target})")
    return score


def _unit_key(unit: str) -> str:
    """A unit as compared: 个百分点 is 百分点 and 个基点 is 基点 (the measure word adds nothing)."""
    return variant_key(unit.removeprefix("个") if len(unit) > 2 else unit)


def _figure_recall(t: Transcript, gold: list[dict[str, Any]]) -> Score:
    score = Score(gold=len(gold), pred=len(t.figures))
    for g in gold:
        value, unit = float(g["value"]), g.get("unit", "")
        ok = any(
            abs(f.value - value) <= 1e-6 * max(1.0, abs(value))
            and _unit_key(f.unit) == _unit_key(unit)
            for f in t.figures
        )
        score.matched_gold += ok
        if not ok:
            score.missed.append(str(g.get("text", value)))
    return score


def _answer_accuracy(t: Transcript, gold: list[dict[str, Any]]) -> Score:
    score = Score(gold=len(gold))
    names = {s.label: s.name for s in t.speakers.values()}
    for g in gold:
        q = int(g["question"])
        answerers = {names.get(turn.speaker, turn.speaker) for turn in t.turns if turn.answers == q}
        expected = {str(n) for n in g["answerers"]}
        ok = {variant_key(a) for a in answerers} == {variant_key(a) for a in expected}
        score.matched_gold += ok
        if not ok:
            score.missed.append(f"#{q}: {sorted(answerers)} != {sorted(expected)}")
    return score


def evaluate(gold: dict[str, Any], transcript: Transcript | None = None) -> dict[str, Score]:
    """Scores of one transcript against its gold annotations, by measure name."""
    t = transcript or load_transcript(source_of(gold), fmt=gold.get("format", "auto"))
    entities = gold.get("entities", {})
    scores = {label: _entity_score(t, label, entities.get(label, [])) for label in ENTITY_LABELS}
    scores["answers"] = _answer_accuracy(t, gold.get("answers", []))
    scores["relations"] = _relation_recall(t, gold.get("relations", []), gold.get("entities", {}))
    scores["figures"] = _figure_recall(t, gold.get("figures", []))
    return scores


def _row(name: str, scores: dict[str, Score], gold: dict[str, Any]) -> str:
    def cell(key: str, value: float) -> str:  # a measure the gold file does not annotate
        return f"{value:.2f}" if key in gold else "–"

    cells = [cell("entities", scores[label].f1) for label in ENTITY_LABELS]
    extra = [cell(k, scores[k].recall) for k in ("answers", "relations", "figures")]
    return f"| {name} | " + " | ".join(cells + extra) + " |"


CORPUS = ROOT.parent / "shared" / "data" / "archive-tw"


def stage_speed(count: int = 60, corpus: Path = CORPUS) -> dict[str, float]:
    """MB/s of each extraction stage over `count` corpus files (evenly spaced by name).

    MB are megabytes of transcript text (UTF-8); set-up (lexicon, jieba dictionary)
    is timed apart under `setup`, in seconds. Times are CPU times of this process, so
    other work on the machine does not skew them.
    """
    from loaders.extract.registry import DEFAULT_STAGES, make_stages
    from presskg.errors import PressKGError
    from presskg.pipeline import parse_document, read_document

    files = sorted(corpus.glob("*.md"))
    step = max(1, len(files) // count)
    docs = []
    for path in files[::step][:count]:
        try:
            docs.append(read_document(path))
            parse_document(docs[-1])
        except PressKGError:  # a file with no turns is reported by `build`, not timed here
            docs.pop()
    started = time.process_time()
    stages = make_stages(DEFAULT_STAGES)
    for _, stage in stages:  # warm up lazily loaded dictionaries
        stage(parse_document(docs[0]))
    out: dict[str, float] = {"setup": time.process_time() - started}
    spent = dict.fromkeys(DEFAULT_STAGES, 0.0)
    size = 0
    for doc in docs:
        t = parse_document(doc)
        size += len(t.text.encode("utf-8"))
        for name, stage in stages:
            t0 = time.process_time()
            t = stage(t)
            spent[name] += time.process_time() - t0
    mb = size / 1e6
    out["MB"] = mb
    for name, sec in spent.items():
        out[name] = mb / sec if sec else float("inf")
    out["all stages"] = mb / sum(spent.values())
    return out


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="benchmarks/quality.py",
        description="Score extraction against the hand-made gold files (docs/quality.md).",
        epilog="examples:\n"
        "  python benchmarks/quality.py                 # every gold file\n"
        "  python benchmarks/quality.py -v tests/data/gold/icbc-2018-04-26-press-conference.yaml\n"
        "  python benchmarks/quality.py --speed 60      # MB/s per stage on 60 corpus files",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", nargs="*", type=Path, help="gold YAML files (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and spurious")
    parser.add_argument(
        "--speed", type=int, metavar="N", help="measure each stage's MB/s on N corpus files instead"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.speed is not None:
        figures = stage_speed(args.speed)
        print(f"{figures.pop('MB'):.1f} MB of text; set-up {figures.pop('setup'):.1f} s")
        print("| stage | MB/s |\n|---|---|")
        for name, rate in figures.items():
            print(f"| {name} | {rate:.1f} |")
        return 0
    verbose = args.verbose
    missing = [p for p in args.gold if not p.is_file()]
    if missing:
        _parser().error(f"no such gold file: {missing[0]} (gold files live in {GOLD_DIR})")
    paths = args.gold or gold_files()
    header = "| transcript | " + " | ".join(f"{lab} F1" for lab in ENTITY_LABELS)
    print(header + " | Q→A acc | rel recall | fig recall |")
    print("|---" * (len(ENTITY_LABELS) + 4) + "|")
    details: list[str] = []
    for path in paths:
        gold = load_gold(path)
        if not source_of(gold).exists():
            print(f"| {path.stem} | (transcript not present: {gold['source']}) |")
            continue
        scores = evaluate(gold)
        print(_row(path.stem, scores, gold))
        for name, s in scores.items():
            details.append(
                f"{path.stem} {name}: P={s.precision:.2f} R={s.recall:.2f} F1={s.f1:.2f} "
                f"missed={s.missed} spurious={s.spurious}"
            )
    if verbose:
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
