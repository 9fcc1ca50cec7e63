#pragma once
// Memory policy of a short-lived process that parses file after file.
#include <cstddef>

namespace flyguard::util {

// False in a sanitizer build, whose allocator is not glibc's: the functions below then do nothing.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kGlibcAllocator = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
inline constexpr bool kGlibcAllocator = false;
#else
inline constexpr bool kGlibcAllocator = true;
#endif
#else
inline constexpr bool kGlibcAllocator = true;
#endif

// Every file's parse allocates and frees blocks of up to megabytes (libpg_query's memory contexts, its
// JSON, the tree reader's buffers). Above glibc's mmap threshold each one is a fresh mapping whose pages
// fault in again for the next file; from the heap, freed memory is reused. Call once, at start.
void keep_large_blocks_in_heap();

// Lets the next `bytes` (at most 32 MiB) of the calling thread's heap (the main heap, or the malloc arena
// glibc gives another thread) be backed by transparent huge pages, and keeps freed heap memory instead of
// returning it to the kernel. Checking a large tree touches tens of megabytes of fresh heap (parse trees,
// JSON tapes, findings); in 4 KiB pages that is thousands of page faults, which cost as much as the parsing
// itself on a virtual machine. Where the kernel grants huge pages only on request (THP "madvise", the
// common default) this asks for them; where THP is off it changes nothing. Not for short runs: a huge page
// costs 2 MiB of zeroing on first touch. Once per thread: later calls on it do nothing. Returns how many
// bytes were advised (0: none).
std::size_t prefer_huge_pages_for_heap(std::size_t bytes);

}  // namespace flyguard::util
