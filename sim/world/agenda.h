#pragma once
// The reforms on the agenda (`agenda:` in the scenario, M26): what each costs capital, who gains,
// where it is decided.
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.h"

namespace tribune {

struct ReformSpec {
  std::string name;
  double depth = 0.2;
  double cut = -0.2;
  std::vector<std::string> beneficiaries;
  std::string legislature;
  std::string executive;
  // Resolved by the scenario loader.
  uint8_t class_mask = 0b111;
  int legislature_office = -1, executive_office = -1;

  template <class V>
  void fields(V& v) {
    v.text("name", name,
           {.doc = "reform name (free childcare, housing, transit, taxing the rich, 004)", .required = true});
    v.num("depth", depth,
          {.doc = "cost to capital, in units of its tolerance budget; also how much it lowers beneficiaries' grievance",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 10});
    v.num("cut", cut,
          {.doc = "legislators (and executives) left of this position support it sincerely",
           .unit = "ideology",
           .source = "assumption",
           .min = -1,
           .max = 1});
    v.names("beneficiaries", beneficiaries, {.doc = "classes it benefits (worker, professional, owner); empty: all"});
    v.text("legislature", legislature, {.doc = "office whose officeholders vote on it", .required = true});
    v.text("executive", executive, {.doc = "office that may veto it ('' for none)"});
  }
};

}  // namespace tribune
