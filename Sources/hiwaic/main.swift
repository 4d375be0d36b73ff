import CommandLineInterface

HiwaicCommand.runSafely()
