/* libxml2's HTML parser, with each text node's source recorded as it is built.
 *
 * libxml2 keeps line numbers, not byte offsets, on nodes.  So the SAX
 * callbacks are wrapped: the default SAX2 handlers build the tree, and around
 * each characters() call the wrapper reads the parser's position in the input
 * (consumed + cur - base).  The input is the clean UTF-8 copy of
 * reader_html_input.c, which libxml2 parses without re-encoding or dropping
 * anything, so a plain text run is the len bytes just before that position
 * (or before the next character, when libxml2 flushed a full buffer), and a
 * character reference is the bytes from the last '&' to the position.  The
 * result goes into the text node's runs; anything that does not line up maps
 * to the position reached so far, which keeps maps monotonic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include "norm_unicode.h"
#include "reader_html.h"
#include "xml_init.h"

#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                       HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC)

static void quiet(void *userdata, xmlErrorPtr error)
{
    (void)userdata;
    (void)error;
}

node_info *html_node_info(html_page *p, xmlNodePtr node)
{
    if (node->_private)
        return node->_private;
    if (p->ninfos == p->infos_cap) {
        size_t cap = p->infos_cap ? 2 * p->infos_cap : 256;
        node_info **grown = realloc(p->infos, cap * sizeof *grown);
        if (!grown) {
            p->failed = 1;
            return NULL;
        }
        p->infos = grown;
        p->infos_cap = cap;
    }
    node_info *info = calloc(1, sizeof *info);
    if (!info) {
        p->failed = 1;
        return NULL;
    }
    info->pos = node->parent && node->parent->_private
                    ? ((node_info *)node->parent->_private)->pos : p->cursor;
    p->infos[p->ninfos++] = info;
    node->_private = info;
    return info;
}

static uint64_t parser_position(xmlParserCtxtPtr ctxt)
{
    xmlParserInputPtr in = ctxt->input;
    return (uint64_t)in->consumed + (uint64_t)(in->cur - in->base);
}

static int add_run(html_page *p, node_info *info, text_run run)
{
    if (info->nruns == info->runs_cap) {
        size_t cap = info->runs_cap ? 2 * info->runs_cap : 4;
        text_run *grown = realloc(info->runs, cap * sizeof *grown);
        if (!grown) {
            p->failed = 1;
            return 0;
        }
        info->runs = grown;
        info->runs_cap = cap;
    }
    info->runs[info->nruns++] = run;
    return 1;
}

/* Where the len bytes ch, just delivered with the parser at `at`, came from. */
static text_run locate(html_page *p, const xmlChar *ch, size_t len, uint64_t at)
{
    text_run run = {0, (uint32_t)p->cursor, (uint32_t)p->cursor, 0};
    uint64_t ends[2] = {at, at};
    if (at < p->ulen) { /* a flushed buffer: the position is at its last character */
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)p->u + at, p->ulen - at, &cp);
        ends[1] = at + (n ? n : 1);
    }
    for (int i = 0; i < 2; i++)
        if (ends[i] >= len && ends[i] - len >= p->cursor && ends[i] <= p->ulen &&
            memcmp(p->u + ends[i] - len, ch, len) == 0) {
            run.src = (uint32_t)(ends[i] - len);
            run.src_end = (uint32_t)ends[i];
            run.verbatim = 1;
            return run;
        }
    for (uint64_t i = at; i > p->cursor && at <= p->ulen; i--)
        if (p->u[i - 1] == '&') {
            run.src = (uint32_t)(i - 1);
            run.src_end = (uint32_t)at;
            return run;
        }
    return run;
}

static void record_text(html_page *p, xmlParserCtxtPtr ctxt, xmlNodePtr before,
                        const xmlChar *ch, int len)
{
    xmlNodePtr text = ctxt->node ? ctxt->node->last : NULL;
    if (!text || text->type != XML_TEXT_NODE || len <= 0)
        return;
    int fresh = text->_private == NULL;
    node_info *info = html_node_info(p, text);
    if (!info)
        return;
    if (fresh && text == before) { /* text libxml2 made without us: map it roughly */
        info->text_len = (size_t)xmlStrlen(text->content) - (size_t)len;
        text_run rough = {0, (uint32_t)p->cursor, (uint32_t)p->cursor, 0};
        add_run(p, info, rough);
    }
    text_run run = locate(p, ch, (size_t)len, parser_position(ctxt));
    run.text_off = (uint32_t)info->text_len;
    if (add_run(p, info, run))
        info->text_len += (size_t)len;
    if (run.src_end > p->cursor)
        p->cursor = run.src_end;
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr ctxt = ctx;
    html_page *p = ctxt->_private;
    xmlNodePtr before = ctxt->node ? ctxt->node->last : NULL;
    xmlSAX2Characters(ctx, ch, len);
    record_text(p, ctxt, before, ch, len);
}

static void on_start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    xmlParserCtxtPtr ctxt = ctx;
    html_page *p = ctxt->_private;
    xmlNodePtr parent = ctxt->node;
    xmlSAX2StartElement(ctx, name, atts);
    if (ctxt->node && ctxt->node != parent && !ctxt->node->_private) {
        uint64_t at = parser_position(ctxt);
        node_info *info = html_node_info(p, ctxt->node);
        if (info)
            info->pos = at > p->cursor ? at : p->cursor;
        if (at > p->cursor && at <= p->ulen)
            p->cursor = at;
    }
}

narrate_error html_page_parse(html_page *p, const html_input *in, char *why, size_t why_size)
{
    memset(p, 0, sizeof *p);
    p->u = in->u;
    p->ulen = in->ulen;
    if (in->ulen > INT32_MAX) {
        snprintf(why, why_size, "the HTML document is larger than 2 GiB");
        return NARRATE_EINVAL;
    }
    if (in->ulen == 0)
        return NARRATE_OK;
    xml_init_once();
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(in->u, (int)in->ulen);
    if (!ctxt)
        return NARRATE_ENOMEM;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    xmlSAX2InitHtmlDefaultSAXHandler(&sax);
    sax.characters = on_characters;
    sax.ignorableWhitespace = on_characters;
    sax.startElement = on_start_element;
    sax.serror = quiet;
    sax.initialized = XML_SAX2_MAGIC;
    memcpy(ctxt->sax, &sax, sizeof sax);
    ctxt->_private = p;
    htmlCtxtUseOptions(ctxt, PARSE_OPTIONS);
    /* The copy is UTF-8: without this, libxml2 re-detects the encoding at the
     * first non-ASCII byte and rebuilds its input, losing our positions. */
    ctxt->charset = XML_CHAR_ENCODING_UTF8;
    htmlParseDocument(ctxt);
    p->doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    int halted = ctxt->disableSAX != 0;
    htmlFreeParserCtxt(ctxt);
    if (p->failed || !p->doc)
        return p->failed ? NARRATE_ENOMEM : NARRATE_OK;
    if (halted) {
        snprintf(why, why_size, "the HTML parser refused the document (nesting or a text "
                                "past its limits)");
        return NARRATE_EINVAL;
    }
    return NARRATE_OK;
}

void html_page_free(html_page *p)
{
    for (size_t i = 0; i < p->ninfos; i++) {
        free(p->infos[i]->runs);
        free(p->infos[i]);
    }
    free(p->infos);
    free(p->title_attr);
    if (p->doc)
        xmlFreeDoc(p->doc);
    memset(p, 0, sizeof *p);
}

void html_append_text_node(html_page *p, xmlNodePtr text, block_builder *b)
{
    const char *content = (const char *)text->content;
    node_info *info = text->_private;
    size_t len = content ? strlen(content) : 0;
    if (!info || info->text_len != len || info->nruns == 0) {
        uint64_t at = info ? info->pos : p->cursor;
        bb_span(b, content ? content : "", len, at, at);
        return;
    }
    for (size_t i = 0; i < info->nruns; i++) {
        const text_run *r = &info->runs[i];
        size_t end = i + 1 < info->nruns ? info->runs[i + 1].text_off : len;
        if (r->verbatim)
            bb_text(b, content + r->text_off, end - r->text_off, r->src);
        else
            bb_span(b, content + r->text_off, end - r->text_off, r->src, r->src_end);
    }
}

void html_append_text(html_page *p, xmlNodePtr node, block_builder *b)
{
    for (xmlNodePtr n = node; n; n = html_next(n, node, 0))
        if (n->type == XML_TEXT_NODE)
            html_append_text_node(p, n, b);
}
