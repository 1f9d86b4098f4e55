# The pre-commit round trip, for real: a throwaway repository uses cwlint's
# .pre-commit-hooks.yaml through `repo:` + `rev:`; a commit with a broken app is refused
# with cwlint's findings, and accepted once the mistakes are fixed.
. "$TOP/tests/cli/lib.sh"
if ! command -v pre-commit >/dev/null 2>&1; then
	t_fail "pre-commit round trip" "pre-commit is not installed (apt-get install pre-commit)"
	exit 0
fi
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
export PRE_COMMIT_HOME="$OUT/pre-commit-home" GIT_CONFIG_NOSYSTEM=1 HOME="$OUT/home"
mkdir -p "$HOME" "$OUT/bin"
ln -sf "$CWLINT" "$OUT/bin/cwlint"
PATH="$OUT/bin:$PATH"

# the hook repository: this checkout's manifest, committed in a repository of its own
hooks="$OUT/hook-repo"
rm -rf "$hooks"
mkdir -p "$hooks"
cp "$TOP/.pre-commit-hooks.yaml" "$hooks/"
(cd "$hooks" && git init -q && git add . && git commit -qm hooks) || { t_fail "hook repository" "git failed"; exit 0; }
rev=$(cd "$hooks" && git rev-parse HEAD)

app="$OUT/precommit-app"
rm -rf "$app"
mkdir -p "$app/convex"
cd "$app" || exit 1
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: cwlint
YAML
cat > package.json <<'JSON'
{"name": "app", "private": true, "dependencies": {"next": "^16.0.0", "@workos-inc/authkit-nextjs": "^2.17.0", "convex": "^1.44.0"}}
JSON
printf '.env.local\n' > .gitignore
printf 'WORKOS_COOKIE_PASSWORD=only-twenty-chars-xx\n' > .env.local
cat > convex/auth.config.ts <<'TS'
const clientId = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";
export default {
  providers: [
    { type: "customJwt", issuer: "https://api.workos.com/", algorithm: "RS256", applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },
    { type: "customJwt", issuer: `https://api.workos.com/user_management/${clientId}`, algorithm: "RS256", jwks: `https://api.workos.com/sso/jwks/${clientId}` },
  ],
};
TS
pre-commit install > "$OUT/pc-install.log" 2>&1 || { t_fail "pre-commit install" "$(cat "$OUT/pc-install.log")"; exit 0; }
t_ok "pre-commit install uses the manifest"
# an ignored env file staged by name is linted all the same
git add .pre-commit-config.yaml package.json .gitignore convex/auth.config.ts
git add -f .env.local
git commit -m "broken" > "$OUT/pc-commit1.log" 2>&1
st=$?
[ $st -ne 0 ] && t_ok "a commit with mistakes is refused" || t_fail "a commit with mistakes is refused" "status 0: $(cat "$OUT/pc-commit1.log")"
expect_grep "the refusal shows cwlint's finding in the auth config" 'convex/auth\.config\.ts:1:19: error: .*\[hardcoded-client-id\]' "$OUT/pc-commit1.log"
expect_grep "the ignored env file, staged by name, is linted" '\.env\.local:1:24: error: .*\[short-cookie-password\]' "$OUT/pc-commit1.log"
expect_no_grep "the refusal never shows the password" 'only-twenty-chars-xx' "$OUT/pc-commit1.log"

expect_grep "committing an env file with a secret is refused too" '\.env\.local:.*\[env-file-not-ignored\]' "$OUT/pc-commit1.log"

# fix both mistakes: a real password that stays out of git, the id from the environment
git reset -q -- .env.local
printf 'WORKOS_COOKIE_PASSWORD=Zk3h0qP2vX9sL7mN4bR8tY6wA1cE5gJ0uI2oQ7xW3k=\n' > .env.local
sed -i 's/^const clientId = .*/const clientId = process.env.WORKOS_CLIENT_ID;/' convex/auth.config.ts
git add convex/auth.config.ts
git commit -m "fixed" > "$OUT/pc-commit2.log" 2>&1
st=$?
[ $st -eq 0 ] && t_ok "the fixed commit is accepted" || t_fail "the fixed commit is accepted" "status $st: $(cat "$OUT/pc-commit2.log")"
expect_grep "the hook ran on the fixed commit" 'cwlint.*Passed' "$OUT/pc-commit2.log"
