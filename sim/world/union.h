#pragma once
// Unions as declared in the scenario (`unions:`), each covering some sectors. Sectors that no
// declared union covers get one of their own, named after the sector, so every unionized
// workplace belongs to a union. Their running state is World::unions.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.h"

namespace tribune {

enum class Leadership { business, left };
inline constexpr const char* kLeadershipNames[] = {"business", "left"};

struct UnionSpec {
  std::string name;
  std::vector<std::string> sectors;
  Leadership leadership = Leadership::business;
  double treasury_per_member = 300;
  int64_t contract_weeks = 156;

  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "union name", .required = true});
    v.names("sectors", sectors, {.doc = "sectors whose unionized workplaces this union represents", .required = true});
    v.choice("leadership", leadership, kLeadershipNames, {.doc = "who leads the union at the start"});
    v.num("treasury_per_member", treasury_per_member,
          {.doc = "strike fund and treasury at the start, per member",
           .unit = "dollars",
           .source = "assumption",
           .min = 0,
           .max = 1e6});
    v.integer("contract_weeks", contract_weeks,
              {.doc = "length of a contract; expiries are staggered",
               .unit = "weeks",
               .source = "assumption (three-year contracts are common)",
               .min = 4,
               .max = 1000});
  }
};

}  // namespace tribune
