# --output FORMAT=FILE: several outputs in one run, files created or truncated, an unwritable
# file is an I/O error (exit 3), bad specs are usage errors (exit 2), and cwlint writes
# nothing else.
. "$TOP/tests/cli/lib.sh"
# a run inside GitHub Actions must not write to its real job summary
unset GITHUB_STEP_SUMMARY GITHUB_ACTIONS
w="$OUT/ci-outputs"
rm -rf "$w"
mkdir -p "$w"
cd "$w" || exit 1
cp -R "$TOP/examples/nextjs-convex-workos" app

"$CWLINT" --format human --color never --output sarif=o.sarif --output json=o.json app > o.human 2> o.err
expect_status "--output: findings still exit 1" 1 $?
expect_grep "--output: stdout keeps the --format output" '^[0-9]+ errors?, [0-9]+ warnings? in [0-9]+ files( \([0-9]+ fixable with [^)]*\))?$' o.human
json_check "--output sarif=FILE writes SARIF" o.sarif 'd.version === "2.1.0" && d.runs[0].results.length > 0'
json_check "--output json=FILE writes the json format" o.json 'd.version === 1 && d.diagnostics.length > 0'
n=$(grep -c ': error: \|: warning: \|: info: ' o.human)
json_check "--output: every output has the same findings ($n)" o.json "d.diagnostics.length === $n"
json_check "--output: ... the SARIF too" o.sarif "d.runs[0].results.length === $n"

# truncated, not appended to
head -c 200000 /dev/zero | tr '\0' x > o.json
"$CWLINT" --output json=o.json --output gcc=o.gcc app > /dev/null 2>&1
json_check "--output truncates an existing file" o.json 'd.version === 1'
expect_grep "--output gcc=FILE writes the gcc format" '^[^ ]+:[0-9]+:[0-9]+: error: .* \[[a-z-]+\]$' o.gcc
"$CWLINT" --format gcc --output human=o.txt --color always app > /dev/null 2>&1
expect_no_grep "--output human=FILE has no colour codes" "$(printf '\033')" o.txt
expect_grep "--output human=FILE has the frames" '^ *[0-9]+ \| ' o.txt

# github output to a file: the commands go there, not to stdout
"$CWLINT" --format gcc --output github=o.gh app > o.stdout 2>&1
expect_grep "--output github=FILE writes workflow commands" '^::error file=' o.gh
expect_no_grep "--output github=FILE: none on stdout" '^::' o.stdout

# an unwritable output: exit 3, named, and the other outputs still written
"$CWLINT" --format gcc --output sarif="$w/no-such-dir/x.sarif" --output json=ok.json app > bad.out 2> bad.err
expect_status "--output to a missing folder: exit 3" 3 $?
expect_grep "--output to a missing folder: the file is named" "cannot write '.*no-such-dir/x\.sarif'" bad.err
json_check "--output to a missing folder: the other outputs are still written" ok.json 'd.version === 1'
[ -s bad.out ] && t_ok "--output to a missing folder: stdout still has the findings" ||
	t_fail "--output to a missing folder: stdout still has the findings" "empty"
"$CWLINT" --output "json=$w/no-such-dir/##[error]x
y.json" app > /dev/null 2> inj.err
expect_grep "--output error names the file, its line break and ##[ defused" "cannot write '.*no-such-dir/##［error\]x\?y\.json'" inj.err
expect_no_grep "--output error starts no workflow command" '##\[|^[[:space:]]*::' inj.err
"$CWLINT" --output json="$w" app > /dev/null 2> dir.err
expect_status "--output to a folder: exit 3" 3 $?
"$CWLINT" --output json=/dev/full app > /dev/null 2> full.err
expect_status "--output to a full device: exit 3" 3 $?
expect_grep "--output to a full device: named" "cannot write '/dev/full'" full.err
"$CWLINT" --format gcc app > /dev/full 2> full2.err
expect_status "stdout on a full device: exit 3" 3 $?
expect_grep "stdout on a full device: said so" "cannot write to standard output" full2.err
"$CWLINT" --fail-on never --output json="$w/no-such-dir/y.json" app > /dev/null 2>&1
expect_status "--output failure is exit 3 even with --fail-on never" 3 $?

# usage errors: exit 2, nothing linted, nothing written
for spec in sarif =x.json sarif= json pdf=x.out; do
	rm -f x.json x.out
	"$CWLINT" --output "$spec" app > u.out 2> u.err
	st=$?
	if [ $st = 2 ] && [ ! -s u.out ] && [ ! -e x.json ] && [ ! -e x.out ]; then
		t_ok "--output '$spec' is a usage error (exit 2, nothing written)"
	else
		t_fail "--output '$spec' is a usage error" "status $st, stdout $(head -c 100 u.out)"
	fi
done
expect_grep "--output with an unknown format names the formats" "use human, gcc, json, sarif or github" u.err
"$CWLINT" --format sarif2 app > /dev/null 2> f.err
expect_status "--format with an unknown format: exit 2" 2 $?
expect_grep "--format names sarif and github" "use human, gcc, json, sarif or github" f.err

# cwlint writes nothing but the named outputs: the app tree is unchanged
snap() { (cd app && find . -type f -exec sha256sum {} + | sort; find . | sort); }
snap > before
"$CWLINT" --format human --output sarif=s.sarif --output json=s.json --output github=s.gh app > /dev/null 2>&1
GITHUB_ACTIONS=true "$CWLINT" app > /dev/null 2>&1
snap > after
if diff before after > snap.diff; then
	t_ok "cwlint writes nothing into the linted tree"
else
	t_fail "cwlint writes nothing into the linted tree" "$(head -n 5 snap.diff)"
fi
