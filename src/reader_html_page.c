/* Where the article is on a page, and what is furniture around it.
 *
 * 1. Mark: elements that are never article text (scripts, forms, navigation,
 *    asides, footers, hidden elements, landmark roles other than main) are
 *    dropped; class/id words from boilerplate.tsv mark noise candidates,
 *    captions and bylines.
 * 2. Count text, link text and prose per element, bottom-up.  A noise
 *    candidate is dropped unless it holds half the page's prose or more (an
 *    article wrapper with an unlucky class name).
 * 3. Score: each paragraph-like element of 25+ characters gives its parent
 *    1 + commas + up to 3 for length, half that to the grandparent, a third to
 *    the one above; an element's score is discounted by its link density.
 * 4. The best element grows to its parent while what the parent adds is
 *    mostly prose, then to the nearest enclosing <article> or <main>. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader_html.h"

#define NODE_NOISE 0x100
#define NODE_BLOCK_CHILD 0x200
#define MIN_PARAGRAPH 25

static int is_dropped_tag(xmlNodePtr n)
{
    static const char *const tags[] = {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "source", "track", "map", "form", "button",
        "input", "select", "textarea", "option", "nav", "aside", "footer", "dialog", "link",
        "meta", "frameset", "frame", NULL};
    for (size_t i = 0; tags[i]; i++)
        if (html_is(n, tags[i]))
            return 1;
    return 0;
}

static int is_dropped_role(const char *role)
{
    static const char *const roles[] = {"navigation", "banner", "contentinfo", "complementary",
                                        "search", "dialog", "alertdialog", "menu", "menubar",
                                        "toolbar", "alert", NULL};
    for (size_t i = 0; role && roles[i]; i++)
        if (strcasecmp(role, roles[i]) == 0)
            return 1;
    return 0;
}

static int is_hidden(xmlNodePtr n)
{
    const char *aria = html_attr(n, "aria-hidden");
    const char *style = html_attr(n, "style");
    if (html_attr(n, "hidden") || (aria && strcasecmp(aria, "true") == 0))
        return 1;
    if (!style)
        return 0;
    char squeezed[256];
    size_t len = 0;
    for (const char *s = style; *s && len + 1 < sizeof squeezed; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            squeezed[len++] = (char)(*s | ((*s >= 'A' && *s <= 'Z') ? 32 : 0));
    squeezed[len] = '\0';
    return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

static int is_landmark(xmlNodePtr n)
{
    const char *role = html_attr(n, "role");
    const char *prop = html_attr(n, "itemprop");
    return html_is(n, "article") || html_is(n, "main") || (role && strcasecmp(role, "main") == 0) ||
           (prop && strcasecmp(prop, "articleBody") == 0);
}

static int inside_landmark(xmlNodePtr n)
{
    for (xmlNodePtr a = n->parent; a; a = a->parent)
        if (is_landmark(a))
            return 1;
    return 0;
}

int html_has_hint(const reader_hints *h, hint_kind kind, xmlNodePtr n)
{
    return reader_hints_match_class(h, kind, html_attr(n, "class")) ||
           reader_hints_match_class(h, kind, html_attr(n, "id"));
}

static unsigned classify(const reader_hints *h, xmlNodePtr n)
{
    if (is_dropped_tag(n) || is_hidden(n) || is_dropped_role(html_attr(n, "role")) ||
        (html_is(n, "header") && !inside_landmark(n)))
        return NODE_DROP;
    unsigned flags = 0;
    int structural = html_is(n, "html") || html_is(n, "body") || is_landmark(n);
    if (!structural && html_has_hint(h, HINT_NOISE_CLASS, n))
        flags |= NODE_NOISE;
    if (html_is(n, "figcaption") || html_has_hint(h, HINT_CAPTION_CLASS, n))
        flags |= NODE_CAPTION;
    if (!structural && (html_is(n, "address") || html_has_hint(h, HINT_BYLINE_CLASS, n) ||
                        html_has_hint(h, HINT_DATE_CLASS, n)))
        flags |= NODE_BYLINE;
    return flags;
}

/* The elements under top in document order, dropped subtrees left out. */
typedef struct node_list {
    xmlNodePtr *nodes;
    size_t n, cap;
} node_list;

static int list_live(html_page *p, xmlNodePtr top, node_list *out)
{
    out->n = 0;
    for (xmlNodePtr n = top; n;) {
        node_info *info = html_node_info(p, n);
        if (!info)
            return 0;
        if (info->flags & NODE_DROP) {
            n = html_next(n, top, 1);
            continue;
        }
        if (out->n == out->cap) {
            size_t cap = out->cap ? 2 * out->cap : 1024;
            xmlNodePtr *grown = realloc(out->nodes, cap * sizeof *grown);
            if (!grown)
                return 0;
            out->nodes = grown;
            out->cap = cap;
        }
        out->nodes[out->n++] = n;
        n = html_next(n, top, 0);
    }
    return 1;
}

static uint32_t visible_bytes(const char *s, uint32_t *commas)
{
    uint32_t n = 0;
    for (; s && *s; s++) {
        n += (unsigned char)*s > ' ';
        *commas += *s == ',';
    }
    return n;
}

static int is_paragraph_like(xmlNodePtr n, const node_info *info)
{
    if (html_is(n, "p") || html_is(n, "pre") || html_is(n, "td") || html_is(n, "blockquote"))
        return 1;
    return (html_is(n, "div") || html_is(n, "section") || html_is(n, "article")) &&
           !(info->flags & NODE_BLOCK_CHILD);
}

/* Bottom-up text, link and prose counts over the live nodes. */
static void count(const node_list *live)
{
    for (size_t i = 0; i < live->n; i++) {
        node_info *info = live->nodes[i]->_private;
        info->text_bytes = info->link_bytes = info->prose_bytes = info->commas = 0;
        info->flags &= ~(unsigned)NODE_BLOCK_CHILD;
        info->score = 0;
    }
    for (size_t i = live->n; i-- > 0;) {
        xmlNodePtr n = live->nodes[i];
        node_info *info = n->_private;
        if (n->type == XML_TEXT_NODE)
            info->text_bytes = visible_bytes((const char *)n->content, &info->commas);
        else if (n->type != XML_ELEMENT_NODE)
            continue;
        if (html_is(n, "a"))
            info->link_bytes = info->text_bytes;
        if (n->type == XML_ELEMENT_NODE && is_paragraph_like(n, info))
            info->prose_bytes = info->text_bytes;
        node_info *up = n->parent ? n->parent->_private : NULL;
        if (!up || i == 0)
            continue;
        up->text_bytes += info->text_bytes;
        up->link_bytes += info->link_bytes;
        up->prose_bytes += info->prose_bytes;
        up->commas += info->commas;
        if (html_is_block(n))
            up->flags |= NODE_BLOCK_CHILD;
    }
}

static void drop_noise(const node_list *live, uint32_t page_prose)
{
    for (size_t i = 0; i < live->n; i++) {
        node_info *info = live->nodes[i]->_private;
        if ((info->flags & NODE_NOISE) && info->prose_bytes * 2 < page_prose)
            info->flags |= NODE_DROP;
    }
}

static double link_density(const node_info *info)
{
    return info->text_bytes ? (double)info->link_bytes / info->text_bytes : 0;
}

static xmlNodePtr best_candidate(const node_list *live)
{
    for (size_t i = 0; i < live->n; i++) {
        xmlNodePtr n = live->nodes[i];
        node_info *info = n->_private;
        if (n->type != XML_ELEMENT_NODE || !is_paragraph_like(n, info) ||
            info->text_bytes < MIN_PARAGRAPH)
            continue;
        double s = 1 + info->commas + (info->text_bytes / 100 < 3 ? info->text_bytes / 100 : 3);
        xmlNodePtr up = n->parent;
        for (int k = 1; k <= 3 && up && up->_private; k++, up = up->parent)
            ((node_info *)up->_private)->score += s / k;
    }
    xmlNodePtr best = NULL;
    double best_score = 0;
    for (size_t i = 0; i < live->n; i++) {
        node_info *info = live->nodes[i]->_private;
        double s = info->score * (1 - link_density(info));
        if (live->nodes[i]->type == XML_ELEMENT_NODE && s > best_score) {
            best = live->nodes[i];
            best_score = s;
        }
    }
    return best;
}

/* Grows the best element to its parent while what the parent adds is mostly
 * prose, not links: an intro kept apart from the body, for instance. */
static xmlNodePtr grow(xmlNodePtr best)
{
    xmlNodePtr root = best;
    for (xmlNodePtr up = root->parent; up && up->_private && !html_is(up, "body") &&
                                       !html_is(up, "html");
         up = up->parent) {
        const node_info *have = root->_private, *info = up->_private;
        uint32_t extra = info->text_bytes - have->text_bytes;
        uint32_t extra_prose = info->prose_bytes - have->prose_bytes;
        uint32_t extra_links = info->link_bytes - have->link_bytes;
        if (extra > 0 && (extra_prose * 2 < extra || extra_links * 4 > extra))
            break;
        root = up;
    }
    for (xmlNodePtr a = root; a; a = a->parent)
        if (is_landmark(a))
            return a;
    return root;
}

static xmlNodePtr first_landmark(xmlNodePtr top)
{
    for (xmlNodePtr n = top; n; n = html_next(n, top, 0))
        if (is_landmark(n))
            return n;
    for (xmlNodePtr n = top; n; n = html_next(n, top, 0))
        if (html_is(n, "body"))
            return n;
    return top;
}

static narrate_error mark_and_find_root(html_page *p, const reader_hints *h, xmlNodePtr top)
{
    for (xmlNodePtr n = top; n;) {
        node_info *info = html_node_info(p, n);
        if (!info)
            return NARRATE_ENOMEM;
        if (n->type == XML_ELEMENT_NODE)
            info->flags |= classify(h, n);
        n = html_next(n, top, (info->flags & NODE_DROP) != 0);
    }
    node_list live = {NULL, 0, 0};
    if (!list_live(p, top, &live))
        return free(live.nodes), NARRATE_ENOMEM;
    count(&live);
    drop_noise(&live, ((node_info *)top->_private)->prose_bytes);
    if (!list_live(p, top, &live))
        return free(live.nodes), NARRATE_ENOMEM;
    count(&live);
    xmlNodePtr best = best_candidate(&live);
    p->root = best ? grow(best) : first_landmark(top);
    free(live.nodes);
    return NARRATE_OK;
}

narrate_error html_page_analyze(html_page *p, reader *r)
{
    xmlNodePtr top = p->doc ? xmlDocGetRootElement(p->doc) : NULL;
    if (!top)
        return NARRATE_OK;
    narrate_error err = mark_and_find_root(p, &r->hints, top);
    return err ? err : html_page_metadata(p, r, top);
}
