/* Small questions about libxml2 HTML nodes, and document-order traversal
 * without recursion (documents may nest deeply). */
#include <string.h>
#include <strings.h>

#include "reader_html.h"

int html_is(xmlNodePtr node, const char *tag)
{
    return node && node->type == XML_ELEMENT_NODE && node->name &&
           strcasecmp((const char *)node->name, tag) == 0;
}

int html_heading_level(xmlNodePtr node)
{
    if (!node || node->type != XML_ELEMENT_NODE || !node->name)
        return 0;
    const char *n = (const char *)node->name;
    if ((n[0] == 'h' || n[0] == 'H') && n[1] >= '1' && n[1] <= '6' && n[2] == '\0')
        return n[1] - '0';
    return 0;
}

int html_is_block(xmlNodePtr node)
{
    static const char *const blocks[] = {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", NULL};
    if (!node || node->type != XML_ELEMENT_NODE)
        return 0;
    if (html_heading_level(node))
        return 1;
    for (size_t i = 0; blocks[i]; i++)
        if (html_is(node, blocks[i]))
            return 1;
    return 0;
}

const char *html_attr(xmlNodePtr node, const char *name)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return NULL;
    for (xmlAttrPtr a = node->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE
                       ? (const char *)a->children->content : "";
    return NULL;
}

xmlNodePtr html_next(xmlNodePtr node, xmlNodePtr root, int skip_children)
{
    if (!skip_children && node->children && node->type != XML_ENTITY_REF_NODE)
        return node->children;
    while (node && node != root) {
        if (node->next)
            return node->next;
        node = node->parent;
    }
    return NULL;
}
