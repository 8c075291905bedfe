import AduanCore
import AduanStore

/// What every view may use: the store, the office config, the operator, the language, the clock,
/// and the status message. One per desk.
public final class DeskContext {
    public let store: any DeskStore
    public let config: OfficeConfig
    public let me: Actor
    public let strings: any StringTable
    public let clock: () -> Timestamp
    /// The moment of the frame being drawn (read once per loop turn).
    public var now: Timestamp
    public var message: (text: String, style: Style)?
    /// The store's anchor file (`aduan anchor`), whose last line's age the dashboard shows; nil: no line.
    public var anchorsPath: String?
    let background: BackgroundWork

    public init(store: any DeskStore, config: OfficeConfig, me: Actor, language: Language, clock: @escaping () -> Timestamp) {
        self.store = store
        self.config = config
        self.me = me
        strings = AduanCore.strings(language)
        self.clock = clock
        now = clock()
        background = BackgroundWork(open: store.reopener(), keepsConnection: store.keepsBackgroundConnection)
    }

    public var language: Language { strings.language }
    public var t: any StringTable { strings }
    public var scope: InboxScope { Access.inboxScope(of: me) }
    public var directory: Directory { config.directory }
    public var zone: OfficeTimeZone { config.calendar.zone }

    public func say(_ text: String, _ style: Style = .normal) { message = (text, style) }
    public func fail(_ text: String) { message = (text, .error) }

    /// What a view shows instead of its content when the store does not serve it (`DeskStore.serves`).
    func notServed(_ view: UIText) -> String {
        PostgresText.message(.viewNotOnPostgres(view: strings.text(view), inbox: strings.text(.inbox)), language)
    }

    func drawNotServed(_ view: UIText, into grid: inout Grid, area: Rect) {
        for (i, line) in DisplayWidth.wrap(notServed(view), width: max(10, area.width - 4)).prefix(max(0, area.height - 1)).enumerated() {
            grid.put(line, x: area.x + 2, y: area.y + 1 + i, style: .dueSoon)
        }
    }

    func describe(_ e: StoreError) -> String { e.message(strings, names: config.directory, zone: zone) }

    /// "Kec. Sukamaju" from "Kecamatan Sukamaju": names short enough for a list column.
    func shortUnitName(_ holder: Holder) -> String {
        guard let unit = holder.unit else { return shortAgencyName(holder.agency) }
        if let short = directory.unitShortName(unit) { return short }
        var name = directory.unitName(unit)
        for (long, short) in [("Dinas ", ""), ("Kecamatan ", "Kec. "), ("Badan ", "B. "), ("Satuan Polisi Pamong Praja", "Satpol PP"),
                              ("Perumda Air Minum ", "PDAM "), ("Inspektorat Daerah", "Inspektorat")] where name.hasPrefix(long) {
            name = short + name.dropFirst(long.count)
            break
        }
        return name
    }

    func shortAgencyName(_ id: String) -> String {
        var name = directory.agencyName(id)
        for (long, short) in [("Pemerintah Kabupaten ", "Pemkab "), ("Pemerintah Provinsi ", "Pemprov "), ("Pemerintah Kota ", "Pemkot ")] where name.hasPrefix(long) {
            name = short + name.dropFirst(long.count)
        }
        return name
    }

    /// The last segment of a category's name: "Jalan" for "Infrastruktur › Jalan".
    func shortCategory(_ c: Category) -> String {
        let name = config.categoryName(c)
        if let r = name.firstRange(of: "› ") { return String(name[r.upperBound...]) }
        return name
    }

    /// The running deadline's reading for a list row.
    func reading(dueAt: Timestamp?, kind: DeadlineKind?) -> DeadlineReading? {
        guard let dueAt, let kind else { return nil }
        let rule = config.deadlines.rule(kind)
        return config.deadlines.read(Deadline(kind: kind, startedAt: dueAt, dueAt: dueAt, rule: rule), now: now, calendar: config.calendar)
    }

    static func style(of reading: DeadlineReading?) -> Style {
        switch reading?.state {
        case .overdue: .overdue
        case .dueSoon: .dueSoon
        case .onTime: .onTime
        case nil: .dim
        }
    }
}
