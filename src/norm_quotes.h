/* Which tokens of a sentence stand inside quotation marks. */
#ifndef NARRATE_NORM_QUOTES_H
#define NARRATE_NORM_QUOTES_H

#include "norm_data.h"
#include "norm_tokens.h"
#include "norm_unicode.h"

/* Sets t->v[k].quoted for every token between an opening and a closing
 * quotation mark (the marks themselves excluded).  folded/map are the text the
 * tokens index and its provenance in src, whose original characters tell curly
 * opening from closing marks.  Apostrophes are not quotation marks: inside words
 * ("China's"), before digits ("'90s"), before an elision of elisions.tsv ("'n'",
 * "'em"), or closing a single quote that was never opened ("the workers' union").
 * A sentence is judged alone: a closing mark with no opening one quotes from the
 * sentence start (the quotation began in an earlier sentence), an opening one
 * with no closing one quotes to the end. */
void norm_mark_quotes(const norm_data *d, ntoks *t, const char *folded, const char *src,
                      size_t srclen, const fold_map *map);

#endif
