import AduanCore

/// The values a report's projection row holds besides its own fields: computed in one place for
/// single actions and bulk loads alike.
struct ProjectionValues: Sendable {
    var due: Deadline?
    var autoClose: Int64?
    var firstFollowUpWorkingDays: Int64?
    var pausedAt: Int64?
    /// The Monday (local day number) of the week the report was received.
    var receiptWeek: Int64

    static func of(_ c: Complaint, context: WorkflowContext) -> ProjectionValues {
        let zone = context.calendar.zone
        var ffwd: Int64?
        if let disposed = c.firstDispositionAt, let ff = c.firstFollowUpAt {
            ffwd = Int64(context.calendar.workingDays(after: zone.dayNumber(of: disposed), through: zone.dayNumber(of: ff)))
        }
        return ProjectionValues(due: context.deadlines.running(for: c, calendar: context.calendar),
                                autoClose: context.deadlines.autoClose(for: c, calendar: context.calendar)?.dueAt.seconds,
                                firstFollowUpWorkingDays: ffwd, pausedAt: c.pausedAt?.seconds,
                                receiptWeek: Int64(mondayOf(zone.dayNumber(of: c.receivedAt))))
    }

    static func mondayOf(_ day: Int) -> Int { day - (Weekday.of(dayNumber: day).rawValue - 1) }
}

struct CountKey: Hashable {
    var agency: String
    var unit: String
    var status: Int64
}

struct WeekKey: Hashable {
    var agency: String
    var unit: String
    var week: Int64
}

struct FollowUpKey: Hashable {
    var agency: String
    var unit: String
    var week: Int64
    var wd: Int64
}

/// Changes to the aggregate projections (status counters, weekly receipts, first-follow-up
/// histogram), summed in memory and written once per transaction.
struct Aggregates {
    var counts: [CountKey: Int64] = [:]
    var weekly: [WeekKey: Int64] = [:]
    var followUps: [FollowUpKey: Int64] = [:]

    /// Adds (sign +1) or removes (sign -1) one report's contribution.
    mutating func add(_ c: Complaint, _ v: ProjectionValues, sign: Int64) {
        let agency = c.holder.agency, unit = c.holder.unit ?? ""
        counts[CountKey(agency: agency, unit: unit, status: c.status.code), default: 0] += sign
        weekly[WeekKey(agency: agency, unit: unit, week: v.receiptWeek), default: 0] += sign
        if let wd = v.firstFollowUpWorkingDays {
            followUps[FollowUpKey(agency: agency, unit: unit, week: v.receiptWeek, wd: wd), default: 0] += sign
        }
    }

    func write(_ db: Database) throws {
        for (k, n) in counts where n != 0 {
            try db.run("""
                INSERT INTO counts(agency, unit, status, n) VALUES(?, ?, ?, ?)
                ON CONFLICT(agency, unit, status) DO UPDATE SET n = n + excluded.n
                """, [.text(k.agency), .text(k.unit), .int(k.status), .int(n)])
        }
        for (k, n) in weekly where n != 0 {
            try db.run("""
                INSERT INTO weekly(agency, unit, week, received) VALUES(?, ?, ?, ?)
                ON CONFLICT(agency, unit, week) DO UPDATE SET received = received + excluded.received
                """, [.text(k.agency), .text(k.unit), .int(k.week), .int(n)])
        }
        for (k, n) in followUps where n != 0 {
            try db.run("""
                INSERT INTO first_follow_up(agency, unit, week, wd, n) VALUES(?, ?, ?, ?, ?)
                ON CONFLICT(agency, unit, week, wd) DO UPDATE SET n = n + excluded.n
                """, [.text(k.agency), .text(k.unit), .int(k.week), .int(k.wd), .int(n)])
        }
    }
}
