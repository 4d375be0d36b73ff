#ifndef HIWAIC_CLOCALEWIDTH_H
#define HIWAIC_CLOCALEWIDTH_H

#include <stdint.h>

/// Columns a Unicode scalar takes in a terminal (glibc's wcwidth under C.UTF-8):
/// 0 for combining marks, 2 for East Asian wide and fullwidth, -1 for control characters.
/// Independent of the process locale, so it gives the same answer in tests, scripts and the TUI.
int hiwaic_wcwidth(uint32_t scalar);

#endif
