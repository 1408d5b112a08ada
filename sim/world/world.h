#pragma once
// The state of one run: persons (columns), the social network (CSR), workplaces, districts,
// the environment actors, and the event tables written to the output.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "world/event_table.h"
#include "world/organization.h"
#include "world/persons.h"
#include "world/politics.h"
#include "world/tie_ends.h"
#include "world/ties.h"
#include "world/union.h"
#include "core/state.h"

namespace tribune {

inline constexpr int kClasses = 3;  // worker, professional, owner
inline constexpr const char* kClassNames[kClasses] = {"worker", "professional", "owner"};

struct District {
  std::string name;
  int64_t begin = 0, end = 0;  // persons [begin, end)
  double ideology_shift = 0, hope_shift = 0;
  int64_t size() const { return end - begin; }
  TRIBUNE_STATE(name, begin, end, ideology_shift, hope_shift)
};

// Undirected ties in compressed sparse rows: neighbours of i are nbr[offsets[i] .. offsets[i+1]).
// Built from the scenario and never changed by a mechanism, so it is not part of a checkpoint's
// state: a resume builds it again.
struct Network {
  std::vector<int64_t> offsets;
  TieEnds nbr;  // three bytes a tie end in worlds below 2^24 persons (world/tie_ends.h)
  int64_t degree(int64_t i) const { return offsets[i + 1] - offsets[i]; }
  int64_t ties() const { return nbr.size() / 2; }  // undirected: each is in two rows
  int64_t last_tie() const { return nbr.empty() ? 0 : nbr.size() - 1; }  // for prefetch_tie
  size_t bytes() const { return offsets.capacity() * 8 + nbr.bytes(); }
};

struct Workplaces {
  std::vector<int32_t> district;
  std::vector<uint8_t> sector;
  std::vector<int16_t> union_id;         // -1: no union
  std::vector<float> resistance;         // employer resistance to unions, [0, 1] (M1)
  std::vector<int32_t> contract_expiry;  // tick the contract expires (M14); -1 without a union
  std::vector<float> militancy;          // [0, 1] (M14)
  std::vector<int16_t> drive;            // weeks left in an organizing drive, 0 none (M13)
  std::vector<int16_t> strike;           // weeks left in a strike, 0 none (M14)
  std::vector<int64_t> member_offsets;   // employees of w: members[member_offsets[w] ..]
  std::vector<int32_t> members;
  int64_t count() const { return static_cast<int64_t>(sector.size()); }
  int64_t size(int64_t w) const { return member_offsets[w + 1] - member_offsets[w]; }
  size_t bytes() const {
    return district.capacity() * 4 + sector.capacity() + union_id.capacity() * 2 + member_offsets.capacity() * 8 +
           members.capacity() * 4 + resistance.capacity() * 4 + contract_expiry.capacity() * 4 +
           militancy.capacity() * 4 + drive.capacity() * 2 + strike.capacity() * 2;
  }
  TRIBUNE_STATE(district, sector, union_id, resistance, contract_expiry, militancy, drive, strike, member_offsets, members)
};

// An economic shock in force (M32 economic_shock), read by M2 grievance.
struct Shock {
  int64_t start = 0, end = 0;  // full magnitude in [start, end)
  double magnitude = 0;
  double recovery_weeks = 0;  // e-folding time of the decay after `end`; 0: stops at once
  uint8_t class_mask = 0b111;
  std::vector<int> districts;  // empty: all
  double level(int64_t tick) const;
  TRIBUNE_STATE(start, end, magnitude, recovery_weeks, class_mask, districts)
};

// A pandemic in force (M32 pandemic): fewer political hours, and gathering is a risk.
struct Pandemic {
  int64_t until = -1;
  double hours_cut = 0, gathering_risk = 0;
  bool in_force(int64_t tick) const { return tick < until; }
  TRIBUNE_STATE(until, hours_cut, gathering_risk)
};

struct Environment {
  double legitimacy = 0.5;        // the state's legitimacy in [0, 1]
  double legitimacy_start = 0.5;  // what it was at the start, to which it recovers (M29)
  double election_season = 0;     // 1 in an election season (set by the elections), read by M9
  double protest_share = 0;       // residents protesting this week (M28, later), read by M26
  std::vector<Shock> shocks;
  Pandemic pandemic;
  std::vector<double> shock_table;  // [district * kClasses + class], this tick's total shock
  double shock(int d, int k) const { return shock_table[static_cast<size_t>(d) * kClasses + k]; }
  TRIBUNE_STATE(legitimacy, legitimacy_start, election_season, protest_share, shocks, pandemic, shock_table)
};

// Engagement levels (M6).
enum Level : uint8_t { kNone, kSupporter, kVolunteer, kMember, kCadre, kLevels };
inline constexpr const char* kLevelNames[kLevels] = {"none", "supporter", "volunteer", "member", "cadre"};

// An officeholder an organization has endorsed, as its brand sees it (M10; filled by elections).
struct Endorsed {
  double position = 0;    // ideology of the officeholder
  double visibility = 1;  // how much voters see them (M24)
  TRIBUNE_STATE(position, visibility)
};

// How an organization's structure shapes its members' week (M11; neutral when M11 is off).
struct StructureEffects {
  double meeting_hours = 0;  // hours per member and cadre per week in meetings
  double ownership = 1;      // multiplies members' and cadre's attrition
  double culture_gap = 0;    // extra attrition, relative, for members without a college degree
  TRIBUNE_STATE(meeting_hours, ownership, culture_gap)
};

// An organization: its declared parameters and its running state.
struct Org {
  OrgSpec spec;
  std::array<int64_t, kLevels> count{};               // persons at each engagement level, this tick
  std::array<double, kActivities> share{};            // current allocation of hours (M9)
  std::array<double, kActivities> opportunity{};      // running mean of each activity's signal (M9)
  std::array<double, kActivities> hours{};            // volunteer hours by activity this tick (M5)
  double meeting_hours = 0;                           // of hours[kInternal], spent in meetings (M5, M11)
  StructureEffects structure;                         // (M11)
  double treasury = 0;                                // dollars (M7)
  double memory = 0;                                  // institutional memory in [0, 1] (M7)
  Ties ties;                                          // relationships and who holds them (M8)
  double brand = 0;                                   // voters' recognition of a distinct identity (M10)
  std::vector<Endorsed> endorsed;                     // its officeholders (M10, filled by M17-M23)
  int64_t movement_recruits = 0;                      // protesters signed up this week (M30)
  double efficiency() const { return 0.5 + memory; }  // multiplies what its hours achieve
  TRIBUNE_STATE(count, share, opportunity, hours, meeting_hours, structure, treasury, memory, ties, brand, endorsed, movement_recruits)
};

// A union: its declared parameters and its running state.
struct Union {
  UnionSpec spec;
  bool left_led = false;                 // leadership (M15)
  int64_t members = 0;                   // this tick
  std::vector<int64_t> members_history;  // the last 52 weeks, oldest first (growth, M16)
  double treasury = 0;                   // dollars
  double insurgent_endorsement = 0;      // chance it would back an insurgent now (M16)
  double growth() const {                // members over the last year, relative
    return members_history.empty() || members_history.front() == 0
               ? 0.0
               : double(members) / double(members_history.front()) - 1.0;
  }
  TRIBUNE_STATE(left_led, members, members_history, treasury, insurgent_endorsement)
};

// A national campaign in progress (M32 national_campaign, run by M12).
struct Campaign {
  int org = -1;                 // the campaign organization
  int successor = -1;           // the permanent organization that may inherit its people, or -1
  int64_t start = 0, end = 0;   // active in [start, end)
  double volunteer_demand = 0;  // volunteers sought, per resident
  double list_growth = 0;       // new supporters per resident per week
  double win_probability = 0;
  double retention = 0;  // share of its list and volunteers passed to the successor at the end
  bool ended = false, won = false;
  TRIBUNE_STATE(org, successor, start, end, volunteer_demand, list_growth, win_probability, retention, ended, won)
};

// A burst of protest under way (M28 episodes).
struct Episode {
  bool active = false;
  int64_t start = 0, peak = 0, districts = 0;
  int demand = -1;               // the reform on the agenda it presses (M30), or -1: its grievance in general
  int64_t reforms_at_start = 0;  // reforms passed when it started (M31: did it win?)
  TRIBUNE_STATE(active, start, peak, districts, demand, reforms_at_start)
};

// A call for mass action by an executive officeholder, under way (M25).
struct Call {
  bool active = false;
  int64_t start = 0, end = 0;  // in force in [start, end)
  int holder = -1;             // index into Politics::holders when it was made
  double boost = 0;            // added to the reached persons' net (M28)
  int64_t reached = 0, peak = 0;
  std::string caller;
  TRIBUNE_STATE(active, start, end, holder, boost, reached, peak, caller)
};

// This week's protest and repression (M28, M29), for the recorder and the other mechanisms.
struct MovementState {
  Episode city_episode;
  std::vector<Episode> district_episodes;
  int64_t episodes_started = 0;
  int64_t protesters = 0, arrests = 0, jailed = 0;
  std::vector<int64_t> protesters_in, arrests_in;  // per district
  std::vector<double> police_in;                   // officers per district (M28's police_per_1000)
  std::vector<uint16_t> police_in_view;            // per person this week, under M28's vision: ties (else empty)
  std::vector<int64_t> last_episode_in;            // last week each district had an episode, or -1
  std::vector<double> hours_in;                    // organizations' movement hours given by residents (M5)
  std::vector<double> demand_in;                   // each district's movement demand, an ideology (M30)
  double conflict = 0;                             // movement demands against backed platforms (M30)
  Call call;                                       // the organizer-in-chief's call (M25)
  bool call_requested = false;                     // a timeline mass_call this week (M32 -> M25)
  // Episodes that ended this week (M28 episodes), for morale (M31): scope (-1 city) and episode.
  std::vector<std::pair<int, Episode>> ended;
  TRIBUNE_STATE(city_episode, district_episodes, episodes_started, protesters, arrests, jailed, protesters_in, arrests_in, police_in, police_in_view, last_episode_in, hours_in, demand_in, conflict, call, call_requested, ended)
};

// This week's strikes (M14), for the recorder.
struct LaborStats {
  int64_t started = 0, active = 0, won = 0, lost = 0;
  std::vector<int64_t> started_in, active_in, won_in;  // the same, per district of the workplace
  TRIBUNE_STATE(started, active, won, lost, started_in, active_in, won_in)
};

struct World {
  Persons persons;
  Network network;
  Workplaces workplaces;
  std::vector<District> districts;
  std::vector<std::string> sectors;
  Environment env;
  EventTables events;
  std::vector<Org> orgs;
  std::vector<Union> unions;
  LaborStats labor;
  MovementState movement;
  std::vector<Campaign> campaigns;
  Politics politics;
  std::vector<float> scratch;          // a spare float column for two-phase updates (scratch_column())
  std::vector<float> pair_scratch;     // last week's ideology and hope side by side (influence.cpp)
  bool hope_impulses_pending = false;  // set by whoever writes persons.hope_impulse (M3 reads it)
  int64_t tick = 0;

  int64_t size() const { return persons.size(); }
  // The spare column, allocated when first needed: only the separate opinion and hope passes use
  // it, and with both on (the default) the fused pass never does (4 bytes a person saved).
  float* scratch_column() {
    if (scratch.size() != persons.ideology.size()) scratch.assign(persons.ideology.size(), 0.0f);
    return scratch.data();
  }
  size_t bytes() const;
  TieLayout tie_layout() const { return {static_cast<int>(unions.size()), static_cast<int>(districts.size())}; }
  // The persons of a constituency: district d's, or everyone's for d < 0 (at large).
  District constituency(int d) const { return d < 0 ? District{"", 0, size()} : districts[static_cast<size_t>(d)]; }
  TRIBUNE_STATE(persons, workplaces, districts, sectors, env, events, orgs, unions, labor, movement, campaigns, politics, scratch, pair_scratch, hope_impulses_pending, tick)
};

}  // namespace tribune
