#pragma once
// The scenario format as data: a tree built by visiting default-constructed params, rendered
// as JSON Schema (`tribune schema`) and as the Markdown scenario reference (`tribune reference`,
// committed as docs/scenario_reference.md).
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.h"
#include "model/events/event.h"
#include "scenario/writer.h"

namespace tribune::scenario {

struct SchemaNode {
  std::string key;
  std::string type;  // number, integer, boolean, string, enum, names, object, list, timeline
  Meta meta;
  std::string default_text;
  std::vector<std::string> options;  // enum
  std::vector<SchemaNode> children;  // object fields; list item fields
  std::vector<SchemaNode> variants;  // timeline: one object per event kind (key = kind)
};

class SchemaGen {
 public:
  template <class T>
  static SchemaNode of(const char* doc) {
    SchemaGen g;
    g.stack_.push_back(SchemaNode{"", "object", Meta{.doc = doc}, "", {}, {}, {}});
    T x{};
    x.fields(g);
    return g.stack_.back();
  }

  void num(const char* key, double& x, const Meta& m);
  void integer(const char* key, int64_t& x, const Meta& m);
  void flag(const char* key, bool& x, const Meta& m);
  void text(const char* key, std::string& x, const Meta& m);
  void names(const char* key, std::vector<std::string>& x, const Meta& m);
  void timeline(const char* key, Timeline& x, const Meta& m);
  template <class E>
  void choice(const char* key, E& x, Names options, const Meta& m) {
    SchemaNode n{key, "enum", m, options[static_cast<size_t>(x)], {options.begin(), options.end()}, {}, {}};
    stack_.back().children.push_back(std::move(n));
  }
  template <class T>
  void object(const char* key, T& x, const Meta& m) {
    stack_.push_back(SchemaNode{key, "object", m, "", {}, {}, {}});
    visit_fields(x, *this, m);
    pop();
  }
  template <class T>
  void list(const char* key, std::vector<T>& xs, const Meta& m) {
    stack_.push_back(SchemaNode{key, "list", m, Writer::flow_list(key, xs), {}, {}, {}});
    T item{};
    visit_fields(item, *this, m);
    pop();
  }
  template <class F>
  void check(bool, const char*, F&&) {}

 private:
  std::vector<SchemaNode> stack_;
  void leaf(const char* key, const char* type, const Meta& m, std::string def);
  void pop();
};

// JSON Schema (draft 2020-12) of `root`; with `extends`, a file may name a parent scenario
// (`extends:`) and then leave out the keys the parent gives.
std::string to_json_schema(const SchemaNode& root, const std::string& title, bool extends);
std::string to_markdown(const SchemaNode& root, const std::string& title);

}  // namespace tribune::scenario
