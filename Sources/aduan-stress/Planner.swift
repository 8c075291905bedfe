import AduanCore

/// One action an operator decided on: who, what, and with which parameters.
struct PlannedAction {
    var actor: Actor
    var command: Command
}

/// Chooses random *valid* workflow actions, the way a busy office would take them: the operator
/// and action come from `Workflow.availableActions` (role, status and holder rules), the
/// parameters are ones the workflow accepts (a unit of the holding agency, another agency, a
/// text, a rating 1–5, …). A refusal is then only possible when the report changed meanwhile.
struct Planner {
    let office: Office

    /// How often each action is picked among those available. Archiving ends a report's
    /// workflow, so it is rarer; auto-close needs an expired timer and is left to the sweep.
    static let weights: [ActionKind: Int] = [
        .verify: 10, .classify: 3, .redispose: 4, .forward: 2, .cc: 3, .postpone: 3, .resume: 6,
        .archive: 2, .followUp: 10, .note: 4, .reply: 5, .rate: 3, .close: 5, .reopen: 5, .linkDuplicate: 1,
    ]

    /// The kinds that end a report (Arsip): kept off the hot reports of the operators run, so those
    /// stay in play for the whole minute.
    static let terminal: Set<ActionKind> = [.archive, .linkDuplicate]

    /// Units that have a liaison in the config: dispositions favour them so follow-ups happen.
    var staffedUnits: [String] { office.operators.compactMap { $0.role == .liaison ? $0.unit : nil } }

    /// Picks an operator and an action open to them on `c`, or nil when nobody can act on it.
    /// `otherID` is another existing report (for link-duplicate).
    func plan(for c: Complaint, allowTerminal: Bool, otherID: Int64?, rng: inout StressRandom) -> PlannedAction? {
        // Who may take each action: the kind is picked by its weight, then one of its operators,
        // so an action open to many operators (a note) is not picked more often for that.
        var actorsByKind: [(kind: ActionKind, actors: [Actor])] = []
        for actor in office.operators {
            for kind in Workflow.availableActions(on: c, by: actor, context: office.context) {
                if !allowTerminal && Self.terminal.contains(kind) { continue }
                if kind == .linkDuplicate && otherID == nil { continue }
                if let i = actorsByKind.firstIndex(where: { $0.kind == kind }) {
                    actorsByKind[i].actors.append(actor)
                } else {
                    actorsByKind.append((kind, [actor]))
                }
            }
        }
        // An archived report only takes notes: mostly leave it and act where the workflow moves.
        if actorsByKind.count == 1 && actorsByKind[0].kind == .note && rng.chance(0.75) { return nil }
        for _ in 0..<4 {
            guard let pick = rng.weighted(actorsByKind.map { Self.weights[$0.kind] ?? 0 }) else { return nil }
            let kind = actorsByKind[pick].kind
            let actor = actorsByKind[pick].actors.randomElement(using: &rng)!
            if let details = details(for: kind, on: c, by: actor, otherID: otherID, rng: &rng) {
                return PlannedAction(actor: actor, command: Command(kind, details))
            }
            actorsByKind.remove(at: pick)
        }
        return nil
    }

    /// Parameters the workflow accepts for `kind` on `c`; nil when there are none (no other unit to copy to).
    func details(for kind: ActionKind, on c: Complaint, by actor: Actor, otherID: Int64?,
                 rng: inout StressRandom) -> ActionDetails? {
        let directory = office.context.directory
        let agencyUnits = directory.agency(c.holder.agency)?.units.map(\.id) ?? []
        func reason() -> String { Self.reasons.randomElement(using: &rng)! }
        func text() -> String { Self.texts.randomElement(using: &rng)! + " (#\(c.id) v\(c.version + 1))" }
        func unitForDisposition(excluding: String?) -> String? {
            let staffed = staffedUnits.filter { agencyUnits.contains($0) && $0 != excluding }
            if !staffed.isEmpty && rng.chance(0.8) { return staffed.randomElement(using: &rng) }
            return agencyUnits.filter { $0 != excluding }.randomElement(using: &rng)
        }
        switch kind {
        case .verify:
            return unitForDisposition(excluding: nil).map { ActionDetails(unit: $0) }
        case .classify:
            let change = ClassificationChange(classification: Classification.allCases.randomElement(using: &rng),
                                              category: Category(Self.categories.randomElement(using: &rng)!),
                                              priority: Priority.allCases.randomElement(using: &rng))
            return ActionDetails(changes: change)
        case .redispose:
            return unitForDisposition(excluding: c.holder.unit).map { ActionDetails(unit: $0, reason: reason()) }
        case .forward:
            // Back and forth between the two agencies that have admins, so forwarded reports stay workable.
            let target = c.holder.agency == "pemprov-jatim" ? "pemkab-sukamaju" : "pemprov-jatim"
            guard directory.agency(target) != nil else { return nil }
            // From Belum Terverifikasi the anonymity/confidentiality decision goes with the forward.
            let decision = c.status == .belumTerverifikasi && !c.privacyDecided
                ? ClassificationChange(anonymous: c.anonymous, confidential: rng.chance(0.1)) : nil
            return ActionDetails(agency: target, reason: reason(), changes: decision)
        case .cc:
            let units = directory.allUnits.map(\.id).filter { $0 != c.holder.unit && !c.ccUnits.contains($0) }
            return units.randomElement(using: &rng).map { ActionDetails(unit: $0) }
        case .postpone:
            return ActionDetails(reason: reason())
        case .archive:
            let code = [ArchiveReason.spam, .unclear, .tooGeneral, .notPublicService, .duplicate].randomElement(using: &rng)!
            return ActionDetails(reason: reason(), archiveReason: code)
        case .followUp:
            return ActionDetails(text: text(), secret: rng.chance(0.1))
        case .note, .reply, .message:
            return ActionDetails(text: text())
        case .rate:
            return ActionDetails(rating: Int.random(in: 1...5, using: &rng))
        case .reopen:
            return ActionDetails(reason: reason())
        case .linkDuplicate:
            guard let other = otherID, other != c.id else { return nil }
            return ActionDetails(duplicateOf: other)
        case .resume, .close, .approve:
            return ActionDetails()
        case .passDown:
            let below = directory.children(of: c.holder.unit ?? "")
            return below.randomElement(using: &rng).map { ActionDetails(unit: $0) }
        case .returnUp:
            return ActionDetails(reason: reason())
        case .draft, .returnDraft:
            return ActionDetails(text: text())
        case .receive, .import, .autoClose, .escalate:
            return nil
        }
    }

    /// A new report, as the office's admin types it in.
    func intake(rng: inout StressRandom) -> Intake {
        let title = Self.titles.randomElement(using: &rng)!
        return Intake(title: title, body: title + ". Mohon segera ditindaklanjuti.",
                      channel: Channel.allCases.randomElement(using: &rng)!,
                      category: Category(Self.categories.randomElement(using: &rng)!),
                      location: "Kecamatan Sukamaju")
    }

    /// The same action as `aduan act` arguments (without id, --expect-version, --as).
    static func cliArguments(_ command: Command) -> [String] {
        let d = command.details
        var args = [command.kind.rawValue]
        switch command.kind {
        case .verify, .cc:
            args += ["--unit", d.unit ?? ""]
        case .classify:
            if let c = d.changes?.classification { args += ["--classification", c.rawValue] }
            if let c = d.changes?.category { args += ["--category", c.path] }
            if let p = d.changes?.priority { args += ["--priority", p.rawValue] }
        case .redispose:
            args += ["--unit", d.unit ?? "", "--reason", d.reason ?? ""]
        case .forward:
            args += ["--agency", d.agency ?? "", "--reason", d.reason ?? ""]
            if let a = d.changes?.anonymous { args += ["--anonymous", a ? "yes" : "no"] }
            if let c = d.changes?.confidential { args += ["--confidential", c ? "yes" : "no"] }
        case .postpone, .reopen:
            args += ["--reason", d.reason ?? ""]
        case .archive:
            args += ["--code", d.archiveReason?.rawValue ?? "", "--reason", d.reason ?? ""]
        case .followUp:
            args += ["--text", d.text ?? ""]
            if d.secret { args.append("--secret") }
        case .note, .reply, .draft, .returnDraft, .message:
            args += ["--text", d.text ?? ""]
        case .passDown:
            args += ["--unit", d.unit ?? ""]
        case .returnUp:
            args += ["--reason", d.reason ?? ""]
        case .approve:
            break
        case .rate:
            args += ["--rating", String(d.rating ?? 0)]
        case .linkDuplicate:
            args += ["--duplicate-of", String(d.duplicateOf ?? 0)]
        case .resume, .close, .receive, .import, .autoClose, .escalate:
            break
        }
        return args
    }

    static let reasons = [
        "Bukan kewenangan unit ini", "Menunggu klarifikasi lokasi dari pelapor", "Salah disposisi: urusan jalan provinsi",
        "Pelapor keberatan: belum diperbaiki", "Isi laporan tidak jelas", "Laporan ganda",
    ]
    static let texts = [
        "Tim sudah turun ke lokasi dan memperbaiki.", "Terima kasih, laporan sedang kami proses.",
        "Pelapor: masih rusak sampai hari ini.", "Catatan internal: koordinasi dengan kecamatan.",
        "Perbaikan dijadwalkan minggu ini.", "Mohon lengkapi nama jalan dan desa.",
    ]
    static let titles = [
        "Lampu PJU mati di Jl. Kenanga", "Puskesmas tutup sebelum jam 12", "Jalan berlubang di Desa Sumberagung",
        "Antrean KTP-el terlalu lama", "Sampah menumpuk di pasar", "Air PDAM keruh tiga hari",
        "Pungutan liar saat mengurus KK", "Drainase tersumbat, banjir saat hujan",
    ]
    static let categories = [
        "kesehatan/puskesmas", "infrastruktur/jalan", "infrastruktur/pju", "adminduk/ktp-el", "lingkungan-hidup/sampah",
        "air-minum", "pungutan-liar", "infrastruktur/drainase",
    ]
}
