#include "app/progress.h"

#include <unistd.h>

#include <cstdio>

namespace tribune {

using Clock = std::chrono::steady_clock;

std::string format_duration(double s) {
  if (s < 0 || s != s) return "?";
  char buf[32];
  long t = static_cast<long>(s + 0.5);
  if (t >= 3600)
    snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
  else if (s >= 10)
    snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  else
    snprintf(buf, sizeof buf, "%.1fs", s);
  return buf;
}

Progress::Progress(std::string label, int64_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled),
      tty_(isatty(STDERR_FILENO)),
      start_(Clock::now()),
      last_(start_) {}

void Progress::update(int64_t done) {
  if (!enabled_ || total_ <= 0) return;
  auto now = Clock::now();
  double since = std::chrono::duration<double>(now - last_).count();
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double eta = done > 0 ? elapsed * static_cast<double>(total_ - done) / static_cast<double>(done) : -1;
  if (tty_) {
    if (since < 0.1 && done < total_) return;
    const int width = 30;
    int fill = static_cast<int>(width * done / total_);
    std::string bar(static_cast<size_t>(fill), '=');
    if (fill < width) bar += '>' + std::string(static_cast<size_t>(width - fill - 1), ' ');
    fprintf(stderr, "\r%s [%s] %3d%% %lld/%lld ETA %s   ", label_.c_str(), bar.c_str(),
            static_cast<int>(100 * done / total_), static_cast<long long>(done), static_cast<long long>(total_),
            format_duration(eta).c_str());
  } else {
    // A line at every 10% and at least once a minute, so batch logs show life without flooding.
    bool step = (done - last_logged_) * 10 >= total_ || done == total_;
    if (!step && since < 60) return;
    fprintf(stderr, "progress: %s %lld/%lld (%d%%) elapsed %s ETA %s\n", label_.c_str(), static_cast<long long>(done),
            static_cast<long long>(total_), static_cast<int>(100 * done / total_), format_duration(elapsed).c_str(),
            format_duration(eta).c_str());
    last_logged_ = done;
  }
  last_ = now;
}

void Progress::finish() {
  if (enabled_ && tty_) fprintf(stderr, "\n");
}

}  // namespace tribune
