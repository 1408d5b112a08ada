#pragma once
// Casting and counting one race's votes (M20), and the polls candidates read (M17). The vote
// model is described in voting.h; its weights are World::politics.vote.
#include <vector>

namespace tribune {

struct World;
struct Context;
struct Race;

inline constexpr int kMaxCandidates = 16;

// A poll of a panel of `sample` residents of the race's constituency (the same residents with the
// same draws at every poll of a race), all counted as if they voted: each candidate's share and
// the mean ideology of those who pick it.
struct Poll {
  std::vector<double> share, supporters_ideology;
};
Poll poll(const World& w, int race, int sample, const Context& c);

// The establishment party's primary: the winner keeps the line, the others leave the ballot.
void hold_primary(World& w, int race, const Context& c);
// The general election (and a runoff or instant-runoff rounds): votes, results rows, seats.
void hold_general(World& w, int race, const Context& c);

}  // namespace tribune
