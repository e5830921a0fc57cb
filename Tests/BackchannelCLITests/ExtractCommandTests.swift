import ArgumentParser
import BackchannelTestSupport
import Foundation
import Testing

@testable import BackchannelCLI

/// Runs `backchannel extract` in-process and compares exact output.
@Suite("backchannel extract")
struct ExtractCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpusPage = repository.appendingPathComponent("Corpus/html/witkoff-putin-st-petersburg.html").path
    static let corpusText = repository.appendingPathComponent("Corpus/text/witkoff-putin-st-petersburg.txt").path

    struct Run {
        var status: Int32
        var output: String
        var errors: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(output.utf8)) }
        var lines: [[String: Any]] {
            output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    func run(_ arguments: [String], stdin: String = "") throws -> Run {
        let command = try ExtractCommand.parse(arguments)
        var runner = Extract.Runner(options: command.runnerOptions())
        runner.readStandardInput = { Array(stdin.utf8) }
        var output = "", errors = ""
        let status = runner.run(paths: command.paths, output: &output, errors: &errors)
        return Run(status: status, output: output, errors: errors)
    }

    func temporaryDirectory() throws -> URL {
        try TemporaryFolders.make("bc-cli")
    }

    @Test func oneInputPrintsOneObjectWithEveryMember() throws {
        let result = try run([Self.corpusPage])
        #expect(result.status == 0)
        #expect(result.errors == "")
        let object = try #require(result.json as? [String: Any])
        #expect(Set(object.keys) == ["source", "article", "entities", "dates", "money", "quotes", "events"])
        #expect(object["source"] as? String == Self.corpusPage)
        let article = try #require(object["article"] as? [String: Any])
        for key in ["title", "published", "modified", "authors", "categories", "siteName", "language", "url", "text",
                    "wordCount", "readingMinutes", "images"] {
            #expect(article.keys.contains(key), "article.\(key) missing")
        }
        #expect(article["title"] as? String == "In St. Petersburg, Witkoff’s Third Meeting With Putin Tests the Limits of Envoy Diplomacy")
        #expect((article["readingMinutes"] as? Int ?? 0) >= 1)
        // Every offset counts code points of article.text and carries its text.
        let scalars = Array((article["text"] as? String ?? "").unicodeScalars)
        func text(_ o: [String: Any]) -> String {
            let start = o["start"] as! Int, end = o["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }
        let entities = try #require(object["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["name"] as? String == "Steve Witkoff" && $0["type"] as? String == "PERSON" })
        for entity in entities {
            for mention in entity["mentions"] as? [[String: Any]] ?? [] { #expect(text(mention) == mention["text"] as? String) }
        }
        for date in object["dates"] as? [[String: Any]] ?? [] { #expect(text(date) == date["text"] as? String) }
        #expect((object["dates"] as? [[String: Any]])?.contains { $0["value"] as? String == "2025-04-11" } == true)
    }

    @Test func jsonLinesCarryTheirSource() throws {
        let result = try run(["--format", "jsonl", Self.corpusPage, Self.corpusText])
        #expect(result.status == 0)
        #expect(result.lines.map { $0["source"] as? String } == [Self.corpusPage, Self.corpusText])
    }

    @Test func severalInputsPrintAnArray() throws {
        let result = try run([Self.corpusPage, Self.corpusText])
        #expect((result.json as? [Any])?.count == 2)
    }

    @Test func brokenInputIsNamedAndTheOthersGoOn() throws {
        let dir = try temporaryDirectory()
        let empty = dir.appendingPathComponent("empty.html")
        let binary = dir.appendingPathComponent("photo.html")
        try Data().write(to: empty)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: binary)
        let missing = dir.appendingPathComponent("missing.html").path
        let result = try run(["--format", "jsonl", missing, empty.path, Self.corpusPage, binary.path])
        #expect(result.status == 1)
        #expect(result.errors == """
            backchannel: error: \(missing): no such file or directory
            backchannel: error: \(empty.path): the input is empty
            backchannel: error: \(binary.path): not a text or HTML page (PNG image)

            """)
        #expect(result.lines.count == 1)
    }

    @Test func directoryExpandsToItsPagesInOrder() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let body = "<html><body><article><p>Delegations met in Geneva on Monday, officials said, for a third round.</p></article></body></html>"
        for name in ["b.html", "a.htm", "sub/c.txt", "notes.md", "image.png"] {
            let content = name.hasSuffix(".txt") ? "A headline for the text file\n\nThe text body has one sentence in it, said officials." : body
            try Data(content.utf8).write(to: dir.appendingPathComponent(name))
        }
        let result = try run(["--format", "jsonl", dir.path])
        #expect(result.status == 0)
        let sources = result.lines.compactMap { $0["source"] as? String }.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(sources == ["a.htm", "b.html", "c.txt"])
    }

    @Test func standardInput() throws {
        let result = try run(["--format", "text", "-"], stdin: "Envoys meet in Muscat\n\nThe talks lasted two hours, Omani officials said.")
        #expect(result.status == 0)
        #expect(result.output == "Envoys meet in Muscat\n\nThe talks lasted two hours, Omani officials said.\n")
    }

    @Test func bodyOnlyOffsetsIndexTheInputInCodePoints() throws {
        let input = "Zelenskyy 🤝 Kyiv.\n\n“Productive”, said Peskov."
        let result = try run(["--body-only", "--published", "2025-04-11", "-"], stdin: input)
        let article = try #require((result.json as? [String: Any])?["article"] as? [String: Any])
        #expect(article["text"] as? String == input)
        #expect(article["published"] as? String == "2025-04-11")
        let blocks = try #require(article["blocks"] as? [[String: Any]])
        let scalars = Array(input.unicodeScalars)
        let texts = blocks.map { block -> String in
            let start = block["start"] as! Int, end = block["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return String(view)
        }
        #expect(texts == ["Zelenskyy 🤝 Kyiv.", "“Productive”, said Peskov."])
    }

    @Test func publishedOverridesThePage() throws {
        let result = try run(["--published", "2030-01-02", Self.corpusPage])
        let article = try #require((result.json as? [String: Any])?["article"] as? [String: Any])
        #expect(article["published"] as? String == "2030-01-02")
    }

    @Test(arguments: [
        (["--published", "someday", "x.html"], "--published: cannot read 'someday' as a date; use YYYY-MM-DD or ISO 8601"),
        (["--max-megabytes", "0", "x.html"], "--max-megabytes must be at least 1"),
        ([String](), "give at least one PATH, or - for standard input"),
        (["--no-analysis", "--analysis", "language", "x.html"], "--no-analysis and --analysis language disagree; give one of them"),
    ])
    func invalidArgumentsAreExplained(arguments: [String], message: String) {
        do {
            _ = try ExtractCommand.parse(arguments)
            Issue.record("expected a validation error")
        } catch {
            #expect(ExtractCommand.message(for: error) == message)
        }
    }

    @Test func analysisChoosesHowFarTheStagesGo() throws {
        let sentence = "Kremlin spokesman Dmitry Peskov said on Friday that Russia “will not accept” the plan."
        func members(_ arguments: [String]) throws -> [String: Int] {
            let result = try run(arguments + ["--body-only", "--published", "2025-04-11", "--format", "jsonl", "-"], stdin: sentence)
            #expect(result.status == 0)
            let object = try #require(result.lines.first)
            var counts: [String: Int] = [:]
            for key in ["entities", "dates", "quotes", "events"] { counts[key] = (object[key] as? [Any])?.count }
            return counts
        }
        let full = try members([]), language = try members(["--analysis", "language"])
        #expect(try members(["--analysis", "full"]) == full)
        #expect(full["entities"]! >= 2 && full["dates"] == 1 && full["quotes"] == 1 && full["events"]! >= 1)
        #expect(language == ["entities": full["entities"]!, "dates": 1, "quotes": 0, "events": 0])
        #expect(try members(["--analysis", "none"]) == ["entities": 0, "dates": 0, "quotes": 0, "events": 0])
        #expect(try members(["--no-analysis", "--analysis", "none"]) == ["entities": 0, "dates": 0, "quotes": 0, "events": 0])
    }

    /// "used a meeting … to demand": the rules read "to" before the trigger as an intention; the
    /// modality model, on by default, reads the demand as made.
    @Test func ruleModalityKeepsTheRulesAnswer() throws {
        let text = "Defence Secretary Pete Hegseth used a meeting with NATO counterparts in Brussels on Thursday to demand that European allies spend far more on defence."
        func demand(_ arguments: [String]) throws -> String? {
            let result = try run(arguments + ["--body-only", "--published", "2025-04-11", "--format", "jsonl", "-"], stdin: text)
            #expect(result.status == 0)
            let events = try #require(result.lines.first?["events"] as? [[String: Any]])
            return events.first { $0["type"] as? String == "DEMAND" }?["modality"] as? String
        }
        #expect(try demand([]) == "asserted")
        #expect(try demand(["--rule-modality"]) == "planned")
    }

    /// "who chairs … this year, has offered to host talks": the rules date the offer with the
    /// sentence's only date; the date model, on by default, sees it dates the chairing.
    @Test func ruleDatesKeepsTheRulesDate() throws {
        let text = "Kenyan President William Ruto, who chairs the East African Community this year, has offered to host talks in Nairobi."
        func date(_ arguments: [String]) throws -> String? {
            let result = try run(arguments + ["--body-only", "--published", "2025-04-11", "--format", "jsonl", "-"], stdin: text)
            #expect(result.status == 0)
            let events = try #require(result.lines.first?["events"] as? [[String: Any]])
            let consult = try #require(events.first { $0["type"] as? String == "CONSULT" })
            return (consult["date"] as? [String: Any])?["value"] as? String
        }
        #expect(try date([]) == nil)
        #expect(try date(["--rule-dates"]) == "2025")
    }

    /// "sanctions on two banks in Iran": the rules place the sanctions in Iran; the place model,
    /// on by default, sees Iran locates the banks.
    @Test func rulePlacesKeepsTheRulesPlace() throws {
        let text = "The United States imposed sanctions on two banks in Iran on Monday."
        func place(_ arguments: [String]) throws -> String? {
            let result = try run(arguments + ["--body-only", "--published", "2025-04-11", "--format", "jsonl", "-"], stdin: text)
            #expect(result.status == 0)
            let line = try #require(result.lines.first)
            let events = try #require(line["events"] as? [[String: Any]])
            let sanction = try #require(events.first { $0["type"] as? String == "SANCTION" })
            let entities = try #require(line["entities"] as? [[String: Any]])
            return (sanction["place"] as? String).flatMap { id in entities.first { $0["id"] as? String == id }?["name"] as? String }
        }
        #expect(try place([]) == nil)
        #expect(try place(["--rule-places"]) == "Iran")
    }

    /// "condemned Russia's attack on Kyiv": the rules take Kyiv as the condemnation's target; the
    /// target model, on by default, takes Russia.
    @Test func ruleTargetsKeepsTheRulesTargets() throws {
        let text = "The European Union condemned Russia's attack on Kyiv."
        func targets(_ arguments: [String]) throws -> [String] {
            let result = try run(arguments + ["--body-only", "--published", "2025-04-11", "--format", "jsonl", "-"], stdin: text)
            #expect(result.status == 0)
            let line = try #require(result.lines.first)
            let events = try #require(line["events"] as? [[String: Any]])
            let disapproval = try #require(events.first { $0["type"] as? String == "DISAPPROVE" })
            let entities = try #require(line["entities"] as? [[String: Any]])
            return (disapproval["targets"] as? [String] ?? []).compactMap { id in entities.first { $0["id"] as? String == id }?["name"] as? String }
        }
        #expect(try targets([]) == ["Russia"])
        #expect(try targets(["--rule-targets"]) == ["Kyiv"])
    }

    @Test func explainPrintsTheTriggerOfEachEvent() throws {
        let result = try run(["--explain", "--body-only", "--format", "jsonl", "-"],
                             stdin: "U.S. Special Envoy Steve Witkoff met Vladimir Putin in St. Petersburg on Friday.")
        #expect(result.status == 0)
        #expect(result.errors == "- V1 CONSULT ‹met› — “U.S. Special Envoy Steve Witkoff [met] Vladimir Putin in St. Petersburg on Friday.” actors: Steve Witkoff; targets: Vladimir Putin; modality: asserted\n")
        let events = try #require((result.lines.first?["events"] as? [[String: Any]]))
        #expect(events.first?["type"] as? String == "CONSULT")
        #expect((events.first?["trigger"] as? [String: Any])?["text"] as? String == "met")
    }
}
