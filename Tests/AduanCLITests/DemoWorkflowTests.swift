@testable import AduanCLI
import AduanCore
import Testing

/// The demo data gets the rest of issue 15's workflow in realistic proportions: messages from the
/// office to the reporter, the escalations the sweep records at the demo's "now", and the unit
/// tree in finished histories too (passes down, returns up, drafts approved); the status mix and
/// every history's legality stay as they were.
@Suite struct DemoWorkflowTests {
    typealias G = DemoGeneratorTests

    @Test func aQuarterOrSoOfTheReportsInProsesCarryAMessageToTheReporter() {
        let messages = G.sample.flatMap { $0.filter { $0.kind == .message } }
        let proses = G.states.filter { $0.status == .proses }.count
        #expect(messages.count > proses / 8 && messages.count < proses / 2, "\(messages.count) messages, \(proses) in Proses")
        #expect(messages.allSatisfy { $0.actor.role == .liaison || $0.actor.role == .admin })
        // It restarts the auto-close period: the office's last word is the message, not the follow-up.
        let messaged = G.states.filter { $0.lastMessageAt != nil }
        #expect(!messaged.isEmpty && messaged.allSatisfy { $0.lastOfficeWordAt == $0.lastMessageAt })
    }

    @Test func theSweepAtTheDemosNowHasNothingLeftToRecord() {
        let context = G.config.context
        let escalations = G.sample.flatMap { $0.filter { $0.kind == .escalate } }
        let open = G.states.filter { !$0.status.isFinished && $0.status != .tunda }.count
        #expect(escalations.count > open / 4, "\(escalations.count) escalations over \(open) open reports")
        // Every level present, each recorded by the system after it became due, on the sweep's quarter hour.
        let targets = Set(escalations.compactMap { $0.details.escalation?.target })
        #expect(targets.isSuperset(of: [.holder, .supervisor, .agencyAdmin]), "\(targets)")
        for e in escalations {
            guard let m = e.details.escalation else { Issue.record("an escalation without its mark"); continue }
            #expect(e.actor.role == .system && e.at > m.dueAt && e.at <= G.now)
            #expect(e.at.seconds % 900 == 0 || e.at == G.now, "\(e.at.seconds)")
        }
        // `aduan sweep` run at the demo's now would add nothing, and close nothing.
        for c in G.states where c.status == .proses {
            if case .success = Workflow.decide(Command(.autoClose), on: c, by: .system, at: G.now, context: context) {
                Issue.record("#\(c.id) would be closed by the sweep at once (last office word \(String(describing: c.lastOfficeWordAt)))")
                break
            }
        }
        for c in G.states {
            let due = context.escalation.due(for: c, at: G.now, deadlines: context.deadlines, calendar: context.calendar)
            #expect(due.isEmpty, "#\(c.id) still has \(due.map(\.key)) to record")
            if !due.isEmpty { break }
        }
    }

    @Test func finishedReportsWentDownTheTreeToo() {
        let finished = G.sample.filter { h in h.last.map { $0.to.isFinished } == true }
        let passed = finished.filter { $0.contains { $0.kind == .passDown } }
        let approved = finished.filter { $0.contains { $0.kind == .approve } }
        let returned = finished.filter { $0.contains { $0.kind == .returnUp } }
        #expect(passed.count > 100 && passed.count < finished.count / 4, "\(passed.count) of \(finished.count)")
        #expect(approved.count > passed.count / 5 && approved.count < passed.count, "\(approved.count) approved of \(passed.count)")
        #expect(returned.count > 5 && returned.count < passed.count / 3, "\(returned.count) returned")
        // Every one replays under the office's rules, the approval keeps its drafter apart from its approver.
        for h in passed.prefix(400) {
            if case .failure(let e) = Workflow.replay(h, context: G.config.context) { Issue.record("replay refused: \(e)") }
            for e in h where e.kind == .approve { #expect(e.details.draft?.drafter != e.actor.id) }
        }
    }
}
