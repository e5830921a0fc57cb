import BackchannelCLI

BackchannelCommand.main()
