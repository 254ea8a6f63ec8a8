#include "helper_lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *temp_dir(void)
{
    static char dir[256];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/narrate-lexicon-test-XXXXXX");
        if (!mkdtemp(dir))
            return "/tmp";
    }
    return dir;
}

const char *lexicon_test_file(const char *name, const char *content, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", temp_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    fwrite(content, 1, len, f);
    fclose(f);
    return path;
}

const char *lexicon_test_lookup(const lexicon *lex, const char *text, int sentence_start, size_t *words,
                                const char **source)
{
    static char result[600];
    char buf[1024];
    const char *w[32];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", text);
    for (char *tok = strtok(buf, " "); tok && n < 32; tok = strtok(NULL, " "))
        w[n++] = tok;
    lexicon_match m = {0};
    if (!lexicon_lookup(lex, w, n, sentence_start, &m))
        return NULL;
    if (words)
        *words = m.words;
    if (source)
        *source = m.source;
    if (m.phonemes)
        snprintf(result, sizeof result, "%s", m.phonemes);
    else
        snprintf(result, sizeof result, "=%s", m.respelling ? m.respelling : "(null)");
    return result;
}

int lexicon_test_have_espeak(void)
{
    return system("command -v espeak-ng >/dev/null 2>&1") == 0;
}

int lexicon_test_espeak_echo(const char *phonemes, char *out, size_t cap)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "espeak-ng -q -x -v en-us '[[%s]]' 2>/dev/null", phonemes);
    if (strchr(phonemes, '\''))
        snprintf(cmd, sizeof cmd, "espeak-ng -q -x -v en-us \"[[%s]]\" 2>/dev/null", phonemes);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    size_t n = fread(out, 1, cap - 1, p);
    pclose(p);
    out[n] = '\0';
    while (n && (out[n - 1] == '\n' || out[n - 1] == ' '))
        out[--n] = '\0';
    size_t start = strspn(out, " ");
    memmove(out, out + start, n - start + 1);
    return 0;
}
