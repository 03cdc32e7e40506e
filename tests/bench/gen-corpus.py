#!/usr/bin/env python3
# gen-corpus.py: a synthetic news corpus (JSONL) for the extraction speed
# benchmark (tests/bench/extract-bench.sh).
#
# Usage: gen-corpus.py MEGABYTES [SEED] > corpus.jsonl
#        gen-corpus.py --text DIR MEGABYTES [SEED]
#
# Writes articles until MEGABYTES x 10^6 bytes of JSONL are out.  Each
# article is one JSON line {id, date, source, title, text} of 150-700
# words: business news sentences from many templates (deals, investments,
# partnerships, lawsuits, executives, products; holds, talks, denials,
# endings) mixed with filler about markets and results, over invented
# company and person names.  The same MEGABYTES and SEED give the same
# bytes.
#
# With --text DIR the same articles (the same MEGABYTES and SEED give the
# same ones, the count still set by their JSONL size) are written instead
# as plain-text files DIR/NNN/ID.txt, 1000 per folder: "id:", "date:",
# "source:" and "title:" header lines, a blank line, then the body.
import json
import os
import random
import sys

SYLLABLES = ("al ber cor dan el fen gor hal ix jor kel lum mar nor ov pex "
             "quin ros sal tor ul vex wen xan yor zel bri cas dru fal gri "
             "hex jun kov lyr mon nex ort pra quo rix sun tal ven wyn").split()
ORG_TAILS = ["", "", "", " Systems", " Labs", " Energy", " Robotics",
             " Networks", " Capital", " Foods", " Motors", " Pharma",
             " Analytics", " Semiconductor", " Logistics", " Media",
             " Health", " Software", " Materials", " Aerospace"]
SUFFIXES = ["", "", "", " Inc.", " Corp.", " Ltd.", " AG", " SA", " PLC",
            " Holdings", " Group", " GmbH", " N.V.", " LLC"]
FIRST = ("Ana Ben Chloe Dev Elena Farid Grace Hiro Ines Jonas Kemi Luca "
         "Maya Nikhil Olga Pablo Quinn Rosa Sami Tara Umar Vera Wei Ximena "
         "Yusuf Zoe").split()
LAST = ("Abara Brandt Castillo Dubois Eriksen Fontaine Greco Haddad Ivanova "
        "Jensen Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quispe "
        "Rahman Silva Tanaka Ueda Varga Weber Xu Yilmaz Zhang").split()
PRODUCTS = ("Atlas Beacon Comet Drift Ember Flux Glide Helix Ion Jade "
            "Kite Lumen Mosaic Nimbus Orbit Pulse Quartz Ripple Sierra "
            "Tempo").split()
CITIES = ["London", "Singapore", "Toronto", "Munich", "Austin", "Seoul",
          "Lagos", "Sao Paulo", "Stockholm", "Osaka", "Dublin", "Zurich"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SOURCES = ["Wire desk", "Market Ledger", "Tech Dispatch", "Daily Bourse",
           "Harbour Times"]

# Relation sentences: {a} and {b} are organisations, {p} a person,
# {x} a product, {m} an amount, {d} a weekday, {c} a city, {n} a month.
TEMPLATES = [
    "{a} said on {d} it agreed to acquire {b} for {m} in cash.",
    "{a} completed its {m} takeover of {b}, the companies said.",
    "{a} is in advanced talks to buy {b}, according to people familiar "
    "with the matter.",
    "{a} denied a report that it planned to acquire {b}.",
    "{a} called off its proposed purchase of {b} after regulators "
    "objected.",
    "{a} invested {m} in {b}, taking a minority stake in the {c} startup.",
    "{b} raised {m} in a funding round led by {a}.",
    "{a} has poured {m} into {b} over the past three years.",
    "{a} and {b} announced a partnership to develop new batteries.",
    "{a} teamed up with {b} to sell software to hospitals in {c}.",
    "{a} ended its partnership with {b} in {n}.",
    "{a} and {b} agreed to merge in an all-stock deal worth {m}.",
    "{b}, a unit of {a}, reported higher sales in {c}.",
    "{a} sold its stake in {b} to focus on its core business.",
    "{a} spun off {b} as a separate listed company.",
    "{a} supplies chips to {b} under a contract signed in {n}.",
    "{b} will run its services on {a}'s cloud from next year.",
    "{a} filed suit against {b} in a {c} court, alleging patent "
    "infringement.",
    "{a} sued {b} over unpaid royalties on {d}.",
    "{a} competes with {b} for contracts across {c}.",
    "{p}, chief executive of {a}, said the outlook remained strong.",
    "{a} named {p} as its new chairman on {d}.",
    "{p} co-founded {a} in 2011 after leaving {b}.",
    "{a} unveiled {x}, a new line of devices aimed at small businesses.",
    "{a}'s {x} platform gained users in {c} during {n}.",
    "{a} did not invest in {b}, a spokesperson said.",
    "{a} is weighing a bid for {b}, people briefed on the talks said.",
    "Shares of {a} rose after it confirmed talks with {b}.",
]
FILLER = [
    "Analysts expect margins to improve in the second half of the year.",
    "The company reported revenue of {m} for the quarter, above forecasts.",
    "Trading volumes in {c} were thin ahead of the holiday.",
    "Investors have grown wary of companies with heavy debt loads.",
    "The central bank left interest rates unchanged on {d}.",
    "Executives declined to comment on the figures.",
    "Demand for cloud computing continued to grow across the region.",
    "The deal is subject to approval by shareholders and regulators.",
    "Costs for raw materials fell for a third straight month in {n}.",
    "The firm employs about 4,000 people in {c} and nearby towns.",
    "Its shares have gained roughly 12 percent since the start of the "
    "year.",
    "Competition from lower-cost rivals has weighed on prices.",
    "A spokesperson said the company would publish details in {n}.",
    "The index closed slightly higher on {d} after a volatile session.",
]


def org_name(rng):
    n = rng.choice((1, 2, 2, 3))
    word = "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()
    return word + rng.choice(ORG_TAILS)


def amount(rng):
    v = rng.choice((12, 40, 75, 150, 320, 500, 900))
    unit = rng.choice(("million", "billion"))
    return "${} {}".format(v if unit == "million" else v // 10 or 1, unit)


def article(rng, i, orgs):
    words, sentences = 0, []
    target = rng.randint(150, 700)
    cast = [rng.choice(orgs) for _ in range(4)]
    year = rng.randint(2015, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    while words < target:
        tpl = rng.choice(TEMPLATES if rng.random() < 0.45 else FILLER)
        a, b = rng.sample(cast, 2)
        s = tpl.format(
            a=a + (rng.choice(SUFFIXES) if rng.random() < 0.3 else ""),
            b=b, p=rng.choice(FIRST) + " " + rng.choice(LAST),
            x=rng.choice(PRODUCTS), m=amount(rng), d=rng.choice(DAYS),
            c=rng.choice(CITIES), n=rng.choice(MONTHS))
        sentences.append(s)
        words += len(s.split())
    paras, k = [], 0
    while k < len(sentences):
        step = rng.randint(2, 5)
        paras.append(" ".join(sentences[k:k + step]))
        k += step
    return {
        "id": "synth-%07d" % i,
        "date": "%04d-%02d-%02d" % (year, month, day),
        "source": rng.choice(SOURCES),
        "title": "%s and %s in focus" % (cast[0], cast[1]),
        "text": "\n\n".join(paras),
    }


def write_text(folder, i, art):
    """The article as a plain-text file: header lines, blank line, body."""
    sub = os.path.join(folder, "%03d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(sub, exist_ok=True)
    head = "".join("%s: %s\n" % (k, art[k])
                   for k in ("id", "date", "source", "title"))
    with open(os.path.join(sub, art["id"] + ".txt"), "w",
              encoding="utf-8") as f:
        f.write(head + "\n" + art["text"] + "\n")


def main():
    args = sys.argv[1:]
    folder = None
    if args[:1] == ["--text"] and len(args) >= 2:
        folder = args[1]
        args = args[2:]
    if not args:
        sys.exit("usage: gen-corpus.py [--text DIR] MEGABYTES [SEED]")
    limit = int(float(args[0]) * 1e6)
    rng = random.Random(int(args[1]) if len(args) > 1 else 42)
    orgs = sorted({org_name(rng) for _ in range(5000)})
    out = sys.stdout
    written, i = 0, 0
    while written < limit:
        art = article(rng, i, orgs)
        line = json.dumps(art, ensure_ascii=False) + "\n"
        if folder is None:
            out.write(line)
        else:
            write_text(folder, i, art)
        written += len(line.encode("utf-8"))
        i += 1


if __name__ == "__main__":
    main()
