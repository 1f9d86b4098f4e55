# Helpers for the CLI tests: each check prints "ok - name" or "not ok - name: why".
# The runner sets CWLINT (the binary), TOP (the repository) and OUT (a scratch folder).
t_ok() { echo "ok - $1"; }
t_fail() { echo "not ok - $1: $2"; }

# expect_status NAME WANT GOT
expect_status() {
	if [ "$2" = "$3" ]; then t_ok "$1"; else t_fail "$1" "exit status $3, expected $2"; fi
}

# expect_grep NAME PATTERN FILE: the file has a line matching the extended regex
expect_grep() {
	if grep -Eq -- "$2" "$3"; then t_ok "$1"; else t_fail "$1" "no line matches /$2/ in $(head -c 400 "$3")"; fi
}

# expect_no_grep NAME PATTERN FILE
expect_no_grep() {
	if grep -Eq -- "$2" "$3"; then t_fail "$1" "unexpected /$2/: $(grep -E -- "$2" "$3" | head -n 3)"; else t_ok "$1"; fi
}

# json_check NAME FILE JS-EXPRESSION: the file is JSON and the expression (over `d`) is true
json_check() {
	# the expression is passed as an argument and compiled with new Function: no quoting games
	if node -e '
		const fs = require("fs");
		let d;
		try { d = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); }
		catch (e) { console.error("invalid JSON: " + e.message); process.exit(1); }
		let ok;
		try { ok = new Function("d", "return (" + process.argv[2] + ");")(d); }
		catch (e) { console.error("check failed to run: " + e.message); process.exit(1); }
		if (!ok) { console.error("false: " + process.argv[2]); process.exit(1); }
	' "$2" "$3" 2> "$OUT/json.err"; then
		t_ok "$1"
	else
		t_fail "$1" "$(cat "$OUT/json.err")"
	fi
}

# seed_ci_app DIR KEY_TEST KEY_LIVE PASSWORD: a Next.js app with findings in source, env and
# auth config, whose env file and source hold the given secrets (the CI-output tests).
seed_ci_app() {
	mkdir -p "$1/convex" "$1/src"
	printf '%s\n' '{"dependencies": {"next": "^16.0.0", "@workos-inc/authkit-nextjs": "^2.17.0", "convex": "^1.44.0"}}' \
		> "$1/package.json"
	printf 'WORKOS_CLIENT_ID=client_01JD8X3Q4K2M6N7P8R9S0T1V2W\nWORKOS_API_KEY=%s\nWORKOS_COOKIE_PASSWORD=%s\n' \
		"$3" "$4" > "$1/.env.local"
	printf 'export const key = process.env.WORKOS_API_KEY || "%s";\n' "$2" > "$1/src/keys.ts"
	printf '%s\n' 'const clientId = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";' 'export default { providers: [] };' \
		> "$1/convex/auth.config.ts"
}

# lint_fixture DIR BIN [OPTION...]: BIN on fixture project DIR the way its expected output
# is made: human format, no colour, the options given, then those of DIR/args (one a line)
lint_fixture() {
	(
		cd "$1" || exit 99
		bin=$2
		shift 2
		if [ -f args ]; then
			while IFS= read -r a || [ -n "$a" ]; do
				[ -n "$a" ] && set -- "$@" "$a"
			done < args
		fi
		exec "$bin" --format human --color never "$@" .
	)
}

# copy_fixtures DIR: every fixture project side by side in DIR (a monorepo of hundreds of
# apps of every shape the rules know), named rule--case, without the files that drive the
# fixture test itself (config files too: they would apply to one app's run, not the tree's)
copy_fixtures() {
	mkdir -p "$1" || return 1
	for d in "$TOP"/fixtures/*/*/; do
		name=$(echo "$d" | sed "s|^$TOP/fixtures/||; s|/$||; s|/|--|")
		cp -R "$d" "$1/$name"
		rm -f "$1/$name/cwlint.json" "$1/$name/.cwlintrc.json" "$1/$name/setup" \
			"$1/$name/expected" "$1/$name/args" "$1/$name/exit"
	done
}
