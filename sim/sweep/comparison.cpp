// Headline outcomes across scenarios and replicates (see comparison.h).
#include "sweep/comparison.h"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "core/format.h"
#include "core/version.h"
#include "io/cf.h"
#include "io/h5.h"
#include "scenario/load.h"
#include "io/seal.h"

namespace tribune::sweep {

namespace fs = std::filesystem;

namespace {

std::vector<double> finite(std::vector<double> x) {
  x.erase(std::remove_if(x.begin(), x.end(), [](double v) { return !std::isfinite(v); }), x.end());
  return x;
}

// Linear interpolation between order statistics (numpy's default "linear" method).
double quantile(std::vector<double> x, double q) {
  std::sort(x.begin(), x.end());
  const double pos = q * static_cast<double>(x.size() - 1);
  const size_t i = static_cast<size_t>(std::floor(pos));
  const double f = pos - static_cast<double>(i);
  return i + 1 < x.size() ? x[i] * (1 - f) + x[i + 1] * f : x[i];
}

double mean(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

std::string num(double x) {
  if (!std::isfinite(x)) return "nan";
  char b[32];
  snprintf(b, sizeof b, "%.4g", x);
  return b;
}


std::string pad(const std::string& s, size_t w, bool right = false) {
  if (s.size() >= w) return s;
  return right ? std::string(w - s.size(), ' ') + s : s + std::string(w - s.size(), ' ');
}

}  // namespace

Summary summarize(const Comparison& c, size_t h, size_t s, size_t p) {
  std::vector<double> x;
  for (size_t r = 0; r < c.seeds.size(); ++r) x.push_back(c.at(h, s, p, r));
  x = finite(std::move(x));
  Summary out;
  out.n = static_cast<int64_t>(x.size());
  if (x.empty()) {
    out.mean = out.lo = out.hi = std::nan("");
    return out;
  }
  out.mean = mean(x);
  out.lo = quantile(x, 0.05);
  out.hi = quantile(x, 0.95);
  return out;
}

Difference difference(const Comparison& c, size_t h, size_t a, size_t b, size_t p) {
  std::vector<double> d;
  for (size_t r = 0; r < c.seeds.size(); ++r) {
    const double x = c.at(h, a, p, r), y = c.at(h, b, p, r);
    if (std::isfinite(x) && std::isfinite(y)) d.push_back(x - y);
  }
  Difference out;
  out.n = static_cast<int64_t>(d.size());
  if (d.size() < 2) {
    out.mean = d.empty() ? std::nan("") : d[0];
    out.lo = out.hi = std::nan("");
    return out;
  }
  out.mean = mean(d);
  double ss = 0;
  for (double v : d) ss += (v - out.mean) * (v - out.mean);
  const double se = std::sqrt(ss / static_cast<double>(d.size() - 1) / static_cast<double>(d.size()));
  const boost::math::students_t t(static_cast<double>(d.size() - 1));
  const double half = boost::math::quantile(t, 0.975) * se;
  out.lo = out.mean - half;
  out.hi = out.mean + half;
  out.beyond_noise = out.lo > 0 || out.hi < 0;
  return out;
}

void read_headlines(Comparison& c, size_t s, size_t p, size_t r, const std::string& run_file) {
  std::lock_guard lock(h5::library_mutex());
  h5::Handle f = open_sealed(run_file);
  if (!h5::has_link(f, "headlines")) throw std::runtime_error(run_file + ": no /headlines (written by an older tribune)");
  h5::Handle g(H5Gopen2(f, "headlines", H5P_DEFAULT));
  for (size_t h = 0; h < c.headlines.size(); ++h) {
    std::vector<hsize_t> dims;
    const char* name = c.headlines[h].name.c_str();
    c.values[h][c.index(s, p, r)] = h5::has_link(g, name) ? h5::read_doubles(g, name, dims).at(0) : std::nan("");
  }
}

namespace {
// An experiment's table: per pair and headline, at how many design points each scenario does
// better beyond the noise of the paired replicates.
std::string experiment_table(const Comparison& c) {
  const size_t S = c.names.size(), H = c.headlines.size(), P = c.points.size();
  size_t wh = 8;
  for (const auto& h : c.headlines) wh = std::max(wh, h.name.size() + 2);
  std::string o = "experiment " + c.name + ": " + std::to_string(P) + " design points x " +
                  std::to_string(c.replicates()) + " replicates (seeds " + std::to_string(c.seeds.front()) + ".." +
                  std::to_string(c.seeds.back()) + ") over";
  for (const auto& p : c.params) o += " " + p;
  o += "\n";
  for (size_t a = 0; a < S; ++a)
    for (size_t b = a + 1; b < S; ++b) {
      o += "\n" + c.names[a] + " against " + c.names[b] +
           ": design points where each is higher beyond the noise (95% paired interval), and neither\n";
      o += pad("", wh) + pad(c.names[a], 26) + pad(c.names[b], 26) + "neither\n";
      for (size_t h = 0; h < H; ++h) {
        int64_t hi = 0, lo = 0, none = 0;
        for (size_t p = 0; p < P; ++p) {
          const Difference d = difference(c, h, a, b, p);
          (d.beyond_noise ? (d.mean > 0 ? hi : lo) : none) += 1;
        }
        o += pad(c.headlines[h].name, wh) + pad(std::to_string(hi), 26) + pad(std::to_string(lo), 26) +
             std::to_string(none) + "\n";
      }
    }
  o += "\nper point: the merged file, --json or --csv; maps: tribune_analysis.regimes (docs/compare.md)\n";
  return o;
}
}  // namespace

std::string table(const Comparison& c) {
  if (c.points.size() > 1) return experiment_table(c);
  const size_t S = c.names.size(), H = c.headlines.size();
  size_t wh = 8;
  for (const auto& h : c.headlines) wh = std::max(wh, h.name.size() + 2);
  const size_t wc = 28;
  std::string o = "headline outcomes: mean [90% of replicates] over " + std::to_string(c.replicates()) +
                  " replicates (seeds " + std::to_string(c.seeds.front()) + ".." + std::to_string(c.seeds.back()) +
                  ", the same for every scenario)\n";
  o += pad("", wh);
  for (size_t s = 0; s < S; ++s) o += pad(c.names[s], wc);
  o += "\n";
  for (size_t h = 0; h < H; ++h) {
    o += pad(c.headlines[h].name, wh);
    for (size_t s = 0; s < S; ++s) {
      const Summary m = summarize(c, h, s);
      std::string cell = num(m.mean) + " [" + num(m.lo) + ", " + num(m.hi) + "]";
      if (m.n < c.replicates()) cell += " n=" + std::to_string(m.n);
      if (c.success[s] == c.headlines[h].name) cell += " <";
      o += pad(cell, wc);
    }
    o += "\n";
  }
  o += "< marks the outcome the scenario's essay names as success (`success:` in the scenario)\n";
  for (size_t a = 0; a < S; ++a)
    for (size_t b = a + 1; b < S; ++b) {
      o += "\n" + c.names[a] + " - " + c.names[b] + ": paired difference [95% confidence interval]\n";
      for (size_t h = 0; h < H; ++h) {
        const Difference d = difference(c, h, a, b);
        std::string line = pad(c.headlines[h].name, wh) + pad(num(d.mean), 11, true) + "  [" + num(d.lo) + ", " +
                           num(d.hi) + "]";
        if (d.n < c.replicates()) line += " n=" + std::to_string(d.n);
        if (d.beyond_noise)
          line = pad(line, wh + 40) + "* " + (d.mean > 0 ? c.names[a] : c.names[b]) + ": " + c.headlines[h].more;
        o += line + "\n";
      }
    }
  o += "\n* the interval excludes 0: the difference exceeds the noise of " + std::to_string(c.replicates()) +
       " paired replicates\n";
  return o;
}

std::string json(const Comparison& c) {
  const size_t S = c.names.size(), H = c.headlines.size(), P = c.points.size();
  std::string o = "{\n  \"name\": " + json_str(c.name) + ",\n  \"replicates\": " + std::to_string(c.replicates()) +
                  ",\n  \"seeds\": [";
  for (size_t r = 0; r < c.seeds.size(); ++r) o += (r ? ", " : "") + std::to_string(c.seeds[r]);
  o += "],\n  \"parameters\": [";
  for (size_t k = 0; k < c.params.size(); ++k) o += (k ? ", " : "") + json_str(c.params[k]);
  o += "],\n  \"points\": [";
  for (size_t p = 0; p < P; ++p) {
    o += std::string(p ? ", " : "") + "{";
    for (size_t k = 0; k < c.params.size(); ++k)
      o += (k ? ", " : "") + json_str(c.params[k]) + ": " + json_str(c.points[p][k]);
    o += "}";
  }
  o += "],\n  \"headlines\": [\n";
  for (size_t h = 0; h < H; ++h)
    o += "    {\"name\": " + json_str(c.headlines[h].name) + ", \"units\": " + json_str(c.headlines[h].unit) +
         ", \"description\": " + json_str(c.headlines[h].description) + ", \"more\": " +
         json_str(c.headlines[h].more) + "}" + (h + 1 < H ? ",\n" : "\n");
  o += "  ],\n  \"scenarios\": [\n";
  for (size_t s = 0; s < S; ++s) {
    o += "    {\"name\": " + json_str(c.names[s]) + ", \"file\": " + json_str(c.files[s]) +
         ", \"success\": " + json_str(c.success[s]) + ", \"outcomes\": [";
    for (size_t p = 0; p < P; ++p) {
      o += std::string(p ? ", " : "") + "{";
      for (size_t h = 0; h < H; ++h) {
        const Summary m = summarize(c, h, s, p);
        o += std::string(h ? ", " : "") + json_str(c.headlines[h].name) + ": {\"mean\": " + json_num(m.mean) +
             ", \"lo90\": " + json_num(m.lo) + ", \"hi90\": " + json_num(m.hi) + ", \"n\": " + std::to_string(m.n) +
             ", \"values\": [";
        for (size_t r = 0; r < c.seeds.size(); ++r) o += (r ? ", " : "") + json_num(c.at(h, s, p, r));
        o += "]}";
      }
      o += "}";
    }
    o += std::string("]}") + (s + 1 < S ? ",\n" : "\n");
  }
  o += "  ],\n  \"differences\": [\n";
  bool first = true;
  for (size_t a = 0; a < S; ++a)
    for (size_t b = a + 1; b < S; ++b)
      for (size_t p = 0; p < P; ++p)
        for (size_t h = 0; h < H; ++h) {
          const Difference d = difference(c, h, a, b, p);
          o += std::string(first ? "" : ",\n") + "    {\"a\": " + json_str(c.names[a]) + ", \"b\": " +
               json_str(c.names[b]) + ", \"point\": " + std::to_string(p) + ", \"headline\": " +
               json_str(c.headlines[h].name) + ", \"mean\": " + json_num(d.mean) + ", \"lo95\": " + json_num(d.lo) +
               ", \"hi95\": " + json_num(d.hi) + ", \"n\": " + std::to_string(d.n) +
               ", \"beyond_noise\": " + (d.beyond_noise ? "true" : "false") + "}";
          first = false;
        }
  o += "\n  ]\n}\n";
  return o;
}

std::string csv(const Comparison& c) {
  const size_t S = c.names.size(), H = c.headlines.size(), P = c.points.size();
  std::string o = "kind,scenario,other,point";
  for (const auto& k : c.params) o += "," + csv_field(k);
  o += ",headline,units,mean,lo,hi,n,beyond_noise\n";
  auto point_cols = [&](size_t p) {
    std::string t = "," + std::to_string(p);
    for (size_t k = 0; k < c.params.size(); ++k) t += "," + csv_field(c.points[p][k]);
    return t;
  };
  for (size_t s = 0; s < S; ++s)
    for (size_t p = 0; p < P; ++p)
      for (size_t h = 0; h < H; ++h) {
        const Summary m = summarize(c, h, s, p);
        o += "summary90," + csv_field(c.names[s]) + "," + point_cols(p) + "," + c.headlines[h].name + "," +
             csv_field(c.headlines[h].unit) + "," + json_num(m.mean) + "," + json_num(m.lo) + "," + json_num(m.hi) +
             "," + std::to_string(m.n) + ",\n";
      }
  for (size_t a = 0; a < S; ++a)
    for (size_t b = a + 1; b < S; ++b)
      for (size_t p = 0; p < P; ++p)
        for (size_t h = 0; h < H; ++h) {
          const Difference d = difference(c, h, a, b, p);
          o += "difference95," + csv_field(c.names[a]) + "," + csv_field(c.names[b]) + point_cols(p) + "," +
               c.headlines[h].name + "," + csv_field(c.headlines[h].unit) + "," + json_num(d.mean) + "," +
               json_num(d.lo) + "," + json_num(d.hi) + "," + std::to_string(d.n) + "," +
               (d.beyond_noise ? "1" : "0") + "\n";
        }
  return o;
}

void write_h5(const Comparison& c, const std::string& path) {
  const std::string partial = path + ".partial";
  std::lock_guard lock(h5::library_mutex());
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) fs::create_directories(parent);
  write_sealed(partial, path, [&](h5::Handle& f) {
    h5::attr(f, "Conventions", std::string(cf::kConventions));
    h5::attr(f, "title", "tribune comparison '" + c.name + "'");
    h5::attr(f, "source", std::string("tribune ") + kVersion + " (" + kGitCommit + ")");
    h5::attr(f, "format_version", int64_t{2});
    h5::attr(f, "program", std::string("tribune"));
    h5::attr(f, "version", std::string(kVersion));
    h5::attr(f, "git_commit", std::string(kGitCommit));
    h5::attr(f, "kind", std::string("comparison"));
    h5::attr(f, "created", utc_now_iso());
    h5::attr(f, "replicates", c.replicates());
    h5::attr(f, "name", c.name);
    h5::attr(f, "points", static_cast<int64_t>(c.points.size()));
    if (!c.experiment.empty()) h5::text_dataset(f, "experiment", c.experiment, "the experiment file (YAML)");
    h5::Handle g = h5::group(f, "headlines");
    h5::attr(g, "description", std::string("headline outcomes per scenario and replicate (docs/compare.md)"));
    std::string order;
    for (const auto& h : c.headlines) order += (order.empty() ? "" : ",") + h.name;
    h5::attr(g, "order", order);
    std::string params;
    for (const auto& k : c.params) params += (params.empty() ? "" : ",") + k;
    h5::attr(g, "parameters", params);
    const hsize_t S = c.names.size(), P = c.points.size(), R = c.seeds.size();
    std::vector<int32_t> idx(S);
    for (hsize_t s = 0; s < S; ++s) idx[s] = static_cast<int32_t>(s);
    h5::Handle sscale = h5::dataset(g, "scenario", idx, {S});
    cf::write(sscale, cf::meta("index", "scenario index"));
    h5::attr(sscale, "description", std::string("scenario index; names in scenario_name"));
    h5::make_scale(sscale, "scenario");
    std::vector<int64_t> reps(R);
    for (hsize_t r = 0; r < R; ++r) reps[r] = static_cast<int64_t>(r);
    std::vector<int64_t> pts(P);
    for (hsize_t p = 0; p < P; ++p) pts[p] = static_cast<int64_t>(p);
    h5::Handle pscale = h5::dataset(g, "point", pts, {P});
    cf::write(pscale, cf::meta("index", "design point"));
    h5::attr(pscale, "description", std::string("design point index; the assumptions' values in the datasets named by "
                                                "their paths (attribute swept = 1)"));
    h5::make_scale(pscale, "point");
    h5::Handle rscale = h5::dataset(g, "replicate", reps, {R});
    cf::write(rscale, cf::meta("index", "replicate"));
    h5::attr(rscale, "description", std::string("replicate index"));
    h5::make_scale(rscale, "replicate");
    h5::Dimensions dims;
    auto on_scenario = [&](const char* name, const std::vector<std::string>& v, const char* what) {
      h5::Handle d = h5::string_dataset(g, name, v);
      cf::write(d, cf::meta("", what, true));
      h5::attr(d, "description", std::string(what));
      dims.attach(d, sscale, 0);
    };
    on_scenario("scenario_name", c.names, "scenario names");
    on_scenario("scenario_file", c.files, "scenario files as given");
    on_scenario("success", c.success, "the headline the scenario's essay names as success ('' for none)");
    on_scenario("scenario_yaml", c.resolved, "the scenario resolved, overrides applied, as YAML");
    h5::Handle seed = h5::dataset(g, "seed", c.seeds, {R});
    cf::write(seed, cf::meta("1", "random seed"));
    h5::attr(seed, "description", std::string("seed of each replicate, the same for every scenario"));
    dims.attach(seed, rscale, 0);
    for (size_t k = 0; k < c.params.size(); ++k) {
      std::vector<std::string> text;
      std::vector<double> nums;
      bool numeric = true;
      for (const auto& pt : c.points) {
        text.push_back(pt[k]);
        char* end = nullptr;
        const double x = std::strtod(pt[k].c_str(), &end);
        numeric = numeric && end && *end == 0 && !pt[k].empty();
        nums.push_back(x);
      }
      h5::Handle d = numeric ? h5::dataset(g, c.params[k].c_str(), nums, {P})
                             : h5::string_dataset(g, c.params[k].c_str(), text);
      h5::attr(d, "swept", int64_t{1});
      cf::write(d, cf::meta(numeric ? parameter_unit(c.params[k]) : "", "assumption " + c.params[k], !numeric));
      h5::attr(d, "description", std::string("the assumption's value at each design point"));
      dims.attach(d, pscale, 0);
    }
    for (size_t h = 0; h < c.headlines.size(); ++h) {
      h5::Handle d = h5::dataset(g, c.headlines[h].name.c_str(), c.values[h], {S, P, R});
      cf::write(d, cf::meta(c.headlines[h].unit, c.headlines[h].description));
      h5::attr(d, "description", c.headlines[h].description);
      h5::attr(d, "more", c.headlines[h].more);
      dims.attach(d, sscale, 0);
      dims.attach(d, pscale, 1);
      dims.attach(d, rscale, 2);
    }
    dims.write(f);
  });
}

}  // namespace tribune::sweep
