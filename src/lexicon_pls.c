/* W3C PLS 1.0 lexicons — placeholder until the libxml2 parser lands. */
#include <string.h>

#include "lexicon_internal.h"

int lex_looks_like_xml(const char *data, size_t size)
{
    while (size && (*data == ' ' || *data == '\n' || *data == '\r' || *data == '\t'))
        data++, size--;
    return size >= 5 && (memcmp(data, "<?xml", 5) == 0 || memcmp(data, "<lexi", 5) == 0);
}

narrate_error lex_parse_pls(lex_parse *p, const char *data, size_t size)
{
    (void)data, (void)size;
    return lex_parse_error(p, 0, NARRATE_EDATA, "PLS files are not supported yet");
}
