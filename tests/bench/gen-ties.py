#!/usr/bin/env python3
"""gen-ties.py: a synthetic store for the view benchmark.

Writes JSON triples (the `corpgraph load` format) whose derivation gives
about N tie versions (default 1,000,000) over E entities (default 100,000)
and 20 years of valid time (2006-2025).  Deterministic for a given seed.

Each tie opens with a `holds` triple at a random day; about half end
later (`ended`), some change their amount (a new interval of the same
tie), some resume after ending (a new interval), a few start as
`reported`.  Entities are picked with a skewed distribution so that there
are hubs, as in real news.  Dates are mostly days, some months or years.

usage: gen-ties.py [--versions N] [--entities E] [--seed S] > ties.jsonl
"""
import argparse
import datetime
import json
import random
import sys

RELS_ORG = ["acquired", "competes-with", "divested", "invested-in",
            "merged-with", "partners-with", "subsidiary-of", "sued",
            "supplies"]
SYMMETRIC = {"competes-with", "merged-with", "partners-with"}
START = datetime.date(2006, 1, 1).toordinal()
END = datetime.date(2025, 12, 31).toordinal()


def day(o, prec):
    d = datetime.date.fromordinal(o)
    if prec == 1:
        return "%04d" % d.year
    if prec == 2:
        return "%04d-%02d" % (d.year, d.month)
    return d.isoformat()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--versions", type=int, default=1000000)
    ap.add_argument("--entities", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    n = a.entities
    kinds = []
    names = []
    for i in range(n):
        r = rnd.random()
        k = "org" if r < 0.85 else "person" if r < 0.95 else "product"
        kinds.append(k)
        names.append({"org": "Org", "person": "Person",
                      "product": "Product"}[k] + " %06d" % i)
    orgs = [i for i in range(n) if kinds[i] == "org"]
    people = [i for i in range(n) if kinds[i] == "person"]
    products = [i for i in range(n) if kinds[i] == "product"]

    def pick(pool):
        # skewed: index ~ pool size * u^2.2 gives hubs at the front
        return pool[int(len(pool) * rnd.random() ** 2.2)]

    out = sys.stdout
    seen = set()
    versions = 0
    line = 0
    doc = 0

    def emit(s, rel, o, status, o_day, prec, amount=None):
        nonlocal line, doc
        if line % 4 == 0:
            doc += 1
        line += 1
        t = {"doc": "g%07d" % doc, "subject": names[s],
             "subject_kind": kinds[s], "relation": rel,
             "object": names[o], "object_kind": kinds[o],
             "status": status, "date": day(o_day, prec),
             "evidence": "%s %s %s (%s)." % (names[s], rel, names[o],
                                              status)}
        if amount:
            t["amount"] = amount
        out.write(json.dumps(t, separators=(",", ":")) + "\n")

    while versions < a.versions:
        r = rnd.random()
        if r < 0.08 and people:
            s, rel, o = pick(people), rnd.choice(["leads", "founded"]), \
                pick(orgs)
        elif r < 0.13 and products:
            s, rel, o = pick(orgs), "makes", pick(products)
        else:
            s, rel, o = pick(orgs), rnd.choice(RELS_ORG), pick(orgs)
        if s == o:
            continue
        if rel in SYMMETRIC and names[o] < names[s]:
            s, o = o, s
        if (s, rel, o) in seen:
            continue
        seen.add((s, rel, o))
        start = rnd.randint(START, END)
        pr = rnd.random()
        prec = 3 if pr < 0.85 else 2 if pr < 0.95 else 1
        if prec < 3:
            # a coarse date is stored at the first day it covers
            d = datetime.date.fromordinal(start)
            start = datetime.date(d.year, d.month if prec == 2 else 1,
                                  1).toordinal()
        amount = "%d USD" % (rnd.randint(1, 500) * 1000000) \
            if rel == "invested-in" else None
        if rnd.random() < 0.05:
            emit(s, rel, o, "reported", start, prec)
            versions += 1
            start += rnd.randint(30, 400)
            if start > END:
                continue
            prec = 3
        emit(s, rel, o, "holds", start, prec, amount)
        versions += 1
        t = start
        if amount and rnd.random() < 0.3:
            t += int(rnd.expovariate(1 / 700.0)) + 1
            if t <= END:
                amount = "%d USD" % (rnd.randint(1, 500) * 1000000)
                emit(s, rel, o, "holds", t, 3, amount)
                versions += 1
        if rnd.random() < 0.5:
            t += int(rnd.expovariate(1 / 1100.0)) + 1
            if t <= END:
                emit(s, rel, o, "ended", t, 3)
                if rnd.random() < 0.2:
                    t += int(rnd.expovariate(1 / 500.0)) + 1
                    if t <= END:
                        emit(s, rel, o, "holds", t, 3, amount)
                        versions += 1
    sys.stderr.write("gen-ties: %d triples, %d ties, about %d versions\n"
                     % (line, len(seen), versions))


if __name__ == "__main__":
    main()
