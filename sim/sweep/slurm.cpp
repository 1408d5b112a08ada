// SLURM array jobs for sweeps (see slurm.h).
#include "sweep/slurm.h"

#include <algorithm>
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

int64_t time_limit_seconds(const std::string& t) {
  if (t.empty()) return -1;
  int64_t days = 0;
  std::string rest = t;
  const size_t dash = t.find('-');
  std::vector<int64_t> f;
  auto fields = [&f](const std::string& x) {
    std::stringstream ss(x);
    std::string part;
    while (std::getline(ss, part, ':')) {
      if (part.empty() || part.size() > 9 || part.find_first_not_of("0123456789") != std::string::npos) return false;
      f.push_back(std::stoll(part));
    }
    return !f.empty() && f.size() <= 3 && x.back() != ':';
  };
  if (dash != std::string::npos) {
    const std::string d = t.substr(0, dash);
    if (d.empty() || d.size() > 6 || d.find_first_not_of("0123456789") != std::string::npos) return -1;
    days = std::stoll(d);
    rest = t.substr(dash + 1);
    if (!fields(rest)) return -1;
    const int64_t h = f[0], m = f.size() > 1 ? f[1] : 0, sec = f.size() > 2 ? f[2] : 0;
    return ((days * 24 + h) * 60 + m) * 60 + sec;
  }
  if (!fields(rest)) return -1;
  if (f.size() == 1) return f[0] * 60;           // minutes
  if (f.size() == 2) return f[0] * 60 + f[1];    // minutes:seconds
  return (f[0] * 60 + f[1]) * 60 + f[2];         // hours:minutes:seconds
}

int64_t signal_lead(const SubmitOptions& o) {
  int64_t lead = o.checkpoint_lead;
  const int64_t limit = time_limit_seconds(o.time);
  if (limit > 0) lead = std::min(lead, limit / 2);
  return std::clamp<int64_t>(lead, 1, 65535);  // sbatch's largest sig_time
}

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
     << "# per run in runs/; `tribune sweep status` reads those files, not the scheduler. Before the\n"
     << "# time limit SLURM sends SIGUSR1: the task checkpoints its run, requeues itself and, started\n"
     << "# again, continues the run from its checkpoint.\n"
     << "#SBATCH --job-name=tribune-" << s.spec.name << "\n"
     << "#SBATCH --array=" << array << "\n"
     << "#SBATCH --cpus-per-task=" << o.cpus_per_task << "\n"
     << "#SBATCH --output=" << root << "/logs/task-%A_%a.log\n"
     << "#SBATCH --open-mode=append\n"
     << "#SBATCH --requeue\n"
     << "#SBATCH --signal=B:USR1@" << signal_lead(o) << "\n";
  if (!o.partition.empty()) sh << "#SBATCH --partition=" << o.partition << "\n";
  if (!o.time.empty()) sh << "#SBATCH --time=" << o.time << "\n";
  for (const auto& a : o.sbatch_args) sh << "#SBATCH " << a << "\n";
  sh << "exec " << quoted(o.binary) << " sweep task " << quoted(root) << " --task \"$SLURM_ARRAY_TASK_ID\""
     << " --runs-per-task " << o.runs_per_task << " --requeue --checkpoint-lead " << signal_lead(o);
  if (o.checkpoint_every > 0) sh << " --checkpoint-every " << o.checkpoint_every;
  sh << "\n";
  return sh.str();
}

std::string submit(const std::string& script, const std::string& after) {
  const std::string cmd =
      "sbatch --parsable " + (after.empty() ? std::string() : "--dependency=afterany:" + after + " ") + quoted(script) +
      " 2>&1";
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

namespace {
// The option's name: "--account" of "--account=lab" or "--account lab"; "-A" of "-A lab".
std::string option_name(const std::string& arg) {
  return arg.substr(0, arg.find_first_of("= "));
}
}  // namespace

bool managed_option(const std::string& arg) {
  static const char* const kManaged[] = {"--array",   "-a",       "--job-name", "-J",          "--output",
                                         "-o",        "--error",  "-e",         "--open-mode", "--requeue",
                                         "--signal",  "--cpus-per-task", "-c",  "--partition", "-p",
                                         "--time",    "-t",       "--dependency", "-d",        "--parsable"};
  const std::string name = option_name(arg);
  for (const char* m : kManaged)
    if (name == m) return true;
  return false;
}

std::string sbatch_arg_problem(const std::string& arg) {
  if (arg.empty() || arg[0] != '-') return "an #SBATCH option starts with '-' (e.g. --account=lab)";
  if (arg.find_first_of("\n\r\t") != std::string::npos) return "an #SBATCH option is one line without tabs";
  if (managed_option(arg)) {
    const std::string name = option_name(arg);
    if (name == "--partition" || name == "-p" || name == "--time" || name == "-t" || name == "--cpus-per-task" ||
        name == "-c")
      return name + " has an option of its own: --" + (name == "-p" || name == "--partition" ? "partition"
                                                       : name == "-t" || name == "--time" ? "time"
                                                                                           : "cpus-per-task");
    return name + " is written by tribune itself (the array, its logs, checkpoints and requeueing)";
  }
  return "";
}

SubmitOptions kept_options(const SweepDir& dir) {
  SubmitOptions o;
  o.runs_per_task = 0;  // unknown: the last submission's (jobs.tsv) or 1
  std::ifstream in(dir.root() / "submit.options");
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || line[0] == '#') continue;
    const std::string k = line.substr(0, tab), v = line.substr(tab + 1);
    if (k == "partition") o.partition = v;
    else if (k == "time") o.time = v;
    else if (k == "max_parallel") o.max_parallel = std::atoll(v.c_str());
    else if (k == "runs_per_task") o.runs_per_task = std::atoll(v.c_str());
    else if (k == "cpus_per_task") o.cpus_per_task = std::atoll(v.c_str());
    else if (k == "checkpoint_every") o.checkpoint_every = std::atoll(v.c_str());
    else if (k == "checkpoint_lead") o.checkpoint_lead = std::atoll(v.c_str());
    else if (k == "sbatch_arg") o.sbatch_args.push_back(v);
  }
  return o;
}

void keep_options(const SweepDir& dir, const SubmitOptions& o) {
  const auto path = dir.root() / "submit.options";
  std::ofstream out(path.string() + ".tmp", std::ios::trunc);
  out << "# The options of the last `tribune sweep submit`; `submit --resume` starts from these.\n"
      << "partition\t" << o.partition << "\ntime\t" << o.time << "\nmax_parallel\t" << o.max_parallel
      << "\nruns_per_task\t" << o.runs_per_task << "\ncpus_per_task\t" << o.cpus_per_task << "\ncheckpoint_every\t"
      << o.checkpoint_every << "\ncheckpoint_lead\t" << o.checkpoint_lead << "\n";
  for (const auto& a : o.sbatch_args) out << "sbatch_arg\t" << a << "\n";
  out.close();
  std::filesystem::rename(path.string() + ".tmp", path);
}

std::vector<std::string> hand_added(const SweepDir& dir) {
  std::vector<std::string> extra;
  std::ifstream in(dir.root() / "submit.sbatch");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("#SBATCH ", 0) != 0) continue;
    std::string arg = line.substr(8);
    while (!arg.empty() && (arg.back() == ' ' || arg.back() == '\r')) arg.pop_back();
    if (!arg.empty() && !managed_option(arg)) extra.push_back(arg);
  }
  return extra;
}

std::string merge_script(const Sweep& s, const SweepDir& dir, const SubmitOptions& o, const std::string& out) {
  const std::string root = std::filesystem::absolute(dir.root()).lexically_normal().string();
  std::ostringstream sh;
  sh << "#!/bin/bash\n"
     << "# Merges sweep '" << s.spec.name << "' once its array job has ended (any way it ended): written by\n"
     << "# `tribune sweep submit --merge`. An incomplete sweep is not merged (see its log).\n"
     << "#SBATCH --job-name=tribune-" << s.spec.name << "-merge\n"
     << "#SBATCH --output=" << root << "/logs/merge-%j.log\n"
     << "#SBATCH --cpus-per-task=1\n";
  if (!o.partition.empty()) sh << "#SBATCH --partition=" << o.partition << "\n";
  for (const auto& a : o.sbatch_args) sh << "#SBATCH " << a << "\n";
  sh << "exec " << quoted(o.binary) << " sweep merge " << quoted(root) << " -o " << quoted(out) << "\n";
  return sh.str();
}

int64_t last_runs_per_task(const SweepDir& dir) {
  std::ifstream in(dir.root() / "jobs.tsv");
  std::string line, last;
  while (std::getline(in, line))  // the merge jobs' lines (array "merge") say nothing of tasks
    if (!line.empty() && line.rfind("job\t", 0) != 0 && line.find("\tmerge\t") == std::string::npos) last = line;
  if (last.empty()) return 0;
  std::stringstream ss(last);
  std::string job, array, k;
  std::getline(ss, job, '\t');
  std::getline(ss, array, '\t');
  std::getline(ss, k, '\t');
  return std::atoll(k.c_str());
}

}  // namespace tribune::sweep
