import ArgumentParser
import BackchannelMail
import BackchannelStore
import BackchannelWeb
import Foundation

/// `backchannel digest`: e-mail each user the new events of their watchlists.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "E-mail each user with an address the new events of their watchlists.",
        discussion: """
            Run it from cron (daily, say). Each user gets the events that are new since their last \
            digest, one section per watchlist; users with nothing new get no mail. Mail goes to an \
            SMTP relay without TLS or authentication (a relay on this machine or network). \
            Example: backchannel digest --smtp 127.0.0.1:25 --from backchannel@institute.example --base https://backchannel.institute.example
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "The SMTP relay, HOST or HOST:PORT.") var smtp: String?
    @Option(name: .long, help: "The sender's address.") var from: String = "backchannel@localhost.localdomain"
    @Option(name: .long, help: "The web application's address, for the links.") var base: String = "http://127.0.0.1:8080"
    @Flag(name: .long, help: "Print the digests instead of sending them (and do not mark them sent).") var dryRun = false

    func validate() throws {
        if smtp == nil && !dryRun { throw ValidationError("give --smtp HOST:PORT, or --dry-run to print the digests") }
        if !Store.validEmail(from) && !from.hasSuffix("@localhost.localdomain") { throw ValidationError("--from \(from): not an e-mail address") }
    }

    func run() async throws {
        let client = try smtp.map { try SMTPClient(address: $0) }
        let failed: Bool = try await withStore(store) { store in
            var sent = 0, failures = 0
            for digest in try await store.pendingDigests() {
                let (subject, body) = Briefings.digestText(digest, base: base.hasSuffix("/") ? String(base.dropLast()) : base)
                let message = MailMessage(from: from, to: digest.email, subject: subject, body: body)
                if dryRun {
                    say("To: \(digest.email)\nSubject: \(subject)\n\n\(body)\n")
                    continue
                }
                do {
                    try client!.send(message)
                    try await store.markDigestSent(digest)
                    sent += 1
                } catch {
                    failures += 1
                    printError("\(digest.owner) <\(digest.email)>: \(error)")
                }
            }
            if !dryRun { FileHandle.standardError.write(Data("digest: \(sent) sent, \(failures) failed\n".utf8)) }
            return failures > 0
        }
        if failed { throw ExitCode(1) }
    }
}
