import BackchannelCLI

await BackchannelCommand.start()
