// `tribune export FILE [--level L] [--events TABLE] [-o OUT.csv]`: a run's or a merged sweep's
// series as one long CSV table that R, pandas and spreadsheets read: a row per run, tick (and
// district, organization, union or party), with the run's replicate, seed and swept parameters
// beside it and a column per series; or an event table of a run, a row per event.
// (docs/output_format.md, "Tables"; Parquet has no Debian 12 package.)
#include <hdf5.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <map>
#include <string>
#include <vector>

#include "app/commands.h"
#include "core/format.h"
#include "io/h5.h"
#include "io/seal.h"

namespace tribune {

namespace {

constexpr const char* kLevels[][3] = {{"city", "timeseries", ""},
                                      {"district", "districts", "district"},
                                      {"org", "organizations", "org"},
                                      {"union", "unions", "union"},
                                      {"party", "parties", "party"}};

std::string cell(double x) {
  return std::isnan(x) ? std::string() : format_number(x);  // an empty cell: missing in R, pandas and spreadsheets
}

// A column of a group as text cells: strings as they are, numbers in their shortest form.
std::vector<std::string> read_cells(hid_t g, const std::string& name) {
  h5::Handle d(H5Dopen2(g, name.c_str(), H5P_DEFAULT));
  h5::Handle type(H5Dget_type(d));
  if (H5Tget_class(type) == H5T_STRING) return h5::read_strings(g, name.c_str());
  std::vector<std::string> v;
  std::vector<hsize_t> dims;
  for (double x : h5::read_doubles(g, name.c_str(), dims)) v.push_back(cell(x));
  return v;
}

// The run table of a merged sweep (its `runs` group), or one row for a run file.
struct Runs {
  std::vector<std::string> columns;            // run, point, replicate, seed, status, parameters...
  std::vector<std::vector<std::string>> rows;  // per run
};

Runs run_table(hid_t f, bool merged) {
  Runs t;
  if (!merged) {
    t.columns = {"run", "replicate", "seed"};
    t.rows.push_back({"0", h5::read_attr_string(f, "replicate"), h5::read_attr_string(f, "seed")});
    return t;
  }
  h5::Handle g(H5Gopen2(f, "runs", H5P_DEFAULT));
  std::vector<std::string> order = {"run", "point", "replicate", "seed", "status"};
  const std::string swept = h5::has_attr(g, "swept") ? h5::read_attr_string(g, "swept") : "";
  for (size_t b = 0; !swept.empty() && b <= swept.size();) {
    const size_t e = std::min(swept.find(',', b), swept.size());
    order.push_back(swept.substr(b, e - b));
    b = e + 1;
  }
  std::vector<std::vector<std::string>> cols;
  for (const auto& name : order) cols.push_back(read_cells(g, name));
  t.columns = order;
  t.rows.assign(cols.empty() ? 0 : cols[0].size(), {});
  for (auto& col : cols)
    for (size_t r = 0; r < col.size() && r < t.rows.size(); ++r) t.rows[r].push_back(col[r]);
  return t;
}

int series_table(hid_t f, bool merged, const char* group, const char* actor, std::ostream& out) {
  if (!h5::has_link(f, group)) {
    fprintf(stderr, "error: the file has no /%s group\n", group);
    return 2;
  }
  const Runs runs = run_table(f, merged);
  h5::Handle g(H5Gopen2(f, group, H5P_DEFAULT));
  std::vector<hsize_t> tdims;
  const std::vector<double> ticks = h5::read_doubles(g, "tick", tdims);
  std::vector<std::string> actors;
  if (*actor) actors = h5::read_strings(g, (std::string(actor) + "_name").c_str());
  const std::string actor_s = actor;
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;
  for (const auto& name : h5::dataset_names(g)) {
    if (name == "tick" || name == "run" || name == actor_s || name == actor_s + "_name" || name == "seed" ||
        name == "replicate" || name == "point" || name == "status")
      continue;
    h5::Handle d(H5Dopen2(g, name.c_str(), H5P_DEFAULT));
    if (h5::has_attr(d, "swept")) continue;  // a merged sweep's per-run parameters: in the run columns
    std::vector<hsize_t> dims;
    std::vector<double> v = h5::read_doubles(g, name.c_str(), dims);
    if (dims.size() != (merged ? 2u : 1u) + (*actor ? 1u : 0u)) continue;
    names.push_back(name);
    values.push_back(std::move(v));
  }
  const size_t R = runs.rows.size(), T = ticks.size(), A = *actor ? actors.size() : 1;
  for (size_t k = 0; k < runs.columns.size(); ++k) out << (k ? "," : "") << csv_field(runs.columns[k]);
  if (*actor) out << "," << actor;
  out << ",tick";
  for (const auto& n : names) out << "," << csv_field(n);
  out << "\n";
  for (size_t r = 0; r < R; ++r)
    for (size_t t = 0; t < T; ++t)
      for (size_t a = 0; a < A; ++a) {
        // Written piece by piece: "," + std::string trips g++ 12's -Wrestrict (a false alarm).
        for (size_t k = 0; k < runs.rows[r].size(); ++k) {
          if (k) out << ',';
          out << csv_field(runs.rows[r][k]);
        }
        if (*actor) out << ',' << csv_field(actors[a]);
        out << ',' << cell(ticks[t]);
        const size_t at = (r * T + t) * A + a;
        for (const auto& v : values) out << ',' << cell(v[at]);
        out << '\n';
      }
  return 0;
}

int event_table(hid_t f, const std::string& table, std::ostream& out) {
  const std::string path = "events/" + table;
  if (!h5::has_link(f, "events") || !h5::has_link(f, path.c_str())) {
    fprintf(stderr, "error: the file has no event table '%s'%s\n", table.c_str(),
            h5::has_link(f, "events") ? "" : " (a merged sweep keeps its events in the run files)");
    return 2;
  }
  h5::Handle g(H5Gopen2(f, path.c_str(), H5P_DEFAULT));
  if (!h5::has_attr(g, "columns")) {
    fprintf(stderr, "error: '%s' is in the format of tribune before version 2; read it with tribune_analysis.events\n",
            table.c_str());
    return 2;
  }
  const std::string order = h5::read_attr_string(g, "columns");
  std::vector<std::string> names;
  for (size_t b = 0; b <= order.size();) {
    const size_t e = std::min(order.find(',', b), order.size());
    names.push_back(order.substr(b, e - b));
    b = e + 1;
  }
  std::vector<std::vector<std::string>> cols;
  for (const auto& n : names) cols.push_back(read_cells(g, n));
  for (size_t k = 0; k < names.size(); ++k) out << (k ? "," : "") << csv_field(names[k]);
  out << "\n";
  const size_t rows = cols.empty() ? 0 : cols[0].size();
  for (size_t r = 0; r < rows; ++r) {
    for (size_t k = 0; k < cols.size(); ++k) out << (k ? "," : "") << csv_field(cols[k][r]);
    out << "\n";
  }
  return 0;
}

}  // namespace

int export_command(const ExportArgs& a) {
  if (a.format != "csv") {
    fprintf(stderr, "error: --format %s: only csv is written (Parquet has no Debian 12 package)\n", a.format.c_str());
    return 2;
  }
  const char* group = nullptr;
  const char* actor = "";
  for (const auto& l : kLevels)
    if (a.level == l[0]) group = l[1], actor = l[2];
  if (!group) {
    fprintf(stderr, "error: --level %s: one of city, district, org, union, party\n", a.level.c_str());
    return 2;
  }
  const SealCheck seal = check_seal(a.file);
  if (!seal.ok()) {
    fprintf(stderr, "error: %s\n", seal.message.c_str());
    return 2;
  }
  std::lock_guard lock(h5::library_mutex());
  h5::Handle f = h5::open_file_readonly(a.file);
  if (h5::has_attr(f, "kind") && h5::read_attr_string(f, "kind") == "comparison") {
    fprintf(stderr, "error: %s is a comparison: `tribune compare ... --csv FILE` writes its table\n", a.file.c_str());
    return 2;
  }
  const bool merged = h5::has_link(f, "runs");
  const bool to_stdout = a.output.empty() || a.output == "-";
  const std::string partial = a.output + ".partial";
  std::ofstream file;
  if (!to_stdout) {
    file.open(partial, std::ios::trunc);
    if (!file) {
      fprintf(stderr, "error: cannot write %s\n", partial.c_str());
      return 1;
    }
  }
  std::ostream& out = to_stdout ? std::cout : file;
  const int rc = a.events.empty() ? series_table(f, merged, group, actor, out) : event_table(f, a.events, out);
  if (to_stdout) return rc;
  file.close();
  std::error_code ec;
  if (rc != 0 || !file) {
    std::filesystem::remove(partial, ec);
    if (rc == 0) fprintf(stderr, "error: writing %s failed\n", a.output.c_str());
    return rc ? rc : 1;
  }
  std::filesystem::rename(partial, a.output, ec);
  if (ec) {
    fprintf(stderr, "error: %s: %s\n", a.output.c_str(), ec.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace tribune
