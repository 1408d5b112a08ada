// `tribune info OUT.h5`: provenance, series and event tables of an output file.
#include <hdf5.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/commands.h"
#include "io/h5.h"
#include "io/seal.h"

namespace tribune {

namespace {

std::vector<std::string> members(hid_t group) {
  std::vector<std::string> names;
  H5Literate(
      group, H5_INDEX_NAME, H5_ITER_INC, nullptr,
      [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
        static_cast<std::vector<std::string>*>(data)->push_back(name);
        return 0;
      },
      &names);
  return names;
}

std::string shape(hid_t ds) {
  h5::Handle sp(H5Dget_space(ds));
  hsize_t dims[8];
  int rank = H5Sget_simple_extent_dims(sp, dims, nullptr);
  std::string s = "(";
  for (int i = 0; i < rank; ++i) s += (i ? " x " : "") + std::to_string(dims[i]);
  return s + ")";
}

}  // namespace

int info_command(const std::string& path) {
  // The seal first: libhdf5 can crash on a corrupt file, so nothing unsound reaches it.
  const SealCheck seal = check_seal(path);
  if (!seal.ok()) {
    fprintf(stderr, "error: %s\n", seal.message.c_str());
    return 2;
  }
  h5::Handle f = h5::open_file_readonly(path);
  printf("%s\n", path.c_str());
  for (const char* a :
       {"program", "version", "git_commit", "build_type", "scenario_name", "scenario_file", "seed", "replicate",
        "persons", "districts", "horizon_weeks", "ticks_run", "threads", "created", "wall_seconds", "complete"})
    if (h5::has_attr(f, a)) printf("  %-14s %s\n", a, h5::read_attr_string(f, a).c_str());
  if (h5::has_attr(f, "complete") && h5::read_attr_string(f, "complete") != "1")
    printf("  WARNING: this run did not complete (complete=0)\n");
  for (const char* g : {"timeseries", "districts", "events", "snapshots"}) {
    if (H5Lexists(f, g, H5P_DEFAULT) <= 0) continue;
    h5::Handle grp(H5Gopen2(f, g, H5P_DEFAULT));
    printf("/%s\n", g);
    for (const auto& name : members(grp)) {
      h5::Handle d(H5Dopen2(grp, name.c_str(), H5P_DEFAULT));
      std::string units = h5::read_attr_string(d, "units");
      std::string desc = h5::read_attr_string(d, "description");
      printf("  %-18s %-14s %-18s %s\n", name.c_str(), shape(d).c_str(), units.c_str(), desc.c_str());
    }
  }
  return 0;
}

}  // namespace tribune
