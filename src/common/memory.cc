#include "metagate/common/memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace metagate {

void ReleaseFreedHeap() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace metagate
