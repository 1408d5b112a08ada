#include "world/tie_ends.h"

#include <new>

namespace tribune {

namespace {
unsigned char* allocate(size_t n) {
  auto* p = static_cast<unsigned char*>(std::malloc(n == 0 ? 1 : n));
  if (!p) throw std::bad_alloc();
  return p;
}
}  // namespace

TieEnds::TieEnds(const TieEnds& o) : size_(o.size_), stride_(o.stride_), capacity_(o.capacity_) {
  if (capacity_ > 0) {
    data_.reset(allocate(capacity_));
    std::memcpy(data_.get(), o.data_.get(), capacity_);
  }
}

TieEnds& TieEnds::operator=(const TieEnds& o) {
  if (this != &o) *this = TieEnds(o);
  return *this;
}

int32_t* TieEnds::allocate_wide(int64_t count) {
  capacity_ = static_cast<size_t>(count) * 4;
  data_.reset(allocate(capacity_));
  size_ = count;
  stride_ = 4;
  // malloc'd storage: int32 objects begin their lifetime as they are written (implicit creation).
  return reinterpret_cast<int32_t*>(data_.get());
}

bool TieEnds::reallocate(size_t bytes) {
  void* q = std::realloc(data_.get(), bytes == 0 ? 1 : bytes);
  if (!q) return false;
  (void)data_.release();
  data_.reset(static_cast<unsigned char*>(q));
  capacity_ = bytes;
  return true;
}

void TieEnds::shrink_to(size_t bytes) {
  if (bytes < capacity_) (void)reallocate(bytes);  // a failed shrink keeps the larger block
}

void TieEnds::finish(int64_t count, int64_t persons) {
  size_ = count;
  if (persons > kNarrowLimit || count == 0) {
    shrink_to(static_cast<size_t>(count) * 4);
    return;
  }
  // Slot k moves from bytes [4k, 4k + 4) to [3k, 3k + 3): it is read whole before it is written,
  // and the write never reaches a slot not yet read (3k + 3 <= 4(k + 1)).
  unsigned char* p = data_.get();
  for (int64_t k = 0; k < count; ++k) {
    uint32_t v;
    std::memcpy(&v, p + 4 * k, 4);
    std::memcpy(p + 3 * k, &v, 3);  // little-endian: the low three bytes
  }
  // One byte more than the indices take: reading the last one loads four bytes.
  const size_t narrow = static_cast<size_t>(count) * 3 + 1;
  p[narrow - 1] = 0;
  shrink_to(narrow);
  stride_ = 3;
}

TieEnds TieEnds::pack(const std::vector<int32_t>& ends, int64_t persons) {
  TieEnds t;
  const int64_t n = static_cast<int64_t>(ends.size());
  int32_t* wide = t.allocate_wide(n);
  for (int64_t k = 0; k < n; ++k) wide[k] = ends[static_cast<size_t>(k)];
  t.finish(n, persons);
  return t;
}

void TieEnds::widen() {
  if (stride_ == 4) return;
  // In place, from the last slot down: slot k moves from [3k, 3k + 3) to [4k, 4k + 4), which only
  // covers slots already moved (above k); the ones below k end at or before 3k. No second copy,
  // so the peak grows by a quarter of the ends, not by a whole wide copy.
  const size_t wide = static_cast<size_t>(size_) * 4;
  if (wide > capacity_ && !reallocate(wide)) throw std::bad_alloc();
  unsigned char* p = data_.get();
  for (int64_t k = size_ - 1; k >= 0; --k) {
    uint32_t v = 0;
    std::memcpy(&v, p + 3 * k, 3);
    std::memcpy(p + 4 * k, &v, 4);
  }
  stride_ = 4;
}

std::vector<int32_t> TieEnds::to_vector() const {
  std::vector<int32_t> out(static_cast<size_t>(size_));
  const TieIndex ix = index();
  for (int64_t k = 0; k < size_; ++k) out[static_cast<size_t>(k)] = static_cast<int32_t>(ix[k]);
  return out;
}

}  // namespace tribune
