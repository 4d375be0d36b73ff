#define _GNU_SOURCE
#include "terminal_guard.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int guard_fd = -1;
static int guard_kiosk = 0;
static int have_saved = 0;
static struct termios saved;

// Mouse reporting (all modes ncurses may turn on), bracketed paste off, normal keypad, leave
// the alternate screen, attributes off, cursor visible, then a fresh line.
static const char reset_sequence[] =
    "\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?1015l"
    "\033[?2004l\033[?1l\033>\033[?1049l\033[0m\033[?25h\r\n";

// Every catchable signal whose default is to end the process (SIGKILL and SIGSTOP cannot be
// caught; nothing can restore the terminal after them).
static const int ending_signals[] = {SIGHUP,  SIGTERM,   SIGINT,  SIGQUIT, SIGXCPU,
                                     SIGXFSZ, SIGVTALRM, SIGPROF, SIGPWR,  SIGSTKFLT};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGSYS};
static const int ignored_signals[] = {SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static struct sigaction previous_crash[COUNT(crash_signals)];

void hiwaic_guard_restore(void) {
  if (guard_fd < 0) return;
  ssize_t ignored = write(guard_fd, reset_sequence, sizeof(reset_sequence) - 1);
  (void)ignored;
  if (have_saved) tcsetattr(guard_fd, TCSANOW, &saved);
}

static void on_ending_signal(int sig) {
  hiwaic_guard_restore();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void on_crash_signal(int sig, siginfo_t *info, void *context) {
  hiwaic_guard_restore();
  for (size_t i = 0; i < COUNT(crash_signals); i++) {
    if (crash_signals[i] != sig) continue;
    if (guard_kiosk || previous_crash[i].sa_handler == SIG_IGN) {
      signal(sig, SIG_DFL);
    } else {
      sigaction(sig, &previous_crash[i], NULL);
    }
  }
  (void)info;
  (void)context;
  // Pending until this handler returns, then delivered under the restored disposition (also
  // for a signal sent with kill, where returning would not fault again): the process ends, or
  // the previous handler reports first.
  raise(sig);
}

static int installed = 0;

int hiwaic_guard_install(int fd, int kiosk) {
  guard_fd = fd;
  guard_kiosk = guard_kiosk || kiosk;
  have_saved = tcgetattr(fd, &saved) == 0;
  if (installed) return have_saved ? 0 : -1;
  installed = 1;

  struct sigaction action;
  memset(&action, 0, sizeof(action));
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_ending_signal;
  for (size_t i = 0; i < COUNT(ending_signals); i++) {
    // A signal already ignored (a kiosk ignores SIGINT and SIGQUIT) stays ignored.
    struct sigaction current;
    if (sigaction(ending_signals[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    sigaction(ending_signals[i], &action, NULL);
  }

  struct sigaction crash;
  memset(&crash, 0, sizeof(crash));
  sigemptyset(&crash.sa_mask);
  crash.sa_sigaction = on_crash_signal;
  crash.sa_flags = SA_SIGINFO | SA_ONSTACK;
  for (size_t i = 0; i < COUNT(crash_signals); i++) {
    sigaction(crash_signals[i], &crash, &previous_crash[i]);
  }

  for (size_t i = 0; i < COUNT(ignored_signals); i++) signal(ignored_signals[i], SIG_IGN);
  return have_saved ? 0 : -1;
}

void hiwaic_scrub_environment(const char *name) {
  char *value = getenv(name);
  if (value != NULL) {
    // volatile: the compiler may not drop a write to memory that is about to be forgotten.
    volatile char *cursor = value;
    while (*cursor != '\0') *cursor++ = '\0';
  }
  unsetenv(name);
}

void hiwaic_scrub(void *bytes, long count) {
  if (bytes == NULL) return;
  volatile char *cursor = bytes;
  for (long i = 0; i < count; i++) cursor[i] = 0;
}
