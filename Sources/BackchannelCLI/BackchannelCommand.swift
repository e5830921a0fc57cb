import ArgumentParser
import BackchannelPipeline
import Foundation

/// `backchannel`: reads news about diplomacy and conflict and keeps a structured record of it.
public struct BackchannelCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "backchannel",
        abstract: "Read news articles about diplomacy and conflict into a structured record.",
        version: "0.1.0",
        subcommands: [ExtractCommand.self, IngestCommand.self, SearchCommand.self, ExportCommand.self, ActorsCommand.self, ServeCommand.self, DemoCommand.self, UsersCommand.self, BriefingCommand.self, DigestCommand.self, TrainNERCommand.self, BenchSearchCommand.self]
    )

    public init() {}
}

extension BackchannelCommand {
    /// Parses the arguments and runs the command, awaiting the asynchronous ones (the store's).
    public static func start(_ arguments: [String]? = nil) async {
        do {
            var command = try parseAsRoot(arguments)
            // The event stage's model is checked where events are found (`extract --analysis language`
            // finds none, and loading the model would cost it a tenth of a second).
            let findsEvents = (command as? ExtractCommand).map { $0.pipelineOptions.analysis == .full }
                ?? (command is IngestCommand || command is ServeCommand || command is DemoCommand)
            if findsEvents {
                for problem in StandardPipeline.resourceProblems() {
                    FileHandle.standardError.write(Data("backchannel: warning: \(problem)\n".utf8))
                }
            }
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
