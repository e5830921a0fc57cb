import ArgumentParser
import BackchannelCore
import BackchannelExtract
import BackchannelPipeline
import Foundation

/// `backchannel extract`: pages in, clean articles out as JSON.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the article (text, metadata, images) from HTML or plain-text pages.",
        discussion: """
            PATH is a file, a directory (every .html, .htm and .txt file below it) or - for \
            standard input. One input prints one JSON object; several print a JSON array, or one \
            object per line with --format jsonl. A broken input prints a one-line error naming it \
            on standard error and the others go on; the exit status is 1 if any input gave no article.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, jsonl, text }

    @Option(name: .long, help: "Output format: json, jsonl or text.")
    var format: OutputFormat = .json

    @Option(name: .long, help: "Publication date to use instead of the page's (YYYY-MM-DD or ISO 8601).")
    var published: String?

    @Option(name: .long, help: "The page's URL: resolves links and gives a date when the page has none.")
    var url: String?

    @Option(name: .long, help: "How to read inputs: auto, html or text (auto: by file extension, else by content).")
    var input: ExtractionOptions.Format = .auto

    @Flag(name: .long, help: "Take each input verbatim as the article body: no title or boilerplate detection.")
    var bodyOnly = false

    @Option(name: .long, help: "How far to analyse: full (the default), language (sentences, entities, dates and money: no quotes or events) or none.")
    var analysis: PipelineOptions.Analysis?

    @Flag(name: .long, help: "Extract the article only: no sentences, entities, dates, money, quotes or events (the same as --analysis none).")
    var noAnalysis = false

    @Flag(name: .long, help: "Also print, on standard error, the words that triggered each event.")
    var explain = false

    @Flag(name: .long, help: "Give events the modality their rules find, without the modality model (what scripts/train_modality.py learns from).")
    var ruleModality = false

    @Flag(name: .long, help: "Give events the date their rules find, without the event-date model (what scripts/train_event_dates.py learns from).")
    var ruleDates = false

    @Flag(name: .long, help: "Give events the place their rules find, without the event-place model (what scripts/train_event_places.py learns from).")
    var rulePlaces = false

    @Flag(name: .long, help: "Give events the targets their rules find, without the event-target model (what scripts/train_event_targets.py learns from).")
    var ruleTargets = false

    @Option(name: .long, help: "Refuse inputs larger than this many megabytes.")
    var maxMegabytes: Int = 64

    @Argument(help: "Files, directories, or - for standard input.")
    var paths: [String] = []

    func validate() throws {
        if let published, DateParser.parseMachine(published) == nil {
            throw ValidationError("--published: cannot read '\(published)' as a date; use YYYY-MM-DD or ISO 8601")
        }
        if maxMegabytes < 1 { throw ValidationError("--max-megabytes must be at least 1") }
        if paths.isEmpty { throw ValidationError("give at least one PATH, or - for standard input") }
        if noAnalysis, let analysis, analysis != .none {
            throw ValidationError("--no-analysis and --analysis \(analysis.rawValue) disagree; give one of them")
        }
    }

    func run() throws {
        var out = FileStream(FileHandle.standardOutput)
        var err = FileStream(FileHandle.standardError)
        let runner = Extract.Runner(options: runnerOptions())
        let status = runner.run(paths: paths, output: &out, errors: &err)
        out.flush()
        err.flush()
        if status != 0 { throw ExitCode(status) }
    }

    func runnerOptions() -> Extract.Runner.Options {
        var options = ExtractionOptions(format: input, url: url, published: published.flatMap(DateParser.parseMachine), bodyOnly: bodyOnly)
        options.maximumBytes = maxMegabytes << 20
        return Extract.Runner.Options(extraction: options, format: format, pipeline: pipelineOptions, explain: explain)
    }

    var pipelineOptions: PipelineOptions {
        var options = PipelineOptions(analysis: noAnalysis ? .none : analysis ?? .full)
        options.ruleModality = ruleModality
        options.ruleDates = ruleDates
        options.rulePlaces = rulePlaces
        options.ruleTargets = ruleTargets
        return options
    }
}

extension ExtractionOptions.Format: ExpressibleByArgument {}
extension PipelineOptions.Analysis: ExpressibleByArgument {}
