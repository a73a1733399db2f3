"""How firmly an article's places back its province, and the places a merge moved, undone."""

import polars as pl

from sitrep import schema
from sitrep.merge.placing import evidence, moved, moved_records, names_town, place_names, restore, support


def test_place_names_group_an_articles_places_by_province():
    rows = [("a", "US-DE", "Wilmington"), ("a", "US-DE", "Delaware"), ("a", "US-DE", "wilmington"),
            ("a", None, "Europe"), ("b", "US-NC", "Wilmington")]
    names = place_names(rows)
    assert names == {"a": {"US-DE": frozenset({"wilmington", "delaware"})}, "b": {"US-NC": frozenset({"wilmington"})}}


def test_a_province_resting_on_its_town_alone_is_weak():
    names = place_names([("a", "US-DE", "Wilmington"), ("a", "US-DE", "Delaware"), ("b", "US-NC", "Wilmington")])
    assert support(names["a"], "US-DE", "Wilmington") == 1  # the state is named too
    assert support(names["b"], "US-NC", "Wilmington") == 0  # nothing but the namesake town
    assert support(None, "US-NC", "Wilmington") == 0 and support(names["a"], None, None) == 0
    # both articles' places, counted per article: Delaware has three, North Carolina one
    assert evidence([names["a"], names["b"]], "US-DE") == 2
    assert evidence([names["a"], names["b"]], "US-NC") == 1
    assert evidence([names["a"], None], None) == 0


def test_an_article_names_a_town_only_in_the_province_it_resolved_it_to():
    names = place_names([("a", "US-CA", "Woodbridge"), ("a", "US-TN", "Memphis")])["a"]
    assert names_town(names, "US-TN", "Memphis") and names_town(names, "US-TN", "MEMPHIS")
    assert not names_town(names, "US-AR", "Memphis")  # a namesake the article never meant
    assert not names_town(names, "US-TN", "Nashville")
    assert not names_town(None, "US-TN", "Memphis") and not names_town(names, "US-TN", None)


def _mentions(rows):
    return schema.conform(pl.DataFrame(rows, infer_schema_length=None), schema.EVENT_MENTIONS)


NC = {"country": "US", "admin1": "US-NC", "admin1_name": "North Carolina", "location": "Wilmington",
      "latitude": 34.2, "longitude": -77.9, "geo_precision": 1}
DE = {"country": "US", "admin1": "US-DE", "admin1_name": "Delaware", "location": "Wilmington",
      "latitude": 39.7, "longitude": -75.5, "geo_precision": 1}


def test_a_moved_mention_gets_its_extracted_place_back_for_the_next_merge():
    extracted = _mentions([{"mention_id": "b-0-0", "article_id": "b", **NC},
                           {"mention_id": "c-0-0", "article_id": "c", **DE}])
    merged = _mentions([moved({"mention_id": "b-0-0", "article_id": "b", **NC}, DE),
                        {"mention_id": "c-0-0", "article_id": "c", **DE}])
    records = moved_records(extracted, merged)
    assert records["mention_id"].to_list() == ["b-0-0"]
    assert (records["admin1"].item(), records["moved_admin1"].item()) == ("US-NC", "US-DE")
    # the warehouse now holds the merged places: the next merge starts from the extracted ones
    back = restore(merged, records)
    assert back.sort("mention_id").equals(extracted.sort("mention_id"))
    # a mention extracted again since (another place) keeps its new place
    again = _mentions([{"mention_id": "b-0-0", "article_id": "b", **dict(NC, location="Leland")},
                       {"mention_id": "c-0-0", "article_id": "c", **DE}])
    assert restore(again, records).equals(again)
    assert restore(merged, records.clear()).equals(merged)


def test_the_merge_stage_writes_moved_places_and_starts_again_from_the_extracted_ones(tmp_path):
    from datetime import date

    from sitrep.stages.aggregate import compute_events, write_events
    from sitrep.store.warehouse import Warehouse, insert_frame

    day = date(2016, 6, 14)
    common = {"event_type": "Violence against civilians", "sub_event_type": "Attack", "fatalities_best": 1,
              "fatalities_low": 1, "date_start": day, "date_end": day, "event_date": day, "time_precision": 1,
              "is_aggregate": False, "published_date": day, "sentence_index": 0, "evidence": "A man was shot dead."}
    mentions = _mentions([{"mention_id": "a-0-0", "article_id": "a", **DE, **common},
                          {"mention_id": "b-0-0", "article_id": "b", **NC, **common}])
    warehouse = Warehouse(tmp_path / "warehouse.duckdb")
    with warehouse.writer() as con:
        insert_frame(con, "articles", pl.DataFrame({"article_id": ["a", "b"], "source_id": ["a", "b"],
                                                    "title": ["Man shot dead", "Police investigate"]}))
        insert_frame(con, "event_mentions", mentions)
        insert_frame(con, "place_mentions", pl.DataFrame(
            {"article_id": ["a", "a", "b"], "admin1": ["US-DE", "US-DE", "US-NC"],
             "name": ["Wilmington", "Delaware", "Wilmington"], "mention": ["Wilmington", "Delaware", "Wilmington"]}))
    first = compute_events(warehouse)
    write_events(warehouse, first)
    stored = warehouse.table("event_mentions").sort("mention_id")
    assert stored["admin1"].to_list() == ["US-DE", "US-DE"] and stored["event_id"].n_unique() == 1
    assert warehouse.table("moved_mentions")["admin1"].to_list() == ["US-NC"]
    assert warehouse.table("events")["admin1"].to_list() == ["US-DE"]
    # the next merge reads North Carolina again, moves it again, and records it again
    again = compute_events(warehouse)
    assert again.moved.equals(first.moved) and again.events.equals(first.events)
