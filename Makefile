# stretchtui — guided stretch routines in the terminal.
#
#   make            build build/stretchtui
#   make run        install missing dependencies, build, start the menu
#   make test       install missing dependencies, build, run every test
#   make sanitize   every test again under AddressSanitizer + UBSan
#   make fuzz       fuzz the loader for FUZZ_SECONDS (clang, libFuzzer)
#   make bench      CPU, wake-ups, bytes, memory, first frame of a routine
#                   played in tmux (BENCH_ROUTINE, BENCH_SECONDS; not a test)
#   make install    PREFIX=/usr/local DESTDIR=
#   make uninstall, make clean

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/stretchtui
BUILD   ?= build

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion
ifneq ($(CI),)
WARN    += -Werror
endif
ifneq ($(SAN),)
CFLAGS  += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

# pkg-config's ncursesw flags carry their own _XOPEN_SOURCE; we set ours.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags ncursesw yaml-0.1 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs ncursesw yaml-0.1 2>/dev/null)
# YAML_STATIC=1 links libyaml.a into the binary: about 48 kB less resident
# and 0.2 ms less start-up, but libyaml fixes then need a rebuild.
ifneq ($(YAML_STATIC),)
PKG_LIBS   = $(shell pkg-config --libs ncursesw 2>/dev/null) \
             -Wl,-Bstatic $(shell pkg-config --libs yaml-0.1 2>/dev/null) -Wl,-Bdynamic
endif
TEST_LIBS  = $(shell pkg-config --libs cmocka 2>/dev/null)
ALL_CFLAGS = $(WARN) $(CFLAGS) -D_XOPEN_SOURCE=700 -Iinclude -I$(BUILD) $(PKG_CFLAGS)

SRC      = $(wildcard src/*.c)
LIB_SRC  = $(filter-out src/main.c,$(SRC))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
UI_SRC   = $(wildcard src/ui*.c src/view*.c src/plain.c src/bigdigits.c src/cli.c)
TESTS    = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
BIN      = $(BUILD)/stretchtui

.PHONY: all run test sanitize fuzz bench deps deps-test build-tests test-only \
        install uninstall clean FORCE

all: $(BIN)

# Generated so that a changed PREFIX rebuilds what depends on it.
$(BUILD)/config.h: FORCE
	@mkdir -p $(BUILD)
	@printf '#define STRETCHTUI_VERSION "%s"\n#define STRETCHTUI_DATADIR "%s"\n#define STRETCHTUI_SRCDIR "%s"\n' \
		'$(VERSION)' '$(DATADIR)' '$(CURDIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/obj/%.o: src/%.c $(BUILD)/config.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libstretchtui.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/obj/main.o $(BUILD)/libstretchtui.a
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/%.c $(BUILD)/libstretchtui.a $(BUILD)/config.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(BUILD)/libstretchtui.a $(PKG_LIBS) $(TEST_LIBS)

build-tests: $(BIN) $(TESTS)

deps:
	@scripts/have-deps.sh || scripts/install-deps.sh

deps-test:
	@scripts/have-deps.sh test || scripts/install-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	$(BIN) --routines routines

# Every test: cmocka units, the shipped routines through `check`, the
# scripts' own tests, tmux end-to-end.
test: deps-test
	@$(MAKE) --no-print-directory test-only

test-only: build-tests
	@set -e; for t in $(TESTS); do echo "== $$t"; $$t; done
	@echo "== check routines/*.yaml"
	@$(BIN) check routines/*.yaml
	@echo "== scripts"
	@set -e; for t in tests/scripts/test_*.sh; do sh $$t; done
	@echo "== end-to-end (tmux)"
	@STRETCHTUI_BIN=$(CURDIR)/$(BIN) tests/e2e/run.sh

# Fuzz the loader (clang's libFuzzer): FUZZ_SECONDS=60 by default.
FUZZ_SECONDS ?= 60
fuzz: deps-test $(BUILD)/config.h
	@mkdir -p $(BUILD)/fuzz/corpus
	clang $(filter-out -Wconversion,$(WARN)) -g -O1 -fsanitize=fuzzer,address,undefined \
		-D_XOPEN_SOURCE=700 -Iinclude -I$(BUILD) -o $(BUILD)/fuzz/fuzz_loader \
		tests/fuzz/fuzz_loader.c $(filter-out src/main.c $(UI_SRC),$(LIB_SRC)) -lyaml
	for f in routines/*.yaml tests/data/good/*.y*ml tests/data/bad/*.yaml; do \
		cp "$$f" "$(BUILD)/fuzz/corpus/$$(echo "$$f" | tr / _)"; done
	$(BUILD)/fuzz/fuzz_loader -max_total_time=$(FUZZ_SECONDS) -max_len=8192 $(BUILD)/fuzz/corpus

# Figures, not a pass or fail: see tests/bench/player.sh (needs tmux, strace).
BENCH_ROUTINE ?= upper-back-15
BENCH_SECONDS ?= 60
bench: $(BIN)
	STRETCHTUI_BIN=$(CURDIR)/$(BIN) tests/bench/player.sh $(BENCH_ROUTINE) $(BENCH_SECONDS)

sanitize: deps-test
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 test-only

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/routines
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/stretchtui
	install -m 644 routines/*.yaml $(DESTDIR)$(DATADIR)/routines/
	for f in routines/*.txt; do [ -e "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(DATADIR)/routines/ || true; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/stretchtui
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
