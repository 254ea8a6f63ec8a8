/* libFuzzer target: the SSML reader (see fuzz_reader.h for the invariants). */
#include "fuzz_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_reader(READER_SSML, data, size);
}
