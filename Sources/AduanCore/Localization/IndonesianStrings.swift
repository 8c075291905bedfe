// Over 400 lines: one table must hold every sentence (the compiler checks it); the unit tree's sentences live in HierarchyStrings.swift.
/// Bahasa Indonesia: the operators' language and Aduan's default.
public struct IndonesianStrings: StringTable {
    public init() {}
    public var language: Language { .id }
    public var timeSeparator: String { "." }

    public func text(_ key: UIText) -> String {
        switch key {
        case .inbox: "Kotak Masuk"
        case .detail: "Detail"
        case .deadlines: "Tenggat"
        case .dashboard: "Dasbor"
        case .help: "Bantuan"
        case .all: "Semua"
        case .none: "tidak ada"
        case .unknown: "tidak diketahui"
        case .yes: "ya"
        case .no: "tidak"
        case .hidden: "[disembunyikan]"
        case .anonymousBadge: "ANONIM"
        case .confidentialBadge: "RAHASIA"
        case .secretBadge: "RAHASIA"
        case .pingPongBadge: "PING-PONG"
        case .paused: "ditunda"
        case .noDeadline: "–"
        case .reporter: "Pelapor"
        case .title: "Judul"
        case .body: "Isi laporan"
        case .location: "Lokasi"
        case .incidentDate: "Tanggal kejadian"
        case .channel: "Kanal"
        case .classification: "Klasifikasi"
        case .category: "Kategori"
        case .priority: "Prioritas"
        case .holder: "Pemegang"
        case .holderChain: "Riwayat pemegang"
        case .copies: "Tembusan"
        case .duplicateOf: "Duplikat dari"
        case .receivedAt: "Diterima"
        case .status: "Status"
        case .trackingID: "No. LAPOR!"
        case .timeline: "Riwayat"
        case .rating: "Penilaian"
        case .deadline: "Tenggat"
        case .rule: "Aturan"
        case .basis: "Dasar"
        case .originalDeadline: "Tenggat disposisi pertama"
        case .privacyUndecided: "Anonim/rahasia belum diputuskan"
        case .anonymous: "Anonim"
        case .confidential: "Rahasia"
        case .publicFollowUp: "publik"
        case .operatorLabel: "Operator"
        case .role: "Peran"
        case .unit: "Unit"
        case .agency: "Instansi"
        case .filter: "Saring"
        case .search: "Cari"
        case .tagged: "ditandai"
        case .age: "Umur"
        case .overdue: "Terlambat"
        case .dueSoon: "Segera"
        case .onTime: "Tepat waktu"
        case .total: "Jumlah"
        case .percentSelesai: "% Selesai"
        case .medianFirstFollowUp: "Median hari kerja sampai TL pertama"
        case .receivedPerWeek: "Laporan masuk per minggu (12 minggu)"
        case .forwardsOut: "Diteruskan keluar"
        case .forwardsIn: "Diterima dari instansi lain"
        case .tundaOld: "Tunda lebih lama dari batas"
        case .missingPrivacyDecision: "Belum ada keputusan anonim/rahasia"
        case .overduePerUnit: "Terlambat per unit"
        case .countsPerStatusUnit: "Jumlah per status × unit"
        case .workingDaysUnit: "hari kerja"
        case .noComplaints: "Tidak ada laporan."
        case .loading: "memuat…"
        case .counting: "menghitung…"
        case .terminalTooSmall: "Terminal terlalu kecil"
        case .conflictReloaded: "Laporan dimuat ulang."
        case .saved: "Tersimpan."
        case .cancelled: "Dibatalkan."
        case .confirm: "Lanjutkan? (y/t)"
        case .confirmBulk: "Terapkan ke semua laporan yang ditandai? (y/t)"
        case .pressAnyKey: "Tekan tombol apa saja"
        case .notAvailable: "tidak tersedia"
        case .reason: "Alasan"
        case .text: "Teks"
        case .unitPicker: "Pilih unit (ketik untuk menyaring)"
        case .agencyPicker: "Pilih instansi tujuan (ketik untuk menyaring)"
        case .templatePicker: "Templat balasan"
        case .archiveCode: "Alasan arsip"
        case .secretToggle: "Rahasia (Tab untuk mengubah)"
        case .enterToSave: "Ctrl-S simpan"
        case .escToCancel: "Esc batal"
        case .ratingPrompt: "Penilaian pelapor (1–5)"
        case .duplicatePrompt: "Nomor laporan asli (id lokal)"
        case .searchPrompt: "Cari"
        case .limitPrompt: "Saring"
        case .quit: "keluar"
        case .back: "kembali"
        case .open: "buka"
        case .refresh: "muat ulang"
        case .tag: "tandai"
        case .applyToTagged: "terapkan aksi berikut ke yang ditandai"
        case .moveDown: "turun"
        case .moveUp: "naik"
        case .pageDown: "halaman berikut"
        case .pageUp: "halaman sebelumnya"
        case .first: "pertama"
        case .last: "terakhir"
        case .nextMatch: "hasil cari berikutnya"
        case .previousMatch: "hasil cari sebelumnya"
        case .actions: "Aksi"
        case .keys: "Tombol"
        case .workflowTable: "Tabel alur kerja"
        case .newerStore: "Penyimpanan ini dibuat oleh versi Aduan yang lebih baru"
        case .since: "sejak"
        case .by: "oleh"
        case .events: "peristiwa"
        case .verifyHint: "verifikasi & disposisi ke unit"
        case .forwardHint: "teruskan ke instansi lain (Bukan Wewenang)"
        case .replyHint: "tindak lanjut ke pelapor"
        case .noteHint: "catatan internal"
        case .postponeHint: "tunda"
        case .archiveHint: "arsipkan"
        case .closeHint: "tutup (Selesai)"
        case .reopenHint: "buka kembali"
        case .classifyHint: "klasifikasi, kategori, anonim/rahasia"
        case .ccHint: "tembusan ke unit"
        case .replyRecordHint: "catat balasan pelapor"
        case .rateHint: "catat penilaian pelapor"
        case .duplicateHint: "tandai duplikat"
        case .resumeHint: "lanjutkan dari Tunda"
        case .redisposeHint: "disposisi ulang"
        case .passDownHint: "turunkan"
        case .returnUpHint: "kembalikan"
        case .draftHint: "draf"
        case .approveHint: "setujui"
        case .returnDraftHint: "kembalikan draf"
        case .noActionsHere: "Tidak ada aksi yang boleh Anda lakukan pada laporan ini sekarang."
        case .bulkDone: "Selesai diterapkan"
        case .nothingTagged: "Tidak ada laporan yang ditandai."
        case .tabForwarded: "Diteruskan"
        case .mineToggle: "hanya milik unit saya / dengan tembusan (bawaan pejabat penghubung: milik unit saya)"
        case .mineOnlyBadge: "milik unit (M)"
        case .withCopiesBadge: "+tembusan (M)"
        case .forwardNoUnit: "(tanpa unit: instansinya sendiri)"
        case .tabAll: "Semua"
        case .updatedBy: "diubah oleh"
        case .version: "versi"
        case .storeChanged: "Data berubah oleh operator lain; tampilan diperbarui."
        case .anonymityLifted: "anonimitas dicabut"
        case .anonymityGiven: "dijadikan anonim"
        case .confidentialityLifted: "tidak lagi rahasia"
        case .confidentialityGiven: "dijadikan rahasia"
        case .liftAnonymityReason: "Alasan mencabut anonimitas"
        case .liftAnonymityConfirm: "Cabut anonimitas? Nama, telepon, e-mail dan NIK pelapor akan terlihat oleh unit yang menangani"
        case .eachKeepsItsOwn: "masing-masing tetap"
        case .training: "PELATIHAN"
        case .login: "akun"
        }
    }

    public func actionName(_ kind: ActionKind) -> String {
        switch kind {
        case .receive: "Terima laporan"
        case .import: "Impor"
        case .verify: "Verifikasi & disposisi"
        case .classify: "Klasifikasi"
        case .redispose: "Disposisi ulang"
        case .forward: "Teruskan (Bukan Wewenang)"
        case .cc: "Tembusan"
        case .postpone: "Tunda"
        case .resume: "Lanjutkan"
        case .archive: "Arsipkan"
        case .followUp: "Tindak lanjut"
        case .note: "Catatan internal"
        case .reply: "Balasan pelapor"
        case .rate: "Penilaian pelapor"
        case .close: "Tutup (Selesai)"
        case .autoClose: "Selesai otomatis"
        case .reopen: "Buka kembali"
        case .linkDuplicate: "Tandai duplikat"
        case .passDown, .returnUp, .draft, .approve, .returnDraft: HierarchyStrings.actionName(kind, .id)!
        case .message: "Pesan ke pelapor"
        case .escalate: "Eskalasi"
        }
    }

    public func roleName(_ role: Role) -> String {
        switch role {
        case .admin: "admin"
        case .liaison: "penghubung"
        case .supervisor: "pengawas"
        case .system: "sistem"
        case .unitOperator: HierarchyStrings.roleName(.id)
        }
    }

    public func channelName(_ channel: Channel) -> String {
        switch channel {
        case .web: "Situs web"
        case .sms1708: "SMS 1708"
        case .twitter: "X/Twitter @lapor1708"
        case .android: "Aplikasi Android"
        case .ios: "Aplikasi iOS"
        case .walkIn: "Tatap muka"
        case .integrated: "Kanal terintegrasi"
        case .other: "Lainnya"
        }
    }

    public func classificationName(_ c: Classification) -> String {
        switch c {
        case .pengaduan: "Pengaduan"
        case .aspirasi: "Aspirasi"
        case .permintaanInformasi: "Permintaan informasi"
        case .whistleblowing: "Whistle-blowing"
        }
    }

    public func archiveReasonName(_ r: ArchiveReason) -> String {
        switch r {
        case .spam: "Spam"
        case .unclear: "Tidak jelas"
        case .tooGeneral: "Terlalu umum"
        case .notPublicService: "Bukan pelayanan publik"
        case .duplicate: "Duplikat"
        case .other: "Lainnya"
        }
    }

    public func priorityName(_ p: Priority) -> String {
        switch p {
        case .low: "rendah"
        case .normal: "biasa"
        case .high: "tinggi"
        }
    }

    public func requirementName(_ r: Requirement) -> String {
        switch r {
        case .intake: "isi laporan (judul dan instansi)"
        case .importedState: "status asal"
        case .targetUnit: "unit tujuan"
        case .targetAgency: "instansi tujuan"
        case .reason: "alasan"
        case .archiveCode: "kode alasan arsip"
        case .text: "teks"
        case .rating: "nilai 1–5"
        case .duplicateOf: "laporan asli"
        case .changes: "perubahan"
        case .timerExpired: "batas selesai otomatis (deadlines.autoClose) habis tanpa tanggapan"
        case .privacyDecision: "keputusan anonim dan rahasia (anonim ya/tidak dan rahasia ya/tidak) sebelum laporan keluar dari kantor"
        case .unitBelow, .unitAbove, .pendingDraft, .notTheDrafter, .noApprovalRequired: HierarchyStrings.requirementName(r, .id)!
        case .escalationDue: "peringatan atau eskalasi yang sudah jatuh waktu"
        }
    }

    public func deadlineName(_ kind: DeadlineKind) -> String {
        switch kind {
        case .verification: "Verifikasi"
        case .firstFollowUp: "Tindak lanjut pertama"
        case .autoClose: "Selesai otomatis"
        case .resolution: "Batas penyelesaian"
        case .response: "Tanggapan ke pelapor"
        }
    }

    public func holidayKindName(_ kind: HolidayKind) -> String {
        switch kind {
        case .national: "Libur nasional"
        case .collectiveLeave: "Cuti bersama"
        case .regional: "Libur daerah"
        }
    }

    public func refusal(_ r: Refusal, names: Directory, zone: OfficeTimeZone) -> String {
        if let s = HierarchyStrings.refusal(r, names: names, .id) { return s }
        switch r {
        case .disabled(let a):
            return "\(actionName(a)) dinonaktifkan dalam pengaturan kantor ini."
        case .notYourRole(let a, let role, let allowed):
            return "\(actionName(a)) tidak boleh dilakukan oleh \(roleName(role)); hanya oleh \(allowed.map(roleName).joined(separator: ", "))."
        case .wrongStatus(let a, let status, let allowed):
            let now = status?.laporName ?? "baru"
            let ok = allowed.map { $0?.laporName ?? "baru" }.joined(separator: ", ")
            return "\(actionName(a)) tidak bisa untuk laporan berstatus \(now); hanya untuk: \(ok)."
        case .notYourUnit(let a, let holder, let actor):
            if actor.role == .liaison {
                return "\(actionName(a)) ditolak: laporan ini dipegang \(names.holderName(holder)), bukan unit Anda (\(names.unitName(actor.unit ?? "-")))."
            }
            return "\(actionName(a)) ditolak: laporan ini dipegang \(names.agencyName(holder.agency)), bukan instansi Anda."
        case .missing(let a, let req):
            return "\(actionName(a)) memerlukan \(requirementName(req))."
        case .unknownUnit(let u):
            return "Unit \"\(SafeText.excerpt(u, limit: 80))\" tidak ada dalam direktori; unit yang sah: \(listedIDs(names.allUnits.map(\.id), more: "lagi: `aduan office show`"))."
        case .ambiguousUnit(let u, let ids):
            return "Unit \"\(SafeText.excerpt(u, limit: 80))\" cocok dengan beberapa unit: \(ids.joined(separator: ", ")); sebut satu dengan id-nya."
        case .unitNotInAgency(let u, let a):
            return "Unit \"\(names.unitName(u))\" bukan bagian dari \(names.agencyName(a))."
        case .sameUnit(let u):
            return "Laporan sudah dipegang atau ditembuskan ke \(names.unitName(u))."
        case .unknownAgency(let a):
            return "Instansi \"\(SafeText.excerpt(a, limit: 80))\" tidak ada dalam direktori."
        case .sameAgency(let a):
            return "Laporan sudah dipegang \(names.agencyName(a)); pilih instansi lain."
        case .alreadyCopied(let u):
            return "Laporan sudah ditembuskan ke \(names.unitName(u))."
        case .ratingOutOfRange(let n):
            return "Penilaian \(n) tidak sah; gunakan 1 sampai 5."
        case .duplicateOfSelf:
            return "Laporan tidak bisa menjadi duplikat dirinya sendiri."
        case .trackingIDNotDigits(let t):
            return "No. LAPOR! \"\(t)\" harus berupa angka saja."
        case .reasonRequiredForOther:
            return "Alasan arsip \"Lainnya\" memerlukan penjelasan tertulis."
        case .reasonRequiredToLiftAnonymity(let a):
            return "\(actionName(a)) ditolak: mencabut anonimitas membuka identitas pelapor bagi unit yang menangani, jadi perlu alasan (--reason)."
        case .changesNotTakenBy(let a):
            return "\(actionName(a)) tidak mengubah klasifikasi atau keputusan anonim/rahasia di sini; admin memakai Klasifikasi."
        case .escalationNotDue, .escalationRecorded:
            return escalationRefusal(r) ?? ""
        case .autoCloseNotDue(let due):
            if let due { return "Belum waktunya selesai otomatis: batasnya \(formatDateTime(due, zone: zone, table: self))." }
            return "Selesai otomatis hanya setelah tindak lanjut yang belum ditanggapi pelapor."
        case .timeAfterNow, .timeBeforeStoreLast, .reportedTimeInFuture, .reportedTimeBeforeFollowUp, .reportedTimeNotTakenBy:
            return timeRefusal(r, zone: zone)
        case .clockBeforeLastChange(let last):
            return "Waktu aksi lebih awal dari perubahan terakhir (\(formatDateTime(last, zone: zone, table: self))); periksa jam komputer."
        case .alreadyExists(let id):
            return "Laporan #\(id) sudah ada."
        case .trackingIDTaken(let t, let existing):
            return "No. LAPOR! \"\(t)\" sudah ada\(existing.map { " (laporan #\($0))" } ?? ""); setiap nomor dicatat sekali. Tidak ada yang ditulis."
        case .noSuchComplaint(let id):
            return id > 0 ? "Laporan #\(id) tidak ditemukan." : "Laporan tidak ditemukan."
        case .invalidImport(let field):
            return "Data impor tidak sah: \(field) wajib untuk status ini."
        case .receivedAfterImport(let received, let now):
            return "waktu diterima \(received.iso8601(in: zone)) lebih lambat dari sekarang (\(now.iso8601(in: zone))); laporan tidak mungkin tiba setelah diimpor."
        case .importOutsideOwnAgency(let field, let value, let agency):
            return field == "cc"
                ? "menembuskan laporan ke unit \"\(value)\" milik instansi lain; impor hanya masuk ke kotak masuk instansi Anda sendiri (\(names.agencyName(agency))). Tidak ada yang diimpor."
                : "pemegangnya \(names.agencyName(value)) (\"\(value)\"), instansi lain; impor hanya masuk ke kotak masuk instansi Anda sendiri (\(names.agencyName(agency))). Tidak ada yang diimpor."
        case .notVisible(let id):
            return "Laporan #\(id) tidak ada di antara laporan yang boleh Anda lihat."
        case .invalidCharacter(let field):
            return "\(field) berisi karakter NUL (U+0000), yang tidak boleh disimpan."
        case .tooLong(let field, let bytes, let limit):
            return "\(field) terlalu panjang: \(NumberFormat.grouped(bytes, .id)) bita, paling banyak \(NumberFormat.grouped(limit, .id))."
        case .notBelowHolder, .notAboveHolder, .nothingAbove, .noPendingDraft, .approverIsDrafter, .approvalRequired:
            return HierarchyStrings.refusal(r, names: names, language)!
        }
    }

    public func filterError(_ e: FilterError) -> String {
        let at = "posisi \(e.column)"
        switch e.problem {
        case .unknownField(let f, let s):
            return "Saringan, \(at): nama data \"\(SafeText.excerpt(f, limit: 60))\" tidak dikenal" + (s.map { "; maksud Anda \"\($0):\"?" } ?? ".")
        case .badValue(let f, let v, let expected):
            return "Saringan, \(at): nilai \"\(SafeText.excerpt(v, limit: 60))\" tidak sah untuk \(SafeText.excerpt(f, limit: 60)); yang diharapkan: \(expected)."
        case .missingValue(let f):
            let f = SafeText.excerpt(f, limit: 60)
            return "Saringan, \(at): \(f): perlu nilai, misalnya \(f):proses."
        case .unbalancedParenthesis:
            return "Saringan, \(at): tanda kurung tidak berpasangan."
        case .unexpected(let t):
            return "Saringan, \(at): \"\(SafeText.excerpt(t, limit: 60))\" tidak diharapkan di sini."
        case .unterminatedQuote:
            return "Saringan, \(at): tanda kutip tidak ditutup."
        case .emptyGroup:
            return "Saringan, \(at): kurung kosong."
        case .dangling(let op):
            return "Saringan, \(at): \(op.isEmpty ? "ungkapan" : "\"\(op)\"") tidak diikuti syarat."
        case .tooLong(let limit):
            return "Saringan terlalu panjang: paling banyak \(NumberFormat.grouped(limit, .id)) karakter."
        case .tooDeep(let limit):
            return "Saringan, \(at): tanda kurung dan BUKAN bersarang terlalu dalam: paling banyak \(limit) tingkat."
        case .tooManyTerms(let limit):
            return "Saringan, \(at): terlalu banyak syarat: paling banyak \(limit)."
        case .tooManyWords(let limit):
            return "Saringan, \(at): terlalu banyak kata pencarian: paling banyak \(limit), termasuk kata dalam frasa."
        }
    }

    public func replayError(_ e: ReplayError, names: Directory, zone: OfficeTimeZone) -> String {
        switch e {
        case .empty: "tidak ada peristiwa"
        case .firstEventNotIntake(let v): "peristiwa \(v) bukan penerimaan laporan"
        case .intakeAfterStart(let v): "peristiwa \(v) menerima laporan yang sudah ada"
        case .versionGap(let exp, let found): "urutan peristiwa putus: diharapkan versi \(exp), ditemukan \(found)"
        case .wrongComplaint(let exp, let found): "peristiwa milik laporan #\(found) ada di riwayat #\(exp)"
        case .statusMismatch(let v, let rec, let act): "peristiwa \(v) mencatat status \(rec?.laporName ?? "-"), seharusnya \(act?.laporName ?? "-")"
        case .refused(let v, let r): "peristiwa \(v) melanggar aturan: \(refusal(r, names: names, zone: zone))"
        }
    }

    public func eventSummary(_ e: Event, names: Directory) -> String {
        if let s = HierarchyStrings.eventSummary(e, names: names, .id) { return s }
        let d = e.details
        let reason = d.reason.map { ": " + $0 } ?? ""
        switch e.kind {
        case .receive: return "Laporan diterima melalui \(channelName(d.intake?.channel ?? .other))"
        case .import: return "Diimpor dengan status \(d.imported?.status.laporName ?? e.to.laporName)" + (d.source.map { " dari \($0.file), sha256 \($0.sha256.prefix(16))…" } ?? "")
        case .verify: return "Diverifikasi dan didisposisikan ke \(names.unitName(d.unit ?? "-"))" + changesTail(d.changes) + reason
        case .classify: return "Klasifikasi diperbarui" + classifySuffix(d.changes) + (d.reason.map { " — " + $0 } ?? "")
        case .redispose: return "Disposisi ulang ke \(names.unitName(d.unit ?? "-"))" + reason
        case .forward:
            let target = d.unit.map { "\(names.unitName($0)) (\(names.agencyName(d.agency ?? "-")))" } ?? names.agencyName(d.agency ?? "-")
            return "Diteruskan ke \(target) (Bukan Wewenang)" + reason + (e.from == .belumTerverifikasi ? changesTail(d.changes) : "")
        case .cc: return "Tembusan ke \(names.unitName(d.unit ?? "-"))"
        case .postpone: return "Ditunda" + reason
        case .resume: return "Dilanjutkan dari Tunda"
        case .archive: return "Diarsipkan (\(d.archiveReason.map(archiveReasonName) ?? "-"))" + reason
        case .followUp: return d.secret ? "Tindak lanjut rahasia" : "Tindak lanjut"
        case .note: return "Catatan internal"
        case .reply: return "Balasan pelapor"
        case .rate: return "Penilaian pelapor: \(d.rating.map { ComplaintPresentation.stars($0) } ?? "-")"
        case .close: return "Ditutup (Selesai)" + reason
        case .autoClose: return "Selesai otomatis: batas waktu tanpa tanggapan pelapor habis"
        case .reopen: return "Dibuka kembali" + reason
        case .linkDuplicate: return "Ditandai duplikat dari #\(d.duplicateOf.map(String.init) ?? "-")"
        case .passDown, .returnUp, .draft, .approve, .returnDraft: return HierarchyStrings.eventSummary(e, names: names, language)!
        case .message: return "Pesan ke pelapor"
        case .escalate: return escalationEventSummary(e, names: names)
        }
    }

    /// " · tidak anonim, tidak rahasia": apa yang diputuskan saat verifikasi atau penerusan.
    func changesTail(_ c: ClassificationChange?) -> String {
        let s = classifySuffix(c)
        return s.isEmpty ? "" : " ·" + s.dropFirst()
    }

    func classifySuffix(_ c: ClassificationChange?) -> String {
        guard let c else { return "" }
        var parts: [String] = []
        if let v = c.title { parts.append("judul \"\(v)\"") }
        if let v = c.classification { parts.append(classificationName(v)) }
        if let v = c.category { parts.append(v.path) }
        if let v = c.anonymous { parts.append(v ? "anonim" : "tidak anonim") }
        if let v = c.confidential { parts.append(v ? "rahasia" : "tidak rahasia") }
        if let v = c.priority { parts.append("prioritas \(priorityName(v))") }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
    }

    public func countdown(_ r: DeadlineReading) -> String {
        switch r.state {
        case .overdue:
            if r.workingDaysOverdue == 0 {
                // Passed on a day before a weekend or holiday: say how many days ago, never "today".
                switch r.daysOverdue {
                case 0: return "lewat hari ini"
                case 1: return "lewat kemarin"
                default: return "lewat \(r.daysOverdue) hari"
                }
            }
            return "lewat \(r.workingDaysOverdue) hari kerja"
        case .dueSoon, .onTime:
            if r.workingDaysLeft == 0 { return "hari ini" }
            return "\(r.workingDaysLeft) hari kerja lagi"
        }
    }

    public func position(_ index: Int, of total: Int?) -> String {
        guard let total else { return "\(NumberFormat.grouped(index, .id)) dari …" }
        return "\(NumberFormat.grouped(index, .id)) dari \(NumberFormat.grouped(total, .id))"
    }

    public func monthName(_ month: Int) -> String {
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"][max(0, min(11, month - 1))]
    }

    public func monthShort(_ month: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"][max(0, min(11, month - 1))]
    }

    public func weekdayName(_ d: Weekday) -> String { d.indonesianName }
}
