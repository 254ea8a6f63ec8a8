/* The block builder: text plus source offsets, kept to reader.h's promises. */
#include <stdlib.h>
#include <string.h>

#include "norm_unicode.h"
#include "reader_internal.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD for an invalid byte */

/* Whether cp is whitespace or a control character; both become a word break. */
static int is_break(uint32_t cp)
{
    return cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

void bb_init(block_builder *b)
{
    memset(b, 0, sizeof *b);
}

void bb_free(block_builder *b)
{
    free(b->text);
    free(b->source);
    bb_init(b);
}

void bb_clear(block_builder *b)
{
    b->len = 0;
    b->space_pending = 0;
    b->separator = NULL;
}

int bb_is_empty(const block_builder *b)
{
    return b->len == 0;
}

static int reserve(block_builder *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *text = realloc(b->text, cap);
    if (text)
        b->text = text;
    uint64_t *source = text ? realloc(b->source, cap * sizeof *source) : NULL;
    if (!source) {
        b->failed = 1;
        return 0;
    }
    b->source = source;
    b->cap = cap;
    return 1;
}

/* The last offset written; new bytes never map below it. */
static uint64_t floor_offset(const block_builder *b)
{
    return b->len ? b->source[b->len - 1] : 0;
}

static void put(block_builder *b, const char *s, size_t n, uint64_t src, int verbatim)
{
    if (!reserve(b, n))
        return;
    uint64_t lo = floor_offset(b);
    memcpy(b->text + b->len, s, n);
    uint64_t *source = b->source + b->len;
    for (size_t i = 0; i < n; i++) {
        uint64_t at = verbatim ? src + i : src;
        source[i] = at < lo ? lo : at;
    }
    b->len += n;
}

static void put_space(block_builder *b, uint64_t src)
{
    if (!reserve(b, 1))
        return;
    uint64_t lo = floor_offset(b);
    b->text[b->len] = ' ';
    b->source[b->len++] = src < lo ? lo : src;
}

/* Writes a pending space or separator before text that maps to src. */
static void flush_pending(block_builder *b, uint64_t src)
{
    if (b->len && b->separator)
        put(b, b->separator, strlen(b->separator), src, 0);
    else if (b->len && b->space_pending)
        put_space(b, b->space_at);
    b->separator = NULL;
    b->space_pending = 0;
}

void bb_space(block_builder *b, uint64_t src)
{
    if (!b->space_pending) {
        b->space_pending = 1;
        b->space_at = src;
    }
}

void bb_separator(block_builder *b, const char *sep)
{
    if (b->len)
        b->separator = sep;
}

/* Appends one document character (n bytes standing for [src, src + width)). */
static void add_char(block_builder *b, const char *s, size_t n, uint64_t src, int verbatim)
{
    uint32_t cp = 0;
    size_t len = utf8_decode((const unsigned char *)s, n, &cp);
    if (len == 0) {
        flush_pending(b, src);
        put(b, replacement, 3, src, 0);
    } else if (cp == 0xFEFF) {
        /* a byte order mark or zero-width no-break space: nothing */
    } else if (is_break(cp)) {
        bb_space(b, src);
    } else {
        flush_pending(b, src);
        put(b, s, len, src, verbatim);
    }
}

static int printable_ascii(char c) { return (unsigned char)c > 0x20 && (unsigned char)c < 0x7F; }

/* The length of the run of printable ASCII at s, single spaces between its
 * characters included: bytes that add_char and bb_space would copy one by one,
 * each space mapping to its own offset, just as a pending space would. */
static size_t printable_ascii_run(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && (printable_ascii(s[k]) || (s[k] == ' ' && k > 0 && k + 1 < n && printable_ascii(s[k + 1]))))
        k++;
    return k;
}

static void append(block_builder *b, const char *s, size_t n, uint64_t src, uint64_t end,
                   int verbatim)
{
    size_t i = 0;
    while (i < n) {
        uint64_t at = verbatim ? src + i : src;
        if (s[i] == ' ') {
            bb_space(b, at);
            i++;
            continue;
        }
        size_t run = printable_ascii_run(s + i, n - i);
        if (run) {
            flush_pending(b, at);
            put(b, s + i, run, at, verbatim);
            i += run;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (len == 0)
            len = 1;
        add_char(b, s + i, len, verbatim ? src + i : src, verbatim);
        i += len;
    }
    if (end > b->end)
        b->end = end;
}

void bb_text(block_builder *b, const char *s, size_t n, uint64_t src)
{
    append(b, s, n, src, src + n, 1);
}

void bb_span(block_builder *b, const char *s, size_t n, uint64_t src, uint64_t end)
{
    append(b, s, n, src, end, 0);
}

void bb_append(block_builder *b, const block_builder *from)
{
    if (from->len == 0)
        return;
    flush_pending(b, from->source[0]);
    if (!reserve(b, from->len))
        return;
    memcpy(b->text + b->len, from->text, from->len);
    uint64_t lo = floor_offset(b);
    for (size_t i = 0; i < from->len; i++) {
        lo = from->source[i] < lo ? lo : from->source[i];
        b->source[b->len + i] = lo;
    }
    b->len += from->len;
    if (from->end > b->end)
        b->end = from->end;
}

void bb_truncate(block_builder *b, size_t n)
{
    while (n > 0 && b->text[n - 1] == ' ')
        n--;
    if (n < b->len)
        b->end = b->source[n];
    b->len = n;
    b->space_pending = 0;
    b->separator = NULL;
}

void block_sink_init(block_sink *s, reader_emit_fn emit, void *userdata)
{
    memset(s, 0, sizeof *s);
    s->emit = emit;
    s->userdata = userdata;
}

void block_sink_free(block_sink *s)
{
    free(s->scratch);
    s->scratch = NULL;
}

/* The offsets as the caller sees them: through remap, and never past the
 * document (a byte maps below doc_len, the end to doc_len at most). */
static const uint64_t *remapped(block_sink *s, const uint64_t *source, size_t len)
{
    if (!s->remap && !s->doc_len)
        return source;
    if (s->scratch_cap < len + 1) {
        uint64_t *grown = realloc(s->scratch, (len + 1) * sizeof *grown);
        if (!grown)
            return NULL;
        s->scratch = grown;
        s->scratch_cap = len + 1;
    }
    for (size_t i = 0; i <= len; i++) {
        uint64_t v = source[i];
        if (s->remap)
            v = v < s->remap_len ? s->remap[v] : s->remap_end;
        if (s->doc_len && v > s->doc_len - (i < len))
            v = s->doc_len - (i < len);
        s->scratch[i] = v;
    }
    return s->scratch;
}

/* Delivers text[0..len) (NUL at len) with source[0..len]. */
static narrate_error deliver(block_sink *s, block_type type, int level, const char *text,
                             size_t len, const uint64_t *source)
{
    if (s->err)
        return s->err;
    const uint64_t *mapped = remapped(s, source, len);
    if (!mapped)
        return s->err = NARRATE_ENOMEM;
    reader_block block = {type, level, text, len, mapped, s->markup};
    if (s->emit && s->emit(s->userdata, &block) != 0)
        s->err = NARRATE_ESTOPPED;
    return s->err;
}

/* Where to cut text longer than the limit: after the last space within it, else
 * on a UTF-8 boundary.  Returns the piece's length; *next is where the rest starts. */
static size_t cut_point(const char *text, size_t *next)
{
    size_t at = READER_MAX_BLOCK_BYTES;
    while (at > 0 && text[at] != ' ')
        at--;
    if (at > 0) {
        *next = at + 1;
        return at;
    }
    at = READER_MAX_BLOCK_BYTES;
    while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
        at--;
    *next = at;
    return at;
}

/* Emits the piece text[start .. start + n) whose end offset is `end`. */
static narrate_error emit_piece(block_builder *b, block_type type, int level, size_t start,
                                size_t n, uint64_t end, block_sink *sink)
{
    char saved_char = b->text[start + n];
    uint64_t saved_source = b->source[start + n];
    b->text[start + n] = '\0';
    b->source[start + n] = end;
    narrate_error err = deliver(sink, type, level, b->text + start, n, b->source + start);
    b->text[start + n] = saved_char;
    b->source[start + n] = saved_source;
    return err;
}

static narrate_error emit_pieces(block_builder *b, block_type type, int level,
                                 block_sink *sink, int keep_rest)
{
    if (b->failed)
        return sink->err ? sink->err : (sink->err = NARRATE_ENOMEM);
    size_t start = 0;
    while (!sink->err && b->len - start > READER_MAX_BLOCK_BYTES) {
        size_t next, n = cut_point(b->text + start, &next);
        /* the piece ends where the next one starts */
        emit_piece(b, type, level, start, n, b->source[start + next], sink);
        start += next;
    }
    if (start > 0) {
        memmove(b->text, b->text + start, b->len - start);
        memmove(b->source, b->source + start, (b->len - start) * sizeof *b->source);
        b->len -= start;
    }
    if (!keep_rest && !sink->err && b->len > 0) {
        uint64_t last = floor_offset(b);
        emit_piece(b, type, level, 0, b->len, b->end > last ? b->end : last, sink);
    }
    if (!keep_rest)
        bb_clear(b);
    return sink->err;
}

narrate_error bb_emit(block_builder *b, block_type type, int level, block_sink *sink)
{
    return emit_pieces(b, type, level, sink, 0);
}

narrate_error bb_emit_full(block_builder *b, block_type type, int level, block_sink *sink)
{
    return emit_pieces(b, type, level, sink, 1);
}

narrate_error block_note(block_sink *sink, const char *words, uint64_t src, uint64_t end)
{
    block_builder note;
    bb_init(&note);
    bb_span(&note, words, strlen(words), src, end);
    narrate_error err = bb_emit(&note, BLOCK_NOTE, 0, sink);
    bb_free(&note);
    return err;
}
