@testable import AduanCLI
import AduanCore
import Testing

/// The demo office's unit tree in its data (issue 15 items 1–2): sub-units hold reports passed
/// down to them, some were returned up, some drafts wait for approval; the status mix is untouched.
@Suite struct DemoHierarchyTests {
    @Test func theDemoHasPassDownsReturnsAndDraftsAwaitingApproval() {
        let sample = DemoGeneratorTests.sample
        let states = DemoGeneratorTests.states
        let kinds = sample.flatMap { $0.map(\.kind) }
        let passDowns = kinds.filter { $0 == .passDown }.count
        let returns = kinds.filter { $0 == .returnUp }.count
        let returnedDrafts = kinds.filter { $0 == .returnDraft }.count
        let waiting = states.filter(\.awaitingApproval).count
        let open = states.filter { $0.status == .belumDitindaklanjuti || $0.status == .proses }.count
        // Realistic proportions: a minority of the open reports, each kind present.
        #expect(passDowns > 20 && passDowns < open / 2, "pass-downs \(passDowns) of \(open) open")
        #expect(returns > 3 && returns < passDowns / 2, "returns \(returns)")
        #expect(waiting > 5 && waiting < passDowns, "drafts waiting \(waiting)")
        #expect(returnedDrafts > 0)
        // Sub-units hold some; every history still replays under the office's rules.
        let directory = BuiltInConfigDirectory.directory
        #expect(states.contains { $0.holder.unit.map { directory.parent(of: $0) != nil } == true })
        for h in sample.prefix(3_000) where h.contains(where: { $0.kind == .passDown }) {
            if case .failure(let e) = Workflow.replay(h, context: DemoGeneratorTests.config.context) { Issue.record("replay refused: \(e)") }
        }
    }
}
