# No output format ever shows a secret: seeded fake keys and passwords stay redacted.
# valgrind: yes
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
p="$OUT/secret-app"
rm -rf "$p"
mkdir -p "$p/convex" "$p/src"
cat > "$p/package.json" <<'JSON'
{"dependencies": {"next": "^16.0.0", "@workos-inc/authkit-nextjs": "^2.17.0", "convex": "^1.44.0"}}
JSON
key_test=sk_test_SEEDEDtestKEY0123456789abcdefXYZ
key_live=sk_live_SEEDEDliveKEY0123456789abcdefXYZ
pw_short=SeededShortPw42
pw_place=your_32_char_minimum_password_here
cat > "$p/.env.local" <<ENV
WORKOS_CLIENT_ID=client_01JD8X3Q4K2M6N7P8R9S0T1V2W
WORKOS_API_KEY=$key_live
WORKOS_COOKIE_PASSWORD=$pw_short
NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback
ENV
cat > "$p/.env.production" <<ENV
WORKOS_CLIENT_ID=client_01JD8X3Q4K2M6N7P8R9S0T1V2W
WORKOS_API_KEY=$key_test
WORKOS_COOKIE_PASSWORD="$pw_place"
ENV
cat > "$p/src/keys.ts" <<TS
export const key = process.env.WORKOS_API_KEY || "$key_test";
TS
for fmt in human gcc json; do
	"$CWLINT" --format "$fmt" --color never "$p" > "s.$fmt" 2>&1
	[ -s "s.$fmt" ] && t_ok "secrets app produces $fmt output" || t_fail "secrets app produces $fmt output" "empty"
	for s in "$key_test" "$key_live" "$pw_short" "SEEDEDtestKEY" "SEEDEDliveKEY"; do
		expect_no_grep "$fmt output never shows ${s%????????????}..." "$s" "s.$fmt"
	done
done
expect_grep "redacted keys keep a prefix and a length" 'sk_live_…\([0-9]+ chars\)' s.human
