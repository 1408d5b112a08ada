#pragma once
// The headline outcomes: what a comparison of strategies reports (`tribune compare`,
// tribune_analysis.headlines). Declared once, in headlines.cpp: name, unit, what it measures,
// which way is more, and how it is computed from the run at its end. Every run file carries
// them in /headlines, so the command, the analysis package and the notebooks read the same
// numbers.
#include <string>
#include <vector>

namespace tribune {

class Simulation;

struct HeadlineInfo {
  std::string name, unit, description;
  std::string more;  // what a higher value means, in words ("more members per resident")
};

const std::vector<HeadlineInfo>& headline_infos();
bool is_headline(const std::string& name);
std::string headline_names();  // comma-separated, for messages

// Each headline's value at the end of the run (NaN where it is undefined, e.g. the drift of
// officeholders when the organization backs none), in headline_infos() order.
std::vector<double> headlines(const Simulation& sim);

}  // namespace tribune
