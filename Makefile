# stretchtui — guided stretch routines in the terminal.
#
#   make            build build/stretchtui
#   make run        install missing dependencies, build, start the menu
#   make test       install missing dependencies, build, run every test
#   make sanitize   every test again under AddressSanitizer + UBSan
#   make check-layers  the one-way flow as a rule (also run by make test)
#   make fuzz       each fuzz harness for FUZZ_SECONDS (60) in turn (clang,
#                   libFuzzer: 3 harnesses, so 3 minutes by default);
#                   make test replays their regressions without clang
#   make bench      the memory, start-up, catalog and wake-up figures, each
#                   beside its goal, against a floor measured in the same
#                   run (tests/bench/goals.sh; BENCH_ROUTINE; not a test)
#   make bench-player  CPU, wake-ups, bytes, memory, first frame of a routine
#                   played in tmux (BENCH_ROUTINE, BENCH_SECONDS; not a test)
#   make install    PREFIX=/usr/local DESTDIR= (see "Installed files")
#   make uninstall  removes exactly what make install put there
#   make dist       stretchtui-VERSION.tar.gz of the committed tree
#   make distcheck  that archive unpacked elsewhere: make CI=1 test there
#                   (every test again, e2e included: minutes; not a test)
#   make deb        stretchtui_VERSION_ARCH.deb (packaging/deb/)
#   make deb-test   the .deb through lintian, then (as root) installed
#                   with apt-get, run from /, removed (not a test)
#   make screenshot docs/player.png, a real capture of the player
#   make clean (removes build/; a BUILD elsewhere is yours)

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/stretchtui
MANDIR   = $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
BUILD   ?= build
# The source tree, whose routines/ is read when DATADIR has none (running
# from the build directory); a package sets it to DATADIR.
SRCDIR  ?= $(CURDIR)

CC      ?= cc
# -Os and no unwind tables (C has no exceptions; gdb reads .debug_frame):
# the pages of the file that start-up touches are resident memory
# (tests/bench/goals.sh); -O2 is 80 kB larger for no visible speed.
CFLAGS  ?= -Os -g -fno-asynchronous-unwind-tables
WARN     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wconversion
# libcyaml's extra warnings that cost us nothing (not its
# -Wdeclaration-after-statement: we declare where a value is first known).
WARN    += -Wwrite-strings -Wcast-align -Wpointer-arith -Winit-self \
           -Wstrict-prototypes -Wmissing-prototypes -Wmissing-declarations \
           -Wold-style-definition -Wredundant-decls -Wundef -Wvla -Wformat=2
ifneq ($(CI),)
WARN    += -Werror
endif
ifneq ($(SAN),)
CFLAGS  += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif

# pkg-config's ncursesw flags carry their own _XOPEN_SOURCE; we set ours.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags ncursesw yaml-0.1 2>/dev/null))
# libyaml is not linked but opened (dlopen) while something parses
# (ydoc.h): a play of a kept routine never maps it. By its soname, read
# off the library the headers come with.
OBJDUMP ?= objdump
# dlopen is in the C library from glibc 2.34 on, in libdl before.
LIBDL := $(shell printf '\043include <dlfcn.h>\nint main(void) { return !dlopen(0, RTLD_LAZY); }\n' | \
	   $(CC) -x c -o /dev/null - 2>/dev/null || echo -ldl)
PKG_LIBS   = $(shell pkg-config --libs ncursesw 2>/dev/null) $(LIBDL)
YAML_SONAME := $(shell $(OBJDUMP) -p "$$(pkg-config --variable=libdir yaml-0.1 2>/dev/null)/libyaml.so" \
		 2>/dev/null | awk '$$1 == "SONAME" { print $$2 }')
# Before `make run` or `make test` has installed libyaml-dev there is
# nothing to read: Debian's soname then, and a word where there was.
ifeq ($(YAML_SONAME),)
ifneq ($(shell pkg-config --exists yaml-0.1 2>/dev/null && echo yes),)
$(warning cannot read libyaml's soname (with $(OBJDUMP)); assuming libyaml-0.so.2)
endif
YAML_SONAME := libyaml-0.so.2
endif
TEST_LIBS  = $(shell pkg-config --libs cmocka 2>/dev/null) $(LIBDL)
ALL_CFLAGS = $(WARN) $(CFLAGS) -ffunction-sections -D_XOPEN_SOURCE=700 -Iinclude -I$(BUILD) $(PKG_CFLAGS)

SRC      = $(wildcard src/*.c)
LIB_SRC  = $(filter-out src/main.c,$(SRC))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
# The front ends (curses and the command line); the rest is the core, which
# the unit tests and the fuzz harnesses link without ncursesw.
FRONT_SRC = $(wildcard src/ui*.c src/plain*.c) src/cli.c src/cli_list.c src/cli_usage.c
CORE_OBJ  = $(filter-out $(FRONT_SRC:src/%.c=$(BUILD)/obj/%.o),$(LIB_OBJ))
UI_SRC   = $(wildcard src/ui*.c src/view*.c src/plain*.c src/session.c src/keys.c src/keys_other.c src/bigdigits.c src/cli.c src/cli_list.c)
TESTS    = $(patsubst tests/%.c,$(BUILD)/tests/%,$(wildcard tests/test_*.c))
# Fuzz harnesses: tests/fuzz/fuzz_NAME.c, with fuzz_NAME.options.
FUZZ_HARNESSES = loader library engine
FUZZ_COMMON    = tests/fuzz/fuzz_common.c
FUZZ_HDRS      = tests/fuzz/fuzz_common.h $(BUILD)/fuzz/fuzz_lib.h
FUZZ_SEEDS     = routines tests/data/good tests/data/bad tests/data/broken-lib
REPLAY         = $(FUZZ_HARNESSES:%=$(BUILD)/fuzz/replay_%)
BIN      = $(BUILD)/stretchtui

.PHONY: check-layers all run test sanitize fuzz fuzz-build fuzz-clang bench bench-player deps deps-test \
        build-tests test-only install uninstall dist distcheck deb deb-test screenshot \
        lint-man clean FORCE

all: $(BIN)

# Generated so that a changed PREFIX (or libyaml soname) rebuilds what
# depends on it.
$(BUILD)/buildinfo.h: FORCE
	@mkdir -p $(BUILD)
	@printf '#define STRETCHTUI_VERSION "%s"\n#define STRETCHTUI_DATADIR "%s"\n#define STRETCHTUI_SRCDIR "%s"\n#define STRETCHTUI_LIBYAML "%s"\n' \
		'$(VERSION)' '$(DATADIR)' '$(SRCDIR)' '$(YAML_SONAME)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# A stamp of the sources, in the routine cache's key (rcache.c): a build
# from other sources does not read what this one wrote.
$(BUILD)/srcstamp.h: $(SRC) $(wildcard include/*.h)
	@mkdir -p $(@D)
	@printf '#define STRETCHTUI_SRCSTAMP "%s"\n' "$$(cat $(SRC) include/*.h | cksum | cut -d' ' -f1)" > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/obj/rcache.o $(BUILD)/fuzz/obj/rcache.o: $(BUILD)/srcstamp.h

$(BUILD)/obj/%.o: src/%.c $(BUILD)/buildinfo.h $(BUILD)/hot.rename
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@
	$(if $(LTO),,$(HOT_RENAME))
	$(if $(LTO),,$(COLD_TEXT))
	$(if $(LTO)$(filter-out $(COLD_DATA),$*),,$(COLD_RENAME))

$(BUILD)/libcore.a: $(CORE_OBJ)
	$(AR) rcs $@ $^

# The functions a play runs (src/hot.txt) are linked first, together:
# each function has its own section (-ffunction-sections), and theirs are
# renamed .text.hot.NAME after compiling, which the linker places at the
# start of .text, after main and before the C start-up code; the rest are
# renamed .text.cold.NAME, which src/cold.ld puts in an executable
# segment of its own (COLD_LD). The kernel maps a program's pages 64 KiB
# at a time around each one touched, but not past the end of a mapping,
# so a play maps the hot segment (the list's 52 KiB with the PLT and the
# start-up code: 14 pages), not a 64 KiB window nor most of the text.
# Only memory depends on the list: `make bench` shows what is resident;
# tests/bench/hot.sh writes it again.
# (LTO objects hold no sections to rename: an -flto build keeps the
# compiler's order.) A failed rename deletes the object.
OBJCOPY ?= objcopy
LTO = $(findstring -flto,$(ALL_CFLAGS))
HOT_RENAME = @$(OBJCOPY) @$(BUILD)/hot.rename $@ || { rm -f $@; exit 1; }
# Every other function's section (not main's .text.startup, nor what the
# compiler itself marks unlikely or exit-only) becomes .text.cold.NAME.
COLD_TEXT = @set -- $$($(READELF) -SW $@ | \
	sed -n -e '/] \.text\.\(hot\|startup\|unlikely\|exit\)\./d' \
	       -e 's/.*] \.text\.\([^ ]*\) .*/--rename-section .text.\1=.text.cold.\1/p'); \
	[ $$\# -eq 0 ] || $(OBJCOPY) "$$@" $@ || { rm -f $@; exit 1; }
$(BUILD)/hot.rename: src/hot.txt
	@mkdir -p $(@D)
	@sed -n 's/^\([A-Za-z_][A-Za-z0-9_.]*\)$$/--rename-section .text.\1=.text.hot.\1/p' $< > $@
# The same for constant data: the modules a play does not run (no file
# heading of src/hot.txt names them; main runs, but is placed apart) have
# their .rodata sections renamed .lrodata, which the linker's default
# x86-64 script puts in a read-only segment of its own, after the data:
# the texts of --help, check, new, edit, the reports, the reminders and
# the parser are not mapped with the player's constants (16 KiB less
# resident). Elsewhere .lrodata joins .rodata. The objects depend on
# hot.rename, so a change of the list builds them again.
COLD_DATA := $(filter-out main $(shell sed -n 's/^\# \([a-z0-9_]*\)\.c$$/\1/p' src/hot.txt),$(SRC:src/%.c=%))
READELF ?= readelf
COLD_RENAME = @set -- $$($(READELF) -SW $@ | \
	sed -n 's/.*] \.\(rodata[^ ]*\) .*/--rename-section .\1=.l\1/p'); \
	[ $$\# -eq 0 ] || $(OBJCOPY) "$$@" $@ || { rm -f $@; exit 1; }
LAYOUT = -Wl,-z,max-page-size=0x10000
# Relative relocations packed (DT_RELR) where the linker makes them and
# the C library runs them (binutils 2.38, glibc 2.36): 16 KiB less for the
# dynamic loader to read at each start.
RELR := $(shell mkdir -p $(BUILD) && printf 'int main(void) { return 0; }\n' | \
	  $(CC) -x c -Wl,-z,pack-relative-relocs -o $(BUILD)/relr-probe - 2>/dev/null && \
	  $(BUILD)/relr-probe && echo -Wl,-z,pack-relative-relocs; rm -f $(BUILD)/relr-probe)
# The cold code's segment (src/cold.ld), where the linker takes an INSERT
# into its own script (GNU ld, lld); without it the cold code stays in
# .text, after the hot (one 64 KiB window more).
COLD_LD := $(if $(LTO),,$(shell mkdir -p $(BUILD) && printf 'int main(void) { return 0; }\n' | \
	   $(CC) -x c -Wl,-T,src/cold.ld -o $(BUILD)/cold-probe - 2>/dev/null && \
	   $(BUILD)/cold-probe && echo -Wl,-T,src/cold.ld; rm -f $(BUILD)/cold-probe))
$(BIN): $(BUILD)/obj/main.o $(LIB_OBJ) src/cold.ld
	$(CC) $(LDFLAGS) $(RELR) $(LAYOUT) $(COLD_LD) -o $@ $(filter %.o,$^) $(PKG_LIBS)

$(BUILD)/tests/%: tests/%.c $(BUILD)/libcore.a $(BUILD)/buildinfo.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(BUILD)/libcore.a $(TEST_LIBS)

build-tests: $(BIN) $(TESTS) $(REPLAY) $(BUILD)/fuzz/seed-engine/.stamp

# The test library built into the harnesses, as a C string.
$(BUILD)/fuzz/fuzz_lib.h: tests/data/good/exercises.yaml
	@mkdir -p $(@D)
	@{ echo 'static const char fuzz_lib_text[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; } > $@

# Engine seeds: each shipped routine with the exercises it uses, a NUL,
# then commands (tests/fuzz/engine-seed.sh).
FUZZ_ROUTINES = $(filter-out routines/exercises.yaml,$(wildcard routines/*.yaml))
$(BUILD)/fuzz/seed-engine/.stamp: tests/fuzz/engine-seed.sh routines/exercises.yaml $(FUZZ_ROUTINES)
	@rm -rf $(@D) && mkdir -p $(@D)
	@SEED_DIR=$(@D) tests/fuzz/engine-seed.sh routines/exercises.yaml $(FUZZ_ROUTINES)
	@touch $@

# The harnesses with a standalone main (tests/fuzz/replay.c), the normal
# compiler and the normal library: regressions replay without clang.
$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_COMMON) \
		$(FUZZ_HDRS) $(BUILD)/libcore.a
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -I$(BUILD)/fuzz $(LDFLAGS) -o $@ $< \
		tests/fuzz/replay.c $(FUZZ_COMMON) $(BUILD)/libcore.a $(LIBDL)

# The one-way flow as a rule (curses in the ncurses front end only, nothing
# below the front ends including theirs, no clock in engine or plan, unit
# tests without ncursesw): tests/check-layers.sh.
check-layers: build-tests
	@tests/check-layers.sh $(BUILD)

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
	@echo "== layers"
	@tests/check-layers.sh $(BUILD)
	@echo "== check routines/*.yaml"
	@$(BIN) check routines/*.yaml
	@$(MAKE) --no-print-directory lint-man
	@echo "== scripts"
	@set -e; for t in tests/scripts/test_*.sh; do STRETCHTUI_BIN=$(abspath $(BIN)) sh $$t; done
	@echo "== fuzz replay (tests/fuzz/regress and the seed corpus)"
	@tests/fuzz/replay.sh $(BUILD) $(FUZZ_HARNESSES) -- $(FUZZ_SEEDS)
	@echo "== end-to-end (tmux)"
	@STRETCHTUI_BIN=$(abspath $(BIN)) tests/e2e/run.sh

# Fuzzing with clang's libFuzzer, ASan and UBSan: each harness in turn for
# FUZZ_SECONDS (per harness, so 3 x 60 s by default) with the flags of its
# tests/fuzz/fuzz_NAME.options (dictionary, max_len, timeout), a corpus
# kept in $(BUILD)/fuzz/corpus/NAME and the seeds above plus
# tests/fuzz/regress/NAME. A crash, leak, timeout or broken invariant stops
# it and leaves the input in $(BUILD)/fuzz/artifacts/NAME/: copy it into
# tests/fuzz/regress/NAME/ so that make test replays it from then on.
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS   = $(filter-out -Wconversion,$(WARN)) -g -O1 -fno-omit-frame-pointer \
		$(FUZZ_SAN) -D_XOPEN_SOURCE=700 -Iinclude -I$(BUILD) -Itests/fuzz -I$(BUILD)/fuzz
FUZZ_LIB_SRC  = $(filter-out src/main.c $(UI_SRC),$(LIB_SRC))
FUZZ_LIB_OBJ  = $(FUZZ_LIB_SRC:src/%.c=$(BUILD)/fuzz/obj/%.o)
FUZZ_BINS     = $(FUZZ_HARNESSES:%=$(BUILD)/fuzz/fuzz_%)

# A clear word when clang or its libFuzzer runtime is missing.
fuzz-clang:
	@if ! command -v $(FUZZ_CC) >/dev/null 2>&1; then \
		echo "make fuzz: $(FUZZ_CC) not found; fuzzing needs clang with libFuzzer:" >&2; \
		echo "  apt-get update && apt-get install -y clang" >&2; \
		echo "(make test replays the fuzz regressions without it)" >&2; exit 1; fi
	@mkdir -p $(BUILD)/fuzz
	@printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
		> $(BUILD)/fuzz/probe.c
	@$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $(BUILD)/fuzz/probe $(BUILD)/fuzz/probe.c 2>/dev/null || { \
		echo "make fuzz: $(FUZZ_CC) cannot link -fsanitize=fuzzer,address,undefined" >&2; \
		echo "  (libFuzzer or a sanitizer runtime missing): apt-get install -y clang" >&2; exit 1; }
	@rm -f $(BUILD)/fuzz/probe $(BUILD)/fuzz/probe.c

$(BUILD)/fuzz/obj/%.o: src/%.c $(BUILD)/buildinfo.h | fuzz-clang
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON) $(FUZZ_HDRS) $(FUZZ_LIB_OBJ) | fuzz-clang
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_COMMON) \
		$(FUZZ_LIB_OBJ) $(LIBDL)

.SECONDARY: $(FUZZ_LIB_OBJ)

fuzz-build: deps-test fuzz-clang $(FUZZ_BINS) $(BUILD)/fuzz/seed-engine/.stamp

fuzz: fuzz-build
	@set -e; for h in $(FUZZ_HARNESSES); do \
		mkdir -p $(BUILD)/fuzz/corpus/$$h $(BUILD)/fuzz/artifacts/$$h; \
		seeds="$(FUZZ_SEEDS)"; [ $$h = engine ] && seeds="$(BUILD)/fuzz/seed-engine $$seeds"; \
		echo "== fuzz $$h for $(FUZZ_SECONDS) s"; \
		$(BUILD)/fuzz/fuzz_$$h $$(tests/fuzz/options.sh tests/fuzz/fuzz_$$h.options) \
			-max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(BUILD)/fuzz/artifacts/$$h/ \
			$(BUILD)/fuzz/corpus/$$h $$seeds tests/fuzz/regress/$$h; \
	done

# Figures, not a pass or fail: tests/bench/goals.sh (needs tmux, valgrind,
# strace, a C compiler and ncursesw) and tests/bench/player.sh (tmux,
# strace).
BENCH_ROUTINE ?= upper-back-15
BENCH_SECONDS ?= 60
bench: $(BIN)
	STRETCHTUI_BIN=$(abspath $(BIN)) tests/bench/goals.sh $(BENCH_ROUTINE)

bench-player: $(BIN)
	STRETCHTUI_BIN=$(abspath $(BIN)) tests/bench/player.sh $(BENCH_ROUTINE) $(BENCH_SECONDS)

sanitize: deps-test
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 test-only

# The man pages through mandoc's checker: a warning fails (style notes,
# such as a page of SEE ALSO not installed here, do not).
MAN_PAGES = man/stretchtui.1 man/stretchtui-routine.5
lint-man:
	@echo "== man pages (mandoc -Tlint -W warning)"
	@mandoc -Tlint -W warning $(MAN_PAGES)

# Installed files: the binary; the built-in routines and the safety notice
# (their schema line names the installed schema); the JSON Schemas; the man
# pages (their /usr/local/share/stretchtui is DATADIR); the completions.
# Their list, and the directories install had to create, go to
# DATADIR/installed.txt; uninstall removes exactly those (scripts/install.sh).
INSTALL_ENV = DESTDIR='$(DESTDIR)' BINDIR='$(BINDIR)' DATADIR='$(DATADIR)' MANDIR='$(MANDIR)' \
	      BASHCOMPDIR='$(BASHCOMPDIR)' ZSHCOMPDIR='$(ZSHCOMPDIR)' FISHCOMPDIR='$(FISHCOMPDIR)'

install: $(BIN)
	@$(INSTALL_ENV) BIN='$(abspath $(BIN))' scripts/install.sh install

uninstall:
	@$(INSTALL_ENV) scripts/install.sh uninstall

# The committed tree (HEAD), as git archive makes it: what is not
# committed is not in it.
DIST = stretchtui-$(VERSION)
dist:
	@git diff --quiet HEAD -- 2>/dev/null || \
		echo "make dist: the archive is HEAD; uncommitted changes are not in it" >&2
	git archive --format=tar.gz --prefix=$(DIST)/ -o $(DIST).tar.gz HEAD
	@echo "$(DIST).tar.gz: $$(wc -c <$(DIST).tar.gz) bytes"

distcheck: dist
	tests/dist-check.sh $(DIST).tar.gz

deb: deps
	packaging/deb/build-deb.sh $(VERSION)

deb-test: deb
	packaging/deb/test-deb.sh $(VERSION)

screenshot: $(BIN)
	scripts/screenshot.sh $(abspath $(BIN)) docs/player.png

clean:
	rm -rf build

-include $(wildcard $(BUILD)/obj/*.d $(BUILD)/tests/*.d $(BUILD)/fuzz/obj/*.d)
