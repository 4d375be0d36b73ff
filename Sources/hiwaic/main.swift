import CommandLineInterface

HiwaicCommand.main()
