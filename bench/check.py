#!/usr/bin/env python3
"""Checks cwlint's JSON output on the benchmark corpus against the generator's manifest.

    python3 bench/check.py MANIFEST CWLINT_JSON [--summary OUT.json]

A finding matches a planted mistake when path, line and rule are equal. The corpus is built so
that everything else in it is clean, so the check fails on any of:
  - a planted mistake that was not reported (missed);
  - a finding on a path under node_modules, .next, dist or convex/_generated (read what it must skip);
  - a finding in a decoy file (an official template shape or a near-miss);
  - any other finding that was not planted (unplanned).
Prints a short report; --summary writes the counts (and the first few of each list) as JSON.
Exit status 0 when all is well, 1 otherwise.
"""
import argparse
import collections
import json
import sys

SKIPPED = ("node_modules", ".next", "dist", "_generated")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("output")
    ap.add_argument("--summary")
    args = ap.parse_args()
    with open(args.manifest) as f:
        m = json.load(f)
    with open(args.output) as f:
        out = json.load(f)

    got = collections.Counter((d["path"], d["line"], d["rule"]) for d in out["diagnostics"])
    planted = {(p["path"], p["line"], p["rule"]) for p in m["planted"]}
    decoy_paths = {d["path"] for d in m["decoys"]}
    missed = sorted(planted - set(got))
    found = len(planted) - len(missed)
    skipped_read = sorted(k for k in got if any(part in SKIPPED for part in k[0].split("/")))
    in_decoys = sorted(k for k in got if k not in planted and k[0] in decoy_paths)
    unplanned = sorted(k for k in got if k not in planted and k not in skipped_read and k[0] not in decoy_paths)

    by_rule = collections.defaultdict(lambda: [0, 0])
    for p in planted:
        by_rule[p[2]][0] += 1
        if p in got:
            by_rule[p[2]][1] += 1
    ok = not missed and not skipped_read and not in_decoys and not unplanned

    show = lambda xs: [f"{p}:{line}: {rule}" for p, line, rule in xs[:20]]
    summary = {"ok": ok, "planted": len(planted), "found": found, "missed": len(missed),
               "by_rule": {r: {"planted": v[0], "found": v[1]} for r, v in sorted(by_rule.items())},
               "decoy_files": len(decoy_paths), "decoy_findings": len(in_decoys),
               "skipped_paths_reported": len(skipped_read), "unplanned": len(unplanned),
               "findings_total": sum(got.values()), "missed_list": show(missed),
               "decoy_list": show(in_decoys), "skipped_list": show(skipped_read), "unplanned_list": show(unplanned)}
    if args.summary:
        with open(args.summary, "w") as f:
            json.dump(summary, f, indent=1)
            f.write("\n")

    print(f"check: {found}/{len(planted)} planted mistakes of {len(by_rule)} rules reported; "
          f"{len(in_decoys)} findings in {len(decoy_paths)} decoy files; {len(skipped_read)} under skipped folders; "
          f"{len(unplanned)} unplanned; {sum(got.values())} findings in all")
    for title, xs in (("missed", missed), ("in a decoy", in_decoys), ("under a skipped folder", skipped_read),
                      ("unplanned", unplanned)):
        for line in show(xs):
            print(f"  {title}: {line}")
        if len(xs) > 20:
            print(f"  ... and {len(xs) - 20} more {title}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
