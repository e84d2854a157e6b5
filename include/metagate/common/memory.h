// Returning memory to the system after a large load: parsing entity and policy files builds
// transient trees that the allocator would otherwise keep as resident heap.
#pragma once

namespace metagate {

// Returns the heap pages freed so far to the system (glibc's malloc_trim; a no-op elsewhere).
void ReleaseFreedHeap();

}  // namespace metagate
