#include "sweep/time_limit.h"

#include <cstdio>

#include "sweep/slurm.h"

namespace tribune::sweep {

int64_t job_time_left(const std::string& job) {
  if (job.empty() || job.find_first_not_of("0123456789_") != std::string::npos) return -1;
  // `timeout`: a controller that does not answer must not hold the task.
  const std::string cmd = "timeout 20 squeue -h -j " + job + " -o %L 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string out;
  char buf[128];
  while (fgets(buf, sizeof buf, p)) out += buf;
  if (pclose(p) != 0) return -1;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (out.find('\n') != std::string::npos) return -1;  // more than one job: not ours alone
  // squeue's "M:S" and "H:M:S" read as --time reads them; a bare number is not squeue's.
  if (out.find(':') == std::string::npos) return -1;
  return time_limit_seconds(out);
}

TimeLimit::TimeLimit(int64_t lead, TimeLeft time_left, Clock clock)
    : lead_(lead), time_left_(std::move(time_left)), clock_(std::move(clock)) {
  read();
  // No more than the lead left as the task starts: not a limit this task could meet (signal_lead
  // is at most half of it), but a reading from before the job was requeued; the warning decides.
  if (last_left_ <= lead_) deadline_ = -1;
}

void TimeLimit::read() {
  last_left_ = time_left_ ? time_left_() : -1;
  deadline_ = last_left_ >= 0 ? clock_() + static_cast<double>(last_left_ - lead_) : -1;
}

bool TimeLimit::confirm_warning() {
  read();
  return last_left_ < 0 || last_left_ <= lead_ + slack;
}

bool TimeLimit::past_deadline() const {
  return deadline_ >= 0 && clock_() >= deadline_;
}

}  // namespace tribune::sweep
