/* An HTML document's bytes -> clean UTF-8 for libxml2, with a map back.
 *
 * The encoding comes from a byte order mark, else a <meta charset> or
 * http-equiv declaration (or an XML declaration) in the first 4 KiB, else
 * UTF-8 when the bytes are valid UTF-8, else windows-1252.  Labels for
 * ISO-8859-1 and ASCII decode as windows-1252, as browsers do.
 *
 * The copy libxml2 parses is valid UTF-8 with nothing libxml2 would drop or
 * rewrite: control characters, CR, U+FFFE/U+FFFF and (in UTF-8 input) invalid
 * bytes become spaces of the same length, so that parser positions in the copy
 * are positions in the original.  A transcoded copy carries remap, giving for
 * each copy byte the original offset of the character it came from, so
 * offsets stay exact per character in any encoding. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "norm_unicode.h"
#include "reader_html.h"

#define PRESCAN_BYTES 4096
#define MAX_LABEL 40

typedef enum input_kind { INPUT_UTF8, INPUT_SINGLE_BYTE, INPUT_ICONV } input_kind;

static const char *const windows_1252_labels[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
    "l1", "us-ascii", "ascii", "iso-ir-100", "ibm819", "cp819", NULL};

static int is_label(const char *label, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcasecmp(label, list[i]) == 0)
            return 1;
    return 0;
}

/* Copies the value after "charset=" or "encoding=" at p into label. */
static void copy_label(const char *p, const char *end, char *label)
{
    while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
        p++;
    size_t n = 0;
    while (p < end && n + 1 < MAX_LABEL && (p[0] == '-' || p[0] == '_' || p[0] == '.' ||
                                            p[0] == ':' || (p[0] >= '0' && p[0] <= '9') ||
                                            ((p[0] | 32) >= 'a' && (p[0] | 32) <= 'z')))
        label[n++] = *p++;
    label[n] = '\0';
}

/* Case-insensitive search for word in s[0..n). */
static const char *find_word(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    for (size_t i = 0; i + wl <= n; i++)
        if (strncasecmp(s + i, word, wl) == 0)
            return s + i;
    return NULL;
}

/* The declared encoding in the document's head, or "" (label: MAX_LABEL room). */
static void declared_label(const char *doc, size_t len, char *label)
{
    size_t n = len < PRESCAN_BYTES ? len : PRESCAN_BYTES;
    label[0] = '\0';
    if (n > 5 && strncmp(doc, "<?xml", 5) == 0) {
        const char *close = memchr(doc, '>', n);
        const char *enc = find_word(doc, close ? (size_t)(close - doc) : n, "encoding=");
        if (enc)
            copy_label(enc + 9, doc + n, label);
    }
    for (const char *p = doc; !label[0] && (p = find_word(p, n - (size_t)(p - doc), "<meta"));) {
        const char *close = memchr(p, '>', n - (size_t)(p - doc));
        const char *end = close ? close : doc + n;
        const char *cs = find_word(p, (size_t)(end - p), "charset=");
        if (cs)
            copy_label(cs + 8, end, label);
        p = end;
    }
}

static int valid_utf8(const char *s, size_t n)
{
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (len == 0)
            return 0;
        i += len;
    }
    return 1;
}

/* What libxml2 must not see: C0 controls but tab and LF, CR, U+FFFE, U+FFFF. */
static int must_blank(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF;
}

/* UTF-8 input: the copy is the document with unusable bytes blanked. */
static narrate_error copy_utf8(const char *doc, size_t len, html_input *in)
{
    in->u = malloc(len + 1);
    if (!in->u)
        return NARRATE_ENOMEM;
    in->ulen = len;
    size_t start = len >= 3 && memcmp(doc, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    memset(in->u, ' ', start);
    for (size_t i = start; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)doc + i, len - i, &cp);
        if (n == 0 || must_blank(cp))
            memset(in->u + i, ' ', n ? n : 1);
        else
            memcpy(in->u + i, doc + i, n);
        i += n ? n : 1;
    }
    in->u[len] = '\0';
    return NARRATE_OK;
}

typedef struct transcoder {
    html_input *in;
    size_t cap;
} transcoder;

static int put_char(transcoder *t, uint32_t cp, uint32_t from)
{
    char bytes[4];
    if (must_blank(cp))
        cp = ' ';
    size_t n = utf8_encode(cp, bytes);
    if (t->in->ulen + n + 1 > t->cap) {
        size_t cap = t->cap * 2 + 64;
        char *u = realloc(t->in->u, cap);
        if (u)
            t->in->u = u;
        uint32_t *remap = u ? realloc(t->in->remap, cap * sizeof *remap) : NULL;
        if (!remap)
            return 0;
        t->in->remap = remap;
        t->cap = cap;
    }
    for (size_t i = 0; i < n; i++) {
        t->in->u[t->in->ulen] = bytes[i];
        t->in->remap[t->in->ulen++] = from;
    }
    return 1;
}

/* Converts one character at s[0..n) with cd; returns the bytes it took (0:
 * none could be converted) and its scalar value in *cp. */
static size_t convert_one(iconv_t cd, const char *s, size_t n, uint32_t *cp)
{
    for (size_t take = 1; take <= n && take <= 8; take++) {
        char out[8], *op = out, *ip = (char *)s;
        size_t il = take, ol = sizeof out;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        if (r == (size_t)-1 && errno == EINVAL)
            continue; /* incomplete: take one more byte */
        if (r == (size_t)-1 || op == out)
            return r == (size_t)-1 ? 0 : take; /* a shift sequence converts to nothing */
        uint32_t value;
        if (utf8_decode((const unsigned char *)out, (size_t)(op - out), &value) == 0)
            return 0;
        *cp = value;
        return take;
    }
    return 0;
}

static narrate_error transcode(const char *doc, size_t len, const char *encoding, size_t skip,
                               html_input *in)
{
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1)
        return NARRATE_EINVAL;
    transcoder t = {in, 0};
    narrate_error err = NARRATE_OK;
    for (size_t i = skip; i < len && !err;) {
        uint32_t cp = ' ';
        size_t n = convert_one(cd, doc + i, len - i, &cp);
        if (n == 0) {
            cp = 0xFFFD;
            n = 1;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
        if (!put_char(&t, cp, (uint32_t)i))
            err = NARRATE_ENOMEM;
        i += n;
    }
    iconv_close(cd);
    if (!err && !put_char(&t, ' ', (uint32_t)len))
        err = NARRATE_ENOMEM;
    if (!err)
        in->u[--in->ulen] = '\0'; /* the space only made room for the NUL */
    return err;
}

narrate_error html_input_decode(const char *doc, size_t len, html_input *in)
{
    memset(in, 0, sizeof *in);
    in->doc_len = len;
    char label[MAX_LABEL];
    if (len >= 2 && memcmp(doc, "\xFF\xFE", 2) == 0)
        return transcode(doc, len, "UTF-16LE", 2, in);
    if (len >= 2 && memcmp(doc, "\xFE\xFF", 2) == 0)
        return transcode(doc, len, "UTF-16BE", 2, in);
    if (len >= 3 && memcmp(doc, "\xEF\xBB\xBF", 3) == 0)
        return copy_utf8(doc, len, in);
    declared_label(doc, len, label);
    int declared_utf8 = strcasecmp(label, "utf-8") == 0 || strcasecmp(label, "utf8") == 0 ||
                        strncasecmp(label, "utf-16", 6) == 0; /* utf-16 without BOM lies */
    if (declared_utf8 || (!label[0] && valid_utf8(doc, len)))
        return copy_utf8(doc, len, in);
    const char *encoding = label[0] && !is_label(label, windows_1252_labels) ? label : "WINDOWS-1252";
    narrate_error err = transcode(doc, len, encoding, 0, in);
    if (err == NARRATE_EINVAL) /* an encoding iconv does not know */
        err = transcode(doc, len, "WINDOWS-1252", 0, in);
    return err;
}

void html_input_free(html_input *in)
{
    free(in->u);
    free(in->remap);
    memset(in, 0, sizeof *in);
}
