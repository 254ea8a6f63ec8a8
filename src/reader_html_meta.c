/* What a page says about itself: title (an <h1> of the article, og:title or
 * <title>), byline (meta author, a byline element) and date
 * (article:published_time and kin, a <time datetime>). */
#include <string.h>
#include <strings.h>

#include "reader_html.h"

typedef struct page_meta {
    const char *og_title, *author, *date;
    xmlNodePtr og_node, title, byline, time;
} page_meta;

static int equals(const char *a, const char *b)
{
    return a && strcasecmp(a, b) == 0;
}

static void read_meta_tag(xmlNodePtr n, page_meta *m)
{
    const char *key = html_attr(n, "property");
    if (!key)
        key = html_attr(n, "name");
    if (!key)
        key = html_attr(n, "itemprop");
    const char *content = html_attr(n, "content");
    if (!key || !content || !*content)
        return;
    if (!m->og_title && (equals(key, "og:title") || equals(key, "twitter:title"))) {
        m->og_title = content;
        m->og_node = n;
    } else if (!m->author && (equals(key, "author") || equals(key, "article:author") ||
                              equals(key, "byl") || equals(key, "dc.creator")) &&
               strncmp(content, "http", 4) != 0) {
        m->author = content;
    } else if (!m->date && (equals(key, "article:published_time") || equals(key, "date") ||
                            equals(key, "pubdate") || equals(key, "datepublished") ||
                            equals(key, "dc.date"))) {
        m->date = content;
    }
}

static int is_byline(const reader_hints *h, xmlNodePtr n)
{
    node_info *info = n->_private;
    return info && !(info->flags & NODE_DROP) &&
           (html_is(n, "address") || html_has_hint(h, HINT_BYLINE_CLASS, n));
}

static void scan(const reader_hints *h, xmlNodePtr top, page_meta *m)
{
    for (xmlNodePtr n = top; n; n = html_next(n, top, 0)) {
        node_info *info = n->_private;
        if (html_is(n, "meta"))
            read_meta_tag(n, m);
        else if (html_is(n, "title") && !m->title)
            m->title = n;
        else if (!m->byline && is_byline(h, n))
            m->byline = n;
        else if (!m->time && html_is(n, "time") && html_attr(n, "datetime") &&
                 !(info && (info->flags & NODE_DROP)))
            m->time = n;
        if (html_attr(n, "itemprop") && equals(html_attr(n, "itemprop"), "datePublished") &&
            !m->date)
            m->date = html_attr(n, "datetime") ? html_attr(n, "datetime") : html_attr(n, "content");
    }
}

/* Whether node lies in a dropped subtree. */
static int is_dropped(xmlNodePtr node)
{
    for (xmlNodePtr a = node; a; a = a->parent)
        if (a->_private && (((node_info *)a->_private)->flags & NODE_DROP))
            return 1;
    return 0;
}

static xmlNodePtr first_h1(xmlNodePtr top)
{
    for (xmlNodePtr n = top; n; n = html_next(n, top, 0))
        if (html_is(n, "h1") && !is_dropped(n))
            return n;
    return NULL;
}

/* Whether the h1's text starts the page title (it is the headline, not a logo). */
static int h1_is_headline(html_page *p, xmlNodePtr h1, const char *page_title)
{
    if (!page_title)
        return 1;
    block_builder b;
    bb_init(&b);
    html_append_text(p, h1, &b);
    int match = b.len > 0 && strncasecmp(page_title, b.text, b.len) == 0;
    bb_free(&b);
    return match;
}

static char *plain_text(html_page *p, xmlNodePtr n)
{
    block_builder b;
    bb_init(&b);
    html_append_text(p, n, &b);
    char *text = NULL;
    if (!b.failed && b.len) {
        b.text[b.len] = '\0';
        text = b.text;
        b.text = NULL;
    }
    bb_free(&b);
    return text;
}

static narrate_error choose_title(html_page *p, xmlNodePtr top, const page_meta *m)
{
    xmlNodePtr h1 = p->root ? first_h1(p->root) : NULL;
    char *page_title = m->og_title ? NULL : m->title ? plain_text(p, m->title) : NULL;
    const char *known = m->og_title ? m->og_title : page_title;
    if (!h1 && (h1 = first_h1(top)) && !h1_is_headline(p, h1, known))
        h1 = NULL;
    free(page_title);
    if (h1 || (!m->og_title && m->title)) {
        p->title_node = h1 ? h1 : m->title;
        node_info *info = html_node_info(p, p->title_node);
        if (!info)
            return NARRATE_ENOMEM;
        info->flags |= NODE_TITLE;
    } else if (m->og_title) {
        p->title_attr = strdup(m->og_title);
        node_info *info = m->og_node->_private;
        p->title_attr_pos = info ? info->pos : 0;
        if (!p->title_attr)
            return NARRATE_ENOMEM;
    }
    return NARRATE_OK;
}

/* The innermost byline element at or below n ("byline" holds "author"). */
static xmlNodePtr innermost_byline(const reader_hints *h, xmlNodePtr n)
{
    for (xmlNodePtr d = n->children; d; d = html_next(d, n, 0))
        if (is_byline(h, d))
            n = d;
    return n;
}

/* A byline element's text without a leading "By ". */
static narrate_error read_byline(html_page *p, reader *r, xmlNodePtr n)
{
    char *text = plain_text(p, innermost_byline(&r->hints, n));
    if (!text)
        return NARRATE_OK;
    const char *s = text;
    if (strncasecmp(s, "by ", 3) == 0)
        s += 3;
    int ok = strlen(s) > 120 || reader_set_meta(&r->byline, s, strlen(s));
    free(text);
    return ok ? NARRATE_OK : NARRATE_ENOMEM;
}

narrate_error html_page_metadata(html_page *p, reader *r, xmlNodePtr top)
{
    page_meta m;
    memset(&m, 0, sizeof m);
    scan(&r->hints, top, &m);
    narrate_error err = choose_title(p, top, &m);
    if (err)
        return err;
    if (m.author && !reader_set_meta(&r->byline, m.author, strlen(m.author)))
        return NARRATE_ENOMEM;
    if (!m.author && m.byline && (err = read_byline(p, r, m.byline)))
        return err;
    const char *date = m.date ? m.date : m.time ? html_attr(m.time, "datetime") : NULL;
    if (date && !reader_set_meta(&r->date, date, strlen(date)))
        return NARRATE_ENOMEM;
    return NARRATE_OK;
}
