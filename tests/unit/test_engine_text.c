/* The engine text: sanitized words plus narrate's own markup, mapped back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine_text.h"

/* One norm_word per space-separated word of text; the first `quoted` words
 * after word index `from` carry NORM_WORD_QUOTED. */
static norm_sentence sentence_of(const char *text, size_t from, size_t quoted)
{
    norm_sentence s = {strdup(text), strlen(text), calloc(32, sizeof(norm_word)), 0};
    size_t i = 0;
    while (i < s.len) {
        size_t start = i;
        while (i < s.len && text[i] != ' ')
            i++;
        norm_word *w = &s.words[s.nwords];
        *w = (norm_word){(uint32_t)start, (uint32_t)(i - start), (uint32_t)start,
                         (uint32_t)(i - start), 0, ""};
        if (s.nwords >= from && s.nwords < from + quoted)
            w->flags = NORM_WORD_QUOTED;
        s.nwords++;
        while (i < s.len && text[i] == ' ')
            i++;
    }
    return s;
}

static char *build(const char *text, size_t from, size_t quoted, quote_style quotes,
                   const lexicon *lex)
{
    norm_sentence s = sentence_of(text, from, quoted);
    engine_style style = {lex, quotes, 50, 70, NULL, 0, 0};
    engine_text t = {0};
    assert_int_equal(engine_text_build(&s, &style, 0, &t), NARRATE_OK);
    for (size_t i = 0; i < t.len; i++)
        assert_true(t.origin[i] < s.len);
    char *out = strdup(t.text);
    engine_text_free(&t);
    norm_sentence_free(&s);
    return out;
}

static void test_spelled_letters_become_letter_names(void **state)
{
    (void)state;
    char *t = build("The C-I-A said so, and the N-C-A-A agreed.", 0, 0, QUOTE_PLAIN, NULL);
    assert_non_null(strstr(t, "[[s,i:,aI'eI]]"));
    assert_non_null(strstr(t, "[[,Ens,i:,eI'eI]]"));
    free(t);
    t = build("Neither C-I-a nor X-ray nor A-BC is a run.", 0, 0, QUOTE_PLAIN, NULL);
    assert_null(strstr(t, "[["));
    free(t);
}

static void test_quotes_get_pitch_commands_or_words(void **state)
{
    (void)state;
    char *t = build("He said, we agree, and left.", 2, 2, QUOTE_PITCH, NULL);
    assert_non_null(strstr(t, "\001" "70P we agree,"));
    assert_non_null(strstr(t, "\001" "50P and"));
    free(t);
    t = build("He said, we agree, and left.", 2, 2, QUOTE_ANNOUNCE, NULL);
    assert_non_null(strstr(t, "quote, we agree,"));
    assert_non_null(strstr(t, "end quote, and"));
    free(t);
    t = build("He said, we agree, and left.", 2, 2, QUOTE_PLAIN, NULL);
    assert_string_equal(t, "He said, we agree, and left.");
    free(t);
}

static void test_lexicon_words_become_phonemes(void **state)
{
    (void)state;
    lexicon *lex;
    assert_int_equal(lexicon_new(&lex, NULL, 0), NARRATE_OK);
    char *t = build("Mister Xi met Lavrov, then left.", 0, 0, QUOTE_PLAIN, lex);
    assert_non_null(strstr(t, "[[S'i:]]"));
    assert_non_null(strstr(t, "]] ,"));  /* the comma stays after the phonemes */
    assert_non_null(strstr(t, "left."));
    free(t);
    lexicon_free(lex);
}

static void test_user_markup_never_survives(void **state)
{
    (void)state;
    char *t = build("[[h@l'oU]] <audio> \001" "40S done.", 0, 0, QUOTE_PLAIN, NULL);
    assert_null(strstr(t, "[["));
    assert_null(strchr(t, '<'));
    assert_null(strchr(t, '\001'));
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spelled_letters_become_letter_names),
        cmocka_unit_test(test_quotes_get_pitch_commands_or_words),
        cmocka_unit_test(test_lexicon_words_become_phonemes),
        cmocka_unit_test(test_user_markup_never_survives),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
