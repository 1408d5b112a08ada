#include "scenario/reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/format.h"
#include "scenario/did_you_mean.h"

namespace tribune::scenario {

namespace {
// Keys that were renamed. An old key is an error that names the new one: no silent alias, so a
// file never means two things.
struct Renamed {
  const char* path;  // the old key's full path
  const char* now;   // the key to write instead
  const char* note;  // what else changed with it
};
constexpr Renamed kRenamed[] = {
    {"mechanisms.pressure", "institutional_pressure", " (M22 institutional pressure; its 'pressure' is now 'rate')"},
    {"mechanisms.institutional_pressure.pressure", "rate", ""},
};
}  // namespace

void Reader::enter(const Node* n, std::string path) {
  locs_[path] = n->loc;
  frames_.push_back(Frame{n, std::move(path), {}});
}

void Reader::leave() {
  Frame f = std::move(frames_.back());
  frames_.pop_back();
  if (f.node->kind != Node::Kind::Map) return;
  for (const auto& e : f.node->map) {
    if (std::find(f.known.begin(), f.known.end(), e.key) != f.known.end()) continue;
    if (full()) continue;
    std::string valid;
    for (const auto& k : f.known) valid += (valid.empty() ? "" : ", ") + k;
    std::string p = f.path.empty() ? e.key : f.path + "." + e.key;
    std::string msg = "unknown key '" + e.key + "'";
    const size_t bracket = e.key.find('[');
    std::string guess = did_you_mean(e.key, f.known);
    if (bracket != std::string::npos && bracket > 0 && e.key.back() == ']') {
      // `--set 'offices[0].seats=2'`: a list entry is a path step of its own.
      const std::string list = e.key.substr(0, bracket), index = e.key.substr(bracket + 1, e.key.size() - bracket - 2);
      msg += " (a list entry is addressed by its index as a step of the path: '" +
             (f.path.empty() ? list : f.path + "." + list) + "." + index + "')";
    } else if (!guess.empty()) {
      msg += " (did you mean '" + guess + "'?)";
    }
    for (const auto& r : kRenamed)
      if (p == r.path) msg = "'" + e.key + "' was renamed to '" + r.now + "'" + r.note;
    msg += "; valid keys here: " + valid;
    diags_.push_back(Diagnostic{e.key_loc.str(), p, msg});
  }
}

std::string Reader::sub(const char* key) const {
  const std::string& p = frames_.back().path;
  return p.empty() ? std::string(key) : p + "." + key;
}

const Node* Reader::take(const char* key, const Meta& m) {
  Frame& f = frames_.back();
  f.known.emplace_back(key);
  const Entry* e = f.node->kind == Node::Kind::Map ? f.node->find(key) : nullptr;
  if (!e) {
    if (m.required && !full()) {
      Loc at = f.node->loc;
      diags_.push_back(Diagnostic{
          at.str(), sub(key), "missing required key" + std::string(*m.doc ? " (" : "") + m.doc + (*m.doc ? ")" : "")});
    }
    return nullptr;
  }
  locs_[sub(key)] = e->value.loc.line ? e->value.loc : e->key_loc;
  return &e->value;
}

void Reader::error(const Node& n, const std::string& path, const std::string& message) {
  if (full()) return;
  Loc at = n.loc.line ? n.loc : loc_of(path);
  diags_.push_back(Diagnostic{at.str(), path, message});
}

bool Reader::full() {
  if (diags_.size() < kMaxDiagnostics) return false;
  ++suppressed_;
  return true;
}

void Reader::error_at(const std::string& path, const std::string& message) {
  if (!full()) diags_.push_back(Diagnostic{loc_of(path).str(), path, message});
}

void Reader::warn_at(const std::string& path, const std::string& message) {
  warnings_.push_back(Diagnostic{loc_of(path).str(), path, message});
}

Loc Reader::loc_of(const std::string& path) const {
  std::string p = path;
  while (true) {
    auto it = locs_.find(p);
    if (it != locs_.end() && it->second.line) return it->second;
    if (p.empty()) return root_.loc;
    auto cut = p.find_last_of(".[");
    p = cut == std::string::npos ? "" : p.substr(0, cut);
  }
}

void Reader::throw_if_errors() const {
  if (diags_.empty()) return;
  std::vector<Diagnostic> all = diags_;
  if (suppressed_ > 0)
    all.push_back(Diagnostic{root_.loc.file ? *root_.loc.file : std::string("<input>"), "",
                             "and " + std::to_string(suppressed_) + " more errors, not shown"});
  throw ScenarioError(all, suppressed_);
}

static std::string shown(const Node& n) {
  if (n.kind == Node::Kind::Scalar) return "'" + n.scalar + "'";
  return n.kind_name();
}

static bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  const char* b = s.data();
  const char* e = s.data() + s.size();
  if (*b == '+') ++b;
  auto r = std::from_chars(b, e, out);
  return r.ec == std::errc() && r.ptr == e && std::isfinite(out);
}

void Reader::num(const char* key, double& x, const Meta& m) {
  const Node* n = take(key, m);
  if (!n) return;
  double v;
  if (n->kind != Node::Kind::Scalar || !parse_double(n->scalar, v)) {
    error(*n, sub(key), "expected a number, got " + shown(*n));
    return;
  }
  if (v < m.min || v > m.max) {
    error(*n, sub(key), "must be in " + format_range(m.min, m.max) + ", got " + n->scalar);
    return;
  }
  x = v;
}

void Reader::integer(const char* key, int64_t& x, const Meta& m) {
  const Node* n = take(key, m);
  if (!n) return;
  double v;
  // Whole numbers may be written as 1e6: parse as double, then insist on integrality.
  if (n->kind != Node::Kind::Scalar || !parse_double(n->scalar, v) || v != std::floor(v) || std::fabs(v) > 9.0e15) {
    error(*n, sub(key), "expected a whole number, got " + shown(*n));
    return;
  }
  if (v < m.min || v > m.max) {
    error(*n, sub(key), "must be in " + format_range(m.min, m.max) + ", got " + n->scalar);
    return;
  }
  x = static_cast<int64_t>(v);
}

void Reader::flag(const char* key, bool& x, const Meta& m) {
  const Node* n = take(key, m);
  if (!n) return;
  if (n->kind == Node::Kind::Scalar) {
    std::string s = n->scalar;
    std::transform(s.begin(), s.end(), s.begin(), ::tolower);
    if (s == "true") {
      x = true;
      return;
    }
    if (s == "false") {
      x = false;
      return;
    }
  }
  error(*n, sub(key), "expected true or false, got " + shown(*n));
}

void Reader::text(const char* key, std::string& x, const Meta& m) {
  const Node* n = take(key, m);
  if (!n) return;
  if (n->kind != Node::Kind::Scalar) {
    error(*n, sub(key), std::string("expected text, got ") + n->kind_name());
    return;
  }
  x = n->scalar;
}

void Reader::names(const char* key, std::vector<std::string>& x, const Meta& m) {
  const Node* n = take(key, m);
  if (!n) return;
  if (n->kind != Node::Kind::Seq) {
    error(*n, sub(key), std::string("expected a list of names, got ") + n->kind_name());
    return;
  }
  x.clear();
  for (size_t i = 0; i < n->seq.size(); ++i) {
    const Node& item = n->seq[i];
    std::string p = sub(key) + "[" + std::to_string(i) + "]";
    locs_[p] = item.loc;
    if (item.kind != Node::Kind::Scalar || item.scalar.empty()) {
      error(item, p, "expected a name, got " + shown(item));
      continue;
    }
    x.push_back(item.scalar);
  }
}

void Reader::choice_index(const char* key, int& i, Names options, const Meta& m) {
  const Node* n = take(key, m);
  if (!n) return;
  std::vector<std::string> opts(options.begin(), options.end());
  std::string list;
  for (const auto& o : opts) list += (list.empty() ? "" : ", ") + o;
  int k = n->kind == Node::Kind::Scalar ? index_of(options, n->scalar) : -1;
  if (k < 0) {
    std::string msg = "expected one of " + list + ", got " + shown(*n);
    if (n->kind == Node::Kind::Scalar) {
      std::string guess = did_you_mean(n->scalar, opts);
      if (!guess.empty()) msg += " (did you mean '" + guess + "'?)";
    }
    error(*n, sub(key), msg);
    return;
  }
  i = k;
}

bool Reader::expect_map(const Node& n, const char* key) {
  return expect_map_at(n, sub(key));
}

bool Reader::expect_map_at(const Node& n, const std::string& path) {
  if (n.kind == Node::Kind::Map || n.kind == Node::Kind::Null) return true;
  error(n, path, std::string("expected a mapping of keys, got ") + n.kind_name());
  return false;
}

bool Reader::expect_seq(const Node& n, const char* key, const Meta& m) {
  if (n.kind != Node::Kind::Seq) {
    error(n, sub(key), std::string("expected a list, got ") + n.kind_name());
    return false;
  }
  if (static_cast<double>(n.seq.size()) < m.min) {
    error(n, sub(key),
          "needs at least " + format_number(m.min) + (m.min == 1 ? " entry" : " entries") + ", got " +
              std::to_string(n.seq.size()));
    return false;
  }
  if (static_cast<double>(n.seq.size()) > m.max) {
    error(n, sub(key), "takes at most " + format_number(m.max) + " entries, got " + std::to_string(n.seq.size()));
    return false;
  }
  return true;
}

void Reader::timeline(const char* key, Timeline& x, const Meta& m) {
  const Node* n = take(key, m);
  if (!n) return;
  if (n->kind == Node::Kind::Null) return;
  if (!expect_seq(*n, key, m)) return;
  std::vector<std::string> kinds;
  for (const auto& k : event_kinds()) kinds.push_back(k.name);
  std::string list;
  for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
  x.clear();
  std::vector<std::shared_ptr<Event>> evs;
  for (size_t i = 0; i < n->seq.size(); ++i) {
    const Node& item = n->seq[i];
    std::string p = sub(key) + "[" + std::to_string(i) + "]";
    if (!expect_map_at(item, p)) continue;
    const Entry* kind = item.find("kind");
    if (!kind) {
      error(item, p + ".kind", "missing required key (the event kind: one of " + list + ")");
      continue;
    }
    const EventKind* ek = kind->value.kind == Node::Kind::Scalar ? find_event_kind(kind->value.scalar) : nullptr;
    if (!ek) {
      std::string msg = "unknown event kind " + shown(kind->value) + "; valid kinds: " + list;
      std::string guess = did_you_mean(kind->value.scalar, kinds);
      if (!guess.empty())
        msg = "unknown event kind " + shown(kind->value) + " (did you mean '" + guess + "'?); valid kinds: " + list;
      error(kind->value, p + ".kind", msg);
      continue;
    }
    auto ev = ek->make();
    ev->path = p;
    enter(&item, p);
    frames_.back().known.emplace_back("kind");
    FieldVisitorOf<Reader> visitor(*this);
    ev->visit(visitor);
    leave();
    evs.push_back(std::move(ev));
  }
  std::stable_sort(evs.begin(), evs.end(), [](const auto& a, const auto& b) { return a->week < b->week; });
  for (auto& e : evs) x.push_back(std::move(e));
}

}  // namespace tribune::scenario
