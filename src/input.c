/* Text in: bytes -> reader blocks -> sentences -> normalized words with their
 * stream offsets -> the job queue (or, without synthesis, straight to events). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "narrate_internal.h"
#include "norm_unicode.h"

narrate_input_format narrate_input_format_from_name(const char *name)
{
    if (!name)
        return NARRATE_INPUT_AUTO;
    if (strcasecmp(name, "text") == 0 || strcasecmp(name, "txt") == 0)
        return NARRATE_INPUT_TEXT;
    if (strcasecmp(name, "html") == 0 || strcasecmp(name, "htm") == 0)
        return NARRATE_INPUT_HTML;
    if (strcasecmp(name, "markdown") == 0 || strcasecmp(name, "md") == 0)
        return NARRATE_INPUT_MARKDOWN;
    if (strcasecmp(name, "ssml") == 0)
        return NARRATE_INPUT_SSML;
    return NARRATE_INPUT_AUTO;
}

static uint64_t trimmed_length(const char *s, size_t len)
{
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' ||
                       s[len - 1] == '\r'))
        len--;
    return len;
}

/* The document span of block bytes [from, to): from the first byte's source to
 * just past the last byte's, so that markup after the word (a closing tag) is
 * left out.  An empty range is an empty span at from. */
static void document_span(const reader_block *b, size_t from, size_t to, uint64_t *offset,
                          uint64_t *length)
{
    from = from < b->len ? from : b->len;
    to = to < b->len ? to : b->len;
    *offset = b->source[from];
    *length = to > from ? b->source[to - 1] + 1 - *offset : 0;
}

/* The document span of every word of s, whose source starts at block byte `at`. */
static uint64_t *word_spans_of(const norm_sentence *s, const reader_block *b, size_t at)
{
    uint64_t *spans = malloc((s->nwords ? s->nwords : 1) * 2 * sizeof *spans);
    if (!spans)
        return NULL;
    for (size_t k = 0; k < s->nwords; k++) {
        size_t from = at + s->words[k].src_off;
        document_span(b, from, from + s->words[k].src_len, &spans[2 * k], &spans[2 * k + 1]);
    }
    return spans;
}

static int is_heading(const reader_block *b)
{
    return b->type == BLOCK_TITLE || b->type == BLOCK_HEADING;
}

/* The pauses SSML asks for around a sentence of a block with markup. */
static void markup_pauses(const voice_preset *p, const reader_markup *m, int first, int last,
                          job_style *style)
{
    style->pause_before_ms = first ? m->pause_before_ms : 0;
    if (last && m->pause == PAUSE_EXACT)
        style->pause_after_ms = m->pause_after_ms;
    else if (last && m->pause == PAUSE_PARAGRAPH)
        style->pause_after_ms += p->paragraph_pause_ms;
}

/* The voice an SSML <voice name> asks for, resolved like narrate_set_voice's
 * (a preset, or an engine's voice); NULL when the name resolves to nothing. */
static const voice_preset *ssml_voice(narrate *n, const char *name)
{
    if (strcmp(name, n->ssml_voice_name) != 0) {
        char ignored[128];
        snprintf(n->ssml_voice_name, sizeof n->ssml_voice_name, "%s", name);
        n->ssml_voice_ok = preset_resolve(name, &n->ssml_voice, ignored, sizeof ignored) == NARRATE_OK;
    }
    return n->ssml_voice_ok ? &n->ssml_voice : NULL;
}

/* A sentence in an SSML <voice>: that voice, with its preset's rate and pitch. */
static void markup_voice(narrate *n, const reader_markup *m, job_style *style)
{
    const voice_preset *v = m->voice ? ssml_voice(n, m->voice) : NULL;
    if (!v)
        return;
    snprintf(style->voice, sizeof style->voice, "%s", v->voice);
    snprintf(style->engine, sizeof style->engine, "%s", v->engine);
    style->rate = v->rate;
    style->pitch = v->pitch;
}

/* The pauses and prosody the preset gives a sentence at block bytes [at, end). */
static job_style style_of(narrate *n, const reader_block *b, size_t at, size_t end)
{
    const voice_preset *p = &n->preset;
    job_style style = {0, p->sentence_pause_ms, 0, -1, -1, "", ""};
    int last = end >= b->len;
    if (b->markup) {
        markup_pauses(p, b->markup, at == 0, last, &style);
        markup_voice(n, b->markup, &style);
        return style;
    }
    if (is_heading(b) && at == 0)
        style.heading_level = b->type == BLOCK_TITLE ? 0 : b->level;
    if (is_heading(b)) {
        style.pause_before_ms = at == 0 ? p->heading_pause_ms : 0;
        style.pause_after_ms = last ? p->heading_pause_ms : 0;
        style.rate = p->heading_rate;
    } else if (last) {
        style.pause_after_ms += p->paragraph_pause_ms;
    }
    return style;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Whether the whole text is the one character that s[0..len) holds. */
static int is_one_character_text(const narrate *n, const char *s, size_t len)
{
    while (len && is_blank(*s))
        s++, len--;
    while (len && is_blank(s[len - 1]))
        len--;
    uint32_t cp;
    return n->finished && len > 0 && len == n->ink_bytes &&
           utf8_decode((const unsigned char *)s, len, &cp) == len;
}

/* How the sentence s[0..len) is read: the handle's reading, spelled when a
 * reader has asked for punctuation or capitals and the sentence is the whole
 * text and one character long (a screen reader's key echo).  The default news
 * reading leaves a lone character to the normalizer, which says nothing for
 * a stray "-". */
static norm_reading reading_of(const narrate *n, const char *s, size_t len)
{
    norm_reading r = narrate_reading(n);
    int screen_reader = r.punctuation != NARRATE_PUNCT_NONE || r.capitals != NARRATE_CAPS_NONE;
    if (screen_reader && is_one_character_text(n, s, len))
        r.spell = 1;
    return r;
}

/* Emits the marks of a sentence that has no audio, when nothing synthesizes. */
static narrate_error emit_marks_now(narrate *n, job_markup *m)
{
    narrate_error err = NARRATE_OK;
    for (size_t i = 0; i < m->nmarks && err == NARRATE_OK; i++)
        err = emit_event(n, NARRATE_EVENT_MARK, m->marks[i].offset, m->marks[i].length,
                         m->marks[i].name, NULL);
    return err;
}

/* Speaks sentence s (block bytes [at, at + len)) with its markup, both taken. */
static narrate_error speak_sentence(narrate *n, const reader_block *b, size_t at, size_t len,
                                    norm_sentence *s, job_markup *m)
{
    uint64_t offset, length;
    document_span(b, at, at + trimmed_length(b->text + at, len), &offset, &length);
    narrate_error err = NARRATE_OK;
    if (narrate_needs_workers(n)) {
        uint64_t *spans = word_spans_of(s, b, at);
        return spans ? jobs_submit(n, s, spans, m, offset, length, style_of(n, b, at, at + len))
                     : narrate_fail(n, NARRATE_ENOMEM, "out of memory");
    }
    if (s->len > 0 && is_heading(b) && at == 0)
        err = emit_heading(n, b->type == BLOCK_TITLE ? 0 : b->level, offset, length, s->text);
    if (err == NARRATE_OK && s->len > 0)
        err = emit_event(n, NARRATE_EVENT_SENTENCE, offset, length, s->text, NULL);
    if (err == NARRATE_OK)
        err = emit_marks_now(n, m);
    job_markup_free(m);
    return err;
}

/* Speaks block bytes [at, at + len), one sentence. */
static narrate_error take_sentence(narrate *n, const reader_block *b, size_t at, size_t len)
{
    norm_sentence s = {0};
    job_markup m = {0};
    norm_reading reading = reading_of(n, b->text + at, len);
    narrate_error err = norm_sentence_read(n->norm, &reading, n->scratch, b->text + at, len, &s);
    int skipped = s.len > 0 && n->sentences_seen++ < n->sentences_to_skip;
    if (err == NARRATE_OK && !skipped)
        err = s.len > 0 ? job_markup_build(b, at, at + len, &s, &m)
                        : job_markup_marks_only(b, at, at + len, &m);
    if (err != NARRATE_OK)
        err = narrate_fail(n, err, "out of memory");
    else if (!skipped && (s.len > 0 || m.nmarks > 0))
        err = speak_sentence(n, b, at, len, &s, &m);
    job_markup_free(&m);
    norm_sentence_free(&s);
    return err;
}

static narrate_error speak_block(narrate *n, const reader_block *b)
{
    size_t at = 0;
    if (b->len == 0 && b->markup)
        return take_sentence(n, b, 0, 0); /* marks alone */
    while (at < b->len) {
        if (atomic_load(&n->canceled))
            return narrate_fail(n, NARRATE_ECANCELED, "canceled");
        size_t cut = norm_split(n->norm, b->text + at, b->len - at, 1);
        if (cut == 0 || cut > b->len - at)
            cut = b->len - at; /* norm_split promises better; never loop on it */
        narrate_error err = take_sentence(n, b, at, cut);
        if (err != NARRATE_OK)
            return err;
        at += cut;
    }
    return NARRATE_OK;
}

static int on_block(void *userdata, const reader_block *block)
{
    narrate *n = userdata;
    n->block_error = speak_block(n, block);
    return n->block_error != NARRATE_OK;
}

/* The reader's ESTOPPED means on_block stopped it; report why. */
static narrate_error reader_result(narrate *n, narrate_error err)
{
    if (err == NARRATE_ESTOPPED && n->block_error != NARRATE_OK)
        return n->block_error;
    if (err == NARRATE_ENOMEM)
        return narrate_fail(n, err, "out of memory");
    return err;
}

static reader_format format_for(const narrate *n)
{
    switch (n->config.input_format) {
    case NARRATE_INPUT_TEXT: return READER_TEXT;
    case NARRATE_INPUT_HTML: return READER_HTML;
    case NARRATE_INPUT_MARKDOWN: return READER_MARKDOWN;
    case NARRATE_INPUT_SSML: return READER_SSML;
    default: return reader_detect(NULL, n->sniffed, n->sniffed_len);
    }
}

/* Creates the reader and gives it what was kept for sniffing. */
static narrate_error open_reader(narrate *n)
{
    reader_options options = {n->config.read_captions, n->config.read_image_alt};
    if (reader_new(format_for(n), &options, &n->reader) != NARRATE_OK)
        return narrate_fail(n, NARRATE_ENOMEM, "out of memory");
    size_t kept = n->sniffed_len;
    n->sniffed_len = 0;
    return reader_result(n, reader_feed(n->reader, n->sniffed, kept, on_block, n));
}

/* Keeps the first bytes until the format can be told, then opens the reader. */
static narrate_error sniff(narrate *n, const char **text, size_t *len, int at_end)
{
    size_t room = sizeof n->sniffed - n->sniffed_len;
    size_t take = *len < room ? *len : room;
    memcpy(n->sniffed + n->sniffed_len, *text, take);
    n->sniffed_len += take;
    *text += take;
    *len -= take;
    int decided = n->config.input_format != NARRATE_INPUT_AUTO ||
                  n->sniffed_len == sizeof n->sniffed || at_end;
    return decided ? open_reader(n) : NARRATE_OK;
}

/* Remembers the first failure so that later calls report it too. */
static narrate_error settle(narrate *n, narrate_error err)
{
    if (err != NARRATE_OK && n->failure == NARRATE_OK) {
        n->failure = err;
        if (err == NARRATE_ECANCELED || err == NARRATE_ESTOPPED)
            jobs_clear(n);
    }
    return err;
}

static narrate_error check_usable(narrate *n)
{
    if (atomic_load(&n->canceled))
        return settle(n, narrate_fail(n, NARRATE_ECANCELED, "canceled"));
    if (n->failure != NARRATE_OK)
        return n->failure;
    if (n->finished)
        return narrate_fail(n, NARRATE_ESTATE, "the text was already finished");
    return NARRATE_OK;
}

narrate_error narrate_feed(narrate *n, const char *text, size_t len)
{
    if (!n || (!text && len))
        return NARRATE_EINVAL;
    narrate_error err = check_usable(n);
    if (err != NARRATE_OK)
        return err;
    n->bytes_fed += len;
    for (size_t k = 0; k < len && n->ink_bytes <= 4; k++) /* counted up to one UTF-8 character */
        n->ink_bytes += !is_blank(text[k]);
    if (!n->reader)
        err = sniff(n, &text, &len, 0);
    if (err == NARRATE_OK && n->reader && len > 0)
        err = reader_result(n, reader_feed(n->reader, text, len, on_block, n));
    return settle(n, err);
}

narrate_error narrate_finish(narrate *n)
{
    if (!n)
        return NARRATE_EINVAL;
    narrate_error err = check_usable(n);
    if (err != NARRATE_OK)
        return err;
    n->finished = 1;
    const char *none = "";
    size_t zero = 0;
    if (!n->reader)
        err = sniff(n, &none, &zero, 1);
    if (err == NARRATE_OK)
        err = reader_result(n, reader_finish(n->reader, on_block, n, n->errmsg, sizeof n->errmsg));
    if (err == NARRATE_OK)
        err = jobs_drain(n);
    if (err == NARRATE_OK)
        err = emit_event(n, NARRATE_EVENT_END, n->bytes_fed, 0, "", NULL);
    return settle(n, err);
}

void narrate_document_info(const narrate *n, narrate_document *out)
{
    const reader_meta *meta = n && n->reader ? reader_metadata(n->reader) : NULL;
    out->title = meta ? meta->title : NULL;
    out->byline = meta ? meta->byline : NULL;
    out->date = meta ? meta->date : NULL;
}

narrate_error narrate_set_input_format(narrate *n, narrate_input_format format)
{
    if (!n || format < NARRATE_INPUT_AUTO || format > NARRATE_INPUT_SSML)
        return NARRATE_EINVAL;
    if (n->reader || n->sniffed_len > 0 || n->finished)
        return narrate_fail(n, NARRATE_ESTATE, "text has already been fed");
    n->config.input_format = format;
    return NARRATE_OK;
}

narrate_error narrate_skip_sentences(narrate *n, uint64_t count)
{
    if (!n)
        return NARRATE_EINVAL;
    if (n->reader || n->sniffed_len > 0 || n->finished)
        return narrate_fail(n, NARRATE_ESTATE, "text has already been fed");
    n->sentences_to_skip = count;
    return NARRATE_OK;
}

narrate_error narrate_reset(narrate *n)
{
    if (!n)
        return NARRATE_EINVAL;
    jobs_clear(n);
    reader_free(n->reader);
    n->reader = NULL;
    n->sniffed_len = 0;
    n->bytes_fed = n->ink_bytes = 0;
    n->sentences_seen = n->sentences_to_skip = 0;
    n->samples_out = 0;
    n->finished = 0;
    n->failure = NARRATE_OK;
    n->block_error = NARRATE_OK;
    n->errmsg[0] = '\0';
    atomic_store(&n->canceled, 0);
    return NARRATE_OK;
}
