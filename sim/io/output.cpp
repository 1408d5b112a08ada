#include "io/output.h"

#include <hdf5.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>

#include "core/format.h"
#include "core/version.h"
#include "engine/headlines.h"
#include "engine/simulation.h"
#include "io/cf.h"
#include "io/h5.h"
#include "io/seal.h"

namespace tribune {

namespace fs = std::filesystem;

// Format 2: CF attributes, event tables as groups of columns (docs/output_format.md).
constexpr int64_t kFormatVersion = 2;

struct Output::Impl {
  h5::Handle file;
  h5::Handle snapshots;      // group, created at the first snapshot
  h5::Handle snapshot_tick;  // extendible scale
};

Output::Output(std::string final_path, bool spool)
    : impl_(std::make_unique<Impl>()), final_(std::move(final_path)), spool_(spool) {
  std::lock_guard lock(h5::library_mutex());
  partial_ = final_ + ".partial";
  fs::path parent = fs::path(final_).parent_path();
  if (!parent.empty()) fs::create_directories(parent);
  if (spool_)
    fs::create_directories(spool_dir());  // the HDF5 file is made at finish()
  else
    impl_->file = h5::create_file(partial_);
}

std::string Output::spool_dir() const {
  return partial_ + ".d";
}

namespace {
std::string spool_name(int64_t tick) {
  char buf[40];
  snprintf(buf, sizeof buf, "snapshot-%010lld.bin", static_cast<long long>(tick));
  return buf;
}

// The spooled snapshots, by tick.
std::vector<std::pair<int64_t, fs::path>> spooled(const std::string& dir) {
  std::vector<std::pair<int64_t, fs::path>> v;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string n = e.path().filename().string();
    if (n.rfind("snapshot-", 0) == 0 && n.size() == 23 && n.substr(19) == ".bin")
      v.emplace_back(std::stoll(n.substr(9, 10)), e.path());
  }
  std::sort(v.begin(), v.end());
  return v;
}
}  // namespace

void Output::drop_snapshots_from(int64_t tick) {
  for (const auto& [t, path] : spooled(spool_dir()))
    if (t >= tick) fs::remove(path);
}

Output::~Output() {
  std::lock_guard lock(h5::library_mutex());
  impl_.reset();
}

void Output::discard() {
  std::lock_guard lock(h5::library_mutex());
  impl_.reset();
  h5::error_cause();  // a failed close's record is of no further use
  std::error_code ec;
  fs::remove(partial_, ec);
  if (spool_) fs::remove_all(spool_dir(), ec);
}

void Output::snapshot(const Simulation& sim) {
  if (spool_) return spool_snapshot(sim.world().persons, sim.world().tick);
  std::lock_guard lock(h5::library_mutex());
  const size_t before = h5::close_errors();
  try {
    write_snapshot(sim.world().persons, sim.world().tick);
  } catch (const std::exception& e) {
    throw WriteError("writing " + partial_ + " failed: " + e.what());
  }
  if (h5::close_errors() != before) throw WriteError("writing " + partial_ + " failed: " + h5::last_close_error());
}

// A snapshot as a file of its own, the columns' bytes one after another, written under a
// temporary name and renamed: a kill leaves whole snapshot files only.
void Output::spool_snapshot(const Persons& p, int64_t tick) {
  const fs::path path = fs::path(spool_dir()) / spool_name(tick);
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    p.for_each_field([&](const FieldInfo& f, const auto& col) {
      if (f.snapshot) out.write(reinterpret_cast<const char*>(col.data()), static_cast<std::streamsize>(col.size() * sizeof(col[0])));
    });
    out.flush();
    if (!out) throw WriteError("writing " + tmp.string() + " failed: " + std::strerror(errno));
  }
  fs::rename(tmp, path);
}

// The spooled snapshots into the HDF5 file, in tick order, as snapshot() would have written them.
void Output::gather_snapshots(int64_t persons) {
  Persons p;
  p.resize(persons);
  for (const auto& [tick, path] : spooled(spool_dir())) {
    std::ifstream in(path, std::ios::binary);
    p.for_each_field([&](const FieldInfo& f, auto& col) {
      if (f.snapshot) in.read(reinterpret_cast<char*>(col.data()), static_cast<std::streamsize>(col.size() * sizeof(col[0])));
    });
    if (!in) throw WriteError("reading the spooled snapshot " + path.string() + " failed");
    write_snapshot(p, tick);
  }
}

void Output::write_snapshot(const Persons& persons, int64_t tick) {
  const hsize_t n = static_cast<hsize_t>(persons.size());
  auto& I = *impl_;
  if (I.snapshots.id() < 0) {
    I.snapshots = h5::group(I.file, "snapshots");
    h5::attr(I.snapshots, "description", std::string("per-person columns every output.snapshot_every ticks"));
    I.snapshot_tick = h5::extendible<int64_t>(I.snapshots, "tick", 0);
    h5::make_scale(I.snapshot_tick, "tick");
    std::vector<int32_t> ids(n);
    for (hsize_t i = 0; i < n; ++i) ids[i] = static_cast<int32_t>(i);
    cf::write(I.snapshot_tick, cf::meta("weeks", "tick at which the snapshot was taken (before it ran)"));
    h5::Handle person = h5::dataset(I.snapshots, "person", ids, {n});
    cf::write(person, cf::meta("index", "person id"));
    h5::make_scale(person, "person");
    persons.for_each_field([&](const FieldInfo& f, const auto& col) {
      if (!f.snapshot) return;
      using T = typename std::decay_t<decltype(col)>::value_type;
      h5::Handle d = h5::extendible<T>(I.snapshots, f.name, n);
      cf::write(d, cf::meta(f.unit, f.description));
      h5::attr(d, "description", std::string(f.description));
      h5::attach(d, I.snapshot_tick, 0);
      h5::attach(d, person, 1);
    });
  }
  int64_t t = tick;
  h5::append_row(I.snapshot_tick.id(), &t, 0);
  persons.for_each_field([&](const FieldInfo& f, const auto& col) {
    if (!f.snapshot) return;
    h5::Handle d(H5Dopen2(I.snapshots, f.name, H5P_DEFAULT));
    h5::append_row(d.id(), col.data(), n);
  });
}

// The `tick` dimension scale of a group. Its units are "week", not "weeks since ...", which
// xarray would try to decode as calendar time (a week of the model has no date).
static h5::Handle tick_scale(hid_t group, const std::vector<int64_t>& ticks) {
  h5::Handle tick = h5::dataset(group, "tick", ticks, {ticks.size()});
  cf::write(tick, cf::meta("weeks", "weeks since the start of the run"));
  h5::attr(tick, "description", std::string("tick: weeks since the start of the run"));
  h5::make_scale(tick, "tick");
  return tick;
}

// An actor dimension scale (district, org, union, party: indices 0 .. A-1) and the actors'
// names on it.
static h5::Handle actor_scale(h5::Dimensions& attached, hid_t group, const char* dim,
                              const std::vector<std::string>& names) {
  const hsize_t A = names.size();
  std::vector<int32_t> idx(A);
  for (hsize_t a = 0; a < A; ++a) idx[a] = static_cast<int32_t>(a);
  h5::Handle scale = h5::dataset(group, dim, idx, {A});
  cf::write(scale, cf::meta("index", std::string(dim) + " index"));
  h5::attr(scale, "description", std::string(dim) + " index; names in " + dim + "_name");
  h5::make_scale(scale, dim);
  h5::Handle nd = h5::string_dataset(group, (std::string(dim) + "_name").c_str(), names);
  cf::write(nd, cf::meta("", std::string(dim) + " name", true));
  attached.attach(nd, scale, 0);
  return scale;
}

// One series dataset with its CF attributes and description, attached to its dimension scales.
static void series(h5::Dimensions& attached, hid_t group, const SeriesInfo& info, const std::vector<double>& values,
                   std::vector<hsize_t> dims, std::initializer_list<hid_t> scales) {
  h5::Handle d = h5::dataset(group, info.name.c_str(), values, std::move(dims));
  cf::write(d, cf::meta(info.unit, info.description));
  h5::attr(d, "description", info.description);
  unsigned dim = 0;
  for (hid_t scale : scales) attached.attach(d, scale, dim++);
}

static void write_series(h5::Dimensions& attached, hid_t file, const Recorder& rec, int64_t districts,
                         const std::vector<std::string>& names) {
  const hsize_t T = rec.ticks().size();
  h5::Handle ts = h5::group(file, "timeseries");
  h5::attr(ts, "description", std::string("city-wide series, one value per tick (week)"));
  h5::Handle tick = tick_scale(ts, rec.ticks());
  for (size_t s = 0; s < rec.city_series().size(); ++s)
    series(attached, ts, rec.city_series()[s], rec.city()[s], {T}, {tick});

  const hsize_t D = static_cast<hsize_t>(districts);
  h5::Handle dg = h5::group(file, "districts");
  h5::attr(dg, "description", std::string("per-district series, ticks x districts"));
  h5::Handle dtick = tick_scale(dg, rec.ticks());
  h5::Handle dscale = actor_scale(attached, dg, "district", names);
  for (size_t s = 0; s < rec.district_series().size(); ++s)
    series(attached, dg, rec.district_series()[s], rec.district()[s], {T, D}, {dtick, dscale});
}

// Series over ticks x actors (organizations, unions) in group `name`, with the actor scale `dim`
// and the actors' names in `<dim>_name`.
static void write_actor_series(h5::Dimensions& attached, hid_t file, const char* name, const char* dim,
                               const std::vector<int64_t>& ticks, const std::vector<std::string>& names,
                               const std::vector<SeriesInfo>& infos, const std::vector<std::vector<double>>& values) {
  const hsize_t T = ticks.size(), A = names.size();
  h5::Handle g = h5::group(file, name);
  h5::attr(g, "description", std::string("per-") + dim + " series, ticks x " + dim);
  h5::Handle tick = tick_scale(g, ticks);
  h5::Handle scale = actor_scale(attached, g, dim, names);
  for (size_t s = 0; s < infos.size(); ++s) series(attached, g, infos[s], values[s], {T, A}, {tick, scale});
}

// Each event table as a group of columns over an unlimited dimension `event` (one row per
// event): int64, float64 and string variables that netCDF tools and xarray read
// (docs/output_format.md). Until format 2 each table was one compound dataset, which netCDF
// cannot see; tribune_analysis.events reads both.
static void write_events(h5::Dimensions& attached, hid_t file, const EventTables& tables) {
  h5::Handle eg = h5::group(file, "events");
  h5::attr(eg, "description", std::string("event tables, one group each, one row per event along `event`"));
  for (const auto& [name, table] : tables) {
    h5::Handle g = h5::group(eg, name.c_str());
    h5::attr(g, "description", table.description());
    std::string order;
    for (const auto& c : table.columns()) order += (order.empty() ? "" : ",") + c.name;
    h5::attr(g, "columns", order);  // the columns in the model's order (a group lists them by name)
    const size_t R = static_cast<size_t>(table.rows());
    std::vector<int64_t> rows(R);
    for (size_t r = 0; r < R; ++r) rows[r] = static_cast<int64_t>(r);
    h5::Handle event = h5::column(g, "event", rows);
    cf::write(event, cf::meta("index", "row of the " + name + " table"));
    h5::make_scale(event, "event");
    for (const auto& c : table.columns()) {
      const bool text = c.type == EventColumn::Type::Text;
      h5::Handle d = c.type == EventColumn::Type::Int    ? h5::column(g, c.name.c_str(), c.ints)
                     : c.type == EventColumn::Type::Real ? h5::column(g, c.name.c_str(), c.reals)
                                                         : h5::string_column(g, c.name.c_str(), c.texts);
      cf::write(d, cf::meta(c.unit, name + ": " + c.name, text));
      attached.attach(d, event, 0);
    }
  }
}

// The headline outcomes (engine/headlines.h), one scalar float64 each, with `units`,
// `description` and `more` (what a higher value means); the group's `success` names the one the
// scenario's essay counts as success ('' for none).
static void write_headlines(hid_t file, const Simulation& sim) {
  h5::Handle g = h5::group(file, "headlines");
  h5::attr(g, "description", std::string("headline outcomes at the end of the run (docs/compare.md)"));
  h5::attr(g, "success", sim.scenario().success);
  std::string order;
  for (const auto& h : headline_infos()) order += (order.empty() ? "" : ",") + h.name;
  h5::attr(g, "order", order);
  const std::vector<double> values = headlines(sim);
  const auto& infos = headline_infos();
  for (size_t k = 0; k < infos.size(); ++k) {
    h5::Handle sp(H5Screate(H5S_SCALAR));
    h5::Handle d(H5Dcreate2(g, infos[k].name.c_str(), H5T_NATIVE_DOUBLE, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    H5Dwrite(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &values[k]);
    cf::write(d, cf::meta(infos[k].unit, infos[k].description));
    h5::attr(d, "description", infos[k].description);
    h5::attr(d, "more", infos[k].more);
  }
}

std::string Output::finish(const Simulation& sim, const Provenance& prov, bool complete) {
  std::lock_guard lock(h5::library_mutex());
  errors_before_ = h5::close_errors();  // a dataset's close can fail in a destructor on the way
  try {
    return write_and_seal(sim, prov, complete);
  } catch (const std::exception& e) {
    throw WriteError("writing " + partial_ + " failed: " + e.what());
  }
}

std::string Output::write_and_seal(const Simulation& sim, const Provenance& prov, bool complete) {
  if (spool_) {
    impl_->file = h5::create_file(partial_);
    gather_snapshots(sim.world().size());
  }
  auto& I = *impl_;
  const Scenario& s = sim.scenario();
  const World& w = sim.world();
  hid_t f = I.file;
  h5::attr(f, "Conventions", std::string(cf::kConventions));
  h5::attr(f, "title", "tribune run of scenario '" + s.name + "'");
  h5::attr(f, "source", std::string("tribune ") + kVersion + " (" + kGitCommit + ")");
  h5::attr(f, "format_version", int64_t{kFormatVersion});
  h5::attr(f, "program", std::string("tribune"));
  h5::attr(f, "version", std::string(kVersion));
  h5::attr(f, "git_commit", std::string(kGitCommit));
  h5::attr(f, "build_type", std::string(kBuildType));
  h5::attr(f, "scenario_name", s.name);
  h5::attr(f, "scenario_file", prov.scenario_file);
  h5::attr(f, "seed", int64_t(s.seed));
  h5::attr(f, "replicate", int64_t(s.replicate));
  h5::attr(f, "persons", int64_t(w.size()));
  h5::attr(f, "districts", int64_t(w.districts.size()));
  h5::attr(f, "horizon_weeks", int64_t(s.horizon_weeks));
  h5::attr(f, "ticks_run", int64_t(w.tick));
  h5::attr(f, "threads", int64_t(prov.threads));
  h5::attr(f, "chunk_size", int64_t(s.engine.chunk_size));
  h5::attr(f, "created", utc_now_iso());
  h5::attr(f, "wall_seconds", prov.wall_seconds);
  h5::attr(f, "build_seconds", prov.build_seconds);
  h5::attr(f, "complete", int64_t(complete ? 1 : 0));
  h5::text_dataset(f, "scenario", prov.scenario_yaml, "the resolved scenario (YAML): every parameter at its value");
  std::vector<std::string> names;
  for (const auto& d : w.districts) names.push_back(d.name);
  h5::Dimensions attached;
  write_series(attached, f, sim.recorder(), int64_t(w.districts.size()), names);
  std::vector<std::string> org_names;
  for (const auto& o : w.orgs) org_names.push_back(o.spec.name);
  const Recorder& rec = sim.recorder();
  write_actor_series(attached, f, "organizations", "org", rec.ticks(), org_names, rec.org_series(), rec.org());
  std::vector<std::string> union_names;
  for (const auto& u : w.unions) union_names.push_back(u.spec.name);
  write_actor_series(attached, f, "unions", "union", rec.ticks(), union_names, rec.union_series(), rec.unions());
  std::vector<std::string> party_names;
  for (const auto& q : w.politics.parties) party_names.push_back(q.name);
  write_actor_series(attached, f, "parties", "party", rec.ticks(), party_names, rec.party_series(), rec.parties());
  write_events(attached, f, w.events);
  write_headlines(f, sim);
  attached.write(f);
  close_all();
  seal(partial_, complete ? final_ : partial_);
  if (spool_) {
    std::error_code ec;
    fs::remove_all(spool_dir(), ec);
  }
  return complete ? final_ : partial_;
}

void Output::close_all() {
  const size_t before = errors_before_;
  impl_->snapshot_tick.reset();
  impl_->snapshots.reset();
  h5::close_file(impl_->file);
  impl_.reset();
  if (h5::close_errors() != before) throw h5::Error(h5::last_close_error());
}

}  // namespace tribune

namespace tribune {

bool simulate(Simulation& sim, Output& out, const std::function<bool()>& stop,
              const std::function<void(int64_t)>& after_tick) {
  const int64_t every = sim.scenario().output.snapshot_every;
  while (!sim.done() && !(stop && stop())) {
    if (every > 0 && sim.world().tick % every == 0) out.snapshot(sim);
    sim.tick();
    if (after_tick) after_tick(sim.world().tick);
  }
  return sim.done();
}

}  // namespace tribune
