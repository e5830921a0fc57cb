import ArgumentParser

/// `backchannel`: reads news about diplomacy and conflict and keeps a structured record of it.
public struct BackchannelCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "backchannel",
        abstract: "Read news articles about diplomacy and conflict into a structured record.",
        version: "0.1.0",
        subcommands: [ExtractCommand.self, TrainNERCommand.self]
    )

    public init() {}
}
