#pragma once
// Process-wide allocator settings, applied once at start-up by each executable.
namespace orgward {
// Blocks of 1 MB and more (a sync page's body and cells, up to ~20 MB each) are mapped on their own and
// go back to the system when freed. glibc otherwise raises its mmap threshold to the largest block freed,
// after which such blocks come from the per-thread heaps, which keep their high-water mark: with pages
// prepared on one thread and written on another, a sync's peak RSS grew from ~235 to ~290 MB.
void returnLargeBlocksToSystem();
} // namespace orgward
