import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Issue 11 item 6: a report another operator receives while the screen is open never slips in
/// above the visible rows silently: the selection stays on the same report and the status line
/// says how many arrived.
@Suite struct DeskArrivalTests {
    typealias F = DeskFixture

    @Test func aReportReceivedMeanwhileKeepsTheSelectionAndIsAnnounced() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let other = try ComplaintStore.open(path: store.path, context: store.context)
        let (desk, terminal) = F.desk(store, as: "admin", keys: ["G", "k"])
        var selectedBefore: Int64?
        terminal.append([.perform {
            selectedBefore = desk.inbox.selectedID
            for title in ["Jembatan putus di Desa Karang", "Banjir di Perumahan Griya Asri"] {
                _ = try? other.receive(Intake(title: title, body: "Mohon segera ditangani.", channel: .web, category: Category("lainnya")),
                                       by: F.actor("admin"), at: F.now)
            }
        }, .key(.char("R"))])
        desk.run()
        let grid = try #require(terminal.scriptEndFrame)
        #expect(desk.inbox.selectedID == selectedBefore, "the selection stays on the report it was on")
        #expect(grid.row(39).contains("2 laporan baru masuk"), "\(grid.row(39))")
    }

    @Test func aChangeWithoutArrivalsSaysOnlyThatTheDataChanged() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let other = try ComplaintStore.open(path: store.path, context: store.context)
        let id = try F.id(of: "Jalan berlubang", in: store)
        let (desk, terminal) = F.desk(store, as: "admin", keys: ["j"])
        terminal.append([.perform {
            _ = try? other.apply(Command(.note, ActionDetails(text: "Dicek")), to: id, expectedVersion: nil, by: F.actor("admin"), at: F.now)
        }, .key(.char("j"))])
        desk.run()
        let grid = try #require(terminal.scriptEndFrame)
        #expect(!grid.row(39).contains("laporan baru"), "\(grid.row(39))")
    }
}
