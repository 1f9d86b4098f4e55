#!/bin/sh
# Installs what tests/cli/sarif.sh validates SARIF with, from the npm registry only:
#  - Ajv and ajv-formats, pinned by package-lock.json, with `npm ci --ignore-scripts` into
#    the git-ignored node_modules/ (skipped when the lock has not changed since);
#  - the OASIS SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json) as the package named in
#    package.json "sarifSchema" ships it: `npm pack` fetches that one tarball (none of its
#    dependencies), its sha512 must equal the pinned integrity and the extracted schema
#    the pinned sha256.
# Prints the schema's path. Safe to run concurrently: a lock serialises installs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
nm="$here/node_modules"
schema="$nm/.cwlint-schema/sarif-schema-2.1.0.json"
stamp="$nm/.cwlint-stamp"
want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)

ready() {
	[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$schema" ] &&
		[ -d "$nm/ajv" ] && [ -d "$nm/ajv-formats" ]
}

install() {
	echo "sarif-setup: npm ci --ignore-scripts (ajv, ajv-formats)" >&2
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
	pin() { node -e 'const s = require("./package.json").sarifSchema; process.stdout.write(String(s[process.argv[1]]))' "$1"; }
	pkg=$(pin package)
	ver=$(pin version)
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/cwlint-sarif.XXXXXX")
	echo "sarif-setup: npm pack $pkg@$ver (the SARIF 2.1.0 schema it ships)" >&2
	if ! (cd "$tmp" && npm pack "$pkg@$ver" --silent >/dev/null 2>&1); then
		rm -rf "$tmp"
		echo "sarif-setup: npm pack $pkg@$ver failed" >&2
		return 1
	fi
	tgz=$(ls "$tmp"/*.tgz)
	got=$(node -e 'const c = require("crypto"), fs = require("fs");
		process.stdout.write("sha512-" + c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tgz")
	if [ "$got" != "$(pin integrity)" ]; then
		rm -rf "$tmp"
		echo "sarif-setup: $pkg@$ver tarball is $got, not the pinned $(pin integrity)" >&2
		return 1
	fi
	file=$(pin file)
	tar -xzf "$tgz" -C "$tmp" "$file"
	if [ "$(sha256sum "$tmp/$file" | cut -d' ' -f1)" != "$(pin sha256)" ]; then
		rm -rf "$tmp"
		echo "sarif-setup: $file in $pkg@$ver does not have the pinned sha256" >&2
		return 1
	fi
	mkdir -p "$(dirname "$schema")"
	mv "$tmp/$file" "$schema"
	rm -rf "$tmp"
	echo "$want" > "$stamp"
}

lock="${TMPDIR:-/tmp}/cwlint-sarif-$(echo "$here" | cksum | cut -d' ' -f1).lock"
(
	flock 9
	ready || install
) 9> "$lock"
ready || { echo "sarif-setup: validator not installed" >&2; exit 1; }
echo "$schema"
