#pragma once
// Parameter declarations. Every params struct has one member template
//
//   template <class V> void fields(V& v) {
//     v.num("epsilon", epsilon, {.doc = "...", .unit = "...", .source = "...", .min = 0, .max = 2});
//     ...
//   }
//
// and every tool that needs to know the parameters is a visitor over that one declaration:
// the YAML reader and validator (reader.h), the resolved-scenario writer (writer.h), the JSON
// Schema generator and the scenario reference generator (schema.h). So the validator, the schema
// and the documentation cannot disagree.
//
// Visitor protocol (each visitor implements all of these):
//   num(key, double&, Meta)            a real number in [min, max]
//   integer(key, int64_t&, Meta)       a whole number in [min, max]
//   flag(key, bool&, Meta)             true or false
//   text(key, std::string&, Meta)      free text
//   choice(key, E&, names, Meta)       one of a fixed list of names (an enum)
//   names(key, std::vector<std::string>&, Meta)  a list of names that refer to other things
//   object(key, T&, Meta)              a nested mapping with its own fields()
//   list(key, std::vector<T>&, Meta)   a list of mappings of one kind
//   timeline(key, Timeline&, Meta)     the list of timeline events, each of a registered kind
//   check(ok, key, message_fn)         a rule over several fields (only the reader acts on it)
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace tribune::scenario {

struct Meta {
  const char* doc = "";     // one-line meaning
  const char* unit = "";    // "1" for dimensionless, "weeks", "persons", ...
  const char* source = "";  // figure, paper, essay passage, or "assumption"
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool required = false;
};

using Names = std::span<const char* const>;

// Index of `name` in `names`, or -1.
int index_of(Names names, const std::string& name);

}  // namespace tribune::scenario

namespace tribune::scenario {

// Calls x.fields(v, m) where the type takes the parent's Meta (small value groups such as
// ByClass pass units and ranges down), else x.fields(v).
template <class T, class V>
void visit_fields(T& x, V& v, const Meta& m) {
  if constexpr (requires { x.fields(v, m); })
    x.fields(v, m);
  else
    x.fields(v);
}

}  // namespace tribune::scenario
