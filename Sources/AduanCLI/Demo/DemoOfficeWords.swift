import AduanCore

/// The office's messages to the reporter and the escalation ladder in the demo data (issue 15
/// items 3 and 6). Appended after a history's own steps (and its passes down), with a random
/// stream of their own, so the rest of the demo (its status mix, its numbers) is what it was:
/// - about a quarter of the reports in Proses carry a recent message from the handling unit (or
///   the admin) to the reporter after the last step: progress news, a question; it restarts the
///   auto-close period as LAPOR! says (never so that the period has run out by "now"), and
///   changes no status;
/// - every warning and escalation the office's ladder has reached by the demo's "now" is recorded
///   as `aduan sweep` run from cron every 15 minutes would have: by the system, at the first
///   quarter hour after it became due (never before the history's last step).
extension DemoGenerator {
    static let messageTexts = [
        "Yth. Pelapor, petugas kami sudah menjadwalkan peninjauan lokasi. Kami kabari hasilnya di kanal ini.",
        "Mohon kirimkan foto terbaru lokasi agar perbaikan dapat diprioritaskan.",
        "Perkembangan: anggaran perbaikan sudah diajukan, pelaksanaan menunggu jadwal rekanan.",
        "Terima kasih atas kesabarannya. Tim lapangan akan datang pada hari kerja berikutnya.",
    ]

    /// The sweep's interval: an escalation is recorded at the first quarter hour after it is due.
    static let sweepSeconds: Int64 = 900

    func withOfficeWords(_ events: [Event]) -> [Event] {
        // A finished report runs no timer and takes no message: no fold needed (the demo stays fast).
        guard let last = events.last, !last.to.isFinished, var c = Workflow.fold(events) else { return events }
        var r = DemoRandom(seed: UInt64(bitPattern: last.at.seconds) &* 0xD1B5_4A32_D192_ED03 ^ UInt64(events.count) ^ 0x5EED)
        var out = events
        var t = last.at
        if c.status == .proses, r.chance(0.25) {
            // Recent news (the last five days), never before the last step: the period it restarts
            // must not have run out by "now" (the sweep would close the report at once).
            let at = max(t.adding(seconds: 3_600), now.adding(seconds: -Int64(r.below(5 * 86_400))))
            let by = c.holder.unit.map { cast.liaison($0) } ?? (c.holder.agency == officeAgency ? cast.officeAdmins.first : cast.admins(of: c.holder.agency).first)
            if at < now, let by,
               case .success(let e) = Workflow.decide(Command(.message, ActionDetails(text: r.element(Self.messageTexts))), on: c, by: by, at: at, context: context) {
                let next = Workflow.evolve(c, e)
                if case .failure = Workflow.decide(Command(.autoClose), on: next, by: .system, at: now, context: context) {
                    c = next
                    out.append(e)
                    t = at
                }
            }
        }
        let due = context.escalation.due(for: c, at: now, deadlines: context.deadlines, calendar: context.calendar).sorted { $0.dueAt < $1.dueAt }
        for m in due {
            let after = max(m.dueAt, t)
            let at = min(now, Timestamp(seconds: (after.seconds / Self.sweepSeconds + 1) * Self.sweepSeconds))
            guard case .success(let e) = Workflow.decide(Command(.escalate, ActionDetails(escalation: m)), on: c, by: .system, at: at, context: context) else { continue }
            c = Workflow.evolve(c, e)
            out.append(e)
            t = at
        }
        return out
    }
}
