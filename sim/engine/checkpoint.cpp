// A simulation's state as bytes and back (see Simulation::save_state).
#include "engine/simulation.h"
#include "engine/state_archive.h"

namespace tribune {

namespace {
// "TBSTATE2", little-endian. TBSTATE1 also held the network, which a resume now builds again.
constexpr uint64_t kStateMagic = 0x3245544154534254ull;

// What a state must agree on with the simulation it is restored into (the checkpoint file also
// keeps the resolved scenario, from which a resume builds that simulation).
std::vector<int64_t> fit(const Scenario& s, const World& w) {
  return {s.seed,
          s.replicate,
          s.horizon_weeks,
          w.size(),
          static_cast<int64_t>(w.districts.size()),
          static_cast<int64_t>(w.orgs.size()),
          static_cast<int64_t>(w.unions.size()),
          static_cast<int64_t>(w.politics.parties.size()),
          static_cast<int64_t>(w.politics.office_specs.size()),
          w.network.nbr.size()};
}
}  // namespace

std::string Simulation::save_state() const {
  std::string bytes;
  save_state([&bytes](const char* p, size_t n) { bytes.append(p, n); });
  return bytes;
}

void Simulation::save_state(const std::function<void(const char*, size_t)>& sink) const {
  StateOut out(sink);
  uint64_t magic = kStateMagic;
  std::vector<int64_t> sizes = fit(scenario_, world_);
  out(magic, sizes, const_cast<World&>(world_), const_cast<Recorder&>(recorder_));
}

void Simulation::restore_state(std::string_view bytes) {
  StateIn in(bytes);
  uint64_t magic = 0;
  in(magic);
  if (magic != kStateMagic) throw std::runtime_error("not a tribune state (the checkpoint's bytes are damaged)");
  std::vector<int64_t> sizes;
  in(sizes);
  if (sizes != fit(scenario_, world_))
    throw std::runtime_error("the checkpoint is of another scenario (its seed, sizes or horizon differ)");
  in(world_, recorder_);
  if (!in.done()) throw std::runtime_error("the checkpoint's state has bytes left over: it is of another scenario");
}

}  // namespace tribune
