// M20 counting rules.
#include "model/elections/counting.h"

#include <algorithm>

#include <utility>

using std::size_t;

namespace tribune {

int plurality_winner(const std::vector<double>& votes) {
  int best = -1;
  for (size_t k = 0; k < votes.size(); ++k)
    if (best < 0 || votes[k] > votes[static_cast<size_t>(best)]) best = static_cast<int>(k);
  return best;
}

std::vector<int> top_n(const std::vector<double>& votes, int n) {
  std::vector<int> order(votes.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return votes[static_cast<size_t>(a)] > votes[static_cast<size_t>(b)]; });
  if (n >= 0 && static_cast<size_t>(n) < order.size()) order.resize(static_cast<size_t>(n));
  std::sort(order.begin(), order.end());
  return order;
}

std::pair<int, int> top_two(const std::vector<double>& votes) {
  int a = -1, b = -1;
  for (size_t k = 0; k < votes.size(); ++k) {
    const int i = static_cast<int>(k);
    if (a < 0 || votes[k] > votes[static_cast<size_t>(a)]) {
      b = a;
      a = i;
    } else if (b < 0 || votes[k] > votes[static_cast<size_t>(b)]) {
      b = i;
    }
  }
  return {a, b};
}

int irv_winner(const std::vector<Ballot>& ballots, int candidates, std::vector<std::vector<double>>* rounds) {
  std::vector<char> in(static_cast<size_t>(candidates), 1);
  int remaining = candidates;
  while (remaining > 0) {
    std::vector<double> first(static_cast<size_t>(candidates), 0.0);
    double continuing = 0;
    for (const Ballot& b : ballots)
      for (int c : b.ranking)
        if (in[static_cast<size_t>(c)]) {
          first[static_cast<size_t>(c)] += b.count;
          continuing += b.count;
          break;
        }
    if (rounds) rounds->push_back(first);
    int lead = -1, last = -1;
    for (int c = 0; c < candidates; ++c) {
      if (!in[static_cast<size_t>(c)]) continue;
      if (lead < 0 || first[static_cast<size_t>(c)] > first[static_cast<size_t>(lead)]) lead = c;
      if (last < 0 || first[static_cast<size_t>(c)] < first[static_cast<size_t>(last)]) last = c;
    }
    if (remaining == 1 || first[static_cast<size_t>(lead)] * 2 > continuing) return lead;
    // Of the tied last, drop the highest index (lowest index wins ties, as in plurality).
    for (int c = candidates - 1; c >= 0; --c)
      if (in[static_cast<size_t>(c)] && first[static_cast<size_t>(c)] == first[static_cast<size_t>(last)]) {
        last = c;
        break;
      }
    in[static_cast<size_t>(last)] = 0;
    --remaining;
  }
  return -1;
}

std::vector<int> dhondt(const std::vector<double>& votes, int seats) {
  std::vector<int> won(votes.size(), 0);
  for (int s = 0; s < seats; ++s) {
    int best = -1;
    double best_q = 0;
    for (size_t k = 0; k < votes.size(); ++k) {
      const double q = votes[k] / (won[k] + 1);
      if (best < 0 || q > best_q) best = static_cast<int>(k), best_q = q;
    }
    if (best < 0) break;
    ++won[static_cast<size_t>(best)];
  }
  return won;
}

double effective_number(const std::vector<double>& amounts) {
  double total = 0, sq = 0;
  for (double a : amounts) total += a;
  if (total <= 0) return 0;
  for (double a : amounts) sq += (a / total) * (a / total);
  return 1.0 / sq;
}

}  // namespace tribune
