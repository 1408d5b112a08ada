#pragma once
// M20 counting: how votes become seats under each electoral rule. Pure functions on vote counts
// and ballots, so they can be tested on hand-made profiles. Ties are broken by the lower index
// (candidates are listed in a fixed order: incumbents first, then by line), which is
// deterministic; exact ties are rare with thousands of voters.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "world/offices.h"

namespace tribune {

// Index of the largest count (lowest index on ties); -1 when there are no candidates.
int plurality_winner(const std::vector<double>& votes);

// The two largest counts, in order (second is -1 with one candidate).
std::pair<int, int> top_two(const std::vector<double>& votes);

// Indices of the n largest counts (lowest index on ties), in index order; all of them when there
// are n or fewer.
std::vector<int> top_n(const std::vector<double>& votes, int n);

// A ballot: candidate indices in order of preference (may be truncated), and how many voters
// cast it.
struct Ballot {
  std::vector<int> ranking;
  double count = 1;
};

// Instant runoff: repeatedly drop the candidate with the fewest first preferences among those
// remaining until one has a majority of the continuing ballots. Returns the winner and fills
// `rounds` (if given) with the first-preference counts of each round.
int irv_winner(const std::vector<Ballot>& ballots, int candidates, std::vector<std::vector<double>>* rounds = nullptr);

// Seats per list by D'Hondt: each seat goes to the list with the largest votes / (seats won + 1).
std::vector<int> dhondt(const std::vector<double>& votes, int seats);

// Laakso-Taagepera effective number of parties: 1 / sum of squared shares.
double effective_number(const std::vector<double>& amounts);

}  // namespace tribune
