#pragma once
// Parameter declarations. Every params struct has one member template
//
//   template <class V> void fields(V& v) {
//     v.num("epsilon", epsilon, {.doc = "...", .unit = "...", .source = "...", .min = 0, .max = 2});
//     ...
//   }
//
// and every tool that needs to know the parameters is a visitor over that one declaration:
// the YAML reader and validator (scenario/reader.h), the resolved-scenario writer
// (scenario/writer.h), the JSON Schema generator and the scenario reference generator
// (scenario/schema.h). So the validator, the schema and the documentation cannot disagree.
// This vocabulary sits at the bottom so that the model can declare its parameters without
// knowing YAML; the visitors live above the engine.
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

namespace tribune {

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
inline int index_of(Names names, const std::string& name) {
  for (size_t i = 0; i < names.size(); ++i)
    if (name == names[i]) return static_cast<int>(i);
  return -1;
}

// Calls x.fields(v, m) where the type takes the parent's Meta (small value groups such as
// ByClass pass units and ranges down), else x.fields(v).
template <class T, class V>
void visit_fields(T& x, V& v, const Meta& m) {
  if constexpr (requires { x.fields(v, m); })
    x.fields(v, m);
  else
    x.fields(v);
}

// The flat part of the protocol behind one virtual interface, for declarations that are visited
// through a base class (timeline events, model/events/event.h): a kind's fields() is a template
// instantiated once, on this interface, and every concrete visitor reaches it through
// FieldVisitorOf<V>. Flat means no object, list or timeline.
class FieldVisitor {
 public:
  virtual ~FieldVisitor() = default;
  virtual void num(const char* key, double& x, const Meta& m) = 0;
  virtual void integer(const char* key, int64_t& x, const Meta& m) = 0;
  virtual void flag(const char* key, bool& x, const Meta& m) = 0;
  virtual void text(const char* key, std::string& x, const Meta& m) = 0;
  virtual void names(const char* key, std::vector<std::string>& x, const Meta& m) = 0;
  virtual void choice_index(const char* key, int& i, Names options, const Meta& m) = 0;
  virtual void failed(const char* key, const std::string& message) = 0;

  template <class E>
  void choice(const char* key, E& x, Names options, const Meta& m) {
    int i = static_cast<int>(x);
    choice_index(key, i, options, m);
    x = static_cast<E>(i);
  }
  template <class F>
  void check(bool ok, const char* key, F&& message) {
    if (!ok) failed(key, message());
  }
};

template <class V>
class FieldVisitorOf final : public FieldVisitor {
 public:
  explicit FieldVisitorOf(V& v) : v_(v) {}
  void num(const char* key, double& x, const Meta& m) override { v_.num(key, x, m); }
  void integer(const char* key, int64_t& x, const Meta& m) override { v_.integer(key, x, m); }
  void flag(const char* key, bool& x, const Meta& m) override { v_.flag(key, x, m); }
  void text(const char* key, std::string& x, const Meta& m) override { v_.text(key, x, m); }
  void names(const char* key, std::vector<std::string>& x, const Meta& m) override { v_.names(key, x, m); }
  void choice_index(const char* key, int& i, Names options, const Meta& m) override { v_.choice(key, i, options, m); }
  void failed(const char* key, const std::string& message) override {
    v_.check(false, key, [&] { return message; });
  }

 private:
  V& v_;
};

}  // namespace tribune
