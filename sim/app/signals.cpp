#include "app/signals.h"

#include <atomic>
#include <csignal>

#include "core/stop.h"

namespace tribune {

namespace {
std::atomic<bool> held{false};     // SIGUSR1 is a warning, not a stop
std::atomic<bool> warning{false};  // a held SIGUSR1 has come

void on_signal(int sig) {
  if (sig == SIGUSR1 && held.load()) {
    warning.store(true);  // lock-free: safe in a handler
    return;
  }
  stop_flag().store(sig);
}

void install(int sig, bool once) {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = once ? SA_RESETHAND : 0;  // once: a second signal ends the process at once
  sigaction(sig, &sa, nullptr);
}
}  // namespace

void install_stop_handlers() {
  install(SIGINT, true);
  install(SIGTERM, true);
  // What a sweep task's script asks SLURM to send before the time limit; SLURM may send it more
  // than once, so it never ends the process by itself.
  install(SIGUSR1, false);
  // A file-size limit (ulimit -f) makes writes fail with EFBIG, reported like a full disk,
  // instead of killing the process with the file half-written.
  signal(SIGXFSZ, SIG_IGN);
}

int stop_signal() {
  return stop_flag().load();
}

void hold_warning_signal() {
  held.store(true);
  int expected = SIGUSR1;
  if (stop_flag().compare_exchange_strong(expected, 0)) warning.store(true);
}

bool take_warning() {
  return warning.exchange(false);
}

void request_stop(int sig) {
  int expected = 0;
  stop_flag().compare_exchange_strong(expected, sig);  // a signal that came first stays the cause
}

}  // namespace tribune

