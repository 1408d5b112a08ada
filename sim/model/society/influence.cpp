// Phase 3 in one pass over the ties: see influence.h. The rules are influence_rules.h's.
#include "model/society/influence.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <type_traits>
#include <utility>

#include "core/context.h"
#include "core/prefetch.h"
#include "model/society/hope.h"
#include "model/society/influence_rules.h"
#include "model/society/opinion.h"
#include "model/society/tie_sums.h"
#include "world/world.h"

namespace tribune {

namespace {

struct Pass {
  const float* packed;  // ideology, hope: two floats per person
  const int64_t* off;
  int64_t last;
  float rate, eps, stubborn;
  const float* anchor;
  influence::HopeRule rule;
  const float* baseline;  // [district * kClasses + class]
  const float* impulse;
  const uint64_t* impulse_bits;  // bit j: person j has a nonzero impulse; null: read every tie's
  // In a week with few impulses (FewImpulses below): the persons with one among their ties, in
  // index order, and each one's sum of them; none in other weeks.
  const int64_t* few_person;
  const float* few_sum;
  int64_t few_count;
  const uint16_t* district;
  const uint8_t* klass;
  float* ideology;
  float* hope;
};

// kEveryone: epsilon spans [-1, 1], every tie is trusted. kImpulses: how the ties' hope impulses
// are summed: not at all (none: the weeks without), taken from the sums of the few persons who
// have them at their ties (few: FewImpulses below), or read at every tie from their own column
// (read). Packing them beside ideology and hope (16 bytes a person instead of 8) made those
// weeks' gathers one cache line, but kept 8 more bytes a person for the whole run (issue 19's
// memory target); docs/engine.md. kPrefetch: the pair buffer is past L2 (core/prefetch.h).
// Ends: the tie ends' width (world/tie_ends.h), fixed at compile time.
enum class Impulses { none, few, read };
template <bool kEveryone, Impulses kImpulses, bool kPrefetch, class Ends>
// The chunk's loop is flattened (everything it calls inlined into it): without that, whether
// g++ inlined the tie sums and the rules into it changed with unrelated edits elsewhere under
// link-time optimization, and the pass took 2.7 to 5.9 ms at 10^5 persons across builds whose
// code here was the same (docs/performance.md).
void pass(const Pass& shared, const Ends nbr, const Context& c, int64_t n) {
  c.pool.for_chunks(
      n, [&](int64_t lo, int64_t hi) __attribute__((flatten)) {
        // A copy in this chunk's locals: the loop stores floats, which may alias the shared copy's
        // float parameters, so read through the reference they would be reloaded after each store.
        const Pass s = shared;
        AgentWords words = c.rng.words(static_cast<uint32_t>(c.tick));
        // The first of the few persons with impulses at their ties in this chunk; finish() is
        // called in index order and moves it on.
        int64_t few = std::lower_bound(s.few_person, s.few_person + s.few_count, lo) - s.few_person;
        // Person i's new ideology and hope from its tie sums.
        auto finish = [&](int64_t i, const influence::TieSums& sums) __attribute__((always_inline)) {
          const float xi = s.packed[2 * i], h = s.packed[2 * i + 1];
          const int64_t b = s.off[i], e = s.off[i + 1];
          float sum_imp = 0;
          if constexpr (kImpulses == Impulses::read) {
            if (s.impulse_bits) {
              // Only the ties with an impulse are read (adding a zero leaves a sum that is never -0
              // unchanged, so the sum is the same bits as reading every tie's).
              for (int64_t k = b; k < e; ++k) {
                const uint32_t j = nbr[k];
                if ((s.impulse_bits[j >> 6] >> (j & 63)) & 1) sum_imp += s.impulse[j];
              }
            } else {
              for (int64_t k = b; k < e; ++k) {
                if constexpr (kPrefetch) prefetch_tie(s.impulse, nbr, k, s.last);
                sum_imp += s.impulse[nbr[k]];
              }
            }
          }
          if constexpr (kImpulses == Impulses::few)
            if (few < s.few_count && s.few_person[few] == i) sum_imp = s.few_sum[few++];
          const influence::Trusted t{sums.trusted, sums.count};
          const float sum_h = sums.hope;
          s.ideology[i] = influence::next_ideology(xi, t, s.rate, s.stubborn, s.anchor[i]);
          const double noise = s.rule.half > 0 ? words.symmetric(static_cast<uint64_t>(i)) : 0.0;
          s.hope[i] = influence::next_hope(s.rule, h, s.baseline[s.district[i] * kClasses + s.klass[i]], s.impulse[i],
                                           sum_h, sum_imp, e - b, noise);
        };
        const float eps = kEveryone ? INFINITY : s.eps;
        int64_t i = lo;
        // In cache (no prefetch), two persons at a time, each summed in its own tie order
        // (tie_sums.h), then each finished in index order. Past L2 this was slower: see
        // docs/performance.md, fourth round.
        if constexpr (!kPrefetch)
          for (; i + 1 < hi; i += 2) {
            influence::TieSums s0, s1;
            influence::sum_pairs_two<true, false>(s.packed, nbr, s.off[i], s.off[i + 1], s.off[i + 1], s.off[i + 2],
                                                  s.last, s.packed[2 * i], s.packed[2 * i + 2], eps, s0, s1);
            finish(i, s0);
            finish(i + 1, s1);
          }
        for (; i < hi; ++i)
          finish(i, influence::sum_pairs<true, kPrefetch>(s.packed, nbr, s.off[i], s.off[i + 1], s.last,
                                                          s.packed[2 * i], eps));
      });
}

void pack(std::vector<float>& out, const World& w, const Pool& pool) {
  const auto& P = w.persons;
  out.resize(static_cast<size_t>(2 * w.size()));
  float* o = out.data();
  pool.for_each(w.size(), [&](int64_t i) {
    o[2 * i] = P.ideology[i];
    o[2 * i + 1] = P.hope[i];
  });
}

// In a week with impulses, the persons who have one, as bits, when few do (usually a few percent:
// wins and defeats reach those who took part), so that the ties' impulses are read only where
// they are nonzero; empty when many do (a scandal reaches everyone), and every tie is read.
// The bits take n / 8 bytes, which stay in cache where the impulse column (4n) would not.
// `set`: how many persons have one.
struct ImpulseBits {
  std::vector<uint64_t> bits;
  int64_t set = 0;
};
ImpulseBits sparse_impulses(const World& w, const Pool& pool) {
  const int64_t n = w.size(), words = (n + 63) / 64;
  const float* impulse = w.persons.hope_impulse.data();
  std::vector<uint64_t> bits(static_cast<size_t>(words));
  const int64_t set = pool.reduce(
      words, int64_t{0},
      [&](int64_t lo, int64_t hi) {
        int64_t count = 0;
        for (int64_t q = lo; q < hi; ++q) {
          uint64_t word = 0;
          for (int64_t i = 64 * q, end = std::min(n, 64 * q + 64); i < end; ++i)
            word |= uint64_t{impulse[i] != 0.0f} << (i & 63);
          bits[static_cast<size_t>(q)] = word;
          count += __builtin_popcountll(word);
        }
        return count;
      },
      [](int64_t& a, int64_t b) { a += b; });
  if (set * 4 > n) bits.clear();  // more than a quarter (assumption): the test would not pay
  return {std::move(bits), set};
}

// A week when only a few persons have an impulse (usually a handful: wins and defeats reach those
// who took part): rather than test every tie against the bits, find the persons who have one of
// them among their ties, which, the network being undirected (world.h), are the ties of those
// with an impulse, and sum each one's ties' impulses in tie order with the bits, as the pass
// would: the same floats (influence_test.cpp compares the two ways).
struct FewImpulses {
  std::vector<int64_t> person;  // in index order
  std::vector<float> sum;
};

// The persons with an impulse at their ties and their sums; empty (has_value false) when more
// than n / kFewShare persons have an impulse (then the pass tests the bits at every tie).
inline constexpr int64_t kFewShare = 1024;  // assumption: at most ~n/64 persons affected at degree 16
std::optional<FewImpulses> few_impulses(const World& w, const ImpulseBits& impulses, const Pool& pool) {
  const std::vector<uint64_t>& bits = impulses.bits;
  if (bits.empty() || few_impulses_off() || impulses.set * kFewShare > w.size()) return std::nullopt;
  const auto& N = w.network;
  std::vector<uint64_t> near(bits.size());
  N.nbr.visit([&](auto nbr) {
    for (size_t q = 0; q < bits.size(); ++q)
      for (uint64_t word = bits[q]; word; word &= word - 1) {
        const int64_t j = static_cast<int64_t>(q * 64) + __builtin_ctzll(word);
        for (int64_t k = N.offsets[j]; k < N.offsets[j + 1]; ++k) {
          const uint32_t i = nbr[k];
          near[i >> 6] |= uint64_t{1} << (i & 63);
        }
      }
  });
  FewImpulses f;
  for (size_t q = 0; q < near.size(); ++q)
    for (uint64_t word = near[q]; word; word &= word - 1)
      f.person.push_back(static_cast<int64_t>(q * 64) + __builtin_ctzll(word));
  f.sum.resize(f.person.size());
  const float* impulse = w.persons.hope_impulse.data();
  N.nbr.visit([&](auto nbr) {
    pool.for_each(static_cast<int64_t>(f.person.size()), [&](int64_t a) {
      const int64_t i = f.person[static_cast<size_t>(a)];
      float sum = 0;
      for (int64_t k = N.offsets[i]; k < N.offsets[i + 1]; ++k) {
        const uint32_t j = nbr[k];
        if ((bits[j >> 6] >> (j & 63)) & 1) sum += impulse[j];
      }
      f.sum[static_cast<size_t>(a)] = sum;
    });
  });
  return f;
}

std::atomic<bool> few_off{false};

}  // namespace

bool few_impulses_off() {
  return few_off.load(std::memory_order_relaxed);
}
void few_impulses_force_off(bool on) {
  few_off.store(on);
}

void step_influence(World& w, const OpinionParams& op, const HopeParams& hp, const Context& c) {
  auto& P = w.persons;
  const int64_t n = w.size();
  const bool everyone = op.epsilon >= 2.0;
  const bool impulses = w.hope_impulses_pending;  // most weeks nobody wins or loses anything
  // Last week's values of everyone side by side: the ties are read from here, so each person's
  // new values can be written straight into the columns.
  pack(w.pair_scratch, w, c.pool);
  const std::vector<float> baseline_table = influence::hope_baselines(w, hp);
  const ImpulseBits impulse = impulses ? sparse_impulses(w, c.pool) : ImpulseBits{};
  const std::vector<uint64_t>& impulse_bits = impulse.bits;
  const std::optional<FewImpulses> few = impulses ? few_impulses(w, impulse, c.pool) : std::nullopt;
  const Pass s{w.pair_scratch.data(),
               w.network.offsets.data(),
               w.network.last_tie(),
               float(op.rate),
               float(op.epsilon),
               float(op.stubbornness),
               P.anchor.data(),
               influence::hope_rule(hp),
               baseline_table.data(),
               P.hope_impulse.data(),
               impulse_bits.empty() ? nullptr : impulse_bits.data(),
               few ? few->person.data() : nullptr,
               few ? few->sum.data() : nullptr,
               few ? static_cast<int64_t>(few->person.size()) : 0,
               P.district.data(),
               P.klass.data(),
               P.ideology.data(),
               P.hope.data()};
  w.network.nbr.visit([&](auto nbr) {
    with_prefetch(n * 2 * int64_t{sizeof(float)}, [&](auto prefetch) {
      constexpr bool kP = decltype(prefetch)::value;
      using Ends = decltype(nbr);
      const Impulses mode = !impulses ? Impulses::none : few ? Impulses::few : Impulses::read;
      auto run = [&](auto everyone_c) {
        constexpr bool kE = decltype(everyone_c)::value;
        if (mode == Impulses::none) pass<kE, Impulses::none, kP, Ends>(s, nbr, c, n);
        if (mode == Impulses::few) pass<kE, Impulses::few, kP, Ends>(s, nbr, c, n);
        if (mode == Impulses::read) pass<kE, Impulses::read, kP, Ends>(s, nbr, c, n);
      };
      everyone ? run(std::true_type{}) : run(std::false_type{});
    });
  });
  if (impulses) std::fill(P.hope_impulse.begin(), P.hope_impulse.end(), 0.0f);
  w.hope_impulses_pending = false;
}

}  // namespace tribune
