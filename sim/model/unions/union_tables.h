#pragma once
// What the union mechanisms (M13-M16) share: building World::unions from the declarations, and
// tallies of workplaces and unions that several of them read.
#include <cmath>
#include <cstdint>
#include <vector>

#include "world/union.h"

namespace tribune {

struct World;

// Build World::unions from the declarations (and one per uncovered sector), point each unionized
// workplace at its union, and stagger contract expiries. Sector names must have been checked.
void setup_unions(World& w, const std::vector<UnionSpec>& specs);

class Pool;

// Per workplace: mean grievance and hope of its employees, and the share of them who are members
// or cadre of a left membership organization (rank-and-file organizers, 003).
struct WorkplaceMeans {
  std::vector<float> grievance, hope, left;
};
// One workplace's mean grievance and hope (what workplace_means gives it).
struct GrievanceHope {
  float grievance, hope;
};
GrievanceHope workplace_mean(const World& w, int64_t k);
// Computed for the workplaces `of` names only (the others get 0): M13 reads the unorganized ones,
// M14 the unionized ones. `left` is left empty unless asked for (M13 does not read it, and it
// costs two more scattered reads per employee).
enum class Unionized { any, yes, no };
enum class LeftShare { no, yes };
WorkplaceMeans workplace_means(const World& w, const Pool& pool, Unionized of = Unionized::any,
                               LeftShare left = LeftShare::yes);

// Organizations' union-support hours this week, shared equally among the drives and strikes under
// way (M5 gives the total).
double support_hours_per_fight(const World& w);

// The union that represents each sector (every sector has one after setup_unions).
std::vector<int> sector_unions(const World& w);

// True when person i is a member or cadre of a left membership organization (an organizer).
bool left_organizer(const World& w, int64_t i);

// Per union, over the workplaces of the sectors it represents: employees, union members, and
// union members who are left organizers.
struct UnionTally {
  std::vector<double> employees, members, organizers;
};
// Employees, members and left organizers among members, per union (counts, exact).
UnionTally tally_unions(const World& w, const Pool& pool);

inline double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

// Count each union's members into Union::members and push the count onto its history.
void count_union_members(World& w, const Pool& pool);

}  // namespace tribune
