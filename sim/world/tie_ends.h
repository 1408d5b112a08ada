#pragma once
// The far end of every tie in the network's compressed rows: one person index per slot, stored
// in three bytes when every index fits in 24 bits (worlds of up to 16,777,216 persons, New York
// at 1:1 among them), in four otherwise. At mean degree 16 that is 48 bytes a person instead of
// 64 (issue 19's memory target), and a quarter less to stream through in every pass over the
// ties. The order of the ties is unchanged, so every sum over them is the same bits.
//
// The build writes the indices four bytes wide (it sorts rows), then finish() packs them in
// place and gives the tail back, so the build's peak is no higher than it was.
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace tribune {

static_assert(std::endian::native == std::endian::little, "three-byte tie ends are the low bytes of a 4-byte load");

// What a loop over ties reads: copy it into the loop's locals and index it like an array. One
// unaligned 4-byte load and a mask; the width is known at run time (3 or 4 bytes).
struct TieIndex {
  const unsigned char* bytes = nullptr;
  int64_t stride = 4;
  uint32_t mask = 0xffffffffu;
  uint32_t operator[](int64_t k) const {
    uint32_t v;
    std::memcpy(&v, bytes + k * stride, sizeof v);
    return v & mask;
  }
};

// The same with the width known at compile time, for the passes over every tie (TieEnds::visit):
// the address is one lea and the index comes zero-extended, two instructions a tie fewer than
// TieIndex's multiply and sign extension (with TieIndex the influence pass took 23.0 against
// 18.7 ms at 10^6 persons, 2 threads; docs/engine.md).
template <int W>
struct TieIndexOf {
  static_assert(W == 3 || W == 4);
  const unsigned char* bytes = nullptr;
  uint32_t operator[](int64_t k) const {
    uint32_t v;
    std::memcpy(&v, bytes + k * W, sizeof v);
    if constexpr (W == 3) v &= 0xffffffu;
    return v;
  }
};

class TieEnds {
 public:
  static constexpr int64_t kNarrowLimit = int64_t{1} << 24;  // indices below this fit in 3 bytes

  TieEnds() = default;
  TieEnds(const TieEnds& o);
  TieEnds& operator=(const TieEnds& o);
  TieEnds(TieEnds&&) noexcept = default;
  TieEnds& operator=(TieEnds&&) noexcept = default;

  // For the build: room for `count` indices four bytes wide, to be written through the pointer.
  int32_t* allocate_wide(int64_t count);
  // After the build: keep the first `count` indices and, when every one is below kNarrowLimit
  // (persons < kNarrowLimit), pack them into three bytes each and free the rest.
  void finish(int64_t count, int64_t persons);

  // Four bytes a tie end, whatever the world's size (engine.compact_ties: false).
  void widen();
  // The indices given, packed as the build packs them for a world of `persons` persons.
  static TieEnds pack(const std::vector<int32_t>& ends, int64_t persons);

  int64_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  int width() const { return static_cast<int>(stride_); }
  TieIndex index() const { return {data_.get(), stride_, stride_ == 3 ? 0xffffffu : 0xffffffffu}; }
  uint32_t operator[](int64_t k) const { return index()[k]; }
  // f(TieIndexOf<3>) or f(TieIndexOf<4>), as the ends are stored: a hot loop compiled per width.
  template <class F>
  decltype(auto) visit(F&& f) const {
    if (stride_ == 3) return f(TieIndexOf<3>{data_.get()});
    return f(TieIndexOf<4>{data_.get()});
  }
  std::vector<int32_t> to_vector() const;  // every index, four bytes wide (tests, exports)
  size_t bytes() const { return capacity_; }

 private:
  struct Free {
    void operator()(unsigned char* p) const { std::free(p); }
  };
  std::unique_ptr<unsigned char[], Free> data_;
  int64_t size_ = 0;
  int64_t stride_ = 4;
  size_t capacity_ = 0;           // bytes allocated
  void shrink_to(size_t bytes);   // gives the tail back (realloc shrinks large blocks in place)
  bool reallocate(size_t bytes);  // realloc; false (the block unchanged) when it fails
};

}  // namespace tribune
