import BackchannelCore
import BackchannelExtract
import BackchannelPipeline
import Foundation

/// The work behind `backchannel extract`, apart from argument parsing so tests can run it in-process.
enum Extract {
    struct Runner {
        struct Options {
            var extraction: ExtractionOptions
            var format: ExtractCommand.OutputFormat
            var pipeline = PipelineOptions()
            var explain = false
        }

        let options: Options
        let pipeline: Pipeline
        var readStandardInput: () -> [UInt8] = { Array(FileHandle.standardInput.readDataToEndOfFile()) }

        init(options: Options) {
            self.options = options
            pipeline = StandardPipeline.make(options.pipeline)
        }

        /// Extracts every input and prints the results; returns the exit status.
        func run(paths: [String], output: inout some TextOutputStream, errors: inout some TextOutputStream) -> Int32 {
            var failed = false
            let inputs = InputResolver.resolve(paths) { message in
                errors.write("backchannel: error: \(message)\n")
                failed = true
            }
            let asArray = options.format == .json && inputs.count > 1
            var printed = 0
            if asArray { output.write("[\n") }
            for input in inputs {
                guard let document = extract(input, errors: &errors) else { failed = true; continue }
                let record = ExtractRecord(source: input.name, document: document)
                if options.explain { errors.write(Self.explanation(of: document, source: input.name)) }
                switch options.format {
                case .json, .jsonl:
                    var json = JSONWriter(pretty: options.format == .json)
                    record.write(to: &json)
                    if asArray && printed > 0 { output.write(",\n") }
                    output.write(json.string)
                    output.write("\n")
                case .text:
                    if printed > 0 { output.write("\n") }
                    if inputs.count > 1 { output.write("==> \(input.name) <==\n") }
                    if let title = document.metadata.title { output.write(title + "\n\n") }
                    output.write(document.text + "\n")
                }
                printed += 1
            }
            if asArray { output.write("]\n") }
            return failed ? 1 : 0
        }

        /// One line per event: its type, the trigger in its sentence, actors and targets.
        ///
        ///     page.html V1 CONSULT ‹met› — “Witkoff [met] Putin in St. Petersburg.” actors: Steve Witkoff; targets: Vladimir Putin
        static func explanation(of document: Document, source: String) -> String {
            let name = { (id: Entity.ID) in document.entities.first { $0.id == id }?.name ?? id.rawValue }
            var out = ""
            for event in document.events {
                let before = document.text.slice(TextSpan(start: event.sentence.start, end: event.trigger.start))
                let trigger = document.text.slice(event.trigger)
                let after = document.text.slice(TextSpan(start: event.trigger.end, end: event.sentence.end))
                out += "\(source) \(event.id) \(event.type.rawValue) ‹\(trigger)› — “\(before)[\(trigger)]\(after)”"
                out += " actors: \(event.actors.map(name).joined(separator: ", ")); targets: \(event.targets.map(name).joined(separator: ", "))"
                out += "; modality: \(event.modality.rawValue)\n"
            }
            return out
        }

        private func extract(_ input: InputResolver.Input, errors: inout some TextOutputStream) -> Document? {
            let bytes: [UInt8]
            switch input.location {
            case .standardInput:
                bytes = readStandardInput()
            case .file(let path):
                switch FileReader.read(path, limit: options.extraction.maximumBytes) {
                case .bytes(let read):
                    bytes = read
                case .tooLarge(let size):
                    errors.write("backchannel: error: \(ExtractionError.tooLarge(input: input.name, bytes: size, limit: options.extraction.maximumBytes))\n")
                    return nil
                case .missing, .unreadable:
                    errors.write("backchannel: error: \(input.name): cannot be read\n")
                    return nil
                }
            }
            var extraction = options.extraction
            if extraction.format == .auto { extraction.format = input.formatHint }
            do {
                switch try ArticleExtractor(options: extraction).extract(bytes, name: input.name) {
                case .article(var document):
                    try pipeline.run(&document)
                    return document
                case .skipped(let reason):
                    errors.write("backchannel: error: \(input.name): \(reason)\n")
                    return nil
                }
            } catch {
                errors.write("backchannel: error: \(error)\n")
                return nil
            }
        }
    }
}

/// Expands the PATH arguments into inputs: files as given, directories to the pages below them.
enum InputResolver {
    struct Input: Equatable {
        enum Location: Equatable { case file(String), standardInput }
        var name: String
        var location: Location
        /// The format a file's extension suggests (`.auto` when it says nothing).
        var formatHint: ExtractionOptions.Format
    }

    static let pageExtensions: Set<String> = ["html", "htm", "xhtml", "txt", "text"]

    static func resolve(_ paths: [String], onError: (String) -> Void) -> [Input] {
        var inputs: [Input] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(Input(name: "-", location: .standardInput, formatHint: .auto))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                onError("\(path): no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                guard let enumerator = fm.enumerator(atPath: path) else {
                    onError("\(path): cannot list the directory")
                    continue
                }
                var found: [String] = []
                while let relative = enumerator.nextObject() as? String {
                    let ext = (relative as NSString).pathExtension.lowercased()
                    if pageExtensions.contains(ext) { found.append(relative) }
                }
                if found.isEmpty { onError("\(path): no .html, .htm or .txt files in the directory") }
                for relative in found.sorted() {
                    let full = (path as NSString).appendingPathComponent(relative)
                    var sub: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue {
                        inputs.append(Input(name: full, location: .file(full), formatHint: hint(for: full)))
                    }
                }
            } else {
                inputs.append(Input(name: path, location: .file(path), formatHint: hint(for: path)))
            }
        }
        return inputs
    }

    static func hint(for path: String) -> ExtractionOptions.Format {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm", "xhtml": .html
        case "txt", "text": .text
        default: .auto
        }
    }
}
