import AduanCore
import AduanStore
import Testing

/// Any role may LISTEN on any channel, so what a notification carries reaches every login of the
/// store (issue 14): it says only that something changed, and the listener reads again through
/// row-level security what it may see.
@Suite(.enabled(if: PGTest.available, PGTest.skipReason))
struct PGNotifyPrivacyTests {
    @Test func aListeningRoleHearsThatSomethingChangedButNoIdOfAReportOrCommandItMayNotSee() throws {
        let (db, store, ops, passfile) = try PGCommandTests.setUp()
        let report = PGCommandTests.report
        // The province's liaison may not open report 4 (held by Dinkes, copied to PUPR).
        let provx = try PGTest.tcp(user: ops.first { $0.id == "tl-provx" }!.logins[0], database: db.name, passfile: passfile)
        #expect(try PGStore.complaint(report, on: provx) == nil)
        for channel in [PGStore.changesChannel, PGStore.outcomesChannel, PGStore.commandsChannel] { try provx.listen(channel) }
        // Dinkes's liaison acts on report 4 through the queue; the writer settles it.
        let dinkes = try PGTest.tcp(user: ops.first { $0.id == "tl-dinkes" }!.logins[0], database: db.name, passfile: passfile)
        try dinkes.listen(PGStore.outcomesChannel)
        let version = Int(try dinkes.query("SELECT version FROM aduan.complaints WHERE id = $1", [.int(report)]).int64(0, "version")!)
        let command = try PGStore.submit(Command(.followUp, ActionDetails(text: "Petugas sudah ke lokasi.")), to: report,
                                         expectedVersion: version, as: "tl-dinkes", on: dinkes)
        #expect(try store.processCommands(operators: ops) == 1)
        var heard: [(channel: String, payload: String)] = []
        let end = PGConnection.monotonicSeconds() + 1.0
        while PGConnection.monotonicSeconds() < end { heard += try provx.notifications(timeout: 0.2) }
        #expect(Set(heard.map(\.channel)) == [PGStore.changesChannel, PGStore.outcomesChannel, PGStore.commandsChannel])
        for h in heard {
            #expect(!h.payload.contains(String(report)) && !h.payload.contains(String(command)), "\(h.channel) carried \(h.payload)")
            #expect(h.payload.isEmpty, "\(h.channel) carried \(h.payload)")
        }
        // The operator who asked still learns its outcome: by reading its own command again.
        #expect(try PGStore.waitForOutcome(of: command, on: dinkes, timeout: 1)?.outcome == "done")
    }
}
