#pragma once
// Timeline events (M32). Each kind is one file in sim/model/events/: a struct deriving from
// EventOf<Self> with its fields() declaration, resolve() and apply(), registered in one line
// with TRIBUNE_REGISTER_EVENT. Nothing else in the code base lists the kinds. The scenario
// visitors (reader, writer, schema) reach a kind's fields() through core/fields.h's
// FieldVisitor, so this layer knows nothing of YAML.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/fields.h"

namespace tribune {

struct World;

// The names a scenario declares, which events refer to.
struct DeclaredNames {
  std::vector<std::string> districts, organizations, unions, sectors;
};

// What an event needs to turn names into indices, and to report a dangling reference.
struct ResolveContext {
  const DeclaredNames& names;
  // Where problems go, with the key path below `path` and a message; empty: nowhere.
  std::function<void(const std::string& path, const std::string& message)> report;
  std::string path;  // "timeline[3]"
  // Report a problem at `key` below this event ("timeline[3].key").
  void error(const std::string& key, const std::string& message) const;
  // Indices of `names` among the scenario's districts; reports unknown names. Empty list: all.
  std::vector<int> districts(const std::vector<std::string>& names, const char* key) const;
  // Index of the organization named `name`, reporting a dangling name; -1 when empty or unknown.
  int organization(const std::string& name, const char* key) const;
  // Index of the declared union named `name`, reporting a dangling name at `key`; -1 if unknown.
  int union_named(const std::string& name, const std::string& key) const;
};

struct Event {
  int64_t week = 0;
  std::string name;  // optional: addresses the event in --set and sweeps (timeline.NAME.key)
  std::string path;  // where it was declared ("timeline[3]"), for locating errors
  virtual ~Event() = default;
  virtual const char* kind() const = 0;
  virtual void visit(FieldVisitor& v) = 0;  // `week`, `name` and the kind's own fields
  virtual void resolve(const ResolveContext&) {}
  virtual void apply(World& w, int64_t tick) const = 0;
  virtual std::string detail() const = 0;         // one line for the events table
  virtual double magnitude() const { return 0; }  // the headline number, for the events table
  virtual std::unique_ptr<Event> clone() const = 0;
};

void declare_week(FieldVisitor& v, int64_t& week, std::string& name);

template <class Self>
struct EventOf : Event {
  void visit(FieldVisitor& v) override {
    declare_week(v, week, name);
    static_cast<Self*>(this)->fields(v);
  }
  std::unique_ptr<Event> clone() const override { return std::make_unique<Self>(static_cast<const Self&>(*this)); }
  const char* kind() const override { return Self::kKind; }
};

struct EventKind {
  const char* name;
  const char* doc;
  std::function<std::unique_ptr<Event>()> make;
};

const std::vector<EventKind>& event_kinds();
const EventKind* find_event_kind(const std::string& name);
bool register_event_kind(EventKind kind);

// The scenario's events, sorted by week (stable: same-week events keep their file order).
using Timeline = std::vector<std::shared_ptr<const Event>>;

#define TRIBUNE_REGISTER_EVENT(Type, doc)                        \
  [[maybe_unused]] static const bool tribune_registered_##Type = \
      ::tribune::register_event_kind({Type::kKind, doc, [] { return std::unique_ptr<::tribune::Event>(new Type()); }})

}  // namespace tribune
