#pragma once
// After a general election: the race's winners replace its officeholders (M20), each with the
// shares of its winning coalition's relationships held by the organization, the candidate and
// the establishment, taken from what its campaign received (M19 -> M22).
#include <array>
#include <utility>
#include <vector>

#include "world/politics.h"

namespace tribune {

struct World;
struct Context;

// Week 0: the scenario's officeholders, then, for offices `seated_at_start`, an establishment-
// origin officeholder in every seat still empty, of the party most of the constituency's
// residents identify with (M20's identification, drawn in its init). Each serves until its
// office's first election.
void seat_at_start(World& w, const std::vector<OfficeholderSpec>& specs);

// winners: (candidate index, seats won).
void seat(World& w, int race, const std::vector<std::pair<int, int>>& winners, const Context& c);

// The holders' shares of a campaign's effect on the vote: hours through contact, money through
// media, endorsements through the members who follow them, each weighted by its vote weight.
std::array<double, kHolders> held_shares(const Candidate& k, const VoteWeights& v, double electorate);

}  // namespace tribune
