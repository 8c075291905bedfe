import AduanCore

/// The unit tree in the demo data (issue 15 items 1–2): some open reports held by a unit with
/// sub-units are passed down to a bidang, puskesmas or kelurahan; some come back up with a reason;
/// some sub-units have drafted a follow-up that waits for approval (a few returned once first).
/// Appended after a history's own steps with a random stream of their own, so the rest of the
/// demo (its status mix, its numbers) is exactly what it was.
extension DemoGenerator {
    static let returnReasons = [
        "Bukan kewenangan puskesmas: pengadaan obat ditangani dinas.",
        "Lokasi di luar wilayah kelurahan kami, mohon didisposisikan ulang.",
        "Perlu keputusan kepala dinas, dikembalikan untuk arahan.",
    ]
    static let draftTexts = [
        "Terima kasih atas laporannya. Petugas kami sudah meninjau lokasi dan tindak lanjut dijadwalkan minggu ini.",
        "Laporan sudah kami koordinasikan dengan petugas lapangan; perkembangan akan kami sampaikan di kanal ini.",
        "Mohon maaf atas ketidaknyamanannya. Jadwal layanan sudah kami perbaiki mulai pekan depan.",
    ]

    func passedDown(_ events: [Event]) -> [Event] {
        guard let last = events.last, let state = Workflow.fold(events),
              state.status == .belumDitindaklanjuti || state.status == .proses,
              let unit = state.holder.unit, state.holder.agency == officeAgency else { return events }
        let below = context.directory.subtree(of: unit).dropFirst()
        guard !below.isEmpty else { return events }
        var r = DemoRandom(seed: UInt64(bitPattern: last.at.seconds) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(events.count))
        guard r.chance(0.55) else { return events }
        var out = events
        var c = state
        var t = last.at
        func step(_ kind: ActionKind, _ d: ActionDetails, by actor: Actor) -> Bool {
            let next = t.adding(seconds: Int64(1_800 + Int(r.below(6 * 3_600))))
            guard next < now else { return false }
            guard case .success(let e) = Workflow.decide(Command(kind, d), on: c, by: actor, at: next, context: context) else { return false }
            t = next
            c = Workflow.evolve(c, e)
            out.append(e)
            return true
        }
        let target = r.element(Array(below))
        guard step(.passDown, ActionDetails(unit: target, reason: "Mohon ditindaklanjuti sesuai wilayah kerja."), by: cast.liaison(unit)) else { return out }
        let operatorHere = cast.unitOperator(target)
        let roll = r.unit()
        if roll < 0.2 {
            _ = step(.returnUp, ActionDetails(reason: r.element(Self.returnReasons)), by: operatorHere)
        } else if roll < 0.75 {
            guard step(.draft, ActionDetails(text: r.element(Self.draftTexts)), by: operatorHere) else { return out }
            if r.chance(0.25), step(.returnDraft, ActionDetails(text: "Mohon sebutkan tanggal pelaksanaan."), by: cast.liaison(unit)) {
                _ = step(.draft, ActionDetails(text: r.element(Self.draftTexts) + " Pelaksanaan dijadwalkan Kamis."), by: operatorHere)
            }
        }
        return out
    }
}

extension DemoCast {
    /// The unit operator of a unit: the office's own where it lists one, else a demo operator.
    func unitOperator(_ unit: String) -> Actor {
        if let op = unitOperators[unit] { return op }
        let base = liaison(unit)
        return Actor(id: "op-\(unit)", name: "Operator " + base.name, role: .unitOperator, agency: base.agency, unit: unit)
    }
}
