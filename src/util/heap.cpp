#include "util/heap.h"

#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace flyguard::util {

namespace {

constexpr std::size_t kLargestHeapBlock = std::size_t{64} << 20;  // larger blocks are mapped on their own
constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

}  // namespace

void keep_large_blocks_in_heap() { mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLargestHeapBlock)); }

std::size_t prefer_huge_pages_for_heap(std::size_t bytes) {
  bytes = std::min(bytes, kLargestHeapBlock / 2);
  thread_local bool done = false;
  if (!kGlibcAllocator || bytes < 2 * kHugePage || done) return 0;
  done = true;
  // With no trimming, the block below, once freed, becomes the top of the heap that the next allocations
  // are carved from, and stays mapped (and advised) however much is freed later.
  keep_large_blocks_in_heap();
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kLargestHeapBlock * 4));
  void* block = std::malloc(bytes);  // moves the program break; untouched pages cost nothing
  if (block == nullptr) return 0;
  const auto start = reinterpret_cast<std::uintptr_t>(block);
  const std::uintptr_t first = (start + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (start + bytes) & ~(kHugePage - 1);
  // EINVAL: a kernel without transparent huge pages.
  const bool advised = last > first && ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE) == 0;
  std::free(block);
  return advised ? last - first : 0;
}

}  // namespace flyguard::util
