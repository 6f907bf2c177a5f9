# glasshouse - see README.md. Plain make, pkg-config, no generated build system.
# Local overrides go in Makefile.local (not tracked).

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/glasshouse

CC	?= cc
CXX	?= c++
PKG_CONFIG ?= pkg-config
PKGS	 = libcmark yaml-0.1 libctemplate
WARN	 = -Wall -Wextra -Wshadow -Wwrite-strings -Wmissing-prototypes \
	   -Wstrict-prototypes -Wno-unused-parameter
CFLAGS	?= -O2 -g
CXXFLAGS ?= -O2 -g
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -DGH_DATADIR='"$(DATADIR)"'
GH_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(CPPFLAGS)
GH_CXXFLAGS = -std=c++11 -Wall -Wextra -Wno-unused-parameter $(CXXFLAGS) $(CPPFLAGS)
LDLIBS	= -lcmark -lyaml -lctemplate -lpthread

B	= build
SRCS	= $(sort $(wildcard generator/*.c))
CXX_SRCS = $(sort $(wildcard generator/*.cc))
MAIN_OBJ = $(B)/main.o
OBJS	= $(patsubst generator/%.c,$(B)/%.o,$(SRCS)) \
	  $(patsubst generator/%.cc,$(B)/%.o,$(CXX_SRCS))
LIB_OBJS = $(filter-out $(MAIN_OBJ),$(OBJS))

-include Makefile.local

TEST_SRCS = $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS = $(patsubst tests/unit/%.c,$(B)/tests/%,$(TEST_SRCS))

.PHONY: all site test test-asan fuzz fuzz-bins valgrind bench clean install deps deps-test deps-fuzz
all: $(B)/glasshouse

# Install missing Debian -dev packages when we can (root or sudo),
# otherwise say exactly what to install.
deps:
	@sh tools/deps.sh build
deps-test:
	@sh tools/deps.sh test
deps-fuzz:
	@sh tools/deps.sh fuzz

# Browser-test tools (tests/browser, tests/e2e/browser.sh): Debian's
# chromium and Java (tools/deps.sh browser; best effort for Chromium),
# and the npm packages pinned in package-lock.json, installed by npm ci.
.PHONY: deps-browser screenshots
deps-browser:
	@sh tools/deps.sh browser
NODE_DEPS = node_modules/.package-lock.json
$(NODE_DEPS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# PNGs of every page type of both audiences at 375 and 1280 px (and A4
# PDFs of the print-heavy pages) in build/screenshots/, for review.
screenshots: deps-browser $(B)/glasshouse $(NODE_DEPS)
	@rm -rf $(B)/screenshots-site
	./$(B)/glasshouse build -c content -o $(B)/screenshots-site -q
	node tests/browser/screenshots.mjs $(B)/screenshots-site $(B)/screenshots

site: deps
	$(MAKE) $(B)/glasshouse
	./$(B)/glasshouse build -c content -o site

# make test: every suite, several at once (tests/run.sh; JOBS=N).
# T="e2e/leak unit/test_yml arch": only those suites (also groups: unit,
# e2e; globs: 'e2e/d*'). TESTS=pattern: only the cmocka tests whose name
# matches (* and ? wildcards), e.g. make test T=unit/test_yml TESTS='*alias*'.
# node_modules (npm ci) only when the browser suite may run.
# The binaries are built with one job per CPU unless make was given -j.
TEST_NODE = $(if $(T),$(if $(or $(findstring browser,$(T)),$(findstring *,$(T)),$(filter e2e,$(T))),$(NODE_DEPS)),$(NODE_DEPS))
TEST_MAKE = $(MAKE) $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 2))
test: deps-test $(TEST_NODE)
	$(TEST_MAKE) $(B)/glasshouse $(TEST_BINS) $(REPLAY_BINS)
	@TESTS='$(TESTS)' sh tests/run.sh $(B) $(T)

# Every suite but the browser one (about 30 s on 2 cores, against some
# 5 min with it: axe-core in Chromium over every page is CPU-bound), for
# the edit-build-test loop of a change to the C code; make test before
# committing.
.PHONY: test-fast
test-fast:
	@$(MAKE) --no-print-directory test T='unit e2e/[!b]* arch'

# The whole suite again under AddressSanitizer and UBSan, in build/asan.
ASAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined
test-asan: deps-test $(TEST_NODE)
	$(TEST_MAKE) B=$(B)/asan CFLAGS="$(ASAN_FLAGS)" CXXFLAGS="$(ASAN_FLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" \
	    $(B)/asan/glasshouse $(patsubst $(B)/%,$(B)/asan/%,$(TEST_BINS) $(REPLAY_BINS))
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    TESTS='$(TESTS)' sh tests/run.sh $(B)/asan $(T)

# Fuzzing (tests/fuzz/README): libFuzzer targets built with clang in
# build/fuzz, each run for FUZZ_SECONDS; the same entry points are linked
# with tests/fuzz/replay.c into build/tests/replay-* for make test, which
# replays tests/fuzz/regress/<target>/ (tests/e2e/fuzz-regress.sh).
FUZZ_TARGETS = yml frontmatter parsers markdown check
FUZZ_SECONDS ?= 60
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer \
	     -fsanitize=fuzzer-no-link,address,undefined \
	     -fno-sanitize-recover=undefined
REPLAY_BINS = $(patsubst %,$(B)/tests/replay-%,$(FUZZ_TARGETS))
fuzz: deps-fuzz
	$(MAKE) B=$(B)/fuzz CC=clang CXX=clang++ CFLAGS="$(FUZZ_FLAGS)" \
	    CXXFLAGS="$(FUZZ_FLAGS)" fuzz-bins
	sh tests/fuzz/run.sh $(B)/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)
fuzz-bins: $(patsubst %,$(B)/fuzz-%,$(FUZZ_TARGETS))
$(B)/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.c tests/fuzz/fuzz.h $(LIB_OBJS)
	$(CC) $(GH_CFLAGS) -Igenerator -c -o $@.o $<
	$(CC) $(GH_CFLAGS) -c -o $@-util.o tests/fuzz/fuzz_util.c
	$(CXX) $(CXXFLAGS) -fsanitize=fuzzer -o $@ $@.o $@-util.o \
	    $(LIB_OBJS) $(LDLIBS)
$(B)/tests/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_util.c tests/fuzz/fuzz.h $(LIB_OBJS)
	@mkdir -p $(B)/tests
	$(CC) $(GH_CFLAGS) -Igenerator -c -o $@.o $<
	$(CC) $(GH_CFLAGS) -c -o $@-main.o tests/fuzz/replay.c
	$(CC) $(GH_CFLAGS) -c -o $@-util.o tests/fuzz/fuzz_util.c
	$(CXX) $(LDFLAGS) -o $@ $@.o $@-main.o $@-util.o $(LIB_OBJS) $(LDLIBS)

# The example build under valgrind: no memory error, no definite or
# indirect leak (still-reachable blocks of the libraries are allowed).
valgrind: deps-test
	$(MAKE) $(B)/glasshouse
	@rm -rf $(B)/valgrind-site
	valgrind -q --error-exitcode=1 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect \
	    ./$(B)/glasshouse build -c content -o $(B)/valgrind-site -q
	valgrind -q --error-exitcode=1 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect \
	    ./$(B)/glasshouse check -c content
	@rm -rf $(B)/valgrind-site

# Speed against Hugo and the cmark floor (tests/bench/run.py); timings
# stay out of make test. Installs Debian's hugo when run as root.
bench: $(B)/glasshouse $(B)/bench/cmark-floor $(B)/bench/yaml-floor
	python3 tests/bench/run.py
$(B)/bench/cmark-floor: tests/bench/cmark_floor.c
	@mkdir -p $(B)/bench
	$(CC) -std=c11 $(WARN) $(CFLAGS) -o $@ $< -lcmark
$(B)/bench/yaml-floor: tests/bench/yaml_floor.c
	@mkdir -p $(B)/bench
	$(CC) -std=c11 $(WARN) $(CFLAGS) -o $@ $< -lyaml

# The TESTS= filter hook of testutil.h goes into every unit test.
$(B)/tests/%.o: tests/unit/%.c tests/unit/*.h generator/*.h | $(B)
	@mkdir -p $(B)/tests
	$(CC) $(GH_CFLAGS) -Igenerator \
	    -DGH_TESTUTIL_HOOK_ONLY -include tests/unit/testutil.h -c -o $@ $<

$(B)/tests/%: $(B)/tests/%.o $(LIB_OBJS)
	$(CXX) $(LDFLAGS) -o $@ $< $(LIB_OBJS) -lcmocka $(LDLIBS)

install: $(B)/glasshouse
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(B)/glasshouse $(DESTDIR)$(BINDIR)/glasshouse
	install -m 644 doc/glasshouse.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 doc/glasshouse-content.5 $(DESTDIR)$(MANDIR)/man5/
	cd themes && find default -type d -exec install -d $(DESTDIR)$(DATADIR)/themes/{} \; \
	    && find default -type f -exec install -m 644 {} $(DESTDIR)$(DATADIR)/themes/{} \;

$(B)/glasshouse: $(OBJS)
	$(CXX) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(B)/%.o: generator/%.c generator/*.h | $(B)
	$(CC) $(GH_CFLAGS) -c -o $@ $<

$(B)/%.o: generator/%.cc generator/*.h generator/*.hh | $(B)
	$(CXX) $(GH_CXXFLAGS) -c -o $@ $<

$(B):
	mkdir -p $(B)

.SECONDARY:

clean:
	rm -rf $(B) site
