// The engine in-process for Python (pybind11): `_tribune.run_to_file` loads a scenario, runs it
// and writes its output file exactly as `tribune run` does (the same loader, simulation and
// writer), in the calling process. The package analysis/tribune wraps it: tribune.run(...)
// returns the Dataset tribune_analysis.open_run gives for that file (docs/python.md).
//
// Scenario errors become `_tribune.ScenarioError(message, diagnostics)`, one (where, key path,
// message) tuple per problem, "file:line:col" in `where`. Ctrl-C in the host stops the run at
// the next tick (the module installs no signal handler of its own) and raises KeyboardInterrupt.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "core/parallel.h"
#include "core/version.h"
#include "engine/simulation.h"
#include "io/output.h"
#include "scenario/error.h"
#include "scenario/load.h"

namespace py = pybind11;
using namespace tribune;

namespace {

py::object scenario_error_type;

[[noreturn]] void raise_scenario_error(const ScenarioError& e) {
  py::list diags;
  for (const auto& d : e.diagnostics()) diags.append(py::make_tuple(d.where, d.path, d.message));
  std::string msg;
  for (const auto& d : e.diagnostics()) msg += (msg.empty() ? "" : "\n") + d.str();
  PyErr_SetObject(scenario_error_type.ptr(), py::make_tuple(msg, diags).ptr());
  throw py::error_already_set();
}

// Run `scenario` (a file) with `overrides` ("key.path=value") to `output`; returns the warnings
// (where, key path, message) the loader found. Raises ScenarioError, KeyboardInterrupt (the run
// then leaves no file) or RuntimeError (a write error).
py::list run_to_file(const std::string& scenario, const std::string& output, std::vector<std::string> overrides,
                     long long seed, int threads) {
  const auto t0 = std::chrono::steady_clock::now();
  if (seed >= 0) overrides.push_back("seed=" + std::to_string(seed));
  LoadOptions opts;
  opts.overrides = overrides;
  std::vector<Diagnostic> warnings;
  opts.warnings = &warnings;
  Scenario s;
  try {
    s = load_scenario(scenario, opts);
  } catch (const ScenarioError& e) {
    raise_scenario_error(e);
  }
  py::list warned;
  for (const auto& w : warnings) warned.append(py::make_tuple(w.where, w.path, w.message));
  const int n_threads = threads > 0 ? threads : default_threads();
  const std::string yaml = resolved_yaml(s);
  bool interrupted = false;
  {
    Output out(output);
    try {
      py::gil_scoped_release unlocked;
      Simulation sim(std::move(s), n_threads);
      // Between ticks: has the host been asked to stop (Ctrl-C)? Python's own handler noted it.
      const bool complete = simulate(
          sim, out,
          [&] {
            py::gil_scoped_acquire locked;
            interrupted = PyErr_CheckSignals() != 0;
            return interrupted;
          },
          [](int64_t) {});
      if (!complete) {
        out.discard();
      } else {
        Provenance prov{scenario, yaml, n_threads,
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                        sim.build_seconds()};
        out.finish(sim, prov, true);
      }
    } catch (const std::exception& e) {  // a write error, or any other: no file is left behind
      out.discard();
      throw std::runtime_error(e.what());
    }
  }
  if (interrupted) throw py::error_already_set();  // the KeyboardInterrupt PyErr_CheckSignals set
  return warned;
}

}  // namespace

PYBIND11_MODULE(_tribune, m) {
  m.doc() = "tribune's engine in-process; use the `tribune` package (tribune.run), not this module directly";
  scenario_error_type = py::reinterpret_borrow<py::object>(
      PyErr_NewExceptionWithDoc("_tribune.ScenarioError",
                                "An invalid scenario or override: args = (message, [(where, key path, message), ...])",
                                PyExc_ValueError, nullptr));
  m.attr("ScenarioError") = scenario_error_type;
  m.attr("version") = std::string(kVersion);
  m.attr("git_commit") = std::string(kGitCommit);
  m.def("run_to_file", &run_to_file, py::arg("scenario"), py::arg("output"), py::arg("overrides"),
        py::arg("seed") = -1, py::arg("threads") = 0,
        "Run a scenario file and write its output file as `tribune run` does; returns the loader's warnings");
  m.def("default_threads", &default_threads, "The threads a run uses when none are given");
}
