#include "xml_init.h"

#include <pthread.h>

#include <libxml/parser.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

void xml_init_once(void)
{
    pthread_once(&once, xmlInitParser);
}
