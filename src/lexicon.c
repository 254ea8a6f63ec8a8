/* Pronunciation lexicon: layers of entries from files, then name rules.
 * Implements src/lexicon.h. */
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "ipa.h"
#include "lexicon_files.h"
#include "lexicon_internal.h"
#include "lexicon_rules.h"

struct lexicon {
    lex_arena arena;   /* every committed entry and string */
    lex_table table;
    lex_inventory *inv;
    ipa_table *ipa;
    pinyin_rules *pinyin;
    russian_rules *russian;
    lex_cache *cache;  /* rule readings */
    unsigned file_seq;
};

static narrate_error setup(lexicon *lex)
{
    narrate_error err = lex_inventory_load(&lex->inv);
    if (!err)
        err = ipa_table_load(&lex->ipa);
    if (!err)
        err = pinyin_rules_new(&lex->pinyin, lex->inv);
    if (!err)
        err = russian_rules_new(&lex->russian, lex->inv);
    if (!err)
        err = lex_cache_new(&lex->cache);
    return err;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

narrate_error lexicon_new(lexicon **out, char *errmsg, size_t errmsg_size)
{
    if (errmsg && errmsg_size)
        errmsg[0] = '\0';
    lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return NARRATE_ENOMEM;
    narrate_error err = setup(lex);
    if (err)
        lex_set_error(errmsg, errmsg_size, "built-in lexicon data: %s",
                      err == NARRATE_ENOMEM ? "out of memory" : "a table is missing or malformed");
    for (const embedded_file *f = embedded_files; !err && f->name; f++)
        if (has_suffix(f->name, ".lex"))
            err = lex_add_data(lex, f->name, f->data, f->size, LEXICON_BUILTIN, errmsg, errmsg_size);
    if (err) {
        lexicon_free(lex);
        return err;
    }
    *out = lex;
    return 0;
}

void lexicon_free(lexicon *lex)
{
    if (!lex)
        return;
    lex_table_free(&lex->table);
    lex_arena_free(&lex->arena);
    pinyin_rules_free(lex->pinyin);
    russian_rules_free(lex->russian);
    lex_cache_free(lex->cache);
    lex_inventory_free(lex->inv);
    ipa_table_free(lex->ipa);
    free(lex);
}

narrate_error lex_add_data(lexicon *lex, const char *name, const char *data, size_t size,
                           lexicon_layer layer, char *errmsg, size_t errmsg_size)
{
    lex_parse p = {.name = name, .inv = lex->inv, .ipa = lex->ipa, .layer = (unsigned)layer,
                   .file_seq = ++lex->file_seq, .errmsg = errmsg, .errmsg_size = errmsg_size};
    int xml = has_suffix(name, ".pls") || lex_looks_like_xml(data, size);
    narrate_error err = xml ? lex_parse_pls(&p, data, size) : lex_parse_lines(&p, data, size);
    if (!err && lex_table_reserve(&lex->table, p.count) != 0)
        err = lex_parse_error(&p, 0, NARRATE_ENOMEM, "out of memory");
    if (!err) {
        for (lex_entry *e = p.first, *next; e; e = next) {
            next = e->next_in_file;
            lex_table_insert(&lex->table, e);
        }
        lex_arena_splice(&lex->arena, &p.arena);
    }
    lex_table_free(&p.seen);
    lex_arena_free(&p.arena);
    return err;
}

narrate_error lexicon_add_file(lexicon *lex, const char *path, lexicon_layer layer, char *errmsg,
                               size_t errmsg_size)
{
    if (errmsg && errmsg_size)
        errmsg[0] = '\0';
    if (!lex || !path || layer < LEXICON_BUILTIN || layer > LEXICON_COMMAND_LINE)
        return NARRATE_EINVAL;
    char *data;
    size_t size;
    narrate_error err = lex_read_file(path, &data, &size, errmsg, errmsg_size);
    if (err)
        return err;
    err = lex_add_data(lex, path, data, size, layer, errmsg, errmsg_size);
    free(data);
    return err;
}

narrate_error lexicon_add_standard_layers(lexicon *lex, char *errmsg, size_t errmsg_size)
{
    if (errmsg && errmsg_size)
        errmsg[0] = '\0';
    if (!lex)
        return NARRATE_EINVAL;
    char dir[4096];
    narrate_error err = 0;
    if (lex_system_dir(dir, sizeof dir) == 0)
        err = lex_add_dir(lex, dir, LEXICON_SYSTEM, errmsg, errmsg_size);
    if (!err && lex_user_dir(dir, sizeof dir) == 0)
        err = lex_add_dir(lex, dir, LEXICON_USER, errmsg, errmsg_size);
    return err;
}

const lex_inventory *lex_inventory_of(const lexicon *lex)
{
    return lex->inv;
}

const lex_table *lex_table_of(const lexicon *lex)
{
    return &lex->table;
}

const pinyin_rules *lex_pinyin_of(const lexicon *lex)
{
    return lex->pinyin;
}

const russian_rules *lex_russian_of(const lexicon *lex)
{
    return lex->russian;
}

lex_cache *lex_cache_of(const lexicon *lex)
{
    return lex->cache;
}
