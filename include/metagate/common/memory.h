// Returning memory to the system after a large load: parsing entity and policy files builds
// transient trees that the allocator would otherwise keep as resident heap.
#pragma once

#include <cstddef>

namespace metagate {

// The resident set size of this process in bytes (VmRSS), or 0 when /proc is not there.
size_t ResidentBytes();

// Returns the heap pages freed so far to the system (glibc's malloc_trim; a no-op elsewhere).
void ReleaseFreedHeap();

}  // namespace metagate
