#pragma once
// Person state as columns, declared once. Allocation, snapshots and (later) checkpoints loop
// over this one list; nothing else names the columns one by one.
#include <cstdint>
#include <string>
#include <vector>

namespace tribune {

//  X(name, C++ type, unit, description, snapshot?)
#define TRIBUNE_PERSON_FIELDS(X)                                                                                     \
  X(district, uint16_t, "index", "district of residence (persons are stored ordered by district)", true)             \
  X(workplace, int32_t, "index", "workplace, or -1 when not employed", true)                                         \
  X(klass, uint8_t, "0 worker, 1 professional, 2 owner", "class", true)                                              \
  X(college, uint8_t, "bool", "college degree", true)                                                                \
  X(union_member, uint8_t, "bool", "union member", true)                                                             \
  X(ideology, float, "[-1, 1], -1 left", "ideology x (M4)", true)                                                    \
  X(anchor, float, "[-1, 1], -1 left", "ideology a person returns to: their initial one (M4 stubbornness)", false)   \
  X(hope, float, "[0, 1]", "hope h; 1 - h is resignation (M3)", true)                                                \
  X(grievance, float, "[0, 1]", "grievance g (M2)", true)                                                            \
  X(grievance_offset, float, "[-1, 1]", "idiosyncratic part of the grievance target (M2)", false)                    \
  X(outrage, float, "[0, 1]", "grievance from outrage (repression's backlash, police killings), fading (M2)", false) \
  X(hope_impulse, float, "[-1, 1]", "wins minus defeats experienced this tick, consumed by M3", false)               \
  X(org, int8_t, "index", "organization the person is engaged with, or -1 (M6)", true)                               \
  X(engagement, uint8_t, "0 none, 1 supporter, 2 volunteer, 3 member, 4 cadre", "engagement level (M6)", true)       \
  X(hours, float, "hours/week", "political hours available per week (M5)", true)                                     \
  X(given, float, "hours/week", "hours given this week to the organization's allocation (M5)", false)                \
  X(last_contact, int32_t, "tick", "last contact with an organizer, or -1 (M6)", false)                              \
  X(party, int8_t, "index", "party identified with (index into parties), or -1 (M20)", true)                         \
  X(party_strength, float, "[0, 1]", "strength of party identification (M20)", true)                                 \
  X(protesting, uint8_t, "bool", "protesting this week (M28)", true)                                                 \
  X(protest_ties, uint16_t, "persons", "ties protesting this week (kept by set_protesting, M28 and M29)", false)     \
  X(jailed_until, int32_t, "tick", "in jail until this week, or -1 (M29)", false)                                    \
  X(risk_aversion, float, "[0, 1]", "risk aversion (M28)", false)                                                    \
  X(threshold, float, "1", "protest threshold (M28)", false)                                                         \
  X(tiredness, uint8_t, "weeks", "weeks of protest not yet rested off (M28 fatigue)", false)                         \
  X(called, uint8_t, "1/255", "how much an organizer-in-chief's call in force moves the person, 0-255 (M25)", false) \
  X(protest_weeks, uint8_t, "weeks", "weeks protested in the district's current episode (M31)", false)               \
  X(stake, int8_t, "index", "organization whose campaign the person invests in, or -1 (M31)", false)                 \
  X(invested, float, "hours", "hours invested in that campaign since its last outcome (M31)", false)

struct FieldInfo {
  const char* name;
  const char* type;  // "uint8", "int32", "float32", ...
  const char* unit;
  const char* description;
  bool snapshot;
};

template <class T>
constexpr const char* type_name();
template <>
constexpr const char* type_name<uint8_t>() {
  return "uint8";
}
template <>
constexpr const char* type_name<int8_t>() {
  return "int8";
}
template <>
constexpr const char* type_name<uint16_t>() {
  return "uint16";
}
template <>
constexpr const char* type_name<int32_t>() {
  return "int32";
}
template <>
constexpr const char* type_name<float>() {
  return "float32";
}

struct Persons {
#define TRIBUNE_X(name, type, unit, desc, snap) std::vector<type> name;
  TRIBUNE_PERSON_FIELDS(TRIBUNE_X)
#undef TRIBUNE_X

  int64_t size() const {
    return static_cast<int64_t>(district.size());
  }

  void resize(int64_t n) {
    for_each_field([n](const FieldInfo&, auto& col) { col.assign(static_cast<size_t>(n), {}); });
  }

  // f(FieldInfo, std::vector<T>&) for every column, in declaration order.
  template <class F>
  void for_each_field(F&& f) {
    visit_fields(*this, f);
  }
  template <class F>
  void for_each_field(F&& f) const {
    visit_fields(*this, f);
  }

  template <class Archive>
  void state(Archive& ar) {
    for_each_field([&ar](const FieldInfo&, auto& col) { ar(col); });
  }

  size_t bytes() const {
    size_t b = 0;
    for_each_field([&b](const FieldInfo&, const auto& col) { b += col.capacity() * sizeof(col[0]); });
    return b;
  }

 private:
  template <class Self, class F>
  static void visit_fields(Self& self, F& f) {
#define TRIBUNE_X(name, type, unit, desc, snap) f(FieldInfo{#name, type_name<type>(), unit, desc, snap}, self.name);
    TRIBUNE_PERSON_FIELDS(TRIBUNE_X)
#undef TRIBUNE_X
  }
};

}  // namespace tribune
