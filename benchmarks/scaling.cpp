// End-to-end scaling benchmark: build a world of N persons from a scenario, run it, and print
// one JSON line: world build time, per-tick times (median, min, max), person-ticks per second,
// per-phase medians, bytes per person (peak RSS growth and the world's own count), the
// streaming bytes the tick moves and, with --triad, the machine's triad bandwidth.
//
//   bench_scaling SCENARIO --persons N --threads T [--ticks 52] [--triad] [--tie-floor] [--dump DIR]
//                 [--set key=value ...]
//
// --tie-floor also times the bare loop of M4's bounded-confidence sums over every tie (one thread,
// nothing done with the sums but keep them): the floor under any tick that reads every tie once,
// against which issue 19's ratios to other implementations can be judged (benchmarks/run_peers.sh).
//
// --dump DIR writes the built world's network and the columns the reduced model reads (raw
// little-endian arrays) and its parameters (params.json), for benchmarks/peers/reduced_numpy.py.
//
// benchmarks/run_scaling.sh runs it over N and T and writes benchmarks/results/.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/prefetch.h"
#include "engine/simulation.h"
#include "model/society/tie_sums.h"
#include "scenario/load.h"
#include "triad.h"

using namespace tribune;

namespace {

long rss_kib(const char* field) {  // VmRSS or VmHWM from /proc/self/status
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::strlen(field) + 1));
  return 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// Bytes a tick must stream at least once (each column and the CSR arrays read or written once;
// gathers through ties are counted once per tie as the 4-byte index only, since the values they
// fetch mostly come from cache). A lower bound on memory traffic, used for the bandwidth ratio.
double streamed_bytes_per_tick(const World& w) {
  const double n = double(w.size()), ties = double(w.network.nbr.size());
  const double csr = 8 * n + 4 * ties;
  const double opinion = csr + 4 * n /*x*/ + 4 * n /*next*/;
  const double hope = csr + (4 + 4 + 2 + 1) * n /*hope, impulse, district, class*/ + 4 * n /*next*/;
  const double grievance = (1 + 2 + 4 + 4 + 4) * n /*class, district, offset, g read, g write*/;
  const double record = (2 + 1 + 4 * 3 + 4 + 1) * n;
  return opinion + hope + grievance + record;
}

template <class T>
void write_raw(const std::string& path, const std::vector<T>& v) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
  if (!out) throw std::runtime_error("cannot write " + path);
}

void dump(const std::string& dir, const Simulation& sim) {
  std::filesystem::create_directories(dir);
  const World& w = sim.world();
  const auto& P = w.persons;
  write_raw(dir + "/offsets.i64", w.network.offsets);
  write_raw(dir + "/nbr.i32", w.network.nbr.to_vector());
  write_raw(dir + "/ideology.f32", P.ideology);
  write_raw(dir + "/anchor.f32", P.anchor);
  write_raw(dir + "/grievance.f32", P.grievance);
  write_raw(dir + "/hope.f32", P.hope);
  write_raw(dir + "/threshold.f32", P.threshold);
  write_raw(dir + "/risk_aversion.f32", P.risk_aversion);
  write_raw(dir + "/district.u16", P.district);
  const auto& o = sim.scenario().mechanisms.opinion;
  const auto& m = sim.scenario().mechanisms.mobilization;
  std::ofstream js(dir + "/params.json");
  js << "{\"persons\": " << w.size() << ", \"epsilon\": " << o.epsilon << ", \"rate\": " << o.rate
     << ", \"stubbornness\": " << o.stubbornness << ", \"legitimacy\": " << w.env.legitimacy
     << ", \"grievance_weight\": " << m.grievance_weight << ", \"hope_weight\": " << m.hope_weight
     << ", \"social\": " << m.social << ", \"arrest_k\": " << m.arrest_k << ", \"rounding\": \""
     << kRoundingNames[static_cast<int>(m.rounding)] << "\", \"fatigue\": " << m.fatigue
     << ", \"recovery\": " << m.recovery << ", \"police\": [";
  for (size_t d = 0; d < w.movement.police_in.size(); ++d) js << (d ? ", " : "") << w.movement.police_in[d];
  js << "]}\n";
}

// Final statistics of the reduced model, to compare with other implementations.
void print_final(const World& w, double protest_share_mean) {
  const auto& P = w.persons;
  double s = 0, s2 = 0, prot = 0;
  for (int64_t i = 0; i < w.size(); ++i)
    s += P.ideology[i], s2 += double(P.ideology[i]) * P.ideology[i], prot += P.protesting[i];
  const double n = double(w.size()), mean = s / n;
  printf(
      ", \"final\": {\"ideology_mean\": %.6f, \"ideology_sd\": %.6f, \"protest_share\": %.6f, \"protest_share_mean\": "
      "%.6f}",
      mean, std::sqrt(std::max(0.0, s2 / n - mean * mean)), prot / n, protest_share_mean);
}

// The bare tie loop (see --tie-floor above): milliseconds for one pass over every row, the median
// of `passes`, on the world as the run left it, with the engine's sums and prefetch choice.
double tie_floor_ms(const World& w, float eps, int passes) {
  const int64_t n = w.size(), last = w.network.last_tie();
  const float* x = w.persons.ideology.data();
  const int64_t* off = w.network.offsets.data();
  std::vector<float> out(static_cast<size_t>(n));
  std::vector<double> times;
  for (int r = 0; r < passes; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    w.network.nbr.visit([&](auto nbr) {
      with_prefetch(n * int64_t{sizeof(float)}, [&](auto prefetch) {
        constexpr bool kPrefetch = decltype(prefetch)::value;
        for (int64_t i = 0; i < n; ++i) {
          const auto t = influence::sum_trusted<kPrefetch>(x, nbr, off[i], off[i + 1], last, x[i], eps);
          out[static_cast<size_t>(i)] = t.trusted + static_cast<float>(t.count);
        }
      });
    });
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    // Read the sums, so the loop cannot be dropped.
    if (std::isnan(out[static_cast<size_t>(r % n)])) fprintf(stderr, "nan\n");
  }
  return median(times) * 1e3;
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenario_path;
  long long persons = 0;
  int threads = 1, ticks = 52;
  bool with_triad = false, with_floor = false;
  std::string dump_dir;
  std::vector<std::string> sets;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--persons" && i + 1 < argc)
      persons = std::atoll(argv[++i]);
    else if (a == "--threads" && i + 1 < argc)
      threads = std::atoi(argv[++i]);
    else if (a == "--ticks" && i + 1 < argc)
      ticks = std::atoi(argv[++i]);
    else if (a == "--dump" && i + 1 < argc)
      dump_dir = argv[++i];
    else if (a == "--triad")
      with_triad = true;
    else if (a == "--tie-floor")
      with_floor = true;
    else if (a == "--set" && i + 1 < argc)
      sets.push_back(argv[++i]);
    else
      scenario_path = a;
  }
  if (scenario_path.empty() || persons <= 0) {
    fprintf(stderr,
            "usage: bench_scaling SCENARIO --persons N --threads T [--ticks 52] [--triad] [--tie-floor] [--dump DIR] "
            "[--set key=value ...]\n");
    return 2;
  }
  LoadOptions opts;
  opts.overrides = {"world.persons=" + std::to_string(persons), "horizon_weeks=" + std::to_string(ticks),
                    "output.snapshot_every=0"};
  opts.overrides.insert(opts.overrides.end(), sets.begin(), sets.end());
  std::vector<Diagnostic> warnings;
  opts.warnings = &warnings;
  Scenario s = load_scenario(scenario_path, opts);
  const long rss0 = rss_kib("VmRSS:");
  Simulation sim(std::move(s), threads);
  const long rss_built = rss_kib("VmRSS:");
  if (!dump_dir.empty()) dump(dump_dir, sim);
  sim.set_profiling(true);
  std::vector<double> tick_s;
  std::vector<std::vector<double>> phase_ticks;
  std::vector<double> last;
  double protest_sum = 0;
  while (!sim.done()) {
    auto t0 = std::chrono::steady_clock::now();
    sim.tick();
    protest_sum += sim.world().env.protest_share;
    tick_s.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    const auto& ph = sim.phase_seconds();
    if (phase_ticks.size() < ph.size()) phase_ticks.resize(ph.size()), last.resize(ph.size(), 0);
    for (size_t k = 0; k < ph.size(); ++k) {
      phase_ticks[k].push_back(ph[k].second - last[k]);
      last[k] = ph[k].second;
    }
  }
  const long hwm = rss_kib("VmHWM:"), rss_end = rss_kib("VmRSS:");
  const double med = median(tick_s);
  const World& w = sim.world();
  printf(
      "{\"persons\": %lld, \"threads\": %d, \"ticks\": %d, \"ties\": %lld, \"build_s\": %.4f, "
      "\"tick_median_ms\": %.3f, \"tick_min_ms\": %.3f, \"tick_max_ms\": %.3f, "
      "\"person_ticks_per_s\": %.4g, \"world_bytes_per_person\": %.1f, "
      "\"rss_bytes_per_person\": %.1f, \"peak_rss_mib\": %.1f, \"end_rss_mib\": %.1f, "
      "\"streamed_gb_per_s\": %.3f",
      persons, threads, ticks, static_cast<long long>(w.network.nbr.size()), sim.build_seconds(), med * 1e3,
      *std::min_element(tick_s.begin(), tick_s.end()) * 1e3, *std::max_element(tick_s.begin(), tick_s.end()) * 1e3,
      double(persons) / med, double(w.bytes()) / double(persons), double(rss_built - rss0) * 1024.0 / double(persons),
      double(hwm) / 1024.0, double(rss_end) / 1024.0, streamed_bytes_per_tick(w) / med / 1e9);
  printf(", \"phase_median_ms\": {");
  for (size_t k = 0; k < phase_ticks.size(); ++k)
    printf("%s\"%s\": %.3f", k ? ", " : "", sim.phase_seconds()[k].first.c_str(), median(phase_ticks[k]) * 1e3);
  printf("}");
  // Means too: a phase whose cost differs between weeks (M3's weeks with impulses) shows there.
  printf(", \"phase_mean_ms\": {");
  for (size_t k = 0; k < phase_ticks.size(); ++k) {
    double sum = 0;
    for (double t : phase_ticks[k]) sum += t;
    printf("%s\"%s\": %.3f", k ? ", " : "", sim.phase_seconds()[k].first.c_str(),
           phase_ticks[k].empty() ? 0.0 : sum / double(phase_ticks[k].size()) * 1e3);
  }
  printf("}");
  print_final(w, tick_s.empty() ? 0.0 : protest_sum / double(tick_s.size()));
  if (with_floor) {
    const double ms = tie_floor_ms(w, static_cast<float>(sim.scenario().mechanisms.opinion.epsilon), 21);
    printf(", \"tie_floor_ms\": %.4f, \"tie_floor_ns_per_tie\": %.4f", ms,
           ms * 1e6 / std::max(1.0, double(w.network.nbr.size())));
  }
  if (with_triad) {
    auto t = bench::triad(threads);
    printf(", \"triad_median_gb_per_s\": %.3f, \"triad_best_gb_per_s\": %.3f", t.median_gb_per_s, t.best_gb_per_s);
  }
  printf("}\n");
  return 0;
}
