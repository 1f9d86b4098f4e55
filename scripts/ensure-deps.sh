#!/bin/sh
# Installs what the build needs and is missing: Debian packages (when root) and the pinned
# grammar sources from the npm registry (package-lock.json, integrity-checked by npm ci).
# It downloads nothing else. Not root and something missing: it prints the command to run.
set -eu
cd "$(dirname "$0")/.."

need_pkgs=""
have_header() { [ -f "/usr/include/$1" ] || [ -f "/usr/include/x86_64-linux-gnu/$1" ] || \
	find /usr/include -maxdepth 3 -path "*/$1" 2>/dev/null | grep -q .; }
have_header tree_sitter/api.h || need_pkgs="$need_pkgs libtree-sitter-dev"
have_header pcre2.h || need_pkgs="$need_pkgs libpcre2-dev"
have_header jansson.h || need_pkgs="$need_pkgs libjansson-dev"
command -v cc >/dev/null 2>&1 || need_pkgs="$need_pkgs gcc libc6-dev"
command -v make >/dev/null 2>&1 || need_pkgs="$need_pkgs make"
command -v npm >/dev/null 2>&1 || need_pkgs="$need_pkgs npm"
command -v git >/dev/null 2>&1 || need_pkgs="$need_pkgs git"

if [ -n "$need_pkgs" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "ensure-deps: installing$need_pkgs" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $need_pkgs >&2
	else
		echo "ensure-deps: missing packages; run as root:" >&2
		echo "  apt-get update && apt-get install -y$need_pkgs" >&2
		exit 1
	fi
fi

# The grammar sources, pinned by grammar/package-lock.json. npm ci checks every integrity
# hash; --ignore-scripts keeps node-gyp from building the Node bindings we do not use.
want=$(sed -n 's/.*"tree-sitter-typescript": *"\([0-9.]*\)".*/\1/p' grammar/package.json | head -n 1)
have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' \
	grammar/node_modules/tree-sitter-typescript/package.json 2>/dev/null | head -n 1 || true)
if [ "$want" != "$have" ] || [ ! -f grammar/node_modules/tree-sitter-typescript/tsx/src/parser.c ]; then
	echo "ensure-deps: installing tree-sitter-typescript@$want (npm ci)" >&2
	(cd grammar && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi
