import AduanCore

/// Bantuan: generated from the live key map, so it can never disagree with the keys.
final class HelpView: DeskView {
    let kind = ViewKind.help
    private var scroll = TextScroll()
    private var lineCount = 0

    var selectedID: Int64? { nil }
    func position(_ ctx: DeskContext) -> String? { nil }
    func reload(_ ctx: DeskContext) {}

    func handle(_ command: DeskCommand, ctx: DeskContext) -> ViewOutcome {
        if scroll.apply(command, lineCount: lineCount) { return .handled }
        return command == .back || command == .help ? .close : .unhandled
    }

    static func lines(_ ctx: DeskContext) -> [StyledLine] {
        let t = ctx.t
        var out: [StyledLine] = [StyledLine("Aduan · " + t.text(.help), .bold), .blank, StyledLine(t.text(.keys), .bold)]
        func describe(_ b: KeyBinding) -> String {
            switch b.command {
            case .view(let n): return "\(t.text(ViewKind(rawValue: n)?.title ?? .inbox))"
            case .nextTab: return t.screen(.nextTab)
            case .previousTab: return t.screen(.previousTab)
            case .cycleOrder: return t.screen(.cycleOrder)
            case .postponeOrResume: return t.actionName(.postpone) + " / " + t.actionName(.resume)
            case .action(let a): return t.actionName(a) + " — " + t.text(b.help)
            default: return t.text(b.help)
            }
        }
        for b in KeyMap.bindings where !b.isAction {
            out.append(StyledLine([("  " + DisplayWidth.padded(b.keys.map(\.description).joined(separator: " "), to: 16), .bold), (describe(b), .normal)]))
        }
        out.append(.blank)
        out.append(StyledLine(t.text(.actions) + t.screen(.actionsOffered), .bold))
        for b in KeyMap.bindings where b.isAction {
            out.append(StyledLine([("  " + DisplayWidth.padded(b.keys.map(\.description).joined(separator: " "), to: 16), .bold), (describe(b), .normal)]))
        }
        out.append(.blank)
        out.append(StyledLine(t.screen(.inDialogs), .dim))
        out.append(.blank)
        out.append(StyledLine(t.text(.filter), .bold))
        for line in HelpText.filterSummary(ctx.language) { out.append(StyledLine("  " + line)) }
        return out
    }

    func draw(_ grid: inout Grid, area: Rect, ctx: DeskContext) {
        let lines = Self.lines(ctx)
        lineCount = lines.count
        scroll.draw(lines, into: &grid, area: area, indent: 1)
    }
}

/// The filter language in a few lines, for Help.
enum HelpText {
    static func filterSummary(_ language: Language) -> [String] {
        language == .en ? [
            "status:proses  status:bt,bd  unit:dinkes  agency:pemprov-jatim  cc:pupr  category:infrastruktur",
            "class:aspirasi  channel:sms1708  priority:high  age:>5d  age:<=2w  age:>3wd  rating:<=2  tracking:4512345  id:12",
            "overdue  due-soon  anonymous  confidential  pingpong  undecided  forwarded  mine  awaiting-approval   words and \"phrases\" search title and body",
            "AND OR NOT ( ) — side by side means AND; also & | ! and a leading -; DAN ATAU BUKAN work too",
        ] : [
            "status:proses  status:bt,bd  unit:dinkes  instansi:pemprov-jatim  tembusan:pupr  kategori:infrastruktur",
            "klasifikasi:aspirasi  kanal:sms1708  prioritas:tinggi  umur:>5h  umur:<=2m  umur:>3hk  nilai:<=2  lapor:4512345  id:12",
            "terlambat  segera  anonim  rahasia  pingpong  belum-diputuskan  diteruskan  milik-saya  menunggu-persetujuan   kata dan \"frasa\" mencari di judul dan isi",
            "DAN ATAU BUKAN ( ) — berdampingan berarti DAN; juga & | ! dan tanda - di depan; AND OR NOT juga bisa",
        ]
    }
}
