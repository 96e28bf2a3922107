"""The audit of a generated corpus: every cell and every count agrees with the answer key."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from boardreport.audit import Audit, State, Status, audit
from boardreport.audit._page import to_csv, to_json
from boardreport.rules import all_rules

from .corpus import COUNT, PLANTS, Corpus, spend_per_child

WT18 = [rule.id for rule in all_rules() if rule.pack == "WT18"]


def _expected(plants: tuple[str, ...]) -> dict[str, Status]:
    states = dict.fromkeys(WT18, Status.MET)
    for name in plants:
        states[PLANTS[name].rule] = PLANTS[name].status
    return states


def _rows(audited: Audit) -> dict[str, object]:
    return {Path(row.path).name: row for row in audited.rows}


def test_every_report_is_found_and_the_broken_one_is_listed(audited: Audit, corpus: Corpus) -> None:
    names = sorted(Path(row.path).name for row in audited.rows)
    assert names == sorted([*corpus.answers, corpus.broken])
    assert len(audited.loaded) == COUNT
    (broken,) = [row for row in audited.rows if not row.loaded]
    assert "report.toml:2" in broken.problems[0]
    assert broken.statuses == {}


def test_every_cell_of_the_matrix_is_the_planted_state(audited: Audit, corpus: Corpus) -> None:
    rows = _rows(audited)
    for name, plants in corpus.answers.items():
        row = rows[name]
        assert row.edition == "WT2018"
        assert row.statuses == _expected(plants), name


def test_every_count_per_duty_is_right(audited: Audit, corpus: Corpus) -> None:
    assert [d.id for d in audited.duties] == WT18
    for count in audited.counts:
        wanted = [_expected(p)[count.rule.id] for p in corpus.answers.values()]
        assert count.applies == COUNT
        for state in Status:
            assert count.of(state) == wanted.count(state), (count.rule.id, state)
    impact = next(c for c in audited.counts if c.rule.id == "WT18-003")
    assert impact.sentence == f"11 of {COUNT} reports do not meet WT18-003 (impact-evidence)"
    funding = next(c for c in audited.counts if c.rule.id == "WT18-012")
    assert funding.of(Status.NOT_MET) == 3
    assert funding.of(Status.ACCEPTED) == 3
    assert funding.of(Status.NOT_PUBLISHED) == 3
    assert funding.sentence.endswith("; 3 not met, accepted by the board, 3 data not published")


def test_figures_keep_stated_unknowns_and_compute_spend_per_child(
    audited: Audit, corpus: Corpus
) -> None:
    rows = _rows(audited)
    for index, (name, plants) in enumerate(sorted(corpus.answers.items())):
        figures = rows[name].figures
        assert figures["spend"].number == 150000
        assert figures["spend_per_child"].number == spend_per_child(index)
        if "funding-unpublished" in plants:
            for key in ("income", "share_local_authority", "share_police", "share_health"):
                assert figures[key].state is State.UNKNOWN
                assert figures[key].text == "not published"
        elif "health-unfunded" in plants or "health-accepted" in plants:
            assert figures["income"].number == 150000
            assert figures["share_health"].state is State.ABSENT
            assert figures["share_local_authority"].number == 60
        else:
            assert figures["share_health"].number == 20
        assert figures["deaths_reviewed"].state is State.ABSENT
        assert figures["reviews_published"].number == 0


def test_csv_and_json_say_the_same_as_the_matrix(audited: Audit, corpus: Corpus) -> None:
    lines = list(csv.DictReader(io.StringIO(to_csv(audited, [str(corpus.root)]))))
    data = json.loads(to_json(audited, [str(corpus.root)]))
    by_name = {Path(line["report"]).name: line for line in lines}
    for name, plants in corpus.answers.items():
        expected = {rule: state.value for rule, state in _expected(plants).items()}
        assert {rule: by_name[name][rule] for rule in WT18} == expected
        if "funding-unpublished" in plants:
            assert by_name[name]["income"] == "not published"  # never 0, never empty
    reports = {Path(r["path"]).name: r for r in data["reports"]}
    unpublished = reports["board-03"]["figures"]["income"]
    assert unpublished == {"state": "unknown", "value": None, "text": "not published"}
    assert reports["zz-broken"]["loaded"] is False
    impact = next(d for d in data["duties"] if d["rule"] == "WT18-003")
    assert impact["counts"] == {
        "met": 11,
        "not met": 11,
        "not met, accepted by the board": 0,
        "data not published": 0,
    }


def test_one_process_and_two_give_the_same_audit(audited: Audit, corpus: Corpus) -> None:
    alone = audit([corpus.root], jobs=1)
    assert alone.rows == audited.rows


def test_progress_is_called_for_every_report(corpus: Corpus) -> None:
    seen: list[tuple[int, int]] = []
    audit(
        [corpus.root / "region" / "board-00", corpus.root / "region" / "board-01"],
        jobs=1,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(1, 2), (2, 2)]
