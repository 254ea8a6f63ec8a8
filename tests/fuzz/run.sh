#!/usr/bin/env bash
# make fuzz: builds every tests/fuzz/fuzz_NAME.c with libFuzzer, ASan and UBSan
# against build-fuzz/libnarrate.a and runs each for FUZZ_SECONDS, starting from
# tests/fuzz/seeds_NAME/ (or tests/fuzz/seeds/ for the normalizer).  Crashes are
# left in build-fuzz/ as crash-* files and fail the run.  FUZZ_RUNS=N with
# FUZZ_SEED=S instead runs N fixed-seed inputs per target from the seeds alone, so
# CI repeats the same search every time; long time-boxed runs are for exploring.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-60}
libs=${LIB_LIBS:?}
failed=0
for src in tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    short=${name#fuzz_}
    seeds=tests/fuzz/seeds_$short
    [ -d "$seeds" ] || seeds=tests/fuzz/seeds
    corpus=build-fuzz/corpus_$short
    rm -rf "$corpus.fixed"
    [ -n "${FUZZ_RUNS:-}" ] && corpus=$corpus.fixed
    mkdir -p "$corpus"
    clang -O1 -g -fsanitize=address,undefined,fuzzer -fno-sanitize-recover=all \
        -Wall -Wextra -Werror -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc \
        "$src" build-fuzz/libnarrate.a $libs -o "build-fuzz/$name"
    if [ -n "${FUZZ_RUNS:-}" ]; then
        budget=(-runs="$FUZZ_RUNS" -seed="${FUZZ_SEED:-1}")
        echo "fuzz: $name for $FUZZ_RUNS runs, seed ${FUZZ_SEED:-1}"
    else
        budget=(-max_total_time="$seconds")
        echo "fuzz: $name for $seconds s"
    fi
    if (cd build-fuzz && "./$name" "${budget[@]}" -max_len=8192 -timeout=5 \
            "../$corpus" "../$seeds" > "$name.log" 2>&1); then
        tail -n 2 "build-fuzz/$name.log"
    else
        tail -n 40 "build-fuzz/$name.log"
        echo "fuzz: $name FAILED (inputs left in build-fuzz/)"
        failed=1
    fi
done
exit $failed
