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
TSAN_OBJ := $(patsubst %.c,$(B)/tsan/%.o,src/main.c $(SRC_C) $(RULE_C))
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

# ThreadSanitizer build: the --jobs tests run it (threads must never race on shared state)
$(B)/tsan/%.o: %.c $(B)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -std=c11 -g -O1 $(WARN) -fsanitize=thread -MMD -MP -c $< -o $@
$(B)/tsan/cwlint: $(TSAN_OBJ) $(GRAMMAR_OBJ)
	$(CC) -g -fsanitize=thread -o $@ $^ $(LIBS)

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
check test: $(B)/cwlint $(B)/asan/cwlint $(B)/tsan/cwlint $(UNIT_BIN) $(ASAN_UNIT_BIN)
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

# Times cwlint against its peers on a generated corpus and writes bench/RESULTS.md
# (bench/README.md). Not a test: nothing in `make check` runs it.
bench:
	@sh bench/run.sh

-include $(wildcard $(B)/obj/src/*.d $(B)/obj/rules/*.d $(B)/asan/src/*.d $(B)/asan/rules/*.d \
	$(B)/tsan/src/*.d $(B)/tsan/rules/*.d)

# Regenerates the README's rule table from the rule structs.
readme: $(B)/cwlint
	@./$(B)/cwlint --list-rules --format markdown > $(B)/rules.md
	@awk -v table=$(B)/rules.md '/<!-- rules:start -->/ { print; while ((getline l < table) > 0) print l; skip = 1; next } /<!-- rules:end -->/ { skip = 0 } !skip' README.md > $(B)/README.md
	@mv $(B)/README.md README.md

# --- fuzzing (tests/fuzz/README.md) ---
# `make fuzz` builds every libFuzzer harness tests/fuzz/fuzz_<name>.c with clang into build/fuzz/
# and runs each for FUZZ_SECONDS on its committed seeds (tests/fuzz/corpus/<name>/), growing a
# working corpus in build/fuzz/corpus/<name>/; `make -j2 fuzz` runs two at a time. Crashes land
# in build/fuzz/artifacts/. The project's sources are rebuilt with clang, coverage and
# ASan/UBSan; the grammars and the Debian tree-sitter runtime stay plain (not under test).
.PHONY: fuzz fuzz-build
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
# no -Werror: the gcc build holds the warning line; clang's extra warnings must not stop fuzzing
FUZZ_CFLAGS = -std=c11 -g -O1 $(filter-out -Werror,$(WARN)) $(FUZZ_SAN)
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(patsubst %,$(B)/fuzz/fuzz_%,$(FUZZ_NAMES))
FUZZ_LIB_OBJ := $(patsubst %.c,$(B)/fuzz/obj/%.o,$(SRC_C) $(RULE_C))
# -max_len per harness: room for the largest seed, far below what the nesting guard allows
FUZZ_MAXLEN_dotenv = 4096
FUZZ_MAXLEN_eval = 8192
FUZZ_MAXLEN_pathre = 4500
FUZZ_MAXLEN_suppress = 4096
FUZZ_MAXLEN_config = 4096
FUZZ_MAXLEN_react = 16384
FUZZ_MAXLEN_pipeline = 16384
FUZZ_MAXLEN_lsp = 16384
FUZZ_MAXLEN_slice = 16384
# harnesses whose code under test prints (config errors, skip notes) run with it closed
FUZZ_OPTS_config = -close_fd_mask=2
FUZZ_OPTS_pipeline = -close_fd_mask=3
# more seed folders, read only: after the working corpus, which libFuzzer writes new inputs
# to when it comes first (the component model's sources seed the slicer; their flag byte
# means the same)
FUZZ_SEEDS_slice = tests/fuzz/corpus/react

# clang and the libFuzzer runtime, installed when missing (scripts/ensure-fuzz-deps.sh)
$(B)/.fuzz-deps-ok: scripts/ensure-fuzz-deps.sh $(B)/.deps-ok
	@sh scripts/ensure-fuzz-deps.sh
	@touch $@

$(B)/fuzz/obj/%.o: %.c $(B)/.deps-ok $(B)/.fuzz-deps-ok
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@
$(B)/fuzz/libcwlint-fuzz.a: $(FUZZ_LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(B)/fuzz/libcwlint-fuzz.a $(GRAMMAR_OBJ)
	$(FUZZ_CC) $(CPPFLAGS_ALL) -Itests/fuzz $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(B)/fuzz/libcwlint-fuzz.a $(GRAMMAR_OBJ) $(LIBS)

# built on the way by fuzz-run-%: keep them (make would delete them as intermediates)
.SECONDARY: $(FUZZ_BIN)
fuzz-build: $(FUZZ_BIN)
fuzz: $(patsubst %,fuzz-run-%,$(FUZZ_NAMES))
# -timeout: above the parse budget (5 s a parse, and a harness may parse twice); a runaway
# tree-sitter recovery is cut off there and is not a finding of the harness.
fuzz-run-%: $(B)/fuzz/fuzz_%
	@mkdir -p $(B)/fuzz/corpus/$* $(B)/fuzz/artifacts
	@echo "fuzz $*: $(FUZZ_SECONDS)s, log in $(B)/fuzz/$*.log"
	@./$< -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAXLEN_$*) -timeout=30 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(B)/fuzz/artifacts/$*- \
		$(if $(wildcard tests/fuzz/$*.dict),-dict=tests/fuzz/$*.dict) $(FUZZ_OPTS_$*) \
		$(B)/fuzz/corpus/$* tests/fuzz/corpus/$* $(FUZZ_SEEDS_$*) > $(B)/fuzz/$*.log 2>&1 || \
		{ tail -n 60 $(B)/fuzz/$*.log; echo "fuzz $*: FAILED (input in $(B)/fuzz/artifacts/)"; exit 1; }
	@grep -E '^#[0-9]+.*(DONE|cov:)' $(B)/fuzz/$*.log | tail -n 1 | sed 's/^/fuzz $*: /'

-include $(wildcard $(B)/fuzz/obj/src/*.d $(B)/fuzz/obj/rules/*.d)
