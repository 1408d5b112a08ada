// Merging a sweep's run files (see merge.h).
#include "sweep/merge.h"

#include <hdf5.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "core/format.h"
#include "core/version.h"
#include "io/cf.h"
#include "io/h5.h"
#include "io/seal.h"

namespace tribune::sweep {

namespace fs = std::filesystem;

namespace {

struct Group {
  const char* name;
  const char* actor;  // dimension after tick, or nullptr
};
constexpr Group kGroups[] = {
    {"timeseries", nullptr}, {"districts", "district"}, {"organizations", "org"}, {"unions", "union"}, {"parties", "party"}};

bool numeric(const std::string& s, double& x) {
  const char* b = s.data();
  const char* e = b + s.size();
  if (b != e && *b == '+') ++b;
  auto r = std::from_chars(b, e, x);
  return !s.empty() && r.ec == std::errc() && r.ptr == e;
}

// A swept parameter's values over runs: numbers when every value is one, text otherwise.
struct Column {
  bool is_number = true;
  std::vector<double> numbers;
  std::vector<std::string> texts;
};

std::vector<Column> columns(const Sweep& s) {
  std::vector<Column> cols(s.spec.parameters.size());
  for (size_t k = 0; k < cols.size(); ++k) {
    for (const auto& r : s.runs) {
      double x = 0;
      cols[k].is_number = cols[k].is_number && numeric(r.values[k], x);
      cols[k].numbers.push_back(x);
      cols[k].texts.push_back(r.values[k]);
    }
  }
  return cols;
}

void write_run_coordinates(h5::Dimensions& D, hid_t g, hid_t run_scale, const Sweep& s, const std::vector<RunState>& st,
                           const std::vector<Column>& cols);

// The run table as the group `runs`: one variable per column over the dimension `run`, which
// netCDF tools and xarray read (it was one compound dataset until format 2).
void write_runs_table(h5::Dimensions& D, hid_t f, const Sweep& s, const std::vector<RunState>& st,
                      const std::vector<Column>& cols) {
  h5::Handle g = h5::group(f, "runs");
  h5::attr(g, "description",
           std::string("one row per run: id, design point, replicate, seed, status "
                       "(done, failed, running, missing) and every swept value"));
  const hsize_t R = s.runs.size();
  std::vector<int64_t> ids(R);
  for (hsize_t r = 0; r < R; ++r) ids[r] = static_cast<int64_t>(r);
  std::string swept;
  for (const auto& p : s.spec.parameters) swept += (swept.empty() ? "" : ",") + p.path;
  h5::attr(g, "swept", swept);  // the swept parameters in the sweep file's order
  h5::Handle run_scale = h5::dataset(g, "run", ids, {R});
  cf::write(run_scale, cf::meta("index", "run id"));
  h5::make_scale(run_scale, "run");
  write_run_coordinates(D, g, run_scale, s, st, cols);
}

// The per-run coordinates in a group, attached to its `run` scale.
void write_run_coordinates(h5::Dimensions& D, hid_t g, hid_t run_scale, const Sweep& s, const std::vector<RunState>& st,
                           const std::vector<Column>& cols) {
  const hsize_t R = s.runs.size();
  std::vector<int64_t> seed, rep, point;
  std::vector<std::string> status;
  for (size_t r = 0; r < s.runs.size(); ++r) {
    seed.push_back(s.runs[r].seed);
    rep.push_back(s.runs[r].replicate);
    point.push_back(s.runs[r].point);
    status.emplace_back(kRunStateNames[static_cast<int>(st[r])]);
  }
  auto attach = [&](h5::Handle d, const std::string& desc, const cf::Meta& m) {
    cf::write(d, m);
    h5::attr(d, "description", desc);
    D.attach(d, run_scale, 0);
  };
  attach(h5::dataset(g, "seed", seed, {R}), "the run's seed", cf::meta("1", "random seed"));
  attach(h5::dataset(g, "replicate", rep, {R}), "the run's replicate index (the same seed across points)",
         cf::meta("index", "replicate"));
  attach(h5::dataset(g, "point", point, {R}), "the run's design point", cf::meta("index", "design point"));
  attach(h5::string_dataset(g, "status", status), "done, failed, running or missing",
         cf::meta("done, failed, running or missing", "run status", true));
  for (size_t k = 0; k < cols.size(); ++k) {
    const std::string& path = s.spec.parameters[k].path;
    h5::Handle d = cols[k].is_number ? h5::dataset(g, path.c_str(), cols[k].numbers, {R})
                                     : h5::string_dataset(g, path.c_str(), cols[k].texts);
    h5::attr(d, "swept", int64_t{1});
    attach(std::move(d), "swept parameter " + path,
           cf::meta(s.spec.parameters[k].unit, "swept parameter " + path, !cols[k].is_number));
  }
}

}  // namespace

MergeResult merge(const Sweep& s, const SweepDir& dir, const std::string& out, bool allow_unreadable) {
  std::lock_guard lock(h5::library_mutex());
  MergeResult m;
  m.runs = static_cast<int64_t>(s.runs.size());
  std::vector<RunState> st = dir.states(s);
  // Every done run's file checked in full before libhdf5 reads it: one that fails is named, and
  // merged as failed (a row of NaN) only when allowed.
  std::string bad;
  int64_t n_bad = 0;
  for (size_t r = 0; r < st.size(); ++r) {
    if (st[r] != RunState::done) continue;
    const SealCheck c = check_seal(dir.run_file(static_cast<int64_t>(r)).string());
    if (c.ok()) continue;
    st[r] = RunState::failed;
    if (n_bad++ < 10) bad += (bad.empty() ? "" : "; ") + std::string("run ") + std::to_string(r) + ": " + c.message;
  }
  if (n_bad > 0 && !allow_unreadable)
    throw UnreadableRuns(std::to_string(n_bad) + " run file(s) cannot be read: " + bad + (n_bad > 10 ? "; ..." : "") +
                             ". `tribune sweep run` (or `sweep submit --resume`) runs them again; --allow-partial "
                             "merges the others");
  m.unreadable = n_bad;
  int64_t first = -1, T = 0;
  for (size_t r = 0; r < st.size(); ++r) {
    if (st[r] == RunState::done) {
      ++m.done;
      if (first < 0) first = static_cast<int64_t>(r);
      h5::Handle f = h5::open_file_readonly(dir.run_file(static_cast<int64_t>(r)).string());
      T = std::max<int64_t>(T, std::stoll(h5::read_attr_string(f, "ticks_run")));
    } else if (st[r] == RunState::failed) {
      ++m.failed;
    } else {
      ++m.missing;
    }
  }
  if (first < 0) throw std::runtime_error("no run of the sweep is done: nothing to merge");
  const std::vector<Column> cols = columns(s);
  const std::string partial = out + ".partial";
  if (fs::path(out).has_parent_path()) fs::create_directories(fs::path(out).parent_path());
  write_sealed(partial, out, [&](h5::Handle& f) {
    h5::attr(f, "Conventions", std::string(cf::kConventions));
    h5::attr(f, "title", "tribune sweep '" + s.spec.name + "', merged");
    h5::attr(f, "source", std::string("tribune ") + kVersion + " (" + kGitCommit + ")");
    h5::attr(f, "format_version", int64_t{2});
    h5::attr(f, "program", std::string("tribune"));
    h5::attr(f, "version", std::string(kVersion));
    h5::attr(f, "git_commit", std::string(kGitCommit));
    h5::attr(f, "sweep_name", s.spec.name);
    h5::attr(f, "design", std::string(kDesignNames[static_cast<int>(s.spec.design.kind)]));
    h5::attr(f, "design_second_order", int64_t{s.spec.design.second_order ? 1 : 0});
    h5::attr(f, "replicates", s.spec.replicates);
    h5::attr(f, "points", s.points());
    h5::attr(f, "runs", m.runs);
    h5::attr(f, "runs_done", m.done);
    h5::attr(f, "runs_failed", m.failed);
    h5::attr(f, "runs_missing", m.missing);
    h5::attr(f, "complete", int64_t{m.done == m.runs ? 1 : 0});
    h5::attr(f, "created", utc_now_iso());
    h5::attr(f, "sweep_file", s.file);
    h5::text_dataset(f, "sweep", s.text, "the sweep file (YAML)");
    h5::text_dataset(f, "scenario", s.base_yaml, "the base scenario, resolved (YAML)");
    const hsize_t R = s.runs.size();
    h5::Dimensions D;
    write_runs_table(D, f, s, st, cols);
    h5::Handle first_file = h5::open_file_readonly(dir.run_file(first).string());
    for (const Group& grp : kGroups) {
      if (!h5::has_link(first_file, grp.name)) continue;
      h5::Handle src(H5Gopen2(first_file, grp.name, H5P_DEFAULT));
      h5::Handle g = h5::group(f, grp.name);
      h5::attr(g, "description", std::string("series of every run, stacked along `run`"));
      std::vector<int64_t> ids(R), ticks(static_cast<size_t>(T));
      for (hsize_t r = 0; r < R; ++r) ids[r] = static_cast<int64_t>(r);
      for (int64_t t = 0; t < T; ++t) ticks[static_cast<size_t>(t)] = t;
      h5::Handle run_scale = h5::dataset(g, "run", ids, {R});
      cf::write(run_scale, cf::meta("index", "run id"));
      h5::attr(run_scale, "description", std::string("run id; see /runs"));
      h5::make_scale(run_scale, "run");
      h5::Handle tick = h5::dataset(g, "tick", ticks, {static_cast<hsize_t>(T)});
      cf::write(tick, cf::meta("weeks", "weeks since the start of the run"));
      h5::attr(tick, "description", std::string("tick: weeks since the start of the run"));
      h5::make_scale(tick, "tick");
      h5::Handle actor;
      hsize_t A = 0;
      if (grp.actor) {
        const std::string names_ds = std::string(grp.actor) + "_name";
        const std::vector<std::string> names = h5::read_strings(src, names_ds.c_str());
        A = names.size();
        std::vector<int32_t> idx(A);
        for (hsize_t a = 0; a < A; ++a) idx[a] = static_cast<int32_t>(a);
        actor = h5::dataset(g, grp.actor, idx, {A});
        cf::write(actor, cf::meta("index", std::string(grp.actor) + " index"));
        h5::make_scale(actor, grp.actor);
        h5::Handle nd = h5::string_dataset(g, names_ds.c_str(), names);
        cf::write(nd, cf::meta("", std::string(grp.actor) + " name", true));
        D.attach(nd, actor, 0);
      }
      write_run_coordinates(D, g, run_scale, s, st, cols);
      // The series, named as in the first run file.
      std::vector<std::string> series;
      for (const auto& name : h5::dataset_names(src)) {
        if (name == "tick" || (grp.actor && (name == grp.actor || name == std::string(grp.actor) + "_name"))) continue;
        series.push_back(name);
      }
      std::vector<h5::Handle> outs;
      for (const auto& name : series) {
        std::vector<hsize_t> dims = {R, static_cast<hsize_t>(T)},
                             chunk = {1, static_cast<hsize_t>(std::max<int64_t>(T, 1))};
        if (grp.actor) dims.push_back(A), chunk.push_back(std::max<hsize_t>(A, 1));
        h5::Handle d = h5::chunked_doubles(g, name.c_str(), dims, chunk);
        h5::Handle sd(H5Dopen2(src, name.c_str(), H5P_DEFAULT));
        h5::copy_attrs(sd, d);  // units, long_name, description and the rest of the CF attributes
        D.attach(d, run_scale, 0);
        D.attach(d, tick, 1);
        if (grp.actor) D.attach(d, actor, 2);
        outs.push_back(std::move(d));
      }
      const size_t row_size = static_cast<size_t>(T) * std::max<hsize_t>(A, 1);
      const std::vector<double> nan_row(row_size, std::numeric_limits<double>::quiet_NaN());
      for (hsize_t r = 0; r < R; ++r) {
        if (st[r] != RunState::done) {
          for (auto& d : outs) h5::write_row(d, r, nan_row);
          continue;
        }
        h5::Handle rf = h5::open_file_readonly(dir.run_file(static_cast<int64_t>(r)).string());
        h5::Handle rg(H5Gopen2(rf, grp.name, H5P_DEFAULT));
        for (size_t k = 0; k < series.size(); ++k) {
          std::vector<hsize_t> dims;
          std::vector<double> v = h5::read_doubles(rg, series[k].c_str(), dims);
          const hsize_t cols_here = dims.size() > 1 ? dims[1] : 1;
          if (grp.actor && cols_here != A)
            throw std::runtime_error("run " + std::to_string(r) + " has " + std::to_string(cols_here) + " " +
                                     grp.actor + "s where run " + std::to_string(first) + " has " + std::to_string(A) +
                                     ": its series cannot be stacked");
          v.resize(row_size, std::numeric_limits<double>::quiet_NaN());  // a shorter run ends in NaN
          h5::write_row(outs[k], r, v);
        }
      }
    }
    D.write(f);
  });
  m.path = out;
  return m;
}

}  // namespace tribune::sweep
