/* espeak-ng mnemonics to CMU phones, for lexicon readings spoken by Flite.
 * The table is pronunciations/espeak-cmu.tsv (embedded in the worker); the
 * caller passes its text so that tests can pass the file. */
#ifndef NARRATE_WORKER_ESPEAK_CMU_H
#define NARRATE_WORKER_ESPEAK_CMU_H

#include <stddef.h>

/* Writes the CMU phones of `mnemonics` (one or more words, as lexicon matches
 * give them) to out as space-separated phones, vowels with stress 1 or 0
 * ("m aa1 r k ax0 s").  Mnemonics the table lacks are skipped.  Returns the
 * number of phones, or -1 when out is too small. */
int espeak_to_cmu(const char *table, const char *mnemonics, char *out, size_t size);

#endif
