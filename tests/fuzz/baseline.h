#pragma once
// The baseline scenario's text, read once, for the harnesses that fuzz what is applied to it.
#include <fstream>
#include <sstream>
#include <string>

inline const std::string& baseline_scenario() {
  static const std::string text = [] {
    std::ifstream in(TRIBUNE_SOURCE_DIR "/scenarios/baseline.yaml");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return text;
}
