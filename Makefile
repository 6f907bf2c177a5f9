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
MAIN_OBJ = $(B)/main.o
OBJS	= $(patsubst generator/%.c,$(B)/%.o,$(SRCS)) $(B)/tmpl.o
LIB_OBJS = $(filter-out $(MAIN_OBJ),$(OBJS))

-include Makefile.local

TEST_SRCS = $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS = $(patsubst tests/unit/%.c,$(B)/tests/%,$(TEST_SRCS))

.PHONY: all site test test-asan clean install deps deps-test
all: $(B)/glasshouse

# Install missing Debian -dev packages when we can (root or sudo),
# otherwise say exactly what to install.
deps:
	@sh tools/deps.sh build
deps-test:
	@sh tools/deps.sh test

site: deps
	$(MAKE) $(B)/glasshouse
	./$(B)/glasshouse build -c content -o site

test: deps-test
	$(MAKE) $(B)/glasshouse $(TEST_BINS)
	@sh tests/run.sh $(B)

# The whole suite again under AddressSanitizer and UBSan, in build/asan.
ASAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	     -fno-sanitize-recover=undefined
test-asan: deps-test
	$(MAKE) B=$(B)/asan CFLAGS="$(ASAN_FLAGS)" CXXFLAGS="$(ASAN_FLAGS)" \
	    LDFLAGS="-fsanitize=address,undefined" \
	    $(B)/asan/glasshouse $(patsubst $(B)/%,$(B)/asan/%,$(TEST_BINS))
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    sh tests/run.sh $(B)/asan

$(B)/tests/%.o: tests/unit/%.c tests/unit/*.h generator/*.h | $(B)
	@mkdir -p $(B)/tests
	$(CC) $(GH_CFLAGS) -Igenerator -c -o $@ $<

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

$(B)/tmpl.o: generator/tmpl.cc generator/tmpl.h | $(B)
	$(CXX) $(GH_CXXFLAGS) -c -o $@ $<

$(B):
	mkdir -p $(B)

.SECONDARY:

clean:
	rm -rf $(B) site
