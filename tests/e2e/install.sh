#!/usr/bin/env bash
# make install / uninstall with PREFIX and DESTDIR; the installed library builds
# and runs a program through pkg-config, finding its installed worker.
source "$(dirname "$0")/lib/common.sh"
need pkg-config

prefix="$TMP/prefix"
build="$TMP/build"
# A plain build and install, whatever flags the make that runs the tests was given
# (make exports its command-line variables, e.g. make sanitize's SANFLAGS).
unset MAKEFLAGS MFLAGS MAKELEVEL SANFLAGS CFLAGS LDFLAGS CC
make -s BUILD="$build" PREFIX="$prefix" install > "$TMP/make.log" 2>&1
check "make install PREFIX=... succeeds" test $? -eq 0
for f in bin/narrate libexec/narrate/narrate-worker include/narrate.h lib/libnarrate.a \
         lib/libnarrate.so lib/pkgconfig/libnarrate.pc share/man/man1/narrate.1 \
         lib/speech-dispatcher-modules/sd_narrate etc/speech-dispatcher/modules/narrate.conf; do
    check "installed $f" test -e "$prefix/$f"
done
soname=$(objdump -p "$prefix/lib/libnarrate.so" | awk '/SONAME/ {print $2}')
check "the shared library has a soname ($soname)" test "$soname" = libnarrate.so.0

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cc $(pkg-config --cflags libnarrate) examples/print_words.c -o "$TMP/print_words" \
    $(pkg-config --libs libnarrate) 2> "$TMP/cc.log"
check "a program builds against the installed library via pkg-config" test -x "$TMP/print_words"
LD_LIBRARY_PATH="$prefix/lib" "$TMP/print_words" "The harbor opened at dawn." > "$TMP/words.txt"
check "it runs with the installed worker" grep -q 'harbor' "$TMP/words.txt"
check "the installed CLI speaks to a file" "$prefix/bin/narrate" examples/harbor-accord.txt -o "$TMP/a.wav"

make -s BUILD="$build" PREFIX="$prefix" uninstall > /dev/null 2>&1
left=$(find "$prefix" -type f | wc -l)
check "make uninstall removes every file ($left left)" test "$left" -eq 0

make -s BUILD="$build" PREFIX=/usr DESTDIR="$TMP/stage" install > /dev/null 2>&1
check "DESTDIR stages under the folder" test -x "$TMP/stage/usr/bin/narrate"
check "DESTDIR, PREFIX=/usr: the module goes to Debian's module folder" \
    test -x "$TMP/stage/usr/lib/speech-dispatcher-modules/sd_narrate"
check "DESTDIR, PREFIX=/usr: its config goes to /etc/speech-dispatcher/modules" \
    test -f "$TMP/stage/etc/speech-dispatcher/modules/narrate.conf"
check "DESTDIR: the .pc names the real prefix" grep -q '^prefix=/usr$' "$TMP/stage/usr/lib/pkgconfig/libnarrate.pc"
finish
