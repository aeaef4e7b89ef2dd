"""Measure the extractor on annotated news: `make eval`, or

    .venv/bin/python -m tools.evaluate --out build/eval SET_DIR [SET_DIR ...]

Each set folder holds `articles/<doc_id>.md` and `gold.json` (see ../shared/eval/README.md). For every set,
the articles are extracted, the published facts (all with `--all` or EVAL_ALL=1) written as
`<out>/<set-name>.predictions.json` in the scorer's format, and the scorer's table printed; then the scores of all
against published facts, and per kind the reliability of the calibrated confidence.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.articles import Article, parse_article
from generator.errors import InputError
from generator.extract import EXTRACTOR_VERSION, extract_all, load_model
from generator.render import range_ends

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
_TYPES = {"person": "person", "organisation": "organization", "place": "place"}
_PLACEHOLDER_DATE = "1970-01-01"
"""Single-sentence sets have no date; the date only anchors relative dates, which the scorer ignores."""


def read_set(folder: Path) -> list[tuple[str, Article]]:
    """(doc_id, article) for every `articles/*.md` of a set, sorted by file name."""
    pairs = []
    for path in sorted((folder / "articles").glob("*.md")):
        data = path.read_bytes()
        pairs.append((path.stem, _parse(data, path.name)))
    return pairs


def _parse(data: bytes, name: str) -> Article:
    try:
        return parse_article(data, name)
    except InputError as error:
        if not any(p.field == "date" for p in error.problems):
            raise
    # Add a placeholder date after the opening `---` of the front matter, then read again.
    text = data.decode("utf-8")
    text = re.sub(r"\A(\s*---[ \t]*\r?\n)", rf"\1date: {_PLACEHOLDER_DATE}\n", text, count=1)
    return parse_article(text.encode("utf-8"), name)


def to_prediction(facts: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """One fact document in the scorer's format (entities, figures, statements, roles, dates)."""
    entities = {e["id"]: e for e in facts["entities"]}
    sentences = {s["id"]: s["text"] for s in facts["sentences"]}
    return {
        "entities": [
            {"name": e["name"], "type": _TYPES[e["type"]], "aliases": list(e.get("aliases", []))}
            for e in facts["entities"]
        ],
        "figures": [
            {"value": value, "unit": f.get("unit", ""), "sentence_text": sentences[f["sentence"]]}
            for value, f in _ranges(facts["figures"])
        ],
        "statements": [_statement(s, entities) for s in facts["statements"]],
        "roles": [
            {"person": entities[r["entity"]]["name"], "title": r["title"]}
            for r in facts.get("roles", [])
            if r.get("entity") in entities and in_body(r, sentences)
        ],
        "dates": [
            {"date": d["date"], "sentence_text": sentences[d["sentence"]]}
            for d in facts.get("dates", [])
            if d.get("sentence") in sentences
        ],
    }


def in_body(role: dict[str, Any], sentences: dict[str, str]) -> bool:
    """Whether the role is written in the sentence it cites. A role taken from the header ("Press Briefing by
    Press Secretary …") cites the speaker's first words instead; the gold sets annotate the body only, so
    such roles are left out of the comparison (docs/extraction.md gives the score with them)."""
    return role["title"].lower() in sentences.get(role.get("sentence", ""), "").lower()


def _ranges(figures: list[dict[str, Any]]) -> list[tuple[Any, dict[str, Any]]]:
    """Figures with their values; the two ends of a range ("$160 to $180": at least / at most, one text) as one."""
    out: list[tuple[Any, dict[str, Any]]] = []
    for figure in figures:
        if out:
            value, previous = out[-1]
            if not isinstance(value, list) and range_ends(previous, figure):
                out[-1] = ([value, figure["value"]], previous)
                continue
        out.append((figure["value"], figure))
    return out


def _statement(statement: dict[str, Any], entities: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The speaker is the entity's name; its aliases and the words the sentence uses ("he") are aliases."""
    written = statement.get("speaker_text", "")
    entity = entities.get(statement.get("speaker", ""))
    if entity is None:
        return {"speaker": written, "content": statement["content"]}
    aliases = [*entity.get("aliases", []), *([written] if written else [])]
    return {"speaker": entity["name"], "speaker_aliases": aliases, "content": statement["content"]}


def predict(
    pairs: list[tuple[str, Article]], nlp: Any, thresholds: dict[str, float] | None = None
) -> tuple[dict[str, Any], float]:
    """The predictions file's content for one set (with `thresholds`, only the published facts), and the
    seconds extraction took. The fact documents themselves are under the key "documents"."""
    started = time.perf_counter()
    documents = list(extract_all([article for _, article in pairs], nlp))
    seconds = time.perf_counter() - started
    shown = documents if thresholds is None else [published_facts(d, thresholds) for d in documents]
    docs = {doc_id: to_prediction(facts) for (doc_id, _), facts in zip(pairs, shown, strict=True)}
    by_id = {doc_id: facts for (doc_id, _), facts in zip(pairs, documents, strict=True)}
    return {"system": f"factsheet {EXTRACTOR_VERSION}", "docs": docs, "documents": by_id}, seconds


def published_facts(facts: dict[str, Any], thresholds: dict[str, float]) -> dict[str, Any]:
    """What a reader of the site sees of one fact document: the facts that reach the threshold."""
    from generator.render.publish import split_published

    identity = {e["id"]: e["id"] for e in facts["entities"]}
    return split_published(facts, facts, identity, frozenset(), thresholds)[0]


def site_thresholds(config: Path) -> dict[str, float]:
    """The publishing thresholds of the site configuration (the fitted defaults where it sets none)."""
    from generator.config import parse_site_config

    path = config / "mkdocs.yml"
    text = path.read_text(encoding="utf-8") if path.is_file() else "{}"
    return parse_site_config(text, str(path)).min_confidence


def calibration_report(
    scorer_path: Path, results: list[tuple[Path, dict[str, Any]]], thresholds: dict[str, float]
) -> list[str]:
    """Per set and layer, the scores of all facts and of the published ones; per kind, the reliability
    table (predicted confidence against measured precision) and the expected calibration error."""
    from tools.calibrate import labelled_facts, load_scorer

    scorer = load_scorer(scorer_path)
    lines = [
        "",
        "Published facts (publish.min_confidence: " + ", ".join(f"{k} {v:.2f}" for k, v in thresholds.items()) + ")",
        f"{'set':16s} {'score':32s} {'all P':>6s} {'R':>6s} {'F1':>6s}  {'pub P':>6s} {'R':>6s} {'F1':>6s} {'pub/all':>9s}",
    ]
    labelled = []
    for folder, documents in results:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        labelled.extend(labelled_facts(folder.name, scorer, gold, documents))
        every = scorer.score(gold, {d: _scored(f) for d, f in documents.items()})["scores"]
        shown = {d: _scored(published_facts(f, thresholds)) for d, f in documents.items()}
        published = scorer.score(gold, shown)["scores"]
        for row, a in every.items():
            if row.endswith("(type-agnostic)") or row.endswith("content only") or row == "figures/value+sentence":
                continue
            b = published[row]
            lines.append(
                f"{folder.name:16s} {row:32s} {a['p']:6.3f} {a['r']:6.3f} {a['f1']:6.3f}  "
                f"{b['p']:6.3f} {b['r']:6.3f} {b['f1']:6.3f} {b['pred']:4d}/{a['pred']:<4d}"
            )
    lines += reliability_tables(labelled)
    return lines


def _scored(facts: dict[str, Any]) -> dict[str, Any]:
    """`to_prediction`, with roles and dates in the scorer's format where it leaves them out."""
    prediction: dict[str, Any] = to_prediction(facts)
    entities = {e["id"]: e["name"] for e in facts["entities"]}
    sentences = {s["id"]: s["text"] for s in facts["sentences"]}
    prediction.setdefault(
        "roles",
        [{"person": entities[r["entity"]], "title": r["title"]} for r in facts["roles"] if r["entity"] in entities],
    )
    prediction.setdefault(
        "dates", [{"date": d["date"], "sentence_text": sentences.get(d["sentence"], "")} for d in facts["dates"]]
    )
    return prediction


BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)


def reliability_tables(labelled: list[Any]) -> list[str]:
    """Per kind, facts binned by calibrated confidence: mean confidence against the share that is right."""
    lines = []
    for kind in ("entities", "roles", "figures", "statements", "dates"):
        facts = [f for f in labelled if f.kind == kind and f.right is not None]
        if not facts:
            continue
        lines += [
            "",
            f"Reliability: {kind} ({len(facts)} labelled facts, all dev sets)",
            f"{'confidence':>12s} {'facts':>6s} {'mean conf':>10s} {'precision':>10s}",
        ]
        error = 0.0
        for low, high in itertools.pairwise(BINS):
            inside = [f for f in facts if low <= f.confidence < high]
            if not inside:
                continue
            mean = sum(f.confidence for f in inside) / len(inside)
            precision = sum(bool(f.right) for f in inside) / len(inside)
            error += len(inside) / len(facts) * abs(mean - precision)
            lines.append(f"{f'{low:.2f}-{min(high, 1):.2f}':>12s} {len(inside):6d} {mean:10.3f} {precision:10.3f}")
        lines.append(f"expected calibration error: {error:.3f}")
    return lines


def raw_spacy_seconds(pairs: list[tuple[str, Article]], nlp: Any) -> float:
    """Seconds that spaCy alone takes on the same paragraphs, for the speed ratio."""
    started = time.perf_counter()
    for _ in nlp.pipe((p for _, a in pairs for p in a.paragraphs), batch_size=64):
        pass
    return time.perf_counter() - started


def main(argv: Iterable[str] | None = None) -> int:
    """Extract, write predictions, print the scorer's table for every set; non-zero if the scorer fails."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path, help="set folders with articles/*.md and gold.json")
    parser.add_argument("--out", type=Path, default=Path("build/eval"), help="where predictions are written")
    parser.add_argument("--scorer", type=Path, default=SCORER, help="the scorer (../shared/eval/score.py)")
    parser.add_argument("--speed", action="store_true", help="also time raw spaCy on the same texts")
    parser.add_argument("--config", type=Path, default=Path("site_config"), help="site configuration (thresholds)")
    parser.add_argument(
        "--all", action="store_true", default=bool(os.environ.get("EVAL_ALL")), help="write all facts (EVAL_ALL=1)"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    python = shutil.which("python3") or sys.executable
    nlp = load_model()
    args.out.mkdir(parents=True, exist_ok=True)
    status = 0
    thresholds = site_thresholds(args.config)
    results = []
    for folder in args.sets:
        pairs = read_set(folder)
        prediction, seconds = predict(pairs, nlp, None if args.all else thresholds)
        results.append((folder, prediction.pop("documents")))
        target = args.out / f"{folder.name}.predictions.json"
        target.write_text(json.dumps(prediction, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        line = f"{folder.name}: {len(pairs)} articles extracted in {seconds:.1f} s"
        if args.speed:
            raw = raw_spacy_seconds(pairs, nlp)
            line += f"; raw spaCy {raw:.1f} s; ratio {seconds / raw:.2f}"
        print(line, flush=True)  # noqa: T201
        done = subprocess.run(
            [python, str(args.scorer), "--gold", str(folder / "gold.json"), "--pred", str(target)], check=False
        )
        status = status or done.returncode
        print(flush=True)  # noqa: T201
    print("\n".join(calibration_report(args.scorer, results, thresholds)), flush=True)  # noqa: T201
    return status


if __name__ == "__main__":
    sys.exit(main())
