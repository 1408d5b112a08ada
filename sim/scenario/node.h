#pragma once
// A scenario's source tree: YAML parsed into plain nodes that remember where each came from
// (file:line:col), so that errors found long after parsing, after `extends:` merges and
// `--set` overrides, still point at the text the user wrote.
#include <memory>
#include <string>
#include <vector>

namespace tribune::scenario {

struct Loc {
  std::shared_ptr<const std::string> file;  // shared: one copy per file, not per node
  int line = 0;                             // 1-based; 0 means "no position"
  int col = 0;
  std::string str() const;  // "file:line:col"
};

struct Node;
struct Entry;

struct Node {
  enum class Kind { Null, Scalar, Map, Seq };
  Kind kind = Kind::Null;
  std::string scalar;      // text of a scalar, as written
  std::vector<Entry> map;  // in file order
  std::vector<Node> seq;
  Loc loc;

  const Entry* find(const std::string& key) const;
  Entry* find(const std::string& key);
  const char* kind_name() const;
};

struct Entry {
  std::string key;
  Loc key_loc;
  Node value;
};

// Limits on what a scenario, sweep or experiment file may be, checked before any work: a
// scenario is a few kilobytes, the largest legitimate one (65,535 districts) a few megabytes.
// Aliases are expanded into copies, so the node count is counted after expansion: an alias
// bomb (nested anchors) is refused at the node that passes the limit, not built.
inline constexpr size_t kMaxFileBytes = size_t{16} << 20;  // 16 MiB
inline constexpr size_t kMaxNodes = 500'000;               // after alias expansion
inline constexpr int kMaxDepth = 64;                       // nested mappings and lists

// The text of a YAML file, refused (ScenarioError naming the file) when it cannot be read, is
// not a regular file, or is larger than kMaxFileBytes. `what` names the file in errors
// ("scenario file", "sweep file").
std::string read_text_file(const std::string& path, const char* what);

// Parse YAML text. `file` names it in locations. Throws ScenarioError on syntax errors and when
// the text passes the limits above.
Node parse_yaml(const std::string& text, const std::string& file);

// Load a scenario file, following `extends:` chains (paths relative to the extending file;
// cycles are errors). The result has no `extends` key.
Node load_file(const std::string& path);

// Deep merge: maps merge key by key, anything else in `over` replaces `base`.
void merge_into(Node& base, const Node& over);

// Apply `a.b.c=value` to the tree. The value is parsed as YAML (so `[1,2]` and `{a: 1}` work);
// `index` numbers the override for locations ("--set[1]:1:7"). Intermediate maps are created;
// whether the path names a real parameter is checked later by the reader, like any key. In a
// list, a key names an entry: by its `name` (`organizations.left_org.platform`), by its index
// (`offices.0.rule`), or, for a kind that occurs once, by its `kind`
// (`timeline.national_campaign.retention`); a mapping set on a whole entry merges into it. An
// entry that does not exist is an error listing those that do (--set changes, never adds).
void apply_override(Node& root, const std::string& assignment, int index);

}  // namespace tribune::scenario
