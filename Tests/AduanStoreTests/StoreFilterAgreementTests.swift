import AduanCore
@testable import AduanStore
import Testing

/// The store's SQL and the core's in-memory `FilterExpression.matches` must select the very same
/// reports: the list a screen shows and the count, export or bulk action built on it must agree.
@Suite struct StoreFilterAgreementTests {
    typealias F = StoreFixture

    /// The ids the store lists for a scope and filter, in id order (nil with the error when it throws).
    static func storeIDs(_ store: ComplaintStore, _ scope: InboxScope, _ filter: FilterExpression,
                         content: ContentAccess = .everything) -> Result<[Int64], StoreError> {
        do {
            // Both ways a page is read: all SQL (text words through the FTS5 index), and the way the
            // screen reads it (text words tested row by row first). Each must agree with the core.
            let q = InboxQuery(scope: scope, content: content, filter: filter, order: .deadline)
            let sql = try store.fetchSQL(q, cursor: nil, forward: true, limit: 100_000, now: F.now)
            let screen = try store.page(q, limit: 100_000, now: F.now)
            #expect(screen.map(\.id) == sql.map(\.id), "row-by-row text search and the index disagree on «\(filter)»")
            return .success(sql.map(\.id).sorted())
        } catch {
            return .failure(error)
        }
    }

    static func memoryIDs(_ all: [Complaint], _ scope: InboxScope, _ filter: FilterExpression, _ ctx: FilterContext) -> [Int64] {
        // `forwarded` is about the viewer's agency: the one whose scope this is, as the store reads it.
        let ctx = FilterContext(now: ctx.now, calendar: ctx.calendar, deadlines: ctx.deadlines, content: ctx.content,
                                viewerAgency: scope.agency, viewerUnit: scope.unit, viewerUnitsBelow: Array(scope.units.dropFirst()))
        return all.filter { scope.contains($0) && filter.matches($0, ctx) }.map(\.id)
    }

    struct Disagreement: CustomStringConvertible {
        var scope: InboxScope
        var filter: FilterExpression
        var onlyStore: [Int64]
        var onlyMemory: [Int64]
        var error: StoreError?

        var description: String {
            if let error { return "\(FilterText.describe(filter)) in \(scope): the store threw \(error)" }
            return "\(FilterText.describe(filter)) in \(scope): only the store lists \(onlyStore.prefix(8)) (\(onlyStore.count)), "
                + "only matches() selects \(onlyMemory.prefix(8)) (\(onlyMemory.count))"
        }
    }

    static func compare(_ store: ComplaintStore, _ all: [Complaint], _ scope: InboxScope, _ filter: FilterExpression,
                        _ ctx: FilterContext) -> Disagreement? {
        compare(store, memoryIDs(all, scope, filter, ctx), scope, filter)
    }

    static func compare(_ store: ComplaintStore, _ mem: [Int64], _ scope: InboxScope, _ filter: FilterExpression,
                        content: ContentAccess = .everything) -> Disagreement? {
        switch storeIDs(store, scope, filter, content: content) {
        case .failure(let e):
            return Disagreement(scope: scope, filter: filter, onlyStore: [], onlyMemory: mem, error: e)
        case .success(let ids):
            if ids == mem { return nil }
            let s = Set(ids), m = Set(mem)
            return Disagreement(scope: scope, filter: filter, onlyStore: ids.filter { !m.contains($0) },
                                onlyMemory: mem.filter { !s.contains($0) }, error: nil)
        }
    }

    /// The smallest sub-filter (and the widest scope) that still disagrees.
    static func shrink(_ d: Disagreement, _ store: ComplaintStore, _ all: [Complaint], _ ctx: FilterContext) -> Disagreement {
        var current = d
        if current.scope != .everything, let wider = compare(store, all, .everything, current.filter, ctx) { current = wider }
        while true {
            var next: Disagreement?
            for candidate in FilterText.smaller(current.filter) {
                if let found = compare(store, all, current.scope, candidate, ctx) {
                    next = found
                    break
                }
            }
            guard let next else { return current }
            current = next
        }
    }

    static func explain(_ id: Int64, in all: [Complaint], _ ctx: FilterContext) -> String {
        guard let c = all.first(where: { $0.id == id }) else { return "#\(id): not loaded" }
        let due = ctx.deadlines.running(for: c, calendar: ctx.calendar)
        return "#\(id): status \(c.status.rawValue), holder \(c.holder), cc \(c.ccUnits), rating \(c.rating.map(String.init) ?? "none"), "
            + "tracking \(c.trackingID ?? "none"), received \(c.receivedAt.iso8601(in: F.zone)), due \(due.map { "\($0.kind.rawValue) \($0.dueAt.iso8601(in: F.zone))" } ?? "none"), "
            + "title \"\(c.title)\""
    }

    /// On PostgreSQL (issue 14) read as the owner (the scope rule alone, in PostgreSQL's dialect).
    @Test("about 1,000 random filters select the same reports in SQL and in memory", arguments: AgreementBackend.available)
    func randomFiltersAgree(_ backend: AgreementBackend) throws {
        do {
            let data = try AgreementData(backend, viewers: [])
            let store = data.sqlite
            let all = data.all
            let ctx = store.filterContext(now: F.now)
            var gen = FilterGenerator(reports: all, seed: 20_261_104)
            var disagreements: [Disagreement] = []
            var nonTrivial = 0
            let scopes: [InboxScope] = [.agency("pemkab"), .agency("prov"), .unit("pemkab", "dinkes", includingCopies: true),
                                        .unit("pemkab", "pupr", includingCopies: false), .unit("prov", "prov-dik", includingCopies: true),
                                        // A unit with units below it (issue 15): its subtree's reports, held now or before.
                                        .subtree("pemkab", "dinkes", below: ["pupr", "kec-mekarsari"], includingCopies: true),
                                        .subtree("pemkab", "disdik", below: ["diskominfo"], includingCopies: false)]
            for i in 0..<1_000 {
                let filter = gen.expression(depth: 3)
                let scope: InboxScope = i % 4 == 3 ? gen.rng.pick(scopes) : .everything
                let mem = Self.memoryIDs(all, scope, filter, ctx)
                if mem.count > 0 && mem.count < all.count { nonTrivial += 1 }
                if let d = data.compare(mem, scope, filter, viewer: nil) { disagreements.append(d) }
            }
            #expect(nonTrivial > 500, "the generator mostly makes filters that select something but not everything (\(nonTrivial))")
            guard backend == .sqlite else {
                #expect(disagreements.isEmpty, "\(disagreements.count) of 1,000 filters disagree on PostgreSQL: \(disagreements.prefix(6).map(\.description).joined(separator: "\n"))")
                return
            }

            // Report each distinct smallest disagreement once, with the reports it concerns.
            var seen: Set<String> = []
            for d in disagreements.prefix(40) {
                let small = Self.shrink(d, store, all, ctx)
                let key = FilterText.describe(small.filter) + "\(small.scope)"
                guard seen.insert(key).inserted else { continue }
                let examples = (small.onlyStore.prefix(2) + small.onlyMemory.prefix(2)).map { Self.explain($0, in: all, ctx) }
                Issue.record("""
                    store and matches() disagree: \(small)
                    (first seen as \(FilterText.describe(d.filter)) in \(d.scope))
                    \(examples.joined(separator: "\n"))
                    """)
                if seen.count >= 8 { break }
            }
            #expect(disagreements.count == 0, "\(disagreements.count) of 1,000 filters disagree; smallest forms: \(seen.sorted().joined(separator: "; "))")
        }
    }

    /// Hand-picked filters in the operator's own language, each isolating one way SQL and
    /// memory could differ (NULL columns under NOT, diacritics, case, phrases, empty searches).
    static let typed: [String] = [
        "unit:dinkes", "NOT unit:dinkes", "-unit:pupr,disdik", "NOT rating:>=3", "NOT rating:<=2", "NOT tracking:4000007",
        "NOT (unit:dinkes OR rating:5)", "NOT is:overdue", "NOT is:due-soon", "NOT cc:dinkes", "NOT category:infrastruktur",
        "café", "cafe", "CAFÉ", "Cafe liar", "\"café liar\"", "\"cafe bising\"", "kaf", "naive", "naïve résumé", "crème",
        "\"jalan rusak\"", "jalan -rusak", "e-KTP", "Jl.Merdeka", "Rp50.000", "...", "—", "age:>=10d", "age:<3d", "age:=10d",
        "age:>5wd", "age:<=3wd", "age:=0d", "age:=1d", "status:bt,proses is:undecided", "is:pingpong", "is:anonymous OR is:confidential",
        "class:aspirasi,informasi channel:sms1708", "priority:high NOT status:arsip", "agency:prov unit:prov-pu",
        // Due soon is an operator's deadline only, never the system's auto-close (issue 11 item 9).
        "is:due-soon status:proses", "is:due-soon OR is:overdue", "status:proses NOT is:due-soon", "is:segera",
        "forwarded", "diteruskan NOT status:selesai", "NOT is:forwarded", "forwarded is:pingpong",
        // A liaison's own work, without what they are only copied on (issue 11 item 5).
        "mine", "is:mine is:due-soon", "NOT mine", "milik-saya OR cc:dinkes",
        // Drafts awaiting approval, from the projection's column (issue 15).
        "is:awaiting-approval", "NOT is:awaiting-approval", "draf unit:dinkes", "is:awaiting-approval OR is:pingpong",
    ]

    @Test("typed filters select the same reports in SQL and in memory", arguments: typed)
    func typedFilterAgrees(_ text: String) throws {
        let filter = try FilterParser.parse(text, vocabulary: FilterVocabulary(directory: F.directory)).get()
        do {
            let store = try SharedDataset.open()
            let all = try StoreDataset.load(store)
            let ctx = store.filterContext(now: F.now)
            if let d = Self.compare(store, all, .everything, filter, ctx) {
                let small = Self.shrink(d, store, all, ctx)
                let examples = (small.onlyStore.prefix(2) + small.onlyMemory.prefix(2)).map { Self.explain($0, in: all, ctx) }
                Issue.record("«\(text)»: \(small)\n\(examples.joined(separator: "\n"))")
            }
            #expect(try store.count(InboxQuery(scope: .everything, filter: filter), now: F.now)
                    == Self.memoryIDs(all, .everything, filter, ctx).count, "count of «\(text)»")
        }
    }
}

/// Operators who may not read every confidential (Rahasia) report: the store's lists, counts and
/// text search must render the core's `Privacy.contentAccess` exactly, through both read paths.
@Suite struct StoreConfidentialAgreementTests {
    typealias F = StoreFixture
    typealias A = StoreFilterAgreementTests

    static let monitor = Actor(id: "kominfo", name: "Pemantau", role: .supervisor, agency: Access.allAgencies)
    static let viewers: [Actor] = [monitor, F.admin("pemkab"), F.admin("prov"), F.supervisor, F.liaison("dinkes"), F.liaison("pupr"),
                                   F.liaison("prov-dik"), Actor(id: "tl-none", name: "Tanpa unit", role: .liaison, agency: "pemkab", unit: nil),
                                   // Issue 15: a liaison and a unit operator whose units have units below them.
                                   Actor(id: "tl-tree", name: "Kepala Dinkes", role: .liaison, agency: "pemkab", unit: "dinkes",
                                         unitsBelow: ["pupr", "kec-mekarsari"]),
                                   Actor(id: "op-tree", name: "Operator Disdik", role: .unitOperator, agency: "pemkab", unit: "disdik",
                                         unitsBelow: ["diskominfo", "dinkes"])]

    /// A list covers exactly what `show` opens: a report an agency or unit held before (passed away
    /// since) is listed for it, counted in its tabs and found by `id:`, as `Privacy.canView` lets it open.
    /// On PostgreSQL (issue 14) each viewer lists as its own role; the counters are SQLite's.
    @Test(arguments: AgreementBackend.available)
    func everyViewersListHoldsExactlyTheReportsItMayOpen(_ backend: AgreementBackend) throws {
        let data = try AgreementData(backend, viewers: Self.viewers)
        let store = data.sqlite
        let all = data.all
        var formerSeen = 0
        for viewer in Self.viewers {
            let scope = Access.inboxScope(of: viewer)
            let visible = all.filter { Privacy.canView($0, viewer: viewer) }
            formerSeen += visible.filter { !Privacy.isHandling($0, viewer: viewer) && !$0.ccUnits.contains(viewer.unit ?? "-") }.count
            #expect(all.filter(scope.contains).map(\.id) == visible.map(\.id), "core scope vs canView for \(viewer.id)")
            var q = InboxQuery(viewer: viewer)
            #expect(!q.formerHolders, "without a filter, the working inbox")
            q.formerHolders = true
            let listed = try data.ids(q, viewer: viewer)
            #expect(listed == visible.map(\.id), "list vs canView for \(viewer.id) on \(backend)")
            var working = q
            working.formerHolders = false
            let holding = all.filter(scope.holdsNow)
            #expect(try data.ids(working, viewer: viewer) == holding.map(\.id), "working inbox for \(viewer.id) on \(backend)")
            for c in visible.prefix(40) {
                #expect(try data.ids(InboxQuery(viewer: viewer, filter: .term(.localID(c.id))), viewer: viewer) == [c.id], "id:\(c.id) for \(viewer.id) on \(backend)")
            }
            // What the viewer's agency passed away: the `forwarded` word, in SQL and in memory.
            let forwardedCtx = store.filterContext(now: F.now, content: Privacy.contentAccess(of: viewer), viewerAgency: scope.agency)
            let forwarded = A.memoryIDs(all, scope, .term(.forwarded), forwardedCtx)
            if let d = data.compare(forwarded, scope, .term(.forwarded), content: Privacy.contentAccess(of: viewer), viewer: viewer) {
                Issue.record("forwarded for \(viewer.id) on \(backend): \(d)")
            }
            if viewer.role == .admin {
                #expect(!forwarded.isEmpty, "\(viewer.id)'s agency passed some report away")
                for id in forwarded { #expect(all.first { $0.id == id }!.holder.agency != viewer.agency) }
            }
            // The counters (the tabs' numbers) are SQLite's; PostgreSQL has none yet.
            guard backend == .sqlite else { continue }
            #expect(try store.count(q, now: F.now) == visible.count, "count for \(viewer.id)")
            var perStatus: [Status: Int] = [:]
            for c in visible { perStatus[c.status, default: 0] += 1 }
            #expect(try store.statusCounts(scope) == perStatus, "tab counts for \(viewer.id)")
            // The screen's working tabs: what the viewer holds now (and is copied on), from the counters.
            #expect(try store.count(working, now: F.now) == holding.count, "working count for \(viewer.id)")
            #expect(try store.forwardedCount(scope) == forwarded.count, "the Diteruskan tab's count for \(viewer.id)")
        }
        #expect(formerSeen > 0, "some viewer sees a report it held before and handles no longer")
    }

    /// `mine` (issue 11 item 5): what the viewer's own unit (and any unit below it, issue 15) holds
    /// now, never what it is only copied on, the same in SQL, in memory, and in the counters of the scope without copies.
    @Test func mineIsWhatTheViewersUnitHoldsNowWithoutCopies() throws {
        let store = try SharedDataset.open()
        let all = try StoreDataset.load(store)
        var copiedOnly = 0
        for viewer in Self.viewers {
            let scope = Access.inboxScope(of: viewer)
            let content = Privacy.contentAccess(of: viewer)
            let ctx = store.filterContext(now: F.now, content: content, viewerAgency: scope.agency, viewerUnit: scope.unit,
                                          viewerUnitsBelow: Array(scope.units.dropFirst()))
            for text in ["mine", "is:mine is:due-soon", "NOT mine"] {
                let filter = try FilterParser.parse(text, vocabulary: FilterVocabulary(directory: F.directory)).get()
                let mem = A.memoryIDs(all, scope, filter, ctx)
                if let d = A.compare(store, mem, scope, filter, content: content) { Issue.record("«\(text)» for \(viewer.id): \(d)") }
            }
            let mine = A.memoryIDs(all, scope, .term(.mine), ctx)
            #expect(mine == all.filter(scope.withoutCopies.holdsNow).map(\.id), "mine is the unit's holding for \(viewer.id)")
            if let unit = viewer.unit {
                // The unit's own holding, and with the unit tree what the units below it hold.
                for id in mine { #expect(all.first { $0.id == id }!.holder.unit.map(scope.units.contains) == true) }
                copiedOnly += all.filter { $0.ccUnits.contains(unit) && $0.holder.unit != unit }.count
                let counts = try store.statusCounts(scope.withoutCopies, formerHolders: false)
                #expect(counts.values.reduce(0, +) == mine.count, "the mine tabs' counts for \(viewer.id)")
            }
        }
        #expect(copiedOnly > 0, "some liaison is copied on a report another unit holds")
    }

    @Test("random filters select the same reports in SQL and in memory for viewers who may not read everything",
          arguments: AgreementBackend.available)
    func randomFiltersAgreeForEveryViewer(_ backend: AgreementBackend) throws {
        let data = try AgreementData(backend, viewers: Self.viewers)
        let store = data.sqlite
        let all = data.all
        #expect(all.filter(\.confidential).count > 20, "the data set holds confidential reports")
        var gen = FilterGenerator(reports: all, seed: 20_261_205)
        var problems: [String] = []
        for i in 0..<600 {
            let viewer = Self.viewers[i % Self.viewers.count]
            // Mostly text searches: the words a confidential report's body could be probed with.
            let filter: FilterExpression = i % 3 == 0 ? gen.expression(depth: 2) : .term(.text(gen.text()))
            let scope = Access.inboxScope(of: viewer), content = Privacy.contentAccess(of: viewer)
            let ctx = store.filterContext(now: F.now, content: content)
            let mem = A.memoryIDs(all, scope, filter, ctx)
            if let d = data.compare(mem, scope, filter, content: content, viewer: viewer) { problems.append("\(viewer.id): \(d)") }
        }
        #expect(problems.isEmpty, "\(problems.count) disagreements on \(backend): \(problems.prefix(5).joined(separator: "\n"))")
    }

    /// Every word of every confidential report's title and body, searched by every viewer: it is
    /// found exactly when the viewer may read the report.
    @Test(arguments: AgreementBackend.available)
    func noWordOfHiddenTextFindsItsReport(_ backend: AgreementBackend) throws {
        let data = try AgreementData(backend, viewers: Self.viewers)
        let store = data.sqlite
        let all = data.all
        let confidential = all.filter(\.confidential)
        var words = Set<String>()
        for c in confidential {
            for w in (c.title + " " + c.body).split(whereSeparator: { !$0.isLetter }) where w.count >= 4 { words.insert(String(w)) }
        }
        #expect(words.count > 10)
        for viewer in Self.viewers {
            let scope = Access.inboxScope(of: viewer), content = Privacy.contentAccess(of: viewer)
            for word in words.sorted() {
                let q = InboxQuery(viewer: viewer, filter: .term(.text(word)))
                var listed = Set(try data.ids(q, viewer: viewer))
                if backend == .sqlite { listed.formUnion(try store.fetchSQL(q, cursor: nil, forward: true, limit: 100_000, now: F.now).map(\.id)) }
                for c in confidential where scope.contains(c) && listed.contains(c.id) {
                    #expect(Privacy.canSeeContent(c, viewer: viewer), "«\(word)» finds confidential #\(c.id) for \(viewer.id) on \(backend)")
                }
                let ctx = store.filterContext(now: F.now, content: content)
                guard backend == .sqlite else { continue }
                #expect(try store.count(q, now: F.now) == A.memoryIDs(all, scope, .term(.text(word)), ctx).count, "count of «\(word)» for \(viewer.id)")
            }
        }
    }

    /// A list row carries a title only when the viewer may read it; otherwise it says it is hidden.
    @Test func listRowsHideExactlyTheTitlesTheViewerMayNotRead() throws {
        let store = try SharedDataset.open()
        let byID = Dictionary(uniqueKeysWithValues: try StoreDataset.load(store).map { ($0.id, $0) })
        var hiddenSeen = 0
        for viewer in Self.viewers {
            for order in InboxOrder.allCases {
                for r in try store.page(InboxQuery(viewer: viewer, order: order), limit: 100_000, now: F.now) {
                    let c = try #require(byID[r.id])
                    let readable = Privacy.canSeeContent(c, viewer: viewer)
                    #expect(r.contentHidden == !readable, "#\(r.id) for \(viewer.id)")
                    #expect(readable ? r.title == c.title : r.title.isEmpty, "#\(r.id) title for \(viewer.id)")
                    if !readable { hiddenSeen += 1 }
                }
            }
            for group in try store.deadlineGroups(Access.inboxScope(of: viewer), now: F.now) {
                for r in try store.deadlineRows(group.holder, content: Privacy.contentAccess(of: viewer), after: nil, limit: 1_000, now: F.now) {
                    let c = try #require(byID[r.id])
                    #expect(r.contentHidden == !Privacy.canSeeContent(c, viewer: viewer), "deadline row #\(r.id) for \(viewer.id)")
                    if r.contentHidden { #expect(r.title.isEmpty) }
                }
            }
        }
        #expect(hiddenSeen > 0, "some viewer lists a confidential report it may not read")
    }
}

/// Random filters over the values the data set actually holds.
struct FilterGenerator {
    var rng: SplitMix
    let reports: [Complaint]
    let words: [String]
    let phrases: [String]
    let trackingIDs: [String]
    let today: Int

    init(reports: [Complaint], seed: UInt64) {
        rng = SplitMix(seed: seed)
        self.reports = reports
        var words: [String] = [], phrases: [String] = []
        for c in reports {
            for text in [c.title, c.body] {
                let w = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
                words += w
                if w.count >= 2 { for i in 0..<(w.count - 1) { phrases.append(w[i] + " " + w[i + 1]) } }
            }
        }
        self.words = words
        self.phrases = phrases
        trackingIDs = reports.compactMap(\.trackingID)
        today = StoreFixture.zone.dayNumber(of: StoreFixture.now)
    }

    mutating func expression(depth: Int) -> FilterExpression {
        if depth == 0 || rng.chance(0.4) { return .term(term()) }
        switch rng.int(in: 0...4) {
        case 0, 1: return .and((0..<rng.int(in: 2...3)).map { _ in expression(depth: depth - 1) })
        case 2, 3: return .or((0..<rng.int(in: 2...3)).map { _ in expression(depth: depth - 1) })
        default: return .not(expression(depth: depth - 1))
        }
    }

    mutating func some<T>(_ items: [T], max: Int = 2) -> [T] {
        (0..<rng.int(in: 1...max)).map { _ in rng.pick(items) }
    }

    mutating func term() -> FilterTerm {
        let units = StoreFixture.units + ["nowhere"]
        switch rng.int(in: 0...26) {
        case 0: return .status(some(Status.allCases))
        case 1: return .unit(some(units))
        case 2: return .agency(some(StoreFixture.agencies + ["luar"]))
        case 3: return .copiedTo(rng.pick(units))
        case 4: return .category(Category(rng.pick(StoreFixture.categories + ["infrastruktur", "kesehatan", "infra", "infrastruktur/jalan/desa", "adminduk"])))
        case 5: return .classification(some(Classification.allCases))
        case 6: return .channel(some(Channel.allCases))
        case 7: return .priority(some(Priority.allCases))
        case 8: return .overdue
        case 9: return .dueSoon
        case 10: return .anonymous
        case 11: return .confidential
        case 12: return .pingPong
        case 13: return .privacyUndecided
        case 14, 15: return age()
        case 16: return .rating(rng.pick(Comparison.allCases), rng.int(in: 0...6))
        case 17: return .trackingID(rng.chance(0.8) ? rng.pick(trackingIDs) : "999")
        case 18: return .localID(Int64(rng.int(in: 0...(reports.count + 3))))
        case 19: return .forwarded
        case 20: return .mine
        // Drafts awaiting approval (issue 15): a projection column, NULL where none waits.
        case 21: return .awaitingApproval
        case 22: return .draftedBy(rng.pick(["tl-dinkes", "tl-pupr", "admin-pemkab", "nobody"]))
        default: return .text(text())
        }
    }

    mutating func age() -> FilterTerm {
        let counting: DayCounting = rng.chance(0.5) ? .calendar : .working
        let cmp = rng.pick(Comparison.allCases)
        if rng.chance(0.6) {
            // Right at a report's age, where off-by-one errors live.
            let c = rng.pick(reports)
            let receiptDay = StoreFixture.zone.dayNumber(of: c.receivedAt)
            let n = counting == .calendar ? today - receiptDay
                : StoreFixture.context.calendar.workingDays(after: receiptDay, through: today)
            return .age(cmp, max(0, n + rng.int(in: -1...1)), counting)
        }
        return .age(cmp, rng.int(in: 0...160), counting)
    }

    /// Words and phrases from the reports, re-cased, cut to prefixes, with or without diacritics.
    mutating func text() -> String {
        let word = rng.pick(words)
        switch rng.int(in: 0...11) {
        case 0, 1: return word
        case 2: return word.uppercased()
        case 3: return word.lowercased()
        case 4:
            let n = max(2, rng.int(in: 1...max(1, word.count)))
            return String(word.prefix(n))
        case 5: return Self.toggleDiacritics(word)
        case 6: return "\"" + rng.pick(phrases) + "\""
        case 7: return rng.pick(phrases)
        case 8: return String(word.enumerated().map { i, ch in i % 2 == 0 ? Character(ch.uppercased()) : ch })
        case 9: return rng.pick(["zzqx", "—", "...", "\"", "\"jalan ber", "café", "CAFÉ", "Café", "cafe", "kafé", "naïve", "resume", "e-KTP", "rp50"])
        case 10: return word + " " + rng.pick(words)
        default: return "\"" + Self.toggleDiacritics(rng.pick(phrases)) + "\""
        }
    }

    /// é ↔ e, ï ↔ i, è ↔ e: the same word for FTS5's remove_diacritics.
    static func toggleDiacritics(_ s: String) -> String {
        if s.contains(where: { "éèïüû".contains($0) }) {
            return String(s.map { ch -> Character in
                switch ch {
                case "é", "è": "e"
                case "ï": "i"
                case "ü", "û": "u"
                default: ch
                }
            })
        }
        guard let i = s.lastIndex(where: { $0 == "e" || $0 == "E" }) else { return s + "é" }
        var out = s
        out.replaceSubrange(i...i, with: s[i] == "e" ? "é" : "É")
        return out
    }
}

/// Filters as text, and the smaller filters a disagreement is shrunk through.
enum FilterText {
    static func describe(_ e: FilterExpression) -> String {
        switch e {
        case .all: return "(everything)"
        case .term(let t): return describe(t)
        case .and(let parts): return "(" + parts.map(describe).joined(separator: " AND ") + ")"
        case .or(let parts): return "(" + parts.map(describe).joined(separator: " OR ") + ")"
        case .not(let inner): return "NOT " + describe(inner)
        }
    }

    static func describe(_ t: FilterTerm) -> String {
        switch t {
        case .status(let l): return "status:" + l.map(\.rawValue).joined(separator: ",")
        case .unit(let l): return "unit:" + l.joined(separator: ",")
        case .agency(let l): return "agency:" + l.joined(separator: ",")
        case .copiedTo(let u): return "cc:" + u
        case .category(let c): return "category:" + c.path
        case .classification(let l): return "class:" + l.map(\.rawValue).joined(separator: ",")
        case .channel(let l): return "channel:" + l.map(\.rawValue).joined(separator: ",")
        case .priority(let l): return "priority:" + l.map(\.rawValue).joined(separator: ",")
        case .overdue: return "is:overdue"
        case .dueSoon: return "is:due-soon"
        case .anonymous: return "is:anonymous"
        case .confidential: return "is:confidential"
        case .pingPong: return "is:pingpong"
        case .forwarded: return "is:forwarded"
        case .mine: return "is:mine"
        case .privacyUndecided: return "is:undecided"
        case .awaitingApproval: return "is:awaiting-approval"
        case .draftedBy(let id): return "drafted-by:" + id
        case .age(let cmp, let n, let counting): return "age:\(cmp.rawValue)\(n)\(counting == .working ? "wd" : "d")"
        case .rating(let cmp, let n): return "rating:\(cmp.rawValue)\(n)"
        case .trackingID(let t): return "tracking:" + t
        case .localID(let id): return "id:\(id)"
        case .text(let s): return "text«\(s)»"
        }
    }

    /// Strictly smaller filters: a part alone, a part removed, a part shrunk, a list cut to one value.
    static func smaller(_ e: FilterExpression) -> [FilterExpression] {
        func combos(_ parts: [FilterExpression], _ make: ([FilterExpression]) -> FilterExpression) -> [FilterExpression] {
            var out = parts
            if parts.count > 2 {
                for i in parts.indices { var p = parts; p.remove(at: i); out.append(make(p)) }
            }
            for i in parts.indices {
                for s in smaller(parts[i]) { var p = parts; p[i] = s; out.append(make(p)) }
            }
            return out
        }
        switch e {
        case .all: return []
        case .and(let parts): return combos(parts, FilterExpression.and)
        case .or(let parts): return combos(parts, FilterExpression.or)
        case .not(let inner): return [inner] + smaller(inner).map(FilterExpression.not)
        case .term(let t):
            switch t {
            case .status(let l) where l.count > 1: return l.map { .term(.status([$0])) }
            case .unit(let l) where l.count > 1: return l.map { .term(.unit([$0])) }
            case .agency(let l) where l.count > 1: return l.map { .term(.agency([$0])) }
            case .classification(let l) where l.count > 1: return l.map { .term(.classification([$0])) }
            case .channel(let l) where l.count > 1: return l.map { .term(.channel([$0])) }
            case .priority(let l) where l.count > 1: return l.map { .term(.priority([$0])) }
            default: return []
            }
        }
    }
}
