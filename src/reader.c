/* The reader object: format dispatch, the document buffer of the whole-document
 * formats, metadata, and format detection. */
#define _GNU_SOURCE /* memmem */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "reader_internal.h"

#define MAX_DOCUMENT_BYTES ((uint64_t)UINT32_MAX)

narrate_error reader_new(reader_format format, const reader_options *options, reader **out)
{
    *out = NULL;
    if (format < READER_TEXT || format > READER_SSML)
        return NARRATE_EINVAL;
    reader *r = calloc(1, sizeof *r);
    if (!r)
        return NARRATE_ENOMEM;
    r->format = format;
    if (options)
        r->options = *options;
    if (!reader_hints_load(&r->hints) || (format == READER_TEXT && reader_text_state_new(&r->text))) {
        reader_free(r);
        return NARRATE_ENOMEM;
    }
    *out = r;
    return NARRATE_OK;
}

void reader_free(reader *r)
{
    if (!r)
        return;
    reader_hints_free(&r->hints);
    reader_text_state_free(r->text);
    free(r->doc);
    free(r->title);
    free(r->byline);
    free(r->date);
    free(r);
}

static narrate_error keep_document(reader *r, const char *bytes, size_t len)
{
    if (r->doc_len + len + 1 > r->doc_cap) {
        size_t cap = r->doc_cap ? r->doc_cap : 65536;
        while (cap < r->doc_len + len + 1)
            cap *= 2;
        char *grown = realloc(r->doc, cap);
        if (!grown)
            return NARRATE_ENOMEM;
        r->doc = grown;
        r->doc_cap = cap;
    }
    memcpy(r->doc + r->doc_len, bytes, len);
    r->doc_len += len;
    r->doc[r->doc_len] = '\0';
    return NARRATE_OK;
}

narrate_error reader_feed(reader *r, const char *bytes, size_t len, reader_emit_fn emit,
                          void *userdata)
{
    if (r->finished)
        return NARRATE_ESTATE;
    if (r->sticky)
        return r->sticky;
    if (len > MAX_DOCUMENT_BYTES - r->fed)
        return NARRATE_EINVAL;
    r->fed += len;
    if (len == 0)
        return NARRATE_OK;
    if (r->format != READER_TEXT)
        return r->sticky = keep_document(r, bytes, len);
    block_sink sink;
    block_sink_init(&sink, emit, userdata);
    r->sticky = reader_text_feed(r, bytes, len, &sink);
    block_sink_free(&sink);
    return r->sticky;
}

narrate_error reader_finish(reader *r, reader_emit_fn emit, void *userdata, char *errmsg,
                            size_t errmsg_size)
{
    if (errmsg && errmsg_size)
        errmsg[0] = '\0';
    if (r->finished)
        return NARRATE_ESTATE;
    r->finished = 1;
    if (r->sticky)
        return r->sticky;
    block_sink sink;
    block_sink_init(&sink, emit, userdata);
    sink.doc_len = r->fed;
    narrate_error err;
    if (r->format == READER_TEXT)
        err = reader_text_finish(r, &sink);
    else if (r->format == READER_MARKDOWN)
        err = reader_markdown_read(r, &sink, errmsg, errmsg_size);
    else if (r->format == READER_SSML)
        err = reader_ssml_read(r, &sink);
    else
        err = reader_html_read(r, &sink, errmsg, errmsg_size);
    block_sink_free(&sink);
    r->meta.title = r->title;
    r->meta.byline = r->byline;
    r->meta.date = r->date;
    return err;
}

const reader_meta *reader_metadata(const reader *r)
{
    return &r->meta;
}

int reader_set_meta(char **field, const char *s, size_t n)
{
    if (*field || !s)
        return 1;
    char *copy = malloc(n + 1);
    if (!copy)
        return 0;
    size_t len = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == ' ' || c == 0x7F) {
            space = len > 0;
            continue;
        }
        if (space)
            copy[len++] = ' ';
        space = 0;
        copy[len++] = (char)c;
    }
    copy[len] = '\0';
    if (len == 0)
        free(copy);
    else
        *field = copy;
    return 1;
}

static int has_extension(const char *filename, const char *const *exts)
{
    const char *dot = strrchr(filename, '.');
    if (!dot || strchr(dot, '/'))
        return 0;
    for (size_t i = 0; exts[i]; i++)
        if (strcasecmp(dot + 1, exts[i]) == 0)
            return 1;
    return 0;
}

/* Whether head (after blanks) starts with word, ignoring ASCII case. */
static int starts_with(const char *head, size_t len, const char *word)
{
    size_t i = 0;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && isspace((unsigned char)head[i]))
        i++;
    size_t wl = strlen(word);
    return len - i >= wl && strncasecmp(head + i, word, wl) == 0;
}

reader_format reader_detect(const char *filename, const char *head, size_t len)
{
    static const char *const html_exts[] = {"html", "htm", "xhtml", "shtml", NULL};
    static const char *const md_exts[] = {"md", "markdown", "mdown", "mkd", NULL};
    static const char *const ssml_exts[] = {"ssml", NULL};
    if (filename && strcmp(filename, "-") != 0) {
        if (has_extension(filename, html_exts))
            return READER_HTML;
        if (has_extension(filename, md_exts))
            return READER_MARKDOWN;
        if (has_extension(filename, ssml_exts))
            return READER_SSML;
    }
    if (!head)
        return READER_TEXT;
    if (starts_with(head, len, "<speak") ||
        (starts_with(head, len, "<?xml") && memmem(head, len, "<speak", 6)))
        return READER_SSML;
    if (starts_with(head, len, "<!doctype html") || starts_with(head, len, "<html") ||
        starts_with(head, len, "<?xml") || starts_with(head, len, "<head") ||
        starts_with(head, len, "<!--"))
        return READER_HTML;
    if (len >= 4 && (memcmp(head, "---\n", 4) == 0 || (len >= 5 && memcmp(head, "---\r\n", 5) == 0)))
        return READER_MARKDOWN;
    if (len >= 2 && head[0] == '#' && (head[1] == ' ' || head[1] == '#'))
        return READER_MARKDOWN;
    return READER_TEXT;
}
