# The README's rule table is the one the rule structs generate (make readme).
. "$TOP/tests/cli/lib.sh"
"$CWLINT" --list-rules --format markdown > "$OUT/rules.md"
awk '/<!-- rules:start -->/ { on = 1; next } /<!-- rules:end -->/ { on = 0 } on' "$TOP/README.md" > "$OUT/readme-rules.md"
if cmp -s "$OUT/rules.md" "$OUT/readme-rules.md"; then
	t_ok "README rule table matches the rule structs"
else
	t_fail "README rule table matches the rule structs" "run 'make readme': $(diff "$OUT/rules.md" "$OUT/readme-rules.md" | head -n 5)"
fi
grep -q '^make example' "$TOP/README.md" && t_ok "README gives the example command" || t_fail "README gives the example command" "missing"
grep -q '^make check' "$TOP/README.md" && t_ok "README gives the test command" || t_fail "README gives the test command" "missing"
grep -q 'make check' "$TOP/.ci/run" && t_ok ".ci/run runs the README's test command" || t_fail ".ci/run runs the README's test command" "missing"
