#include "scenario/node.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "scenario/did_you_mean.h"
#include "scenario/error.h"

namespace tribune::scenario {

namespace fs = std::filesystem;

std::string Loc::str() const {
  std::string f = file ? *file : std::string("<input>");
  if (line <= 0) return f;
  return f + ":" + std::to_string(line) + ":" + std::to_string(col);
}

const Entry* Node::find(const std::string& key) const {
  for (const auto& e : map)
    if (e.key == key) return &e;
  return nullptr;
}
Entry* Node::find(const std::string& key) {
  for (auto& e : map)
    if (e.key == key) return &e;
  return nullptr;
}

const char* Node::kind_name() const {
  switch (kind) {
    case Kind::Null:
      return "nothing (null)";
    case Kind::Scalar:
      return "a scalar";
    case Kind::Map:
      return "a mapping";
    case Kind::Seq:
      return "a list";
  }
  return "?";
}

static Loc at(const std::shared_ptr<const std::string>& file, const YAML::Mark& m) {
  if (m.is_null()) return Loc{file, 0, 0};
  return Loc{file, m.line + 1, m.column + 1};
}

[[noreturn]] static void fail(const Loc& loc, const std::string& path, const std::string& msg) {
  throw ScenarioError({Diagnostic{loc.str(), path, msg}});
}

namespace {
// Where a node sits, as a chain to its parent, rendered ("a.b[3]") only for an error message:
// building every node's path string made large files (and alias bombs, until refused) slow.
struct PathLink {
  const PathLink* parent = nullptr;
  const std::string* key = nullptr;  // a mapping's key, or
  int64_t index = -1;                // a list's index
  std::string str() const {
    std::string up = parent ? parent->str() : std::string();
    if (key) return up.empty() ? *key : up + "." + *key;
    return index >= 0 ? up + "[" + std::to_string(index) + "]" : up;
  }
};

// Converts yaml-cpp's tree, counting nodes (aliases expand into copies, so a file of a few
// hundred bytes can stand for billions) and depth against the limits, and finding duplicate
// keys with a hash set (a linear scan of earlier keys made large mappings quadratic).
struct Converter {
  std::shared_ptr<const std::string> file;
  size_t nodes = 0;

  Node convert(const YAML::Node& y, const PathLink& path, int depth) {
    Node n;
    n.loc = at(file, y.Mark());
    if (++nodes > kMaxNodes)
      fail(n.loc, path.str(),
           "the file expands to more than " + std::to_string(kMaxNodes) +
               " YAML nodes (counting each use of an alias as a copy); a scenario needs far fewer. Nested "
               "anchors and aliases (an alias bomb) are the usual cause");
    if (depth > kMaxDepth) {
      const std::string p = path.str();
      fail(n.loc, p.substr(0, p.find('[')) + "[...]",
           "nested more than " + std::to_string(kMaxDepth) + " levels deep; a scenario needs far fewer");
    }
    switch (y.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        n.kind = Node::Kind::Null;
        break;
      case YAML::NodeType::Scalar:
        n.kind = Node::Kind::Scalar;
        n.scalar = y.Scalar();
        break;
      case YAML::NodeType::Sequence: {
        n.kind = Node::Kind::Seq;
        n.seq.reserve(y.size());
        int64_t i = 0;
        for (const auto& item : y) n.seq.push_back(convert(item, PathLink{&path, nullptr, i++}, depth + 1));
        break;
      }
      case YAML::NodeType::Map: {
        n.kind = Node::Kind::Map;
        std::unordered_map<std::string, size_t> seen;
        for (const auto& kv : y) {
          Loc kl = at(file, kv.first.Mark());
          if (!kv.first.IsScalar()) fail(kl, path.str(), "keys must be plain names");
          std::string key = kv.first.Scalar();
          const PathLink sub{&path, &key, -1};
          if (auto [it, fresh] = seen.emplace(key, n.map.size()); !fresh)
            fail(kl, sub.str(), "duplicate key (it appears earlier at " + n.map[it->second].key_loc.str() + ")");
          Node value = convert(kv.second, sub, depth + 1);
          n.map.push_back(Entry{std::move(key), kl, std::move(value)});
        }
        break;
      }
    }
    return n;
  }
};
}  // namespace

Node parse_yaml(const std::string& text, const std::string& file) {
  auto fname = std::make_shared<const std::string>(file);
  if (text.find('\0') != std::string::npos)
    fail(Loc{fname, 1, 1}, "", "this is not a text file (it contains NUL bytes); a scenario is YAML text");
  if (text.size() > kMaxFileBytes)
    fail(Loc{fname, 0, 0}, "",
         "the text is " + std::to_string(text.size() >> 20) + " MiB; YAML input is limited to " +
             std::to_string(kMaxFileBytes >> 20) + " MiB");
  YAML::Node y;
  try {
    y = YAML::Load(text);
  } catch (const YAML::DeepRecursion& e) {
    fail(at(fname, e.mark), "", "nested more than " + std::to_string(kMaxDepth) + " levels deep; a scenario needs far fewer");
  } catch (const YAML::Exception& e) {
    fail(at(fname, e.mark), "", "YAML syntax error: " + e.msg);
  }
  Converter c{fname};
  return c.convert(y, PathLink{}, 0);
}

std::string read_text_file(const std::string& path, const char* what) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!ec && fs::exists(status) && !fs::is_regular_file(status))
    throw ScenarioError({Diagnostic{path, "", std::string("the ") + what + " is not a regular file"}});
  if (!ec && fs::is_regular_file(status)) {
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxFileBytes)
      throw ScenarioError({Diagnostic{path, "",
                                      std::string("the ") + what + " is " + std::to_string(size >> 20) +
                                          " MiB; YAML input is limited to " + std::to_string(kMaxFileBytes >> 20) +
                                          " MiB (a scenario is a few kilobytes)"}});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Diagnostic{path, "", std::string("cannot read ") + what + " '" + path + "'"}});
  std::string text;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes)  // a file that grew, or a pipe
      throw ScenarioError({Diagnostic{path, "", std::string("the ") + what + " is larger than the " +
                                                    std::to_string(kMaxFileBytes >> 20) + " MiB YAML input limit"}});
  }
  return text;
}

static std::string read_text(const std::string& path, const Loc& from) {
  try {
    return read_text_file(path, "scenario file");
  } catch (const ScenarioError& e) {
    if (from.line > 0) fail(from, "extends", e.diagnostics().front().message);
    throw;
  }
}

// `stack` holds the chain being loaded: canonical paths to detect cycles, and the paths as
// written to report them.
static Node load_chain(const std::string& path, const Loc& from,
                       std::vector<std::pair<std::string, std::string>>& stack) {
  std::error_code ec;
  std::string canon = fs::weakly_canonical(path, ec).string();
  for (const auto& s : stack)
    if (s.first == canon) {
      std::string chain;
      for (const auto& t : stack) chain += t.second + " -> ";
      fail(from, "extends", "`extends:` cycle: " + chain + path);
    }
  stack.emplace_back(canon, path);
  Node root = parse_yaml(read_text(path, from), path);
  if (root.kind == Node::Kind::Null)
    fail(Loc{root.loc.file, 1, 1}, "",
         "the scenario file is empty; it must be a mapping of keys (see `tribune schema`)");
  if (root.kind != Node::Kind::Map)
    fail(root.loc, "", std::string("a scenario must be a mapping of keys, got ") + root.kind_name());
  if (const Entry* ext = root.find("extends")) {
    if (ext->value.kind != Node::Kind::Scalar || ext->value.scalar.empty())
      fail(ext->value.loc.line ? ext->value.loc : ext->key_loc, "extends", "must be a file name");
    fs::path base = fs::path(path).parent_path() / ext->value.scalar;
    Node parent = load_chain(base.string(), ext->value.loc, stack);
    std::erase_if(root.map, [](const Entry& e) { return e.key == "extends"; });
    merge_into(parent, root);
    root = std::move(parent);
  }
  stack.pop_back();
  return root;
}

Node load_file(const std::string& path) {
  std::vector<std::pair<std::string, std::string>> stack;
  return load_chain(path, Loc{}, stack);
}

void merge_into(Node& base, const Node& over) {
  if (base.kind != Node::Kind::Map || over.kind != Node::Kind::Map) {
    base = over;
    return;
  }
  for (const auto& e : over.map) {
    if (Entry* b = base.find(e.key)) {
      b->key_loc = e.key_loc;
      merge_into(b->value, e.value);
    } else {
      base.map.push_back(e);
    }
  }
}

namespace {
bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// The entry of list `seq` that `key` names: the mapping whose `name` is `key`, else the one at
// index `key`, else the only one whose `kind` is `key` (timeline events). Fails, listing what
// can be named, when none is.
Node* list_entry(Node& seq, const std::string& key, const std::string& list_path, const Loc& kl,
                 const std::string& path) {
  for (auto& item : seq.seq)
    if (const Entry* n = item.kind == Node::Kind::Map ? item.find("name") : nullptr)
      if (n->value.kind == Node::Kind::Scalar && n->value.scalar == key) return &item;
  if (all_digits(key)) {
    const size_t i = std::stoull(key.size() > 9 ? std::string("999999999") : key);
    if (i < seq.seq.size()) return &seq.seq[i];
  }
  Node* by_kind = nullptr;
  int kinds = 0;
  for (auto& item : seq.seq)
    if (const Entry* k = item.kind == Node::Kind::Map ? item.find("kind") : nullptr)
      if (k->value.kind == Node::Kind::Scalar && k->value.scalar == key) by_kind = &item, ++kinds;
  if (kinds == 1) return by_kind;
  if (kinds > 1)
    fail(kl, path,
         "'" + list_path + "' has " + std::to_string(kinds) + " entries of kind '" + key +
             "': name one by its index (0 to " + std::to_string(seq.seq.size() - 1) + ") or give it a `name:`");
  std::string names;
  std::vector<std::string> known;
  for (const auto& item : seq.seq)
    if (const Entry* n = item.kind == Node::Kind::Map ? item.find("name") : nullptr)
      if (n->value.kind == Node::Kind::Scalar) {
        names += (names.empty() ? "" : ", ") + n->value.scalar;
        known.push_back(n->value.scalar);
      }
  std::string msg = "'" + list_path + "' has no entry named '" + key + "'";
  const std::string guess = did_you_mean(key, known);
  if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
  if (seq.seq.empty())
    msg += " (it is empty; --set changes entries, it does not add them)";
  else
    msg += "; entries: " + (names.empty() ? std::string("none named") : names) + ", or an index 0 to " +
           std::to_string(seq.seq.size() - 1);
  fail(kl, path, msg);
}
}  // namespace

void apply_override(Node& root, const std::string& assignment, int index) {
  auto file = std::make_shared<const std::string>("--set[" + std::to_string(index) + "]");
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    fail(Loc{file, 1, 1}, "", "an override must look like key.path=value, got '" + assignment + "'");
  std::string path = assignment.substr(0, eq);
  std::string value = assignment.substr(eq + 1);
  int value_col = static_cast<int>(eq) + 2;

  Node parsed;
  try {
    parsed = parse_yaml(value, *file);
  } catch (const ScenarioError&) {
    fail(Loc{file, 1, value_col}, path, "the value '" + value + "' is not valid YAML");
  }
  // Re-anchor the value's location at its column inside the assignment.
  parsed.loc = Loc{file, 1, value_col};

  Node* cur = &root;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    Loc kl{file, 1, static_cast<int>(start) + 1};
    const std::string here = path.substr(0, start ? start - 1 : 0);
    if (key.empty()) fail(kl, path, "empty key in the path");
    if (key == "extends") fail(kl, path, "`extends` cannot be overridden");
    if (cur->kind == Node::Kind::Seq) {
      // A list entry, by name, index or (timeline) kind; the rest of the path applies inside it.
      Node* item = list_entry(*cur, key, here, kl, path);
      if (dot == std::string::npos) {
        if (item->kind == Node::Kind::Map && parsed.kind == Node::Kind::Map)
          merge_into(*item, parsed);  // an entry's keys change; the others (its name) stay
        else
          *item = parsed;
        return;
      }
      cur = item;
      start = dot + 1;
      continue;
    }
    if (cur->kind == Node::Kind::Null) {
      cur->kind = Node::Kind::Map;
      cur->loc = kl;
    }
    if (cur->kind != Node::Kind::Map)
      fail(kl, path, std::string("'") + here + "' is not a mapping, so it has no key '" + key + "'");
    Entry* e = cur->find(key);
    if (!e) {
      cur->map.push_back(Entry{key, kl, Node{}});
      e = &cur->map.back();
      e->value.loc = kl;
    } else {
      e->key_loc = kl;
    }
    if (dot == std::string::npos) {
      e->value = parsed;
      return;
    }
    cur = &e->value;
    start = dot + 1;
  }
}

}  // namespace tribune::scenario
