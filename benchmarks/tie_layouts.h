#pragma once
// Stored lane layouts of the tie ends for M4's bounded-confidence sums (benchmarks/tie_layouts.cpp
// says what is measured and why). Plain data; the AVX2 loops are in tie_layouts_avx2.cpp, compiled
// for AVX2 alone.
#include <cstdint>
#include <vector>

namespace tribune::bench {

// Eight persons a block, ties slot-major (slot s of the block's eight persons side by side, three
// bytes each), each block padded to its longest row: lane l of a block sums person 8b + l's ties in
// their CSR order, so each sum is the scalar loop's bits.
struct PaddedLanes {
  std::vector<unsigned char> ends;  // 3 bytes a slot, then 8 bytes of slack for 32-byte loads
  std::vector<int64_t> base;        // first slot of each block
  std::vector<int32_t> slots;       // slots of each block (its longest row)
  std::vector<int32_t> degree;      // per person
};

// Without padding: the slots every person of the block has (its shortest row) slot-major, then
// each person's remaining ties in CSR order, so the CSR's offsets still find them (person i = 8b + l's
// tail starts at offsets[i] + (8 - l) * shortest). The same bytes as the CSR.
struct TailedLanes {
  std::vector<unsigned char> ends;  // 3 bytes a tie, then slack
  std::vector<int32_t> shortest;    // per block
  std::vector<int32_t> degree;      // per person
};

// out[i] = (sum of the trusted ties' x) + (their count), for persons [0, n / 8 * 8).
void sum_padded_avx2(const PaddedLanes& L, const float* x, float eps, int64_t blocks, float* out);
void sum_tailed_avx2(const TailedLanes& L, const int64_t* offsets, const float* x, float eps, int64_t blocks,
                     float* out);

}  // namespace tribune::bench
