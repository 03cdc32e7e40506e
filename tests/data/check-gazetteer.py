#!/usr/bin/env python3
"""check-gazetteer.py: validate src/extract/data/gazetteer.tsv.

Usage: check-gazetteer.py [--stats] FILE
       check-gazetteer.py --self-test   (the checks catch known bad input)

Checks the shared format (GAZETTEER-FORMAT.md): valid UTF-8, 2..5 TAB
separated columns, known kinds and flags, no stray whitespace, unique
canonical names, every alias unique across the file and never equal to
another entry's name (also not case-insensitively), unique tickers of a
plain symbol shape, maker= only on products and parent= only on orgs, and
every maker=/parent= target naming an org in the file, former= naming
one of the entry's own aliases, and country= two capitals on an org that
are one of the codes of gazetteer.c's table (the loader refuses others).

The extractor keys every name and alias with its trailing legal suffixes
dropped ("Microsoft Corp." -> "Microsoft"; the suffix words are the
`class legal` of rules.txt next to the gazetteer).  The first entry to
claim a key keeps it, so a name whose shortened key equals another
entry's name or alias would be unreachable or misread: that is reported
too (skipped when rules.txt is absent).
Prints one line per problem as FILE:LINE: message; exits 1 if any.
"""
import os
import re
import sys

KINDS = ("org", "person", "product")
TICKER_RE = re.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,9}$")


def legal_words(path):
    """The `class legal` words of rules.txt at path (empty if missing)."""
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except OSError:
        return set()
    words, inside = set(), False
    for line in lines:
        if line.startswith("class legal"):
            inside = True
            line = line.split("=", 1)[1]
        elif inside and not line.lstrip().startswith("|"):
            break
        if inside:
            words.update(w.strip().lower() for w in line.split("|")
                         if w.strip())
    return words


def suffix_key(form, legal):
    """form as the extractor keys it: trailing '.', ',', '&' and capitalised
    legal suffix words dropped while more than one token remains."""
    toks = form.split()
    while len(toks) > 1:
        last = toks[-1].rstrip(".,")
        if (last != toks[-1] and not last) or last == "&":
            toks.pop()
        elif last[:1].isupper() and last.lower() in legal:
            toks.pop()
        elif last != toks[-1]:
            toks[-1] = last
        else:
            break
    return " ".join(toks).rstrip(",")


def country_codes(path):
    """The country codes of the `countries` table in gazetteer.c at path
    (the loader refuses any other: empty set if the file is missing)."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return set()
    m = re.search(r"countries\[\]\[3\]\s*=\s*\{(.*?)\}", text, re.S)
    return set(re.findall(r'"([a-z]{2})"', m.group(1))) if m else set()


def main(argv):
    stats = "--stats" in argv
    args = [a for a in argv[1:] if a != "--stats"]
    if len(args) != 1:
        sys.stderr.write("usage: check-gazetteer.py [--stats] FILE\n")
        return 2
    path = args[0]
    codes = country_codes(os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(path))), "gazetteer.c"))
    errors = []

    def err(ln, msg):
        errors.append("%s:%d: %s" % (path, ln, msg))

    try:
        raw = open(path, "rb").read()
    except OSError as e:
        sys.stderr.write("check-gazetteer: cannot open '%s': %s\n" % (path, e))
        return 1
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print("%s: not valid UTF-8 at byte %d" % (path, e.start))
        return 1
    if text.startswith("\ufeff"):
        err(1, "byte order mark")
    if "\r" in text:
        err(1, "carriage return in file (use LF line ends)")

    entries = []          # (line, name, kind, aliases, tickers, flags)
    for ln, line in enumerate(text.split("\n"), 1):
        if line == "" or line.startswith("#"):
            continue
        if line.strip() == "":
            err(ln, "whitespace-only line")
            continue
        cols = line.split("\t")
        if len(cols) < 2 or len(cols) > 5:
            err(ln, "expected 2..5 TAB-separated columns, got %d" % len(cols))
            continue
        cols += [""] * (5 - len(cols))
        for c in cols:
            if c != c.strip() or "  " in c:
                err(ln, "stray whitespace in column %r" % c)
        name, kind, al, tk, fl = cols
        if not name:
            err(ln, "empty name")
            continue
        if kind not in KINDS:
            err(ln, "unknown kind %r" % kind)
        aliases = [a.strip() for a in al.split("|")] if al else []
        tickers = [t.strip() for t in tk.split("|")] if tk else []
        flags = [f.strip() for f in fl.split(",")] if fl else []
        if "" in aliases:
            err(ln, "empty alias")
        if "" in tickers:
            err(ln, "empty ticker")
        for t in tickers:
            if t and not TICKER_RE.match(t):
                err(ln, "ticker %r is not a plain symbol" % t)
        if tickers and kind != "org":
            err(ln, "tickers on a %s" % kind)
        if len(set(aliases)) != len(aliases):
            err(ln, "alias listed twice")
        if name in aliases:
            err(ln, "alias equal to its own name")
        for f in flags:
            key, _, val = f.partition("=")
            if f in ("ambiguous", "canonical", "body"):
                continue
            if key in ("maker", "parent") and val and val == val.strip():
                if key == "maker" and kind != "product":
                    err(ln, "maker= on a %s" % kind)
                if key == "parent" and kind != "org":
                    err(ln, "parent= on a %s" % kind)
                if val == name:
                    err(ln, "%s= names the entry itself" % key)
                continue
            if key == "country" and len(val) == 2 and val.isupper():
                if kind != "org":
                    err(ln, "country= on a %s" % kind)
                if codes and val.lower() not in codes:
                    err(ln, "country=%s is no code gazetteer.c knows" % val)
                continue
            if key == "former" and val:
                if val not in aliases:
                    err(ln, "former=%s is not one of its aliases" % val)
                continue
            err(ln, "unknown flag %r" % f)
        if len([f for f in flags if f.startswith("maker=")]) > 1 or \
                len([f for f in flags if f.startswith("parent=")]) > 1:
            err(ln, "repeated maker=/parent= flag")
        entries.append((ln, name, kind, aliases, tickers, flags))

    names = {}            # exact name -> line
    owner = {}            # exact surface form -> canonical name
    folded = {}           # casefolded surface form -> (canonical, line)
    for ln, name, kind, aliases, tickers, flags in entries:
        if name in names:
            err(ln, "duplicate name %r (first on line %d)" % (name, names[name]))
        names.setdefault(name, ln)
    kinds = {}
    for ln, name, kind, aliases, tickers, flags in entries:
        kinds.setdefault(name, kind)
        for form in [name] + aliases:
            if form in owner and owner[form] != name:
                what = "alias" if form != name else "name"
                err(ln, "%s %r already used by %r" % (what, form, owner[form]))
            owner.setdefault(form, name)
            key = form.casefold()
            if key in folded and folded[key][0] != name:
                err(ln, "%r clashes (ignoring case) with %r of line %d"
                    % (form, folded[key][0], folded[key][1]))
            folded.setdefault(key, (name, ln))
    seen_t = {}
    for ln, name, kind, aliases, tickers, flags in entries:
        for t in tickers:
            if t in seen_t and seen_t[t] != name:
                err(ln, "ticker %r already used by %r" % (t, seen_t[t]))
            seen_t.setdefault(t, name)
        for f in flags:
            key, _, val = f.partition("=")
            if key in ("maker", "parent"):
                if val not in kinds:
                    err(ln, "%s=%s: no such entry" % (key, val))
                elif kinds[val] != "org":
                    err(ln, "%s=%s is a %s, not an org" % (key, val, kinds[val]))

    legal = legal_words(os.path.join(os.path.dirname(path), "rules.txt"))
    if legal:
        keyed = {}        # key -> (canonical, form that claimed it)
        for ln, name, kind, aliases, tickers, flags in entries:
            for form in [name] + aliases:
                key = suffix_key(form, legal)
                prev = keyed.get(key)
                if prev and prev[0] != name and (key != form or
                                                 key != prev[1]):
                    err(ln, "%r is keyed as %r, already claimed by %r of %r"
                        % (form, key, prev[1], prev[0]))
                keyed.setdefault(key, (name, form))

    for e in errors:
        print(e)
    if stats or errors:
        counts = {}
        for e in entries:
            counts[e[2]] = counts.get(e[2], 0) + 1
        nal = sum(len(e[3]) for e in entries)
        ntk = sum(len(e[4]) for e in entries)
        print("%s: %s; %d aliases, %d tickers; %d problem(s)" % (
            path, ", ".join("%d %s" % (counts.get(k, 0), k) for k in KINDS),
            nal, ntk, len(errors)))
    return 1 if errors else 0


# Bad inputs and a word the report must contain, for --self-test.
SELF_TESTS = [
    ("Acme\torg\nAcme\torg\n", "duplicate name"),
    ("Acme\tcompany\n", "unknown kind"),
    ("Acme\torg\tAC\nBeta\torg\tAC\n", "already used by"),
    ("Acme\torg\nBeta\torg\tAcme\n", "already used by"),
    ("Acme\torg\nBeta\torg\tACME\n", "ignoring case"),
    ("Acme\torg\tAC|\n", "empty alias"),
    ("Acme\torg\t\tACM|ACM2\nBeta\torg\t\tACM\n", "ticker"),
    ("Acme\torg\t\tacme\n", "plain symbol"),
    ("Widget\tproduct\t\t\tmaker=Nobody\n", "no such entry"),
    ("Ann\tperson\nWidget\tproduct\t\t\tmaker=Ann\n", "not an org"),
    ("Acme\tproduct\t\t\tparent=Acme\n", "parent= on a product"),
    ("Acme\torg\t\t\tshiny\n", "unknown flag"),
    ("Acme \torg\n", "stray whitespace"),
    ("Acme\torg\ta\tb\tc\td\n", "columns"),
    ("Acme Corp\torg\nAcme Inc.\torg\n", "keyed as"),
    ("Acme\torg\nAcme SE\torg\n", "keyed as"),
]


def self_test():
    """Run main() on each bad input; fail unless it reports the problem."""
    import io
    import contextlib
    import tempfile
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "rules.txt"), "w") as f:
            f.write("class legal = inc | corp | se\n")
        path = os.path.join(tmp, "g.tsv")
        for text, want in SELF_TESTS:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                rc = main(["check", path])
            if rc != 1 or want not in out.getvalue():
                print("self-test: %r not caught (want %r, got %r)"
                      % (text, want, out.getvalue()))
                failed += 1
        with open(path, "wb") as f:
            f.write(b"Acme\xff\torg\n")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = main(["check", path])
        if rc != 1 or "UTF-8" not in out.getvalue():
            print("self-test: invalid UTF-8 not caught")
            failed += 1
        with open(path, "w", encoding="utf-8") as f:
            f.write("# ok\nAcme\torg\tAcme Inc.\tACM\n"
                    "Widget\tproduct\t\t\tmaker=Acme,ambiguous\n")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            rc = main(["check", path])
        if rc != 0:
            print("self-test: good input rejected: %r" % out.getvalue())
            failed += 1
    print("self-test: %d of %d cases failed" % (failed, len(SELF_TESTS) + 2))
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    sys.exit(main(sys.argv))
