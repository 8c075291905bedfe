/// How a value should stand out when shown.
public enum Emphasis: Sendable, Hashable {
    case normal
    case overdue
    case dueSoon
    case onTime
    case badge
    case dim
}

/// One labelled field of a report's detail.
public struct DetailField: Sendable, Hashable {
    public var label: String
    public var value: String
    public var emphasis: Emphasis

    public init(_ label: String, _ value: String, _ emphasis: Emphasis = .normal) {
        self.label = label
        self.value = value
        self.emphasis = emphasis
    }
}

/// One entry of a report's timeline, as a viewer may see it.
public struct TimelineEntry: Sendable, Hashable {
    public var at: Timestamp
    public var kind: ActionKind
    /// "Diteruskan ke Pemprov Jawa Timur: jalan provinsi"
    public var summary: String
    /// "Siti Rahmawati (admin)"
    public var actor: String
    /// "Belum Terverifikasi → Belum Ditindaklanjuti", or nil when the status did not change.
    public var transition: String?
    /// The text of a follow-up, note or reply, sanitised, one element per line.
    public var text: [String]
    public var secret: Bool
    public var isInternal: Bool
}

/// A report prepared for display to one viewer: privacy applied (the reporter hidden where the
/// viewer may not see it, secret follow-ups left out), every text from the public made safe for a
/// terminal. `aduan show` and the Detail screen both render this, so they cannot disagree.
public struct ComplaintPresentation: Sendable {
    public var heading: String
    public var title: String
    public var badges: [String]
    public var fields: [DetailField]
    public var body: [String]
    public var timeline: [TimelineEntry]
    public var hiddenEvents: Int

    public static func make(_ c: Complaint, events: [Event], viewer: Actor, config: OfficeConfig, now: Timestamp,
                            strings t: any StringTable) -> ComplaintPresentation {
        let dir = config.directory
        let zone = config.calendar.zone
        let safe = SafeText.line
        var badges: [String] = []
        if c.anonymous { badges.append(t.text(.anonymousBadge)) }
        if c.confidential { badges.append(t.text(.confidentialBadge)) }
        if c.pingPong { badges.append(t.text(.pingPongBadge)) }
        if !c.privacyDecided && !c.status.isFinished { badges.append(t.text(.privacyUndecided)) }

        var heading = "#\(c.id)"
        if let tr = c.trackingID { heading += " · \(t.text(.trackingID)) \(safe(tr))" }

        var fields: [DetailField] = [DetailField(t.text(.status), c.status.laporName)]
        if let reading = config.deadlines.reading(for: c, now: now, calendar: config.calendar) {
            let emphasis: Emphasis = reading.state == .overdue ? .overdue : reading.state == .dueSoon ? .dueSoon : .onTime
            fields.append(DetailField(t.text(.deadline),
                                      "\(t.deadlineName(reading.deadline.kind)): \(formatDateTime(reading.deadline.dueAt, zone: zone, table: t)) (\(t.countdown(reading)))",
                                      emphasis))
            let rule = reading.deadline.rule
            let unitWord = rule.counting == .working ? t.text(.workingDaysUnit) : t.screen(.calendarDaysUnit)
            switch reading.deadline.origin {
            case .standard: fields.append(DetailField(t.text(.rule), "\(rule.days) \(unitWord) — \(safe(rule.basis))", .dim))
            // An office override names itself: its place in the office file and what it matches.
            case .override: fields.append(DetailField(t.text(.rule), safe(t.ruleOrigin(reading.deadline)), .dim))
            }
            if let level = config.escalation.level(of: c, deadlines: config.deadlines, calendar: config.calendar) {
                fields.append(DetailField(t.escalationFieldName, t.escalationLevelName(level), level >= .supervisor ? .overdue : .dueSoon))
            }
            if reading.deadline.kind == .firstFollowUp, let original = config.deadlines.originalFirstFollowUp(for: c, calendar: config.calendar),
               original.dueAt != reading.deadline.dueAt {
                fields.append(DetailField(t.text(.originalDeadline), formatDateTime(original.dueAt, zone: zone, table: t), .dim))
            }
        } else if c.status == .tunda {
            fields.append(DetailField(t.text(.deadline), t.text(.paused), .dim))
        }
        fields.append(DetailField(t.text(.holder), holderName(c.holder, dir)))
        fields.append(DetailField(t.text(.receivedAt), "\(formatDateTime(c.receivedAt, zone: zone, table: t)) · \(t.channelName(c.channel))"))
        fields.append(DetailField(t.text(.classification),
                                  "\(t.classificationName(c.classification)) · \(safe(config.categoryName(c.category))) · \(t.text(.priority).lowercased()) \(t.priorityName(c.priority))"))
        // What the reporter wrote, as this viewer may read it (identity and hidden content removed).
        let texts = Privacy.redacted(c, for: viewer)
        if !texts.location.isEmpty { fields.append(DetailField(t.text(.location), safe(texts.location))) }
        if let d = c.incidentDate { fields.append(DetailField(t.text(.incidentDate), formatDate(d, table: t))) }
        fields.append(DetailField(t.text(.reporter), reporterText(c, viewer: viewer, t), Privacy.canSeeReporter(c, viewer: viewer) ? .normal : .dim))
        fields.append(DetailField("\(t.text(.anonymous)) / \(t.text(.confidential))",
                                  "\(c.anonymous ? t.text(.yes) : t.text(.no)) / \(c.confidential ? t.text(.yes) : t.text(.no))"
                                    + (c.privacyDecided ? "" : " — \(t.text(.privacyUndecided))"),
                                  c.privacyDecided ? .normal : .dueSoon))
        if !c.ccUnits.isEmpty { fields.append(DetailField(t.text(.copies), c.ccUnits.map { safe(dir.unitName($0)) }.joined(separator: ", "))) }
        if let d = c.duplicateOf { fields.append(DetailField(t.text(.duplicateOf), "#\(d)")) }
        if let r = c.rating { fields.append(DetailField(t.text(.rating), stars(r))) }
        let chain = c.holderChain.map { step in
            safe(holderName(step.holder, dir)) + (step.pingPong ? " ⚠ \(t.text(.pingPongBadge))" : "")
        }
        fields.append(DetailField(t.text(.holderChain), chain.joined(separator: " → "), c.pingPong ? .overdue : .normal))
        fields.append(DetailField(capitalized(t.text(.version)), "\(c.version) · \(t.text(.updatedBy)) \(safe(c.updatedBy)) · \(formatShortDateTime(c.updatedAt, zone: zone, table: t))", .dim))

        var timeline: [TimelineEntry] = []
        var hidden = 0
        // The report before each event, so a change of the privacy flags is named where it happened.
        var before: Complaint?
        for e in events {
            let previous = before
            before = Workflow.evolve(before, e)
            guard let visible = Privacy.redacted(e, in: c, for: viewer) else { hidden += 1; continue }
            var transition: String?
            if visible.from != visible.to { transition = "\(visible.from?.laporName ?? "–") → \(visible.to.laporName)" }
            var text = visible.details.text.map(SafeText.multiline) ?? []
            // An import's source history: quoted lines, never this office's actions.
            for q in visible.details.source?.history ?? [] { text += SafeText.multiline(t.quotedSourceLine(q, zone: zone)) }
            var summary = t.eventSummary(visible, names: dir)
            if let written = visible.details.reportedAt { summary += " · " + t.writtenByReporter(written, zone: zone) }
            if let previous, let after = before {
                var changed: [String] = []
                if previous.anonymous != after.anonymous { changed.append(t.text(after.anonymous ? .anonymityGiven : .anonymityLifted)) }
                if previous.confidential != after.confidential {
                    changed.append(t.text(after.confidential ? .confidentialityGiven : .confidentialityLifted))
                }
                if !changed.isEmpty { summary += " ⚠ " + changed.joined(separator: ", ") }
            }
            timeline.append(TimelineEntry(at: visible.at, kind: visible.kind, summary: safe(summary),
                                          // The account that wrote it, when the store recorded one.
                                          actor: "\(safe(visible.actor.name)) (\(t.roleName(visible.actor.role))"
                                              + (visible.login.map { ", \(t.text(.login)) \(safe($0))" } ?? "") + ")",
                                          transition: transition, text: text, secret: visible.isSecret, isInternal: visible.isInternal))
        }
        // A confidential report's content stays hidden from viewers who are not handling it.
        let readable = Privacy.canSeeContent(c, viewer: viewer)
        return ComplaintPresentation(heading: heading, title: readable ? safe(texts.title) : t.text(.hidden), badges: badges, fields: fields,
                                     body: readable ? SafeText.multiline(texts.body) : [t.text(.hidden)], timeline: timeline, hiddenEvents: hidden)
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static func holderName(_ h: Holder, _ dir: Directory) -> String {
        if let u = h.unit { return "\(dir.unitName(u)) (\(dir.agencyName(h.agency)))" }
        return dir.agencyName(h.agency)
    }

    static func reporterText(_ c: Complaint, viewer: Actor, _ t: any StringTable) -> String {
        guard Privacy.canSeeReporter(c, viewer: viewer) else { return t.text(.hidden) }
        guard let r = c.reporter, !r.isEmpty else { return t.text(.none) }
        return [r.name, r.phone, r.email, r.nik.map { "NIK " + $0 }].compactMap { $0 }.map(SafeText.line).joined(separator: " · ")
    }

    public static func stars(_ n: Int) -> String {
        String(repeating: "★", count: max(0, min(5, n))) + String(repeating: "☆", count: max(0, 5 - n)) + " (\(n))"
    }

    /// The report as plain text, for `aduan show` and tests.
    public func plainText(width: Int = 100, strings t: any StringTable, zone: OfficeTimeZone) -> String {
        var lines: [String] = []
        lines.append(heading + (badges.isEmpty ? "" : "  " + badges.map { "[\($0)]" }.joined(separator: " ")))
        lines.append(title)
        lines.append("")
        let labelWidth = min(28, fields.map { DisplayWidth.of($0.label) }.max() ?? 10) + 2
        for f in fields {
            let wrapped = DisplayWidth.wrap(f.value, width: max(20, width - labelWidth))
            for (i, part) in wrapped.enumerated() {
                lines.append((i == 0 ? DisplayWidth.padded(f.label + ":", to: labelWidth) : String(repeating: " ", count: labelWidth)) + part)
            }
        }
        lines.append("")
        lines.append(t.text(.body) + ":")
        for l in body { for part in DisplayWidth.wrap(l, width: max(20, width - 2)) { lines.append("  " + part) } }
        lines.append("")
        lines.append(t.text(.timeline) + ":")
        for e in timeline {
            var head = formatShortDateTime(e.at, zone: zone, table: t) + "  " + e.summary + " — " + e.actor
            if let tr = e.transition { head += "  [" + tr + "]" }
            if e.secret { head += "  [" + t.text(.secretBadge) + "]" }
            lines.append("  " + head)
            for l in e.text { for part in DisplayWidth.wrap(l, width: max(20, width - 6)) { lines.append("      " + part) } }
        }
        return lines.joined(separator: "\n")
    }
}
