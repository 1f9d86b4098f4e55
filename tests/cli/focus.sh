# A run that names files reports only them, and parses other files only where a rule needs
# them: each file's findings must be exactly those of a run over the whole tree.
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
rm -rf focus-repo
copy_fixtures focus-repo
cd focus-repo || exit 1
"$CWLINT" --format json --jobs 2 . > "$OUT/focus-all.json" 2> "$OUT/focus-all.err"
find . -name node_modules -prune -o -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.js' -o \
	-name '*.jsx' -o -name '*.mjs' -o -name '.env*' \) -print | sed 's|^\./||' | sort > "$OUT/focus-files"
n=0
: > "$OUT/focus-one.jsonl"
while IFS= read -r f; do
	"$CWLINT" --format json --jobs 1 "$f" 2>/dev/null | tr -d '\n' >> "$OUT/focus-one.jsonl"
	echo >> "$OUT/focus-one.jsonl"
	n=$((n + 1))
done < "$OUT/focus-files"
[ $n -gt 500 ] && t_ok "focus: $n files checked one by one" || t_fail "focus: enough files" "only $n"
if node -e '
	const fs = require("fs");
	const all = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).diagnostics;
	const files = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
	const runs = fs.readFileSync(process.argv[3], "utf8").split("\n").filter(Boolean);
	let bad = [], fired = 0;
	files.forEach((f, i) => {
		const want = JSON.stringify(all.filter(d => d.path === f));
		const got = JSON.stringify(JSON.parse(runs[i]).diagnostics);
		if (want !== got) bad.push(f + "\n  tree: " + want + "\n  file: " + got);
		if (want !== "[]") fired++;
	});
	if (fired < 150) { console.error("only " + fired + " files have findings"); process.exit(1); }
	if (bad.length) { console.error(bad.length + " differ; first: " + bad[0]); process.exit(1); }
' "$OUT/focus-all.json" "$OUT/focus-files" "$OUT/focus-one.jsonl" 2> "$OUT/focus.err"; then
	t_ok "focus: every file's findings equal the whole tree's"
else
	t_fail "focus: every file's findings equal the whole tree's" "$(head -c 1500 "$OUT/focus.err")"
fi
