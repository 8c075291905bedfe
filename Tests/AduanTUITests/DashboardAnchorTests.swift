import AduanCore
import AduanStore
@testable import AduanTUI
import Glibc
import Testing

/// The dashboard shows how old the last anchor is, or that there is none yet.
@Suite struct DashboardAnchorTests {
    typealias F = DeskFixture

    func dashboard(_ store: ComplaintStore, anchors: String) -> Grid {
        let (desk, terminal) = F.desk(store, as: "pengawas", width: 100, height: 30, keys: ["4"], language: .en)
        desk.ctx.anchorsPath = anchors
        desk.run()
        return terminal.scriptEndFrame ?? terminal.frames.last ?? Grid(width: 0, height: 0)
    }

    @Test func theDashboardShowsTheLastAnchorsAgeOrThatThereIsNone() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let path = dir.path + "/aduan.anchors"
        #expect(dashboard(store, anchors: path).text().contains("Last anchor: no anchor yet"))

        let head = try store.chainHead()
        let at = F.now.adding(seconds: -3 * 86_400)
        let line = AnchorLine.unsignedText(head: head, at: at, zone: .wib, store: store.path)
        #expect(AnchorFile.append(line, to: path) == nil)
        let text = dashboard(store, anchors: path).text()
        #expect(text.contains("Last anchor: 3 days ago · \(head.count) events"), "\(text)")
    }
}
