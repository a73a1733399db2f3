"""Score against `gold/seed_events.json`: the seed articles coded by hand, event by event.

A gold event is found when a mention's evidence span overlaps the gold evidence in the same
article; its count, province, date and aggregate flag are then compared on that mention (the
merged event may rightly carry another report's lower count).  Numbers the gold lists as not
deaths must never give a count, hypothetical events must never give a mention, and the weekly
rows (summed over event types) must equal the gold rows.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from sitrep.evaluate.report import Report


def _span(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_seeds(gold: dict, articles: pl.DataFrame, mentions: pl.DataFrame, weekly: pl.DataFrame,
                texts: dict[str, str], events: pl.DataFrame | None = None) -> Report:
    report = Report("seed gold (../shared/gold/seed_events.json)")
    id_of = dict(zip(articles["source_id"], articles["article_id"]))
    found = counts = provinces = dates = aggregates = 0
    n_required = n_counted = n_placed = n_dated = n_agg = 0
    miss, count_err, prov_err, date_err, agg_err, nondeath_err, hypo_err = [], [], [], [], [], [], []
    matched_mentions: set[str] = set()
    event_count = dict(zip(events["event_id"], events["fatalities"])) if events is not None else {}
    for art in gold["articles"]:
        aid = id_of.get(art["file"])
        text = texts.get(aid, "")
        ms = mentions.filter(pl.col("article_id") == aid).to_dicts() if aid else []
        for ev in art["events"]:
            span = _span(text, ev["evidence"])
            cands = [m for m in ms if span and m["char_start"] is not None
                     and _overlaps((m["char_start"], m["char_end"]), span)]
            if ev["fatalities"] is not None:
                cands.sort(key=lambda m: (m["fatalities_best"] is None, abs((m["fatalities_best"] or 0) - ev["fatalities"]["best"])))
            m = cands[0] if cands else None
            if m is not None:
                matched_mentions.add(m["mention_id"])
            if not ev["required"]:
                continue
            n_required += 1
            if m is None:
                miss.append(f"{ev['id']}: not found: {ev['evidence'][:90]!r}")
                continue
            found += 1
            want = ev["fatalities"]["best"] if ev["fatalities"] else None
            n_counted += 1
            got = m["fatalities_best"]
            if got is None and m["event_id"] in event_count:
                got = event_count[m["event_id"]]  # the count told in a later sentence of the event
            if got == want:
                counts += 1
            else:
                count_err.append(f"{ev['id']}: count {got} != {want}: {m['evidence'][:90]!r}")
            n_placed += 1
            if m["admin1"] == ev["admin1"] and (ev["admin1"] is not None or m["country"] == ev["country"]):
                provinces += 1
            else:
                prov_err.append(f"{ev['id']}: province {m['admin1']} ({m['location']}) != {ev['admin1']}")
            n_dated += 1
            gs, ge = date.fromisoformat(ev["date_start"]), date.fromisoformat(ev["date_end"])
            if m["event_date"] is not None and gs <= m["event_date"] <= ge:
                dates += 1
            else:
                date_err.append(f"{ev['id']}: date {m['date_start']}..{m['date_end']} ({m['date_expression']}) not in {gs}..{ge}")
            n_agg += 1
            if bool(m["is_aggregate"]) == bool(ev["aggregate"]):
                aggregates += 1
            else:
                agg_err.append(f"{ev['id']}: is_aggregate {m['is_aggregate']} != {ev['aggregate']}")
        for phrase in art.get("not_fatalities", []):
            span = _span(text, phrase)
            for m in ms:
                if span and m["count_char_start"] is not None and _overlaps((m["count_char_start"], m["count_char_end"]), span):
                    nondeath_err.append(f"{art['file']}: count taken from {phrase!r}")
        for phrase in art.get("not_events", []):
            span = _span(text, phrase)
            for m in ms:
                if span and m["char_start"] is not None and _overlaps((m["char_start"], m["char_end"]), span):
                    hypo_err.append(f"{art['file']}: hypothetical event coded: {phrase!r}")
    report.add("events found (required)", found, n_required, miss)
    report.add("fatalities exact", counts, n_counted, count_err)
    report.add("province right", provinces, n_placed, prov_err)
    report.add("date right", dates, n_dated, date_err)
    report.add("aggregate flag right", aggregates, n_agg, agg_err)
    n_phr = sum(len(a.get("not_fatalities", [])) for a in gold["articles"])
    report.add("non-death numbers never counted", n_phr - len(nondeath_err), n_phr, nondeath_err)
    n_hyp = sum(len(a.get("not_events", [])) for a in gold["articles"])
    report.add("hypothetical events not coded", n_hyp - len(hypo_err), n_hyp, hypo_err)
    matched_events = {m["event_id"] for m in mentions.to_dicts() if m["mention_id"] in matched_mentions}
    by_event: dict[str, list[dict]] = {}
    for m in mentions.to_dicts():
        by_event.setdefault(m["event_id"], []).append(m)
    unmatched = [f"{e}: {ms[0]['evidence'][:90]!r}" for e, ms in sorted(by_event.items()) if e not in matched_events]
    report.add("event precision (an event matches a gold event)", len(by_event) - len(unmatched), len(by_event), unmatched)
    _score_weekly(report, gold["weekly"], weekly)
    return report


def _score_weekly(report: Report, gold_rows: list[dict], weekly: pl.DataFrame) -> None:
    ours = (
        weekly.group_by("week_start", "country", "admin1").agg(pl.col("fatalities").sum())
        if weekly.height else pl.DataFrame(schema={"week_start": pl.Date, "country": pl.String, "admin1": pl.String, "fatalities": pl.Int64})
    )
    have = {(r["week_start"], r["country"], r["admin1"]): r["fatalities"] for r in ours.to_dicts()}
    hits, errors = 0, []
    wanted = set()
    for g in gold_rows:
        key = (date.fromisoformat(g["week"]), g["country"], g["admin1"])
        wanted.add(key)
        got = have.get(key)
        if got == g["fatalities"]:
            hits += 1
        else:
            errors.append(f"week {g['week']} {g['admin1']}: {got} != {g['fatalities']}")
    report.add("weekly rows exact", hits, len(gold_rows), errors)
    extra = [f"week {k[0]} {k[1]} {k[2]}: {v} (not in gold)" for k, v in sorted(have.items(), key=str) if k not in wanted]
    report.add("weekly rows not in gold (fatalities > 0)", sum(1 for k, v in have.items() if k not in wanted and v > 0), len(have),
               extra)
    report.notes.append("a weekly row not in gold with 0 fatalities comes from an optional gold event")
