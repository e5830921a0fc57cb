/// A layer of annotation that a stage adds to a `Document`.
public enum Layer: String, Sendable, Codable, CaseIterable, Comparable {
    /// Clean text, blocks, metadata and images (extraction).
    case text
    case sentences
    case tokens
    case entities
    case dates
    case money
    case quotes
    case events

    public static func < (lhs: Layer, rhs: Layer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One step of the pipeline: reads the layers it `requires` and adds those it `provides`.
///
/// Stages meet only in the document: a stage never calls another stage.
public protocol Stage: Sendable {
    var name: String { get }
    var requires: Set<Layer> { get }
    var provides: Set<Layer> { get }
    func process(_ document: inout Document) throws(StageError)
}

/// Why a stage could not process a document.
public struct StageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var stage: String
    public var document: Document.ID?
    public var message: String

    public init(stage: String, document: Document.ID?, message: String) {
        self.stage = stage
        self.document = document
        self.message = message
    }

    public var description: String {
        "\(stage): \(message)" + (document.map { " (document \($0))" } ?? "")
    }
}

/// Stages in order, checked at assembly: each stage's requirements are provided
/// by the extraction or by an earlier stage.
public struct Pipeline: Sendable {
    public enum AssemblyError: Error, Equatable, CustomStringConvertible {
        case missingLayers(stage: String, missing: [Layer])
        public var description: String {
            switch self {
            case let .missingLayers(stage, missing):
                "stage \(stage) requires \(missing.map(\.rawValue).joined(separator: ", ")), which no earlier stage provides"
            }
        }
    }

    public let stages: [any Stage]

    /// - Parameter initial: the layers a document has before the first stage (extraction gives `.text`).
    public init(_ stages: [any Stage], initial: Set<Layer> = [.text]) throws(AssemblyError) {
        var available = initial
        for stage in stages {
            let missing = stage.requires.subtracting(available)
            if !missing.isEmpty {
                throw .missingLayers(stage: stage.name, missing: missing.sorted())
            }
            available.formUnion(stage.provides)
        }
        self.stages = stages
    }

    /// Runs every stage and checks that each added the layers it promised.
    public func run(_ document: inout Document) throws(StageError) {
        for stage in stages {
            try stage.process(&document)
            let missing = stage.provides.subtracting(document.layers)
            if !missing.isEmpty {
                throw StageError(
                    stage: stage.name, document: document.id,
                    message: "did not add the layers it provides: \(missing.sorted().map(\.rawValue).joined(separator: ", "))")
            }
        }
    }
}
