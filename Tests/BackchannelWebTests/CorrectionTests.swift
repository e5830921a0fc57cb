@testable import BackchannelStore
import BackchannelTestSupport
@testable import BackchannelWeb
import Foundation
import Testing
import VaporTesting

/// Who took part in an event, and which actor is which: the corrections analysts make most.
@Suite("corrections of participants and actors", .serialized)
struct ParticipantAndActorCorrectionTests {
    /// Ann meets Bo; Cy is named in the article but the machine left him out of the event.
    static func talks(_ extra: String = "") -> ArticleBuilder {
        var a = ArticleBuilder(url: "https://wire.example/three", published: "2025-04-11", title: "Envoy meets president",
                               text: "Envoy Ann Example met President Bo Sample and adviser Cy Third in Exampleton on Friday." + extra)
        let ann = a.entity("Ann Example", .person, roles: ["Envoy"]), bo = a.entity("Bo Sample", .person)
        a.entity("Cy Third", .person)
        a.event(.consult, actors: [ann], targets: [bo], date: "2025-04-11",
                sentence: "Envoy Ann Example met President Bo Sample and adviser Cy Third in Exampleton on Friday.", trigger: "met")
        return a
    }

    /// An article that names someone the first one does not.
    static func elsewhere(_ name: String) -> ArticleBuilder {
        var a = ArticleBuilder(url: "https://wire.example/\(name.lowercased().replacingOccurrences(of: " ", with: "-"))", published: "2025-03-01",
                               title: "Profile", text: "\(name) spoke in Otherton.")
        a.entity(name, .person)
        return a
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func actorsAndTargetsCorrectionsHoldInListsExportsAndNewVersions(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        _ = try await store.transaction { try await store.write(Self.elsewhere("Dee Outside").document, input: nil) }
        _ = try await store.transaction { try await store.write(Self.elsewhere("Dee Outsider").document, input: nil) }
        let event = try await store.ints("SELECT id FROM fused_events")[0]
        let ann = try await store.actorID(named: "Ann Example"), cy = try await store.actorID(named: "Cy Third")
        let bo = try await store.actorID(named: "Bo Sample"), dee = try await store.actorID(named: "Dee Outside")

        // Cy acted too; the target was Dee, whom this article never names as an entity.
        try await store.correctEvent(event, .actors([ann, cy]), by: "ana")
        try await store.correctEvent(event, .targets([dee]), by: "ada")
        var card = try #require(try await store.eventList(limit: 5, offset: 0).items.first)
        #expect(Set(card.actors.map(\.id)) == [ann, cy])
        #expect(card.targets.map(\.id) == [dee])
        #expect(try await store.eventList(actor: bo, limit: 5, offset: 0).items.isEmpty, "Bo is no longer in the event")
        var lines: [String] = []
        try await store.export(.events, format: .plover) { lines.append($0) }
        #expect(lines.count == 1)
        let names = lines.first.map { line in ["Ann Example", "Bo Sample", "Cy Third", "Dee Outside"].filter { line.contains("\"actor_text\":\"\($0)\"") } }
        #expect(names == ["Ann Example", "Cy Third", "Dee Outside"])
        let trail = try await store.eventDetail(event).corrections
        #expect(trail.map(\.user) == ["ana", "ada"])
        #expect(trail[0].actors.map(\.name) == ["Ann Example", "Cy Third"] && trail[1].actors.map(\.name) == ["Dee Outside"])

        // Dee Outside and Dee Outsider are one person: the correction follows the merge, and
        // holds when a new version of the article is read.
        let outsider = try await store.actorID(named: "Dee Outsider")
        try await store.mergeActors(keep: outsider, absorb: dee, by: "ana")
        _ = try await store.transaction { try await store.write(Self.talks(" Talks go on.").document, input: nil) }
        let after = try await store.ints("SELECT id FROM fused_events")
        #expect(after.count == 1)
        card = try #require(try await store.eventList(limit: 5, offset: 0).items.first)
        #expect(Set(card.actors.map(\.id)) == [ann, cy])
        #expect(card.targets.map(\.id) == [outsider])

        // No actors at all is not a correction; no targets is.
        #expect(EventCorrection(field: "actors", value: "") == nil)
        #expect(EventCorrection(field: "actors", value: "3,x") == nil)
        #expect(EventCorrection(field: "targets", value: "") == .targets([]))
        await #expect(throws: StoreError.self) { try await store.correctEvent(after[0], .actors([999_999]), by: "ana") }
        try await store.close()
    }

    @Test(arguments: TestDatabases.Kind.allCases)
    func actorCorrectionsNameWhoMadeThem(_ kind: TestDatabases.Kind) async throws {
        guard let store = try await TestDatabases.fresh(kind) else { return }
        // The misspelling first: SQLite may give a new row the id of the newest one deleted.
        _ = try await store.transaction { try await store.write(Self.elsewhere("Bo Sampel").document, input: nil) }
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        let bo = try await store.actorID(named: "Bo Sample"), misspelt = try await store.actorID(named: "Bo Sampel")
        try await store.mergeActors(keep: bo, absorb: misspelt, by: "ana")
        try await store.renameActor(bo, to: "Bo R. Sample", by: "ada")
        let split = try await store.splitActor(bo, alias: "Bo Sampel")
        let trail = try await store.actorDetail(bo).corrections
        #expect(trail.map(\.kind) == ["merge", "rename", "split"])
        #expect(trail[0].user == "ana" && trail[1].user == "ada")
        #expect(trail[2].user.hasSuffix("command line"), "the command line records its user: \(trail[2].user)")
        #expect(trail[2].otherActorID == split)
        #expect(try await store.actorDetail(split).corrections.map(\.kind) == ["split"], "the new actor shows where it came from")
        try await store.close()
    }

    @Test func analystsMergeSplitAndRenameFromTheActorPage() async throws {
        let store = try await Store.open(.sqlite(path: ":memory:"))
        // The misspelling first: SQLite may give a new row the id of the newest one deleted.
        _ = try await store.transaction { try await store.write(Self.elsewhere("Bo Sampel").document, input: nil) }
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        for (name, role) in [("ana", AccessRole.analyst), ("rex", .reader)] {
            try await store.addUser(name: name, passwordHash: try Passwords.hash("correct horse battery", cost: 4), role: role)
        }
        let bo = try await store.actorID(named: "Bo Sample")
        try await withApp(configure: { app in try WebApp.configure(app, store: store) }) { app in
            var reader = Browser()
            _ = try await reader.signIn(app, "rex")
            let (_, _, readerPage) = try await reader.get(app, "/actors/\(bo)")
            #expect(!readerPage.contains("Merge into this actor"))
            let (refused, _, _) = try await reader.post(app, "/actors/\(bo)/merge", ["csrf": Browser.csrf(in: readerPage)!, "other": "Bo Sampel"])
            #expect(refused == .forbidden)

            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, page) = try await analyst.get(app, "/actors/\(bo)")
            #expect(page.contains("Merge into this actor") && page.contains("None: this is the machine's reading."))
            let token = try #require(Browser.csrf(in: page))
            let (unknown, _, message) = try await analyst.post(app, "/actors/\(bo)/merge", ["csrf": token, "other": "Nobody Known"])
            #expect(unknown == .badRequest && message.contains("no actor is known as"))
            let (itself, _, _) = try await analyst.post(app, "/actors/\(bo)/merge", ["csrf": token, "other": String(bo)])
            #expect(itself == .badRequest)
            let (blank, _, _) = try await analyst.post(app, "/actors/\(bo)/rename", ["csrf": token, "name": "  "])
            #expect(blank == .badRequest)
            #expect(try await store.count("corrections") == 0, "refused forms change nothing")

            let (merged, _, _) = try await analyst.post(app, "/actors/\(bo)/merge", ["csrf": token, "other": "Bo Sampel"])
            #expect(merged == .seeOther)
            #expect(try await store.actor(bo).aliases.contains("Bo Sampel"))
            let (renamed, _, _) = try await analyst.post(app, "/actors/\(bo)/rename", ["csrf": token, "name": "Bo R. Sample"])
            #expect(renamed == .seeOther)
            let (split, headers, _) = try await analyst.post(app, "/actors/\(bo)/split", ["csrf": token, "alias": "Bo Sampel"])
            #expect(split == .seeOther)
            let created = try await store.actorID(named: "Bo Sampel")
            #expect(created != bo && headers.first(name: .location) == "/actors/\(created)#corrections")
            let (_, _, after) = try await Browser().get_(app, "/actors/\(bo)")
            #expect(after.contains("<h1>Bo R. Sample</h1>"))
            #expect(after.contains("ana merged <a href=\"/actors/"))
            #expect(after.contains("ana renamed it “Bo R. Sample”"))
            #expect(after.contains("ana split “Bo Sampel” off as <a href=\"/actors/\(created)\">"))
            #expect(!after.contains("Merge into this actor"), "anonymous readers see the trail, not the forms")
        }
        try await store.close()
    }

    @Test func analystsChangeWhoTookPartFromTheEventPage() async throws {
        let store = try await Store.open(.sqlite(path: ":memory:"))
        _ = try await store.transaction { try await store.write(Self.talks().document, input: nil) }
        try await store.addUser(name: "ana", passwordHash: try Passwords.hash("correct horse battery", cost: 4), role: .analyst)
        let event = try await store.ints("SELECT id FROM fused_events")[0]
        try await withApp(configure: { app in try WebApp.configure(app, store: store) }) { app in
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (_, _, page) = try await analyst.get(app, "/events/\(event)")
            #expect(page.contains("name=\"actors\" value=\"Ann Example\""), "the form starts from the machine's reading")
            let token = try #require(Browser.csrf(in: page))
            let (unknown, _, message) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "actors", "actors": "Ann Example; Nobody Known"])
            #expect(unknown == .badRequest && message.contains("actors: no actor is known as"))
            let (empty, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "actors", "actors": " "])
            #expect(empty == .badRequest)
            #expect(try await store.count("event_corrections") == 0)
            let (ok, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "actors", "actors": "Ann Example; Cy Third"])
            #expect(ok == .seeOther)
            let (none, _, _) = try await analyst.post(app, "/events/\(event)/corrections", ["csrf": token, "field": "targets", "targets": ""])
            #expect(none == .seeOther)
            let (_, _, after) = try await Browser().get_(app, "/events/\(event)")
            #expect(after.contains("ana set the actors to <a class=\"actor t-PERSON\" href=\"/actors/"))
            #expect(after.contains("ana set the targets to none"))
            #expect(after.contains("<h1>CONSULT: Ann Example, Cy Third</h1>"))
        }
        try await store.close()
    }
}

@Suite("backgrounders of hand-picked items", .serialized)
struct PickedBriefingTests {
    static func store() async throws -> (Store, events: [Int], quotes: [Int]) {
        let store = try await Store.open(.sqlite(path: ":memory:"))
        for (n, day) in ["2025-04-11", "2025-05-02", "2025-06-20"].enumerated() {
            let sentence = "Envoy Ann Example met President Bo Sample for round \(n + 1)."
            var a = ArticleBuilder(url: "https://wire.example/round-\(n + 1)", published: day, title: "Round \(n + 1)",
                                   text: sentence + " “We made progress on round \(n + 1),” Example said.")
            let ann = a.entity("Ann Example", .person, roles: ["Envoy"]), bo = a.entity("Bo Sample", .person)
            a.event(.consult, actors: [ann], targets: [bo], date: day, sentence: sentence, trigger: "met")
            a.quote("We made progress on round \(n + 1),", speaker: ann)
            _ = try await store.transaction { try await store.write(a.document, input: nil) }
        }
        try await store.addUser(name: "ana", passwordHash: try Passwords.hash("correct horse battery", cost: 4), role: .analyst)
        return (store, try await store.ints("SELECT id FROM fused_events ORDER BY date_day"), try await store.ints("SELECT id FROM quotes ORDER BY said_on"))
    }

    @Test func onlyThePickedItemsAreInIt() async throws {
        let (store, events, quotes) = try await Self.store()
        #expect(events.count == 3 && quotes.count == 3)
        let ana = try await store.user(named: "ana")
        let note = try await store.addNote(on: .event, id: events[0], by: ana, body: "Round one set the agenda.")
        let other = try await store.addNote(on: .event, id: events[1], by: ana, body: "Round two is not in the picked set.")
        try await withApp(configure: { app in try WebApp.configure(app, store: store) }) { app in
            let picked = "/briefing?event=\(events[2])&event=\(events[0])&quote=\(quotes[1])&note=\(note.id)&title=Example%20talks%2C%20rounds%201%20and%203"
            var analyst = Browser()
            _ = try await analyst.signIn(app, "ana")
            let (status, _, page) = try await analyst.get(app, picked)
            #expect(status == .ok)
            #expect(page.contains("<h1>Backgrounder: Example talks, rounds 1 and 3</h1>"))
            #expect(page.contains("round 1.") && page.contains("round 3.") && !page.contains("round 2."), "events picked, oldest first")
            #expect(page.range(of: "round 1.")!.lowerBound < page.range(of: "round 3.")!.lowerBound)
            #expect(page.contains("We made progress on round 2") && !page.contains("We made progress on round 1"), "only the picked quote")
            #expect(page.contains("Round one set the agenda.") && !page.contains(other.body))
            #expect(page.contains("11 Apr 2025 to 20 Jun 2025"))
            let (_, _, markdown) = try await analyst.get(app, picked.replacingOccurrences(of: "/briefing?", with: "/briefing.md?"))
            #expect(markdown.hasPrefix("# Backgrounder: Example talks, rounds 1 and 3"))
            #expect(markdown.contains("Round one set the agenda.") && markdown.contains("## Chronology"))
            // Readers get the same backgrounder without the analysts' notes.
            let (_, _, readers) = try await Browser().get_(app, picked)
            #expect(readers.contains("round 3.") && !readers.contains("Round one set the agenda."))
            // The picking page lists the storyline's items with their boxes ticked.
            let ids = try await store.actorID(named: "Ann Example")
            let (_, _, pick) = try await analyst.get(app, "/briefing/pick?actors=\(ids)")
            for id in events { #expect(pick.contains("name=\"event\" value=\"\(id)\" checked")) }
            for id in quotes { #expect(pick.contains("name=\"quote\" value=\"\(id)\" checked")) }
            #expect(pick.contains("name=\"note\" value=\"\(note.id)\" checked"))
            let (bad, _, message) = try await analyst.get(app, "/briefing?event=1,x")
            #expect(bad == .badRequest && message.contains("event=x"))
        }
        try await store.close()
    }

    @Test func aRejectedEventStaysOut() async throws {
        let (store, events, _) = try await Self.store()
        try await store.correctEvent(events[1], .reject, by: "ana")
        let b = try await store.briefing(events: events, quotes: [], title: nil)
        #expect(b.events.map(\.id) == [events[0], events[2]])
        #expect(b.since == "2025-04-11" && b.until == "2025-06-20")
        try await store.close()
    }
}
