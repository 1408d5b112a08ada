#include "app/signals.h"

#include <atomic>
#include <csignal>

#include "core/stop.h"

namespace tribune {

namespace {
void on_signal(int sig) {
  stop_flag().store(sig);  // lock-free: safe in a handler
}
}  // namespace

void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // a second signal ends the process at once
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGUSR1, &sa, nullptr);  // what a sweep task's script asks SLURM to send before the time limit
  // A file-size limit (ulimit -f) makes writes fail with EFBIG, reported like a full disk,
  // instead of killing the process with the file half-written.
  signal(SIGXFSZ, SIG_IGN);
}

int stop_signal() {
  return stop_flag().load();
}

}  // namespace tribune

namespace {
// Installed before main too, as the program's static initializers run, so that the window in
// which a signal finds the default action is the loader's alone.
[[gnu::constructor]] void install_early() {
  tribune::install_stop_handlers();
}
}  // namespace
