# --format sarif: valid against the real SARIF 2.1.0 JSON schema (Ajv, installed from the npm
# registry by tests/sarif/setup.sh), every field GitHub code scanning needs (linter-anchors.md
# d11), repository-relative percent-encoded URIs, no secrets, and fingerprints that stay put
# when unrelated lines are inserted above a finding.
. "$TOP/tests/cli/lib.sh"
# a run inside GitHub Actions must not write to its real job summary
unset GITHUB_STEP_SUMMARY GITHUB_ACTIONS
w="$OUT/ci-sarif"
rm -rf "$w"
mkdir -p "$w"
cd "$w" || exit 1

if ! schema=$(sh "$TOP/tests/sarif/setup.sh" 2> setup.err); then
	t_fail "the SARIF validator and schema install from the npm registry" "$(tail -n 5 setup.err)"
	exit 0
fi
t_ok "the SARIF validator and schema install from the npm registry"
validate() {
	# validate NAME FILE: the file is valid SARIF 2.1.0
	if node "$TOP/tests/sarif/validate.js" "$schema" "$2" > val.out 2>&1; then
		t_ok "$1"
	else
		t_fail "$1" "$(head -n 12 val.out)"
	fi
}

git init -q . 2>/dev/null
app="sub/we,ird:100% #app"
key_test=sk_test_SARIFtestKEY0123456789abcdefXYZ
key_live=sk_live_SARIFliveKEY0123456789abcdefXYZ
pw_short=SarifShortPw7
seed_ci_app "$app" "$key_test" "$key_live" "$pw_short"
# the same unit twice in one file: told apart by :1 and :2
cat > "$app/src/twice.ts" <<'TS'
export const a = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";
export const b = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";
TS

"$CWLINT" --format sarif "$app" > a.sarif 2> a.err
expect_status "sarif: findings exit 1" 1 $?
validate "sarif of an app with findings is valid SARIF 2.1.0" a.sarif
"$CWLINT" --format sarif "$TOP/examples/nextjs-convex-workos" > ex.sarif 2>&1
validate "sarif of the example app is valid SARIF 2.1.0" ex.sarif
mkdir -p clean
printf '{"dependencies": {"convex": "^1.44.0"}}\n' > clean/package.json
"$CWLINT" --format sarif clean > clean.sarif 2>&1
expect_status "sarif: a clean app exits 0" 0 $?
validate "sarif without results is valid SARIF 2.1.0" clean.sarif
json_check "sarif without results: results is an empty array" clean.sarif 'Array.isArray(d.runs[0].results) && d.runs[0].results.length === 0'
"$CWLINT" --format sarif --max-file-size 10 "$app" > skip.sarif 2>/dev/null
validate "sarif with skipped files (notifications) is valid SARIF 2.1.0" skip.sarif
json_check "sarif: skipped files are tool execution notifications" skip.sarif \
	'd.runs[0].invocations[0].toolExecutionNotifications.length > 0 && d.runs[0].invocations[0].toolExecutionNotifications.every(n => n.message.text && n.locations[0].physicalLocation.artifactLocation.uri)'

# the validator really rejects what the schema forbids
node -e '
	const fs = require("fs");
	const base = fs.readFileSync(process.argv[1], "utf8");
	const muts = {
		level: d => { d.runs[0].results[0].level = "fatal"; },
		notool: d => { delete d.runs[0].tool; },
		line0: d => { d.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0; },
		version: d => { d.version = "2.0.0"; },
		message: d => { d.runs[0].results[0].message = "plain string"; },
	};
	for (const [name, f] of Object.entries(muts)) {
		const d = JSON.parse(base);
		f(d);
		fs.writeFileSync("bad-" + name + ".sarif", JSON.stringify(d));
	}
' a.sarif
for m in level notool line0 version message; do
	if node "$TOP/tests/sarif/validate.js" "$schema" "bad-$m.sarif" > val.out 2>&1; then
		t_fail "the validator rejects an invalid document ($m)" "accepted"
	else
		expect_grep "the validator rejects an invalid document ($m)" '^invalid: ' val.out
	fi
done

# d11: every field GitHub code scanning requires or recommends
json_check "sarif: \$schema and version" a.sarif 'd.$schema === "https://json.schemastore.org/sarif-2.1.0.json" && d.version === "2.1.0" && d.runs.length === 1'
json_check "sarif: driver name and versions" a.sarif \
	'(r => r.name === "cwlint" && /^\d+\.\d+\.\d+$/.test(r.semanticVersion) && r.version === r.semanticVersion)(d.runs[0].tool.driver)'
"$CWLINT" --list-rules --format json > rules.json
json_check "sarif: every registered rule is described, in registry order" a.sarif \
	"JSON.stringify(d.runs[0].tool.driver.rules.map(r => r.id)) === JSON.stringify($(cat rules.json).map(r => r.id))"
json_check "sarif: each rule has id, name, texts (<= 1024 chars), help text and markdown" a.sarif \
	'd.runs[0].tool.driver.rules.every(r => /^[a-z0-9-]+$/.test(r.id) && /^[A-Z][A-Za-z0-9]*$/.test(r.name) && r.name.length <= 255 &&
	 r.shortDescription.text && [...r.shortDescription.text].length <= 1024 &&
	 r.fullDescription.text && [...r.fullDescription.text].length <= 1024 &&
	 r.help.text.includes("Example:") && r.help.text.includes("How to fix:") &&
	 r.help.markdown.includes("**Example**") && r.help.markdown.includes("**How to fix**"))'
json_check "sarif: each rule has a default level, tags, precision and problem.severity" a.sarif \
	'd.runs[0].tool.driver.rules.every(r => ["note", "warning", "error"].includes(r.defaultConfiguration.level) &&
	 Array.isArray(r.properties.tags) && r.properties.tags.length > 0 && r.properties.tags.length <= 10 &&
	 ["very-high", "high", "medium", "low"].includes(r.properties.precision) &&
	 ["error", "warning", "recommendation"].includes(r.properties["problem.severity"]))'
json_check "sarif: shortDescription is the rule summary" a.sarif \
	"d.runs[0].tool.driver.rules.every(r => r.shortDescription.text === $(cat rules.json).find(x => x.id === r.id).summary)"
for id in short-cookie-password public-secret secret-in-source deploy-key-in-env env-file-not-ignored; do
	grep -q "\"id\": \"$id\"" rules.json || continue
	json_check "sarif: secret rule $id has a security-severity and the security tag" a.sarif \
		"(r => r && /^(10\\.0|[0-9]\\.[0-9])\$/.test(r.properties['security-severity']) && +r.properties['security-severity'] >= 0.1 && r.properties.tags.includes('security'))(d.runs[0].tool.driver.rules.find(r => r.id === '$id'))"
done
json_check "sarif: rules without a secret have no security-severity" a.sarif \
	'!d.runs[0].tool.driver.rules.find(r => r.id === "hardcoded-client-id").properties["security-severity"]'
json_check "sarif: automationDetails.id and columnKind" a.sarif \
	'd.runs[0].automationDetails.id === "cwlint/" && d.runs[0].columnKind === "unicodeCodePoints"'
json_check "sarif: each result has ruleId, the matching ruleIndex, level and message" a.sarif \
	'd.runs[0].results.length >= 5 && d.runs[0].results.every(x => d.runs[0].tool.driver.rules[x.ruleIndex].id === x.ruleId &&
	 ["error", "warning", "note"].includes(x.level) && typeof x.message.text === "string" && x.message.text.length > 0)'
json_check "sarif: each result has one location with a full region" a.sarif \
	'd.runs[0].results.every(x => x.locations.length === 1 && (p => p.artifactLocation.uri && p.region.startLine >= 1 &&
	 p.region.startColumn >= 1 && p.region.endLine >= p.region.startLine &&
	 (p.region.endLine > p.region.startLine || p.region.endColumn > p.region.startColumn))(x.locations[0].physicalLocation))'
json_check "sarif: each result has a primaryLocationLineHash" a.sarif \
	'd.runs[0].results.every(x => /^[0-9a-f]{32}:[1-9][0-9]*$/.test(x.partialFingerprints.primaryLocationLineHash))'
json_check "sarif: URIs are relative to the repository root and percent-encoded" a.sarif \
	'd.runs[0].results.every(x => x.locations[0].physicalLocation.artifactLocation.uri.startsWith("sub/we%2Cird%3A100%25%20%23app/"))'
json_check "sarif: a URI names the reported file" a.sarif \
	'd.runs[0].results.some(x => x.ruleId === "short-cookie-password" && x.locations[0].physicalLocation.artifactLocation.uri === "sub/we%2Cird%3A100%25%20%23app/.env.local" && x.locations[0].physicalLocation.region.startLine === 3)'
json_check "sarif: a fix is a result's fixes, its edits replacements in the result's file" a.sarif \
	'(x => x && x.fixes.length === 1 && /unsafe/.test(x.fixes[0].description.text) && x.fixes[0].artifactChanges.length === 1 &&
	 x.fixes[0].artifactChanges[0].artifactLocation.uri === x.locations[0].physicalLocation.artifactLocation.uri &&
	 JSON.stringify(x.fixes[0].artifactChanges[0].replacements) === JSON.stringify([{deletedRegion: {startLine: 1, startColumn: 18, endLine: 1, endColumn: 53}, insertedContent: {text: "process.env.WORKOS_CLIENT_ID"}}]))(d.runs[0].results.find(x => x.ruleId === "hardcoded-client-id" && x.locations[0].physicalLocation.artifactLocation.uri.endsWith("/convex/auth.config.ts")))'
json_check "sarif: findings without a fix have no fixes" a.sarif \
	'd.runs[0].results.filter(x => x.ruleId !== "hardcoded-client-id").every(x => !("fixes" in x))'
json_check "sarif: the same unit twice in a file is :1 and :2 of one hash" a.sarif \
	'(h => h.length === 2 && h[0].split(":")[0] === h[1].split(":")[0] && h[0].endsWith(":1") && h[1].endsWith(":2"))(d.runs[0].results.filter(x => x.locations[0].physicalLocation.artifactLocation.uri.endsWith("/src/twice.ts") && x.ruleId === "hardcoded-client-id").map(x => x.partialFingerprints.primaryLocationLineHash))'
(cd "$app" && "$CWLINT" --format sarif .) > in-app.sarif 2>&1
json_check "sarif: URIs stay repository-relative when run inside the app" in-app.sarif \
	'd.runs[0].results.length > 0 && d.runs[0].results.every(x => x.locations[0].physicalLocation.artifactLocation.uri.startsWith("sub/we%2Cird%3A100%25%20%23app/"))'
mkdir -p "$OUT/ci-sarif-outside/src"
printf '{"dependencies": {"next": "^16.0.0", "@workos-inc/authkit-nextjs": "^2.17.0"}}\n' > "$OUT/ci-sarif-outside/package.json"
printf 'export const a = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n' > "$OUT/ci-sarif-outside/src/a.ts"
"$CWLINT" --format sarif "$OUT/ci-sarif-outside" > outside.sarif 2>&1
validate "sarif for files outside the repository is valid SARIF 2.1.0" outside.sarif
json_check "sarif: a file outside the repository gets an absolute file: URI" outside.sarif \
	'd.runs[0].results.length > 0 && d.runs[0].results.every(x => x.locations[0].physicalLocation.artifactLocation.uri.startsWith("file:///"))'
rm -rf "$OUT/ci-sarif-outside"

# secrets: not in messages, help, rules or fingerprints
for s in "$key_test" "$key_live" "$pw_short" SARIFtestKEY SARIFliveKEY; do
	expect_no_grep "sarif never shows ${s%??????}..." "$s" a.sarif
done

# fingerprints survive unrelated lines inserted above the findings, and a rotated value
fps() {
	node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		console.log(d.runs[0].results.map(x => x.ruleId + " " + x.locations[0].physicalLocation.artifactLocation.uri + " " + x.partialFingerprints.primaryLocationLineHash).sort().join("\n"))' "$1"
}
lines() {
	node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		console.log(d.runs[0].results.map(x => x.locations[0].physicalLocation.region.startLine).join(" "))' "$1"
}
fps a.sarif > fp1
fps in-app.sarif > fp0
if diff fp1 fp0 > fp.diff; then
	t_ok "sarif: fingerprints do not depend on the working directory"
else
	t_fail "sarif: fingerprints do not depend on the working directory" "$(head -n 6 fp.diff)"
fi
{ printf '# a comment\nSOME_OTHER=value\n\n'; sed "s/$pw_short/SarifOtherPw9/" "$app/.env.local"; } > env.tmp && mv env.tmp "$app/.env.local"
{ printf '// a header comment\n\nimport "./x";\n'; cat "$app/convex/auth.config.ts"; } > ts.tmp && mv ts.tmp "$app/convex/auth.config.ts"
{ printf '/* new\n   lines */\n'; cat "$app/src/twice.ts"; } > ts.tmp && mv ts.tmp "$app/src/twice.ts"
{ printf '\n\n\n\n'; cat "$app/src/keys.ts"; } > ts.tmp && mv ts.tmp "$app/src/keys.ts"
"$CWLINT" --format sarif "$app" > b.sarif 2>&1
fps b.sarif > fp2
[ "$(lines a.sarif)" != "$(lines b.sarif)" ] && t_ok "fingerprints: the findings moved to other lines" ||
	t_fail "fingerprints: the findings moved to other lines" "same lines: $(lines b.sarif)"
if diff fp1 fp2 > fp.diff; then
	t_ok "fingerprints: unchanged by lines inserted above and by a new secret value ($(wc -l < fp1) findings)"
else
	t_fail "fingerprints: unchanged by lines inserted above" "$(head -n 10 fp.diff)"
fi
sed 's/^export const b = .*/export const b = "client_01JD8X3Q4K2M6N7P8R9S0T1V2X";/' "$app/src/twice.ts" > ts.tmp && mv ts.tmp "$app/src/twice.ts"
"$CWLINT" --format sarif "$app" > c.sarif 2>&1
fps c.sarif | grep 'twice.ts' > fp3
[ "$(grep -c ':1$' fp3)" = 2 ] && [ "$(cut -d' ' -f3 fp3 | cut -d: -f1 | sort -u | wc -l)" = 2 ] &&
	t_ok "fingerprints: a changed unit gets its own fingerprint" ||
	t_fail "fingerprints: a changed unit gets its own fingerprint" "$(cat fp3)"

# --quiet: errors only, still valid
"$CWLINT" --format sarif --quiet --rule hardcoded-client-id=warning "$app" > q.sarif 2>&1
validate "sarif with --quiet is valid SARIF 2.1.0" q.sarif
json_check "sarif: --quiet reports errors only" q.sarif 'd.runs[0].results.length > 0 && d.runs[0].results.every(x => x.level === "error")'
