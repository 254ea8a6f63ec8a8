/* cmocka group fixtures for the normalizer tests: *state is the loaded norm_data. */
#ifndef NARRATE_HELPER_NORM_H
#define NARRATE_HELPER_NORM_H

int norm_setup(void **state);
int norm_teardown(void **state);

#endif
