// ncursesw for Swift: wide-character API on, and inline wrappers for the macros and C globals
// that Swift cannot import (or that Swift 6 strict concurrency refuses as shared mutable state).
#ifndef HIWAIC_CNCURSESW_SHIM_H
#define HIWAIC_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// From term.h, which would also bring macros named `lines` and `columns`.
extern char *tigetstr(const char *);

static inline WINDOW *hiwaic_stdscr(void) { return stdscr; }
static inline FILE *hiwaic_stdin(void) { return stdin; }
static inline FILE *hiwaic_stdout(void) { return stdout; }
static inline int hiwaic_key_f0(void) { return KEY_F0; }
static inline int hiwaic_lines(void) { return LINES; }
static inline int hiwaic_cols(void) { return COLS; }
static inline int hiwaic_set_escdelay(int ms) { return set_escdelay(ms); }
// The terminal's size as the kernel has it (1), or 0 when it cannot be read.
static inline int hiwaic_kernel_size(int *lines, int *cols) {
  struct winsize size;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) {
    return 0;
  }
  *lines = size.ws_row;
  *cols = size.ws_col;
  return 1;
}

static inline attr_t hiwaic_a_normal(void) { return A_NORMAL; }
static inline attr_t hiwaic_a_bold(void) { return A_BOLD; }
static inline attr_t hiwaic_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hiwaic_a_reverse(void) { return A_REVERSE; }
static inline attr_t hiwaic_a_dim(void) { return A_DIM; }
static inline attr_t hiwaic_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline mmask_t hiwaic_mouse_events(void) {
  return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED |
         BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int hiwaic_is_button1(mmask_t state) {
  return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)) != 0;
}
static inline int hiwaic_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int hiwaic_is_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }

/// Whether the terminal can address the cursor (TERM=dumb cannot).
static inline int hiwaic_can_address_cursor(void) {
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}

/// Writes a run of wide characters at (y, x) with attributes and a colour pair.
static inline int hiwaic_put(int y, int x, const wchar_t *text, int count, attr_t attrs, int pair) {
  wattr_set(stdscr, attrs, (short)pair, NULL);
  return mvwaddnwstr(stdscr, y, x, text, count);
}

/// Whether the current locale's character set is UTF-8.
static inline int hiwaic_locale_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

#endif
