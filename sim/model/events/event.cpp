#include "model/events/event.h"

namespace tribune {

static std::vector<EventKind>& registry() {
  static std::vector<EventKind> kinds;
  return kinds;
}

const std::vector<EventKind>& event_kinds() {
  return registry();
}

const EventKind* find_event_kind(const std::string& name) {
  for (const auto& k : registry())
    if (name == k.name) return &k;
  return nullptr;
}

bool register_event_kind(EventKind kind) {
  auto& r = registry();
  auto it = r.begin();
  while (it != r.end() && std::string(it->name) < kind.name) ++it;  // sorted: stable order in docs
  r.insert(it, std::move(kind));
  return true;
}

static const Meta kWeek{
    .doc = "week the event happens (0 is the first tick)", .unit = "weeks", .min = 0, .required = true};
void declare_week(FieldVisitor& v, int64_t& week, std::string& name) {
  v.integer("week", week, kWeek);
  v.text("name", name,
         {.doc = "optional name of this event, to change it from --set or a sweep (timeline.NAME.key); an index "
                 "(timeline.0.key) or a kind that occurs once (timeline.KIND.key) also work"});
}

void ResolveContext::error(const std::string& key, const std::string& message) const {
  if (report) report(path + "." + key, message);
}

// "a, b, c", or `none` for an empty list.
static std::string listed(const std::vector<std::string>& names, const char* none) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? std::string(none) : out;
}

std::vector<int> ResolveContext::districts(const std::vector<std::string>& wanted, const char* key) const {
  std::vector<int> out;
  const auto& ds = names.districts;
  for (size_t i = 0; i < wanted.size(); ++i) {
    int found = -1;
    for (size_t d = 0; d < ds.size(); ++d)
      if (ds[d] == wanted[i]) found = static_cast<int>(d);
    if (found >= 0) {
      out.push_back(found);
      continue;
    }
    error(std::string(key) + "[" + std::to_string(i) + "]",
          "no district named '" + wanted[i] + "'; districts: " + listed(ds, ""));
  }
  return out;
}

int ResolveContext::organization(const std::string& name, const char* key) const {
  if (name.empty()) return -1;
  const auto& os = names.organizations;
  for (size_t o = 0; o < os.size(); ++o)
    if (os[o] == name) return static_cast<int>(o);
  error(key, "no organization named '" + name + "'; organizations: " + listed(os, "none declared"));
  return -1;
}

int ResolveContext::union_named(const std::string& name, const std::string& key) const {
  const auto& us = names.unions;
  for (size_t u = 0; u < us.size(); ++u)
    if (us[u] == name) return static_cast<int>(u);
  error(key, "no declared union named '" + name + "'; unions: " + listed(us, "none declared"));
  return -1;
}

}  // namespace tribune
