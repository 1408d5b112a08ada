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

}  // namespace tribune
