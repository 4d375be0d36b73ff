// libxcrypt from Debian (libcrypt-dev): the system's password hashing (yescrypt), for the
// kiosk's operator PIN, so that no PIN is ever kept or compared in the clear.
#ifndef HIWAIC_CCRYPT_SHIM_H
#define HIWAIC_CCRYPT_SHIM_H
#include <crypt.h>
#endif
