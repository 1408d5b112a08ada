// Casting and counting one race's votes (M20). A voter's draws depend only on (tick, person,
// race, stage), so every count of the same stage sees the same voters make the same choices,
// whatever the thread count.
#include "model/elections/ballot.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/context.h"
#include "model/elections/counting.h"
#include "model/elections/seating.h"
#include "model/unions/union_tables.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Stage : uint32_t { kPrimary = 1, kGeneral = 2, kPoll = 3 };

// Gumbel(0, 1) quantiles at the midpoints of 2^16 equal-probability bins: a draw is a table
// lookup instead of two logarithms. The largest value is about 11.8.
const std::array<float, 65536>& gumbel() {
  static const auto table = [] {
    std::array<float, 65536> t{};
    for (size_t k = 0; k < t.size(); ++k) t[k] = static_cast<float>(-std::log(-std::log((k + 0.5) / 65536.0)));
    return t;
  }();
  return table;
}

// The candidates of one count, as a voter sees them.
struct Field {
  int K = 0;
  std::array<int, kMaxCandidates> id{};  // index into Politics::candidates
  std::array<double, kMaxCandidates> position{}, bonus{}, contact{};
  std::array<int, kMaxCandidates> party{};
  std::vector<int> union_backs, org_backs;  // local indices or -1
  double salience = 0;
  bool primary = false;
  int establishment = -1;
  PrimaryType primary_type = PrimaryType::closed;
  int64_t begin = 0, end = 0;  // the constituency's persons
};

Field field_of(const World& w, const Race& race, bool primary) {
  const auto& pol = w.politics;
  const VoteWeights& v = pol.vote;
  const OfficeSpec& office = pol.office_specs[static_cast<size_t>(race.office)];
  Field f;
  f.primary = primary;
  f.establishment = pol.establishment;
  f.primary_type = office.primary;
  f.salience = office.salience;
  const District where = w.constituency(race.district);
  f.begin = where.begin;
  f.end = where.end;
  const double electorate = static_cast<double>(f.end - f.begin);
  std::vector<int> local(pol.candidates.size(), -1);
  for (int id : race.candidates) {
    const Candidate& k = pol.candidates[static_cast<size_t>(id)];
    if (!k.on_ballot || f.K == kMaxCandidates) continue;
    if (primary && k.party != pol.establishment) continue;
    local[static_cast<size_t>(id)] = f.K;
    f.id[f.K] = id;
    f.position[f.K] = k.position;
    f.party[f.K] = k.party;
    f.bonus[f.K] = k.quality + (k.incumbent >= 0 ? v.incumbency : 0.0) + v.media * k.media;
    f.contact[f.K] = electorate > 0 ? 1.0 - std::exp(-k.contacts / electorate) : 0.0;
    ++f.K;
  }
  auto to_local = [&](const std::vector<int>& backs) {
    std::vector<int> out(backs.size(), -1);
    for (size_t j = 0; j < backs.size(); ++j)
      if (backs[j] >= 0) out[j] = local[static_cast<size_t>(backs[j])];
    return out;
  };
  f.union_backs = to_local(race.union_backs);
  f.org_backs = to_local(race.org_backs);
  return f;
}

// One person's ballot: false when not eligible or not voting; else utilities in u[0..K).
// `strategic` receives a uniform draw for the strategic-voting decision.
bool cast(const World& w, const Field& f, int64_t i, Stream s, double* u, double* strategic) {
  const auto& P = w.persons;
  const VoteWeights& v = w.politics.vote;
  const int party = P.party[i];
  if (f.primary) {
    if (f.primary_type == PrimaryType::closed && party != f.establishment) return false;
    if (f.primary_type == PrimaryType::open && party >= 0 && party != f.establishment) return false;
  }
  const double turn = s.uniform();
  const int32_t job = P.workplace[i];
  const int un = P.union_member[i] && job >= 0 ? w.workplaces.union_id[job] : -1;
  const int by_union = un >= 0 && static_cast<size_t>(un) < f.union_backs.size() ? f.union_backs[un] : -1;
  const int by_org = P.org[i] >= 0 && P.engagement[i] >= kSupporter ? f.org_backs[P.org[i]] : -1;
  const double x = P.ideology[i], strength = P.party_strength[i];
  bool contacted_any = false;
  for (int k = 0; k < f.K; ++k) {
    const uint32_t word = s();
    const bool contacted = ((word >> 16) + 0.5) * (1.0 / 65536.0) < f.contact[k];
    contacted_any |= contacted;
    const double d = x - f.position[k];
    u[k] = -v.proximity * d * d + (party >= 0 && party == f.party[k] ? v.party * strength : 0.0) + f.bonus[k] +
           v.endorsement * ((by_union == k) + (by_org == k)) + (contacted ? v.contact : 0.0) + gumbel()[word & 0xFFFF];
  }
  *strategic = s.uniform();
  const double salience = f.salience * (f.primary ? v.primary_salience : 1.0);
  const double t = v.turnout_base + v.turnout_hope * P.hope[i] + v.turnout_party * strength +
                   (contacted_any ? v.turnout_contact : 0.0) + v.turnout_salience * salience;
  return turn < logistic(t);
}

int best(const double* u, int K, const std::array<char, kMaxCandidates>& in) {
  int b = -1;
  for (int k = 0; k < K; ++k)
    if (in[k] && (b < 0 || u[k] > u[b])) b = k;
  return b;
}

struct Tally {
  std::vector<double> votes;
  double electorate = 0, voters = 0;
};

// Count first choices among candidates `in`; with `viable` given (plurality: the top two; list
// PR of magnitude M: the top M + 1, Cox 1997), voters whose choice is not viable move to the
// viable candidate they prefer with probability `strategic`.
Tally count(const World& w, const Field& f, const Context& c, uint32_t purpose,
            const std::array<char, kMaxCandidates>& in, const std::vector<int>& viable = {}) {
  std::array<char, kMaxCandidates> is_viable{};
  for (int k : viable) is_viable[static_cast<size_t>(k)] = 1;
  const double strategic = w.politics.vote.strategic;
  auto block = [&](int64_t lo, int64_t hi) {
    Tally t;
    t.votes.assign(static_cast<size_t>(f.K), 0.0);
    double u[kMaxCandidates];
    for (int64_t i = f.begin + lo; i < f.begin + hi; ++i) {
      double s_draw = 0;
      const bool eligible = !f.primary || f.primary_type == PrimaryType::none ||
                            w.persons.party[i] == f.establishment ||
                            (f.primary_type == PrimaryType::open && w.persons.party[i] < 0);
      t.electorate += eligible;
      if (!cast(w, f, i, c.rng.at(static_cast<uint32_t>(c.tick), static_cast<uint64_t>(i), purpose), u, &s_draw))
        continue;
      int k = best(u, f.K, in);
      if (k < 0) continue;
      if (!viable.empty() && !is_viable[static_cast<size_t>(k)] && s_draw < strategic) k = best(u, f.K, is_viable);
      t.votes[static_cast<size_t>(k)] += 1;
      t.voters += 1;
    }
    return t;
  };
  auto add = [](Tally& a, const Tally& b) {
    for (size_t k = 0; k < b.votes.size(); ++k) a.votes[k] += b.votes[k];
    a.electorate += b.electorate;
    a.voters += b.voters;
  };
  Tally init;
  init.votes.assign(static_cast<size_t>(f.K), 0.0);
  return c.pool.reduce(f.end - f.begin, init, block, add);
}

uint32_t purpose(int race, Stage stage) {
  return static_cast<uint32_t>(race) * 4 + stage;
}

void record(World& w, const Race& race, const Field& f, const char* stage, const std::vector<double>& votes,
            const std::vector<int>& seats, double electorate, const Context& c) {
  const auto& pol = w.politics;
  double total = 0;
  for (double v : votes) total += v;
  for (int k = 0; k < f.K; ++k) {
    const Candidate& cand = pol.candidates[static_cast<size_t>(f.id[k])];
    w.events["elections"].add(
        {c.tick, pol.office_specs[static_cast<size_t>(race.office)].name,
         race.district < 0 ? std::string() : w.districts[static_cast<size_t>(race.district)].name, std::string(stage),
         cand.name, cand.party >= 0 ? pol.parties[static_cast<size_t>(cand.party)].name : std::string("independent"),
         std::string(kOriginNames[static_cast<int>(cand.origin)]),
         cand.org >= 0 ? w.orgs[static_cast<size_t>(cand.org)].spec.name : std::string(), cand.position,
         votes[static_cast<size_t>(k)], total > 0 ? votes[static_cast<size_t>(k)] / total : 0.0,
         int64_t{seats[static_cast<size_t>(k)]}, int64_t{cand.incumbent >= 0}, electorate});
  }
}

std::array<char, kMaxCandidates> all_in(int K) {
  std::array<char, kMaxCandidates> in{};
  for (int k = 0; k < K; ++k) in[k] = 1;
  return in;
}
}  // namespace

Poll poll(const World& w, int r, int sample, const Context& c) {
  const Field f = field_of(w, w.politics.races[static_cast<size_t>(r)], false);
  Poll p;
  p.share.assign(static_cast<size_t>(f.K), 0.0);
  p.supporters_ideology.assign(static_cast<size_t>(f.K), 0.0);
  const int64_t n = f.end - f.begin;
  if (f.K == 0 || n <= 0) return p;
  const auto in = all_in(f.K);
  double u[kMaxCandidates];
  double counted = 0;
  for (int j = 0; j < sample; ++j) {
    // A panel: the same residents with the same draws at every poll of the race, so that a change
    // between polls comes from the candidates' moves (and the residents' own drift), not from
    // sampling noise.
    Stream pick = c.rng.at(0, static_cast<uint64_t>(j), purpose(r, kPoll));
    const int64_t i = f.begin + static_cast<int64_t>(pick.uniform() * static_cast<double>(n));
    double s_draw = 0;
    cast(w, f, i, c.rng.at(0, static_cast<uint64_t>(i), purpose(r, kPoll) + 1), u, &s_draw);
    const int k = best(u, f.K, in);
    p.share[static_cast<size_t>(k)] += 1;
    p.supporters_ideology[static_cast<size_t>(k)] += w.persons.ideology[i];
    counted += 1;
  }
  for (int k = 0; k < f.K; ++k) {
    const double votes = p.share[static_cast<size_t>(k)];
    p.supporters_ideology[static_cast<size_t>(k)] =
        votes > 0 ? p.supporters_ideology[static_cast<size_t>(k)] / votes : w.politics.candidates[f.id[k]].position;
    p.share[static_cast<size_t>(k)] = votes / counted;
  }
  return p;
}

void hold_primary(World& w, int r, const Context& c) {
  Race& race = w.politics.races[static_cast<size_t>(r)];
  race.primary_held = true;
  const Field f = field_of(w, race, true);
  if (f.K < 2) return;
  const Tally t = count(w, f, c, purpose(r, kPrimary), all_in(f.K));
  const int winner = plurality_winner(t.votes);
  std::vector<int> won(static_cast<size_t>(f.K), 0);
  won[static_cast<size_t>(winner)] = 1;
  for (int k = 0; k < f.K; ++k) {
    Candidate& cand = w.politics.candidates[static_cast<size_t>(f.id[k])];
    cand.primary_votes = t.votes[static_cast<size_t>(k)];
    if (k != winner) cand.on_ballot = false;
  }
  record(w, race, f, "primary", t.votes, won, t.electorate, c);
}

void hold_general(World& w, int r, const Context& c) {
  Race& race = w.politics.races[static_cast<size_t>(r)];
  race.held = true;
  const Field f = field_of(w, race, false);
  std::vector<int> seats(static_cast<size_t>(f.K), 0);
  if (f.K == 0) return;
  const auto in = all_in(f.K);
  const uint32_t pur = purpose(r, kGeneral);
  Tally t = count(w, f, c, pur, in);
  race.electorate = t.electorate;
  race.turnout = t.electorate > 0 ? t.voters / t.electorate : 0.0;
  const double voters = t.voters;
  switch (race.rule) {
    case Rule::plurality: {
      if (f.K > 2) t = count(w, f, c, pur, in, top_n(t.votes, 2));  // strategic abandonment
      seats[static_cast<size_t>(plurality_winner(t.votes))] = 1;
      record(w, race, f, "general", t.votes, seats, t.electorate, c);
      break;
    }
    case Rule::two_round: {
      const int lead = plurality_winner(t.votes);
      if (t.votes[static_cast<size_t>(lead)] * 2 > voters || f.K < 3) {
        seats[static_cast<size_t>(lead)] = 1;
        record(w, race, f, "general", t.votes, seats, t.electorate, c);
        break;
      }
      record(w, race, f, "general", t.votes, seats, t.electorate, c);
      const auto [a, b] = top_two(t.votes);
      std::array<char, kMaxCandidates> pair{};
      pair[a] = pair[b] = 1;
      const Tally runoff = count(w, f, c, pur, pair);
      seats[static_cast<size_t>(plurality_winner(runoff.votes))] = 1;
      record(w, race, f, "runoff", runoff.votes, seats, t.electorate, c);
      break;
    }
    case Rule::irv: {
      // Rankings follow the same utilities, so each round is a recount among those remaining.
      auto remaining = in;
      Tally round = t;
      for (int left = f.K; left > 1; --left) {
        const int lead = plurality_winner(round.votes);
        if (round.votes[static_cast<size_t>(lead)] * 2 > round.voters) break;
        int last = -1;
        for (int k = f.K - 1; k >= 0; --k)
          if (remaining[k] &&
              (last < 0 || round.votes[static_cast<size_t>(k)] < round.votes[static_cast<size_t>(last)]))
            last = k;
        remaining[last] = 0;
        round = count(w, f, c, pur, remaining);
      }
      seats[static_cast<size_t>(plurality_winner(round.votes))] = 1;
      record(w, race, f, "general", t.votes, seats, t.electorate, c);
      if (round.votes != t.votes) record(w, race, f, "runoff", round.votes, seats, t.electorate, c);
      break;
    }
    case Rule::list_pr: {
      if (f.K > race.seats + 1) t = count(w, f, c, pur, in, top_n(t.votes, race.seats + 1));  // Cox's M + 1
      seats = dhondt(t.votes, race.seats);
      record(w, race, f, "general", t.votes, seats, t.electorate, c);
      break;
    }
  }
  for (int k = 0; k < f.K; ++k) {
    Candidate& cand = w.politics.candidates[static_cast<size_t>(f.id[k])];
    cand.votes = t.votes[static_cast<size_t>(k)];
    cand.won = seats[static_cast<size_t>(k)] > 0;
  }
  std::vector<std::pair<int, int>> winners;
  for (int k = 0; k < f.K; ++k)
    if (seats[static_cast<size_t>(k)] > 0) winners.emplace_back(f.id[k], seats[static_cast<size_t>(k)]);
  seat(w, r, winners, c);
}

}  // namespace tribune
