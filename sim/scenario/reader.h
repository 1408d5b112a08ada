#pragma once
// The validator: reads a source tree (node.h) into params structs through their fields()
// declarations, collecting every problem with its file:line:col and key path.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/fields.h"
#include "model/events/event.h"
#include "scenario/error.h"
#include "scenario/node.h"

namespace tribune::scenario {

class Reader {
 public:
  explicit Reader(const Node& root) : root_(root) {}

  // Read `x` from the root mapping. Problems accumulate in diagnostics().
  template <class T>
  void read_root(T& x) {
    enter(&root_, "");
    x.fields(*this);
    leave();
  }

  void num(const char* key, double& x, const Meta& m);
  void integer(const char* key, int64_t& x, const Meta& m);
  void flag(const char* key, bool& x, const Meta& m);
  void text(const char* key, std::string& x, const Meta& m);
  void names(const char* key, std::vector<std::string>& x, const Meta& m);
  void timeline(const char* key, Timeline& x, const Meta& m);

  template <class E>
  void choice(const char* key, E& x, Names options, const Meta& m) {
    int i = static_cast<int>(x);
    choice_index(key, i, options, m);
    x = static_cast<E>(i);
  }

  template <class T>
  void object(const char* key, T& x, const Meta& m) {
    const Node* n = take(key, m);
    if (!n) return;
    if (!expect_map(*n, key)) return;
    enter(n, sub(key));
    visit_fields(x, *this, m);
    leave();
  }

  template <class T>
  void list(const char* key, std::vector<T>& xs, const Meta& m) {
    const Node* n = take(key, m);
    if (!n) return;
    if (!expect_seq(*n, key, m)) return;
    xs.clear();
    for (size_t i = 0; i < n->seq.size(); ++i) {
      std::string p = sub(key) + "[" + std::to_string(i) + "]";
      if (!expect_map_at(n->seq[i], p)) continue;
      T item{};
      enter(&n->seq[i], p);
      visit_fields(item, *this, m);
      leave();
      xs.push_back(std::move(item));
    }
  }

  // A rule over several fields of the current mapping, reported at `key`.
  template <class F>
  void check(bool ok, const char* key, F&& message) {
    if (!ok) error_at(sub(key), message());
  }

  void error_at(const std::string& path, const std::string& message);
  void warn_at(const std::string& path, const std::string& message);
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  void throw_if_errors() const;

  // Where a key path was written (its value, or failing that its nearest written parent).
  Loc loc_of(const std::string& path) const;
  const std::string& path() const { return frames_.back().path; }

 private:
  struct Frame {
    const Node* node;
    std::string path;
    std::vector<std::string> known;
  };
  const Node& root_;
  std::vector<Frame> frames_;
  std::vector<Diagnostic> diags_, warnings_;
  // Errors past the first kMaxDiagnostics are counted, not kept (a file of a million unknown
  // keys would otherwise print a million lines).
  static constexpr size_t kMaxDiagnostics = 50;
  size_t suppressed_ = 0;
  bool full();  // true, counting one more suppressed, once kMaxDiagnostics are kept
  std::map<std::string, Loc> locs_;

  void enter(const Node* n, std::string path);
  void leave();
  std::string sub(const char* key) const;
  const Node* take(const char* key, const Meta& m);
  bool expect_map(const Node& n, const char* key);
  bool expect_map_at(const Node& n, const std::string& path);
  bool expect_seq(const Node& n, const char* key, const Meta& m);
  void error(const Node& n, const std::string& path, const std::string& message);
  void choice_index(const char* key, int& i, Names options, const Meta& m);
};

}  // namespace tribune::scenario
