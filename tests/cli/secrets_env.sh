# Secrets never reach any output: fake keys, passwords and deploy keys seeded in every kind
# of file the rules read (env files of every scope, templates, lines that do not parse,
# convex.json, a convex.json that is not JSON, source literals and comments), on lines that
# trigger the env, project and code rules. Every output is checked: each format on stdout and
# stderr, files written by --output, the GitHub job summary, a baseline and a run against
# it, and GitHub Actions mode. Every seeded value carries the marker
# SEEDENV after the part a redacted value may show (sk_test_ or its first characters), so no
# output may contain it.
# valgrind: yes
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
root="$OUT/secrets-env"
rm -rf "$root"
mkdir -p "$root/next/app/callback" "$root/next/components" "$root/next/convex" "$root/vite/src" "$root/broken"

# --- a Next.js app: env files, sources, convex.json, a git index ---
n="$root/next"
cat > "$n/package.json" <<'JSON'
{"name": "next-app", "private": true, "engines": {"node": "20.x"},
 "scripts": {"dev": "next dev"},
 "dependencies": {"next": "^16.1.0", "@workos-inc/authkit-nextjs": "4.2.1",
  "@workos-inc/authkit-react": "^0.16.2", "@convex-dev/workos": "^0.0.3", "convex": "^1.44.0"}}
JSON
cat > "$n/.env.local" <<'ENV'
WORKOS_CLIENT_ID=sk_test_xSEEDENVswappedId0123456789
WORKOS_API_KEY=sk_test_xSEEDENVapiKey0123456789abc
WORKOS_API_KEY=sk_test_xSEEDENVapiKeyTwo0123456789
WORKOS_COOKIE_PASSWORD='"CkpwSEEDENVquotedCookie0123456789xy"'
CONVEX_DEPLOY_KEY=prod:xSEEDENV-otter-512|eyJ2MiI6IlNFRURFTlYifQ0123456789
NEXT_PUBLIC_WORKOS_API_KEY=sk_live_xSEEDENVpublic0123456789ab
NEXT_PUBLIC_WORKOS_COOKIE_PASSWORD=PubcSEEDENVpublicCookie0123456789
WORKOS API_KEY=sk_live_xSEEDENVbadKey0123456789abcd
WORKOS COOKIE_PASSWORD=BadcSEEDENVbadLineCookie0123456789
WORKOS_REDIRECT_URI="http://localhost:3001/callback
ENV
cat > "$n/.env" <<'ENV'
NEXT_PUBLIC_CONVEX_URL=https://seed-otter-512.convex.cloud
CONVEX_DEPLOY_KEY=dev:xSEEDENV-otter-512|eyJ2MiI6IkRFVlNFRURFTlYifQ01234
WORKOS_COOKIE_PASSWORD=ShrtSEEDENV
ENV
cat > "$n/.env.production" <<'ENV'
WORKOS_CLIENT_ID=client_01JD8X3Q4K2M6N7P8R9S0T1V2W
WORKOS_API_KEY=pk_live_xSEEDENVwrongShape0123456789
NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback
ENV
cat > "$n/.env.local.example" <<'ENV'
WORKOS_API_KEY=sk_live_xSEEDENVtemplateKey0123456789abcd
WORKOS_COOKIE_PASSWORD=changeme
ENV
cat > "$n/app/callback/route.ts" <<'TS'
import { handleAuth } from '@workos-inc/authkit-nextjs';
export const GET = handleAuth();
TS
cat > "$n/components/Debug.tsx" <<'TS'
'use client';
const { NEXT_PUBLIC_CONVEX_URL } = process.env;
const key = process.env.NEXT_PUBLIC_WORKOS_API_KEY || 'sk_live_xSEEDENVsourceLiteral0123456789';
export function Debug() { return <pre>{NEXT_PUBLIC_CONVEX_URL}{key}</pre>; }
TS
# secrets written into code, on lines where code rules report (code frames show the line)
cat > "$n/middleware.ts" <<'TS'
import { authkitMiddleware } from '@workos-inc/authkit-nextjs';
export default authkitMiddleware({ cookiePassword: 'MwCkSEEDENVmiddlewareCookie012345678', apiKey: 'sk_live_xSEEDENVmwKey0123456789abcd', clientId: 'client_01JD8X3Q4K2M6N7P8R9S0T1V2W' });
TS
cat > "$n/convex/leaky.ts" <<'TS'
const cookiePassword = "CkSrSEEDENVsourceCookie0123456789xyz"; export const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";
export const id2 = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W"; // CONVEX_DEPLOY_KEY=prod:xSEEDENV-otter-512|eyJ2MiI6IkNPTU1FTlQifQ0123
const pw = process.env.WORKOS_COOKIE_PASSWORD ?? "FbCkSEEDENVfallbackCookie0123456789"; export const id3 = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";
const deployKey = "prod:xSEEDENV-otter-512|eyJ2MiI6IlNPVVJDRSJ9Cg0123" + ;
TS
cat > "$n/convex/auth.config.ts" <<'TS'
import { AuthConfig } from 'convex/server';
export default { providers: [] } satisfies AuthConfig;
TS
cat > "$n/convex.json" <<'JSON'
{
  "authKit": {
    "dev": {
      "environmentType": "development",
      "configure": { "redirectUris": ["http://localhost:5173/callback"], "corsOrigin": [] },
      "localEnvVars": {
        "NEXT_PUBLIC_WORKOS_API_KEY": "sk_test_xSEEDENVjsonKey0123456789abc",
        "VITE_WORKOS_COOKIE_PASSWORD": "JsncSEEDENVjsonCookie0123456789xyz",
        "NEXT_PUBLIC_WORKOS_COOKIE_PASSWORD": "JsnpSEEDENVjsonPublicCookie0123456"
      }
    }
  }
}
JSON
have_git=0
if command -v git >/dev/null 2>&1 && (cd "$n" && git init -q . && git add -f .env.local .env.local.example) >/dev/null 2>&1; then
	have_git=1
fi

# --- a Vite app: a public key in env and source, CORS from env ---
v="$root/vite"
cat > "$v/package.json" <<'JSON'
{"name": "vite-app", "private": true, "type": "module", "scripts": {"dev": "vite"},
 "dependencies": {"@workos-inc/authkit-react": "^0.16.2", "convex": "^1.44.0"},
 "devDependencies": {"vite": "^7.1.0"}}
JSON
cat > "$v/.env.local" <<'ENV'
VITE_WORKOS_API_KEY=sk_test_xSEEDENVviteKey0123456789abcd
VITE_WORKOS_REDIRECT_URI=http://localhost:3000/callback
VITE_CONVEX_URL=your-convex-url
ENV
cat > "$v/.gitignore" <<'TXT'
node_modules
TXT
cat > "$v/src/main.tsx" <<'TS'
import { AuthKitProvider } from '@workos-inc/authkit-react';
export const p = AuthKitProvider;
export const k = import.meta.env.VITE_WORKOS_API_KEY;
export const c = import.meta.env.VITE_WORKOS_CLIENT_ID;
TS

# --- an app whose convex.json is not JSON, on the line of a secret ---
b="$root/broken"
printf '{"name": "broken", "private": true}\n' > "$b/package.json"
printf '{ "authKit": { "dev": { "localEnvVars": { "WORKOS_COOKIE_PASSWORD": "BrknSEEDENVbrokenJson0123456789\\q", "WORKOS_API_KEY": "sk_test_xSEEDENVbrokenKey0123456789" } } } }\n' > "$b/convex.json"

# the rules whose findings this project must trigger (so the check covers their messages)
rules='public-secret secret-in-source missing-env-var placeholder-env-value malformed-workos-credential deploy-key-in-env quoted-env-value dynamic-public-env-access duplicate-env-key redirect-uri-mismatch env-syntax invalid-convex-authkit-config authkit-config-framework-mismatch missing-cors-origin incompatible-dependency mixed-authkit-packages short-cookie-password'
[ $have_git -eq 1 ] && rules="$rules env-file-not-ignored"

rules="$rules hardcoded-client-id parse-error"

for fmt in human gcc json sarif github; do
	"$CWLINT" --format "$fmt" --color never "$root" > "se.$fmt" 2> "se.$fmt.err"
	st=$?
	[ -s "se.$fmt" ] && t_ok "env secrets project produces $fmt output" ||
		t_fail "env secrets project produces $fmt output" "empty (status $st): $(head -c 300 "se.$fmt.err")"
	expect_no_grep "$fmt output shows no seeded secret" 'SEEDENV' "se.$fmt"
	expect_no_grep "$fmt stderr shows no seeded secret" 'SEEDENV' "se.$fmt.err"
done
for r in $rules; do
	expect_grep "the secrets project triggers $r" "\[$r\]" se.gcc
done
expect_grep "a finding on the line of a source cookie password" '^secrets-env/next/convex/leaky\.ts:1:[0-9]+: error: .*\[hardcoded-client-id\]$' se.gcc
expect_grep "a finding on the line of a deploy key in a comment" '^secrets-env/next/convex/leaky\.ts:2:[0-9]+: error: .*\[hardcoded-client-id\]$' se.gcc
expect_grep "a finding on the line of a fallback cookie password" '^secrets-env/next/convex/leaky\.ts:3:[0-9]+: error: .*\[hardcoded-client-id\]$' se.gcc
expect_grep "a finding on the line of a deploy key literal" '^secrets-env/next/convex/leaky\.ts:4:[0-9]+: warning: .*\[parse-error\]$' se.gcc
expect_grep "a finding on the line of middleware secrets" '^secrets-env/next/middleware\.ts:2:[0-9]+: ' se.gcc

# every other way out: files written by --output (every format), the job summary, a
# baseline, a run against it, GitHub Actions mode
w="$OUT/se-written"
rm -rf "$w"
mkdir -p "$w"
GITHUB_STEP_SUMMARY="$w/summary.md" "$CWLINT" --format github --color never \
	--output human="$w/out.human" --output gcc="$w/out.gcc" --output json="$w/out.json" \
	--output sarif="$w/out.sarif" --output github="$w/out.github" "$root" > "$w/outputs.stdout" 2> "$w/outputs.stderr"
expect_status "--output to every format: findings (exit 1)" 1 $?
for f in human gcc json sarif github; do
	[ -s "$w/out.$f" ] && t_ok "--output $f=FILE is written" || t_fail "--output $f=FILE is written" "missing or empty"
done
expect_grep "the job summary has a row per finding" '^\| error \| ' "$w/summary.md"
# the baseline sits in a copy of the project: its paths are relative to its folder
mkdir "$w/project"
cp -R "$root/." "$w/project/"
(cd "$w/project" && "$CWLINT" --write-baseline baseline.json .) > "$w/wb.stdout" 2> "$w/wb.stderr"
expect_status "--write-baseline: exit 0" 0 $?
cp "$w/project/baseline.json" "$w/baseline.json"
json_check "the baseline records the findings" "$w/baseline.json" 'd.findings.length > 20'
# one finding more and one fixed: the run against the baseline shows the new one (its line
# holds a password) and notes the stale entry
printf 'export const late = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W"; const password = "LateSEEDENVlateCookie0123456789ab";\n' >> "$w/project/next/convex/leaky.ts"
sed -i '/^WORKOS_COOKIE_PASSWORD=ShrtSEEDENV$/d' "$w/project/next/.env"
(cd "$w/project" && "$CWLINT" --baseline baseline.json --format human --color never .) > "$w/baseline.stdout" 2> "$w/baseline.stderr"
expect_status "against the baseline: the new finding fails (exit 1)" 1 $?
expect_grep "against the baseline: the new finding is shown" '^next/convex/leaky\.ts:5:[0-9]+: error: .*\[hardcoded-client-id\]$' "$w/baseline.stdout"
n_new=$(grep -c ': \(error\|warning\|info\): ' "$w/baseline.stdout")
[ "$n_new" = 1 ] && t_ok "against the baseline: only the new finding" ||
	t_fail "against the baseline: only the new finding" "$n_new findings"
expect_grep "against the baseline: the fixed finding is a stale entry" '^cwlint: 1 baseline entry no longer matches any finding' "$w/baseline.stderr"
GITHUB_ACTIONS=true "$CWLINT" "$root" > "$w/actions.stdout" 2> "$w/actions.stderr"
expect_grep "GitHub Actions mode: workflow commands" '^::error file=' "$w/actions.stdout"
for f in "$w"/*.*; do
	expect_no_grep "$(basename "$f") shows no seeded secret" 'SEEDENV' "$f"
done
expect_grep "a redacted key keeps its prefix and length" 'sk_(test|live)_…\([0-9]+ chars\)' se.human
json_check "json output lists findings" se.json 'Array.isArray(d.diagnostics) && d.diagnostics.length > 20'
