# GitHub Actions: --format github workflow commands and their escaping, the job summary,
# github output added when GITHUB_ACTIONS=true, the problem matcher for the gcc format, and
# no way for a quoted path, message or source line to inject a workflow command.
. "$TOP/tests/cli/lib.sh"
# a run inside GitHub Actions must not write to its real job summary
unset GITHUB_STEP_SUMMARY GITHUB_ACTIONS
w="$OUT/ci-github"
rm -rf "$w"
mkdir -p "$w"
cd "$w" || exit 1
git init -q . 2>/dev/null
app="we,ird:100% app"
key_test=sk_test_GHtestKEY0123456789abcdefXYZ
key_live=sk_live_GHliveKEY0123456789abcdefXYZ
pw_short=GhShortPw42x
seed_ci_app "$app" "$key_test" "$key_live" "$pw_short"
# hostile names and lines: a line break then a workflow command, the legacy ##[ form, a
# name that starts with ::, and a source line quoting ##[ commands (shown in code frames)
evil="$app/src/evil
::error file=x::pwned ##[error]x.ts"
printf 'export const a = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n' > "$evil"
printf 'export const b = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n' > "$app/src/::warning::lead.ts"
printf 'export const c = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W"; // ##[add-mask]x ##[stop-commands]tok\n' > "$app/src/hash.ts"

"$CWLINT" --format github "$app" > gh.out 2> gh.err
expect_status "github format: findings exit 1" 1 $?
"$CWLINT" --format gcc "$app" > gcc.out 2>&1
n=$(grep -c . gcc.out)
m=$(grep -c . gh.out)
[ "$n" -gt 5 ] && [ "$n" = "$m" ] && t_ok "github format: one command per finding ($m)" ||
	t_fail "github format: one command per finding" "$m commands for $n gcc lines"
grep -Ev '^::(error|warning|notice) file=[^:]*,line=[0-9]+,(col=[0-9]+,)?endLine=[0-9]+,(endColumn=[0-9]+,)?title=cwlint \([a-z0-9-]+\)::.' gh.out > gh.other
[ -s gh.other ] && t_fail "github format: every line is one of our commands" "$(head -n 3 gh.other)" ||
	t_ok "github format: every line is one of our commands"
expect_grep "github format: ',' ':' '%' escaped in the file property" \
	'^::error file=we%2Cird%3A100%25 app/convex/auth\.config\.ts,line=1,col=19,endLine=1,endColumn=[0-9]+,title=cwlint \(hardcoded-client-id\)::' gh.out
expect_grep "github format: a line break in a path is %0A, its '::' %3A%3A" \
	'file=we%2Cird%3A100%25 app/src/evil%0A%3A%3Aerror file=x%3A%3Apwned ##\[error\]x\.ts,line=1' gh.out
expect_no_grep "github format: the path's line break starts no command of its own" '^::error file=x' gh.out
expect_grep "github format: ':' stays as is in the message, the help is on an escaped new line" \
	'::hardcoded WorkOS client id in the auth config: .*%0Ahelp: ' gh.out
expect_no_grep "github format: no colour codes" "$(printf '\033')" gh.out
"$CWLINT" --format github --color always "$app" > ghc.out 2>&1
expect_no_grep "github format: no colour codes even with --color always" "$(printf '\033')" ghc.out
"$CWLINT" --format github --rule hardcoded-client-id=warning --rule short-cookie-password=info "$app" > ghs.out 2>&1
expect_grep "github format: warnings are ::warning" '^::warning file=.*\(hardcoded-client-id\)' ghs.out
expect_grep "github format: infos are ::notice" '^::notice file=.*\(short-cookie-password\)' ghs.out

# the job summary: appended, one escaped row per finding
printf 'earlier step output\n' > summary.md
GITHUB_STEP_SUMMARY="$w/summary.md" "$CWLINT" --format github "$app" > /dev/null 2>&1
expect_grep "summary: what was in the file stays" '^earlier step output$' summary.md
expect_grep "summary: a heading and the counts" '^[0-9]+ errors?, [0-9]+ warnings? in [0-9]+ files$' summary.md
expect_grep "summary: a table" '^\| severity \| rule \| location \| message \|$' summary.md
rows=$(grep -c '^| \(error\|warning\|info\) | ' summary.md)
[ "$rows" = "$n" ] && t_ok "summary: one row per finding" || t_fail "summary: one row per finding" "$rows rows, $n findings"
bad=$(grep '^| ' summary.md | sed 's/\\|//g' | awk -F'|' 'NF != 6' | head -n 3)
[ -z "$bad" ] && t_ok "summary: '|' escaped in every cell (5 separators a row)" ||
	t_fail "summary: '|' escaped in every cell" "$bad"
bad=$(grep '^| ' summary.md | sed 's/\\`//g' | grep '`' | head -n 3)
[ -z "$bad" ] && t_ok "summary: backticks escaped in every cell" || t_fail "summary: backticks escaped in every cell" "$bad"
expect_grep "summary: a path's line break is <br>, inside its row" '\| we,ird:100% app/src/evil<br>::error file=x::pwned ##\\\[error\\\]x\.ts:1:19 \|' summary.md
rm -f summary2.md
GITHUB_STEP_SUMMARY="$w/summary2.md" "$CWLINT" --format gcc "$app" > /dev/null 2>&1
[ -e summary2.md ] && t_fail "summary: only with github output" "written for --format gcc" ||
	t_ok "summary: only with github output"
GITHUB_STEP_SUMMARY="$w/no-such-dir/summary.md" "$CWLINT" --format github "$app" > /dev/null 2> sum.err
expect_status "summary: an unwritable summary file is an I/O error (exit 3)" 3 $?
expect_grep "summary: the unwritable file is named" "cannot write the job summary '.*no-such-dir/summary\.md'" sum.err

# GITHUB_ACTIONS=true adds github output to the default one, and only to the default one
GITHUB_ACTIONS=true "$CWLINT" "$app" > auto.out 2>&1
expect_status "GITHUB_ACTIONS=true: exit status unchanged" 1 $?
a=$(grep -c '^::error ' auto.out)
g=$(grep -c ': error: ' auto.out)
[ "$a" -gt 0 ] && [ "$a" = "$g" ] && t_ok "GITHUB_ACTIONS=true: gcc lines and their commands ($a)" ||
	t_fail "GITHUB_ACTIONS=true: gcc lines and their commands" "$a commands, $g gcc errors"
GITHUB_ACTIONS=true "$CWLINT" --format gcc "$app" > auto2.out 2>&1
expect_no_grep "GITHUB_ACTIONS=true with --format: no commands added" '^::' auto2.out
GITHUB_ACTIONS=true "$CWLINT" --format json "$app" > auto3.out 2>&1
json_check "GITHUB_ACTIONS=true with --format json: stdout stays one JSON document" auto3.out 'd.version === 1'
GITHUB_ACTIONS=false "$CWLINT" "$app" > auto4.out 2>&1
expect_no_grep "GITHUB_ACTIONS=false: no commands" '^::' auto4.out
rm -f summary3.md
GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY="$w/summary3.md" "$CWLINT" "$app" > /dev/null 2>&1
expect_grep "GITHUB_ACTIONS=true: the summary is written too" '^\| severity \| rule' summary3.md

# secrets: never in commands or in the summary
for s in "$key_test" "$key_live" "$pw_short" GHtestKEY GHliveKEY; do
	expect_no_grep "github format never shows ${s%??????}..." "$s" gh.out
	expect_no_grep "summary never shows ${s%??????}..." "$s" summary.md
done

# no other output lets quoted text start a workflow command: not "::" at a line start
# (after blanks), not "##[" anywhere
for f in human gcc json sarif; do
	"$CWLINT" --format "$f" --color never "$app" > "inj.$f" 2> "inj.$f.err"
	expect_no_grep "$f output: no line starts a :: command" '^[[:space:]]*::' "inj.$f"
	expect_no_grep "$f output: no ##[ command anywhere" '##\[' "inj.$f"
	expect_no_grep "$f output: nothing on stderr starts a command" '^[[:space:]]*::|##\[' "inj.$f.err"
done
"$CWLINT" --format human --color always "$app" > inj.color 2>&1
expect_no_grep "human output in colour: no ##[ command" '##\[' inj.color
expect_grep "human frames still show the quoted line (##[ defused)" '// ##［add-mask\]x ##［stop-commands\]tok' inj.human
expect_grep "a line break in a path is shown as ?" '^we,ird:100% app/src/evil\?::error file=x::pwned ##［error\]x\.ts:1:19: error: ' inj.gcc
(cd "$app/src" && "$CWLINT" --format gcc .) > lead.out 2>&1
expect_grep "a path that would start a :: command gets ./ in front" '^\./::warning::lead\.ts:1:19: error: ' lead.out
expect_no_grep "... and no line starts a :: command" '^[[:space:]]*::' lead.out
(cd "$app/src" && "$CWLINT" --format human --color never .) > lead.human 2>&1
expect_grep "human: the same ./ in front" '^\./::warning::lead\.ts:1:19: error: ' lead.human
expect_no_grep "human: no line starts a :: command" '^[[:space:]]*::' lead.human

# the problem matcher reads the gcc format, and the human one in colour, ANSI codes and all
"$CWLINT" --format gcc --rule short-cookie-password=info --rule hardcoded-client-id=warning "$app" > pm.gcc 2>&1
"$CWLINT" --format human --color always --rule short-cookie-password=info --rule hardcoded-client-id=warning "$app" > pm.human 2>&1
if node -e '
	const fs = require("fs");
	const cfg = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
	const owners = new Set();
	const matchers = cfg.problemMatcher.map(m => {
		if (!m.owner || owners.has(m.owner)) throw new Error("owner missing or repeated");
		owners.add(m.owner);
		if (m.pattern.length !== 1) throw new Error("one pattern per matcher");
		return { owner: m.owner, severity: m.severity || "", p: m.pattern[0], re: new RegExp(m.pattern[0].regexp) };
	});
	function match(line) {
		for (const m of matchers) {
			const g = line.match(m.re);
			if (g) return { owner: m.owner, file: g[m.p.file], line: g[m.p.line], col: g[m.p.column],
				severity: m.p.severity ? g[m.p.severity] : m.severity, message: g[m.p.message], code: g[m.p.code] };
		}
		return null;
	}
	let fail = 0, seen = new Set();
	for (const line of fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean)) {
		const want = line.match(/^(.+?):(\d+):(\d+): (error|warning|info): (.+) \[([a-z0-9-]+)\]$/);
		const got = match(line);
		const sev = want && (want[4] === "info" ? "notice" : want[4]);
		if (!want || !got || got.file !== want[1] || got.line !== want[2] || got.col !== want[3] ||
		    got.severity !== sev || got.message !== want[5] || got.code !== want[6]) {
			console.error("gcc line not matched right: " + line + " -> " + JSON.stringify(got));
			fail++;
		}
		seen.add(sev);
	}
	if (!seen.has("notice") || !seen.has("warning") || !seen.has("error")) {
		console.error("want error, warning and notice lines, saw " + [...seen]);
		fail++;
	}
	let headers = 0;
	for (const line of fs.readFileSync(process.argv[3], "utf8").split("\n").filter(Boolean)) {
		const got = match(line);
		const plain = line.replace(/\x1b\[[0-9;]*m/g, "");
		const header = /^.+?:\d+:\d+: (error|warning|info): .+ \[[a-z0-9-]+\]$/.test(plain);
		if (header !== !!got || (got && /\x1b/.test(got.file + got.message + got.code))) {
			console.error("human line " + JSON.stringify(line) + " header=" + header + " -> " + JSON.stringify(got));
			fail++;
		}
		headers += header;
	}
	if (!headers) { console.error("no coloured header line seen"); fail++; }
	process.exit(fail ? 1 : 0);
' "$TOP/.github/cwlint-matcher.json" pm.gcc pm.human 2> pm.err; then
	t_ok "problem matcher: every gcc line (error, warning, info) and coloured human header matched, frames not"
else
	t_fail "problem matcher: every gcc line and coloured human header matched" "$(head -n 5 pm.err)"
fi
