# The config file: discovery, rules, ignore, env scopes, apps, and errors that exit 2.
. "$TOP/tests/cli/lib.sh"
p="$OUT/cfg"
rm -rf "$p"
mkdir -p "$p/apps/web/src" "$p/e2e" "$p/tools/site/src" "$p/apps/web/config"
echo '{"name":"root","private":true}' > "$p/package.json"
echo '{"name":"web","dependencies":{"next":"^16.0.0","@workos-inc/authkit-nextjs":"^2.17.0"}}' > "$p/apps/web/package.json"
echo 'export const a = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";' > "$p/apps/web/src/a.ts"
cp "$p/apps/web/src/a.ts" "$p/e2e/b.ts"
cp "$p/apps/web/src/a.ts" "$p/tools/site/src/c.ts"
printf 'WORKOS_API_KEY=sk_test_FAKEfakeFAKEfake0123456789abcdefgh\n' > "$p/apps/web/config/prod.env"
cd "$p" || exit 1

echo '{"rules":{"hardcoded-client-id":"warning"},"ignore":["e2e/"]}' > cwlint.json
"$CWLINT" --format gcc . > o 2> e; st=$?
expect_status "config: warning level, exit 0 by --fail-on error" 0 $st
expect_grep "config: rule level applies" '^apps/web/src/a\.ts:1:19: warning: .*\[hardcoded-client-id\]' o
expect_no_grep "config: ignored folder is not linted" '^e2e/' o
(cd apps/web/src && "$CWLINT" --format gcc . > "$p/o2" 2>&1)
expect_grep "config: found by walking up from the PATH" ':1:19: warning: ' "$p/o2"
"$CWLINT" --format gcc --rule hardcoded-client-id=error . > o 2>&1
expect_grep "config: --rule on the command line wins" ': error: .*\[hardcoded-client-id\]' o
"$CWLINT" --format gcc --no-config . > o 2>&1
expect_grep "--no-config ignores the file" '^e2e/b\.ts:1:19: error: ' o

mv cwlint.json .cwlintrc.json
"$CWLINT" --format gcc . > o 2>&1
expect_grep ".cwlintrc.json is found too" ': warning: .*\[hardcoded-client-id\]' o
rm .cwlintrc.json
echo '{"name":"root","private":true,"cwlint":{"rules":{"hardcoded-client-id":"off"}}}' > package.json
"$CWLINT" --format gcc . > o 2>&1; st=$?
expect_status "package.json#cwlint turns a rule off" 0 $st
expect_no_grep "package.json#cwlint: nothing reported" 'hardcoded-client-id' o
echo '{"name":"root","private":true}' > package.json

echo '{"env":{"production":["apps/web/config/prod.env"]},"rules":{"hardcoded-client-id":"off"}}' > cwlint.json
"$CWLINT" --format gcc . > o 2>&1
expect_grep "config env globs add and scope env files" '^apps/web/config/prod\.env:1:16: error: .*sk_test_.*\[shared-dev-prod-env\]' o

echo '{"apps":["tools/site"],"ignore":["apps/","e2e/"]}' > cwlint.json
"$CWLINT" --format gcc . > o 2>&1
expect_grep "config apps: a folder without package.json is an app" '^tools/site/src/c\.ts:1:19: error: ' o

while IFS='|' read -r json want; do
	printf '%s\n' "$json" > cwlint.json
	"$CWLINT" . > o 2> e; st=$?
	expect_status "bad config $json exits 2" 2 $st
	expect_grep "bad config $json is explained" "^cwlint: error: cwlint\\.json:[0-9]+.*$want" e
	[ -s o ] && t_fail "bad config $json lints nothing" "$(head -c 200 o)" || t_ok "bad config $json lints nothing"
done <<'CASES'
{"rulez":{}}|unknown key .rulez.; did you mean .rules.
{"rules":{"hardcoded-clientid":"off"}}|unknown rule .hardcoded-clientid.; did you mean .hardcoded-client-id.
{"rules":{"hardcoded-client-id":"loud"}}|takes "off", "info", "warning" or "error"
{"env":{"prod":[]}}|unknown env scope .prod.; did you mean .production.
{"ignore":"e2e"}|must be an array of strings
{"rules":{|invalid JSON
{"rules":{},"rules":{}}|invalid JSON
[]|must be a JSON object
CASES
rm cwlint.json
"$CWLINT" --config does-not-exist.json . > o 2> e; st=$?
expect_status "--config with a missing file exits 2" 2 $st
