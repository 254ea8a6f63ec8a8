/* HTML reader: placeholder until the HTML reader lands. */
#include "reader_internal.h"

narrate_error reader_html_read(reader *r, block_sink *sink, char *errmsg, size_t errmsg_size)
{
    (void)r;
    (void)errmsg;
    (void)errmsg_size;
    return sink->err;
}
