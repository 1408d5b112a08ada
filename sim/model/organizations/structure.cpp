// M11 structure: each week, every organization's structure sets its meeting hours, ownership and
// culture gap (World::orgs[o].structure), which M5 and M6 read.
#include "model/organizations/structure.h"

#include "core/context.h"
#include "world/world.h"

namespace tribune {

namespace {
void apply(World& w, const StructureParams& p) {
  for (auto& o : w.orgs) {
    const StructureValues& v = o.spec.structure == Structure::deliberative ? p.deliberative : p.gaseous;
    o.structure = StructureEffects{v.meeting_hours, v.ownership, v.culture_gap};
  }
}
}  // namespace

// In force from the start (M6 seeds each organization by who could stay in it), or, switched
// off, never: no meetings, ownership 1, no culture gap.
void init(World& w, const StructureParams& p, const Context&) {
  for (auto& o : w.orgs) o.structure = StructureEffects{};
  if (p.enabled) apply(w, p);
}

void step(World& w, const StructureParams& p, const Context&) {
  apply(w, p);
}

}  // namespace tribune
