#pragma once
// The social network of M1: undirected ties in CSR, built from per-person proposals.
namespace tribune {

struct World;
struct NetworkParams;
class Streams;
class Pool;

// Each person proposes half their ties: neighbourhood ties to the next persons of their
// district (a ring, rewired with probability `rewire` to a random resident), co-worker ties, and
// long-range ties to anyone. Proposals are symmetrized, each row is sorted and duplicates are
// dropped, so the result does not depend on the order in which threads fill rows.
void build_network(World& w, const NetworkParams& p, const Streams& rng, const Pool& pool);

}  // namespace tribune
