/* Markdown through md4c, whose text callbacks point into the document, so every
 * offset is exact.  Read: headings, paragraphs, list items, block quotes,
 * tables row by row, link text, inline code.  Left out: URLs, raw HTML, struck
 * text, images (their alt text with read_image_alt), code blocks (a spoken
 * note instead).
 * Front matter gives the metadata and the title. */
#include <stdlib.h>
#include <string.h>

#include <md4c.h>

#include "reader_entity.h"
#include "reader_frontmatter.h"
#include "reader_internal.h"

typedef struct md_state {
    reader *r;
    block_sink *sink;
    const char *doc;
    size_t doc_len;
    block_builder block;
    table_reader table;
    block_nesting nesting;
    int heading;             /* the open heading's level, or 0 */
    int in_code, in_table, in_cell, in_thead, images, struck;
    uint64_t code_at, code_end, last_pos;
    int code_seen;
    int blocks_done;         /* a block has been emitted: no headline from a heading any more */
    size_t title_at, title_len; /* the front matter's title, if any */
} md_state;

static uint64_t position(md_state *s, const char *p)
{
    if (p >= s->doc && p <= s->doc + s->doc_len)
        s->last_pos = (uint64_t)(p - s->doc);
    return s->last_pos;
}

static block_builder *target(md_state *s)
{
    return s->in_cell ? &s->table.cell : &s->block;
}

static int heading_repeats_title(md_state *s)
{
    return s->title_len == s->block.len &&
           memcmp(s->doc + s->title_at, s->block.text, s->title_len) == 0;
}

/* Emits the text gathered so far as the block the nesting makes it. */
static int flush(md_state *s)
{
    block_type type = BLOCK_PARAGRAPH;
    int level = 0;
    if (bb_is_empty(&s->block)) {
        bb_clear(&s->block);
        return s->sink->err != 0;
    }
    if (s->heading) {
        type = BLOCK_HEADING;
        level = s->heading;
        if (s->heading == 1 && !s->blocks_done && !s->r->title) {
            type = BLOCK_TITLE;
            level = 0;
            if (!reader_set_meta(&s->r->title, s->block.text, s->block.len))
                s->block.failed = 1;
        } else if (s->heading == 1 && s->blocks_done == 1 && heading_repeats_title(s)) {
            bb_clear(&s->block);
            s->blocks_done++;
            return 0;
        }
    } else {
        type = nesting_block_type(&s->nesting, &level);
    }
    s->blocks_done++;
    return bb_emit(&s->block, type, level, s->sink) != NARRATE_OK;
}

static int push_container(md_state *s, char kind)
{
    if (nesting_push(&s->nesting, kind))
        return 0;
    s->sink->err = NARRATE_ENOMEM;
    return 1;
}

static int enter_table_part(md_state *s, MD_BLOCKTYPE type)
{
    if (type == MD_BLOCK_TABLE)
        s->in_table = 1;
    else if (type == MD_BLOCK_THEAD)
        s->in_thead = 1;
    else if (type == MD_BLOCK_TR)
        reader_table_row_begin(&s->table, s->in_thead);
    else if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
        reader_table_cell_begin(&s->table);
        s->in_cell = 1;
    }
    return 0;
}

static int leave_table_part(md_state *s, MD_BLOCKTYPE type)
{
    if (type == MD_BLOCK_TABLE)
        s->in_table = 0;
    else if (type == MD_BLOCK_THEAD)
        s->in_thead = 0;
    else if (type == MD_BLOCK_TR)
        return reader_table_row_end(&s->table, s->sink) != NARRATE_OK;
    else if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
        reader_table_cell_end(&s->table);
        s->in_cell = 0;
    }
    return 0;
}

static int is_table_part(MD_BLOCKTYPE type)
{
    return type == MD_BLOCK_TABLE || type == MD_BLOCK_THEAD || type == MD_BLOCK_TBODY ||
           type == MD_BLOCK_TR || type == MD_BLOCK_TH || type == MD_BLOCK_TD;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    md_state *s = userdata;
    if (!s->in_cell && flush(s))
        return 1;
    if (is_table_part(type))
        return enter_table_part(s, type);
    if (type == MD_BLOCK_QUOTE)
        return push_container(s, 'q');
    if (type == MD_BLOCK_LI)
        return push_container(s, 'l');
    if (type == MD_BLOCK_H)
        s->heading = (int)((MD_BLOCK_H_DETAIL *)detail)->level;
    if (type == MD_BLOCK_CODE) {
        s->in_code = 1;
        s->code_seen = 0;
    }
    return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    md_state *s = userdata;
    (void)detail;
    if (is_table_part(type))
        return leave_table_part(s, type);
    if (flush(s))
        return 1;
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI)
        nesting_pop(&s->nesting);
    if (type == MD_BLOCK_H)
        s->heading = 0;
    if (type == MD_BLOCK_CODE) {
        s->in_code = 0;
        uint64_t at = s->code_seen ? s->code_at : s->last_pos;
        s->blocks_done++;
        return block_note(s->sink, READER_CODE_NOTE, at, s->code_seen ? s->code_end : at) != NARRATE_OK;
    }
    return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    md_state *s = userdata;
    (void)detail;
    if (type == MD_SPAN_IMG) {
        s->images++;
        bb_space(target(s), s->last_pos);
    }
    if (type == MD_SPAN_DEL)
        s->struck++;
    return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    md_state *s = userdata;
    (void)detail;
    if (type == MD_SPAN_IMG) {
        s->images--;
        bb_space(target(s), s->last_pos);
    }
    if (type == MD_SPAN_DEL)
        s->struck--;
    return 0;
}

static void add_entity(block_builder *b, const char *text, size_t size, uint64_t at)
{
    char decoded[4];
    size_t n = entity_decode(text, size, decoded);
    if (n)
        bb_span(b, decoded, n, at, at + size);
    else
        bb_text(b, text, size, at);
}

static int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    md_state *s = userdata;
    uint64_t at = position(s, text);
    if (s->in_code) {
        if (!s->code_seen)
            s->code_at = at;
        s->code_seen = 1;
        s->code_end = at + size;
        return 0;
    }
    if (type == MD_TEXT_HTML || s->struck || (s->images && !s->r->options.read_image_alt))
        return 0;
    block_builder *b = target(s);
    if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR)
        bb_space(b, at);
    else if (type == MD_TEXT_NULLCHAR)
        bb_span(b, "\xEF\xBF\xBD", 3, at, at + 1);
    else if (type == MD_TEXT_ENTITY)
        add_entity(b, text, size, at);
    else if (text >= s->doc && text + size <= s->doc + s->doc_len)
        bb_text(b, text, size, at);
    else
        bb_span(b, text, size, at, at);
    return 0;
}

/* Emits the front matter's title and records its metadata. */
static void read_front_matter(md_state *s, const front_matter *fm)
{
    reader *r = s->r;
    const char *d = s->doc;
    if (!reader_set_meta(&r->byline, d + fm->field[FRONT_AUTHOR].at, fm->field[FRONT_AUTHOR].len) ||
        !reader_set_meta(&r->date, d + fm->field[FRONT_DATE].at, fm->field[FRONT_DATE].len))
        s->sink->err = NARRATE_ENOMEM;
    if (fm->field[FRONT_TITLE].len == 0)
        return;
    s->title_at = fm->field[FRONT_TITLE].at;
    s->title_len = fm->field[FRONT_TITLE].len;
    bb_text(&s->block, d + s->title_at, s->title_len, s->title_at);
    s->heading = 1;
    flush(s);
    s->heading = 0;
}

narrate_error reader_markdown_read(reader *r, block_sink *sink, char *errmsg, size_t errmsg_size)
{
    (void)errmsg;
    (void)errmsg_size;
    md_state s;
    memset(&s, 0, sizeof s);
    s.r = r;
    s.sink = sink;
    s.doc = r->doc ? r->doc : "";
    s.doc_len = r->doc_len;
    bb_init(&s.block);
    reader_table_init(&s.table);
    front_matter fm;
    front_matter_read(s.doc, s.doc_len, &fm);
    read_front_matter(&s, &fm);
    MD_PARSER parser = {0, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS,
                        enter_block, leave_block, enter_span, leave_span, text, NULL, NULL};
    size_t start = fm.body_start;
    if (!sink->err && md_parse(s.doc + start, (MD_SIZE)(s.doc_len - start), &parser, &s) != 0 &&
        !sink->err)
        sink->err = NARRATE_ENOMEM; /* md4c fails only when it cannot allocate */
    if (!sink->err)
        flush(&s);
    bb_free(&s.block);
    reader_table_free(&s.table);
    nesting_free(&s.nesting);
    return sink->err;
}
