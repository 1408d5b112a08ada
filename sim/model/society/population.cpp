// M1 population. Persons are laid out district by district; each person's draws come from
// streams keyed by their id, each workplace's by its district and index, so the world is the
// same for any thread count.
#include "model/society/population.h"

#include <atomic>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <numeric>

#include "core/parallel.h"
#include "core/rng.h"
#include "core/stop.h"
#include "model/society/network.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kClass = 1, kCollege, kEmployed, kShuffle, kWorkplace, kUnionize, kMember, kResistance };

// District sizes proportional to their weights, by largest remainder (exact total).
std::vector<int64_t> district_sizes(const std::vector<DistrictSpec>& ds, int64_t n) {
  double total = 0;
  for (const auto& d : ds) total += d.weight;
  std::vector<int64_t> size(ds.size());
  std::vector<std::pair<double, size_t>> rem;
  int64_t used = 0;
  for (size_t i = 0; i < ds.size(); ++i) {
    double exact = static_cast<double>(n) * ds[i].weight / total;
    size[i] = static_cast<int64_t>(std::floor(exact));
    used += size[i];
    rem.emplace_back(exact - std::floor(exact), i);
  }
  std::stable_sort(rem.begin(), rem.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (size_t k = 0; used < n; ++k, ++used) ++size[rem[k % rem.size()].second];
  return size;
}

// Workplace size from a power law p(s) ~ s^-a on [smin, smax], by inversion.
int64_t draw_size(Stream& s, const WorkplaceParams& p) {
  double u = s.uniform();
  double a1 = 1.0 - p.size_exponent;
  double lo = std::pow(p.size_min, a1), hi = std::pow(p.size_max + 1, a1);
  double x = std::pow(lo + u * (hi - lo), 1.0 / a1);
  return std::max<int64_t>(1, static_cast<int64_t>(std::floor(x)));
}

int pick(Stream& s, const std::vector<double>& cumulative) {
  double u = s.uniform() * cumulative.back();
  int k = 0;
  while (k + 1 < static_cast<int>(cumulative.size()) && u >= cumulative[k]) ++k;
  return k;
}

// Scale c such that sum_w size_w * min(1, c * size_w^e) = target (bisection; monotone in c).
double coverage_scale(const Workplaces& wp, double elasticity, double target) {
  std::vector<double> size(static_cast<size_t>(wp.count())), weight(size.size());
  for (int64_t w = 0; w < wp.count(); ++w) {
    size[w] = static_cast<double>(wp.size(w));
    weight[w] = std::pow(size[w], elasticity);
  }
  auto covered = [&](double c) {
    double s = 0;
    for (size_t w = 0; w < size.size(); ++w) s += size[w] * std::min(1.0, c * weight[w]);
    return s;
  };
  double lo = 0, hi = 1;
  while (covered(hi) < target && hi < 1e12) hi *= 2;
  for (int it = 0; it < 60; ++it) {
    double mid = 0.5 * (lo + hi);
    (covered(mid) < target ? lo : hi) = mid;
  }
  return hi;
}

void synthesize_persons(World& w, const WorldParams& p, const Streams& rng, const Pool& pool) {
  auto& P = w.persons;
  std::vector<double> cls{p.class_shares.worker, p.class_shares.worker + p.class_shares.professional, 1.0};
  for (const auto& d : w.districts) {
    const uint16_t di = static_cast<uint16_t>(&d - w.districts.data());
    pool.for_chunks(d.size(), [&](int64_t lo, int64_t hi) {
      for (int64_t i = d.begin + lo; i < d.begin + hi; ++i) {
        P.district[i] = di;
        Stream s = rng.at(kSetupTick, i, kClass);
        int k = pick(s, cls);
        P.klass[i] = static_cast<uint8_t>(k);
        P.college[i] = rng.at(kSetupTick, i, kCollege).uniform() < p.college_share[k];
        P.workplace[i] = -1;
      }
    });
  }
}

// Employed persons of each district, shuffled, cut into workplaces of power-law sizes.
void build_workplaces(World& w, const WorldParams& p, const Streams& rng, const Pool& pool) {
  auto& P = w.persons;
  const auto& wpp = p.workplaces;
  std::vector<double> sector_cum;
  for (const auto& s : wpp.sectors) sector_cum.push_back((sector_cum.empty() ? 0 : sector_cum.back()) + s.share);
  const int64_t D = static_cast<int64_t>(w.districts.size());
  std::vector<std::vector<int32_t>> employed(D);
  std::vector<std::vector<int64_t>> sizes(D);
  std::vector<std::vector<uint8_t>> sectors(D);
  pool.for_tasks(D, [&](int64_t d) {
    const auto& dist = w.districts[d];
    auto& e = employed[d];
    for (int64_t i = dist.begin; i < dist.end; ++i)
      if (P.klass[i] != 2 && rng.at(kSetupTick, i, kEmployed).uniform() < wpp.employment_rate)
        e.push_back(static_cast<int32_t>(i));
    Stream s = rng.at(kSetupTick, static_cast<uint64_t>(d), kShuffle);
    for (size_t k = e.size(); k > 1; --k) std::swap(e[k - 1], e[static_cast<size_t>(s() % k)]);
    Stream ws = rng.at(kSetupTick, static_cast<uint64_t>(d), kWorkplace);
    int64_t left = static_cast<int64_t>(e.size());
    while (left > 0) {
      int64_t sz = std::min(left, draw_size(ws, wpp));
      sizes[d].push_back(sz);
      sectors[d].push_back(static_cast<uint8_t>(pick(ws, sector_cum)));
      left -= sz;
    }
  });
  auto& W = w.workplaces;
  W.member_offsets.push_back(0);
  for (int64_t d = 0; d < D; ++d) {
    int64_t at = 0;
    for (size_t k = 0; k < sizes[d].size(); ++k) {
      int32_t id = static_cast<int32_t>(W.sector.size());
      W.district.push_back(static_cast<int32_t>(d));
      W.sector.push_back(sectors[d][k]);
      for (int64_t m = 0; m < sizes[d][k]; ++m) {
        int32_t person = employed[d][static_cast<size_t>(at + m)];
        W.members.push_back(person);
        P.workplace[person] = id;
      }
      at += sizes[d][k];
      W.member_offsets.push_back(static_cast<int64_t>(W.members.size()));
    }
    std::vector<int32_t>().swap(employed[d]);
  }
}

// Unionize workplaces with p ~ size^e so that members / employees hits the target density.
void unionize(World& w, const UnionParams& u, const Streams& rng, const Pool& pool) {
  auto& W = w.workplaces;
  auto& P = w.persons;
  W.union_id.assign(static_cast<size_t>(W.count()), -1);
  W.resistance.assign(static_cast<size_t>(W.count()), 0.0f);
  const double employees = static_cast<double>(W.members.size());
  if (employees == 0 || u.density <= 0) return;
  const double target = employees * u.density / u.member_share_covered;
  const double c = coverage_scale(W, u.size_elasticity, target);
  pool.for_each(W.count(), [&](int64_t wid) {
    double pr = std::min(1.0, c * std::pow(static_cast<double>(W.size(wid)), u.size_elasticity));
    if (rng.at(kSetupTick, static_cast<uint64_t>(wid), kUnionize).uniform() >= pr) return;
    W.union_id[wid] = static_cast<int16_t>(W.sector[wid]);  // one union per sector, for now
    for (int64_t m = W.member_offsets[wid]; m < W.member_offsets[wid + 1]; ++m) {
      int32_t i = W.members[m];
      P.union_member[i] = rng.at(kSetupTick, static_cast<uint64_t>(i), kMember).uniform() < u.member_share_covered;
    }
  });
}

}  // namespace

void build_population(World& w, const WorldParams& p, const Streams& rng, const Pool& pool) {
  const int64_t n = p.persons;
  w.persons.resize(n);
  auto sizes = district_sizes(p.districts, n);
  w.districts.clear();
  int64_t at = 0;
  for (size_t d = 0; d < p.districts.size(); ++d) {
    const auto& s = p.districts[d];
    w.districts.push_back(District{s.name, at, at + sizes[d], s.ideology_shift, s.hope_shift});
    at += sizes[d];
  }
  w.sectors.clear();
  for (const auto& s : p.workplaces.sectors) w.sectors.push_back(s.name);
  w.env.legitimacy = w.env.legitimacy_start = p.legitimacy;
  w.env.shock_table.assign(w.districts.size() * kClasses, 0.0);

  // Between the phases, a stop request ends the build (core/stop.h).
  throw_if_stopped("building the world (persons)");
  synthesize_persons(w, p, rng, pool);
  throw_if_stopped("building the world (workplaces)");
  build_workplaces(w, p, rng, pool);
  throw_if_stopped("building the world (unions)");
  unionize(w, p.unions, rng, pool);
  auto& W = w.workplaces;
  pool.for_each(W.count(), [&](int64_t k) {
    W.resistance[k] = static_cast<float>(2 * p.workplaces.resistance_mean *
                                         rng.at(kSetupTick, static_cast<uint64_t>(k), kResistance).uniform());
  });
  throw_if_stopped("building the world (network)");
  build_network(w, p.network, rng, pool);
  throw_if_stopped("building the world");
}

}  // namespace tribune
