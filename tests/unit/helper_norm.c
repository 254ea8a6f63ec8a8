#include "helper_norm.h"

#include "normalize.h"

int norm_setup(void **state)
{
    norm_data *d = NULL;
    char err[256];
    if (norm_data_load(&d, err, sizeof err) != NARRATE_OK)
        return -1;
    *state = d;
    return 0;
}

int norm_teardown(void **state)
{
    norm_data_free(*state);
    return 0;
}
