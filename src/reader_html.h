/* The HTML reader's parts (reader_html*.c); internal.
 *
 *   reader_html_input.c  bytes in any encoding -> clean UTF-8 copy + remap
 *   reader_html_parse.c  libxml2 parse that records each text's source bytes
 *   reader_html_page.c   what is furniture, where the article is, metadata
 *   reader_html.c        the article's blocks, in order */
#ifndef NARRATE_READER_HTML_H
#define NARRATE_READER_HTML_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>

#include "reader_internal.h"

typedef struct html_input {
    char *u;           /* UTF-8, NUL-terminated, ulen bytes */
    size_t ulen;
    uint32_t *remap;   /* NULL when offsets in u are offsets in the document */
    size_t doc_len;
} html_input;

/* Possible errors: ENOMEM. */
narrate_error html_input_decode(const char *doc, size_t len, html_input *in);
void html_input_free(html_input *in);

/* Where a stretch of a text node's content came from: content bytes from
 * text_off on are either a verbatim copy of u from src on, or all stand for
 * the reference u[src .. src_end). */
typedef struct text_run {
    uint32_t text_off, src, src_end;
    int verbatim;
} text_run;

enum {
    NODE_DROP = 1,        /* furniture: never read, nor counted */
    NODE_CAPTION = 2,     /* read only with read_captions */
    NODE_BYLINE = 4,      /* metadata, not speech */
    NODE_TITLE = 8,       /* the element the title was read from */
};

/* What the reader knows of a node; node->_private points to it. */
typedef struct node_info {
    uint64_t pos;         /* elements: where the start tag ends in u */
    text_run *runs;       /* text nodes */
    size_t nruns, runs_cap, text_len;
    unsigned flags;
    uint32_t text_bytes, link_bytes, prose_bytes, commas;
    double score;
} node_info;

typedef struct html_page {
    xmlDocPtr doc;
    const char *u;
    size_t ulen;
    node_info **infos;    /* every info, owned */
    size_t ninfos, infos_cap;
    uint64_t cursor;      /* parse: source position reached so far */
    int failed;           /* allocation failed */
    xmlNodePtr root;      /* the article */
    xmlNodePtr title_node;/* an <h1> or <title> the title came from, or NULL */
    char *title_attr;     /* the title from og:title when no node, owned */
    uint64_t title_attr_pos;
} html_page;

/* Parses in->u.  Returns ENOMEM, or EINVAL with why when libxml2 gave up on
 * the document (nesting past its depth limit, a text node past 10 MB). */
narrate_error html_page_parse(html_page *p, const html_input *in, char *why, size_t why_size);
void html_page_free(html_page *p);
/* The node's info, created on first use (NULL after an allocation failure). */
node_info *html_node_info(html_page *p, xmlNodePtr node);

/* Marks furniture, finds the article root and the title, fills r's metadata. */
narrate_error html_page_analyze(html_page *p, reader *r);
/* The title, byline and date (called by html_page_analyze once root is known). */
narrate_error html_page_metadata(html_page *p, reader *r, xmlNodePtr top);

/* Tag and attribute helpers. */
int html_is(xmlNodePtr node, const char *tag);
int html_is_block(xmlNodePtr node);
int html_heading_level(xmlNodePtr node);
/* Whether n's class or id holds a hint word of that kind. */
int html_has_hint(const reader_hints *h, hint_kind kind, xmlNodePtr n);
/* The attribute's value (owned by the document) or NULL. */
const char *html_attr(xmlNodePtr node, const char *name);
/* The next node in document order within root, skipping node's children when
 * skip_children; NULL past the end. */
xmlNodePtr html_next(xmlNodePtr node, xmlNodePtr root, int skip_children);

/* Appends the text of node's subtree (all of it, furniture included) to b. */
void html_append_text(html_page *p, xmlNodePtr node, block_builder *b);
/* Appends one text node's content with its source map. */
void html_append_text_node(html_page *p, xmlNodePtr text, block_builder *b);

#endif
