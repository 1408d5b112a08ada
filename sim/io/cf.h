#pragma once
// CF metadata for what tribune writes (CF conventions 1.10, docs/output_format.md "netCDF and
// CF"). The model declares each series' and column's unit in its own words ("[0, 1]", "persons",
// "bool", "0 worker, 1 professional, 2 owner"); this turns those words into attributes that
// netCDF and CF tools read: `units` valid for UDUNITS-2 ("1" for fractions and counts), a
// `long_name`, `valid_range` for bounded quantities, `flag_values` and `flag_meanings` for
// codes, and a `comment` keeping whatever the words said that the units cannot.
#include <hdf5.h>

#include <string>
#include <string_view>
#include <vector>

namespace tribune::cf {

inline constexpr const char* kConventions = "CF-1.10";

struct Meta {
  std::string units;  // UDUNITS-2; empty for text
  std::string long_name;
  std::string comment;
  std::vector<double> flag_values;
  std::string flag_meanings;  // blank-separated, one word per flag value
  bool bounded = false;
  double valid_min = 0, valid_max = 0;
};

// The CF attributes of a variable whose unit the model writes as `unit`, described by
// `long_name`; `text`: a variable of strings (no units).
Meta meta(std::string_view unit, std::string_view long_name, bool text = false);

// Writes meta's attributes on a dataset; numeric ones (valid_range, flag_values) take the
// dataset's own type, as CF asks.
void write(hid_t dataset, const Meta& m);

}  // namespace tribune::cf
