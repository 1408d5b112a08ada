#pragma once
// Eight one-byte columns' entries at once: for the loops over persons that skip, eight at a
// time, the many whose byte says there is nothing to do (non-protesters, non-members).
#include <cstdint>
#include <cstring>

namespace tribune {

// The bytes p[0 .. 7] as one word (an unaligned, aliasing-safe load).
inline uint64_t eight_bytes(const void* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Each of eight bytes equal to b.
inline constexpr uint64_t every_byte(uint8_t b) {
  return 0x0101010101010101ull * b;
}

// The loops' skip: from i, eight bytes at a time, past the words of p[i .. i + 7] (ending at or
// before `end`) in which no byte has a bit of `mask`; the caller tests the bytes from the index
// returned one at a time.
inline int64_t skip_clear_bytes(const void* p, int64_t i, int64_t end, uint8_t mask = 0xff) {
  const auto* b = static_cast<const uint8_t*>(p);
  while (i + 8 <= end && (eight_bytes(b + i) & every_byte(mask)) == 0) i += 8;
  return i;
}

// The same past the words whose eight bytes all equal `value` (0xff: eight non-members).
inline int64_t skip_equal_bytes(const void* p, int64_t i, int64_t end, uint8_t value) {
  const auto* b = static_cast<const uint8_t*>(p);
  while (i + 8 <= end && eight_bytes(b + i) == every_byte(value)) i += 8;
  return i;
}

}  // namespace tribune
