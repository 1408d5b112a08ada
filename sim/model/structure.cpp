// M11 structure: each week, every organization's structure sets its meeting hours, ownership and
// culture gap (World::orgs[o].structure), which M5 and M6 read.
#include "model/structure.h"

#include "core/context.h"
#include "core/world.h"

namespace tribune {

void init(World& w, const StructureParams&, const Context&) {
  for (auto& o : w.orgs) o.structure = StructureEffects{};
}

void step(World& w, const StructureParams& p, const Context&) {
  for (auto& o : w.orgs) {
    const StructureValues& v = o.spec.structure == Structure::deliberative ? p.deliberative : p.gaseous;
    o.structure = StructureEffects{v.meeting_hours, v.ownership, v.culture_gap};
  }
}

}  // namespace tribune
