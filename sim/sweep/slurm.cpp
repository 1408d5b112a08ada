// SLURM array jobs for sweeps (see slurm.h).
#include "sweep/slurm.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tribune::sweep {

namespace {
std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}
}  // namespace

int64_t task_count(const Sweep& s, int64_t k) {
  const int64_t n = static_cast<int64_t>(s.runs.size());
  return (n + k - 1) / k;
}

std::vector<int64_t> unfinished_tasks(const Sweep& s, const SweepDir& dir, int64_t k) {
  std::vector<int64_t> tasks;
  for (const auto& r : s.runs)
    if (dir.state(r.id) != RunState::done && (tasks.empty() || tasks.back() != r.id / k)) tasks.push_back(r.id / k);
  return tasks;
}

std::string array_spec(const std::vector<int64_t>& tasks, int64_t max_parallel) {
  std::string spec;
  for (size_t i = 0; i < tasks.size();) {
    size_t j = i;
    while (j + 1 < tasks.size() && tasks[j + 1] == tasks[j] + 1) ++j;
    // Appended piece by piece: "x" + std::to_string(...) trips g++ 12's -Wrestrict (a false alarm).
    if (!spec.empty()) spec += ',';
    spec += std::to_string(tasks[i]);
    if (j > i) {
      spec += '-';
      spec += std::to_string(tasks[j]);
    }
    i = j + 1;
  }
  if (max_parallel > 0) {
    spec += '%';
    spec += std::to_string(max_parallel);
  }
  return spec;
}

std::string sbatch_script(const Sweep& s, const SweepDir& dir, const SubmitOptions& o, const std::string& array) {
  const std::string root = std::filesystem::absolute(dir.root()).lexically_normal().string();
  std::ostringstream sh;
  sh << "#!/bin/bash\n"
     << "# tribune sweep '" << s.spec.name << "': " << s.runs.size() << " runs in " << task_count(s, o.runs_per_task)
     << " array tasks of up to " << o.runs_per_task << " runs.\n"
     << "# Written by `tribune sweep submit`; you may edit it and submit it yourself with sbatch.\n"
     << "# Each task runs its runs one after another (skipping any already done) and writes one file\n"
     << "# per run in runs/; `tribune sweep status` reads those files, not the scheduler.\n"
     << "#SBATCH --job-name=tribune-" << s.spec.name << "\n"
     << "#SBATCH --array=" << array << "\n"
     << "#SBATCH --cpus-per-task=" << o.cpus_per_task << "\n"
     << "#SBATCH --output=" << root << "/logs/task-%A_%a.log\n";
  if (!o.partition.empty()) sh << "#SBATCH --partition=" << o.partition << "\n";
  if (!o.time.empty()) sh << "#SBATCH --time=" << o.time << "\n";
  sh << "exec " << quoted(o.binary) << " sweep task " << quoted(root) << " --task \"$SLURM_ARRAY_TASK_ID\""
     << " --runs-per-task " << o.runs_per_task << "\n";
  return sh.str();
}

std::string submit(const std::string& script) {
  const std::string cmd = "sbatch --parsable " + quoted(script) + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run sbatch");
  std::string out;
  char buf[256];
  while (fgets(buf, sizeof buf, p)) out += buf;
  const int rc = pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (rc != 0 || out.empty())
    throw std::runtime_error("sbatch failed: " +
                             (out.empty() ? std::string("no output (is SLURM installed and SLURM_CONF set?)") : out));
  const std::string job = out.substr(out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1);
  return job.substr(0, job.find(';'));
}

void record_job(const SweepDir& dir, const std::string& job, const std::string& array, int64_t k) {
  const auto path = dir.root() / "jobs.tsv";
  const bool fresh = !std::filesystem::exists(path);
  std::ofstream out(path, std::ios::app);
  if (fresh) out << "job\tarray\truns_per_task\tsubmitted\n";
  std::time_t t = std::time(nullptr);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  out << job << "\t" << array << "\t" << k << "\t" << when << "\n";
}

int64_t last_runs_per_task(const SweepDir& dir) {
  std::ifstream in(dir.root() / "jobs.tsv");
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty() && line.rfind("job\t", 0) != 0) last = line;
  if (last.empty()) return 0;
  std::stringstream ss(last);
  std::string job, array, k;
  std::getline(ss, job, '\t');
  std::getline(ss, array, '\t');
  std::getline(ss, k, '\t');
  return std::atoll(k.c_str());
}

}  // namespace tribune::sweep
