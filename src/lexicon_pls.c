/* W3C Pronunciation Lexicon Specification 1.0 files (*.pls), parsed with
 * libxml2.  Hostile XML is refused before libxml2 sees it: any entity
 * declaration, and nesting deeper than PLS_MAX_DEPTH.  The parse uses its own
 * context with no network, no DTD loading and no entity substitution; errors
 * go to a handler on that context (nothing is printed) and no global libxml2
 * state is changed.
 *
 * Accepted: <lexicon alphabet="ipa|x-espeak"> holding <lexeme> elements, each
 * with one or more <grapheme> and a <phoneme> (optionally with its own
 * alphabet) or an <alias>; the first of those in document order is used.
 * Graphemes match case-insensitively.  A grapheme listed again in a later
 * lexeme keeps its first pronunciation, as PLS prefers the first. */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ipa.h"
#include "lexicon_internal.h"
#include "xml_init.h"

#define PLS_MAX_DEPTH 64

int lex_looks_like_xml(const char *data, size_t size)
{
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, size -= 3;
    while (size && (*data == ' ' || *data == '\n' || *data == '\r' || *data == '\t'))
        data++, size--;
    return size >= 5 && (memcmp(data, "<?xml", 5) == 0 || memcmp(data, "<lexi", 5) == 0);
}

/* ---- refusing hostile documents before parsing ---- */

static unsigned line_at(const char *data, const char *at)
{
    unsigned line = 1;
    for (const char *p = data; p < at; p++)
        line += *p == '\n';
    return line;
}

static const char *find(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; p + n <= end; p++)
        if (memcmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* End of the tag starting at p ('<'), honouring quoted attribute values. */
static const char *tag_end(const char *p, const char *end)
{
    char quote = 0;
    for (; p < end; p++) {
        if (quote)
            quote = *p == quote ? 0 : quote;
        else if (*p == '"' || *p == '\'')
            quote = *p;
        else if (*p == '>')
            return p;
    }
    return NULL;
}

/* Skips a comment, processing instruction, CDATA section or DOCTYPE at p. */
static const char *skip_markup(const char *p, const char *end)
{
    static const struct { const char *open, *close; } kinds[] = {
        {"<!--", "-->"}, {"<?", "?>"}, {"<![CDATA[", "]]>"}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if ((size_t)(end - p) >= strlen(kinds[i].open) && memcmp(p, kinds[i].open, strlen(kinds[i].open)) == 0) {
            const char *close = find(p, end, kinds[i].close);
            return close ? close + strlen(kinds[i].close) : end;
        }
    if (p + 1 < end && p[1] == '!') { /* DOCTYPE, possibly with [internal subset] */
        const char *q = p;
        int depth = 0;
        for (; q < end; q++) {
            depth += *q == '[';
            depth -= *q == ']';
            if (*q == '>' && depth <= 0)
                return q + 1;
        }
        return end;
    }
    return NULL;
}

static narrate_error refuse_hostile(lex_parse *p, const char *data, size_t size)
{
    const char *end = data + size;
    const char *entity = find(data, end, "<!ENTITY");
    if (entity)
        return lex_parse_error(p, line_at(data, entity), NARRATE_EDATA,
                               "entity declarations are refused (DOCTYPE with <!ENTITY>)");
    int depth = 0;
    for (const char *s = memchr(data, '<', size); s; s = memchr(s, '<', (size_t)(end - s))) {
        const char *skipped = skip_markup(s, end);
        if (skipped) {
            s = skipped;
            continue;
        }
        const char *close = tag_end(s, end);
        if (!close)
            break; /* libxml2 reports the broken tag */
        if (s[1] == '/')
            depth--;
        else if (close[-1] != '/' && ++depth > PLS_MAX_DEPTH)
            return lex_parse_error(p, line_at(data, s), NARRATE_EDATA,
                                   "elements nested deeper than %d levels are refused", PLS_MAX_DEPTH);
        s = close + 1;
    }
    return 0;
}

/* ---- libxml2 parse with a private error handler ---- */

typedef struct xml_error {
    char message[200];
    int line;
} xml_error;

static void on_xml_error(void *data, xmlErrorPtr err)
{
    xmlParserCtxtPtr ctxt = data;
    xml_error *first = ctxt ? ctxt->_private : NULL;
    if (!first || first->message[0] || !err || !err->message)
        return;
    snprintf(first->message, sizeof first->message, "%s", err->message);
    first->message[strcspn(first->message, "\n")] = '\0';
    first->line = err->line;
}

static xmlDocPtr parse_xml(lex_parse *p, const char *data, size_t size, narrate_error *err)
{
    xml_init_once();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        *err = lex_parse_error(p, 0, NARRATE_ENOMEM, "out of memory");
        return NULL;
    }
    xml_error first = {"", 0};
    ctxt->_private = &first;
    ctxt->sax->serror = on_xml_error;
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)size, p->name, NULL, options);
    if (!doc || !ctxt->wellFormed) {
        *err = lex_parse_error(p, first.line > 0 ? (unsigned)first.line : 0, NARRATE_EDATA, "XML: %s",
                               first.message[0] ? first.message : "not well-formed");
        if (doc)
            xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* ---- the PLS vocabulary ---- */

typedef enum pls_alphabet { PLS_IPA, PLS_ESPEAK } pls_alphabet;

static int is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static unsigned line_of(const xmlNode *n)
{
    long line = xmlGetLineNo(n);
    return line > 0 ? (unsigned)line : 0;
}

static narrate_error alphabet_of(lex_parse *p, const xmlNode *n, const char *value, pls_alphabet *out)
{
    static const char *const espeak_names[] = {"x-espeak", "x-espeak-ng", "espeak", "espeak-ng"};
    if (strcmp(value, "ipa") == 0) {
        *out = PLS_IPA;
        return 0;
    }
    for (size_t i = 0; i < sizeof espeak_names / sizeof *espeak_names; i++)
        if (strcmp(value, espeak_names[i]) == 0) {
            *out = PLS_ESPEAK;
            return 0;
        }
    return lex_parse_error(p, line_of(n), NARRATE_EDATA, "unsupported alphabet '%.40s' (use ipa or x-espeak)", value);
}

/* The element's text with runs of white space made single spaces, trimmed. */
static void element_text(const xmlNode *n, char *out, size_t cap)
{
    xmlChar *text = xmlNodeGetContent(n);
    size_t o = 0;
    int space = 0;
    for (const xmlChar *c = text; c && *c && o + 2 < cap; c++) {
        if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r') {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = 0;
        out[o++] = (char)*c;
    }
    out[o] = '\0';
    xmlFree(text);
}

typedef struct pls_doc {
    lex_parse *p;
    pls_alphabet alphabet;
    const ipa_table *ipa;
} pls_doc;

/* The lexeme's pronunciation: phonemes (converted) or an alias. */
static narrate_error lexeme_pronunciation(pls_doc *d, const xmlNode *lexeme, char *phonemes, char *alias,
                                          size_t cap)
{
    phonemes[0] = alias[0] = '\0';
    for (const xmlNode *c = lexeme->children; c; c = c->next) {
        if (is_element(c, "alias")) {
            element_text(c, alias, cap);
            return 0;
        }
        if (!is_element(c, "phoneme"))
            continue;
        pls_alphabet alphabet = d->alphabet;
        xmlChar *own = xmlGetProp(c, (const xmlChar *)"alphabet");
        narrate_error err = own ? alphabet_of(d->p, c, (const char *)own, &alphabet) : 0;
        xmlFree(own);
        if (err)
            return err;
        char text[LEX_MAX_PHONEMES * 4];
        element_text(c, text, sizeof text);
        if (alphabet == PLS_ESPEAK) {
            if (strlen(text) >= cap)
                return lex_parse_error(d->p, line_of(c), NARRATE_EDATA, "pronunciation longer than %d bytes",
                                       LEX_MAX_PHONEMES);
            memcpy(phonemes, text, strlen(text) + 1);
            return 0;
        }
        char bad[64];
        if (ipa_to_espeak(d->ipa, text, phonemes, cap, bad, sizeof bad) != 0)
            return lex_parse_error(d->p, line_of(c), NARRATE_EDATA, "IPA symbol %s not supported", bad);
        return 0;
    }
    return lex_parse_error(d->p, line_of(lexeme), NARRATE_EDATA, "<lexeme> without <phoneme> or <alias>");
}

static narrate_error add_grapheme(pls_doc *d, const xmlNode *g, const char *phonemes, const char *alias)
{
    char text[LEX_MAX_KEY];
    element_text(g, text, sizeof text);
    const char *words[LEX_MAX_WORDS + 1];
    char *save = NULL;
    size_t n = 0;
    for (char *w = strtok_r(text, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (n == LEX_MAX_WORDS)
            return lex_parse_error(d->p, line_of(g), NARRATE_EDATA, "phrase longer than %d words", LEX_MAX_WORDS);
        words[n++] = w;
    }
    if (n && lex_parse_seen(d->p, words, n))
        return 0;
    return lex_parse_add(d->p, line_of(g), words, n, phonemes[0] ? phonemes : NULL, phonemes[0] ? NULL : alias, 0);
}

static narrate_error add_lexeme(pls_doc *d, const xmlNode *lexeme)
{
    char phonemes[LEX_MAX_PHONEMES + 1], alias[LEX_MAX_PHONEMES + 1];
    narrate_error err = lexeme_pronunciation(d, lexeme, phonemes, alias, sizeof phonemes);
    int graphemes = 0;
    for (const xmlNode *c = lexeme->children; !err && c; c = c->next)
        if (is_element(c, "grapheme")) {
            graphemes++;
            err = add_grapheme(d, c, phonemes, alias);
        }
    if (!err && !graphemes)
        err = lex_parse_error(d->p, line_of(lexeme), NARRATE_EDATA, "<lexeme> without <grapheme>");
    return err;
}

static narrate_error read_lexicon(pls_doc *d, const xmlNode *root)
{
    if (!root || !is_element(root, "lexicon"))
        return lex_parse_error(d->p, root ? line_of(root) : 0, NARRATE_EDATA, "root element is not <lexicon>");
    xmlChar *alphabet = xmlGetProp(root, (const xmlChar *)"alphabet");
    if (!alphabet)
        return lex_parse_error(d->p, line_of(root), NARRATE_EDATA, "<lexicon> without alphabet attribute");
    narrate_error err = alphabet_of(d->p, root, (const char *)alphabet, &d->alphabet);
    xmlFree(alphabet);
    for (const xmlNode *c = root->children; !err && c; c = c->next)
        if (is_element(c, "lexeme"))
            err = add_lexeme(d, c);
    return err;
}

narrate_error lex_parse_pls(lex_parse *p, const char *data, size_t size)
{
    if (size > (size_t)INT32_MAX)
        return lex_parse_error(p, 0, NARRATE_EDATA, "file too large");
    narrate_error err = refuse_hostile(p, data, size);
    if (err)
        return err;
    xmlDocPtr doc = parse_xml(p, data, size, &err);
    if (!doc)
        return err;
    pls_doc d = {p, PLS_IPA, p->ipa};
    err = read_lexicon(&d, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return err;
}
