import AduanCore

/// Operators act with their own database role through `aduan.commands`: they insert what they
/// ask for, the store's writer (`processCommands`, the owner running the core) checks that the
/// login may act as the operator named (`Identity.resolve`, as on SQLite), decides at the server's
/// time, appends, projects, and writes back the outcome, which the operator's screen hears of
/// through LISTEN/NOTIFY (`outcomesChannel`).
public struct PGCommandOutcome: Sendable, Equatable {
    /// `done`, `conflict`, `refused` or `not-found`; nil while the command waits for the writer.
    public var outcome: String?
    /// A refusal's code (`PGWriterRefusal.code`, never words); a conflict's `changed by OPERATOR (ACTION)`.
    public var message: String?
    public var version: Int?

    public init(outcome: String?, message: String?, version: Int?) {
        self.outcome = outcome
        self.message = message
        self.version = version
    }
}

extension PGStore {
    public static let commandsChannel = "aduan_commands"
    public static let outcomesChannel = "aduan_outcomes"

    /// Queues an action as `operatorID` on the connection's own role; returns the command's id.
    /// Only the login's own operators will be accepted by the writer.
    public static func submit(_ command: Command, to id: Int64, expectedVersion: Int?, as operatorID: String,
                              on conn: PGConnection) throws(PostgresError) -> Int64 {
        // The details travel in the event codec's own form (the writer decodes them the same way).
        let carrier = Event(complaintID: id, version: 0, at: Timestamp(seconds: 0),
                            actor: Actor(id: operatorID, name: operatorID, role: .liaison, agency: ""),
                            kind: command.kind, from: nil, to: .proses, details: command.details)
        let r = try conn.query("""
            INSERT INTO aduan.commands(operator_id, complaint_id, expected_version, kind, details)
            VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, [.text(operatorID), .int(id), expectedVersion.map { .int(Int64($0)) } ?? .null, .text(command.kind.rawValue),
                  .text(String(decoding: EventCodec.storedBody(carrier), as: UTF8.self))])
        return r.int64(0, "id") ?? 0
    }

    /// The outcome of a command the connection's role submitted (nil if it sees no such command).
    public static func outcome(of command: Int64, on conn: PGConnection) throws(PostgresError) -> PGCommandOutcome? {
        let r = try conn.query("SELECT outcome, message, result_version FROM aduan.commands WHERE id = $1", [.int(command)])
        guard r.rowCount == 1 else { return nil }
        return PGCommandOutcome(outcome: r.text(0, "outcome"), message: r.text(0, "message"), version: r.int64(0, "result_version").map(Int.init))
    }

    /// Runs pending commands, oldest first, one transaction each, as the store's writer; returns
    /// how many it settled. Several writers may run at once (`SKIP LOCKED`).
    @discardableResult
    public func processCommands(operators: [Actor], limit: Int = 1_000) throws -> Int {
        var settled = 0
        // An office change settled: the writer re-reads the office before it settles anything else.
        var officeChanged = false
        while settled < limit && !officeChanged {
            let did: Bool = try conn.transaction {
                let r = try conn.query("""
                    SELECT id, login, operator_id, complaint_id, expected_version, kind, details FROM aduan.commands
                    WHERE outcome IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                    """)
                guard r.rowCount == 1, let command = r.int64(0, "id") else { return false }
                let login = r.text(0, "login") ?? "", operatorID = r.text(0, "operator_id") ?? ""
                let complaint = r.int64(0, "complaint_id") ?? 0
                var outcome = "refused", message: String? = nil, version: Int? = nil
                // A refusal is kept as a code (PGWriterRefusal), said in the operator's language by their program.
                switch Identity.resolve(operators: operators, defaultOperator: nil, login: login, requested: operatorID, training: false) {
                case .failure:
                    message = PGWriterRefusal.notOperatorOfLogin(login: login, operatorID: operatorID).code
                case .success(let actor):
                    let kind = r.text(0, "kind") ?? ""
                    if kind == Self.officeApplyKind {
                        (outcome, message, version) = try settleOffice(details: r.text(0, "details") ?? "",
                                                                       basedOn: r.int64(0, "expected_version").map(Int.init), by: actor, login: login,
                                                                       command: command)
                        // `working`: recorded, its deadlines recomputed a page at a time (PGOfficeRecompute.swift).
                        officeChanged = outcome == "done" || outcome == "working"
                        if officeChanged { self.officeChanged = true }
                    } else if let carrier = EventCodec.decodeStored(complaint: complaint, version: 0, at: 0, kind: kind, body: r.text(0, "details") ?? ""),
                       ActionKind(rawValue: kind) != nil {
                        do {
                            let c: Complaint
                            if carrier.kind == .receive {
                                c = try receive(Command(carrier.kind, carrier.details), by: actor, login: login)
                                // The operator learns the new report's number from its command.
                                try conn.query("UPDATE aduan.commands SET complaint_id = $2 WHERE id = $1", [.int(command), .int(c.id)])
                            } else {
                                c = try apply(Command(carrier.kind, carrier.details), to: complaint,
                                              expectedVersion: r.int64(0, "expected_version").map(Int.init), by: actor, login: login)
                            }
                            outcome = "done"
                            version = c.version
                        } catch StoreError.conflict(let c) {
                            outcome = "conflict"
                            version = c.currentVersion
                            if let by = c.changedBy, let change = c.change { message = "changed by \(by.id) (\(change.rawValue))" }
                        } catch StoreError.refused(let refusal) {
                            message = PGWriterRefusal.workflow(refusal).code
                        } catch StoreError.notFound {
                            outcome = "not-found"
                        }
                    } else {
                        message = PGWriterRefusal.unreadableCommand.code
                    }
                }
                // The details leave the queue once settled: what was done is the event's, read through
                // the timeline's rules (a draft's text only while the login's unit handles the report);
                // the login that asked keeps the outcome (issue 14).
                try conn.query("UPDATE aduan.commands SET outcome = $2, message = $3, result_version = $4, details = '' WHERE id = $1",
                               [.int(command), .text(outcome), message.map { .text($0) } ?? .null, version.map { .int(Int64($0)) } ?? .null])
                // Every role may listen: the notice names nothing (not even the command); the
                // operator who asked reads its own command again, which only its login may.
                try conn.query("SELECT pg_notify($1, '')", [.text(Self.outcomesChannel)])
                return true
            }
            guard did else { break }
            settled += 1
        }
        return settled
    }

    /// The writer's loop: settles pending commands, then each time one is submitted (LISTEN, no
    /// polling), until `stopAfter` commands were settled or `seconds` have passed (nil: forever).
    /// Returns how many it settled.
    @discardableResult
    public func serve(operators: [Actor], stopAfter: Int? = nil, seconds: Double? = nil) throws -> Int {
        try conn.listen(Self.commandsChannel)
        let end = seconds.map { PGConnection.monotonicSeconds() + $0 }
        var settled = try processCommands(operators: operators)
        while (stopAfter.map({ settled < $0 }) ?? true) && !officeChanged {
            let left = end.map { $0 - PGConnection.monotonicSeconds() } ?? 1.0
            if left <= 0 { break }
            if try !conn.notifications(timeout: min(left, 1.0)).isEmpty {
                settled += try processCommands(operators: operators)
            }
        }
        return settled
    }

    /// Waits (LISTEN on `outcomesChannel`, which the caller must have started before submitting)
    /// until the command is settled or `timeout` passes; returns its outcome then.
    public static func waitForOutcome(of command: Int64, on conn: PGConnection, timeout: Double) throws(PostgresError) -> PGCommandOutcome? {
        let end = PGConnection.monotonicSeconds() + timeout
        while true {
            // `working`: an office change recorded, its deadlines still being recomputed.
            if let o = try outcome(of: command, on: conn), o.outcome != nil, o.outcome != "working" { return o }
            let left = end - PGConnection.monotonicSeconds()
            if left <= 0 { return try outcome(of: command, on: conn) }
            _ = try conn.notifications(timeout: left)
        }
    }
}
