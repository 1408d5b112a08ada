#pragma once
// Progress on stderr: a bar with an ETA on a terminal, plain periodic lines in batch logs.
#include <chrono>
#include <cstdint>
#include <string>

namespace tribune {

class Progress {
 public:
  Progress(std::string label, int64_t total, bool enabled);
  void update(int64_t done);
  void finish();

 private:
  std::string label_;
  int64_t total_;
  bool enabled_, tty_;
  std::chrono::steady_clock::time_point start_, last_;
  int64_t last_logged_ = 0;
};

std::string format_duration(double seconds);

}  // namespace tribune
