import AduanCore
@testable import AduanStore
import Testing

/// Issue 11 item 1 in the store: a written action is refused only by a change it rests on, and
/// drafts live apart from the event chain, one operator's alone.
@Suite struct StoreWrittenWorkTests {
    typealias F = StoreFixture

    /// A report disposed to Dinkes, and the version the liaison read.
    static func disposed(_ store: ComplaintStore) throws -> Complaint {
        let c = try store.receive(F.intake("Antrean puskesmas"), by: F.admin(), at: F.now)
        return try store.apply(Command(.verify, ActionDetails(unit: "dinkes", changes: ClassificationChange(anonymous: false, confidential: false))),
                               to: c.id, expectedVersion: c.version, by: F.admin(), at: F.now)
    }

    @Test func aCopyAddedMeanwhileDoesNotRefuseAFollowUpButAClassificationDoes() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/a.db")
            let seen = try Self.disposed(store)
            try store.apply(Command(.cc, ActionDetails(unit: "pupr")), to: seen.id, expectedVersion: seen.version, by: F.admin(), at: F.now)
            let after = try store.apply(Command(.followUp, ActionDetails(text: "Sudah dicek")), to: seen.id, expectedVersion: seen.version,
                                        by: F.liaison("dinkes"), at: F.now)
            #expect(after.version == seen.version + 2)
            try store.apply(Command(.classify, ActionDetails(changes: ClassificationChange(priority: .high))), to: seen.id,
                            expectedVersion: nil, by: F.admin(), at: F.now)
            let refused = F.storeError { () throws(StoreError) in
                try store.apply(Command(.followUp, ActionDetails(text: "Lagi")), to: seen.id, expectedVersion: after.version,
                                by: F.liaison("dinkes"), at: F.now)
            }
            guard case .conflict(let c)? = refused else { Issue.record("expected a conflict, got \(String(describing: refused))"); return }
            #expect(c.change == .classify)
            // A note rests on neither: written.
            try store.apply(Command(.note, ActionDetails(text: "Catatan")), to: seen.id, expectedVersion: after.version,
                            by: F.liaison("dinkes"), at: F.now)
        }
    }

    @Test func draftsAreTheirOperatorsAloneAndOutsideTheChain() throws {
        try withTempDir { dir in
            let store = try F.open(dir + "/a.db")
            let c = try Self.disposed(store)
            let events = try F.eventCount(store)
            let me = F.liaison("dinkes")
            try store.saveDraft(Draft(complaintID: c.id, kind: .followUp, text: "Belum selesai", savedAt: F.now), by: me)
            #expect(try store.draft(of: c.id, kind: .followUp, by: me)?.text == "Belum selesai")
            #expect(try store.draft(of: c.id, kind: .followUp, by: F.admin()) == nil, "another operator never reads it")
            #expect(try store.draft(of: c.id, kind: .note, by: me) == nil)
            #expect(try F.eventCount(store) == events, "a draft is not an event")
            #expect(try store.verify().isClean, "verify ignores drafts")
            try store.saveDraft(Draft(complaintID: c.id, kind: .followUp, text: "Sudah diperbaiki", secret: true, savedAt: F.now), by: me)
            let d = try store.draft(of: c.id, kind: .followUp, by: me)
            #expect(d?.text == "Sudah diperbaiki" && d?.secret == true, "one draft per operator, report and kind")
            try store.discardDraft(of: c.id, kind: .followUp, by: me)
            #expect(try store.draftCount(by: me) == 0)
        }
    }
}
