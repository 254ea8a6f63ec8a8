/* libxml2 must be initialized once per process before threads use it
 * (xmlInitParser is not thread-safe in 2.9); every libxml2 user in the library
 * calls this first.  Thread-safe; never cleans up (the host may use libxml2). */
#ifndef NARRATE_XML_INIT_H
#define NARRATE_XML_INIT_H

void xml_init_once(void);

#endif
