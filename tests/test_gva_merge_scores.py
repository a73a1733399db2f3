"""The two merge figures of the GVA evaluation, on invented incidents: too little, too much."""

from datetime import date

import polars as pl

from sitrep import schema
from sitrep.evaluate.external import score_gva


def _mention(article, event, killed=1):
    return {"mention_id": f"{article}-0-0", "article_id": article, "event_id": event, "sentence_index": 0,
            "evidence": "A man was shot.", "fatalities_best": killed, "fatalities_low": killed, "injured": 0,
            "admin1": "US-TX", "location": "Houston", "event_date": date(2016, 3, 7), "is_aggregate": False}


def test_split_and_overmerged_incidents_are_both_scored():
    gold = [{"id": s, "incident": inc, "killed": 1, "injured": 0, "admin1": "US-TX", "city": "Houston",
             "date": "2016-03-07"} for s, inc in [("s1", "A"), ("s2", "A"), ("s3", "B"), ("s4", "B"), ("s5", "C"), ("s6", "D")]]
    articles = pl.DataFrame({"article_id": ["a1", "a2", "a3", "a4", "a5", "a6"],
                             "source_id": ["s1", "s2", "s3", "s4", "s5", "s6"]})
    # A: one event of its own; B: split in two, one part shared with C; D: alone
    events = {"a1": "e1", "a2": "e1", "a3": "e2", "a4": "e3", "a5": "e3", "a6": "e4"}
    mentions = schema.conform(pl.DataFrame([_mention(a, e) for a, e in events.items()], infer_schema_length=None),
                              schema.EVENT_MENTIONS)
    report = score_gva(gold, articles, mentions)
    one = report.get("multi-article incidents -> exactly one event")
    assert (one.hits, one.total) == (1, 2)
    apart = report.get("incidents not merged with another incident")
    assert (apart.hits, apart.total) == (2, 4)
    assert any("incident B" in e for e in apart.errors) and any("incident C" in e for e in apart.errors)


def test_a_repeated_record_is_scored_by_the_article_it_repeats(tmp_path):
    from sitrep.evaluate.command import duplicate_records, _record_ids

    corpus = tmp_path / "set.jsonl"
    corpus.write_text('{"id": "s1", "text": "x"}\n\n{"id": "s2", "text": "x"}\n{"id": "s3", "text": "y"}\n')
    rejects = pl.DataFrame({"source": [f"{tmp_path}/in/set.jsonl:3", f"{tmp_path}/in/set.jsonl:4"],
                            "reason": [f"duplicate: same text as {tmp_path}/in/set.jsonl:1", "not English"]})
    repeats = duplicate_records(rejects, _record_ids(corpus))
    assert repeats == {"s2": "s1"}
    gold = [{"id": s, "incident": "A", "killed": 1, "injured": 0, "admin1": "US-TX", "city": "Houston", "state": "Texas",
             "date": "2016-03-07"} for s in ("s1", "s2")]
    articles = pl.DataFrame({"article_id": ["a1"], "source_id": ["s1"]})
    mentions = schema.conform(pl.DataFrame([_mention("a1", "e1")], infer_schema_length=None), schema.EVENT_MENTIONS)
    without = score_gva(gold, articles, mentions)
    assert without.get("event found").hits == 1
    report = score_gva(gold, articles, mentions, repeats)
    assert report.get("event found").hits == 2
    one = report.get("multi-article incidents -> exactly one event")
    assert (one.hits, one.total) == (1, 1)
