#pragma once
// Writes params structs back out as YAML, every field with its value: the resolved scenario
// stored in each output file, which `tribune run` accepts again unchanged.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/fields.h"
#include "model/events/event.h"

namespace YAML {
class Emitter;
}

namespace tribune::scenario {

class Writer {
 public:
  Writer();
  ~Writer();

  template <class T>
  std::string write_root(T& x) {
    begin_map();
    x.fields(*this);
    end_map();
    return str();
  }

  void num(const char* key, double& x, const Meta&);
  void integer(const char* key, int64_t& x, const Meta&);
  void flag(const char* key, bool& x, const Meta&);
  void text(const char* key, std::string& x, const Meta&);
  void names(const char* key, std::vector<std::string>& x, const Meta&);
  void timeline(const char* key, Timeline& x, const Meta&);
  template <class E>
  void choice(const char* key, E& x, Names options, const Meta&) {
    scalar(key, options[static_cast<size_t>(x)]);
  }
  template <class T>
  void object(const char* key, T& x, const Meta& m) {
    this->key(key);
    begin_map();
    visit_fields(x, *this, m);
    end_map();
  }
  template <class T>
  void list(const char* key, std::vector<T>& xs, const Meta& m) {
    this->key(key);
    begin_seq();
    for (auto& x : xs) {
      begin_map();
      visit_fields(x, *this, m);
      end_map();
    }
    end_seq();
  }
  template <class F>
  void check(bool, const char*, F&&) {}

  // `key:` and the entries of `xs`, one flow mapping per line; "" for an empty list.
  template <class T>
  static std::string flow_list(const char* key, std::vector<T> xs) {
    if (xs.empty()) return "";
    Writer w;
    w.begin_map();
    w.key(key);
    w.begin_seq();
    for (auto& x : xs) {
      w.begin_flow_map();
      visit_fields(x, w, Meta{});
      w.end_map();
    }
    w.end_seq();
    w.end_map();
    return w.str();
  }

 private:
  std::unique_ptr<YAML::Emitter> out_;
  void key(const char* k);
  void scalar(const char* k, const std::string& v);
  void begin_map();
  void begin_flow_map();
  void end_map();
  void begin_seq();
  void end_seq();
  std::string str() const;
};

}  // namespace tribune::scenario
