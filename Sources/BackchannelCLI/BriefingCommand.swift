import ArgumentParser
import BackchannelStore
import BackchannelWeb
import Foundation

/// `backchannel briefing`: a backgrounder on a storyline as Markdown.
struct BriefingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Write a backgrounder (Markdown) on a storyline over a date range.",
        discussion: """
            The storyline is the events some actors share (--actors, names or ids), or the events \
            of the articles matching --topic, or both. The backgrounder holds the chronology with \
            each event's sentence, the positions of the parties, what they said, and the numbered \
            sources. Example: backchannel briefing --actors "Russia,Ukraine" --since 2025-03-01 --until 2025-04-30
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Actors, comma-separated (names or ids).") var actors: String?
    @Option(name: .long, help: "Topic words.") var topic: String?
    @Option(name: .long, help: "From this day (YYYY-MM-DD).") var since: String?
    @Option(name: .long, help: "Until this day (YYYY-MM-DD).") var until: String?
    @Option(name: .long, help: "Make the evidence links absolute with this address (https://backchannel.example).") var base: String = ""
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        if (actors ?? "").isEmpty && (topic ?? "").isEmpty { throw ValidationError("give --actors, --topic or both") }
    }

    func run() async throws {
        try await withStore(store) { store in
            var ids: [Int] = []
            for name in (actors ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                ids.append(try await store.actorID(named: name))
            }
            let b = try await store.briefing(actors: ids, query: topic, since: since, until: until)
            let text = Briefings.markdown(b, base: base, generated: String(Store.nowForDisplay().prefix(10)))
            if let output {
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    throw StoreError.invalid("\(output): cannot write the backgrounder (\(error.localizedDescription))")
                }
                FileHandle.standardError.write(Data("backgrounder: \(b.events.count) events, \(b.quotes.count) quotes, \(b.sources.count) sources → \(output)\n".utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
