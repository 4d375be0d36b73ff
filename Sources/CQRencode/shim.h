// libqrencode from Debian (libqrencode-dev): QR Code symbols for the kiosk's hand-off and posters.
#ifndef HIWAIC_CQRENCODE_SHIM_H
#define HIWAIC_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
