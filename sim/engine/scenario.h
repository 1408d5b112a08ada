#pragma once
// A validated, immutable scenario: everything a run needs, nothing about how it is run
// (threads live on the command line because they never change results). Built by the loader
// (scenario/load.h) from YAML; the engine never sees YAML.
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.h"
#include "engine/headlines.h"
#include "engine/mechanisms.h"
#include "model/society/population.h"
#include "world/agenda.h"
#include "world/offices.h"
#include "world/organization.h"
#include "world/politics.h"
#include "world/union.h"

namespace tribune {

struct EngineParams {
  int64_t chunk_size = 16384;
  bool compact_ties = true;
  template <class V>
  void fields(V& v) {
    v.flag("compact_ties", compact_ties,
           {.doc = "store each tie end in 3 bytes when the world has fewer than 2^24 persons (else 4); changes memory "
                   "and speed, never results"});
    v.integer("chunk_size", chunk_size,
              {.doc = "persons per parallel work item; a multiple of 1024; changes speed, never results",
               .unit = "persons",
               .min = 1024,
               .max = 1 << 26});
    v.check(chunk_size % 1024 == 0, "chunk_size", [] { return std::string("must be a multiple of 1024"); });
  }
};

struct OutputParams {
  int64_t snapshot_every = 0;
  template <class V>
  void fields(V& v) {
    v.integer("snapshot_every", snapshot_every,
              {.doc = "write per-person columns every this many ticks (0: never)", .unit = "ticks", .min = 0});
  }
};

struct Scenario {
  std::string name;
  std::string description;
  std::string success;  // the headline outcome the scenario's essay names as success
  int64_t seed = 1;
  int64_t replicate = 0;
  int64_t horizon_weeks = 0;
  EngineParams engine;
  WorldParams world;
  std::vector<OrgSpec> organizations;
  std::vector<UnionSpec> unions;
  std::vector<PartySpec> parties = {
      {"democratic", -0.15, Positioning::hunter, true, 0.33},
      {"republican", 0.35, Positioning::aggregator, false, 0.3},
  };
  std::vector<OfficeSpec> offices;
  std::vector<OfficeholderSpec> officeholders;
  std::vector<ReformSpec> agenda;
  Mechanisms mechanisms;
  OutputParams output;

  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "short name of the scenario", .required = true});
    v.text("description", description, {.doc = "what the scenario is for"});
    v.text("success", success,
           {.doc = "the headline outcome (docs/compare.md) that the scenario's essay names as success; `tribune "
                   "compare` marks it"});
    v.check(success.empty() || is_headline(success), "success",
            [] { return "not a headline outcome; one of: " + headline_names(); });
    v.integer("seed", seed, {.doc = "random seed (always recorded in the output)", .min = 0, .max = 9.0e15});
    v.integer("replicate", replicate,
              {.doc = "replicate number; a second key of every random stream", .min = 0, .max = 1e9});
    v.integer("horizon_weeks", horizon_weeks,
              {.doc = "ticks to run; a tick is one week", .unit = "weeks", .min = 1, .max = 100000, .required = true});
    v.object("engine", engine, {.doc = "how the engine splits work (never changes results)"});
    v.object("world", world, {.doc = "M1 population: who lives where, works where, and knows whom", .required = true});
    v.list("organizations", organizations,
           {.doc = "organizations: left membership organizations, liberal advocacy groups, campaigns, community groups",
            .max = 100});
    v.list(
        "unions", unions,
        {.doc = "unions and the sectors they represent; a sector no union names gets a union of its own", .max = 250});
    v.list("parties", parties,
           {.doc = "parties whose candidates run on their lines (default: democratic, the establishment, and "
                   "republican)",
            .max = 12});
    v.list("offices", offices, {.doc = "elected offices (M17); none: no elections", .max = 64});
    v.list("officeholders", officeholders,
           {.doc = "officeholders seated at week 0, each until its office's first election (scenarios about "
                   "governing start governed)",
            .max = 100000});
    v.list("agenda", agenda, {.doc = "reforms brought to a vote in order, one per session (M26)", .max = 1000});
    v.object("mechanisms", mechanisms, {.doc = "the model's mechanisms, each with its switch and parameters"});
    v.timeline("timeline", mechanisms.timeline.events, {.doc = "events at given weeks (M32)", .max = 10000});
    v.object("output", output, {.doc = "what is written besides the series"});
  }
};

}  // namespace tribune
