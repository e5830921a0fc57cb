@testable import BackchannelMail
import BackchannelTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("SMTP")
struct SMTPTests {
    @Test func aMessageReachesTheRelayWithItsHeadersAndDotsStuffed() throws {
        let sink = SMTPSink()
        let message = MailMessage(from: "backchannel@institute.example", to: "maria@institute.example", subject: "Digest: Geneva — 3 new events",
                                  body: "First line\n.a line starting with a dot\nLast line")
        try SMTPClient(host: "127.0.0.1", port: sink.port).send(message)
        sink.wait()
        let lines = sink.lines
        #expect(lines.first == "EHLO backchannel")
        #expect(lines.contains("MAIL FROM:<backchannel@institute.example>"))
        #expect(lines.contains("RCPT TO:<maria@institute.example>"))
        #expect(lines.contains("To: maria@institute.example"))
        #expect(lines.contains { $0.hasPrefix("Subject: =?UTF-8?B?") }, "a non-ASCII subject is encoded")
        #expect(lines.contains("..a line starting with a dot"))
        #expect(lines.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(lines.last == "QUIT")
    }

    @Test func refusalsAndBadAddressesAreClearErrors() throws {
        let sink = SMTPSink(refuseRecipient: true)
        let message = MailMessage(from: "a@b.example", to: "nobody@b.example", subject: "x", body: "y")
        #expect(throws: MailError.refused("127.0.0.1:\(sink.port): the mail server answered \"550 no such user\"")) {
            try SMTPClient(host: "127.0.0.1", port: sink.port).send(message)
        }
        #expect(throws: MailError.self) { try SMTPClient(host: "127.0.0.1", port: 1).send(message) }
        #expect(throws: MailError.badAddress("a@b.example\r\nRCPT TO:<x@y>: not an e-mail address")) {
            try SMTPClient(host: "127.0.0.1", port: sink.port).send(MailMessage(from: "a@b.example\r\nRCPT TO:<x@y>", to: "c@d.example", subject: "", body: ""))
        }
        #expect(throws: MailError.self) { try SMTPClient(address: "host:notaport") }
        #expect(try SMTPClient(address: "mail.example:2525").port == 2525)
    }
}
