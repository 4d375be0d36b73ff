import ArgumentParser
import Foundation
import Kiosk

#if canImport(Glibc)
  import Glibc
#endif

/// `hiwaic kiosk-pin`: hashes an operator PIN for the kiosk's configuration file.
struct KioskPinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiosk-pin",
    abstract: "Hash an operator PIN (read from standard input) into an admin_pin_hash line.",
    discussion: """
      Put the printed line into the kiosk configuration \
      (\(KioskConfiguration.defaultPath), or the file named by hiwaic --kiosk --config). On a \
      terminal the PIN is asked twice, unechoed.

      Examples:
        hiwaic kiosk-pin
        printf '86427531\\n' | hiwaic kiosk-pin >> /etc/hiwaic/kiosk.conf
      """)

  func run() throws {
    let pin: String
    if isatty(0) == 1 {
      let first = Self.readUnechoed(prompt: "Operator PIN: ")
      let second = Self.readUnechoed(prompt: "Again: ")
      guard first == second else { throw CommandError("the two PINs differ") }
      pin = first ?? ""
    } else {
      pin = readLine(strippingNewline: true) ?? ""
    }
    do {
      print("admin_pin_hash = \(try AdminPin(pin: pin).hash)")
    } catch {
      throw CommandError(error.description)
    }
  }

  static func readUnechoed(prompt: String) -> String? {
    FileHandle.standardError.write(Data(prompt.utf8))
    var saved = termios()
    tcgetattr(0, &saved)
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    tcsetattr(0, TCSANOW, &quiet)
    defer {
      tcsetattr(0, TCSANOW, &saved)
      FileHandle.standardError.write(Data("\n".utf8))
    }
    return readLine(strippingNewline: true)
  }
}
