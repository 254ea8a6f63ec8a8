/* Tables for a listener, and the nesting of quotes and lists.  Tables: one block a row, cells joined with ", ", and a body
 * cell prefixed with its column's header ("Population: 40,000") when the table
 * starts with a header row, which is then not spoken on its own. */
#include <stdlib.h>
#include <string.h>

#include "reader_internal.h"

void reader_table_init(table_reader *t)
{
    memset(t, 0, sizeof *t);
    bb_init(&t->row);
    bb_init(&t->cell);
}

static void forget_headers(table_reader *t)
{
    for (size_t i = 0; i < t->nheaders; i++)
        free(t->headers[i]);
    free(t->headers);
    t->headers = NULL;
    t->nheaders = 0;
}

void reader_table_free(table_reader *t)
{
    forget_headers(t);
    bb_free(&t->row);
    bb_free(&t->cell);
}

void reader_table_row_begin(table_reader *t, int header_row)
{
    if (header_row)
        forget_headers(t);
    t->in_header_row = header_row;
    t->column = 0;
    bb_clear(&t->row);
}

void reader_table_cell_begin(table_reader *t)
{
    bb_clear(&t->cell);
}

static void keep_header(table_reader *t)
{
    char **grown = realloc(t->headers, (t->column + 1) * sizeof *grown);
    if (!grown) {
        t->row.failed = 1;
        return;
    }
    t->headers = grown;
    while (t->nheaders <= t->column)
        t->headers[t->nheaders++] = NULL;
    char *copy = malloc(t->cell.len + 1);
    if (!copy) {
        t->row.failed = 1;
        return;
    }
    memcpy(copy, t->cell.text ? t->cell.text : "", t->cell.len);
    copy[t->cell.len] = '\0';
    t->headers[t->column] = copy;
}

void reader_table_cell_end(table_reader *t)
{
    if (t->cell.failed)
        t->row.failed = 1;
    if (t->in_header_row) {
        keep_header(t);
    } else if (!bb_is_empty(&t->cell)) {
        const char *header = t->column < t->nheaders ? t->headers[t->column] : NULL;
        uint64_t at = t->cell.source[0];
        bb_separator(&t->row, ", ");
        if (header && *header) {
            bb_span(&t->row, header, strlen(header), at, at);
            bb_separator(&t->row, ": ");
        }
        bb_append(&t->row, &t->cell);
    }
    bb_separator(&t->row, ", ");
    t->column++;
}

narrate_error reader_table_row_end(table_reader *t, block_sink *sink)
{
    if (t->row.failed)
        return sink->err ? sink->err : (sink->err = NARRATE_ENOMEM);
    if (t->in_header_row) {
        bb_clear(&t->row);
        return sink->err;
    }
    return bb_emit(&t->row, BLOCK_TABLE_ROW, 0, sink);
}

int nesting_push(block_nesting *n, char kind)
{
    if (n->depth == n->cap) {
        size_t cap = n->cap ? 2 * n->cap : 32;
        char *grown = realloc(n->kinds, cap);
        if (!grown)
            return 0;
        n->kinds = grown;
        n->cap = cap;
    }
    n->kinds[n->depth++] = kind;
    *(kind == 'q' ? &n->quotes : &n->items) += 1;
    return 1;
}

void nesting_pop(block_nesting *n)
{
    if (n->depth > 0)
        *(n->kinds[--n->depth] == 'q' ? &n->quotes : &n->items) -= 1;
}

void nesting_free(block_nesting *n)
{
    free(n->kinds);
    memset(n, 0, sizeof *n);
}

block_type nesting_block_type(const block_nesting *n, int *level)
{
    *level = 0;
    if (n->depth == 0)
        return BLOCK_PARAGRAPH;
    if (n->kinds[n->depth - 1] == 'l') {
        *level = (int)n->items;
        return BLOCK_LIST_ITEM;
    }
    *level = (int)n->quotes;
    return BLOCK_QUOTE;
}
