#pragma once
// M1 population: persons, districts, classes, college, workplaces with heavy-tailed sizes and
// sectors, union coverage at a target density, and a small-world social network (CSR, persons
// ordered by district). This is the world itself, so it has no `enabled` switch.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.h"
#include "core/format.h"
#include "world/by_class.h"

namespace tribune {

struct World;
class Pool;
class Streams;

struct DistrictSpec {
  std::string name;
  double weight = 1;
  double ideology_shift = 0;
  double hope_shift = 0;
  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "district name, used by events to target it", .required = true});
    v.num("weight", weight, {.doc = "relative population", .unit = "1", .source = "scenario", .min = 1e-9});
    v.num("ideology_shift", ideology_shift,
          {.doc = "added to the initial ideology of residents (partisan lean; negative is left)",
           .unit = "ideology",
           .source = "assumption",
           .min = -1,
           .max = 1});
    v.num("hope_shift", hope_shift,
          {.doc = "added to residents' hope baseline", .unit = "hope", .source = "assumption", .min = -1, .max = 1});
  }
};

struct SectorSpec {
  std::string name;
  double share = 1;
  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "sector name", .required = true});
    v.num("share", share, {.doc = "relative share of workplaces", .unit = "1", .source = "assumption", .min = 1e-9});
  }
};

struct WorkplaceParams {
  double employment_rate = 0.75;
  double size_min = 2;
  double size_max = 5000;
  double size_exponent = 2.06;
  double resistance_mean = 0.25;
  std::vector<SectorSpec> sectors = {{"health_education", 0.23},
                                     {"trade_transport", 0.20},
                                     {"professional_business", 0.15},
                                     {"public", 0.15},
                                     {"manufacturing", 0.09},
                                     {"hospitality", 0.10},
                                     {"other", 0.08}};
  template <class V>
  void fields(V& v) {
    v.num("employment_rate", employment_rate,
          {.doc = "share of workers and professionals who are employed (owners are not employees)",
           .unit = "1",
           .source = "assumption; US employment-population ratio about 0.6 of all adults (BLS)",
           .min = 0,
           .max = 1});
    v.num("size_min", size_min, {.doc = "smallest workplace", .unit = "persons", .source = "assumption", .min = 1});
    v.num("size_max", size_max, {.doc = "largest workplace", .unit = "persons", .source = "assumption", .min = 1});
    v.num("size_exponent", size_exponent,
          {.doc = "power-law exponent of the workplace size density p(s) ~ s^-a",
           .unit = "1",
           .source = "Axtell 2001, Science 293:1818 (US firm sizes, CCDF exponent 1.06)",
           .min = 1.01,
           .max = 10});
    v.num("resistance_mean", resistance_mean,
          {.doc = "mean employer resistance to unions; each workplace's is uniform on [0, 2 x mean]",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 0.5});
    v.list("sectors", sectors, {.doc = "sectors and their shares of workplaces", .min = 1, .max = 250});
    v.check(size_max >= size_min, "size_max", [] { return std::string("must be >= size_min"); });
  }
};

struct UnionParams {
  double density = 0.10;
  double member_share_covered = 0.9;
  double size_elasticity = 0.3;
  template <class V>
  void fields(V& v) {
    v.num("density", density,
          {.doc = "target share of employees who are union members",
           .unit = "1",
           .source = "BLS 2023: 10.0% of wage and salary workers",
           .min = 0,
           .max = 1});
    v.num("member_share_covered", member_share_covered,
          {.doc = "share of employees at a union workplace who are members",
           .unit = "1",
           .source = "BLS 2023: 10.0% members of 11.1% represented",
           .min = 1e-6,
           .max = 1});
    v.num("size_elasticity", size_elasticity,
          {.doc = "how much likelier large workplaces are to be unionized: p ~ size^e",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 2});
    v.check(density <= member_share_covered, "density",
            [] { return std::string("cannot exceed member_share_covered (every workplace would be unionized)"); });
  }
};

struct NetworkParams {
  double mean_degree = 16;
  double workplace_share = 0.3;
  double long_range_share = 0.1;
  double rewire = 0.1;
  template <class V>
  void fields(V& v) {
    v.num("mean_degree", mean_degree,
          {.doc = "mean number of social ties per person",
           .unit = "ties",
           .source = "assumption (MODEL.md: 10-20)",
           .min = 0,
           .max = 200});
    v.num("workplace_share", workplace_share,
          {.doc = "share of ties made with co-workers (others fall to the neighbourhood)",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num(
        "long_range_share", long_range_share,
        {.doc = "share of ties made with anyone in the city", .unit = "1", .source = "assumption", .min = 0, .max = 1});
    v.num("rewire", rewire,
          {.doc = "chance a neighbourhood tie goes to a random resident of the district instead",
           .unit = "1",
           .source = "Watts & Strogatz 1998",
           .min = 0,
           .max = 1});
    v.check(workplace_share + long_range_share <= 1, "long_range_share",
            [] { return std::string("workplace_share + long_range_share must be <= 1"); });
  }
};

struct WorldParams {
  int64_t persons = 0;
  std::vector<DistrictSpec> districts;
  ByClass class_shares{0.62, 0.30, 0.08};
  ByClass college_share{0.25, 0.75, 0.45};
  WorkplaceParams workplaces;
  UnionParams unions;
  NetworkParams network;
  double legitimacy = 0.5;

  template <class V>
  void fields(V& v) {
    v.integer("persons", persons,
              {.doc = "number of persons", .unit = "persons", .min = 10, .max = 2e9, .required = true});
    v.list("districts", districts, {.doc = "districts (at least one)", .min = 1, .max = 65535, .required = true});
    v.object("class_shares", class_shares,
             {.doc = "share of persons in each class",
              .unit = "1",
              .source = "Zweig 2012, The Working Class Majority (about 62% working class); split of the rest assumed",
              .min = 0,
              .max = 1});
    v.object("college_share", college_share,
             {.doc = "share with a college degree, by class",
              .unit = "1",
              .source = "assumption; about 38% of US adults 25+ (Census 2022)",
              .min = 0,
              .max = 1});
    v.object("workplaces", workplaces, {.doc = "workplaces and sectors (M1)"});
    v.object("unions", unions, {.doc = "union coverage at the start (M1)"});
    v.object("network", network, {.doc = "social ties (M1)"});
    v.num("legitimacy", legitimacy,
          {.doc = "the state's initial legitimacy", .unit = "[0, 1]", .source = "assumption", .min = 0, .max = 1});
    double total = class_shares.worker + class_shares.professional + class_shares.owner;
    v.check(std::abs(total - 1) < 1e-9, "class_shares",
            [total] { return "shares must sum to 1, got " + format_number(total); });
  }
};

// Build persons, districts, workplaces, unions and the network. Other mechanisms' init() set
// their own columns afterwards.
void build_population(World& w, const WorldParams& p, const Streams& rng, const Pool& pool);

}  // namespace tribune
