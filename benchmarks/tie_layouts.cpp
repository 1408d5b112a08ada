// Stored lane layouts of the tie ends against the engine's CSR, for M4's bounded-confidence sums
// (issue 19's "vectorised gathers with a fixed lane order"). The engine sums a row four ties at a
// time in tie order (model/society/tie_sums.h). Gathers over one row did not pay (docs/performance.md,
// "Tried and not kept"), nor did one person a lane reading its row from the CSR: each step then
// gathers the tie ends before the values. Here the tie ends are stored lane-major, so a block of
// eight persons reads eight ends with one load, one lane a person, each lane summing its own row in
// tie order (so every sum is the engine's bits, checked):
//   padded: each block of eight padded to its longest row (more bytes);
//   tailed: the block's shortest row lane-major, the rest of each row as in the CSR (the same
//           bytes; the tails' ends are gathered).
// It reads a world written by `bench_scaling SCENARIO --persons N --threads 1 --ticks 1 --dump DIR`
// and prints one JSON line: ns a tie for each loop (the median of --passes passes, one thread),
// the padding, and how many sums differ from the engine's (0 expected).
//
//   bench_tie_layouts DIR [--passes 21]
//   benchmarks/run_tie_layouts.sh runs it over worlds of the default and reduced scenarios.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/cpu.h"
#include "core/prefetch.h"
#include "model/society/tie_sums.h"
#include "tie_layouts.h"
#include "world/tie_ends.h"

namespace {
using namespace tribune;
using namespace tribune::bench;

template <class T>
std::vector<T> read_raw(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw std::runtime_error("cannot read " + path + " (write it with bench_scaling ... --dump DIR)");
  const auto bytes = static_cast<size_t>(in.tellg());
  std::vector<T> v(bytes / sizeof(T));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
  return v;
}

void put3(unsigned char* at, int32_t v) { std::memcpy(at, &v, 3); }

template <class F>
double time_ms(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
double median(std::vector<double> t) {
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

int64_t differing(const std::vector<float>& a, const std::vector<float>& b, int64_t n) {
  int64_t d = 0;
  for (int64_t i = 0; i < n; ++i) d += std::memcmp(&a[static_cast<size_t>(i)], &b[static_cast<size_t>(i)], 4) != 0;
  return d;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    fprintf(stderr, "usage: bench_tie_layouts DIR [--passes 21]   (DIR from bench_scaling ... --dump DIR)\n");
    return argc < 2 ? 2 : 0;
  }
  const std::string dir = argv[1];
  int passes = 21;
  for (int a = 2; a < argc; ++a)
    if (std::string(argv[a]) == "--passes" && a + 1 < argc) passes = std::max(1, std::atoi(argv[++a]));
  try {
    const auto offsets = read_raw<int64_t>(dir + "/offsets.i64");
    const auto ends = read_raw<int32_t>(dir + "/nbr.i32");
    const auto x = read_raw<float>(dir + "/ideology.f32");
    const int64_t n = static_cast<int64_t>(x.size()), ties = offsets.back(), blocks = n / 8;
    if (static_cast<int64_t>(offsets.size()) != n + 1 || static_cast<int64_t>(ends.size()) != ties)
      throw std::runtime_error(dir + ": offsets, nbr and ideology do not agree");
    if (n >= TieEnds::kNarrowLimit) throw std::runtime_error("three-byte ends need fewer than 2^24 persons");
    const float eps = 0.5f;  // the reduced model's epsilon (benchmarks/peers/reduced.yaml)
    const TieEnds csr = TieEnds::pack(ends, n);
    std::vector<int32_t> degree(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) degree[static_cast<size_t>(i)] = static_cast<int32_t>(offsets[i + 1] - offsets[i]);

    PaddedLanes padded;
    TailedLanes tailed;
    padded.degree = tailed.degree = degree;
    tailed.ends.assign(static_cast<size_t>(3 * ties + 32), 0);
    padded.base.push_back(0);
    for (int64_t b = 0; b < blocks; ++b) {
      const auto row = degree.begin() + 8 * b;
      padded.slots.push_back(*std::max_element(row, row + 8));
      padded.base.push_back(padded.base.back() + 8 * padded.slots.back());
      tailed.shortest.push_back(*std::min_element(row, row + 8));
    }
    padded.ends.assign(static_cast<size_t>(3 * padded.base.back() + 32), 0);
    for (int64_t b = 0; b < blocks; ++b)
      for (int64_t l = 0; l < 8; ++l) {
        const int64_t i = 8 * b + l, m = tailed.shortest[static_cast<size_t>(b)];
        for (int64_t t = 0; t < offsets[i + 1] - offsets[i]; ++t) {
          const int32_t j = ends[static_cast<size_t>(offsets[i] + t)];
          put3(&padded.ends[static_cast<size_t>(3 * (padded.base[static_cast<size_t>(b)] + 8 * t + l))], j);
          const int64_t at = t < m ? offsets[8 * b] + 8 * t + l : offsets[i] + (8 - l) * m + (t - m);
          put3(&tailed.ends[static_cast<size_t>(3 * at)], j);
        }
      }

    std::vector<float> engine(static_cast<size_t>(n)), padded_out(static_cast<size_t>(n)), tailed_out(static_cast<size_t>(n));
    const int64_t last = ties - 1;
    auto engine_pass = [&] {
      csr.visit([&](auto nbr) {
        with_prefetch(n * int64_t{sizeof(float)}, [&](auto prefetch) {
          for (int64_t i = 0; i < n; ++i) {
            const auto s = influence::sum_trusted<decltype(prefetch)::value>(x.data(), nbr, offsets[i], offsets[i + 1],
                                                                            last, x[static_cast<size_t>(i)], eps);
            engine[static_cast<size_t>(i)] = s.trusted + static_cast<float>(s.count);
          }
        });
      });
    };
    const bool lanes = cpu_has_avx2();
    // The three loops take turns, pass after pass, so the machine's drift weighs on each alike.
    std::vector<double> engine_ms, padded_ms, tailed_ms;
    for (int r = 0; r < passes; ++r) {
      engine_ms.push_back(time_ms(engine_pass));
      if (!lanes) continue;
      padded_ms.push_back(time_ms([&] { sum_padded_avx2(padded, x.data(), eps, blocks, padded_out.data()); }));
      tailed_ms.push_back(
          time_ms([&] { sum_tailed_avx2(tailed, offsets.data(), x.data(), eps, blocks, tailed_out.data()); }));
    }
    const double per_tie = 1e6 / static_cast<double>(ties);
    printf("{\"dir\": \"%s\", \"persons\": %lld, \"ties\": %lld, \"passes\": %d, \"engine_ns_per_tie\": %.4f",
           dir.c_str(), static_cast<long long>(n), static_cast<long long>(ties), passes, median(engine_ms) * per_tie);
    const double pad = static_cast<double>(padded.base.back()) / static_cast<double>(offsets[8 * blocks]);
    double tail_ties = 0;
    for (int64_t b = 0; b < blocks; ++b)
      tail_ties += static_cast<double>(offsets[8 * b + 8] - offsets[8 * b] - 8 * tailed.shortest[static_cast<size_t>(b)]);
    printf(", \"padding\": %.4f, \"padded_extra_bytes_per_person\": %.2f, \"tailed_tail_share\": %.4f", pad,
           3.0 * static_cast<double>(padded.base.back() - offsets[8 * blocks]) / static_cast<double>(n),
           tail_ties / static_cast<double>(ties));
    if (lanes) {
      printf(", \"padded_ns_per_tie\": %.4f, \"padded_differing\": %lld, \"tailed_ns_per_tie\": %.4f, "
             "\"tailed_differing\": %lld",
             median(padded_ms) * per_tie, static_cast<long long>(differing(engine, padded_out, 8 * blocks)),
             median(tailed_ms) * per_tie, static_cast<long long>(differing(engine, tailed_out, 8 * blocks)));
    } else {
      printf(", \"lanes\": \"skipped: this CPU has no AVX2\"");
    }
    printf("}\n");
  } catch (const std::exception& e) {
    fprintf(stderr, "bench_tie_layouts: %s\n", e.what());
    return 2;
  }
  return 0;
}
