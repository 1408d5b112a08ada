#pragma once
// Per-tick aggregates, city-wide and per district. The series are declared once in
// recorder.cpp (name, unit, description, how to compute it from district sums); the HDF5
// writer and `tribune info` loop over that declaration.
#include <cstdint>
#include <string>
#include <vector>

#include "core/state.h"

namespace tribune {

struct World;
class Pool;

struct SeriesInfo {
  std::string name, unit, description;
};

class Recorder {
 public:
  Recorder() = default;
  explicit Recorder(const World& w);

  void record(const World& w, const Pool& pool);  // append the current tick

  const std::vector<int64_t>& ticks() const { return ticks_; }
  // City-wide: values[s][t]. Per district: values[s][t * districts + d].
  const std::vector<SeriesInfo>& city_series() const;
  const std::vector<SeriesInfo>& district_series() const;
  // Per organization: values[s][t * orgs + o].
  const std::vector<SeriesInfo>& org_series() const;
  const std::vector<std::vector<double>>& org() const { return org_; }
  int64_t orgs() const { return orgs_; }
  // Per union: values[s][t * unions + u].
  const std::vector<SeriesInfo>& union_series() const;
  const std::vector<std::vector<double>>& unions() const { return union_; }
  int64_t union_count() const { return unions_; }
  // Per party: values[s][t * parties + q].
  const std::vector<SeriesInfo>& party_series() const;
  const std::vector<std::vector<double>>& parties() const { return party_; }
  int64_t party_count() const { return parties_; }
  const std::vector<std::vector<double>>& city() const { return city_; }
  const std::vector<std::vector<double>>& district() const { return district_; }
  int64_t districts() const { return districts_; }
  double last(const std::string& city_series_name) const;

  TRIBUNE_STATE(districts_, orgs_, unions_, parties_, ticks_, city_, district_, org_, union_, party_)

  // Values recorded per tick in a world of these sizes (for estimates before it is built).
  static int64_t values_per_tick(int64_t districts, int64_t orgs, int64_t unions, int64_t parties);

 private:
  int64_t districts_ = 0, orgs_ = 0, unions_ = 0, parties_ = 0;
  std::vector<int64_t> ticks_;
  std::vector<std::vector<double>> city_, district_, org_, union_, party_;
};

}  // namespace tribune
