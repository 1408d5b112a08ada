#include "core/format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace tribune {

std::string format_number(double x) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

std::string format_range(double min, double max) {
  bool lo = std::isfinite(min), hi = std::isfinite(max);
  // std::string(...) first: "literal" + std::string&& trips g++ 12's -Wrestrict (GCC bug 105329).
  if (lo && hi) return std::string("[") + format_number(min) + ", " + format_number(max) + "]";
  if (lo) return std::string(">= ") + format_number(min);
  if (hi) return std::string("<= ") + format_number(max);
  return "any";
}

std::string json_num(double x) {
  if (!std::isfinite(x)) return "null";
  char b[32];
  snprintf(b, sizeof b, "%.17g", x);
  return b;
}

std::string json_str(const std::string& s) {
  std::string o = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      o += '\\';
      o += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      char b[8];
      snprintf(b, sizeof b, "\\u%04x", ch);
      o += b;
    } else {
      o += ch;
    }
  }
  return o + "\"";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char ch : s) o += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return o + "\"";
}

std::string utc_now_iso() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace tribune
