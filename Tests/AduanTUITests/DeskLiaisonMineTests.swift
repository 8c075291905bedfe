import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Issue 11 item 5: a liaison's list starts with what their own unit holds (`mine`); what they are
/// only copied on (tembusan) is one key (`M`) away.
@Suite struct DeskLiaisonMineTests {
    typealias F = DeskFixture

    /// The Dinkes report copied to PUPR: in tl-pupr's scope, held by another unit.
    static func copyDinkesReportToPUPR(_ store: ComplaintStore) throws -> Int64 {
        let id = try F.id(of: "李秀英", in: store)
        try store.apply(Command(.cc, ActionDetails(unit: "pupr")), to: id, expectedVersion: nil, by: F.actor("admin"), at: F.now)
        return id
    }

    @Test func aLiaisonStartsWithTheirOwnUnitsReportsAndSeesCopiesWithOneKey() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        _ = try Self.copyDinkesReportToPUPR(store)
        let mine = F.run(store, as: "tl-pupr", keys: ["idle"])
        #expect(mine.contains("Jalan berlubang"), "\(mine.text())")
        #expect(!mine.contains("李秀英"), "a report only copied to PUPR is not in tl-pupr's own list:\n\(mine.text())")
        #expect(mine.row(38).contains("milik unit (M)"), "the status line says the list is the unit's own:\n\(mine.text())")
        #expect(mine.contains("Semua 1 "), "the tabs count the unit's own reports:\n\(mine.row(1))")
        let copies = F.run(store, as: "tl-pupr", keys: ["M", "idle"])
        #expect(copies.contains("Jalan berlubang") && copies.contains("李秀英"), "\(copies.text())")
        #expect(copies.contains("Semua 2 "), "\(copies.row(1))")
        #expect(copies.row(38).contains("+tembusan (M)"), "\(copies.row(38))")
        // At 80 columns too.
        #expect(F.run(store, as: "tl-pupr", width: 80, height: 24, keys: ["idle"]).row(22).contains("milik unit (M)"))
    }

    @Test func theDueSoonFilterOfALiaisonHoldsOnlyTheirOwnReportsByDefault() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        _ = try Self.copyDinkesReportToPUPR(store)
        let soon = F.run(store, as: "tl-pupr", keys: ["l", "text:NOT status:selesai", "Enter", "idle", "idle", "idle"])
        #expect(!soon.contains("李秀英"), "\(soon.text())")
        let withCopies = F.run(store, as: "tl-pupr", keys: ["l", "text:NOT status:selesai", "Enter", "M", "idle", "idle", "idle"])
        #expect(withCopies.contains("李秀英"), "\(withCopies.text())")
    }

    @Test func anAdminsInboxIsUnchangedAndHelpNamesTheKey() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        _ = try Self.copyDinkesReportToPUPR(store)
        let admin = F.run(store, as: "admin", keys: ["idle"])
        #expect(admin.contains("李秀英") && !admin.contains("milik unit (M)"))
        let help = F.run(store, as: "tl-pupr", height: 80, keys: ["?"])
        #expect(help.contains("hanya milik unit saya / dengan tembusan"), "\(help.text())")
    }
}
