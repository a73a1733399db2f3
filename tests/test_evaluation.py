"""Quality floors: the figures `sitrep evaluate` reached, held so they cannot silently drop.

These read ../shared (the seed gold and the evaluation sets); they skip with a reason in a
fresh clone without it and always run in CI.  Raise a floor when a change lifts a figure.
"""

from __future__ import annotations

import pytest

from sitrep.evaluate.command import run_evaluation

from .conftest import shared_path

FLOORS = {
    "seeds": {
        "events found (required)": 1.0,
        "fatalities exact": 1.0,
        "province right": 0.94,
        "date right": 1.0,
        "aggregate flag right": 1.0,
        "non-death numbers never counted": 1.0,
        "hypothetical events not coded": 1.0,
        "weekly rows exact": 0.88,
    },
    "fakes": {
        "event found": 0.99,
        "main count exact": 0.71,
        "main province right": 0.90,
        "main date within 2 days": 0.76,
    },
    "gva": {
        "event found": 0.98,
        "killed exact": 0.82,
        "injured exact": 0.63,
        "state right": 0.95,
        "city right": 0.685,
        "incident date right": 0.755,
        "multi-article incidents -> exactly one event": 0.795,
        "incidents not merged with another incident": 0.965,
    },
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    shared_path("gold", "seed_events.json")
    shared_path("eval", "gva_dev.jsonl")
    data = tmp_path_factory.mktemp("eval")
    return run_evaluation(list(FLOORS), errors=0, data_dir=data)


@pytest.mark.shared
@pytest.mark.parametrize("dataset, figure, floor", [(d, f, v) for d, fs in FLOORS.items() for f, v in fs.items()])
def test_figure_holds_its_floor(reports, dataset, figure, floor):
    value = reports[dataset].get(figure).value
    assert value >= floor, f"{dataset}: {figure} fell to {value:.1%} (floor {floor:.0%})"


@pytest.mark.shared
def test_weekly_rows_reconcile_with_events(reports, tmp_path_factory):
    # every seed weekly row not in the gold carries no deaths: nothing is counted twice
    assert reports["seeds"].get("weekly rows not in gold (fatalities > 0)").hits == 0
