// Over 400 lines: one generator walks every workflow path a demo report may take; splitting it would scatter the proportions.
import AduanCore

/// Realistic demo complaints for the fictional office in the config: whole histories that replay
/// under the workflow rules, with LAPOR!'s 2023 status mix, working-hour timing in the office's
/// zone, and a share of overdue open work at `now`.
///
/// Each history is made in three steps: a script of actions with every random choice (no clock),
/// then times for the script (the start is moved until the open work lands at its planned age and
/// nothing falls after `now`), then one pass through `Workflow.decide` and `Workflow.evolve`.
///
/// Deterministic: the same config, seed and `now` give the same histories on every machine
/// (SplitMix64; no hashing order, no clock).
public struct DemoGenerator {
    /// The final-status mix the generator aims at: LAPOR! 2023 (Selesai 78, Proses 9, Arsip 8,
    /// Belum Ditindaklanjuti 3, Belum Terverifikasi 2, Tunda 1.5), normalised to sum to 1.
    public static let statusMix: [(status: Status, share: Double)] = {
        let raw: [(Status, Double)] = [(.selesai, 78), (.proses, 9), (.arsip, 8), (.belumDitindaklanjuti, 3),
                                       (.belumTerverifikasi, 2), (.tunda, 1.5)]
        let total = raw.reduce(0) { $0 + $1.1 }
        return raw.map { ($0.0, $0.1 / total) }
    }()

    /// Actions the workflow refused while generating: always 0 unless the generator has a bug.
    /// A refused action is left out, so every history still replays.
    public private(set) var refusals = 0

    let config: OfficeConfig
    let context: WorkflowContext
    let now: Timestamp
    var rng: DemoRandom
    let text: DemoLibrary
    let clock: DemoClock
    let cast: DemoCast
    let topics: [DemoTopic]
    let topicWeights: DemoWeights
    let targetWeights: DemoWeights
    let targets: [Status]
    let channelWeights: DemoWeights
    let channels: [Channel] = [.web, .android, .sms1708, .twitter, .ios, .walkIn, .integrated, .other]
    let receivedDays: DemoWeights
    let officeAgency: String
    /// An agency that now and then forwards reports in (the province).
    let forwardingAgency: String?
    let templateByID: [String: ReplyTemplate]
    let canDispose: Bool
    let canPostpone: Bool
    let autoCloseWorkingDays: Int?
    var trackingCounters: [Int32]

    // Per-history working state.
    var steps: [Step] = []
    var keyStep = -1
    var track = Track()
    var scene = DemoScene()

    public init(config: OfficeConfig, seed: UInt64, now: Timestamp) {
        self.config = config
        context = config.context
        self.now = now
        officeAgency = config.agency
        var setup = DemoRandom(seed: seed ^ 0x5EED_0FAD_0A20_2026)
        let clock = DemoClock(calendar: config.calendar, now: now)
        self.clock = clock
        let library = DemoLibrary(config: config)
        text = library
        cast = DemoCast(config: config)
        // Topics go to the office's top units; sub-units get reports passed down to them (DemoHierarchy).
        let officeUnits = config.directory.agency(config.agency)?.units.filter { $0.parent == nil }.map(\.id) ?? []
        let canDispose = !officeUnits.isEmpty
        self.canDispose = canDispose
        let canPostpone = config.policy.postponeFrom.contains(.belumTerverifikasi)
        self.canPostpone = canPostpone
        let topics = DemoText.topics.map { DemoTopic($0, config: config, officeUnits: officeUnits, kecUnits: library.kecUnits) }
        self.topics = topics
        topicWeights = DemoWeights(topics.map(\.weight))
        var mix = DemoGenerator.statusMix
        if !canDispose {
            mix = mix.map { $0.status == .belumTerverifikasi || $0.status == .arsip || $0.status == .tunda ? $0 : ($0.status, 0) }
        }
        if !canPostpone { mix = mix.map { $0.status == .tunda ? ($0.status, 0) : $0 } }
        targets = mix.map(\.status)
        targetWeights = DemoWeights(mix.map(\.share))
        channelWeights = DemoWeights([34, 24, 10, 8, 7, 7, 6, 4])
        receivedDays = clock.receivedDayWeights(&setup)
        let prov = config.directory.agencies.first { $0.id != config.agency && $0.id.hasPrefix("pemprov") && !$0.units.isEmpty }
        forwardingAgency = prov?.id
        var templates: [String: ReplyTemplate] = [:]
        for t in config.templates { templates[t.id] = t }
        templateByID = templates
        autoCloseWorkingDays = config.deadlines.autoClose.counting == .working ? config.deadlines.autoClose.days : nil
        trackingCounters = Array(repeating: 0, count: clock.dayCount)
        rng = DemoRandom(seed: seed)
        steps.reserveCapacity(24)
    }

    /// The next complaint's whole history: events with complaintID 0 (the store assigns ids), each
    /// one produced by `Workflow.decide` with `config.context` on the state `Workflow.evolve` folded
    /// from the events before it, so the history replays cleanly (`Workflow.replay`).
    public mutating func nextHistory() -> [Event] {
        var plan = makePlan()
        steps.removeAll(keepingCapacity: true)
        keyStep = -1
        track = Track()
        setHolder(Holder(agency: plan.forwardedIn ? forwardingAgency! : officeAgency))
        script(plan)
        let count = scheduleSteps(plan)
        return withOfficeWords(passedDown(withTreeSteps(execute(&plan, count: count))))
    }

    // MARK: planning (nothing here depends on time)

    struct Plan {
        var target: Status
        var age = 0
        var proses: ProsesKind = .awaiting
        var topic = 0
        var junk: ArchiveReason? = nil
        var archiveCode: ArchiveReason = .unclear
        var channel: Channel = .web
        var intake = Intake(title: "", body: "")
        var informalTitle = false
        var forwardedIn = false
        var incidentDaysBefore = -1
        var hasTracking = true
        var kec = 0
        var isOpen: Bool { target != .selesai && target != .arsip }
    }

    enum ProsesKind { case awaiting, replyPending, reopened }

    mutating func makePlan() -> Plan {
        var plan = Plan(target: targets[targetWeights.pick(&rng)])
        let v = config.deadlines
        switch plan.target {
        case .belumTerverifikasi:
            let n = v.verification.days
            plan.age = rng.chance(0.78) ? rng.skewedBelow(n + 1) : n + 1 + Int(rng.below(8))
        case .belumDitindaklanjuti:
            let n = v.firstFollowUp.days
            plan.age = rng.chance(0.75) ? rng.skewedBelow(n + 1) : n + 1 + Int(rng.below(10))
        case .tunda:
            plan.age = rng.skewedBelow(60)
        case .proses:
            // Awaiting the reporter (auto-close not yet due), or the reporter answered or objected
            // and the unit owes a response (mostly still within its time).
            let r = rng.unit()
            let n = v.response.days
            if r < 0.45 {
                plan.proses = .awaiting
                plan.age = Int(rng.below(UInt64(max(1, v.autoClose.days))))
            } else {
                plan.proses = r < 0.9 ? .replyPending : .reopened
                plan.age = rng.chance(0.75) ? rng.skewedBelow(n + 1) : n + 1 + Int(rng.below(10))
            }
        case .arsip:
            let r = rng.unit()
            plan.archiveCode = r < 0.15 ? .spam : r < 0.4 ? .unclear : r < 0.55 ? .tooGeneral : r < 0.75 ? .notPublicService
                : r < 0.95 ? .duplicate : .other
            if plan.archiveCode != .duplicate && plan.archiveCode != .other { plan.junk = plan.archiveCode }
        case .selesai:
            break
        }
        plan.topic = topicWeights.pick(&rng)
        plan.channel = channels[channelWeights.pick(&rng)]
        plan.hasTracking = plan.channel == .walkIn ? false : plan.channel == .integrated ? rng.chance(0.6)
            : plan.channel == .other ? rng.chance(0.5) : true
        plan.forwardedIn = plan.target != .belumTerverifikasi && plan.junk == nil && forwardingAgency != nil && rng.chance(0.03)
        if rng.chance(0.35) { plan.incidentDaysBefore = Int(rng.below(15)) }
        scene = DemoScene.random(&rng, library: text)
        scene.issue = Int(rng.below(UInt64(topics[plan.topic].issues)))
        plan.kec = scene.kec
        writeIntake(&plan)
        return plan
    }

    mutating func writeIntake(_ plan: inout Plan) {
        let topic = topics[plan.topic]
        let channel = plan.channel
        let informal = channel == .sms1708 || channel == .twitter ? rng.chance(0.65) : rng.chance(0.1)
        var classification = Classification.pengaduan
        var title = ""
        var body = ""
        body.reserveCapacity(720)
        if let junk = plan.junk {
            let (titles, bodies) = text.junk(junk)
            let which = Int(rng.below(UInt64(min(titles.count, bodies.count))))
            text.render(titles[which], scene, into: &title)
            text.render(bodies[which], scene, into: &body)
        } else {
            let r = rng.unit()
            if r < topic.aspirasiRate && !topic.aspirasi.isEmpty {
                classification = .aspirasi
            } else if r < topic.aspirasiRate + topic.infoRate && !topic.info.isEmpty {
                classification = .permintaanInformasi
            } else if r < topic.aspirasiRate + topic.infoRate + topic.whistleRate {
                classification = .whistleblowing
            }
            let titlePool = classification == .aspirasi && !topic.aspirasiTitles.isEmpty ? topic.aspirasiTitles
                : classification == .permintaanInformasi && !topic.infoTitles.isEmpty ? topic.infoTitles : topic.titles
            text.render(pick(titlePool, topic), scene, into: &title)
            let shape = rng.unit()
            if shape < 0.03 {
                text.render(rng.element(text.longTitleTails), scene, into: &title)
                plan.informalTitle = true
            } else if shape < 0.07 {
                text.render(rng.element(text.titleTails), scene, into: &title)
                plan.informalTitle = true
            } else if shape < 0.07 + (informal ? 0.12 : 0.02) {
                title = title.uppercased()
                plan.informalTitle = true
            }
            writeBody(topic, classification: classification, informal: informal, channel: channel, into: &body)
        }
        var location = ""
        if plan.junk == nil || plan.junk == .notPublicService {
            if topic.located || plan.junk != nil {
                text.render(text.addressTemplate, scene, into: &location)
            } else if rng.chance(0.6) {
                text.render(text.areaTemplate, scene, into: &location)
            }
        }
        let category: Category
        if plan.junk != nil {
            category = .uncategorised
        } else {
            category = rng.chance(0.65) ? topic.category : .uncategorised
        }
        var priority = Priority.normal
        if plan.junk == nil {
            if rng.chance(topic.highPriorityRate) { priority = .high }
            else if classification != .pengaduan && classification != .whistleblowing && rng.chance(0.5) { priority = .low }
        }
        let walkInFactor = channel == .walkIn ? 0.3 : 1
        let anonymous = rng.chance(topic.anonymousRate * 0.85 * walkInFactor + (classification == .whistleblowing ? 0.3 : 0))
        let confidential = rng.chance(topic.confidentialRate * 0.8 + (classification == .whistleblowing ? 0.2 : 0))
        plan.intake = Intake(trackingID: nil, title: title, body: body, channel: channel, classification: classification,
                             category: category, location: location, incidentDate: nil, anonymous: anonymous,
                             confidential: confidential, priority: priority, reporter: makeReporter(channel),
                             agency: officeAgency)
    }

    mutating func writeBody(_ topic: DemoTopic, classification: Classification, informal: Bool, channel: Channel,
                            into body: inout String) {
        let breakStyle = rng.unit()
        let sep = breakStyle < 0.22 ? "\n\n" : breakStyle < 0.3 ? "\n" : " "
        if channel == .twitter { body += "@lapor1708 " }
        switch classification {
        case .aspirasi:
            text.render(rng.element(text.aspirasiOpeners), scene, into: &body)
            body += " "
            text.render(pick(topic.aspirasi, topic), scene, into: &body)
            body += sep
            text.render(rng.element(text.aspirasiReasons), scene, into: &body)
            body += " "
            text.render(rng.element(text.closings), scene, into: &body)
        case .permintaanInformasi:
            if rng.chance(0.8) {
                text.render(rng.element(informal ? text.informalOpeners : text.openers), scene, into: &body)
                body += " "
            }
            text.render(pick(topic.info, topic), scene, into: &body)
            body += " "
            text.render(rng.element(text.infoContexts), scene, into: &body)
            body += sep
            text.render(rng.element(text.infoClosings), scene, into: &body)
        case .pengaduan, .whistleblowing:
            if informal {
                if rng.chance(0.6) {
                    text.render(rng.element(text.informalOpeners), scene, into: &body)
                    body += " "
                }
                text.render(pick(topic.informal, topic), scene, into: &body)
                body += sep == " " ? ". " : sep
                text.render(pick(topic.problems, topic), scene, into: &body)
                body += " "
                if rng.chance(0.5) {
                    text.render(pick(topic.details, topic), scene, into: &body)
                    body += " "
                }
                text.render(rng.element(text.informalClosings), scene, into: &body)
            } else {
                if rng.chance(0.75) {
                    text.render(rng.element(text.openers), scene, into: &body)
                    body += sep == "\n" ? "\n" : " "
                }
                text.render(pick(topic.problems, topic), scene, into: &body)
                body += " "
                text.render(pick(topic.details, topic), scene, into: &body)
                if rng.chance(0.55) {
                    body += " "
                    let own = !topic.impacts.isEmpty && rng.chance(0.6)
                    text.render(own ? pick(topic.impacts, topic) : rng.element(text.impacts), scene, into: &body)
                }
                body += sep
                let own = !topic.requests.isEmpty && rng.chance(0.6)
                text.render(own ? pick(topic.requests, topic) : rng.element(text.requests), scene, into: &body)
                if rng.chance(0.7) {
                    body += sep == "\n\n" ? "\n\n" : " "
                    text.render(rng.element(text.closings), scene, into: &body)
                }
            }
        }
    }

    mutating func makeReporter(_ channel: Channel) -> Reporter? {
        var name: String? = nil, phone: String? = nil, email: String? = nil, nik: String? = nil
        let (pName, pPhone, pEmail, pNIK): (Double, Double, Double, Double)
        switch channel {
        case .web: (pName, pPhone, pEmail, pNIK) = (0.97, 0.75, 0.65, 0.3)
        case .android, .ios: (pName, pPhone, pEmail, pNIK) = (0.98, 0.85, 0.4, 0.25)
        case .sms1708: (pName, pPhone, pEmail, pNIK) = (0.12, 1, 0, 0.02)
        case .twitter: (pName, pPhone, pEmail, pNIK) = (0.8, 0.1, 0.05, 0)
        case .walkIn: (pName, pPhone, pEmail, pNIK) = (1, 0.7, 0.1, 0.92)
        case .integrated: (pName, pPhone, pEmail, pNIK) = (0.95, 0.7, 0.3, 0.35)
        case .other: (pName, pPhone, pEmail, pNIK) = (0.9, 0.6, 0.5, 0.1)
        }
        let group = text.nameGroupWeights.pick(&rng)
        let g = DemoText.nameGroups[group]
        let first = rng.element(g.first)
        let last = rng.element(g.last)
        if rng.chance(pName) {
            var n = ""
            if rng.chance(0.06) {
                n = rng.element(DemoText.singleNames)
            } else {
                if rng.chance(0.04) { n += rng.element(DemoText.honorifics) }
                n += first
                n += " "
                n += last
                if rng.chance(0.04) { n += rng.element(DemoText.suffixTitles) }
            }
            name = n
        }
        if rng.chance(pPhone) {
            let prefix = rng.element(DemoText.phonePrefixes)
            let middle = Int(rng.below(10_000))
            let shortTail = rng.chance(0.25)
            let tail = Int(rng.below(shortTail ? 1_000 : 10_000))
            phone = asciiString(capacity: 16) { w in
                w.text("08")
                w.text(prefix)
                w.byte(45)
                w.digits(middle, width: 4)
                w.byte(45)
                w.digits(tail, width: shortTail ? 3 : 4)
            }
        }
        if rng.chance(pEmail) {
            var e = DemoLibrary.mailbox(first)
            if e.isEmpty { e = "warga" }
            let style = rng.below(4)
            if style == 0 { e += "." + DemoLibrary.mailbox(last) }
            if style <= 1 { appendDigits(&e, Int(rng.below(100)), width: 2) }
            if style == 2 { appendDigits(&e, 1970 + Int(rng.below(36)), width: 4) }
            e += "@"
            e += rng.element(DemoText.mailDomains)
            email = e
        }
        if rng.chance(pNIK) {
            // Province 35, a made-up regency 99, kecamatan, birth date (+40 for women), serial.
            let kec = scene.kec % 99 + 1
            let female = rng.chance(0.5)
            let day = 1 + Int(rng.below(28)) + (female ? 40 : 0)
            let month = 1 + Int(rng.below(12))
            let year = (50 + Int(rng.below(56))) % 100
            let serial = 1 + Int(rng.below(999))
            nik = asciiString(capacity: 16) { w in
                w.text("3599")
                w.digits(kec, width: 2)
                w.digits(day, width: 2)
                w.digits(month, width: 2)
                w.digits(year, width: 2)
                w.digits(serial, width: 4)
            }
        }
        if name == nil && phone == nil && email == nil && nik == nil { return nil }
        return Reporter(name: name, phone: phone, email: email, nik: nik)
    }

    // MARK: where a history starts

    struct Base {
        /// Index of the first working day on or after the day the report arrived.
        var idx: Int
        /// Calendar days before that working day the report arrived (weekends, holidays).
        var back: Int
        /// Second of the local day it arrived.
        var second: Int
    }

    mutating func firstBase(for plan: Plan) -> Base {
        var base: Base
        if plan.isOpen {
            base = Base(idx: clock.lastOfficeIdx - plan.age, back: 0, second: 0)
            let lastOfficeDay = clock.day(clock.lastOfficeIdx)
            if plan.target == .belumTerverifikasi && plan.age == 0 && plan.channel != .walkIn
                && lastOfficeDay < clock.nowDay && rng.chance(0.5) {
                // Arrived since the last office day (tonight, this weekend): nobody has looked yet.
                let day = lastOfficeDay + 1 + Int(rng.below(UInt64(clock.nowDay - lastOfficeDay)))
                base.idx = clock.idx(onOrAfter: day)
                base.back = clock.day(base.idx) - day
            } else if plan.channel != .walkIn && !plan.forwardedIn && rng.chance(0.16) {
                let gap = clock.gapBefore(base.idx)
                if gap > 0 { base.back = 1 + Int(rng.below(UInt64(gap))) }
            }
        } else {
            let day = clock.windowStart + receivedDays.pick(&rng)
            let idx = clock.idx(onOrAfter: day)
            base = Base(idx: idx, back: clock.day(idx) - day, second: 0)
            if plan.channel == .walkIn || plan.forwardedIn { base.back = 0 }
        }
        if plan.channel == .walkIn || plan.forwardedIn {
            base.second = 8 * 3600 + Int(rng.below(6 * 3600 + 1800))
        } else {
            base.second = clock.arrivalSecond(&rng, weekend: base.back > 0)
        }
        base.idx = max(base.idx, clock.minIdx)
        return base
    }

    // MARK: the script (every choice, no clock)

    /// One planned action. Its time is set by `scheduleSteps`.
    struct Step {
        enum Timing { case office(Int), autoClose }
        var kind: ActionKind
        var details: StepDetails
        var actor: Actor
        var timing: Timing
        /// Randomness for the time of day.
        var r: UInt64
        /// A reply template filled in when the step runs (it needs the report as it is then).
        var template: ReplyTemplate?
        var at = Timestamp(seconds: 0)
    }

    /// What the script knows about the report while writing it.
    struct Track {
        var holder = Holder(agency: "")
        var liaison: Actor?
        var admins: [Actor] = []
        var holderName = ""
        var cc: [String] = []
        var awaiting = false
        var privacyDecided = false
        var titleChanged = false
        var category: Category = .uncategorised
    }

    /// The parameters of a planned action: the part of `ActionDetails` the demo uses, small to copy.
    struct StepDetails {
        var agency: String?
        var unit: String?
        var reason: String?
        var archiveReason: ArchiveReason?
        var text: String?
        var secret = false
        var rating: Int?
        var changes: ClassificationChange?

        init(agency: String? = nil, unit: String? = nil, archiveReason: ArchiveReason? = nil, rating: Int? = nil,
             changes: ClassificationChange? = nil) {
            self.agency = agency
            self.unit = unit
            self.archiveReason = archiveReason
            self.rating = rating
            self.changes = changes
        }

        var action: ActionDetails {
            ActionDetails(agency: agency, unit: unit, reason: reason, archiveReason: archiveReason, text: text, secret: secret,
                          rating: rating, changes: changes)
        }
    }

    mutating func add(_ kind: ActionKind, _ details: StepDetails = StepDetails(), by actor: Actor, gap: Int,
                      template: ReplyTemplate? = nil) {
        steps.append(Step(kind: kind, details: details, actor: actor, timing: .office(gap), r: rng.next(), template: template))
        switch kind {
        case .verify, .redispose:
            setHolder(Holder(agency: track.holder.agency, unit: details.unit))
        case .forward:
            setHolder(Holder(agency: details.agency!, unit: details.unit))
        case .cc:
            track.cc.append(details.unit!)
        case .followUp:
            track.awaiting = true
        case .reply, .reopen, .close, .autoClose, .archive:
            track.awaiting = false
        case .classify:
            break
        default:
            break
        }
        if let change = details.changes {
            if change.decidesPrivacy { track.privacyDecided = true }
            if change.title != nil { track.titleChanged = true }
            if let c = change.category { track.category = c }
        }
    }

    mutating func markKey() { keyStep = steps.count - 1 }

    mutating func setHolder(_ holder: Holder) {
        track.holder = holder
        if let unit = holder.unit, let info = cast.units[unit] {
            track.liaison = info.liaison
            track.holderName = info.name
        } else {
            track.liaison = holder.unit.map(cast.liaison)
            track.holderName = holder.unit.map(config.directory.unitName) ?? config.directory.agencyName(holder.agency)
        }
        track.admins = holder.agency == officeAgency ? cast.officeAdmins : cast.admins(of: holder.agency)
    }

    mutating func script(_ plan: Plan) {
        let topic = topics[plan.topic]
        scene.unitName = ""
        scene.tujuan = ""
        track.category = plan.intake.category
        if plan.forwardedIn, let prov = forwardingAgency {
            var d = StepDetails(agency: officeAgency)
            d.reason = reason(rng.element(text.forwardInReasons))
            // A report leaves an office only with its anonymity/confidentiality decided.
            d.changes = privacyDecision(plan)
            add(.forward, d, by: cast.admin(of: prov, &rng), gap: Int(rng.below(3)))
        }
        switch plan.target {
        case .belumTerverifikasi:
            if rng.chance(0.7) { classify(plan, gap: rng.chance(0.7) ? 0 : 1, privacy: true) }
            if rng.chance(0.1) { note(text.adminNotes, by: cast.officeAdmin(&rng), gap: Int(rng.below(2))) }
        case .tunda:
            if rng.chance(0.7) { classify(plan, gap: 0, privacy: true) }
            postpone(gap: Int(rng.below(3)))
            markKey()
        case .arsip:
            scriptArchive(plan)
        case .belumDitindaklanjuti, .proses, .selesai:
            scriptHandled(plan, topic)
        }
    }

    mutating func scriptArchive(_ plan: Plan) {
        let r = rng.unit()
        if r < 0.12 && canPostpone {
            postpone(gap: Int(rng.below(3)))
            let wait = 5 + Int(rng.below(20))
            if !config.policy.archiveFromTunda {
                add(.resume, by: cast.officeAdmin(&rng), gap: wait)
                archive(plan, gap: 0)
            } else {
                archive(plan, gap: wait)
            }
        } else {
            if r < 0.2 { classify(plan, gap: 0, privacy: rng.chance(0.5)) }
            archive(plan, gap: rng.chance(0.88) ? Int(rng.below(4)) : 4 + Int(rng.below(5)))
        }
        markKey()
    }

    mutating func scriptHandled(_ plan: Plan, _ topic: DemoTopic) {
        if rng.chance(0.09) { classify(plan, gap: 0, privacy: rng.chance(0.6)) }
        if canPostpone && rng.chance(0.03) {
            postpone(gap: Int(rng.below(3)))
            add(.resume, by: cast.officeAdmin(&rng), gap: 2 + Int(rng.below(9)))
        }
        let mainUnit = topic.unit ?? text.kecUnits[plan.kec % max(1, text.kecUnits.count)]
        var forwardedAtIntake = false
        // Verification: by the office admin, or first "Bukan Wewenang" at intake and then by the other agency's admin.
        if let agency = topic.forwardAgency, let unit = topic.forwardUnit, rng.chance(topic.forwardAtIntake) {
            forwardedAtIntake = true
            forward(to: agency, unit: rng.chance(0.8) ? unit : nil, reasons: topic.forwardReasons, by: cast.officeAdmin(&rng),
                    gap: Int(rng.below(3)), deciding: plan)
            if rng.chance(topic.pingPongRate * 0.5) {
                forward(to: officeAgency, unit: nil, reasons: topic.pingPongReasons, by: cast.admin(of: agency, &rng),
                        gap: 1 + Int(rng.below(3)))
                verify(plan, topic, unit: mainUnit, gap: Int(rng.below(3)))
            } else {
                verify(plan, topic, unit: unit, gap: Int(rng.below(4)))
            }
        } else {
            let misrouted = topic.misroute != nil && rng.chance(topic.misrouteRate)
            let lag = rng.chance(0.88) ? rng.skewedBelow(4) : 4 + Int(rng.below(4))
            verify(plan, topic, unit: misrouted ? topic.misroute! : mainUnit, gap: lag)
            if misrouted {
                let by = rng.chance(0.6) ? cast.liaison(topic.misroute!) : cast.officeAdmin(&rng)
                var d = StepDetails(unit: mainUnit)
                scene.tujuan = config.directory.unitName(mainUnit)
                let pool = topic.misrouteReasons.isEmpty || rng.chance(0.3) ? text.redisposeReasons : topic.misrouteReasons
                d.reason = reason(rng.element(pool))
                add(.redispose, d, by: by, gap: rng.skewedBelow(4))
            }
        }
        markKey()
        if rng.chance(topic.ccRate) { copy(topic, plan: plan) }
        if !forwardedAtIntake, let agency = topic.forwardAgency {
            let unit = topic.forwardUnit
            forward(to: agency, unit: unit, reasons: topic.forwardReasons, by: handler(preferLiaison: 1), gap: rng.skewedBelow(5))
            markKey()
            if unit != nil && rng.chance(topic.pingPongRate) {
                forward(to: officeAgency, unit: mainUnit, reasons: topic.pingPongReasons, by: handler(preferLiaison: 1),
                        gap: 1 + Int(rng.below(4)))
                markKey()
            }
        }
        if rng.chance(0.05) { note(text.liaisonNotes, by: handler(preferLiaison: 1), gap: Int(rng.below(3))) }
        if plan.target == .belumDitindaklanjuti {
            let limit = config.deadlines.firstFollowUp.days
            if plan.age > limit && rng.chance(0.35), let sup = cast.supervisor(for: track.holder.agency, &rng) {
                note(text.supervisorNotes, by: sup, gap: limit + 1 + Int(rng.below(UInt64(plan.age - limit))))
            }
            return
        }

        // First follow-up, then the dialogue.
        let lag = rng.chance(0.85) ? rng.skewedBelow(6) : 6 + Int(rng.below(7))
        let style = rng.unit()
        if style < 0.17 {
            followUp(.clarify, topic, gap: lag)
            reply(topic.located ? text.clarificationReplies : text.clarificationRepliesGeneral, gap: Int(rng.below(4)))
            followUp(rng.chance(0.5) ? .progress : .done, topic, gap: 1 + Int(rng.below(5)))
        } else if style < 0.47 {
            followUp(.progress, topic, gap: lag)
            if rng.chance(0.35) {
                let q = Int(rng.below(UInt64(text.questionReplies.count)))
                reply([text.questionReplies[q]], gap: Int(rng.below(4)))
                followUpText(text.answersToQuestions[q % text.answersToQuestions.count], gap: Int(rng.below(3)))
            }
            if plan.target != .proses || rng.chance(0.5) {
                followUp(.done, topic, gap: 2 + Int(rng.below(9)))
            }
        } else {
            followUp(.done, topic, gap: lag)
        }
        if rng.chance(0.07) {
            reply(text.objectionReplies, gap: 1 + Int(rng.below(6)))
            followUpText(rng.element(text.objectionAnswers), gap: 1 + Int(rng.below(5)))
        }
        if rng.chance(0.03) { copy(topic, plan: plan) }

        if plan.target == .proses {
            switch plan.proses {
            case .awaiting:
                markKey()
            case .replyPending:
                reply(rng.chance(0.6) ? text.objectionReplies : text.questionReplies, gap: Int(rng.below(4)))
                markKey()
            case .reopened:
                close()
                reopen(gap: 1 + Int(rng.below(5)))
                markKey()
            }
            return
        }

        // Selesai.
        close()
        if config.policy.reopenAllowed && rng.chance(0.03) {
            reopen(gap: 1 + Int(rng.below(5)))
            followUpText(rng.element(text.objectionAnswers), gap: 1 + Int(rng.below(5)))
            close()
        }
        if rng.chance(0.27) {
            let r = rng.unit()
            let rating = r < 0.07 ? 1 : r < 0.12 ? 2 : r < 0.24 ? 3 : r < 0.55 ? 4 : 5
            let who = rng.unit()
            let by = who < 0.5 ? Actor.system : who < 0.8 ? holderAdmin() : handler(preferLiaison: 1)
            add(.rate, StepDetails(rating: rating), by: by, gap: rng.skewedBelow(6))
        }
        markKey()
    }

    // MARK: script helpers

    enum FollowUpKind { case clarify, progress, done }

    /// An entry of `pool` about the report's issue when the pool is aligned with the topic's
    /// issues, any entry otherwise.
    mutating func pick(_ pool: [DemoTemplate], _ topic: DemoTopic) -> DemoTemplate {
        let k = topic.issues
        if k > 1 && pool.count % k == 0 {
            return pool[scene.issue + k * Int(rng.below(UInt64(pool.count / k)))]
        }
        return rng.element(pool)
    }

    mutating func reason(_ template: DemoTemplate) -> String {
        if let constant = template.constant { return constant }
        var s = ""
        text.render(template, scene, into: &s)
        return s
    }

    /// The operator acting for the current holder: its unit's liaison, or the agency's admin.
    mutating func handler(preferLiaison p: Double) -> Actor {
        if let liaison = track.liaison, p >= 1 || rng.chance(p) { return liaison }
        return holderAdmin()
    }

    mutating func holderAdmin() -> Actor {
        track.admins.count == 1 ? track.admins[0] : rng.element(track.admins)
    }

    mutating func privacyChange(_ plan: Plan, topic: DemoTopic?) -> (Bool, Bool) {
        var anonymous = plan.intake.anonymous
        var confidential = plan.intake.confidential
        // The admin sometimes protects a reporter who did not ask for it (pungli, whistle-blowing).
        if let topic, !anonymous, rng.chance(topic.anonymousRate * 0.1) { anonymous = true }
        if let topic, !confidential, rng.chance(topic.confidentialRate * 0.15) { confidential = true }
        return (anonymous, confidential)
    }

    mutating func classify(_ plan: Plan, gap: Int, privacy: Bool) {
        let topic = plan.junk == nil ? topics[plan.topic] : nil
        var change = ClassificationChange()
        if privacy {
            let (a, c) = privacyChange(plan, topic: topic)
            change.anonymous = a
            change.confidential = c
        }
        if let topic {
            if track.category != topic.category { change.category = topic.category }
            if plan.informalTitle && rng.chance(0.7) {
                var title = ""
                text.render(pick(topic.adminTitles, topic), scene, into: &title)
                change.title = title
            }
            if rng.chance(0.15) { change.priority = plan.intake.priority == .high ? .normal : .high }
        }
        if change.isEmpty { change.priority = .normal }
        add(.classify, StepDetails(changes: change), by: cast.officeAdmin(&rng), gap: gap)
    }

    mutating func verify(_ plan: Plan, _ topic: DemoTopic, unit: String, gap: Int) {
        var change = ClassificationChange()
        if !track.privacyDecided && rng.chance(0.95) {
            let (a, c) = privacyChange(plan, topic: topic)
            change.anonymous = a
            change.confidential = c
        }
        if track.category != topic.category { change.category = topic.category }
        if !track.titleChanged && (plan.informalTitle ? rng.chance(0.7) : rng.chance(0.06)) {
            var title = ""
            text.render(pick(topic.adminTitles, topic), scene, into: &title)
            change.title = title
        }
        if rng.chance(0.04) {
            change.classification = plan.intake.classification == .pengaduan ? .aspirasi : .pengaduan
        }
        var d = StepDetails(unit: unit)
        if !change.isEmpty { d.changes = change }
        add(.verify, d, by: holderAdmin(), gap: gap)
    }

    /// The anonymity/confidentiality decision a forward from Belum Terverifikasi carries, unless made.
    mutating func privacyDecision(_ plan: Plan) -> ClassificationChange? {
        guard !track.privacyDecided else { return nil }
        let (a, c) = privacyChange(plan, topic: plan.junk == nil ? topics[plan.topic] : nil)
        return ClassificationChange(anonymous: a, confidential: c)
    }

    mutating func forward(to agency: String, unit: String?, reasons: [DemoTemplate], by actor: Actor, gap: Int, deciding plan: Plan? = nil) {
        var d = StepDetails(agency: agency, unit: unit)
        if let plan { d.changes = privacyDecision(plan) }
        scene.tujuan = unit.map(config.directory.unitName) ?? config.directory.agencyName(agency)
        d.reason = reason(reasons.isEmpty ? rng.element(text.forwardInReasons) : rng.element(reasons))
        add(.forward, d, by: actor, gap: gap)
    }

    mutating func copy(_ topic: DemoTopic, plan: Plan) {
        guard !topic.cc.isEmpty, track.holder.agency == officeAgency else { return }
        let chosen = rng.element(topic.cc)
        guard let unit = chosen ?? (text.kecUnits.isEmpty ? nil : text.kecUnits[plan.kec % text.kecUnits.count]),
              unit != track.holder.unit, !track.cc.contains(unit) else { return }
        add(.cc, StepDetails(unit: unit), by: cast.officeAdmin(&rng), gap: Int(rng.below(2)))
    }

    mutating func postpone(gap: Int) {
        var d = StepDetails()
        d.reason = reason(rng.element(text.postponeReasons))
        add(.postpone, d, by: cast.officeAdmin(&rng), gap: gap)
    }

    mutating func archive(_ plan: Plan, gap: Int) {
        var d = StepDetails(archiveReason: plan.archiveCode)
        if plan.archiveCode == .duplicate {
            var n = ""
            appendDigits(&n, 3_000_000 + Int(rng.below(9_000_000)), width: 7)
            scene.nomor = n
        }
        if plan.archiveCode == .other || rng.chance(0.85) {
            d.reason = reason(rng.element(text.archiveReasons(plan.archiveCode)))
        }
        add(.archive, d, by: holderAdmin(), gap: gap)
    }

    mutating func note(_ pool: [DemoTemplate], by actor: Actor, gap: Int) {
        var d = StepDetails()
        d.text = reason(rng.element(pool))
        add(.note, d, by: actor, gap: gap)
    }

    mutating func followUp(_ kind: FollowUpKind, _ topic: DemoTopic, gap: Int) {
        let actor = handler(preferLiaison: 0.88)
        let holder = track.holder
        scene.unitName = track.holderName
        let forwarded = holder.agency != officeAgency
        // The config's "klarifikasi" and "dijadwalkan" texts speak of places and repairs.
        let templateID: String
        let pool: [DemoTemplate]
        switch kind {
        case .clarify:
            templateID = topic.located ? "klarifikasi" : ""
            pool = topic.located ? text.clarificationRequests : text.clarificationRequestsGeneral
        case .progress:
            templateID = topic.located && rng.chance(0.5) ? "dijadwalkan" : "diterima"
            pool = forwarded && !topic.forwardedProgress.isEmpty ? topic.forwardedProgress : topic.progress
        case .done:
            templateID = "selesai"
            pool = forwarded && !topic.forwardedDone.isEmpty ? topic.forwardedDone : topic.done
        }
        var d = StepDetails()
        var template: ReplyTemplate? = nil
        if rng.chance(kind == .clarify ? 0.25 : 0.07), let t = templateByID[templateID] {
            template = t
            d.text = " "  // replaced by the filled template when the step runs
        } else {
            d.text = reason(pick(pool, topic))
        }
        d.secret = rng.chance(0.1)
        add(.followUp, d, by: actor, gap: gap, template: template)
    }

    mutating func followUpText(_ template: DemoTemplate, gap: Int) {
        var d = StepDetails()
        d.text = reason(template)
        d.secret = rng.chance(0.05)
        add(.followUp, d, by: handler(preferLiaison: 0.88), gap: gap)
    }

    /// A reporter's reply, typed in by the liaison or an admin (or synced from LAPOR!).
    mutating func reply(_ pool: [DemoTemplate], gap: Int) {
        var d = StepDetails()
        d.text = reason(rng.element(pool))
        let who = rng.unit()
        let by = who < 0.55 ? handler(preferLiaison: 1) : who < 0.85 ? holderAdmin() : Actor.system
        add(.reply, d, by: by, gap: gap)
    }

    /// Closing: by the system 10 working days after an unanswered follow-up, or by an admin.
    mutating func close() {
        if track.awaiting && rng.chance(0.55) {
            steps.append(Step(kind: .autoClose, details: StepDetails(), actor: .system, timing: .autoClose, r: rng.next()))
            track.awaiting = false
            return
        }
        if rng.chance(0.2) { reply(text.thanksReplies, gap: Int(rng.below(5))) }
        add(.close, by: holderAdmin(), gap: rng.chance(0.3) ? 0 : 1 + Int(rng.below(8)))
    }

    mutating func reopen(gap: Int) {
        guard config.policy.reopenAllowed else { return }
        var d = StepDetails()
        d.reason = reason(rng.element(text.reopenReasons))
        let by = rng.chance(0.6) ? holderAdmin() : handler(preferLiaison: 1)
        add(.reopen, d, by: by, gap: gap)
    }

    // MARK: times

    /// Gives the script times, moving its start until the key step lands at the planned age (open
    /// reports) or everything lies before `now` (finished ones). Returns how many steps fit.
    mutating func scheduleSteps(_ plan: Plan) -> Int {
        var base = firstBase(for: plan)
        var failed: Int? = nil
        for attempt in 0..<8 {
            let result = times(from: base)
            failed = result.failed
            let key = result.key, over = result.over
            if attempt == 7 { break }
            if plan.target == .belumTerverifikasi {
                // The arrival is the key: only move it when it would lie after now.
                guard failed == -1 else { break }
                base.idx = max(base.idx - over, clock.minIdx)
            } else if plan.isOpen {
                guard let key else {
                    base.idx -= max(1, over)
                    base.idx = max(base.idx, clock.minIdx)
                    continue
                }
                let shift = clock.lastOfficeIdx - plan.age - key
                if shift == 0 { break }
                base.idx = max(base.idx + shift, clock.minIdx)
            } else {
                guard failed != nil else { break }
                base.idx = max(base.idx - over - Int(rng.below(4)), clock.minIdx)
            }
        }
        if failed == -1 {
            // Never reached in practice; a safe arrival the day before keeps the history valid.
            failed = times(from: Base(idx: clock.lastOfficeIdx - 1, back: 0, second: 10 * 3600)).failed
        }
        return failed.map { max(0, $0) } ?? steps.count
    }

    var arrival = Timestamp(seconds: 0)

    /// Times for every step from `base`: the working-day index of the key step (nil when not
    /// reached), the first step that would fall after `now` (-1: the arrival itself), and by how
    /// many working days.
    mutating func times(from base: Base) -> (key: Int?, failed: Int?, over: Int) {
        let day = clock.day(base.idx) - base.back
        var second = base.second
        if day == clock.nowDay {
            let limit = clock.nowSecond - 60
            if limit <= 0 { return (nil, -1, 1) }
            if second >= limit {
                // Earlier today, in office hours when it was then (walk-ins) and possible.
                let open = 8 * 3600
                second = second >= open && limit > open ? open + (second - open) % (limit - open) : second % limit
            }
        } else if day > clock.nowDay {
            return (nil, -1, day - clock.nowDay)
        }
        let t0 = clock.timestamp(day: day, second: second)
        arrival = t0
        var cur = base.idx
        if base.back == 0 && second > 15 * 3600 { cur += 1 }
        var key: Int? = keyStep < 0 ? base.idx : nil
        var last = t0
        var lastFollowUp = t0
        for i in steps.indices {
            var t: Timestamp
            switch steps[i].timing {
            case .office(let gap):
                let idx = cur + gap
                guard let office = clock.officeTime(idx, steps[i].r) else { return (key, i, max(1, idx - clock.lastOfficeIdx)) }
                t = office
                if t <= last {
                    t = last.adding(seconds: 120 + Int64(steps[i].r >> 40) % 5400)
                    if t >= now { return (key, i, 1) }
                }
                cur = idx
            case .autoClose:
                let due: Timestamp
                if let days = autoCloseWorkingDays {
                    // The Nth working day strictly after the follow-up's day, whatever day that was.
                    let start = clock.zone.dayNumber(of: lastFollowUp)
                    due = clock.endOfDay(days == 0 ? start : clock.day(clock.idx(onOrAfter: start + 1) + days - 1))
                } else {
                    due = config.deadlines.deadline(.autoClose, from: lastFollowUp, paused: [], calendar: config.calendar).dueAt
                }
                t = due.adding(seconds: 300 + Int64(steps[i].r >> 40) % 5400)
                let idx = clock.idx(onOrAfter: clock.zone.dayNumber(of: t))
                if t >= now { return (key, i, max(1, idx - clock.lastOfficeIdx + 1)) }
                cur = max(cur, idx)
            }
            steps[i].at = t
            last = t
            if steps[i].kind == .followUp { lastFollowUp = t }
            if i == keyStep { key = cur }
        }
        return (key, nil, 0)
    }

    // MARK: running the script

    mutating func execute(_ plan: inout Plan, count: Int) -> [Event] {
        let t0 = arrival
        if t0 >= now { return [] }
        let day = clock.zone.dayNumber(of: t0)
        if plan.hasTracking { plan.intake.trackingID = trackingID(day: day) }
        if plan.incidentDaysBefore >= 0 { plan.intake.incidentDate = LocalDate(dayNumber: day - plan.incidentDaysBefore) }
        let receiver: Actor
        if plan.forwardedIn, let prov = forwardingAgency {
            receiver = cast.admin(of: prov, &rng)
        } else if plan.channel == .walkIn || plan.channel == .other {
            receiver = cast.officeAdmin(&rng)
        } else {
            receiver = .system
        }
        var events: [Event] = []
        events.reserveCapacity(count + 1)
        var state: Complaint? = nil
        var failures = 0
        steps: for i in 0..<(count + 1) {
            let command: Command
            let actor: Actor
            let t: Timestamp
            if i == 0 {
                command = Command(.receive, ActionDetails(intake: plan.intake))
                actor = receiver
                t = t0
            } else {
                var d = steps[i - 1].details.action
                actor = steps[i - 1].actor
                if let template = steps[i - 1].template, let c = state {
                    d.text = config.fill(template, for: c, author: actor, audience: Privacy.audience(secret: d.secret))
                }
                command = Command(steps[i - 1].kind, d)
                t = steps[i - 1].at
            }
            switch Workflow.decide(command, on: state, by: actor, at: t, context: context) {
            case .success(let e):
                // The state after the last event is not needed: nothing is decided on it.
                if i < count { state = Workflow.evolve(state, e) }
                events.append(e)
            case .failure:
                // A refused action is left out and the rest still replays; only a generator bug gets here.
                failures += 1
                if i == 0 { break steps }
            }
        }
        refusals += failures
        return events
    }

    /// A LAPOR! tracking number: 7–8 digits, rising with the arrival day, unique per generator.
    /// Each day has 100,000 numbers (a busy day of a million-report store uses about 10,000; with
    /// 12,000 they wrapped and repeated, and import then took the repeats for re-imports).
    mutating func trackingID(day: Int) -> String {
        let offset = clock.offset(of: day)
        let counter = Int(trackingCounters[offset]) + 1 + Int(rng.below(3))
        trackingCounters[offset] = Int32(truncatingIfNeeded: counter % 100_000)
        let value = 2_000_000 + offset * 100_000 + counter % 100_000
        return asciiString(capacity: 8) { $0.digits(value, width: value < 10_000_000 ? 7 : 8) }
    }
}

// MARK: - Building blocks

/// SplitMix64: small, fast, and the same sequence on every platform.
struct DemoRandom {
    var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed) }

    @inline(__always) mutating func next() -> UInt64 { base.next() }

    /// Uniform in 0..<n (n > 0), by multiply-shift.
    @inline(__always) mutating func below(_ n: UInt64) -> UInt64 {
        ((next() >> 32) &* n) >> 32
    }

    /// Uniform in [0, 1).
    @inline(__always) mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }

    @inline(__always) mutating func element<T>(_ a: [T]) -> T { a[Int(below(UInt64(a.count)))] }

    /// 0..<n with small values more likely (minimum of two uniforms).
    @inline(__always) mutating func skewedBelow(_ n: Int) -> Int {
        let a = below(UInt64(n)), b = below(UInt64(n))
        return Int(min(a, b))
    }
}

/// A discrete distribution, picked by binary search in its cumulative weights.
struct DemoWeights {
    let cumulative: [Double]

    init(_ weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map { sum += max(0, $0); return sum }
    }

    func pick(_ rng: inout DemoRandom) -> Int {
        let x = rng.unit() * (cumulative.last ?? 0)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// ASCII text written into a stack buffer and made into one String (up to 15 bytes, no allocation).
@inline(__always) func asciiString(capacity: Int, _ write: (inout DemoASCIIWriter) -> Void) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
        var writer = DemoASCIIWriter(buffer: buffer)
        write(&writer)
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<writer.count]), as: UTF8.self)
    }
}

struct DemoASCIIWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    @inline(__always) mutating func byte(_ b: UInt8) {
        buffer[count] = b
        count += 1
    }

    /// `value` as exactly `width` decimal digits (zero-padded).
    @inline(__always) mutating func digits(_ value: Int, width: Int) {
        var v = max(0, value)
        var i = count + width - 1
        while i >= count {
            buffer[i] = 48 + UInt8(v % 10)
            v /= 10
            i -= 1
        }
        count += width
    }

    @inline(__always) mutating func text(_ s: String) {
        for b in s.utf8 { byte(b) }
    }
}

@inline(__always) func appendDigits(_ s: inout String, _ value: Int, width: Int) {
    let digits = String(max(0, value))
    var pad = width - digits.utf8.count
    while pad > 0 {
        s += "0"
        pad -= 1
    }
    s += digits
}

/// Working days and office hours around `now`, precomputed as arrays for cheap stepping.
struct DemoClock {
    let zone: OfficeTimeZone
    let nowDay: Int
    let nowSecond: Int
    let firstDay: Int
    let dayCount: Int
    /// Day numbers of the working days from `firstDay` on.
    let workDays: [Int]
    /// For each day offset, the index of the first working day on or after it.
    let onOrAfter: [Int32]
    /// The last working day (index) whose office hours have begun before `now`.
    let lastOfficeIdx: Int
    /// Earliest index a history may start at.
    let minIdx: Int
    /// First day of the 18-month window reports arrive in.
    let windowStart: Int
    static let officeOpen = 7 * 3600 + 30 * 60
    static let officeClose = 16 * 3600

    init(calendar: WorkingCalendar, now: Timestamp) {
        zone = calendar.zone
        nowDay = zone.dayNumber(of: now)
        nowSecond = zone.secondOfDay(of: now)
        firstDay = nowDay - 760
        dayCount = 760 + 60
        var work: [Int] = []
        var index = [Int32](repeating: 0, count: dayCount)
        var pending: [Int] = []
        for offset in 0..<dayCount {
            pending.append(offset)
            if calendar.isWorkingDay(firstDay + offset) {
                for p in pending { index[p] = Int32(work.count) }
                pending.removeAll(keepingCapacity: true)
                work.append(firstDay + offset)
            }
        }
        // A calendar without any working day in range cannot happen (the config checks the week);
        // trailing days point past the end.
        for p in pending { index[p] = Int32(work.count) }
        if work.isEmpty { work.append(firstDay) }
        workDays = work
        onOrAfter = index
        let todayIdx = Int(index[nowDay - firstDay])
        let todayIsWorking = todayIdx < work.count && work[todayIdx] == nowDay
        lastOfficeIdx = todayIsWorking && nowSecond > DemoClock.officeOpen + 1800 ? todayIdx : todayIdx - 1
        minIdx = 5
        windowStart = nowDay - 547
    }

    func offset(of day: Int) -> Int { min(max(day - firstDay, 0), dayCount - 1) }

    func idx(onOrAfter day: Int) -> Int {
        if day >= firstDay + dayCount { return workDays.count + (day - firstDay - dayCount) }
        return Int(onOrAfter[offset(of: day)])
    }

    /// The day number of working day `idx` (extrapolated past the table).
    func day(_ idx: Int) -> Int {
        if idx < 0 { return firstDay + idx }
        if idx >= workDays.count { return workDays[workDays.count - 1] + 1 + (idx - workDays.count) }
        return workDays[idx]
    }

    /// Non-working days right before working day `idx`.
    func gapBefore(_ idx: Int) -> Int {
        guard idx > 0, idx < workDays.count else { return 0 }
        return workDays[idx] - workDays[idx - 1] - 1
    }

    func endOfDay(_ day: Int) -> Timestamp { timestamp(day: day, second: 86_399) }

    func timestamp(day: Int, second: Int) -> Timestamp {
        Timestamp(seconds: Int64(day) * 86_400 + Int64(second) - Int64(zone.offsetSeconds))
    }

    /// A moment in office hours on working day `idx`, before `now`; nil when there is none.
    func officeTime(_ idx: Int, _ r: UInt64) -> Timestamp? {
        guard idx <= lastOfficeIdx, idx >= 0 else { return nil }
        let day = workDays[idx]
        var close = DemoClock.officeClose
        if day == nowDay { close = min(close, nowSecond - 60) }
        let span = close - DemoClock.officeOpen
        guard span > 0 else { return nil }
        // Two uniforms averaged: most actions mid-morning to early afternoon.
        let a = Int(((r & 0xFFFF) * UInt64(span)) >> 16)
        let b = Int((((r >> 16) & 0xFFFF) * UInt64(span)) >> 16)
        return timestamp(day: day, second: DemoClock.officeOpen + (a + b) / 2)
    }

    /// Local second at which an online report arrives: daytime and evenings, little at night.
    func arrivalSecond(_ rng: inout DemoRandom, weekend: Bool) -> Int {
        let hour = (weekend ? DemoClock.weekendHours : DemoClock.weekdayHours).pick(&rng)
        return hour * 3600 + Int(rng.below(3600))
    }

    /// Share of a week's reports that are finished by now, from the open-work age profile of
    /// the status mix (week 0 = the last seven days).
    static let finishedShareByWeek: [Double] = [0.02, 0.05, 0.1, 0.25, 0.5, 0.6, 0.8, 0.9, 0.95, 0.97, 0.99]

    static let weekdayHours = DemoWeights([0.25, 0.12, 0.06, 0.05, 0.15, 0.4, 0.9, 1.5, 2.3, 2.6, 2.6, 2.3, 1.7, 2.0, 2.1,
                                           1.8, 1.4, 1.1, 1.0, 1.3, 1.5, 1.3, 0.9, 0.5])
    static let weekendHours = DemoWeights([0.3, 0.15, 0.08, 0.06, 0.2, 0.5, 0.9, 1.3, 1.6, 1.8, 1.8, 1.6, 1.4, 1.3, 1.3,
                                           1.3, 1.2, 1.1, 1.1, 1.4, 1.6, 1.4, 1.0, 0.6])

    /// Weights of the days in the window: seasons (floods in the rainy months, PPDB in June–July),
    /// a growing trend, fewer reports on weekends and holidays, and some month-to-month noise.
    func receivedDayWeights(_ rng: inout DemoRandom) -> DemoWeights {
        let seasonal: [Double] = [1.15, 1.1, 0.95, 0.85, 0.95, 1.15, 1.2, 1.0, 0.95, 1.0, 1.05, 1.15]
        var noise: [Double] = []
        for _ in 0..<24 { noise.append(0.85 + 0.3 * rng.unit()) }
        var weights: [Double] = []
        let firstMonth = LocalDate(dayNumber: windowStart)
        for day in windowStart...nowDay {
            let date = LocalDate(dayNumber: day)
            let monthIndex = (date.year - firstMonth.year) * 12 + date.month - firstMonth.month
            var w = seasonal[date.month - 1] * noise[min(max(monthIndex, 0), 23)]
            w *= 0.9 + 0.2 * Double(day - windowStart) / 547
            // Finished reports are drawn from these weights; the open work (drawn by age) fills the
            // recent weeks, so finished ones thin out there and the total keeps the seasonal curve.
            let weeksAgo = (nowDay - day) / 7
            if weeksAgo < DemoClock.finishedShareByWeek.count { w *= DemoClock.finishedShareByWeek[weeksAgo] }
            let working = idx(onOrAfter: day) < workDays.count && workDays[idx(onOrAfter: day)] == day
            switch Weekday.of(dayNumber: day) {
            case .saturday: w *= 0.42
            case .sunday: w *= 0.36
            case .monday: w *= working ? 1.15 : 0.5
            case .friday: w *= working ? 0.9 : 0.5
            default: w *= working ? 1 : 0.5
            }
            weights.append(w)
        }
        return DemoWeights(weights)
    }
}

/// The officers who act in the demo: the config's operators, and made-up ones for units and
/// agencies that have none.
struct DemoCast {
    let officeAdmins: [Actor]
    let admins: [String: [Actor]]
    let liaisons: [String: Actor]
    let supervisors: [Actor]
    /// Each unit's liaison and display name, looked up once.
    let units: [String: (liaison: Actor, name: String)]
    /// The office's unit operators by unit (issue 15).
    let unitOperators: [String: Actor]

    init(config: OfficeConfig) {
        var admins: [String: [Actor]] = [:]
        var liaisons: [String: Actor] = [:]
        var nameIndex = 0
        func nextName() -> String {
            defer { nameIndex += 1 }
            return DemoText.officerNames[nameIndex % DemoText.officerNames.count]
        }
        for op in config.operators where op.role == .admin { admins[op.agency, default: []].append(op) }
        for op in config.operators where op.role == .liaison {
            if let unit = op.unit, liaisons[unit] == nil { liaisons[unit] = op }
        }
        for agency in config.directory.agencies {
            if admins[agency.id] == nil {
                admins[agency.id] = [Actor(id: "admin-\(agency.id)", name: nextName(), role: .admin, agency: agency.id)]
            }
            for unit in agency.units where liaisons[unit.id] == nil && unit.parent == nil {
                liaisons[unit.id] = Actor(id: "tl-\(unit.id)", name: nextName(), role: .liaison, agency: agency.id, unit: unit.id)
            }
        }
        // Sub-units last, so the names of the other units' liaisons do not move.
        for agency in config.directory.agencies {
            for unit in agency.units where liaisons[unit.id] == nil {
                liaisons[unit.id] = Actor(id: "tl-\(unit.id)", name: nextName(), role: .liaison, agency: agency.id, unit: unit.id)
            }
        }
        self.admins = admins
        self.liaisons = liaisons
        officeAdmins = admins[config.agency] ?? [Actor(id: "admin-\(config.agency)", name: "Admin", role: .admin, agency: config.agency)]
        var units: [String: (liaison: Actor, name: String)] = [:]
        for unit in config.directory.allUnits { units[unit.id] = (liaisons[unit.id]!, unit.name) }
        self.units = units
        var ops: [String: Actor] = [:]
        for op in config.operators where op.role == .unitOperator { if let u = op.unit, ops[u] == nil { ops[u] = op } }
        unitOperators = ops
        supervisors = config.operators.filter { $0.role == .supervisor && ($0.agency == config.agency || $0.agency == Access.allAgencies) }
    }

    func officeAdmin(_ rng: inout DemoRandom) -> Actor {
        officeAdmins.count == 1 ? officeAdmins[0] : rng.element(officeAdmins)
    }

    func admins(of agency: String) -> [Actor] {
        admins[agency] ?? [Actor(id: "admin-\(agency)", name: "Admin", role: .admin, agency: agency)]
    }

    func admin(of agency: String, _ rng: inout DemoRandom) -> Actor {
        guard let list = admins[agency] else {
            return Actor(id: "admin-\(agency)", name: "Admin", role: .admin, agency: agency)
        }
        return list.count == 1 ? list[0] : rng.element(list)
    }

    func liaison(_ unit: String) -> Actor {
        liaisons[unit] ?? Actor(id: "tl-\(unit)", name: "Pejabat Penghubung", role: .liaison, agency: "", unit: unit)
    }

    /// A supervisor who watches reports held by `agency`, if the config has one.
    func supervisor(for agency: String, _ rng: inout DemoRandom) -> Actor? {
        let fitting = supervisors.filter { $0.agency == agency || $0.agency == Access.allAgencies }
        return fitting.isEmpty ? nil : rng.element(fitting)
    }
}
