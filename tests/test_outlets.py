"""An outlet's home province, learned from its own reports, for its weakly placed ones."""

from datetime import date

import polars as pl

from sitrep import schema
from sitrep.geo.gazetteer import get_gazetteer
from sitrep.merge.events import merge_mentions
from sitrep.merge.outlets import (headline_proper, home_place, home_town, namesake_moves, outlet_homes, title_case,
                                  with_homes)
from sitrep.text.sources import outlet_host
from sitrep.merge.placing import evidence, place_names

DAY = date(2015, 3, 2)


def report(mid, article, admin1, location, country="US", **kw):
    row = {"mention_id": mid, "article_id": article, "sentence_index": int(mid.split("-")[-2]),
           "event_type": "Violence against civilians", "sub_event_type": "Attack", "country": country,
           "admin1": admin1, "admin1_name": None, "location": location, "geo_precision": 1 if location else None,
           "date_start": DAY, "date_end": DAY, "event_date": DAY, "time_precision": 1, "is_aggregate": False,
           "published_date": DAY, "fatalities_best": 1, "fatalities_low": 1}
    row.update(kw)
    return row


def test_the_outlet_is_the_web_host_of_the_original_address():
    assert outlet_host("http://web.archive.org/web/20150101/http://www.kxyz.com:80/story/1/man-shot") == "kxyz.com"
    assert outlet_host("https://m.kxyz.com/news/a") == "kxyz.com"
    assert outlet_host("http://news.example-gazette.com/a") == "news.example-gazette.com"
    assert outlet_host(None) is None and outlet_host("not an address") is None


def test_an_outlet_whose_reports_mostly_lie_in_one_province_has_it_as_home():
    rows = [report("a-0-0", "a", "US-NM", "Albuquerque"), report("b-0-0", "b", "US-NM", "Santa Fe"),
            report("c-0-0", "c", "US-TX", "El Paso"),
            report("d-0-0", "d", "US-NY", "New York City"), report("e-0-0", "e", "US-CA", "Fresno"),
            report("f-0-0", "f", "US-FL", "Miami")]
    lead = {r["article_id"]: i for i, r in enumerate(rows)}
    hosts = {"a": "kxyz.com", "b": "kxyz.com", "c": "kxyz.com", "d": "national.com", "e": "national.com",
             "f": "lonely.com"}
    # two of three reports in New Mexico; a national outlet's and a single report's make no home
    assert outlet_homes(rows, lead, hosts) == {"kxyz.com": "US-NM"}
    # an event no report places anywhere takes a home on the word of one report
    assert outlet_homes(rows, lead, hosts, min_reports=1) == {"kxyz.com": "US-NM", "lonely.com": "US-FL"}
    # an even split makes none either
    hosts["c"] = hosts["d"] = "split.com"
    rows[3] = report("d-0-0", "d", "US-NY", "Buffalo")
    assert "split.com" not in outlet_homes(rows, lead, hosts)


def test_a_namesake_town_that_nothing_else_supports_moves_to_the_outlets_home():
    gazetteer = get_gazetteer()
    rows = [report("a-0-0", "a", "US-GA", "Roswell"), report("a-1-0", "a", "US-GA", "Roswell", fatalities_best=None),
            report("b-0-0", "b", "US-GA", "Roswell")]
    lead = {"a": 0, "b": 2}
    hosts = {"a": "kxyz.com", "b": "kxyz.com"}
    places = place_names([("a", "US-GA", "Roswell"), ("b", "US-GA", "Roswell"), ("b", "US-GA", "Georgia")])
    moves = namesake_moves(rows, lead, hosts, {"kxyz.com": "US-NM"}, places, gazetteer)
    # the first names nothing else in Georgia; the second names the state too, and stays
    assert set(moves) == {"a-0-0", "a-1-0"}
    assert moves["a-0-0"]["admin1"] == "US-NM" and moves["a-0-0"]["location"] == "Roswell"
    assert moves["a-0-0"]["geo_precision"] == 1
    # no town of that name in the home province: nothing to move to
    rows[0] = report("a-0-0", "a", "US-GA", "Alpharetta")
    places = place_names([("a", "US-GA", "Alpharetta"), ("b", "US-GA", "Georgia")])
    assert namesake_moves(rows, lead, hosts, {"kxyz.com": "US-NM"}, places, gazetteer) == {}


def test_a_big_city_is_not_moved_to_a_village_of_its_name_at_the_outlets_home():
    gazetteer = get_gazetteer()
    # an Atlanta station's story of a nightclub in Montgomery, Alabama (200,000 people):
    # Georgia's Montgomery is a village, and the story keeps Alabama's city
    rows = [report("a-0-0", "a", "US-AL", "Montgomery"), report("b-0-0", "b", "US-GA", "Atlanta")]
    lead = {"a": 0, "b": 1}
    hosts = {"a": "kxyz.com", "b": "kxyz.com"}
    places = place_names([("a", "US-AL", "Montgomery"), ("b", "US-GA", "Atlanta")])
    assert namesake_moves(rows, lead, hosts, {"kxyz.com": "US-GA"}, places, gazetteer) == {}
    # a North Carolina paper's Jacksonville (a town of 70,000) is its own, not Florida's city
    rows[0] = report("a-0-0", "a", "US-FL", "Jacksonville")
    places = place_names([("a", "US-FL", "Jacksonville"), ("b", "US-NC", "Raleigh")])
    moves = namesake_moves(rows, lead, hosts, {"kxyz.com": "US-NC"}, places, gazetteer)
    assert moves["a-0-0"]["admin1"] == "US-NC" and moves["a-0-0"]["location"] == "Jacksonville"


def test_an_event_no_report_places_lies_in_its_outlets_home():
    gazetteer = get_gazetteer()
    homes = {"kxyz.com": "US-NM"}
    unplaced = [report("a-0-0", "a", None, None, country=None)]
    place = home_place(unplaced, {"a": "kxyz.com"}, homes, gazetteer)
    assert (place["admin1"], place["location"], place["geo_precision"]) == ("US-NM", "New Mexico", 3)
    # outlets with two homes, or a report in another country, settle nothing
    assert home_place(unplaced + [report("b-0-0", "b", None, None)], {"a": "kxyz.com", "b": "other.com"},
                      {**homes, "other.com": "US-TX"}, gazetteer) is None
    assert home_place([report("a-0-0", "a", None, "Mexico", country="MX")], {"a": "kxyz.com"}, homes, gazetteer) is None


def test_the_merge_places_an_outlets_unplaced_report_at_home_and_keeps_a_joined_events_town():
    frame = schema.conform(pl.DataFrame([
        report("a-0-0", "a", "US-NM", "Albuquerque"),
        report("b-0-0", "b", "US-NM", "Santa Fe", event_date=date(2015, 2, 1), date_start=date(2015, 2, 1),
               date_end=date(2015, 2, 1)),
        report("c-0-0", "c", None, None, country=None, fatalities_best=None, fatalities_low=None,
               event_date=date(2015, 1, 5), date_start=date(2015, 1, 5), date_end=date(2015, 1, 5)),
    ], infer_schema_length=None), schema.EVENT_MENTIONS)
    hosts = {"a": "kxyz.com", "b": "kxyz.com", "c": "kxyz.com"}
    places = place_names([("a", "US-NM", "Albuquerque"), ("b", "US-NM", "Santa Fe")])
    assigned, events = merge_mentions(frame, places=places, hosts=hosts, gazetteer=get_gazetteer())
    c = assigned.filter(pl.col("article_id") == "c").row(0, named=True)
    assert (c["admin1"], c["location"], c["geo_precision"]) == ("US-NM", "New Mexico", 3)
    # without the outlets' addresses nothing moves
    assigned, _ = merge_mentions(frame, places=places)
    assert assigned.filter(pl.col("article_id") == "c")["admin1"].item() is None


def test_a_local_outlets_report_placed_abroad_by_its_town_alone_comes_home():
    gazetteer = get_gazetteer()
    homes = {"wxyz.com": "US-TN"}
    hosts = {"a": "wxyz.com", "b": "wxyz.com", "c": "wxyz.com"}
    rows = [report("a-0-0", "a", None, "Lebanon", country="LB"),          # "Police in Lebanon said"
            report("b-0-0", "b", "GB-ENG", "Soho", country="GB"),          # "the Soho nightclub"
            report("c-0-0", "c", "FR-IDF", "Paris", country="FR")]         # a story from France
    lead = {"a": 0, "b": 1, "c": 2}
    places = place_names([("b", "GB-ENG", "Soho"), ("c", "FR-IDF", "Paris"), ("c", "FR-ARA", "Lyon")])
    towns = namesake_moves(rows, lead, hosts, homes, places, gazetteer)
    # Tennessee has a Lebanon; it has no Soho, so that report waits for the province-level pass
    assert set(towns) == {"a-0-0"} and (towns["a-0-0"]["admin1"], towns["a-0-0"]["location"]) == ("US-TN", "Lebanon")
    states = namesake_moves(rows, lead, hosts, homes, places, gazetteer, province=True)
    assert set(states) == {"b-0-0"}
    assert (states["b-0-0"]["admin1"], states["b-0-0"]["geo_precision"]) == ("US-TN", 3)


def test_a_report_moved_home_takes_its_towns_names_along_when_reports_are_weighed():
    places = place_names([("a", "US-VA", "Richmond"), ("b", "US-VA", "Richmond"), ("b", "US-VA", "Virginia")])
    backed = with_homes(places, {"a": "kxyz.com"}, {"a": ("US-VA", "US-CA")})
    # article a no longer speaks for Virginia, and its outlet speaks for California
    assert backed["a"] == {"US-CA": frozenset({"richmond", "outlet:kxyz.com"})}
    assert backed["b"] == places["b"] and places["a"] == {"US-VA": frozenset({"richmond"})}
    assert evidence([backed["a"], backed["b"]], "US-CA") == 2
    assert evidence([backed["a"], backed["b"]], "US-VA") == 2


def test_two_reports_of_one_event_stay_at_the_outlets_home_town():
    # one outlet's reports mostly lie in California; two of its reports of one shooting read
    # Richmond as Virginia's, a third outlet's report reads it so too (a namesake both ways)
    day_rows = [report("a-0-0", "a", "US-VA", "Richmond"), report("c-0-0", "c", "US-VA", "Richmond")]
    home_rows = [report(f"h{k}-0-0", f"h{k}", "US-CA", town, event_date=date(2015, 1, k + 1),
                        date_start=date(2015, 1, k + 1), date_end=date(2015, 1, k + 1))
                 for k, town in enumerate(["Oakland", "Fresno", "San Jose"])]
    frame = schema.conform(pl.DataFrame(day_rows + home_rows, infer_schema_length=None), schema.EVENT_MENTIONS)
    hosts = {"a": "kxyz.com", "h0": "kxyz.com", "h1": "kxyz.com", "h2": "kxyz.com", "c": "elsewhere.com"}
    places = place_names([("a", "US-VA", "Richmond"), ("c", "US-VA", "Richmond"), ("h0", "US-CA", "Oakland"),
                          ("h1", "US-CA", "Fresno"), ("h2", "US-CA", "San Jose")])
    assigned, _ = merge_mentions(frame, places=places, hosts=hosts, gazetteer=get_gazetteer(),
                                 titles={"a": "Baby shot in Richmond", "c": "Baby shot in Richmond"})
    a = assigned.filter(pl.col("article_id") == "a").row(0, named=True)
    assert (a["admin1"], a["location"]) == ("US-CA", "Richmond")


def test_a_report_placed_by_its_event_tells_its_outlets_home():
    # a's report names no place but joins b's event (one victim named in both); the outlet of
    # a then lies in New Mexico, and its report c, which nothing places, lies there too
    later = {"event_date": date(2015, 6, 1), "date_start": date(2015, 6, 1), "date_end": date(2015, 6, 1)}
    frame = schema.conform(pl.DataFrame([
        report("a-0-0", "a", None, None, country=None),
        report("b-0-0", "b", "US-NM", "Albuquerque"),
        report("c-0-0", "c", None, None, country=None, **later),
    ], infer_schema_length=None), schema.EVENT_MENTIONS)
    hosts = {"a": "kxyz.com", "b": "other.com", "c": "kxyz.com"}
    places = place_names([("b", "US-NM", "Albuquerque")])
    assigned, _ = merge_mentions(frame, places=places, hosts=hosts, gazetteer=get_gazetteer(),
                                 people={"a": {"Jonah Quillfeather"}, "b": {"Jonah Quillfeather"}})
    placed = dict(zip(assigned["article_id"], assigned["admin1"]))
    assert placed == {"a": "US-NM", "b": "US-NM", "c": "US-NM"}


def test_the_home_town_is_the_provinces_town_the_texts_name_most():
    gazetteer = get_gazetteer()
    texts = ["Two hurt in shooting at Medford apartment", "Medford Police said a man fired at a car."]
    town = home_town("US-OR", texts, gazetteer)
    assert (town.name, town.admin1, town.kind) == ("Medford", "US-OR", "city")
    # a town of another province, a longer name ("Home Depot") and an everyday word are no town
    assert home_town("US-KY", texts, gazetteer) is None
    assert home_town("US-WA", ["A man was shot at the Home Depot on Friday."], gazetteer) is None
    assert home_town("US-NJ", ["Union members met on Friday."], gazetteer) is None
    # the longer name inside a run of capitalised words hides the shorter ones it holds
    town = home_town("US-PA", ["One Person Shot Outside Store In New Castle"], gazetteer)
    assert town.name == "New Castle"


def test_an_unplaced_report_takes_the_home_town_its_headline_names():
    gazetteer = get_gazetteer()
    unplaced = [report("a-0-0", "a", None, None, country=None, evidence="The boy died at the scene.")]
    place = home_place(unplaced, {"a": "kxyz.com"}, {"kxyz.com": "US-NM"}, gazetteer,
                       {"a": "Boy shot dead outside Roswell store"})
    assert (place["admin1"], place["location"], place["geo_precision"]) == ("US-NM", "Roswell", 1)


def test_the_merge_puts_a_report_placed_in_a_state_alone_in_the_states_town_it_names():
    frame = schema.conform(pl.DataFrame([
        report("a-0-0", "a", "US-OR", "Oregon", admin1_name="Oregon", geo_precision=3,
               evidence="Medford man charged in shooting death"),
    ], infer_schema_length=None), schema.EVENT_MENTIONS)
    assigned, _ = merge_mentions(frame, places=place_names([("a", "US-OR", "Oregon")]), gazetteer=get_gazetteer())
    a = assigned.row(0, named=True)
    assert (a["admin1"], a["location"], a["geo_precision"]) == ("US-OR", "Medford", 1)
    # naming no town of the state, it stays in the state
    frame = frame.with_columns(pl.lit("A man was charged in a shooting death.").alias("evidence"))
    assigned, _ = merge_mentions(frame, places=place_names([("a", "US-OR", "Oregon")]), gazetteer=get_gazetteer())
    assert assigned["location"].item() == "Oregon"


def test_the_merge_puts_a_report_placed_in_a_county_alone_in_the_states_town_it_names():
    frame = schema.conform(pl.DataFrame([
        report("a-0-0", "a", "US-OR", "Jackson County", admin1_name="Oregon", geo_precision=2,
               evidence="Jackson County deputies said the boy was shot at a Medford home"),
    ], infer_schema_length=None), schema.EVENT_MENTIONS)
    assigned, _ = merge_mentions(frame, places=place_names([("a", "US-OR", "Jackson County")]),
                                 gazetteer=get_gazetteer())
    assert assigned["location"].item() == "Medford"
    # a county whose reports name no town of the state stays the county
    frame = frame.with_columns(pl.lit("Jackson County deputies said the boy was shot.").alias("evidence"))
    assigned, _ = merge_mentions(frame, places=place_names([("a", "US-OR", "Jackson County")]),
                                 gazetteer=get_gazetteer())
    assert assigned["location"].item() == "Jackson County"


def test_a_title_case_headline_names_its_town_before_a_capitalised_word():
    gazetteer = get_gazetteer()
    headline = "3-Year-Old Yarmouth Girl Accidentally Shoots Herself With Father's Gun"
    assert title_case(headline) and not title_case("Yarmouth girl accidentally shoots herself")
    town = home_town("US-MA", [headline], gazetteer)
    assert (town.name, town.admin1) == ("Yarmouth", "US-MA")
    # in a sentence a capitalised word after a name still makes a longer name
    assert home_town("US-MA", ["She was taken to Yarmouth Regional Hospital after the shooting."], gazetteer) is None


def test_a_report_placed_in_a_state_alone_joins_its_towns_report_by_the_town_its_headline_names():
    rows = [report("a-0-0", "a", "US-OR", "Oregon", admin1_name="Oregon", geo_precision=3,
                   evidence="Police said the man died at the scene."),
            report("b-0-0", "b", "US-OR", "Medford", admin1_name="Oregon",
                   evidence="A man was shot and killed outside a Medford bar on Monday.")]
    frame = schema.conform(pl.DataFrame(rows, infer_schema_length=None), schema.EVENT_MENTIONS)
    places = place_names([("a", "US-OR", "Oregon"), ("b", "US-OR", "Medford")])
    titles = {"a": "Man Shot Dead Outside Medford Bar", "b": "Man killed outside bar"}
    assigned, events = merge_mentions(frame, places=places, gazetteer=get_gazetteer(), titles=titles)
    assert events.height == 1 and set(assigned["location"]) == {"Medford"}
    # naming no town, the state's report and the town's one death stay two events
    assigned, events = merge_mentions(frame, places=places, gazetteer=get_gazetteer(), titles={})
    assert events.height == 2


def test_the_masthead_after_a_headline_names_the_outlets_town_not_the_incidents():
    title = "Teens playing with gun led to deadly shooting - wistv.com - Columbia, South Carolina"
    assert headline_proper(title) == "Teens playing with gun led to deadly shooting"
    assert headline_proper("Family has questions | WBTV Charlotte") == "Family has questions"
    frame = schema.conform(pl.DataFrame([
        report("a-0-0", "a", "US-SC", "Sumter County", admin1_name="South Carolina", geo_precision=2,
               evidence="Sumter County deputies said the boy died."),
    ], infer_schema_length=None), schema.EVENT_MENTIONS)
    assigned, _ = merge_mentions(frame, places=place_names([("a", "US-SC", "Sumter County")]),
                                 gazetteer=get_gazetteer(), titles={"a": title})
    assert assigned["location"].item() == "Sumter County"


def test_an_unplaced_report_fitting_reports_of_two_provinces_joins_its_outlets_homes():
    """"Two teens killed at a nightclub", placed nowhere, the day two were killed in Fort Myers
    and two in Cincinnati: from a Florida outlet, it is Fort Myers's; from no known outlet, neither."""
    florida = report("a-0-0", "a", "US-FL", "Fort Myers", fatalities_best=2, fatalities_low=2)
    ohio = report("b-0-0", "b", "US-OH", "Cincinnati", fatalities_best=2, fatalities_low=2)
    unplaced = report("c-0-0", "c", None, None, country=None, fatalities_best=2, fatalities_low=2)
    # the outlet's other reports, weeks before, make Florida its home
    earlier = [report(f"{k}-0-0", k, "US-FL", town, date_start=date(2015, 1, 5), date_end=date(2015, 1, 5),
                      event_date=date(2015, 1, 5)) for k, town in (("d", "Naples"), ("e", "Cape Coral"))]
    frame = schema.conform(pl.DataFrame([florida, ohio, unplaced, *earlier], infer_schema_length=None),
                           schema.EVENT_MENTIONS)
    places = place_names([("a", "US-FL", "Fort Myers"), ("b", "US-OH", "Cincinnati"), ("d", "US-FL", "Naples"),
                          ("e", "US-FL", "Cape Coral")])
    hosts = {"c": "wink.com", "d": "wink.com", "e": "wink.com", "a": "news-press.com", "b": "wcpo.com"}
    assigned, _ = merge_mentions(frame, places=places, hosts=hosts, gazetteer=get_gazetteer())
    event_of = dict(zip(assigned["article_id"], assigned["event_id"]))
    assert event_of["c"] == event_of["a"] != event_of["b"]
    hosts["c"] = "elsewhere.com"
    assigned, _ = merge_mentions(frame, places=places, hosts=hosts, gazetteer=get_gazetteer())
    event_of = dict(zip(assigned["article_id"], assigned["event_id"]))
    assert event_of["c"] not in (event_of["a"], event_of["b"])
