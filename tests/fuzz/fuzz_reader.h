/* Shared by the reader fuzz targets: feeds the input in chunks of sizes drawn
 * from the input itself and traps on any broken promise of reader.h. */
#ifndef NARRATE_FUZZ_READER_H
#define NARRATE_FUZZ_READER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "reader.h"

typedef struct fuzz_doc {
    size_t size;
} fuzz_doc;

static size_t fuzz_utf8_length(const unsigned char *s, size_t n)
{
    size_t need = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (need == 0 || need > n || s[0] > 0xF4)
        return 0;
    for (size_t i = 1; i < need; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return need;
}

/* SSML markup: spans inside the block, marks' tags inside the document. */
static void fuzz_check_markup(const fuzz_doc *doc, const reader_block *b)
{
    const reader_markup *m = b->markup;
    if (m->pause_before_ms < 0 || m->pause_before_ms > 5000 || m->pause_after_ms < 0 ||
        m->pause_after_ms > 5000)
        __builtin_trap();
    for (size_t i = 0; i < m->nspans; i++) {
        const reader_span *sp = &m->spans[i];
        if (sp->from > sp->to || sp->to > b->len + 1 ||
            (sp->kind == SPAN_MARK && (!sp->text || sp->src + sp->src_len > doc->size)) ||
            (sp->kind == SPAN_PHONEMES && (!sp->text || strpbrk(sp->text, "[]\\\x01"))))
            __builtin_trap();
    }
}

static int fuzz_check_block(void *userdata, const reader_block *b)
{
    const fuzz_doc *doc = userdata;
    if (b->markup)
        fuzz_check_markup(doc, b);
    if (b->type < BLOCK_TITLE || b->type > BLOCK_NOTE || (b->len == 0 && !b->markup) ||
        b->len > READER_MAX_BLOCK_BYTES || b->text[b->len] != '\0' || b->source[b->len] > doc->size)
        __builtin_trap();
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->text[i];
        if (c < 0x20 || c == 0x7F || b->source[i] > b->source[i + 1] || b->source[i] >= doc->size)
            __builtin_trap();
    }
    for (size_t i = 0; i < b->len;) {
        size_t n = fuzz_utf8_length((const unsigned char *)b->text + i, b->len - i);
        if (n == 0)
            __builtin_trap();
        i += n;
    }
    return 0;
}

/* The first byte picks the options; the rest is the document. */
static int fuzz_reader(reader_format format, const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    reader_options opts = {data[0] & 1, (data[0] >> 1) & 1};
    unsigned seed = data[0];
    data++;
    size--;
    reader *r;
    if (reader_new(format, &opts, &r) != NARRATE_OK)
        return 0;
    fuzz_doc doc = {size};
    narrate_error err = NARRATE_OK;
    for (size_t at = 0; at < size && !err;) {
        seed = seed * 1103515245u + 12345u;
        size_t n = 1 + (seed >> 16) % 64;
        if (n > size - at)
            n = size - at;
        err = reader_feed(r, (const char *)data + at, n, fuzz_check_block, &doc);
        at += n;
    }
    char msg[128];
    if (!err)
        err = reader_finish(r, fuzz_check_block, &doc, msg, sizeof msg);
    if (err != NARRATE_OK && err != NARRATE_EINVAL)
        __builtin_trap();
    const reader_meta *m = reader_metadata(r);
    if (m->title && strlen(m->title) == 0)
        __builtin_trap();
    reader_free(r);
    return 0;
}

#endif
