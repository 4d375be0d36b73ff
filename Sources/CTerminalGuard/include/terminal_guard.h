// Puts the terminal back when the process is ended by a signal: the one thing a full-screen
// program must do even when it crashes, and the one place that may not run Swift code
// (a signal handler may only call async-signal-safe functions).
#ifndef HIWAIC_TERMINAL_GUARD_H
#define HIWAIC_TERMINAL_GUARD_H

/// Saves the terminal settings of `fd` (call before the screen is set up) and installs the
/// handlers: on every catchable signal that ends a process (SIGHUP, SIGTERM, SIGINT, SIGQUIT,
/// SIGXCPU, …, unless it is already ignored) and every crash signal (SIGSEGV, SIGBUS, SIGILL,
/// SIGTRAP, SIGFPE, SIGABRT, SIGSYS) the handler leaves the alternate screen, turns mouse
/// reporting off, shows the cursor, restores the saved settings and lets the signal end the
/// process.
/// SIGPIPE, SIGUSR1, SIGUSR2 and SIGALRM are ignored. With `kiosk` set, a crash ends the
/// process at once (the runtime's interactive backtracer never takes the screen); otherwise
/// the previous handler (the Swift backtracer) runs after the terminal is restored.
/// Calling it again saves the settings anew (and can only turn kiosk on). Returns 0, or -1
/// when `fd` is not a terminal (the handlers are installed all the same).
int hiwaic_guard_install(int fd, int kiosk);

/// Restores the saved settings and the screen modes now (for tests and orderly exits).
void hiwaic_guard_restore(void);

/// Overwrites the value of an environment variable in place and removes it, so that the
/// secret is gone from the process's environment block (what /proc/PID/environ shows and a
/// debugger's memory dump finds), not only from the list getenv searches.
void hiwaic_scrub_environment(const char *name);

/// Zeroes `count` bytes at `bytes` (nothing when it is NULL) in a way the compiler keeps even
/// when the memory is freed right after.
void hiwaic_scrub(void *bytes, long count);

#endif
