import ArgumentParser
import BackchannelStore
import BackchannelWeb
import Foundation

/// `backchannel briefing`: a backgrounder on a storyline as Markdown.
struct BriefingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Write a backgrounder (Markdown) on a storyline over a date range, or of hand-picked events and quotes.",
        discussion: """
            The storyline is the events some actors share (--actors, names or ids), or the events \
            of the articles matching --topic, or both. The backgrounder holds the chronology with \
            each event's sentence, the positions of the parties, what they said, and the numbered \
            sources. Example: backchannel briefing --actors "Russia,Ukraine" --since 2025-03-01 --until 2025-04-30

            Or pick the items by id (as the web pages and `export` show them): \
            backchannel briefing --events 12,15,31 --quotes 7 --notes 3 --title "Black Sea talks"
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Actors, comma-separated (names or ids).") var actors: String?
    @Option(name: .long, help: "Topic words.") var topic: String?
    @Option(name: .long, help: "From this day (YYYY-MM-DD).") var since: String?
    @Option(name: .long, help: "Until this day (YYYY-MM-DD).") var until: String?
    @Option(name: .long, help: "Picked events (ids, comma-separated).") var events: String?
    @Option(name: .long, help: "Picked quotes (ids, comma-separated).") var quotes: String?
    @Option(name: .long, help: "Analysts' notes to include (ids, comma-separated).") var notes: String?
    @Option(name: .long, help: "The title of a backgrounder of picked items.") var title: String?
    @Option(name: .long, help: "Make the evidence links absolute with this address (https://backchannel.example).") var base: String = ""
    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.") var output: String?

    var picked: Bool { events != nil || quotes != nil || notes != nil }

    func validate() throws {
        if picked {
            guard actors == nil, topic == nil, since == nil, until == nil else {
                throw ValidationError("give a storyline (--actors, --topic, --since, --until) or picked items (--events, --quotes, --notes), not both")
            }
            for (name, value) in [("--events", events), ("--quotes", quotes), ("--notes", notes)] {
                guard let value else { continue }
                guard Self.ids(value) != nil else { throw ValidationError("\(name) \(value): expected ids separated by commas") }
            }
        } else if (actors ?? "").isEmpty && (topic ?? "").isEmpty {
            throw ValidationError("give --actors, --topic or both, or picked --events and --quotes")
        }
    }

    static func ids(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let ids = parts.compactMap { Int($0) }.filter { $0 > 0 }
        return ids.count == parts.count ? ids : nil
    }

    func run() async throws {
        try await withStore(store) { store in
            let b: Briefing
            var picks: [Note] = []
            if picked {
                b = try await store.briefing(events: Self.ids(events ?? "") ?? [], quotes: Self.ids(quotes ?? "") ?? [], title: title)
                picks = try await store.notes(ids: Self.ids(notes ?? "") ?? [])
            } else {
                var ids: [Int] = []
                for name in (actors ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
                    ids.append(try await store.actorID(named: name))
                }
                b = try await store.briefing(actors: ids, query: topic, since: since, until: until)
            }
            let text = Briefings.markdown(b, notes: picks, base: base, generated: String(Store.nowForDisplay().prefix(10)))
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
