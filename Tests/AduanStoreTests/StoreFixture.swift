import AduanCore
import AduanStore
import Glibc
import Testing

/// An office with three agencies, operators of every role, a fixed "now", temporary folders that
/// clean up after themselves, and generators of realistic report histories.
enum StoreFixture {
    static let directory = Directory(agencies: [
        Agency(id: "pemkab", name: "Pemkab Sukamaju", units: [
            Unit(id: "diskominfo", name: "Diskominfo"), Unit(id: "dinkes", name: "Dinas Kesehatan"),
            Unit(id: "pupr", name: "Dinas PUPR"), Unit(id: "disdik", name: "Dinas Pendidikan"),
            Unit(id: "kec-mekarsari", name: "Kecamatan Mekarsari"),
        ]),
        Agency(id: "prov", name: "Pemprov", units: [Unit(id: "prov-dik", name: "Disdik Provinsi"),
                                                   Unit(id: "prov-pu", name: "PU Provinsi")]),
        Agency(id: "kota", name: "Pemkot Sukamaju", units: [Unit(id: "kota-dinsos", name: "Dinsos Kota")]),
    ])
    /// The data-set fixtures write one report's whole history after another, so their writes run
    /// out of global time order (a report received in August is written after one acted on in
    /// November), as an import of past histories would: they run under a skew of 400 days.
    /// The trusted-time tests (`StoreTrustedTimeTests`) use `officeContext`, the office default.
    static let context = WorkflowContext(directory: directory, policy: WorkflowPolicy(clockSkewSeconds: 400 * 86_400))
    static let officeContext = WorkflowContext(directory: directory)
    static let zone = OfficeTimeZone.wib
    static let agencies = directory.agencies.map(\.id)
    static let units = directory.allUnits.map(\.id)

    /// Wednesday 4 November 2026, 10:00 WIB: the moment every query in the suite is read at.
    static let now = zone.timestamp(LocalDate(year: 2026, month: 11, day: 4), hour: 10)

    static func day(_ y: Int, _ m: Int, _ d: Int, _ hour: Int = 9, _ minute: Int = 0) -> Timestamp {
        zone.timestamp(LocalDate(year: y, month: m, day: d), hour: hour, minute: minute)
    }

    static func admin(_ agency: String = "pemkab") -> Actor {
        Actor(id: "admin-\(agency)", name: "Admin \(agency)", role: .admin, agency: agency, unit: nil)
    }

    static func liaison(_ unit: String) -> Actor {
        let agency = directory.agencyOf(unit: unit)?.id ?? "pemkab"
        return Actor(id: "tl-\(unit)", name: "Penghubung \(unit)", role: .liaison, agency: agency, unit: unit)
    }

    static let supervisor = Actor(id: "sup", name: "Hendra", role: .supervisor, agency: "pemkab")

    static func intake(_ title: String, body: String = "Mohon segera ditindaklanjuti.", trackingID: String? = nil,
                       channel: Channel = .web, category: Category = Category("infrastruktur/jalan"),
                       agency: String = "pemkab", anonymous: Bool = false, receivedAt: Timestamp? = nil) -> Intake {
        Intake(trackingID: trackingID, title: title, body: body, channel: channel, category: category,
               location: "Desa Mekarsari", anonymous: anonymous, reporter: Reporter(name: "Wati", phone: "0812"),
               agency: agency, receivedAt: receivedAt)
    }

    // MARK: stores

    static func open(_ path: String, create: Bool = true, readOnly: Bool = false) throws(StoreError) -> ComplaintStore {
        try ComplaintStore.open(path: path, context: context, create: create, readOnly: readOnly)
    }

    /// Runs `body` and returns the store error it threw, or nil when it succeeded.
    static func storeError<T>(_ body: () throws(StoreError) -> T) -> StoreError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    /// Every report in the store, by id.
    static func allComplaints(_ store: ComplaintStore) throws -> [Complaint] {
        let max = try store.db.scalarInt("SELECT coalesce(max(id), 0) FROM complaints") ?? 0
        guard max > 0 else { return [] }
        return try store.complaints(Array(1...max))
    }

    static func eventCount(_ store: ComplaintStore) throws -> Int {
        Int(try store.db.scalarInt("SELECT count(*) FROM events") ?? -1)
    }

    // MARK: histories

    /// Builds one report's history through the core, the way an office would have produced it.
    struct History {
        var events: [Event] = []
        var state: Complaint?

        /// Decides and folds one command; false (and nothing recorded) when the workflow refuses it.
        @discardableResult
        mutating func run(_ actor: Actor, _ command: Command, at: Timestamp) -> Bool {
            switch Workflow.decide(command, on: state, by: actor, at: at, context: StoreFixture.context, newID: 1) {
            case .success(let e):
                events.append(e)
                state = Workflow.evolve(state, e)
                return true
            case .failure:
                return false
            }
        }

        mutating func must(_ actor: Actor, _ command: Command, at: Timestamp,
                           sourceLocation: SourceLocation = #_sourceLocation) {
            if !run(actor, command, at: at) {
                Issue.record("fixture step \(command.kind) refused", sourceLocation: sourceLocation)
            }
        }
    }

    static let titleWords = [
        "Jalan rusak", "Lampu jalan mati", "Pungutan liar", "Pelayanan e-KTP lambat", "Sampah menumpuk",
        "Banjir di Jl.Merdeka", "Café liar di trotoar", "Kafe buka sampai larut", "Antrean BPJS Kesehatan",
        "Guru honorer belum digaji", "Dana Desa tidak transparan", "Air PDAM keruh", "Pohon tumbang",
        "Izin usaha dipersulit", "Sekolah rusak", "Puskesmas tutup", "Parkir liar", "CAFE bising malam hari",
        "Jembatan ambruk", "Pengurusan akta kelahiran",
    ]
    static let bodyWords = [
        "Mohon segera ditindaklanjuti", "Sudah tiga minggu tidak ada perbaikan", "Warga resah",
        "Lokasi dekat pasar Senin", "café itu memutar musik keras", "Pelayanan sangat lambat dan tidak ramah",
        "Ada pungli Rp50.000 per berkas", "Anak-anak kesulitan ke sekolah", "Saluran air tersumbat",
        "Petugas meminta uang tambahan", "Jalan berlubang membahayakan pengendara", "Naïve résumé crème brûlée",
        "Sudah lapor ke kelurahan", "Kejadian di RT 03 RW 05", "Tolong perhatikan daerah Mekarsari",
    ]
    static let categories = [
        "infrastruktur/jalan", "infrastruktur/jembatan", "infrastruktur", "kesehatan", "kesehatan/bpjs",
        "pendidikan", "pendidikan/guru", "lingkungan_hidup", "adminduk/ktp", "dana_desa", "perizinan", "lainnya",
    ]

    /// A random, legal history for one report: received between `from` and `until`, then a
    /// random walk of actions (verify, dispose, forward, CC, follow-up, reply, close, …) by the
    /// right operators, none later than `until`.
    static func randomHistory(_ rng: inout SplitMix, index: Int, from: Timestamp, until: Timestamp,
                              receivedAt fixedStart: Timestamp? = nil) -> [Event] {
        var h = History()
        var t = fixedStart ?? Timestamp(seconds: rng.int(in: from.seconds...until.seconds))
        let agency = rng.pick(["pemkab", "pemkab", "pemkab", "pemkab", "prov", "kota"])
        let title = rng.pick(titleWords) + (rng.chance(0.3) ? " " + rng.pick(["Desa Mekarsari", "Kecamatan Wonosari", "RT 03", "dekat SDN 2"]) : "")
        let body = (0..<rng.int(in: 1...3)).map { _ in rng.pick(bodyWords) }.joined(separator: ". ") + "."
        let trackingID: String? = rng.chance(0.6) ? String(4_000_000 + rng.int(in: 0...300) * 7) : nil
        let intake = Intake(trackingID: trackingID, title: title, body: body, channel: rng.pick(Channel.allCases),
                            classification: rng.pick(Classification.allCases), category: Category(rng.pick(categories)),
                            location: rng.chance(0.5) ? "RT 0\(rng.int(in: 1...9))" : "", anonymous: rng.chance(0.2),
                            confidential: rng.chance(0.15), priority: rng.pick(Priority.allCases),
                            reporter: rng.chance(0.8) ? Reporter(name: "Pelapor \(index)", phone: "08\(index)") : nil,
                            agency: agency)
        let receiver = rng.chance(0.7) ? admin(agency) : Actor.system
        guard h.run(receiver, Command(.receive, ActionDetails(intake: intake)), at: t) else { return [] }
        let steps = rng.int(in: 0...9)
        for _ in 0..<steps {
            let gap = rng.chance(0.2) ? Int64(rng.int(in: 60...3_600)) : Int64(rng.int(in: 3_600...(6 * 86_400)))
            let next = t.adding(seconds: gap)
            if next > until { break }
            guard let c = h.state else { break }
            let holderAdmin = admin(c.holder.agency)
            let holderLiaison = c.holder.unit.map(liaison) ?? holderAdmin
            let agencyUnits = directory.agency(c.holder.agency)?.units.map(\.id) ?? []
            let otherAgencies = agencies.filter { $0 != c.holder.agency }
            var options: [(Actor, Command)] = [(rng.pick([holderAdmin, supervisor]), Command(.note, ActionDetails(text: "Catatan internal \(index)")))]
            switch c.status {
            case .belumTerverifikasi:
                if let u = agencyUnits.isEmpty ? nil : rng.pick(agencyUnits) {
                    options += Array(repeating: (holderAdmin, Command(.verify, ActionDetails(unit: u))), count: 5)
                }
                options.append((holderAdmin, Command(.postpone, ActionDetails(reason: "Menunggu klarifikasi pelapor"))))
                options.append((holderAdmin, Command(.archive, ActionDetails(archiveReason: rng.pick([.spam, .unclear, .tooGeneral])))))
                // The privacy decision leaves with the forward unless made; lifting anonymity needs a reason.
                options.append((holderAdmin, Command(.forward, ActionDetails(agency: rng.pick(otherAgencies), reason: "Bukan wewenang",
                    changes: c.privacyDecided ? nil : ClassificationChange(anonymous: c.anonymous, confidential: c.confidential)))))
                options.append((holderAdmin, Command(.classify, ActionDetails(reason: "Keputusan admin", changes: ClassificationChange(
                    anonymous: rng.chance(0.5), confidential: rng.chance(0.3))))))
            case .belumDitindaklanjuti:
                options += Array(repeating: (rng.pick([holderLiaison, holderLiaison, holderAdmin]), Command(.followUp, ActionDetails(text: "Sedang kami tinjau di lapangan."))), count: 4)
                if let u = agencyUnits.filter({ $0 != c.holder.unit }).randomElement(using: &rng) {
                    options.append((rng.pick([holderAdmin, holderLiaison]), Command(.redispose, ActionDetails(unit: u, reason: "Kewenangan unit lain"))))
                }
                let target = rng.pick(otherAgencies)
                let targetUnit = rng.chance(0.5) ? directory.agency(target)?.units.first?.id : nil
                options.append((rng.pick([holderAdmin, holderLiaison]), Command(.forward, ActionDetails(agency: target, unit: targetUnit, reason: "Bukan wewenang kami"))))
                options.append((holderAdmin, Command(.cc, ActionDetails(unit: rng.pick(units)))))
                options.append((holderAdmin, Command(.classify, ActionDetails(reason: "Keputusan admin", changes: ClassificationChange(
                    title: rng.chance(0.5) ? rng.pick(titleWords) + " (diperbarui)" : nil, category: Category(rng.pick(categories)),
                    anonymous: rng.chance(0.5))))))
            case .proses:
                options.append((holderLiaison, Command(.followUp, ActionDetails(text: "Perbaikan dijadwalkan minggu depan."))))
                options += Array(repeating: (Actor.system, Command(.reply, ActionDetails(text: "Belum ada perbaikan."))), count: 2)
                options.append((Actor.system, Command(.rate, ActionDetails(rating: rng.int(in: 1...5)))))
                options.append((holderAdmin, Command(.close)))
                options += Array(repeating: (Actor.system, Command(.autoClose)), count: 3)
                options.append((holderAdmin, Command(.cc, ActionDetails(unit: rng.pick(units)))))
            case .selesai:
                options.append((rng.pick([holderAdmin, holderLiaison]), Command(.reopen, ActionDetails(reason: "Pelapor keberatan"))))
                options.append((Actor.system, Command(.rate, ActionDetails(rating: rng.int(in: 1...5)))))
            case .tunda:
                options.append((holderAdmin, Command(.resume)))
                options.append((holderAdmin, Command(.archive, ActionDetails(archiveReason: .unclear))))
            case .arsip:
                break
            }
            let (actor, command) = rng.pick(options)
            if h.run(actor, command, at: next) { t = next }
        }
        return h.events
    }
}

/// A small, seedable random number generator (SplitMix64), so every run builds the same data.
struct SplitMix: RandomNumberGenerator {
    var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { base.next() }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int(in range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

// MARK: files

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Runs `body` with a fresh folder under /tmp, removed with everything in it afterwards.
func withTempDir<T>(_ body: (String) throws -> T) throws -> T {
    var template = Array("/tmp/aduan-store-test-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
    guard made else { throw FixtureError("mkdtemp failed: \(String(cString: strerror(errno)))") }
    let dir = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    defer { Files.removeTree(dir) }
    return try body(dir)
}

enum Files {
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Permission bits, or nil when the file does not exist.
    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return st.st_mode & 0o7777
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { return nil }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    static func write(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600) throws {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FixtureError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n <= 0 { throw FixtureError("short write to \(path)") }
            done += n
        }
    }

    /// nil when both files hold the same bytes, else where they first differ (without dumping them).
    static func difference(_ a: [UInt8]?, _ b: [UInt8]?) -> String? {
        guard let a, let b else { return a == nil && b == nil ? nil : "one of the files is missing" }
        if a == b { return nil }
        if a.count != b.count { return "sizes differ: \(a.count) vs \(b.count) bytes" }
        let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }!.offset
        return "first difference at byte \(i): \(a[i]) → \(b[i])"
    }

    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            chmod(path, 0o700)
            if let d = opendir(path) {
                var names: [String] = []
                while let entry = readdir(d) {
                    let name = withUnsafePointer(to: &entry.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(d)
                for n in names { removeTree(path + "/" + n) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

// MARK: readable errors

extension StoreError {
    /// The case name, so an expectation failure says which error came instead.
    var caseName: String {
        switch self {
        case .missing: "missing"
        case .notADatabase: "notADatabase"
        case .foreignDatabase: "foreignDatabase"
        case .destinationExists: "destinationExists"
        case .newerSchema: "newerSchema"
        case .cannotOpen: "cannotOpen"
        case .readOnly: "readOnly"
        case .notWritable: "notWritable"
        case .diskFull: "diskFull"
        case .locked: "locked"
        case .corrupt: "corrupt"
        case .conflict: "conflict"
        case .refused: "refused"
        case .illegalHistory: "illegalHistory"
        case .notFound: "notFound"
        case .chainBroken: "chainBroken"
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }
}

/// Per-status counts without the zero entries a counter table may keep.
func nonZero(_ counts: [Status: Int]) -> [Status: Int] { counts.filter { $0.value != 0 } }

extension Optional where Wrapped == StoreError {
    /// "none" when no error was thrown, else the case name.
    var caseName: String { self?.caseName ?? "none" }
}
