# cwlint build. `make` builds build/cwlint; `make example` builds and lints the bundled
# example app; `make check` runs the whole test suite (normal and ASan/UBSan builds).

CC ?= cc
ifeq ($(origin CC),default)
CC = gcc
endif
OPT ?= -O2
WARN = -Wall -Wextra -Werror -Wno-missing-field-initializers
CPPFLAGS_ALL = -D_GNU_SOURCE -Isrc -Irules
CFLAGS_ALL = -std=c11 -g $(OPT) $(WARN) $(CFLAGS)
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LIBS = -l:libtree-sitter.a -lpcre2-8 -ljansson -lpthread

VERSION := $(shell sed -n 's/^\#define CWLINT_VERSION "\(.*\)"/\1/p' src/version.h)
G = grammar/node_modules/tree-sitter-typescript
B = build

SRC_C := $(filter-out src/main.c,$(wildcard src/*.c))
RULE_C := $(wildcard rules/*.c)
LIB_OBJ := $(patsubst %.c,$(B)/obj/%.o,$(SRC_C) $(RULE_C))
ASAN_LIB_OBJ := $(patsubst %.c,$(B)/asan/%.o,$(SRC_C) $(RULE_C))
GRAMMAR_OBJ := $(B)/grammar/typescript_parser.o $(B)/grammar/typescript_scanner.o \
	$(B)/grammar/tsx_parser.o $(B)/grammar/tsx_scanner.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRC))
ASAN_UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/asan-tests/%,$(UNIT_SRC))

.PHONY: all deps example check test asan unit clean fixtures-update bench readme install
all: $(B)/cwlint

# Installs missing Debian packages and the pinned grammar (see scripts/ensure-deps.sh).
$(B)/.deps-ok: scripts/ensure-deps.sh grammar/package.json grammar/package-lock.json
	@sh scripts/ensure-deps.sh
	@mkdir -p $(B) && touch $@
deps: $(B)/.deps-ok

$(G)/typescript/src/parser.c $(G)/tsx/src/parser.c: $(B)/.deps-ok

# The grammars are third-party generated code: built, never committed, and not held to -Werror.
$(B)/grammar/%_parser.o: $(B)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -fPIC -w -I$(G)/$*/src -c $(G)/$*/src/parser.c -o $@
$(B)/grammar/%_scanner.o: $(B)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -fPIC -w -I$(G)/$*/src -c $(G)/$*/src/scanner.c -o $@

$(B)/obj/%.o: %.c $(B)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -MMD -MP -c $< -o $@
$(B)/asan/%.o: %.c $(B)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -std=c11 -g -O1 $(WARN) $(SAN_FLAGS) -MMD -MP -c $< -o $@

$(B)/libcwlint.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(B)/libcwlint-asan.a: $(ASAN_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/cwlint: $(B)/obj/src/main.o $(B)/libcwlint.a $(GRAMMAR_OBJ)
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS)
$(B)/asan/cwlint: $(B)/asan/src/main.o $(B)/libcwlint-asan.a $(GRAMMAR_OBJ)
	$(CC) -g $(SAN_FLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/unit.h $(B)/libcwlint.a $(GRAMMAR_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit $(CFLAGS_ALL) -o $@ $< $(B)/libcwlint.a $(GRAMMAR_OBJ) $(LIBS)
$(B)/asan-tests/%: tests/unit/%.c tests/unit/unit.h $(B)/libcwlint-asan.a $(GRAMMAR_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit -std=c11 -g -O1 $(WARN) $(SAN_FLAGS) -o $@ $< \
		$(B)/libcwlint-asan.a $(GRAMMAR_OBJ) $(LIBS)

asan: $(B)/asan/cwlint
unit: $(UNIT_BIN) $(ASAN_UNIT_BIN)

# First README command: build, then lint the bundled example app (it has seeded mistakes,
# so cwlint exits 1 there; that is the point).
example: $(B)/cwlint
	@echo "\$$ cwlint examples/nextjs-convex-workos"
	@./$(B)/cwlint examples/nextjs-convex-workos; \
		echo "(cwlint exited with status $$?: 1 means it found errors)"

# Second README command: the whole suite, normal and sanitizer builds, one summary line.
check test: $(B)/cwlint $(B)/asan/cwlint $(UNIT_BIN) $(ASAN_UNIT_BIN)
	@sh scripts/ensure-test-deps.sh
	@sh tests/run.sh

# Rewrites every fixture's expected output from the current binary (review the diff!).
fixtures-update: $(B)/cwlint
	@sh tests/run.sh --update

# Installs the binary (pre-commit's `language: system` hook runs cwlint from PATH).
PREFIX ?= /usr/local
install: $(B)/cwlint
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(B)/cwlint $(DESTDIR)$(PREFIX)/bin/cwlint

clean:
	rm -rf $(B) tests/out

-include $(wildcard $(B)/obj/src/*.d $(B)/obj/rules/*.d $(B)/asan/src/*.d $(B)/asan/rules/*.d)

# Regenerates the README's rule table from the rule structs.
readme: $(B)/cwlint
	@./$(B)/cwlint --list-rules --format markdown > $(B)/rules.md
	@awk -v table=$(B)/rules.md '/<!-- rules:start -->/ { print; while ((getline l < table) > 0) print l; skip = 1; next } /<!-- rules:end -->/ { skip = 0 } !skip' README.md > $(B)/README.md
	@mv $(B)/README.md README.md
