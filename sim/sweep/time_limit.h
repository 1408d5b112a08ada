#pragma once
// A SLURM task's own view of its time limit (docs/sweeps.md, "Time limits"). The task stops to
// checkpoint `lead` seconds before the limit: when SLURM's SIGUSR1 comes (`--signal=B:USR1@lead`)
// or, should the signal not come, at a deadline of its own read from the job's time left at start.
// A SIGUSR1 that comes while much more than `lead` is left is not the warning: Slurm 22.05 sends
// it again within a second of a requeued job's start (measured on the test cluster, docs/
// robustness.md), and honouring it would stop every requeued attempt before it began.
#include <cstdint>
#include <functional>
#include <string>

namespace tribune::sweep {

// Seconds left of a job's time limit as `squeue -h -j JOB -o %L` prints it ("M:S", "H:M:S",
// "D-H:M:S"); -1 when squeue fails or says there is no limit ("UNLIMITED", "NOT_SET", ...).
int64_t job_time_left(const std::string& job);

class TimeLimit {
 public:
  using TimeLeft = std::function<int64_t()>;  // seconds left of the limit, -1 when unknown
  using Clock = std::function<double()>;      // monotonic seconds

  // Reads the time left once, now, to set the deadline (none when it is unknown, or no more than
  // the lead).
  TimeLimit(int64_t lead, TimeLeft time_left, Clock clock);

  // SIGUSR1 has come: true when it is the warning (the time left is at most lead + slack, or
  // cannot be read); false when it came early, and then the deadline is set again from the time
  // left just read.
  bool confirm_warning();
  // The task's own deadline (time left at start − lead) has passed.
  bool past_deadline() const;
  // What the last reading said: seconds left, -1 when unknown.
  int64_t last_time_left() const { return last_left_; }
  int64_t lead() const { return lead_; }
  // Seconds a warning may come before `lead` is left and still count as the warning (SLURM's
  // clock and squeue's whole seconds).
  static constexpr int64_t slack = 15;

 private:
  void read();
  int64_t lead_;
  TimeLeft time_left_;
  Clock clock_;
  int64_t last_left_ = -1;
  double deadline_ = -1;  // clock seconds; < 0: none
};

}  // namespace tribune::sweep
