#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "util/heap.h"

namespace flyguard::util {
namespace {

// The VmFlags line of the mapping of /proc/self/smaps that holds `address` (empty when none does).
std::string mapping_flags(const void* address) {
  const auto wanted = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0;
    std::uintptr_t to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-' && line.find(':') > line.find(' ')) {
      inside = from <= wanted && wanted < to;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

bool kernel_has_huge_pages() { return std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled").good(); }

TEST(Heap, TheHeapTopIsAdvisedForHugePages) {
  if (!kGlibcAllocator) GTEST_SKIP() << "the sanitizer's allocator is not glibc's";
  if (!kernel_has_huge_pages()) GTEST_SKIP() << "no transparent huge pages in this kernel";
  const std::size_t advised = prefer_huge_pages_for_heap(std::size_t{16} << 20);
  ASSERT_GE(advised, std::size_t{12} << 20);
  // A block larger than anything freed before comes from the top of the heap, whose advised range begins
  // at the first 2 MiB boundary.
  auto* block = static_cast<char*>(std::malloc(std::size_t{6} << 20));
  ASSERT_NE(block, nullptr);
  const std::string flags = mapping_flags(block + (std::size_t{3} << 20));
  std::free(block);
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
  EXPECT_EQ(prefer_huge_pages_for_heap(std::size_t{16} << 20), 0u);  // once per thread
}

// Another thread allocates from its own malloc arena: its request advises that arena, once.
TEST(Heap, AnotherThreadsArenaIsAdvisedToo) {
  if (!kGlibcAllocator) GTEST_SKIP() << "the sanitizer's allocator is not glibc's";
  if (!kernel_has_huge_pages()) GTEST_SKIP() << "no transparent huge pages in this kernel";
  prefer_huge_pages_for_heap(std::size_t{16} << 20);  // the main thread's turn, taken or not
  std::size_t advised = 0;
  std::size_t again = 1;
  std::string flags;
  std::thread worker([&] {
    advised = prefer_huge_pages_for_heap(std::size_t{16} << 20);
    auto* block = static_cast<char*>(std::malloc(std::size_t{6} << 20));
    if (block != nullptr) flags = mapping_flags(block + (std::size_t{3} << 20));
    std::free(block);
    again = prefer_huge_pages_for_heap(std::size_t{16} << 20);
  });
  worker.join();
  EXPECT_GE(advised, std::size_t{12} << 20);
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
  EXPECT_EQ(again, 0u);
}

TEST(Heap, SmallRequestsAdviseNothing) {
  EXPECT_EQ(prefer_huge_pages_for_heap(std::size_t{1} << 20), 0u);
  EXPECT_EQ(prefer_huge_pages_for_heap(0), 0u);
}

TEST(Heap, RequestsAreCappedBelowTheMmapThreshold) {
  if (!kGlibcAllocator) GTEST_SKIP() << "the sanitizer's allocator is not glibc's";
  if (!kernel_has_huge_pages()) GTEST_SKIP() << "no transparent huge pages in this kernel";
  EXPECT_LE(prefer_huge_pages_for_heap(std::size_t{1} << 30), std::size_t{32} << 20);
}

}  // namespace
}  // namespace flyguard::util
