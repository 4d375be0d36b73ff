import CTerminalGuard

#if canImport(Glibc)
  import Glibc
#endif

/// A kiosk process that crashes ends at once with its terminal restored, so that the service
/// manager brings a fresh kiosk back; the Swift runtime's interactive backtracer (whose prompt
/// can read memory and start a debugger) never gets the screen.
public enum CrashGuard {
  /// Installs the handlers now, before the pack is loaded, so that even an early crash is
  /// covered. The screen's own set-up installs them again with the settings it starts from.
  public static func installForKiosk() {
    _ = hiwaic_guard_install(STDOUT_FILENO, 1)
  }
}
