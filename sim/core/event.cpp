#include "core/event.h"

#include "scenario/reader.h"
#include "scenario/schema.h"
#include "scenario/writer.h"

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

static const scenario::Meta kWeek{
    .doc = "week the event happens (0 is the first tick)", .unit = "weeks", .min = 0, .required = true};
void declare_week(scenario::Reader& v, int64_t& week) {
  v.integer("week", week, kWeek);
}
void declare_week(scenario::Writer& v, int64_t& week) {
  v.integer("week", week, kWeek);
}
void declare_week(scenario::SchemaGen& v, int64_t& week) {
  v.integer("week", week, kWeek);
}

}  // namespace tribune
