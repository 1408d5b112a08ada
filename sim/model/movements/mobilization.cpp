// M28 mobilization (see mobilization.h).
#include "model/movements/mobilization.h"

#include <algorithm>
#include <atomic>
#include <boost/math/distributions/normal.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "core/bytes.h"
#include "core/context.h"
#include "core/cpu.h"
#include "model/movements/mobilization_classify.h"
#include "world/district_sums.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kDraw = 1, kRest, kAsk, kView };

// Protesters per district.
std::vector<int64_t> protesters_by_district(const World& w, const Pool& pool) {
  const uint8_t* protesting = w.persons.protesting.data();
  const std::vector<double> n = district_sums_where(w, pool, protesting, [&](int64_t i) { return double(protesting[i]); });
  return std::vector<int64_t>(n.begin(), n.end());
}
// Every tie of person i now counts (or no longer counts) i among its protesting ties.
void count_at_ties(World& w, int64_t i, bool on) {
  const auto& N = w.network;
  const uint16_t step = on ? 1 : uint16_t(-1);
  const TieIndex nbr = N.nbr.index();
  for (int64_t k = N.offsets[i]; k < N.offsets[i + 1]; ++k) w.persons.protest_ties[nbr[k]] += step;
}

// Those marked `changed` (a bit of `protesting`) this week move the protesting-tie counts at
// their ties, in index order, and lose the mark: count_at_ties for each. Serial (two persons may
// share a tie end), and in most weeks few change, each far from the last, so each one's row of
// ties is a miss to memory: the row is asked for when the scan finds the person and read kAhead
// changed persons later, so several rows are on their way at once (the counts are integers; the
// order of the adds does not change them).
void move_counts_of_changed(World& w, uint8_t changed) {
  const int64_t* offsets = w.network.offsets.data();
  uint8_t* protesting = w.persons.protesting.data();
  uint16_t* count = w.persons.protest_ties.data();
  const int64_t n = w.size(), width = w.network.nbr.width();
  w.network.nbr.visit([&](auto nbr) {
    constexpr int kAhead = 8;
    int64_t queue[kAhead];
    int held = 0, next = 0;
    auto move = [&](int64_t i) {
      protesting[i] &= static_cast<uint8_t>(~changed);
      const uint16_t step = protesting[i] ? 1 : uint16_t(-1);
      for (int64_t k = offsets[i]; k < offsets[i + 1]; ++k) count[nbr[k]] = static_cast<uint16_t>(count[nbr[k]] + step);
    };
    const uint64_t any_changed = every_byte(changed);
    for (int64_t i = 0; i < n; ++i) {
      // Eight persons at a time past those who did not change (most, in most weeks).
      while ((i & 7) == 0 && i + 8 <= n && !(eight_bytes(protesting + i) & any_changed)) i += 8;
      if (i >= n) break;
      if (!(protesting[i] & changed)) continue;
      __builtin_prefetch(nbr.bytes + offsets[i] * width);
      __builtin_prefetch(nbr.bytes + offsets[i + 1] * width - 1);
      if (held < kAhead) {
        queue[held++] = i;
        continue;
      }
      move(queue[next]);
      queue[next] = i;
      next = (next + 1) % kAhead;
    }
    for (int q = 0; q < held; ++q) move(queue[(next + q) % kAhead]);
  });
}

// Person i's decision this week, from last week's state (M28; mobilization.h gives the calculus).
struct Decide {
  // The columns and week constants the AVX2 lanes read too (mobilization_classify.h); its
  // tiredness is the same column as below, read-only there.
  ClassifyInputs in;
  uint8_t *tiredness, *protesting;
  uint16_t* in_view;             // police each resident sees, under local vision; else null
  const double* police_density;  // per district
  Streams rng;
  int64_t tick;
  uint32_t now;
  int64_t total;  // last week's protesters
  double arrest_k;
  Rounding rounding;
  bool local, complete;

  uint8_t operator()(int64_t i) const __attribute__((always_inline)) {
    if (in.jailed[i] > tick) {
      if (local) in_view[i] = 0;
      return 0;
    }
    const double degree = static_cast<double>(in.offsets[i + 1] - in.offsets[i]);
    double risk_i = 0;
    if (local) {
      const double mean = police_density[in.district[i]] * (degree + 1);
      Stream s = rng.at(now, static_cast<uint64_t>(i), kView);
      const int cops = mean > 0 ? boost::random::poisson_distribution<int, double>(mean)(s) : 0;
      in_view[i] = static_cast<uint16_t>(std::min(cops, 65535));
      risk_i = arrest_probability(cops, static_cast<double>(in.protest_ties[i]) + 1.0, arrest_k, rounding);
    } else {
      risk_i = in.risk[in.district[i]];
    }
    const double g =
        in.grievance_weight * in.grievance[i] * in.illegitimacy * (1 - in.hope_weight + in.hope_weight * in.hope[i]);
    const int o = in.org[i];
    const double organized_i =
        o >= 0 && in.given[i] > 0
            ? std::min(in.organized, in.per_hour * in.given[i] * in.movement_share[static_cast<size_t>(o)])
            : 0.0;
    const double tired = in.fatigue * tiredness[i], risky = in.risk_aversion[i] * risk_i,
                 call = in.boost * in.called[i];
    auto net = [&](double asked_i, double s) {
      return g + organized_i + asked_i + in.social * s - risky + call - in.gathering - tired;
    };
    // net rises with being asked and with s (asked and social are at least 0, and every
    // operation rounds monotonically in floating point), where s is a share of ties in [0, 1]
    // under `ties` and the count of other protesters under complete mixing. So most persons are
    // decided before the draw of whether they are asked (a Philox block each) and without
    // reading their ties; the draw is keyed by identity, so skipping it moves no other draw.
    const double s_high = complete ? static_cast<double>(total - protesting[i]) : 1.0;
    const double s_low = complete ? s_high : 0.0;
    const double a = in.ask[in.district[i]];
    const float t = in.threshold[i];
    if (net(a > 0 ? in.asked : 0.0, s_high) < t) return 0;
    if (net(0.0, s_low) >= t) return 1;
    const double asked_i = a > 0 && rng.at(now, static_cast<uint64_t>(i), kAsk).uniform() < a ? in.asked : 0.0;
    if (complete) return net(asked_i, s_high) >= t;
    if (net(asked_i, 1.0) < t) return 0;
    if (net(asked_i, 0.0) >= t) return 1;
    const double s = degree > 0 ? static_cast<double>(in.protest_ties[i]) / degree : 0.0;
    return net(asked_i, s) >= t;
  }
};
}  // namespace

namespace {
std::atomic<bool> force_scalar{false};
}  // namespace

bool classify_in_lanes() {
#ifdef TRIBUNE_HAVE_AVX2_PATH
  return cpu_has_avx2() && !force_scalar.load(std::memory_order_relaxed);
#else
  return false;
#endif
}
void classify_force_scalar(bool on) {
  force_scalar.store(on);
}

void set_protesting(World& w, int64_t i, bool on) {
  auto& P = w.persons;
  if (P.protesting[i] == on) return;
  P.protesting[i] = on;
  count_at_ties(w, i, on);
}

double arrest_probability(double police, double protesters, double k, Rounding rounding) {
  if (protesters <= 0) return 0.0;
  double r = police / protesters;
  if (rounding == Rounding::floor) r = std::floor(r);
  if (rounding == Rounding::round) r = std::round(r);
  return 1.0 - std::exp(-k * r);
}

void init(World& w, const MobilizationParams& p, const Context& c) {
  auto& P = w.persons;
  c.pool.for_each(w.size(), [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i), kDraw);
    P.risk_aversion[i] = static_cast<float>(p.risk_scale * s.uniform());
    double t = 0;
    switch (p.thresholds) {
      case ThresholdMode::sequence:
        t = static_cast<double>(i);
        break;
      case ThresholdMode::quantiles:
        t = p.threshold_sd > 0 ? boost::math::quantile(boost::math::normal(p.threshold_mean, p.threshold_sd),
                                                       (static_cast<double>(i) + 0.5) / static_cast<double>(w.size()))
                               : p.threshold_mean;
        break;
      case ThresholdMode::normal:
        t = boost::random::normal_distribution<double>(p.threshold_mean, p.threshold_sd)(s);
        break;
    }
    P.threshold[i] = static_cast<float>(t);
    P.protesting[i] = 0;
    P.protest_ties[i] = 0;
    P.tiredness[i] = 0;
    P.jailed_until[i] = -1;
  });
  for (const auto& e : p.threshold_edits)
    if (e.person < w.size()) P.threshold[e.person] = static_cast<float>(e.value);
  w.movement = MovementState{};
  if (p.vision == Vision::ties) w.movement.police_in_view.assign(static_cast<size_t>(w.size()), 0);
  w.movement.protesters_in.assign(w.districts.size(), 0);
  w.movement.arrests_in.assign(w.districts.size(), 0);
  for (const auto& d : w.districts)
    w.movement.police_in.push_back(p.police_per_1000 * static_cast<double>(d.size()) / 1000.0);
}

void step(World& w, const MobilizationParams& p, const Context& c) {
  auto& P = w.persons;
  const auto& N = w.network;
  // Last week's protesters per district (the arrested included: they were in the street), as
  // mobilization counted them, so no pass over the persons is needed.
  const std::vector<int64_t> before = w.movement.protesters_in.size() == w.districts.size()
                                          ? w.movement.protesters_in
                                          : protesters_by_district(w, c.pool);
  int64_t total = 0;
  for (int64_t n : before) total += n;
  std::vector<double> risk(w.districts.size());
  for (size_t d = 0; d < w.districts.size(); ++d)
    risk[d] = arrest_probability(w.movement.police_in[d], static_cast<double>(before[d]) + 1.0, p.arrest_k, p.rounding);
  const double illegitimacy = 1.0 - w.env.legitimacy;
  const double boost = w.movement.call.active ? w.movement.call.boost / 255.0 : 0.0;  // M25, per unit of called
  const double gathering = w.env.pandemic.in_force(c.tick) ? w.env.pandemic.gathering_risk : 0.0;
  const uint8_t* called = P.called.data();
  // Per organization, the share of its people's given hours that goes to movements (M9).
  std::vector<float> movement_share(w.orgs.size());
  for (size_t o = 0; o < w.orgs.size(); ++o) movement_share[o] = static_cast<float>(w.orgs[o].share[kMovement]);
  const double per_hour = p.organized / p.organized_hours;
  // Per district, the chance a resident is asked to come out this week (organizers' movement hours).
  std::vector<double> ask(w.districts.size(), 0.0);
  const auto& hours_in = w.movement.hours_in;
  for (size_t d = 0; d < w.districts.size() && d < hours_in.size(); ++d)
    if (w.districts[d].size() > 0)
      ask[d] = 1.0 - std::exp(-p.asks_per_hour * hours_in[d] / static_cast<double>(w.districts[d].size()));
  const uint32_t now = static_cast<uint32_t>(c.tick);
  // Under local vision, police per resident by district (the mean of the police one sees is this
  // times one's ties + 1).
  std::vector<double> police_density(w.districts.size(), 0.0);
  for (size_t d = 0; d < w.districts.size(); ++d)
    if (w.districts[d].size() > 0)
      police_density[d] = w.movement.police_in[d] / static_cast<double>(w.districts[d].size());
  // The decision's inputs, by value: each chunk copies them into its own locals, which no
  // store can alias. (The pass stores bytes, protesting and tiredness, which may alias anything:
  // read through the vectors or through references, every column's address and every parameter
  // would be reloaded after each store.)
  const Decide decide{.in = {.jailed = P.jailed_until.data(),
                             .district = P.district.data(),
                             .grievance = P.grievance.data(),
                             .hope = P.hope.data(),
                             .org = P.org.data(),
                             .given = P.given.data(),
                             .risk_aversion = P.risk_aversion.data(),
                             .threshold = P.threshold.data(),
                             .protest_ties = P.protest_ties.data(),
                             .tiredness = P.tiredness.data(),
                             .called = called,
                             .offsets = N.offsets.data(),
                             .risk = risk.data(),
                             .ask = ask.data(),
                             .movement_share = movement_share.data(),
                             .tick = static_cast<int32_t>(std::min<int64_t>(c.tick, INT32_MAX)),
                             .illegitimacy = illegitimacy,
                             .boost = boost,
                             .gathering = gathering,
                             .per_hour = per_hour,
                             .grievance_weight = p.grievance_weight,
                             .hope_weight = p.hope_weight,
                             .organized = p.organized,
                             .asked = p.asked,
                             .social = p.social,
                             .fatigue = p.fatigue},
                      .tiredness = P.tiredness.data(),
                      .protesting = P.protesting.data(),
                      .in_view = p.vision == Vision::ties ? w.movement.police_in_view.data() : nullptr,
                      .police_density = police_density.data(),
                      .rng = c.rng,
                      .tick = c.tick,
                      .now = now,
                      .total = total,
                      .arrest_k = p.arrest_k,
                      .rounding = p.rounding,
                      .local = p.vision == Vision::ties,
                      .complete = p.mixing == Mixing::complete};
  // ... and, in the same pass, the tiredness it leaves: it reads only person i's own state, and
  // depends only on the new decision (one pass over the persons instead of two). The decision is
  // written in place with a mark (kChanged) on those who change: decide(i) reads no one else's
  // `protesting`, only the ties' counts, which are updated after the pass. No column of the
  // decisions is allocated each week.
  constexpr uint8_t kChanged = 2;
  const double recovery = p.recovery;
  // Where the CPU has AVX2 (and vision and mixing are the usual district and ties), the decisions
  // are taken four persons at a time in blocks of kBlock; for those who protest only if asked,
  // whether they are asked is drawn here, as Decide draws it, and the last persons of a block
  // (fewer than four) are decided by Decide. The lanes' answers are Decide's bits
  // (mobilization_classify.h).
  const bool lanes = classify_in_lanes() && !decide.local && !decide.complete && c.tick <= INT32_MAX;
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    const Decide d = decide;
    // Locals, not the captured references: the pass stores bytes, after which g++ would reload
    // anything read through a reference.
    const bool in_lanes = lanes;
    const double rest_chance = recovery;
    uint8_t* protesting = d.protesting;
    uint8_t* tiredness = d.tiredness;
    // The recovery draws, the first word of each resting person's stream: batched where most
    // rest (after a wave nearly everyone is tired), the same bits as rng.at(now, i, kRest).
    StreamHeads rest = d.rng.heads(d.now, kRest);
    StreamHeads asks = d.rng.heads(d.now, kAsk);  // whether one is asked, as Decide draws it
    constexpr int64_t kBlock = 1024;
    uint8_t decided[kBlock];
    uint16_t resting[kBlock];  // the block's persons who stay home tired: they may recover
    for (int64_t from = lo; from < hi; from += kBlock) {
      const int64_t to = std::min(hi, from + kBlock), n = to - from;
      // This week's decisions, 0 or 1: in lanes where they can be, the rest by the scalar rule
      // (few: the last persons of a block, and those who protest if asked).
      if (in_lanes) {
        classify_avx2(d.in, from, to, decided);
        for (int64_t j = 0; j < n; ++j) {
          const int64_t i = from + j;
          if (decided[j] == kIfAsked) {
            decided[j] = asks.uniform(static_cast<uint64_t>(i)) < d.in.ask[d.in.district[i]];
          } else if (decided[j] == kScalar) {
            decided[j] = d(i);
          }
        }
      } else {
        for (int64_t j = 0; j < n; ++j) decided[j] = d(from + j);
      }
      // Marked kChanged where the decision differs from last week's; tiredness grows for those
      // out. Without branches (after a call, or with half the city out, the decision is a coin
      // flip from one person to the next); those who stay home tired are listed for the draw.
      int64_t tired = 0;
      for (int64_t j = 0; j < n; ++j) {
        const int64_t i = from + j;
        const uint8_t on = decided[j], was = protesting[i], t = tiredness[i];
        protesting[i] = static_cast<uint8_t>(on | (on != was ? kChanged : 0));
        tiredness[i] = static_cast<uint8_t>(t + (on & (t < 255)));
        resting[tired] = static_cast<uint16_t>(j);
        tired += !on & (t > 0);
      }
      // Each of them recovers a step with chance `recovery`, by the first word of their stream.
      for (int64_t r = 0; r < tired; ++r) {
        const int64_t i = from + resting[r];
        tiredness[i] = static_cast<uint8_t>(
            tiredness[i] - (rest_chance >= 1 || rest.uniform(static_cast<uint64_t>(i)) < rest_chance));
      }
    }
  });
  move_counts_of_changed(w, kChanged);
  w.movement.protesters_in = protesters_by_district(w, c.pool);
  w.movement.protesters = 0;
  for (int64_t n : w.movement.protesters_in) w.movement.protesters += n;
  w.env.protest_share = w.size() ? static_cast<double>(w.movement.protesters) / static_cast<double>(w.size()) : 0.0;
}

}  // namespace tribune
