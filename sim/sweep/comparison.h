#pragma once
// A comparison of scenarios over the same seeds (`tribune compare`): the headline outcomes of
// every run, their summaries over replicates, the paired differences between scenarios, and
// the merged file (layout in docs/compare.md).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/headlines.h"

namespace tribune::sweep {

struct Comparison {
  std::string name;                                // the experiment's, or "compare"
  std::string experiment;                          // the experiment file's text ('' for a plain comparison)
  std::vector<std::string> names, files, success;  // per scenario: name, file as given, its success headline
  std::vector<std::string> resolved;               // per scenario: the base scenario, resolved
  std::vector<int64_t> seeds;                      // per replicate (the same for every scenario and point)
  std::vector<std::string> params;                 // the assumptions varied (none for a plain comparison)
  std::vector<std::vector<std::string>> points;    // per point, a value per parameter (one empty point if none)
  std::vector<HeadlineInfo> headlines;
  std::vector<std::vector<double>> values;  // [headline][(scenario * points + point) * replicates + replicate]
  int64_t replicates() const { return static_cast<int64_t>(seeds.size()); }
  size_t index(size_t s, size_t p, size_t r) const { return (s * points.size() + p) * seeds.size() + r; }
  double at(size_t h, size_t s, size_t p, size_t r) const { return values[h][index(s, p, r)]; }
};

struct Summary {
  double mean = 0, lo = 0, hi = 0;  // mean and the 5th-95th percentile range over replicates
  int64_t n = 0;                    // replicates with a finite value
};

struct Difference {
  double mean = 0, lo = 0, hi = 0;  // mean paired difference (a - b) and its 95% t interval
  int64_t n = 0;                    // replicates where both are finite
  bool beyond_noise = false;        // the interval excludes 0
};

// Over the replicates of design point p (0 for a plain comparison).
Summary summarize(const Comparison& c, size_t h, size_t s, size_t p = 0);
Difference difference(const Comparison& c, size_t h, size_t a, size_t b, size_t p = 0);

// Read the /headlines group of a run file into the values of (s, p, r). Throws on a bad file.
void read_headlines(Comparison& c, size_t s, size_t p, size_t r, const std::string& run_file);

// Output: the terminal table, JSON and CSV (text), and the merged HDF5 file (written as
// PATH.partial and renamed).
std::string table(const Comparison& c);
std::string json(const Comparison& c);
std::string csv(const Comparison& c);
void write_h5(const Comparison& c, const std::string& path);

}  // namespace tribune::sweep
