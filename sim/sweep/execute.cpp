// Running a sweep's runs (see execute.h).
#include "sweep/execute.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/stop.h"
#include "engine/simulation.h"
#include "io/output.h"
#include "scenario/error.h"
#include "scenario/load.h"
#include "scenario/node.h"

namespace tribune::sweep {

namespace fs = std::filesystem;

namespace {
bool fault_injected(int64_t id) {
  const char* env = std::getenv("TRIBUNE_SWEEP_FAIL_RUNS");
  if (!env) return false;
  std::stringstream ss(env);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty() && std::strtoll(item.c_str(), nullptr, 10) == id) return true;
  return false;
}

void write_failure(const SweepDir& dir, int64_t id, const std::string& message) {
  std::ofstream out(dir.failed_file(id));
  out << message << "\n";
}
}  // namespace

RunOutcome execute(const Sweep& s, const SweepDir& dir, const Run& run, int threads,
                   const std::function<bool()>& stop) {
  RunOutcome r;
  const auto t0 = std::chrono::steady_clock::now();
  const fs::path file = dir.run_file(run.id);
  std::unique_ptr<Output> out;
  try {
    if (fault_injected(run.id)) throw std::runtime_error("fault injected by TRIBUNE_SWEEP_FAIL_RUNS");
    LoadOptions o;
    o.overrides = s.overrides(run);
    Scenario sc = load_scenario_tree(*s.base_tree, o);
    const std::string yaml = resolved_yaml(sc);
    out = std::make_unique<Output>(file.string());
    Simulation sim(std::move(sc), threads);
    const bool complete = simulate(sim, *out, stop, nullptr);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!complete) {
      out->discard();
      r.interrupted = true;
      return r;
    }
    out->finish(sim, Provenance{s.base_file, yaml, threads, r.seconds, sim.build_seconds()}, true);
    std::error_code ec;
    fs::remove(dir.failed_file(run.id), ec);
    r.ok = true;
  } catch (const Interrupted&) {
    if (out) out->discard();
    r.interrupted = true;  // not a failure: the run is done again on resume
    return r;
  } catch (const ScenarioError& e) {
    r.error = e.diagnostics().empty() ? std::string(e.what()) : e.diagnostics().front().str();
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  if (!r.ok) {
    if (out) out->discard();
    write_failure(dir, run.id, r.error);
  }
  return r;
}

BatchResult execute_all(const Sweep& s, const SweepDir& dir, const std::vector<int64_t>& ids, int jobs, int threads,
                        const std::function<bool()>& stop, const std::function<void(int64_t)>& on_done) {
  BatchResult b;
  std::vector<int64_t> todo;
  for (int64_t id : ids) {
    if (dir.state(id) == RunState::done)
      ++b.skipped;
    else
      todo.push_back(id);
  }
  std::atomic<size_t> next{0};
  std::mutex m;
  int64_t finished = 0;
  auto worker = [&] {
    while (!(stop && stop())) {
      const size_t k = next.fetch_add(1);
      if (k >= todo.size()) return;
      const RunOutcome r = execute(s, dir, s.runs[static_cast<size_t>(todo[k])], threads, stop);
      std::lock_guard lock(m);
      if (r.interrupted) {
        b.interrupted = true;
        return;
      }
      (r.ok ? b.done : b.failed) += 1;
      b.run_seconds += r.seconds;
      if (on_done) on_done(++finished);
    }
  };
  std::vector<std::thread> pool;
  for (int j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (stop && stop()) b.interrupted = true;
  return b;
}

}  // namespace tribune::sweep
