import AduanCore
import AduanStore
@testable import AduanTUI
import Testing

/// Issue 11, item 13: the screen's unit pickers name units as everywhere else: the short name
/// the Unit column shows ("DPUPR") finds the unit, through the core's one resolver.
@Suite struct UnitPickerTests {
    typealias F = DeskFixture

    @Test func verifyingByTheShortNameOfTheUnitColumnPicksThatUnit() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "KTP-el", in: store)
        _ = F.run(store, keys: ["/", "text:KTP", "Enter", "v", "text:DPUPR", "Enter", "Down", "Space", "ctrl-s"])
        let c = try #require(try store.complaint(id))
        #expect(c.status == .belumDitindaklanjuti)
        #expect(c.holder.unit == "pupr")
    }

    /// A name no unit has, then Down: the picker shows "none" and stays (it used to crash).
    @Test func downInAPickerWithNothingMatchingDoesNotCrash() throws {
        let dir = TempDir()
        let store = try F.makeStore(in: dir)
        let id = try F.id(of: "KTP-el", in: store)
        _ = F.run(store, keys: ["/", "text:KTP", "Enter", "v", "text:zzzz", "Down", "PageDown", "Enter", "Escape"])
        let c = try #require(try store.complaint(id))
        #expect(c.status == .belumTerverifikasi, "nothing was chosen")
    }
}
