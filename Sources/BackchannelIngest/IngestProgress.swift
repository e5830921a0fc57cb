import BackchannelStore
import Foundation

/// Progress of `ingest` on standard error: a bar redrawn in place on a terminal
/// (done/total, rate, time left), one plain line per input when piped, and a summary.
public final class IngestProgress: @unchecked Sendable {
    private let write: (String) -> Void
    private let interactive: Bool
    private let quiet: Bool
    private var total = 0
    private var done = 0
    private var started = Date()
    private var lastDraw = Date.distantPast

    /// `interactive`: redraw a bar (a terminal); otherwise print a line per input.
    public init(interactive: Bool, quiet: Bool = false, write: @escaping (String) -> Void) {
        self.interactive = interactive
        self.quiet = quiet
        self.write = write
    }

    /// For standard error: a bar when it is a terminal.
    public static func standardError(quiet: Bool = false) -> IngestProgress {
        IngestProgress(interactive: isatty(2) == 1, quiet: quiet) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    func start(total: Int) {
        self.total = total
        started = Date()
    }

    func grow(by n: Int) { total += n }

    func advance(item: String, result: QueueResult) {
        done += 1
        if quiet { return }
        if interactive {
            let now = Date()
            guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
            lastDraw = now
            write("\r\u{1B}[2K" + bar(now: now))
        } else {
            write("\(label(result)) \(item)\n")
        }
    }

    func finish(_ summary: IngestSummary) {
        if interactive && !quiet && done > 0 { write("\r\u{1B}[2K" + bar(now: Date()) + "\n") }
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        var line = "ingest: \(summary.stored) stored, \(summary.updated) updated, \(summary.duplicates) duplicates, \(summary.failed.count) failed"
        if summary.skipped > 0 { line += ", \(summary.skipped) already queued or unchanged" }
        if summary.feeds > 0 { line += "; \(summary.feeds) feeds gave \(summary.feedItems) new links" }
        line += String(format: " in %.1f s (%.1f/s)\n", seconds, Double(summary.processed) / seconds)
        write(line)
        for failure in summary.failed.prefix(50) { write("  failed: \(failure.input): \(failure.reason)\n") }
        if summary.failed.count > 50 { write("  … and \(summary.failed.count - 50) more failures\n") }
    }

    func label(_ result: QueueResult) -> String {
        switch result {
        case .stored(.stored): "stored   "
        case .stored(.updated): "updated  "
        case .stored(.duplicate): "duplicate"
        case .expanded: "feed     "
        case .failed(let reason): "failed    (\(reason))"
        }
    }

    func bar(now: Date) -> String {
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let shown = max(total, done)
        let width = 30
        let filled = shown == 0 ? width : min(width, done * width / shown)
        let left = rate > 0 ? Double(shown - done) / rate : 0
        let eta = String(format: "%d:%02d", Int(left) / 60, Int(left) % 60)
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
            + " \(done)/\(shown)  " + String(format: "%.1f/s", rate) + "  ETA \(eta)"
    }
}
