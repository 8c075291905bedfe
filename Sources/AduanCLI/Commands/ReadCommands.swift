import AduanCore
import AduanStore

/// `aduan list [FILTER]`: one tab-separated line per complaint, for scripts and pipes.
enum ListCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        let filter = try s.parseFilter(s.arguments.positionals)
        let order = try orderOption(s)
        let limit = try s.arguments.int("limit", range: 1...100_000_000) ?? Int.max
        let store = try s.openContract(reading: true)
        let now = try s.now()
        let query = InboxQuery(viewer: s.operatorActor, filter: filter, order: order)
        if let header = try headerLanguage(s) { s.out.line(AduanCore.strings(header).listColumns.joined(separator: "\t")) }
        var cursor: PageCursor?
        var written = 0
        do {
            while written < limit {
                let rows = try store.page(query, after: cursor, limit: min(2000, limit - written), now: now)
                if rows.isEmpty { break }
                for r in rows { s.out.line(line(r, s, now: now)) }
                written += rows.count
                cursor = rows.last!.cursor
                if s.out.failed != nil { break }
            }
        } catch {
            throw .store(error)
        }
        return 0
    }

    /// `--header id|en`: the language of a header line (list) or of a CSV's column names and values (export, report).
    static func headerLanguage(_ s: Session) throws(CLIError) -> Language? {
        guard let v = s.arguments.value("header") else { return nil }
        guard let l = Language(rawValue: v.lowercased()) else { throw .usage(s.strings.command(.expectedOneOf(option: "header", value: v, options: ["id", "en"]))) }
        return l
    }

    static func orderOption(_ s: Session) throws(CLIError) -> InboxOrder {
        guard let v = s.arguments.value("order") else { return .deadline }
        guard let o = InboxOrder(rawValue: v) else { throw .usage(s.strings.command(.expectedOneOf(option: "order", value: v, options: ["deadline", "received", "updated"]))) }
        return o
    }

    /// id, tracking, status, due (ISO or -), state, holder, title. Tabs inside text become ␉.
    static func line(_ r: InboxRow, _ s: Session, now: Timestamp) -> String {
        let due = r.dueAt.map { $0.iso8601(in: s.zone) } ?? "-"
        let state: String
        if let d = r.dueAt, let kind = r.dueKind {
            state = s.config.deadlines.state(dueAt: d, kind: kind, now: now,
                                             cutoff: s.config.deadlines.dueSoonCutoff(now: now, calendar: s.config.calendar)).rawValue
        } else { state = "-" }
        let holder = r.holder.unit ?? r.holder.agency
        let title = r.contentHidden ? s.strings.text(.hidden) : SafeText.line(r.title)
        return ["\(r.id)", r.trackingID ?? "-", r.status.rawValue, due, state, SafeText.line(holder), title].joined(separator: "\t")
    }
}

/// `aduan show ID`: one complaint with its whole timeline, as the operator may see it.
enum ShowCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 1...1, "aduan show ID")
        let store = try s.openContract(reading: true)
        let c = try visibleComplaint(s.arguments.positionals[0], store, s)
        let now = try s.now()
        do {
            let events = try store.events(of: c.id)
            let p = ComplaintPresentation.make(c, events: events, viewer: s.operatorActor, config: s.config, now: now, strings: s.strings)
            s.out.line(p.plainText(width: 100, strings: s.strings, zone: s.zone))
            return 0
        } catch {
            throw .from(error)
        }
    }

    /// A local id ("12", "#12"), or a LAPOR! tracking id (7+ digits) when no local id matches.
    /// Only complaints the operator may see are found: one they may not see gets exactly the
    /// answer of a number nobody used ("#N not found", with N as typed).
    static func resolveID(_ text: String, _ store: any AduanStoreContract, _ s: Session) throws(CLIError) -> Int64 {
        try visibleComplaint(text, store, s).id
    }

    static func visibleComplaint(_ text: String, _ store: any AduanStoreContract, _ s: Session) throws(CLIError) -> Complaint {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let n = Int64(digits), n > 0 else {
            throw .usage(s.strings.command(.notAComplaintNumber(text)))
        }
        let viewer = s.operatorActor
        do {
            if let c = try store.complaint(n), Privacy.canView(c, viewer: viewer) { return c }
            if digits.count >= 7 {
                for id in try store.ids(forTrackingID: digits) {
                    if let c = try store.complaint(id), Privacy.canView(c, viewer: viewer) { return c }
                }
            }
        } catch {
            throw .store(error)
        }
        throw .store(.notFound(n))
    }
}
