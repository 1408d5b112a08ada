#include "io/cf.h"

#include <cctype>
#include <charconv>

#include "io/h5.h"

namespace tribune::cf {

namespace {

// What is counted, for units the model writes as a plural noun.
constexpr std::string_view kCounts[] = {"persons",  "strikes", "seats",     "events",     "reforms", "episodes",
                                        "votes",    "officers", "ties",     "workplaces", "members", "protesters",
                                        "districts"};

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// A flag meaning: one word of letters, digits and '_' (CF 1.10, 3.5).
std::string word(std::string_view s) {
  std::string w;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')
      w += c;
    else if (!w.empty() && w.back() != '_')
      w += '_';
  }
  while (!w.empty() && w.back() == '_') w.pop_back();
  return w;
}

// "0 worker, 1 professional, 2 owner": codes and their meanings, or false.
bool codes(std::string_view s, Meta& m) {
  std::vector<double> values;
  std::string meanings;
  while (!s.empty()) {
    const size_t end = s.find(", ");
    std::string_view part = s.substr(0, end);
    int v = 0;
    auto r = std::from_chars(part.data(), part.data() + part.size(), v);
    if (r.ec != std::errc() || r.ptr == part.data() + part.size() || *r.ptr != ' ') return false;
    const std::string w = word(std::string_view(r.ptr + 1, part.data() + part.size() - (r.ptr + 1)));
    if (w.empty()) return false;
    values.push_back(v);
    meanings += (meanings.empty() ? "" : " ") + w;
    s = end == std::string_view::npos ? std::string_view() : s.substr(end + 2);
  }
  if (values.size() < 2) return false;
  m.flag_values = values;
  m.flag_meanings = meanings;
  return true;
}

// Units of time UDUNITS-2 knows, by the model's singular.
bool time_unit(std::string_view s) {
  return s == "week" || s == "hour" || s == "year" || s == "day";
}

// "a/b": a count, hours, dollars or a fraction per unit of time ("1/week", "persons/hour",
// "dollars/week", "[0, 1]/week") or per something counted ("1/person", "1/election", "1/1000
// persons").
bool rate(std::string_view s, Meta& m) {
  const size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view num = s.substr(0, slash), den = s.substr(slash + 1);
  std::string top;
  if (num == "1" || num == "[0, 1]") {
    top = "1";
  } else if (num == "hours") {
    top = "hour";
  } else if (num == "dollars") {
    top = "1", m.comment = "US dollars";
  } else {
    bool counted = false;
    for (std::string_view noun : kCounts) counted = counted || num == noun;
    if (!counted) return false;
    top = "1", m.comment = std::string(num);
  }
  std::string per(den);
  if (const size_t sp = per.find(' '); sp != std::string::npos) {  // "week per 1000 persons"
    m.comment += (m.comment.empty() ? "" : " ") + std::string("per") + per.substr(sp);
    per = per.substr(0, sp);
  }
  if (time_unit(per)) {
    m.units = top == "1" ? "1/" + per : top + "/" + per;
    if (!m.comment.empty()) m.comment += " per " + per;
  } else {
    m.units = top == "hour" ? "hour" : "1";
    m.comment += (m.comment.empty() ? "per " : " per ") + std::string(den);
  }
  return true;
}

}  // namespace

Meta meta(std::string_view unit, std::string_view long_name, bool text) {
  Meta m;
  m.long_name = std::string(long_name);
  if (text) {
    m.comment = std::string(unit);
    return m;
  }
  m.units = "1";
  // A unit, then optionally "; more" or " per ...": the rest goes to the comment.
  std::string_view head = unit, rest;
  if (const size_t semi = unit.find("; "); semi != std::string_view::npos)
    head = unit.substr(0, semi), rest = unit.substr(semi + 2);
  if (head == "1" || head.empty()) {
  } else if (head == "[0, 1]") {
    m.bounded = true, m.valid_min = 0, m.valid_max = 1;
  } else if (head == "[-1, 1], -1 left") {
    m.bounded = true, m.valid_min = -1, m.valid_max = 1;
    m.comment = "ideology: -1 is left, 1 right";
  } else if (head == "ideology" || head == "hope" || head == "grievance") {
    m.comment = "on the scale of " + std::string(head);
  } else if (head == "bool") {
    m.flag_values = {0, 1};
    m.flag_meanings = "false true";
  } else if (head == "index") {
    m.comment = "an index";
  } else if (head == "weeks" || head == "tick") {
    m.units = "week";
  } else if (starts_with(head, "hours/week")) {
    m.units = "hour/week";
    if (head.size() > 10) m.comment = std::string(head.substr(head.find_first_not_of(' ', 10)));
  } else if (head == "hours") {
    m.units = "hour";
  } else if (head == "dollars") {
    m.comment = "US dollars";  // UDUNITS-2 has no unit of currency
  } else if (head == "per 1000 residents") {
    m.units = "1e-3";
    m.comment = "per 1000 residents";
  } else if (head == "1/255") {
    m.comment = "out of 255";
  } else if (head == "ticks") {
    m.units = "week";
  } else if (head == "log-odds" || head == "logit" || head == "utility" || head == "ratio") {
    m.comment = std::string(head);
  } else if (rate(head, m)) {
  } else if (codes(head, m)) {
  } else if (starts_with(head, "1 ") && head.find(',') == std::string_view::npos) {
    m.flag_values = {0, 1};  // "1 for the officeholder running again": 1 means that, 0 not
    m.flag_meanings = "false true";
    m.comment = "1: " + std::string(head.substr(2));
  } else {
    bool counted = false;
    for (std::string_view noun : kCounts)
      if (starts_with(head, noun)) {
        counted = true;
        m.comment = head == noun ? "a count of " + std::string(noun) : std::string(head);
      }
    if (!counted) m.comment = std::string(head);
  }
  if (!rest.empty()) m.comment += (m.comment.empty() ? "" : "; ") + std::string(rest);
  return m;
}

void write(hid_t dataset, const Meta& m) {
  if (!m.units.empty()) h5::attr(dataset, "units", m.units);
  h5::attr(dataset, "long_name", m.long_name);
  if (!m.comment.empty()) h5::attr(dataset, "comment", m.comment);
  if (m.bounded) h5::typed_attr(dataset, "valid_range", {m.valid_min, m.valid_max});
  if (!m.flag_values.empty()) {
    h5::typed_attr(dataset, "flag_values", m.flag_values);
    h5::attr(dataset, "flag_meanings", m.flag_meanings);
  }
}

}  // namespace tribune::cf
