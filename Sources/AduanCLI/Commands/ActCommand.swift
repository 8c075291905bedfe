import AduanCore
import AduanStore

/// `aduan act ID ACTION [options]`: every workflow action without the screen.
enum ActCommand {
    static func run(_ s: Session) throws(CLIError) -> Int32 {
        try expectPositionals(s, 2...2, "aduan act ID ACTION   (aduan help act)")
        let target = s.arguments.positionals[0]
        guard let kind = ActionKind.parse(s.arguments.positionals[1]) else {
            let names = ActionKind.allCases.map(\.rawValue)
            let named = s.arguments.positionals[1]
            throw .usage(s.strings.command(.unknownAction(named, actions: names, suggestion: FilterParser.closest(named, in: names))))
        }
        var details = try details(for: kind, s)
        let store = try s.openContract()
        let now = try s.now()
        do {
            // A follow-up that is boilerplate is sent, recorded as such, and its sender warned (issue 15 item 5).
            // (On a PostgreSQL store the writer records the follow-up; the warning needs the embedded store's answers.)
            if kind == .followUp, let text = details.text, let local = store as? ComplaintStore,
               let id = try? ShowCommand.resolveID(target, store, s), let c = try store.complaint(id) {
                let earlier = try local.earlierAnswers(agency: s.operatorActor.agency, unit: s.operatorActor.unit)
                details.boilerplate = s.config.boilerplate(text, for: c, author: s.operatorActor, earlier: earlier)
            }
            // Approving a boilerplate draft publishes it all the same; the approver is warned (issue 15).
            var approvalWarning: BoilerplateFinding?
            if kind == .approve, let local = store as? ComplaintStore,
               let id = try? ShowCommand.resolveID(target, store, s), let c = try store.complaint(id) {
                approvalWarning = s.config.draftBoilerplate(of: c, earlier: try local.earlierAnswers(agency: c.holder.agency, unit: c.holder.unit))
            }
            let result: Complaint
            if kind == .receive {
                guard target == "new" || target == "-" else { throw CLIError.usage(s.strings.command(.receiveNeedsNew)) }
                guard let intake = details.intake else { throw CLIError.usage(s.strings.command(.receiveNeedsTitle)) }
                result = try store.receive(intake, by: s.operatorActor, at: now)
            } else {
                if kind == .import { throw CLIError.usage(s.strings.command(.importFromFile)) }
                let id = try ShowCommand.resolveID(target, store, s)
                let expected = try s.arguments.int("expect-version", range: 1...Int(Int32.max))
                result = try store.apply(Command(kind, details), to: id, expectedVersion: expected, by: s.operatorActor, at: now)
            }
            let due = s.config.deadlines.reading(for: result, now: now, calendar: s.config.calendar)
            var line = "#\(result.id) \(result.status.laporName) · \(s.config.directory.holderName(result.holder)) · \(s.strings.text(.version)) \(result.version)"
            if let due { line += " · \(s.strings.deadlineName(due.deadline.kind)): \(s.strings.countdown(due))" }
            s.out.line(s.strings.actionName(kind) + ": " + SafeText.line(line))
            if let b = details.boilerplate ?? approvalWarning {
                s.err.line(SafeText.line(s.strings.boilerplateWarning(b) { id in s.config.templates.first { $0.id == id }?.name ?? id }))
            }
            return 0
        } catch {
            throw .from(error)
        }
    }

    static func yesNo(_ s: Session, _ name: String) throws(CLIError) -> Bool? {
        guard let v = s.arguments.value(name) else { return nil }
        switch v.lowercased() {
        case "yes", "ya", "y", "true", "1": return true
        case "no", "tidak", "t", "n", "false", "0": return false
        default: throw .usage(s.strings.command(.expectedYesNo(option: name, value: v)))
        }
    }

    static func choice<T>(_ s: Session, _ name: String, _ options: [String], _ parse: (String) -> T?) throws(CLIError) -> T? {
        guard let v = s.arguments.value(name) else { return nil }
        guard let x = parse(v) else { throw .usage(s.strings.command(.expectedOneOf(option: name, value: v, options: options))) }
        return x
    }

    /// `--written-at`: when the reporter wrote (a reply, a rating), ISO 8601; without a zone it is
    /// read in the office's time zone. A field of the event, never its time.
    static func reporterTime(_ s: Session) throws(CLIError) -> Timestamp? {
        guard let v = s.arguments.value("written-at") else { return nil }
        if let t = Timestamp.parseOperatorTime(v, zone: s.zone) { return t }
        throw .usage(s.strings.command(.writtenAt(v)))
    }

    static func details(for kind: ActionKind, _ s: Session) throws(CLIError) -> ActionDetails {
        let a = s.arguments
        var d = ActionDetails()
        d.unit = a.value("unit")
        d.agency = a.value("agency")
        d.reason = a.value("reason")
        d.secret = a.flag("secret")
        d.text = a.value("text")
        if let file = a.value("text-file") {
            if d.text != nil { throw .usage(s.strings.command(.textAndTextFile)) }
            switch Files.read(file, limit: Workflow.maxTextBytes) {
            case .success(let bytes):
                // A photo or a Latin-1 letter would arrive as replacement characters: refuse it instead.
                guard let t = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
                    throw .environment(s.strings.command(.notUTF8Text(file: file)))
                }
                d.text = t
            case .failure(let e): throw .environment(s.strings.command(.cannotRead(file: file, reason: e.reason)))
            }
        }
        d.rating = try a.int("rating", range: -1_000...1_000)
        d.reportedAt = try reporterTime(s)
        if let dup = a.value("duplicate-of") {
            guard let n = Int64(dup.hasPrefix("#") ? String(dup.dropFirst()) : dup) else { throw .usage(s.strings.command(.notAComplaintID(option: "duplicate-of", value: dup))) }
            d.duplicateOf = n
        }
        d.archiveReason = try choice(s, "code", ArchiveReason.allCases.map(\.rawValue), ArchiveReason.parse)
        let classification = try choice(s, "classification", Classification.allCases.map(\.rawValue), Classification.parse)
        let priority = try choice(s, "priority", Priority.allCases.map(\.rawValue), Priority.parse)
        let anonymous = try yesNo(s, "anonymous"), confidential = try yesNo(s, "confidential")
        let category = a.value("category").map(Category.init)
        if kind == .receive {
            guard let title = a.value("title") else { throw .usage(s.strings.command(.receiveNeedsTitle)) }
            var incident: LocalDate?
            if let d = a.value("incident-date") {
                guard let x = LocalDate.parse(d) else { throw .usage("--incident-date " + s.strings.dateTimeProblem(d, DateTimeProblem.of(d, dateOnly: true) ?? .malformed, dateOnly: true)) }
                incident = x
            }
            let reporter = Reporter(name: a.value("reporter-name"), phone: a.value("reporter-phone"),
                                    email: a.value("reporter-email"), nik: a.value("reporter-nik"))
            d.intake = Intake(trackingID: a.value("tracking"), title: title, body: a.value("body") ?? "",
                              channel: try choice(s, "channel", Channel.allCases.map(\.rawValue), Channel.parse) ?? .walkIn,
                              classification: classification ?? .pengaduan, category: category ?? .uncategorised,
                              location: a.value("location") ?? "", incidentDate: incident, anonymous: anonymous ?? false,
                              confidential: confidential ?? false, priority: priority ?? .normal,
                              reporter: reporter.isEmpty ? nil : reporter, agency: s.operatorActor.agency,
                              privacyDecided: s.operatorActor.role == .admin && (anonymous != nil || confidential != nil))
        } else if a.value("title") != nil || classification != nil || category != nil || anonymous != nil || confidential != nil || priority != nil {
            d.changes = ClassificationChange(title: a.value("title"), classification: classification, category: category,
                                             anonymous: anonymous, confidential: confidential, priority: priority)
        }
        return d
    }
}
