#include "memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace orgward {

void returnLargeBlocksToSystem()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 1 << 20); // a fixed threshold also turns glibc's adjustment off
#endif
}

} // namespace orgward
