// Running a sweep's runs (see execute.h).
#include "sweep/execute.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "core/stop.h"
#include "engine/simulation.h"
#include "io/checkpoint_file.h"
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

namespace {
// The run's checkpoint when it holds this very run (the same resolved scenario and output);
// otherwise none, and a damaged or foreign one is set aside as NAME.ckpt.rejected with a warning.
std::optional<Checkpoint> usable_checkpoint(const fs::path& ckpt, const std::string& yaml, const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(ckpt, ec)) return std::nullopt;
  std::string why;
  try {
    Checkpoint c = read_checkpoint(ckpt.string());
    if (c.scenario_yaml == yaml && c.output == file.string()) return c;
    why = "it belongs to another scenario or output";
  } catch (const std::exception& e) {
    why = e.what();
  }
  fprintf(stderr, "warning: %s not used (%s); the run starts over\n", ckpt.c_str(), why.c_str());
  fs::rename(ckpt, ckpt.string() + ".rejected", ec);
  return std::nullopt;
}
}  // namespace

RunOutcome execute(const Sweep& s, const SweepDir& dir, const Run& run, const ExecOptions& o,
                   const std::function<bool()>& stop) {
  RunOutcome r;
  const auto t0 = std::chrono::steady_clock::now();
  const fs::path file = dir.run_file(run.id);
  const fs::path ckpt = dir.checkpoint_file(run.id);
  std::unique_ptr<Output> out;
  bool keep = false;  // an interruption keeps the spooled snapshots when a checkpoint refers to them
  try {
    if (fault_injected(run.id)) throw std::runtime_error("fault injected by TRIBUNE_SWEEP_FAIL_RUNS");
    LoadOptions lo;
    lo.overrides = s.overrides(run);
    Scenario sc = load_scenario_tree(*s.base_tree, lo);
    const std::string yaml = resolved_yaml(sc);
    std::optional<Checkpoint> c = usable_checkpoint(ckpt, yaml, file);
    std::error_code ec;
    if (!c) fs::remove_all(file.string() + ".partial.d", ec);  // an earlier attempt's snapshots
    keep = c.has_value();
    out = std::make_unique<Output>(file.string(), true);
    Simulation sim(std::move(sc), o.threads);
    if (c) {
      out->drop_snapshots_from(c->tick);
      sim.restore_state(c->state);
      r.resumed_from = c->tick;
      c.reset();
    }
    auto save = [&] {
      write_checkpoint(ckpt.string(), Checkpoint{s.base_file, yaml, file.string(), o.checkpoint_every, sim.world().tick, {}},
                       [&sim](const auto& sink) { sim.save_state(sink); });
      keep = true;
    };
    const bool complete = simulate(sim, *out, stop, [&](int64_t t) {
      if (o.checkpoint_every > 0 && t % o.checkpoint_every == 0 && !sim.done()) save();
    });
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!complete) {
      save();
      r.interrupted = true;
      r.checkpointed_at = sim.world().tick;
      return r;  // the spooled snapshots stay, for the checkpoint
    }
    out->finish(sim, Provenance{s.base_file, yaml, o.threads, r.seconds, sim.build_seconds()}, true);
    fs::remove(dir.failed_file(run.id), ec);
    remove_checkpoint(ckpt.string());
    r.ok = true;
  } catch (const Interrupted&) {
    if (out && !keep) out->discard();
    r.interrupted = true;  // not a failure: the run is done again (or continued) on resume
    return r;
  } catch (const ScenarioError& e) {
    r.error = e.diagnostics().empty() ? std::string(e.what()) : e.diagnostics().front().str();
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  if (!r.ok) {
    if (out) out->discard();
    remove_checkpoint(ckpt.string());  // a failed run starts over
    write_failure(dir, run.id, r.error);
  }
  return r;
}

BatchResult execute_all(const Sweep& s, const SweepDir& dir, const std::vector<int64_t>& ids, const ExecOptions& o,
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
      const RunOutcome r = execute(s, dir, s.runs[static_cast<size_t>(todo[k])], o, stop);
      std::lock_guard lock(m);
      b.resumed += r.resumed_from >= 0;
      if (r.interrupted) {
        b.interrupted = true;
        b.checkpointed += r.checkpointed_at >= 0;
        b.progressed = b.progressed || r.checkpointed_at > std::max<int64_t>(r.resumed_from, 0);
        return;
      }
      (r.ok ? b.done : b.failed) += 1;
      b.progressed = true;
      b.run_seconds += r.seconds;
      if (on_done) on_done(++finished);
    }
  };
  std::vector<std::thread> pool;
  for (int j = 1; j < o.jobs; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (stop && stop()) b.interrupted = true;
  return b;
}

}  // namespace tribune::sweep
