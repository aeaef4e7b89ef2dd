"""`make eval`: fact documents in the scorer's format, and a run on a small annotated set."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import shared
from tools.evaluate import predict, read_set, to_prediction

FACTS: dict[str, Any] = {
    "entities": [
        {"id": "hamas", "name": "Hamas", "type": "organisation", "aliases": []},
        {"id": "ghazi-hamad", "name": "Ghazi Hamad", "type": "person", "aliases": ["Hamad"]},
    ],
    "figures": [
        {
            "id": "f1",
            "value": 160,
            "text": "$160 to $180",
            "qualifier": "at least",
            "unit": "dollars",
            "sentence": "s1",
        },
        {"id": "f2", "value": 180, "text": "$160 to $180", "qualifier": "at most", "unit": "dollars", "sentence": "s1"},
    ],
    "statements": [
        {
            "id": "st1",
            "speaker": "ghazi-hamad",
            "speaker_text": "he",
            "cue": "said",
            "content": "x y",
            "sentence": "s1",
        },
        {"id": "st2", "speaker_text": "a senior official", "cue": "said", "content": "a b", "sentence": "s1"},
    ],
    "roles": [
        {"id": "r1", "entity": "ghazi-hamad", "title": "member of the Political Office", "sentence": "s2"},
        {"id": "r2", "entity": "ghazi-hamad", "title": "Press Secretary", "sentence": "s1"},  # from the header
    ],
    "dates": [{"id": "d1", "date": "2023-11-24", "text": "Friday", "sentence": "s1"}],
    "sentences": [
        {"id": "s1", "paragraph": 1, "start": 0, "end": 10, "text": "Rewards rose from $160 to $180."},
        {"id": "s2", "paragraph": 2, "start": 0, "end": 10, "text": "Hamad, a member of the Political Office, spoke."},
    ],
}


def test_types_speakers_and_ranges_in_the_scorers_words() -> None:
    prediction = to_prediction(FACTS)
    assert prediction["entities"][0] == {"name": "Hamas", "type": "organization", "aliases": []}
    assert prediction["figures"] == [
        {"value": [160, 180], "unit": "dollars", "sentence_text": "Rewards rose from $160 to $180."}
    ]
    assert prediction["statements"] == [
        {"speaker": "Ghazi Hamad", "speaker_aliases": ["Hamad", "he"], "content": "x y"},
        {"speaker": "a senior official", "content": "a b"},
    ]
    assert prediction["roles"] == [{"person": "Ghazi Hamad", "title": "member of the Political Office"}]
    assert prediction["dates"] == [{"date": "2023-11-24", "sentence_text": "Rewards rose from $160 to $180."}]


def test_predictions_keyed_by_file_name_and_scored(nlp: Any, tmp_path: Path) -> None:
    source = shared("eval/dev/meantime_dev")
    scorer = shared("eval/score.py")
    folder = tmp_path / "tiny_set"
    (folder / "articles").mkdir(parents=True)
    names = sorted(p.name for p in (source / "articles").glob("*.md"))[:2]
    for name in names:
        shutil.copy(source / "articles" / name, folder / "articles" / name)
    gold = json.loads((source / "gold.json").read_text(encoding="utf-8"))
    gold["docs"] = {k: v for k, v in gold["docs"].items() if f"{k}.md" in names}
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")

    prediction, _ = predict(read_set(folder), nlp)
    assert set(prediction["docs"]) == {name.removesuffix(".md") for name in names}
    target = tmp_path / "tiny_set.predictions.json"
    target.write_text(json.dumps(prediction), encoding="utf-8")
    run = [sys.executable, str(scorer), "--gold", str(folder / "gold.json"), "--pred", str(target)]
    table = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "entities/all (typed)" in table
    assert "2 docs, 0 missing" in table
