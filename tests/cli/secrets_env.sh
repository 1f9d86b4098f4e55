# Secrets never reach any output: fake keys, passwords and deploy keys seeded in every kind
# of file the env and project rules read (env files of every scope, templates, lines that do
# not parse, source literals, convex.json, a convex.json that is not JSON), on lines that
# trigger each of those rules. Every seeded value carries the marker SEEDENV after the part
# a redacted value may show (sk_test_ or its first characters), so no output may contain it.
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

for fmt in human gcc json sarif github; do
	"$CWLINT" --format "$fmt" --color never "$root" > "se.$fmt" 2> "se.$fmt.err"
	st=$?
	if [ $st -eq 2 ] && [ "$fmt" != human ] && [ "$fmt" != gcc ] && [ "$fmt" != json ]; then
		continue	# a format this build does not have yet
	fi
	[ -s "se.$fmt" ] && t_ok "env secrets project produces $fmt output" ||
		t_fail "env secrets project produces $fmt output" "empty (status $st): $(head -c 300 "se.$fmt.err")"
	expect_no_grep "$fmt output shows no seeded secret" 'SEEDENV' "se.$fmt"
	expect_no_grep "$fmt stderr shows no seeded secret" 'SEEDENV' "se.$fmt.err"
done
for r in $rules; do
	expect_grep "the secrets project triggers $r" "\[$r\]" se.gcc
done
expect_grep "a redacted key keeps its prefix and length" 'sk_(test|live)_…\([0-9]+ chars\)' se.human
json_check "json output lists findings" se.json 'Array.isArray(d.diagnostics) && d.diagnostics.length > 20'
