import AduanCore
import AduanStore

/// One workflow action as a short series of dialogs, then one store transaction per report.
/// The steps follow the transition table's requirements; the rules themselves stay in the core.
final class ActionFlow {
    enum Step {
        case unit(agencyOnly: Bool)
        case agency
        /// The unit of the agency just chosen (optional: "no unit" keeps the agency level).
        case targetUnit
        case reason(required: Bool)
        case archiveCode
        case text(secretToggle: Bool, templates: Bool)
        case rating
        /// When the reporter wrote (optional): kept as a field of the event, never its time.
        case writtenAt
        case duplicate
        case classify(recordFlags: Bool)
        /// Why the anonymity is lifted (asked only then).
        case liftReason
        case confirm(String)
        /// A unit below the holder, from the unit tree (type-ahead; indented by depth).
        case unitBelow
    }

    let kind: ActionKind
    /// The reports and the versions the operator saw.
    private(set) var targets: [(id: Int64, version: Int)]
    private(set) var first: Complaint
    /// The reports as the operator saw them (each one's own flags, status and version).
    private(set) var complaints: [Complaint]
    /// Text the editor opens with: a kept draft, or the text of a refused attempt (issue 11 item 1).
    var preset: (text: String, secret: Bool)?
    /// Set by `apply` when a single report changed meanwhile in a way the action rests on.
    private(set) var conflict: Conflict?

    /// The written actions whose text is kept as a draft until sent or discarded.
    static let keepsDrafts: Set<ActionKind> = [.followUp, .note, .reply]
    /// True when this flow carries typed text worth keeping.
    var keepsDraft: Bool { !isBulk && Self.keepsDrafts.contains(kind) }

    /// Points a single-report flow at the report as it is now, to send the same answers again.
    func rebase(on c: Complaint) {
        first = c
        complaints = [c]
        targets = [(c.id, c.version)]
        conflict = nil
    }
    /// The classification form, when the flow has one: it gives each report its own changes.
    private var form: ClassifyForm?
    var details = ActionDetails()
    /// Boilerplate warnings of the follow-ups just sent (issue 15 item 5), shown after saving.
    private(set) var warnings: [String] = []
    /// The approver's warning that the draft about to be published is boilerplate, shown above
    /// the confirmation (issue 15).
    private(set) var approvalWarning: String?
    private var steps: [Step]
    private var index = -1
    private(set) var overlay: Overlay?

    var isBulk: Bool { targets.count > 1 }

    init(kind: ActionKind, complaints: [Complaint], ctx: DeskContext) {
        self.kind = kind
        first = complaints[0]
        self.complaints = complaints
        targets = complaints.map { ($0.id, $0.version) }
        var s: [Step]
        switch kind {
        case .verify: s = [.unit(agencyOnly: true), .classify(recordFlags: true)]
        case .classify: s = [.classify(recordFlags: false)]
        case .redispose: s = [.unit(agencyOnly: true), .reason(required: true)]
        case .forward:
            // A report leaves the office only with its anonymity/confidentiality decided: from Belum
            // Terverifikasi the same form as verification comes with the forward.
            s = complaints.contains { $0.status == .belumTerverifikasi }
                ? [.agency, .targetUnit, .classify(recordFlags: true), .reason(required: true)] : [.agency, .targetUnit, .reason(required: true)]
        case .cc: s = [.unit(agencyOnly: false)]
        case .postpone: s = [.reason(required: true)]
        case .resume: s = []
        case .archive: s = [.archiveCode, .reason(required: false)]
        case .followUp: s = [.text(secretToggle: true, templates: true)]
        case .note: s = [.text(secretToggle: false, templates: false)]
        case .message: s = [.text(secretToggle: false, templates: true)]
        case .reply: s = [.text(secretToggle: false, templates: false), .writtenAt]
        case .rate: s = [.rating, .writtenAt]
        case .close: s = [.confirm(ctx.t.screen(.confirmClose))]
        case .reopen: s = [.reason(required: true)]
        case .linkDuplicate: s = [.duplicate]
        case .passDown: s = [.unitBelow, .reason(required: false)]
        case .returnUp: s = [.reason(required: true)]
        case .draft: s = [.text(secretToggle: true, templates: true)]
        case .approve:
            s = [.confirm(ctx.t.screen(.confirmApprove))]
            // A boilerplate draft is warned before it is published (issue 15 item 5), not after.
            if complaints.count == 1, let c = complaints.first {
                let earlier = (try? ctx.store.earlierAnswers(agency: c.holder.agency, unit: c.holder.unit, limit: 200)) ?? []
                approvalWarning = ctx.config.draftBoilerplate(of: c, earlier: earlier).map { b in
                    ctx.t.boilerplateWarning(b) { id in ctx.config.templates.first { $0.id == id }?.name ?? id }
                }
            }
        case .returnDraft: s = [.text(secretToggle: false, templates: false)]
        case .receive, .import, .autoClose, .escalate: s = []
        }
        let bulk = complaints.count > 1
        let destructive: Set<ActionKind> = [.archive, .linkDuplicate, .forward, .resume]
        if destructive.contains(kind) && !bulk { s.append(.confirm(ctx.t.actionName(kind) + " #\(complaints[0].id)?")) }
        // One question, with the count; the yes/no keys are added once by the dialog.
        if bulk { s.append(.confirm(ScreenText.bulkQuestion(action: ctx.t.actionName(kind), count: complaints.count, ctx.language))) }
        steps = s
    }

    /// Advances to the next dialog; nil when every step is answered.
    func next(ctx: DeskContext) -> Overlay? {
        index += 1
        guard index < steps.count else { overlay = nil; return nil }
        overlay = makeOverlay(steps[index], ctx: ctx)
        return overlay
    }

    /// Takes the answer of the current dialog.
    func accept(ctx: DeskContext) {
        guard index >= 0, index < steps.count, let o = overlay else { return }
        switch steps[index] {
        case .unit, .unitBelow:
            details.unit = (o as? Picker)?.chosen?.id
        case .agency:
            details.agency = (o as? Picker)?.chosen?.id
        case .targetUnit:
            let id = (o as? Picker)?.chosen?.id ?? ""
            details.unit = id.isEmpty ? nil : id
        case .reason:
            let v = (o as? LinePrompt)?.value ?? ""
            details.reason = v.isEmpty ? nil : v
        case .archiveCode:
            details.archiveReason = (o as? Picker)?.chosen.flatMap { ArchiveReason(rawValue: $0.id) }
            if details.archiveReason == .other, let i = steps.firstIndex(where: { if case .reason = $0 { return true }; return false }) {
                steps[i] = .reason(required: true)
            }
        case .text:
            if let e = o as? TextEditor {
                details.text = e.text
                details.secret = e.secret
            }
        case .rating:
            details.rating = (o as? LinePrompt).flatMap { Int($0.value) }
        case .writtenAt:
            let v = (o as? LinePrompt)?.value ?? ""
            details.reportedAt = v.isEmpty ? nil : Timestamp.parseOperatorTime(v, zone: ctx.config.calendar.zone)
        case .duplicate:
            details.duplicateOf = (o as? LinePrompt).flatMap { Int64($0.value.hasPrefix("#") ? String($0.value.dropFirst()) : $0.value) }
        case .classify:
            if let f = o as? ClassifyForm {
                form = f
                let ch = f.changes
                details.changes = ch.isEmpty ? nil : ch
                // Lifting anonymity exposes the reporter: an explicit yes, and a reason the core requires.
                let lifts = complaints.filter { c in c.anonymous && f.changes(for: c).anonymous == false }
                if !lifts.isEmpty {
                    let ids = lifts.count == 1 ? " #\(lifts[0].id)" : " (\(lifts.count))"
                    var extra: [Step] = [.confirm(ctx.t.text(.liftAnonymityConfirm) + " —" + ids)]
                    if !steps[(index + 1)...].contains(where: { if case .reason = $0 { return true }; return false }) {
                        extra.insert(.liftReason, at: 0)
                    }
                    steps.insert(contentsOf: extra, at: index + 1)
                }
            }
        case .liftReason:
            let v = (o as? LinePrompt)?.value ?? ""
            details.reason = v.isEmpty ? nil : v
        case .confirm:
            break
        }
    }

    private func makeOverlay(_ step: Step, ctx: DeskContext) -> Overlay {
        let t = ctx.t
        let dir = ctx.directory
        let heading = t.actionName(kind) + (isBulk ? " (\(targets.count))" : " #\(first.id)")
        switch step {
        case .unit(let agencyOnly):
            var units: [(Unit, Agency)] = []
            for a in dir.agencies where !agencyOnly || a.id == first.holder.agency {
                for u in a.units where u.id != first.holder.unit && !(kind == .cc && first.ccUnits.contains(u.id)) { units.append((u, a)) }
            }
            return Picker(title: heading + " — " + t.text(.unitPicker),
                          options: units.map { Picker.Option(id: $0.0.id, label: $0.0.name, detail: agencyOnly ? $0.0.id : ctx.shortAgencyName($0.1.id)) },
                          resolve: { [holder = first.holder.agency] in dir.resolveUnit($0, preferring: holder) })
        case .unitBelow:
            // The holder's subtree, parents before children, indented by depth below the holder.
            let base = first.holder.unit.map { dir.depth(of: $0) + 1 } ?? 0
            let below = dir.unitTree(of: first.holder.agency).filter { dir.isBelow(Holder(agency: first.holder.agency, unit: $0.unit.id), first.holder) }
            return Picker(title: heading + " — " + t.text(.unitPicker),
                          options: below.map { Picker.Option(id: $0.unit.id, label: String(repeating: "  ", count: max(0, $0.depth - base)) + $0.unit.name, detail: $0.unit.id) },
                          resolve: { [holder = first.holder.agency] in dir.resolveUnit($0, preferring: holder) })
        case .agency:
            let agencies = dir.agencies.filter { $0.id != first.holder.agency }
            return Picker(title: heading + " — " + t.text(.agencyPicker), options: agencies.map { Picker.Option(id: $0.id, label: $0.name, detail: $0.id) })
        case .targetUnit:
            // The target agency's units, typed ahead as in verification; first, the agency itself.
            let agency = dir.agencies.first { $0.id == details.agency }
            let agencyName = agency.map { ctx.shortAgencyName($0.id) } ?? (details.agency ?? "")
            let options = [Picker.Option(id: "", label: t.text(.forwardNoUnit), detail: agencyName)]
                + (agency?.units ?? []).map { Picker.Option(id: $0.id, label: $0.name, detail: $0.id) }
            return Picker(title: heading + " — " + t.text(.unitPicker) + " (" + agencyName + ")", options: options,
                          resolve: { dir.resolveUnit($0, preferring: agency?.id) })
        case .reason(let required):
            return LinePrompt(label: heading + " · " + t.text(.reason), required: required)
        case .archiveCode:
            return Picker(title: heading + " — " + t.text(.archiveCode),
                          options: ArchiveReason.allCases.map { Picker.Option(id: $0.rawValue, label: t.archiveReasonName($0), detail: $0.rawValue) })
        case .text(let secretToggle, let withTemplates):
            // `{reporter}` stays until saving, when it is known who will read the text (public or secret).
            let templates: [(name: String, text: String)] = withTemplates ? ctx.config.templates.map { tpl in
                (tpl.name, isBulk ? tpl.text : ctx.config.fill(tpl, for: first, author: ctx.me, audience: nil))
            } : []
            // The report answered stays in view above the editor, as the operator may read it.
            var context: [String] = []
            if !isBulk {
                let p = ComplaintPresentation.make(first, events: [], viewer: ctx.me, config: ctx.config, now: ctx.now, strings: t)
                context = [p.heading + " · " + p.title] + p.body
            }
            return TextEditor(title: heading, initial: preset?.text ?? "", allowsSecret: secretToggle, templates: templates,
                              context: context, secret: secretToggle && (preset?.secret ?? false))
        case .rating:
            // The heading names the action ("Penilaian pelapor #3"); the prompt adds only the scale.
            return LinePrompt(label: heading + " · " + t.screen(.ratingScale), required: true) { v in
                guard let n = Int(v.trimmingSpaces()), (1...5).contains(n) else { return ctx.t.screen(.ratingWholeNumber) }
                return nil
            }
        case .writtenAt:
            let label = ctx.t.screen(.writtenAtLabel)
            let kind = self.kind, complaint = first
            return LinePrompt(label: heading + " · " + label, required: false) { v in
                let v = v.trimmingSpaces()
                guard !v.isEmpty else { return nil }
                guard let written = Timestamp.parseOperatorTime(v, zone: ctx.config.calendar.zone) else {
                    return ctx.t.screen(.writtenAtExample)
                }
                // The core's rule, asked while the answer is still on the screen (issue 11 item 17):
                // not in the future, not before the follow-up it answers.
                if let r = Workflow.reporterTimeProblem(kind, reportedAt: written, complaint: complaint, recordedAt: ctx.clock()) {
                    return ctx.t.reporterTimeOnScreen(r, zone: ctx.zone)
                }
                return nil
            }
        case .duplicate:
            return LinePrompt(label: heading + " · " + t.text(.duplicatePrompt), required: true) { v in
                let digits = v.trimmingSpaces().hasPrefix("#") ? String(v.trimmingSpaces().dropFirst()) : v.trimmingSpaces()
                guard let n = Int64(digits), n > 0 else { return ctx.t.screen(.reportNumberExample) }
                return nil
            }
        case .classify(let recordFlags):
            return ClassifyForm(title: heading, complaint: first, categories: ctx.config.categories, recordFlags: recordFlags,
                                complaints: complaints)
        case .liftReason:
            return LinePrompt(label: heading + " · " + t.text(.liftAnonymityReason), required: true)
        case .confirm(let question):
            return Confirm(question, warning: kind == .approve ? approvalWarning : nil)
        }
    }

    /// Applies the action to every target, each in its own transaction. Returns (done, refusals).
    func apply(ctx: DeskContext) -> (done: Int, problems: [String]) {
        var done = 0
        var problems: [String] = []
        conflict = nil
        for (i, target) in targets.enumerated() {
            var d = details
            if let f = form {
                // Each report gets its own changes: a bulk form never copies the first one's flags.
                let c = complaints[i]
                let ch = f.changes(for: c)
                d.changes = ch.isEmpty || (kind == .forward && c.status != .belumTerverifikasi) ? nil : ch
            }
            if let text = d.text, kind == .followUp {
                // Placeholders are filled per report, so a bulk reply names each report's own number,
                // and for its readers: a public follow-up never names the reporter.
                if let c = try? ctx.store.complaint(target.id) {
                    d.text = ctx.config.fill(ReplyTemplate(id: "", name: "", text: text), for: c, author: ctx.me,
                                             audience: Privacy.audience(secret: d.secret))
                    // A boilerplate answer is sent and recorded as such; the sender is told (not refused).
                    let earlier = (try? ctx.store.earlierAnswers(agency: ctx.me.agency, unit: ctx.me.unit, limit: 200)) ?? []
                    d.boilerplate = d.text.flatMap { ctx.config.boilerplate($0, for: c, author: ctx.me, earlier: earlier) }
                }
            }
            do {
                _ = try ctx.store.apply(Command(kind, d), to: target.id, expectedVersion: target.version, by: ctx.me, at: ctx.clock())
                done += 1
                if let b = d.boilerplate {
                    warnings.append(ctx.t.boilerplateWarning(b) { id in ctx.config.templates.first { $0.id == id }?.name ?? id })
                }
            } catch {
                if case .conflict(let c) = error, !isBulk { conflict = c }
                problems.append((isBulk ? "#\(target.id): " : "") + ctx.describe(error))
            }
        }
        return (done, problems)
    }
}
