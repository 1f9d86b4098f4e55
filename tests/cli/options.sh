# Command-line behaviour: help, version, rule documentation, usage errors and exit status.
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
ex="$TOP/examples/nextjs-convex-workos"

"$CWLINT" --version > v.out 2>&1; expect_status "--version exits 0" 0 $?
expect_grep "--version prints the version" '^cwlint [0-9]+\.[0-9]+\.[0-9]+$' v.out

"$CWLINT" --help > h.out 2>&1; expect_status "--help exits 0" 0 $?
expect_grep "--help shows usage" '^usage: cwlint' h.out
expect_grep "--help documents exit status" 'Exit status' h.out

"$CWLINT" --bogus > u.out 2> u.err; expect_status "unknown option exits 2" 2 $?
expect_grep "unknown option is named" "unknown option '--bogus'" u.err
[ -s u.out ] && t_fail "unknown option prints nothing on stdout" "$(cat u.out)" || t_ok "unknown option prints nothing on stdout"

"$CWLINT" --format nope . > /dev/null 2> f.err; expect_status "unknown format exits 2" 2 $?
expect_grep "unknown format is named" "unknown format 'nope'" f.err
"$CWLINT" --format > /dev/null 2> f.err; expect_status "option without its value exits 2" 2 $?
"$CWLINT" --rule hardcoded-clientid=off . > /dev/null 2> r.err; expect_status "unknown rule id exits 2" 2 $?
expect_grep "unknown rule id suggests the closest" "did you mean 'hardcoded-client-id'" r.err
"$CWLINT" --rule hardcoded-client-id=loud . > /dev/null 2> r.err; expect_status "unknown level exits 2" 2 $?
"$CWLINT" --fail-on sometimes . > /dev/null 2>&1; expect_status "bad --fail-on exits 2" 2 $?
"$CWLINT" --max-warnings -3 . > /dev/null 2>&1; expect_status "bad --max-warnings exits 2" 2 $?
"$CWLINT" --jobs 0 . > /dev/null 2>&1; expect_status "bad --jobs exits 2" 2 $?
"$CWLINT" does-not-exist > /dev/null 2> p.err; expect_status "missing path exits 2" 2 $?
expect_grep "missing path is named" "cannot access 'does-not-exist'" p.err

# --list-rules: every rule in the registry, with severity and family
"$CWLINT" --list-rules > l.out; expect_status "--list-rules exits 0" 0 $?
n=$(ls "$TOP"/rules/*.c | wc -l)
m=$(wc -l < l.out)
[ "$n" -eq "$m" ] && t_ok "--list-rules lists every rule file" || t_fail "--list-rules lists every rule file" "$m lines for $n rule files"
expect_grep "--list-rules shows id, severity, family" '^missing-workos-issuer +error +auth-config ' l.out
"$CWLINT" --list-rules --format json > l.json
json_check "--list-rules --format json" l.json "Array.isArray(d) && d.length === $n && d.every(r => r.id && r.severity && r.family && r.summary)"
"$CWLINT" --list-rules --format markdown > l.md
expect_grep "--list-rules --format markdown is a table" '^\| `short-cookie-password` \| error \| env \|' l.md

# --explain: every section from the rule struct
for id in $(sed 's/ .*//' l.out); do
	"$CWLINT" --explain "$id" > e.out 2>&1
	st=$?
	if [ $st -eq 0 ] && grep -q '^What it checks and why:' e.out && grep -q '^Example:' e.out &&
	   grep -q '^How to fix:' e.out && grep -q '^Sources:' e.out; then
		t_ok "--explain $id has every section"
	else
		t_fail "--explain $id has every section" "status $st: $(head -c 300 e.out)"
	fi
done
"$CWLINT" --explain no-such-rule > /dev/null 2> e.err; expect_status "--explain unknown rule exits 2" 2 $?

# Exit status on the example app (it has seeded errors)
"$CWLINT" "$ex" > /dev/null 2>&1; expect_status "findings at or above error exit 1" 1 $?
"$CWLINT" --fail-on never "$ex" > /dev/null 2>&1; expect_status "--fail-on never exits 0" 0 $?
"$CWLINT" --rule hardcoded-client-id=off --rule missing-workos-issuer=off \
	--rule short-cookie-password=off --rule shared-dev-prod-env=off \
	--rule workos-hook-gates-query=warning "$ex" > w.out 2>&1
st=$?
if grep -q ' error: ' w.out; then
	expect_status "only warnings left: exit follows --fail-on error" 1 $st
else
	expect_status "only warnings left: exit follows --fail-on error" 0 $st
	"$CWLINT" --rule hardcoded-client-id=off --rule missing-workos-issuer=off \
		--rule short-cookie-password=off --rule shared-dev-prod-env=off \
		--rule workos-hook-gates-query=warning --fail-on warning "$ex" > /dev/null 2>&1
	expect_status "--fail-on warning counts warnings" 1 $?
	"$CWLINT" --rule hardcoded-client-id=off --rule missing-workos-issuer=off \
		--rule short-cookie-password=off --rule shared-dev-prod-env=off \
		--rule workos-hook-gates-query=warning --max-warnings 0 "$ex" > /dev/null 2>&1
	expect_status "--max-warnings 0 fails on one warning" 1 $?
fi

# Formats: gcc when piped, exactly one finding per line
"$CWLINT" "$ex" > g.out 2> g.err
if grep -Evq '^[^:]+:[0-9]+:[0-9]+: (error|warning|info): .+ \[[a-z0-9-]+\]$' g.out; then
	t_fail "piped output is the gcc format" "$(grep -Ev '^[^:]+:[0-9]+:[0-9]+: (error|warning|info): .+ \[[a-z0-9-]+\]$' g.out | head -n 3)"
else
	t_ok "piped output is the gcc format"
fi
[ -s g.out ] && t_ok "the example app has findings" || t_fail "the example app has findings" "none"
"$CWLINT" --format gcc "$ex" > g2.out 2>&1
cmp -s g.out g2.out && t_ok "--format gcc equals the piped default" || t_fail "--format gcc equals the piped default" "differs"

# json: the documented shape, sorted, with counts that add up
"$CWLINT" --format json "$ex" > j.json
expect_status "--format json exits as gcc does" 1 $?
json_check "json has version, tool and summary" j.json \
	'd.version === 1 && d.tool.name === "cwlint" && typeof d.tool.version === "string" && d.summary.files > 0'
json_check "json diagnostics carry every field" j.json \
	'd.diagnostics.length > 0 && d.diagnostics.every(x => typeof x.rule === "string" && ["error","warning","info"].includes(x.severity) && typeof x.path === "string" && x.line >= 1 && x.column >= 1 && x.end_line >= x.line && typeof x.message === "string" && "help" in x && "fix" in x)'
json_check "json summary counts match the diagnostics" j.json \
	'd.summary.errors === d.diagnostics.filter(x => x.severity === "error").length && d.summary.warnings === d.diagnostics.filter(x => x.severity === "warning").length'
json_check "json diagnostics are sorted by path, line, column" j.json \
	'd.diagnostics.every((x, i, a) => i === 0 || a[i-1].path < x.path || (a[i-1].path === x.path && (a[i-1].line < x.line || (a[i-1].line === x.line && a[i-1].column <= x.column))))'
n_json=$(node -e 'console.log(JSON.parse(require("fs").readFileSync("j.json","utf8")).diagnostics.length)')
n_gcc=$(wc -l < g.out)
[ "$n_json" -eq "$n_gcc" ] && t_ok "json and gcc report the same findings" || t_fail "json and gcc report the same findings" "$n_json vs $n_gcc"

# human: a frame with a marker, a help line and the summary
"$CWLINT" --format human --color never "$ex" > hu.out 2>&1
expect_grep "human format has a code frame marker" '^ +\| +\^~*$' hu.out
expect_grep "human format has help lines" '^  help: ' hu.out
expect_grep "human format ends with a summary" '^[0-9]+ errors?, [0-9]+ warnings? in [0-9]+ files?( \([0-9]+ fixable with [^)]*\))?$' hu.out
expect_no_grep "--color never has no escape codes" "$(printf '\033')" hu.out
"$CWLINT" --format human --color always "$ex" > hc.out 2>&1
expect_grep "--color always colours" "$(printf '\033')\\[" hc.out
NO_COLOR=1 "$CWLINT" --format human "$ex" > hn.out 2>&1
expect_no_grep "NO_COLOR turns colour off" "$(printf '\033')" hn.out
FORCE_COLOR=1 "$CWLINT" --format human "$ex" > hf.out 2>&1
expect_grep "FORCE_COLOR turns colour on when piped" "$(printf '\033')\\[" hf.out
"$CWLINT" --quiet --format human --color never --rule parse-error=warning "$ex" > q.out 2>&1
expect_no_grep "--quiet hides warnings" ': warning: ' q.out

# Paths: a file inside the app reports only that file, with the whole app as context
"$CWLINT" --format gcc "$ex/.env.local" > one.out 2>&1
expect_grep "a named file is linted in its app" '\.env\.local:[0-9]+:[0-9]+: error: .*\[short-cookie-password\]' one.out
expect_no_grep "only the named file is reported" 'auth\.config\.ts' one.out
(cd "$ex" && "$CWLINT" --format gcc convex > "$OUT/dir.out" 2>&1)
expect_grep "a folder inside the app reports under it, relative paths" '^convex/auth\.config\.ts:' dir.out
expect_no_grep "nothing outside the named folder" '^\.env' dir.out
