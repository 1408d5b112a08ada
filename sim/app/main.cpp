// tribune's command line. Parsing only: each subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "core/version.h"

int main(int argc, char** argv) {
  using namespace tribune;
  CLI::App app{
      "tribune: an agent-based simulation of electoral versus movement strategy.\n"
      "Logs and progress go to stderr, results to files. Exit codes: 0 success, 1 runtime\n"
      "failure, 2 invalid input or usage, 130 interrupted."};
  app.set_version_flag("--version", std::string("tribune ") + kVersion + " (" + kGitCommit + ", " + kBuildType + ")");
  app.require_subcommand(1);

  RunArgs run;
  auto* r = app.add_subcommand("run", "Run a scenario and write an HDF5 file");
  r->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  r->add_option("-o,--output", run.output, "Output file (default: results/<scenario>.h5)");
  r->add_option("--seed", run.seed, "Random seed (overrides the scenario's)")->check(CLI::NonNegativeNumber);
  r->add_option("--threads", run.threads,
                "Threads (default: SLURM_CPUS_PER_TASK, OMP_NUM_THREADS, or the cores); never changes results")
      ->check(CLI::Range(1, 4096));
  r->add_option("--set", run.overrides, "Override a parameter: key.path=value (repeatable)")->allow_extra_args(false);
  r->add_flag("-q,--quiet", run.quiet, "No progress or log lines on stderr");
  r->add_flag("--profile", run.profile, "Print the wall time of each phase (mechanism) on stderr at the end");

  std::string vpath;
  std::vector<std::string> voverrides;
  auto* v = app.add_subcommand("validate", "Check a scenario and report every problem with its location");
  v->add_option("scenario", vpath, "Scenario YAML file")->required();
  v->add_option("--set", voverrides, "Override a parameter: key.path=value (repeatable)")->allow_extra_args(false);

  auto* schema = app.add_subcommand("schema", "Print the JSON Schema of the scenario format");
  auto* ref = app.add_subcommand("reference", "Print the scenario reference (Markdown) with every parameter");

  std::string ipath;
  auto* info = app.add_subcommand("info", "Describe an output file: provenance, series, events");
  info->add_option("file", ipath, "Output HDF5 file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*r) return run_command(run);
  if (*v) return validate_command(vpath, voverrides);
  if (*schema) return schema_command();
  if (*ref) return reference_command();
  if (*info) return info_command(ipath);
  return 2;
}
