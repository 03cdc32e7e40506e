#!/usr/bin/env python3
"""gen-triples.py: synthetic triples for the store benchmark.

Usage: gen-triples.py N ENTITIES SEED OUT_PREFIX
Writes OUT_PREFIX.jsonl (the format `corpgraph extract` prints, what
`corpgraph load` reads) and OUT_PREFIX.csv (the same rows, same fields, for
the sqlite3 shell's .import baseline).  Entities follow a skewed
popularity (a few big companies, a long tail), the 12 relations of
RELATIONS.md, statuses mostly holds with some ended/reported/negated, dates
2000-2025 at day, month or year precision, about 20 triples per document,
an evidence sentence per triple.  Deterministic for a given seed.
"""
import csv
import json
import random
import sys

RELATIONS = ["acquired", "competes-with", "divested", "founded",
             "invested-in", "leads", "makes", "merged-with", "partners-with",
             "subsidiary-of", "sued", "supplies"]
STATUSES = ["holds"] * 80 + ["ended"] * 10 + ["reported"] * 7 + ["negated"] * 3
SYLL = ["ka", "lo", "mi", "ra", "tek", "vo", "zen", "qu", "bri", "nex",
        "sol", "tra", "dyn", "gal", "pha", "cor", "ion", "lux", "mer", "ox"]
SUFFIX = ["", " Systems", " Labs", " Capital", " Networks", " Bio",
          " Energy", " Motors", " Holdings", " AI"]


def name(i, rnd):
    r = random.Random(i * 7919 + 13)
    base = "".join(r.choice(SYLL) for _ in range(r.randint(2, 3)))
    return base.capitalize() + r.choice(SUFFIX) + ("" if i < 400 else " %d" % i)


def main():
    n, ents, seed, prefix = (int(sys.argv[1]), int(sys.argv[2]),
                             int(sys.argv[3]), sys.argv[4])
    rnd = random.Random(seed)
    names = [name(i, rnd) for i in range(ents)]
    fields = ["doc", "subject", "subject_kind", "relation", "object",
              "object_kind", "status", "date", "confidence", "rule",
              "evidence", "span_start", "span_end", "amount"]
    with open(prefix + ".jsonl", "w") as fj, \
            open(prefix + ".csv", "w", newline="") as fc:
        w = csv.writer(fc)
        w.writerow(fields)
        for k in range(n):
            # Pareto-ish popularity: low ids are much more frequent
            s = min(int(rnd.paretovariate(1.2)) - 1, ents - 1)
            s = (s * 2654435761) % ents if rnd.random() < 0.5 else s
            o = rnd.randrange(ents)
            if o == s:
                o = (o + 1) % ents
            rel = rnd.choice(RELATIONS)
            st = rnd.choice(STATUSES)
            y = rnd.randint(2000, 2025)
            p = rnd.random()
            date = ("%d" % y if p < 0.15 else
                    "%d-%02d" % (y, rnd.randint(1, 12)) if p < 0.35 else
                    "%d-%02d-%02d" % (y, rnd.randint(1, 12),
                                      rnd.randint(1, 28)))
            doc = "doc-%07d" % (k // 20)
            ev = "%s %s %s, the report said in %s." % (
                names[s], rel.replace("-", " "), names[o], date)
            off = rnd.randint(0, 20000)
            t = {"doc": doc, "subject": names[s], "subject_kind": "org",
                 "relation": rel, "object": names[o], "object_kind": "org",
                 "status": st, "date": date,
                 "confidence": round(rnd.uniform(0.5, 1.0), 2),
                 "rule": "bench.%s" % rel, "evidence": ev,
                 "span": [off, off + len(ev)]}
            amount = ""
            if rel == "invested-in" and rnd.random() < 0.3:
                amount = "%d USD" % (rnd.randint(1, 500) * 1000000)
                t["amount"] = amount
            fj.write(json.dumps(t, ensure_ascii=False,
                                separators=(",", ":")) + "\n")
            w.writerow([doc, names[s], "org", rel, names[o], "org", st, date,
                        t["confidence"], t["rule"], ev, off, off + len(ev),
                        amount])


if __name__ == "__main__":
    main()
