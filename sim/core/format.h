#pragma once
#include <string>

namespace tribune {

// Shortest text that reads back as the same double ("0.1", "1e+07", "inf").
std::string format_number(double x);
// "[0, 1]", ">= 0", "any" for a Meta's range.
std::string format_range(double min, double max);
// JSON: a number ("null" for NaN and infinities, which JSON has not), a quoted, escaped string.
std::string json_num(double x);
std::string json_str(const std::string& s);
// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& s);
// The current UTC time as ISO 8601, "2026-12-03T10:39:41Z" (the `created` attribute of files).
std::string utc_now_iso();

}  // namespace tribune
