/* The Flite engine (CMU Flite 2.2, US English voices).  Flite is not
 * thread-safe and keeps global state, so it runs in a worker like espeak-ng.
 * It is fed narrate's words as tokens (flite_text.h), so its own text
 * analysis never re-reads the text; word marks come from the utterance's Word
 * relation and the end times of its segments.  --phonemes for a Flite voice
 * prints CMU phones with stress digits, a word's phones joined by spaces and
 * words separated by " | ". */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "flite_text.h"
#include "flite_voices.h"

#define DEFAULT_WPM 175.0 /* the rate at which a voice's own duration stretch applies */

typedef struct flite_state {
    cst_voice *voice;
    int rate;        /* the voice's sample rate */
    float base_stretch, base_mean, base_stddev; /* the voice's own; 0 when absent */
} flite_state;

static flite_state st;

static const char *cmu_table(void)
{
    const embedded_file *f = embedded_find("espeak-cmu.tsv");
    return f ? f->data : "";
}

/* A voice's sample rate shows only in its audio (kal: 8 kHz, the others 16 kHz). */
static int probe_rate(cst_voice *v, char *err, size_t size)
{
    cst_wave *w = flite_text_to_wave("a", v);
    int rate = w ? w->sample_rate : -1;
    delete_wave(w);
    if (rate <= 0)
        snprintf(err, size, "Flite could not synthesize with this voice");
    return rate;
}

static int flite_open(const proto_config *c, char *err, size_t size)
{
    cst_voice *v = flite_voices_open(c->voice, err, size);
    if (!v)
        return -1;
    if (v != st.voice) {
        st.voice = v;
        st.base_stretch = flite_get_param_float(v->features, "duration_stretch", 1.0f);
        st.base_mean = flite_get_param_float(v->features, "int_f0_target_mean", 0.0f);
        st.base_stddev = flite_get_param_float(v->features, "int_f0_target_stddev", 0.0f);
    }
    st.rate = probe_rate(v, err, size);
    return st.rate;
}

/* Rate as duration stretch; pitch 50 is the voice's own F0 and each 50 either
 * side is half an octave; range scales the F0 spread where the voice has one. */
static void apply_prosody(const engine_prosody *p)
{
    cst_features *f = st.voice->features;
    int rate = p->rate > 0 ? p->rate : (int)DEFAULT_WPM;
    flite_feat_set_float(f, "duration_stretch", st.base_stretch * (float)(DEFAULT_WPM / rate));
    int pitch = p->pitch >= 0 ? p->pitch : 50;
    flite_feat_set_float(f, "f0_shift", (float)pow(2.0, (pitch - 50) / 100.0));
    if (st.base_stddev > 0 && p->range >= 0)
        flite_feat_set_float(f, "int_f0_target_stddev", st.base_stddev * (float)p->range / 50.0f);
}

/* Synthesizes text's tokens up to (with a NULL wave function: short of) the wave. */
static cst_utterance *synthesize(const char *text)
{
    cst_utterance *u = new_utterance();
    utt_init(u, st.voice);
    if (flite_text_tokens(u, text, cmu_table()) == 0) {
        delete_utterance(u);
        return NULL;
    }
    return utt_synth_tokens(u);
}

/* The first sample of a word: the end of the segment before its first one. */
static uint64_t word_start(const cst_item *word, int rate)
{
    cst_item *seg = flite_path_to_item(word, "R:SylStructure.daughter1.daughter1.R:Segment");
    if (!seg)
        return UINT64_MAX;
    cst_item *before = item_prev(seg);
    float t = before ? item_feat_float(before, "end") : 0.0f;
    return t > 0 ? (uint64_t)(t * (float)rate) : 0;
}

/* One mark per token, at its first word that has sound. */
static int send_words(cst_utterance *u, int rate, engine_output *out)
{
    const cst_item *last_token = NULL;
    for (cst_item *w = relation_head(utt_relation(u, "Word")); w; w = item_next(w)) {
        cst_item *token = item_parent(item_as(w, "Token"));
        uint64_t at = word_start(w, rate);
        if (!token || token == last_token || at == UINT64_MAX)
            continue;
        last_token = token;
        if (output_word(out, (size_t)item_feat_int(token, FLITE_TOKEN_OFFSET),
                        (size_t)item_feat_int(token, FLITE_TOKEN_LENGTH), at) != 0)
            return -1;
    }
    return 0;
}

static void scale_volume(cst_wave *w, int volume)
{
    if (volume < 0 || volume == 100)
        return;
    for (int i = 0; i < w->num_samples; i++) {
        long v = (long)w->samples[i] * volume / 100;
        w->samples[i] = (short)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
    }
}

static int flite_speak(char *text, size_t len, const engine_prosody *p, engine_output *out,
                       char *err, size_t size)
{
    (void)len;
    apply_prosody(p);
    cst_utterance *u = synthesize(text);
    if (!u)
        return 0; /* nothing to say: no tokens */
    cst_wave *w = utt_wave(u);
    int rc = 0;
    if (!w || w->sample_rate != st.rate) {
        snprintf(err, size, "Flite gave no audio at the voice's rate");
        rc = -1;
    } else {
        scale_volume(w, p->volume);
        rc = send_words(u, w->sample_rate, out);
        if (rc == 0)
            rc = output_audio(out, w->samples, (size_t)w->num_samples);
    }
    delete_utterance(u);
    return rc;
}

static const cst_synth_module up_to_phones[] = {
    {"textanalysis_func", default_textanalysis},
    {"pos_tagger_func", default_pos_tagger},
    {"phrasing_func", default_phrasing},
    {"lexical_insertion_func", default_lexical_insertion},
    {"postlex_func", NULL},
    {NULL, NULL},
};

static void print_word_phones(const cst_item *word, FILE *out)
{
    int first = 1;
    const cst_item *ss = item_as(word, "SylStructure");
    for (const cst_item *syl = item_daughter(ss); syl; syl = item_next(syl)) {
        int stressed = strcmp(item_feat_string(syl, "stress"), "1") == 0;
        for (const cst_item *seg = item_daughter(syl); seg; seg = item_next(seg)) {
            const char *name = item_feat_string(seg, "name");
            int vowel = strcmp(ffeature_string(seg, "ph_vc"), "+") == 0;
            fprintf(out, "%s%s%s", first ? "" : " ", name, vowel ? (stressed ? "1" : "0") : "");
            first = 0;
        }
    }
}

static int flite_phonemes(char *text, FILE *out)
{
    cst_utterance *u = new_utterance();
    utt_init(u, st.voice);
    if (flite_text_tokens(u, text, cmu_table()) > 0)
        apply_synth_method(u, up_to_phones);
    int first = 1;
    for (cst_item *w = relation_head(utt_relation(u, "Word")); w; w = item_next(w)) {
        if (!item_daughter(item_as(w, "SylStructure")))
            continue;
        fputs(first ? "" : " | ", out);
        print_word_phones(w, out);
        first = 0;
    }
    delete_utterance(u);
    return 0;
}

static int flite_list(engine_voice_fn fn, void *userdata)
{
    return flite_voices_list(fn, userdata);
}

static void flite_close(void)
{
    flite_voices_release();
    memset(&st, 0, sizeof st);
}

const engine engine_flite = {
    "flite", flite_open, flite_speak, flite_phonemes, flite_list, flite_close,
};
