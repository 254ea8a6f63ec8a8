/* HTML: the article's blocks in document order.  The title comes first; then
 * the article root is walked: block elements end blocks, inline elements do
 * not, <br><br> ends a paragraph, a <pre> with code becomes a note, data
 * tables are read row by row, and furniture phrases left inside the article
 * ("Advertisement") are dropped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader_html.h"

#define NODE_OPEN 0x400 /* entered with effects that leaving must undo */
#define LINK_BLOCK_MAX 80

typedef struct html_reader {
    html_page *page;
    reader *r;
    block_sink *sink;
    block_builder block;
    table_reader table;
    block_nesting nesting;
    int heading, tables, in_cell, breaks;
    int headings_seen;      /* the first heading is not read when it repeats the title */
} html_reader;

static block_builder *target(html_reader *h)
{
    return h->in_cell ? &h->table.cell : &h->block;
}

static int is_furniture(html_reader *h, const block_builder *b)
{
    line_verdict v = reader_hints_judge_line(&h->r->hints, b->text, b->len);
    return v == LINE_FURNITURE || v == LINE_LINK_LIST ||
           (v == LINE_CREDIT && !h->r->options.read_captions);
}

static int repeats_title(html_reader *h)
{
    const char *title = h->r->title;
    return h->heading && h->headings_seen++ == 0 && title && strlen(title) == h->block.len &&
           memcmp(title, h->block.text, h->block.len) == 0;
}

static void flush(html_reader *h)
{
    block_type type = BLOCK_PARAGRAPH;
    int level = 0;
    h->breaks = 0;
    if (bb_is_empty(&h->block) || is_furniture(h, &h->block) || repeats_title(h)) {
        bb_clear(&h->block);
        return;
    }
    if (h->heading) {
        type = BLOCK_HEADING;
        level = h->heading;
    } else {
        type = nesting_block_type(&h->nesting, &level);
    }
    bb_emit(&h->block, type, level, h->sink);
}

static int has_descendant(xmlNodePtr node, int (*test)(xmlNodePtr))
{
    for (xmlNodePtr n = node->children ? node->children : NULL; n; n = html_next(n, node, 0))
        if (test(n))
            return 1;
    return 0;
}

static int is_code(xmlNodePtr n)
{
    return html_is(n, "code") || html_is(n, "kbd") || html_is(n, "samp");
}

static int is_layout_part(xmlNodePtr n)
{
    return html_is_block(n) && !html_is(n, "tr") && !html_is(n, "td") && !html_is(n, "th") &&
           !html_is(n, "thead") && !html_is(n, "tbody") && !html_is(n, "tfoot") &&
           !html_is(n, "caption");
}

static int is_data_table(xmlNodePtr table)
{
    return html_is(table, "table") && !has_descendant(table, is_layout_part);
}

static int is_header_row(xmlNodePtr tr)
{
    int cells = 0;
    for (xmlNodePtr c = tr->children; c; c = c->next) {
        if (html_is(c, "td"))
            return 0;
        cells += html_is(c, "th");
    }
    return cells > 0 || html_is(tr->parent, "thead");
}

/* A short block that is (almost) all links: a kicker, a "more" link. */
static int is_link_block(xmlNodePtr n, const node_info *info)
{
    return info->text_bytes > 0 && info->link_bytes * 10 >= info->text_bytes * 8 &&
           info->text_bytes < LINK_BLOCK_MAX && html_is_block(n) && !html_heading_level(n) &&
           !html_is(n, "td") && !html_is(n, "th") && !html_is(n, "blockquote");
}

static int skipped(const html_reader *h, xmlNodePtr n, const node_info *info)
{
    return (info->flags & (NODE_DROP | NODE_BYLINE | NODE_TITLE)) ||
           ((info->flags & NODE_CAPTION) && !h->r->options.read_captions) ||
           is_link_block(n, info);
}

/* Elements read in place of their content: line breaks, images, code. */
static int replaced(html_reader *h, xmlNodePtr n, uint64_t at)
{
    block_builder *b = target(h);
    if (html_is(n, "br")) {
        if (h->breaks++ && !h->in_cell)
            flush(h);
        bb_space(b, at);
        return 1;
    }
    if (html_is(n, "img")) {
        const char *alt = html_attr(n, "alt");
        if (alt && h->r->options.read_image_alt) {
            bb_space(b, at);
            bb_span(b, alt, strlen(alt), at, at);
            bb_space(b, at);
        }
        return 1;
    }
    if (html_is(n, "pre") && has_descendant(n, is_code)) {
        flush(h);
        block_note(h->sink, READER_CODE_NOTE, at, at);
        return 1;
    }
    return 0;
}

static void enter_table_part(html_reader *h, xmlNodePtr n)
{
    if (html_is(n, "table") && is_data_table(n))
        h->tables++;
    else if (h->tables && html_is(n, "tr"))
        reader_table_row_begin(&h->table, is_header_row(n));
    else if (h->tables && (html_is(n, "td") || html_is(n, "th"))) {
        reader_table_cell_begin(&h->table);
        h->in_cell = 1;
    }
}

static void leave_table_part(html_reader *h, xmlNodePtr n)
{
    if (h->tables && (html_is(n, "td") || html_is(n, "th"))) {
        reader_table_cell_end(&h->table);
        h->in_cell = 0;
    } else if (h->tables && html_is(n, "tr")) {
        reader_table_row_end(&h->table, h->sink);
    } else if (html_is(n, "table") && h->tables && is_data_table(n)) {
        h->tables--;
    }
}

/* Returns whether to walk into n's children. */
static int enter(html_reader *h, xmlNodePtr n)
{
    node_info *info = n->_private;
    if (n->type == XML_TEXT_NODE) {
        html_append_text_node(h->page, n, target(h));
        if (info && info->text_bytes)
            h->breaks = 0;
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || !info || skipped(h, n, info) ||
        replaced(h, n, info->pos))
        return 0;
    if (html_is_block(n) && !h->in_cell)
        flush(h);
    enter_table_part(h, n);
    if ((html_is(n, "blockquote") && !nesting_push(&h->nesting, 'q')) ||
        (html_is(n, "li") && !nesting_push(&h->nesting, 'l')))
        h->sink->err = NARRATE_ENOMEM;
    else if (html_heading_level(n))
        h->heading = html_heading_level(n);
    info->flags |= NODE_OPEN;
    return 1;
}

static void leave(html_reader *h, xmlNodePtr n)
{
    node_info *info = n->_private;
    if (!info || !(info->flags & NODE_OPEN))
        return;
    info->flags &= ~(unsigned)NODE_OPEN;
    leave_table_part(h, n);
    if (html_is_block(n) && !h->in_cell)
        flush(h);
    if (html_is(n, "blockquote") || html_is(n, "li"))
        nesting_pop(&h->nesting);
    else if (html_heading_level(n))
        h->heading = 0;
}

static void walk(html_reader *h, xmlNodePtr root)
{
    xmlNodePtr n = root;
    int descend = enter(h, n);
    while (!h->sink->err) {
        if (descend && n->children) {
            n = n->children;
            descend = enter(h, n);
            continue;
        }
        for (;;) {
            leave(h, n);
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                descend = enter(h, n);
                break;
            }
            n = n->parent;
        }
    }
}

static void emit_title(html_reader *h)
{
    html_page *p = h->page;
    block_builder *b = &h->block;
    if (p->title_node) {
        html_append_text(p, p->title_node, b);
        if (html_is(p->title_node, "title") && b->len)
            bb_truncate(b, title_without_site(b->text, b->len));
    } else if (p->title_attr) {
        size_t n = title_without_site(p->title_attr, strlen(p->title_attr));
        bb_span(b, p->title_attr, n, p->title_attr_pos, p->title_attr_pos);
    }
    if (b->len && !reader_set_meta(&h->r->title, b->text, b->len))
        h->sink->err = NARRATE_ENOMEM;
    bb_emit(b, BLOCK_TITLE, 0, h->sink);
}

narrate_error reader_html_read(reader *r, block_sink *sink, char *errmsg, size_t errmsg_size)
{
    char why[160] = "";
    html_input in;
    html_page page;
    narrate_error err = html_input_decode(r->doc ? r->doc : "", r->doc_len, &in);
    if (!err)
        err = html_page_parse(&page, &in, why, sizeof why);
    else
        memset(&page, 0, sizeof page);
    if (!err)
        err = html_page_analyze(&page, r);
    if (!err && page.root) {
        sink->remap = in.remap;
        sink->remap_len = in.ulen;
        sink->remap_end = r->doc_len;
        html_reader h = {.page = &page, .r = r, .sink = sink};
        bb_init(&h.block);
        reader_table_init(&h.table);
        emit_title(&h);
        walk(&h, page.root);
        flush(&h);
        bb_free(&h.block);
        reader_table_free(&h.table);
        nesting_free(&h.nesting);
        err = sink->err;
    }
    if (err == NARRATE_EINVAL && errmsg && errmsg_size)
        snprintf(errmsg, errmsg_size, "%s", why);
    html_page_free(&page);
    html_input_free(&in);
    return err;
}
