#include "world/organization.h"

#include "core/bytes.h"
#include "core/parallel.h"
#include "world/world.h"

namespace tribune {

void count_levels(World& w, const Pool& pool) {
  const size_t O = w.orgs.size();
  if (O == 0) return;
  const int8_t* org = w.persons.org.data();
  const uint8_t* level = w.persons.engagement.data();
  using Counts = std::vector<int64_t>;  // [org * kLevels + level]
  auto block = [&](int64_t lo, int64_t hi) {
    Counts c(O * kLevels, 0);
    for (int64_t i = lo; i < hi; ++i) {
      // Most persons belong to no organization (org -1): eight of them at a time are skipped.
      i = skip_equal_bytes(org, i, hi, 0xff);
      if (i < hi && org[i] >= 0) ++c[static_cast<size_t>(org[i]) * kLevels + level[i]];
    }
    return c;
  };
  auto add = [](Counts& acc, const Counts& c) {
    for (size_t k = 0; k < c.size(); ++k) acc[k] += c[k];
  };
  const Counts total = pool.reduce(w.size(), Counts(O * kLevels, 0), block, add);
  for (size_t o = 0; o < O; ++o)
    for (int l = 0; l < kLevels; ++l) w.orgs[o].count[l] = total[o * kLevels + l];
}

}  // namespace tribune
