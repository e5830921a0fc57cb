import ArgumentParser
import BackchannelStore
import Foundation

/// `backchannel bench-search`: search latency inside one process (no start-up per query),
/// for scripts/bench_store.py. Prints one JSON object with p50 and p99 in milliseconds.
struct BenchSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-search",
        abstract: "Time a mix of article and quote searches against the store (for benchmarks).",
        shouldDisplay: false
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Rounds over the query mix.")
    var rounds: Int = 20

    func run() async throws {
        let queries: [(String, SearchQuery, Bool)] = [
            ("common word", SearchQuery(text: "talks"), false),
            ("two words", SearchQuery(text: "humanitarian corridor"), false),
            ("phrase", SearchQuery(text: "\"prisoner exchange\""), false),
            ("rare word", SearchQuery(text: "rubble"), false),
            ("word + actor", SearchQuery(text: "sanctions", actor: "Tehran"), false),
            ("word + type + dates", SearchQuery(text: "ceasefire", eventType: "CONSULT", since: "2024-06-01", until: "2024-12-31"), false),
            ("filters only", SearchQuery(eventType: "AID", since: "2025-01-01"), false),
            ("place", SearchQuery(text: "strike", place: "Kyiv"), false),
            ("quotes", SearchQuery(text: "escalation"), true),
        ]
        try await withStore(store) { store in
            var all: [Double] = []
            var perQuery: [String: [Double]] = [:]
            for _ in 0..<rounds {
                for (name, query, quotes) in queries {
                    let start = DispatchTime.now().uptimeNanoseconds
                    if quotes { _ = try await store.searchQuotes(query) } else { _ = try await store.searchArticles(query) }
                    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                    all.append(ms)
                    perQuery[name, default: []].append(ms)
                }
            }
            func pct(_ xs: [Double], _ p: Double) -> Double {
                let s = xs.sorted()
                return s[min(s.count - 1, Int((Double(s.count) * p).rounded(.up)) - 1)]
            }
            var fields = [String(format: "\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"queries\":%d", pct(all, 0.5), pct(all, 0.99), all.count)]
            for (name, _, _) in queries {
                let xs = perQuery[name]!
                fields.append(String(format: "\"%@\":{\"p50_ms\":%.2f,\"p99_ms\":%.2f}", name, pct(xs, 0.5), pct(xs, 0.99)))
            }
            print("{" + fields.joined(separator: ",") + "}")
        }
    }
}
