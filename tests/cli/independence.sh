# Rules are independent: turning off the rules that report nothing in a project must leave
# every finding as it was. A rule that looked for words only in files other rules happened
# to select, or followed an import only into a file another rule had parsed, fails this.
# parse-error is the one rule that depends on the others by design: it reports a syntax
# error only in a file some rule parses (a file nothing reads cannot hide a finding), so
# projects where it fires are left out.
. "$TOP/tests/cli/lib.sh"
ids=$("$CWLINT" --list-rules --format json | sed -n 's/.*"id": "\(.*\)".*/\1/p')
[ "$(echo "$ids" | grep -c .)" -gt 50 ] && t_ok "independence: the rule list" ||
	t_fail "independence: the rule list" "$(echo "$ids" | head -n 3)"
export GIT_CEILING_DIRECTORIES="$TOP/fixtures"
n=0
bad=0
for case in "$TOP"/fixtures/*/*/; do
	case=${case%/}
	grep -q '\[parse-error\]' "$case/expected" && continue
	dir=$case
	if [ -f "$case/setup" ]; then
		dir="$OUT/ind-case"
		rm -rf "$dir" && mkdir -p "$dir" && cp -R "$case/." "$dir/" &&
			(cd "$dir" && sh ./setup) > /dev/null 2>&1 < /dev/null || continue
	fi
	off=""
	for id in $ids; do
		grep -q "\[$id\]" "$case/expected" && continue
		# a rule a cwlint-ignore comment names stays on: the comment's own rules judge it
		grep -rqs --exclude=expected "cwlint-ignore.*$id" "$dir" && continue
		off="$off --rule $id=off"
	done
	# shellcheck disable=SC2086 # one word per option
	lint_fixture "$dir" "$CWLINT" $off 2> /dev/null | sed '$d' > "$OUT/ind-actual"
	# the last line counts the files read, which fewer rules may lower
	sed '$d' "$case/expected" > "$OUT/ind-expected"
	n=$((n + 1))
	if ! cmp -s "$OUT/ind-expected" "$OUT/ind-actual"; then
		bad=$((bad + 1))
		[ $bad -le 3 ] && t_fail "independence: ${case#"$TOP"/fixtures/} with the silent rules off" \
			"$(diff "$OUT/ind-expected" "$OUT/ind-actual" | head -n 4 | tr '\n' ' ')"
	fi
done
[ $n -gt 250 ] && t_ok "independence: $n projects checked" || t_fail "independence: enough projects" "only $n"
[ $bad -eq 0 ] && t_ok "independence: every finding stays when the silent rules are off" ||
	t_fail "independence: every finding stays when the silent rules are off" "$bad projects differ"
