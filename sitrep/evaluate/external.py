"""Score against the external evaluation sets in ../shared/eval (see its README).

FA-KES: per article, the main event (its first non-aggregate mention with a count, else its
first mention: see `main_mentions`) against the crowd annotation: found, killed exact and
within 10%, province, date within two days.  GVA: per article, killed and injured exact (the largest non-aggregate
count; none is 0), state, city and incident date of the main event; per incident reported by
two or more articles, whether its articles' main events are exactly one event; and per
incident, whether its main events hold no other incident's report (merging too much).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import polars as pl

from sitrep.evaluate.report import Report


def main_mentions(mentions: pl.DataFrame) -> dict[str, dict]:
    """Each article's main event mention: the first non-aggregate one with a death count, else
    its first.  News copy tells its event first (the headline and the lead); a larger figure
    further down is, more often than not, another event told as background (last month's
    bombing, a war's toll), so the largest count is no better a guess of the main one."""
    out: dict[str, dict] = {}
    for m in mentions.filter(~pl.col("is_aggregate")).sort(["article_id", "sentence_index", "char_start"]).to_dicts():
        cur = out.get(m["article_id"])
        if cur is None or (not cur["fatalities_best"] and m["fatalities_best"]):
            out[m["article_id"]] = m
    return out


def _by_source(articles: pl.DataFrame, repeats: dict[str, str] | None = None) -> dict[str, str]:
    """Gold article id -> warehouse article id; a record whose text repeats another's (stored
    once, see `duplicate_records`) maps to the article it repeats."""
    ids = dict(zip(articles["source_id"], articles["article_id"]))
    for record, first in (repeats or {}).items():
        if first in ids and record not in ids:
            ids[record] = ids[first]
    return ids


def score_fakes(gold: list[dict], articles: pl.DataFrame, mentions: pl.DataFrame,
                repeats: dict[str, str] | None = None) -> Report:
    report = Report("fakes_dev (FA-KES, Syria)")
    ids = _by_source(articles, repeats)
    main = main_mentions(mentions)
    found, exact, within, prov, dated = [], [], [], [], []
    errs = defaultdict(list)
    for g in gold:
        aid = ids.get(g["id"])
        m = main.get(aid) if aid else None
        found.append(m is not None)
        if m is None:
            errs["found"].append(f"{g['id']}: no event (gold killed {g['killed_total']}, {g['admin1']})")
            exact.append(False); within.append(False); prov.append(False); dated.append(False)
            continue
        got = m["fatalities_best"] or 0
        want = g["killed_total"]
        exact.append(got == want)
        within.append(abs(got - want) <= 0.1 * want if want else got == 0)
        if got != want:
            errs["exact"].append(f"{g['id']}: killed {got} != {want}: {m['evidence'][:100]!r}")
        prov.append(m["admin1"] in g["admin1"])
        if m["admin1"] not in g["admin1"]:
            errs["prov"].append(f"{g['id']}: {m['admin1']} ({m['location']}) not in {g['admin1']}")
        gd = date.fromisoformat(g["date"])
        ok = m["event_date"] is not None and abs((m["event_date"] - gd).days) <= 2
        dated.append(ok)
        if not ok:
            errs["date"].append(f"{g['id']}: {m['event_date']} ({m['date_expression']}) vs {gd}")
    n = len(gold)
    report.add("event found", sum(found), n, errs["found"])
    report.add("main count exact", sum(exact), n, errs["exact"])
    report.add("main count within 10%", sum(within), n)
    report.add("main province right", sum(prov), n, errs["prov"])
    report.add("main date within 2 days", sum(dated), n, errs["date"])
    return report


def score_gva(gold: list[dict], articles: pl.DataFrame, mentions: pl.DataFrame,
              repeats: dict[str, str] | None = None) -> Report:
    report = Report("gva_dev (Gun Violence Archive, US)")
    ids = _by_source(articles, repeats)
    main = main_mentions(mentions)
    killed_by_article: dict[str, int] = defaultdict(int)
    injured_by_article: dict[str, int] = defaultdict(int)
    for m in mentions.filter(~pl.col("is_aggregate")).to_dicts():
        killed_by_article[m["article_id"]] = max(killed_by_article[m["article_id"]], m["fatalities_best"] or 0)
        injured_by_article[m["article_id"]] = max(injured_by_article[m["article_id"]], m["injured"] or 0)
    errs = defaultdict(list)
    found = killed = injured = state = city = dated = 0
    incidents: dict[str, list[str | None]] = defaultdict(list)
    for g in gold:
        aid = ids.get(g["id"])
        m = main.get(aid) if aid else None
        if m is not None:
            found += 1
        else:
            errs["found"].append(f"{g['id']}: no event ({g['city']}, {g['state']}, killed {g['killed']})")
        k = killed_by_article.get(aid, 0)
        if k == g["killed"]:
            killed += 1
        else:
            errs["killed"].append(f"{g['id']}: killed {k} != {g['killed']}" + (f": {m['evidence'][:100]!r}" if m else ""))
        if injured_by_article.get(aid, 0) == g["injured"]:
            injured += 1
        if m is not None and m["admin1"] == g["admin1"]:
            state += 1
        elif m is not None:
            errs["state"].append(f"{g['id']}: {m['admin1']} ({m['location']}) != {g['admin1']} ({g['city']})")
        if m is not None and m["location"] and g["city"] and m["location"].lower() == g["city"].lower():
            city += 1
        if m is not None and m["event_date"] == date.fromisoformat(g["date"]):
            dated += 1
        elif m is not None:
            errs["date"].append(f"{g['id']}: {m['event_date']} ({m['date_expression']}) != {g['date']}")
        incidents[g["incident"]].append(m["event_id"] if m else None)
    n = len(gold)
    report.add("event found", found, n, errs["found"])
    report.add("killed exact", killed, n, errs["killed"])
    report.add("injured exact", injured, n)
    report.add("state right", state, n, errs["state"])
    report.add("city right", city, n)
    report.add("incident date right", dated, n, errs["date"])
    multi = {i: evs for i, evs in incidents.items() if len(evs) >= 2}
    event_incidents: dict[str, set[str]] = defaultdict(set)
    for inc, evs in incidents.items():
        for e in evs:
            if e:
                event_incidents[e].add(inc)
    one, merge_errs = 0, []
    for inc, evs in multi.items():
        distinct = set(evs)
        if len(distinct) == 1 and None not in distinct and event_incidents[next(iter(distinct))] == {inc}:
            one += 1
        else:
            merge_errs.append(f"incident {inc}: {len(evs)} articles -> events {sorted(str(e) for e in distinct)}")
    report.add("multi-article incidents -> exactly one event", one, len(multi), merge_errs)
    # the other side of merging: an incident whose event also holds another incident's report
    found_incidents = [inc for inc, evs in incidents.items() if any(evs)]
    mixed = [inc for inc in found_incidents if any(e and len(event_incidents[e]) > 1 for e in incidents[inc])]
    report.add("incidents not merged with another incident", len(found_incidents) - len(mixed), len(found_incidents),
               [f"incident {inc}: shares an event with incidents "
                f"{sorted(set().union(*(event_incidents[e] for e in incidents[inc] if e)) - {inc})}" for inc in mixed])
    return report
