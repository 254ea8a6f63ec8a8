/* narrate's SSML subset, parsed here and never by an engine.
 *
 * The document is read once, left to right, at finish.  Text becomes block text
 * (so the normalizer still runs on it); what SSML says beyond the words goes
 * into the block's reader_markup: pauses around the block, and spans for
 * prosody, phonemes, spelled letters and marks.  A block ends at p and s
 * boundaries and at a break, whose silence becomes the block's pause after.
 *
 * Safety: a tag ends at the first '>' (attribute values cannot hide one); a
 * '<' with no '>' after it is text.  Unknown elements (audio among them) are
 * ignored and their text read.  Nesting deeper than MAX_DEPTH is read as text
 * without its markup.  Every scan moves forward, so any input is linear. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "embedded.h"
#include "ipa.h"
#include "lexicon_internal.h"
#include "reader_entity.h"
#include "reader_internal.h"

#define MAX_DEPTH 64
#define MAX_PAUSE_MS 5000
#define BLOCK_SOFT_LIMIT 60000   /* a block is closed at a space past this */
#define TEXT_PIECE 4096          /* text is appended in pieces this long */
#define MAX_NAME 256             /* longest mark name kept (longer is cut) */
#define MAX_PHONEMES 1024
#define MAX_VOICE 64             /* PROTO_VOICE_MAX: a longer name is ignored */

typedef struct prosody {
    int rate, pitch, volume; /* percent */
} prosody;

typedef struct ssml_state {
    const char *doc;
    size_t len;
    block_sink *sink;
    block_builder block;
    reader_markup markup;
    reader_span *spans;      /* owned, with their text */
    size_t nspans, cap;
    int closed;              /* the block is complete: the next text starts another */
    int emitted;             /* a block has gone out */
    prosody stack[MAX_DEPTH];
    char names[MAX_DEPTH][16];
    char voices[MAX_DEPTH][MAX_VOICE]; /* the voice in force inside each element, or "" */
    char block_voice[MAX_VOICE];       /* the voice of the block being built */
    size_t depth, overflow;  /* elements open; those past MAX_DEPTH */
    size_t next_gt;          /* cached position of the next '>', or len when none */
    ipa_table *ipa;          /* loaded on the first IPA phoneme element */
    lex_inventory *inventory;
} ssml_state;

/* ---- keywords (pronunciations/ssml.tsv) ---- */

/* The row `what<TAB>keyword` of ssml.tsv into p; 0 when there is none. */
static int keyword(const char *what, const char *word, size_t n, prosody *p)
{
    const embedded_file *f = embedded_find("ssml.tsv");
    size_t wl = strlen(what);
    for (const char *line = f ? f->data : NULL; line && *line;) {
        const char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        if (strncmp(line, what, wl) == 0 && line[wl] == '\t' &&
            (size_t)(end - line) > wl + 1 + n && strncasecmp(line + wl + 1, word, n) == 0 &&
            line[wl + 1 + n] == '\t') {
            char *after;
            p->rate = (int)strtol(line + wl + 2 + n, &after, 10);
            p->pitch = (int)strtol(after, &after, 10);
            p->volume = (int)strtol(after, NULL, 10);
            return 1;
        }
        line = *end ? end + 1 : end;
    }
    return 0;
}

/* ---- spans and blocks ---- */

static void free_spans(ssml_state *s)
{
    for (size_t i = 0; i < s->nspans; i++)
        free((char *)s->spans[i].text);
    s->nspans = 0;
}

static reader_span *add_span(ssml_state *s, reader_span_kind kind, size_t from, size_t to)
{
    if (s->nspans == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        reader_span *grown = realloc(s->spans, cap * sizeof *grown);
        if (!grown) {
            s->block.failed = 1;
            return NULL;
        }
        s->spans = grown;
        s->cap = cap;
    }
    reader_span *sp = &s->spans[s->nspans++];
    memset(sp, 0, sizeof *sp);
    sp->kind = kind;
    sp->from = from;
    sp->to = to;
    return sp;
}

static int has_marks(const ssml_state *s)
{
    for (size_t i = 0; i < s->nspans; i++)
        if (s->spans[i].kind == SPAN_MARK)
            return 1;
    return 0;
}

/* An empty block that carries marks alone, at document offset `at`. */
static narrate_error emit_marks_only(ssml_state *s, uint64_t at)
{
    if (s->sink->err)
        return s->sink->err;
    uint64_t source[1] = {at < s->len ? at : s->len};
    reader_block block = {BLOCK_PARAGRAPH, 0, "", 0, source, &s->markup};
    if (s->sink->emit && s->sink->emit(s->sink->userdata, &block) != 0)
        s->sink->err = NARRATE_ESTOPPED;
    return s->sink->err;
}

/* Sends the block with its markup and starts the next. */
static narrate_error emit_block(ssml_state *s, uint64_t at)
{
    s->markup.spans = s->spans;
    s->markup.nspans = s->nspans;
    narrate_error err = s->sink->err;
    if (s->block.failed)
        err = s->sink->err = NARRATE_ENOMEM;
    else if (!bb_is_empty(&s->block)) {
        s->sink->markup = &s->markup;
        err = bb_emit(&s->block, BLOCK_PARAGRAPH, 0, s->sink);
        s->sink->markup = NULL;
        s->emitted = 1;
    } else if (has_marks(s)) {
        err = emit_marks_only(s, at);
    }
    bb_clear(&s->block);
    free_spans(s);
    memset(&s->markup, 0, sizeof s->markup);
    s->closed = 0;
    return err;
}

/* The block ends here; its pause after is `pause` unless a break says more. */
static const char *current_voice(const ssml_state *s)
{
    return s->depth ? s->voices[s->depth - 1] : "";
}

/* The block ends here (its voice is the one in force: a change of voice ends
 * a block first); its pause after is `pause` unless a break says more. */
static void close_block(ssml_state *s, reader_pause pause)
{
    if (bb_is_empty(&s->block))
        return;
    if (!s->closed) {
        snprintf(s->block_voice, sizeof s->block_voice, "%s", current_voice(s));
        s->markup.voice = s->block_voice[0] ? s->block_voice : NULL;
    }
    if (s->closed && !(s->markup.pause == PAUSE_SENTENCE && pause == PAUSE_PARAGRAPH))
        return; /* a paragraph's end outweighs a sentence's; a break outweighs both */
    s->closed = 1;
    s->markup.pause = pause;
}

/* Content is about to be added: a closed block goes out first. */
static narrate_error open_block(ssml_state *s, uint64_t at)
{
    return s->closed ? emit_block(s, at) : s->sink->err;
}

static void add_break(ssml_state *s, int ms)
{
    if (ms < 0)
        return;
    if (bb_is_empty(&s->block) && !s->closed) {
        int total = s->markup.pause_before_ms + ms;
        s->markup.pause_before_ms = total > MAX_PAUSE_MS ? MAX_PAUSE_MS : total;
        return;
    }
    int total = (s->closed && s->markup.pause == PAUSE_EXACT ? s->markup.pause_after_ms : 0) + ms;
    close_block(s, PAUSE_SENTENCE); /* records the block's voice */
    s->closed = 1;
    s->markup.pause = PAUSE_EXACT;
    s->markup.pause_after_ms = total > MAX_PAUSE_MS ? MAX_PAUSE_MS : total;
}

static const prosody *current_prosody(const ssml_state *s)
{
    static const prosody plain = {100, 100, 100};
    return s->depth ? &s->stack[s->depth - 1] : &plain;
}

/* Records the current prosody for block bytes [from, block.len). */
static void note_prosody(ssml_state *s, size_t from)
{
    const prosody *p = current_prosody(s);
    if (from >= s->block.len || (p->rate == 100 && p->pitch == 100 && p->volume == 100))
        return;
    reader_span *last = s->nspans ? &s->spans[s->nspans - 1] : NULL;
    if (last && last->kind == SPAN_PROSODY && last->to + 1 >= from && last->rate == p->rate &&
        last->pitch == p->pitch && last->volume == p->volume) {
        last->to = s->block.len;
        return;
    }
    reader_span *sp = add_span(s, SPAN_PROSODY, from, s->block.len);
    if (sp) {
        sp->rate = p->rate;
        sp->pitch = p->pitch;
        sp->volume = p->volume;
    }
}

/* ---- text ---- */

/* Length of the character reference at doc[at] ("&...;", at most 32 bytes), or 0. */
static size_t reference_length(const ssml_state *s, size_t at)
{
    for (size_t i = at + 1; i < s->len && i < at + 32; i++) {
        char c = s->doc[i];
        if (c == ';')
            return i + 1 - at;
        if (!(c == '#' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return 0;
    }
    return 0;
}

/* How much of doc[at, end) to append next: a piece cut on a UTF-8 boundary,
 * ending before a space once the block is long enough to be closed there. */
static size_t next_piece(const ssml_state *s, size_t at, size_t end, int *close_after)
{
    size_t piece = end - at < TEXT_PIECE ? end - at : TEXT_PIECE;
    *close_after = 0;
    if (s->block.len > BLOCK_SOFT_LIMIT) {
        const char *space = memchr(s->doc + at, ' ', piece);
        if (space || s->block.len + piece > READER_MAX_BLOCK_BYTES - TEXT_PIECE) {
            *close_after = 1;
            if (space)
                return (size_t)(space - (s->doc + at)) + 1;
        }
    }
    while (piece > 1 && at + piece < end && ((unsigned char)s->doc[at + piece] & 0xC0) == 0x80)
        piece--;
    return piece;
}

/* Appends document bytes [from, to) of text, references decoded, in pieces so
 * that a block never outgrows its limit. */
static void append_text(ssml_state *s, size_t from, size_t to)
{
    size_t start = s->block.len;
    size_t at = from;
    while (at < to && !s->block.failed && !s->sink->err) {
        const char *amp = memchr(s->doc + at, '&', to - at);
        size_t plain_end = amp ? (size_t)(amp - s->doc) : to;
        while (at < plain_end) {
            int close_after;
            size_t piece = next_piece(s, at, plain_end, &close_after);
            bb_text(&s->block, s->doc + at, piece, at);
            at += piece;
            if (close_after) {
                note_prosody(s, start);
                close_block(s, PAUSE_SENTENCE);
                open_block(s, at);
                start = 0;
            }
        }
        if (at >= to)
            break;
        size_t n = reference_length(s, at);
        char decoded[4];
        size_t got = n ? entity_decode(s->doc + at, n, decoded) : 0;
        if (got)
            bb_span(&s->block, decoded, got, at, at + n);
        else
            bb_text(&s->block, s->doc + at, n ? n : 1, at);
        at += n ? n : 1;
    }
    while (start < s->block.len && s->block.text[start] == ' ')
        start++;
    note_prosody(s, start);
}

/* Decodes document bytes [from, to) into a NUL-terminated string: tags
 * skipped, references decoded, every control or space character one space.
 * The caller frees it; NULL on allocation failure. */
static char *plain_text(const ssml_state *s, size_t from, size_t to)
{
    char *out = malloc(to - from + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t at = from; at < to;) {
        unsigned char c = (unsigned char)s->doc[at];
        size_t ref = c == '&' ? reference_length(s, at) : 0;
        char decoded[4];
        size_t got = ref ? entity_decode(s->doc + at, ref, decoded) : 0;
        if (c == '<') {
            const char *gt = memchr(s->doc + at, '>', to - at);
            at = gt ? (size_t)(gt - s->doc) + 1 : to;
            out[n++] = ' ';
        } else if (got == 1 && (unsigned char)decoded[0] < 0x20) {
            out[n++] = ' ';
            at += ref;
        } else if (got && got <= ref) {
            memcpy(out + n, decoded, got);
            n += got;
            at += ref;
        } else {
            out[n++] = c < 0x20 || c == 0x7F ? ' ' : (char)c;
            at++;
        }
    }
    out[n] = '\0';
    return out;
}

/* ---- tags ---- */

typedef struct tag {
    size_t at, end;        /* '<' and just past '>' */
    const char *name;      /* into the document */
    size_t name_len;
    int closing, empty;    /* </x>, <x/> */
} tag;

/* The value of attribute `attr` in t as document bytes [*from, *to); 0 when absent. */
static int attribute(const ssml_state *s, const tag *t, const char *attr, size_t *from, size_t *to)
{
    size_t al = strlen(attr);
    const char *p = t->name + t->name_len, *end = s->doc + t->end - 1;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '/'))
            p++;
        const char *key = p;
        while (p < end && *p != '=' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        size_t key_len = (size_t)(p - key);
        if (p >= end || *p != '=') {
            if (p == key)
                p++;
            continue;
        }
        p++;
        char quote = p < end && (*p == '"' || *p == '\'') ? *p++ : 0;
        const char *value = p;
        while (p < end && (quote ? *p != quote : (*p != ' ' && *p != '\t' && *p != '\n')))
            p++;
        if (key_len == al && strncasecmp(key, attr, al) == 0) {
            *from = (size_t)(value - s->doc);
            *to = (size_t)(p - s->doc);
            return 1;
        }
        if (p < end)
            p++;
    }
    return 0;
}

/* The attribute's value decoded (see plain_text), or NULL when absent or on
 * allocation failure (then block.failed is set). */
static char *attribute_text(ssml_state *s, const tag *t, const char *attr)
{
    size_t from, to;
    if (!attribute(s, t, attr, &from, &to))
        return NULL;
    char *v = plain_text(s, from, to);
    if (!v)
        s->block.failed = 1;
    return v;
}

static int is_named(const tag *t, const char *name)
{
    return t->name_len == strlen(name) && strncasecmp(t->name, name, t->name_len) == 0;
}

/* Parses the tag at doc[at] == '<'; 0 when it is no tag (then it is text). */
static int read_tag(ssml_state *s, size_t at, tag *t)
{
    if (s->next_gt < at || s->next_gt == 0) {
        const char *gt = memchr(s->doc + at, '>', s->len - at);
        s->next_gt = gt ? (size_t)(gt - s->doc) : s->len;
    }
    char first = s->doc[at + 1 < s->len ? at + 1 : at];
    int name_start = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '/';
    if (s->next_gt >= s->len || !name_start)
        return 0;
    memset(t, 0, sizeof *t);
    t->at = at;
    t->end = s->next_gt + 1;
    const char *p = s->doc + at + 1;
    t->closing = *p == '/';
    p += t->closing;
    t->name = p;
    while (p < s->doc + s->next_gt && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '/')
        p++;
    t->name_len = (size_t)(p - t->name);
    t->empty = s->doc[s->next_gt - 1] == '/';
    return 1;
}

/* A "Nms", "Ns" or "N%"-free number of milliseconds, capped; -1 when unreadable. */
static int duration_ms(const char *v)
{
    char *unit;
    double x = strtod(v, &unit);
    if (unit == v || !(x >= 0))
        return -1;
    while (*unit == ' ')
        unit++;
    double ms = strncasecmp(unit, "ms", 2) == 0 ? x : strncasecmp(unit, "s", 1) == 0 ? x * 1000 : -1;
    if (ms < 0)
        return -1;
    return ms > MAX_PAUSE_MS ? MAX_PAUSE_MS : (int)ms;
}

static void on_break(ssml_state *s, const tag *t)
{
    char *time = attribute_text(s, t, "time");
    char *strength = time ? NULL : attribute_text(s, t, "strength");
    prosody p;
    int ms = time ? duration_ms(time)
           : keyword("break", strength ? strength : "medium", strlen(strength ? strength : "medium"), &p)
               ? p.rate : -1;
    free(time);
    free(strength);
    add_break(s, ms);
}

/* A prosody value: "+20%", "-10%", "150%", a keyword, or a number with a unit
 * this subset ignores; the percent of the current value, or -1. */
static int relative_percent(const char *what, const char *v, int field)
{
    prosody p;
    if (keyword(what, v, strlen(v), &p))
        return field == 0 ? p.rate : field == 1 ? p.pitch : p.volume;
    char *end;
    double x = strtod(v, &end);
    if (end == v || *end != '%')
        return -1;
    double percent = (v[0] == '+' || v[0] == '-') ? 100 + x : x;
    return percent < 0 ? 0 : percent > 400 ? 400 : (int)percent;
}

static int scaled(int base, int percent)
{
    long v = (long)base * percent / 100;
    return v > 1000 ? 1000 : (int)v;
}

/* The prosody an opening element gives its content, from the enclosing one. */
static prosody element_prosody(ssml_state *s, const tag *t)
{
    prosody p = *current_prosody(s), k;
    if (is_named(t, "emphasis")) {
        char *level = attribute_text(s, t, "level");
        if (keyword("emphasis", level ? level : "moderate", strlen(level ? level : "moderate"), &k)) {
            p.rate = scaled(p.rate, k.rate);
            p.pitch = scaled(p.pitch, k.pitch);
            p.volume = scaled(p.volume, k.volume);
        }
        free(level);
    } else if (is_named(t, "prosody")) {
        static const char *const attrs[] = {"rate", "pitch", "volume"};
        int *fields[] = {&p.rate, &p.pitch, &p.volume};
        for (int i = 0; i < 3; i++) {
            char *v = attribute_text(s, t, attrs[i]);
            int percent = v ? relative_percent(attrs[i], v, i) : -1;
            if (percent >= 0)
                *fields[i] = scaled(*fields[i], percent);
            free(v);
        }
    }
    return p;
}

static void push_element(ssml_state *s, const tag *t)
{
    if (s->depth == MAX_DEPTH) {
        s->overflow++;
        return;
    }
    s->stack[s->depth] = element_prosody(s, t);
    char *voice = is_named(t, "voice") ? attribute_text(s, t, "name") : NULL;
    snprintf(s->voices[s->depth], MAX_VOICE, "%s",
             voice && *voice && strlen(voice) < MAX_VOICE ? voice : current_voice(s));
    free(voice);
    size_t n = t->name_len < sizeof s->names[0] - 1 ? t->name_len : sizeof s->names[0] - 1;
    memcpy(s->names[s->depth], t->name, n);
    s->names[s->depth][n] = '\0';
    s->depth++;
}

/* Closes the innermost open element of that name and those inside it. */
static void pop_element(ssml_state *s, const tag *t)
{
    if (s->overflow) {
        s->overflow--;
        return;
    }
    for (size_t d = s->depth; d > 0; d--)
        if (strlen(s->names[d - 1]) == t->name_len &&
            strncasecmp(s->names[d - 1], t->name, t->name_len) == 0) {
            s->depth = d - 1;
            return;
        }
}

static void on_mark(ssml_state *s, const tag *t)
{
    char *name = attribute_text(s, t, "name");
    if (!name)
        return;
    if (strlen(name) > MAX_NAME)
        name[MAX_NAME] = '\0';
    if (open_block(s, t->at) != NARRATE_OK) {
        free(name);
        return;
    }
    size_t at = s->block.len + (s->block.len > 0 && s->block.space_pending);
    reader_span *sp = add_span(s, SPAN_MARK, at, at);
    if (!sp) {
        free(name);
        return;
    }
    sp->text = name;
    sp->src = t->at;
    sp->src_len = t->end - t->at;
}

/* Where the element opened by t ends: the start of its closing tag (or the
 * document's end) in *inner_end, and just past it as the return value. */
static size_t element_end(const ssml_state *s, const tag *t, size_t *inner_end)
{
    if (t->empty) {
        *inner_end = t->end;
        return t->end;
    }
    for (size_t at = t->end; at + 2 + t->name_len <= s->len;) {
        const char *lt = memchr(s->doc + at, '<', s->len - at);
        if (!lt)
            break;
        at = (size_t)(lt - s->doc);
        if (lt[1] == '/' && strncasecmp(lt + 2, t->name, t->name_len) == 0 &&
            at + 2 + t->name_len <= s->len) {
            const char *gt = memchr(lt, '>', s->len - at);
            *inner_end = at;
            return gt ? (size_t)(gt - s->doc) + 1 : s->len;
        }
        at++;
    }
    *inner_end = s->len;
    return s->len;
}

/* Appends `words`, standing for document bytes [from, to). */
static void append_words(ssml_state *s, const char *words, size_t from, size_t to)
{
    size_t start = s->block.len;
    bb_space(&s->block, from);
    bb_span(&s->block, words, strlen(words), from, to);
    bb_space(&s->block, to);
    note_prosody(s, start);
}

/* characters/spell-out: every character a word of its own, letters flagged so
 * that they are read by name; digits: one digit at a time. */
static void append_spelled(ssml_state *s, const char *text, size_t from, size_t to, int letters)
{
    size_t n = strlen(text);
    char *spaced = malloc(2 * n + 1);
    if (!spaced) {
        s->block.failed = 1;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ')
            continue;
        if (k && (c & 0xC0) != 0x80)
            spaced[k++] = ' ';
        spaced[k++] = letters && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : (char)c;
    }
    spaced[k] = '\0';
    size_t start = s->block.len + (s->block.len > 0);
    append_words(s, spaced, from, to);
    if (letters && s->block.len > start)
        add_span(s, SPAN_SPELL, start, s->block.len);
    free(spaced);
}

static void on_say_as(ssml_state *s, const tag *t, size_t inner_end, size_t end)
{
    char *how = attribute_text(s, t, "interpret-as");
    char *text = plain_text(s, t->end, inner_end);
    if (!text)
        s->block.failed = 1;
    else if (how && (strcasecmp(how, "characters") == 0 || strcasecmp(how, "spell-out") == 0))
        append_spelled(s, text, t->at, end, 1);
    else if (how && strcasecmp(how, "digits") == 0)
        append_spelled(s, text, t->at, end, 0);
    else
        append_words(s, text, t->at, end); /* date, telephone: the normalizer reads them */
    free(how);
    free(text);
}

/* The phonemes of a phoneme element as espeak-ng mnemonics, or NULL when they
 * cannot be used (then the element's text is read as text). */
static char *element_phonemes(ssml_state *s, const tag *t)
{
    char *alphabet = attribute_text(s, t, "alphabet");
    char *ph = attribute_text(s, t, "ph");
    char *out = NULL, bad[64];
    int ipa = !alphabet || strcasecmp(alphabet, "ipa") == 0;
    int espeak = alphabet && strcasecmp(alphabet, "x-espeak") == 0;
    if (ph && strlen(ph) < MAX_PHONEMES && (ipa || espeak) && (out = malloc(4 * MAX_PHONEMES))) {
        int ok;
        if (ipa)
            ok = (s->ipa || ipa_table_load(&s->ipa) == NARRATE_OK) &&
                 ipa_to_espeak(s->ipa, ph, out, 4 * MAX_PHONEMES, bad, sizeof bad) == 0;
        else
            ok = (s->inventory || lex_inventory_load(&s->inventory) == 0) &&
                 strcspn(ph, "[]\\") == strlen(ph) &&
                 lex_phonemes_valid(s->inventory, ph, bad, sizeof bad) &&
                 (strcpy(out, ph), 1);
        if (!ok) {
            free(out);
            out = NULL;
        }
    }
    free(alphabet);
    free(ph);
    return out;
}

static void on_phoneme(ssml_state *s, const tag *t, size_t inner_end, size_t end)
{
    char *text = plain_text(s, t->end, inner_end);
    char *ph = text ? element_phonemes(s, t) : NULL;
    size_t start = s->block.len + (s->block.len > 0);
    if (text)
        append_words(s, text, t->at, end);
    else
        s->block.failed = 1;
    reader_span *sp = ph && s->block.len > start ? add_span(s, SPAN_PHONEMES, start, s->block.len) : NULL;
    if (sp)
        sp->text = ph;
    else
        free(ph);
    free(text);
}

/* Elements whose content is replaced as a whole; returns where reading goes on,
 * or 0 when t is none of them. */
static size_t on_replacing(ssml_state *s, const tag *t)
{
    int sub = is_named(t, "sub"), say_as = is_named(t, "say-as"), phoneme = is_named(t, "phoneme");
    if (t->closing || !(sub || say_as || phoneme))
        return 0;
    size_t inner_end, end = element_end(s, t, &inner_end);
    if (open_block(s, t->at) != NARRATE_OK)
        return end;
    if (sub) {
        char *alias = attribute_text(s, t, "alias");
        char *text = alias ? alias : plain_text(s, t->end, inner_end);
        if (text)
            append_words(s, text, t->at, end);
        else
            s->block.failed = 1;
        free(text);
    } else if (say_as) {
        on_say_as(s, t, inner_end, end);
    } else {
        on_phoneme(s, t, inner_end, end);
    }
    return end;
}

static int is_block_element(const tag *t)
{
    return is_named(t, "p") || is_named(t, "s") || is_named(t, "speak") ||
           is_named(t, "paragraph") || is_named(t, "sentence");
}

/* Handles the tag t; returns where reading goes on. */
static size_t on_tag(ssml_state *s, const tag *t)
{
    size_t next = on_replacing(s, t);
    if (next)
        return next;
    if (is_named(t, "break"))
        on_break(s, t);
    else if (is_named(t, "mark") && !t->closing)
        on_mark(s, t);
    else if (is_block_element(t))
        close_block(s, is_named(t, "s") || is_named(t, "sentence") ? PAUSE_SENTENCE : PAUSE_PARAGRAPH);
    else if (!(is_named(t, "emphasis") || is_named(t, "prosody") || is_named(t, "voice")))
        return t->end; /* unknown: the tag is dropped, its content read */
    if (is_named(t, "voice"))
        close_block(s, PAUSE_SENTENCE); /* a block has one voice */
    if ((is_named(t, "emphasis") || is_named(t, "prosody") || is_named(t, "voice")) && !t->empty)
        t->closing ? pop_element(s, t) : push_element(s, t);
    if (!t->closing || is_block_element(t))
        bb_space(&s->block, t->at);
    return t->end;
}

/* Comments, processing instructions, declarations and CDATA: where they end,
 * or 0 when doc[at] starts none of them. */
static size_t skip_special(ssml_state *s, size_t at, size_t *cdata_from, size_t *cdata_to)
{
    static const struct { const char *open, *close; } kinds[] = {
        {"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}, {"<!", ">"}};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t ol = strlen(kinds[k].open);
        if (s->len - at < ol || memcmp(s->doc + at, kinds[k].open, ol) != 0)
            continue;
        const char *close = memmem(s->doc + at + ol, s->len - at - ol, kinds[k].close,
                                   strlen(kinds[k].close));
        size_t inner_end = close ? (size_t)(close - s->doc) : s->len;
        if (k == 1) {
            *cdata_from = at + ol;
            *cdata_to = inner_end;
        }
        return close ? inner_end + strlen(kinds[k].close) : s->len;
    }
    return 0;
}

static void read_document(ssml_state *s)
{
    size_t at = 0;
    while (at < s->len && !s->sink->err && !s->block.failed) {
        const char *lt = memchr(s->doc + at, '<', s->len - at);
        size_t text_end = lt ? (size_t)(lt - s->doc) : s->len;
        if (text_end > at && open_block(s, at) == NARRATE_OK)
            append_text(s, at, text_end);
        at = text_end;
        if (at >= s->len)
            break;
        size_t cdata_from = 0, cdata_to = 0;
        size_t special = skip_special(s, at, &cdata_from, &cdata_to);
        tag t;
        if (special) {
            if (cdata_to > cdata_from && open_block(s, at) == NARRATE_OK)
                append_text(s, cdata_from, cdata_to);
            at = special;
        } else if (read_tag(s, at, &t)) {
            at = on_tag(s, &t);
        } else if (open_block(s, at) == NARRATE_OK) {
            append_text(s, at, at + 1);
            at++;
        }
    }
    if (!s->sink->err) {
        close_block(s, PAUSE_PARAGRAPH);
        emit_block(s, s->len);
    }
}

narrate_error reader_ssml_read(reader *r, block_sink *sink)
{
    ssml_state s;
    memset(&s, 0, sizeof s);
    s.doc = r->doc ? r->doc : "";
    s.len = r->doc_len;
    s.sink = sink;
    bb_init(&s.block);
    read_document(&s);
    if (s.block.failed && !sink->err)
        sink->err = NARRATE_ENOMEM;
    free_spans(&s);
    free(s.spans);
    bb_free(&s.block);
    ipa_table_free(s.ipa);
    lex_inventory_free(s.inventory);
    return sink->err;
}
