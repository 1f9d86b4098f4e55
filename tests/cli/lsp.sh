# cwlint --lsp: scripted JSON-RPC sessions (tests/lsp/rpc.js) and Neovim's own LSP client
# (tests/lsp/nvim_test.lua), each on fresh copies of the fixture app tests/lsp/app.
. "$TOP/tests/cli/lib.sh"
w="$OUT/lsp"
rm -rf "$w" && mkdir -p "$w/mono" || exit 1
cp -R "$TOP/tests/lsp/app" "$w/app"
cp -R "$TOP/tests/lsp/app" "$w/mono/web"
cp -R "$TOP/tests/lsp/app" "$w/mono/admin"

if command -v node >/dev/null 2>&1; then
	node "$TOP/tests/lsp/rpc.js" "$CWLINT" "$w"
else
	t_fail "lsp: JSON-RPC tests" "node is missing (sh scripts/ensure-test-deps.sh installs it)"
fi

# usage errors come before any editor talks to the server
"$CWLINT" --lsp . < /dev/null > "$w/u.out" 2> "$w/u.err"
expect_status "lsp: a PATH with --lsp is a usage error" 2 $?
"$CWLINT" --lsp --rule no-such-rule=off < /dev/null > "$w/u.out" 2> "$w/u.err"
expect_status "lsp: an unknown --rule is a usage error" 2 $?
"$CWLINT" --lsp < /dev/null > "$w/e.out" 2> "$w/e.err"
expect_status "lsp: end of input without shutdown exits 1" 1 $?
if [ -s "$w/e.out" ] || [ -s "$w/e.err" ]; then
	t_fail "lsp: an empty session prints nothing" "$(head -c 300 "$w/e.out" "$w/e.err")"
else
	t_ok "lsp: an empty session prints nothing"
fi

# Neovim's client: the test needs Debian's neovim (0.7) and fails without it
if command -v nvim >/dev/null 2>&1; then
	rm -rf "$w/nvim" && cp -R "$TOP/tests/lsp/app" "$w/nvim"
	: > "$w/nvim.err"
	rm -f "$w/nvim.results"
	# a private home for Neovim's state and logs
	HOME="$w/home" XDG_CONFIG_HOME="$w/home/config" XDG_DATA_HOME="$w/home/data" \
	XDG_CACHE_HOME="$w/home/cache" XDG_STATE_HOME="$w/home/state" \
	CWLINT_BIN="$CWLINT" LSP_APP="$w/nvim" LSP_ERR="$w/nvim.err" LSP_RESULTS="$w/nvim.results" \
		timeout 180 nvim --headless --clean -u NONE -i NONE -n \
		-c "luafile $TOP/tests/lsp/nvim_test.lua" < /dev/null > "$w/nvim.out" 2>&1
	st=$?
	if [ -s "$w/nvim.results" ]; then
		cat "$w/nvim.results"
	else
		t_fail "lsp: neovim test" "no results (status $st): $(head -c 600 "$w/nvim.out")"
	fi
	if [ $st -ne 0 ] && ! grep -q '^not ok' "$w/nvim.results" 2>/dev/null; then
		t_fail "lsp: neovim exit status" "status $st: $(head -c 600 "$w/nvim.out")"
	fi
else
	t_fail "lsp: neovim test" "nvim is missing (sh scripts/ensure-test-deps.sh installs Debian's neovim)"
fi

# The README's editor snippets, run as written: Neovim 0.7's init.lua, Vim's errorformat
if command -v nvim >/dev/null 2>&1; then
	rm -rf "$w/readme" "$w/bin" && cp -R "$TOP/tests/lsp/app" "$w/readme" && mkdir -p "$w/bin"
	ln -s "$CWLINT" "$w/bin/cwlint"
	awk '/<!-- nvim07:start -->/ { on = 1; next } /<!-- nvim07:end -->/ { on = 0 } on' "$TOP/README.md" |
		grep -v '^```' > "$w/readme_init.lua"
	awk '/<!-- vim:start -->/ { on = 1; next } /<!-- vim:end -->/ { on = 0 } on' "$TOP/README.md" |
		grep -v '^```' > "$w/readme.vim"
	for mode in nvim07 vim; do
		rm -f "$w/readme.results"
		if [ $mode = vim ]; then
			(cd "$w/readme" && "$CWLINT" --format gcc . > "$w/readme.gcc" 2>/dev/null)
			init=NONE
		else
			init="$w/readme_init.lua"
		fi
		(cd "$w/readme" && PATH="$w/bin:$PATH" HOME="$w/home" XDG_CONFIG_HOME="$w/home/config" \
			XDG_DATA_HOME="$w/home/data" XDG_CACHE_HOME="$w/home/cache" XDG_STATE_HOME="$w/home/state" \
			README_CHECK=$mode LSP_APP="$w/readme" LSP_RESULTS="$w/readme.results" \
			VIM_SNIPPET="$w/readme.vim" GCC_OUT="$w/readme.gcc" \
			timeout 120 nvim --headless -u "$init" -i NONE -n \
			-c "luafile $TOP/tests/lsp/readme_check.lua" < /dev/null > "$w/readme.out" 2>&1)
		st=$?
		if [ -s "$w/readme.results" ]; then
			cat "$w/readme.results"
		else
			t_fail "lsp: README $mode snippet" "no results (status $st): $(head -c 600 "$w/readme.out")"
		fi
	done
fi
