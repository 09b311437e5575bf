/// @file huge_pages.hpp
/// @brief Large blocks backed by transparent huge pages: one page fault per 2 MiB, not per 4 KiB.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace chitieu::detail {

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent
/// huge pages (Linux `madvise(MADV_HUGEPAGE)`, for blocks of 4 MiB or more; a no-op elsewhere or
/// when the kernel refuses). Call it before the block is first written: a large fresh block
/// otherwise costs a page fault (and a zeroed page) per 4 KiB on its first write.
inline void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{1} << 21;
  if (bytes < 2 * huge) return;
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + huge - 1) & ~(huge - 1), end = (at + bytes) & ~(huge - 1);
  if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace chitieu::detail
