import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Issue 15 item 3 on the screen: once a sweep has recorded warnings and escalations, the Deadlines
/// view groups those reports by escalation level and the dashboard counts the levels per unit.
@Suite struct EscalationScreenTests {
    typealias F = DeskFixture

    @Test func deadlinesGroupByLevelAndTheDashboardCountsLevelsPerUnit() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        // Before any sweep: no level groups, no escalation figures (the golden screens stay as they were).
        let before = F.run(store, width: 140, height: 60, keys: ["3"], language: .en)
        #expect(!before.contains("Escalation:"), "\(before.text())")
        let n = try store.recordEscalations(at: F.now)
        #expect(n > 0)
        #expect(try store.recordEscalations(at: F.now) == 0, "a second sweep records nothing")
        let deadlines = F.run(store, width: 140, height: 60, keys: ["3"], language: .en)
        // The road report, disposed to PUPR 9 days ago, is past its first follow-up by more than 0
        // working days: at least the supervisor has been told.
        #expect(deadlines.contains("Escalation: Supervisor") || deadlines.contains("Escalation: Agency admin"), "\(deadlines.text())")
        #expect(deadlines.contains("Jalan berlubang"))
        let dashboard = F.run(store, width: 140, height: 60, keys: ["4"], language: .en)
        #expect(dashboard.contains("Warnings and escalations per unit (recorded)"), "\(dashboard.text())")
        let id = F.run(store, width: 140, height: 60, keys: ["4"], language: .id)
        #expect(id.contains("Peringatan dan eskalasi per unit (tercatat)"))
    }

    @Test func theDetailScreenNamesTheLevelAndTheHistoryWhenAndToWhom() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        _ = try store.recordEscalations(at: F.now)
        let road = try F.id(of: "Jalan berlubang", in: store)
        let c = try #require(try store.complaint(road))
        let p = ComplaintPresentation.make(c, events: try store.events(of: road), viewer: F.actor("admin"), config: F.config, now: F.now,
                                           strings: EnglishStrings())
        let text = p.plainText(width: 200, strings: EnglishStrings(), zone: .wib)
        #expect(text.contains("Escalated to the unit's supervisor: first follow-up overdue +0 working days (Dinas Pekerjaan Umum"), "\(text)")
        #expect(text.contains("Escalation:"))
    }

    @Test func theDashboardShowsEachUnitsShareOfBoilerplateAnswers() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let before = F.run(store, width: 140, height: 80, keys: ["4"], language: .en)
        #expect(!before.contains("Boilerplate answers per unit"), "nothing recorded yet: no section")
        let road = try F.id(of: "Jalan berlubang", in: store)
        let c = try #require(try store.complaint(road))
        let tl = F.actor("tl-pupr")
        let text = try #require(F.config.templates.first { $0.id == "selesai" }).text
        let filled = F.config.fill(ReplyTemplate(id: "", name: "", text: text), for: c, author: tl, audience: .everyone)
        let finding = try #require(F.config.boilerplate(filled, for: c, author: tl, earlier: []))
        _ = try store.apply(Command(.followUp, ActionDetails(text: filled, boilerplate: finding)), to: road, expectedVersion: nil, by: tl, at: F.now)
        let shares = try store.boilerplateShares()
        #expect(shares.contains { $0.unit == "pupr" && $0.followUps == 1 && $0.boilerplate == 1 }, "\(shares)")
        let after = F.run(store, width: 140, height: 80, keys: ["4"], language: .en)
        #expect(after.contains("Boilerplate answers per unit (share of follow-ups)"), "\(after.text())")
        #expect(after.contains("1 / 1"))
        #expect(F.run(store, width: 140, height: 80, keys: ["4"], language: .id).contains("Jawaban normatif per unit"))
    }
}
