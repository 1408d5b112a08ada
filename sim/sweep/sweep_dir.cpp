// A sweep's directory (see sweep_dir.h).
#include "sweep/sweep_dir.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "io/seal.h"
#include "scenario/error.h"

namespace tribune::sweep {

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
void write_atomically(const fs::path& p, const std::string& text) {
  const fs::path tmp = p.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
  }
  fs::rename(tmp, p);
}
}  // namespace

std::string run_table(const Sweep& s) {
  std::string t = "run\tpoint\treplicate\tseed";
  for (const auto& p : s.spec.parameters) t += "\t" + p.path;
  t += "\n";
  for (const auto& r : s.runs) {
    t += std::to_string(r.id) + "\t" + std::to_string(r.point) + "\t" + std::to_string(r.replicate) + "\t" +
         std::to_string(r.seed);
    for (const auto& v : r.values) t += "\t" + v;
    t += "\n";
  }
  return t;
}

void SweepDir::create(const Sweep& s) const {
  const fs::path spec = root_ / "sweep.yaml", base = root_ / "base.yaml";
  if (fs::exists(spec)) {
    if (slurp(spec) != s.text || slurp(base) != s.base_yaml)
      throw ScenarioError({Diagnostic{root_.string(), "",
                                      "this directory holds another sweep (its sweep.yaml or base scenario "
                                      "differs); use a new directory"}});
    return;
  }
  fs::create_directories(root_ / "runs");
  fs::create_directories(logs());
  write_atomically(base, s.base_yaml);
  write_atomically(root_ / "runs.tsv", run_table(s));
  write_atomically(spec, s.text);  // last: its presence marks a complete sweep directory
}

Sweep SweepDir::load() const {
  const fs::path spec = root_ / "sweep.yaml";
  if (!fs::exists(spec)) throw ScenarioError({Diagnostic{root_.string(), "", "not a sweep directory (no sweep.yaml)"}});
  return load_sweep_frozen(slurp(spec), spec.string(), slurp(root_ / "base.yaml"), (root_ / "base.yaml").string());
}

fs::path SweepDir::run_file(int64_t id) const {
  char name[32];
  std::snprintf(name, sizeof name, "run-%06lld.h5", static_cast<long long>(id));
  return root_ / "runs" / name;
}

fs::path SweepDir::failed_file(int64_t id) const {
  fs::path p = run_file(id);
  return p.replace_extension(".failed");
}

fs::path SweepDir::checkpoint_file(int64_t id) const {
  return run_file(id).string() + ".ckpt";
}

RunState SweepDir::state(int64_t id) const {
  const fs::path f = run_file(id);
  // Only complete runs are renamed to the final path; one whose seal's length does not match
  // (truncated, overwritten, not tribune's) counts as failed, and is run again on resume.
  if (fs::exists(f)) return check_seal(f.string(), false).ok() ? RunState::done : RunState::failed;
  if (fs::exists(failed_file(id))) return RunState::failed;
  if (fs::exists(checkpoint_file(id))) return RunState::stopped;
  if (fs::exists(f.string() + ".partial") || fs::exists(f.string() + ".partial.d")) return RunState::running;
  return RunState::missing;
}

std::vector<RunState> SweepDir::states(const Sweep& s) const {
  std::vector<RunState> v;
  v.reserve(s.runs.size());
  for (const auto& r : s.runs) v.push_back(state(r.id));
  return v;
}

std::string SweepDir::failure(int64_t id) const {
  const fs::path f = run_file(id);
  if (fs::exists(f))
    if (const SealCheck c = check_seal(f.string(), false); !c.ok()) return c.message;
  return slurp(failed_file(id));
}

}  // namespace tribune::sweep
