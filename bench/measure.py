#!/usr/bin/env python3
"""The measuring half of `make bench` (bench/run.sh prepares tools, binary and corpora first).

    python3 bench/measure.py --corpus build/bench/corpus --corpus2 build/bench/corpus2x \
        --results build/bench/results --report bench/RESULTS.md

Steps, all on the corpora that bench/gen_corpus.py wrote:
 1. correctness: cwlint's JSON output on both corpora against their manifests (bench/check.py),
    the paths cwlint opens (strace: none under node_modules, .next, dist, _generated), and
    the outputs of --jobs 1 and --jobs 2 compared byte for byte;
 2. timing: ROUNDS rounds; each round is one hyperfine call over every fast command (a warm-up
    run each, then RUNS timed runs each), with the command order rotated from round to round,
    so that each tool is measured in every stretch of the run and a burst of load on this shared
    machine does not land on one tool only. eslint (tens of seconds a run) gets its own hyperfine
    call, one run, in the first ESLINT_RUNS rounds, before the fast batch in even rounds and after
    it in odd ones. A tool's wall time is the median of all its timed runs of all rounds;
 3. peak memory: MEM_RUNS passes over every command under /usr/bin/time -v (eslint: one pass),
    the median of the maximum resident set sizes; the first pass's output also gives the
    findings count of each tool;
 4. the report, RESULTS.md: machine, versions, the table, every target of
    shared/spec/performance.md with PASS or FAIL.
Exit status 1 when cwlint missed a planted mistake, reported anything else, opened a file in
a folder it must skip, or its output depends on --jobs; performance targets never change the exit status (the machine is shared and
noisy: the report says how they stand).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)

ENV = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "FORCE_COLOR")}
ENV["NO_COLOR"] = "1"

# performance.md's targets
T_OXLINT = 0.5
T_RG = 5.0
T_MEM_MB = 32
T_SAVE = 0.5
T_GROWTH_TIME = 2.1
T_GROWTH_MEM = 1.10
T_PARALLEL = 1.7


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


class Cmd:
    def __init__(self, key, label, cwd, argv, stdin=None):
        self.key, self.label, self.cwd, self.argv, self.stdin = key, label, cwd, argv, stdin

    def shell(self):
        s = f"cd {shlex.quote(self.cwd)} && exec {shlex.join(self.argv)}"
        return s + (f" < {shlex.quote(self.stdin)}" if self.stdin else "")

    def shown(self, corpus):
        """The command as a user would type it in the corpus root."""
        words = []
        for a in self.argv:
            for pre, short in ((os.path.join(TOP, "build", "cwlint"), "cwlint"),
                               (os.path.join(HERE, "peers") + "/", "bench/peers/")):
                if a.startswith(pre):
                    a = short + a[len(pre):]
            if "/node_modules/" in a and a.startswith(HERE):
                a = os.path.basename(a)
            words.append(a)
        s = " ".join(words)
        if self.stdin:
            s += " < " + os.path.relpath(self.stdin, self.cwd)
        if os.path.abspath(self.cwd) != os.path.abspath(corpus):
            s = f"(in {os.path.basename(self.cwd)}) " + s
        return s


def run(argv, cwd, out=None, stdin=None):
    with open(out or os.devnull, "wb") as o, open(stdin or os.devnull, "rb") as i:
        p = subprocess.run(argv, cwd=cwd, stdout=o, stderr=subprocess.PIPE, stdin=i, env=ENV)
    return p.returncode, p.stderr.decode(errors="replace")


def first_line(argv):
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=ENV, timeout=60)
        return p.stdout.decode(errors="replace").strip().splitlines()[0].strip()
    except Exception as e:  # a version probe must not stop the bench
        return f"unknown ({e.__class__.__name__})"


def pkg_version(name):
    try:
        with open(os.path.join(HERE, "node_modules", name, "package.json")) as f:
            return json.load(f)["version"]
    except OSError:
        return "not installed"


def machine():
    info = {}
    try:
        out = subprocess.run(["lscpu"], stdout=subprocess.PIPE, env=dict(ENV, LC_ALL="C")).stdout.decode()
        m = re.search(r"^Model name:\s*(.+)$", out, re.M)
        info["cpu"] = m.group(1).strip() if m else "unknown"
    except OSError:
        info["cpu"] = "unknown"
    info["nproc"] = os.cpu_count()
    with open("/proc/meminfo") as f:
        kb = int(re.search(r"MemTotal:\s*(\d+)", f.read()).group(1))
    info["memory"] = f"{kb / 1048576:.1f} GiB"
    info["kernel"] = platform.release()
    try:
        with open("/etc/debian_version") as f:
            info["debian"] = f.read().strip()
    except OSError:
        info["debian"] = "not Debian"
    return info


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def median(xs):
    return statistics.median(xs) if xs else None


def fmt_s(x):
    if x is None:
        return "n/a"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def fmt_mb(kb):
    return "n/a" if kb is None else f"{kb / 1024:.1f} MB"


def verdict(ok):
    return "**PASS**" if ok else "**FAIL**"


def count_findings(key, path, rc):
    """How many findings a tool printed (its first memory pass's stdout), or None."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    try:
        if key.startswith("cwlint"):
            return len(json.loads(text)["diagnostics"])
        if key.startswith("oxlint"):
            m = re.search(r"Found (\d+) warnings? and (\d+) errors?", text)
            return int(m.group(1)) + int(m.group(2)) if m else (0 if rc == 0 else None)
        if key == "ast-grep":
            return len(re.findall(r"^error\[", text, re.M))
        if key == "eslint":
            m = re.search(r"(\d+) problems?", text)
            return int(m.group(1)) if m else (0 if rc == 0 else None)
        if key.startswith("workos"):
            d = json.loads(text)
            return len(d.get("authPatterns", {}).get("findings", [])) + len(d.get("issues", []))
        if key.startswith("rg"):
            return sum(int(line.rsplit(":", 1)[1]) for line in text.splitlines() if ":" in line)
    except (ValueError, KeyError, IndexError):
        return None
    return None


def workos_codes(path):
    try:
        with open(path) as f:
            d = json.load(f)
    except (OSError, ValueError):
        return None
    items = d.get("issues", []) + d.get("authPatterns", {}).get("findings", [])
    # the same check may appear among both the issues and the pattern findings, once with its file
    with_file = {i.get("code") for i in items if i.get("filePath")}
    out = []
    for i in items:
        if i.get("filePath") or i.get("code") not in with_file:
            s = f"`{i.get('code')}`" + (f" ({i['filePath']})" if i.get("filePath") else "")
            if s not in out:
                out.append(s)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--corpus2", required=True, help="the corpus with twice the sources")
    ap.add_argument("--results", required=True, help="folder for raw results")
    ap.add_argument("--report", required=True)
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 5)))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 2)))
    ap.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", 1)))
    ap.add_argument("--eslint-runs", type=int, default=int(os.environ.get("BENCH_ESLINT_RUNS", 2)))
    ap.add_argument("--mem-runs", type=int, default=int(os.environ.get("BENCH_MEM_RUNS", 3)))
    args = ap.parse_args()
    corpus = os.path.abspath(args.corpus)
    corpus2 = os.path.abspath(args.corpus2)
    res = os.path.abspath(args.results)
    os.makedirs(res, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    load_start = loadavg()

    cw = os.path.join(TOP, "build", "cwlint")
    nm = os.path.join(HERE, "node_modules")
    peers = os.path.join(HERE, "peers")
    arch = {"x86_64": "x64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
    ast_grep = os.path.join(nm, "@ast-grep", f"cli-linux-{arch}-gnu", "ast-grep")
    ast_grep_note = "the platform binary of @ast-grep/cli (what its postinstall would link)"
    if not os.access(ast_grep, os.X_OK):
        ast_grep = os.path.join(nm, ".bin", "ast-grep")
        ast_grep_note = "the package's Node.js shim (no platform binary found)"
    oxlint = os.path.join(nm, ".bin", "oxlint")
    eslint = os.path.join(nm, ".bin", "eslint")
    workos = os.path.join(nm, ".bin", "workos")
    provider = "apps/web/src/components/ConvexClientProvider.tsx"

    main_cmds = [
        Cmd("cwlint", "cwlint (all rules, JSON, default --jobs)", corpus, [cw, "--format", "json", "."]),
        Cmd("cwlint-j1", "cwlint --jobs 1", corpus, [cw, "--format", "json", "--jobs", "1", "."]),
        Cmd("cwlint-j2", "cwlint --jobs 2", corpus, [cw, "--format", "json", "--jobs", "2", "."]),
        Cmd("cwlint-2x", "cwlint, twice the sources", corpus2, [cw, "--format", "json", "."]),
        Cmd("oxlint", "oxlint (one rule)", corpus, [oxlint, "-c", os.path.join(peers, "oxlintrc.json"), "."]),
        Cmd("ast-grep", "ast-grep (one rule)", corpus, [ast_grep, "scan", "-r", os.path.join(peers, "ast-grep-rule.yml"), "."]),
        Cmd("workos", "workos doctor (WorkOS CLI)", corpus,
            [workos, "doctor", "--skip-api", "--skip-ai", "--json", "--install-dir", "."]),
        Cmd("workos-app", "workos doctor on one app", corpus,
            [workos, "doctor", "--skip-api", "--skip-ai", "--json", "--install-dir", "apps/web"]),
        Cmd("rg", "ripgrep, honouring .gitignore", corpus, ["rg", "-c", "useAuth", "."]),
        Cmd("rg-uuu", "ripgrep -uuu (reads everything)", corpus, ["rg", "-uuu", "-c", "useAuth", "."]),
    ]
    eslint_cmd = Cmd("eslint", "eslint 9 + typescript-eslint (one rule)", corpus,
                     [eslint, "-c", os.path.join(peers, "eslint.config.mjs"), "."])
    save_cw = Cmd("cwlint-save", "cwlint --stdin-filename (one file on save)", corpus,
                  [cw, "--format", "json", "--stdin-filename", provider], stdin=os.path.join(corpus, provider))
    save_ox = Cmd("oxlint-save", "oxlint on that one file", corpus,
                  [oxlint, "-c", os.path.join(peers, "oxlintrc.json"), provider])

    failures = []

    # ---------------------------------------------------------------- 1. correctness
    corr = {}
    for tag, root in (("corpus", corpus), ("corpus2x", corpus2)):
        out = os.path.join(res, f"{tag}.cwlint.json")
        rc, err = run([cw, "--format", "json", "."], root, out)
        log(f"cwlint on {tag}: exit {rc}")
        summ = os.path.join(res, f"{tag}.check.json")
        crc = subprocess.run([sys.executable, os.path.join(HERE, "check.py"), root + "_manifest.json", out,
                              "--summary", summ], env=ENV).returncode
        with open(summ) as f:
            corr[tag] = json.load(f)
        corr[tag]["exit"] = rc
        corr[tag]["stderr"] = err.strip().splitlines()[:5]
        if crc != 0:
            failures.append(f"correctness on {tag}")
    # what cwlint opens: nothing under node_modules (nor .next, dist, _generated) may be among it
    opened = None
    if shutil.which("strace"):
        trace = os.path.join(res, "corpus.strace")
        run(["strace", "-f", "-qq", "-s", "4096", "-e", "trace=open,openat,openat2", "-o", trace,
             cw, "--format", "json", "."], corpus)
        paths = set()
        with open(trace, errors="replace") as f:
            for line in f:
                m = re.search(r'open(?:at2?)?\((?:[^,"]*, )?"([^"]*)"', line)
                if m and not line.rstrip().endswith("ENOENT (No such file or directory)"):
                    paths.add(os.path.normpath(os.path.join(corpus, m.group(1))))
        inside = [p for p in paths if p.startswith(corpus + os.sep)]
        skipped = sorted(os.path.relpath(p, corpus) for p in inside
                         if set(os.path.relpath(p, corpus).split(os.sep)) & {"node_modules", ".next", "dist", "_generated"})
        opened = {"files": len(inside), "skipped": len(skipped), "nm": sum("node_modules" in p.split(os.sep) for p in skipped),
                  "examples": skipped[:10]}
        log(f"strace: cwlint opened {len(inside)} paths in the corpus, {len(skipped)} under skipped folders")
        if skipped:
            failures.append("cwlint opened files under folders it must skip")
    outs = {}
    for j in ("1", "2"):
        out = os.path.join(res, f"corpus.jobs{j}.json")
        rc, _ = run([cw, "--format", "json", "--jobs", j, "."], corpus, out)
        with open(out, "rb") as f:
            outs[j] = (rc, f.read())
    with open(os.path.join(res, "corpus.cwlint.json"), "rb") as f:
        default_out = f.read()
    jobs_same = outs["1"] == outs["2"] and outs["1"][1] == default_out
    log(f"--jobs 1 and --jobs 2 outputs {'identical' if jobs_same else 'DIFFER'} ({len(outs['1'][1])} bytes)")
    if not jobs_same:
        failures.append("--jobs 1 and --jobs 2 outputs differ")

    # one file on save: is --stdin-filename there yet?
    rc, err = run(save_cw.argv, corpus, os.path.join(res, "save.cwlint.json"), save_cw.stdin)
    save_ok = rc in (0, 1)
    save_note = "" if save_ok else f"not available: cwlint exits {rc} ({err.strip().splitlines()[0] if err.strip() else 'no message'})"
    log("--stdin-filename: " + ("available" if save_ok else save_note))

    # ---------------------------------------------------------------- 2. timing
    fast = main_cmds + ([save_cw, save_ox] if save_ok else [save_ox])
    times = {c.key: [] for c in fast + [eslint_cmd]}
    codes = {c.key: set() for c in fast + [eslint_cmd]}

    def hyperfine(cmds, runs, warmup, tag):
        out = os.path.join(res, f"hyperfine-{tag}.json")
        argv = ["hyperfine", "--style", "basic", "--output", "pipe", "-i", "--runs", str(runs), "--warmup", str(warmup),
                "--export-json", out]
        for c in cmds:
            argv += ["-n", c.key, c.shell()]
        p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        if p.returncode != 0:
            raise SystemExit(f"bench: hyperfine failed: {p.stderr.decode(errors='replace')}")
        with open(out) as f:
            for r in json.load(f)["results"]:
                times[r["command"]] += r["times"]
                codes[r["command"]].update(r.get("exit_codes") or [])

    for k in range(args.rounds):
        order = fast[k % len(fast):] + fast[:k % len(fast)]
        do_eslint = k < args.eslint_runs
        if do_eslint and k % 2 == 0:
            log(f"round {k + 1}/{args.rounds}: eslint")
            hyperfine([eslint_cmd], 1, 0, f"r{k + 1}-eslint")
        log(f"round {k + 1}/{args.rounds}: {len(order)} commands, {args.warmup} warm-up + {args.runs} runs each "
            f"(load {loadavg()})")
        hyperfine(order, args.runs, args.warmup, f"r{k + 1}")
        if do_eslint and k % 2 == 1:
            log(f"round {k + 1}/{args.rounds}: eslint")
            hyperfine([eslint_cmd], 1, 0, f"r{k + 1}-eslint")
    med = {k: median(v) for k, v in times.items()}

    # ---------------------------------------------------------------- 3. peak memory
    rss = {c.key: [] for c in fast + [eslint_cmd]}
    found = {}
    exits = {}
    for k in range(args.mem_runs):
        log(f"peak memory, pass {k + 1}/{args.mem_runs}")
        for c in fast + ([eslint_cmd] if k == 0 else []):
            out = os.path.join(res, f"out-{c.key}.txt") if k == 0 else None
            rc, err = run(["/usr/bin/time", "-v"] + c.argv, c.cwd, out, c.stdin)
            m = re.findall(r"Maximum resident set size \(kbytes\): (\d+)", err)
            if m:
                rss[c.key].append(int(m[-1]))
            if k == 0:
                tool_rc = re.findall(r"Exit status: (\d+)", err)
                exits[c.key] = int(tool_rc[-1]) if tool_rc else rc
                found[c.key] = count_findings(c.key, out, exits[c.key])
    mem = {k: median(v) for k, v in rss.items()}
    load_end = loadavg()

    # ---------------------------------------------------------------- 4. the report
    manifest = json.load(open(corpus + "_manifest.json"))
    manifest2 = json.load(open(corpus2 + "_manifest.json"))
    mi = machine()
    base = med["cwlint"]
    ratio = lambda k: (med[k] / base) if (med.get(k) and base) else None

    git = lambda *a: subprocess.run(["git", "-C", TOP] + list(a), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    env=ENV).stdout.decode().strip()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = " (with uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") else ""
    versions = [
        ("cwlint", first_line([cw, "--version"]) + f", commit {commit}{dirty}"),
        ("oxlint", pkg_version("oxlint")),
        ("@ast-grep/cli", pkg_version("@ast-grep/cli") + f", run as {ast_grep_note}"),
        ("eslint", pkg_version("eslint") + f" with @typescript-eslint/parser {pkg_version('@typescript-eslint/parser')}, "
                                           f"typescript {pkg_version('typescript')}"),
        ("workos (WorkOS CLI)", pkg_version("workos")),
        ("ripgrep", first_line(["rg", "--version"])),
        ("hyperfine", first_line(["hyperfine", "--version"])),
        ("Node.js", first_line(["node", "--version"])),
        ("Python", platform.python_version()),
    ]

    def src_line(m):
        s, nmc = m["sources"], m["counts"].get("node_modules", {"files": 0, "bytes": 0})
        return (f"{s['files']:,} TS/TSX sources ({s['bytes'] / 1e6:.1f} MB), {nmc['files']:,} files under node_modules "
                f"({nmc['bytes'] / 1e6:.1f} MB)")

    L = []
    L.append("# cwlint benchmark results\n")
    L.append("Generated by `make bench` (bench/run.sh, bench/measure.py); do not edit by hand. "
             "How to read it: bench/README.md.\n")
    took = (datetime.datetime.now(datetime.timezone.utc) - started).seconds // 60
    L.append(f"- date: {started.strftime('%Y-%m-%d %H:%M UTC')} (measuring took {took} min)")
    L.append(f"- machine: {mi['cpu']}, {mi['nproc']} cores (nproc), {mi['memory']} memory, Linux {mi['kernel']}, "
             f"Debian {mi['debian']}")
    L.append(f"- load average (1, 5, 15 min) at start {load_start}, at end {load_end}: the machine is shared, "
             "so absolute times are noisy; the ratios compare tools measured in the same rounds")
    L.append(f"- corpus: `bench/gen_corpus.py --seed {manifest['seed']}`: {src_line(manifest)}; "
             f"{len(manifest['planted'])} planted mistakes of {len({p['rule'] for p in manifest['planted']})} rules, "
             f"{len(manifest['decoys'])} decoy files")
    L.append(f"- growth corpus: `--src-files {manifest2['args']['src_files']}`: {src_line(manifest2)}")
    L.append(f"- timing: {args.rounds} rounds; each round one hyperfine call over all commands but eslint "
             f"({args.warmup} warm-up + {args.runs} timed runs each, order rotated every round); eslint: one run in each "
             f"of the first {min(args.eslint_runs, args.rounds)} rounds, no warm-up (a run takes tens of seconds). "
             "Wall time = median of all timed runs")
    L.append(f"- peak memory: maximum resident set size from `/usr/bin/time -v`, median of {args.mem_runs} runs "
             "(eslint: 1); MB here means 2^20 bytes")
    L.append("")
    L.append("## Versions\n")
    L += [f"- {n}: {v}" for n, v in versions]
    L.append("")
    L.append("## Whole corpus\n")
    L.append("Ratio = the tool's median wall time / cwlint's (default `--jobs`, which is the number of cores) "
             "in the same run: above 1 the tool is slower than cwlint.\n")
    L.append("| tool | command (in the corpus root) | median wall | ratio to cwlint | peak RSS | timed runs | exit | findings |")
    L.append("|---|---|---|---|---|---|---|---|")
    rows = main_cmds[:1] + [main_cmds[1], main_cmds[2]] + main_cmds[4:6] + [eslint_cmd] + main_cmds[6:]
    for c in rows:
        r = ratio(c.key)
        L.append(f"| {c.label} | `{c.shown(corpus)}` | {fmt_s(med[c.key])} | "
                 f"{'1 (baseline)' if c.key == 'cwlint' else ('n/a' if r is None else f'{r:.2f}')} | {fmt_mb(mem.get(c.key))} | "
                 f"{len(times[c.key])} | {exits.get(c.key, 'n/a')} | {'n/a' if found.get(c.key) is None else found[c.key]} |")
    L.append("")
    L.append("Growth and one file on save (ratios in the targets below):\n")
    L.append("| run | command | median wall | peak RSS | timed runs | exit | findings |")
    L.append("|---|---|---|---|---|---|---|")
    for c in [main_cmds[3]] + ([save_cw] if save_ok else []) + [save_ox]:
        L.append(f"| {c.label} | `{c.shown(corpus)}` | {fmt_s(med[c.key])} | {fmt_mb(mem.get(c.key))} | "
                 f"{len(times[c.key])} | {exits.get(c.key, 'n/a')} | {'n/a' if found.get(c.key) is None else found[c.key]} |")
    if not save_ok:
        L.append(f"| cwlint --stdin-filename | `cwlint --format json --stdin-filename {provider} < {provider}` | "
                 f"{save_note} | | | | |")
    L.append("")
    L.append("Findings: cwlint's are all its rules on the whole corpus; oxlint, ast-grep and eslint run one rule "
             "each (an import of `useAuth` from `@workos-inc/authkit-react`), so their counts should agree with each "
             "other; ripgrep counts the lines that mention `useAuth`. The WorkOS CLI's `doctor` checks one project: "
             "its package.json, env and a few auth patterns, offline here (`--skip-api --skip-ai`); its count is "
             "its `issues` plus `authPatterns.findings` (the same check can be in both).")
    for key, where in (("workos", "the corpus root"), ("workos-app", "apps/web")):
        codes = workos_codes(os.path.join(res, f"out-{key}.txt"))
        if codes is not None:
            L.append(f"On {where} it exited {exits.get(key)} and reported: {', '.join(codes) if codes else 'nothing'}.")
    L.append("")

    # targets
    rows_t = []
    r_ox = (base / med["oxlint"]) if med.get("oxlint") and base else None
    r_rg = (base / med["rg"]) if med.get("rg") and base else None
    rows_t.append(("whole corpus, wall, against oxlint", f"≤ {T_OXLINT} × oxlint",
                   f"{fmt_s(base)} = {r_ox:.2f} × oxlint ({fmt_s(med['oxlint'])})" if r_ox else "n/a",
                   r_ox is not None and r_ox <= T_OXLINT))
    rows_t.append(("whole corpus, wall, against ripgrep", f"≤ {T_RG} × rg (gitignore mode)",
                   f"{r_rg:.1f} × rg ({fmt_s(med['rg'])})" if r_rg else "n/a", r_rg is not None and r_rg <= T_RG))
    m1 = mem.get("cwlint")
    rows_t.append(("whole corpus, peak memory", f"≤ {T_MEM_MB} MB", fmt_mb(m1), m1 is not None and m1 <= T_MEM_MB * 1024))
    c1 = corr["corpus"]
    ok_corr = c1["ok"]
    read_note = ("; files opened under node_modules (strace): not measured (no strace)" if opened is None else
                 f"; paths opened under node_modules (strace): {opened['nm']}, under .next/dist/_generated: "
                 f"{opened['skipped'] - opened['nm']}, of {opened['files']} opened in the corpus")
    ok_corr = ok_corr and (opened is None or opened["skipped"] == 0)
    rows_t.append(("correctness on the corpus", "every planted mistake reported; nothing under node_modules read",
                   f"{c1['found']}/{c1['planted']} planted found; {c1['skipped_paths_reported']} findings under skipped "
                   f"folders; {c1['decoy_findings']} in {c1['decoy_files']} decoy files; {c1['unplanned']} unplanned"
                   + read_note, ok_corr))
    if save_ok:
        rs = med["cwlint-save"] / med["oxlint-save"]
        rows_t.append(("one file on save (`--stdin-filename`)", f"≤ {T_SAVE} × oxlint on that file",
                       f"{fmt_s(med['cwlint-save'])} = {rs:.2f} × oxlint ({fmt_s(med['oxlint-save'])})", rs <= T_SAVE))
    else:
        rows_t.append(("one file on save (`--stdin-filename`)", f"≤ {T_SAVE} × oxlint on that file",
                       f"{save_note}; oxlint on that file: {fmt_s(med['oxlint-save'])}", None))
    g_t = (med["cwlint-2x"] / base) if med.get("cwlint-2x") and base else None
    g_m = (mem["cwlint-2x"] / m1) if mem.get("cwlint-2x") and m1 else None
    rows_t.append(("growth, time", f"twice the sources: ≤ {T_GROWTH_TIME} × the time",
                   f"{fmt_s(med.get('cwlint-2x'))} = {g_t:.2f} ×" if g_t else "n/a", g_t is not None and g_t <= T_GROWTH_TIME))
    rows_t.append(("growth, peak memory", f"within {round((T_GROWTH_MEM - 1) * 100)} %",
                   f"{fmt_mb(mem.get('cwlint-2x'))} = {g_m:.2f} ×" if g_m else "n/a",
                   g_m is not None and g_m <= T_GROWTH_MEM))
    sp = (med["cwlint-j1"] / med["cwlint-j2"]) if med.get("cwlint-j1") and med.get("cwlint-j2") else None
    rows_t.append(("parallel, speed-up", f"`--jobs 2` ≥ {T_PARALLEL} × faster than `--jobs 1`",
                   f"{fmt_s(med['cwlint-j1'])} / {fmt_s(med['cwlint-j2'])} = {sp:.2f} ×" if sp else "n/a",
                   sp is not None and sp >= T_PARALLEL))
    rows_t.append(("parallel, output", "identical at `--jobs 1` and `--jobs 2`",
                   "byte-identical JSON (and identical to the default `--jobs`)" if jobs_same else "the outputs differ",
                   jobs_same))
    L.append("## Targets (shared/spec/performance.md)\n")
    L.append("| what | target | measured | result |")
    L.append("|---|---|---|---|")
    for what, tgt, got, ok in rows_t:
        L.append(f"| {what} | {tgt} | {got} | {'not measured' if ok is None else verdict(ok)} |")
    n_pass = sum(1 for r in rows_t if r[3])
    L.append(f"\n{n_pass} of {len(rows_t)} targets met in this run.\n")

    L.append("## Correctness\n")
    for tag, title in (("corpus", "corpus"), ("corpus2x", "growth corpus")):
        c = corr[tag]
        L.append(f"- {title}: {c['found']} of {c['planted']} planted mistakes reported; {c['decoy_findings']} findings "
                 f"in {c['decoy_files']} decoy files; {c['skipped_paths_reported']} under node_modules, .next, dist or "
                 f"_generated; {c['unplanned']} other findings; cwlint exited {c['exit']}. {'OK' if c['ok'] else 'FAILED'}")
        for lst in ("missed_list", "decoy_list", "skipped_list", "unplanned_list"):
            for x in c[lst]:
                L.append(f"  - {lst.split('_')[0]}: `{x}`")
    if opened is not None:
        L.append(f"- what cwlint opens (`strace -f -e trace=open,openat,openat2` on the corpus run): {opened['files']} "
                 f"paths in the corpus, {opened['nm']} under node_modules, {opened['skipped'] - opened['nm']} under "
                 ".next, dist or _generated" + "".join(f"\n  - `{x}`" for x in opened["examples"]))
    L.append("\nPlanted mistakes by rule (corpus):\n")
    L.append("| rule | planted | reported |")
    L.append("|---|---|---|")
    for rule, v in corr["corpus"]["by_rule"].items():
        L.append(f"| `{rule}` | {v['planted']} | {v['found']} |")
    L.append("")
    with open(args.report, "w") as f:
        f.write("\n".join(L) + "\n")
    log(f"wrote {os.path.relpath(args.report)}")
    for what, tgt, got, ok in rows_t:
        log(f"  {what}: {got} -> {'not measured' if ok is None else ('PASS' if ok else 'FAIL')}")
    if failures:
        log("FAILED: " + "; ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
