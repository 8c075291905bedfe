import AduanCore
import AduanStore
@testable import AduanTUI
import Glibc
import Testing

/// A temporary folder removed at the end of a test.
final class TempDir {
    let path: String

    init() {
        var template = Array("/tmp/aduan-tui-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    deinit { _ = system("rm -rf '\(path)'") }
}

/// A store with fixed, realistic and hostile content, read at a frozen moment, for screen tests.
enum DeskFixture {
    /// Monday 23 November 2026, 09:00 WIB.
    static let now = OfficeTimeZone.wib.timestamp(LocalDate(year: 2026, month: 11, day: 23), hour: 9)

    static let config: OfficeConfig = {
        guard case .success(let c) = OfficeConfig.parse(BuiltInConfig.json, file: "built-in") else { fatalError("built-in config") }
        return c
    }()

    static func actor(_ id: String) -> Actor { config.operatorNamed(id)! }

    /// The hostile title: terminal escapes (screen clear, window title, clipboard OSC 52, DCS),
    /// C1 CSI, a bidi override and zero-width characters.
    static let hostileTitle = "Tagihan PDAM \u{1B}[2J\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31m\u{202E}gnol\u{200B}\u{1B}P+q\u{1B}\\ selesai"

    struct Item {
        var title: String
        var body: String
        var daysAgo: Int
        var channel: Channel = .web
        var category = "lainnya"
        var reporter: Reporter? = nil
        var anonymous = false
        var confidential = false
        /// Steps after receipt: (actor id, command).
        var steps: [(String, Command)] = []
    }

    static let items: [Item] = [
        Item(title: "Jalan berlubang di Jl. Raya Karangrejo dekat SDN 2", body: "Lubang besar sudah tiga minggu, dua pengendara motor jatuh.",
             daysAgo: 9, channel: .android, category: "infrastruktur/jalan", reporter: Reporter(name: "Wati Susanti", phone: "0812-3456-7890"),
             steps: [("admin", Command(.verify, ActionDetails(unit: "pupr")))]),
        Item(title: "KTP-el belum jadi setelah 3 bulan", body: "Sudah rekam Agustus, disuruh kembali terus.", daysAgo: 6,
             channel: .sms1708, category: "adminduk/ktp-el", reporter: Reporter(phone: "0857-1111-2222"), anonymous: true),
        Item(title: "李秀英 mengeluhkan antrean puskesmas 🏥 yang sangat panjang setiap Senin pagi sampai siang hari", body: "Antrean mulai jam 5 pagi.\nLoket baru buka jam 8.",
             daysAgo: 4, category: "kesehatan/puskesmas", reporter: Reporter(name: "Lie Siu Eng"),
             steps: [("admin", Command(.verify, ActionDetails(unit: "dinkes"))), ("tl-dinkes", Command(.followUp, ActionDetails(text: "Terima kasih, antrean daring mulai bulan depan.")))]),
        Item(title: hostileTitle, body: "Isi dengan \u{1B}[31mwarna\u{1B}[0m dan \u{7}bel.", daysAgo: 3, category: "air-minum",
             reporter: Reporter(name: "Yohanes Dédé \u{1B}[5m")),
        Item(title: "Bansos PKH tidak cair bulan ini", body: "Nama masih terdaftar tapi dana belum masuk.", daysAgo: 12, channel: .walkIn,
             category: "sosial/bansos", reporter: Reporter(name: "Ma'ruf Hidayat", nik: "3507123456780001"), confidential: true,
             steps: [("admin", Command(.classify, ActionDetails(changes: ClassificationChange(anonymous: false, confidential: true)))),
                     ("admin", Command(.verify, ActionDetails(unit: "dinsos")))]),
        Item(title: "PPDB SMA zonasi tidak adil", body: "Anak saya tidak diterima padahal dekat.", daysAgo: 8, category: "pendidikan/ppdb",
             steps: [("admin", Command(.forward, ActionDetails(agency: "pemprov-jatim", reason: "SMA kewenangan provinsi",
                                                               changes: ClassificationChange(anonymous: false, confidential: false))))]),
        Item(title: "Sampah menumpuk di TPS Pasar Wonosari", body: "Bau menyengat, sudah seminggu tidak diangkut.", daysAgo: 20,
             category: "lingkungan-hidup/sampah",
             steps: [("admin", Command(.verify, ActionDetails(unit: "dlh"))), ("admin", Command(.followUp, ActionDetails(text: "Sudah diangkut."))),
                     ("admin", Command(.close))]),
        Item(title: "Lampu PJU mati di perempatan Sidomulyo", body: "Gelap, rawan kecelakaan.", daysAgo: 2, channel: .twitter,
             category: "infrastruktur/pju", steps: [("admin", Command(.postpone, ActionDetails(reason: "Menunggu lokasi pasti")))]),
        Item(title: "Air PDAM keruh", body: "Sudah tiga hari keruh.", daysAgo: 1, category: "air-minum",
             steps: [("admin", Command(.archive, ActionDetails(reason: "Laporan ganda", archiveReason: .duplicate)))]),
        Item(title: "Izin usaha OSS ditolak tanpa alasan jelas dan pemohon diminta datang berulang kali ke kantor dinas tanpa kepastian kapan izin akan terbit padahal berkas sudah lengkap sejak bulan lalu",
             body: "Mohon kejelasan.", daysAgo: 5, category: "perizinan/usaha",
             steps: [("admin", Command(.verify, ActionDetails(unit: "dpmptsp")))]),
    ]

    /// Builds the store in `dir` and returns it open.
    static func makeStore(in dir: TempDir) throws -> ComplaintStore {
        // The items are written one report's history after another, out of global time order (a
        // report received 20 days ago after one acted on 9 days ago), as an import of past
        // histories would be: the fixture store runs under a 400-day clock skew (issue 13 §3).
        var context = config.context
        context.policy.clockSkewSeconds = 400 * 86_400
        let store = try ComplaintStore.open(path: dir.path + "/desk.db", context: context, create: true)
        for (i, item) in items.enumerated() {
            let zone = config.calendar.zone
            let receivedDay = zone.dayNumber(of: now) - item.daysAgo
            var at = zone.startOfDay(dayNumber: receivedDay).adding(seconds: 8 * 3600 + Int64(i * 60))
            let intake = Intake(trackingID: i == 3 ? nil : "\(4_512_300 + i)", title: item.title, body: item.body, channel: item.channel,
                                category: Category(item.category), anonymous: item.anonymous,
                                confidential: item.confidential, reporter: item.reporter)
            var c = try store.receive(intake, by: actor("admin"), at: at)
            for (who, command) in item.steps {
                at = at.adding(seconds: 3600)
                c = try store.apply(command, to: c.id, expectedVersion: c.version, by: actor(who), at: at)
            }
        }
        return store
    }

    /// A desk over the fixture store as `operatorID`, driven by `keys`.
    static func desk(_ store: ComplaintStore, as operatorID: String = "admin", width: Int = 120, height: Int = 40,
                     keys: [String], language: Language = .id) -> (Desk, ScriptedTerminal) {
        let terminal = ScriptedTerminal(width: width, height: height, keys: keys)
        let context = DeskContext(store: store, config: config, me: actor(operatorID), language: language, clock: { now })
        return (Desk(terminal: terminal, context: context), terminal)
    }

    /// Runs the keys and returns the last frame.
    static func run(_ store: ComplaintStore, as operatorID: String = "admin", width: Int = 120, height: Int = 40,
                    keys: [String], language: Language = .id) -> Grid {
        let (desk, terminal) = desk(store, as: operatorID, width: width, height: height, keys: keys, language: language)
        desk.run()
        return terminal.scriptEndFrame ?? terminal.frames.last ?? Grid(width: 0, height: 0)
    }

    /// The id of the fixture report with this title prefix.
    static func id(of titlePrefix: String, in store: ComplaintStore) throws -> Int64 {
        let q = InboxQuery(scope: .everything)
        for r in try store.page(q, after: nil, limit: 100, now: now) where r.title.hasPrefix(titlePrefix) { return r.id }
        throw FixtureError.missing(titlePrefix)
    }

    enum FixtureError: Error { case missing(String) }
}
