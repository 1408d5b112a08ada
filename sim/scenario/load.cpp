#include "scenario/load.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "scenario/reader.h"
#include "scenario/schema.h"
#include "scenario/writer.h"
#include "world/world.h"

namespace tribune {

using scenario::Node;

// Duplicate names in a list, found with a hash set (the lists can be long: 65,535 districts).
template <class T, class Name>
static void check_unique(const std::vector<T>& xs, Name name, const std::string& list, const char* what,
                         scenario::Reader& r) {
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < xs.size(); ++i)
    if (!seen.emplace(name(xs[i]), i).second)
      r.error_at(list + "[" + std::to_string(i) + "].name", std::string("duplicate ") + what + " name '" + name(xs[i]) + "'");
}

// "a, b, c" of the names (the first 20, then how many in all), or `none`.
template <class T>
static std::string names_of(const std::vector<T>& xs, const char* none = "none declared") {
  std::string out;
  for (size_t i = 0; i < xs.size() && i < 20; ++i) out += (out.empty() ? "" : ", ") + xs[i].name;
  if (xs.size() > 20) out += ", ... (" + std::to_string(xs.size()) + " in all)";
  return out.empty() ? std::string(none) : out;
}

// Index by name of a list's entries (the first of each name).
template <class T>
static std::unordered_map<std::string, int> index_by_name(const std::vector<T>& xs) {
  std::unordered_map<std::string, int> m;
  for (size_t i = 0; i < xs.size(); ++i) m.emplace(xs[i].name, static_cast<int>(i));
  return m;
}

static int lookup(const std::unordered_map<std::string, int>& m, const std::string& name) {
  auto it = m.find(name);
  return it == m.end() ? -1 : it->second;
}

// Parties, offices and the agenda: unique names, one establishment party, offices named by the
// agenda exist and are of the right kind.
static void check_politics(Scenario& s, scenario::Reader& r) {
  int establishment = 0;
  auto name = [](const auto& x) -> const std::string& { return x.name; };
  check_unique(s.parties, name, "parties", "party", r);
  for (size_t i = 0; i < s.parties.size(); ++i) {
    if (s.parties[i].name == "independent")
      r.error_at("parties[" + std::to_string(i) + "].name",
                 "'independent' names the line of candidates without a party");
    if (s.parties[i].establishment && ++establishment > 1)
      r.error_at("parties[" + std::to_string(i) + "].establishment", "only one party can be the establishment");
  }
  check_unique(s.offices, name, "offices", "office", r);
  const auto offices = index_by_name(s.offices);
  auto office = [&](const std::string& n) { return lookup(offices, n); };
  const std::string valid = names_of(s.offices);
  for (size_t i = 0; i < s.agenda.size(); ++i) {
    ReformSpec& a = s.agenda[i];
    const std::string at = "agenda[" + std::to_string(i) + "]";
    a.legislature_office = office(a.legislature);
    if (a.legislature_office < 0)
      r.error_at(at + ".legislature", "no office named '" + a.legislature + "'; offices: " + valid);
    if (!a.executive.empty()) {
      a.executive_office = office(a.executive);
      if (a.executive_office < 0) {
        r.error_at(at + ".executive", "no office named '" + a.executive + "'; offices: " + valid);
      } else {
        const auto level = s.offices[static_cast<size_t>(a.executive_office)].level;
        if (level != OfficeLevel::mayor && level != OfficeLevel::governor)
          r.error_at(at + ".executive", "office '" + a.executive + "' is not an executive (mayor or governor)");
      }
    }
    if (!a.beneficiaries.empty()) a.class_mask = 0;
    for (size_t k = 0; k < a.beneficiaries.size(); ++k) {
      int c = -1;
      for (int j = 0; j < kClasses; ++j)
        if (a.beneficiaries[k] == kClassNames[j]) c = j;
      if (c < 0)
        r.error_at(at + ".beneficiaries[" + std::to_string(k) + "]",
                   "no class named '" + a.beneficiaries[k] + "'; classes: worker, professional, owner");
      else
        a.class_mask |= static_cast<uint8_t>(1u << c);
    }
  }
}

// Officeholders seated at week 0: references resolved, defaults filled in (so that the resolved
// scenario states them), one per seat.
static void check_officeholders(Scenario& s, scenario::Reader& r) {
  int establishment = -1;
  for (size_t q = 0; q < s.parties.size(); ++q)
    if (s.parties[q].establishment) establishment = static_cast<int>(q);
  const auto offices = index_by_name(s.offices), districts = index_by_name(s.world.districts),
             orgs = index_by_name(s.organizations), parties = index_by_name(s.parties);
  const std::string office_names = names_of(s.offices), district_names = names_of(s.world.districts),
                    org_names = names_of(s.organizations), party_names = names_of(s.parties);
  std::map<std::pair<int, int>, int> seated;  // officeholders so far per (office, district)
  for (size_t i = 0; i < s.officeholders.size(); ++i) {
    OfficeholderSpec& h = s.officeholders[i];
    const std::string at = "officeholders[" + std::to_string(i) + "]";
    h.office_id = lookup(offices, h.office);
    if (h.office_id < 0) {
      r.error_at(at + ".office", "no office named '" + h.office + "'; offices: " + names_of(s.offices));
      continue;
    }
    const OfficeSpec& office = s.offices[static_cast<size_t>(h.office_id)];
    if (office.constituency == Constituency::at_large) {
      if (!h.district.empty())
        r.error_at(at + ".district", "office '" + office.name + "' is elected at large: leave district out");
    } else {
      h.district_id = lookup(districts, h.district);
      if (h.district_id < 0)
        r.error_at(at + ".district",
                   (h.district.empty() ? std::string("missing: office '") + office.name + "' is elected per district"
                                       : "no district named '" + h.district + "'") +
                       "; districts: " + district_names);
    }
    if (!h.organization.empty()) {
      h.org_id = lookup(orgs, h.organization);
      if (h.org_id < 0)
        r.error_at(at + ".organization",
                   "no organization named '" + h.organization + "'; organizations: " + names_of(s.organizations));
    } else if (h.origin != Origin::establishment) {
      r.error_at(at + ".organization", std::string("an officeholder of origin ") +
                                           kOriginNames[static_cast<int>(h.origin)] + " needs its organization");
    }
    if (h.party == "independent") {
      h.party_id = -1;
    } else if (h.party.empty()) {
      h.party_id = establishment;
    } else {
      h.party_id = lookup(parties, h.party);
      if (h.party_id < 0)
        r.error_at(at + ".party",
                   "no party named '" + h.party + "'; parties: " + names_of(s.parties) + ", or independent");
    }
    if (std::isnan(h.platform))
      h.platform = h.org_id >= 0     ? s.organizations[static_cast<size_t>(h.org_id)].platform
                   : h.party_id >= 0 ? s.parties[static_cast<size_t>(h.party_id)].position
                                     : 0.0;
    if (std::isnan(h.position)) h.position = h.platform;
    if (h.name.empty())
      h.name = office.name + "/" + (h.district_id >= 0 ? h.district : std::string("city")) + "/" +
               (h.org_id >= 0     ? h.organization
                : h.party_id >= 0 ? s.parties[static_cast<size_t>(h.party_id)].name
                                  : std::string("independent")) +
               "/seated";
    if (seated[{h.office_id, h.district_id}]++ >= office.seats)
      r.error_at(at + ".office",
                 "more officeholders for this seat than it has seats (" + std::to_string(office.seats) + ")");
  }
}

static void check_references(Scenario& s, scenario::Reader& r) {
  auto name = [](const auto& x) -> const std::string& { return x.name; };
  const auto& ds = s.world.districts;
  check_unique(ds, name, "world.districts", "district", r);
  const auto& ss = s.world.workplaces.sectors;
  check_unique(ss, name, "world.workplaces.sectors", "sector", r);
  const auto& os = s.organizations;
  check_unique(os, name, "organizations", "organization", r);
  const auto& us = s.unions;
  check_unique(us, name, "unions", "union", r);
  const auto sectors = index_by_name(ss);
  const std::string sector_names = names_of(ss);
  std::unordered_set<std::string> covered;
  for (size_t i = 0; i < us.size(); ++i) {
    const std::string at = "unions[" + std::to_string(i) + "]";
    for (size_t k = 0; k < us[i].sectors.size(); ++k) {
      const std::string& sector = us[i].sectors[k];
      const std::string where = at + ".sectors[" + std::to_string(k) + "]";
      if (lookup(sectors, sector) < 0)
        r.error_at(where, "no sector named '" + sector + "'; sectors: " + sector_names);
      else if (!covered.insert(sector).second)
        r.error_at(where, "sector '" + sector + "' already belongs to another union");
    }
  }
  check_politics(s, r);
  check_officeholders(s, r);
  const auto& edits = s.mechanisms.mobilization.threshold_edits;
  for (size_t i = 0; i < edits.size(); ++i)
    if (edits[i].person >= s.world.persons)
      r.error_at("mechanisms.mobilization.threshold_edits[" + std::to_string(i) + "].person",
                 "person " + std::to_string(edits[i].person) + " does not exist (world.persons is " +
                     std::to_string(s.world.persons) + ")");
  if (static_cast<int64_t>(ds.size()) > s.world.persons) r.error_at("world.persons", "fewer persons than districts");
  DeclaredNames names;
  for (const auto& d : ds) names.districts.push_back(d.name);
  for (const auto& o : os) names.organizations.push_back(o.name);
  for (const auto& u : us) names.unions.push_back(u.name);
  for (const auto& sec : ss) names.sectors.push_back(sec.name);
  auto report = [&r](const std::string& path, const std::string& message) { r.error_at(path, message); };
  const auto& events = s.mechanisms.timeline.events;
  std::unordered_map<std::string, size_t> event_names;
  for (size_t i = 0; i < events.size(); ++i)
    if (!events[i]->name.empty())
      if (auto [it, fresh] = event_names.emplace(events[i]->name, i); !fresh)
        r.error_at(events[i]->path + ".name",
                   "duplicate event name '" + events[i]->name + "' (also " + events[it->second]->path + ")");
  for (const auto& ev : s.mechanisms.timeline.events) {
    if (ev->week >= s.horizon_weeks)
      r.warn_at(ev->path + ".week", "week " + std::to_string(ev->week) + " is past the horizon (" +
                                        std::to_string(s.horizon_weeks) + " weeks); this event will not happen");
    // resolve() turns names into indices; the event objects are ours until the scenario is returned.
    const_cast<Event&>(*ev).resolve(ResolveContext{names, report, ev->path});
  }
}

static Scenario from_tree(const Node& root, const LoadOptions& opts) {
  Scenario s;
  scenario::Reader r(root);
  r.read_root(s);
  if (r.diagnostics().empty()) check_references(s, r);
  r.throw_if_errors();
  if (opts.warnings) *opts.warnings = r.warnings();
  return s;
}

static void apply(Node& root, const LoadOptions& opts) {
  for (size_t i = 0; i < opts.overrides.size(); ++i)
    scenario::apply_override(root, opts.overrides[i], static_cast<int>(i) + 1);
}

Scenario load_scenario(const std::string& path, const LoadOptions& opts) {
  Node root = scenario::load_file(path);
  apply(root, opts);
  return from_tree(root, opts);
}

Scenario load_scenario_text(const std::string& text, const std::string& name, const LoadOptions& opts) {
  Node root = scenario::parse_yaml(text, name);
  if (root.kind == Node::Kind::Null) root.kind = Node::Kind::Map;
  apply(root, opts);
  return from_tree(root, opts);
}

Scenario load_scenario_tree(scenario::Node root, const LoadOptions& opts) {
  if (root.kind == Node::Kind::Null) root.kind = Node::Kind::Map;
  apply(root, opts);
  return from_tree(root, opts);
}

std::string resolved_yaml(const Scenario& s) {
  Scenario copy = s;  // the writer visits non-const fields; it only reads them
  return scenario::Writer().write_root(copy);
}

static scenario::SchemaNode schema_tree() {
  return scenario::SchemaGen::of<Scenario>(
      "A tribune scenario: the world, the mechanisms and their parameters, "
      "the timeline of events, and what to record.");
}

std::string scenario_json_schema() {
  return scenario::to_json_schema(schema_tree(), "tribune scenario", true);
}
std::string scenario_reference_markdown() {
  return scenario::to_markdown(schema_tree(), "Scenario reference");
}

std::string parameter_unit(const std::string& path) {
  static const scenario::SchemaNode root = schema_tree();
  const scenario::SchemaNode* at = &root;
  size_t from = 0;
  bool in_list = false;  // the last step entered a list: the next segment names an entry
  while (from <= path.size()) {
    const size_t dot = path.find('.', from);
    const std::string seg = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
    from = dot == std::string::npos ? path.size() + 1 : dot + 1;
    if (in_list) {  // an entry (by name, index or event kind): its fields are the list's children
      in_list = false;
      if (at->type == "timeline") {
        const scenario::SchemaNode* kind = nullptr;
        for (const auto& v : at->variants)
          if (v.key == seg) kind = &v;
        if (!kind) return "";  // an event named by its `name`: its kind is not known here
        at = kind;
      }
      continue;
    }
    const scenario::SchemaNode* next = nullptr;
    for (const auto& c : at->children)
      if (c.key == seg) next = &c;
    if (!next) return "";
    at = next;
    in_list = at->type == "list" || at->type == "timeline";
  }
  return at->meta.unit ? std::string(at->meta.unit) : std::string();
}

}  // namespace tribune
