# narrate: a plain Makefile.  Everything is built out of tree under $(BUILD).
#   make            library (.a, .so with soname, .pc), CLI, worker, example
#   make check      build and run every test; ends with "N passed, N failed"
#   make sanitize   the same tests on an ASan + UBSan build in build-san/
#   make leakcheck  the unit tests under valgrind
#   make fuzz       the normalizer/splitter fuzz target for $(FUZZ_SECONDS) s
#   make bench      benchmarks against espeak-ng (figures, not pass/fail)
#   make demo       narrate examples/ to a file and play it where a device exists
#   make deps       install the Debian packages this needs (apt-get)
#   make install / uninstall, honouring PREFIX and DESTDIR; the speech-dispatcher
#                   module goes to SD_MODULEDIR, its config to SD_CONFDIR

VERSION := $(shell sed -n 's/^\#define NARRATE_VERSION_STRING "\(.*\)"/\1/p' src/narrate.h)
SOVERSION := $(firstword $(subst ., ,$(VERSION)))

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
LIBEXECDIR ?= $(PREFIX)/libexec/narrate
MANDIR ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
# speech-dispatcher looks for modules in PREFIX/lib/speech-dispatcher-modules
# (Debian: /usr/lib/...) and for their configs in /etc/speech-dispatcher/modules;
# under another prefix, speechd.conf's AddModule line names both by full path.
SD_MODULEDIR ?= $(PREFIX)/lib/speech-dispatcher-modules
SD_CONFDIR ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)/speech-dispatcher/modules

BUILD ?= build
CC ?= cc
CFLAGS ?= -O2 -g
SANFLAGS ?=
WARN := -Wall -Wextra -Werror -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
LIB_PKGS := sndfile portaudio-2.0 soxr libxml-2.0 md4c inih libebur128 alsa
WORKER_PKGS := espeak-ng soxr
PKG_CFLAGS = $(shell pkg-config --cflags $(LIB_PKGS) $(WORKER_PKGS) 2>/dev/null)
# Libraries without a .pc in Debian.
LIB_RAW_LIBS := -lmp3lame
LIB_LIBS = $(shell pkg-config --libs $(LIB_PKGS) 2>/dev/null) $(LIB_RAW_LIBS) -lpthread -lm
# Flite (Debian's flite1-dev has no .pc): the five built-in US voices, the
# English front end and lexicon, the engine.
WORKER_LIBS_EXTRA := -lflite_cmu_us_kal -lflite_cmu_us_kal16 -lflite_cmu_us_slt \
	-lflite_cmu_us_rms -lflite_cmu_us_awb -lflite_usenglish -lflite_cmulex -lflite -lm
WORKER_LIBS = $(shell pkg-config --libs $(WORKER_PKGS) 2>/dev/null) $(WORKER_LIBS_EXTRA)
# The worker's own data: the espeak-ng to CMU phone table, for Flite.
WORKER_DATA_FILES := pronunciations/espeak-cmu.tsv
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS) -fPIC -MMD -MP -Isrc -I$(BUILD)/gen $(PKG_CFLAGS)
LDFLAGS ?=

LIB_SRC := $(wildcard src/*.c)
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen_data.o
CLI_SRC := $(wildcard src/cli/*.c)
CLI_OBJ := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
WORKER_SRC := $(wildcard src/worker/*.c)
WORKER_OBJ := $(WORKER_SRC:src/%.c=$(BUILD)/obj/%.o)
SD_SRC := $(wildcard src/sd/*.c)
SD_OBJ := $(SD_SRC:src/%.c=$(BUILD)/obj/%.o)
DATA_FILES := $(sort $(wildcard pronunciations/*.tsv pronunciations/*.lex voices/*.ini))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_HELPER_SRC := $(wildcard tests/unit/helper_*.c)
TEST_HELPER_OBJ := $(TEST_HELPER_SRC:tests/unit/%.c=$(BUILD)/obj/tests/%.o)
EXAMPLE_SRC := $(wildcard examples/*.c)
EXAMPLE_BIN := $(EXAMPLE_SRC:examples/%.c=$(BUILD)/examples/%)

STATIC := $(BUILD)/libnarrate.a
SHARED := $(BUILD)/libnarrate.so.$(VERSION)
SONAME := libnarrate.so.$(SOVERSION)


.PHONY: FORCE all check sanitize leakcheck fuzz bench demo deps install uninstall clean
all: $(STATIC) $(SHARED) $(BUILD)/narrate $(BUILD)/narrate-worker $(BUILD)/libnarrate.pc \
	$(BUILD)/narrate.1 $(BUILD)/sd_narrate $(EXAMPLE_BIN)

# V=1 shows the full commands.
Q := $(if $(V),,@)

FORCE:

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/gen/stamp
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  CC      $<')
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/unit/%.c | $(BUILD)/gen/stamp
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) -c $< -o $@

$(BUILD)/gen/stamp:
	@mkdir -p $(BUILD)/gen
	@touch $@

$(BUILD)/embed: src/tools/embed.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) -O1 $< -o $@

# Install paths compiled in, regenerated (and so rebuilt into) only when
# PREFIX or LIBEXECDIR change.
$(BUILD)/gen/paths.h: FORCE | $(BUILD)/gen/stamp
	@printf '#define NARRATE_LIBEXECDIR "%s"\n#define NARRATE_PREFIX "%s"\n' \
		'$(LIBEXECDIR)' '$(PREFIX)' > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@

$(BUILD)/obj/narrate.o: $(BUILD)/gen/paths.h

# The list of embedded files is itself a dependency, so that adding or removing
# a data file regenerates data.c.
$(BUILD)/gen/data.list: FORCE | $(BUILD)/gen/stamp
	@echo '$(DATA_FILES)' > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@

$(BUILD)/gen/data.c: $(BUILD)/embed $(DATA_FILES) $(BUILD)/gen/data.list
	$(Q)$(BUILD)/embed $@ $(DATA_FILES)

$(BUILD)/obj/gen_data.o: $(BUILD)/gen/data.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(STATIC): $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(SHARED): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS)
	ln -sf libnarrate.so.$(VERSION) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libnarrate.so

$(BUILD)/narrate: $(CLI_OBJ) $(STATIC)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS)

$(BUILD)/sd_narrate: $(SD_OBJ) $(STATIC)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(LIB_LIBS)

$(BUILD)/gen/worker_data.c: $(BUILD)/embed $(WORKER_DATA_FILES)
	$(Q)$(BUILD)/embed $@ $(WORKER_DATA_FILES)

$(BUILD)/obj/worker_data.o: $(BUILD)/gen/worker_data.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/narrate-worker: $(WORKER_OBJ) $(BUILD)/obj/proto.o $(BUILD)/obj/embedded.o \
		$(BUILD)/obj/worker_data.o
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(WORKER_LIBS)

$(BUILD)/examples/%: examples/%.c $(STATIC)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(STATIC) $(LIB_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(TEST_HELPER_OBJ) $(STATIC)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  TEST    $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) $(LDFLAGS) -o $@ $< \
		$(TEST_HELPER_OBJ) $(STATIC) $(LIB_LIBS) $(shell pkg-config --libs cmocka)

# sd_narrate's unit tests link its pieces (all but main).
SD_PIECES := $(filter-out $(BUILD)/obj/sd/sd_narrate.o,$(SD_OBJ))
$(BUILD)/tests/test_sd_%: tests/unit/test_sd_%.c $(SD_PIECES) $(TEST_HELPER_OBJ) $(STATIC)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  TEST    $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) $(LDFLAGS) -o $@ $< \
		$(SD_PIECES) $(TEST_HELPER_OBJ) $(STATIC) $(LIB_LIBS) $(shell pkg-config --libs cmocka)

$(BUILD)/libnarrate.pc: Makefile $(BUILD)/gen/paths.h
	@mkdir -p $(BUILD)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
		'Name: libnarrate' 'Description: Read articles aloud: text normalization and speech synthesis' \
		'Version: $(VERSION)' 'Requires.private: $(LIB_PKGS)' \
		'Libs: -L$${libdir} -lnarrate' 'Libs.private: $(LIB_RAW_LIBS) -lpthread -lm' \
		'Cflags: -I$${includedir}' > $@

$(BUILD)/narrate.1: docs/narrate.1.in src/narrate.h $(BUILD)/gen/paths.h
	@mkdir -p $(BUILD)
	sed -e 's/@VERSION@/$(VERSION)/g' -e 's|@LIBEXECDIR@|$(LIBEXECDIR)|g' $< > $@

# check and demo work on a fresh machine: they install what is missing first.
check:
	@bash .ci/deps
	$(MAKE) all $(UNIT_BIN)
	BUILD=$(BUILD) bash tests/run.sh

sanitize:
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:fast_unwind_on_malloc=0 NARRATE_SANITIZED=1 \
		$(MAKE) BUILD=build-san CFLAGS='-O1 -g -fno-omit-frame-pointer' \
		SANFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all' check

leakcheck: all $(UNIT_BIN)
	BUILD=$(BUILD) VALGRIND=1 bash tests/run.sh --unit-only

fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS='-O1 -g' \
		SANFLAGS='-fsanitize=address,undefined,fuzzer-no-link' build-fuzz/libnarrate.a
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SEED=$(FUZZ_SEED) LIB_LIBS='$(LIB_LIBS)' bash tests/fuzz/run.sh
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
FUZZ_SEED ?= 1

bench: all $(BUILD)/bench/first_audio $(BUILD)/bench/stop_restart
	BUILD=$(BUILD) bash tests/bench.sh

$(BUILD)/bench/%: tests/bench/%.c $(STATIC)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(STATIC) $(LIB_LIBS)

demo:
	@bash .ci/deps
	$(MAKE) all
	BUILD=$(BUILD) bash examples/demo.sh

deps:
	bash .ci/deps

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/narrate $(DESTDIR)$(BINDIR)/narrate
	install -m 755 $(BUILD)/narrate-worker $(DESTDIR)$(LIBEXECDIR)/narrate-worker
	install -m 644 src/narrate.h $(DESTDIR)$(INCLUDEDIR)/narrate.h
	install -m 644 $(STATIC) $(DESTDIR)$(LIBDIR)/libnarrate.a
	install -m 755 $(SHARED) $(DESTDIR)$(LIBDIR)/libnarrate.so.$(VERSION)
	ln -sf libnarrate.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libnarrate.so
	install -m 644 $(BUILD)/libnarrate.pc $(DESTDIR)$(PKGCONFIGDIR)/libnarrate.pc
	install -m 644 $(BUILD)/narrate.1 $(DESTDIR)$(MANDIR)/man1/narrate.1
	install -d $(DESTDIR)$(SD_MODULEDIR) $(DESTDIR)$(SD_CONFDIR)
	install -m 755 $(BUILD)/sd_narrate $(DESTDIR)$(SD_MODULEDIR)/sd_narrate
	install -m 644 src/sd/narrate.conf $(DESTDIR)$(SD_CONFDIR)/narrate.conf

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/narrate $(DESTDIR)$(LIBEXECDIR)/narrate-worker \
		$(DESTDIR)$(INCLUDEDIR)/narrate.h $(DESTDIR)$(LIBDIR)/libnarrate.a \
		$(DESTDIR)$(LIBDIR)/libnarrate.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME) \
		$(DESTDIR)$(LIBDIR)/libnarrate.so $(DESTDIR)$(PKGCONFIGDIR)/libnarrate.pc \
		$(DESTDIR)$(MANDIR)/man1/narrate.1 $(DESTDIR)$(SD_MODULEDIR)/sd_narrate \
		$(DESTDIR)$(SD_CONFDIR)/narrate.conf
	-rmdir $(DESTDIR)$(LIBEXECDIR)

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD)/obj $(BUILD)/tests $(BUILD)/examples $(BUILD)/bench -name '*.d' 2>/dev/null)
