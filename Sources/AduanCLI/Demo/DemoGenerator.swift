import AduanCore

// Temporary stand-in until the real generator lands (same path, overwritten).
public struct DemoGenerator {
    let config: OfficeConfig
    let now: Timestamp
    var n: UInt64

    public init(config: OfficeConfig, seed: UInt64, now: Timestamp) {
        self.config = config
        self.now = now
        n = seed
    }

    public mutating func nextHistory() -> [Event] {
        n += 1
        let admin = config.operatorNamed(nil)!
        let intake = Intake(title: "Contoh laporan \(n)", body: "Isi contoh", agency: admin.agency)
        guard case .success(let e) = Workflow.decide(Command(.receive, ActionDetails(intake: intake)), on: nil, by: admin,
                                                     at: now.adding(seconds: -Int64(n % 86_400)), context: config.context) else { return [] }
        return [e]
    }
}
